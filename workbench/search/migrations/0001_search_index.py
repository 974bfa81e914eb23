"""The full-text index: FTS5 tables on SQLite, tsvector documents with GIN indexes on PostgreSQL.

Both are kept in sync by triggers; the SQL lives in workbench.search.schema, which also
re-installs it after any later migration that rebuilt a table (and dropped its triggers).
"""

from django.db import migrations


def install(apps, schema_editor):
    from workbench.search import schema

    schema.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from workbench.search import schema

    schema.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("annotations", "0003_backfill_history"),
    ]

    operations = [migrations.RunPython(install, reverse_code=uninstall)]
