"""`manage.py demo` as a newcomer runs it: DEBUG off even on all interfaces, static files served,
the real error pages, and a restart that keeps people logged in (the key is kept in a file)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from workbench.demo.seed import seed_demo

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
