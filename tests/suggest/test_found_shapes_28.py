"""Shapes of reported speech found, twentieth rule pass (issue 15, h-finder27, wire news
outside the US corpus: agencies, public broadcasters, government releases): sentences written
for these tests in the style of wire copy, names and places invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, reported, reported_as


def _offered(text: str) -> list[tuple[str, str | None]]:
    return reported(text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The dam on the river burst after three days of heavy rain, local media said.",
            "The dam on the river burst after three days of heavy rain",
            "local media",
        ),
        (
            "At least 12 people were killed in the blast near the market, state media reported.",
            "At least 12 people were killed in the blast near the market",
            "state media",
        ),
        (
            "The minister will visit the border region next week, local media reported on Sunday.",
            "The minister will visit the border region next week",
            "local media",
        ),
        (
            "Two tankers collided in the strait overnight, Norlandic state television reported.",
            "Two tankers collided in the strait overnight",
            "Norlandic state television",
        ),
        (
            "The ferry service was suspended because of the storm, official media said.",
            "The ferry service was suspended because of the storm",
            "official media",
        ),
    ],
)
def test_media_with_no_determiner_after_the_content(text: str, content: str, speaker: str) -> None:
    """ "…, local media said.", "…, state media reported.": a bare subject whose last word is
    "media" (or television, radio) after the sentence's last comma speaks the words before."""
    assert reported_as(text, content, speaker), _offered(text)


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose sharply in May, media trackers said.",
        "The minister spoke to local media on Sunday.",
        "The clip spread quickly on social media, where users shared it.",
    ],
)
def test_media_that_is_no_bare_subject_reports_nothing_new(text: str) -> None:
    """A noun after "media" ("media trackers"), or "media" that is an object, is no new
    speaker: nothing is reported with "media" as its source."""
    assert [(t, s) for t, s in reported(text) if s and s.lower().endswith("media")] == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Lie was quoted by the Norland Times as saying the talks had collapsed.",
            "the talks had collapsed",
            "Lie",
        ),
        ("Lie was quoted as saying the talks had collapsed.", "the talks had collapsed", "Lie"),
        (
            "The Norland Times quoted Lie as saying the talks had collapsed.",
            "the talks had collapsed",
            "Lie",
        ),
        (
            "State television cited Bo Berg as saying the army had retaken the town.",
            "the army had retaken the town",
            "Bo Berg",
        ),
        (
            "The agency quoted a senior official as saying the plant had been shut.",
            "the plant had been shut",
            "a senior official",
        ),
        (
            "The plant was shut last week, the agency quoted a senior official as saying.",
            "The plant was shut last week",
            "a senior official",
        ),
        (
            "Bo Berg was cited by Ostia Radio as saying that the port would reopen on Monday.",
            "the port would reopen on Monday",
            "Bo Berg",
        ),
    ],
)
def test_quoted_or_cited_as_saying(text: str, content: str, speaker: str) -> None:
    """ "X quoted Y as saying …", "Y was quoted (by X) as saying …", "…, X quoted Y as
    saying.": Y said it, X only reports it."""
    assert reported_as(text, content, speaker), _offered(text)


@pytest.mark.parametrize(
    "text",
    [
        "The firm cited rising costs as the reason for the closure.",
        "The study was cited as evidence that the policy worked.",
        "He was quoted in the report on Monday.",
    ],
)
def test_cited_with_no_saying_reports_nothing(text: str) -> None:
    assert reported(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Three soldiers were wounded, officials said on condition of anonymity because "
            "they were not authorised to speak to the media.",
            "Three soldiers were wounded",
            "officials",
        ),
        (
            "The border will stay closed, the ministry said in a statement carried by the "
            "official news agency.",
            "The border will stay closed",
            "the ministry",
        ),
        (
            "The vote was free and fair, the electoral commission said in a statement carried "
            "by state media.",
            "The vote was free and fair",
            "the electoral commission",
        ),
    ],
)
def test_a_source_then_a_long_adjunct_after_the_content(
    text: str, content: str, speaker: str
) -> None:
    """ "…, officials said on condition of anonymity because …", "…, the ministry said in a
    statement carried by …": the tail is where and how it was said, the content comes first."""
    assert reported_as(text, content, speaker), _offered(text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The ministry said in a statement carried by the state news agency that the talks "
            "would resume.",
            "the talks would resume",
            "The ministry",
        ),
        (
            "Lie said in a statement released by her office that she would not run again.",
            "she would not run again",
            "Lie",
        ),
        ("Lie wrote in an op-ed that the treaty was outdated.", "the treaty was outdated", "Lie"),
        (
            "Lie wrote in a column for the Norland Post that the treaty was outdated.",
            "the treaty was outdated",
            "Lie",
        ),
    ],
)
def test_a_medium_and_its_phrase_before_that(text: str, content: str, speaker: str) -> None:
    """ "said in a statement carried by the state news agency that …", "wrote in an op-ed
    that …": the medium and what is said of it are not the content."""
    assert reported_as(text, content, speaker), _offered(text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Berg told parliament on Tuesday that the budget was balanced.",
            "the budget was balanced",
            "Berg",
        ),
        ("Lie told lawmakers the budget was balanced.", "the budget was balanced", "Lie"),
        (
            "Lie told Norland's parliament that the budget was balanced.",
            "the budget was balanced",
            "Lie",
        ),
        (
            "The minister told lawmakers privately that the mine would be closed.",
            "the mine would be closed",
            "The minister",
        ),
        (
            "The minister told legislators on Monday that the mine would be closed.",
            "the mine would be closed",
            "The minister",
        ),
    ],
)
def test_a_chamber_as_the_listener(text: str, content: str, speaker: str) -> None:
    """ "told parliament", "told lawmakers": the chamber is who heard it, not the content."""
    assert reported_as(text, content, speaker), _offered(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Ann Lie, who asked not to be named, said the pier was unsafe.", "named"),
        ("The talks have stalled, said the spokesman, who asked not to be named.", "named"),
        ("A senior official, who asked to remain anonymous, said the deal was close.", "anon"),
    ],
)
def test_asking_not_to_be_named_reports_nothing(text: str, words: str) -> None:
    """ "who asked not to be named": an infinitive, a request about the source, no speech."""
    assert [t for t, _ in reported(text) if words in t] == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The mayor – speaking after the flood – said the town would be rebuilt.",
            "the town would be rebuilt",
            "The mayor",
        ),
        (
            "Ann Lie — speaking to reporters in Oda — said the ceasefire was holding.",
            "the ceasefire was holding",
            "Ann Lie",
        ),
    ],
)
def test_an_occasion_between_dashes(text: str, content: str, speaker: str) -> None:
    """ "The mayor – speaking after the flood – said …": the aside between dashes, as between
    commas, is the occasion, not the subject's end."""
    assert reported_as(text, content, speaker), _offered(text)


