"""The batch imports: files and JSON Lines, through imports.services."""

from __future__ import annotations

import pytest

from workbench.imports.services import articles_import_file, articles_import_jsonl

pytestmark = pytest.mark.django_db


def test_file_import_rejects_html_with_no_text(world):
    report = articles_import_file(
        project=world.project,
        actor=world.reviewer,
        name="x.html",
        data=b"<html><body><div></div></body></html>",
    )
    assert not report.results
    assert "No article text" in report.failures[0].message


def test_jsonl_batch_stores_each_body_once(world, django_assert_max_num_queries):
    line = '{"title": "Same", "body": "One body that appears twice in the batch, word for word."}'
    other = '{"title": "Other", "body": "A second, different body for the same batch of lines."}'
    text = "\n".join(
        [line, other, line]
        + [f'{{"body": "Body number {i} of a longer batch."}}' for i in range(40)]
    )
    with django_assert_max_num_queries(12):
        report = articles_import_jsonl(project=world.project, actor=world.reviewer, text=text)
    assert not report.failures
    assert [r.created for r in report.results[:3]] == [True, True, False]
    assert report.results[2].article.pk == report.results[0].article.pk
    assert world.project.articles.filter(title="Same").count() == 1
    again = articles_import_jsonl(project=world.project, actor=world.reviewer, text=text)
    assert not any(r.created for r in again.results)
    assert {r.article.pk for r in again.results} == {r.article.pk for r in report.results}
