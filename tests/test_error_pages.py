"""Styled error pages with the top bar, the favicon, and the Content-Security-Policy header."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from tests.conftest import client_for

pytestmark = pytest.mark.django_db

TOPBAR = '<header class="topbar">'


def _script_src(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return directives["script-src"]


def test_404_page_has_the_top_bar_and_the_members_menu(world):
    response = client_for(world.reviewer).get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert TOPBAR in html and "Not found" in html and "data-reason" in html
    assert ">reviewer<" in html  # the user menu: the page knows who is asking
    assert "Using the URLconf" not in html


def test_404_for_another_teams_article_is_the_same_styled_page(world):
    response = client_for(world.outsider).get(world.article.get_absolute_url())
    assert response.status_code == 404
    assert TOPBAR in response.content.decode()


def test_500_page_renders_without_a_request():
    html = render_to_string("500.html")
    assert TOPBAR in html and "Something went wrong" in html and "data-reason" in html


@pytest.mark.urls("tests.error_urls")
def test_500_page_is_served_for_a_failing_view(world):
    client = client_for(world.reviewer)
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert TOPBAR in html and "Something went wrong" in html
    assert "RuntimeError" not in html and "a bug" not in html
    assert "'unsafe-inline'" not in _script_src(response)


def test_400_page_for_an_unknown_host_name(world):
    response = Client().get(reverse("login"), HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert TOPBAR in html and "Bad request" in html
    assert "DisallowedHost" not in html


def test_403_page_gives_the_reason_in_the_same_style(world):
    response = client_for(world.viewer).get(
        reverse("articles:article_import", args=[world.project.pk])
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert TOPBAR in html and "error-page" in html and "data-reason" in html


def test_expired_form_gets_a_styled_403_that_says_what_to_do(world):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "reviewer", "password": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert TOPBAR in html and "This form has expired" in html


def test_favicon_is_linked_and_answers_at_the_root(client):
    html = client.get(reverse("login")).content.decode()
    assert 'rel="icon"' in html and "favicon.svg" in html
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


@pytest.mark.parametrize(
    ("who", "url", "headers"),
    [
        (None, lambda w: reverse("login"), {}),
        (None, lambda w: "/favicon.ico", {}),
        ("reviewer", lambda w: reverse("articles:project_list"), {}),
        ("reviewer", lambda w: w.project.get_absolute_url(), {}),
        ("reviewer", lambda w: w.article.get_absolute_url(), {}),
        ("reviewer", lambda w: w.article.get_absolute_url(), {"HX-Request": "true"}),
        ("reviewer", lambda w: reverse("articles:article_import", args=[w.project.pk]), {}),
        ("viewer", lambda w: reverse("articles:article_import", args=[w.project.pk]), {}),
        ("reviewer", lambda w: "/no-such-page/", {}),
        ("reviewer", lambda w: reverse("api:docs"), {}),
        ("reviewer", lambda w: reverse("api:project-list"), {}),
    ],
)
def test_every_response_has_a_csp_without_inline_scripts(world, who, url, headers):
    client = client_for(getattr(world, who)) if who else Client()
    response = client.get(url(world), headers=headers)
    assert "'unsafe-inline'" not in _script_src(response)
    assert "'unsafe-eval'" not in _script_src(response)
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_no_template_has_inline_scripts_or_event_handlers(settings):
    folder = Path(settings.BASE_DIR) / "templates"
    for path in folder.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*>", html)
        inline = [tag for tag in scripts if "src=" not in tag and "application/json" not in tag]
        assert not inline, f"inline <script> in {path.name}"
        assert not re.search(r"\son[a-z]+\s*=", html), f"inline event handler in {path.name}"
        assert not re.search(r"\shx-on[:-]", html), f"hx-on handler in {path.name}"
        assert "javascript:" not in html, f"javascript: link in {path.name}"


def test_opening_a_form_address_gives_the_405_page_with_the_top_bar(world):
    # A browser shows an empty 405 as its own blank error page; the app explains instead.
    url = reverse("annotations:annotation_new", args=[world.article.pk])
    response = client_for(world.reviewer).get(url)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    page = response.content.decode()
    assert 'class="topbar"' in page and "Not a page" in page
    # The API keeps DRF's JSON answer.
    api = client_for(world.reviewer).delete(reverse("api:project-list"))
    assert api.status_code == 405
    assert api["Content-Type"].startswith("application/json")
