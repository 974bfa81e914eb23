"""The dashboard's verdict counts, kept in `annotations_verdictcount` by triggers on either backend.

One row per (project, verdict, status) holds how many claims of the project carry that verdict
with that status, for the statuses the dashboard counts (submitted and approved) and a verdict
that is set. Counting them on every dashboard view read every claim of the project (a scan of
the whole annotations table, 4.5 s at 1.2 million annotations); the table answers in one
index read. The blind rule is applied afterwards to the few articles the viewer still works on
(`workbench.review.dashboard_selectors.verdict_distribution`).

Triggers keep the rows exact whatever writes: services, bulk imports, `insert_rows`' COPY,
adjudication, revisions, cascaded deletes, raw SQL.
- SQLite: one row-level trigger per event (SQLite has no statement-level triggers; it has one
  writer at a time, so the counts rows are never contended).
- PostgreSQL: statement-level triggers with transition tables: one upsert per statement
  whatever its number of rows (an import's COPY of 120,000 annotations is one), the counts rows
  locked in key order so that two transactions cannot deadlock on them.

A delete only decrements rows that exist: when a project is deleted its counts rows may go
before its annotations, and a row inserted for a vanishing project would break its foreign key.
Articles never move between projects, so the article's project is read at write time only.
As with the search index (`workbench.search.schema`), SQLite's triggers are dropped before
migrations run and put back afterwards, counts rebuilt (`install`).
"""

# ruff: noqa: S608 - the SQL below is assembled from constants only, never from input.
from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "annotations_verdictcount"
COUNTED = "('submitted', 'approved')"
# Whether a row of annotations_annotation (`{row}`) is counted.
COUNTED_ROW = "{row}.kind = 'claim' AND {row}.status IN " + COUNTED + " AND {row}.verdict <> ''"

SQLITE_TRIGGERS = ["verdict_count_ai", "verdict_count_ad", "verdict_count_au"]
_SQLITE_ADD = f"""INSERT INTO {TABLE} (project_id, verdict, status, n)
      SELECT project_id, new.verdict, new.status, 1 FROM articles_article
      WHERE id = new.article_id AND {COUNTED_ROW.format(row="new")}
      ON CONFLICT (project_id, verdict, status) DO UPDATE SET n = n + 1;"""
_SQLITE_REMOVE = f"""UPDATE {TABLE} SET n = n - 1
      WHERE project_id = (SELECT project_id FROM articles_article WHERE id = old.article_id)
      AND verdict = old.verdict AND status = old.status AND {COUNTED_ROW.format(row="old")};"""
SQLITE_INSTALL = [
    f"""CREATE TRIGGER IF NOT EXISTS verdict_count_ai AFTER INSERT ON annotations_annotation
    WHEN {COUNTED_ROW.format(row="new")} BEGIN
      {_SQLITE_ADD}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS verdict_count_ad AFTER DELETE ON annotations_annotation
    WHEN {COUNTED_ROW.format(row="old")} BEGIN
      {_SQLITE_REMOVE}
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS verdict_count_au
    AFTER UPDATE OF kind, status, verdict, article_id ON annotations_annotation
    WHEN old.kind IS NOT new.kind OR old.status IS NOT new.status
      OR old.verdict IS NOT new.verdict OR old.article_id IS NOT new.article_id BEGIN
      {_SQLITE_REMOVE}
      {_SQLITE_ADD}
    END""",
]

PG_TRIGGERS = ["verdict_count_insert", "verdict_count_update", "verdict_count_delete"]
# The net change per key of one statement's rows (`{rows}`: a SELECT of article_id, verdict,
# status, and +1 or -1 as n).
_PG_DELTA = """SELECT ar.project_id, d.verdict, d.status, sum(d.n)::integer AS n
      FROM ({rows}) d JOIN articles_article ar ON ar.id = d.article_id
      GROUP BY 1, 2, 3 HAVING sum(d.n) <> 0"""
