"""Exact quote spans: one suggestion per quoted passage, and the fragments of reported speech.

The direct finder reads a remark as a whole: "“A,” Lie told reporters. “B.”" is one remark
with one cue, and a quotation over several paragraphs (each reopening the marks) is one
quotation. A reviewer annotates quoted passages, though: the words inside each pair of marks,
without the narrator's words between them. `pieces` cuts a remark into its passages (the parts
of one group, sharing speaker and cue); `fragments` finds the quoted words inside reported
speech ("Lie said the strike was an “act of self-defence”"), each a direct quote nested in the
mixed one, unless a veto reads the marks as a title, a code or a term, or scare quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .direct import Article, Quote, after_work_word, title_case
from .lexicon import split_words
from .quotes import RawQuote
from .rules import Rule, Veto, vetoed

# The paragraphs after the first of a quotation that reopens its marks in each one.
CONTINUES = Rule("quote/continues-paragraphs", lambda _q: None)
# A quoted fragment of reported speech, offered as a direct quote inside the mixed one.
NESTED = Rule("quote/nested-fragment", lambda _f: None, 0.7)


def _paragraph_pieces(article: Article, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of [start, end) in each paragraph it crosses, trailing space left out."""
    text = article.text
    pieces = []
    first, last = article.paragraph_of(start), article.paragraph_of(max(start, end - 1))
    for p_start, p_end in article.paragraphs[first : last + 1]:
        s, e = max(start, p_start), min(end, p_end)
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            pieces.append((s, e))
    return pieces


class Quotations:
    """The article's quotations (quotes.find_quotes), searched by where they open."""

    def __init__(self, raw: list[RawQuote]) -> None:
        self.raw = raw
        self.starts = [q.start for q in raw]

    def within(self, start: int, end: int) -> list[RawQuote]:
        """The quotations that open in [start, end), in order."""
        k = bisect_left(self.starts, start)
        found = []
        while k < len(self.raw) and self.raw[k].start < end:
            found.append(self.raw[k])
            k += 1
        return found


# ", he said." ending the paragraph of a quotation whose closing mark is missing.
_ATTRIBUTION_AT_END = re.compile(
    r"(?<=[,.!?’'])\s+(?:he|she|they|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s+"
    r"(?:said|says|added|adds|noted|notes|stated|states)\.?\s*\Z"
)


def _before_attribution(text: str, start: int, end: int) -> int:
    """The end of an unclosed quotation without the attribution that ends its paragraph."""
    found = _ATTRIBUTION_AT_END.search(text, start, end)
    return found.start() if found else end


def pieces(article: Article, quotations: Quotations, quote: Quote) -> list[tuple[int, int, str]]:
    """The quoted passages of a direct quote, each (start, end, rule): the quotations it was
    joined from, each cut at its paragraphs. The first keeps the quote's rule; a paragraph that
    continues a quotation is named by CONTINUES."""
    result: list[tuple[int, int, str]] = []
    for j_start, j_end in quote.joined or [(quote.start, quote.end)]:
        inside = [
            (q.start, q.end if q.closed else _before_attribution(article.text, q.start, q.end))
            for q in quotations.within(j_start, j_end)
            if q.end <= j_end
        ]
        for r_start, r_end in inside or [(j_start, j_end)]:
            for n, (s, e) in enumerate(_paragraph_pieces(article, r_start, r_end)):
                rule = CONTINUES.name if n else quote.rule
                result.append((s, e, rule))
    return result


@dataclass(frozen=True, slots=True)
class _Fragment:
    """Quoted words inside reported speech: the text, where the marks stand, the words inside."""

    text: str
    start: int
    end: int

    @property
    def inner(self) -> str:
        return self.text[self.start : self.end].strip("\"“”«»„‹›'‘’ ")

    @property
    def before(self) -> str:
        return self.text[max(0, self.start - 30) : self.start].lower()


