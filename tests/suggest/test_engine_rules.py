"""The engine's named rules and vetoes, one case each: the rule fires on the span given.

A case is (rule name, text, a piece of the span the rule names). Reading rules and vetoes are
seen through `explain` (a vetoed quotation makes no suggestion); the rules that make
suggestions through `Suggestion.rule`. Adding a rule to a table in
workbench/suggest/finder/direct.py or engine.py means adding its case here.
"""

from __future__ import annotations

import re

import pytest

from workbench.suggest.finder.engine import CLAIMS_ALL, RULE_NAMES, Suggestion, explain, suggest

CASES = [
    # How the words before a quotation read
    (
        "reading/according-frames",
        "According to the city office, the rise in the debt “is mainly due to the new bridge.”",
        "“is mainly due",
    ),
    (
        "reading/that-after-cue",
        "Ann Lie recalled that in 2009, “I called all my lenders and asked for more time.”",
        "“I called all my lenders",
    ),
    (
        "reading/that-colon",
        "The harbour master spoke at the meeting. He adds that the town has two choices: "
        "“We either dredge the channel or we close the port.”",
        "“We either dredge",
    ),
    (
        "reading/reported-clause",
        "The mayor said that she would offer “a prayer” for the flooded towns.",
        "“a prayer”",
    ),
    (
        "reading/told-listener",
        "Ann Lie did not name the mayor, but told her supporters at the harbour, "
        "“our town is in real trouble this winter.”",
        "“our town is in real trouble",
    ),
    (
        "reading/aside-with-cue",
        "Critics who fear the worst - “He would sell the harbour to anyone,” Ruiz said - are "
        "louder than ever.",
        "“He would sell the harbour",
    ),
    (
        "reading/opens-sentence",
        "“Her manner is gruff,” Ann Lie said, but despite the bitter tone of the campaign, "
        "“I think she will back the plan,” Lie added.",
        "“I think she will back",
    ),
    # Direct quotations and their cues
    (
        "quote/split",
        "“The plan is not perfect,” Ana Ruiz said, “but we are hopeful.”",
        "“but we are hopeful.”",
    ),
    ("veto/embedded", "The plan was a “brazen breach” of the rules.", "“brazen breach”"),
    (
        "quote/cue-after",
        "“We will win the vote,” said Ann Lie.",
        "“We will win the vote,”",
    ),
    (
        "quote/signature",
        "Voters had their say.\n\n“He is not fit to lead the town.” ― Ada Ruiz",
        "“He is not fit",
    ),
    (
        "quote/cue-before",
        "Omar Haddad said, “Prices will fall in the spring.”",
        "“Prices will fall",
    ),
    (
        "quote/cue-ends-sentence",
        "The district expects a deficit.\n\n“A deficit of this size was never expected” before "
        "the audit, said Tomas Lindqvist, the district treasurer.",
        "“A deficit of this size",
    ),
    (
        "quote/colon-subject",
        "Ann Lie had a warning for the council: “We will not accept this plan.”",
        "“We will not accept",
    ),
    (
        "quote/comma-subject",
        "Ines Carvalho initially said in the spring, when the private server email story "
        "broke, “I did not send any classified material to anyone.”",
        "“I did not send",
    ),
    (
        "quote/calling-opening",
        "Calling it “just another delay”, Ann Lie told the Herald the vote was rigged.",
        "“just another delay”",
    ),
    (
        "quote/cue-sentence-before",
        "Dianne Bystrom agreed. “The polls in this state have been wrong before.”",
        "“The polls in this state",
    ),
    (
        "quote/and-cue-before",
        "Ann Lie spoke first. “Tell her I saved you a seat,” Ann Lie said, and Tom Baker "
        "replied. “Do not forget me, I have known her since school.”",
        "“Do not forget me",
    ),
    (
        "quote/colon-paragraph-cue",
        "The mayor said:\n\n“We will rebuild the bridge before the winter comes.”",
        "“We will rebuild the bridge",
    ),
    (
        "quote/colon-paragraph-subject",
        "Turnout was high all along -More from Ann Lie and Bo Berg:\n\n"
        "“Data collected by our firm confirms that both issues were in play this year.”",
        "“Data collected by our firm",
    ),
    (
        "quote/no-cue",
        "Protesters marched.\n\n“We want our harbour back from the council today.”\n\n"
        "The march ended.",
        "“We want our harbour back",
    ),
    # Vetoes: quotations not suggested
    ("veto/one-word", "The sign on the door said: “Closed”.", "“Closed”"),
    (
        "veto/short-unattributed",
        "The vote is over.\n\n“We lost again today.”\n\nThe hall emptied.",
        "“We lost again today.”",
    ),
    (
        "veto/title-unattributed",
        "Protesters marched through the town.\n\n“We Want Our Harbour Back From The Council”"
        "\n\nThe march ended at noon.",
        "“We Want Our Harbour",
    ),
    ("veto/headline-single-marks", "'We will never close the harbour.'", "'We will never"),
    (
        "veto/apposition",
        "The mayor’s favourite line — “We will see after the summer” — is likely to be heard "
        "again this week.",
        "“We will see after the summer”",
    ),
    (
        "veto/bracketed-example",
        "Ann Lie explained how volunteers rank the voters they meet from 1 (“I will vote for "
        "Tom Reyes”) to 5 (“I will never vote for him”).",
        "“I will vote for Tom Reyes”",
    ),
    (
        "veto/linked-excerpt",
        "The harbour closed in May.\n\n“The museum will close at the end of the year for "
        "good.” http://example.com/museum",
        "“The museum will close",
    ),
    (
        "veto/dated-citation",
        "The old posters said “Keep the harbour for the people who built it” (2008) in big "
        "letters.",
        "“Keep the harbour",
    ),
    (
        "veto/byline",
        "It was in the paper.\n\n“Ferry service to end in May,” by the Gazette’s Tom Reyes.",
        "“Ferry service",
    ),
    ("veto/short-title", "“Fake News” said Ann Lie.", "“Fake News”"),
    (
        "veto/names-a-work",
        "But she told NRK’s “Morning Harbour Hour” that the ferry deal was not finished.",
        "“Morning Harbour Hour”",
    ),
    (
        "veto/work-title",
        "Ola Berg said in her 2012 memoir, “A Harbour of My Own,” that she never left Bergen.",
        "“A Harbour of My Own,”",
    ),
    ("veto/scare-quote", "Fans were screaming “not again” in the stands.", "“not again”"),
    (
        "veto/continues-phrase",
        "The senator denounced what he called the “reckless spending of the last decade.”",
        "“reckless spending",
    ),
    (
        "veto/pull-quote",
        "“We will rebuild every bridge in the county before the winter,” said Ann Lie, the "
        'mayor.\n\n"We will rebuild every bridge in the county before the winter.\nAnn Lie, '
        'mayor of Riverton."\n\nThe council met on Monday.',
        '"We will rebuild every bridge',
    ),
    # Quotations whose whole sentence is attributed
    (
        "quote/framed-mixed",
        "In Ann Lie's column on May 10, “The piling on must stop,” she blamed the press.",
        "In Ann Lie's column",
    ),
    (
        "quote/runs-on-mixed",
        "“It is our bad luck,” the imam said, that both men prayed at this little mosque.",
        "that both men prayed",
    ),
    # The passages of a quotation over paragraphs, and fragments of reported speech
    (
        "quote/continues-paragraphs",
        "“We will rebuild the harbour.\n\n“We will not leave the fishermen alone,” Ann Lie said.",
        "“We will not leave the fishermen",
    ),
    (
        "quote/nested-fragment",
        "Ann Lie said the plan was “dead on arrival” in the senate.",
        "“dead on arrival”",
    ),
    # Quotations without a cue of their own
    (
        "quote/inherits-speaker",
        "“We will win the vote,” said Ann Lie.\n\nThe crowd cheered.\n\n“We will rebuild every "
        "bridge in the county this year.”\n\nThe band played.\n\n“Nobody here will be left "
        "behind when the water rises.”",
        "“Nobody here will be left behind",
    ),
    (
        "quote/carries-speaker",
        "“We have work to do,” Ann Lie said, and her deputy stepped in. “Not this year, though.”",
        "“Not this year, though.”",
    ),
    (
        "quote/sentence-subject",
        "“We will rebuild the pier,” Ann Lie said on Monday.\n\nTom Berg shook his head.\n\n"
        "“Nobody asked the fishermen about the pier.”",
        "“Nobody asked the fishermen",
    ),
    (
        "quote/lead-subject",
        "Foreign Minister Ann Lie has welcomed the ceasefire agreed on Sunday.\n\n"
        "“We congratulate both sides on this step.”",
        "“We congratulate both sides",
    ),
    (
        "quote/said-after",
        "The talks ended.\n\n“We want our harbour back from the council today.”\n\n"
        "So said Ann Lie, the head of the dockers' union.",
        "“We want our harbour back",
    ),
    (
        "quote/subject-fragment",
        "Ann Lie highlighted the “hidden” costs of the council's new harbour levy.",
        "“hidden”",
    ),
    (
        "quote/unattributed",
        "Protesters marched.\n\n“We want our harbour back from the council today.”\n\n"
        "The march ended.",
        "“We want our harbour back",
    ),
    # Reported speech
    (
        "indirect/belief",
        "The mayor believes the harbour will reopen in the spring.",
        "the harbour will reopen",
    ),
    (
        "indirect/mixed",
        "Ann Lie said the plan was “dead on arrival” in the senate.",
        "“dead on arrival”",
    ),
    (
        "indirect/reported",
        "The mayor said the harbour will reopen in the spring.",
        "the harbour will reopen",
    ),
    # Claims
    (
        "claim/checkworthy",
        "Unemployment rose to 14% last year, twice the regional average, the ministry said.",
        "Unemployment rose to 14%",
    ),
    (
        "claim/checkworthy-model",
        "ANA: Unemployment rose to 14% last year.\nBO: Thank you.",
        "Unemployment rose to 14% last year.",
    ),
]


