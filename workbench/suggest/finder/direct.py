"""Direct quotations: which quotation marks make a quote worth suggesting, and whose cue.

The decisions are ordered tables of named rules and vetoes (see rules.py): how the words
before a quotation read (`_READINGS`, `_UNFRAMINGS`), what attributes it (`_CUE_RULES`, each
with its score), what drops it (`_QUOTE_VETOES`), when its whole sentence is the quote
(`_MIXED_RULES`), and what a quotation without a cue of its own takes from the remark before
it. `engine.suggest` turns what `find_direct` returns into suggestions; `explain` says which
rule or veto fired on each quotation.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .attribution import (
    Cue,
    cue_after_quote,
    cue_before_quote,
    is_cue_word,
    opening_when_or_where,
    subject_and_rule,
)
from .lexicon import COGNITION_VERBS, split_words
from .quotes import DOUBLE_MARKS, RawQuote, find_quotes
from .rules import Rule, Veto, first, vetoed
from .speakers import mention_after, tokenize
from .text import paragraphs, sentences


@dataclass
class Quote:
    """A direct (or mixed) quotation the finder keeps, with its cue and the rule that made it."""

    start: int
    end: int
    cue: Cue | None
    quote_type: str
    score: float
    paragraph: int
    rule: str = ""
    # The quotations a remark was joined from ("“A,” she said. “B.”"), each (start, end); empty
    # when it is one quotation. parts.py offers each as its own suggestion.
    joined: list[tuple[int, int]] = field(default_factory=list)


def _words(text: str) -> int:
    return len(text.split())


def title_case(text: str, *, loose: bool = False) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words:
        return True
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "by"}
    if loose:
        small |= {"de", "la", "del", "los", "las", "von", "van", "or", "from", "is", "as"}
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in small)
    return caps == len(words) and len(words) <= (12 if loose else 10)


_WORK_WORDS = frozenset(
    split_words("""called titled entitled dubbed book books memoir novel film movie documentary
    show program programme series song album play musical column essay headline""")
)


def after_work_word(text: str, start: int) -> bool:
    """Whether a quotation follows a word that introduces a title: "a play called “…”"."""
    words = text[max(0, start - 30) : start].split()
    return bool(words) and words[-1].strip(",").lower() in _WORK_WORDS


_BYLINE = re.compile(r",?\s*by\s+(?:the\s+)?[A-Z]")
_BRACKETED = re.compile(r"\([ \u00a0]*\Z")
_AFTER_DASH = re.compile(r"\w[ \u00a0]*(?:--|[—–-])[ \u00a0]*\Z")
_CLOSING_BRACKET = re.compile(r"[ \u00a0]*\)")
_DATED = re.compile(r"[ \t\u00a0]*\([^()\n]{0,60}?\b(?:1[89]|20)\d\d\)")
_LINKED = re.compile(r"[ \t\u00a0]*(?:https?://|www\.)\S")


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether a quotation sits inside a clause: a word before it, a lowercase word after."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    words = text[max(0, start - 30) : start].split()
    if (words and is_cue_word(words[-1])) or any(
        w.lower() in {"called", "dubbed", "calls", "calling"} for w in words[-3:]
    ):
        return False  # "chanted “What curfew?”", "what he called a “brazen breach”"
    return (
        len(before) == 2
        and before[0].isalpha()
        and before[1] == " "
        and len(after) == 2
        and after[0] == " "
        and after[1].islower()
    )


_PHRASE_WORDS = frozenset(split_words("to the a an")) | COGNITION_VERBS


def _continues_a_phrase(text: str, start: int) -> bool:
    """Whether a quotation carries on the phrase of the word just before it: after "to", an
    article or a verb of belief ("he thinks “…”") it is part of a reported clause."""
    before = text[max(0, start - 20) : start]
    if not before.endswith((" ", "\u00a0")):
        return False
    words = before.split()
    return bool(words) and words[-1] in _PHRASE_WORDS


def _names_a_work(text: str, start: int) -> bool:
    """Whether a title-case quotation runs on from a word of its sentence ("told Fox's “…”",
    "a play called “…”"), not after a colon, a comma or the start of a paragraph."""
    before = text[max(0, start - 40) : start].rstrip(" \u00a0")
    if not before or before[-1] in ",:;.!?\n—–-(":
        return False
    word = before.split()[-1] if before.split() else ""
    return word[:1].isalpha() and (word[:1].islower() or word.endswith(("’s", "'s")))


class Article:
    """The text with its paragraphs and their sentences, split once for every rule."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.sentences = [sentences(text, s, e) for s, e in self.paragraphs]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def join_quoted(self, raw: list[RawQuote]) -> None:
        """One sentence for a quotation that runs on from a lowercase word of its sentence and
        holds a sentence end ("Lie said the storm had “a lot of rain. It was hard to see.”"):
        the reported clause keeps its quoted fragment whole. A quotation that opens its
        sentence, or follows a colon or a comma, stays split (a cue may sit between)."""
        text = self.text
        for quote in raw:
            if not quote.closed or quote.paragraphs > 1:
                continue
            before = text[max(0, quote.start - 40) : quote.start].rstrip(" \u00a0")
            word = before.split()[-1] if before.split() else ""
            if not word[-1:].isalpha() or not word[:1].islower():
                continue
            index = self.paragraph_of(quote.start)
            spans = self.sentences[index]
            inside = [
                i
                for i, (start, end) in enumerate(spans)
                if i and quote.start < start < quote.end - 1
            ]
            if not inside:
                continue
            first, last = inside[0] - 1, inside[-1]
            if not spans[first][0] <= quote.start < spans[first][1]:
                continue
            spans[first : last + 1] = [(spans[first][0], spans[last][1])]

    def sentence_start(self, offset: int) -> int:
        for start, end in self.sentences[self.paragraph_of(offset)]:
            if start <= offset < end or offset < start:
                return min(start, offset)
        return offset


# How a quotation that does not end its sentence ends: "“…,” he said, “…”"; "“…;” read the
# statement; “…”".
_MID_SENTENCE = frozenset({",", "—", "–", "-", "…", ";"})


