from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.api.conftest import api_for
from tests.conftest import SAMPLE, need
from tests.exports.conftest import export_bytes
from workbench.annotations.models import Annotation
from workbench.demo.seed import seed_demo
from workbench.exports.streaming import export_stream

pytestmark = pytest.mark.django_db


def _required_fields(review: dict) -> None:
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert isinstance(review["url"], str) and review["url"]
    assert review["claimReviewed"]
    assert len(review["datePublished"]) == 10
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    if "ratingValue" in rating:  # off the true–false axis: alternateName only
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    assert rating["alternateName"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in {"Person", "Organization"} and item["author"]["name"]
    assert item["appearance"]["@type"] in {"NewsArticle", "CreativeWork"}
    # A provisional title is never published as a headline.
    assert item["appearance"].get("headline", "none") != ""


def test_claimreview_demo_export_has_every_required_field():
    need(SAMPLE.exists(), f"the demo's seed article is missing at {SAMPLE}")
    project, _ = seed_demo()
    reviews = json.loads(export_bytes(project, "claimreview", include_unapproved=True))
    for review in reviews:
        _required_fields(review)
    # The seed article's 3 claims, and the claim Rafael and Sofia both rated (blind); the rest
    # are the demo desk's invented articles.
    seeded = {"Le Monde", "Renad Mansour", "Health ministry"}
    authors = [r["itemReviewed"]["author"]["name"] for r in reviews]
    assert sum(author in seeded for author in authors) == 5
    assert set(authors) > seeded


def test_claimreview_writes_only_claims_with_a_verdict_rated_on_the_scale(desk):
    reviews = json.loads(export_bytes(desk.world.project, "claimreview", include_unapproved=True))
    assert [r["claimReviewed"] for r in reviews] == [
        "Café owners 👍🏽 protest",
        "Prices rose by 40 percent this year",
    ]
    for review in reviews:
        _required_fields(review)
    outlet, claim = reviews
    # The default scale's true–false axis is True … False: Mostly false is its fourth of five.
    assert claim["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    }
    # Unverifiable is off that axis: a label, no number.
    assert outlet["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}
    assert outlet["itemReviewed"]["author"] == {"@type": "Organization", "name": "Harbour Gazette"}
    assert claim["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Jane Roe",
        "sameAs": "http://www.wikidata.org/entity/Q42",
    }
    appearance = claim["itemReviewed"]["appearance"]
    assert appearance == {
        "@type": "NewsArticle",
        "headline": "Prices in the old town",
        "url": "https://gazette.example/prices",
        "datePublished": "2024-01-05",
        "publisher": {"@type": "Organization", "name": "Harbour Gazette"},
    }
    assert claim["author"] == {"@type": "Organization", "name": "Desk"}
    assert claim["url"].startswith("urn:factcheck-workbench:annotation:desk:desk-project:")


def test_claimreview_urls_are_links_with_a_base_url(desk):
    reviews = json.loads(
        export_bytes(
            desk.world.project,
            "claimreview",
            base_url="https://wb.example/",
            include_unapproved=True,
        )
    )
    assert reviews[1]["url"] == (
        f"https://wb.example{desk.article.get_absolute_url()}#annotation-{desk.claim.pk}"
    )
    assert reviews[1]["author"]["url"] == "https://wb.example"


def test_claimreview_status_filter_and_team_scope(desk):
    reviews = json.loads(export_bytes(desk.world.project, "claimreview", status="approved"))
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["Mostly false"]
    assert json.loads(export_bytes(desk.world.project, "claimreview", status="rejected")) == []
    assert b"SECRET" not in export_bytes(desk.world.project, "claimreview")


def test_claimreview_without_rated_claims_reads_no_annotation(desk, django_assert_max_num_queries):
    # The same empty array as a full scan writes, from one question instead of every page.
    with django_assert_max_num_queries(3):
        empty = export_bytes(desk.world.project, "claimreview", status="rejected")
    assert empty == b"[\n]\n"
    progress: list[int] = []
    b"".join(
        export_stream(
            project=desk.world.other_project,
            user=None,
            fmt="claimreview",
            progress=progress.append,
        )
    )
    assert sum(progress) == desk.world.other_project.articles.count()


# --- safe to publish ---------------------------------------------------------------------------


def test_claimreview_publishes_approved_claims_unless_asked(desk):
    published = json.loads(export_bytes(desk.world.project, "claimreview"))
    assert [r["reviewRating"]["alternateName"] for r in published] == ["Mostly false"]
    everything = json.loads(
        export_bytes(desk.world.project, "claimreview", include_unapproved=True)
    )
    assert len(everything) == 2


def test_claimreview_api_publishes_approved_claims_by_default(desk):
    url = reverse("api:project-export", args=[desk.world.project.pk])
    client = api_for(desk.world.lead)
    response = client.get(url, {"format": "claimreview"})
    assert "approved" in response["Content-Disposition"]
    assert len(json.loads(b"".join(response.streaming_content))) == 1
    response = client.get(url, {"format": "claimreview", "include_unapproved": "true"})
    assert len(json.loads(b"".join(response.streaming_content))) == 2


def test_claimreview_rates_every_verdict_on_an_axis_that_holds_them_all(desk):
    project = desk.world.project
    project.rating_axis = len(project.rating_scale)  # the lead says all seven rate truth
    project.save()
    reviews = json.loads(export_bytes(project, "claimreview", include_unapproved=True))
    by_verdict = {r["reviewRating"]["alternateName"]: r["reviewRating"] for r in reviews}
    assert by_verdict["Unverifiable"]["ratingValue"] == 1
    assert by_verdict["Mostly false"]["ratingValue"] == 4
    assert by_verdict["Mostly false"]["bestRating"] == 7


def test_claimreview_never_publishes_a_provisional_title_as_headline(desk):
    desk.article.title_is_provisional = True
    desk.article.save()
    reviews = json.loads(export_bytes(desk.world.project, "claimreview", include_unapproved=True))
    for review in reviews:
        appearance = review["itemReviewed"]["appearance"]
        assert "headline" not in appearance
        assert appearance["url"] == "https://gazette.example/prices"


def test_claimreview_keeps_a_rated_claim_whose_words_were_orphaned(revised):
    # The spreadsheet claim lost its place in revision 2; its verdict still stands for what
    # the article said then, and its review says the words as they were.
    Annotation.objects.filter(pk=revised.open_claim.pk).update(verdict="False", status="approved")
    reviews = json.loads(export_bytes(revised.world.project, "claimreview"))
    reviewed = [r["claimReviewed"] for r in reviews]
    assert "=SUM(A1) is what the council spreadsheet shows." in reviewed
    assert "Prices rose by 40 percent over this year" in reviewed
