"""Split an article body into paragraphs and highlight segments, for the annotated reader.

Pure functions: no database, no HTML. Offsets are code points of the body (Python `str`
indices), the same ones the spans are stored in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

PARAGRAPH_BREAK = "\n\n"


class SpanLike(Protocol):
    pk: int | None
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same annotations (innermost first); none means plain text."""

    text: str
    start: int
    annotations: tuple[SpanLike, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def ids(self) -> str:
        """The covering annotations' ids, innermost first, space separated (for data-ids)."""
        return " ".join(str(a.pk) for a in self.annotations)

    @property
    def css(self) -> str:
        """Classes for the highlight: one per kind present, and `nested` where a kind repeats."""
        kinds = [a.kind for a in self.annotations]
        classes = ["hl", *(f"hl-{kind}" for kind in sorted(set(kinds)))]
        if len(kinds) != len(set(kinds)):
            classes.append("hl-nested")
        return " ".join(classes)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body (split on a blank line) and where it starts in the body."""

    start: int
    text: str
    segments: list[Segment] = field(default_factory=list)


def body_paragraphs(body: str, spans: Iterable[SpanLike]) -> list[Paragraph]:
    """Return the body's paragraphs cut into segments at every span boundary inside them.

    Spans may nest, overlap and cross paragraph breaks; each segment lists every span that
    covers it, innermost (shortest) first, so a click can open the most specific one.
    """
    ordered = sorted(spans, key=lambda s: (s.start, -s.end, s.pk or 0))
    paragraphs = []
    offset = 0
    for text in body.split(PARAGRAPH_BREAK):
        end = offset + len(text)
        inside = [s for s in ordered if s.start < end and s.end > offset]
        paragraphs.append(Paragraph(offset, text, _segments(text, offset, inside)))
        offset = end + len(PARAGRAPH_BREAK)
    return paragraphs


def _segments(text: str, offset: int, spans: Sequence[SpanLike]) -> list[Segment]:
    end = offset + len(text)
    cuts = {offset, end}
    for span in spans:
        cuts.update(cut for cut in (span.start, span.end) if offset < cut < end)
    bounds = sorted(cuts)
    segments = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        covering = sorted(
            (s for s in spans if s.start <= left and s.end >= right),
            key=lambda s: (s.end - s.start, s.start, s.pk or 0),
        )
        segments.append(Segment(text[left - offset : right - offset], left, tuple(covering)))
    return segments
