"""The annotations' tsvector GIN index back to fastupdate = on; the import merges its pending list.

Off (factchecks 0004, for claim matching), each imported annotation went into the index entry by
entry: 0.4 s of PostgreSQL's time for every 500 articles of the shared workload (6,000 spans),
about half of the API import. On, a bulk import's entries wait in the pending list and the import
merges them sorted, in bulk, before its commit (`BulkIndex.index_annotations_of`: 0.1 s), so no
search reads a long pending list after an import. Annotations made one at a time wait there
until the list passes 512 kB (this index's gin_pending_list_limit, an eighth of the default,
so a search never reads much of it) or autovacuum runs.
"""

from django.db import migrations

INDEX = "search_annotation_document_gin"


def _alter(schema_editor, options: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"ALTER INDEX IF EXISTS {INDEX} {options}")


def fastupdate_on(apps, schema_editor):
    _alter(schema_editor, "SET (fastupdate = on, gin_pending_list_limit = 512)")


def fastupdate_off(apps, schema_editor):
    _alter(schema_editor, "SET (fastupdate = off)")
    _alter(schema_editor, "RESET (gin_pending_list_limit)")
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            # Off stops new entries going to the list; what waits there is merged now.
            cursor.execute(f"SELECT gin_clean_pending_list('{INDEX}'::regclass)")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_bulk_indexing"),
        ("factchecks", "0007_document_gin_fastupdate_on"),
    ]

    operations = [migrations.RunPython(fastupdate_on, reverse_code=fastupdate_off)]