def _merge_split(article: Article, raw: list[RawQuote]) -> list[tuple[int, int, Cue | None, bool]]:
    """Join "…,” he said, “…” into one quotation; return (start, end, cue, closed)."""
    text = article.text
    merged: list[tuple[int, int, Cue | None, bool]] = []
    for quote in raw:
        if merged:
            start, end, cue, closed = merged[-1]
            gap = text[end : quote.start]
            if (
                closed
                and cue is None
                and 0 < len(gap) <= 160
                and "\n" not in gap.strip()
                and article.paragraph_of(end) == article.paragraph_of(quote.start)
                and _words(text[start:end]) >= 1
            ):
                found = cue_after_quote(text, end, quote.start)
                mid_sentence = text[start:end].rstrip("\"”'’»›")[-1:] in _MID_SENTENCE
                if (
                    found is not None
                    and mid_sentence
                    and (
                        gap.rstrip()[-1:] in {",", ".", ":", "—", "–", ";"}
                        or _bare(text, found, end, gap, quote)
                    )
                    and not _second_cue(article, found, gap, end, quote)
                ) or (found is not None and _unpunctuated_split(text, start, end, found, quote)):
                    merged[-1] = (start, quote.end, found, quote.closed)
                    continue
                if (
                    found is None
                    and _ASIDE.fullmatch(gap)
                    and _opens_lowercase(text, quote.start)
                    and text[start:end].rstrip("\"”'’»›")[-1:] not in {".", "!", "?"}
                ):
                    # "“I don't think the conventional wisdom” -- that he is a liberal --
                    # “is going to last,” he says": one sentence around an aside.
                    merged[-1] = (start, quote.end, None, quote.closed)
                    continue
        merged.append((quote.start, quote.end, None, quote.closed))
    return merged


def _unpunctuated_split(text: str, start: int, end: int, found: Cue, quote: RawQuote) -> bool:
    """ "“We stand ready” tweeted Lie “to send whatever help we can.”": only a cue and its
    speaker, with no punctuation, between a quotation that does not end a sentence and one
    that goes on with a lowercase word."""
    inner = text[start:end].strip("\"“”'‘’«»‹› ")
    if found.speaker is None or not inner[-1:].isalnum():
        return False
    gap = text[end : quote.start]
    words = (min(found.start, found.speaker.start), max(found.end, found.speaker.end))
    return (
        words == (end + len(gap) - len(gap.lstrip()), end + len(gap.rstrip()))
        and not any(mark in gap for mark in ',.:;!?—–"“”')
        and _opens_lowercase(text, quote.start)
        and _words(text[quote.start : quote.end]) >= 3
    )


def _bare(text: str, found: Cue, end: int, gap: str, quote: RawQuote) -> bool:
    """Whether the words between two quotations are only "X said" (its comma left out) and
    the second is a sentence: "“…,” she said “Ultimately …”"."""
    cue_end = max(found.end, found.speaker.end if found.speaker else 0)
    inner = text[quote.start + 1 : quote.end - 1]
    return (
        cue_end == end + len(gap.rstrip())
        and text[found.start : found.end].lower() in {"said", "says"}
        and _words(inner) >= 4
        and not title_case(inner)
    )


def _second_cue(article: Article, found: Cue, gap: str, end: int, quote: RawQuote) -> bool:
    """Whether the quotation after a split has its own cue: two remarks, not one.

    "“…,” he said, adding, “…”" and "“…,” she said. “…,” she said." are two attributions.
    """
    text = article.text
    between = text[found.end : quote.start]
    if _SENTENCE_BREAK.search(between):
        return True  # "“…,” Ann Lie said. Her verdict: “…”": the next sentence introduces it
    if _NEW_CLAUSE.match(between):
        return True  # "“…,” she said, but despite the fractious tone, “…”"
    if _GOES_ON.search(between):
        return True  # "“…,” she said, then referred to his slogan. “…”"
    tail = [w.strip(",.:;—–-") for w in between.split()]
    # Lowercase words only: "the UCLA Anderson Forecast" names no second cue.
    cues = [k for k, word in enumerate(tail) if word[:1].islower() and is_cue_word(word)]
    if _opens_lowercase(text, quote.start):
        # "“…,” said Ann Lie, speaking of politicians, “and …”": the sentence goes on; only
        # a cue that introduces the second part ("adding, “and …”", "noting that “…”") makes
        # it a new remark.
        cues = [k for k in cues if k == len(tail) - 1 or "that" in tail[k + 1 : k + 3]]
    if cues:
        return True
    if gap.rstrip()[-1:] in {".", ";"}:
        limit = article.paragraphs[article.paragraph_of(quote.end - 1)][1]
        return cue_after_quote(text, quote.end, limit) is not None
    return False


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_ASIDE = re.compile(r"\s*(?:--|[—–-])[^\"“”\n]{1,120}?(?:--|[—–-])\s*")
_NEW_CLAUSE = re.compile(r"[^,;]*[,;]\s+(?:but|yet|though|although|while|whereas)\s+\w+\s+\w+")


def _opens_lowercase(text: str, start: int) -> bool:
    """Whether the words of a quotation start with a lowercase letter (it continues a sentence)."""
    inner = text[start : start + 8].lstrip("\"“”'‘’«„ .…")
    return inner[:1].islower()


# Verbs of saying whose object a quotation right after them is, speaker found or not.
_SAYING = frozenset(
    split_words("""said says saying chanted chanting shouted shouting yelled yelling screamed
    screaming cried crying echoed echoing replied answered""")
)


def _introduced(text: str, start: int) -> bool:
    """Whether a colon or a verb of saying introduces a quotation: "shouting “she wins!”"."""
    before = text[max(0, start - 40) : start].rstrip()
    words = before.split()
    return before.endswith(":") or (bool(words) and words[-1].lower().strip(",") in _SAYING)


