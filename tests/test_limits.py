"""Request size limits, checked from Content-Length before anything reads the body."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def _post_unread(client: Client, url: str, size: int, content_type: str):
    return client.generic(
        "POST",
        url,
        **{"CONTENT_TYPE": content_type, "CONTENT_LENGTH": str(size), "wsgi.input": Unreadable()},
    )


@pytest.mark.parametrize(
    "content_type",
    ["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
)
def test_oversize_api_body_is_json_413_unread(world, settings, content_type):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = _post_unread(
        api_for(world.lead), reverse("api:article-batch"), limit + 1, content_type
    )
    assert response.status_code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["code"] == "too_large"
    assert f"the limit is {limit:,} bytes" in data["detail"]


def test_oversize_api_body_is_json_413_for_anonymous_too(world, settings):
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
    response = _post_unread(Client(), reverse("api:article-list"), size, "application/json")
    assert response.status_code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    assert response.json()["code"] == "too_large"


def test_body_too_big_found_while_reading_is_json_413_under_the_api(settings):
    # Without a Content-Length to check up front, Django's own check fires when something
    # reads the body: the API's handler turns it into the same JSON answer.
    from django.core.exceptions import RequestDataTooBig

    from workbench.api.errors import exception_handler

    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    response = exception_handler(RequestDataTooBig("too big"), {"request": None})
    assert response.status_code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    assert response.data == {
        "detail": "The request body is over the limit of 100 bytes.",
        "code": "too_large",
    }


def test_oversize_form_post_is_a_413_page_unread(world, settings):
    size = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1
    url = reverse("articles:import_paste", args=[world.project.pk])
    response = _post_unread(
        client_for(world.reviewer), url, size, "application/x-www-form-urlencoded"
    )
    assert response.status_code == status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    html = response.content.decode()
    assert "Too large" in html and f"{size:,} bytes" in html


def test_body_within_the_limit_is_served(world):
    response = api_for(world.lead).post(
        reverse("api:article-batch"),
        {"project": world.project.pk, "jsonl": '{"body": "A short article body."}'},
        format="json",
    )
    assert response.status_code == status.HTTP_200_OK


def test_every_limit_in_the_readme_is_a_setting_read_from_the_environment():
    """The README's Limits table names each limit's variable; settings.py must read each one."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Limits\n", 1)[1].split("\n## ", 1)[0]
    names = re.findall(r"^\| `([A-Z_]+)`", section, flags=re.M)
    assert len(names) >= 20, names
    settings_source = (root / "workbench" / "settings.py").read_text(encoding="utf-8")
    unread = [name for name in names if f'"{name}"' not in settings_source]
    assert not unread, f"limits in the README that settings.py does not read: {unread}"
