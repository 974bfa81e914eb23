"""Where PostgreSQL's fact-check import time goes: the same rows inserted with each part added.

Usage: uv run python bench/factcheck_index_cost.py postgres://postgres@127.0.0.1:5432/DB [RUNS]

On a database `factcheck_bench.py --import-only` left (its 100,000 fact-checks), copies the
rows into `fc_src`, then for each step makes an empty table `fc_x` with the parts listed so far
(a unique btree, the generated tsvector, its GIN, the trigram GIN) and times one
`INSERT … SELECT` of every row, in the backend's CPU (from /proc) and wall time; then the
tsvector GIN with fastupdate on and the pending lists merged at the end, as the import does.
Both tables are dropped at the end.
"""

from __future__ import annotations

import json
import os
import sys
import time

import psycopg

COLS = (
    "team_id, url, claim_reviewed, rating, rating_value, best_rating, worst_rating, publisher, "
    "publisher_url, date_published, claimant, appearances, raw, imported_by_id, imported_at"
)
DOCUMENT = (
    "ALTER TABLE fc_x ADD COLUMN document tsvector GENERATED ALWAYS AS "
    "(to_tsvector('simple'::regconfig, left(claim_reviewed, 100000) || ' ' || claimant)) STORED"
)
TRIGRAMS = "CREATE INDEX fc_x_trgm ON fc_x USING gin (claim_reviewed gin_trgm_ops)"
SERIES = [
    (
        False,
        [
            ("heap only", []),
            ("+ unique (team, url) btree", ["CREATE UNIQUE INDEX ON fc_x (team_id, url)"]),
            ("+ tsvector generated column", [DOCUMENT]),
            (
                "+ GIN on tsvector (fastupdate off)",
                ["CREATE INDEX fc_x_doc ON fc_x USING gin (document) WITH (fastupdate = off)"],
            ),
            ("+ GIN trigram (fastupdate on)", [TRIGRAMS]),
        ],
    ),
    (
        True,
        [
            (
                "tsvector + GIN fastupdate on, pending list merged at the end",
                [
                    DOCUMENT,
                    "CREATE INDEX fc_x_doc ON fc_x USING gin (document) WITH (fastupdate = on)",
                ],
            ),
            ("+ GIN trigram, both merged at the end", [TRIGRAMS]),
        ],
    ),
]


def main() -> None:
    conn = psycopg.connect(sys.argv[1], autocommit=True)
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    pid = conn.execute("SELECT pg_backend_pid()").fetchone()[0]

    def cpu() -> float:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()  # noqa: PTH123, SIM115
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    conn.execute("DROP TABLE IF EXISTS fc_src")
    conn.execute(f"CREATE TABLE fc_src AS SELECT {COLS} FROM factchecks_factcheck")  # noqa: S608
    for clean, steps in SERIES:
        setup: list[str] = []
        for name, extra in steps:
            setup += extra
            timed = []
            for _ in range(runs):
                conn.execute("DROP TABLE IF EXISTS fc_x")
                conn.execute(f"CREATE TABLE fc_x AS SELECT {COLS} FROM fc_src WHERE false")  # noqa: S608
                for statement in setup:
                    conn.execute(statement)
                began, began_cpu = time.perf_counter(), cpu()
                with conn.transaction():
                    conn.execute(f"INSERT INTO fc_x ({COLS}) SELECT {COLS} FROM fc_src")  # noqa: S608
                    if clean:
                        conn.execute(
                            "SELECT gin_clean_pending_list(c.oid) FROM pg_class c "
                            "WHERE c.relname IN ('fc_x_doc', 'fc_x_trgm')"
                        )
                timed.append((cpu() - began_cpu, time.perf_counter() - began))
            timed.sort()
            backend, wall = timed[len(timed) // 2]
            print(
                json.dumps(
                    {"step": name, "backend_cpu_s": round(backend, 2), "wall_s": round(wall, 2)}
                )
            )
    conn.execute("DROP TABLE IF EXISTS fc_x")
    conn.execute("DROP TABLE IF EXISTS fc_src")
    print(json.dumps({"runs": runs, "load_average": os.getloadavg()}))


if __name__ == "__main__":
    main()