_PG_ROWS = "SELECT article_id, verdict, status, {n} AS n FROM {table} r WHERE " + COUNTED_ROW
_PG_NEW = _PG_ROWS.format(n=1, table="new_rows", row="r")
_PG_OLD = _PG_ROWS.format(n=-1, table="old_rows", row="r")
# One upsert in key order: the rows are locked in that order, so that two statements never
# wait on each other (no deadlock). A decrement of a row that is not there is dropped (above).
_PG_APPLY = f"""INSERT INTO {TABLE} (project_id, verdict, status, n)
      SELECT d.project_id, d.verdict, d.status, d.n FROM ({{delta}}) d
      WHERE d.n > 0 OR EXISTS (
        SELECT 1 FROM {TABLE} c
        WHERE c.project_id = d.project_id AND c.verdict = d.verdict AND c.status = d.status)
      ORDER BY 1, 2, 3
      ON CONFLICT (project_id, verdict, status) DO UPDATE SET n = {TABLE}.n + EXCLUDED.n;"""
PG_INSTALL = [
    f"""CREATE OR REPLACE FUNCTION verdict_count_apply() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        {_PG_APPLY.format(delta=_PG_DELTA.format(rows=_PG_NEW))}
      ELSIF TG_OP = 'DELETE' THEN
        {_PG_APPLY.format(delta=_PG_DELTA.format(rows=_PG_OLD))}
      ELSE
        {_PG_APPLY.format(delta=_PG_DELTA.format(rows=_PG_NEW + " UNION ALL " + _PG_OLD))}
      END IF;
      RETURN NULL;
    END $$""",
    """CREATE OR REPLACE TRIGGER verdict_count_insert AFTER INSERT ON annotations_annotation
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION verdict_count_apply()""",
    """CREATE OR REPLACE TRIGGER verdict_count_update AFTER UPDATE ON annotations_annotation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION verdict_count_apply()""",
    """CREATE OR REPLACE TRIGGER verdict_count_delete AFTER DELETE ON annotations_annotation
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION verdict_count_apply()""",
]
PG_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS {name} ON annotations_annotation" for name in PG_TRIGGERS),
    "DROP FUNCTION IF EXISTS verdict_count_apply()",
]

REBUILD = [
    f"DELETE FROM {TABLE}",
    f"""INSERT INTO {TABLE} (project_id, verdict, status, n)
    SELECT ar.project_id, a.verdict, a.status, count(*) FROM annotations_annotation a
    JOIN articles_article ar ON ar.id = a.article_id
    WHERE {COUNTED_ROW.format(row="a")}
    GROUP BY ar.project_id, a.verdict, a.status""",
]


def installed(connection: BaseDatabaseWrapper) -> bool:
    """Return whether every trigger is in place (one query)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            names = SQLITE_TRIGGERS
            sql = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ({})"
        elif connection.vendor == "postgresql":
            names = PG_TRIGGERS
            sql = (
                "SELECT count(DISTINCT tgname) FROM pg_trigger "
                "WHERE NOT tgisinternal AND tgname IN ({})"
            )
        else:
            return True
        cursor.execute(sql.format(", ".join(["%s"] * len(names))), names)
        return cursor.fetchone()[0] == len(names)


def install(connection: BaseDatabaseWrapper, *, rebuild: bool = True) -> None:
    """Create the triggers where missing, then count every claim again (one statement)."""
    statements = {"sqlite": SQLITE_INSTALL, "postgresql": PG_INSTALL}.get(connection.vendor, [])
    if rebuild:
        statements = [*statements, *REBUILD]
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def recount(connection: BaseDatabaseWrapper) -> None:
    """Count every claim again (after rows were written with the triggers disabled)."""
    with connection.cursor() as cursor:
        for statement in REBUILD:
            cursor.execute(statement)


def drop_triggers(connection: BaseDatabaseWrapper) -> None:
    """Drop the SQLite triggers only (`install` puts them back and recounts)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def uninstall(connection: BaseDatabaseWrapper) -> None:
    """Drop the triggers."""
    if connection.vendor == "sqlite":
        drop_triggers(connection)
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for statement in PG_UNINSTALL:
                cursor.execute(statement)
