from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from tests.factories import ArticleFactory
from workbench.annotations.models import Annotation
from workbench.annotations.revisions import revision_add
from workbench.annotations.services import (
    Span,
    annotation_create,
    comment_add,
    entity_create,
    evidence_add,
    source_get_or_create,
)
from workbench.exports import export_stream

BODY = (
    "Café owners 👍🏽 protest in the old town.\n\n"
    '"Prices rose by 40 percent this year," said Jane Roe, the mayor.\n\n'
    "=SUM(A1) is what the council spreadsheet shows."
)
OTHER_BODY = "SECRET article of another team, with a SECRET claim."


def span(text: str, body: str = BODY) -> Span:
    start = body.index(text)
    return Span(start, start + len(text), text)


@dataclass
class Desk:
    """The world's project with one annotated article and an outsider team's annotated article."""

    world: object
    article: object
    quote: Annotation
    claim: Annotation
    outlet_claim: Annotation
    open_claim: Annotation


def export_bytes(project: object, fmt: str, **kwargs: object) -> bytes:
    kwargs.setdefault("user", None)
    return b"".join(export_stream(project=project, fmt=fmt, **kwargs))


@pytest.fixture
def desk(world) -> Desk:
    lead, team = world.lead, world.team
    article = ArticleFactory(
        project=world.project,
        title="Prices in the old town",
        outlet="Harbour Gazette",
        url="https://gazette.example/prices",
        published=datetime.date(2024, 1, 5),
        body=BODY,
        raw=BODY,
    )
    roe = entity_create(
        team=team,
        actor=lead,
        name="Jane Roe",
        kind="person",
        aliases=["Roe", "Mayor Roe"],
        description="Mayor of the old town",
        wikidata_id="Q42",
    )
    quote_span = span('"Prices rose by 40 percent this year,"')
    quote = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        start=quote_span.start,
        end=quote_span.end,
        exact=quote_span.exact,
        speaker=roe,
        role="the mayor",
        mention=span("Jane Roe"),
        cue=span("said"),
        quote_type="direct",
    )
    claim_span = span("Prices rose by 40 percent this year")
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=claim_span.start,
        end=claim_span.end,
        exact=claim_span.exact,
        claimant=roe,
        quote=quote,
        checkworthy="yes",
        verdict="Mostly false",
        rationale="Prices rose by 25 percent, per the statistics office.",
    )
    stats = source_get_or_create(
        team=team,
        actor=lead,
        title="Consumer prices 2024",
        url="https://stats.example/cpi-2024",
        publisher="Statistics office",
        published=datetime.date(2024, 2, 1),
        kind="dataset",
    )
    memo = source_get_or_create(team=team, actor=lead, title="Phone call with the council")
    evidence_add(claim=claim, actor=lead, source=stats, stance="refutes", excerpt="+25 %")
    evidence_add(claim=claim, actor=lead, source=memo, stance="context", note="Off the record.")
    comment_add(annotation=claim, author=lead, text="Check the 2023 base year too.")
    outlet_span = span("Café owners 👍🏽 protest")
    outlet_claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        start=outlet_span.start,
        end=outlet_span.end,
        exact=outlet_span.exact,
        claimant_is_outlet=True,
        verdict="Unverifiable",
    )
    open_span = span("=SUM(A1) is what the council spreadsheet shows.")
    open_claim = annotation_create(
        article=article,
        author=world.lead,
        kind="claim",
        start=open_span.start,
        end=open_span.end,
        exact=open_span.exact,
        checkworthy="unsure",
    )
    # Statuses as review leaves them: the quote still waits while its claim is approved.
    Annotation.objects.filter(pk=quote.pk).update(status="submitted")
    Annotation.objects.filter(pk=claim.pk).update(status="approved", version=3)
    Annotation.objects.filter(pk=open_claim.pk).update(status="rejected")
    other = ArticleFactory(project=world.other_project, body=OTHER_BODY, raw=OTHER_BODY)
    secret = span("SECRET claim", OTHER_BODY)
    annotation_create(
        article=other,
        author=world.outsider,
        kind="claim",
        start=secret.start,
        end=secret.end,
        exact=secret.exact,
        verdict="False",
    )
    return Desk(world, article, quote, claim, outlet_claim, open_claim)


# The desk's article through three revisions: a headline above it, the spreadsheet line cut
# (its claim is orphaned in revision 1), then the quote reworded with a correction notice and
# the paragraphs reordered (the quote and its claim follow fuzzily).
REVISION_2 = "Breaking.\n\n" + BODY.replace(
    "=SUM(A1) is what the council spreadsheet shows.", "Gone."
)
REVISION_3 = (
    "Gone.\n\nBreaking.\n\nCafé owners 👍🏽 protest in the old town.\n\n"
    '"Prices rose by 40 percent over this year," said Jane Roe, the mayor.\n\n'
    "Correction: an earlier version misquoted the mayor."
)
# A second article whose annotated paragraph moves to the end, unchanged: placed as "moved".
BARRIER = [
    "The harbour board met on Tuesday to discuss the new barrier.",
    "Engineers said the barrier would hold back a one-in-a-hundred-year flood.",
    "Residents of the lower town were not convinced by the plans.",
    "The council will vote on the funding next month.",
]
BARRIER_CLAIM = "the barrier would hold back a one-in-a-hundred-year flood"


@pytest.fixture
def revised(desk) -> Desk:
    """The desk with its article revised twice and a second one once: every anchor state."""
    revision_add(article=desk.article, text=REVISION_2, origin="fetch", by=desk.world.lead)
    revision_add(article=desk.article, text=REVISION_3, origin="paste", by=desk.world.reviewer)
    desk.article.refresh_from_db()
    body = "\n\n".join(BARRIER)
    barrier = ArticleFactory(project=desk.world.project, title="Barrier", body=body, raw=body)
    claim = span(BARRIER_CLAIM, body)
    annotation_create(
        article=barrier,
        author=desk.world.reviewer,
        kind="claim",
        start=claim.start,
        end=claim.end,
        exact=claim.exact,
        verdict="True",
    )
    moved = "\n\n".join(
        [BARRIER[0], BARRIER[2] + " Several wrote to the board.", BARRIER[3], BARRIER[1]]
    )
    revision_add(article=barrier, text=moved, origin="fetch", by=None)
    return desk
