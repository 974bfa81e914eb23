"""Property-based tests of the cleaner and the JSON Lines parser on arbitrary text and JSON.

Whatever comes in, nothing but the documented refusal escapes (ValueError from the cleaner, a
ValidationError with a message from the parser), and every offset stays inside the text.
"""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.articles.cleanup import build_body, clean_text
from workbench.articles.jsonl import iter_lines, load_line
from workbench.imports.services import articles_import_jsonl
from workbench.imports.spans import spans_parse

# Pieces that make the cleaner's and the finder's rules fire, mixed with arbitrary characters.
PIECES = [
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2028",
    "\ufeff",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "said",
    "told",
    "according to",
    "Advertisement",
    "Subscribe",
    "Read more",
    "By ",
    "Reuters",
    "Jan. 5, 2024",
    "2024-01-05",
    "Updated",
    "Mr.",
    "The minister",
    "Paris",
    ".",
    ",",
    ":",
    "—",
    "Share this",
    "Photo:",
    "Ali Nasser",
    "é",
    "e\u0301",
    "😀",
    "👍🏽",
    "\x00",
    "<p>",
]
articleish = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map(
    "".join
)
texts = st.one_of(st.text(max_size=300), articleish)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["body", "text", "title", "spans", "x"]) | st.text(max_size=5),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)
span_items = st.fixed_dictionaries(
    {
        "start": st.integers(-5, 400),
        "end": st.integers(-5, 400),
        "label": st.sampled_from(["Quote", "claim", "Other", 3]),
    },
    optional={"text": texts, "speaker": st.one_of(texts, st.integers())},
)
records = st.fixed_dictionaries(
    {"body": st.one_of(texts, st.integers(), st.none())},
    optional={
        "title": st.one_of(texts, st.integers()),
        "url": st.one_of(st.sampled_from(["https://example.org/a", "javascript:x"]), texts),
        "published": st.one_of(st.sampled_from(["2024-01-05", "2024-13-45"]), texts),
        "spans": st.one_of(st.lists(span_items, max_size=4), json_values),
    },
)


@settings(max_examples=300)
@given(texts)
def test_cleaner_refuses_only_with_value_error_and_keeps_lines_inside_the_text(text):
    try:
        cleaned = clean_text(text)
    except ValueError as error:
        # Empty, or nothing left once boilerplate is set aside.
        assert str(error)
        return
    lines = cleaned.raw.split("\n")
    for removed in cleaned.removed:
        assert 0 <= removed.line < len(lines)
        assert lines[removed.line] == removed.text
    assert cleaned.body == build_body(cleaned.raw, {r.line for r in cleaned.removed})
    assert len(cleaned.title) <= 81


@settings(max_examples=200)
@given(st.one_of(texts, json_values.map(json.dumps)))
def test_json_line_parser_returns_an_object_or_refuses_with_a_message(line):
    try:
        record = load_line(line)
    except ValidationError as error:
        assert error.messages and error.code
        return
    assert isinstance(record, dict)


@settings(max_examples=100)
@given(st.lists(st.one_of(texts, json_values.map(json.dumps)), max_size=6).map("\n".join))
def test_line_splitting_keeps_every_non_blank_line(text):
    lines = list(iter_lines(text))
    assert [n for n, _line in lines] == sorted({n for n, _line in lines})
    for number, line in lines:
        assert line.strip() and "\n" not in line
        assert text.split("\n")[number - 1].removesuffix("\r") == line


@settings(max_examples=150)
@given(st.lists(span_items, max_size=5), texts)
def test_spans_are_refused_or_inside_the_body(spans, body):
    try:
        parsed = spans_parse(spans, body=body)
    except ValidationError as error:
        assert error.messages
        return
    for span in parsed:
        assert 0 <= span.start < span.end <= len(body)
        assert body[span.start : span.end] == span.exact


@pytest.mark.django_db
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(records.map(json.dumps), texts), min_size=1, max_size=5))
def test_jsonl_import_reports_every_line_and_lets_nothing_escape(world, lines):
    text = "\n".join(line.replace("\n", " ") for line in lines)
    report = articles_import_jsonl(project=world.project, actor=world.lead, text=text)
    counted = sum(1 for line in text.split("\n") if line.strip())
    assert len(report.results) + report.failed == max(counted, 1)
    for result in report.results:
        assert result.article.pk is not None
