"""Retake the README's screenshots from a running demo server.

    uv run manage.py demo --addrport 127.0.0.1:8123     # in one terminal (on a fresh database)
    uv run python docs/screenshots.py --port 8123        # in another

Drives Debian's Chromium (/usr/bin/chromium) with Playwright, logs in as the demo users and
writes docs/dashboard.png, docs/agreement.png, docs/adjudicate.png and
docs/annotated-article.png. It only reads pages, so it can run against the same server again.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

DOCS = Path(__file__).resolve().parent
PASSWORD = "workbench-demo"  # noqa: S105 - the demo's published password
PROJECT = "Middle East and Europe desk"
DOUBLE_TITLE = "Health ministry says clinic waiting times fell by a third"
SEED_OUTLET = "Le Monde"
WIDTH = 1280


def log_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit], input[type=submit]")
    page.wait_for_load_state("networkidle")


def open_project(page: Page, base: str) -> None:
    page.goto(f"{base}/")
    page.get_by_role("link", name=PROJECT).first.click()
    page.wait_for_load_state("networkidle")


def shoot(page: Page, name: str, *, full_page: bool = True) -> None:
    path = DOCS / name
    page.screenshot(path=str(path), full_page=full_page)
    print(f"wrote {path}")


def take(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless=new", "--no-sandbox"]
        )
        page = browser.new_context(viewport={"width": WIDTH, "height": 900}).new_page()
        page.set_default_timeout(15_000)

        log_in(page, base, "lena")
        open_project(page, base)
        page.get_by_role("link", name="Dashboard").first.click()
        page.locator("svg.chart").first.wait_for()
        shoot(page, "dashboard.png")

        page.get_by_role("link", name="Reviewer agreement").click()
        page.locator("svg.chart").first.wait_for()
        shoot(page, "agreement.png")

        row = page.locator("table.agreement-articles tr", has_text=DOUBLE_TITLE)
        row.get_by_role("link", name="adjudicate").click()
        page.wait_for_load_state("networkidle")
        shoot(page, "adjudicate.png")

        log_in(page, base, "rafael")
        open_project(page, base)
        page.locator("a", has_text="On Thursday, January 4").first.click()
        page.locator(".ann-item.kind-quote", has_text="Renad Mansour").locator("a").click()
        page.locator("#panel").get_by_text("Chatham House").first.wait_for()
        shoot(page, "annotated-article.png", full_page=False)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="port of the demo server")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    take(f"http://{args.host}:{args.port}")


if __name__ == "__main__":
    main()
