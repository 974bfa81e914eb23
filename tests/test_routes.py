"""The route table: every URL and API route, with the answer each kind of user gets.

Every (route name, HTTP method) of the URLconf is a key of TABLE, so a new route without a row
fails `test_every_route_has_a_row`, which names it. For each row, `test_route_answers_each_role`
uses a world (tests/route_world.py: two teams, a project, articles with a reviewer's
annotations, entities, sources, assignments, an adjudication, a token; built once for the
module), then requests the route once as each of five users, each in its own savepoint so that
one user's write does not change what the next one, or the next test, sees:

    anonymous   no session (HTML: 302 to the login page; API: 401)
    outsider    a lead of another team (404 for anything of this team)
    viewer, reviewer, lead   members of the team

and asserts, for every request:
- the status is the row's;
- a write (POST, PUT, PATCH, DELETE) that is refused (any 4xx, or the login redirect) changed
  no row in any table of the workbench;
- every HTML response carries `Vary: HX-Request` (issue 14, item 10: one URL answers a full
  page or an htmx fragment, and the browser must not restore one for the other). The lead's GET
  is also sent as htmx (`HX-Request: true`) and checked the same way. The rule holds for every
  HTML response (workbench.http.VaryOnHtmxMiddleware), so it needs no column.

How to add a row (when the suite names a route without one):
1. Find the route's name and method in the failure, e.g. `('review:foo', 'POST')`.
2. Add `("review:foo", "POST"): Row("login 404 403 403 302", data=...)` to TABLE below, in
   the section of its app. The five answers are, in order, anonymous, outsider, viewer,
   reviewer, lead: an HTTP status, or `login` for the 302 to the login page. Use the shortcuts
   (PAGE, WRITER_PAGE, API_READ, ...) when one fits.
3. URL keywords are filled from the world by their names (route_world.PARAMS, and API_PKS for
   an API `pk` by router basename); pass `kwargs=lambda w: {...}` to name other objects.
   `data=lambda w: {...}` is the form (HTML) or JSON body (API) sent; `query` is appended.
4. If the route needs an object the world lacks, add it in route_world.build_world (and a new
   URL keyword, e.g. `<int:invitation_id>`, to route_world.PARAMS).
The admin's own routes (`admin/`) are left out of the walk; `test_admin_is_for_staff_only`
stands for them.
5. `500-known` records a known server error (in another area, being fixed) so the walk goes
   on; an unexpected 500 fails as "got 500-known". Never use it for a new route. (No row
   needs it today.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType, SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import include, path, reverse
from django.views.decorators.http import require_http_methods, require_POST
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from tests.conftest import client_for, make_world
from tests.factories import UserFactory
from tests.route_world import (
    WRITE_METHODS,
    build_world,
    changed_tables,
    default_kwargs,
    enumerate_routes,
    openapi_path,
    snapshot,
    span,
)
from workbench.accounts.models import Invitation
from workbench.accounts.services import invitation_token

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "viewer", "reviewer", "lead")


@dataclass(frozen=True)
class Row:
    expect: str  # five answers: anonymous outsider viewer reviewer lead
    data: Callable | None = None  # w -> form data (HTML) or JSON body (API)
    kwargs: Callable | None = None  # w -> URL keywords, when not the defaults
    query: str = ""

    def answers(self) -> dict[str, str]:
        answers = self.expect.split()
        assert len(answers) == len(ROLES), f"{self.expect!r}: give one answer per role"
        return dict(zip(ROLES, answers, strict=True))


# Shortcuts for the common ladders.
PAGE = Row("login 404 200 200 200")  # a page of this team's: every member reads it
OWN_PAGE = Row("login 200 200 200 200")  # no id in the URL: each user sees their own team's
WRITER_PAGE = Row("login 404 403 200 200")  # a form for leads and reviewers
LEAD_PAGE = Row("login 404 403 403 200")
API_READ = Row("401 404 200 200 200")
API_OWN = Row("401 200 200 200 200")
PUBLIC = Row("200 200 200 200 200")
OFF = Row("404 404 404 404 404")  # a feature switched off by default


def _join(w) -> dict[str, object]:
    return {
        "invitation_id": w.invitation.pk,
        "token": invitation_token(invitation=Invitation.objects.get(pk=w.invitation.pk)),
    }


def _upload() -> SimpleUploadedFile:
    text = b"A paragraph long enough to be an article body, uploaded for the route table."
    return SimpleUploadedFile("article.txt", text, content_type="text/plain")


def _claimreview_upload() -> SimpleUploadedFile:
    text = b'{"@type": "ClaimReview", "url": "https://c.example/up", "claimReviewed": "Up"}'
    return SimpleUploadedFile("reviews.json", text, content_type="application/json")


TABLE: dict[tuple[str, str], Row] = {
    # --- Django's accounts views (login, logout, password) -------------------------------------
    ("login", "GET"): PUBLIC,
    ("login", "POST"): PUBLIC,  # no credentials sent: the form again, with its errors
    ("login", "PUT"): PUBLIC,
    ("logout", "POST"): Row("login login login login login"),  # logged out, to the login page
    ("password_change", "GET"): Row("login 200 200 200 200"),
    ("password_change", "POST"): Row("login 200 200 200 200"),  # wrong old password: the form
    ("password_change", "PUT"): Row("login 200 200 200 200"),
    ("password_change_done", "GET"): Row("login 200 200 200 200"),
    # Password reset is off unless e-mail is configured (WORKBENCH_PASSWORD_RESET): every page
    # is a 404 here; tests/accounts/test_password_reset.py walks them switched on.
    ("password_reset", "GET"): OFF,
    ("password_reset", "POST"): OFF,
    ("password_reset", "PUT"): OFF,
    ("password_reset_done", "GET"): OFF,
    ("password_reset_confirm", "GET"): OFF,
    ("password_reset_confirm", "POST"): OFF,
    ("password_reset_confirm", "PUT"): OFF,
    ("password_reset_complete", "GET"): OFF,
    ("favicon", "GET"): PUBLIC,
    # --- accounts: tokens, team switch, members -----------------------------------------------
    ("accounts:token_list", "GET"): OWN_PAGE,
    ("accounts:token_create", "POST"): Row("login 200 200 200 200", data=lambda w: {"name": "t"}),
    ("accounts:token_revoke", "POST"): Row("login 404 404 404 302"),  # the lead's own token
    ("accounts:team_switch", "POST"): Row(
        "login 404 302 302 302", data=lambda w: {"team": w.team.pk}
    ),
    ("accounts:member_list", "GET"): PAGE,
    # Invitations: a lead invites; only the invitee answers (anyone else: 404); the newcomer's
    # one-time link is public. `invitation` is a newcomer's to this team, `invited_viewer` the
    # viewer's to the other team.
    ("accounts:invitation_create", "POST"): Row(
        "login 404 403 403 302",
        data=lambda w: {"username": "newcomer", "email": "new@example.org", "role": "viewer"},
    ),
    ("accounts:invitation_cancel", "POST"): Row("login 404 403 403 302"),
    ("accounts:invitation_list", "GET"): OWN_PAGE,
    ("accounts:invitation_accept", "POST"): Row(
        "login 404 302 404 404", kwargs=lambda w: {"invitation_id": w.invited_viewer.pk}
    ),
    ("accounts:invitation_decline", "POST"): Row(
        "login 404 302 404 404", kwargs=lambda w: {"invitation_id": w.invited_viewer.pk}
    ),
    ("accounts:invitation_join", "GET"): Row("200 200 200 200 200", kwargs=lambda w: _join(w)),
    ("accounts:invitation_join", "POST"): Row("200 200 200 200 200", kwargs=lambda w: _join(w)),
    ("accounts:member_role", "POST"): Row("login 404 403 403 302", data=lambda w: {"role": "lead"}),
    ("accounts:member_remove", "POST"): Row("login 404 403 403 302"),
    # --- articles: projects, import, the article ----------------------------------------------
    ("articles:project_list", "GET"): OWN_PAGE,
    ("articles:project_create", "GET"): Row("login 200 403 403 200"),
    ("articles:project_create", "POST"): Row(
        "login 302 403 403 302",
        data=lambda w: {"name": "New desk project", "slug": "new-desk", "rating_scale": "A\nB"},
    ),
    ("articles:project_detail", "GET"): PAGE,
    ("articles:project_edit", "GET"): LEAD_PAGE,
    ("articles:project_edit", "POST"): Row(
        "login 404 403 403 302",
        data=lambda w: {"name": "Renamed", "slug": w.project.slug, "rating_scale": "A\nB"},
    ),
    ("articles:article_import", "GET"): WRITER_PAGE,
    ("articles:import_paste", "POST"): Row(
        "login 404 403 302 302",
        data=lambda w: {
            "text": "A fresh paragraph long enough to be an article body, for the test."
        },
    ),
    ("articles:import_upload", "POST"): Row(
        "login 404 403 200 200", data=lambda w: {"files": _upload()}
    ),
    ("articles:import_url", "POST"): Row(
        "login 404 403 400 400", data=lambda w: {"url": "http://127.0.0.1/private"}
    ),
    ("articles:import_jsonl", "POST"): Row(
        "login 404 403 200 200",
        data=lambda w: {"text": '{"title": "T", "body": "A body of one sentence, for the test."}'},
    ),
    ("articles:article_detail", "GET"): PAGE,
    ("articles:article_edit", "GET"): WRITER_PAGE,
    ("articles:article_edit", "POST"): Row(
        "login 404 403 302 302", data=lambda w: {"title": "A better title"}
    ),
    ("articles:article_move_line", "POST"): Row(
        "login 404 403 200 200",
        kwargs=lambda w: {"article_id": w.plain.pk},
        data=lambda w: {"line": 0, "to": "removed", "checksum": w.plain.checksum},
    ),
    ("articles:article_revision_add", "POST"): Row(
        "login 404 403 302 302",
        data=lambda w: {"text": w.article.body + "\n\nCorrection: one line added.", "revision": 1},
    ),
    ("articles:article_revision_diff", "GET"): PAGE,
    ("articles:article_revision_form", "GET"): WRITER_PAGE,
    ("articles:article_lines", "GET"): PAGE,
    ("articles:article_revision_detail", "GET"): Row(
        "login 404 200 200 200", kwargs=lambda w: {"article_id": w.article.pk, "number": 1}
    ),
    # The world's articles have no URL: a writer is told so (400).
    ("articles:article_refetch", "POST"): Row("login 404 403 400 400"),
    # --- annotations: the reader's panel ------------------------------------------------------
    ("annotations:annotation_new", "POST"): Row(
        "login 404 403 200 200", data=lambda w: {"kind": "claim", **span("Michael Knights said")}
    ),
    ("annotations:annotation_create", "POST"): Row(
        "login 404 403 302 302", data=lambda w: {"kind": "claim", **span("Michael Knights said")}
    ),
    ("annotations:entity_search", "GET"): PAGE,
    ("annotations:entity_quick_create", "POST"): Row(
        "login 404 403 200 200",
        data=lambda w: {"q": "Ali Hassan", "kind": "person", "field": "speaker"},
    ),
    ("annotations:source_search", "GET"): PAGE,
    ("annotations:annotation_detail", "GET"): PAGE,
    # The reviewer's own claim; the lead may edit anyone's.
    ("annotations:annotation_edit", "GET"): WRITER_PAGE,
    ("annotations:annotation_edit", "POST"): Row(
        "login 404 403 302 302",
        data=lambda w: {
            "kind": "claim",
            **span("3 drones were used"),
            "verdict": "True",
            "checkworthy": "yes",
            "version": w.claim.version,
        },
    ),
    ("annotations:annotation_replace", "POST"): Row(
        "login 404 403 302 302",
        data=lambda w: {
            **{f"span_{key}": value for key, value in span("3 drones were used").items()},
            "version": w.claim.version,
        },
    ),
    ("annotations:annotation_delete", "POST"): Row(
        "login 404 403 302 302", data=lambda w: {"version": w.claim.version}
    ),
    ("annotations:evidence_add", "POST"): Row(
        "login 404 403 200 200", data=lambda w: {"source": w.other_source.pk, "stance": "refutes"}
    ),
    ("annotations:evidence_remove", "POST"): Row("login 404 403 200 200"),
    ("annotations:comment_add", "POST"): Row(
        "login 404 403 200 200", data=lambda w: {"text": "Agreed."}
    ),
    ("annotations:annotation_history", "GET"): PAGE,
    # --- annotations: the entity registry ------------------------------------------------------
    ("annotations:entity_list", "GET"): OWN_PAGE,
    ("annotations:entity_create", "GET"): Row("login 200 403 200 200"),
    ("annotations:entity_create", "POST"): Row(
        "login 302 403 302 302", data=lambda w: {"name": "Ali Hassan", "kind": "person"}
    ),
    ("annotations:entity_detail", "GET"): PAGE,
    ("annotations:entity_edit", "GET"): WRITER_PAGE,
    ("annotations:entity_edit", "POST"): Row(
        "login 404 403 302 302", data=lambda w: {"name": "Michael Knights", "kind": "person"}
    ),
    ("annotations:entity_merge", "GET"): LEAD_PAGE,
    ("annotations:entity_merge_confirm", "GET"): LEAD_PAGE,
    ("annotations:entity_merge_confirm", "POST"): Row("login 404 403 403 302"),
    ("annotations:entity_history", "GET"): PAGE,
    # --- review --------------------------------------------------------------------------------
    ("review:queue", "GET"): OWN_PAGE,
    ("review:next_article", "GET"): Row("login 302 302 302 302"),
    ("review:heartbeat", "POST"): Row(
        "login 404 403 204 204", data=lambda w: {"article": w.article.pk}
    ),
    ("review:assign", "GET"): LEAD_PAGE,
    ("review:assign", "POST"): Row(
        "login 404 403 403 302",
        data=lambda w: {"reviewers": [w.second.pk], "k": 1, "strategy": "round_robin"},
    ),
    ("review:assignment_create", "POST"): Row(
        "login 404 403 403 302", data=lambda w: {"reviewer": w.second.pk}
    ),
    ("review:article_review", "GET"): PAGE,
    ("review:assignment_remove", "POST"): Row("login 404 403 403 302"),
    ("review:assignment_submit", "POST"): Row(
        "login 404 403 302 403", data=lambda w: {"version": w.assignment.version}
    ),
    ("review:assignment_approve", "POST"): Row(
        "login 404 403 403 302",
        kwargs=lambda w: {"assignment_id": w.submitted.pk},
        data=lambda w: {"version": w.submitted.version},
    ),
    ("review:assignment_reject", "POST"): Row(
        "login 404 403 403 302",
        kwargs=lambda w: {"assignment_id": w.submitted.pk},
        data=lambda w: {"version": w.submitted.version, "comment": "Mark the claim too."},
    ),
    ("review:adjudicate", "GET"): Row(
        "login 404 403 403 200", kwargs=lambda w: {"article_id": w.decided.pk}
    ),
    ("review:adjudication_accept", "POST"): Row(
        "login 404 403 403 302",
        kwargs=lambda w: {"article_id": w.decided.pk},
        data=lambda w: {"annotation": w.mine.pk},
    ),
    ("review:adjudication_merge", "POST"): Row(
        "login 404 403 403 302",
        kwargs=lambda w: {"article_id": w.decided.pk},
        data=lambda w: {"annotations": [w.mine.pk]},
    ),
    ("review:adjudication_finish", "POST"): Row(
        "login 404 403 403 302",
        kwargs=lambda w: {"article_id": w.decided.pk},
        data=lambda w: {f"v-{a.pk}": a.version for a in (w.submitted, w.other)},
    ),
    ("review:adjudication_undo", "POST"): Row("login 404 403 403 302"),
    ("review:agreement", "GET"): LEAD_PAGE,
    ("review:dashboard", "GET"): PAGE,
    ("review:attention", "GET"): Row("login 200 403 403 200"),
    # --- suggestions ---------------------------------------------------------------------------
    ("suggest:suggestion_list", "GET"): PAGE,
    ("suggest:sentence_list", "GET"): PAGE,
    ("suggest:suggestion_accept", "POST"): Row(
        "login 404 403 200 200", data=lambda w: {"token": "not-a-signed-suggestion"}
    ),
    ("suggest:suggestion_reject", "POST"): Row(
        "login 404 403 200 200", data=lambda w: {"token": "not-a-signed-suggestion"}
    ),
    ("suggest:suggestion_accept_all", "POST"): Row(
        "login 404 403 403 200", data=lambda w: {"min_score": 0.9}
    ),
    # --- search --------------------------------------------------------------------------------
    ("search:search", "GET"): Row("login 200 200 200 200", query="?q=drones"),
    # --- the API: schema and docs --------------------------------------------------------------
    ("api:schema", "GET"): API_OWN,
    ("api:docs", "GET"): Row("login 200 200 200 200"),
    ("api:api-root", "GET"): API_OWN,
    # --- the API: teams, projects --------------------------------------------------------------
    ("api:team-list", "GET"): API_OWN,
    ("api:team-detail", "GET"): API_READ,
    ("api:project-list", "GET"): API_OWN,
    ("api:project-list", "POST"): Row(
        "401 201 403 403 201",
        data=lambda w: {"name": "Via API", "slug": "via-api", "rating_scale": ["A", "B"]},
    ),
    ("api:project-detail", "GET"): API_READ,
    ("api:project-detail", "PUT"): Row(
        "401 404 403 403 200",
        data=lambda w: {"name": "Renamed", "slug": w.project.slug, "rating_scale": ["A", "B"]},
    ),
    ("api:project-detail", "PATCH"): Row("401 404 403 403 200", data=lambda w: {"name": "Renamed"}),
    ("api:project-export", "GET"): Row("401 404 200 200 200", query="?format=jsonl"),
    # --- the API: articles ---------------------------------------------------------------------
    ("api:article-list", "GET"): API_OWN,
    ("api:article-list", "POST"): Row(
        "401 400 403 201 201",
        data=lambda w: {
            "project": w.project.pk,
            "text": "A fresh paragraph long enough to be a body.",
        },
    ),
    ("api:article-batch", "POST"): Row(
        "401 400 403 200 200",
        data=lambda w: {
            "project": w.project.pk,
            "jsonl": '{"title": "T", "body": "One sentence body."}',
        },
    ),
    ("api:article-detail", "GET"): API_READ,
    ("api:article-sentences", "GET"): API_READ,
    ("api:article-detail", "PUT"): Row("401 404 403 200 200", data=lambda w: {"title": "Better"}),
    ("api:article-detail", "PATCH"): Row("401 404 403 200 200", data=lambda w: {"title": "Better"}),
    ("api:article-move-line", "POST"): Row(
        "401 404 403 200 200",
        kwargs=lambda w: {"pk": w.plain.pk},
        data=lambda w: {"line": 0, "to": "removed", "checksum": w.plain.checksum},
    ),
    ("api:article-revisions", "GET"): API_READ,
    ("api:article-revisions", "POST"): Row(
        "401 404 403 201 201",
        data=lambda w: {"text": w.article.body + "\n\nCorrection: one line added.", "revision": 1},
    ),
    ("api:article-revision-detail", "GET"): Row(
        "401 404 200 200 200", kwargs=lambda w: {"article_id": w.article.pk, "number": 1}
    ),
    ("api:article-revision-diff", "GET"): Row(
        "401 404 200 200 200", kwargs=lambda w: {"article_id": w.article.pk, "number": 1}
    ),
    # The world's articles have no URL: a writer is told so (400).
    ("api:article-refetch", "POST"): Row("401 404 403 400 400"),
    ("api:article-versions", "GET"): Row(
        "401 404 403 403 200", kwargs=lambda w: {"article_id": w.decided.pk}
    ),
    ("api:article-versions-approve", "POST"): Row(
        "401 404 403 403 200",
        kwargs=lambda w: {"article_id": w.decided.pk},
        data=lambda w: {"versions": {str(a.pk): a.version for a in (w.submitted, w.other)}},
    ),
    # --- the API: annotations ------------------------------------------------------------------
    ("api:annotation-list", "GET"): API_OWN,
    ("api:annotation-list", "POST"): Row(
        "401 400 403 201 201",
        data=lambda w: {"article": w.article.pk, "kind": "claim", **span("Michael Knights said")},
    ),
    ("api:annotation-detail", "GET"): API_READ,
    ("api:annotation-detail", "PUT"): Row(
        "401 404 403 200 200",
        data=lambda w: {
            **span("3 drones were used"),
            "verdict": "True",
            "version": w.claim.version,
        },
    ),
    ("api:annotation-detail", "PATCH"): Row(
        "401 404 403 200 200", data=lambda w: {"verdict": "True", "version": w.claim.version}
    ),
    ("api:annotation-detail", "DELETE"): Row("401 404 403 204 204", query="?version=1"),
    ("api:annotation-comments", "GET"): API_READ,
    ("api:annotation-comments", "POST"): Row(
        "401 404 403 201 201", data=lambda w: {"text": "Agreed."}
    ),
    ("api:annotation-evidence", "GET"): API_READ,
    ("api:annotation-evidence", "POST"): Row(
        "401 404 403 201 201", data=lambda w: {"source": w.other_source.pk, "stance": "refutes"}
    ),
    ("api:annotation-evidence-detail", "DELETE"): Row("401 404 403 204 204"),
    ("api:annotation-history", "GET"): API_READ,
    # --- the API: entities, sources ------------------------------------------------------------
    ("api:entity-list", "GET"): API_OWN,
    # No id in the URL: the outsider creates in their own team.
    ("api:entity-list", "POST"): Row("401 201 403 201 201", data=lambda w: {"name": "Ali Hassan"}),
    ("api:entity-detail", "GET"): API_READ,
    ("api:entity-detail", "PUT"): Row(
        "401 404 403 200 200", data=lambda w: {"name": "Michael Knights", "kind": "person"}
    ),
    ("api:entity-detail", "PATCH"): Row(
        "401 404 403 200 200", data=lambda w: {"description": "Analyst"}
    ),
    ("api:entity-merge", "POST"): Row(
        "401 404 403 403 200", data=lambda w: {"merge": w.pentagon.pk}
    ),
    ("api:source-list", "GET"): API_OWN,
    ("api:source-list", "POST"): Row(
        "401 201 403 201 201", data=lambda w: {"url": "https://example.org/new", "title": "New"}
    ),
    ("api:source-detail", "GET"): API_READ,
    # --- fact-checks and matches (issue 17) ----------------------------------------------------
    ("factchecks:factcheck_list", "GET"): PAGE,
    ("factchecks:factcheck_detail", "GET"): PAGE,
    ("factchecks:factcheck_import", "POST"): Row(
        "login 404 403 200 200", data=lambda w: {"file": _claimreview_upload()}
    ),
    ("factchecks:claim_matches", "GET"): PAGE,
    # Linked, then back to the claim's page (without htmx).
    ("factchecks:match_link", "POST"): Row(
        "login 404 403 302 302", data=lambda w: {"factcheck": w.factcheck.pk, "stance": "context"}
    ),
    ("factchecks:checked_marks", "GET"): Row(
        "login 404 200 200 200", query="?ids=1,2,3", kwargs=lambda w: {"project_id": w.project.pk}
    ),
    ("factchecks:selection_matches", "GET"): Row("login 404 200 200 200", query="?text=strike"),
    # --- the API: fact-checks and matches (issue 17) -------------------------------------------
    ("api:factcheck-list", "GET"): API_OWN,
    ("api:factcheck-detail", "GET"): API_READ,
    # The outsider names this team: unknown to them (400); a viewer may not import (403).
    ("api:factcheck-import", "POST"): Row(
        "401 400 403 200 200",
        data=lambda w: {
            "team": w.team.pk,
            "text": '{"@type": "ClaimReview", "url": "https://c.example/new", "claimReviewed": "x"}',
        },
    ),
    ("api:annotation-matches", "GET"): API_READ,
    ("api:matches", "POST"): Row(
        "401 400 200 200 200", data=lambda w: {"team": w.team.pk, "text": "strike commander"}
    ),
    # --- the API: assignments, adjudications ---------------------------------------------------
    ("api:assignment-list", "GET"): API_OWN,
    ("api:assignment-list", "POST"): Row(
        "401 400 403 403 201", data=lambda w: {"article": w.article.pk, "reviewer": w.second.pk}
    ),
    ("api:assignment-distribute", "POST"): Row(
        "401 400 403 403 201", data=lambda w: {"project": w.project.pk, "reviewers": [w.second.pk]}
    ),
    ("api:assignment-queue", "GET"): API_OWN,
    ("api:assignment-detail", "GET"): API_READ,
    ("api:assignment-detail", "DELETE"): Row("401 404 403 403 204"),
    ("api:assignment-submit", "POST"): Row(
        "401 404 403 200 403", data=lambda w: {"version": w.assignment.version}
    ),
    ("api:assignment-approve", "POST"): Row(
        "401 404 403 403 200",
        kwargs=lambda w: {"pk": w.submitted.pk},
        data=lambda w: {"version": w.submitted.version},
    ),
    ("api:assignment-reject", "POST"): Row(
        "401 404 403 403 200",
        kwargs=lambda w: {"pk": w.submitted.pk},
        data=lambda w: {"version": w.submitted.version, "comment": "Mark the claim too."},
    ),
    ("api:adjudication-list", "POST"): Row(
        "401 404 403 403 201", data=lambda w: {"annotations": [w.mine.pk]}
    ),
    ("api:adjudication-detail", "GET"): Row("401 404 403 403 200"),
    ("api:adjudication-detail", "DELETE"): Row("401 404 403 403 204"),
    # --- background jobs (issue 18): the world's job was started by the reviewer ----------------
    ("jobs:job_list", "GET"): OWN_PAGE,
    ("jobs:job_detail", "GET"): PAGE,
    ("jobs:job_cancel", "POST"): Row("login 404 403 302 302"),  # whoever started it, or a lead
    # Only whoever asked may download; this job has no file, so even they get a 404.
    ("jobs:job_download", "GET"): Row("login 404 403 404 403"),
    # A bad format: no job is started, and no file written (any member may export).
    ("jobs:export_start", "POST"): Row("login 404 400 400 400", data=lambda w: {"format": "x"}),
    ("articles:import_url_list", "POST"): Row(
        "login 404 403 400 400", data=lambda w: {"urls": "ftp://example.org/feed"}
    ),
    ("api:job-list", "GET"): API_OWN,
    ("api:job-detail", "GET"): API_READ,
    ("api:job-cancel", "POST"): Row("401 404 403 200 200"),
    ("api:project-export", "POST"): Row("401 404 400 400 400", query="?format=x"),
}


# --- the walk ------------------------------------------------------------------------------------

ROUTES = enumerate_routes()


def _client(route, user) -> Client:
    # A server error is a status to compare (see "500-known"), not an exception in the test.
    kind = APIClient if route.is_api else Client
    client = kind(raise_request_exception=False)
    if user is not None:
        # A fresh copy: logging in stamps last_login on the object, and the world's must not
        # drift from the rolled-back database (password reset tokens hash it).
        client.force_login(type(user).objects.get(pk=user.pk))
    return client


def _url(route, row: Row, w) -> str:
    kwargs = default_kwargs(route, w, row.kwargs(w) if row.kwargs else None)
    return reverse(route.name, kwargs=kwargs) + row.query


def _send(client, route, row: Row, w, headers: dict | None = None):
    data = row.data(w) if row.data else {}
    send = getattr(client, route.method.lower())
    if route.is_api:
        return send(_url(route, row, w), data, format="json", headers=headers)
    return send(_url(route, row, w), data, headers=headers)


def _status(response) -> str:
    if response.status_code == 500:
        return "500-known"  # matches only a row that records a known server error
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return "login"
    return str(response.status_code)


def _vary_problem(response) -> str | None:
    if not response.get("Content-Type", "").startswith("text/html"):
        return None
    vary = [v.strip().lower() for v in response.get("Vary", "").split(",")]
    return (
        None
        if "hx-request" in vary
        else f"HTML without Vary: HX-Request (Vary: {response.get('Vary')!r})"
    )


@pytest.fixture(scope="module")
def routes_world(django_db_setup, django_db_blocker) -> Iterator[SimpleNamespace]:
    """Build the world once for the walk (it takes most of a second): each test's own
    transaction, and each request's savepoint, roll back to it."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=fast):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world(make_world())
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.mark.parametrize("key", sorted(TABLE), ids=lambda key: f"{key[0]} {key[1]}")
def test_route_answers_each_role(routes_world, db, key):
    route = ROUTES.get(key)
    assert route is not None, f"{key} has a row but is no longer a route: remove the row"
    row = TABLE[key]
    w = routes_world
    problems = []
    for role, expected in row.answers().items():
        user = None if role == "anonymous" else getattr(w, role)
        with transaction.atomic():
            client = _client(route, user)  # logging in writes last_login: before the snapshot
            before = snapshot() if route.method in WRITE_METHODS else None
            response = _send(client, route, row, w)
            got = _status(response)
            if got != expected:
                problems.append(
                    f"{role}: expected {expected}, got {got}: {response.content[:300]!r}"
                )
            refused = got == "login" or response.status_code >= 400
            if before is not None and refused and (changed := changed_tables(before, snapshot())):
                problems.append(f"{role}: refused ({got}) but changed {changed}")
            if problem := _vary_problem(response):
                problems.append(f"{role}: {problem}")
            if route.method == "GET" and role == "lead":
                fragment = _send(client, route, row, w, headers={"HX-Request": "true"})
                if problem := _vary_problem(fragment):
                    problems.append(f"lead, htmx: {problem}")
            transaction.set_rollback(True)
    assert not problems, f"{route.method} {route.pattern}\n" + "\n".join(problems)


