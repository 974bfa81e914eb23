"""Exports obey the annotation list's visibility: no format, by any path, shows a blind draft.

Every member of the team may export (lead, reviewer, viewer) and gets what their annotation
list shows; an outsider finds no project (404), anonymous is refused; the command line is the
operator's and exports everything unless `--as USERNAME` names whose view to export.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from rest_framework import status

from tests.api.conftest import api_for
from tests.conftest import client_for
from tests.review.conftest import article_with, claim, review  # noqa: F401
from workbench.annotations.models import Annotation
from workbench.annotations.revisions import revision_add
from workbench.exports.management.commands import export
from workbench.review.services import article_submit, assignment_create

pytestmark = pytest.mark.django_db

FORMATS = ["jsonl", "csv", "w3c", "claimreview"]
MINE, THEIRS, OPEN = b"Verdict-Mine", b"Verdict-Theirs", b"Verdict-Open"
# JSON Lines repeats the project's scale on every line: not an annotation's verdict.
SCALE = b'"rating_scale":["Verdict-Open","Verdict-Mine","Verdict-Theirs"]'
NO_SCALE = b'"rating_scale":[]'


@pytest.fixture
def blind(review):  # noqa: F811
    """Two reviewers annotate one article blind; the lead's approved claim sits on another."""
    project = review.project
    project.rating_scale = ["Verdict-Open", "Verdict-Mine", "Verdict-Theirs"]
    project.save()
    review.a = assignment_create(
        article=review.article, reviewer=review.reviewer, actor=review.lead
    )
    review.b = assignment_create(article=review.article, reviewer=review.second, actor=review.lead)
    claim(review.article, review.reviewer, verdict="Verdict-Mine", rationale="my reasons")
    claim(review.article, review.second, verdict="Verdict-Theirs", rationale="their reasons")
    other = article_with(project, body="The Pentagon confirmed that 3 drones were used.")
    start = other.body.index("3 drones")
    done = Annotation.objects.create(
        article=other,
        kind="claim",
        start=start,
        end=start + 8,
        exact="3 drones",
        annotator=review.lead,
        verdict="Verdict-Open",
    )
    Annotation.objects.filter(pk=done.pk).update(status="approved")
    return review


def _query(fmt: str) -> dict:
    # ClaimReview publishes approved claims only unless asked: ask, so drafts would show.
    return (
        {"format": fmt, "include_unapproved": "true"} if fmt == "claimreview" else {"format": fmt}
    )


def _api(user, project, fmt: str) -> bytes:
    response = api_for(user).get(reverse("api:project-export", args=[project.pk]), _query(fmt))
    assert response.status_code == status.HTTP_200_OK
    return b"".join(response.streaming_content).replace(SCALE, NO_SCALE)


def _ui(user, project, fmt: str) -> bytes:
    """Download as the project page's *Download export* form does, with the session cookie."""
    client = client_for(user)
    page = client.get(project.get_absolute_url()).content.decode()
    action = re.search(r'<form class="filters export-form" method="get" action="([^"]+)"', page)
    assert action, "the project page offers every member the Download export form"
    response = client.get(action.group(1), _query(fmt))
    assert response.status_code == 200
    return b"".join(response.streaming_content).replace(SCALE, NO_SCALE)


def _cli(user, project, fmt: str) -> bytes:
    out = io.StringIO()
    args = ["--project", project.slug, "--format", fmt]
    if fmt == "claimreview":
        args.append("--include-unapproved")
    if user is not None:
        args += ["--as", user.username]
    call_command(export.Command(), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue().encode().replace(SCALE, NO_SCALE)


PATHS = {"api": _api, "ui": _ui, "cli": _cli}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", PATHS)
def test_no_export_shows_a_blind_draft_to_anyone_else(blind, fmt, path):
    download = PATHS[path]
    project = blind.project
    mine = download(blind.reviewer, project, fmt)
    assert MINE in mine and THEIRS not in mine and OPEN in mine
    theirs = download(blind.second, project, fmt)
    assert THEIRS in theirs and MINE not in theirs
    for user in (blind.lead, blind.viewer):
        data = download(user, project, fmt)
        assert MINE not in data and THEIRS not in data and OPEN in data


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", PATHS)
def test_exports_show_submitted_work_when_the_list_does(blind, fmt, path):
    download = PATHS[path]
    article_submit(assignment=blind.a, actor=blind.reviewer)
    for user in (blind.lead, blind.viewer):
        data = download(user, blind.project, fmt)
        assert MINE in data and THEIRS not in data
    # The co-reviewer still owes work: the submitted version stays hidden from them.
    assert MINE not in download(blind.second, blind.project, fmt)
    article_submit(assignment=blind.b, actor=blind.second)
    for user in (blind.lead, blind.viewer, blind.reviewer, blind.second):
        data = download(user, blind.project, fmt)
        assert MINE in data and THEIRS in data


def test_jsonl_ids_leave_no_gap_where_a_draft_is_hidden(blind):
    lines = [json.loads(line) for line in _api(blind.viewer, blind.project, "jsonl").splitlines()]
    article = next(line for line in lines if line["title"] == blind.article.title)
    assert article["annotations"] == []
    mine = [json.loads(x) for x in _api(blind.reviewer, blind.project, "jsonl").splitlines()]
    article = next(line for line in mine if line["title"] == blind.article.title)
    assert [a["id"] for a in article["annotations"]] == [1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_operator_cli_exports_everything(blind, fmt):
    data = _cli(None, blind.project, fmt)
    assert MINE in data and THEIRS in data and OPEN in data


@pytest.mark.parametrize("fmt", FORMATS)
def test_outsiders_and_anonymous_get_no_export(blind, fmt):
    url = reverse("api:project-export", args=[blind.project.pk])
    assert api_for(blind.outsider).get(url, _query(fmt)).status_code == status.HTTP_404_NOT_FOUND
    assert client_for(blind.outsider).get(url, _query(fmt)).status_code == 404
    anonymous = Client().get(url, _query(fmt))
    assert anonymous.status_code in (status.HTTP_401_UNAUTHORIZED, status.HTTP_403_FORBIDDEN)
    assert MINE not in anonymous.content and THEIRS not in anonymous.content
    with pytest.raises(CommandError, match="Only members"):
        _cli(blind.outsider, blind.project, fmt)
    with pytest.raises(CommandError, match="No active user"):
        call_command(
            export.Command(),
            *["--project", blind.project.slug, "--format", fmt, "--as", "nobody"],
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )


@pytest.mark.parametrize("fmt", FORMATS)
def test_orphaned_blind_drafts_stay_hidden_and_own_orphans_stay(blind, fmt):
    # A new revision without their words orphans both reviewers' claims: each still sees only
    # their own, now as an orphan, and nobody else sees either.
    revision_add(
        article=blind.article, text="An entirely different text now.", origin="paste", by=None
    )
    assert set(
        Annotation.objects.filter(article=blind.article).values_list("anchor_state", flat=True)
    ) == {"orphaned"}
    mine = _api(blind.reviewer, blind.project, fmt)
    assert MINE in mine and THEIRS not in mine
    theirs = _api(blind.second, blind.project, fmt)
    assert THEIRS in theirs and MINE not in theirs
    for user in (blind.lead, blind.viewer):
        data = _api(user, blind.project, fmt)
        assert MINE not in data and THEIRS not in data and OPEN in data
