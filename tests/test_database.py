from __future__ import annotations

import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_suite_runs_on_the_database_ci_asked_for():
    """.ci/run sets WORKBENCH_EXPECT_DB; a PostgreSQL run that silently fell back to SQLite fails here."""
    expected = os.environ.get("WORKBENCH_EXPECT_DB", "")
    if not expected:
        pytest.skip("WORKBENCH_EXPECT_DB is not set (.ci/run sets it for each database)")
    assert connection.vendor == expected
