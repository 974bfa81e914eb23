"""Production settings: the secret key (environment, else a local file the demo makes once), the
demo's production-like mode, HTTPS and HSTS, and `check --deploy` for the documented set-up."""

from __future__ import annotations

import json
import os
import runpy
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from workbench.settings import DEV_SECRET_KEY, secret_key

ROOT = Path(__file__).resolve().parents[1]
# Long and varied enough for check --deploy (50 characters or more, no "django-insecure-").
PRODUCTION_KEY = "test-only-7Ay9TrmPCOAa3TxqY0teFZ81aNzMHG7eBL65aEDKzMqKF8mz5WMr"  # noqa: S105


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    """Run our Python in a fresh process with only the given DJANGO_/WORKBENCH_ variables set."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WORKBENCH_"))}
    clean |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", **env}
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


SHOW_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in (
    "DEBUG", "SECRET_KEY", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
    "SESSION_COOKIE_SECURE", "ALLOWED_HOSTS", "WHITENOISE_USE_FINDERS",
    "WORKBENCH_PASSWORD_RESET", "EMAIL_BACKEND")}))
"""


def settings_in(tmp_path: Path, **env: str) -> dict:
    done = run(tmp_path, "-c", SHOW_SETTINGS, DJANGO_SETTINGS_MODULE="workbench.settings", **env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- the secret key ------------------------------------------------------------------------------


def test_secret_key_comes_from_the_environment_first(tmp_path):
    path = tmp_path / "key"
    path.write_text("from-the-file")
    assert secret_key(value="from-env", path=path, create=True, debug=False) == "from-env"


def test_secret_key_is_made_once_readable_by_owner_only_and_kept(tmp_path):
    path = tmp_path / "key"
    first = secret_key(value="", path=path, create=True, debug=False)
    assert len(first) >= 50 and not first.startswith("django-insecure")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret_key(value="", path=path, create=True, debug=False) == first


def test_secret_key_file_is_read_outside_the_demo(tmp_path):
    path = tmp_path / "key"
    path.write_text("kept-key\n")
    assert secret_key(value="", path=path, create=False, debug=False) == "kept-key"


def test_no_secret_key_outside_the_demo_is_a_loud_failure(tmp_path):
    path = tmp_path / "key"
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY is not set"):
        secret_key(value="", path=path, create=False, debug=False)
    assert not path.exists()


def test_debug_without_a_key_runs_on_the_development_key(tmp_path):
    assert secret_key(value="", path=tmp_path / "key", create=False, debug=True) == DEV_SECRET_KEY


def test_production_without_a_key_refuses_to_start(tmp_path):
    done = run(
        tmp_path,
        "manage.py",
        "check",
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY_FILE=str(tmp_path / "none"),
    )
    assert done.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in done.stderr
    assert not (tmp_path / "none").exists()


# --- the demo's mode -----------------------------------------------------------------------------


def test_demo_runs_without_debug_on_a_key_it_keeps(tmp_path):
    key_file = tmp_path / "secret_key"
    demo = {"WORKBENCH_DEMO": "true", "DJANGO_SECRET_KEY_FILE": str(key_file)}
    first = settings_in(tmp_path, **demo)
    assert first["DEBUG"] is False
    assert key_file.read_text().strip() == first["SECRET_KEY"]
    # Plain http on this machine: no HTTPS redirect, no secure-only cookies, local host names.
    assert first["SECURE_SSL_REDIRECT"] is False and first["SESSION_COOKIE_SECURE"] is False
    assert "127.0.0.1" in first["ALLOWED_HOSTS"] and "*" not in first["ALLOWED_HOSTS"]
    assert first["WHITENOISE_USE_FINDERS"] is True
    # Run again: the same key, so sessions (and logins) survive a restart.
    assert settings_in(tmp_path, **demo)["SECRET_KEY"] == first["SECRET_KEY"]


def test_production_is_https_only(tmp_path):
    production = settings_in(
        tmp_path,
        DJANGO_SECRET_KEY=PRODUCTION_KEY,
        DJANGO_ALLOWED_HOSTS="workbench.example.org",
    )
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SESSION_COOKIE_SECURE"] is True


# README's Deployment section, and nothing more.
DOCUMENTED_PRODUCTION = {
    "DJANGO_SECRET_KEY": PRODUCTION_KEY,
    "DJANGO_ALLOWED_HOSTS": "workbench.example.org",
    "DJANGO_DEBUG": "false",
    "DJANGO_BEHIND_TLS_PROXY": "true",
    "WORKBENCH_CACHE": "db",
}
# README "A production-shaped run": the same on PostgreSQL, with the import's storing threads.
PRODUCTION_SHAPED = {
    **DOCUMENTED_PRODUCTION,
    "WORKBENCH_IMPORT_STORE_THREADS": "2",
    "DATABASE_URL": "postgres://workbench:secret@127.0.0.1:5432/workbench",
}


@pytest.mark.parametrize(
    "environment",
    [DOCUMENTED_PRODUCTION, PRODUCTION_SHAPED],
    ids=["documented_production_setup", "production_shaped_run"],
)
def test_check_deploy_is_clean(tmp_path, environment):
    done = run(tmp_path, "manage.py", "check", "--deploy", "--fail-level", "WARNING", **environment)
    assert done.returncode == 0, done.stderr + done.stdout
    assert "System check identified no issues" in done.stdout


def test_demo_prints_its_mail_and_so_offers_password_reset(tmp_path):
    demo = settings_in(tmp_path, WORKBENCH_DEMO="true", DJANGO_SECRET_KEY_FILE=str(tmp_path / "k"))
    assert demo["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert demo["WORKBENCH_PASSWORD_RESET"] is True
    # A server with no e-mail set up does not offer it: nobody would receive the link.
    bare = settings_in(tmp_path, DJANGO_SECRET_KEY="k" * 50)
    assert bare["WORKBENCH_PASSWORD_RESET"] is False


GUNICORN_SETTINGS = """
import json, runpy
conf = runpy.run_path("gunicorn.conf.py")
print(json.dumps({k: conf[k] for k in ("bind", "workers", "threads", "worker_class", "timeout")}))
"""


def test_gunicorn_takes_workers_and_threads_from_the_environment(tmp_path):
    done = run(
        tmp_path,
        "-c",
        GUNICORN_SETTINGS,
        GUNICORN_WORKERS="3",
        GUNICORN_THREADS="6",
        GUNICORN_BIND="127.0.0.1:9000",
    )
    assert json.loads(done.stdout) == {
        "bind": "127.0.0.1:9000",
        "workers": 3,
        "threads": 6,
        "worker_class": "gthread",
        "timeout": 300,
    }
    single = run(tmp_path, "-c", GUNICORN_SETTINGS, GUNICORN_THREADS="1")
    assert json.loads(single.stdout)["worker_class"] == "sync"


def test_each_gunicorn_worker_warms_the_claim_match_encoder(monkeypatch):
    # Otherwise a worker's first ranked sentences wait for 90 MB to load.
    from workbench.factchecks.ranker import embed

    warmed = []
    monkeypatch.setattr(embed, "warm_encoder", lambda: warmed.append(True))
    conf = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    conf["post_worker_init"](object())
    assert warmed == [True]


def test_wsgi_freezes_the_start_up_heap_out_of_the_collector(tmp_path):
    # Full collections walked Django's whole start-up heap: the agreement page's slow tail at
    # the scale bench (bench/README.md). A worker that loads the app freezes what it loaded.
    script = "import gc, workbench.wsgi; print(gc.get_freeze_count())"
    done = run(tmp_path, "-c", script, DJANGO_SECRET_KEY=PRODUCTION_KEY)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip().splitlines()[-1]) > 10_000
