"""Import article files (.txt, .md, .html, .jsonl) and web pages into a project."""

from __future__ import annotations

import json
from pathlib import PurePath

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from workbench.articles.models import Article
from workbench.articles.selectors import project_by_handle
from workbench.articles.services import ImportResult
from workbench.imports.services import JSONL_SUFFIXES, import_paths


class Command(BaseCommand):
    help = (
        "Import articles from files or http(s) URLs into a project. Progress goes to stderr; "
        "with --json, one JSON object per article goes to stdout. Exits 1 if any item failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("items", nargs="+", metavar="PATH_OR_URL")
        parser.add_argument(
            "--project", required=True, help="project slug, or TEAM/SLUG when several teams use it"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object per article")

    def handle(self, *args: object, **options: object) -> None:
        try:
            project = project_by_handle(str(options["project"]))
        except LookupError as error:
            raise CommandError(str(error)) from error
        items: list[str] = list(options["items"])  # type: ignore[arg-type]
        sizes = [_article_count(item) for item in items]
        failures = 0
        # Write to the command's own stderr stream (call_command may redirect it); tqdm needs the
        # raw stream, not Django's line-ending wrapper.
        stream = self.stderr._out
        bar = tqdm(total=sum(sizes), unit="article", file=stream, disable=False, leave=True)
        done = 0
        reports = import_paths(project=project, actor=None, items=items, progress=bar.update)
        for (item, report), size in zip(reports, sizes, strict=True):
            # Failed or non-batch items advance the bar by what they were expected to hold.
            done += size
            bar.n = done
            bar.set_postfix_str(PurePath(item).name[-40:])
            for result in report.results:
                self._emit(result, item, as_json=bool(options["json"]))
            for failure in report.failures:
                tqdm.write(f"error: {failure.label or item}: {failure.message}", file=stream)
            if report.unlisted_failures:
                tqdm.write(
                    f"error: {item}: {report.unlisted_failures:,} more line(s) failed (not listed)",
                    file=stream,
                )
            failures += report.failed
        bar.close()
        if failures:
            raise CommandError(f"{failures} item(s) could not be imported (see above).")

    def _emit(self, result: ImportResult, item: str, *, as_json: bool) -> None:
        article = result.article
        if as_json:
            line = json.dumps(article_summary(article, result, item), ensure_ascii=False)
        else:
            state = "imported" if result.created else "already imported"
            line = f"{state}: #{article.pk} {article.title} ({result.label or item})"
        # Through tqdm: on a terminal the bar is cleared, the line printed and the bar drawn
        # again below it, so one bar remains instead of a bar glued to each line.
        tqdm.write(line, file=self.stdout._out)


def _article_count(item: str) -> int:
    """Return how many articles an item holds: its non-blank lines for JSON Lines, else one."""
    if PurePath(item).suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with open(item, "rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1


def article_summary(article: Article, result: ImportResult, item: str) -> dict:
    """Return the fields DESIGN.md promises for `import_articles --json`."""
    return {
        "id": article.pk,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "published": article.published.isoformat() if article.published else None,
        "syndicated_by": article.syndicated_by,
        "retrieved": article.retrieved.isoformat() if article.retrieved else None,
        "is_truncated": article.is_truncated,
        "body_chars": article.body_chars,
        "removed_lines": article.removed_lines,
        "title_is_provisional": article.title_is_provisional,
        "created": result.created,
        "input": result.label or item,
    }
