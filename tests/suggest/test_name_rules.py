"""How a name mention is cut into the canonical name and the role (issue 15, "What to build" 1).

The suggested speaker is the fullest form of the name the article gives, without titles,
honorifics, portfolios, "for"/"of" phrases, places or party; the title as written goes to
`role`. Each row is (rule name, text, expected speaker, expected role): the rule of the
`name/…` family that cuts the mention, an invented sentence, and what `suggest` gives for its
one quote. The rule is read from `speakers.canonical` on the mention the finder chose.
"""

from __future__ import annotations

import re

import pytest

from workbench.suggest.finder import speakers
from workbench.suggest.finder.engine import suggest

TABLES = (speakers._NAME_TAIL_RULES, speakers._NAME_RULES)


def case(rule: str, text: str, speaker: str, role: str | None):
    """One row of the table, with the rule's name as its test id."""
    return pytest.param(rule, text, speaker, role, id=rule)


CASES = [
    case(
        "name/portfolio-then-name",
        "Minister of Finance Ann Lie said the budget was balanced.",
        "Ann Lie",
        "Minister of Finance",
    ),
    case(
        "name/portfolio-then-name",
        "Special Envoy for Regional Affairs Ann Lie said the talks would resume.",
        "Ann Lie",
        "Special Envoy for Regional Affairs",
    ),
    case(
        "name/portfolio-then-name",
        "“This was a hard winter,” says Minister for Biosecurity Ann Lie.",
        "Ann Lie",
        "Minister for Biosecurity",
    ),
    case(
        "name/portfolio-then-name",
        "Head of the Office of the President of Norland Ann Lie said the port would reopen.",
        "Ann Lie",
        "President of Norland",
    ),
    case(
        "name/portfolio-then-name",
        "Secretary of Health and Human Services Ann Lie said the port would reopen.",
        "Ann Lie",
        "Secretary of Health and Human Services",
    ),
    case(
        "name/portfolio-then-name",
        "Deputy Minister for Coastal Roads Tor Vikan said the port would reopen.",
        "Tor Vikan",
        "Deputy Minister for Coastal Roads",
    ),
    case(
        "name/role-then-name",
        "“We will fund it,” said Associate Health Minister Hon Ann Lie.",
        "Ann Lie",
        "Associate Health Minister",
    ),
    case(
        "name/role-then-name",
        "“The border is safe,” said Raksha Mantri Shri Ann Lie.",
        "Ann Lie",
        "Raksha Mantri",
    ),
    case(
        "name/role-then-name",
        "“The port will reopen,” said Treasurer Ann Lie.",
        "Ann Lie",
        "Treasurer",
    ),
    case(
        "name/role-then-name",
        "Northland Premier Ann Lie said the port would reopen.",
        "Ann Lie",
        "Northland Premier",
    ),
    case(
        "name/role-then-name",
        "“The port will reopen,” said Federal Port Administrator Ann Lie.",
        "Ann Lie",
        "Federal Port Administrator",
    ),
    case("name/role-then-name", "Dr. Ann Lie said the clinic would open.", "Ann Lie", None),
    case(
        "name/body-then-name",
        "“The ruling changes nothing,” said Civic Watch International Kei-lun Tam.",
        "Kei-lun Tam",
        "Civic Watch International",
    ),
    case(
        "name/place-after",
        "Sen. Ann Lie of Ohio said the bill would pass.",
        "Ann Lie",
        "Sen.",
    ),
    case(
        "name/place-after",
        "“The bill will pass,” said Sen. Ann Lie of Ohio.",
        "Ann Lie",
        "Sen.",
    ),
    case(
        "name/post-nominal",
        "“We are proud of them,” said the Hon Ann Lie MP.",
        "Ann Lie",
        None,
    ),
    case(
        "name/lead-then-first-name",
        "“We are proud of them,” said Norland Ann Lie.",
        "Ann Lie",
        None,
    ),
    case(
        "name/place-after",
        "Ann Lie of Georgia said the bill would pass.",
        "Ann Lie",
        None,
    ),
    case(
        "name/several-people",
        "Health Minister Ann Lie and Roads Minister Tor Vikan said the port would reopen.",
        "Ann Lie and Tor Vikan",
        "Health Minister; Roads Minister",
    ),
    case("name/as-written", "Ann Lie said the bill would pass.", "Ann Lie", None),
]


