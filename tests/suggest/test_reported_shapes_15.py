"""Reported speech the finder missed or over-offered in the third holdout's news (issue 15,
bench/holdout3): a time phrase and a comma after the verb, "according to" in the middle of a
clause or at its end, and objects that are no clause. One invented sentence for each shape."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import reported
from workbench.suggest.finder.engine import suggest

# (shape, sentence, the reported words): offered as indirect speech, exactly so.
FOUND = [
    (
        "time-then-comma",
        "The harbour master noted on Friday, the repairs were nearly complete.",
        "the repairs were nearly complete",
    ),
    (
        "time-then-comma-month",
        "The Ostia Herald reported in early 2021, nine branches had shut within a year.",
        "nine branches had shut within a year",
    ),
    (
        "perfect-since",
        "The harbour master has since said the decision was a mistake.",
        "the decision was a mistake",
    ),
    (
        "perfect-since-mixed",
        'The agency has since stated she died from "a heart condition".',
        'she died from "a heart condition"',
    ),
    (
        "according-to-inside-including",
        "The storm closed four schools and killed at least nine people, including, "
        "according to health officials, two infants.",
        "two infants",
    ),
    (
        "according-to-inside-and",
        "The militia is small, mostly rural and, according to the ministry, loyal to the old "
        "regime.",
        "loyal to the old regime",
    ),
    (
        "according-to-ends-police",
        "The dam burst shortly after midnight according to police.",
        "The dam burst shortly after midnight",
    ),
    (
        "according-to-ends-state-media",
        "The convoy reached the northern border at dawn according to state media.",
        "The convoy reached the northern border at dawn",
    ),
    (
        "per-opening",
        "Per the ruling issued by the court, tenants must be given three months' notice.",
        "tenants must be given three months' notice",
    ),
    (
        "per-opening-figures",
        "Per figures published by the ministry, exports rose by a fifth last year.",
        "exports rose by a fifth last year",
    ),
    (
        "opening-participle",
        "Noting that fish is a cheap source of protein, he underscored the role of fish farms.",
        "fish is a cheap source of protein",
    ),
    (
        "opening-participle-then-said",
        "Noting that the port was closed, the harbour master said ships would wait offshore.",
        "the port was closed",
    ),
    (
        "opening-participle-main-clause",
        "Noting that the port was closed, the harbour master said ships would wait offshore.",
        "ships would wait offshore",
    ),
    (
        "and-continued-to-is-no-second-remark",
        "Police reported the attacker exited the hall and continued to attack others.",
        "the attacker exited the hall and continued to attack others",
    ),
    (
        "opening-event-then-late-cue",
        "In an interview with the Herald, she said as a teenager she was sent to work in a mill.",
        "as a teenager she was sent to work in a mill",
    ),
    (
        "name-then-present-verb",
        "The Norland government claims Ostia flies weapons and fuel to the rebels.",
        "Ostia flies weapons and fuel to the rebels",
    ),
    (
        "posted-that",
        "A senior official posted on social media last week that the minister had resigned.",
        "the minister had resigned",
    ),
    (
        "ordered-that",
        "Judge Ann Lie ordered that the accused remain in custody.",
        "the accused remain in custody",
    ),
    (
        "demonstrative-subject",
        "The council announced these measures were needed.",
        "these measures were needed",
    ),
    (
        "aside-after-the-verb",
        'Ambassador Ann Lie alleged, by way of example, Ostia had "caused great harm across '
        'the region," by supporting the rebels.',
        'Ostia had "caused great harm across the region," by supporting the rebels',
    ),
    (
        "as-a-result-clause-then-cue",
        "As a result of the storm, the pier will close, the mayor said.",
        "As a result of the storm, the pier will close",
    ),
    (
        "possessive-subject-then-verb",
        "The ministry announced the board's chairman resigned on Monday.",
        "the board's chairman resigned on Monday",
    ),
    (
        "told-a-listener-then-the-clause",
        "Ann Lie told a reporter the pier was unsafe.",
        "the pier was unsafe",
    ),
    ("wh-clause-not-negated", "The party announced who would lead it.", "who would lead it"),
]


@pytest.mark.parametrize(("shape", "text", "words"), FOUND, ids=[f[0] for f in FOUND])
def test_reported_speech_is_found(shape: str, text: str, words: str) -> None:
    assert words in [found for found, _ in reported(text)], shape


# Sentences that report no clause: nothing offered as indirect speech.
NOT_REPORTED = [
    (
        "noun-object-then-coordinate-clause",
        "The council has since declared victory, but the troops have remained in the city.",
    ),
    ("according-to-plan", "The ferry left the harbour at noon according to plan."),
    ("per-capita", "Per capita, Norland spends more on roads than any of its neighbours."),
    (
        "noun-object-participle-by",
        "The premier announced a new fund to repair roads and bridges damaged by the floods.",
    ),
    ("gerund-object", "Even so, she reports feeling connected to people in other countries."),
    (
        "noun-object-with-how",
        "The institute asked farmers in nine regions a list of questions about how worried "
        "they feel.",
    ),
    (
        "noun-object-then-and-said",
        'The minister cited the third article of the charter and said, "We will appeal."',
    ),
    (
        "noun-object-with-before",
        "The ministry has reported more cases of flu, including forty in the week before the "
        "schools closed.",
    ),
    (
        "noun-object-then-semicolon",
        "The new law does not offer tenants the same rights as owners; there are limits on leases.",
    ),
    ("noun-in-eed", "He emphasized the need for quality seed on the small farms."),
    ("name-then-plural-noun", "The ministry announced Ostia funds for the new port."),
    ("posted-a-photo-that", "She posted a photo that showed the flooded pier."),
    ("ordered-a-noun", "The court ordered the release of the harbour files."),
    (
        "noun-object-with-infinitive-have",
        "The minister called for talks, claiming a right for Ostia to have a say in the port, "
        "based on its long shore.",
    ),
    (
        "demonstrative-determiner",
        "The premier announced this change on the radio on Friday despite criticism by the "
        "unions who questioned it.",
    ),
    (
        "by-gerund",
        "Scientists from the Ostia Fund estimate the herd by observing the hills turned brown "
        "by the animals.",
    ),
    ("negated-wh-question", "The party did not immediately announce whom they would support."),
    (
        "as-a-noun-phrase-before-the-subject",
        "As a grain with strong demand in Asia, Europe and Africa, Basmati offers real export "
        "potential.",
    ),
    (
        "participle-after-a-possessive",
        "The minister also underscored the Government’s continued focus on providing increased "
        "pay for women in the navy.",
    ),
    ("told-the-listener-only", "Ann Lie told the world on Friday via the radio."),
    ("negated-what", "She did not know what street her house was on."),
]


@pytest.mark.parametrize(("shape", "text"), NOT_REPORTED, ids=[n[0] for n in NOT_REPORTED])
def test_no_reported_speech_is_offered(shape: str, text: str) -> None:
    assert reported(text) == [], shape


def test_a_name_after_a_passive_of_calling_is_no_nested_quote() -> None:
    """ "was called the “granary” of the north": the marks give a name, not anyone's words;
    the reported speech is offered, the name is not offered as a direct quote."""
    text = (
        "The valley had rich soil and, according to the Ostia Times, was called the "
        "“granary” of the north."
    )
    found = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert [s.quote_type for s in found] == ["indirect"]
    assert found[0].text == "was called the “granary” of the north"


def test_the_speaker_of_a_refused_report_is_carried_on_by_a_pronoun() -> None:
    """ "She emphasized the importance of …" reports no clause, so it is not offered; she still
    spoke, so "She further observed that …" after it is hers, not the name before."""
    text = (
        "As a grain with strong demand abroad, Basmati offers export potential. Deputy "
        "Director General (Water) NWB, Dr. Ann Lie highlighted the potential of the valley to "
        "become a rice hub. She emphasized the importance of strengthening dams and promoting "
        "the use of quality seed to keep yields high. She further observed that the region is "
        "well placed to export rice."
    )
    assert reported(text) == [("the region is well placed to export rice", "Ann Lie")]


def test_a_participle_in_an_appositive_is_not_the_cue() -> None:
    """ "Shipnet, a registry listing the ships …, states …": the name's own verb reports."""
    text = (
        "Shipnet, a registry listing the ships operated by ferry lines, states the vessel uses "
        "diesel as well as sail."
    )
    assert reported(text) == [("the vessel uses diesel as well as sail", "Shipnet")]


