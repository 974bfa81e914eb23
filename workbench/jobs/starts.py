"""Start each kind of job from what a page, the API or a command was given.

Each checks the actor's role first (403 before anything is queued), then hands the job its
inputs; the worker checks the role again when it runs, in case it changed in between.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from workbench.accounts.models import Team
from workbench.accounts.services import require_writer
from workbench.articles.models import Article, Project
from workbench.jobs.models import Job, JobKind
from workbench.jobs.services import job_create


def job_import_upload(
    *, project: Project, actor: AbstractBaseUser, uploads: Iterable[UploadedFile]
) -> Job:
    """Queue the import of uploaded files (the upload handler refused those past the limit)."""
    require_writer(user=actor, team=project.team)
    inputs = [(upload.name or "", upload.read()) for upload in uploads]
    names = ", ".join(name for name, _data in inputs)
    return job_create(
        kind=JobKind.IMPORT_FILES,
        team=project.team,
        project=project,
        actor=actor,
        params={"label": names[:500]},
        inputs=inputs,
    )


def job_import_jsonl(
    *, project: Project, actor: AbstractBaseUser, text: str, label: str = ""
) -> Job:
    """Queue the import of a JSON Lines batch (pasted or sent to the API)."""
    require_writer(user=actor, team=project.team)
    return job_create(
        kind=JobKind.IMPORT_JSONL,
        team=project.team,
        project=project,
        actor=actor,
        params={"label": label or _("JSON Lines batch")},
        inputs=[("batch.jsonl", text.encode())],
    )


def job_import_urls(*, project: Project, actor: AbstractBaseUser, urls: list[str]) -> Job:
    """Queue the fetch and import of a list of web addresses, one article each."""
    require_writer(user=actor, team=project.team)
    return job_create(
        kind=JobKind.IMPORT_URLS,
        team=project.team,
        project=project,
        actor=actor,
        params={"urls": urls, "label": _("%(n)s web address(es)") % {"n": len(urls)}},
        total=len(urls),
    )


def job_import_dataset(*, path: str, handle: str, project: Project | None) -> Job:
    """Queue the operator's import of a dataset file (the worker must be able to read the path)."""
    return job_create(
        kind=JobKind.IMPORT_DATASET,
        team=project.team if project is not None else None,
        project=project,
        actor=None,
        params={
            "operator": True,
            "path": os.path.abspath(path),
            "project": handle,
            "label": os.path.basename(path),
        },
    )


def suggest_after_import(
    *, project: Project, actor: AbstractBaseUser | None, article_ids: list[int]
) -> Job | None:
    """Queue a suggestion run for newly imported articles if the project asks for it."""
    if not project.suggest_on_import or not article_ids:
        return None
    return job_create(
        kind=JobKind.SUGGEST,
        team=project.team,
        project=project,
        actor=actor,
        params={
            "article_ids": article_ids,
            "operator": actor is None,
            "label": _("%(n)s imported article(s)") % {"n": len(article_ids)},
        },
        total=len(article_ids),
    )


def job_import_factchecks(
    *, team: Team, actor: AbstractBaseUser, url: str = "", name: str = "", data: bytes = b""
) -> Job:
    """Queue a ClaimReview import from a feed's URL, or from an uploaded file's bytes."""
    require_writer(user=actor, team=team)
    return job_create(
        kind=JobKind.IMPORT_FACTCHECKS,
        team=team,
        project=None,
        actor=actor,
        params={"url": url, "label": url or name},
        inputs=[] if url else [(name, data)],
    )


def job_embed_factchecks(*, team: Team, actor: AbstractBaseUser | None) -> Job:
    """Queue the sentence embedding of the team's fact-checks that have no vector yet."""
    return job_create(
        kind=JobKind.EMBED_FACTCHECKS,
        team=team,
        project=None,
        actor=actor,
        params={"label": team.name, "operator": actor is None},
    )


def embed_after_import(*, team: Team, actor: AbstractBaseUser | None, report: object) -> Job | None:
    """Queue the embedding of an import's new or reworded fact-checks; None if nothing to do.

    For the API's import, which answers with its report at once (the pages' import runs as a
    job that embeds when it has imported). Nothing without the model package.
    """
    from workbench.factchecks.ranker.embed import model_dir

    if model_dir() is None or not (report.created or report.updated):  # type: ignore[attr-defined]
        return None
    return job_embed_factchecks(team=team, actor=actor)


def job_refetch(*, project: Project | None) -> Job:
    """Queue the operator's re-fetch of every article with a URL (of one project, if given)."""
    return job_create(
        kind=JobKind.REFETCH,
        team=project.team if project is not None else None,
        project=project,
        actor=None,
        params={"operator": True, "label": project.name if project else _("every project")},
    )


def job_refetch_article(*, article: Article, actor: AbstractBaseUser) -> Job:
    """Queue the re-fetch of one article's URL (the reader's button)."""
    require_writer(user=actor, team=article.project.team)
    return job_create(
        kind=JobKind.REFETCH,
        team=article.project.team,
        project=article.project,
        actor=actor,
        params={"article_ids": [article.pk], "label": article.title[:200]},
        total=1,
    )


def job_export(
    *,
    project: Project,
    actor: AbstractBaseUser,
    fmt: str,
    status: str = "",
    include_unapproved: bool = False,
    base_url: str = "",
) -> Job:
    """Queue an export to a file; refuse an unknown format or status (ValueError) at once.

    The worker exports as the actor, through the same visibility as a download (the blind
    rule applies), and only the actor may download the file.
    """
    from workbench.exports import export_filename
    from workbench.exports.streaming import export_allowed

    export_allowed(project=project, user=actor)
    export_filename(project=project, fmt=fmt, status=status)  # checks format and status
    return job_create(
        kind=JobKind.EXPORT,
        team=project.team,
        project=project,
        actor=actor,
        params={
            "format": fmt,
            "status": status,
            "include_unapproved": include_unapproved,
            "base_url": base_url,
            "label": f"{project.name} ({fmt})",
        },
    )
