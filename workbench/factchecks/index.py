"""The fact-checks' text index: an FTS5 table on SQLite, a tsvector and trigrams on PostgreSQL.

- SQLite: `factchecks_fts` (claim, claimant) keyed by the fact-check's id, written by the import
  service in the same transaction as the rows (one statement per batch, no per-row trigger: the
  admin is read-only and nothing else writes fact-checks). Ids are never reused (Django's
  SQLite tables are AUTOINCREMENT), so an entry left by a deleted team's rows matches nothing.
- PostgreSQL: a generated `document` column (the `simple` configuration, as the search index:
  no stemming, no stop words) with a GIN index, kept current by the database itself; and a GIN
  trigram index (`pg_trgm`) on the claim's text, which serves the list's word search
  (ILIKE '%word%') and makes `similarity()` available to matching.
"""

# ruff: noqa: S608 - the SQL below is assembled from constants only, never from input.
from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

SQLITE_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS factchecks_fts USING fts5(claim, claimant, "
    "tokenize='unicode61 remove_diacritics 2')",
    # Document frequencies, so that matching asks the engine for the rarer words only.
    "CREATE VIRTUAL TABLE IF NOT EXISTS factchecks_fts_vocab USING fts5vocab(factchecks_fts, row)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS factchecks_claim_vocab "
    "USING fts5vocab(search_annotation_fts, row)",
    "DELETE FROM factchecks_fts",
    "INSERT INTO factchecks_fts(rowid, claim, claimant) "
    "SELECT id, claim_reviewed, claimant FROM factchecks_factcheck",
]
SQLITE_UNINSTALL = [
    "DROP TABLE IF EXISTS factchecks_claim_vocab",
    "DROP TABLE IF EXISTS factchecks_fts_vocab",
    "DROP TABLE IF EXISTS factchecks_fts",
]
PG_INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE factchecks_factcheck ADD COLUMN IF NOT EXISTS document tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, left(claim_reviewed, 100000) "
    "|| ' ' || claimant)) STORED",
    "CREATE INDEX IF NOT EXISTS factcheck_document_gin ON factchecks_factcheck "
    "USING gin (document)",
    "CREATE INDEX IF NOT EXISTS factcheck_claim_trgm ON factchecks_factcheck "
    "USING gin (claim_reviewed gin_trgm_ops)",
]
PG_UNINSTALL = [
    "DROP INDEX IF EXISTS factcheck_claim_trgm",
    "DROP INDEX IF EXISTS factcheck_document_gin",
    "ALTER TABLE factchecks_factcheck DROP COLUMN IF EXISTS document",
]


def _run(connection: BaseDatabaseWrapper, statements: dict[str, list[str]]) -> None:
    with connection.cursor() as cursor:
        for statement in statements.get(connection.vendor, []):
            cursor.execute(statement)


def install(connection: BaseDatabaseWrapper) -> None:
    """Create the index where missing and fill it from the rows."""
    _run(connection, {"sqlite": SQLITE_INSTALL, "postgresql": PG_INSTALL})


def uninstall(connection: BaseDatabaseWrapper) -> None:
    _run(connection, {"sqlite": SQLITE_UNINSTALL, "postgresql": PG_UNINSTALL})


def reindex(connection: BaseDatabaseWrapper, ids: list[int], *, new: list[int] = ()) -> None:
    """Index fact-checks again after their text changed, and `new` ones (SQLite only).

    PostgreSQL's generated column keeps itself current.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for chunk, known in [*_chunks(ids, True), *_chunks(list(new), False)]:
            marks = ", ".join(["%s"] * len(chunk))
            if known:
                cursor.execute(f"DELETE FROM factchecks_fts WHERE rowid IN ({marks})", chunk)
            cursor.execute(
                "INSERT INTO factchecks_fts(rowid, claim, claimant) SELECT id, claim_reviewed, "
                f"claimant FROM factchecks_factcheck WHERE id IN ({marks})",
                chunk,
            )


def _chunks(ids: list[int], known: bool) -> list[tuple[list[int], bool]]:
    return [(ids[start : start + 900], known) for start in range(0, len(ids), 900)]
