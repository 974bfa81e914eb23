"""Quotation marks: pair them into quotations, paragraph by paragraph.

Handles straight, curly and guillemet quotes, German „…“, two apostrophes used as a double
mark (''…''), single quotes nested in double ones (never delimiters there), top-level single
quotes in a paragraph without double ones (‘…’, and '…' in headlines), multi-paragraph
quotations (a paragraph that opens a quote without closing it, and the next paragraph
re-opening it), and unbalanced marks (best effort: the quotation runs to its paragraph's end).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = frozenset('"“”«»„‹›')
_OPENING_CONTEXT = frozenset("([{—–-/:;…")
TWO_APOSTROPHES = "''"
_INCHES = re.compile(r"\b\d[’']\d{1,2}$")


@dataclass
class RawQuote:
    """A quotation: start at its opening mark, end after its closing mark."""

    start: int
    end: int
    closed: bool = True
    paragraphs: int = 1


def _is_opening_straight(text: str, i: int, start: int, end: int, width: int = 1) -> bool | None:
    prev = text[i - 1] if i > start else " "
    nxt = text[i + width] if i + width < end else " "
    if (prev.isspace() or prev in _OPENING_CONTEXT or prev in "“‘«") and not nxt.isspace():
        return True
    if not prev.isspace() and (nxt.isspace() or not nxt.isalnum()):
        return False
    return None


def _straight(text: str, i: int, start: int, end: int, width: int) -> tuple[int, str, int]:
    opening = _is_opening_straight(text, i, start, end, width)
    return i, "either" if opening is None else ("open" if opening else "close"), width


def _scan(text: str, start: int, end: int) -> list[tuple[int, str, int]]:
    """Return (offset, 'open'|'close'|'either', width) for every double quotation mark."""
    marks: list[tuple[int, str, int]] = []
    i = start
    while i < end:
        c = text[i]
        if c == "'" and text.startswith(TWO_APOSTROPHES, i):
            # "…?'''" closes a nested single quote, then the double one.
            triple = text.startswith(TWO_APOSTROPHES + "'", i)
            at = i + 1 if triple and i > start and not text[i - 1].isspace() else i
            marks.append(_straight(text, at, start, end, 2))
            i = at + 2
            continue
        if c in "‘’" and text.startswith(c + c, i):
            # "…Townsville,’’ he said": two single marks typed for a double one
            marks.append((i, "open" if c == "‘" else "close", 2))
            i += 2
            continue
        if c in DOUBLE_MARKS:
            if c in "«‹„":
                marks.append((i, "open", 1))
            elif c in "»›”":
                if not _INCHES.search(text, max(start, i - 6), i):
                    marks.append((i, "close", 1))  # not the inches of "he's 6’2”"
            elif c == "“":
                german = bool(marks) and text[marks[-1][0]] == "„"
                prev = text[i - 1] if i > start else " "
                nxt = text[i + 1] if i + 1 < end else " "
                # "…a fascist?“ he asked": an opening mark typed for a closing one.
                typo = (prev.isalnum() or prev in ",.?!") and nxt.isspace()
                marks.append((i, "either" if german else ("close" if typo else "open"), 1))
            else:
                marks.append(_straight(text, i, start, end, 1))
        i += 1
    return marks


def _singles(text: str, start: int, end: int, opening: str, closing: str) -> list[RawQuote]:
    """Pair top-level single-quoted quotations in a paragraph without double quotes: ‘…’
    (British style) or '…' (headlines: "Reid: 'Never underestimate him.'")."""
    quotes = []
    i = start
    while True:
        i = text.find(opening, i, end)
        if i < 0:
            return quotes
        if (
            (i > start and not (text[i - 1].isspace() or text[i - 1] in _OPENING_CONTEXT))
            or i + 1 >= end
            or not text[i + 1].isalpha()  # not "'90s"
        ):
            i += 1
            continue
        j = i + 1
        close = -1
        while True:
            j = text.find(closing, j, end)
            if j < 0:
                break
            after = text[j + 1] if j + 1 < end else " "
            if not after.isalnum():
                close = j
                break
            j += 1
        if close < 0:
            return quotes
        quotes.append(RawQuote(i, close + 1))
        i = close + 1


def _nests(marks: list[tuple[int, str, int]], offset: int) -> bool:
    """Whether a curly opening mark inside a curly quotation opens a quotation within it: the
    rest of the paragraph closes two more quotations than it opens (else the first quotation
    was left open and this one starts anew)."""
    rest = [kind for at, kind, _ in marks if at > offset]
    return rest.count("close") - rest.count("open") >= 2


def _opens_paragraph(text: str, offset: int) -> bool:
    return text[offset] in DOUBLE_MARKS or text.startswith((TWO_APOSTROPHES, "‘‘"), offset)


def _nesting(
    text: str,
    marks: list[tuple[int, str, int]],
    opened: int,
    offset: int,
    kind: str,
    depth: dict[str, int],
) -> bool:
    """Whether a mark inside an open quotation opens or closes one nested in it; `depth` counts
    the nested curly ("… “Equal Justice” …" inside straight marks, "“… what he calls “hell”
    than …”") and straight ones ("… they are not "adornment", …" inside straight marks)."""
    if kind == "open":
        if text[opened] == '"' and text[offset] == "“":
            if offset != opened + 1:  # not '"“You don’t …”', a doubled opening mark
                depth["curly"] += 1
            return True
        if text[opened] == text[offset] and text[offset] in '“"' and _nests(marks, offset):
            depth["curly" if text[offset] == "“" else "straight"] += 1
            return True
        return False
    key = "curly" if text[offset] in "”’" else "straight" if text[offset] == '"' else ""
    if kind == "close" and key and depth[key]:
        depth[key] -= 1
        return True
    return False


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[RawQuote]:
    """Return every quotation in the text, in order."""
    quotes: list[RawQuote] = []
    carry: RawQuote | None = None  # a quotation left open at the end of the last paragraph
    for index, (start, end) in enumerate(paragraphs):
        marks = _scan(text, start, end)
        opened: int | None = None
        count = 1
        position = 0
        if carry is not None:
            if marks and marks[0][0] == start and marks[0][1] in {"open", "either"}:
                # The paragraph re-opens the quotation: it continues across paragraphs.
                opened, count, position = carry.start, carry.paragraphs + 1, 1
            else:
                quotes.append(carry)
            carry = None
        if not marks and "‘" in text[start:end]:
            quotes.extend(_singles(text, start, end, "‘", "’"))
        elif not marks and "'" in text[start:end]:
            quotes.extend(_singles(text, start, end, "'", "'"))
        depth = {"curly": 0, "straight": 0}  # quotations open inside the open one
        for offset, kind, width in marks[position:]:
            if opened is None:
                if kind in {"open", "either"}:
                    opened = offset
                continue
            if _nesting(text, marks, opened, offset, kind, depth):
                continue
            if kind in {"close", "either"}:
                quotes.append(RawQuote(opened, offset + width, paragraphs=count))
                opened, count, depth = None, 1, {"curly": 0, "straight": 0}
        if opened is not None:
            carry = RawQuote(opened, end, closed=False, paragraphs=count)
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if following is None or not _opens_paragraph(text, following):
                quotes.append(carry)  # unbalanced: best effort, up to the paragraph's end
                carry = None
    if carry is not None:
        quotes.append(carry)
    return [q for q in quotes if q.end - q.start > 2]
