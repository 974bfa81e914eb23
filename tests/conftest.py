from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from tests.factories import ArticleFactory, MembershipFactory, ProjectFactory, TeamFactory
from workbench.accounts.models import Role

# One BLAS thread, as ranker/embed.py sets for the app: test modules import numpy before the
# encoder, and OpenBLAS's spinning threads on shared cores made the encoder tests minutes long.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLE = SHARED / "samples" / "lemonde-baghdad-2024-01-05.txt"
XSS = '<script>alert("x")</script><img src=x onerror="alert(1)">'


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need(condition: bool, reason: str) -> None:
    """Skip on a laptop, fail in CI: a test that needs a real part must not pass silently there."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


# Property-based tests: each sets its own max_examples. In CI the examples are derandomized (the
# same every run, so a failure reproduces and the suite's time is fixed) and no deadline
# applies, because a shared runner's pauses are not the code's; on a laptop they vary per run
# and an example slower than two seconds fails.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, deadline=None)
hypothesis_settings.register_profile("dev", deadline=2000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if in_ci() else "dev"))


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """Test on an SQLite file, not in memory.

    With an in-memory database Django hands the browser tests' live server the test's own
    connection, and the server's request threads share it: two requests at once (the page and
    an htmx call) then fail with "database table is locked". A file gives each thread its own
    connection, as in production.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = tmp_path_factory.mktemp("database") / "test.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> None:
    # Export jobs write files; a test's go to its own folder, never to the checkout's media/.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_word_counts() -> None:
    # The matcher keeps word counts per process and database name; every test's database has
    # the same name, so one test's counts must not steer another's search.
    from workbench.factchecks.matching import forget_word_counts

    forget_word_counts()


@pytest.fixture(autouse=True)
def fast_passwords(settings) -> None:
    # PBKDF2's deliberate slowness buys nothing in tests and costs seconds per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class World:
    """One team with a member of each role, a project and an article; plus an outsider team."""

    team: object
    lead: object
    reviewer: object
    viewer: object
    outsider: object
    project: object
    article: object
    other_project: object


@pytest.fixture
def world(db) -> World:
    return make_world()


def make_world() -> World:
    """Build the world (the fixture's body; tests/test_routes.py builds one per module)."""
    team = TeamFactory(name="Desk", slug="desk")
    lead = MembershipFactory(team=team, role=Role.LEAD, user__username="lead").user
    reviewer = MembershipFactory(team=team, role=Role.REVIEWER, user__username="reviewer").user
    viewer = MembershipFactory(team=team, role=Role.VIEWER, user__username="viewer").user
    other = TeamFactory(name="Elsewhere", slug="elsewhere")
    outsider = MembershipFactory(team=other, role=Role.LEAD, user__username="outsider").user
    project = ProjectFactory(team=team, name="Desk project", slug="desk-project")
    article = ArticleFactory(project=project)
    other_project = ProjectFactory(team=other, slug="other-project")
    return World(team, lead, reviewer, viewer, outsider, project, article, other_project)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def sample_text() -> str:
    need(SAMPLE.exists(), f"the shared sample is missing at {SAMPLE}")
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    need(Path(path).exists(), "Debian's chromium is not installed (apt-get install chromium)")
    return path
