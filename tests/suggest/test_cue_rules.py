"""The finder's attribution rules, one case per named rule.

Each row is (rule, text, expected speaker): the attribution function the rule belongs to runs
on the text, and the rule's name must be on what it produced, with that speaker. A rule added
to a table in `attribution.py` without a row here fails `test_every_attribution_rule_has_a_case`.
"""

from __future__ import annotations

import inspect
import re

import pytest

from workbench.suggest.finder import attribution
from workbench.suggest.finder.attribution import (
    asked_cues,
    cue_after_quote,
    cue_before_quote,
    indirect_in_sentence,
    opening_participle_cues,
    participle_cues,
    relative_cues,
    relative_report_cues,
    second_clause,
    subject_and_rule,
    subordinate_cues,
    with_cues,
)
from workbench.suggest.finder.rules import Rule

FAMILIES = ("cue-before/", "cue-after/", "indirect/", "subject/")

CASES = [
    # Before a quotation: the text runs to the opening mark of the last quotation.
    ("cue-before/according-to", "According to Ann Lie, “The pier is unsafe.”", "Ann Lie"),
    ("cue-before/posted-last", "Ann Lie posted “The pier is unsafe.”", "Ann Lie"),
    ("cue-before/reads-colon", "The sign on the gate reads: “Closed for repairs.”", "The sign"),
    (
        "cue-before/document-reads",
        "Her statement also read “The pier stays closed until the repairs are done.”",
        "Her statement",
    ),
    ("cue-before/was-asked", "Ann Lie was asked by Tom Berg, “Is the pier safe?”", "Tom Berg"),
    (
        "cue-before/said-opening",
        "Said Ann Lie, who grew up on the street, “The pier is unsafe.”",
        "Ann Lie",
    ),
    ("cue-before/dash-byline", "Engineers agree - Ann Lie: “The pier is unsafe.”", "Ann Lie"),
    (
        "cue-before/as-he-did-saying",
        "The mayor spoke by the pier, where about 50 protesters had gathered, chanting “Fix it.”",
        "about 50 protesters",
    ),
    (
        "cue-before/said-adding",
        "Ann Lie posted a note of her own, saying, “The pier is unsafe.”",
        "Ann Lie",
    ),
    (
        "cue-before/did-saying",
        "Hours later, Ann Lie returned the compliment, telling Reuters, “The pier is safe.”",
        "Ann Lie",
    ),
    (
        "cue-before/name-saying",
        "In early October, the city engineer, Bo Berg, reached out to voters, writing: “No.”",
        "Bo Berg",
    ),
    (
        "cue-before/quote-adding",
        "Ann Lie told the paper the plan was “a mistake,” adding, “We will fix it.”",
        "Ann Lie",
    ),
    (
        "cue-before/name-quote-adding",
        "Ann Lie, author of ''The Old Pier,'' adding, “We will fix it.”",
        "Ann Lie",
    ),
    ("cue-before/to-say", "The report prompted Ann Lie to say, “The pier is unsafe.”", "Ann Lie"),
    ("cue-before/name-said", "Ann Lie said, “The pier is unsafe.”", "Ann Lie"),
    (
        "cue-before/who-said",
        "Ann Lie linked to the city report, which notes, “The pier is unsafe.”",
        "the city report",
    ),
    ("cue-before/by-saying", "Ann Lie began by saying, “The pier is unsafe.”", "Ann Lie"),
    (
        "cue-before/with-chanting",
        "The crowd grew, with many marchers and spectators chanting “Fix the pier.”",
        "many marchers and spectators",
    ),
    (
        "cue-before/issued-saying",
        "Her campaign blasted out an email to supporters stating, “The pier is unsafe.”",
        "Her campaign",
    ),
    ("cue-before/and-said", "She then adopted a fake accent and joked, “Fix it.”", "She"),
    (
        "cue-before/clause-subject",
        "The mayor noted that she taught law, and added: “The pier is unsafe.”",
        "The mayor",
    ),
    (
        "cue-before/said-name",
        "The schedule favours large states, explained Ruth Okafor, “because they vote early.”",
        "Ruth Okafor",
    ),
    (
        "cue-before/comma-subject",
        "One message, meant for the mayor, said: “The pier is unsafe.”",
        "One",  # the subject of "One message" is its first word
    ),
    ("cue-before/past-tense", "During the debate, Ann Lie cracked, “Fix it.”", "Ann Lie"),
    # After a quotation: the text runs on from the closing mark of the first quotation.
    ("cue-after/said-name", "“The pier is unsafe,” said Ann Lie.", "Ann Lie"),
    (
        "cue-after/quoted-as-saying",
        "“The pier is unsafe,” Xinhua quoted Ann Lie as saying.",
        "Ann Lie",
    ),
    ("cue-after/name-phrasal", "“The pier is unsafe,” Ann Lie shot back.", "Ann Lie"),
    ("cue-after/name-said", "“The pier is unsafe,” Ann Lie said.", "Ann Lie"),
    (
        "cue-after/role-appositive",
        "“The pier is unsafe,” the mayor’s chief of staff, Joe Kasper, told reporters.",
        "Joe Kasper",
    ),
    ("cue-after/lead-said", "“The pier is unsafe,” Senate leader Ann Lie said.", "Ann Lie"),
    ("cue-after/according-to", "“The pier is unsafe,” according to Ann Lie.", "Ann Lie"),
    ("cue-after/he-mocks", "“The pier is unsafe,” he mocks.", "he"),
    ("cue-after/name-verbed", "“The pier is unsafe,” Ann Lie barked.", "Ann Lie"),
    (
        "cue-after/verbed-name",
        "“The pier is unsafe!” beamed Ann Lie of Madison.",
        "Ann Lie of Madison",
    ),
    # Indirect speech in one sentence.
    (
        "indirect/late-cue",
        "The pier is unsafe and must close, Ann Lie said as she turned around and left.",
        "Ann Lie",
    ),
    ("indirect/according-to-opening", "According to Ann Lie, the pier is unsafe.", "Ann Lie"),
    (
        "indirect/according-to-aside",
        "In addition, according to the department, the pier will close next month for repairs.",
        "the department",
    ),
    (
        "indirect/according-to-after",
        "The pier will close next month, according to Ann Lie.",
        "Ann Lie",
    ),
    (
        "indirect/according-to-inside",
        "The storm killed nine people, including, according to the Harbour Board, two infants.",
        "the Harbour Board",
    ),
    (
        "indirect/opening-participle",
        "Noting that the pier was unsafe, Ann Lie closed it for a week.",
        "Ann Lie",
    ),
    (
        "indirect/per-opening",
        "Per the ruling of the Harbour Court, the pier must close next month.",
        "the ruling of the Harbour Court",
    ),
    (
        "indirect/view-opening",
        "In Ann Lie's view, the pier must close next month.",
        "Ann Lie",
    ),
    (
        "indirect/according-to-split",
        "The pier, according to the Harbour Board, was overloaded.",
        "the Harbour Board",
    ),
    (
        "indirect/according-to-after-join",
        "The ferry sank in May and according to the Harbour Board it was overloaded.",
        "the Harbour Board",
    ),
    (
        "indirect/according-to-ends",
        "In May a ferry missed the pier at “very high speed” according to the Harbour Herald.",
        "the Harbour Herald",
    ),
    (
        "indirect/with-saying",
        "No one was hurt on the pier, with the harbour board saying the ferry was empty.",
        "the harbour board",
    ),
    (
        "indirect/according-to-which",
        "Norland and Ostia signed a treaty, according to which the strait is shared.",
        "Norland and Ostia",
    ),
    (
        "indirect/possessive-noun",
        "The ministry rejected Ann Lie's assertion that the harbour is safe.",
        "Ann Lie",
    ),
    (
        "indirect/and-said",
        "Ann Lie visited the pier and says it is unsafe for visitors.",
        "Ann Lie",
    ),
    (
        "indirect/quoted-as-saying",
        "The Harbour Herald quoted Ann Lie as saying the pier is unsafe for visitors.",
        "Ann Lie",
    ),
    ("indirect/content-name-said", "The pier is unsafe for visitors, Ann Lie said.", "Ann Lie"),
    ("indirect/name-said-content", "Ann Lie said the pier is unsafe for visitors.", "Ann Lie"),
    ("indirect/split-by-cue", "The pier, Ann Lie said, is unsafe for visitors.", "Ann Lie"),
    (
        "indirect/split-by-inverted-cue",
        "The pier, says Ann Lie, is unsafe for visitors.",
        "Ann Lie",
    ),
    ("indirect/content-said-name", "The pier is unsafe for visitors, said Ann Lie.", "Ann Lie"),
    (
        "indirect/which-they-said",
        "The pier has a levy, which Ann Lie said would ruin the small crews.",
        "Ann Lie",
    ),
    (
        "indirect/people-found-that",
        "Harbour researchers found that the old pier was sinking.",
        "Harbour researchers",
    ),
    (
        "indirect/noun-from-source",
        "It drew a warning from Ann Lie that the old pier was sinking.",
        "Ann Lie",
    ),
    (
        "indirect/who-says",
        "Ada Holm, who says the pier is unsafe, voted no on Tuesday.",
        "Ada Holm",
    ),
    (
        "indirect/but-noted",
        "Ann Lie said the pier is unsafe, but noted that repairs are under way.",
        "Ann Lie",
    ),
    (
        "indirect/asked-whether",
        "Asked by Bo Berg whether the pier is safe, Ann Lie said no.",
        "Bo Berg",
    ),
    (
        "indirect/saying",
        "Ann Lie announced the closure on Tuesday, saying it was unsafe for visitors.",
        "Ann Lie",
    ),
    # Subjects: of a line before a colon, or a bare subject of indirect speech.
    ("subject/from-source", "More from Ann Lie and Bo Berg:", "Ann Lie and Bo Berg"),
    ("subject/name-party", "Rep. Ann Lie (D-Ore.):", "Rep. Ann Lie"),
    ("subject/headline-name", "Ann Lie:", "Ann Lie"),
    (
        "subject/described-name",
        "Former secretary of state Ann Lie:",
        "Former secretary of state Ann Lie",
    ),
    (
        "subject/described-head",
        "The city council, in a note on the closure, worded it carefully:",
        "The city council",
    ),
    ("subject/role-name", "The Slate columnist Ann Lie wrote:", "Ann Lie"),
    ("subject/clause-opens", "Ann Lie called them on it:", "Ann Lie"),
    (
        "subject/opening-apposition",
        "One of its authors, biologist Ann Lie, told the paper the frogs were odd:",
        "Ann Lie",
    ),
    (
        "subject/bare-opening",
        "Other senators said the pier is unsafe for visitors.",
        "Other senators",
    ),
    ("subject/bare-media", "The pier is unsafe for visitors, local media said.", "local media"),
    (
        "subject/bare-share",
        "Few residents of the town use the old pier on the bay in the summer, and three-fourths say "
        "it is unsafe.",
        "three-fourths",
    ),
]


