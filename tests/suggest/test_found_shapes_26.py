"""Shapes of reported speech found, nineteenth rule pass (issue 15, h-finder26, the missed
quotes of the opened sets, general causes only): sentences written for these tests, names
invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import reported, reported_as


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The fishermen are continuing to protest the quota, the union leader told reporters.",
            "The fishermen are continuing to protest the quota",
            "the union leader",
        ),
        (
            "Supplies are continuing to dwindle as the roads stay closed, the aid agency warned.",
            "Supplies are continuing to dwindle as the roads stay closed",
            "the aid agency",
        ),
        (
            "Prices continue to climb in the capital, the central bank said on Monday.",
            "Prices continue to climb in the capital",
            "the central bank",
        ),
        (
            "On Sunday, reports said Tuesday's storm damaged four schools in the valley.",
            "Tuesday's storm damaged four schools in the valley",
            "reports",
        ),
    ],
)
def test_the_sentences_own_cue_after_a_first_verb_of_a_phrase(
    text: str, content: str, speaker: str
) -> None:
    """A first verb that reports only a phrase ("are continuing to …", refused as no clause)
    no longer hides the sentence's own cue further on: "…, the agency warned."."""
    assert reported_as(text, content, speaker)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Officials continue to review the plans for the bridge.", ""),
        ("The firm continues to deny a deal that officials said was signed in May.", "signed"),
        ("Residents continue to wait for news, which the mayor promised would come soon.", "come"),
        ("The ferry continues to run, while others said the port was closed.", "port"),
    ],
)
def test_no_later_cue_without_a_clause_of_its_own(text: str, words: str) -> None:
    """Past a first verb of a phrase, a later cue whose words open with a verb ("officials
    said was signed": the relative word is its subject) or "while …" reports nothing."""
    assert [t for t, _ in reported(text) if words in t] == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Scientists believe the deep ocean current carries most of the heat to the poles.",
            "the deep ocean current carries most of the heat to the poles",
            "Scientists",
        ),
        (
            "The newspaper noted the council's budget allows it to hire ten more teachers.",
            "the council's budget allows it to hire ten more teachers",
            "The newspaper",
        ),
        (
            "Two studies have suggested the lake likely holds a layer of salt water.",
            "the lake likely holds a layer of salt water",
            "Two studies",
        ),
        (
            "The inspectors believe the old northern bridge needs a new deck by 2030.",
            "the old northern bridge needs a new deck by 2030",
            "The inspectors",
        ),
    ],
)
def test_a_present_verb_after_a_longer_noun_phrase(text: str, content: str, speaker: str) -> None:
    """The reported clause's verb is a present form after a determiner and two or three words
    ("the deep ocean current carries …", "the council's budget allows …", "the lake likely
    holds …"), with its object opening right after it: a clause, not a noun phrase."""
    assert reported_as(text, content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor praised the city's emergency services for their work.",
        "She reiterated the council's commitment towards the elderly residents of the town.",
        "He welcomed the agency's budget cuts to the program.",
        "The minister announced the state's water supplies for the summer.",
        "The union welcomed the new safety rules and the extra staff.",
    ],
)
def test_noun_phrases_in_s_stay_noun_phrases(text: str) -> None:
    """A plural noun ("emergency services for", "budget cuts to") or "towards" after a longer
    noun phrase is no verb: the object is a noun phrase, no reported clause."""
    assert reported(text) == []


