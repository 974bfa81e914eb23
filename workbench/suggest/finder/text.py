"""Paragraphs and sentences as code-point spans of the text exactly as given (no normalization)."""

from __future__ import annotations

import re

from .lexicon import split_words

# A paragraph break is a blank line; \r is whitespace so CRLF files need no rewriting.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
# The next sentence may open with an elided start ("“[...] Rather, …", "“… Rather, …").
_SENTENCE_END = re.compile(
    r"[.!?…]+[\"”’'»)\]]*"
    r"(?=\s+[\"“‘'«(\[]{0,2}(?:(?:\.\.\.|…)\]?\s*[\"“‘'«(\[]?)?[A-Z0-9À-Þ])"
)
_ABBREVIATIONS = frozenset(
    split_words(
        """mr mrs ms dr st sen rep gov gen col lt sgt capt prof jr sr inc corp co ltd u.s u.n u.k
    no vs etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres adm maj cmdr
    supt atty dept e.g i.e a.m p.m approx fig est ave blvd d.c brig"""
    )
)


# A single line break also ends a paragraph when the line ends a sentence and the next starts
# one; hard-wrapped lines (which end mid-sentence) stay together.
_LINE_BREAK = re.compile(r"(?<=[.!?:\"”’»)])[ \t\r\u00a0]*\n\s*(?=[\"“‘«'A-Z0-9(\-—–•*])")
# So does the line break after a quotation signed with a dash ("“…” ― Ana Ruiz"), the
# convention of testimonials and epigraphs, when the next line opens another quotation.
_SIGNED_LINE = re.compile(
    r"[”\"»][ \t\u00a0]*[―—][ \t\u00a0]*[^\n]{1,60}?(?P<brk>[ \t\r\u00a0]*\n\s*)(?=[\"“”«])"
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each non-blank paragraph, trailing whitespace excluded."""
    spans = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    result = []
    for start, end in spans:
        breaks = {m.span() for m in _LINE_BREAK.finditer(text, start, end)}
        breaks |= {m.span("brk") for m in _SIGNED_LINE.finditer(text, start, end)}
        for break_start, break_end in sorted(breaks):
            result.append((start, break_start))
            start = break_end
        result.append((start, end))
    return [trim(text, s, e) for s, e in result if text[s:e].strip()]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without its leading and trailing whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial, as in "John F. Kennedy"
    return word in _ABBREVIATIONS


_OPENING_QUOTATION = re.compile(r"\s+[\"“«]")


def _time_before_quotation(text: str, dot: int, end: int) -> bool:
    """ "… at about 7:45 p.m. “No one was hurt …”": a time's "a.m."/"p.m." before an opening
    quotation mark (and a capital, `_SENTENCE_END`) ends its sentence."""
    return text[max(0, dot - 3) : dot].lower() in {"a.m", "p.m"} and bool(
        _OPENING_QUOTATION.match(text, end)
    )


# Abbreviations that may end a sentence (places, companies, "etc."), unlike titles before a
# name; a subject pronoun after one opens the next sentence: "… and Washington, D.C. They …".
_FINAL_ABBREVIATIONS = frozenset(split_words("d.c u.s u.k u.n inc corp co ltd jr sr etc"))
_NEXT_SUBJECT = re.compile(r"\s+(?:He|She|They|It|We|I|There)\b")


def _abbreviation_ends(text: str, dot: int, end: int) -> bool:
    """Whether the abbreviation whose last full stop is at text[dot] ends its sentence: one
    that may end a sentence, followed by a subject pronoun."""
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    return text[word_start:dot].lower() in _FINAL_ABBREVIATIONS and bool(
        _NEXT_SUBJECT.match(text, end)
    )


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one paragraph into sentence spans; abbreviations and initials do not end one."""
    spans = []
    pos = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if (
            text[match.start()] == "."
            and _is_abbreviation(text, match.start())
            and not _time_before_quotation(text, match.start(), match.end())
            and not _abbreviation_ends(text, match.start(), match.end())
        ):
            continue
        spans.append(trim(text, pos, match.end()))
        pos = match.end()
    spans.append(trim(text, pos, end))
    return [(s, e) for s, e in spans if e > s]
