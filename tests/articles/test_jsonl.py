"""JSON Lines read as a stream: lines, nesting, unstorable characters, lines of files."""

from __future__ import annotations

import io
import json
import random

import pytest
from django.core.exceptions import ValidationError

from workbench.articles.jsonl import (
    _NON_BLANK_LINE,
    count_lines,
    iter_file_lines,
    iter_lines,
    load_line,
)
from workbench.errors import error_code


def test_iter_lines_numbers_non_blank_lines_and_splits_on_newline_only():
    text = '{"a": 1}\r\n\n  \n{"b": "x\u2028y"}\n'
    assert list(iter_lines(text)) == [(1, '{"a": 1}'), (4, '{"b": "x\u2028y"}')]
    assert count_lines(text) == 2
    # U+2028 inside a JSON string is text: the line still parses.
    assert load_line(list(iter_lines(text))[1][1]) == {"b": "x\u2028y"}


def test_iter_lines_is_lazy():
    lines = iter_lines("{}\n" * 1_000_000)
    assert next(lines) == (1, "{}")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("{not json", "bad_json"),
        ("[1, 2]", "not_object"),
        ('{"body": "a\\u0000b"}', "bad_character"),
        ('{"body": "a\\ud800b"}', "bad_character"),
        ('{"\\u0000": 1}', "bad_character"),
        ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "too_deep"),
        ('{"a": ' + "[" * 65 + "]" * 65 + "}", "too_deep"),
    ],
)
def test_load_line_refuses_with_a_code(line, code):
    with pytest.raises(ValidationError) as error:
        load_line(line)
    assert error_code(error.value) == code


def test_load_line_accepts_nesting_up_to_the_limit(settings):
    settings.WORKBENCH_MAX_JSON_DEPTH = 5
    assert load_line('{"a": [[[{"b": 1}]]]}') == {"a": [[[{"b": 1}]]]}
    with pytest.raises(ValidationError):
        load_line('{"a": [[[[{"b": 1}]]]]}')


def test_iter_file_lines_bounds_each_line_and_reads_any_size():
    good = json.dumps({"body": "é"}, ensure_ascii=False).encode()
    data = b"\xef\xbb\xbf" + good + b"\n\n" + b"x" * 50 + b"\n" + b"\xff\xfe\n" + good
    assert list(iter_file_lines(io.BytesIO(data), max_bytes=30)) == [
        (1, good.decode()),
        (3, None),
        (4, None),
        (5, good.decode()),
    ]


@pytest.mark.parametrize(
    "line",
    [
        '{"body": "x", "n": 123456789012345678901234567890}',
        '{"body": "x", "n": NaN}',
        '{"body": "café \\u00e9", "nested": {"a": [1, 2.5, null, true]}}',
        # A huge integer deep down, beside a float: the line is parsed again, whole.
        '{"body": "x", "spans": [{"start": 1, "end": 2.5}, {"n": [-99999999999999999999]}]}',
        '{"body": "x", "n": 18446744073709551616, "m": 18446744073709551615}',
        # Long digit runs that are no huge integer: orjson's record stands.
        '{"body": "x 12345678901234567890123", "n": 1234567890123456789, "f": 0.5}',
        '{"body": "x", "n": 9223372036854775807, "m": -9223372036854775808}',
        '{"body": "x", "n": 1e400}',
    ],
)
def test_load_line_reads_what_the_standard_parser_reads(line):
    # orjson reads the lines first; what it refuses (huge integers, NaN) the standard parser
    # still reads, so the fast path changes no line's outcome.
    assert load_line(line) == json.loads(line)
    assert repr(load_line(line)) == repr(json.loads(line))


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("123456789012345678901234567890", "not_object"),
        ("[1.5, 123456789012345678901234567890]", "not_object"),
        ('{"a": ' + "[" * 65 + "123456789012345678901234567890, 1.5" + "]" * 65 + "}", "too_deep"),
    ],
)
def test_load_line_refuses_huge_integers_lines_as_before(line, code):
    with pytest.raises(ValidationError) as error:
        load_line(line)
    assert error_code(error.value) == code


def test_load_line_keeps_the_standard_parsers_message():
    with pytest.raises(ValidationError) as refused:
        load_line('{"body": }')
    assert refused.value.messages == ["Not valid JSON (Expecting value)."]


def test_count_lines_counts_as_the_regular_expression_does():
    # count_lines reads line by line; _NON_BLANK_LINE is what it must count, on any text.
    rng = random.Random(18)  # noqa: S311 - test data, not secrets
    alphabet = ["\n", "\r", " ", "\t", "\f", "\v", "\x1c", "\x85", "\xa0", "\u2028", "{", "a", "é"]
    texts = ["", "\n", "\n\n", " \n", "a", "\r\n{}\r\n", "\x1cx\n x\n\xa0\n\u2028\nb"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(40))) for _ in range(3000)]
    for text in texts:
        assert count_lines(text) == sum(1 for _ in _NON_BLANK_LINE.finditer(text)), repr(text)
