"""JSON Lines imports stored by threads beside the request on PostgreSQL (issue 18, part 2)."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import IntegrityError, OperationalError, connection, transaction

from tests.conftest import make_world
from workbench.annotations.models import Annotation, Entity
from workbench.articles.models import Article
from workbench.db import insert_rows, row_values
from workbench.imports import services
from workbench.imports.services import articles_import_jsonl

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="storing threads run on PostgreSQL only"
)


def _lines(count: int, *, speakers: list[str]) -> str:
    lines = []
    for i in range(count):
        body = f"Article {i} says: “Quote number {i} here.” The minister said so on day {i}."
        start = body.index("Quote")
        end = body.index("”")
        # The same body again at line 600: a duplicate in a later batch (another thread).
        if i == 600:
            body = "Article 3 says: “Quote number 3 here.” The minister said so on day 3."
            start, end = body.index("Quote"), body.index("”")
        span = {"start": start, "end": end, "label": "quote", "speaker": speakers[i % 3]}
        lines.append(json.dumps({"title": f"T{i}", "text": body, "spans": [span]}))
    return "\n".join(lines)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_threads_store_every_batch_in_line_order_with_index_and_history(settings):
    settings.WORKBENCH_IMPORT_STORE_THREADS = 2
    world = make_world()
    used = []
    real = services._store_batch

    def spy(*args, **kwargs):
        used.append(threading.current_thread().name)
        return real(*args, **kwargs)

    services._store_batch = spy
    try:
        report = articles_import_jsonl(
            project=world.project,
            actor=world.lead,
            text=_lines(1100, speakers=["Ann Lie", "Bo Chen", "Ann Lie"]),
        )
    finally:
        services._store_batch = real
    assert not report.failures
    # 1,100 lines in batches of 250, every one stored by a storing thread.
    assert len(used) == 5 and all(name.startswith("import-store") for name in used)
    assert [r.label for r in report.results] == [f"line {i}" for i in range(1, 1101)]
    assert report.created == 1099 and report.duplicates == 1
    assert report.results[600].article.pk == report.results[3].article.pk
    assert report.annotations == 1099
    imported = Annotation.objects.filter(article__project=world.project)
    assert imported.count() == 1099
    assert Annotation.history.filter(article__project=world.project).count() == 1099
    # One entity per speaker, although both threads met the names in their first batch.
    assert sorted(Entity.objects.filter(team=world.team).values_list("name", flat=True)) == [
        "Ann Lie",
        "Bo Chen",
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM search_article_document d JOIN articles_article a "
            "ON a.id = d.article_id WHERE a.project_id = %s AND d.document @@ 'minister'::tsquery",
            [world.project.pk],
        )
        assert cursor.fetchone()[0] == 1099
        cursor.execute(
            "SELECT count(*) FROM search_annotation_document d JOIN annotations_annotation a "
            "ON a.id = d.annotation_id WHERE d.document @@ 'quote & number'::tsquery"
        )
        assert cursor.fetchone()[0] == 1099


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_an_error_in_a_storing_thread_reaches_the_caller(settings):
    settings.WORKBENCH_IMPORT_STORE_THREADS = 2
    world = make_world()
    real = services.spans_store
    calls = []

    def failing(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    services.spans_store = failing
    try:
        with pytest.raises(RuntimeError, match="disk full"):
            articles_import_jsonl(
                project=world.project, actor=world.lead, text=_lines(1000, speakers=["A", "B", "C"])
            )
    finally:
        services.spans_store = real
    # The failed batch is rolled back whole: no article of it lacks its annotations.
    stored = Article.objects.filter(project=world.project).exclude(pk=world.article.pk)
    titles = set(stored.values_list("title", flat=True))
    # Batches of 250 lines; line 600 repeats line 3, so the third batch has 249 new articles.
    per_batch = [sum(f"T{i}" in titles for i in range(b, b + 250)) for b in (0, 250, 500, 750)]
    assert all(count in (0, 250, 249) for count in per_batch), per_batch
    assert per_batch.count(0) >= 1
    assert Annotation.objects.filter(article__in=stored).count() == stored.count()


@pytest.mark.django_db
def test_inside_a_transaction_the_import_stores_in_the_callers_thread(world, settings):
    settings.WORKBENCH_IMPORT_STORE_THREADS = 2
    with transaction.atomic():
        report = articles_import_jsonl(
            project=world.project, actor=world.lead, text=_lines(300, speakers=["A", "B", "C"])
        )
        assert report.created == 300
        transaction.set_rollback(True)
    assert not Article.objects.filter(title="T1").exists()


@postgres_only
@pytest.mark.django_db
def test_copy_of_a_duplicate_row_raises_django_integrity_error(world):
    copy = Article.objects.get(pk=world.article.pk)
    copy.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Article, [row_values(Article)(copy)])


@pytest.mark.django_db
def test_a_speaker_created_by_another_writer_meanwhile_is_reused(world, monkeypatch):
    from workbench.annotations import services as annotation_services

    real = annotation_services.entity_named
    calls = []

    def late(*, team, name):
        calls.append(name)
        if len(calls) == 1:
            # Another writer commits the same name between our lookup and our insert.
            Entity.objects.create(team=team, name=name, kind="person")
            return None
        return real(team=team, name=name)

    monkeypatch.setattr(annotation_services, "entity_named", late)
    entity = annotation_services.entity_find_or_create(
        team=world.team, actor=world.lead, name="Ann Lie"
    )
    assert entity.name == "Ann Lie" and len(calls) == 2
    assert Entity.objects.filter(team=world.team, name="Ann Lie").count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_batch_rolled_back_by_a_deadlock_is_stored_again_once(settings, monkeypatch):
    settings.WORKBENCH_IMPORT_STORE_THREADS = 2
    world = make_world()
    real = services._store_batch
    failed = []

    class Deadlock(Exception):
        sqlstate = "40P01"

    def once(project, batch, report, actor):
        if batch[0].where == "line 251" and not failed:
            failed.append(1)
            error = OperationalError("deadlock detected")
            error.__cause__ = Deadlock()
            raise error
        return real(project, batch, report, actor)

    monkeypatch.setattr(services, "_store_batch", once)
    report = articles_import_jsonl(
        project=world.project, actor=world.lead, text=_lines(500, speakers=["A", "B", "C"])
    )
    assert failed == [1]
    assert report.created == 500 and not report.failures
    assert Annotation.objects.filter(article__project=world.project).count() == 500


def _progress_checked(world) -> tuple[list[tuple[int, int]], object]:
    """A progress callback that notes, at each call, the lines it was told of so far and the
    articles of the project then stored (committed rows, as another process would see them)."""
    seen: list[tuple[int, int]] = []
    told = 0
    before = Article.objects.filter(project=world.project).count()

    def progress(lines: int) -> None:
        nonlocal told
        told += lines
        seen.append((told, Article.objects.filter(project=world.project).count() - before))

    return seen, progress


def _import_with_progress(world, progress) -> object:
    text = "not json\n" + _lines(700, speakers=["Ann Lie", "Bo Chen", "Ann Lie"])
    return articles_import_jsonl(
        project=world.project, actor=world.lead, text=text, progress=progress
    )


@pytest.mark.django_db
def test_progress_counts_lines_once_stored_never_as_they_are_only_read():
    """A job's "done" must not run ahead of what is stored: a worker killed after its
    progress said 550 lines has at least 550 stored (or refused) lines behind it."""
    world = make_world()
    seen, progress = _progress_checked(world)
    report = _import_with_progress(world, progress)
    assert report.created == 699 and len(report.failures) == 1
    assert seen[-1] == (701, 699)  # every line accounted for: 700 stored (1 a duplicate), 1 refused
    # the refused line is told of as it is refused, stored lines a batch at a time once
    # stored (the duplicate and the refused line are the only ones that add no article)
    assert seen[:2] == [(1, 0), (1 + services.JSONL_BATCH, services.JSONL_BATCH)]
    assert all(told <= stored + 2 for told, stored in seen)


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_progress_of_threads_counts_batches_once_committed(settings):
    settings.WORKBENCH_IMPORT_STORE_THREADS = 2
    world = make_world()
    seen, progress = _progress_checked(world)
    report = _import_with_progress(world, progress)
    assert report.created == 699 and len(report.failures) == 1
    assert seen[-1] == (701, 699)
    batch = services.store_batch_lines(threaded=True)
    # The first batch is told of once committed; the other thread may have committed the next
    # one by the time the count is read, so at least the batch told of is stored, never less.
    assert seen[0] == (1, 0) and seen[1][0] == 1 + batch and seen[1][1] >= batch
    assert all(told <= stored + 2 for told, stored in seen)
