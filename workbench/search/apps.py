from __future__ import annotations

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate, pre_migrate


class SearchConfig(AppConfig):
    name = "workbench.search"
    label = "search"

    def ready(self) -> None:
        pre_migrate.connect(_drop_sqlite_triggers, sender=self)
        post_migrate.connect(_reinstall_dropped_triggers, sender=self)


def _index_migrated(using: str) -> bool:
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connections[using])
    return ("search", "0001_search_index") in recorder.applied_migrations()


def _drop_sqlite_triggers(using: str = "default", plan: list | None = None, **kwargs) -> None:
    """Drop the SQLite index's triggers before migrations run; post_migrate puts them back.

    SQLite alters a table by copying it and renaming the copy, and refuses the rename while a
    trigger on another table (the annotations' one reads entity names) names the table.
    """
    connection = connections[using]
    if connection.vendor == "sqlite" and plan and _index_migrated(using):
        from workbench.search import schema

        schema.drop_triggers(connection)


def _reinstall_dropped_triggers(using: str = "default", **kwargs) -> None:
    """Put back the index's triggers if missing, and rebuild the index (its rows may have moved)."""
    from workbench.search import schema

    connection = connections[using]
    if _index_migrated(using) and not schema.installed(connection):
        schema.install(connection)
