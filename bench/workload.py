"""Load the shared benchmark workload into the database through a fast bulk path.

`load_workload(path, n_spans_status="approved")` creates a team "bench" with a lead "bench",
a project "bench", and one article per workload line with its 12 spans as annotations (label
"Quote" → quote, "Claim" → claim), written with bulk_create in chunks. It bypasses the
cleaner on purpose: the workload text is already clean, and the benchmarks measure serving and
exporting, not importing (bench/import_bench.py measures that).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

CHUNK = 1000
CONTEXT = 32


def load_workload(path: Path, *, status: str = "approved") -> dict[str, int]:
    """Bulk-load the workload file; return the ids of the team, project and lead."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from workbench.accounts.models import Membership, Role, Team
    from workbench.annotations.models import Annotation
    from workbench.articles.models import Article, Project

    user_model = get_user_model()
    with transaction.atomic():
        team = Team.objects.create(name="Bench", slug="bench")
        lead = user_model.objects.create_user(username="bench", password=None)
        Membership.objects.create(user=lead, team=team, role=Role.LEAD)
        project = Project.objects.create(team=team, name="Bench", slug="bench", created_by=lead)
    with path.open(encoding="utf-8") as lines:
        batch: list[dict] = []
        for line in lines:
            batch.append(json.loads(line))
            if len(batch) == CHUNK:
                _store(batch, project, lead, status, Article, Annotation)
                batch = []
        if batch:
            _store(batch, project, lead, status, Article, Annotation)
    return {"team": team.pk, "project": project.pk, "lead": lead.pk}


def _store(batch, project, lead, status, article_model, annotation_model) -> None:  # noqa: ANN001
    from django.db import transaction

    with transaction.atomic():
        articles = article_model.objects.bulk_create(
            article_model(
                project=project,
                title=record["title"],
                body=record["text"],
                raw=record["text"],
                checksum=hashlib.sha256(record["text"].encode()).hexdigest(),
                source="dataset",
                created_by=lead,
            )
            for record in batch
        )
        annotations = []
        for article, record in zip(articles, batch, strict=True):
            body = record["text"]
            for span in record["spans"]:
                start, end = span["start"], span["end"]
                annotations.append(
                    annotation_model(
                        article=article,
                        kind=span["label"].lower(),
                        start=start,
                        end=end,
                        exact=body[start:end],
                        prefix=body[max(0, start - CONTEXT) : start],
                        suffix=body[end : end + CONTEXT],
                        annotator=lead,
                        status=status,
                    )
                )
        annotation_model.objects.bulk_create(annotations, batch_size=2000)
