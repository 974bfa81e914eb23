"""Reads for jobs, scoped to the teams the user belongs to."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from workbench.jobs.models import Job


def job_list(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Job]:
    """Return the jobs of the user's teams, newest first (an operator's job has no team yet)."""
    if not user.is_authenticated:
        return Job.objects.none()
    return (
        Job.objects.filter(team__memberships__user=user)
        .select_related("team", "project", "created_by")
        .defer("params")
    )
