"""Suggest quotes (with speakers) and check-worthy claims for a plain text; no Django here.

`suggest(text)` returns suggestions whose offsets are code points into `text` exactly as given.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass

from .attribution import (
    Cue,
    asked_cues,
    cue_after_quote,
    cue_before_quote,
    indirect_in_sentence,
    is_cue_word,
    participle_cues,
    relative_cues,
    second_clause,
    subject_of,
    subordinate_cues,
)
from .claims import checkworthiness
from .lexicon import CLAUSE_OPENERS, COGNITION_VERBS, split_words
from .quotes import DOUBLE_MARKS, RawQuote, find_quotes
from .speakers import Mention, Registry, mention_after, tokenize
from .text import paragraphs, sentences

DEFAULT_CLAIMS = 10
MIN_CLAIM_SCORE = 0.5


@dataclass
class Suggestion:
    """One proposed annotation; quote fields are None for claims."""

    kind: str
    start: int
    end: int
    text: str
    score: float
    speaker: str | None = None
    speaker_kind: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: dict[str, object] | None = None
    quote_type: str | None = None
    role: str | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class _Quote:
    start: int
    end: int
    cue: Cue | None
    quote_type: str
    score: float
    paragraph: int


def _words(text: str) -> int:
    return len(text.split())


def _title_case(text: str, *, loose: bool = False) -> bool:
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


def _after_work_word(text: str, start: int) -> bool:
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


class _Article:
    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.sentences = [sentences(text, s, e) for s, e in self.paragraphs]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, offset) - 1)

    def sentence_start(self, offset: int) -> int:
        for start, end in self.sentences[self.paragraph_of(offset)]:
            if start <= offset < end or offset < start:
                return min(start, offset)
        return offset


def _merge_split(article: _Article, raw: list[RawQuote]) -> list[tuple[int, int, Cue | None, bool]]:
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
                mid_sentence = text[start:end].rstrip("\"”'’»›")[-1:] in {",", "—", "–", "-", "…"}
                if (
                    found is not None
                    and mid_sentence
                    and (
                        gap.rstrip()[-1:] in {",", ".", ":", "—", "–", ";"}
                        or _bare(text, found, end, gap, quote)
                    )
                    and not _second_cue(article, found, gap, end, quote)
                ):
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


def _bare(text: str, found: Cue, end: int, gap: str, quote: RawQuote) -> bool:
    """Whether the words between two quotations are only "X said" (its comma left out) and
    the second is a sentence: "“…,” she said “Ultimately …”"."""
    cue_end = max(found.end, found.speaker.end if found.speaker else 0)
    inner = text[quote.start + 1 : quote.end - 1]
    return (
        cue_end == end + len(gap.rstrip())
        and text[found.start : found.end].lower() in {"said", "says"}
        and _words(inner) >= 4
        and not _title_case(inner)
    )


def _second_cue(article: _Article, found: Cue, gap: str, end: int, quote: RawQuote) -> bool:
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


def _pull_quote(article: _Article, start: int, end: int) -> bool:
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
    return inner[:1].isupper() and not _title_case(inner) and not _THAT.search(pre)


_SUBORDINATE = re.compile(r"\s*(?:When|After|Before|As|If|While|Though|Although|Because)\b[^:]*,")


def _attribute(article: _Article, start: int, end: int) -> tuple[Cue | None, str, float, bool]:
    """Return (cue, how, score, clausal) for a quotation; clausal is False for scare quotes."""
    text = article.text
    paragraph = article.paragraph_of(start)
    p_start, p_end = article.paragraphs[paragraph]
    sentence_start = article.sentence_start(start)
    pre = text[sentence_start:start]
    pre_stripped = pre.rstrip()
    last = pre_stripped[-1:] if pre_stripped else ""
    cue_before, framed = (
        cue_before_quote(text, sentence_start, start) if pre_stripped else (None, False)
    )
    if (
        _according_frames(text, cue_before, start)
        or (cue_before is not None and _THAT_NEXT.match(text, cue_before.end, start))
        or (
            cue_before is not None
            and _THAT_COLON.match(text, cue_before.end, start)
            and cue_after_quote(text, end, p_end) is None
        )
    ):
        # "According to X, the debt “is mainly …”", "he added that, “…”": mixed
        cue_before, framed = None, True
    elif (
        cue_before is not None
        and last.isalpha()
        and _opens_lowercase(text, start)
        and _reports_that(text, sentence_start, cue_before.start)
    ):
        # "He said that he would offer “a prayer” for …": words of a reported clause
        cue_before, framed = None, True
    elif cue_before is None and framed and last in {",", ":"}:
        told = _told(text, sentence_start, start)
        if told is not None:
            cue_before, framed = told, False
    if (
        framed
        and last in {"(", "-", "—", "–"}
        and cue_after_quote(text, end, article.paragraphs[article.paragraph_of(end - 1)][1])
    ):
        framed = False  # "… was unserious - “Again, we need the details,” she said - and …"
    words_before = pre_stripped.split()
    if framed and last in {",", ":", "(", "-", "—", "–"} and _opens_sentence(text, start, end, pre):
        framed = False  # "…, he told Chris Wallace of Fox News, “So, North Korea has nukes.”"
    clausal = (last in {"", ":", ",", "—", "–", "-", "(", "…", ".", "!", "?"} and not framed) or (
        cue_before is not None and not framed
    )
    if not clausal and words_before and words_before[-1].lower().strip(",") in _SAYING:
        clausal = not _THAT.search(pre)  # "Some chanted “USA! USA!”": the verb's object
    if not clausal:
        return None, "embedded", 0.0, False
    after = cue_after_quote(text, end, article.paragraphs[article.paragraph_of(end - 1)][1])
    if after is not None:
        return after, "after", 0.95, True
    signed = _signature(text, end, article.paragraphs[article.paragraph_of(end - 1)][1])
    if signed is not None:
        return signed, "after", 0.9, True
    if cue_before is not None:
        return cue_before, "before", 0.9, True
    late = _cue_at_sentence_end(article, end)
    if late is not None:
        return late, "after", 0.9, True
    if last == ":":
        speaker, cue_span = subject_of(text, sentence_start, start)
        if speaker is not None and cue_span is not None:
            return Cue(cue_span[0], cue_span[1], speaker), "colon", 0.8, True
    if (
        last == ","
        and len(words_before) >= 5
        and _opens_sentence(text, start, end, pre)
        and not _has_quote_mark(text, sentence_start, start)
    ):
        # "Earlier, Ann Lie shared her doubts with donors in Leeds, “I do not know …”": a
        # person's clause before a whole quoted sentence, as before a colon.
        speaker, cue_span = subject_of(text, sentence_start, start)
        if (
            speaker is not None
            and cue_span is not None
            and (speaker.kind == "name" or speaker.text.lower() in {"he", "she"})
            and not speaker.text.endswith("ing")  # "Dashing into the lunch, …"
            and not _PREPOSITION_BEFORE.search(text, sentence_start, speaker.start)
        ):
            return Cue(cue_span[0], cue_span[1], speaker), "colon", 0.7, True
    if not pre_stripped:
        # "Dianne Bystrom agreed. “…”": a sentence that is only a cue, just before the quote
        # (not the cue of a quotation before it: "“…?” he asked. “…”" is one remark).
        for s_start, s_end in article.sentences[paragraph]:
            if (
                s_end <= start
                and not text[s_end:start].strip()
                and s_end - s_start < 160
                and not _has_quote_mark(text, max(0, s_start - 3), s_end)
            ):
                cue, _ = cue_before_quote(text, s_start, s_end - 1)
                if cue is not None and text[cue.end : s_end - 1].strip(" ,") == "":
                    return cue, "before", 0.8, True
            if s_end <= start and not text[s_end:start].strip() and s_end - s_start < 400:
                # "“…,” Ann Lie said, and her husband replied. “…”": a second cue, for the
                # next quotation, closes the sentence of the first one.
                joined = _AND_CUE.search(text, s_start, s_end)
                if joined is not None and not _has_quote_mark(text, joined.end(), s_end):
                    cue, _ = cue_before_quote(text, joined.end(), s_end - 1)
                    if (
                        cue is not None
                        and cue.speaker is not None
                        and cue.speaker.start == joined.end()
                        and text[cue.end : s_end - 1].strip(" ,") == ""
                    ):
                        return cue, "before", 0.75, True
    if not pre_stripped and start == p_start and paragraph > 0:
        prev_start, prev_end = article.paragraphs[paragraph - 1]
        if text[prev_end - 1 : prev_end] == ":":
            last_sentence = article.sentences[paragraph - 1][-1]
            cue, _ = cue_before_quote(text, last_sentence[0], prev_end)
            if cue is not None:
                return cue, "colon", 0.85, True
            speaker, cue_span = subject_of(text, last_sentence[0], prev_end)
            if speaker is not None and cue_span is not None:
                return Cue(cue_span[0], cue_span[1], speaker), "colon", 0.8, True
    return None, "none", 0.0, True


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
    return Cue(dash.end() - 1, dash.end(), speaker)


_WHO = re.compile(r",\s+who\s")


def _cue_at_sentence_end(article: _Article, end: int) -> Cue | None:
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


def _find_quotes(article: _Article, raw: list[RawQuote]) -> list[_Quote]:
    text = article.text
    found: list[_Quote] = []
    for start, end, split_cue, closed in _merge_split(article, raw):
        inner = text[start + 1 : end - 1 if closed else end]
        if split_cue is not None:
            found.append(_Quote(start, end, split_cue, "direct", 0.97, article.paragraph_of(start)))
            continue
        cue, how, score, clausal = _attribute(article, start, end)
        words = _words(inner)
        paragraph = article.paragraph_of(start)
        if not clausal:
            continue  # scare quotes, quoted terms inside a sentence
        # A whole short answer a cue attributes: "“Absolutely,” he said", "Ann Lie said, “No.”"
        answer = cue is not None and words < 3 and _short_answer(article, start, end, how)
        if words < 2 and not answer:
            continue  # one-word quotes
        # A short remark after an attributed quotation of its paragraph continues it.
        continuing = bool(found) and found[-1].paragraph == paragraph and found[-1].cue is not None
        if (
            cue is None
            and not continuing
            and ((words < 6 and not _introduced(text, start)) or _title_case(inner))
        ):
            continue  # headlines, titles of works, slogans
        if (
            cue is None
            and text[start] in "‘'"
            and not text.startswith("''", start)
            and (start, end) == article.paragraphs[paragraph]
        ):
            continue  # "¶'A fight from start to finish.'¶": single marks, a headline's style
        if cue is None and _AFTER_DASH.search(text, max(0, start - 4), start):
            continue  # "his stock answer — “I'll be fine” — is likely": an apposition
        if _BRACKETED.search(text, max(0, start - 4), start) and _CLOSING_BRACKET.match(text, end):
            continue  # "rank voters from 1 (“I'm voting for Eric”) to 6": an example in brackets
        if _LINKED.match(text, end):
            continue  # "“The museum will close …” http://…": an excerpt of a linked article
        if _DATED.match(text, end):
            continue  # "“Yes to minaret ban” (2009)": a slogan or work cited with its year
        if (cue is None or _title_case(inner, loose=True)) and _BYLINE.match(text, end):
            continue  # "“Gallery to close in May,” by the Times’ Ann Berg: …" (a headline)
        if (
            cue is not None
            and words < 3
            and _title_case(inner)
            and not answer
            and not (how == "colon" and _speaker_line(article, cue, start))
        ):
            continue  # "Ann Lie: ‘No Regrets’ Over …" is a headline's quote, though short
        if cue is not None and words <= 6 and _title_case(inner) and _names_a_work(text, start):
            continue  # "told ABC's “Good Morning America”", "his book ''The Art of the Deal.''"
        if words <= 12 and _after_work_word(text, start) and _title_case(inner, loose=True):
            continue  # "a play called “Los Hijos de Trump”", "his memoir “The Long Pier”"
        if words <= 3 and _runs_on(text, start, end):
            continue  # "a detailed “policy address” on immigration": a scare quote
        if _continues_a_phrase(text, start):
            continue  # "she pledged to “defend the schools”": part of reported speech (mixed)
        if not closed:
            if _pull_quote(article, start, end):
                continue  # "“…\nAnn Lie, Democracy Now.”": a pull quote repeating the text
            score *= 0.8
        framing = _framing(article, start) if how == "after" else None
        if framing is not None:
            # "In past campaigns, “we felt …,” he said.": the words before the quotation are
            # part of what is attributed, a mixed quote from the start of the sentence.
            found.append(_Quote(framing, end, cue, "mixed", 0.75, paragraph))
            continue
        goes_on = _goes_on_unquoted(article, cue, end) if how == "after" else None
        if goes_on is not None:
            # "“It's our bad luck,” he said, that both men …": the sentence the quotation
            # opens goes on in the writer's words after the attribution, a mixed quote.
            found.append(_Quote(start, goes_on, cue, "mixed", 0.75, paragraph))
            continue
        found.append(_Quote(start, end, cue, "direct", score, paragraph))
    # A quotation with no cue of its own continues the previous remark: joined to it in the
    # same paragraph or when it opens the next one after only an attribution; else the
    # speaker is inherited.
    result: list[_Quote] = []
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
                previous.end = quote.end
                continue
            if quote.paragraph - previous.paragraph <= 2 and quote.start - previous.end < 1500:
                quote.cue = Cue(-1, -1, previous.cue.speaker)
                quote.score = 0.6
        elif (
            quote.cue is None
            and previous is not None
            and (
                quote.paragraph == previous.paragraph
                or (previous.cue is None and _next_line(text, previous.end, quote.start))
            )
        ):
            # Two unattributed quotations of one paragraph, or on lines of one block: one remark
            previous.end = quote.end
            continue
        if quote.cue is None:
            quote.score = 0.35
        result.append(quote)
    return result


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


def _goes_on_unquoted(article: _Article, cue: Cue | None, end: int) -> int | None:
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


def _speaker_line(article: _Article, cue: Cue, start: int) -> bool:
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


def _short_answer(article: _Article, start: int, end: int, how: str) -> bool:
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


def _framing(article: _Article, start: int) -> int | None:
    """The start of the words that frame a quotation whose cue follows it, when no cue is among
    them: "In this election, “resources don't …,” said Ann Lie" (not "Still, she added, “…”")."""
    text = article.text
    sentence_start = article.sentence_start(start)
    pre = text[sentence_start:start].rstrip()
    if not pre.endswith(",") or _has_quote_mark(text, sentence_start, start):
        return None
    words = [word.strip(",.:;()—–-").lower() for word in pre.split()]
    if any(is_cue_word(word) or word in _QUOTING_NOUNS for word in words):
        return None  # "When Trump used the words, “…,” he was echoing Ryan"
    return sentence_start


_QUOTING_NOUNS = frozenset(split_words("words phrase line slogan message motto"))


def _continues(article: _Article, previous: _Quote, quote: _Quote) -> bool:
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


def _carry_speakers(article: _Article, quotes: list[_Quote], items: list) -> None:
    """A quotation with no cue of its own continues the nearest attribution before it.

    "Gilbert said the boycott would not hurt.\n\n“There's a sense of stability now.”": the
    nearest earlier attribution, direct or indirect, within two paragraphs, gives the speaker.
    """
    marks: list[tuple[int, int, Mention]] = []
    for _, how, item in items:
        if how == "direct":
            if item.cue is not None and item.cue.speaker is not None and item.cue.start >= 0:
                marks.append(
                    (
                        max(item.end, item.cue.end),
                        article.paragraph_of(item.start),
                        item.cue.speaker,
                    )
                )
        elif item.speaker is not None:
            marks.append(
                (max(item.end, item.cue[1]), article.paragraph_of(item.start), item.speaker)
            )
    marks.sort(key=lambda m: m[0])
    ends = [m[0] for m in marks]
    for quote in quotes:
        if quote.cue is not None and quote.cue.start >= 0:
            continue
        k = bisect_right(ends, quote.start) - 1
        if k < 0:
            continue
        end, paragraph, speaker = marks[k]
        if quote.paragraph - paragraph <= 2 and quote.start - end < 1500:
            quote.cue = Cue(-1, -1, speaker)
            quote.score = 0.6


def _has_cue(text: str, start: int, end: int) -> bool:
    return cue_after_quote(text, start, end) is not None


def _cue_dict(text: str, start: int, end: int) -> dict[str, object]:
    return {"start": start, "end": end, "text": text[start:end]}


def _speaker_fields(registry: Registry, mention: Mention | None) -> dict[str, object]:
    if mention is None:
        return {}
    resolved = registry.resolve(mention)
    pronoun = {"he": "m", "she": "f"}.get(mention.text.lower())
    registry.note_speaker(resolved.name, mention.start, pronoun)
    return {
        "speaker": resolved.name,
        "speaker_kind": resolved.kind,
        "speaker_start": mention.start,
        "speaker_end": mention.end,
        "role": _role(mention.role or ""),
    }


_AGE_FIRST = re.compile(r"^\d{1,3}(?:,\s*|$)")
_HONORIFICS = frozenset(split_words("mr mrs ms miss mx dr sir dame madam"))
# Words that open a phrase after a name that says what the person did, not what they are.
_NOT_ROLE_START = CLAUSE_OPENERS | frozenset(
    split_words("in at on during with or said says was is")
)


def _role(role: str) -> str | None:
    """The role a text states, or None: not an age ("Ann Lie, 32, a teacher" is "a teacher"),
    an honorific ("Mr."), or a phrase about the moment ("reacting to the news", "in a
    statement")."""
    role = _AGE_FIRST.sub("", role.strip())
    words = role.split()
    if not words or role.lower().rstrip(".") in _HONORIFICS:
        return None
    first = words[0].lower()
    if first in _NOT_ROLE_START or (
        words[0].islower() and first.endswith(("ing", "ly")) and first not in {"acting"}
    ):
        return None
    if (len(words) == 2 and words[1].lower() in _NOT_ROLE_START) or role in {"former", "late"}:
        return None  # "Kelly was", a bare "former"
    return role


def _outside_quotes(
    text: str, quotes: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """The stretches of a sentence between its direct quotations, long enough for a clause.

    "“…,” McAuliffe said in Richmond, noting that it was a priority." holds a second remark.
    """
    gaps = []
    pos = start
    for q_start, q_end in quotes:
        if q_end <= start or q_start >= end:
            continue
        gaps.append((pos, q_start))
        pos = max(pos, q_end)
    gaps.append((pos, end))
    result = []
    for g_start, g_end in gaps:
        while g_start < g_end and (text[g_start].isspace() or text[g_start] in ",;:—–-"):
            g_start += 1
        if g_end - g_start >= 30:
            result.append((g_start, g_end))
    return result


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def suggest(
    text: str,
    *,
    claims: int = DEFAULT_CLAIMS,
    min_claim_score: float = MIN_CLAIM_SCORE,
    skip: list[tuple[int, int]] | None = None,
) -> list[Suggestion]:
    """Return quote suggestions (with speakers) and the top check-worthy claims, by offset.

    Nothing is suggested that overlaps a `skip` span (boilerplate lines of a scraped page).
    """
    article = _Article(text)
    raw = find_quotes(text, article.paragraphs)
    quotes = _find_quotes(article, raw)
    # Names inside quotation marks are seldom speakers; the attribution between the two halves
    # of a split quote is outside them, so the raw quotations are excluded, not the merged ones.
    registry = Registry(text, [(q.start, q.end) for q in raw])
    items: list[tuple[int, str, object]] = [(q.start, "direct", q) for q in quotes]
    quote_spans = [(q.start, q.end) for q in quotes]
    cue_spans = [(q.cue.start, q.cue.end) for q in quotes if q.cue is not None and q.cue.start >= 0]
    for paragraph in article.sentences:
        for s_start, s_end in paragraph:
            if _overlaps(quote_spans, s_start, s_end):
                spans = _outside_quotes(text, quote_spans, s_start, s_end)
            else:
                spans = [(s_start, s_end)]
            for asked in asked_cues(text, s_start, s_end):
                if not _overlaps(quote_spans, asked.start, asked.end):
                    items.append((asked.start, "indirect", asked))
            for start, end in spans:
                if (start, end) != (s_start, s_end):
                    # Beside a quotation only a second remark counts: ", noting that …".
                    for second in participle_cues(text, start, end, None):
                        items.append((second.start, "indirect", second))
                    if start == s_start or text[s_start:start].strip() == "":
                        # Or indirect speech opening the sentence, with a cue of its own:
                        # "X said the fees are fair, which he called “a bargain.”"
                        own = indirect_in_sentence(text, start, end)
                        if own is not None and not _overlaps(cue_spans, *own.cue):
                            items.append((own.start, "indirect", own))
                    continue
                indirect = indirect_in_sentence(text, start, end)
                for second in participle_cues(text, start, end, indirect):
                    items.append((second.start, "indirect", second))
                for second in relative_cues(text, start, end, indirect):
                    items.append((second.start, "indirect", second))
                for second in second_clause(text, indirect):
                    items.append((second.start, "indirect", second))
                for second in subordinate_cues(text, start, end, indirect):
                    items.append((second.start, "indirect", second))
                if indirect is not None:
                    items.append((indirect.start, "indirect", indirect))
    _carry_speakers(article, quotes, items)
    items.sort(key=lambda item: item[0])
    result: list[Suggestion] = []
    for _, how, item in items:
        if how == "direct":
            assert isinstance(item, _Quote)  # noqa: S101 - narrows the type
            mention = item.cue.speaker if item.cue else None
            fields = _speaker_fields(registry, mention)
            cue = (
                _cue_dict(text, item.cue.start, item.cue.end)
                if item.cue and item.cue.start >= 0
                else None
            )
            result.append(
                Suggestion(
                    "quote",
                    item.start,
                    item.end,
                    text[item.start : item.end],
                    round(item.score, 3),
                    cue=cue,
                    quote_type=item.quote_type,
                    **fields,
                )
            )
        else:
            fields = _speaker_fields(registry, item.speaker)
            content = text[item.start : item.end]
            mixed = any(mark in content for mark in '“”"«»')
            score = 0.45 if item.cognition else (0.75 if mixed else 0.7)
            result.append(
                Suggestion(
                    "quote",
                    item.start,
                    item.end,
                    content,
                    score,
                    cue=_cue_dict(text, *item.cue),
                    quote_type="mixed" if mixed else "indirect",
                    **fields,
                )
            )
    skip = skip or []
    result = [item for item in result if not _overlaps(skip, item.start, item.end)]
    if claims > 0:
        result.extend(_claims(article, claims, min_claim_score, skip))
    result.sort(key=lambda s: (s.start, s.kind))
    return result


def _claims(
    article: _Article, limit: int, minimum: float, skip: list[tuple[int, int]]
) -> list[Suggestion]:
    text = article.text
    scored = []
    for paragraph in article.sentences:
        for start, end in paragraph:
            if _overlaps(skip, start, end):
                continue
            sentence = text[start:end]
            score = checkworthiness(sentence)
            if score >= minimum:
                scored.append((score, start, end))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [
        Suggestion("claim", start, end, text[start:end], round(score, 3))
        for score, start, end in scored[:limit]
    ]


__all__ = ["Suggestion", "suggest", "tokenize"]
