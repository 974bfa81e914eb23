"""Start an export: check the format and filter, then stream the chosen format's bytes.

Every format reads the project a page of articles at a time (see selectors.export_pages) and
yields bytes as it goes, so memory does not grow with the project and the first bytes leave
before the database is read to the end. The API (and with it the project page's *Download
export*) wraps `export_stream` in a StreamingHttpResponse; `manage.py export` writes it to a
file or stdout.

Who may export, and what they get, is decided here and only here: every member of the project's
team (lead, reviewer, viewer) may export, and gets the annotations their annotation list shows,
the blind rule applied in SQL (see selectors.visible_annotations). An export is a read like
the list: a viewer reads every submitted annotation through the API already, and researchers
who pull datasets are often viewers. `user=None` is the operator at the command line, who reads
the database anyway and gets everything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from workbench.accounts.models import Membership
from workbench.annotations.models import AnnotationStatus
from workbench.articles.models import Project
from workbench.exports import claimreview, csv_format, jsonl, w3c
from workbench.exports.common import Viewer, Writer
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


def export_allowed(*, project: Project, user: Viewer) -> None:
    """Refuse (PermissionDenied) a user who is not a member of the project's team.

    The API finds the project through the user's teams first (an outsider gets 404 there);
    this guards every other caller, such as `manage.py export --as`.
    """
    if user is None:
        return
    if not (
        user.is_authenticated
        and Membership.objects.filter(user_id=user.pk, team_id=project.team_id).exists()
    ):
        raise PermissionDenied("Only members of the project's team may export it.")


def export_status(*, fmt: str, status: str = "", include_unapproved: bool = False) -> str:
    """Return the status filter an export applies: ClaimReview publishes approved claims only.

    ClaimReview is markup for publication, so without an explicit `status` it keeps approved
    claims unless `include_unapproved` is given; the other formats keep every status.
    """
    if fmt == "claimreview" and not status and not include_unapproved:
        return AnnotationStatus.APPROVED
    return status


def export_stream(
    *,
    project: Project,
    user: Viewer,
    fmt: str,
    status: str = "",
    include_unapproved: bool = False,
    progress: Callable[[int], object] | None = None,
    base_url: str = "",
) -> Iterator[bytes]:
    """Return an iterator of the export's bytes; refuse an unknown format or status at once.

    The checks run here, before the generator starts, so an API view can answer 400 (or 403)
    before it commits to a streaming 200. `user` is whose export it is (see the module's
    docstring; None for the operator). `status` keeps only annotations with that status
    (ClaimReview: approved unless `include_unapproved`, see `export_status`). `progress` is
    called with the number of articles written after each page. `base_url` (such as
    "https://workbench.example.org") makes ClaimReview `url`s absolute links into the
    workbench; without it they are stable URNs.
    """
    _check(fmt, status)
    export_allowed(project=project, user=user)
    return WRITERS[fmt](
        project=project,
        user=user,
        status=export_status(fmt=fmt, status=status, include_unapproved=include_unapproved),
        progress=progress,
        base_url=base_url.rstrip("/"),
    )


def export_filename(
    *, project: Project, fmt: str, status: str = "", include_unapproved: bool = False
) -> str:
    """Return the download name, such as "demo-newsroom_demo_approved_2026-11-25.jsonl"."""
    _check(fmt, status)
    status = export_status(fmt=fmt, status=status, include_unapproved=include_unapproved)
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
