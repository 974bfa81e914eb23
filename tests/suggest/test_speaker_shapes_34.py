"""Who a name's possessive introduces (issue 15): "according to Ann Lie's lawyer" is the
lawyer's word, not Ann Lie's, and "Erdogan's office" is a body named as written, not
"Erdogan office". A document's author still speaks ("according to Erdogan's statement"), and a
name after the role still does ("said Ann Lie's lawyer, Bo Berg"). Sentences written for these
tests, names invented."""

from __future__ import annotations

import pytest

from tests.suggest.shapes import speaker_of


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "The call had been productive, according to Ann Lie's lawyer.",
            "productive",
            "Ann Lie's lawyer",
        ),
        ("“The call was productive,” said Ann Lie's lawyer.", "productive", "Ann Lie's lawyer"),
        (
            "According to Ann Lie's longtime spokesman, the call had been productive.",
            "productive",
            "Ann Lie's longtime spokesman",
        ),
        (
            "“The call was productive,” said Bo Berg's press office.",
            "productive",
            "Bo Berg's press office",
        ),
        (
            "According to Bo Berg's office, the call had been productive.",
            "productive",
            "Bo Berg's office",
        ),
        ("“We are ready,” said Bo Evans’ campaign.", "ready", "Bo Evans’ campaign"),
        (
            "The talks were over, according to the Norland government's chief negotiator.",
            "talks were over",
            "the Norland government's chief negotiator",
        ),
        (
            "The talks were over, according to the government's chief negotiator.",
            "talks were over",
            "the government's chief negotiator",
        ),
        # Before the verb, the owner's possessive stays in the body's name.
        ("Bo Berg's office said the call had been productive.", "productive", "Bo Berg's office"),
        (
            "Prime Minister Ann Lie's office said in a statement that she had tested positive.",
            "tested positive",
            "Prime Minister Ann Lie's office",
        ),
    ],
)
def test_what_a_names_possessive_introduces_speaks(text, words, speaker):
    assert speaker_of(text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A document: its author speaks.
        (
            "According to Bo Berg's statement, the call had been productive.",
            "productive",
            "Bo Berg",
        ),
        # A name after the role speaks, with or without a comma.
        (
            "The call had been productive, according to Ann Lie's lawyer, Bo Berg.",
            "productive",
            "Bo Berg",
        ),
        ("“The call was productive,” said Ann Lie's lawyer Bo Berg.", "productive", "Bo Berg"),
        ("“We are ready,” said Ann Lie's campaign manager, Bo Berg.", "ready", "Bo Berg"),
        # No possessive: the name.
        ("“We are ready,” said Ann Lie.", "ready", "Ann Lie"),
    ],
)
def test_a_document_or_a_named_role_leaves_the_name(text, words, speaker):
    assert speaker_of(text, words) == speaker
