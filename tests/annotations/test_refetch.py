from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import ArticleFactory
from workbench.annotations import revisions
from workbench.annotations.models import AnchorState
from workbench.annotations.services import annotation_create
from workbench.articles.fetch import Fetched, FetchError
from workbench.jobs.models import Job

pytestmark = pytest.mark.django_db

OLD = (
    "The mayor said the bridge would reopen in March after repairs costing 4 million.\n\n"
    "Residents have complained for months about the detour through the old town."
)
NEW = (
    OLD.replace("in March", "in June") + "\n\nCorrection: an earlier version gave the wrong month."
)


@pytest.fixture
def page(monkeypatch):
    pages: dict[str, object] = {}

    def fake_fetch(url: str) -> Fetched:
        answer = pages[url]
        if isinstance(answer, Exception):
            raise answer
        return Fetched(url=url, status=200, content_type="text/plain", text=answer)

    monkeypatch.setattr(revisions, "fetch_url", fake_fetch)
    return pages


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=OLD, raw=OLD, url="https://news.test/a")


def test_article_refetch_makes_a_revision_and_reanchors(world, article, page):
    text = "the bridge would reopen in March after repairs"
    start = OLD.index(text)
    claim = annotation_create(
        article=article, author=world.reviewer, kind="claim", start=start, end=start + len(text),
        exact=text,
    )  # fmt: skip
    page[article.url] = NEW
    result = revisions.article_refetch(article=article, by=world.reviewer)
    assert result.revision.number == 2 and result.revision.origin == "fetch"
    claim.refresh_from_db()
    assert claim.anchor_state == AnchorState.FUZZY
    assert claim.exact == "the bridge would reopen in June after repairs"
    page[article.url] = NEW
    assert revisions.article_refetch(article=article, by=world.lead).revision is None


def test_article_refetch_refuses_outsiders_and_articles_without_url(world, article, page):
    with pytest.raises(PermissionDenied):
        revisions.article_refetch(article=article, by=world.outsider)
    bare = ArticleFactory(project=world.project, body="Some text here.", url="")
    with pytest.raises(ValidationError) as refused:
        revisions.article_refetch(article=bare, by=world.lead)
    assert refused.value.code == "no_url"


def test_refetch_command_reports_changed_and_failed(world, article, page, capsys):
    other = ArticleFactory(project=world.project, body="Other text.", url="https://news.test/b")
    page[article.url] = NEW
    page[other.url] = FetchError("The site did not answer.", code="timeout")
    with pytest.raises(CommandError):
        call_command("refetch", "--project", world.project.slug, "--changed-only")
    out = capsys.readouterr()
    assert f"{article.pk} revision 2: no annotations" in out.out
    assert "1 changed, 1 failed" in out.out
    assert "The site did not answer." in out.err
    page[other.url] = "Other text."
    call_command("refetch", "--project", world.project.slug)
    assert f"{article.pk} unchanged" in capsys.readouterr().out


def _refetch(client, article, **headers):
    return client.post(reverse("articles:article_refetch", args=[article.pk]), headers=headers)


def test_refetch_view_ladder_and_escaped_text(world, article, page, client):
    page[article.url] = OLD + "\n\nUpdate: <script>alert(1)</script> added at 10:00."
    assert _refetch(client, article).status_code == 302  # to the login page
    assert _refetch(client_for(world.outsider), article).status_code == 404
    assert _refetch(client_for(world.viewer), article).status_code == 403
    article.refresh_from_db()
    assert article.revision == 1
    reviewer = client_for(world.reviewer)
    response = _refetch(reviewer, article)
    # The fetch runs as a job (at once in tests); its page links back to the article.
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == job.get_absolute_url()
    assert job.links[0] == {"label": article.title, "url": article.get_absolute_url()}
    article.refresh_from_db()
    assert article.revision == 2
    html = reviewer.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_refetch_view_shows_why_a_fetch_failed(world, article, page):
    page[article.url] = FetchError("The site answered <b>404</b>.", code="http_status")
    client = client_for(world.lead)
    response = _refetch(client, article)
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    assert job.result == {"changed": 0, "unchanged": 0, "failed": 1}
    html = client.get(job.get_absolute_url()).content.decode()
    assert "The site answered &lt;b&gt;404&lt;/b&gt;." in html
