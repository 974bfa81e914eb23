from __future__ import annotations

import json

import pytest


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