# ("known as" is matched as two words below: "as" alone opens "described it as “…”" too.)
_TERM_WORDS = frozenset(
    split_words("""dubbed named codenamed code-named termed labelled labeled
    label term word words phrase hashtag slogan motto tag""")
)
_CODE = re.compile(r"[#@]\S+|\S*\d\S*|[A-Z][A-Z0-9&./-]+|\S+\.(?:com|org|net|gov)\S*")
_CLOSING = "\"“”«»„‹›'‘’ .,;:!?…"
_SCARE = re.compile(r"(?:so-called|so called|quote-unquote|quote, unquote)\s*$")
# A passive of calling names a thing: "the region was called the “breadbasket”".
_CALLED = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:often\s+|also\s+)?called(?:\s+(?:the|an?))?\s*$"
)


# Nouns for names and terms before "like" or "such as": "confusing names like “…”".
_NAMING_NOUNS = frozenset(
    split_words("names name terms term words word phrases phrase labels label titles brands")
)


# "was called the “green heart”": a passive of naming gives a name, not anyone's words.
_NAMED_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+called\s+(?:the\s+|an?\s+)?$")


def _names_a_term(f: _Fragment) -> bool:
    if _NAMED_PASSIVE.search(f.before):
        return True
    words = f.before.replace(",", " ").split()
    if len(words) >= 2 and words[-1] == "like" and words[-2] in _NAMING_NOUNS:
        return True  # "confusing names like “complete care”"
    if len(words) >= 3 and words[-2:] == ["such", "as"] and words[-3] in _NAMING_NOUNS:
        return True  # "terms such as “fast line”"
    if _CALLED.search(f.before.rstrip()):
        return True  # "was called the “breadbasket” of the region"
    return bool(words) and (words[-1] in _TERM_WORDS or " ".join(words[-2:]) == "known as")


# "what the Herald called “anger”": after "what" and a subject, "called" gives the subject's
# word, not a title (not "what is called “…”", a passive).
_WHAT_CALLED = re.compile(
    r"\bwhat\s+(?!(?:is|are|was|were|has|had|have|been|be)\s)(?:[\w’'.&-]+\s+){1,4}"
    r"(?:called|calls|call)\s*$",
    re.IGNORECASE,
)


def _is_title(f: _Fragment) -> bool:
    """Title-case words without a sentence's end: "the film “The Long Pier”"."""
    inner = f.inner
    return (
        after_work_word(f.text, f.start)
        and not _WHAT_CALLED.search(f.text[max(0, f.start - 60) : f.start])
        or (len(inner.split()) >= 2 and inner[:1].isupper() and inner[-1:] not in ".!?,;:")
        and title_case(inner)
    )


_FRAGMENT_VETOES: tuple[Veto[_Fragment], ...] = (
    # "the film “The Long Pier”", "his book “Hard Choices”"
    Veto("veto/fragment-title", _is_title),
    # "the virus, known as “H5N1”", "the label “XR-7B”", "#StopTheWar"
    Veto(
        "veto/fragment-code",
        lambda f: _names_a_term(f) or (" " not in f.inner and _CODE.fullmatch(f.inner) is not None),
    ),
    # "the so-called “reforms”": the writer's distance, not the speaker's words
    Veto("veto/fragment-scare", lambda f: _SCARE.search(f.before.rstrip()) is not None),
)


def fragments(
    text: str, quotations: Quotations, start: int, end: int, taken: set[int]
) -> list[tuple[int, int]]:
    """The quotations inside reported speech [start, end) that are the speaker's words: closed
    (by `end`, or by marks and punctuation just after it), not in a direct quote already
    (`taken`: their opening marks), and not vetoed."""
    found = []
    for q in quotations.within(start, end):
        if not q.closed or q.end - q.start < 3 or text[end : q.end].strip(_CLOSING):
            continue  # ("… to “raise the levy by a fifth,” Lie said": the span stops at "fifth")
        if q.start in taken:
            continue
        if fragment_veto(text, q.start, q.end) is None:
            found.append((q.start, q.end))
    return found


def fragment_veto(text: str, start: int, end: int) -> str | None:
    """The name of the veto that refuses the quotation [start, end) of reported speech as the
    speaker's words, or None."""
    return vetoed(_FRAGMENT_VETOES, _Fragment(text, start, end))


# The rules that make suggestions (engine.RULE_NAMES), and the vetoes of fragments.
RULE_NAMES: tuple[str, ...] = (CONTINUES.name, NESTED.name)
VETO_NAMES: tuple[str, ...] = tuple(veto.name for veto in _FRAGMENT_VETOES)
