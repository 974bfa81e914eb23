from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import client_for
from workbench.articles.models import Article

pytestmark = pytest.mark.django_db

# The cleaner's test pages, shared with tests/articles.
FIXTURES = Path(__file__).parent.parent / "articles" / "fixtures"

WIRE = (
    "BERLIN, May 2 (Wire) - Germany's budget deficit narrowed to 1.9% of output last year, "
    "the statistics office said on Friday.\n\n"
    '"The numbers are better than we feared," Finance Minister Jonas Weber said.'
)


def _paste(client, project, **data):
    return client.post(reverse("articles:import_paste", args=[project.pk]), data)


def test_paste_import_creates_article_and_opens_it(world):
    client = client_for(world.reviewer)
    response = _paste(client, world.project, text=WIRE, title="Deficit narrows", outlet="Wire")
    article = Article.objects.get(title="Deficit narrows")
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert article.body == WIRE
    assert article.created_by == world.reviewer
    assert not article.title_is_provisional
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Finance Minister Jonas Weber" in page


def test_paste_import_over_htmx_redirects_client(world):
    client = client_for(world.reviewer)
    response = client.post(
        reverse("articles:import_paste", args=[world.project.pk]),
        {"text": WIRE},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/articles/")


def test_paste_import_twice_reports_already_imported(world):
    client = client_for(world.reviewer)
    _paste(client, world.project, text=WIRE)
    first = Article.objects.get(body=WIRE)
    response = _paste(client, world.project, text=WIRE + "\n\n")
    assert response.status_code == 200
    assert f"Already imported as article {first.pk}" in response.content.decode()
    assert Article.objects.filter(body=WIRE).count() == 1


def test_paste_import_refuses_empty_text(world):
    response = _paste(client_for(world.reviewer), world.project, text="   \n  ")
    assert response.status_code == 400
    assert Article.objects.filter(project=world.project).count() == 1


def test_paste_without_title_gets_provisional_title(world):
    client = client_for(world.reviewer)
    _paste(client, world.project, text=WIRE)
    article = Article.objects.get(body=WIRE)
    assert article.title_is_provisional
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Provisional title" in page
    client.post(
        reverse("articles:article_edit", args=[article.pk]), {"title": "Budget deficit narrows"}
    )
    article.refresh_from_db()
    assert article.title == "Budget deficit narrows"
    assert not article.title_is_provisional


def _upload(client, project, *files):
    return client.post(reverse("articles:import_upload", args=[project.pk]), {"files": list(files)})


def test_upload_imports_text_markdown_and_html(world):
    html = (
        b"<html lang='en'><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
        b"<p>The port of Example reopened on Monday after a two-week strike, the harbour authority said.</p>"
        b"<p>Traffic is expected to return to normal levels by the end of the month, officials added.</p>"
        b"</article></body></html>"
    )
    response = _upload(
        client_for(world.reviewer),
        world.project,
        SimpleUploadedFile("wire.txt", WIRE.encode()),
        SimpleUploadedFile("note.md", b"A short note with enough words to be a body."),
        SimpleUploadedFile("page.html", html),
    )
    assert response.status_code == 200
    assert response.content.decode().count("Imported as article") == 3
    assert Article.objects.filter(project=world.project, title="Port reopens").exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "not supported"),
        ("binary.txt", b"abc\x00\x01\x02def", "binary"),
        ("latin1.txt", "Caf\u00e9 au lait".encode("latin-1"), "not valid UTF-8"),
        ("empty.txt", b"  \n", "empty"),
        ("broken.jsonl", b'{"title": "x", "body": "A body that is fine."}\n{not json\n', "line 2"),
    ],
)
def test_upload_reports_bad_files_clearly(world, name, data, message):
    response = _upload(client_for(world.reviewer), world.project, SimpleUploadedFile(name, data))
    assert message in response.content.decode()


