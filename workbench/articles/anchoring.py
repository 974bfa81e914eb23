"""Re-anchor spans of an old text in a new revision of it, without ever moving one silently.

A pure library (no Django, no other workbench module; an import-linter contract keeps it so):
given the old text, the new text and the spans marked in the old one (code points, end
exclusive, as DESIGN.md's text model has them), it says where each span belongs now:

- ``exact``: the same words at the same place, once the old text is mapped through a word diff
  of the two revisions;
- ``moved``: the same words found elsewhere (a paragraph moved, a mapping the diff got wrong),
  chosen by the text around them (the W3C prefix and suffix) and closeness to where the diff
  expects them;
- ``fuzzy``: similar words where the diff maps the span, with their similarity as a score, only
  when that score reaches ``floor`` (``FUZZY_FLOOR`` unless told; bench/reanchor.py chose it);
- ``orphaned``: anything else. An orphan keeps its old text; nothing is dropped, and nothing is
  placed on words that merely look a little alike.

A speaker mention or cue span travels with its annotation: it is placed like any span, but
looked for first near where its annotation went.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

EXACT, MOVED, FUZZY, ORPHANED = "exact", "moved", "fuzzy", "orphaned"
STATES = (EXACT, MOVED, FUZZY, ORPHANED)
# The least word similarity (Dice over words, 0–1) a changed span needs to be placed on the
# words the diff maps it to. bench/reanchor.py: below 0.7 spans whose words were mostly
# rewritten began to be placed; see bench/README.md, "Re-anchoring (issue 19)".
FUZZY_FLOOR = 0.7
CONTEXT_CHARS = 32
# An unchanged stretch shorter than this around a short span does not prove it is the same
# words: "said" matched inside a rewritten sentence is not the old "said".
_SURE_CHARS = 24
# Same words found at this many places or more are not told apart by context: orphan instead.
_MAX_CANDIDATES = 64
# How alike (0–1, by characters) the text on one side of a span must be to vouch for it: random
# stretches of one language score up to about 0.5 against each other.
_CONTEXT_FLOOR = 0.7
_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")
_WORD = re.compile(r"\w+")
_LINES = re.compile(r"[^\n]+|\n")


@dataclass(frozen=True)
class Anchor:
    """A span of the old text to place: an annotation, or a mention or cue span of one."""

    start: int
    end: int
    # Where the span is expected in the new text when its owner (the annotation) was already
    # placed: the owner's shift applied to this span's start. None for an annotation.
    hint: int | None = None


@dataclass(frozen=True)
class Placement:
    """Where a span landed in the new text, how (a state of STATES), and how sure (0–1)."""

    state: str
    start: int | None = None
    end: int | None = None
    score: float = 1.0

    @property
    def placed(self) -> bool:
        return self.state != ORPHANED


ORPHAN = Placement(ORPHANED, score=0.0)


class TextMap:
    """The old text mapped onto the new one through a word-level diff."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        # Character blocks (old start, new start, length) of unchanged text, and each changed
        # stretch (old start, old end, new start, new end), both in text order.
        self.blocks: list[tuple[int, int, int]] = []
        self.changes: list[tuple[int, int, int, int]] = []
        # Paragraphs first, then words within the changed ones: a word diff of the whole
        # article took 250 ms, most of it confirming unchanged paragraphs.
        # Line breaks apart from the lines: a last paragraph moved up gains one, and must still
        # be the same paragraph.
        self._diff(_LINES.findall(old), _LINES.findall(new), 0, 0, words=False)
        self._block_starts = [block[0] for block in self.blocks]
        self._change_starts = [change[0] for change in self.changes]

    def _diff(
        self, old_parts: list[str], new_parts: list[str], old_at: int, new_at: int, *, words: bool
    ) -> None:
        old_ends, new_ends = _offsets(old_parts, old_at), _offsets(new_parts, new_at)
        matcher = SequenceMatcher(None, old_parts, new_parts, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            a1, a2, b1, b2 = old_ends[i1], old_ends[i2], new_ends[j1], new_ends[j2]
            if tag == "equal":
                self._unchanged(a1, b1, a2 - a1)
            elif tag == "replace" and not words:
                old_words = _TOKEN.findall(self.old, a1, a2)
                new_words = _TOKEN.findall(self.new, b1, b2)
                self._diff(old_words, new_words, a1, b1, words=True)
            else:
                self.changes.append((a1, a2, b1, b2))

    def _unchanged(self, old_at: int, new_at: int, size: int) -> None:
        # Unchanged words next to an unchanged paragraph are one stretch with it.
        if self.blocks:
            a, b, n = self.blocks[-1]
            if a + n == old_at and b + n == new_at:
                self.blocks[-1] = (a, b, n + size)
                return
        self.blocks.append((old_at, new_at, size))

    def block_at(self, offset: int) -> tuple[int, int, int] | None:
        """Return the unchanged block holding old character `offset`, if any."""
        at = bisect_right(self._block_starts, offset) - 1
        if at >= 0:
            block = self.blocks[at]
            if block[0] <= offset < block[0] + block[2]:
                return block
        return None

    def map_start(self, offset: int) -> int:
        """Return where old `offset` opens in the new text (a changed stretch: where it starts)."""
        block = self.block_at(offset)
        if block is not None:
            return offset - block[0] + block[1]
        return self._change_around(offset)[2]

    def map_end(self, offset: int) -> int:
        """Return where old end `offset` (exclusive) closes in the new text."""
        block = self.block_at(offset - 1)
        if block is not None:
            return offset - block[0] + block[1]
        return self._change_around(offset - 1)[3]

    def _change_around(self, offset: int) -> tuple[int, int, int, int]:
        at = bisect_right(self._change_starts, offset) - 1
        return self.changes[max(at, 0)] if self.changes else (0, 0, 0, 0)


def _offsets(tokens: Sequence[str], at: int) -> list[int]:
    out = [at]
    for token in tokens:
        at += len(token)
        out.append(at)
    return out


def word_similarity(a: str, b: str) -> float:
    """Return how alike two stretches of text are by their words, 0–1 (Dice: 2·shared/total)."""
    words_a, words_b = _WORD.findall(a.casefold()), _WORD.findall(b.casefold())
    if not words_a or not words_b:
        return 1.0 if a.strip() == b.strip() else 0.0
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return 2 * shared / (len(words_a) + len(words_b))


def _context_similarity(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def place(text_map: TextMap, anchor: Anchor, *, floor: float = FUZZY_FLOOR) -> Placement:
    """Place one span: exact, else moved, else fuzzy above the floor, else orphaned."""
    old = text_map.old
    start, end = anchor.start, anchor.end
    if not 0 <= start < end <= len(old):
        return ORPHAN
    exact = old[start:end]
    block = text_map.block_at(start)
    if block is not None and end <= block[0] + block[2] and _sure(block, start, end, len(old)):
        new_start = start - block[0] + block[1]
        if anchor.hint is None or abs(new_start - anchor.hint) <= CONTEXT_CHARS:
            return Placement(EXACT, new_start, new_start + len(exact))
    expected = anchor.hint if anchor.hint is not None else text_map.map_start(start)
    found = _find_elsewhere(text_map, start, end, expected)
    if found is not None:
        state = EXACT if found == text_map.map_start(start) else MOVED
        return Placement(state, found, found + len(exact))
    if anchor.hint is not None:
        return ORPHAN  # a mention or cue is the same words near its annotation, or nothing
    return _fuzzy(text_map, start, end, floor)


def _sure(block: tuple[int, int, int], start: int, end: int, length: int) -> bool:
    """Whether an unchanged block around a span is long enough to be the same passage."""
    if end - start >= _SURE_CHARS:
        return True
    before = start - block[0]
    after = block[0] + block[2] - end
    # At the text's edges there is no more context to ask for.
    return before + (end - start) + after >= min(_SURE_CHARS, length)


def _find_elsewhere(text_map: TextMap, start: int, end: int, expected: int) -> int | None:
    """Return where the same words stand in the new text, told apart by their context."""
    old, new = text_map.old, text_map.new
    exact = old[start:end]
    prefix = old[max(0, start - CONTEXT_CHARS) : start]
    suffix = old[end : end + CONTEXT_CHARS]
    candidates: list[int] = []
    at = new.find(exact)
    while at != -1 and len(candidates) < _MAX_CANDIDATES:
        candidates.append(at)
        at = new.find(exact, at + 1)
    if not candidates or len(candidates) >= _MAX_CANDIDATES:
        return None
    scored = []
    for at in candidates:
        before = _context_similarity(prefix, new[max(0, at - len(prefix)) : at])
        after = _context_similarity(suffix, new[at + len(exact) : at + len(exact) + len(suffix)])
        distance = abs(at - expected) / max(len(new), 1)
        scored.append((max(before, after) + (before + after) / 4 - distance, before, after, at))
    scored.sort(reverse=True)
    best, before, after, at = scored[0]
    # The same words with neither neighbour recognisable are another passage that says the
    # same (a repeated "he said."), unless they are long and found only once.
    if max(before, after) < _CONTEXT_FLOOR and not (
        len(candidates) == 1 and len(exact) >= _SURE_CHARS
    ):
        return None
    if len(scored) > 1 and best - scored[1][0] < 0.1:
        return None  # two passages fit as well: asking the reviewer beats guessing
    return at


def _fuzzy(text_map: TextMap, start: int, end: int, floor: float) -> Placement:
    """Place a changed span on the words the diff maps it to, if they are alike enough."""
    new = text_map.new
    new_start, new_end = text_map.map_start(start), text_map.map_end(end)
    while new_start < new_end and new[new_start].isspace():
        new_start += 1
    while new_end > new_start and new[new_end - 1].isspace():
        new_end -= 1
    if new_end <= new_start:
        return ORPHAN
    old = text_map.old
    score = word_similarity(old[start:end], new[new_start:new_end])
    # Changed words must stand where the old ones stood: the text on one side of them is the
    # same, or the span is long enough to speak for itself.
    before = _context_similarity(
        old[max(0, start - CONTEXT_CHARS) : start],
        new[max(0, new_start - CONTEXT_CHARS) : new_start],
    )
    after = _context_similarity(
        old[end : end + CONTEXT_CHARS], new[new_end : new_end + CONTEXT_CHARS]
    )
    if end - start < _SURE_CHARS and max(before, after) < _CONTEXT_FLOOR:
        score = min(score, max(before, after))
    if score < floor or score == 0:
        return Placement(ORPHANED, score=round(score, 3))
    return Placement(FUZZY, new_start, new_end, round(score, 3))


def reanchor(
    old: str,
    new: str,
    spans: Sequence[tuple[int, int, Sequence[tuple[int, int] | None]]],
    *,
    floor: float = FUZZY_FLOOR,
) -> list[tuple[Placement, list[Placement | None]]]:
    """Place annotations and their sub-spans (speaker mention, cue) that follow them.

    `spans` holds (start, end, parts) with parts a list of (start, end) or None. A part is
    placed only when its annotation is, near where the annotation went; otherwise it is
    orphaned with it.
    """
    text_map = TextMap(old, new) if old != new else None
    out: list[tuple[Placement, list[Placement | None]]] = []
    for start, end, parts in spans:
        if text_map is None:
            main = Placement(EXACT, start, end)
        else:
            main = place(text_map, Anchor(start, end), floor=floor)
        placed_parts: list[Placement | None] = []
        for part in parts:
            if part is None:
                placed_parts.append(None)
            elif not main.placed:
                placed_parts.append(ORPHAN)
            elif text_map is None:
                placed_parts.append(Placement(EXACT, part[0], part[1]))
            else:
                hint = part[0] + (main.start - start)
                placed_parts.append(place(text_map, Anchor(part[0], part[1], hint), floor=floor))
        out.append((main, placed_parts))
    return out


SAME, DELETED, INSERTED, MOVED_FROM, MOVED_TO = (
    "same",
    "deleted",
    "inserted",
    "moved-from",
    "moved-to",
)


def diff_pieces(old: str, new: str) -> list[tuple[str, str]]:
    """Return the word-level changes from `old` to `new` as (kind, text) pieces in reading order.

    Kinds: same, deleted, inserted, and moved-from / moved-to for a paragraph that left one
    place and arrived unchanged at another (a diff alone shows it as deleted and inserted, or
    worse, as one paragraph rewritten into the other).
    """
    old_lines, new_lines = _LINES.findall(old), _LINES.findall(new)
    matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    opcodes = matcher.get_opcodes()
    gone = {
        line for tag, i1, i2, _j1, _j2 in opcodes if tag != "equal" for line in old_lines[i1:i2]
    }
    came = {
        line for tag, _i1, _i2, j1, j2 in opcodes if tag != "equal" for line in new_lines[j1:j2]
    }
    moved = {line for line in gone & came if line != "\n"}
    pieces: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            pieces.append((SAME, "".join(old_lines[i1:i2])))
            continue
        pieces += [(MOVED_FROM, line) for line in old_lines[i1:i2] if line in moved]
        rest_old = "".join(line for line in old_lines[i1:i2] if line not in moved)
        rest_new = "".join(line for line in new_lines[j1:j2] if line not in moved)
        pieces += _word_pieces(rest_old, rest_new)
        pieces += [(MOVED_TO, line) for line in new_lines[j1:j2] if line in moved]
    return pieces


def _word_pieces(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    pieces: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        deleted, inserted = "".join(old_words[i1:i2]), "".join(new_words[j1:j2])
        if tag == "equal":
            pieces.append((SAME, inserted))
            continue
        if deleted:
            pieces.append((DELETED, deleted))
        if inserted:
            pieces.append((INSERTED, inserted))
    return pieces