def _pull_quote(article: Article, start: int, end: int) -> bool:
    """Whether a quotation left open at the end of its paragraph closes after a short line
    that only names its author ("“…must not happen.\nCharles Chamberlain, Democracy for
    America.”") and its words appear elsewhere in the article: a web page's pull quote."""
    words = article.text[start + 1 : end].split()[:8]
    if len(words) < 4 or article.text.count(" ".join(words)) < 2:
        return False
    following = article.paragraph_of(end) + 1
    if following >= len(article.paragraphs):
        return False
    line_start, line_end = article.paragraphs[following]
    line = article.text[line_start:line_end]
    return (
        len(line) <= 80
        and line[-1:] in {"”", '"'}
        and line[:1].isupper()
        and not any(mark in line[:-1] for mark in '“”"')
    )


_THAT = re.compile(r"\bthat\b", re.I)
_THAT_NEXT = re.compile(r"\s*that\b[^:]*,\s*$")
_THAT_COLON = re.compile(r"\s*that\b[^:;]*:\s*$")


def _reports_that(text: str, start: int, end: int) -> bool:
    """Whether a cue and 'that' open a reported clause between start and end ("He said that
    …", "Ann Lie told CNN on Tuesday that …"); not "that power", "a clause that requires"."""
    for match in _THAT.finditer(text, start, end):
        if "," in text[match.end() : end]:
            continue  # "charges that Rush Limbaugh, for one, called “…”": a clause of its own
        words = text[max(start, match.start() - 40) : match.start()].split()[-4:]
        if any(is_cue_word(word.strip(",")) and word[:1].islower() for word in words):
            return True
    return False


def _opens_sentence(text: str, start: int, end: int, pre: str) -> bool:
    """Whether a quotation after a comma or colon is a sentence of its own, not a phrase that
    the clause before it frames ("said that in this climate, “it's an advantage”")."""
    inner = text[start + 1 : end].lstrip("'‘ ")
    if pre.rstrip().endswith(":") and _SUBORDINATE.match(pre):
        pre = pre[pre.find(",") + 1 :]  # "When Trump suggested that …, Rubio fired back: “…”"
    return inner[:1].isupper() and not title_case(inner) and not _THAT.search(pre)


_SUBORDINATE = re.compile(r"\s*(?:When|After|Before|As|If|While|Though|Although|Because)\b[^:]*,")


@dataclass(slots=True)
class _Place:
    """A quotation being read: where it stands, the words of its sentence before it, and the
    cue before it (with whether those words frame it) as the reading rules leave them."""

    article: Article
    start: int
    end: int
    paragraph: int
    sentence_start: int
    pre: str
    last: str
    cue_before: Cue | None
    framed: bool

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def words_before(self) -> list[str]:
        return self.pre.rstrip().split()

    def end_limit(self) -> int:
        """The end of the paragraph the quotation ends in: how far a cue after it may reach."""
        return self.article.paragraphs[self.article.paragraph_of(self.end - 1)][1]


def _place(article: Article, start: int, end: int) -> _Place:
    text = article.text
    sentence_start = article.sentence_start(start)
    pre = text[sentence_start:start]
    pre_stripped = pre.rstrip()
    cue_before, framed = (
        cue_before_quote(text, sentence_start, start) if pre_stripped else (None, False)
    )
    return _Place(
        article,
        start,
        end,
        article.paragraph_of(start),
        sentence_start,
        pre,
        pre_stripped[-1:],
        cue_before,
        framed,
    )


# How the words before a quotation read: each rule returns (cue before, framed) to replace
# what cue_before_quote found, or None to pass. First that decides wins.
_FRAMED: tuple[Cue | None, bool] = (None, True)


def _that_colon(p: _Place) -> bool:
    return (
        p.cue_before is not None
        and _THAT_COLON.match(p.text, p.cue_before.end, p.start) is not None
        and cue_after_quote(p.text, p.end, p.article.paragraphs[p.paragraph][1]) is None
    )


def _reported_clause(p: _Place) -> bool:
    return (
        p.cue_before is not None
        and p.last.isalpha()
        and _opens_lowercase(p.text, p.start)
        and _reports_that(p.text, p.sentence_start, p.cue_before.start)
    )


def _told_listener(p: _Place) -> tuple[Cue | None, bool] | None:
    if p.cue_before is None and p.framed and p.last in {",", ":"}:
        told = _told(p.text, p.sentence_start, p.start)
        if told is not None:
            return told, False
    return None


_READINGS: tuple[Rule[_Place, tuple[Cue | None, bool]], ...] = (
    # "According to X, the debt “is mainly …”": mixed
    Rule(
        "reading/according-frames",
        lambda p: _FRAMED if _according_frames(p.text, p.cue_before, p.start) else None,
    ),
    # "he added that, “…”"
    Rule(
        "reading/that-after-cue",
        lambda p: (
            _FRAMED
            if p.cue_before is not None and _THAT_NEXT.match(p.text, p.cue_before.end, p.start)
            else None
        ),
    ),
    # "he said that the plan: “…”" with no cue after the quotation
    Rule("reading/that-colon", lambda p: _FRAMED if _that_colon(p) else None),
    # "He said that he would offer “a prayer” for …": words of a reported clause
    Rule("reading/reported-clause", lambda p: _FRAMED if _reported_clause(p) else None),
    # "Carson … told his supporters, “our nation …”"
    Rule("reading/told-listener", _told_listener),
)

# Framing words that do not frame after all: the quotation is a sentence of its own.
_UNFRAMINGS: tuple[Veto[_Place], ...] = (
    # "… was unserious - “Again, we need the details,” she said - and …"
    Veto(
        "reading/aside-with-cue",
        lambda p: (
            p.framed
            and p.last in {"(", "-", "—", "–"}
            and bool(cue_after_quote(p.text, p.end, p.end_limit()))
        ),
    ),
    # "…, he told Chris Wallace of Fox News, “So, North Korea has nukes.”"
    Veto(
        "reading/opens-sentence",
        lambda p: (
            p.framed
            and p.last in {",", ":", "(", "-", "—", "–"}
            and _opens_sentence(p.text, p.start, p.end, p.pre)
        ),
    ),
)

