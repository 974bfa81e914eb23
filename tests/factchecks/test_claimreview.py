from __future__ import annotations

import json
from datetime import date

from tests.factchecks.records import AFP_STYLE, FULLFACT_STYLE, POLITIFACT_STYLE, jsonl
from workbench.factchecks.claimreview import Record, RecordError, read_document


def records(text: str) -> list:
    return list(read_document(text))


def test_read_document_graph_keeps_only_the_claimreview():
    [record] = records(json.dumps(POLITIFACT_STYLE))
    assert isinstance(record, Record)
    assert record.claim_reviewed == "Unemployment fell to 3.1 percent last year"
    assert (record.rating, record.rating_value) == ("Mostly False", 2.0)
    assert (record.best_rating, record.worst_rating) == (6.0, 1.0)
    assert (record.publisher, record.publisher_url) == ("Checker", "https://checker.example")
    assert record.date_published == date(2024, 3, 2)
    assert record.claimant == "Jane Minister"
    assert record.appearances == ["https://news.example/a"]


def test_read_document_array_with_nested_arrays_and_no_numbers():
    first, second = records(json.dumps([FULLFACT_STYLE, AFP_STYLE]))
    assert first.claimant == "A Politician, Party Press Office"
    assert first.appearances == ["https://social.example/post/1"]
    assert (first.rating, first.rating_value, first.best_rating) == ("Needs context", None, None)
    assert first.publisher == "Full Fact"
    assert second.rating == "False"
    assert second.publisher == "AFP Fact Check"
    assert (second.claimant, second.appearances, second.date_published) == ("", [], None)


def test_read_document_json_lines_numbers_bad_lines():
    text = jsonl(AFP_STYLE) + "{not json\n" + jsonl(FULLFACT_STYLE)
    good, bad, other = records(text)
    assert isinstance(bad, RecordError)
    assert (bad.number, bad.code) == (2, "bad_json")
    assert (good.number, other.number) == (1, 3)


def test_read_document_pretty_printed_object():
    [record] = records(json.dumps(AFP_STYLE, indent=2))
    assert record.url == AFP_STYLE["url"]


def test_read_document_web_page_script_blocks():
    page = (
        "<html><head><script type='application/ld+json'>"
        + json.dumps(POLITIFACT_STYLE)
        + '</script><script type="application/ld+json">'
        + json.dumps(AFP_STYLE)
        + "</script></head><body>x</body></html>"
    )
    assert [r.url for r in records(page)] == [
        POLITIFACT_STYLE["@graph"][1]["url"],
        AFP_STYLE["url"],
    ]


def test_read_document_reports_missing_fields_and_rating_out_of_range():
    no_claim = {**AFP_STYLE, "claimReviewed": "  "}
    no_url = {key: value for key, value in AFP_STYLE.items() if key != "url"}
    bad_url = {**AFP_STYLE, "url": "javascript:alert(1)"}
    out = {**AFP_STYLE, "reviewRating": {"ratingValue": 7, "bestRating": 5, "worstRating": 1}}
    errors = records(json.dumps([no_claim, no_url, bad_url, out]))
    assert [(e.number, e.code) for e in errors] == [
        (1, "no_claim"),
        (2, "no_url"),
        (3, "bad_url"),
        (4, "rating_out_of_range"),
    ]
    assert "7" in errors[3].message and "1–5" in errors[3].message


def test_read_document_reversed_scale_is_in_range():
    rated = {**AFP_STYLE, "reviewRating": {"ratingValue": 2, "bestRating": 1, "worstRating": 5}}
    [record] = records(json.dumps(rated))
    assert record.rating_value == 2.0


def test_read_document_keeps_html_as_text_and_drops_nul():
    html = {**AFP_STYLE, "claimReviewed": "<script>alert(1)</script>\u0000 claim"}
    [record] = records(json.dumps(html))
    assert record.claim_reviewed == "<script>alert(1)</script> claim"


def test_read_document_malformed_whole_document():
    [error] = records('[{"a": 1},')
    assert (error.number, error.code) == (1, "bad_json")


def test_read_document_integer_past_64_bits_is_still_json():
    big = {**AFP_STYLE, "reviewRating": {"ratingValue": 10**30, "bestRating": 5, "worstRating": 1}}
    [error] = records(json.dumps(big))
    assert error.code == "rating_out_of_range"


def test_read_document_deep_nesting_is_refused_for_that_record():
    deep = "[" * 5000 + "]" * 5000
    [error] = records(deep)
    assert error.code in ("too_deep", "bad_json")
