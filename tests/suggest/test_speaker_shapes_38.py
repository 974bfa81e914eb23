"""World-news speaker probes, the twenty-sixth rule pass (issue 15, h-finder33): shapes of
wire copy whose speaker came out wrong. An appositive after a name with no comma to close it
before the verb ("Anthony Lane, president and CEO of the Norland Restaurant Association
stated") gave the body or "CEO of …" instead of the person. Sentences written for these
tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quote_holding, quotes


def _said(text: str, words: str) -> tuple[str, str]:
    found = quote_holding(text, words)
    return found.speaker or "", found.role or ""


@pytest.mark.parametrize(
    ("text", "words", "speaker", "role"),
    [
        (
            "Anthony Lane, president and CEO of the Norland Restaurant Association stated, "
            "“The tax will close restaurants across the country.”",
            "tax",
            "Anthony Lane",
            "president and CEO of the Norland Restaurant Association",
        ),
        (
            "Anthony Lane, president of the Norland Restaurant Association said the tax would "
            "close restaurants.",
            "tax",
            "Anthony Lane",
            "president of the Norland Restaurant Association",
        ),
        (
            "Anthony Lane, CEO of Norland Air said the tax would close restaurants.",
            "tax",
            "Anthony Lane",
            "CEO of Norland Air",
        ),
        (
            "Ann Lie, the Norland Foreign Minister said the talks had failed.",
            "talks",
            "Ann Lie",
            "the Norland Foreign Minister",
        ),
        (
            "“The tax will close restaurants,” Anthony Lane, president and CEO of the Norland "
            "Restaurant Association stated.",
            "tax",
            "Anthony Lane",
            "president and CEO of the Norland Restaurant Association",
        ),
    ],
)
def test_an_appositive_with_no_closing_comma_leaves_the_name(text, words, speaker, role):
    assert _said(text, words) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # The comma closes an opening phrase, not an appositive: the subject after it speaks.
        ("In Norland City, the mayor said the tax would rise.", "tax", "the mayor"),
        (
            "On Monday, the Norland Restaurant Association said the tax would rise.",
            "tax",
            "Norland Restaurant Association",
        ),
        # A name and a list: no appositive.
        ("Ann Lie, Bo Berg and the minister said the tax would rise.", "tax", None),
    ],
)
def test_an_opening_phrase_before_a_comma_is_no_appositive(text, words, speaker):
    said = _said(text, words)[0]
    if speaker is None:
        assert said != "Ann Lie"
    else:
        assert said == speaker


def test_a_bare_verb_inside_an_appositive_keeps_its_whole_role():
    # "state" is no verb of Bo Berg's: the appositive closes at the comma before "said".
    text = (
        "“They trust him,” Bo Berg, the president of the Norland state nurses union, said of "
        "the members."
    )
    assert _said(text, "trust") == ("Bo Berg", "the president of the Norland state nurses union")


def test_a_plural_noun_in_s_after_a_name_and_comma_is_no_verb():
    text = (
        "American Samoans, unlike people born in the fifty states, do not gain citizenship. "
        "Bo Berg said the rule was unfair."
    )
    assert all(s.speaker != "American Samoans" for s in quotes(text))


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The Governor of the Central Bank of Norland warned that inflation would rise.",
            "inflation",
            "governor of the central bank of norland",
        ),
        (
            "The Chairman of the Norland Rail Union said that fares would rise.",
            "fares",
            "chairman of the norland rail union",
        ),
        (
            "The head of the Norland Rail Union said that fares would rise.",
            "fares",
            "head of the norland rail union",
        ),
    ],
)
def test_an_office_of_a_body_with_no_name_is_its_holder(text, words, speaker):
    # The office's holder speaks, not the body: an unresolved description.
    said = _said(text, words)[0]
    assert said.lower().removeprefix("the ") == speaker


def test_an_office_of_a_body_is_the_person_named_in_it():
    text = (
        "Bo Berg, the Governor of the Central Bank of Norland, met lenders on Monday. "
        "The Governor of the Central Bank of Norland warned that inflation would rise."
    )
    assert _said(text, "inflation")[0] == "Bo Berg"


@pytest.mark.parametrize(
    ("text", "words", "kept"),
    [
        # A body whose name holds "of the", after no office: the body speaks.
        ("The University of the Norland Isles said that fees would rise.", "fees", "Norland Isles"),
        # Supporters are no office.
        ("Supporters of the Norland Party said that the vote was rigged.", "vote", "Supporters"),
    ],
)
def test_no_office_before_of_leaves_the_body(text, words, kept):
    said = _said(text, words)[0]
    assert kept in said
    assert not said.lower().startswith(("the governor", "governor"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Norland Rail Union said that fares would rise.", "Norland Rail Union"),
        ("Bo Berg of the Norland Rail Union said that fares would rise.", "Bo Berg"),
    ],
)
def test_a_reporting_word_inside_a_name_is_no_verb(text, speaker):
    # "Rail" (to rail against) is a word of the union's name here, not a verb of saying.
    found = [(s.text, s.speaker) for s in quotes(text)]
    assert found == [("fares would rise", speaker)]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        # "Wonder" looks like an office ("-er") but sits inside a body's name.
        (
            "The singer had retired, promotion Norland Wonder Ring Stardom announced yesterday.",
            "Norland Wonder Ring Stardom",
            "",
        ),
        ("Port Administrator Ann Lie said the ships would wait.", "Ann Lie", "Port Administrator"),
    ],
)
def test_an_office_looking_word_inside_a_body_name_keeps_the_name(text, speaker, role):
    said = [(s.speaker, s.role or "") for s in quotes(text)]
    assert said == [(speaker, role)]


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Secretary-General Ann Lie called for a ceasefire. “Enough is enough,” the UN chief "
            "told reporters.",
            "Enough",
            "Ann Lie",
        ),
        (
            "UN Secretary-General Ann Lie called for a ceasefire. “Enough is enough,” the U.N. "
            "chief told reporters.",
            "Enough",
            "Ann Lie",
        ),
        (
            "WHO Director-General Bo Berg spoke in Geneva. “The virus is not gone,” the WHO "
            "chief said.",
            "virus",
            "Bo Berg",
        ),
        (
            "Bo Berg, Director-General of the World Health Organization, spoke in Geneva. "
            "“The virus is not gone,” the WHO chief said.",
            "virus",
            "Bo Berg",
        ),
        (
            "IMF Managing Director Eva Moe spoke in Washington. “Growth is slowing,” the IMF "
            "chief said.",
            "Growth",
            "Eva Moe",
        ),
    ],
)
def test_the_chief_of_a_body_is_the_holder_of_its_top_office(text, words, speaker):
    assert _said(text, words)[0] == speaker


@pytest.mark.parametrize(
    ("text", "words", "wrong"),
    [
        # The title is tied to another body: not the UN's chief.
        (
            "NATO Secretary-General Ann Lie met ministers. “Enough is enough,” the UN chief "
            "told reporters.",
            "Enough",
            "Ann Lie",
        ),
        # A Director-General of no stated body is not the WHO's.
        (
            "Director-General Bo Berg spoke in Geneva. “The virus is not gone,” the WHO chief "
            "said.",
            "virus",
            "Bo Berg",
        ),
        # Two Secretaries-General: no one person.
        (
            "Secretary-General Ann Lie met Secretary-General Bo Berg. “Enough is enough,” the "
            "UN chief told reporters.",
            "Enough",
            "Ann Lie",
        ),
    ],
)
def test_the_chief_of_a_body_stays_a_description_without_a_tied_holder(text, words, wrong):
    assert _said(text, words)[0] != wrong
