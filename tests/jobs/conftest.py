from __future__ import annotations

import json

import pytest

from workbench.jobs.models import Job, JobKind, JobState


def jsonl(n: int, *, word: str = "Zanzibarian", spans: bool = True, start: int = 0) -> str:
    """n distinct articles as JSON Lines, each with one claim span when `spans`."""
    lines = []
    for i in range(start, start + n):
        text = f"The harbour authority said dredging costs tripled. {word} report number {i}."
        record = {"title": f"{word} report {i}", "text": text}
        if spans:
            at = text.index("dredging")
            record["spans"] = [{"start": at, "end": at + 22, "label": "Claim"}]
        lines.append(json.dumps(record))
    return "\n".join(lines) + "\n"


@pytest.fixture
def small_threshold(settings):
    settings.WORKBENCH_JOB_THRESHOLD_BYTES = 200


def running_job(world, **fields) -> Job:
    """A job of the world's reviewer, running, 3 of 10 done; `fields` override."""
    values = {
        "kind": JobKind.IMPORT_JSONL,
        "team": world.team,
        "project": world.project,
        "created_by": world.reviewer,
        "state": JobState.RUNNING,
        "done": 3,
        "total": 10,
    }
    return Job.objects.create(**{**values, **fields})