def test_every_route_has_a_row():
    missing = sorted(set(ROUTES) - set(TABLE))
    stale = sorted(set(TABLE) - set(ROUTES))
    assert not missing, f"routes without a row in tests/test_routes.py TABLE: {missing}"
    assert not stale, f"rows for routes that no longer exist: {stale}"


def test_a_new_route_is_found_with_its_methods():
    """The walk cannot miss a route: one added to the URLconf shows up, with its methods."""

    @require_POST
    def invite(request, team_slug: str) -> HttpResponse:
        return HttpResponse()

    @require_http_methods(["GET", "POST"])
    def settings_page(request) -> HttpResponse:
        return HttpResponse()

    def undecorated(request) -> HttpResponse:
        return HttpResponse()

    urlconf = ModuleType("urlconf_with_new_routes")
    urlconf.urlpatterns = [
        path("", include("workbench.urls")),
        path("teams/<slug:team_slug>/invite/", invite, name="invite"),
        path("me/", settings_page, name="me"),
        path("loose/", undecorated, name="loose"),
    ]
    found = enumerate_routes(urlconf)
    new = set(found) - set(ROUTES)
    assert new == {
        ("invite", "POST"),
        ("me", "GET"),
        ("me", "POST"),
        ("loose", "GET"),
        ("loose", "POST"),
    }
    assert found["invite", "POST"].params == ("team_slug",)
    assert not set(TABLE) >= set(found), "the completeness check would name these"


