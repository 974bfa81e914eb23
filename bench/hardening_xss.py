"""Hostile text in every user-supplied field, then every page in Chromium: did any script run?

Loopback only. Needs a server started as for `bench/hardening.py` (seeded with its `--seed`):

    uv run python bench/hardening_xss.py --base http://127.0.0.1:8437

Stores a project, entity (with aliases), source, article (title, outlet, byline, body),
annotations (rationale, role, verdict), evidence, a comment, a token name and the other team's
name, each holding `<script>` and attribute-breaking markup; then logs in as lead, reviewer,
viewer and the other team's lead and opens every page that shows them, listening for dialogs,
CSP violations in the console and page errors. Prints counts and `FAIL` on any dialog or
violation.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import time

from hardening import PASSWORD, login  # bench/ is on the path when run as a script
from playwright.sync_api import sync_playwright

X1 = "<script>alert(1)</script>"
X2 = '"><img src=x onerror=alert(2)>'
X3 = "'><svg onload=alert(3)>"
HOSTILE = X1 + X2 + X3


def seed(base: str) -> dict[str, int]:
    stamp = int(time.time())
    lead, reviewer = login(base, "lena"), login(base, "rafael")
    project = lead.post(
        f"{base}/api/v1/projects/",
        json={
            "team": 1,
            "name": "P " + HOSTILE,
            "slug": f"xss-{stamp}",
            "description": "D " + HOSTILE,
            "rating_scale": ["True", "False " + X2],
        },
    ).json()["id"]
    entity = lead.post(
        f"{base}/api/v1/entities/",
        json={
            "team": 1,
            "name": f"E{stamp} " + HOSTILE,
            "aliases": ["A " + X1, "B " + X2],
            "description": "Desc " + HOSTILE,
        },
    ).json()["id"]
    source = lead.post(
        f"{base}/api/v1/sources/",
        json={"team": 1, "url": "https://example.org/s", "title": "S " + HOSTILE,
              "publisher": "Pub " + HOSTILE},
    ).json()["id"]  # fmt: skip
    # Fewer than three tags, or the paste is read as an HTML page and the tags are markup.
    body = (
        f'The minister <script>alert(1) said: "We will {X2} not accept this deal." '
        "Officials said unemployment rose by 12 per cent.\n\nAnother paragraph."
    )
    lead.get(f"{base}/projects/{project}/import/")
    response = lead.post(
        f"{base}/projects/{project}/import/paste/",
        data={"title": "T " + HOSTILE, "outlet": "O " + HOSTILE, "byline": "B " + HOSTILE,
              "text": body},
        allow_redirects=False,
    )  # fmt: skip
    article = int(re.search(r"/articles/(\d+)/", response.headers["Location"]).group(1))
    reviewer_id = [
        r["reviewer"]
        for r in lead.get(f"{base}/api/v1/assignments/?page_size=500").json()["results"]
        if r["reviewer_username"] == "rafael"
    ][0]
    lead.post(f"{base}/articles/{article}/assign/", data={"reviewer": reviewer_id})
    text = lead.get(f"{base}/api/v1/articles/{article}/").json()["body"]
    start, end = text.index("Officials said"), text.index("per cent") + 8
    claim = reviewer.post(
        f"{base}/api/v1/annotations/",
        json={"article": article, "kind": "claim", "start": start, "end": end,
              "exact": text[start:end], "rationale": "R " + HOSTILE, "verdict": "False " + X2,
              "claimant": entity},
    ).json()["id"]  # fmt: skip
    start, end = text.index("We will"), text.index("this deal") + 9
    quote = reviewer.post(
        f"{base}/api/v1/annotations/",
        json={"article": article, "kind": "quote", "start": start, "end": end,
              "exact": text[start:end], "speaker": entity, "role": "Role " + HOSTILE},
    ).json()["id"]  # fmt: skip
    reviewer.post(
        f"{base}/api/v1/annotations/{claim}/evidence/",
        json={"source": source, "stance": "refutes", "excerpt": "Ex " + HOSTILE,
              "note": "N " + HOSTILE},
    )  # fmt: skip
    reviewer.post(f"{base}/api/v1/annotations/{claim}/comments/", json={"text": "C " + HOSTILE})
    reviewer.get(f"{base}/settings/tokens/")
    reviewer.post(f"{base}/settings/tokens/new/", data={"name": "Tok " + HOSTILE[:80]})
    rename = f"from workbench.accounts.models import Team; Team.objects.filter(slug='other-desk').update(name={'Team ' + HOSTILE!r})"  # noqa: E501
    subprocess.run(["uv", "run", "manage.py", "shell", "-c", rename], capture_output=True)
    return {"project": project, "entity": entity, "article": article, "claim": claim,
            "quote": quote}  # fmt: skip


def pages(o: dict[str, int]) -> list[str]:
    a, p, e, c, q = o["article"], o["project"], o["entity"], o["claim"], o["quote"]
    return [
        "/", f"/projects/{p}/", f"/projects/{p}/edit/", f"/projects/{p}/import/",
        f"/articles/{a}/", f"/articles/{a}/edit/", f"/articles/{a}/suggestions/",
        f"/annotations/{c}/", f"/annotations/{q}/", f"/annotations/{c}/edit/",
        f"/annotations/{c}/history/", "/entities/", f"/entities/{e}/", f"/entities/{e}/edit/",
        f"/entities/{e}/history/", f"/entities/{e}/merge/", "/search/?q=alert",
        "/search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", f"/projects/{p}/dashboard/",
        f"/projects/{p}/agreement/", f"/projects/{p}/assign/", f"/articles/{a}/review/",
        f"/articles/{a}/adjudicate/", "/review/queue/", "/attention/", "/settings/tokens/",
        "/teams/demo-newsroom/members/", "/invitations/", f"/articles/{a}/entity-search/?q=E",
        f"/articles/{a}/source-search/?q=S", "/api/docs/", f"/api/v1/annotations/{c}/",
        "/admin/", "/nope/%3Cscript%3Ealert(1)%3C/script%3E",
        f"/projects/{p}/?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(5)%3E",
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8437")
    base = parser.parse_args().base
    if not re.match(r"^http://(127\.0\.0\.1|localhost):\d+$", base):
        raise SystemExit("loopback only")
    objects = seed(base)
    common = pages(objects)
    users = {"lena": common, "rafael": common, "victor": common, "olga": ["/", "/invitations/"]}
    dialogs, violations, errors, visited = [], [], [], 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for user, urls in users.items():
            context = browser.new_context()
            page = context.new_page()
            page.on("dialog", lambda d, u=user: (dialogs.append((u, d.message)), d.dismiss()))
            page.on(
                "console",
                lambda m, u=user: (
                    violations.append((u, m.text[:200]))
                    if "Content Security Policy" in m.text or "Refused" in m.text
                    else None
                ),
            )
            page.on("pageerror", lambda ex, u=user: errors.append((u, str(ex)[:200])))
            page.goto(f"{base}/accounts/login/")
            page.fill("input[name=username]", user)
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit], input[type=submit]")
            page.wait_for_load_state()
            for url in urls:
                page.goto(f"{base}{url}")
                page.wait_for_timeout(150)
                visited += 1
                for element in page.query_selector_all("img, svg")[:5]:
                    try:
                        element.hover(timeout=300)
                    except Exception:  # noqa: BLE001, S112 (hidden elements cannot be hovered)
                        continue
            context.close()
        browser.close()
    print(f"pages visited: {visited}; dialogs: {dialogs}; CSP violations: {violations}")
    print(f"page errors: {errors}")
    print("FAIL" if dialogs or violations else "ok")


if __name__ == "__main__":
    main()
