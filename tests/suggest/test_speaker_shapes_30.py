"""Speaker names on world news, the twenty-third rule pass (issue 15): groups and descriptions
carried on. A group a science or accident report introduces by where its members work
("researchers from the University of Norland and Berg College reported …") is that
description, not the university, and stays it when the report calls it by the same noun again
("The researchers said") or by "they" right after it spoke; a pronoun the article ties to no
name ("she", "they") or "the woman" just after an unresolved description that spoke continues
that description ("The wife of a retired miner … told reporters … Her husband, she said, …").
Sentences written for these tests; names and places invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import quote_holding


def _said(text: str, words: str) -> tuple[str | None, bool]:
    found = quote_holding(text, words)
    return found.speaker, found.speaker_resolved


_NORLAND = "researchers from the University of Norland and Berg College"


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # the group spoke: the researchers, not the university they are from
            "In findings published on Monday, researchers from the University of Norland and "
            "Berg College reported that a salt could store heat for weeks.",
            "a salt could store heat",
            _NORLAND,
        ),
        (  # the same noun again
            "In findings published on Monday, researchers from the University of Norland and "
            "Berg College reported a new way to store heat. The researchers said the method "
            "could halve heating bills.",
            "could halve heating bills",
            _NORLAND,
        ),
        (  # "they", not the last body named in the group
            "In findings published on Monday, researchers from the University of Norland and "
            "Berg College reported that a salt could store heat. They said the method could "
            "halve heating bills.",
            "could halve heating bills",
            _NORLAND,
        ),
        (  # a comma ends the group: "both in Norland" is not part of it
            "Engineers from the Norland Space Agency (NSA) and Berg Motors, both in Bergen, "
            "examined the lander for a month.\n\nThe engineers said the legs had buckled.",
            "the legs had buckled",
            "Engineers from the Norland Space Agency (NSA) and Berg Motors",
        ),
        (  # a pronoun continues the unresolved description that spoke just before
            "The wife of a retired miner who lives in the village told reporters the clinic had "
            "closed.\n\nHer husband, she said, had waited months for a doctor, she said.",
            "had waited months for a doctor",
            "The wife of a retired miner who lives in the village",
        ),
        (
            "Port officials in the town reported that the ferry had docked late. They said the "
            "storm had slowed it.",
            "storm had slowed it",
            "Port officials in the town",
        ),
        (
            "“The boats are staying in,” said a local fisherman.\n\n“We lose a week of "
            "catch,” the man said.",
            "We lose a week of catch",
            "a local fisherman",
        ),
    ],
)
def test_groups_and_descriptions_carried_on(text: str, words: str, speaker: str) -> None:
    assert _said(text, words) == (speaker, False)


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (  # no group introduced: the description stays as written
            "The researchers said the salt kept heat for weeks.",
            "salt kept heat",
            "The researchers",
        ),
        (  # another noun is not taken for the group
            "Scientists at the University of Norland studied the moon for a year. The team "
            "said its crust was thicker than thought.",
            "crust was thicker",
            "The team",
        ),
        (  # a name in between: the pronoun is hers
            "“We are tired,” a local fisherman said. Ann Lie, the harbour master, arrived later. "
            "She said the boats would stay in.",
            "boats would stay in",
            "Ann Lie",
        ),
        (  # "she" is no report
            "A report by the council said the clinic had closed.\n\nShe said the doctors had left.",
            "doctors had left",
            "She",
        ),
        (  # two paragraphs away: too far to continue
            "Some strategists said the money would follow.\n\nThe race went on.\n\nThat, they "
            "say, will be easier in March.",
            "easier in March",
            "they",
        ),
        (  # a woman's description is no "he"
            "A local fisherwoman said the boats were in.\n\nHe said the nets were torn.",
            "nets were torn",
            "He",
        ),
        (  # "I" in a first-person account continues no one
            "“Sit down,” the judge said.\n\n“I came here as a student,” I said.",
            "I came here",
            "I",
        ),
    ],
)
def test_guards(text: str, words: str, speaker: str) -> None:
    assert _said(text, words)[0] == speaker