def fired(text: str) -> list[tuple[str, str]]:
    """Every (rule or veto name, text of its span) the engine gives for a text."""
    steps = [(step.name, text[step.start : step.end]) for step in explain(text)]
    every = [item for item in suggest(text, claims=CLAIMS_ALL) if item.kind == "claim"]
    return steps + [(item.rule, item.text) for item in suggest(text) + every]


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=[case[0] for case in CASES])
def test_engine_rule_fires_on_its_case(rule, text, expected):
    spans = [span for name, span in fired(text) if name == rule]
    assert any(expected in span for span in spans), fired(text)


def test_every_engine_rule_has_a_case():
    named = [case[0] for case in CASES]
    assert len(named) == len(set(named))
    assert set(named) == set(RULE_NAMES)


def test_engine_rule_names_are_kebab_case_in_families():
    assert len(RULE_NAMES) == len(set(RULE_NAMES))
    for name in RULE_NAMES:
        assert re.fullmatch(r"(reading|quote|veto|indirect|claim)/[a-z]+(-[a-z]+)*", name), name


def test_suggestion_rule_fields_come_last_with_defaults_and_why_says_them():
    # Positional construction (as before the rule fields) still works.
    plain = Suggestion("quote", 0, 5, "“Hi.”", 0.9, "Ann Lie")
    assert (plain.rule, plain.cue_rule, plain.speaker_rule, plain.why()) == ("", "", "", "")
    item = Suggestion(
        "quote", 0, 5, "“Hi.”", 0.9, rule="quote/cue-after", cue_rule="a", speaker_rule="b"
    )
    assert item.why() == "quote/cue-after; cue by a; speaker by b"
    assert item.as_dict()["rule"] == "quote/cue-after"


