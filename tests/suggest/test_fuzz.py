"""Property-based tests of the finder: on any text, no exception, and every offset inside it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.articles.test_fuzz import texts
from workbench.suggest.finder.engine import suggest

PROSE = [
    '"We will stay," ',
    "“It is over,” ",
    "« Non », ",
    "„Ja“, ",
    "said ",
    "told reporters ",
    "according to ",
    "The minister ",
    "Ali Nasser, a spokesman for the ministry, ",
    "he ",
    "she ",
    "added. ",
    "said on Monday that ",
    "the fees are fair. ",
    "\n\n",
    "Mr. Smith ",
    "3 drones ",
    "rose 5% in 2023. ",
    "'",
    '"',
    "“",
    "”",
    "—",
    ", ",
    ". ",
]
prose = st.lists(st.one_of(st.sampled_from(PROSE), st.text(max_size=6)), max_size=50).map("".join)


def _inside(text: str, start: object, end: object) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


@settings(max_examples=300)
@given(st.one_of(prose, texts))
def test_finder_never_raises_and_keeps_offsets_inside_the_text(text):
    for found in suggest(text):
        assert found.kind in ("quote", "claim")
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end] == found.text
        assert 0.0 <= found.score <= 1.0
        if found.speaker_start is not None:
            assert _inside(text, found.speaker_start, found.speaker_end)
        if found.cue is not None and found.cue.get("start", -1) >= 0:
            assert _inside(text, found.cue["start"], found.cue["end"])