def test_quoted_words_in_a_post_that_are_nested_direct_quotes() -> None:
    text = (
        "A senior official posted on social media last week that the minister “had died from "
        "the flu” – before editing the post to add “possibly”."
    )
    direct = [s.text for s in suggest(text, claims=0) if s.quote_type == "direct"]
    assert direct == ["“had died from the flu”", "“possibly”"]


def test_a_quotation_split_by_a_cue_without_commas_is_two_parts_of_one_remark() -> None:
    """ "“We stand ready” tweeted Lie “to send …”": no comma around the cue, the second part
    goes on in lowercase: two parts with the speaker of the cue between them."""
    text = '"We stand ready" tweeted Ann Lie "to send whatever help we can to the harbour."'
    found = [(s.text, s.speaker, s.part) for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found == [
        ('"We stand ready"', "Ann Lie", 1),
        ('"to send whatever help we can to the harbour."', "Ann Lie", 2),
    ]


def test_quoted_words_after_an_opening_calling_it_are_the_subjects() -> None:
    """ "Calling it “just another delay”, Ann Lie … told …": the label is her words."""
    text = (
        'Calling it "just another delay", Ann Lie of the Pier Trust told the Herald "it seems '
        'the plan was made before the vote."'
    )
    found = [(s.text, s.speaker) for s in suggest(text, claims=0) if s.kind == "quote"]
    assert found[0] == ('"just another delay"', "Ann Lie")
    assert suggest('Calling it "a scandal", the union walked out.', claims=0) == []


def test_told_a_listener_then_a_quotation_offers_the_quotation() -> None:
    text = 'The head of the harbour board told the court "Basic checks were not done."'
    direct = [s.text for s in suggest(text, claims=0) if s.quote_type == "direct"]
    assert direct == ['"Basic checks were not done."']
