"""Start an export: check the format and filter, then stream the chosen format's bytes.

Every format reads the project a page of articles at a time (see selectors.export_pages) and
yields bytes as it goes, so memory does not grow with the project and the first bytes leave
before the database is read to the end. The API wraps `export_stream` in a
StreamingHttpResponse; `manage.py export` writes it to a file or stdout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.utils import timezone

from workbench.annotations.models import AnnotationStatus
from workbench.articles.models import Project
from workbench.exports import claimreview, csv_format, jsonl, w3c
from workbench.exports.common import Writer
from workbench.exports.formats import FORMATS
from workbench.exports.selectors import export_article_count as _article_count

WRITERS: dict[str, Writer] = {
    "jsonl": jsonl.stream,
    "csv": csv_format.stream,
    "w3c": w3c.stream,
    "claimreview": claimreview.stream,
}


def _check(fmt: str, status: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}.")
    if status and status not in AnnotationStatus.values:
        raise ValueError(
            f"Unknown annotation status {status!r}: choose one of "
            f"{', '.join(AnnotationStatus.values)}, or none for all."
        )


def export_stream(
    *,
    project: Project,
    fmt: str,
    status: str = "",
    progress: Callable[[int], object] | None = None,
    base_url: str = "",
) -> Iterator[bytes]:
    """Return an iterator of the export's bytes; refuse an unknown format or status at once.

    The check runs here, before the generator starts, so an API view can answer 400 before it
    commits to a streaming 200. `status` keeps only annotations with that status. `progress`
    is called with the number of articles written after each page. `base_url` (such as
    "https://workbench.example.org") makes ClaimReview `url`s absolute links into the
    workbench; without it they are stable URNs.
    """
    _check(fmt, status)
    return WRITERS[fmt](
        project=project, status=status, progress=progress, base_url=base_url.rstrip("/")
    )


def export_filename(*, project: Project, fmt: str, status: str = "") -> str:
    """Return the download name, such as "demo-newsroom_demo_approved_2026-11-25.jsonl"."""
    _check(fmt, status)
    parts = [project.team.slug, project.slug, *([status] if status else [])]
    parts.append(timezone.localdate().isoformat())
    return f"{'_'.join(parts)}.{FORMATS[fmt].extension}"


def export_article_count(*, project: Project, status: str = "") -> int:
    """Return how many articles an export reads, the total for a progress bar.

    Every format reads every article of the project whatever the status filter (only the
    annotations are filtered), so the status only has to be valid.
    """
    _check("jsonl", status)
    return _article_count(project=project)
