"""Change history: who changed what and when, with values before and after, on every write path."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.annotations.history import annotation_history, entity_history
from workbench.annotations.models import Annotation, Entity, Evidence
from workbench.annotations.services import (
    annotation_create,
    annotation_delete,
    annotation_update,
    entity_create,
    entity_merge,
    entity_update,
    evidence_add,
    evidence_remove,
    source_get_or_create,
)

pytestmark = pytest.mark.django_db

BODY = "Knights said the strike was a clear escalation by the militias, the spokesman said."
HX = {"HX-Request": "true"}


def _span(text: str) -> dict:
    start = BODY.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


@pytest.fixture
def claim(world):
    article = ArticleFactory(
        project=world.project,
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    return annotation_create(
        article=article, author=world.reviewer, kind="claim", **_span("a clear escalation")
    )


def _changes(entry) -> dict:
    return {change.field: (change.before, change.after) for change in entry.changes}


def test_history_records_creation_with_user_time_and_values(world, claim):
    [entry] = annotation_history(user=world.viewer, annotation_id=claim.pk)
    assert (entry.user, entry.action, entry.subject) == ("reviewer", "created", "the annotation")
    assert entry.date is not None
    assert _changes(entry)["Exact"] == ("", "a clear escalation")
    assert _changes(entry)["Kind"] == ("", "Claim")


def test_history_records_a_verdict_change_before_and_after(world, claim):
    annotation_update(annotation=claim, actor=world.reviewer, version=1, verdict="False")
    annotation_update(annotation=claim, actor=world.lead, version=2, verdict="Mostly false")
    entries = annotation_history(user=world.reviewer, annotation_id=claim.pk)
    assert [(e.user, e.action) for e in entries] == [
        ("reviewer", "created"),
        ("reviewer", "changed"),
        ("lead", "changed"),
    ]
    assert _changes(entries[1]) == {"Verdict": ("", "False")}
    assert _changes(entries[2]) == {"Verdict": ("False", "Mostly false")}
    assert entries[1].date <= entries[2].date


def test_history_records_evidence_added_and_removed(world, claim):
    source = source_get_or_create(team=world.team, actor=world.reviewer, title="Drone report")
    evidence = evidence_add(claim=claim, actor=world.reviewer, source=source, stance="refutes")
    evidence_remove(evidence=evidence, actor=world.lead)
    entries = annotation_history(user=world.viewer, annotation_id=claim.pk)
    added, removed = entries[1:]
    assert (added.user, added.action, added.subject) == (
        "reviewer",
        "added",
        "source “Drone report”",
    )
    assert _changes(added)["Stance"] == ("", "Refutes")
    assert (removed.user, removed.action) == ("lead", "removed")
    assert _changes(removed)["Stance"] == ("Refutes", "")


def test_deleting_an_annotation_names_the_actor_for_its_cascaded_evidence(world, claim):
    source = source_get_or_create(team=world.team, actor=None, title="Report")
    evidence_add(claim=claim, actor=world.reviewer, source=source, stance="supports")
    annotation_delete(annotation=claim, actor=world.lead, version=1)
    gone = Evidence.history.filter(claim_id=claim.pk, history_type="-").get()
    assert gone.history_user == world.lead
    assert Annotation.history.get(id=claim.pk, history_type="-").history_user == world.lead


def test_history_records_entity_rename(world):
    entity = entity_create(team=world.team, actor=world.reviewer, name="Knights")
    entity_update(
        entity=entity, actor=world.lead, name="Michael Knights", kind="person", aliases=["Knights"]
    )
    entries = entity_history(user=world.viewer, entity_id=entity.pk)
    assert [(e.user, e.action) for e in entries] == [("reviewer", "created"), ("lead", "changed")]
    assert _changes(entries[1]) == {
        "Name": ("Knights", "Michael Knights"),
        "Aliases": ("", "Knights"),
    }


def test_history_records_a_merge_on_both_entities_and_the_repointed_annotations(world):
    article = ArticleFactory(
        project=world.project,
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    keep = entity_create(team=world.team, actor=None, name="Michael Knights")
    merge = entity_create(team=world.team, actor=None, name="M. Knights")
    quote = annotation_create(
        article=article, author=world.reviewer, kind="quote", **_span("the strike"), speaker=merge
    )
    merge_id = merge.pk
    entity_merge(keep=keep, merge=merge, actor=world.lead)
    kept = entity_history(user=world.lead, entity_id=keep.pk)[-1]
    assert (kept.user, kept.action, kept.reason) == (
        "lead",
        "changed",
        "Merged “M. Knights” into it",
    )
    assert _changes(kept) == {"Aliases": ("", "M. Knights")}
    merged = Entity.history.get(id=merge_id, history_type="-")
    assert merged.history_user == world.lead
    assert merged.history_change_reason == "Merged into “Michael Knights”"
    entry = annotation_history(user=world.lead, annotation_id=quote.pk)[-1]
    assert (entry.user, entry.action, entry.reason) == (
        "lead",
        "changed",
        "Speaker “M. Knights” merged",
    )
    # The merged entity is gone; the history still names it.
    assert _changes(entry) == {"Speaker": ("M. Knights", "Michael Knights")}


def test_api_token_writes_record_the_token_user(world, claim):
    api = api_for(world.reviewer)
    url = reverse("api:annotation-detail", args=[claim.pk])
    response = api.patch(url, {"verdict": "False", "version": 1}, format="json")
    assert response.status_code == status.HTTP_200_OK
    assert Annotation.history.filter(id=claim.pk).latest().history_user == world.reviewer


def test_browser_writes_record_the_logged_in_user(world, claim):
    client = client_for(world.reviewer)
    url = reverse("annotations:annotation_edit", args=[claim.pk])
    response = client.post(url, {"version": 1, "verdict": "False"}, headers=HX)
    assert response.status_code == 200
    entry = annotation_history(user=world.reviewer, annotation_id=claim.pk)[-1]
    assert (entry.user, _changes(entry)) == ("reviewer", {"Verdict": ("", "False")})


# --- the tab, the entity page, the API --------------------------------------------------------


def test_history_tab_ladder(world, claim, client):
    url = reverse("annotations:annotation_history", args=[claim.pk])
    response = client.get(url, headers=HX)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert client_for(world.outsider).get(url, headers=HX).status_code == 404
    for user in (world.lead, world.reviewer, world.viewer):
        response = client_for(user).get(url, headers=HX)
        assert response.status_code == 200
        assert "data-history" in response.content.decode()
    page = client_for(world.viewer).get(url)
    assert page.status_code == 200
    assert "<html" in page.content.decode()


def test_history_tab_shows_who_and_before_after(world, claim):
    annotation_update(annotation=claim, actor=world.lead, version=1, verdict="False")
    url = reverse("annotations:annotation_history", args=[claim.pk])
    html = client_for(world.viewer).get(url, headers=HX).content.decode()
    assert "<html" not in html
    assert "<strong>lead</strong> changed the annotation" in html
    assert '<th scope="row">Verdict</th>' in html
    assert '<td class="after">False</td>' in html


def test_panel_links_the_history_tab(world, claim):
    url = reverse("annotations:annotation_detail", args=[claim.pk])
    html = client_for(world.viewer).get(url, headers=HX).content.decode()
    assert reverse("annotations:annotation_history", args=[claim.pk]) in html


def test_history_escapes_user_text(world, claim):
    annotation_update(annotation=claim, actor=world.reviewer, version=1, rationale=XSS)
    source = source_get_or_create(team=world.team, actor=None, title=XSS)
    evidence_add(claim=claim, actor=world.reviewer, source=source, stance="context", note=XSS)
    entity = entity_create(team=world.team, actor=None, name="Plain")
    entity_update(entity=entity, actor=world.lead, name=XSS, kind="person", aliases=[XSS])
    pages = [
        reverse("annotations:annotation_history", args=[claim.pk]),
        reverse("annotations:entity_history", args=[entity.pk]),
    ]
    for url in pages:
        html = client_for(world.viewer).get(url, headers=HX).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;" in html


def test_history_tab_query_count_is_bounded(world, claim, django_assert_max_num_queries):
    for version in range(1, 21):
        annotation_update(
            annotation=claim, actor=world.reviewer, version=version, rationale=f"take {version}"
        )
    for n in range(5):
        source = source_get_or_create(team=world.team, actor=None, title=f"Source {n}")
        evidence_add(claim=claim, actor=world.reviewer, source=source, stance="supports")
    client = client_for(world.viewer)
    url = reverse("annotations:annotation_history", args=[claim.pk])
    with django_assert_max_num_queries(10):
        response = client.get(url, headers=HX)
    assert response.content.decode().count('class="history-entry') == 26


def test_entity_history_ladder_and_page_link(world, client):
    entity = entity_create(team=world.team, actor=world.lead, name="Knights")
    url = reverse("annotations:entity_history", args=[entity.pk])
    assert client.get(url, headers=HX).status_code == 302
    assert client_for(world.outsider).get(url, headers=HX).status_code == 404
    response = client_for(world.viewer).get(url, headers=HX)
    assert response.status_code == 200
    assert "<strong>lead</strong> created the entity" in response.content.decode()
    detail = client_for(world.viewer).get(entity.get_absolute_url()).content.decode()
    assert url in detail


def test_api_history_ladder_and_shape(world, claim):
    annotation_update(annotation=claim, actor=world.lead, version=1, verdict="False")
    url = reverse("api:annotation-history", args=[claim.pk])
    assert api_for(None).get(url).status_code == status.HTTP_401_UNAUTHORIZED
    assert api_for(world.outsider).get(url).status_code == status.HTTP_404_NOT_FOUND
    response = api_for(world.viewer).get(url)
    assert response.status_code == status.HTTP_200_OK
    created, changed = response.json()
    assert created["action"] == "created"
    assert changed["user"] == "lead"
    assert changed["changes"] == [{"field": "Verdict", "before": "", "after": "False"}]
