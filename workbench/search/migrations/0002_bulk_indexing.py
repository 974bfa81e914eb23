"""Let bulk imports index their rows in one statement: the insert triggers stand aside meanwhile.

On SQLite the two insert triggers gain a WHEN clause (and the search_bulk table it reads); on
PostgreSQL the trigger functions return early while the transaction-local setting is on.
"""

from django.db import migrations


def upgrade(apps, schema_editor):
    from workbench.search import schema

    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS search_article_ai")
            cursor.execute("DROP TRIGGER IF EXISTS search_annotation_ai")
    schema.install(connection, rebuild=False)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_index")]

    operations = [migrations.RunPython(upgrade, reverse_code=migrations.RunPython.noop)]
