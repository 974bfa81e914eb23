"""The full-text index, kept in the database itself and in sync by triggers, on either backend.

- SQLite: FTS5 tables. Articles use an external-content table over `articles_article` (title,
  body: the text is not stored twice); annotations a table of their own holding the quote's text,
  the rationale and the speaker's or claimant's name, which lives in another table.
- PostgreSQL: one `tsvector` document per article and per annotation in a side table with a GIN
  index (the `simple` configuration: no stemming or stop words, whatever the article's
  language, so both backends match the same words).

Triggers on the articles, annotations and entities tables keep the index current whatever
writes (services, bulk imports, raw SQL). `install` is idempotent; it runs in the search app's
migration and again after any `migrate` that left a trigger missing. On SQLite the triggers are
dropped before migrations run (apps.py): SQLite alters a table by copying and renaming it, which
drops that table's triggers and fails while another table's trigger names it.
"""

# ruff: noqa: S608 - the SQL below is assembled from constants only, never from input.
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.backends.base.base import BaseDatabaseWrapper

# Longer texts are indexed up to here on PostgreSQL, whose tsvector holds at most 1 MB.
PG_MAX_CHARS = 500_000

SQLITE_TRIGGERS = [
    "search_article_ai",
    "search_article_ad",
    "search_article_au",
    "search_annotation_ai",
    "search_annotation_ad",
    "search_annotation_au",
    "search_entity_au",
]
SPEAKER_NAME = (
    "coalesce((SELECT name FROM annotations_entity "
    "WHERE id = coalesce({row}.speaker_id, {row}.claimant_id)), '')"
)
# A bulk import writes hundreds of rows per statement batch; indexed one by one by the triggers,
# FTS5 flushes its buffer at every row's savepoint (6,000 annotations: 0.7 s instead of 15 ms).
# While `bulk_indexing` is active in a transaction the insert triggers stand aside and the import
# indexes its rows with one statement per table. On SQLite they are dropped and created again
# within the transaction (DDL is transactional there, and other connections keep seeing them):
# a WHEN clause would still start the trigger's program for every row, 26 µs each.
SQLITE_INSERT_TRIGGERS = ["search_article_ai", "search_annotation_ai"]
# Below this many rows the triggers index as usual: switching costs a few statements.
BULK_MIN_ROWS = 200
SQLITE_INSTALL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_article_fts USING fts5(title, body, "
    "content='articles_article', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_annotation_fts USING fts5(exact, rationale, "
    "speaker, tokenize='unicode61 remove_diacritics 2')",
    """CREATE TRIGGER IF NOT EXISTS search_article_ai AFTER INSERT ON articles_article
    BEGIN
      INSERT INTO search_article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_article_ad AFTER DELETE ON articles_article BEGIN
      INSERT INTO search_article_fts(search_article_fts, rowid, title, body)
      VALUES ('delete', old.id, old.title, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_article_au AFTER UPDATE OF title, body
    ON articles_article BEGIN
      INSERT INTO search_article_fts(search_article_fts, rowid, title, body)
      VALUES ('delete', old.id, old.title, old.body);
      INSERT INTO search_article_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_annotation_ai AFTER INSERT ON annotations_annotation
    BEGIN
      INSERT INTO search_annotation_fts(rowid, exact, rationale, speaker)
      VALUES (new.id, new.exact, new.rationale, {SPEAKER_NAME.format(row="new")});
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_annotation_ad AFTER DELETE ON annotations_annotation
    BEGIN
      DELETE FROM search_annotation_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS search_annotation_au
    AFTER UPDATE OF exact, rationale, speaker_id, claimant_id ON annotations_annotation BEGIN
      DELETE FROM search_annotation_fts WHERE rowid = old.id;
      INSERT INTO search_annotation_fts(rowid, exact, rationale, speaker)
      VALUES (new.id, new.exact, new.rationale, {SPEAKER_NAME.format(row="new")});
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_entity_au AFTER UPDATE OF name ON annotations_entity
    BEGIN
      UPDATE search_annotation_fts SET speaker = new.name WHERE rowid IN (
        SELECT id FROM annotations_annotation WHERE speaker_id = new.id OR claimant_id = new.id
      );
    END""",
]
SQLITE_REBUILD = [
    "INSERT INTO search_article_fts(search_article_fts) VALUES ('rebuild')",
    "DELETE FROM search_annotation_fts",
    """INSERT INTO search_annotation_fts(rowid, exact, rationale, speaker)
    SELECT a.id, a.exact, a.rationale, coalesce(e.name, '') FROM annotations_annotation a
    LEFT JOIN annotations_entity e ON e.id = coalesce(a.speaker_id, a.claimant_id)""",
]
SQLITE_UNINSTALL = [
    *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
    "DROP TABLE IF EXISTS search_article_fts",
    "DROP TABLE IF EXISTS search_annotation_fts",
]

