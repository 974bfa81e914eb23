from __future__ import annotations

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate, pre_migrate


class AnnotationsConfig(AppConfig):
    name = "workbench.annotations"
    label = "annotations"

    def ready(self) -> None:
        pre_migrate.connect(_drop_sqlite_triggers, sender=self)
        post_migrate.connect(_reinstall_dropped_triggers, sender=self)


def _counts_migrated(using: str) -> bool:
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connections[using])
    return ("annotations", "0011_fill_verdict_counts") in recorder.applied_migrations()


def _drop_sqlite_triggers(using: str = "default", plan: list | None = None, **kwargs) -> None:
    """Drop the verdict counts' SQLite triggers before migrations run; post_migrate puts them back.

    As with the search index's: SQLite alters a table by copying and renaming it, which drops
    the table's triggers, and refuses the rename of a table another table's trigger names.
    """
    connection = connections[using]
    if connection.vendor == "sqlite" and plan and _counts_migrated(using):
        from workbench.annotations import verdict_counts

        verdict_counts.drop_triggers(connection)


def _reinstall_dropped_triggers(using: str = "default", **kwargs) -> None:
    """Put back the verdict counts' triggers if missing, and count again (rows may have moved)."""
    from workbench.annotations import verdict_counts

    connection = connections[using]
    if _counts_migrated(using) and not verdict_counts.installed(connection):
        verdict_counts.install(connection)
