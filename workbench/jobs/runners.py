"""What each kind of job does: the same import services as the pages and the API, in a worker.

A runner reads its job's inputs, reports progress, and leaves counts (`result`), where to go
next (`links`) and a one-line summary (`message`) on the job; `job_run` saves them.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.urls import reverse
from django.utils.translation import gettext as _

from workbench.articles.models import Article, ImportSource, Project
from workbench.articles.services import article_import_url
from workbench.imports.dataset import dataset_import
from workbench.imports.services import (
    JSONL_SUFFIXES,
    ImportReport,
    articles_import_file,
    articles_import_jsonl,
    articles_import_jsonl_stream,
)
from workbench.jobs.models import Job, JobKind
from workbench.jobs.services import Progress
from workbench.jobs.starts import suggest_after_import


def _actor(job: Job) -> AbstractBaseUser | None:
    """Who the job acts as; a member's job whose member is gone acts as nobody, not as all."""
    if job.created_by is None and not job.params.get("operator"):
        raise ValidationError(_("The user who started this job no longer exists."))
    return job.created_by


def _project(job: Job) -> Project:
    if job.project is None:
        raise ValidationError(_("The project of this job no longer exists."))
    return job.project


def _jsonl_lines(data: bytes) -> int:
    return sum(1 for line in data.splitlines() if line.strip())


def run_import_files(job: Job, progress: Progress) -> None:
    project, actor = _project(job), _actor(job)
    inputs = list(job.inputs.all())
    sizes = [_jsonl_lines(bytes(item.data)) if _is_jsonl(item.name) else 1 for item in inputs]
    progress.set_total(sum(sizes))
    report = ImportReport()
    for item, size in zip(inputs, sizes, strict=True):
        start = job.done
        report.add(_import_file(project, actor, item.name, bytes(item.data), size, progress.step))
        progress.step(max(0, start + size - job.done))
    _finish_import(job, project, report, progress)


def run_import_jsonl(job: Job, progress: Progress) -> None:
    project, actor = _project(job), _actor(job)
    item = job.inputs.get()
    data = bytes(item.data)
    size = _jsonl_lines(data)
    progress.set_total(size)
    label = job.params.get("label", "")
    if size > settings.WORKBENCH_MAX_IMPORT_LINES:
        report = articles_import_jsonl_stream(
            project=project,
            actor=actor,
            handle=io.BytesIO(data),
            label=label,
            source=ImportSource.JSONL,
            progress=progress.step,
        )
    else:
        report = articles_import_jsonl(
            project=project,
            actor=actor,
            text=data.decode("utf-8"),
            label=label,
            progress=progress.step,
        )
    _finish_import(job, project, report, progress)


def run_import_urls(job: Job, progress: Progress) -> None:
    project, actor = _project(job), _actor(job)
    urls = [url for url in job.params.get("urls", []) if isinstance(url, str)]
    progress.set_total(len(urls))
    report = ImportReport()
    for url in urls:
        try:
            report.results.append(article_import_url(project=project, actor=actor, url=url))
        except ValidationError as error:
            report.fail(url, " ".join(error.messages))
        progress.step(1)
    _finish_import(job, project, report, progress)


def run_import_dataset(job: Job, progress: Progress) -> None:
    from workbench.articles.selectors import project_by_handle

    path, handle = job.params["path"], job.params["project"]
    try:
        with open(path, "rb") as lines:
            progress.set_total(sum(1 for line in lines if line.strip()))
        with open(path, "rb") as lines:
            report = dataset_import(handle=handle, lines=lines, progress=progress.step)
    except OSError as error:
        raise ValidationError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}
        ) from error
    for number, message in report.failures:
        progress.error(_("line %(n)s") % {"n": number}, message)
    progress.job.unlisted_errors += report.unlisted_failures
    try:
        project = project_by_handle(handle)
    except LookupError:
        project = None
    if project is not None:
        job.project, job.team = project, project.team
        job.links = [{"label": project.name, "url": project.get_absolute_url()}]
    job.result = {"created": report.created, "duplicates": report.skipped, "failed": report.failed}
    job.message = _(
        "Imported %(created)s article(s); %(skipped)s already there; %(failed)s line(s) failed."
    ) % {"created": report.created, "skipped": report.skipped, "failed": report.failed}