_CLAUSE_MARKS = frozenset({"", ":", ",", "—", "–", "-", "(", "…", ".", "!", "?"})


def _clausal(p: _Place) -> bool:
    """Whether the quotation is a clause of its own (else a scare quote or a quoted term)."""
    clausal = (p.last in _CLAUSE_MARKS and not p.framed) or (
        p.cue_before is not None and not p.framed
    )
    words = p.words_before
    if not clausal and words and words[-1].lower().strip(",") in _SAYING:
        clausal = not _THAT.search(p.pre)  # "Some chanted “USA! USA!”": the verb's object
    return clausal


def _comma_subject(p: _Place) -> tuple[Cue, str] | None:
    """ "Earlier, Ann Lie shared her doubts with donors in Leeds, “I do not know …”": a
    person's clause before a whole quoted sentence, as before a colon."""
    text = p.text
    if not (
        p.last == ","
        and len(p.words_before) >= 5
        and _opens_sentence(text, p.start, p.end, p.pre)
        and not _has_quote_mark(text, p.sentence_start, p.start)
    ):
        return None
    speaker, cue_span, rule = subject_and_rule(text, p.sentence_start, p.start)
    if (
        speaker is not None
        and cue_span is not None
        and (speaker.kind == "name" or speaker.text.lower() in {"he", "she"})
        and not speaker.text.endswith("ing")  # "Dashing into the lunch, …"
        and not _PREPOSITION_BEFORE.search(text, p.sentence_start, speaker.start)
    ):
        return Cue(cue_span[0], cue_span[1], speaker, rule=rule), "colon"
    return None


def _colon_subject(p: _Place) -> tuple[Cue, str] | None:
    if p.last != ":":
        return None
    speaker, cue_span, rule = subject_and_rule(p.text, p.sentence_start, p.start)
    if speaker is not None and cue_span is not None:
        return Cue(cue_span[0], cue_span[1], speaker, rule=rule), "colon"
    return None


def _sentences_just_before(p: _Place, limit: int) -> list[tuple[int, int]]:
    """The sentences of the paragraph that end just before the quotation (only white space
    between), shorter than `limit`, when the quotation opens its sentence."""
    if p.pre.strip():
        return []
    text = p.text
    return [
        (s_start, s_end)
        for s_start, s_end in p.article.sentences[p.paragraph]
        if s_end <= p.start and not text[s_end : p.start].strip() and s_end - s_start < limit
    ]


def _cue_sentence(p: _Place) -> tuple[Cue, str] | None:
    """ "Dianne Bystrom agreed. “…”": a sentence that is only a cue, just before the quote
    (not the cue of a quotation before it: "“…?” he asked. “…”" is one remark)."""
    text = p.text
    for s_start, s_end in _sentences_just_before(p, 160):
        if not _has_quote_mark(text, max(0, s_start - 3), s_end):
            cue, _ = cue_before_quote(text, s_start, s_end - 1)
            if cue is not None and text[cue.end : s_end - 1].strip(" ,") == "":
                return cue, "before"
    return None


def _and_cue(p: _Place) -> tuple[Cue, str] | None:
    """ "“…,” Ann Lie said, and her husband replied. “…”": a second cue, for the next
    quotation, closes the sentence of the first one."""
    text = p.text
    for s_start, s_end in _sentences_just_before(p, 400):
        joined = _AND_CUE.search(text, s_start, s_end)
        if joined is not None and not _has_quote_mark(text, joined.end(), s_end):
            cue, _ = cue_before_quote(text, joined.end(), s_end - 1)
            if (
                cue is not None
                and cue.speaker is not None
                and cue.speaker.start == joined.end()
                and text[cue.end : s_end - 1].strip(" ,") == ""
            ):
                return cue, "before"
    return None


def _colon_paragraph(p: _Place) -> tuple[int, int] | None:
    """The last sentence of the paragraph before, when it ends with a colon that introduces
    the paragraph the quotation opens."""
    article = p.article
    if p.pre.strip() or p.start != article.paragraphs[p.paragraph][0] or p.paragraph == 0:
        return None
    prev_end = article.paragraphs[p.paragraph - 1][1]
    if p.text[prev_end - 1 : prev_end] != ":":
        return None
    return article.sentences[p.paragraph - 1][-1][0], prev_end


def _colon_paragraph_cue(p: _Place) -> tuple[Cue, str] | None:
    span = _colon_paragraph(p)
    cue = cue_before_quote(p.text, *span)[0] if span is not None else None
    return (cue, "colon") if cue is not None else None


def _colon_paragraph_subject(p: _Place) -> tuple[Cue, str] | None:
    span = _colon_paragraph(p)
    if span is None:
        return None
    speaker, cue_span, rule = subject_and_rule(p.text, *span)
    if speaker is not None and cue_span is not None:
        return Cue(cue_span[0], cue_span[1], speaker, rule=rule), "colon"
    return None


# The cue of a quotation read as a clause of its own: (cue, how), with the score beside it.
_CUE_RULES: tuple[Rule[_Place, tuple[Cue, str]], ...] = (
    Rule(
        "quote/cue-after",
        lambda p: _after(cue_after_quote(p.text, p.end, p.end_limit())),
        0.95,
    ),
    # "“…” ― Ana Ruiz"
    Rule("quote/signature", lambda p: _after(_signature(p.text, p.end, p.end_limit())), 0.9),
    Rule(
        "quote/cue-before",
        lambda p: (p.cue_before, "before") if p.cue_before is not None else None,
        0.9,
    ),
    # "“…” at the convention, he said."
    Rule("quote/cue-ends-sentence", lambda p: _after(_cue_at_sentence_end(p.article, p.end)), 0.9),
    # "Ann Lie had a warning: “…”"
    Rule("quote/colon-subject", _colon_subject, 0.8),
    Rule("quote/comma-subject", _comma_subject, 0.7),
    Rule("quote/cue-sentence-before", _cue_sentence, 0.8),
    Rule("quote/and-cue-before", _and_cue, 0.75),
    # "Ann Lie said:¶“…”"
    Rule("quote/colon-paragraph-cue", _colon_paragraph_cue, 0.85),
    Rule("quote/colon-paragraph-subject", _colon_paragraph_subject, 0.8),
)
# A clausal quotation no rule attributes: kept, scored later by what follows it.
_NO_CUE: Rule[_Place, tuple[Cue, str]] = Rule("quote/no-cue", lambda _p: None, 0.0)


