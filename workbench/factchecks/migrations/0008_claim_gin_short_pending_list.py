"""The claims' (annotations') tsvector GIN index gets a short pending list: fastupdate on, 128 kB.

Off (0004), every imported annotation's words went into the index entry by entry: in an API
import of the shared workload that was the largest single statement of the import (1.45 s of
4.0 s for 2,000 articles with 24,000 annotations, in process, PostgreSQL). On with the default
4 MB list, a search reads up to 4 MB of unsorted entries (what 0004 was for: the claim match's
p95 after a large import). With a 128 kB list, inserts are appended and merged into the index
in sorted batches by the insert that fills it (the same import: 0.32 s, whole import 3.0 s),
and a search reads at most 128 kB of pending entries.
"""
from __future__ import annotations

from django.db import migrations

INDEX = "search_annotation_document_gin"


def _set(schema_editor, options: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER INDEX IF EXISTS {INDEX} SET ({options})")


def short_pending_list(apps, schema_editor):
    _set(schema_editor, "fastupdate = on, gin_pending_list_limit = 128")


def no_pending_list(apps, schema_editor):
    _set(schema_editor, "fastupdate = off")
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"ALTER INDEX IF EXISTS {INDEX} RESET (gin_pending_list_limit)")
            cursor.execute(
                "SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.relname = %s",
                [INDEX],
            )


class Migration(migrations.Migration):
    dependencies = [("factchecks", "0007_document_gin_fastupdate_on")]

    operations = [migrations.RunPython(short_pending_list, reverse_code=no_pending_list)]
