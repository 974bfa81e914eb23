"""Fifty reviewers at once (issue 18, part 4): the app under gunicorn, driven by locust on loopback.

Usage:
    uv run --group bench python bench/load.py [--users 50] [--time 180] [--articles 10000]
        [--database-url postgres://postgres@127.0.0.1:5432/workbench_load]
        [--pause 2 8] [--ramp 10,20,40,80 --step-time 30] [--workers 2 --threads 4]

1. Prepare (a fresh database: the PostgreSQL database named, dropped and created again, or a
   temporary SQLite file): migrate, bulk-load --articles workload articles × 12 annotations
   (bench/workload.py, then ANALYZE on PostgreSQL), and make the team: --users reviewers and
   leads (one lead per ten users, at least one), each with an API token and a logged-in
   session, 30 assigned articles per reviewer, and 8 "hot" quotes that every lead edits.
2. Start the production-shaped server: `gunicorn workbench.wsgi` with gunicorn.conf.py (workers
   and threads from --workers/--threads), DEBUG off, WhiteNoise, sessions in the database, the
   rate-limit cache in the database (WORKBENCH_CACHE=db), plain http on 127.0.0.1.
3. Run locust headless (bench/load_locust.py) for --time seconds: reviewers open their queue,
   read articles (the reader page), create quotes and edit them (If-Match with the version they
   read; now and then the same edit sent twice at once, as two tabs would), search, and submit
   their work; leads approve submitted work and edit the hot quotes, several at once.
4. Check: every edit a client was told was applied (200) is in the final row or was followed by
   another applied edit, exactly one applied edit per version, and the final row is the last
   applied edit; refused edits (409/412) changed nothing. Any 5xx is a failure.

With --ramp the same users run with no pauses, one step per user count, --step-time seconds
each: the request rate and p95 of each step, to find where p95 passes 100 ms.

Prints one JSON object per step and a summary. Targets: p95 annotation create ≤ 50 ms, reader
page ≤ 100 ms, 0 server errors, 0 lost updates. Everything runs on this machine: the figures
include the load generator's own CPU.
"""

