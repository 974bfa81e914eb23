"""The review workflow end to end in a real browser: assign, blind annotation, agreement,
adjudication, and the approved export."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.browser.conftest import screenshot
from tests.browser.test_annotate import _annotate, _article, _log_in, _save_new, _settle
from tests.factories import MembershipFactory
from workbench.accounts.models import Role
from workbench.annotations.models import Annotation
from workbench.review.models import Adjudication, Assignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, live_server, user) -> None:
    page.context.clear_cookies()
    _log_in(page, live_server, user)


def _annotate_claim(page, verdict: str) -> None:
    _annotate(page, "three drones were used", "c")
    page.get_by_label("The outlet itself").check()
    page.locator("#id_verdict").select_option(verdict)
    _save_new(page)


def _submit(page) -> None:
    panel = page.locator("#review-panel")
    panel.get_by_role("button", name="Submit my annotations").click()
    page.locator("#confirm-dialog").get_by_role("button", name="Submit").click()
    panel.get_by_text("Submitted: the lead will review").wait_for()


def test_assign_blind_double_annotation_agreement_adjudication_export(
    page, live_server, world, tmp_path
):
    second = MembershipFactory(team=world.team, role=Role.REVIEWER, user__username="second").user
    article = _article(world)

    # The lead gives the article two reviewers.
    _as(page, live_server, world.lead)
    page.goto(reverse("review:assign", args=[world.project.pk]))
    form = page.locator("#distribute-form")
    form.get_by_label("reviewer", exact=True).check()
    form.get_by_label("second", exact=True).check()
    form.get_by_label("Reviewers per article").fill("2")
    page.get_by_label(f"Pick {article.title}").check()
    form.get_by_role("button", name="Distribute").click()
    page.get_by_text("2 assignments made.").wait_for()
    assert set(Assignment.objects.filter(article=article).values_list("reviewer", flat=True)) == {
        world.reviewer.pk,
        second.pk,
    }

    # The first reviewer opens the next article from the queue, annotates and submits.
    _as(page, live_server, world.reviewer)
    page.goto(reverse("review:queue"))
    page.get_by_text("0 of 1 done").wait_for()
    screenshot(page, "review-queue")
    page.get_by_role("link", name="Next article").click()
    page.locator("#review-panel[data-heartbeat-url]").wait_for()
    _annotate_claim(page, "True")
    _settle(page)
    _submit(page)

    # The second reviewer does not see the first one's claim, annotates blind, submits.
    _as(page, live_server, second)
    page.goto(article.get_absolute_url())
    page.locator("#review-panel[data-heartbeat-url]").wait_for()
    assert page.locator(".ann-item").count() == 0
    _annotate_claim(page, "Mostly true")
    _settle(page)
    _submit(page)
    page.locator(".ann-item.kind-claim").nth(1).wait_for()  # now both are visible

    # The agreement page shows the pair's scores.
    _as(page, live_server, world.lead)
    page.goto(reverse("review:agreement", args=[world.project.pk]))
    pair = page.locator("table.agreement-pairs tbody tr").first
    assert "reviewer" in pair.inner_text() and "second" in pair.inner_text()
    assert "1.00" in pair.inner_text()  # the same span: exact F1 of 1

    # The lead adjudicates: the row differs on the verdict; accept the second reviewer's.
    page.goto(article.get_absolute_url())
    page.locator("#review-panel").get_by_role("link", name="Adjudicate versions").click()
    row = page.locator("table.adjudicate tbody tr.differs")
    assert "verdict" in row.locator(".diff-note").inner_text()
    row.locator("td").nth(1).get_by_role("button", name="Accept", exact=True).click()
    page.locator("td.approved .adj-ann").wait_for()
    screenshot(page, "review-adjudicate")
    page.get_by_role("button", name="Approve the adjudicated version").click()
    page.locator("#confirm-dialog").get_by_role("button", name="Approve").click()
    page.get_by_text("Approved: the adjudicated version").wait_for()
    article.refresh_from_db()
    assert article.status == "reviewed"
    result = Adjudication.objects.get().result
    assert Annotation.objects.filter(article=article).count() == 3  # originals kept

    # The approved export holds exactly the adjudicated version.
    out = tmp_path / "approved.jsonl"
    call_command(
        "export",
        "--project",
        f"{world.team.slug}/{world.project.slug}",
        "--format",
        "jsonl",
        "--status",
        "approved",
        "-o",
        str(out),
    )
    lines = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    exported = [a for line in lines for a in line.get("annotations", [])]
    assert len(exported) == 1
    (only,) = exported
    assert (only["exact"], only["verdict"], only["annotator"], only["status"]) == (
        result.exact,
        "Mostly true",
        "lead",
        "approved",
    )
