"""Exact quotes (issue 15, part 2): one suggestion per quoted passage, fragments nested in
reported speech. One test per shape, on sentences written for it."""

from __future__ import annotations

import pytest

from workbench.suggest.finder.engine import RULE_NAMES, suggest
from workbench.suggest.finder.parts import VETO_NAMES, fragment_veto

MARKS = '“”"«» '


def quotes(text: str) -> list:
    return [s for s in suggest(text, claims=0) if s.kind == "quote"]


def direct(text: str) -> list:
    return [s for s in quotes(text) if s.quote_type == "direct"]


def inner(s) -> str:
    return s.text.strip(MARKS)


def test_a_quote_split_by_its_attribution_is_two_parts_of_one_group():
    text = "“A deal is close,” Ann Lie told reporters. “We expect to sign it this week.”"
    first, second = direct(text)
    assert (inner(first), inner(second)) == ("A deal is close,", "We expect to sign it this week.")
    assert first.speaker == second.speaker == "Ann Lie"
    assert first.cue == second.cue and first.cue["text"] == "told"
    assert first.group == second.group != 0
    assert (first.part, first.parts, second.part, second.parts) == (1, 2, 2, 2)
    assert "told reporters" not in first.text + second.text


def test_a_quote_split_mid_sentence_is_two_parts():
    text = "“This is a deliberate message,” Hana Berg said, “and a senior leader will be next.”"
    first, second = direct(text)
    assert inner(first) == "This is a deliberate message,"
    assert inner(second) == "and a senior leader will be next."
    assert first.group == second.group and first.speaker == second.speaker == "Hana Berg"


def test_a_remark_joined_in_its_paragraph_keeps_the_narrator_out():
    text = (
        "“Our crews did great work,” Ms Costello says. “The new helicopter will fly this week.”"
        " The ministry did not give a date."
    )
    found = direct(text)
    assert [inner(q) for q in found] == [
        "Our crews did great work,",
        "The new helicopter will fly this week.",
    ]
    assert all("says" not in q.text for q in found)


def test_a_quotation_over_paragraphs_is_one_suggestion_per_paragraph():
    text = (
        "The minister spoke at the dock.\n\n"
        "“We will rebuild the harbour.\n\n"
        "“We will not leave the fishermen alone,” Ann Lie said."
    )
    first, second = direct(text)
    assert inner(first) == "We will rebuild the harbour."
    assert inner(second) == "We will not leave the fishermen alone,"
    assert first.group == second.group and first.speaker == second.speaker == "Ann Lie"
    assert (first.rule, second.rule) == ("quote/cue-after", "quote/continues-paragraphs")


def test_a_single_quotation_is_no_part():
    text = "“We will stay open all winter,” said Amélie Durand."
    (quote,) = direct(text)
    assert (quote.group, quote.part, quote.parts) == (0, 0, 0)


def test_the_punctuation_inside_the_marks_belongs_to_the_quote():
    text = "“Absolutely not, never again!” Ann Lie said."
    (quote,) = direct(text)
    assert inner(quote) == "Absolutely not, never again!"


def test_a_fragment_in_reported_speech_is_a_direct_quote_nested_in_the_mixed_one():
    text = "Ann Lie said the strike was an “act of self-defence” and would go on."
    found = quotes(text)
    mixed = [q for q in found if q.quote_type == "mixed"]
    nested = [q for q in found if q.quote_type == "direct"]
    assert len(mixed) == 1 and len(nested) == 1
    assert inner(nested[0]) == "act of self-defence"
    assert mixed[0].start <= nested[0].start and nested[0].end <= mixed[0].end
    assert nested[0].rule == "quote/nested-fragment"
    assert nested[0].speaker == mixed[0].speaker == "Ann Lie"
    assert nested[0].cue == mixed[0].cue


def test_a_title_of_a_work_in_reported_speech_is_no_quote():
    text = "Ann Lie said the film “The Long Pier” was a disgrace to the town."
    found = quotes(text)
    assert [q.quote_type for q in found] == ["indirect"]


def test_a_code_or_term_in_reported_speech_is_no_quote():
    for text in (
        "Ann Lie said the virus, known as “H5N1”, was spreading in the south.",
        "Ann Lie said the drones carried the label “XR-7B” on their wings.",
    ):
        assert [q.quote_type for q in quotes(text)] == ["indirect"], text


def test_scare_quotes_in_reported_speech_are_not_offered():
    text = "Ann Lie said the so-called “reforms” had emptied the town."
    assert [q.quote_type for q in quotes(text)] == ["indirect"]


def test_the_new_rules_are_named():
    for name in ("quote/continues-paragraphs", "quote/nested-fragment"):
        assert name in RULE_NAMES


@pytest.mark.parametrize(
    ("veto", "text", "quoted"),
    [
        ("veto/fragment-title", "Lie said the film “The Long Pier” was bad.", "“The Long Pier”"),
        ("veto/fragment-title", "Lie said his book “Hard Times” sold well.", "“Hard Times”"),
        ("veto/fragment-code", "Lie said the virus, known as “H5N1”, spread.", "“H5N1”"),
        ("veto/fragment-code", "Lie said the word “decoupling” was wrong.", "“decoupling”"),
        ("veto/fragment-code", "Lie said the tag “#SaveThePier” spread.", "“#SaveThePier”"),
        ("veto/fragment-scare", "Lie said the so-called “reforms” had failed.", "“reforms”"),
    ],
)
def test_each_fragment_veto_refuses_its_shape(veto, text, quoted):
    start = text.index(quoted)
    assert fragment_veto(text, start, start + len(quoted)) == veto
    assert veto in VETO_NAMES


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Lie said the pandemic was “unprecedented.”", "“unprecedented.”"),
        ("Lie said it was in a “serious” condition.", "“serious”"),
        ("Lie called the plan “Dead On Arrival, Again.”", "“Dead On Arrival, Again.”"),
    ],
)
def test_a_speakers_words_are_no_title_code_or_scare_quote(text, quoted):
    start = text.index(quoted)
    assert fragment_veto(text, start, start + len(quoted)) is None


def test_straight_marks_nested_in_a_straight_quotation_stay_inside():
    text = (
        '"We are proud of our pilots. They are not "adornment", they do not "play supporting '
        'roles", they lead," Ann Lie said.'
    )
    (quote,) = direct(text)
    assert inner(quote).startswith("We are proud") and inner(quote).endswith("they lead,")
    assert quote.speaker == "Ann Lie"


def test_a_straight_quoted_name_inside_a_straight_quotation_stays_inside():
    text = (
        '"The factory has a fine "Antonov", all production lines are ready and the workers '
        'are waiting," Ann Lie said.'
    )
    (quote,) = direct(text)
    assert inner(quote).endswith("the workers are waiting,")


def test_two_right_single_marks_close_a_quotation():
    text = (
        "“This stadium will be built by the people of Townsville,’’ he said.\n\nThe crowd cheered."
    )
    (quote,) = direct(text)
    assert inner(quote).rstrip("’") == "This stadium will be built by the people of Townsville,"
    assert "he said" not in quote.text


def test_an_unclosed_quotation_leaves_its_closing_attribution_out():
    text = (
        "The minister spoke at the academy.\n\n"
        "“We achieved a historic milestone this year. It stands as a symbol of ‘New India’, he said."
        "\n\nThe ceremony ended at noon."
    )
    (quote,) = direct(text)
    assert quote.text.endswith("a symbol of ‘New India’,")
