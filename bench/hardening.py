"""Re-attack a running workbench as issue 20's reviewer did: loopback only, bounded loops.

Start the app as production does (see bench/README.md, "Hardening (issue 20)"), seed it with
`--seed`, then run the items you want:

    uv run python bench/hardening.py --pid-file /tmp/gu.pid --seed      # base 127.0.0.1:8437
    uv run python bench/hardening.py --pid-file /tmp/gu.pid 1 2 3 4 5 6 7 8
    uv run python bench/hardening.py --proxy-base http://127.0.0.1:8438 9  # DJANGO_PROXY_COUNT=1
    uv run python bench/hardening.py --reset-base http://127.0.0.1:8439 14 # e-mail: console

Each item prints one line per measurement (status codes, seconds, bytes, the gunicorn
workers' resident memory from `ps`) and `FAIL` where the answer is not what issue 20 asks.
Every request goes to 127.0.0.1; every loop has a fixed number of rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import threading
import time
from collections.abc import Callable

import requests

PASSWORD = "workbench-demo"  # noqa: S105 (the demo users' published password)
BOUNDARY = "hardeningboundary"
FAILURES: list[str] = []

SEED = """
from django.contrib.auth import get_user_model
from workbench.accounts.models import Membership, Team
from workbench.articles.models import Project
User = get_user_model()
team, _ = Team.objects.get_or_create(slug="other-desk", defaults={"name": "Other Desk"})
for name, role in [("olga", "lead"), ("oscar", "reviewer")]:
    user, _ = User.objects.get_or_create(username=name, defaults={"email": name + "@x.test"})
    user.set_password("workbench-demo")
    user.save()
    Membership.objects.get_or_create(user=user, team=team, defaults={"role": role})
user, _ = User.objects.get_or_create(username="nobody", defaults={"email": "nobody@x.test"})
user.set_password("workbench-demo")
user.save()
Project.objects.get_or_create(team=team, slug="other-project", defaults={"name": "Other project"})
"""


OLGA = (
    "from django.contrib.auth import get_user_model as g; "
    "print(g().objects.get(username='olga').pk)"
)


def loopback(base: str) -> str:
    if not re.match(r"^http://(127\.0\.0\.1|localhost):\d+$", base):
        raise SystemExit(f"{base}: loopback only (http://127.0.0.1:PORT)")
    return base


def check(ok: bool, label: str) -> str:
    if not ok:
        FAILURES.append(label)
    return "ok" if ok else "FAIL"


def text_of(response: requests.Response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text)).strip()


def login(base: str, username: str, password: str = PASSWORD) -> requests.Session:
    session = requests.Session()
    page = session.get(f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    session.post(
        f"{base}/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/accounts/login/"},
        allow_redirects=False,
    )
    session.headers["X-CSRFToken"] = session.cookies.get("csrftoken", "")
    session.headers["Referer"] = f"{base}/"
    return session


class Rss:
    """Sample the summed RSS (MB) of the gunicorn master's workers while a block runs."""

    def __init__(self, pid_file: str | None) -> None:
        self.pid_file = pid_file
        self.peak = 0

    def total(self) -> int:
        if not self.pid_file:
            return 0
        with open(self.pid_file) as pid_file:
            pid = pid_file.read().strip()
        out = subprocess.run(["ps", "--ppid", pid, "-o", "rss="], capture_output=True, text=True)
        return sum(int(x) for x in out.stdout.split()) // 1024

    def __enter__(self) -> Rss:
        self.base, self.peak, self.stop = self.total(), 0, threading.Event()
        self.thread = threading.Thread(target=self._run)
        self.thread.start()
        return self

    def _run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, self.total() - self.base)
            time.sleep(0.1)

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()


def timed(fn: Callable[[], requests.Response]) -> tuple[requests.Response, float]:
    start = time.perf_counter()
    response = fn()
    return response, time.perf_counter() - start


def median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}s (runs: {', '.join(f'{v:.2f}' for v in values)})"


