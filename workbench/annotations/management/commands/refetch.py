"""Fetch articles' URLs again and keep what changed as new revisions, re-anchoring annotations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from workbench.annotations.revisions import article_refetch
from workbench.articles.models import Article
from workbench.articles.selectors import project_by_handle
from workbench.jobs.starts import job_refetch


class Command(BaseCommand):
    help = (
        "Fetch every article that has a URL again (of one project with --project) through the "
        "SSRF-safe fetcher. A changed text becomes a new revision and its annotations are "
        "re-anchored: exact, moved, fuzzy or orphaned (never dropped). One line per article; "
        "--changed-only prints only the articles whose text changed, and the failures."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--project", help="project slug, or TEAM/SLUG; default: every project")
        parser.add_argument(
            "--changed-only", action="store_true", help="print only changed articles and failures"
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="queue the re-fetch as a background job (manage.py jobs_worker runs it) and "
            "print its page instead of waiting",
        )

    def handle(self, *args: object, **options: object) -> None:
        articles = Article.objects.exclude(url="").select_related("project").order_by("pk")
        project = None
        if options["project"]:
            try:
                project = project_by_handle(str(options["project"]))
            except LookupError as error:
                raise CommandError(str(error)) from error
            articles = articles.filter(project=project)
        if options["background"]:
            job = job_refetch(project=project)
            self.stdout.write(
                f"Queued job {job.pk} ({job.get_state_display().lower()}): "
                f"{job.get_absolute_url()} or GET /api/v1/jobs/{job.pk}/"
            )
            return
        changed = failed = 0
        for article in articles.iterator(chunk_size=100):
            try:
                result = article_refetch(article=article, by=None)
            except ValidationError as error:
                failed += 1
                self.stderr.write(f"{article.pk} {article.url}: {' '.join(error.messages)}")
                continue
            if result.revision is None:
                if not options["changed_only"]:
                    self.stdout.write(f"{article.pk} unchanged")
                continue
            changed += 1
            states = ", ".join(f"{n} {state}" for state, n in sorted(result.states.items()))
            self.stdout.write(
                f"{article.pk} revision {result.revision.number}: {states or 'no annotations'}"
            )
        self.stdout.write(f"{changed} changed, {failed} failed")
        if failed:
            raise CommandError(f"{failed} article(s) could not be fetched")