PG_TRIGGERS = ["search_article_refresh", "search_annotation_refresh", "search_entity_renamed"]
PG_ARTICLE_DOCUMENT = (
    "setweight(to_tsvector('simple'::regconfig, coalesce({row}.title, '')), 'A') || "
    f"to_tsvector('simple'::regconfig, left(coalesce({{row}}.body, ''), {PG_MAX_CHARS}))"
)
PG_ANNOTATION_DOCUMENT = (
    "to_tsvector('simple'::regconfig, left(coalesce({row}.exact, '') || ' ' || "
    f"coalesce({{row}}.rationale, '') || ' ' || {{speaker}}, {PG_MAX_CHARS}))"
)
PG_INSTALL = [
    """CREATE TABLE IF NOT EXISTS search_article_document (
      article_id bigint PRIMARY KEY, document tsvector NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS search_article_document_gin ON search_article_document "
    "USING gin (document)",
    """CREATE TABLE IF NOT EXISTS search_annotation_document (
      annotation_id bigint PRIMARY KEY, document tsvector NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS search_annotation_document_gin ON search_annotation_document "
    "USING gin (document)",
    f"""CREATE OR REPLACE FUNCTION search_article_refresh() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' AND current_setting('workbench.search_bulk', true) = 'on' THEN
        RETURN NULL;
      END IF;
      IF TG_OP = 'DELETE' THEN
        DELETE FROM search_article_document WHERE article_id = OLD.id;
        RETURN NULL;
      END IF;
      INSERT INTO search_article_document (article_id, document)
      VALUES (NEW.id, {PG_ARTICLE_DOCUMENT.format(row="NEW")})
      ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document;
      RETURN NULL;
    END $$""",
    """CREATE OR REPLACE TRIGGER search_article_refresh
    AFTER INSERT OR DELETE OR UPDATE OF title, body ON articles_article
    FOR EACH ROW EXECUTE FUNCTION search_article_refresh()""",
    f"""CREATE OR REPLACE FUNCTION search_annotation_refresh() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' AND current_setting('workbench.search_bulk', true) = 'on' THEN
        RETURN NULL;
      END IF;
      IF TG_OP = 'DELETE' THEN
        DELETE FROM search_annotation_document WHERE annotation_id = OLD.id;
        RETURN NULL;
      END IF;
      INSERT INTO search_annotation_document (annotation_id, document)
      VALUES (NEW.id, {
        PG_ANNOTATION_DOCUMENT.format(row="NEW", speaker=SPEAKER_NAME.format(row="NEW"))
    })
      ON CONFLICT (annotation_id) DO UPDATE SET document = EXCLUDED.document;
      RETURN NULL;
    END $$""",
    """CREATE OR REPLACE TRIGGER search_annotation_refresh
    AFTER INSERT OR DELETE OR UPDATE OF exact, rationale, speaker_id, claimant_id
    ON annotations_annotation FOR EACH ROW EXECUTE FUNCTION search_annotation_refresh()""",
    f"""CREATE OR REPLACE FUNCTION search_entity_renamed() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE search_annotation_document d
      SET document = {PG_ANNOTATION_DOCUMENT.format(row="a", speaker="NEW.name")}
      FROM annotations_annotation a
      WHERE d.annotation_id = a.id AND (a.speaker_id = NEW.id OR a.claimant_id = NEW.id);
      RETURN NULL;
    END $$""",
    """CREATE OR REPLACE TRIGGER search_entity_renamed AFTER UPDATE OF name ON annotations_entity
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION search_entity_renamed()""",
]
PG_REBUILD = [
    "TRUNCATE search_article_document, search_annotation_document",
    f"""INSERT INTO search_article_document (article_id, document)
    SELECT a.id, {PG_ARTICLE_DOCUMENT.format(row="a")} FROM articles_article a""",
    f"""INSERT INTO search_annotation_document (annotation_id, document)
    SELECT a.id, {PG_ANNOTATION_DOCUMENT.format(row="a", speaker="coalesce(e.name, '')")}
    FROM annotations_annotation a
    LEFT JOIN annotations_entity e ON e.id = coalesce(a.speaker_id, a.claimant_id)""",
]
PG_UNINSTALL = [
    "DROP TRIGGER IF EXISTS search_article_refresh ON articles_article",
    "DROP TRIGGER IF EXISTS search_annotation_refresh ON annotations_annotation",
    "DROP TRIGGER IF EXISTS search_entity_renamed ON annotations_entity",
    "DROP FUNCTION IF EXISTS search_article_refresh()",
    "DROP FUNCTION IF EXISTS search_annotation_refresh()",
    "DROP FUNCTION IF EXISTS search_entity_renamed()",
    "DROP TABLE IF EXISTS search_article_document",
    "DROP TABLE IF EXISTS search_annotation_document",
]


# Indexing a bulk import's rows in one statement per table; `{ids}` is a list of placeholders.
BULK_INDEX = {
    ("sqlite", "articles"): (
        "INSERT INTO search_article_fts(rowid, title, body) "
        "SELECT id, title, body FROM articles_article WHERE id IN ({ids})"
    ),
    ("sqlite", "annotations"): (
        "INSERT INTO search_annotation_fts(rowid, exact, rationale, speaker) "
        "SELECT a.id, a.exact, a.rationale, coalesce(e.name, '') FROM annotations_annotation a "
        "LEFT JOIN annotations_entity e ON e.id = coalesce(a.speaker_id, a.claimant_id) "
        "WHERE a.article_id IN ({ids})"
    ),
    ("postgresql", "articles"): (
        "INSERT INTO search_article_document (article_id, document) "
        f"SELECT a.id, {PG_ARTICLE_DOCUMENT.format(row='a')} FROM articles_article a "
        "WHERE a.id IN ({ids}) "
        "ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document"
    ),
    ("postgresql", "annotations"): (
        "INSERT INTO search_annotation_document (annotation_id, document) SELECT a.id, "
        f"{PG_ANNOTATION_DOCUMENT.format(row='a', speaker='coalesce(e.name, {empty})')} "
        "FROM annotations_annotation a "
        "LEFT JOIN annotations_entity e ON e.id = coalesce(a.speaker_id, a.claimant_id) "
        "WHERE a.article_id IN ({ids}) "
        "ON CONFLICT (annotation_id) DO UPDATE SET document = EXCLUDED.document"
    ),
}


@contextmanager
def bulk_indexing(connection: BaseDatabaseWrapper, *, rows: int) -> Iterator[BulkIndex]:
    """Within the current transaction, index inserted rows in bulk instead of one by one.

    Insert the rows inside the block, then call `index_articles(ids)` and
    `index_annotations_of(article_ids)` for them. The switch is part of the transaction: an
    error rolls it back with the rows, and other connections never see it. For fewer than
    BULK_MIN_ROWS `rows` the triggers stay on and the calls do nothing.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("bulk_indexing needs a transaction")
    if rows < BULK_MIN_ROWS:
        yield BulkIndex(connection, active=False)
        return
    vendor = connection.vendor
    dropped: list[str] = []
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (%s, %s)",
                SQLITE_INSERT_TRIGGERS,
            )
            dropped = [name for (name,) in cursor.fetchall()]
            for name in dropped:
                cursor.execute(f"DROP TRIGGER {name}")
        elif vendor == "postgresql":
            cursor.execute("SELECT set_config('workbench.search_bulk', 'on', true)")
    yield BulkIndex(connection, active=True)
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            for statement in SQLITE_INSTALL:
                if any(f"EXISTS {name} " in statement for name in dropped):
                    cursor.execute(statement)
        elif vendor == "postgresql":
            cursor.execute("SELECT set_config('workbench.search_bulk', 'off', true)")


class BulkIndex:
    """What `bulk_indexing` yields: index the rows inserted in its block."""

    def __init__(self, connection: BaseDatabaseWrapper, *, active: bool) -> None:
        self.connection, self.active = connection, active

    def _run(self, table: str, ids: list[int]) -> None:
        sql = BULK_INDEX.get((self.connection.vendor, table))
        if sql is None or not ids or not self.active:
            return
        with self.connection.cursor() as cursor:
            sql = sql.replace("{empty}", "''").replace("{ids}", ", ".join(["%s"] * len(ids)))
            cursor.execute(sql, ids)

    def index_articles(self, ids: list[int]) -> None:
        """Index these new articles (ids of rows inserted in the block)."""
        self._run("articles", ids)

    def index_annotations_of(self, article_ids: list[int]) -> None:
        """Index every annotation of these articles (all inserted in the block)."""
        self._run("annotations", article_ids)


def installed(connection: BaseDatabaseWrapper) -> bool:
    """Return whether every trigger of the index is in place (one query)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            names = SQLITE_TRIGGERS
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN "
                f"({', '.join(['%s'] * len(names))})",
                names,
            )
        elif connection.vendor == "postgresql":
            names = PG_TRIGGERS
            cursor.execute(
                "SELECT count(DISTINCT tgname) FROM pg_trigger WHERE NOT tgisinternal AND "
                f"tgname IN ({', '.join(['%s'] * len(names))})",
                names,
            )
        else:
            return True
        return cursor.fetchone()[0] == len(names)


def install(connection: BaseDatabaseWrapper, *, rebuild: bool = True) -> None:
    """Create the index tables and triggers where missing, then fill the index from the rows."""
    statements = {"sqlite": SQLITE_INSTALL, "postgresql": PG_INSTALL}.get(connection.vendor, [])
    if rebuild:
        statements = statements + {"sqlite": SQLITE_REBUILD, "postgresql": PG_REBUILD}.get(
            connection.vendor, []
        )
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop_triggers(connection: BaseDatabaseWrapper) -> None:
    """Drop the SQLite triggers only (the index stays; `install` rebuilds it)."""
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def uninstall(connection: BaseDatabaseWrapper) -> None:
    """Drop the index and its triggers."""
    statements = {"sqlite": SQLITE_UNINSTALL, "postgresql": PG_UNINSTALL}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
