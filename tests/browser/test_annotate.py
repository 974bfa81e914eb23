"""The annotation workbench in a real browser: selection → offsets, panels, keyboard, conflicts."""

from __future__ import annotations

import hashlib
import time

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.browser.conftest import screenshot
from tests.conftest import XSS
from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation, Entity, Evidence
from workbench.annotations.services import (
    annotation_create,
    comment_add,
    entity_create,
    evidence_add,
    source_get_or_create,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    "BAGHDAD — A drone strike on Thursday killed a senior commander of an Iran-backed militia "
    "in the east of the capital.\n\n"
    'Michael Knights, a senior fellow at the Washington Institute, said the strike was "a clear '
    'escalation" and warned that the militias would answer within days.\n\n'
    "The Pentagon confirmed that three drones were used, a spokesman said, adding that no "
    "civilians had been hurt.\n\n"
    'Renad Mansour, Iraq specialist at the think tank Chatham House, called the attack "an '
    'attack on Iraqi sovereignty" that would push Baghdad to ask US troops to leave.'
)
# Emoji with a skin-tone modifier and a flag, a precomposed accent, combining sequences NFC
# keeps (q̃, ạ̈) and one it would compose (e + U+0301, possible here because the factory skips
# the importer's normalization): all before the span, in two paragraphs.
TRICKY = (
    "Réunion 👍🏽 à Paris 🇫🇷 : q\u0303 a\u0323\u0308 cafe\u0301.\n\n"
    "Deuxième 🇫🇷 paragraphe 👍🏽 e\u0301 : « Nous avançons vite », a dit la ministre."
)


def _article(world, body: str = BODY):
    return ArticleFactory(
        project=world.project,
        title="Drone strike in Baghdad",
        outlet="Le Monde",
        body=body,
        raw=body,
        checksum=hashlib.sha256(body.encode()).hexdigest(),
    )