def test_every_suggestion_names_its_rule():
    text = CASES[9][1] + "\n\n" + CASES[-1][1] + "\n\n" + CASES[-2][1]
    items = suggest(text)
    assert items and all(item.rule in RULE_NAMES for item in items)


def test_cue_and_speaker_rules_are_copied_from_what_the_finders_return(monkeypatch):
    # The cue and speaker finders name their own rules; whatever they name is carried over.
    from dataclasses import replace

    from workbench.suggest.finder import direct

    cue_after, mention_rule = direct.cue_after_quote, "mention/test-name"

    def named_cue(*args, **kwargs):
        cue = cue_after(*args, **kwargs)
        if cue is None:
            return None
        speaker = replace(cue.speaker, rule=mention_rule) if cue.speaker else None
        return replace(cue, speaker=speaker, rule="after/test-cue")

    monkeypatch.setattr(direct, "cue_after_quote", named_cue)
    (item,) = suggest("“We will win the vote,” said Ann Lie.", claims=0)
    assert (item.rule, item.cue_rule, item.speaker_rule) == (
        "quote/cue-after",
        "after/test-cue",
        mention_rule,
    )
    assert item.why() == "quote/cue-after; cue by after/test-cue; speaker by mention/test-name"


def test_a_resolved_pronoun_takes_the_resolvers_rule(monkeypatch):
    from dataclasses import replace

    from workbench.suggest.finder import engine

    resolve = engine.Registry.resolve

    def named(self, mention, **kwargs):
        return replace(resolve(self, mention, **kwargs), rule="resolve/test-pronoun")

    monkeypatch.setattr(engine.Registry, "resolve", named)
    text = "Ann Lie spoke on Monday. “We will win the vote,” she said."
    item = next(s for s in suggest(text, claims=0) if s.rule == "quote/cue-after")
    assert item.speaker == "Ann Lie" and item.speaker_rule == "resolve/test-pronoun"
    named_speaker = suggest("“We will win the vote,” said Ann Lie.", claims=0)[0]
    assert named_speaker.speaker_rule != "resolve/test-pronoun"  # a name: the mention's rule
