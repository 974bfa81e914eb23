"""The README's first command in a real browser: `manage.py demo` serves as production does.

Issue 14, item 12: debug off (the app's own error pages, never Django's debug pages, even on
all interfaces), static files through WhiteNoise, and a second run that keeps people logged in.
"""

from __future__ import annotations

import urllib.request
from http.cookiejar import CookieJar

from tests.demo.test_command import _free_port, _get, demo_server


def test_demo_in_a_browser_serves_like_production_and_a_restart_keeps_the_login(browser, tmp_path):
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    context = browser.new_context(base_url=base, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    try:
        with demo_server(tmp_path, port):
            key = (tmp_path / "secret_key").read_text()
            page.goto("/")
            page.wait_for_url(f"{base}/accounts/login/?next=/")
            page.get_by_label("Username").fill("rafael")
            page.get_by_label("Password").fill("workbench-demo")
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url(f"{base}/")
            assert page.locator("header.topbar .username").inner_text() == "rafael"
            # The stylesheet came through WhiteNoise with DEBUG off: the top bar is styled.
            assert page.locator("header.topbar").evaluate(
                "bar => getComputedStyle(bar).display"
            ) in {"flex", "grid"}
            # The app's own 404, with its top bar and a way back; no debug page.
            response = page.goto("/no-such-page/")
            assert response.status == 404
            assert page.get_by_role("heading", name="Not found").is_visible()
            assert page.locator("header.topbar .username").inner_text() == "rafael"
            assert "URLconf" not in page.content()
            # A host the demo was not told about gets the 400 page, not DisallowedHost's debug.
            opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
            status, html = _get(opener, f"{base}/accounts/login/", host="10.9.8.7")
            assert status == 400 and 'class="topbar"' in html and "ALLOWED_HOSTS" not in html
        with demo_server(tmp_path, port):
            # The same key from the git-ignored file: the browser's session still opens the app.
            assert (tmp_path / "secret_key").read_text() == key
            page.goto("/")
            assert page.url == f"{base}/"
            assert page.locator("header.topbar .username").inner_text() == "rafael"
    finally:
        context.close()
    assert not errors, errors
    assert not failed, f"requests that failed (static files?): {failed}"