# ruff: noqa: S311 - simulated people pick at random; nothing here is a secret
from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from procstat import CpuSampler, backends_of, children  # noqa: E402 - a sibling module

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
LOCUSTFILE = Path(__file__).resolve().parent / "load_locust.py"
HOST = "127.0.0.1"
ASSIGNED = 30  # articles per reviewer
HOT = 8  # quotes every lead edits
TARGETS = {"annotation create": 50, "reader": 100}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--time", type=int, default=180, help="seconds of the paced run")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--pause", type=float, nargs=2, default=(2.0, 8.0), metavar=("MIN", "MAX"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument(
        "--ramp", default="", help="user counts without pauses, e.g. 5,10,20,40 (after the run)"
    )
    parser.add_argument("--step-time", type=int, default=30, help="seconds per --ramp step")
    parser.add_argument("--skip-paced", action="store_true", help="only the --ramp steps")
    parser.add_argument("--keep", default="", help="a folder to keep the logs and CSVs in")
    parser.add_argument("--prepare-only", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare_only:
        prepare(Path(args.prepare_only), args)
        return
    with tempfile.TemporaryDirectory() as folder:
        ok = run(args, Path(args.keep or folder))
    sys.exit(0 if ok else 1)


# --- the orchestrator --------------------------------------------------------------------------


def run(args: argparse.Namespace, folder: Path) -> bool:
    database_url = args.database_url or f"sqlite:///{folder}/load.sqlite3"
    env = dict(
        os.environ,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="load-bench-" + "k" * 50,
        DJANGO_ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url,
        DJANGO_STATIC_MANIFEST="false",
        DJANGO_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        WORKBENCH_CACHE="db",
        WORKBENCH_API_TOKEN_RATE="10000000/hour",
        DJANGO_SETTINGS_MODULE="workbench.settings",
        GUNICORN_WORKERS=str(args.workers),
        GUNICORN_THREADS=str(args.threads),
    )
    if args.database_url:
        _recreate_postgres(args.database_url)
    started = time.perf_counter()
    plan = folder / "plan.json"
    command = [sys.executable, __file__, "--prepare-only", str(plan)]
    command += ["--users", str(args.users), "--articles", str(args.articles)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, timeout=3600)
    emit({"step": "prepare", "articles": args.articles, "s": round(time.perf_counter() - started)})
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "workbench.wsgi", "--bind", f"{HOST}:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(folder / "gunicorn.log", "w"),  # noqa: SIM115
        start_new_session=True,
    )
    ok = True
    try:
        _wait_ready(port, server, args.workers)
        steps = [] if args.skip_paced else [("paced", args.users, args.time, args.pause)]
        for users in [int(u) for u in args.ramp.split(",") if u.strip()]:
            steps.append((f"no pauses, {users} users", users, args.step_time, (0.0, 0.0)))
        results = []
        for name, users, seconds, pause in steps:
            result = locust_step(folder, env, port, plan, name, users, seconds, pause, server.pid)
            results.append(result)
            # Errors and lost updates fail the run; latency targets are reported (a loaded
            # machine misses them without anything being wrong).
            ok = ok and result["server_errors"] == 0 and result["lost_updates"] == 0
            ok = ok and result["requests"] > 0
        summary(results)
    finally:
        _stop(server)
    errors = (folder / "gunicorn.log").read_text(errors="replace")
    if "Traceback" in errors:
        print(errors[-3000:], file=sys.stderr)
        ok = False
    return ok


def locust_step(folder, env, port, plan, name, users, seconds, pause, server_pid) -> dict:  # noqa: ANN001, E501
    prefix = folder / f"step{users}-{int(pause[1])}"
    outcomes = folder / f"outcomes-{users}-{int(pause[1])}.jsonl"
    step_env = dict(
        env,
        LOAD_PLAN=str(plan),
        LOAD_OUTCOMES=str(outcomes),
        LOAD_PAUSE_MIN=str(pause[0]),
        LOAD_PAUSE_MAX=str(pause[1]),
        LOAD_LEADS=str(max(1, users // 10)),
    )
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless"]
    command += ["--host", f"http://{HOST}:{port}", "-u", str(users)]
    # Everyone within the first tenth of the step (at most 10 s): the step measures them all.
    command += ["-r", str(max(1, users / max(1, min(10, seconds // 10)))), "-t", f"{seconds}s"]
    command += [
        "--csv",
        str(prefix),
        "--only-summary",
        "--stop-timeout",
        "10",
        "--loglevel",
        "ERROR",
    ]
    database = urlparse(env["DATABASE_URL"]).path.lstrip("/")
    app = CpuSampler(lambda: children(server_pid))
    backends = CpuSampler(lambda: backends_of(database), reaper=True)
    own_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    locust = subprocess.run(
        command, cwd=ROOT, env=step_env, capture_output=True, text=True, timeout=seconds + 300
    )
    own_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    app_cpu, db_cpu = app.stop(), backends.stop()
    generator_cpu = (own_after.ru_utime + own_after.ru_stime) - (
        own_before.ru_utime + own_before.ru_stime
    )
    stats = _read_stats(Path(f"{prefix}_stats.csv"))
    lost, checked = check_updates(env, outcomes)
    total = stats.get("Aggregated", {})
    result = {
        "step": name,
        "users": users,
        "seconds": seconds,
        "requests": int(total.get("Request Count", 0)),
        "rate_per_s": round(float(total.get("Requests/s", 0)), 1),
        "p50_ms": {k: _num(v.get("50%")) for k, v in stats.items()},
        "p95_ms": {k: _num(v.get("95%")) for k, v in stats.items()},
        "server_errors": _server_errors(Path(f"{prefix}_failures.csv")),
        "failures": int(total.get("Failure Count", 0)),
        "edits_checked": checked,
        "lost_updates": lost,
    }
    # CPU per request, whatever else runs on the machine: the app's workers, the database's
    # backends of this database, and the load generator itself. Two idle cores give 2 s of
    # CPU a second, so they would serve at most 2 / (the sum) requests a second.
    if result["requests"]:
        per = {
            "app": 1000 * app_cpu / result["requests"],
            "database": 1000 * db_cpu / result["requests"],
            "load generator": 1000 * generator_cpu / result["requests"],
        }
        result["cpu_ms_per_request"] = {k: round(v, 1) for k, v in per.items()}
        result["rate_ceiling_2_idle_cores"] = round(2000 / max(0.1, sum(per.values())), 1)
    emit(result)
    (folder / f"locust-{users}-{int(pause[1])}.log").write_text(locust.stdout + locust.stderr)
    if locust.returncode not in (0, 1) or not result["requests"]:
        print(locust.stderr[-3000:], file=sys.stderr)
    return result


def summary(results: list[dict]) -> None:
    for result in results:
        print(
            f"\n{result['step']}: {result['users']} users, {result['seconds']} s, "
            f"{result['requests']} requests ({result['rate_per_s']}/s), "
            f"{result['server_errors']} server errors, {result['failures']} failures, "
            f"{result['lost_updates']} lost updates in {result['edits_checked']} edits"
        )
        if "cpu_ms_per_request" in result:
            print(
                f"  CPU per request (ms): {result['cpu_ms_per_request']}; on 2 idle cores at "
                f"most {result['rate_ceiling_2_idle_cores']} requests/s"
            )
        print(f"  {'request':<20} {'p50 ms':>8} {'p95 ms':>8} {'target':>8}")
        for name in sorted(result["p95_ms"]):
            target = TARGETS.get(name)
            mark = (
                ""
                if target is None
                else f"≤ {target}" + (" yes" if result["p95_ms"][name] <= target else " NO")
            )
            print(
                f"  {name:<20} {result['p50_ms'][name]:>8g} {result['p95_ms'][name]:>8g} {mark:>8}"
            )


def _read_stats(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    with path.open(newline="") as handle:
        return {row["Name"]: row for row in csv.DictReader(handle)}


def _server_errors(path: Path) -> int:
    if not path.exists():
        return 0
    with path.open(newline="") as handle:
        return sum(
            int(row["Occurrences"]) for row in csv.DictReader(handle) if "status 5" in row["Error"]
        )


def _num(value: str | None) -> float:
    try:
        return float(value or 0)
    except ValueError:
        return 0.0


CHECK = """
import json, os, sys
sys.path.insert(0, {root!r})
import django
django.setup()
from workbench.annotations.models import Annotation
outcomes = [json.loads(line) for line in open({path!r}, encoding="utf-8")]
applied, lost = {{}}, []
for o in outcomes:
    if o["status"] == 200:
        applied.setdefault(o["id"], []).append(o)
    elif o["status"] not in (403, 409, 412):
        lost.append(["unexpected answer", o])
rows = {{a.pk: a for a in Annotation.objects.filter(pk__in={{o["id"] for o in outcomes}})}}
for pk, edits in applied.items():
    versions = sorted(e["version"] for e in edits)
    if len(set(versions)) != len(versions):
        lost.append(["two edits told applied as the same version", pk, versions])
    last = max(edits, key=lambda e: e["version"])
    row = rows[pk]
    if row.version < last["version"]:
        lost.append(["row older than an applied edit", pk, row.version, last["version"]])
    elif row.version == last["version"] and getattr(row, last["field"]) != last["value"]:
        lost.append(["final row is not the last applied edit", pk, last["value"]])
print(json.dumps({{"lost": lost[:20], "lost_count": len(lost), "checked": len(outcomes)}}))
"""


def check_updates(env: dict, outcomes: Path) -> tuple[int, int]:
    """Compare what every editing client was told with the rows: (lost updates, edits)."""
    if not outcomes.exists():
        return 0, 0
    code = CHECK.format(root=str(ROOT), path=str(outcomes))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    if answer["lost"]:
        print(json.dumps({"lost_updates": answer["lost"]}), file=sys.stderr)
    return answer["lost_count"], answer["checked"]


# --- preparing the database (run in a child process with the server's environment) -------------


def prepare(plan: Path, args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import update_last_login  # noqa: F401 - app registry ready
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import connection
    from workload import load_workload

    from workbench.accounts.models import Membership, Role, Team
    from workbench.accounts.services import api_token_create
    from workbench.annotations.models import Annotation
    from workbench.articles.models import Article
    from workbench.review.models import Assignment

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    with tempfile.TemporaryDirectory() as folder:
        workload = Path(folder) / "workload.jsonl"
        subprocess.run(
            [sys.executable, str(GENERATOR), str(args.articles), str(workload)],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=900,
        )
        ids = load_workload(workload, status="draft")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    team = Team.objects.get(pk=ids["team"])
    leads = max(1, args.users // 10)
    reviewers = args.users - leads
    users_model = get_user_model()
    people = []
    for i in range(args.users):
        role = Role.LEAD if i < leads else Role.REVIEWER
        user = users_model.objects.create_user(username=f"{role}{i}", password=None)
        Membership.objects.create(user=user, team=team, role=role)
        _token, secret = api_token_create(user=user, name="load bench")
        session = SessionStore()
        session["_auth_user_id"] = str(user.pk)
        session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        session["_auth_user_hash"] = user.get_session_auth_hash()
        session.create()
        people.append(
            {
                "id": user.pk,
                "name": user.username,
                "role": role,
                "token": secret,
                "session": session.session_key,
                "assigned": [],
            }
        )
    articles = list(
        Article.objects.filter(project_id=ids["project"]).order_by("pk").values_list("pk", "body")
    )
    rng = random.Random(18)
    picked = rng.sample(articles, min(len(articles), reviewers * ASSIGNED + HOT))
    hot_articles, picked = picked[:HOT], picked[HOT:]
    lead_user = users_model.objects.get(pk=ids["lead"])
    for n, person in enumerate(p for p in people if p["role"] == Role.REVIEWER):
        for pk, body in picked[n * ASSIGNED : (n + 1) * ASSIGNED]:
            assignment = Assignment.objects.create(
                article_id=pk, reviewer_id=person["id"], assigned_by=lead_user
            )
            person["assigned"].append(
                {"assignment": assignment.pk, "article": pk, "spans": _spans(body, rng)}
            )
    # Quotes every lead edits: drafts of the workload's own annotator, found on other articles.
    hot = list(
        Annotation.objects.filter(article_id__in=[pk for pk, _body in hot_articles], kind="quote")
        .order_by("pk")
        .values_list("pk", flat=True)[:HOT]
    )
    words = ["minister", "hospital", "election", "budget", "council", "study", "workers"]
    plan.write_text(
        json.dumps({"project": ids["project"], "people": people, "hot": hot, "words": words})
    )


def _spans(body: str, rng: random.Random) -> list[list]:
    """Five word-aligned spans of the body (start, end, exact) a reviewer may mark as quotes."""
    spans = []
    for _ in range(5):
        start = rng.randrange(0, max(1, len(body) - 80))
        start = body.find(" ", start) + 1
        end = body.find(" ", start + 20)
        if 0 < start < end:
            spans.append([start, end, body[start:end]])
    return spans


# --- helpers ----------------------------------------------------------------------------------


def _recreate_postgres(url: str) -> None:
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    host = ["-h", parts.hostname or HOST, "-U", parts.username or "postgres"]
    subprocess.run(["dropdb", *host, "--if-exists", name], check=True, timeout=120)
    subprocess.run(["createdb", *host, name], check=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _wait_ready(port: int, server: subprocess.Popen, workers: int) -> None:
    """Wait for gunicorn, then warm every worker: each loads the app on its first request
    (seconds on a busy machine), which must not count as the first reviewers' wait."""
    deadline = time.monotonic() + 120
    while True:
        if server.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("gunicorn did not start")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)

    def hit() -> None:
        for _ in range(3):
            connection = http.client.HTTPConnection(HOST, port, timeout=120)
            connection.request("GET", "/accounts/login/", headers={"Host": HOST})
            connection.getresponse().read()
            connection.close()

    warmers = [threading.Thread(target=hit) for _ in range(workers * 4)]
    for warmer in warmers:
        warmer.start()
    for warmer in warmers:
        warmer.join()


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()


def emit(line: dict) -> None:
    print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
