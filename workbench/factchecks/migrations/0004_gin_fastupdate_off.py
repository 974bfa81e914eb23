"""Matching's GIN indexes on PostgreSQL without a pending list (fastupdate = off).

With fastupdate on, rows inserted in bulk (an import of 100,000 fact-checks, a batch of
claims) wait in the index's pending list until a VACUUM, and every search reads that list
end to end: a match took over 100 ms at the 95th percentile after a large import. Off, each
insert updates the index itself: a little slower to write, always as fast to read.
The trigram index keeps its pending list: matching does not search it (similarity() is
computed on a bounded set of rows), and with some 100 trigrams a claim, writing it entry by
entry made an import of 100,000 fact-checks several times slower.
"""

from django.db import migrations

INDEXES = ["factcheck_document_gin", "search_annotation_document_gin"]


def _set(schema_editor, fastupdate: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for name in INDEXES:
            cursor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = {fastupdate})")
            if fastupdate == "off":
                # What waits in the pending list goes into the index proper now.
                cursor.execute(
                    "SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.relname = %s",
                    [name],
                )


def fastupdate_off(apps, schema_editor):
    _set(schema_editor, "off")


def fastupdate_on(apps, schema_editor):
    _set(schema_editor, "on")


class Migration(migrations.Migration):
    dependencies = [
        ("factchecks", "0003_claimcheck"),
        ("search", "0002_bulk_indexing"),
    ]

    operations = [migrations.RunPython(fastupdate_off, reverse_code=fastupdate_on)]