def paste_article(base: str, lead: requests.Session, chars: int, title: str) -> int | None:
    paragraph = (
        'The minister said: "We will not accept this deal, it is a disaster for the country." '
        "According to officials, unemployment rose by 12 per cent last year. "
        '"Nobody expected it," Knights, an analyst at Chatham House, told reporters.\n\n'
    )
    text = (paragraph * (chars // len(paragraph) + 1))[:chars]
    lead.get(f"{base}/projects/1/import/")
    response = lead.post(
        f"{base}/projects/1/import/paste/",
        data={"title": title, "text": text},
        allow_redirects=False,
    )
    found = re.search(r"/articles/(\d+)/", response.headers.get("Location", ""))
    return int(found.group(1)) if found else None


# --- denial of service ------------------------------------------------------------------------


def item_1(args: argparse.Namespace) -> None:
    base, lead, viewer = args.base, login(args.base, "lena"), login(args.base, "victor")
    for chars, label in [(4_500_000, "4.5 MB"), (299_000, "299,000 chars")]:
        article = paste_article(base, lead, chars, f"hardening {label} {time.time()}")
        for round_ in ("first", "stored"):
            results: list[tuple[int, int, float]] = []

            def open_suggestions(article: int | None = article, results: list = results) -> None:
                response, seconds = timed(
                    lambda: viewer.get(
                        f"{base}/articles/{article}/suggestions/", headers={"HX-Request": "true"}
                    )
                )
                results.append((response.status_code, len(response.content), seconds))

            with Rss(args.pid_file) as rss:
                threads = [threading.Thread(target=open_suggestions) for _ in range(3)]
                for thread in threads:
                    thread.start()
                time.sleep(0.3)
                page, login_seconds = timed(
                    lambda: requests.get(f"{base}/accounts/login/", timeout=60)
                )
                for thread in threads:
                    thread.join()
            worst = max(r[2] for r in results)
            largest = max(r[1] for r in results)
            verdict = check(
                largest < 300_000 and login_seconds < 2 and all(r[0] == 200 for r in results),
                f"1 {label}",
            )
            print(
                f"1 {label} {round_}: 3 viewer requests {[r[0] for r in results]}, slowest "
                f"{worst:.2f}s, largest {largest:,} B; login page {page.status_code} in "
                f"{login_seconds:.2f}s meanwhile; RSS +{rss.peak} MB  {verdict}"
            )


def item_2(args: argparse.Namespace) -> None:
    base, lead = args.base, login(args.base, "lena")
    lines = "{}\n" * 1_000_000
    lead.get(f"{base}/projects/1/import/")
    attacks = {
        "UI paste": lambda: lead.post(
            f"{base}/projects/1/import/jsonl/", data={"text": lines}, headers={"HX-Request": "true"}
        ),
        "UI upload": lambda: lead.post(
            f"{base}/projects/1/import/upload/",
            files={"files": ("x.jsonl", lines.encode())},
            headers={"HX-Request": "true"},
        ),
        "API batch": lambda: lead.post(
            f"{base}/api/v1/articles/batch/", json={"project": 1, "jsonl": lines}
        ),
    }
    for label, attack in attacks.items():
        seconds, sizes, codes, peaks = [], [], set(), []
        for _ in range(args.runs):
            with Rss(args.pid_file) as rss:
                response, took = timed(attack)
            seconds.append(took)
            sizes.append(len(response.content))
            codes.add(response.status_code)
            peaks.append(rss.peak)
        verdict = check(max(sizes) < 300_000 and max(codes) < 500, f"2 {label}")
        print(
            f"2 3 MB of {{}} lines, {label}: {sorted(codes)} in {median(seconds)}, "
            f"{max(sizes):,} B, RSS +{max(peaks)} MB  {verdict}"
        )


def item_3(args: argparse.Namespace) -> None:
    base, lead = args.base, login(args.base, "lena")
    lead.get(f"{base}/projects/1/import/")
    path = "/tmp/hardening-400M.txt"  # noqa: S108 (a sparse file, removed at the end)
    subprocess.run(["truncate", "-s", "400M", path], check=True)
    cookie = "; ".join(f"{k}={v}" for k, v in lead.cookies.items())
    try:
        for hx in (True, False):
            seconds, peaks, out = [], [], ""
            for _ in range(args.runs):
                command = [
                    "curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{size_upload}",
                    "--max-time", "120", "-H", f"Cookie: {cookie}",
                    "-H", f"X-CSRFToken: {lead.cookies.get('csrftoken')}",
                    "-H", f"Referer: {base}/", "-F", f"files=@{path};filename=big.txt",
                ]  # fmt: skip
                if hx:
                    command += ["-H", "HX-Request: true"]
                with Rss(args.pid_file) as rss:
                    start = time.perf_counter()
                    out = subprocess.run(
                        [*command, f"{base}/projects/1/import/upload/"],
                        capture_output=True,
                        text=True,
                    ).stdout
                    seconds.append(time.perf_counter() - start)
                peaks.append(rss.peak)
            status, sent = out.split()
            verdict = check(status in ("400", "413") and max(peaks) < 50, f"3 hx={hx}")
            print(
                f"3 400 MB upload (htmx={hx}): {status} after {int(sent):,} B sent, "
                f"{median(seconds)}, RSS +{max(peaks)} MB  {verdict}"
            )
    finally:
        os.remove(path)


# --- 500s that must be 4xx --------------------------------------------------------------------

API_BODIES = [
    "/api/v1/adjudications/", "/api/v1/annotations/", "/api/v1/annotations/1/",
    "/api/v1/annotations/1/comments/", "/api/v1/annotations/1/evidence/", "/api/v1/articles/",
    "/api/v1/articles/1/", "/api/v1/articles/1/move-line/", "/api/v1/articles/batch/",
    "/api/v1/articles/1/versions/approve/", "/api/v1/assignments/",
    "/api/v1/assignments/1/approve/", "/api/v1/assignments/1/reject/",
    "/api/v1/assignments/1/submit/", "/api/v1/assignments/distribute/", "/api/v1/entities/",
    "/api/v1/entities/1/", "/api/v1/entities/1/merge/", "/api/v1/projects/",
    "/api/v1/projects/1/", "/api/v1/sources/",
]  # fmt: skip
API_LISTS = [
    "adjudications", "annotations", "articles", "assignments", "entities", "projects", "sources",
    "teams", "assignments/queue", "annotations/1/comments", "annotations/1/evidence",
    "annotations/1/history", "articles/1/versions",
]  # fmt: skip


def item_4(args: argparse.Namespace) -> None:
    base, lead = args.base, login(args.base, "lena")
    bodies = ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000]
    answers = []
    for path in API_BODIES:
        for body in bodies:
            for method in ("post", "put", "patch"):
                response = getattr(lead, method)(
                    f"{base}{path}", data=body, headers={"Content-Type": "application/json"}
                )
                if response.status_code != 405:
                    answers.append((response.status_code, response.headers.get("Content-Type")))
    codes = sorted({a[0] for a in answers})
    json_only = all((a[1] or "").startswith("application/json") for a in answers)
    print(
        f"4 nested JSON in {len(answers)} API bodies: {codes}, all JSON: {json_only}  "
        f"{check(codes == [400] and json_only, '4 API')}"
    )
    line = '{"title": "t", "body": "b", "x": ' + "[" * 5000 + "]" * 5000 + "}"
    api = lead.post(f"{base}/api/v1/articles/batch/", json={"project": 1, "jsonl": line})
    lead.get(f"{base}/projects/1/import/")
    page = lead.post(
        f"{base}/projects/1/import/jsonl/", data={"text": line}, headers={"HX-Request": "true"}
    )
    ok = "nested too deeply" in api.text and "nested too deeply" in page.text
    print(
        f"4 nested JSON line: API {api.status_code}, page {page.status_code}  {check(ok, '4 line')}"
    )


def item_5(args: argparse.Namespace) -> None:
    base, lead = args.base, login(args.base, "lena")
    lead.get(f"{base}/projects/1/import/")
    body = ("word " * 2000 + "\x00 tail\n").encode()
    response = lead.post(
        f"{base}/projects/1/import/upload/",
        files={"files": ("nul.txt", body)},
        headers={"HX-Request": "true"},
    )
    ok = response.status_code == 400 and "U+0000" in response.text
    print(f"5 NUL at character 10,000 of an upload: {response.status_code}  {check(ok, '5')}")
    comment = login(base, "rafael").post(
        f"{base}/annotations/1/comments/", data={"text": "a\x00b"}, headers={"HX-Request": "true"}
    )
    print(
        f"5 NUL in a comment form: {comment.status_code}  {check(comment.status_code < 500, '5c')}"
    )


def item_6(args: argparse.Namespace) -> None:
    base, lead = args.base, login(args.base, "lena")
    cursors = [
        "x", "%00", "cD0x", "cD0lMDA=", "cD1hYmM=", "cD0xOTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk=",
        "bz0tMQ==", "bz05OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ==", "JSQl", "cD0yMDI2LTEzLTQ1",
    ]  # fmt: skip
    codes = {}
    for name in API_LISTS:
        for cursor in cursors:
            codes[(name, cursor)] = lead.get(f"{base}/api/v1/{name}/?cursor={cursor}").status_code
    worst = [k for k, v in codes.items() if v >= 500]
    print(
        f"6 crafted cursors on {len(API_LISTS)} lists ({len(codes)} requests): "
        f"{sorted(set(codes.values()))}, 5xx: {worst}  {check(not worst, '6')}"
    )


def item_7(args: argparse.Namespace) -> None:
    base, lead = args.base, login(args.base, "lena")
    lead.get(f"{base}/")
    forms = [
        ("/teams/switch/", "team"), ("/articles/1/assign/", "reviewer"),
        ("/projects/1/assign/", "articles"), ("/articles/1/adjudicate/merge/", "annotations"),
        ("/articles/1/adjudicate/accept/", "annotation"), ("/entities/1/merge/", "other"),
        ("/annotations/1/evidence/", "source"), ("/articles/1/annotations/", "speaker"),
        ("/articles/1/lines/move/", "line"), ("/assignments/1/approve/", "version"),
        ("/review/heartbeat/", "article"), ("/articles/1/suggestions/accept/", "start"),
    ]  # fmt: skip
    codes = {}
    for path, field in forms:
        for value in ["abc", "9" * 25, "-1", "1e5", "\x00", "1.5", ""]:
            response = lead.post(
                f"{base}{path}", data={field: value}, headers={"HX-Request": "true"}
            )
            codes[(path, field, value)] = response.status_code
    worst = [k for k, v in codes.items() if v >= 500]
    print(
        f"7 bad ids in {len(forms)} forms ({len(codes)} requests): {sorted(set(codes.values()))}, "
        f"5xx: {worst}  {check(not worst, '7')}"
    )


def item_8(args: argparse.Namespace) -> None:
    base, lead = args.base, login(args.base, "lena")
    body = b'{"name":"' + b"a" * (7 << 20) + b'"}'
    answers = []
    for path in ["projects", "articles", "articles/batch", "annotations", "entities", "sources"]:
        response = lead.post(
            f"{base}/api/v1/{path}/", data=body, headers={"Content-Type": "application/json"}
        )
        answers.append((response.status_code, response.headers.get("Content-Type")))
    ok = all(code == 413 and kind == "application/json" for code, kind in answers)
    print(f"8 7 MB API bodies: {sorted(set(answers))}  {check(ok, '8')}")


# --- accounts and attribution -----------------------------------------------------------------


def item_9(args: argparse.Namespace) -> None:
    base = loopback(args.proxy_base)

    def attempt(password: str, forwarded: str, username: str = "lena") -> int:
        session = requests.Session()
        page = session.get(f"{base}/accounts/login/", headers={"X-Forwarded-For": forwarded})
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return session.post(
            f"{base}/accounts/login/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token},
            headers={"X-Forwarded-For": forwarded, "Referer": f"{base}/accounts/login/"},
            allow_redirects=False,
        ).status_code

    attacker = [attempt("wrong", "203.0.113.66") for _ in range(7)]
    owner = attempt(PASSWORD, "198.51.100.7")
    forged = attempt(PASSWORD, "198.51.100.7, 203.0.113.66")
    garbage = attempt("wrong", "not-an-address", "rafael")
    ok = attacker[-1] == 429 and owner == 302 and forged == 429 and garbage < 500
    print(
        f"9 behind one proxy: attacker {attacker}; lead at another address {owner}; attacker "
        f"forging the lead's address on the left {forged}; garbage X-Forwarded-For {garbage}  "
        f"{check(ok, '9')}"
    )


def item_10_11(args: argparse.Namespace) -> None:
    base, lead, nobody = args.base, login(args.base, "lena"), login(args.base, "nobody")
    olga = int(
        subprocess.run(
            ["uv", "run", "manage.py", "shell", "-c", OLGA], capture_output=True, text=True
        ).stdout.split()[-1]
    )
    lead.get(f"{base}/articles/1/")
    answers = {}
    for label, user_id in [("other team's lead", olga), ("missing", 987654321), ("huge", "9" * 25)]:
        response = lead.post(f"{base}/articles/1/assign/", data={"reviewer": user_id})
        answers[label] = (response.status_code, len(response.content))
    api = {
        v: lead.post(f"{base}/api/v1/assignments/", json={"article": 1, "reviewer": v}).text
        for v in (987654321, olga)
    }
    ok = len(set(api.values())) == 1
    print(f"10 assign unknown ids: {answers}; API answers identical: {ok}  {check(ok, '10')}")
    before = nobody.get(f"{base}/api/v1/teams/").json()
    switch = nobody.post(f"{base}/teams/switch/", data={"team": 1}).status_code
    ok = before == [] or before.get("results") == []
    print(
        f"11 a user in no team sees teams {before}, switch to team 1: {switch}  {check(ok, '11')}"
    )


def item_12(args: argparse.Namespace) -> None:
    base, reviewer = args.base, login(args.base, "rafael")
    line = {
        "title": f"hardening {time.time()}",
        "text": "Owners said prices rose by 12 percent.",
        "annotator": "sofia",
        "spans": [{"start": 12, "end": 37, "label": "Claim"}],
    }
    response = reviewer.post(
        f"{base}/api/v1/articles/batch/", json={"project": 1, "jsonl": json.dumps(line)}
    ).json()
    ok = response["created"] == 0 and "only a lead" in json.dumps(response)
    print(f"12 reviewer imports in another member's name: refused: {ok}  {check(ok, '12')}")


def item_14(args: argparse.Namespace) -> None:
    off = requests.get(f"{args.base}/accounts/password_reset/", timeout=60).status_code
    link = "password_reset" in requests.get(f"{args.base}/accounts/login/", timeout=60).text
    verdict = check(off == 404 and not link, "14 off")
    print(f"14 without e-mail: reset page {off}, link on login page {link}  {verdict}")
    if not args.reset_base:
        return
    base, session, codes = loopback(args.reset_base), requests.Session(), []
    for n in range(7):
        page = session.get(f"{base}/accounts/password_reset/")
        data = {
            "email": ["nobody@x.test", "unknown@x.test"][n % 2],
            "csrfmiddlewaretoken": re.search(
                r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text
            ).group(1),
        }
        response, seconds = timed(
            lambda data=data: session.post(
                f"{base}/accounts/password_reset/",
                data=data,
                headers={"Referer": f"{base}/"},
                allow_redirects=False,
            )
        )
        codes.append((response.status_code, round(seconds, 3)))
    verdict = check(codes[-1][0] == 429, "14 limit")
    print(
        f"14 seven resets from one address (known/unknown e-mail alternating): {codes}  {verdict}"
    )


def item_16(args: argparse.Namespace) -> None:
    lead = login(args.base, "lena")
    pages = ["/accounts/login/", "/", "/projects/1/", "/articles/1/", "/articles/1/suggestions/",
             "/entities/", "/search/?q=said", "/api/docs/", "/api/v1/projects/", "/nope/",
             "/static/css/workbench.css", "/favicon.ico", "/admin/login/"]  # fmt: skip
    bad = []
    for path in pages:
        policy = lead.get(f"{args.base}{path}").headers.get("Content-Security-Policy", "")
        script = re.search(r"script-src ([^;]*)", policy)
        if not script or "unsafe-inline" in script.group(1):
            bad.append(path)
    verdict = check(not bad, "16")
    print(
        f"16 CSP on {len(pages)} page types; without it or with 'unsafe-inline': {bad}  {verdict}"
    )


ITEMS = {
    "1": item_1, "2": item_2, "3": item_3, "4": item_4, "5": item_5, "6": item_6, "7": item_7,
    "8": item_8, "9": item_9, "10": item_10_11, "12": item_12, "14": item_14, "16": item_16,
}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("items", nargs="*", help=f"items to run (default all of {list(ITEMS)})")
    parser.add_argument("--base", default="http://127.0.0.1:8437")
    parser.add_argument("--proxy-base", default="http://127.0.0.1:8438")
    parser.add_argument("--reset-base", default="")
    parser.add_argument("--pid-file", help="gunicorn's --pid file, to read its workers' RSS")
    parser.add_argument("--runs", type=int, default=3, help="rounds of the timed items (2, 3)")
    parser.add_argument("--seed", action="store_true", help="add a second team and a teamless user")
    args = parser.parse_args()
    loopback(args.base)
    args.runs = max(1, min(args.runs, 10))
    if args.seed:
        subprocess.run(["uv", "run", "manage.py", "shell", "-c", SEED], check=True)
    for item in args.items or [k for k in ITEMS if k != "9" or args.proxy_base]:
        ITEMS[item](args)
    print("FAILURES:", FAILURES or "none")


if __name__ == "__main__":
    main()
