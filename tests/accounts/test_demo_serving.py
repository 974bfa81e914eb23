"""`manage.py demo` as a newcomer runs it: DEBUG off even on all interfaces, static files served,
the real error pages, and a restart that keeps people logged in (the key is kept in a file)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from workbench.accounts.management.commands.demo import seed_demo

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def demo_server(tmp_path: Path, port: int) -> Iterator[subprocess.Popen]:
    """Run the README's first command (on all interfaces) with its own database and key file."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "WORKBENCH_"))}
    env |= {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "DJANGO_SECRET_KEY_FILE": str(tmp_path / "secret_key"),
    }
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "demo", "--addrport", f"0.0.0.0:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)  # noqa: S310
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the demo did not start serving"
                time.sleep(0.5)
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


def _get(opener, url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})  # noqa: S310
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def _log_in(opener, base: str) -> str:
    status, html = _get(opener, f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = f"csrfmiddlewaretoken={token}&username=rafael&password=workbench-demo".encode()
    with opener.open(f"{base}/accounts/login/", data=data, timeout=30) as response:
        return response.read().decode()


def test_demo_serves_like_production_and_a_restart_keeps_the_login(tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with demo_server(tmp_path, port):
        key = (tmp_path / "secret_key").read_text()
        # Static files come through WhiteNoise with DEBUG off.
        assert _get(opener, f"{base}/static/css/workbench.css")[0] == 200
        assert _get(opener, f"{base}/static/js/errors.js")[0] == 200
        assert _get(opener, f"{base}/favicon.ico")[0] == 200
        # The real error pages, never Django's debug pages, to anyone on the network.
        status, html = _get(opener, f"{base}/no-such-page/")
        assert status == 404 and 'class="topbar"' in html
        assert "Using the URLconf" not in html and "DEBUG = True" not in html
        status, html = _get(opener, f"{base}/accounts/login/", host="10.9.8.7")
        assert status == 400 and 'class="topbar"' in html
        assert "DisallowedHost" not in html and "ALLOWED_HOSTS" not in html
        home = _log_in(opener, base)
        assert ">rafael<" in home
    with demo_server(tmp_path, port):
        # Run again: the same key, so the session cookie still opens the workbench.
        assert (tmp_path / "secret_key").read_text() == key
        status, home = _get(opener, f"{base}/")
        assert status == 200 and ">rafael<" in home


@pytest.mark.django_db
def test_demo_again_keeps_the_password_hash_but_restores_a_changed_password():
    seed_demo()
    rafael = get_user_model().objects.get(username="rafael")
    before = rafael.password
    seed_demo()
    rafael.refresh_from_db()
    # A new hash would end every session of rafael's: the login would not survive the rerun.
    assert rafael.password == before
    rafael.set_password("changed-by-someone")
    rafael.save()
    seed_demo()
    rafael.refresh_from_db()
    assert rafael.check_password("workbench-demo")


@pytest.mark.parametrize("addrport", ["0.0.0.0:8000", "[::]:8000"])
def test_demo_refuses_to_serve_debug_pages_to_the_network(settings, addrport):
    settings.DEBUG = True  # someone exported DJANGO_DEBUG=true
    with pytest.raises(CommandError, match="does not serve them to the network"):
        call_command("demo", "--addrport", addrport)