def _after(cue: Cue | None) -> tuple[Cue, str] | None:
    return None if cue is None else (cue, "after")


@dataclass(frozen=True, slots=True)
class Step:
    """A named rule or veto that fired on the quotation at start:end (see `explain`)."""

    start: int
    end: int
    name: str


@dataclass(slots=True)
class _Attribution:
    rule: str
    cue: Cue | None
    how: str
    score: float


def _attribute(
    article: Article, start: int, end: int, trace: list[Step] | None = None
) -> _Attribution | None:
    """Return the rule, cue, how and score for a quotation; None for scare quotes (embedded).

    The reading rules that fired are added to `trace` when one is given."""
    place = _place(article, start, end)
    reading = first(_READINGS, place)
    if reading is not None:
        place.cue_before, place.framed = reading[1]
    unframed = vetoed(_UNFRAMINGS, place)
    if unframed:
        place.framed = False
    if trace is not None:
        trace.extend(Step(start, end, r) for r in (reading and reading[0].name, unframed) if r)
    if not _clausal(place):
        calling = _calling_opening(place)
        if calling is None:
            return None
        return _Attribution(_CALLING_OPENING.name, calling, "before", _CALLING_OPENING.score)
    fired = first(_CUE_RULES, place)
    if fired is None:
        return _Attribution(_NO_CUE.name, None, "none", _NO_CUE.score)
    rule, (cue, how) = fired
    return _Attribution(rule.name, cue, how, rule.score)


# "Calling it “just another delay”, Ann Lie told …": a participle of naming opens the
# sentence; the quoted words are the subject's after the comma.
_CALLING = re.compile(
    r"(?:Calling|Describing|Branding|Labelling|Labeling|Dubbing)\s+"
    r"(?:it|them|this|that|him|her|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:as\s+)?$"
)
_CALLING_OPENING = Rule("quote/calling-opening", lambda _p: None, 0.75)


def _calling_opening(p: _Place) -> Cue | None:
    """The subject after the comma that closes an opening "Calling it “…”," as the speaker of
    the quoted words, with the participle as the cue."""
    text = p.text
    if _CALLING.fullmatch(p.pre.lstrip()) is None:
        return None
    comma = re.compile(r"[,”\"’]*\s*,\s*").match(text, p.end)
    if comma is None:
        return None
    stop = p.article.paragraphs[p.paragraph][1]
    tokens = tokenize(text, comma.end(), stop)
    speaker = mention_after(text, tokens, 0) if tokens else None
    if speaker is None or speaker.kind not in {"name", "pronoun"}:
        return None
    participle = p.sentence_start + len(p.pre) - len(p.pre.lstrip())
    cue_end = text.index(" ", participle)
    return Cue(participle, cue_end, speaker, rule=_CALLING_OPENING.name)


# "In Sen. Ann Lie's column on May 10, “…”": the name is a preposition's object.
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|on|at|of|for|from|with|by|to)\s+(?:\S+\s+)?$", re.I)
_AND_CUE = re.compile(r"[”\"'],? [\w.’'-]+(?: [\w.’'-]+){0,3}, and ")
_TELLING = re.compile(r"\b(?:told|tells|telling)\b")


def _told(text: str, sentence_start: int, start: int) -> Cue | None:
    """A cue whose listener, however long, ends with the comma before the quotation: "Carson
    … told his supporters, “our nation …”", "she told the mayors who gathered in the city
    of Indianapolis, “no one …”" (no 'that', no other cue between)."""
    found = None
    for match in _TELLING.finditer(text, sentence_start, start):
        found = match
    if found is None:
        return None
    tail = text[found.end() : start]
    if _THAT.search(tail) or _has_quote_mark(text, found.end(), start):
        return None
    if any(is_cue_word(w.strip(",.:;")) for w in tail.split()):
        return None
    if len(tail.split()) > 14:
        return None
    cue, framed = cue_before_quote(text, sentence_start, found.end())
    return None if framed else cue


def _according_frames(text: str, cue: Cue | None, start: int) -> bool:
    """Whether words of the sentence come between "According to X," and a quotation: then
    they frame it ("According to the office, the rise in debt “is mainly …”")."""
    if (
        cue is None
        or cue.speaker is None
        or not text[cue.start : cue.end].lower().startswith("according")
    ):
        return False
    return bool(text[cue.speaker.end : start].strip(" ,:\u00a0"))


def _has_quote_mark(text: str, start: int, end: int) -> bool:
    return any(c in DOUBLE_MARKS for c in text[start:end]) or "''" in text[start:end]


_SIGNATURE = re.compile(r"[ \t\u00a0]*[―—][ \t\u00a0]*")
_SIGNATURE_LINE = re.compile(r"\s*\n[ \t\u00a0]*[-–―—][ \t\u00a0]*(?=[A-Z])")


def _signature(text: str, end: int, paragraph_end: int) -> Cue | None:
    """A quotation signed with a dash and a name that ends its paragraph ("“…” ― Ana Ruiz"), or
    on the line after it ("“…”¶- Ana Ruiz.")."""
    dash = _SIGNATURE.match(text, end, paragraph_end)
    described = False
    if dash is None and not text[end:paragraph_end].strip():
        # "“…”\n\n- Ann Lie." or "-Ann Lie, tweeting after the vote.": a line of its own.
        dash = _SIGNATURE_LINE.match(text, paragraph_end)
        if dash is not None:
            line_end = text.find("\n", dash.end())
            paragraph_end = len(text) if line_end < 0 else line_end
            described = True
    if dash is None or paragraph_end - dash.end() > 60:
        return None
    tokens = tokenize(text, dash.end(), paragraph_end)
    speaker = mention_after(text, tokens, 0)
    if speaker is None or speaker.kind == "pronoun":
        return None
    rest = text[speaker.end : paragraph_end]
    if rest.strip(" .,") and not (described and rest.startswith(",") and len(rest.split()) <= 8):
        return None
    return Cue(dash.end() - 1, dash.end(), speaker, rule="cue-after/dash-name")


