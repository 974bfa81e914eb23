"""What a newsroom must be able to trust, in a real browser: exports keep blind drafts hidden,
adjudication never drops work silently, and every annotation says who made it and its status."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.test_annotate import BODY, _article, _log_in, _settle
from tests.factories import MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.services import annotation_create
from workbench.review.models import Adjudication
from workbench.review.services import article_submit, assignment_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, live_server, user) -> None:
    page.context.clear_cookies()
    _log_in(page, live_server, user)


def _span(text: str) -> dict:
    start = BODY.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


def _claim(article, user, text: str, **fields):
    return annotation_create(article=article, author=user, kind="claim", **_span(text), **fields)


def _double(world, article):
    second = MembershipFactory(team=world.team, role=Role.REVIEWER, user__username="second").user
    a = assignment_create(article=article, reviewer=world.reviewer, actor=world.lead)
    b = assignment_create(article=article, reviewer=second, actor=world.lead)
    return second, a, b


def _download(page, project) -> str:
    page.goto(project.get_absolute_url())
    form = page.locator("form.export-form")
    form.get_by_label("Download export").select_option("jsonl")
    with page.expect_download() as info:
        form.get_by_role("button", name="Download").click()
    return open(info.value.path(), encoding="utf-8").read()


def test_downloaded_exports_never_hold_a_co_reviewers_blind_draft(page, live_server, world):
    article = _article(world)
    second, _a, _b = _double(world, article)
    _claim(article, world.reviewer, "three drones were used", verdict="True", rationale="MINE")
    _claim(article, second, "three drones were used", verdict="False", rationale="THEIRS")

    _as(page, live_server, world.reviewer)
    mine = _download(page, world.project)
    assert "MINE" in mine and "THEIRS" not in mine

    # A viewer (and a lead) sees neither draft, in the file as on the article page.
    for user in (world.viewer, world.lead):
        _as(page, live_server, user)
        data = _download(page, world.project)
        assert "MINE" not in data and "THEIRS" not in data
        page.goto(article.get_absolute_url())
        assert page.locator(".ann-item").count() == 0


def test_adjudication_carries_agreed_rows_and_asks_before_leaving_any_out(page, live_server, world):
    article = _article(world)
    second, a, b = _double(world, article)
    quote = _span('"a clear escalation"')
    agreed = [
        annotation_create(article=article, author=user, kind="quote", quote_type="direct", **quote)
        for user in (world.reviewer, second)
    ]
    _claim(article, world.reviewer, "three drones were used", verdict="True")
    article_submit(assignment=a, actor=world.reviewer)
    article_submit(assignment=b, actor=second)

    _as(page, live_server, world.lead)
    page.goto(reverse("review:adjudicate", args=[article.pk]))
    page.get_by_text("Agreed: carried into the approved version when you approve.").wait_for()
    page.get_by_text("1 agreed row will be carried").wait_for()
    assert page.get_by_text("Unresolved: left out unless you accept or merge.").count() == 1

    # Approving without confirming is refused in place, naming how many rows would be lost.
    page.get_by_role("button", name="Approve the adjudicated version").click()
    page.locator("#confirm-dialog").get_by_role("button", name="Approve").click()
    page.get_by_role("alert").get_by_text("1 row is unresolved").wait_for()
    assert not Adjudication.objects.exists()

    page.get_by_label("Leave out 1 unresolved row").check()
    page.get_by_role("button", name="Approve the adjudicated version").click()
    page.locator("#confirm-dialog").get_by_role("button", name="Approve").click()
    page.get_by_text("Approved: the adjudicated version").wait_for()
    (carried,) = Adjudication.objects.all()
    assert carried.method == "agreed" and set(carried.originals.all()) == set(agreed)

    # Who did what: the list and the panel tell the lead's copy from the reviewers' versions.
    _as(page, live_server, world.viewer)
    page.goto(article.get_absolute_url())
    copy = page.locator(f"#annotation-{carried.result_id}")
    assert "adjudicated by lead · approved" in copy.inner_text()
    original = page.locator(f"#annotation-{agreed[0].pk}")
    assert "reviewer's version · submitted" in original.inner_text()
    copy.get_by_role("link").click()
    panel = page.locator("#panel .ann-meta")
    panel.get_by_text("Adjudicated by lead").wait_for()
    assert "Carried: the reviewers agreed" in panel.inner_text()
    assert "approved" in panel.inner_text()
    _settle(page)
