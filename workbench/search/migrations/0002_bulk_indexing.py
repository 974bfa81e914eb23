"""Let bulk imports index their rows in one statement: the insert triggers stand aside meanwhile.

PostgreSQL's trigger functions return early while a transaction-local setting is on; SQLite's
two insert triggers are re-created as schema.py now defines them.
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