def test_openapi_schema_lists_every_api_route_of_the_urlconf():
    """The schema and the URLconf name the same API operations: none undocumented, none extra."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    documented = {
        (openapi_path(path), method.upper())
        for path, operations in schema["paths"].items()
        for method in operations
        if method.upper() in {"GET", "POST", "PUT", "PATCH", "DELETE"}
    }
    served = {
        (openapi_path(route.pattern), route.method)
        for route in ROUTES.values()
        if route.is_api and route.name not in {"api:api-root", "api:schema", "api:docs"}
    }
    assert served - documented == set(), "API routes missing from /api/schema/"
    assert documented - served == set(), "operations in /api/schema/ that no route serves"


def test_admin_is_for_staff_only(routes_world, db):
    world = routes_world
    """The admin's routes are Django's; one check stands for them (skipped in the walk)."""
    url = reverse("admin:index")
    assert Client().get(url).status_code == 302
    for user in (world.lead, world.reviewer, world.viewer, world.outsider):
        response = client_for(user).get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


# --- beyond the ladder: what a role sees, and users in no team -----------------------------------


def test_project_list_shows_only_own_team(routes_world, db):
    world = routes_world
    page = client_for(world.outsider).get(reverse("articles:project_list"))
    assert page.status_code == 200
    assert world.project.name not in page.content.decode()
    assert world.other_project.name in page.content.decode()


# Every view that reads request.membership (the current team), for a user in no team.
TEAMLESS = [
    ("articles:project_list", "get", 200),
    ("articles:project_create", "get", 403),
    ("articles:project_create", "post", 403),
    ("review:queue", "get", 200),
    ("review:next_article", "get", 302),
    ("review:attention", "get", 403),
    ("annotations:entity_list", "get", 200),
    ("annotations:entity_create", "get", 403),
]


@pytest.mark.parametrize(("name", "method", "expected"), TEAMLESS)
def test_user_without_a_team_gets_a_clear_page(routes_world, db, name, method, expected):
    # request.membership is a lazy object, never None: `is None` tests once made these 500s.
    client = client_for(UserFactory(username="newcomer"))
    response = getattr(client, method)(reverse(name))
    assert response.status_code == expected
    if expected == 403:
        assert "not in a team yet" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("articles:import_paste", lambda w: {"project_id": w.project.pk}),
        ("articles:import_url", lambda w: {"project_id": w.project.pk}),
        ("articles:import_upload", lambda w: {"project_id": w.project.pk}),
        ("articles:import_jsonl", lambda w: {"project_id": w.project.pk}),
        ("articles:import_url_list", lambda w: {"project_id": w.project.pk}),
        ("articles:article_move_line", lambda w: {"article_id": w.plain.pk}),
        (
            "accounts:member_role",
            lambda w: {"team_slug": w.team.slug, "membership_id": w.viewer_membership.pk},
        ),
    ],
)
def test_a_refused_role_is_refused_before_its_form_is_checked(routes_world, name, kwargs):
    # An empty or malformed form from a viewer is a 403 as a good one is, not a form error that
    # tells them what the form would take.
    client = client_for(routes_world.viewer)
    assert client.post(reverse(name, kwargs=kwargs(routes_world)), {}).status_code == 403
