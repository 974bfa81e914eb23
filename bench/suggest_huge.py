"""Suggestions on a huge article, before and after issue 20's bounds (issue 20, item 1).

    uv run python bench/suggest_huge.py [--mb 4.7] [--skip-before]

Builds one article of about --mb MB from the shared workload generator
(../shared/bench/gen_workload.py: news-like paragraphs with quotes and claims), and one at the
suggestion size limit (WORKBENCH_SUGGEST_MAX_CHARS), in a fresh SQLite database in a temporary
folder; then, through Django's test client as a lead (any member, a viewer too, may open them;
a lead's page is the largest, with accept and reject forms on every suggestion):

- after: the suggestions of the huge article (refused by size: time and bytes), and of the
  article at the limit: the first opening (runs the finder once, in a child process under the
  time budget, and stores the run), a second opening (reads the stored run) and page 2;
- before (unless --skip-before): what one request cost until now, which ran the finder in the
  request on every opening and listed every suggestion on one page: the finder's time on the
  huge text, and the size of the page listing all its suggestions (rendered with today's
  template with one page holding them all, which is the old markup plus one hidden field).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "gen_workload.py"
sys.path.insert(0, str(ROOT))


def text_of(mb: float, tmp: Path) -> str:
    out = tmp / "workload.jsonl"
    n = max(1, int(mb * 1_000_000 / 3_900))
    subprocess.run([sys.executable, str(GENERATOR), str(n), str(out)], check=True)
    texts = [json.loads(line)["text"] for line in out.read_text().splitlines()]
    return "\n\n".join(texts)


def timed_get(client, url: str) -> tuple[float, int, int]:
    started = time.perf_counter()
    response = client.get(url)
    return time.perf_counter() - started, len(response.content), response.status_code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=4.7)
    parser.add_argument("--skip-before", action="store_true")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="suggest-huge-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'db.sqlite3'}"
    os.environ.setdefault("DJANGO_DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "workbench.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.paginator import Paginator
    from django.template.loader import render_to_string
    from django.test import Client
    from django.urls import reverse

    from tests.factories import ArticleFactory, MembershipFactory, ProjectFactory, TeamFactory
    from workbench.accounts.models import Role
    from workbench.suggest.finder.engine import suggest
    from workbench.suggest.selectors import LISTED_CLAIMS, Listed, suggestion_key

    call_command("migrate", verbosity=0)
    huge = text_of(args.mb, tmp)
    limit = settings.WORKBENCH_SUGGEST_MAX_CHARS
    at_limit = huge[:limit].rsplit("\n\n", 1)[0]
    team = TeamFactory(slug="bench")
    lead = MembershipFactory(team=team, role=Role.LEAD, user__username="lead").user
    project = ProjectFactory(team=team)
    big = ArticleFactory(project=project, body=huge, raw=huge)
    fits = ArticleFactory(project=project, body=at_limit, raw=at_limit)
    client = Client()
    client.force_login(lead)
    rows = []

    def row(what: str, chars: int, seconds: float, size: int, status: int | str) -> None:
        rows.append({"what": what, "chars": chars, "s": round(seconds, 3), "bytes": size})
        print(json.dumps(rows[-1] | {"status": status}), flush=True)

    url = reverse("suggest:suggestion_list", args=[big.pk])
    row("after: huge article (refused by size)", len(huge), *timed_get(client, url))
    url = reverse("suggest:suggestion_list", args=[fits.pk])
    row("after: article at the limit, first opening", len(at_limit), *timed_get(client, url))
    row("after: article at the limit, next opening", len(at_limit), *timed_get(client, url))
    row("after: article at the limit, page 2", len(at_limit), *timed_get(client, url + "?page=2"))
    if not args.skip_before:
        started = time.perf_counter()
        items = suggest(huge, claims=LISTED_CLAIMS)
        seconds = time.perf_counter() - started
        listed = [Listed(suggestion_key(s.kind, s.start, s.end), s) for s in items]
        page = Paginator(listed, len(listed) or 1).get_page(1)
        context = {"article": big, "page": page, "can_write": True, "csrf_token": "x" * 64}
        html = render_to_string("suggest/_suggestions.html", context)
        row(f"before: huge article, every opening ({len(items):,} listed)", len(huge), seconds,
            len(html.encode()), "simulated")  # fmt: skip
    print()
    print(f"{'':<58} {'chars':>10} {'seconds':>8} {'KB':>9}")
    for r in rows:
        print(f"{r['what']:<58} {r['chars']:>10,} {r['s']:>8.3f} {r['bytes'] / 1000:>9,.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
