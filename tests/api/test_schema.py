"""The OpenAPI schema, the docs page, throttling, and bounded schemathesis runs (no 5xx):
one operation at a time, and stateful sequences along the links it infers."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import hypothesis
import pytest
import schemathesis
import yaml
from django.core.signals import request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from rest_framework import status
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error

from tests.conftest import client_for
from workbench.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def test_schema_needs_authentication(world):
    response = APIClient().get(reverse("api:schema"))
    assert response.status_code == status.HTTP_401_UNAUTHORIZED


def test_schema_is_openapi_3_with_every_resource(world, api):
    response = api("viewer").get(reverse("api:schema"))
    assert response.status_code == status.HTTP_200_OK
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in [
        "/api/v1/projects/",
        "/api/v1/projects/{id}/export/",
        "/api/v1/articles/",
        "/api/v1/articles/batch/",
        "/api/v1/annotations/{id}/",
        "/api/v1/annotations/{id}/evidence/",
        "/api/v1/annotations/{id}/comments/",
        "/api/v1/entities/{id}/merge/",
        "/api/v1/sources/",
        "/api/v1/teams/",
        "/api/v1/adjudications/",
        "/api/v1/adjudications/{id}/",
        "/api/v1/articles/{article_id}/versions/",
        "/api/v1/articles/{article_id}/versions/approve/",
    ]:
        assert path in paths, path
    assert schema["components"]["securitySchemes"]["tokenAuth"]["scheme"] == "bearer"
    # The filters are documented with their allowlist, and nothing else.
    params = {p["name"] for p in paths["/api/v1/annotations/"]["get"]["parameters"]}
    assert {"article", "kind", "speaker", "annotator", "ordering", "cursor", "page_size"} <= params
    assert not any("password" in name or "__" in name for name in params)


def test_docs_page_needs_a_login(world):
    response = APIClient().get(reverse("api:docs"))
    assert response.status_code == status.HTTP_302_FOUND
    assert reverse("login") in response["Location"]


def test_docs_page_loads_nothing_from_other_hosts(world):
    response = client_for(world.viewer).get(reverse("api:docs"))
    assert response.status_code == status.HTTP_200_OK
    html = response.content.decode()
    assert "swagger-ui" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html), html
    assert "https://" not in html and "http://" not in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html


def test_throttling_limits_token_clients(world, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"token": "3/minute"},
    }
    _token, secret = api_token_create(user=world.lead, name="busy script")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    url = reverse("api:team-list")
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get(url)
    assert refused.status_code == status.HTTP_429_TOO_MANY_REQUESTS
    assert int(refused["Retry-After"]) > 0
    # A second token of the same user shares the budget...
    _token, other = api_token_create(user=world.lead, name="second")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {other}")
    assert client.get(url).status_code == status.HTTP_429_TOO_MANY_REQUESTS
    # ...while the browser session is not throttled.
    session = APIClient()
    session.force_login(world.lead)
    assert session.get(url).status_code == status.HTTP_200_OK


# --- schemathesis -------------------------------------------------------------------------------

EXAMPLES_PER_OPERATION = 12
STATEFUL_SCENARIOS = 20
STATEFUL_STEPS = 6


@pytest.fixture(scope="module")
def openapi() -> object:
    """The app's OpenAPI schema as schemathesis reads it, over in-process WSGI.

    Generated and loaded once for both runs (loading it costs seconds); it is the schema
    /api/schema/ serves, which test_schema_is_openapi_3_with_every_resource checks.
    """
    generated = SchemaGenerator().get_schema(request=None, public=True)
    schema = schemathesis.openapi.from_dict(json.loads(OpenApiJsonRenderer().render(generated)))
    schema.app, schema.location = get_wsgi_application(), "/api/schema/"
    return schema


@contextmanager
def _lead_token(world, settings) -> Iterator[dict]:
    """Headers with a lead's token, for requests inside the test's transaction.

    Writes are rolled back with it: the WSGI handler would close the test's connection (and
    its transaction) per request, so that signal is held off meanwhile.
    """
    settings.ALLOWED_HOSTS = ["*"]
    _token, secret = api_token_create(user=world.lead, name="schemathesis")
    request_started.disconnect(close_old_connections)
    try:
        yield {"Authorization": f"Bearer {secret}"}
    finally:
        request_started.connect(close_old_connections)


def test_schemathesis_finds_no_server_errors(world, desk, settings, openapi):
    """Every operation of the schema, a few generated requests each, as a lead: never a 5xx.

    With a fixed seed so a failure reproduces.
    """
    with _lead_token(world, settings) as headers:
        # The work is bounded by the example counts, not by a clock: a loaded machine is slow.
        operations = 0
        for result in openapi.get_all_operations():
            _fuzz(result.ok(), headers)
            operations += 1
    assert operations >= 25


def test_schemathesis_stateful_sequences_find_no_server_errors(world, desk, settings, openapi):
    """Sequences of calls linked by the ids one response gives the next (schemathesis infers the
    links from the schema: a created project's id into its articles, an article's into its
    annotations, ...): never a 5xx, whatever state the earlier calls left."""
    with _lead_token(world, settings) as headers:
        machine = openapi.as_state_machine()
        # Responses whose ids feed other operations (a project's into /projects/{id}/, ...).
        assert len(machine.bundles) >= 5, machine.bundles

        class Workflow(machine):
            # Every scenario starts from the same rows: Hypothesis may run a scenario's start
            # again and needs the same answers (the links they open decide the next steps), so
            # what a scenario wrote is rolled back at its end (in-process WSGI, one connection).
            def setup(self) -> None:
                self._savepoint = transaction.savepoint()

            def teardown(self) -> None:
                transaction.savepoint_rollback(self._savepoint)

            def get_call_kwargs(self, case) -> dict:
                return {"headers": headers}

            def validate_response(self, response, case, **kwargs) -> None:
                case.validate_response(response, checks=[not_a_server_error])

        Workflow.run(
            settings=hypothesis.settings(
                max_examples=STATEFUL_SCENARIOS,
                stateful_step_count=STATEFUL_STEPS,
                derandomize=True,
                database=None,
                deadline=None,
                suppress_health_check=list(hypothesis.HealthCheck),
                phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
            )
        )


def _fuzz(operation, headers: dict) -> None:
    @hypothesis.settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
        phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
    )
    @hypothesis.given(case=operation.as_strategy())
    def run(case) -> None:
        response = case.call(headers=headers)
        case.validate_response(response, checks=[not_a_server_error])

    run()
