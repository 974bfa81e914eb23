"""The text index matching uses: FTS5 on SQLite; tsvector, GIN and pg_trgm on PostgreSQL."""

from django.db import migrations


def install(apps, schema_editor):
    from workbench.factchecks import index

    index.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    from workbench.factchecks import index

    index.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("factchecks", "0001_initial"),
        # Earlier claims are matched through the search app's annotation index.
        ("search", "0002_bulk_indexing"),
    ]

    operations = [migrations.RunPython(install, reverse_code=uninstall)]