def run_export(job: Job, progress: Progress) -> None:
    """Write the export to a file, page by page as the download would stream it."""
    from workbench.exports import export_article_count, export_filename, export_stream

    project, actor = _project(job), _actor(job)
    options = {
        "fmt": job.params["format"],
        "status": job.params.get("status", ""),
        "include_unapproved": bool(job.params.get("include_unapproved")),
    }
    progress.set_total(export_article_count(project=project, status=options["status"]))
    chunks = export_stream(
        project=project,
        user=actor,
        progress=progress.step,
        base_url=job.params.get("base_url", ""),
        **options,
    )
    name = export_filename(project=project, **options)
    with tempfile.TemporaryFile() as handle:
        size = 0
        for chunk in chunks:
            handle.write(chunk)
            size += len(chunk)
        handle.seek(0)
        job.output.save(f"{job.pk}-{name}", File(handle), save=False)
    job.output_name = name
    job.done = job.total
    job.result = {"articles": job.total, "bytes": size}
    job.links = [
        {"label": _("Download %(name)s") % {"name": name}, "url": job.download_url()},
        {"label": project.name, "url": project.get_absolute_url()},
    ]
    job.message = _("Exported %(n)s article(s) to %(name)s (%(size)s bytes).") % {
        "n": job.total,
        "name": name,
        "size": f"{size:,}",
    }


def run_suggest(job: Job, progress: Progress) -> None:
    """Run the suggestion finder on each article once, so the reader opens with them ready."""
    from workbench.suggest.services import suggestions_prepare

    project = _project(job)
    ids = [i for i in job.params.get("article_ids", []) if isinstance(i, int)]
    progress.set_total(len(ids))
    ready = 0
    for article in project.articles.filter(pk__in=ids).order_by("pk").iterator():
        try:
            suggestions_prepare(article=article)
            ready += 1
        except ValidationError as error:
            progress.error(article.title, " ".join(error.messages))
        progress.step(1)
    job.done = job.total
    job.result = {"articles": ready, "failed": len(ids) - ready}
    job.links = [{"label": project.name, "url": project.get_absolute_url()}]
    job.message = _("Suggestions ready for %(n)s article(s).") % {"n": ready}


def run_import_factchecks(job: Job, progress: Progress) -> None:
    """Import ClaimReview records from a feed's URL or an uploaded file, all or nothing.

    The import is one transaction (the service's), so its progress is written when it ends: a
    progress row written inside it would hold a lock that a cancel request would wait on.
    """
    from workbench.factchecks.services import factchecks_import_text, factchecks_import_url

    if job.team is None:
        raise ValidationError(_("The team of this job no longer exists."))
    actor = _actor(job)
    progress.set_total(1)
    if url := job.params.get("url"):
        report = factchecks_import_url(team=job.team, actor=actor, url=url)
    else:
        item = job.inputs.get()
        try:
            text = bytes(item.data).decode("utf-8")
        except UnicodeDecodeError as error:
            raise ValidationError(_("The file is not UTF-8 text.")) from error
        report = factchecks_import_text(team=job.team, actor=actor, text=text)
    for bad in report.errors:
        progress.error(_("record %(n)s") % {"n": bad.number}, bad.message)
    job.total = job.done = report.created + report.updated + len(report.errors)
    job.result = {
        "created": report.created,
        "updated": report.updated,
        "failed": len(report.errors),
    }
    url = reverse("factchecks:factcheck_list", args=[job.team.slug])
    job.links = [{"label": _("Known fact-checks"), "url": url}]
    job.message = _("%(created)s new, %(updated)s updated, %(failed)s refused.") % job.result
    _embed(job, progress)


def _embed(job: Job, progress: Progress) -> None:
    """Compute the sentence vectors of the team's fact-checks that have none (after an import).

    Outside the import's transaction, in batches: a cancel or a kill keeps what was stored,
    and the next run (or a match, or `manage.py embed_factchecks`) does the rest. Nothing to
    do without the model package: matching then uses its lexical weights.
    """
    from workbench.factchecks.ranker.embed import load_encoder
    from workbench.factchecks.services import factcheck_vectors_fill

    if job.team is None or load_encoder() is None:
        return
    embedded = factcheck_vectors_fill(team=job.team, progress=progress.step)
    job.result = {**(job.result or {}), "embedded": embedded}


