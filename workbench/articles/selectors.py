"""Reads for projects and articles, scoped to the teams the user belongs to."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Least, Length
from django.db.models.lookups import GreaterThan

from workbench.accounts.models import Team
from workbench.articles.models import Article, ArticleStatus, Project
from workbench.paging import LIST_COUNT_CAP


def project_list(
    *,
    user: AbstractBaseUser | AnonymousUser,
    team: Team | None = None,
    counts: bool = False,
    count_cap: int | None = None,
) -> QuerySet[Project]:
    """Return the projects of the user's teams (or of one of them), with article counts if asked.

    Counting reads every article of a project (an index-only scan, 10 ms per 100,000), so only
    the lists that show the counts ask for them; a project's own pages, which look it up here,
    do not. Each count is a subquery per project rather than a join and GROUP BY over all the
    team's articles, and the truncated ones are few and have a partial index.
    """
    # With `count_cap` the article count stops after cap + 1 rows (`article_count_capped`
    # says there are more): counting 100,000 articles took 200 ms, and it grows with them.
    if not user.is_authenticated:
        return Project.objects.none()
    projects = Project.objects.filter(team__memberships__user=user).select_related("team")
    if team is not None:
        projects = projects.filter(team=team)
    if not counts:
        return projects
    projects = projects.annotate(truncated_count=_article_count(Q(is_truncated=True)))
    if count_cap is None:
        return projects.annotate(article_count=_article_count(Q()))
    table, outer = Article._meta.db_table, Project._meta.db_table
    capped = RawSQL(  # noqa: S611 - table names and a parameter only
        f"(SELECT count(*) FROM (SELECT 1 FROM {table} a "  # noqa: S608 - table names
        f"WHERE a.project_id = {outer}.id LIMIT %s) s)",
        [count_cap + 1],
        output_field=IntegerField(),
    )
    return projects.annotate(
        article_count=Least(capped, Value(count_cap)),
        article_count_capped=GreaterThan(capped, Value(count_cap)),
    )


def _article_count(condition: Q) -> Coalesce:
    articles = Article.objects.filter(condition, project=OuterRef("pk")).order_by()
    count = articles.values("project").annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


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


def article_status_counts(*, project: Project, cap: int = LIST_COUNT_CAP) -> list[dict]:
    """Return each article status with its label and how many of the project's articles have it.

    Counted up to `cap` each (`capped` says there are more), in one query: a GROUP BY over the
    project would read all its articles (100 ms at a million). Each count walks the
    (project, status) index and stops after cap + 1 entries.
    """
    table = Article._meta.db_table
    one = (
        f"(SELECT count(*) FROM (SELECT 1 FROM {table} "  # noqa: S608 - a table name
        "WHERE project_id = %s AND status = %s LIMIT %s) s)"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join([one] * len(ArticleStatus.values)),  # noqa: S608 - constants
            [p for value in ArticleStatus.values for p in (project.pk, value, cap + 1)],
        )
        rows = dict(zip(ArticleStatus.values, cursor.fetchone(), strict=True))
    return [
        {
            "value": value,
            "label": label,
            "count": min(rows[value], cap),
            "capped": rows[value] > cap,
        }
        for value, label in ArticleStatus.choices
    ]


def article_add_body_lengths(*, articles: Iterable[Article]) -> list[Article]:
    """Set `body_length` on a page of articles, with one query for the page alone.

    Computed in the list's own query, the length is read for every row an OFFSET skips: each
    body is fetched from its TOAST table, 1.6 s for page 200 of a 100,000-article project.
    """
    articles = list(articles)
    lengths = dict(
        Article.objects.filter(pk__in=[a.pk for a in articles])
        .annotate(n=Length("body"))
        .values_list("pk", "n")
    )
    for article in articles:
        article.body_length = lengths.get(article.pk, 0)
    return articles


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
