from __future__ import annotations

import hashlib
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import ArticleFactory
from workbench.accounts.services import api_token_create
from workbench.annotations.services import (
    Span,
    annotation_create,
    entity_create,
    evidence_add,
    source_get_or_create,
)

BODY = (
    'Michael Knights said the strike was "a clear escalation" by the militias.\n\n'
    "The Pentagon confirmed that 3 drones were used, a spokesman said. Café ☕ 👍🏽 done."
)


def span(text: str, body: str = BODY) -> dict:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


@pytest.fixture(autouse=True)
def clear_throttle_counts() -> None:
    # Throttle counts live in the cache, which outlives a test's database.
    cache.clear()


def api_for(user) -> APIClient:
    """An APIClient authenticated the way tools are: with a personal token."""
    client = APIClient()
    if user is not None:
        _token, secret = api_token_create(user=user, name="tests")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


@pytest.fixture
def api(world):
    """Token clients per role: api("lead"), api("outsider"), api(None) for anonymous."""
    users = {
        "lead": world.lead,
        "reviewer": world.reviewer,
        "viewer": world.viewer,
        "outsider": world.outsider,
    }
    clients: dict = {}

    def get(role: str | None) -> APIClient:
        if role not in clients:
            clients[role] = api_for(users[role] if role else None)
        return clients[role]

    return get


@pytest.fixture
def desk(world):
    """An annotated article of the world's team: a reviewer's quote and claim, with evidence."""
    article = ArticleFactory(
        project=world.project,
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    knights = entity_create(
        team=world.team, actor=None, name="Michael Knights", aliases=["Knights"]
    )
    pentagon = entity_create(team=world.team, actor=None, name="The Pentagon", kind="organisation")
    stranger = entity_create(team=world.other_project.team, actor=None, name="Stranger")
    quote = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        **span('the strike was "a clear escalation" by the militias'),
        speaker=knights,
        mention=Span(0, 15, "Michael Knights"),
        cue=Span(16, 20, "said"),
        quote_type="mixed",
    )
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        **span("3 drones were used"),
        claimant=pentagon,
        verdict="True",
    )
    source = source_get_or_create(
        team=world.team, actor=None, title="Pentagon briefing", url="https://example.org/brief"
    )
    other_source = source_get_or_create(
        team=world.other_project.team, actor=None, title="Theirs", url="https://example.org/theirs"
    )
    evidence_add(claim=claim, actor=world.reviewer, source=source, stance="supports")
    return SimpleNamespace(
        article=article,
        knights=knights,
        pentagon=pentagon,
        stranger=stranger,
        quote=quote,
        claim=claim,
        source=source,
        other_source=other_source,
    )
