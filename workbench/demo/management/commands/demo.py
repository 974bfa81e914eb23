"""Set up a demo workbench on the configured database (SQLite by default) and serve it."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from workbench.demo.seed import DEMO_TEAM, DEMO_USERS, SEED_SAMPLE, seed_demo
from workbench.factchecks.ranker.embed import warm_encoder

WILDCARD_HOSTS = {"0.0.0.0", "::", "[::]"}  # noqa: S104 - recognised, not bound


class Command(BaseCommand):
    help = "Migrate, load demo data (idempotent), print the demo logins and serve the app."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="set up but do not serve")
        parser.add_argument("--addrport", default="127.0.0.1:8000", help="where to serve")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="serve without the background job worker (run manage.py jobs_worker yourself)",
        )

    def handle(self, *args: object, **options: object) -> None:
        host, _, port = options["addrport"].rpartition(":")
        if settings.DEBUG and host in WILDCARD_HOSTS and not options["no_serve"]:
            raise CommandError(
                "Debug is on (DJANGO_DEBUG=true): its error pages show code and settings, so the "
                "demo does not serve them to the network. Unset DJANGO_DEBUG or serve on "
                "127.0.0.1."
            )
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)  # only when WORKBENCH_CACHE=db
        self.stdout.write("Database migrated.")
        seed = Path(settings.WORKBENCH_DEMO_SAMPLES_DIR) / SEED_SAMPLE
        if not seed.exists():
            self.stderr.write(
                f"Seed article not found at {seed}: the demo goes on without it. Set "
                "WORKBENCH_DEMO_SAMPLES_DIR to the folder holding it."
            )
        project, imported = seed_demo()
        self.stdout.write(
            f"Demo data ready: team {DEMO_TEAM[0]!r}, project {project.name!r} "
            f"(--project {project.slug}), {project.articles.count()} articles "
            f"({imported} new)."
        )
        self.stdout.write(self.style.SUCCESS("Demo logins (password for all: workbench-demo):"))
        for username, first, last, role in DEMO_USERS:
            self.stdout.write(f"  {username:<8} {role.label.lower()}  ({first} the {last})")
        if options["no_serve"]:
            return
        here = f"127.0.0.1:{port}" if host in WILDCARD_HOSTS or not host else options["addrport"]
        self.stdout.write(f"Open http://{here}/ and log in as rafael (a reviewer).")
        if not settings.DEBUG and host in WILDCARD_HOSTS:
            # DEBUG is off (error pages show no traceback), and only the listed host names are
            # answered: other machines reach the demo by a name given in DJANGO_ALLOWED_HOSTS.
            self.stdout.write(
                f"Answering host names {', '.join(settings.ALLOWED_HOSTS)}: set "
                "DJANGO_ALLOWED_HOSTS to this machine's name or address to let others in."
            )
        worker = None
        if (
            not options["no_worker"]
            and "ImmediateBackend" not in settings.TASKS["default"]["BACKEND"]
        ):
            worker = self._start_worker()
        # SIGTERM (a service manager, a test) ends the server through `finally`, worker included.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        warm_encoder()  # as gunicorn.conf.py does for each worker
        try:
            call_command("runserver", options["addrport"], use_reloader=False)
        finally:
            if worker is not None:
                worker.terminate()  # the worker finishes the job in hand, then stops
                worker.wait(timeout=60)

    def _start_worker(self) -> subprocess.Popen:
        """Run `manage.py jobs_worker` beside the server, as a deployment does beside gunicorn."""
        command = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "jobs_worker"]
        worker = subprocess.Popen([*command, "--verbosity", "0"])  # noqa: S603 - our own command
        self.stdout.write(f"Background job worker started (pid {worker.pid}).")
        return worker