# Wire shapes the finder already reads: guards.
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The fire started in a warehouse, a police spokesman told AFP.",
            "The fire started in a warehouse",
            "a police spokesman",
        ),
        (
            "Bo Berg told the BBC on Sunday that the elections would be held in May.",
            "the elections would be held in May",
            "Bo Berg",
        ),
        (
            "The president said in a televised address that the curfew would be lifted.",
            "the curfew would be lifted",
            "The president",
        ),
        (
            "The governor said in a post on Telegram that two drones had been shot down.",
            "two drones had been shot down",
            "The governor",
        ),
        (
            "According to a statement from the ministry, the vaccine will be free for all.",
            "the vaccine will be free for all",
            "the ministry",
        ),
        ("Lie insisted that the vote had been fair.", "the vote had been fair", "Lie"),
        ("Lie conceded that mistakes had been made.", "mistakes had been made", "Lie"),
        (
            "The company acknowledged that the data had been leaked.",
            "the data had been leaked",
            "The company",
        ),
        (
            "Lie, speaking to Reuters by telephone from Norland, said the situation was calm.",
            "the situation was calm",
            "Lie",
        ),
        (
            "The bridge will reopen in May, Lie told the Norland Post in an interview "
            "published on Sunday.",
            "The bridge will reopen in May",
            "Lie",
        ),
        ("Local media reported that the dam had burst.", "the dam had burst", "Local media"),
        ("The dam burst, according to local media.", "The dam burst", "local media"),
        (
            "The outbreak is under control, health officials told state broadcaster NHK.",
            "The outbreak is under control",
            "health officials",
        ),
        (
            "Five people died, a police official said on condition of anonymity.",
            "Five people died",
            "a police official",
        ),
    ],
)
def test_wire_shapes_already_read(text: str, content: str, speaker: str) -> None:
    assert reported_as(text, content, speaker), _offered(text)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "“We will rebuild,” Lie said — her voice breaking — “but it will take years.”",
            ["“We will rebuild,”", "“but it will take years.”"],
        ),
        (
            "‘The ceasefire is holding,’ the spokesman said. ‘But we remain cautious.’",
            ["‘The ceasefire is holding,’", "‘But we remain cautious.’"],
        ),
        ("Lie told reporters: ‘We are ready to talk.’", ["‘We are ready to talk.’"]),
        ("«We will not yield», the minister said.", ["«We will not yield»"]),
        (
            "“We will not negotiate under threat,” the statement read.",
            ["“We will not negotiate under threat,”"],
        ),
    ],
)
def test_direct_quotes_in_other_marks_and_splits(text: str, parts: list[str]) -> None:
    assert [s.text for s in quotes(text) if s.quote_type == "direct"] == parts


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The ministry's statement, carried by the state news agency, said the border would "
            "reopen.",
            "the border would reopen",
            "The ministry's statement",
        ),
        (
            "The report, released on Monday, said the river was polluted.",
            "the river was polluted",
            "The report",
        ),
        (
            "Lie's letter, seen by Reuters, said the firm would close two plants.",
            "the firm would close two plants",
            "Lie's letter",
        ),
    ],
)
def test_how_a_document_came_out_is_an_aside(text: str, content: str, speaker: str) -> None:
    """ "The statement, carried by the state news agency, said …": how the document came out
    is an aside, not the speaker ("the border" was the speaker of the part before "said")."""
    assert reported_as(text, content, speaker), _offered(text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The foreign ministry spokesman, Bo Berg, told a regular briefing in Beijing that "
            "the visit was private.",
            "the visit was private",
            "Bo Berg",
        ),
        (
            "Lie told a rally audience that the mine would stay open.",
            "the mine would stay open",
            "Lie",
        ),
        (
            "Lie told a crowd in the capital on Tuesday that the mine would stay open.",
            "the mine would stay open",
            "Lie",
        ),
    ],
)
def test_a_gathering_as_the_listener(text: str, content: str, speaker: str) -> None:
    """ "told a regular briefing in Beijing that …", "told a rally audience that …": the
    gathering that heard it is not the content."""
    assert reported_as(text, content, speaker), _offered(text)


def test_a_gathering_told_about_a_topic_reports_nothing() -> None:
    text = "Lie told the audience about the projects run by her office in the north."
    assert reported(text) == []