_WHO = re.compile(r",\s+who\s")


def _cue_at_sentence_end(article: Article, end: int) -> Cue | None:
    """A cue closing the sentence the quotation opens: "“…” at the convention, he said."."""
    text = article.text
    sentence_end = None
    for s_start, s_end in article.sentences[article.paragraph_of(end - 1)]:
        if s_start < end <= s_end:
            sentence_end = s_end
            break
    if sentence_end is None or sentence_end - end > 300:
        return None
    comma = text.rfind(",", end, sentence_end)
    while comma > end:
        # "… a “cautionary tale,” said Ann Lie": past the closing mark after the comma
        mark = comma + 2 if text[comma + 1 : comma + 2] in {"”", '"'} else comma
        cue = cue_after_quote(text, mark, sentence_end)
        if cue is not None and cue.speaker is not None:
            role_end = cue.speaker.role_span[1] if cue.speaker.role_span else 0
            rest = text[max(cue.end, cue.speaker.end, role_end) : sentence_end]
            if _WHO.match(rest) or (rest.startswith(",") and text[comma - 1 : comma + 1] != "”,"):
                # "…, said Ann Lie, who teaches law at …": a description; "“…” income, he
                # said, rather than …": the cue set off by commas inside the paraphrase.
                rest = ""
            if len(rest.split()) <= 6 and not any(m in rest for m in '“”"'):
                return cue
        comma = text.rfind(",", end, comma)
    return None


@dataclass(slots=True)
class _Candidate:
    """A clausal quotation and its attribution, as the vetoes and the shape rules see it."""

    article: Article
    start: int
    end: int
    closed: bool
    inner: str
    words: int
    paragraph: int
    attribution: _Attribution
    answer: bool
    continuing: bool

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def cue(self) -> Cue | None:
        return self.attribution.cue

    @property
    def how(self) -> str:
        return self.attribution.how


def _headline_marks(c: _Candidate) -> bool:
    text = c.text
    return (
        c.cue is None
        and text[c.start] in "‘'"
        and not text.startswith("''", c.start)
        and (c.start, c.end) == c.article.paragraphs[c.paragraph]
    )


def _short_title(c: _Candidate) -> bool:
    return (
        c.cue is not None
        and c.words < 3
        and title_case(c.inner)
        and not c.answer
        and not (c.how == "colon" and _speaker_line(c.article, c.cue, c.start))
    )


# Reasons a clausal quotation is not suggested, tried in order (the first that applies drops it).
_QUOTE_VETOES: tuple[Veto[_Candidate], ...] = (
    Veto("veto/one-word", lambda c: c.words < 2 and not c.answer),
    # headlines, titles of works, slogans
    Veto(
        "veto/short-unattributed",
        lambda c: (
            c.cue is None and not c.continuing and c.words < 6 and not _introduced(c.text, c.start)
        ),
    ),
    Veto(
        "veto/title-unattributed",
        lambda c: c.cue is None and not c.continuing and title_case(c.inner),
    ),
    # "¶'A fight from start to finish.'¶": single marks, a headline's style
    Veto("veto/headline-single-marks", _headline_marks),
    # "his stock answer — “I'll be fine” — is likely": an apposition
    Veto(
        "veto/apposition",
        lambda c: c.cue is None and bool(_AFTER_DASH.search(c.text, max(0, c.start - 4), c.start)),
    ),
    # "rank voters from 1 (“I'm voting for Eric”) to 6": an example in brackets
    Veto(
        "veto/bracketed-example",
        lambda c: (
            bool(_BRACKETED.search(c.text, max(0, c.start - 4), c.start))
            and bool(_CLOSING_BRACKET.match(c.text, c.end))
        ),
    ),
    # "“The museum will close …” http://…": an excerpt of a linked article
    Veto("veto/linked-excerpt", lambda c: bool(_LINKED.match(c.text, c.end))),
    # "“Yes to minaret ban” (2009)": a slogan or work cited with its year
    Veto("veto/dated-citation", lambda c: bool(_DATED.match(c.text, c.end))),
    # "“Gallery to close in May,” by the Times’ Ann Berg: …" (a headline)
    Veto(
        "veto/byline",
        lambda c: (
            (c.cue is None or title_case(c.inner, loose=True))
            and bool(_BYLINE.match(c.text, c.end))
        ),
    ),
    # "Ann Lie: ‘No Regrets’ Over …" is a headline's quote, though short
    Veto("veto/short-title", _short_title),
    # "told ABC's “Good Morning America”", "his book ''The Art of the Deal.''"
    Veto(
        "veto/names-a-work",
        lambda c: (
            c.cue is not None
            and c.words <= 6
            and title_case(c.inner)
            and _names_a_work(c.text, c.start)
        ),
    ),
    # "a play called “Los Hijos de Trump”", "his memoir “The Long Pier”"
    Veto(
        "veto/work-title",
        lambda c: (
            c.words <= 12 and after_work_word(c.text, c.start) and title_case(c.inner, loose=True)
        ),
    ),
    # "a detailed “policy address” on immigration": a scare quote
    Veto("veto/scare-quote", lambda c: c.words <= 3 and _runs_on(c.text, c.start, c.end)),
    # "she pledged to “defend the schools”": part of reported speech (mixed)
    Veto("veto/continues-phrase", lambda c: _continues_a_phrase(c.text, c.start)),
    # "“…\nAnn Lie, Democracy Now.”": a pull quote repeating the text
    Veto("veto/pull-quote", lambda c: not c.closed and _pull_quote(c.article, c.start, c.end)),
)
# A quotation read as words inside a sentence: scare quotes, quoted terms.
EMBEDDED = "veto/embedded"