def test_a_capitalised_today_after_a_name_in_capitals() -> None:
    """ "ACME Today noted …": "Today" capitalised after a name in capitals is part of the name
    (the paper), not the time between the subject and its verb."""
    assert reported_as(
        "ACME Today noted the factory's output doubles every year.",
        "the factory's output doubles every year",
        "ACME Today",
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The council today said the roads were safe again.", "The council"),
        ("Ann Lie Monday said the roads were safe again.", "Ann Lie"),
        ("OSLO Today the council said the roads were safe again.", "the council"),
    ],
)
def test_times_between_subject_and_verb_stay_times(text: str, speaker: str) -> None:
    """A lowercase "today" or a weekday between the subject and its verb is still a time."""
    assert reported_as(text, "the roads were safe again", speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The harbour will reopen in May, she reminded reporters at the briefing in Oslo.",
            "The harbour will reopen in May",
            "she",
        ),
        (
            "The line will be finished by 2030, Lie assured journalists at the opening of the new "
            "station.",
            "The line will be finished by 2030",
            "Lie",
        ),
    ],
)
def test_a_late_cue_of_telling_with_its_listener_and_place(
    text: str, content: str, speaker: str
) -> None:
    """ "…, he reminded journalists at Tuesday's briefing in Geneva.": verbs of telling a
    listener ("reminded", "assured", "informed", "briefed") close the content as "told"
    does, with the listener and the place after them."""
    assert reported_as(text, content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The museum was closed for the day, which reminded visitors of the strike in the spring.",
        "After the vote, she reminded voters of the deadline at a rally in the capital.",
    ],
)
def test_reminded_after_a_relative_word_or_an_opening(text: str) -> None:
    """ "…, which reminded visitors of …" (no speaker), "After the vote, she reminded …" (an
    opening of time, no content): no reported clause."""
    assert reported(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "Albert Lie spoke to the press after the final. In his view, the written test was "
            "the hardest part.",
            "the written test was the hardest part",
            "Albert Lie",
        ),
        (
            "Ann Lie spoke after the vote. In her opinion, the council should resign.",
            "the council should resign",
            "Ann Lie",
        ),
        (
            "Tom Berg runs the ferry. From his view, the harbour is too small for two lines.",
            "the harbour is too small for two lines",
            "Tom Berg",
        ),
        (
            "In Tom Berg's view, the old bridge is unsafe.",
            "the old bridge is unsafe",
            "Tom Berg",
        ),
    ],
)
def test_in_his_view_opening_the_sentence(text: str, content: str, speaker: str) -> None:
    """ "In his view, …", "In her opinion, …", "From his view, …", "In Tom Berg's view, …":
    the holder of the view said what follows; the pronoun is resolved as "he" or "she"."""
    assert reported_as(text, content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "In the view of many, the old bridge is unsafe.",
        "In this view, the old bridge is unsafe.",
        "In my view, the old bridge is unsafe.",
        "Residents met on Monday. In their view, the old bridge is unsafe.",
        "In the analysis of the data, the old bridge looked unsafe.",
    ],
)
def test_views_with_no_holder_to_name(text: str) -> None:
    """A view of no one named ("of many", "this view"), the writer's own ("In my view"), a
    group's ("In their view", left out: the resolution seldom finds the group) or an
    analysis: no reported clause."""
    assert reported(text) == []


def test_a_bare_plural_subject_before_a_perfect_of_indicate() -> None:
    """ "Emergency workers have indicated a probe is …": after "have", "indicated" (and
    "estimated", "stressed", "noted" …) is the verb, so a bare plural subject speaks with no
    "that" as well."""
    assert reported_as(
        "Rescue workers have indicated a second search is planned for Friday.",
        "a second search is planned for Friday",
        "Rescue workers",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Field notes have indicated nothing unusual.",
        "Rescue teams have estimated the damage at two million dollars.",
    ],
)
def test_a_perfect_with_no_clause_reports_nothing(text: str) -> None:
    """The perfect reports a noun phrase only ("nothing unusual", "the damage at …")."""
    assert reported(text) == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The Ministry of Roads and Ports published its audit, finding that two bridges were "
            "unsafe.",
            "two bridges were unsafe",
            "Ministry of Roads and Ports",
        ),
        (
            "The Norland High Court also ruled on the same day as the Ostia court, finding that "
            "the closure of the port was not a matter for the courts.",
            "the closure of the port was not a matter for the courts",
            "Norland High Court",
        ),
    ],
)
def test_finding_that_after_a_clause(text: str, content: str, speaker: str) -> None:
    """ "…, finding that …": what the clause's subject (a court, a ministry signing a
    declaration) found, as ", saying that …" reports what it said."""
    assert reported_as(text, content, speaker)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Rescuers searched the river on Monday, finding the body of a man near the bridge.", ""),
        (
            "Water and Sewer Board chair Ann Lie signed the order, finding that the pipes were unsafe.",
            "Water",
        ),
    ],
)
def test_finding_with_no_clause_or_a_cut_subject(text: str, wrong: str) -> None:
    """ "finding the body" finds no words; a subject read short at "and" ("Water" of "Water
    and Sewer Board") gives no speaker for "finding that"."""
    assert [s for _, s in reported(text) if wrong == "" or s == wrong] == []


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The mayor announced on Facebook on Tuesday there were suspects in custody.",
            "there were suspects in custody",
            "The mayor",
        ),
        (
            "The mayor wrote on Twitter the pier would reopen on Monday.",
            "the pier would reopen on Monday",
            "The mayor",
        ),
        (
            "The ministry said in a statement the pier would reopen on Monday.",
            "the pier would reopen on Monday",
            "The ministry",
        ),
        (
            "The firm said on its website Monday night the outage was over.",
            "the outage was over",
            "The firm",
        ),
    ],
)
def test_a_medium_between_the_verb_and_its_clause(text: str, content: str, speaker: str) -> None:
    """ "announced on Facebook on Tuesday there were …", "said in a statement the pier …":
    the medium (and a time after it) is where the words were said, not part of them."""
    assert reported_as(text, content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "He spoke in an interview about the war.",
        "She posted on Facebook a photo of the pier.",
        "He promised to release a report on the findings.",
    ],
)
def test_a_medium_with_no_clause_after_it(text: str) -> None:
    """A medium followed by a phrase ("about the war", "a photo of …") reports no clause."""
    assert reported(text) == []
