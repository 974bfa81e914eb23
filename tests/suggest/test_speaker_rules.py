"""The speaker finder's named rules and vetoes, one case (at least) per name.

Each row is (rule name, text, expected): the rule or veto that must decide, the text it
decides on, and what the finder gives (the mention's text, the resolved name, or None where
a veto refuses). Where each family decides:

- ``mention-before/…``: the mention before the verb, which is the last token of the text;
- ``mention-after/…``: the mention after the verb, which is the first token of the text;
- ``np/…``: the noun phrase ending at the last token;
- ``pronoun/…``: the last pronoun of the text, resolved against the names before it.
"""

from __future__ import annotations

import re

import pytest

from workbench.suggest.finder import speakers
from workbench.suggest.finder.lexicon import PRONOUNS
from workbench.suggest.finder.rules import decide
from workbench.suggest.finder.speakers import (
    Mention,
    Registry,
    _np_ending_at,
    mention_after,
    mention_before,
    tokenize,
)

TABLES = {
    "mention-before": speakers._BEFORE_RULES,
    "mention-after": speakers._AFTER_RULES,
    "np": speakers._NP_RULES,
    "pronoun": speakers._PRONOUN_RULES,
}


def case(rule: str, text: str, expected: str | None):  # pytest.param's type is private
    """One row of the table, with the rule's name as its test id."""
    return pytest.param(rule, text, expected, id=rule)


CASES = [
    # mention-before: the verb is the last token
    case("mention-before/will-columnist", "“We will win,” Will wrote", "Will"),
    case("mention-before/nothing-before", "said", None),
    case("mention-before/passive", "Rubio was asked", None),
    case(
        "mention-before/parenthesis-role", "Rep. Jim McDermott (D-Wash.) said", "Rep. Jim McDermott"
    ),
    case("mention-before/unparsed-parenthesis", "of course (really) said", None),
    case("mention-before/comma-after-parenthesis", "Gov. Ann Lie (R-OH), said", "Gov. Ann Lie"),
    case("mention-before/aside", "Local officials, however, said", "Local officials"),
    case(
        "mention-before/dash-occasion", "The mayor – speaking after the flood – said", "The mayor"
    ),
    case("mention-before/aside-alone", "“No.” And, however, said", None),
    case(
        "mention-before/appositive",
        "Renad Mansour, Iraq specialist at Chatham House, said",
        "Renad Mansour",
    ),
    case(
        "mention-before/source-who",
        "an intelligence source, who was not authorized to speak, said",
        "an intelligence source",
    ),
    case(
        "mention-before/role-then-name",
        "her senior policy adviser, Jake Sullivan, said",
        "Jake Sullivan",
    ),
    case(
        "mention-before/unparsed-role-then-name",
        "the mayor’s chief of staff, Joe Kasper, said",
        "Joe Kasper",
    ),
    case(
        "mention-before/stacked-appositives",
        "Harry Bond, 30, of Raleigh, who was polled, said",
        "Harry Bond",
    ),
    case(
        "mention-before/person-of-body",
        "Ann Lie of the army's Western Command said",
        "Ann Lie",
    ),
    case(
        "mention-before/name-role-place",
        "Ann Lie, Chief of Staff, North Ostia Hills said",
        "Ann Lie",
    ),
    case(
        "mention-before/name-title-body",
        "Tom Berg, Secretary, Ministry of Harbours, said",
        "Tom Berg",
    ),
    case(
        "mention-before/spokesperson-for-body",
        "A spokesperson for Ostia Buses said",
        "spokesperson for Ostia Buses",
    ),
    case("mention-before/quantifier-noun", "Tom Berg paid. One reason", None),
    case("mention-before/unparsed-appositive", "“Go,” and more, said", None),
    case("mention-before/unparsed-appositive", ", however, said", None),
    case("mention-before/noun-phrase", "Priebus later Thursday told", "Priebus"),
    case(
        "mention-before/familiar-source",
        "Another source familiar with Ann Lie’s thinking said",
        "Another source familiar with Ann Lie’s thinking",
    ),
    # mention-after: the verb is the first token
    case("mention-after/end-of-text", "said", None),
    case("mention-after/pronoun", "said he", "he"),
    case("mention-after/time-word", "said Thursday", None),
    case("mention-after/preposition", "said on Saturday", None),
    case("mention-after/role-then-name", "said 9/11 widow Ann Lie", "Ann Lie"),
    case(
        "mention-after/role-then-name", "said master of ceremonies Asab Al-Tabchi", "Asab Al-Tabchi"
    ),
    case("mention-after/lowercase-without-name", "said it was late", None),
    case("mention-after/the-role-name", "said the actress Ida Holm", "Ida Holm"),
    case("mention-after/the-org", "said the Pentagon", "the Pentagon"),
    case("mention-after/the-source", "said the 46-year-old", "the 46-year-old"),
    case(
        "mention-after/the-person-noun",
        "said one councillor familiar with the talks",
        "one councillor",
    ),
    case("mention-after/determiner-without-source", "said the fundamental threat", None),
    case(
        "mention-after/the-owned",
        "said the Norland government's chief negotiator",
        "the Norland government's chief negotiator",
    ),
    case("mention-after/name-after-role", "said Virginia delegate Ann Lie", "Ann Lie"),
    case("mention-after/owned-by-name", "said Ann Lie's lawyer.", "Ann Lie's lawyer"),
    case("mention-after/title-or-source", "said officials", "officials"),
    case(
        "mention-after/name",
        "said Michael Knights, Iraq expert at the Washington Institute.",
        "Michael Knights",
    ),
    # np: the phrase ends at the last token
    case("np/lowercase-i", "lol i", None),
    case("np/pronoun", "and she", "she"),
    case("np/contracted-pronoun", "he's", "he"),
    case("np/document-part", "Article 33", "Article 33"),
    case("np/not-a-name", "Of", None),
    case("np/name", "Spokeswoman Haley Morris", "Spokeswoman Haley Morris"),
    case("np/source-noun", "the ministry", "the ministry"),
    case("np/described-person", ", the man", "the man"),
    case(
        "np/described-in-place",
        "a Democratic staffer in the room",
        "a Democratic staffer in the room",
    ),
    # pronoun: the last pronoun of the text
    case("pronoun/as-for-topic", "As for Bo Berg, he said no.", "Bo Berg"),
    case(
        "pronoun/clause-subject", "Tove Lind saw Kel Varn at the harbour. She said no.", "Tove Lind"
    ),
    case(
        "pronoun/clause-subject", "Ann Lie, a supporter of Bo Berg, left. She said no.", "Ann Lie"
    ),
    case("pronoun/last-person", "Voters backed Ann Lie. She said no.", "Ann Lie"),
    case("pronoun/last-name", "Voters backed Kel Varn. He said no.", "Kel Varn"),
    case(
        "pronoun/last-org",
        "The Ministry of Defence of Norway acted. It said no.",
        "Ministry of Defence of Norway",
    ),
    case(
        "pronoun/paragraph-topic",
        "Ida Moe won the prize. Ann Lie, who runs the contest, spoke next.\n"
        "Moe’s win took years. She said no.",
        "Ida Moe",
    ),
    case("pronoun/plural-group", "Local fishermen were furious. They said no.", "Local fishermen"),
    case("pronoun/unresolved", "I said no.", "I"),
]


