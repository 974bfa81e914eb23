"""The fact-checks' tsvector GIN index back to fastupdate = on; the import empties its pending list.

Off (0004), each of an import's rows went into the index entry by entry: half of PostgreSQL's
CPU in an import of 100,000 (8.4 of 16.4 s, bench/README.md). On, the rows wait in the pending
list and the import merges it into the index at its end (`gin_clean_pending_list`, sorted, in
bulk: 1.4 s), inside its transaction, so no search reads a long pending list after an import.
Only the import writes fact-checks. The claims' index (search_annotation_document_gin) stays off.
"""

from django.db import migrations


def _set(schema_editor, fastupdate: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"ALTER INDEX IF EXISTS factcheck_document_gin SET (fastupdate = {fastupdate})"
        )


def fastupdate_on(apps, schema_editor):
    _set(schema_editor, "on")


def fastupdate_off(apps, schema_editor):
    _set(schema_editor, "off")


class Migration(migrations.Migration):
    dependencies = [("factchecks", "0006_claim_vector")]

    operations = [migrations.RunPython(fastupdate_on, reverse_code=fastupdate_off)]
