"""The demo's data: a team with a lead, three reviewers and a viewer, a project, the seed article
annotated, and a desk of invented articles with weeks of review. Safe to run again."""

from __future__ import annotations

import functools
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction

from workbench.accounts.models import Membership, Role, Team
from workbench.articles.models import ImportSource, Project
from workbench.articles.services import article_import_text
from workbench.demo.annotations import annotate_seed
from workbench.demo.review import seed_review

DEMO_PASSWORD = "workbench-demo"  # noqa: S105 - printed on purpose: it is the demo login
DEMO_USERS = [
    ("lena", "Lena", "Lead", Role.LEAD),
    ("rafael", "Rafael", "Reviewer", Role.REVIEWER),
    ("sofia", "Sofia", "Reviewer", Role.REVIEWER),
    ("amira", "Amira", "Reviewer", Role.REVIEWER),
    ("victor", "Victor", "Viewer", Role.VIEWER),
]
DEMO_TEAM = ("Demo newsroom", "demo-newsroom")
DEMO_PROJECT = ("Middle East and Europe desk", "demo")
SEED_SAMPLE = "lemonde-baghdad-2024-01-05.txt"
DEMO_TEXTS = Path(__file__).resolve().parent


@transaction.atomic
def seed_demo() -> tuple[Project, int]:
    """Create the demo team, users, project and articles unless they exist; return the project."""
    team, _ = Team.objects.get_or_create(slug=DEMO_TEAM[1], defaults={"name": DEMO_TEAM[0]})
    users = {}
    for username, first, last, role in DEMO_USERS:
        user = _demo_user(username, first, last)
        Membership.objects.update_or_create(user=user, team=team, defaults={"role": role})
        users[role] = users[username] = user
    project, _ = Project.objects.get_or_create(
        team=team,
        slug=DEMO_PROJECT[1],
        defaults={
            "name": DEMO_PROJECT[0],
            "description": "Strikes in Iraq, public-health figures and infrastructure claims: "
            "articles as they arrive from aggregators, wires and paywalled sites.",
            "created_by": users[Role.LEAD],
        },
    )
    imported = 0
    for path in _demo_files():
        result = article_import_text(
            project=project,
            actor=users[Role.LEAD],
            text=path.read_text(encoding="utf-8"),
            source=ImportSource.COMMAND,
        )
        imported += result.created
        if path.name == SEED_SAMPLE:
            annotate_seed(article=result.article, reviewer=users["rafael"], lead=users[Role.LEAD])
    imported += seed_review(project=project, users=users)
    return project, imported


def _demo_user(username: str, first: str, last: str):  # noqa: ANN202 - the user model
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        username=username, defaults={"first_name": first, "last_name": last}
    )
    # Reset when changed so the printed login always works; only then, since a new hash ends
    # the sessions of everyone logged in (running the demo again must not log people out).
    if not _is_demo_password(user.password):
        user.password = _demo_password_hash()
        user.save(update_fields=["password"])
    return user


# The demo users share one hash of the published demo password, so the demo hashes it once
# (PBKDF2 takes a good part of a second each time) instead of once per user, on every run.
@functools.cache
def _demo_password_hash() -> str:
    return make_password(DEMO_PASSWORD)


@functools.cache
def _is_demo_password(encoded: str) -> bool:
    return check_password(DEMO_PASSWORD, encoded)


def _demo_files() -> list[Path]:
    samples = Path(settings.WORKBENCH_DEMO_SAMPLES_DIR) / SEED_SAMPLE
    written = sorted(DEMO_TEXTS.glob("*.txt"))
    return ([samples] if samples.exists() else []) + written
