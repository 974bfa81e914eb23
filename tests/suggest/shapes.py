"""What the shape tests read off the finder: its quote suggestions, or the reported speech
among them as (text, speaker) pairs. One place for the helpers the passes' test modules
(test_speaker_shapes_*, test_reported_shapes*, test_found_shapes_13) each defined."""

from __future__ import annotations

from workbench.suggest.finder.engine import Suggestion, suggest


def quotes(text: str) -> list[Suggestion]:
    """The quote suggestions for `text`, claims left out."""
    return [s for s in suggest(text, claims=0) if s.kind == "quote"]


def reported(text: str) -> list[tuple[str, str | None]]:
    """The indirect and mixed quotes for `text`, as (text, speaker)."""
    return [(s.text, s.speaker) for s in quotes(text) if s.quote_type in {"indirect", "mixed"}]


def quote_holding(text: str, words: str) -> Suggestion:
    """The first quote suggestion holding `words`; fails when none holds them."""
    found = [s for s in quotes(text) if words in s.text]
    assert found, f"no quote holds {words!r}: {[(s.text, s.speaker) for s in quotes(text)]}"
    return found[0]


def speaker_of(text: str, words: str) -> str | None:
    """The speaker of the first quote suggestion holding `words`; fails when none holds them."""
    return quote_holding(text, words).speaker


def reported_as(text: str, content: str, speaker: str) -> bool:
    """Whether a reported clause that is exactly `content` is offered with `speaker` (case
    aside)."""
    return any(
        t == content and s is not None and s.lower() == speaker.lower() for t, s in reported(text)
    )