# Quotations whose sentence is attributed as a whole: the mixed quote they make, scored.
_MIXED_RULES: tuple[Rule[_Candidate, tuple[int, int]], ...] = (
    # "In past campaigns, “we felt …,” he said.": the words before the quotation are part of
    # what is attributed, a mixed quote from the start of the sentence.
    Rule(
        "quote/framed-mixed",
        lambda c: _span(_framing(c.article, c.start), c.end) if c.how == "after" else None,
        0.75,
    ),
    # "“It's our bad luck,” he said, that both men …": the sentence the quotation opens goes
    # on in the writer's words after the attribution, a mixed quote.
    Rule(
        "quote/runs-on-mixed",
        lambda c: (
            _span(c.start, _goes_on_unquoted(c.article, c.cue, c.end)) if c.how == "after" else None
        ),
        0.75,
    ),
)
# "“…,” said Ann Lie, “…”": the two halves of a split quotation around its cue.
_SPLIT = Rule("quote/split", lambda _c: None, 0.97)
# An open quotation (no closing mark found) is less sure.
_UNCLOSED_FACTOR = 0.8


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return None if start is None or end is None else (start, end)


def _candidate(
    article: Article,
    start: int,
    end: int,
    closed: bool,
    found: list[Quote],
    trace: list[Step] | None,
) -> _Candidate | str:
    """Return the quotation as a candidate, or the name of the veto that drops it."""
    text = article.text
    inner = text[start + 1 : end - 1 if closed else end]
    attribution = _attribute(article, start, end, trace)
    if attribution is None:
        return EMBEDDED
    words = _words(inner)
    paragraph = article.paragraph_of(start)
    cue, how = attribution.cue, attribution.how
    candidate = _Candidate(
        article,
        start,
        end,
        closed,
        inner,
        words,
        paragraph,
        attribution,
        # A whole short answer a cue attributes: "“Absolutely,” he said", "Ann Lie said, “No.”"
        cue is not None and words < 3 and _short_answer(article, start, end, how),
        # A short remark after an attributed quotation of its paragraph continues it.
        bool(found) and found[-1].paragraph == paragraph and found[-1].cue is not None,
    )
    return vetoed(_QUOTE_VETOES, candidate) or candidate


def _shape(c: _Candidate) -> Quote:
    """The quote a candidate makes: mixed when its sentence is attributed whole, else direct."""
    fired = first(_MIXED_RULES, c)
    if fired is not None:
        rule, (start, end) = fired
        return Quote(start, end, c.cue, "mixed", rule.score, c.paragraph, rule.name)
    score = c.attribution.score
    if not c.closed:
        score *= _UNCLOSED_FACTOR
    return Quote(c.start, c.end, c.cue, "direct", score, c.paragraph, c.attribution.rule)


def find_direct(
    article: Article, raw: list[RawQuote], trace: list[Step] | None = None
) -> list[Quote]:
    """Return the quotations worth suggesting; add every rule and veto that fired to `trace`
    when one is given (before the remarks are joined)."""
    found: list[Quote] = []
    for start, end, split_cue, closed in _merge_split(article, raw):
        if split_cue is not None:
            paragraph = article.paragraph_of(start)
            quote = Quote(start, end, split_cue, "direct", _SPLIT.score, paragraph, _SPLIT.name)
        else:
            candidate = _candidate(article, start, end, closed, found, trace)
            if isinstance(candidate, str):
                if trace is not None:
                    trace.append(Step(start, end, candidate))
                continue
            quote = _shape(candidate)
        if trace is not None:
            trace.append(Step(quote.start, quote.end, quote.rule))
        found.append(quote)
    return _join_remarks(article, found)


def explain(text: str) -> list[Step]:
    """Return, quotation by quotation, the reading rules, the veto or the quote rule that fired.

    For development and tests: `suggest` says only which rule made each suggestion; this also
    says why a quotation was not suggested.
    """
    article = Article(text)
    trace: list[Step] = []
    find_direct(article, find_quotes(text, article.paragraphs), trace)
    return trace


# A quotation with no cue of its own takes the speaker of the previous remark near it ...
_INHERITS = Rule("quote/inherits-speaker", lambda _q: None, 0.6)
# ... (or of the nearest attribution before it, direct or indirect: engine._carry_speakers) ...
# ... or stays unattributed.
_UNATTRIBUTED = Rule("quote/unattributed", lambda _q: None, 0.35)


def _join_remarks(article: Article, found: list[Quote]) -> list[Quote]:
    """A quotation with no cue of its own continues the previous remark: joined to it in the
    same paragraph or when it opens the next one after only an attribution; else the speaker
    is inherited."""
    text = article.text
    result: list[Quote] = []
    for quote in found:
        if quote.quote_type != "direct":
            result.append(quote)
            continue
        previous = result[-1] if result else None
        if previous is not None and previous.quote_type != "direct":
            previous = None
        if quote.cue is None and previous is not None and previous.cue is not None:
            own = text[article.sentence_start(quote.start) : quote.start].rstrip()
            if (
                quote.paragraph == previous.paragraph
                and not own.endswith(":")
                and not _GOES_ON.search(text, previous.end, quote.start)
                and not _participle_cue(text, previous.end, quote.start)
            ) or _continues(article, previous, quote):
                _absorb(previous, quote)
                continue
            if quote.paragraph - previous.paragraph <= 2 and quote.start - previous.end < 1500:
                quote.cue = Cue(-1, -1, previous.cue.speaker, rule=previous.cue.rule)
                quote.score, quote.rule = _INHERITS.score, _INHERITS.name
        elif (
            quote.cue is None
            and previous is not None
            and (
                quote.paragraph == previous.paragraph
                or (previous.cue is None and _next_line(text, previous.end, quote.start))
            )
        ):
            # Two unattributed quotations of one paragraph, or on lines of one block: one remark
            _absorb(previous, quote)
            continue
        if quote.cue is None:
            quote.score, quote.rule = _UNATTRIBUTED.score, _UNATTRIBUTED.name
        result.append(quote)
    return result


def _absorb(previous: Quote, quote: Quote) -> None:
    """Join a quotation to the remark before it, keeping the span of each."""
    previous.joined = [
        *(previous.joined or [(previous.start, previous.end)]),
        *(quote.joined or [(quote.start, quote.end)]),
    ]
    previous.end = quote.end


