"""Reads for projects and articles, scoped to the teams the user belongs to."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Q, QuerySet

from workbench.accounts.models import Team
from workbench.articles.models import Article, ArticleStatus, Project


def project_list(
    *, user: AbstractBaseUser | AnonymousUser, team: Team | None = None
) -> QuerySet[Project]:
    """Return the projects of the user's teams (or of one of them), with article counts."""
    if not user.is_authenticated:
        return Project.objects.none()
    projects = Project.objects.filter(team__memberships__user=user).select_related("team")
    if team is not None:
        projects = projects.filter(team=team)
    return projects.annotate(
        article_count=Count("articles"),
        truncated_count=Count("articles", filter=Q(articles__is_truncated=True)),
    )


def article_list(
    *,
    user: AbstractBaseUser | AnonymousUser,
    project: Project | None = None,
    query: str = "",
    status: str = "",
) -> QuerySet[Article]:
    """Return the articles of the user's teams, optionally in one project, matching a search."""
    if not user.is_authenticated:
        return Article.objects.none()
    articles = Article.objects.filter(project__team__memberships__user=user).select_related(
        "project", "project__team"
    )
    if project is not None:
        articles = articles.filter(project=project)
    if status:
        articles = articles.filter(status=status)
    for word in query.split()[:8]:
        articles = articles.filter(
            Q(title__icontains=word) | Q(outlet__icontains=word) | Q(body__icontains=word)
        )
    return articles


def article_status_counts(*, project: Project) -> list[dict]:
    """Return each article status with its label and how many of the project's articles have it."""
    rows = dict(project.articles.order_by().values_list("status").annotate(n=Count("id")))
    return [
        {"value": value, "label": label, "count": rows.get(value, 0)}
        for value, label in ArticleStatus.choices
    ]


def project_by_handle(handle: str) -> Project:
    """Return the project a command line names as SLUG or TEAM/SLUG (commands run as the operator).

    Raises LookupError with a message that lists the choices when the handle is unknown or
    ambiguous.
    """
    team_slug, _, slug = handle.rpartition("/")
    projects = Project.objects.filter(slug=slug).select_related("team")
    if team_slug:
        projects = projects.filter(team__slug=team_slug)
    found = list(projects[:10])
    if len(found) == 1:
        return found[0]
    if not found:
        known = ", ".join(
            f"{p.team.slug}/{p.slug}" for p in Project.objects.select_related("team")[:20]
        )
        raise LookupError(f"No project {handle!r}. Known projects: {known or 'none'}.")
    choices = ", ".join(f"{p.team.slug}/{p.slug}" for p in found)
    raise LookupError(f"Several teams have a project {slug!r}; name one of: {choices}.")