def _log_in(page, live_server, user) -> None:
    """Reuse a Django session instead of typing a password (and being throttled) every test."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


SELECT_JS = """([text, occurrence]) => {
  // Find the text in the article's DOM (UTF-16, as the browser sees it) and select it.
  const body = document.getElementById("annotated-body");
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest("p[data-start]") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
  });
  const nodes = [];
  let all = "";
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = all.indexOf(text, at + 1);
  if (at < 0) throw new Error("text not found: " + text);
  const locate = (pos, isEnd) => {
    for (const [node, base] of nodes) {
      if (pos < base + node.data.length || (isEnd && pos === base + node.data.length)) return [node, pos - base];
    }
  };
  const range = document.createRange();
  range.setStart(...locate(at, false));
  range.setEnd(...locate(at + text.length, true));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  document.dispatchEvent(new Event("selectionchange"));
}"""


def _wait_for_version(annotation: Annotation, version: int, seconds: float = 15) -> None:
    """Wait until the database holds the annotation at `version` (a save has landed)."""
    deadline = time.monotonic() + seconds
    while Annotation.objects.get(pk=annotation.pk).version < version:
        assert time.monotonic() < deadline, f"annotation {annotation.pk} never reached v{version}"
        time.sleep(0.05)


def _settle(page) -> None:
    """Wait until htmx has finished swapping and wired up the new content."""
    page.wait_for_function(
        "!document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
    )


def _type_search(page, selector: str, text: str) -> None:
    """Type into a search box that htmx just swapped in, once htmx listens to it.

    Keys typed before htmx has processed the new form fire no request, and no results come.
    """
    page.locator(selector).wait_for()
    _settle(page)
    page.locator(selector).press_sequentially(text)


def _select(page, text: str, occurrence: int = 0) -> None:
    page.evaluate(SELECT_JS, [text, occurrence])


def _annotate(page, text: str, key: str) -> None:
    # A save refreshes the highlighted text over htmx; a selection made before that swap
    # lands would vanish with the old nodes, so let pending swaps finish first.
    _settle(page)
    _select(page, text)
    page.keyboard.press(key)
    page.locator("#annotation-form").wait_for()
    _settle(page)


def _save_new(page) -> None:
    page.locator("#annotation-form button[type=submit]").click()
    page.locator("#panel .flash", has_text="Saved.").wait_for()


def _wait_for_mark(page, annotation: Annotation) -> None:
    page.locator(f'#annotated-body mark[data-ids~="{annotation.pk}"]').first.wait_for()


def test_select_text_create_quote_with_new_speaker_mention_and_cue(page, live_server, world):
    article = _article(world)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())

    quoted = 'the strike was "a clear escalation"'
    _annotate(page, quoted, "q")
    assert page.locator("#panel blockquote").inner_text() == quoted
    page.locator("#speaker-q").fill("Michael Knights")
    page.get_by_role("button", name="person", exact=True).click()
    page.locator("#speaker-picker .picked", has_text="Michael Knights").wait_for()
    page.get_by_label("Role as stated in this article").fill(
        "senior fellow at the Washington Institute"
    )
    page.locator("#id_quote_type").select_option("mixed")
    _select(page, "Michael Knights")
    page.get_by_role("button", name="Use selection as speaker mention").click()
    _select(page, "said", 0)
    page.get_by_role("button", name="Use selection as cue").click()
    assert page.locator('[data-span-field="cue"] output').inner_text() == "“said”"
    _save_new(page)

    quote = Annotation.objects.get(article=article)
    start = BODY.index(quoted)
    assert (quote.start, quote.end, quote.exact) == (start, start + len(quoted), quoted)
    assert quote.speaker == Entity.objects.get(team=world.team, name="Michael Knights")
    assert quote.role == "senior fellow at the Washington Institute"
    assert quote.quote_type == "mixed"
    assert (quote.mention_start, quote.mention_exact) == (BODY.index("Michael"), "Michael Knights")
    assert (quote.cue_start, quote.cue_exact) == (BODY.index("said"), "said")
    # Highlights and the list refresh without a reload.
    _wait_for_mark(page, quote)
    assert "Michael Knights" in page.locator(f"#annotation-{quote.pk}").inner_text()


def test_pick_existing_speaker_by_alias_with_the_keyboard(page, live_server, world):
    article = _article(world)
    pentagon = entity_create(
        team=world.team, actor=None, name="United States Department of Defense",
        kind="organisation", aliases=["Pentagon", "DoD"],
    )  # fmt: skip
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _annotate(page, "three drones were used", "q")
    _type_search(page, "#speaker-q", "Pentagon")
    page.locator("#speaker-results .pick", has_text="United States Department").wait_for()
    page.locator("#speaker-q").press("Enter")
    page.locator("#speaker-picker .picked", has_text="United States Department").wait_for()
    _save_new(page)
    quote = Annotation.objects.get(article=article)
    assert quote.speaker == pentagon
    assert quote.exact == "three drones were used"


def test_create_claim_with_verdict_then_attach_source_with_stance(page, live_server, world):
    article = _article(world)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    _annotate(page, "no civilians had been hurt", "c")
    page.get_by_label("The outlet itself").check()
    page.locator("#id_checkworthy").select_option("yes")
    page.locator("#id_verdict").select_option("Unverifiable")
    page.get_by_label("Rationale").fill("No independent count yet.")
    _save_new(page)
    claim = Annotation.objects.get(article=article)
    assert (claim.kind, claim.verdict, claim.claimant_is_outlet) == ("claim", "Unverifiable", True)

    page.locator("#evidence summary").click()
    page.get_by_label("URL", exact=True).fill("https://www.defense.gov/News/Releases/")
    page.get_by_label("Title").fill("Pentagon statement on the strike")
    page.get_by_label("Publisher").fill("US Department of Defense")
    page.get_by_label("Refutes").check()
    page.get_by_label("Excerpt").fill("Two civilians were wounded.")
    page.get_by_role("button", name="Attach source").click()
    page.locator("#evidence .evidence", has_text="Pentagon statement").wait_for()
    evidence = Evidence.objects.get(claim=claim)
    assert (evidence.stance, evidence.source.url) == (
        "refutes",
        "https://www.defense.gov/News/Releases/",
    )
    assert evidence.excerpt == "Two civilians were wounded."

    # A second claim finds the same source by searching instead of typing it again.
    _annotate(page, "three drones were used", "c")
    _save_new(page)
    page.locator("#evidence summary").click()
    _type_search(page, "#source-q", "defense.gov")
    page.locator("#source-results .pick", has_text="Pentagon statement").click()
    page.get_by_label("Supports").check()
    page.get_by_role("button", name="Attach source").click()
    page.locator("#evidence .evidence", has_text="Pentagon statement").wait_for()
    second = Annotation.objects.get(article=article, exact="three drones were used")
    assert second.evidence.get().source == evidence.source


def _seed(world, article):
    knights = entity_create(
        team=world.team, actor=None, name="Michael Knights", aliases=["Knights"]
    )
    mansour = entity_create(team=world.team, actor=None, name="Renad Mansour")
    quote = annotation_create(
        article=article, author=world.reviewer, kind="quote",
        start=BODY.index('"a clear'), end=BODY.index("and warned") - 1,
        exact='"a clear escalation"', speaker=knights, role="senior fellow", quote_type="direct",
    )  # fmt: skip
    text = "an attack on Iraqi sovereignty"
    second = annotation_create(
        article=article, author=world.reviewer, kind="quote", start=BODY.index(text),
        end=BODY.index(text) + len(text), exact=text, speaker=mansour,
        role="Iraq specialist at the think tank Chatham House",
    )  # fmt: skip
    text = "clear escalation"
    claim = annotation_create(
        article=article, author=world.reviewer, kind="claim", start=BODY.index(text),
        end=BODY.index(text) + len(text), exact=text, claimant=knights, quote=quote,
        checkworthy="yes", verdict="Mostly true",
    )  # fmt: skip
    source = source_get_or_create(
        team=world.team, actor=None, title="ACLED event data", url="https://acleddata.com/"
    )
    evidence_add(claim=claim, actor=world.reviewer, source=source, stance="supports",
                 excerpt="Attacks rose in the following week.")  # fmt: skip
    comment_add(annotation=claim, author=world.lead, text="Is “clear” the analyst's word?")
    return quote, claim, second


def test_keyboard_navigation_edit_and_delete(page, live_server, world):
    article = _article(world)
    quote, claim, second = _seed(world, article)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    panel = page.locator("#panel")

    page.keyboard.press("j")
    panel.locator(f'[data-annotation="{quote.pk}"]').wait_for()
    _settle(page)
    assert page.locator(f'mark.is-active[data-ids~="{quote.pk}"]').count() >= 1
    page.keyboard.press("j")
    panel.locator(f'[data-annotation="{claim.pk}"]').wait_for()
    _settle(page)
    assert "ACLED event data" in panel.inner_text()
    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(page, "annotated-article")
    page.keyboard.press("k")
    panel.locator(f'[data-annotation="{quote.pk}"]').wait_for()
    _settle(page)

    page.keyboard.press("e")
    role = page.get_by_label("Role as stated in this article")
    role.wait_for()
    _settle(page)
    role.fill("senior fellow at the Washington Institute")
    page.get_by_role("button", name="Save changes").click()
    panel.locator("[data-version]", has_text="2").wait_for()
    quote.refresh_from_db()
    assert (quote.role, quote.version) == ("senior fellow at the Washington Institute", 2)

    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("Escape")
    panel.locator(".panel-help").wait_for()
    assert page.locator("mark.is-active").count() == 0

    page.keyboard.press("?")
    dialog = page.locator("#shortcuts")
    dialog.wait_for(state="visible")
    assert "Next / previous annotation" in dialog.inner_text()
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")

    # Typing in a field never fires a shortcut.
    page.keyboard.press("k")
    panel.locator(f'[data-annotation="{second.pk}"]').wait_for()
    _settle(page)
    page.locator("#comment-text").fill("jkq?")
    assert panel.locator(f'[data-annotation="{second.pk}"]').count() == 1
    assert not page.locator("#shortcuts").is_visible()

    page.locator("#comment-text").blur()
    page.keyboard.press("Delete")
    page.locator("#confirm-dialog").get_by_text("This cannot be undone").wait_for()
    page.keyboard.press("Enter")
    panel.get_by_text("Deleted.").wait_for()
    assert not Annotation.objects.filter(pk=second.pk).exists()
    page.locator(f'#annotated-body mark[data-ids~="{second.pk}"]').wait_for(state="detached")
    page.locator(f"#annotation-{second.pk}").wait_for(state="detached")


def test_conflicting_edits_in_two_browsers_get_409_and_show_the_newer_version(
    page, browser, live_server, world
):
    article = _article(world)
    quote, _claim, _second = _seed(world, article)
    other = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 800}, bypass_csp=True
    )
    lead_page = other.new_page()
    try:
        _log_in(page, live_server, world.reviewer)
        _log_in(lead_page, live_server, world.lead)
        for each in (page, lead_page):
            each.goto(reverse("annotations:annotation_detail", args=[quote.pk]))
            each.get_by_role("link", name="Edit").click()
            each.get_by_label("Role as stated in this article").wait_for()
            _settle(each)

        page.get_by_label("Role as stated in this article").fill("reviewer's version")
        page.get_by_role("button", name="Save changes").click()
        # The URL may already match before the save lands, so wait for the saved version itself:
        # otherwise, on a loaded machine, the lead's save can win the race.
        _wait_for_version(quote, 2)
        lead_page.get_by_label("Role as stated in this article").fill("lead's version")
        lead_page.get_by_role("button", name="Save changes").click()
        lead_page.get_by_text("Someone else changed this annotation").wait_for()
        assert "reviewer's version" in lead_page.locator("#ann-main").inner_text()
        quote.refresh_from_db()
        assert (quote.role, quote.version) == ("reviewer's version", 2)
    finally:
        other.close()


def test_conflict_over_htmx_on_the_article_page(page, browser, live_server, world):
    article = _article(world)
    quote, _claim, _second = _seed(world, article)
    other = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 800}, bypass_csp=True
    )
    lead_page = other.new_page()
    try:
        for each, user in ((page, world.reviewer), (lead_page, world.lead)):
            _log_in(each, live_server, user)
            each.goto(article.get_absolute_url())
            each.keyboard.press("j")
            each.locator(f'#panel [data-annotation="{quote.pk}"]').wait_for()
            _settle(each)
            each.keyboard.press("e")
            each.get_by_label("Role as stated in this article").wait_for()
            _settle(each)
        page.get_by_label("Role as stated in this article").fill("first")
        page.get_by_role("button", name="Save changes").click()
        page.locator("#panel [data-version]", has_text="2").wait_for()
        lead_page.get_by_label("Role as stated in this article").fill("second")
        lead_page.get_by_role("button", name="Save changes").click()
        lead_page.locator("#panel [role=alert]", has_text="Someone else changed").wait_for()
        assert "first" in lead_page.locator("#ann-main").inner_text()
        quote.refresh_from_db()
        assert quote.role == "first"
    finally:
        other.close()


def test_viewer_sees_no_write_controls_and_a_forced_post_is_refused(page, live_server, world):
    article = _article(world)
    quote, claim, _second = _seed(world, article)
    _log_in(page, live_server, world.viewer)
    page.goto(article.get_absolute_url())
    # Reading: clicking a highlight opens its panel (the innermost annotation where they nest).
    page.locator(f'#annotated-body mark[data-ids~="{quote.pk}"]').first.click()
    page.locator(f'#panel [data-annotation="{quote.pk}"]').wait_for()
    page.locator("#annotated-body mark", has_text="clear escalation").click()
    page.locator(f'#panel [data-annotation="{claim.pk}"]').wait_for()
    _settle(page)
    # The list beside the text filters without a reload.
    page.locator("#filter-kind").select_option("claim")
    page.locator(f"#annotation-{quote.pk}").wait_for(state="detached")
    assert page.locator("#annotation-list li.ann-item").count() == 1
    panel = page.locator("#panel")
    assert panel.get_by_role("link", name="Edit").count() == 0
    assert panel.get_by_role("button", name="Delete").count() == 0
    assert panel.locator("form").count() == 0
    _select(page, "three drones were used")
    page.keyboard.press("q")
    panel.get_by_text("read-only").wait_for()
    assert page.locator("#annotation-form").count() == 0

    status = page.evaluate(
        """async ([url, body]) => {
          const token = JSON.parse(document.body.getAttribute("hx-headers"))["x-csrftoken"];
          const response = await fetch(url, {method: "POST", body: new URLSearchParams(body),
                                             headers: {"X-CSRFToken": token}});
          return [response.status, await response.text()];
        }""",
        [
            reverse("annotations:annotation_create", args=[article.pk]),
            {"kind": "quote", "start": "0", "end": "7", "exact": "BAGHDAD"},
        ],
    )
    assert status[0] == 403 and "CSRF" not in status[1]
    assert Annotation.objects.filter(article=article).count() == 3


def test_offsets_are_code_points_after_emoji_flags_and_combining_letters(page, live_server, world):
    article = _article(world, TRICKY)
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    quoted = "Nous avançons vite"
    _annotate(page, quoted, "q")
    _save_new(page)
    quote = Annotation.objects.get(article=article)
    assert (quote.start, quote.end) == (TRICKY.index(quoted), TRICKY.index(quoted) + len(quoted))
    assert TRICKY[quote.start : quote.end] == quote.exact == quoted

    # Now inside the highlight: the selection spans text nodes split by <mark>.
    _wait_for_mark(page, quote)
    _annotate(page, "avançons", "c")
    _save_new(page)
    claim = Annotation.objects.get(article=article, kind="claim")
    assert claim.start == TRICKY.index("avançons") and claim.exact == "avançons"
    assert claim.quote == quote  # offered automatically as the enclosing quote

    # The mention in the first paragraph, after the flag and the combining letters.
    page.keyboard.press("k")
    page.locator(f'#panel [data-annotation="{quote.pk}"]').wait_for()
    _settle(page)
    page.keyboard.press("e")
    _select(page, "cafe\u0301")
    page.get_by_role("button", name="Use selection as speaker mention").click()
    page.get_by_role("button", name="Save changes").click()
    page.locator("#panel [data-version]", has_text="2").wait_for()
    quote.refresh_from_db()
    assert (quote.mention_start, quote.mention_end) == (
        TRICKY.index("cafe\u0301"),
        TRICKY.index("cafe\u0301") + 5,
    )


def test_hostile_names_and_comments_render_as_text(page, live_server, world):
    article = _article(world)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    evil_name = '<img src=x onerror="alert(1)">'
    evil = entity_create(team=world.team, actor=None, name=evil_name, aliases=[XSS])
    text = "three drones were used"
    quote = annotation_create(
        article=article, author=world.reviewer, kind="quote", start=BODY.index(text),
        end=BODY.index(text) + len(text), exact=text, speaker=evil, role=XSS,
    )  # fmt: skip
    comment_add(annotation=quote, author=world.lead, text='<script>alert("comment")</script>')
    _log_in(page, live_server, world.reviewer)
    page.goto(article.get_absolute_url())
    page.keyboard.press("j")
    panel = page.locator("#panel")
    panel.locator(f'[data-annotation="{quote.pk}"]').wait_for()
    _settle(page)
    assert evil_name in panel.inner_text()
    assert '<script>alert("comment")</script>' in panel.inner_text()
    assert evil_name in page.locator(f"#annotation-{quote.pk}").inner_text()
    page.keyboard.press("e")
    _type_search(page, "#speaker-q", "img")
    page.locator("#speaker-results .pick").first.wait_for()
    page.locator("#speaker-q").press("Enter")
    assert evil_name in page.locator("#speaker-picker .picked").inner_text()
    assert page.locator("#panel img, #annotation-list img, #annotated-body img").count() == 0
    page.wait_for_timeout(200)
    assert dialogs == []