_PARTICIPLE_CUE = re.compile(r"\b([a-z]+ing)(?: [a-z]+){0,2}[,:]\s*$")


def _participle_cue(text: str, end: int, start: int) -> bool:
    """Whether a participle of saying introduces the next quotation: "“…,” she sings to him
    before asking him, “…”" is a second remark, not the rest of the first."""
    match = _PARTICIPLE_CUE.search(text, end, start)
    return match is not None and is_cue_word(match.group(1))


def _next_line(text: str, end: int, start: int) -> bool:
    """Whether a quotation opens the line right after the one another quotation ends (a single
    line break, no blank line): lines of one block, "“…”\n“…”"."""
    gap = text[end:start]
    return not gap.strip() and gap.count("\n") == 1


_RUNS_ON = re.compile(
    r"[^.!?\"“”\n,]{0,60},\s+(?:that|would|will|could|should|was|were|is|are|had|has)\b"
)


def _goes_on_unquoted(article: Article, cue: Cue | None, end: int) -> int | None:
    """The end of the sentence when a quotation that stops at a comma ("“It's our bad luck,”")
    has its sentence go on, unquoted, after the attribution: "… he said, that both men …"."""
    text = article.text
    if cue is None or cue.start < end or text[end - 2 : end - 1] != ",":
        return None
    cue_end = max(cue.end, cue.speaker.end if cue.speaker else 0)
    if not _RUNS_ON.match(text, cue_end):
        return None
    for _, s_end in article.sentences[article.paragraph_of(cue_end)]:
        if s_end > cue_end:
            if _has_quote_mark(text, cue_end, s_end):
                return None  # "… he said, that it “…”": the next quotation goes on
            return s_end - 1 if text[s_end - 1] in ".!?" else s_end
    return None


def _speaker_line(article: Article, cue: Cue, start: int) -> bool:
    """Whether only a speaker's name and a colon open the paragraph before a quotation: the
    headline convention "Ann Lie: ‘No Regrets’ Over Budget Vote" (a quote, however short)."""
    speaker = cue.speaker
    return (
        speaker is not None
        and speaker.start == article.paragraphs[article.paragraph_of(start)][0]
        and article.text[speaker.end : start].strip() == ":"
    )


# "“…,” she told the crowd, then referred to his slogan. “…”", "“…,” Ann said, and her
# husband cut in. “…”": the attribution goes on to a deed of its own; the next quotation is a
# new remark.
_GOES_ON = re.compile(
    r"(?:,|\s[-—–])\s+(?:and(?:\s+then)?\s+(?!who\b|whom\b|which\b)|then\s+(?=\w+ed\b))"
    r"[^\"“”,]*[.!?]\s*$"
)
_ANSWER = re.compile(r"[\"“«„‘']{1,2}[A-Z][\w’'-]*(?: [\w’'-]+)?[,.!?]+[\"”»“’']{1,2}")


def _short_answer(article: Article, start: int, end: int, how: str) -> bool:
    """Whether a quotation of a word or two is a whole remark: it starts with a capital and
    ends with its own punctuation, and either opens its sentence with the cue after it
    ("“Absolutely,” he said") or follows the cue and a comma or colon ("said, “Probably.”")."""
    text = article.text
    if not _ANSWER.fullmatch(text, start, end):
        return False
    pre = text[article.sentence_start(start) : start].rstrip()
    if how == "after":
        return not pre
    return how in {"before", "colon"} and pre[-1:] in {",", ":"}


def _framing(article: Article, start: int) -> int | None:
    """The start of the words that frame a quotation whose cue follows it, when no cue is among
    them: "In this election, “resources don't …,” said Ann Lie" (not "Still, she added, “…”",
    nor an opening that says when or where, the writer's words: "On Monday, “…,” the union
    said" is the quotation alone)."""
    text = article.text
    sentence_start = article.sentence_start(start)
    pre = text[sentence_start:start].rstrip()
    if not pre.endswith(",") or _has_quote_mark(text, sentence_start, start):
        return None
    tokens = tokenize(text, sentence_start, sentence_start + len(pre))
    if tokens and opening_when_or_where(tokens, len(tokens) - 1):
        return None
    words = [word.strip(",.:;()—–-").lower() for word in pre.split()]
    if any(is_cue_word(word) or word in _QUOTING_NOUNS for word in words):
        return None  # "When Trump used the words, “…,” he was echoing Ryan"
    return sentence_start


_QUOTING_NOUNS = frozenset(split_words("words phrase line slogan message motto"))


def _continues(article: Article, previous: Quote, quote: Quote) -> bool:
    """Whether a quotation opening a paragraph continues the one that ended the paragraph
    before with only its attribution after it: "“…,” he said.\n\n“…”"."""
    text = article.text
    if quote.paragraph != previous.paragraph + 1:
        return False
    if quote.start != article.paragraphs[quote.paragraph][0]:
        return False
    tail_end = article.paragraphs[previous.paragraph][1]
    tail = text[previous.end : tail_end]
    if not tail.strip():
        return True
    sentence = [s for s in article.sentences[previous.paragraph] if s[0] < previous.end]
    if not sentence or sentence[-1][1] < tail_end:
        return False  # another sentence follows the attribution
    return _has_cue(text, previous.end, tail_end)


def _has_cue(text: str, start: int, end: int) -> bool:
    return cue_after_quote(text, start, end) is not None


# Every name this module's tables can give, in the order they are tried.
RULE_NAMES: tuple[str, ...] = (
    *(rule.name for rule in _READINGS),
    *(veto.name for veto in _UNFRAMINGS),
    _SPLIT.name,
    EMBEDDED,
    *(rule.name for rule in _CUE_RULES),
    _CALLING_OPENING.name,
    _NO_CUE.name,
    *(veto.name for veto in _QUOTE_VETOES),
    *(rule.name for rule in _MIXED_RULES),
    _INHERITS.name,
    _UNATTRIBUTED.name,
)