def _speaker(found: object) -> str | None:
    speaker = getattr(found, "speaker", None)
    return None if speaker is None else speaker.text


def _produced(rule: str, text: str) -> dict[str, str | None]:
    """Run the attribution functions of the rule's family; map each rule name they put on
    what they found to that thing's speaker."""
    if rule.startswith("cue-before/"):
        cue, _ = cue_before_quote(text, 0, text.rindex("“"))
        return {cue.rule: _speaker(cue)} if cue else {}
    if rule.startswith("cue-after/"):
        cue = cue_after_quote(text, text.index("”") + 1, len(text))
        return {cue.rule: _speaker(cue)} if cue else {}
    if rule.startswith("subject/"):
        named, _, name = subject_and_rule(text, 0, len(text))
        found = indirect_in_sentence(text, 0, len(text))
        produced = {found.speaker.rule: found.speaker.text} if found else {}
        if name:  # a line's subject before a colon, or the subject of its indirect speech
            produced[name] = named.text
        return produced
    first = indirect_in_sentence(text, 0, len(text))
    found = [first] if first else []
    found += relative_cues(text, 0, len(text), first)
    found += relative_report_cues(text, 0, len(text), first)
    found += asked_cues(text, 0, len(text))
    found += subordinate_cues(text, 0, len(text), first)
    found += participle_cues(text, 0, len(text), first)
    found += opening_participle_cues(text, 0, len(text))
    found += second_clause(text, first)
    found += with_cues(text, 0, len(text), first)
    return {f.rule: _speaker(f) for f in found}


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_attribution_rule_names_what_it_found(rule: str, text: str, expected: str) -> None:
    produced = _produced(rule, text)
    assert rule in produced, produced
    assert produced[rule] == expected


def _table_rules() -> set[str]:
    """Every rule of the four families in attribution.py: in its tables, named alone, or
    given as `rule="…"` where a single reading makes a finding."""
    names = set()
    for value in vars(attribution).values():
        entries = value if isinstance(value, tuple) else (value,)
        names |= {e.name for e in entries if isinstance(e, Rule) and e.name.startswith(FAMILIES)}
    source = inspect.getsource(attribution)
    return names | set(
        re.findall(r'rule="((?:cue-before|cue-after|indirect|subject)/[\w-]+)"', source)
    )


def test_every_attribution_rule_has_a_case() -> None:
    tables = _table_rules()
    assert len(tables) > 40
    assert tables <= {case[0] for case in CASES}


def test_cue_before_in_a_longer_clause_is_mixed_not_a_cue() -> None:
    text = "Ann Lie said the plan was “a mistake.”"
    assert cue_before_quote(text, 0, text.index("“")) == (None, True)


def test_cue_after_the_end_of_a_sentence_opens_the_next_one() -> None:
    text = "“The pier is unsafe.” Ann Lie said that repairs begin Monday."
    assert cue_after_quote(text, text.index("”") + 1, len(text)) is None
