"""A refused import says why in the import report, the fragment htmx swaps in place."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import client_for
from workbench.articles.models import Article

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def _post(world, name: str, data: dict, headers: dict | None = HX):
    url = reverse(f"articles:{name}", args=[world.project.pk])
    return client_for(world.reviewer).post(url, data, headers=headers)


def _report(response) -> str:
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="import-report"'), "not the report fragment"
    return html


@pytest.mark.parametrize("text", ["", "   \n  ", "\t\n\n \u00a0 \n"])
def test_empty_paste_says_the_text_is_empty_in_the_report(world, text):
    response = _post(world, "import_paste", {"text": text})
    assert response.status_code == 400
    html = _report(response)
    assert 'role="alert"' in html and "The text is empty" in html
    assert Article.objects.filter(project=world.project).count() == 1


def test_paste_with_a_bad_url_names_the_field_in_the_report(world):
    response = _post(world, "import_paste", {"text": "Enough words here.", "url": "ftp://x.org"})
    assert response.status_code == 400
    html = _report(response)
    assert "URL:" in html and "Enter a valid URL" in html


def test_empty_paste_without_htmx_shows_the_error_once_in_the_form(world):
    response = _post(world, "import_paste", {"text": "  "}, headers=None)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>Import articles</h1>" in html
    assert html.count("The text is empty") == 1


def test_upload_without_a_file_says_so_in_the_report(world):
    response = _post(world, "import_upload", {})
    assert response.status_code == 400
    assert "No file chosen" in _report(response)


def test_unsupported_upload_says_which_types_work_in_the_report(world):
    upload = SimpleUploadedFile("tool.exe", b"MZ\x90\x00binary")
    response = _post(world, "import_upload", {"files": [upload]})
    assert response.status_code == 400
    html = _report(response)
    assert "tool.exe" in html and ".exe files are not supported" in html


def test_empty_jsonl_batch_says_the_batch_is_empty(world):
    response = _post(world, "import_jsonl", {"text": "  \n "})
    assert response.status_code == 400
    assert "The batch is empty" in _report(response)


def test_url_import_without_an_address_says_so(world):
    response = _post(world, "import_url", {"url": ""})
    assert response.status_code == 400
    assert "This field is required" in _report(response)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("import_url", {"url": "not a url"}),
        ("import_paste", {"text": "Enough words here.", "url": "not a url"}),
    ],
)
def test_a_bad_address_is_one_refusal_with_one_message(world, name, data):
    # Django's URLField checks the address, and so did our http(s)-only validator: the report
    # said "2 refused" and showed "Enter a valid URL." twice for one address.
    response = _post(world, name, data)
    assert response.status_code == 400
    html = _report(response)
    assert html.count("Enter a valid URL") == 1
    assert "1 refused" in html
