"""What the formats share: stable identifiers and the project header."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from django.contrib.auth.models import AbstractBaseUser

from workbench.articles.models import Project

URN = "urn:factcheck-workbench"

Progress = Callable[[int], object] | None
# Whose export it is: a member, who gets what their annotation list shows (the blind rule), or
# None for the operator at the command line, who gets everything.
Viewer = AbstractBaseUser | None


class Writer(Protocol):
    def __call__(
        self, *, project: Project, user: Viewer, status: str, progress: Progress, base_url: str
    ) -> Iterator[bytes]: ...


def article_urn(checksum: str) -> str:
    """Return the stable name of an article's text: the same body has the same name anywhere."""
    return f"{URN}:article:{checksum}"


def annotation_urn(project: Project, checksum: str, ordinal: int) -> str:
    """Return the stable name of an annotation: its project, its article's text and its ordinal.

    Database ids differ between installations; these survive an export and re-import.
    """
    return f"{URN}:annotation:{project.team.slug}:{project.slug}:{checksum}:{ordinal}"


def project_record(project: Project) -> dict:
    """Return the project as every JSON Lines record carries it (enough to re-create it)."""
    return {
        "team": project.team.slug,
        "team_name": project.team.name,
        "slug": project.slug,
        "name": project.name,
        "rating_scale": list(project.rating_scale),
        "rating_axis": project.rating_axis,
    }