def test_upload_refuses_files_over_the_limit(world, settings):
    settings.WORKBENCH_MAX_IMPORT_BYTES = 100
    response = _upload(
        client_for(world.reviewer), world.project, SimpleUploadedFile("big.txt", b"word " * 50)
    )
    assert response.status_code == 400
    assert "the limit is 100 bytes" in response.content.decode()


def test_jsonl_batch_imports_good_lines_and_numbers_bad_ones(world):
    text = "\n".join(
        [
            '{"title": "One", "body": "The first article body, one sentence long.", "published": "2024-01-05"}',
            '{"title": "Two"}',
            "[1, 2]",
            '{"title": "Three", "text": "The third article body, also one sentence.", "url": "javascript:alert(1)"}',
            '{"title": "Four", "text": "The fourth article body, one sentence.", "outlet": "Wire"}',
        ]
    )
    response = client_for(world.reviewer).post(
        reverse("articles:import_jsonl", args=[world.project.pk]), {"text": text}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "line 2" in html and "line 3" in html and "line 4" in html
    assert set(world.project.articles.values_list("title", flat=True)) >= {"One", "Four"}
    assert not world.project.articles.filter(title="Three").exists()
    assert str(world.project.articles.get(title="One").published) == "2024-01-05"


def test_url_import_refuses_private_addresses(world):
    client = client_for(world.reviewer)
    for url in (
        "http://127.0.0.1:8000/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
    ):
        response = client.post(
            reverse("articles:import_url", args=[world.project.pk]), {"url": url}
        )
        assert response.status_code == 400
        assert "not allowed" in response.content.decode()
    response = client.post(
        reverse("articles:import_url", args=[world.project.pk]), {"url": "file:///etc/passwd"}
    )
    assert response.status_code == 400


@pytest.fixture
def news_site(settings):
    """A real HTTP server on loopback serving a news page, allowed as an intranet site would be."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    page = (FIXTURES / "harbour-gazette-news.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/moved":
                self.send_response(302)
                self.send_header("Location", "/news/port-strike")
                self.end_headers()
                return
            body, kind = page, "text/html; charset=utf-8"
            if self.path == "/plain-nul":
                body = b"A plain-text article, long enough to be one. " * 200 + b"\x00 end."
                kind = "text/plain; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WORKBENCH_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_import_fetches_extracts_and_records_the_final_url(world, news_site):
    client = client_for(world.reviewer)
    response = client.post(
        reverse("articles:import_url", args=[world.project.pk]), {"url": f"{news_site}/moved"}
    )
    article = Article.objects.get(project=world.project, source="url")
    assert response.status_code == 302
    assert article.url == f"{news_site}/news/port-strike"
    assert article.title == "Port strike ends after 12 days as dockers accept pay deal"
    assert not article.title_is_provisional
    assert article.removed, "the page's navigation and footer are kept as removed lines"
    again = client.post(
        reverse("articles:import_url", args=[world.project.pk]), {"url": f"{news_site}/moved"}
    )
    assert f"Already imported as article {article.pk}" in again.content.decode()


# --- limits: JSON Lines amplification, uploads, NUL, nesting (issue 20) -----------------------


def _jsonl(client, project, text, **headers):
    return client.post(
        reverse("articles:import_jsonl", args=[project.pk]), {"text": text}, headers=headers
    )


def test_jsonl_batch_lists_the_first_hundred_failures_and_counts_the_rest(world):
    response = _jsonl(client_for(world.reviewer), world.project, "{}\n" * 1000)
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count('class="failed"') == 100
    assert "line 100:" in html and "line 101:" not in html
    assert "1000 refused" in html and "900 more refused lines" in html
    # A thousand bad lines no longer make a page of a thousand messages.
    assert len(response.content) < 60_000


def test_jsonl_batch_over_the_line_limit_is_refused_whole(world, settings):
    settings.WORKBENCH_MAX_IMPORT_LINES = 5
    lines = "\n".join(f'{{"body": "Article number {i} has a body."}}' for i in range(6))
    before = Article.objects.count()
    response = _jsonl(client_for(world.reviewer), world.project, lines)
    assert response.status_code == 400
    assert "more than 5 lines" in response.content.decode()
    assert Article.objects.count() == before
    ok = _jsonl(client_for(world.reviewer), world.project, "\n\n".join(lines.split("\n")[:5]))
    assert ok.status_code == 200
    assert Article.objects.count() == before + 5


def test_jsonl_batch_refuses_deeply_nested_lines_by_number(world):
    deep = '{"body": "A body that is fine.", "x": ' + "[" * 50_000 + "]" * 50_000 + "}"
    text = '{"body": "The good line has a body."}\n' + deep
    response = _jsonl(client_for(world.reviewer), world.project, text)
    html = response.content.decode()
    assert response.status_code == 200
    assert "line 2:" in html and "nested too deeply" in html
    assert world.project.articles.filter(body__startswith="The good line").exists()


def test_upload_refuses_nul_anywhere_in_the_text(world):
    data = b"A text of plain words. " * 500 + b"here\x00there"
    assert b"\x00" not in data[:8192]
    before = Article.objects.count()
    response = _upload(
        client_for(world.reviewer), world.project, SimpleUploadedFile("late-nul.txt", data)
    )
    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert Article.objects.count() == before


def test_upload_jsonl_lists_bounded_failures(world):
    response = _upload(
        client_for(world.reviewer),
        world.project,
        SimpleUploadedFile("many.jsonl", b"{}\n" * 300),
    )
    html = response.content.decode()
    assert html.count('class="failed"') == 100
    assert "200 more refused lines" in html


class _Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def _oversize_upload(client, project, size, **headers):
    boundary = "BoUnDaRy"
    return client.generic(
        "POST",
        reverse("articles:import_upload", args=[project.pk]),
        headers=headers,
        **{
            "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
            "CONTENT_LENGTH": str(size),
            "wsgi.input": _Unreadable(),
        },
    )


def test_oversize_upload_is_refused_before_its_body_is_read(world, settings):
    limit = settings.WORKBENCH_MAX_UPLOAD_BYTES
    response = _oversize_upload(client_for(world.reviewer), world.project, limit + 1)
    assert response.status_code == 413
    assert f"the limit is {limit:,} bytes" in response.content.decode()


def test_oversize_htmx_upload_is_refused_in_place_before_its_body_is_read(world, settings):
    limit = settings.WORKBENCH_MAX_UPLOAD_BYTES
    response = _oversize_upload(
        client_for(world.reviewer), world.project, 400 * 1024 * 1024, HX_Request="true"
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert html.strip().startswith('<div id="import-report"')
    assert f"the limit is {limit:,} bytes" in html and "419,430,400 bytes" in html


def test_upload_file_over_the_limit_is_dropped_while_the_others_import(world, settings):
    settings.WORKBENCH_MAX_IMPORT_BYTES = 1000
    response = _upload(
        client_for(world.reviewer),
        world.project,
        SimpleUploadedFile("big.txt", b"word " * 10_000),
        SimpleUploadedFile("wire.txt", WIRE.encode()),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "big.txt:" in html and "too large (the limit is 1,000 bytes)" in html
    assert "Imported as article" in html


def test_upload_service_refuses_by_size_without_reading(world, settings):
    from workbench.imports.services import articles_import_upload

    class Huge(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("the file was read")

    upload = Huge("huge.txt", b"")
    upload.size = settings.WORKBENCH_MAX_IMPORT_BYTES + 1
    report = articles_import_upload(project=world.project, actor=world.reviewer, upload=upload)
    assert not report.results
    assert "the limit is" in report.failures[0].message


def test_url_import_refuses_a_plain_text_page_with_a_nul(world, news_site):
    before = Article.objects.count()
    response = client_for(world.reviewer).post(
        reverse("articles:import_url", args=[world.project.pk]), {"url": f"{news_site}/plain-nul"}
    )
    assert response.status_code == 400
    assert "NUL character (U+0000) at character 9,000" in response.content.decode()
    assert Article.objects.count() == before
