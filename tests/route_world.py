"""Enumerate the routes and build a world in which each of them can be requested.

Used by tests/test_routes.py. The routes come from the URLconf (every pattern, with the HTTP
methods its view accepts) and from the OpenAPI schema; the world has two teams and one of
every object a route can name, so that every id in a URL points at something real.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.factories import ArticleFactory, MembershipFactory, UserFactory
from workbench.accounts.models import Role
from workbench.accounts.services import api_token_create, invitation_create
from workbench.annotations.services import (
    Span,
    annotation_create,
    comment_add,
    entity_create,
    evidence_add,
    source_get_or_create,
)
from workbench.factchecks.models import FactCheck
from workbench.factchecks.services import factchecks_import_text
from workbench.jobs.models import Job
from workbench.review.services import adjudication_accept, article_submit, assignment_create

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# Staff-only, Django's own and not part of the workbench's access rules (one row covers it).
SKIPPED_PREFIXES = ("admin/",)


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name" as for reverse()
    method: str
    pattern: str  # the full pattern, for messages and for matching the OpenAPI paths
    params: tuple[str, ...]  # the URL's keyword arguments
    is_api: bool


def _view_methods(callback: Callable) -> set[str]:
    """Return the HTTP methods a view answers (HEAD and OPTIONS aside)."""
    actions = getattr(callback, "actions", None)
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if actions:  # a DRF viewset route: the router's method → action map
        # (DRF adds "head" to this map once the view has answered a GET: leave it out.)
        allowed = set(getattr(cls, "http_method_names", actions)) - {"head", "options"}
        return {m.upper() for m in actions if m in allowed}
    if cls is not None:  # a class-based view: the handlers it defines
        names = [m for m in cls.http_method_names if m not in ("head", "options")]
        return {m.upper() for m in names if hasattr(cls, m)}
    function: Callable | None = callback
    while function is not None:  # @require_GET, @require_POST, @require_http_methods(...)
        code = getattr(function, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            cell = function.__closure__[code.co_freevars.index("request_method_list")]
            return {m.upper() for m in cell.cell_contents if m not in ("HEAD", "OPTIONS")}
        function = getattr(function, "__wrapped__", None)
    # A view without a method decorator answers anything: both need a row.
    return {"GET", "POST"}


def _walk(patterns: list, prefix: str = "", namespace: str = "") -> Iterator[tuple]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), namespace + (entry.name or ""), entry


def enumerate_routes(urlconf: object = None) -> dict[tuple[str, str], Route]:
    """Return every (route name, method) of the URLconf (the project's by default), the admin
    aside."""
    routes: dict[tuple[str, str], Route] = {}
    for pattern, name, entry in _walk(get_resolver(urlconf).url_patterns):
        if pattern.startswith(SKIPPED_PREFIXES):
            continue
        params = tuple(entry.pattern.regex.groupindex)
        for method in _view_methods(entry.callback):
            key = (name or pattern, method)
            routes[key] = Route(key[0], method, pattern, params, pattern.startswith("api/"))
    return routes


def openapi_path(pattern: str) -> str:
    """Turn a URLconf pattern into the OpenAPI form: /api/v1/articles/{}/ (names dropped)."""
    path = pattern.replace("^", "").replace("$", "")
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "{}", path)
    path = re.sub(r"\{\w+\}", "{}", path)
    return "/" + re.sub(r"<(?:\w+:)?\w+>", "{}", path).lstrip("/")


# --- the world -----------------------------------------------------------------------------------

BODY = (
    'Michael Knights said the strike was "a clear escalation" by the militias.\n\n'
    "The Pentagon confirmed that 3 drones were used, a spokesman said. Café ☕ 👍🏽 done."
)


def span(text: str) -> dict:
    start = BODY.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


def article_with(project, body: str = BODY, **fields):
    checksum = hashlib.sha256(body.encode()).hexdigest()
    return ArticleFactory(project=project, body=body, raw=body, checksum=checksum, **fields)


def build_world(world) -> SimpleNamespace:
    """Extend tests.conftest's world (two teams, a member of each role) with one of everything.

    - `article`: assigned to the reviewer, who has a draft quote and a claim on it (with
      evidence from `source` and a comment);
    - `decided`: reviewed by the reviewer and `second`, both submitted; the lead has accepted
      second's quote into the approved version (`adjudication`);
    - `plain`: an article without annotations (its lines may still move);
    - entities `knights` and `pentagon` (mergeable), sources `source` (on the claim) and
      `other_source`, an API token of the lead's, and `loner`, a user in no team.
    """
    team = world.team
    second = MembershipFactory(team=team, role=Role.REVIEWER, user__username="second").user
    knights = entity_create(team=team, actor=None, name="Michael Knights", aliases=["Knights"])
    pentagon = entity_create(team=team, actor=None, name="The Pentagon", kind="organisation")
    source = source_get_or_create(
        team=team, actor=None, title="Pentagon briefing", url="https://example.org/brief"
    )
    plain = world.article  # conftest's article: no annotations, so its lines may still move
    article = world.article = article_with(world.project, title="Drone strike")
    assignment = assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    quote = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        **span('the strike was "a clear escalation" by the militias'),
        speaker=knights,
        mention=Span(0, 15, "Michael Knights"),
        cue=Span(16, 20, "said"),
    )
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        **span("3 drones were used"),
        claimant=pentagon,
    )
    other_source = source_get_or_create(
        team=team, actor=None, title="Ministry statement", url="https://example.org/ministry"
    )
    evidence = evidence_add(claim=claim, actor=world.reviewer, source=source, stance="supports")
    comment_add(annotation=claim, author=world.reviewer, text="Check the briefing.")

    decided = article_with(
        world.project, BODY + "\n\nReviewed twice.", title="Drone strike, reviewed twice"
    )
    submitted = assignment_create(article=decided, reviewer=world.reviewer, actor=world.lead)
    other = assignment_create(article=decided, reviewer=second, actor=world.lead)
    mine = annotation_create(
        article=decided, author=world.reviewer, kind="quote", **span("the strike was")
    )
    theirs = annotation_create(
        article=decided, author=second, kind="quote", **span("the strike was")
    )
    submitted = article_submit(assignment=submitted, actor=world.reviewer)
    other = article_submit(assignment=other, actor=second)
    theirs.refresh_from_db()
    adjudication = adjudication_accept(original=theirs, actor=world.lead)
    mine.refresh_from_db()

    factchecks_import_text(
        team=team,
        actor=None,
        text='{"@type": "ClaimReview", "url": "https://checker.example/strike", '
        '"claimReviewed": "The strike killed a commander", "reviewRating": {"alternateName": "True"}}',
    )
    factcheck = FactCheck.objects.get(team=team)
    token, _secret = api_token_create(user=world.lead, name="route table")
    job = Job.objects.create(
        kind="import_jsonl", team=team, project=world.project, created_by=world.reviewer,
        state="running", done=1, total=2,
    )  # fmt: skip
    loner = UserFactory(username="loner")  # in no team yet
    invitation = invitation_create(
        team=team, actor=world.lead, username="newbie", email="newbie@example.org", role="reviewer"
    )
    invited_viewer = invitation_create(
        team=world.outsider.memberships.get().team,
        actor=world.outsider,
        username=world.viewer.username,
        email="viewer@example.org",
        role="viewer",
    )
    return SimpleNamespace(
        **vars(world),
        world=world,
        second=second,
        loner=loner,
        plain=plain,
        other_source=other_source,
        other=other,
        knights=knights,
        pentagon=pentagon,
        source=source,
        assignment=assignment,
        quote=quote,
        claim=claim,
        evidence=evidence,
        factcheck=factcheck,
        job=job,
        decided=decided,
        submitted=submitted,
        mine=mine,
        theirs=theirs,
        adjudication=adjudication,
        token=token,
        invitation=invitation,
        invited_viewer=invited_viewer,
        viewer_membership=world.viewer.memberships.get(),
    )


# What every URL keyword means, unless a row says otherwise.
PARAMS: dict[str, Callable[[SimpleNamespace], object]] = {
    "project_id": lambda w: w.project.pk,
    "article_id": lambda w: w.article.pk,
    "annotation_id": lambda w: w.claim.pk,
    "evidence_id": lambda w: w.evidence.pk,
    "entity_id": lambda w: w.knights.pk,
    "other_id": lambda w: w.pentagon.pk,
    "team_slug": lambda w: w.team.slug,
    "membership_id": lambda w: w.viewer_membership.pk,
    "token_id": lambda w: w.token.pk,
    "invitation_id": lambda w: w.invitation.pk,
    "assignment_id": lambda w: w.assignment.pk,
    "adjudication_id": lambda w: w.adjudication.pk,
    "factcheck_id": lambda w: w.factcheck.pk,
    "job_id": lambda w: w.job.pk,
    # Django's password reset link, for the lead.
    "uidb64": lambda w: urlsafe_base64_encode(force_bytes(w.lead.pk)),
    # Read afresh: the token hashes last_login, which logging in (as the lead) changes.
    "token": lambda w: default_token_generator.make_token(type(w.lead).objects.get(pk=w.lead.pk)),
}
# The API's `pk` by router basename.
API_PKS: dict[str, Callable[[SimpleNamespace], object]] = {
    "team": lambda w: w.team.pk,
    "project": lambda w: w.project.pk,
    "article": lambda w: w.article.pk,
    "annotation": lambda w: w.claim.pk,
    "entity": lambda w: w.knights.pk,
    "source": lambda w: w.source.pk,
    "assignment": lambda w: w.assignment.pk,
    "adjudication": lambda w: w.adjudication.pk,
    "factcheck": lambda w: w.factcheck.pk,
    "job": lambda w: w.job.pk,
}


def default_kwargs(
    route: Route, w: SimpleNamespace, given: dict[str, object] | None = None
) -> dict[str, object]:
    """Return the URL keywords for a route: those `given`, the others from the world by name."""
    kwargs: dict[str, object] = dict(given or {})
    for param in route.params:
        if param in kwargs:
            continue
        # An API `pk` names an object of the router's basename: api:article-detail → article.
        table, key = (
            (API_PKS, route.name.split(":")[-1].split("-")[0]) if param == "pk" else (PARAMS, param)
        )
        assert key in table, (
            f"{route.name}: no object for the URL keyword {param!r}; add {key!r} to "
            "tests/route_world.py (PARAMS, or API_PKS for an API pk), or give the row kwargs="
        )
        kwargs[param] = table[key](w)
    return kwargs


# --- "changes nothing" --------------------------------------------------------------------------

# Rows that any request may touch: sessions, login bookkeeping, tokens' last use.
VOLATILE = {"sessions.session", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}


def snapshot() -> dict[str, list[tuple]]:
    """Return every row of the workbench's tables (and users), to compare before and after."""
    tables: dict[str, list[tuple]] = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        ours = model.__module__.startswith("workbench.") or model is get_user_model()
        if not ours or label in VOLATILE:
            continue
        tables[label] = list(model._default_manager.order_by("pk").values_list())
    return tables


def changed_tables(before: dict[str, list[tuple]], after: dict[str, list[tuple]]) -> list[str]:
    """Return the tables whose rows differ."""
    return sorted(label for label in before if before[label] != after[label])