def _cut(text: str) -> tuple[str, str, str | None]:
    """The rule that cut the one quote's speaker mention, the speaker and the role."""
    quotes = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert len(quotes) == 1, quotes
    quote = quotes[0]
    assert quote.speaker_start is not None and quote.speaker_end is not None
    tokens = speakers.tokenize(text, quote.speaker_start, quote.speaker_end)
    rule = speakers.canonical([t.text for t in tokens]).rule
    return rule, quote.speaker or "", quote.role


@pytest.mark.parametrize(("rule", "text", "speaker", "role"), CASES)
def test_name_rule_cuts_its_case(rule: str, text: str, speaker: str, role: str | None) -> None:
    assert _cut(text) == (rule, speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a surname takes the fullest form of the name, from before or after it
        ("Dr. Ann Lie opened the clinic. “It is a good day,” Dr. Lie said.", "Ann Lie"),
        ("Tor Vikan leads the board. “It is a good day,” Mr Vikan said.", "Tor Vikan"),
        ("“It is a good day,” Lie said. Later, Ann Lie left the hall.", "Ann Lie"),
        ("“It is a good day,” Shri Vikan said. Later, Shri Tor Vikan left.", "Tor Vikan"),
        ("“It is a good day,” Premier Lie said. Ann Lie leads the region.", "Ann Lie"),
        # a name the pattern runs into after a portfolio ("Minister for State Development")
        (
            "Minister for State Development Ann Lie opened it. “It works,” Ms Lie said.",
            "Ann Lie",
        ),
        # a capitalised place before the name says nothing of the person's gender
        (
            "Rain fell on the King Country. Associate Minister Hon Casey Vikan came. "
            "“It is a good day,” Ms Vikan said.",
            "Casey Vikan",
        ),
        # a lowercase role with its portfolio before the name, and a party after it
        ("“Roads must be safer,” said EP rapporteur on transport Ann LIE (S&D, DE).", "Ann LIE"),
        ("“Roads must be safer,” said Norland envoy for the region Ann Lie.", "Ann Lie"),
        # a place after "President of" that is a first name too, before the name
        (
            "President of Georgia Ann Lie spoke. “It is a good day,” Lie said.",
            "Ann Lie",
        ),
        # a surname after a lowercase particle, then a place
        (
            "Chair President Ann Fattah el-Lie of Norland said the port would reopen.",
            "Ann Fattah el-Lie",
        ),
        # an office and its portfolio with no name: the description stays whole
        ("President of Norland said the port would reopen.", "President of Norland"),
        # words of the sentence stay out of the name
        ("“We are ready,” Lie went on to say. Ann Lie chairs the committee.", "Ann Lie"),
        ("Ann Lie went on to say the port would reopen.", "Ann Lie"),
        ("The rebels refused to say where they were hiding.", "The rebels"),
        # party after the name, in a parenthesis or between commas
        ("Ann Lie (R-OH) said the bill would pass.", "Ann Lie"),
        ("“The bill will pass,” said Ann Lie, D-Ohio, on Tuesday.", "Ann Lie"),
        # a three-word name after a portfolio keeps its three words
        (
            "Minister of Trade Ann Marie Lie said the port would reopen.",
            "Ann Marie Lie",
        ),
        # a title that is part of a name, and a suffix, stay
        ("Martin Luther King Jr. said the march would go on.", "Martin Luther King Jr."),
        ("Ann T. King of Ohio said the march would go on.", "Ann T. King"),
        ("Ann King of Ohio said the march would go on.", "Ann King"),
        ("Walter B. Lie said the march would go on.", "Walter B. Lie"),
        ("Lander B. Lie said the march would go on.", "Lander B. Lie"),
    ],
)
def test_name_is_canonical(text: str, speaker: str) -> None:
    quotes = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert [q.speaker for q in quotes] == [speaker]


def test_i_inside_a_quotation_is_not_the_speaker() -> None:
    text = "“I told them I would stay, and I did,” Ann Lie said."
    quotes = [s for s in suggest(text, claims=0) if s.kind == "quote"]
    assert [q.speaker for q in quotes] == ["Ann Lie"]


def test_every_name_rule_has_a_case() -> None:
    named = {entry.name for table in TABLES for entry in table}
    cased = {param.values[0] for param in CASES}
    assert named - cased == set(), "a rule without a case in CASES"
    assert cased - named == set(), "a case for a rule no table has"
    for name in named:
        assert re.fullmatch(r"name/[a-z0-9]+(?:-[a-z0-9]+)*", name), name