def run_embed_factchecks(job: Job, progress: Progress) -> None:
    """Compute the missing sentence vectors of the team's fact-checks (queued by the API import)."""
    if job.team is None:
        raise ValidationError(_("The team of this job no longer exists."))
    progress.set_total(0)
    job.result = {}
    _embed(job, progress)
    url = reverse("factchecks:factcheck_list", args=[job.team.slug])
    job.links = [{"label": _("Known fact-checks"), "url": url}]
    job.message = _("%(n)s fact-check(s) embedded.") % {"n": job.result.get("embedded", 0)}


def run_refetch(job: Job, progress: Progress) -> None:
    """Fetch the articles' URLs again; a changed text becomes a revision, re-anchored."""
    from workbench.annotations.revisions import article_refetch

    actor = _actor(job)
    articles = Article.objects.exclude(url="").select_related("project").order_by("pk")
    if job.project is not None:
        articles = articles.filter(project=job.project)
    if ids := job.params.get("article_ids"):
        articles = articles.filter(pk__in=ids)
    progress.set_total(articles.count())
    changed = failed = 0
    for article in articles.iterator(chunk_size=100):
        try:
            result = article_refetch(article=article, by=actor)
            changed += result.revision is not None
        except ValidationError as error:
            failed += 1
            progress.error(article.url, " ".join(error.messages))
        progress.step(1)
    job.result = {"changed": changed, "unchanged": job.total - changed - failed, "failed": failed}
    if job.project is not None:
        job.links = [{"label": job.project.name, "url": job.project.get_absolute_url()}]
    if ids and len(ids) == 1 and (article := Article.objects.filter(pk=ids[0]).first()):
        job.links.insert(0, {"label": article.title, "url": article.get_absolute_url()})
    job.message = _("%(changed)s changed, %(unchanged)s unchanged, %(failed)s failed.") % job.result


def _is_jsonl(name: str) -> bool:
    return PurePath(name).suffix.lower() in JSONL_SUFFIXES


def _import_file(
    project: Project,
    actor: AbstractBaseUser | None,
    name: str,
    data: bytes,
    size: int,
    step: Callable[[int], object],
) -> ImportReport:
    """Import one uploaded file; a JSON Lines file past the request's line limit is streamed."""
    if _is_jsonl(name) and size > settings.WORKBENCH_MAX_IMPORT_LINES:
        return articles_import_jsonl_stream(
            project=project,
            actor=actor,
            handle=io.BytesIO(data),
            label=name,
            source=ImportSource.FILE,
            progress=step,
        )
    return articles_import_file(project=project, actor=actor, name=name, data=data, progress=step)


def _finish_import(job: Job, project: Project, report: ImportReport, progress: Progress) -> None:
    for failure in report.failures:
        progress.error(failure.label, failure.message)
    job.unlisted_errors += report.unlisted_failures
    job.done = job.total
    job.result = {
        "created": report.created,
        "duplicates": report.duplicates,
        "annotations": report.annotations,
        "failed": report.failed,
    }
    job.links = [{"label": project.name, "url": project.get_absolute_url()}]
    if report.created == 1 and len(report.results) == 1:
        article = report.results[0].article
        job.links.append({"label": article.title, "url": article.get_absolute_url()})
    created = [r.article.pk for r in report.results if r.created]
    suggesting = suggest_after_import(project=project, actor=job.created_by, article_ids=created)
    if suggesting is not None:
        job.links.append({"label": _("Suggestions"), "url": suggesting.get_absolute_url()})
    message = _(
        "Imported %(created)s article(s) with %(annotations)s annotation(s); "
        "%(duplicates)s already there; %(failed)s failed."
    )
    job.message = message % job.result
    if job.attempts > 1:
        job.message += " " + _(
            "This was run %(n)s times (a worker stopped mid-way): what an earlier run stored "
            "is counted as already there."
        ) % {"n": job.attempts}


RUNNERS: dict[str, Callable[[Job, Progress], None]] = {
    JobKind.IMPORT_FILES: run_import_files,
    JobKind.IMPORT_JSONL: run_import_jsonl,
    JobKind.IMPORT_URLS: run_import_urls,
    JobKind.IMPORT_DATASET: run_import_dataset,
    JobKind.EXPORT: run_export,
    JobKind.SUGGEST: run_suggest,
    JobKind.IMPORT_FACTCHECKS: run_import_factchecks,
    JobKind.REFETCH: run_refetch,
    JobKind.EMBED_FACTCHECKS: run_embed_factchecks,
}
