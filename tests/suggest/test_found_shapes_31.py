"""Shapes of quotes found, twenty-fourth rule pass (issue 15, h-finder31): finding errors that
remained on the opened sets, taken by cause. An attribution set off by commas in mid-sentence
("…, Ann Lie said, in a statement"; "If …, scientists say, …"; "The plan, says Ann Lie, will
…"), a headline line of a news page ("…, says the agency" with no full stop), and what people
found without a "that" (left: see the last cases). Sentences written for
these tests, names and places invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quotes, reported, reported_as


# What an attribution set off by commas in mid-sentence reports: the clause before it when an
# adjunct follows it (how or when it was said, or more of the same clause), the main clause
# after it when a subordinate clause opens the sentence, and both parts around an inverted
# "says Ann Lie".
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The pier is safe, Ann Lie said, in a statement on Monday.",
            "The pier is safe",
            "Ann Lie",
        ),
        (
            "The guardrail would be checked, Bo Berg said, to see if it had held as designed.",
            "The guardrail would be checked",
            "Bo Berg",
        ),
        (
            "The storm began, the agency said, in the northern hills close to the border.",
            "The storm began",
            "the agency",
        ),
        (
            "The pier is safe, Ann Lie told reporters, at a news conference in Norland.",
            "The pier is safe",
            "Ann Lie",
        ),
        (
            "If these results hold, scientists say, the virus may need a different approach.",
            "the virus may need a different approach",
            "scientists",
        ),
        (
            "Because warm water is lighter, says the study, it rises above the cold water.",
            "it rises above the cold water",
            "the study",
        ),
        (
            "If these results hold, experts say, containing the virus may need a new approach.",
            "containing the virus may need a new approach",
            "experts",
        ),
        ("The panel, says Ann Lie, will be the first body of its kind.", "The panel", "Ann Lie"),
        (
            "The panel, says Ann Lie, will be the first body of its kind.",
            "will be the first body of its kind",
            "Ann Lie",
        ),
    ],
)
def test_attribution_in_mid_sentence(text: str, content: str, speaker: str) -> None:
    assert reported_as(text, content, speaker), reported(text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("The pier is safe, Ann Lie said, in a statement on Monday.", "in a statement on Monday"),
        (
            "The guardrail would be checked, Bo Berg said, to see if it had held as designed.",
            "to see if it had held as designed",
        ),
        (
            "If these results hold, scientists say, the virus may need a different approach.",
            "If these results hold",
        ),
        (
            "Because warm water is lighter, says the study, it rises above the cold water.",
            "Because warm water is lighter",
        ),
    ],
)
def test_attribution_in_mid_sentence_not_the_adjunct(text: str, wrong: str) -> None:
    assert wrong not in [t for t, _ in reported(text)], reported(text)


def test_inverted_attribution_in_mid_sentence_keeps_the_quotation() -> None:
    text = "The board, says Bo Berg, will be the “first fully independent body to close the gap.”"
    direct = [s.text for s in quotes(text) if s.quote_type == "direct"]
    assert direct == ["“first fully independent body to close the gap.”"]


# Guards: readings of attributions in mid-sentence that were right before this pass.
@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The ship sank, officials said, and the crew was saved.", "The ship sank", "officials"),
        (
            "The ship sank, officials said, and the crew was saved.",
            "the crew was saved",
            "officials",
        ),
        ("On Monday, Ann Lie said, the pier will reopen.", "the pier will reopen", "Ann Lie"),
        ("The pier, Ann Lie said, is unsafe for visitors.", "The pier", "Ann Lie"),
        ("The pier, Ann Lie said, is unsafe for visitors.", "is unsafe for visitors", "Ann Lie"),
        (
            "The pier is safe, Ann Lie said, adding that the boats could sail.",
            "The pier is safe",
            "Ann Lie",
        ),
        ("After the vote failed, the union said it would strike.", "it would strike", "the union"),
        (
            "The pier is unsafe for visitors, said Ann Lie.",
            "The pier is unsafe for visitors",
            "Ann Lie",
        ),
        (
            "The pier is safe, Ann Lie said, the boats can sail again.",
            "the boats can sail again",
            "Ann Lie",
        ),
        (
            "Around 50 barrels of fuel, officials said, spilled and burned.",
            "spilled and burned",
            "officials",
        ),
    ],
)
def test_attribution_in_mid_sentence_guards(text: str, content: str, speaker: str) -> None:
    assert reported_as(text, content, speaker), reported(text)


# A headline line of a news page (a list of other stories): one line with no full stop, "…,
# says the agency" or "Agency chief insists …". Headlines are not quotes.
@pytest.mark.parametrize(
    "headline",
    [
        "Norland: A truce that ‘still buries children’ is not enough, says the aid agency",
        "Aid chief insists the agency will go on working despite the cuts",
        "Norland’s people pushed to the brink by the long drought, warns the food agency",
        "Harbour: Another aid worker is killed, says the agency",
    ],
)
def test_headline_line_is_no_quote(headline: str) -> None:
    text = f"{headline}\n\nThe agency said on Monday that the harbour in Norland was closed."
    found = [(s.text, s.quote_type) for s in quotes(text)]
    assert found == [("the harbour in Norland was closed", "indirect")], found


@pytest.mark.parametrize(
    "text",
    [
        "The agency will go on working despite the cuts, says the aid chief.",
        "Bo Berg said the pier in Norland was closed for repairs on Monday and would reopen soon",
        "“The agency will go on working,” says Ann Lie",
    ],
)
def test_headline_line_guards(text: str) -> None:
    assert quotes(text), text


# What people found, with no "that" ("The researchers found the river moved north"), is left:
# taken as a clause, it also read "found it difficult to …" and found reports whose speaker is
# a pronoun the resolver ties to no one (holdout5, holdout7 and holdout6's speaker fell). Only
# the guard stays: a thing found is no report.
@pytest.mark.parametrize(
    "text",
    [
        "The researchers found the body in the river near the old mill.",
        "Police found the car in a ditch near the border on Monday.",
        "They found a way to keep the pier open through the winter.",
        "The divers found the wreck of the ferry off the coast of Norland.",
    ],
)
def test_found_a_thing_is_no_report(text: str) -> None:
    assert reported(text) == [], reported(text)