def _veto(family: str, text: str, tokens: list[speakers.Token]) -> str:
    """The name of the veto that refused, read from the table walk itself."""
    context = {
        "mention-before": lambda: speakers._Before(text, tokens, len(tokens) - 1),
        "mention-after": lambda: speakers._After(text, tokens, 1),
        "np": lambda: speakers._At(text, tokens, len(tokens) - 1),
    }[family]()
    fired = decide(TABLES[family], context)
    assert fired is not None and fired[1] is None
    return fired[0]


def _decided(family: str, text: str) -> tuple[str, str | None]:
    """Run the finder function of a family on the text: (name that spoke, what it gave)."""
    tokens = tokenize(text, 0, len(text))
    if family == "pronoun":
        k = max(k for k, token in enumerate(tokens) if token.lower in PRONOUNS)
        pronoun = Mention(tokens[k].start, tokens[k].end, tokens[k].text, "pronoun")
        resolved = Registry(text, []).resolve(pronoun)
        return resolved.rule, resolved.name
    mention = {
        "mention-before": lambda: mention_before(text, tokens, len(tokens) - 1),
        "mention-after": lambda: mention_after(text, tokens, 1),
        "np": lambda: _np_ending_at(text, tokens, len(tokens) - 1),
    }[family]()
    if mention is None:
        return _veto(family, text, tokens), None
    return mention.rule, mention.text


@pytest.mark.parametrize(("rule", "text", "expected"), CASES)
def test_speaker_rule_decides_its_case(rule: str, text: str, expected: str | None) -> None:
    family = rule.split("/")[0]
    assert _decided(family, text) == (rule, expected)


def test_speaker_rules_every_name_has_a_case() -> None:
    named = {entry.name for table in TABLES.values() for entry in table}
    cased = {param.values[0] for param in CASES}
    assert named - cased == set(), "a rule or veto without a case in CASES"
    assert cased - named == set(), "a case for a rule no table has"


def test_speaker_rules_names_are_unique_and_in_their_family() -> None:
    for family, table in TABLES.items():
        names = [entry.name for entry in table]
        assert len(names) == len(set(names))
        for name in names:
            assert re.fullmatch(rf"{family}/[a-z0-9]+(?:-[a-z0-9]+)*", name), name
