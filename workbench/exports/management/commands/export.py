"""Export a project as JSON Lines, CSV, W3C Web Annotation or ClaimReview, streaming."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import BinaryIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from workbench.articles.selectors import project_by_handle
from workbench.exports import FORMATS, export_article_count, export_stream


class Command(BaseCommand):
    help = (
        "Export a project's articles and annotations to stdout or a file, streaming (constant "
        "memory). Progress goes to stderr. This is an operator's tool: without --as it exports "
        "everything, reviewers' blind drafts included (whoever runs it can read the database "
        "anyway); with --as USERNAME it exports what that member's annotation list shows, as the "
        "API and the project page do."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--project", required=True, help="project slug, or TEAM/SLUG when several teams use it"
        )
        parser.add_argument("--format", required=True, help=f"one of {', '.join(FORMATS)}")
        parser.add_argument(
            "--status",
            default="",
            help="only annotations with this status (draft, submitted, approved, rejected)",
        )
        parser.add_argument(
            "--include-unapproved",
            action="store_true",
            help="ClaimReview: also claims that are not approved (else approved claims only)",
        )
        parser.add_argument(
            "--as",
            dest="as_user",
            default="",
            metavar="USERNAME",
            help="export as this member sees the project (blind rule applied); "
            "without it, everything",
        )
        parser.add_argument("-o", "--output", default="", help="write to this file, not stdout")
        parser.add_argument(
            "--base-url",
            default="",
            help="the workbench's address, making ClaimReview urls links (else URNs)",
        )

    def handle(self, *args: object, **options: object) -> None:
        fmt, status = str(options["format"]), str(options["status"])
        try:
            if fmt not in FORMATS:
                raise ValueError(f"Unknown format {fmt!r}: choose one of {', '.join(FORMATS)}.")
            project = project_by_handle(str(options["project"]))
            user = _user(str(options["as_user"]))
            total = export_article_count(project=project, status=status)
            chunks = export_stream(
                project=project,
                user=user,
                fmt=fmt,
                status=status,
                include_unapproved=bool(options["include_unapproved"]),
                # The bar starts only once the export is allowed: a refusal prints no bar.
                progress=lambda n: bar.update(n),
                base_url=str(options["base_url"]),
            )
        except (LookupError, ValueError, PermissionDenied) as error:
            raise CommandError(str(error)) from error
        # tqdm needs the raw stream under Django's wrapper, which call_command may redirect.
        bar = tqdm(total=total, unit="article", file=self.stderr._out, leave=True)
        try:
            if options["output"]:
                _write_file(str(options["output"]), chunks)
            else:
                self._write_stdout(chunks)
        finally:
            bar.close()

    def _write_stdout(self, chunks: Iterator[bytes]) -> None:
        out = self.stdout._out
        binary: BinaryIO | None = getattr(out, "buffer", None)
        if binary is None:
            # A text stream (call_command(stdout=StringIO())): chunks end on whole records, so
            # each decodes on its own.
            for chunk in chunks:
                out.write(chunk.decode("utf-8"))
            return
        out.flush()
        try:
            for chunk in chunks:
                binary.write(chunk)
            binary.flush()
        except BrokenPipeError:
            # The reader stopped (`| head`): stop quietly, as Unix tools do, and point stdout
            # at /dev/null so that flushing it at exit does not fail again (Python docs' advice).
            os.dup2(os.open(os.devnull, os.O_WRONLY), binary.fileno())


def _user(username: str) -> AbstractBaseUser | None:
    """Return the member named by --as, or None (the operator) when it is not given."""
    if not username:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise LookupError(f"No active user is called {username!r}.")
    return user


def _write_file(path: str, chunks: Iterator[bytes]) -> None:
    """Write to a temporary name and rename at the end, so a failed export leaves no half file."""
    partial = f"{path}.part"
    try:
        with open(partial, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        os.replace(partial, path)
    except OSError as error:
        raise CommandError(f"Cannot write {path}: {error.strerror}") from error
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.remove(partial)
