"""Revisions over the API: anchor state on annotations, saves on an older revision refused."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import BODY, span
from workbench.annotations.revisions import revision_add

pytestmark = pytest.mark.django_db


def test_annotation_carries_revision_and_anchor_state(world, desk, api):
    revision_add(article=desk.article, text="Breaking.\n\n" + BODY, origin="fetch", by=world.lead)
    detail = api("reviewer").get(reverse("api:annotation-detail", args=[desk.quote.pk])).json()
    assert (detail["revision"], detail["anchor_state"], detail["anchor_score"]) == (
        2,
        "exact",
        None,
    )
    listed = api("reviewer").get(reverse("api:annotation-list")).json()["results"]
    assert {a["revision"] for a in listed} == {2}
    article = api("viewer").get(reverse("api:article-detail", args=[desk.article.pk])).json()
    assert article["revision"] == 2


def test_annotation_save_on_an_older_revision_is_409(world, desk, api):
    revision_add(article=desk.article, text="Breaking.\n\n" + BODY, origin="fetch", by=world.lead)
    desk.claim.refresh_from_db()
    url = reverse("api:annotation-detail", args=[desk.claim.pk])
    stale = api("reviewer").patch(
        url, {"rationale": "x", "version": desk.claim.version, "revision": 1}, format="json"
    )
    assert stale.status_code == status.HTTP_409_CONFLICT
    assert stale.json()["code"] == "stale_revision" and stale.json()["revision"] == 2
    body = {"article": desk.article.pk, "kind": "claim", **span("a spokesman said")}
    body["start"] += len("Breaking.\n\n")
    body["end"] += len("Breaking.\n\n")
    # A new annotation needs no revision: its span is checked against the current text.
    fresh = api("reviewer").post(reverse("api:annotation-list"), body, format="json")
    assert fresh.status_code == status.HTTP_201_CREATED, fresh.json()
    assert fresh.json()["revision"] == 2


def test_annotation_of_an_outsider_stays_hidden_after_a_revision(world, desk, api):
    revision_add(article=desk.article, text="Breaking.\n\n" + BODY, origin="fetch", by=world.lead)
    url = reverse("api:annotation-detail", args=[desk.claim.pk])
    assert api("outsider").get(url).status_code == status.HTTP_404_NOT_FOUND
    patch = api("outsider").patch(
        url, {"rationale": "x", "revision": 2, "version": 9}, format="json"
    )
    assert patch.status_code == status.HTTP_404_NOT_FOUND
