"""The export formats by name; free of models so that anything may import it at any time."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportFormat:
    name: str
    content_type: str
    extension: str


FORMATS: dict[str, ExportFormat] = {
    "jsonl": ExportFormat("jsonl", "application/x-ndjson; charset=utf-8", "jsonl"),
    "csv": ExportFormat("csv", "text/csv; charset=utf-8", "csv"),
    # The media type the Web Annotation Protocol gives an annotation collection.
    "w3c": ExportFormat(
        "w3c",
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
        "w3c.jsonld",
    ),
    "claimreview": ExportFormat("claimreview", "application/ld+json", "claimreview.jsonld"),
}
