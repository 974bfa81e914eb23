"""The annotation side panel: the access ladder, bad input, conflicts, escaping, query counts."""

from __future__ import annotations

import hashlib
import json
from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factories import ArticleFactory
from workbench.annotations.highlights import body_paragraphs
from workbench.annotations.models import Annotation, Comment, Entity, Evidence, Source
from workbench.annotations.revisions import revision_add
from workbench.annotations.services import (
    Span,
    annotation_create,
    comment_add,
    entity_create,
    evidence_add,
    source_get_or_create,
)

pytestmark = pytest.mark.django_db

BODY = (
    'Michael Knights said the strike was "a clear escalation" by the militias.\n\n'
    "The Pentagon confirmed that 3 drones were used, a spokesman said."
)
HX = {"HX-Request": "true"}
ROLES = ["lead", "reviewer", "viewer"]


def _span(text: str, body: str = BODY) -> dict:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "exact": text}


@pytest.fixture
def desk(world):
    """The world's team with an annotated article: a reviewer's quote and claim, a lead's quote."""
    article = ArticleFactory(
        project=world.project,
        body=BODY,
        raw=BODY,
        checksum=hashlib.sha256(BODY.encode()).hexdigest(),
    )
    knights = entity_create(
        team=world.team, actor=None, name="Michael Knights", aliases=["Knights"]
    )
    pentagon = entity_create(team=world.team, actor=None, name="The Pentagon", kind="organisation")
    stranger = entity_create(team=world.other_project.team, actor=None, name="Stranger")
    quote = annotation_create(
        article=article,
        author=world.reviewer,
        kind="quote",
        **_span('the strike was "a clear escalation" by the militias'),
        speaker=knights,
        mention=Span(0, 15, "Michael Knights"),
    )
    claim = annotation_create(
        article=article,
        author=world.reviewer,
        kind="claim",
        **_span("a clear escalation"),
        claimant=knights,
        quote=quote,
    )
    lead_quote = annotation_create(
        article=article,
        author=world.lead,
        kind="quote",
        **_span("3 drones were used"),
        speaker=pentagon,
    )
    source = source_get_or_create(
        team=world.team, actor=None, title="Drone report", url="https://example.org/drones"
    )
    evidence = evidence_add(claim=claim, actor=world.reviewer, source=source, stance="supports")
    return SimpleNamespace(
        world=world,
        article=article,
        knights=knights,
        pentagon=pentagon,
        stranger=stranger,
        quote=quote,
        claim=claim,
        lead_quote=lead_quote,
        source=source,
        evidence=evidence,
    )


def _new_quote(desk, **extra) -> dict:
    return {"kind": "quote", **_span("The Pentagon confirmed"), **extra}


# --- the ladder -------------------------------------------------------------------------------

# name, args from the desk, method, data from the desk, roles that may (others 403, outsider 404)
VIEWS = [
    (
        "annotations:annotation_new",
        lambda d: [d.article.pk],
        "post",
        _new_quote,
        {"lead", "reviewer"},
    ),
    (
        "annotations:annotation_create",
        lambda d: [d.article.pk],
        "post",
        lambda d: _new_quote(d, speaker=d.pentagon.pk, role="spokesman"),
        {"lead", "reviewer"},
    ),
    ("annotations:annotation_detail", lambda d: [d.quote.pk], "get", None, set(ROLES)),
    ("annotations:annotation_edit", lambda d: [d.quote.pk], "get", None, {"lead", "reviewer"}),
    (
        "annotations:annotation_edit",
        lambda d: [d.quote.pk],
        "post",
        lambda d: {"version": 1, "speaker": d.knights.pk, "role": "analyst"},
        {"lead", "reviewer"},
    ),
    (
        "annotations:annotation_delete",
        lambda d: [d.quote.pk],
        "post",
        lambda d: {"version": 1},
        {"lead", "reviewer"},
    ),
    (
        "annotations:evidence_add",
        lambda d: [d.claim.pk],
        "post",
        lambda d: {"url": "https://example.org/new", "title": "New", "stance": "refutes"},
        {"lead", "reviewer"},
    ),
    (
        "annotations:evidence_remove",
        lambda d: [d.claim.pk, d.evidence.pk],
        "post",
        None,
        {"lead", "reviewer"},
    ),
    (
        "annotations:comment_add",
        lambda d: [d.quote.pk],
        "post",
        lambda d: {"text": "Check the date."},
        {"lead", "reviewer"},
    ),
    (
        "annotations:entity_search",
        lambda d: [d.article.pk],
        "get",
        lambda d: {"q": "kni"},
        set(ROLES),
    ),
    (
        "annotations:entity_quick_create",
        lambda d: [d.article.pk],
        "post",
        lambda d: {"q": "Renad Mansour", "kind": "person", "field": "speaker"},
        {"lead", "reviewer"},
    ),
    (
        "annotations:source_search",
        lambda d: [d.article.pk],
        "get",
        lambda d: {"source_q": "drone"},
        set(ROLES),
    ),
]


def _request(client, desk, name, args, method, data):
    url = reverse(name, args=args(desk))
    return getattr(client, method)(url, data(desk) if data else {}, headers=HX)


@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), VIEWS)
def test_annotation_view_sends_anonymous_to_login(client, desk, name, args, method, data, allowed):
    response = _request(client, desk, name, args, method, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), VIEWS)
def test_annotation_view_hides_team_objects_from_outsider(desk, name, args, method, data, allowed):
    response = _request(client_for(desk.world.outsider), desk, name, args, method, data)
    assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "args", "method", "data", "allowed"), VIEWS)
def test_annotation_view_answers_each_role(desk, role, name, args, method, data, allowed):
    counts = (Annotation.objects.count(), Evidence.objects.count(), Comment.objects.count())
    response = _request(client_for(getattr(desk.world, role)), desk, name, args, method, data)
    if role in allowed:
        assert response.status_code == 200, response.content.decode()[:800]
        assert b"<html" not in response.content
    else:
        assert response.status_code == 403
        after = (Annotation.objects.count(), Evidence.objects.count(), Comment.objects.count())
        assert after == counts
        assert Entity.objects.filter(name="Renad Mansour").count() == 0


def test_viewer_forced_bad_post_is_still_403(desk):
    # Even a form that would fail validation must not tell a viewer more than "no".
    client = client_for(desk.world.viewer)
    url = reverse("annotations:annotation_create", args=[desk.article.pk])
    assert client.post(url, {"kind": "quote", "start": 5, "end": 1}).status_code == 403
    url = reverse("annotations:annotation_edit", args=[desk.quote.pk])
    assert client.post(url, {"version": "x"}).status_code == 403


def test_reviewer_cannot_change_another_reviewers_annotation_but_lead_can(desk):
    other = client_for(desk.world.reviewer)
    url = reverse("annotations:annotation_edit", args=[desk.lead_quote.pk])
    data = {"version": 1, "speaker": desk.pentagon.pk, "role": "hijacked"}
    assert other.get(url, headers=HX).status_code == 403
    assert other.post(url, data, headers=HX).status_code == 403
    delete = reverse("annotations:annotation_delete", args=[desk.lead_quote.pk])
    assert other.post(delete, {"version": 1}, headers=HX).status_code == 403
    desk.lead_quote.refresh_from_db()
    assert (desk.lead_quote.role, desk.lead_quote.version) == ("", 1)

    lead = client_for(desk.world.lead)
    url = reverse("annotations:annotation_edit", args=[desk.quote.pk])
    response = lead.post(
        url, {"version": 1, "speaker": desk.knights.pk, "role": "analyst"}, headers=HX
    )
    assert response.status_code == 200
    desk.quote.refresh_from_db()
    assert (desk.quote.role, desk.quote.version, desk.quote.speaker) == ("analyst", 2, desk.knights)


def test_read_only_panel_has_no_write_controls_for_viewer(desk):
    html = (
        client_for(desk.world.viewer)
        .get(reverse("annotations:annotation_detail", args=[desk.claim.pk]), headers=HX)
        .content.decode()
    )
    assert "Drone report" in html
    assert reverse("annotations:annotation_edit", args=[desk.claim.pk]) not in html
    assert reverse("annotations:annotation_delete", args=[desk.claim.pk]) not in html
    assert reverse("annotations:evidence_add", args=[desk.claim.pk]) not in html
    assert reverse("annotations:comment_add", args=[desk.claim.pk]) not in html


# --- creating ---------------------------------------------------------------------------------


def test_create_quote_stores_span_speaker_mention_and_cue_and_signals_change(desk):
    data = _new_quote(
        desk, speaker=desk.pentagon.pk, role="US defence department", quote_type="indirect"
    )
    data.update(
        {f"mention_{k}": v for k, v in _span("The Pentagon").items()}
        | {f"cue_{k}": v for k, v in _span("confirmed").items()}
    )
    response = client_for(desk.world.reviewer).post(
        reverse("annotations:annotation_create", args=[desk.article.pk]), data, headers=HX
    )
    assert response.status_code == 200
    assert "annotations-changed" in response["HX-Trigger"]
    created = Annotation.objects.latest("pk")
    start = BODY.index("The Pentagon confirmed")
    assert (created.start, created.end, created.exact) == (
        start,
        start + 22,
        "The Pentagon confirmed",
    )
    assert created.speaker == desk.pentagon
    assert (created.mention_exact, created.cue_exact) == ("The Pentagon", "confirmed")
    assert created.prefix.endswith("militias.\n\n")
    assert created.annotator == desk.world.reviewer
    assert f'data-annotation="{created.pk}"' in response.content.decode()


def test_new_claim_form_offers_the_enclosing_quote_and_its_speaker(desk):
    response = client_for(desk.world.reviewer).post(
        reverse("annotations:annotation_new", args=[desk.article.pk]),
        {"kind": "claim", **_span("clear escalation")},
        headers=HX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{desk.quote.pk}" selected>' in html
    assert f'name="claimant" value="{desk.knights.pk}"' in html
    assert "Mostly false" in html  # the verdict select lists the project's scale


def test_create_claim_with_verdict_and_outlet_as_claimant(desk):
    data = {
        "kind": "claim",
        **_span("3 drones were used"),
        "claimant_is_outlet": "on",
        "checkworthy": "yes",
        "verdict": "Mostly true",
        "rationale": "Matches the official count.",
    }
    response = client_for(desk.world.lead).post(
        reverse("annotations:annotation_create", args=[desk.article.pk]), data, headers=HX
    )
    assert response.status_code == 200, response.content.decode()
    claim = Annotation.objects.get(kind="claim", exact="3 drones were used")
    assert (claim.claimant_is_outlet, claim.verdict, claim.checkworthy) == (
        True,
        "Mostly true",
        "yes",
    )


BAD_CREATES = [
    ("mismatch", lambda d: {**_new_quote(d), "exact": "The Pentagon denied"}, "does not match"),
    ("out of range", lambda d: {"kind": "quote", "start": 5, "end": 9999, "exact": "x"}, "outside"),
    (
        "end before start",
        lambda d: {"kind": "quote", "start": 9, "end": 3, "exact": ""},
        "ends before",
    ),
    ("other team's entity", lambda d: _new_quote(d, speaker=d.stranger.pk), "Unknown entity"),
    ("unknown entity", lambda d: _new_quote(d, speaker=999999), "Unknown entity"),
    (
        "verdict not on scale",
        lambda d: {"kind": "claim", **_span("3 drones were used"), "verdict": "Pants on fire"},
        "not on this project",
    ),
    (
        "bad mention",
        lambda d: _new_quote(d, mention_start=0, mention_end=7, mention_exact="Someone"),
        "does not match",
    ),
    (
        "other article's quote",
        lambda d: {"kind": "claim", **_span("3 drones were used"), "quote": 999999},
        "not a quote in this article",
    ),
]


@pytest.mark.parametrize(("case", "data", "message"), BAD_CREATES)
def test_create_refuses_bad_input_with_message_and_saves_nothing(desk, case, data, message):
    before = Annotation.objects.count()
    client = client_for(desk.world.reviewer)
    response = client.post(
        reverse("annotations:annotation_create", args=[desk.article.pk]), data(desk), headers=HX
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "HX-Trigger" not in response
    assert Annotation.objects.count() == before


@pytest.mark.parametrize(("case", "data", "message"), BAD_CREATES[:3])
def test_new_panel_refuses_a_span_that_does_not_match(desk, case, data, message):
    response = client_for(desk.world.reviewer).post(
        reverse("annotations:annotation_new", args=[desk.article.pk]), data(desk), headers=HX
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'id="annotation-form"' not in html


# --- editing, conflicts, deleting -------------------------------------------------------------


def test_edit_claim_changes_verdict_and_bumps_version(desk):
    url = reverse("annotations:annotation_edit", args=[desk.claim.pk])
    client = client_for(desk.world.reviewer)
    form = client.get(url, headers=HX).content.decode()
    assert 'name="version" value="1"' in form
    data = {
        "version": 1,
        "claimant": desk.knights.pk,
        "quote": desk.quote.pk,
        "verdict": "False",
        "rationale": "No.",
    }
    response = client.post(url, data, headers=HX)
    assert response.status_code == 200
    assert "annotations-changed" in response["HX-Trigger"]
    desk.claim.refresh_from_db()
    assert (desk.claim.verdict, desk.claim.version, desk.claim.quote) == ("False", 2, desk.quote)
    assert "version <span data-version>2</span>" in response.content.decode()


def test_stale_edit_gets_409_shows_newer_version_and_changes_nothing(desk):
    url = reverse("annotations:annotation_edit", args=[desk.quote.pk])
    first, second = client_for(desk.world.reviewer), client_for(desk.world.lead)
    data = {"version": 1, "speaker": desk.knights.pk}
    assert first.post(url, {**data, "role": "first"}, headers=HX).status_code == 200
    response = second.post(url, {**data, "role": "second"}, headers=HX)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else changed this annotation" in html
    assert "first" in html and "version <span data-version>2</span>" in html
    desk.quote.refresh_from_db()
    assert (desk.quote.role, desk.quote.version) == ("first", 2)


def test_stale_delete_gets_409_and_keeps_the_annotation(desk):
    client = client_for(desk.world.reviewer)
    client.post(
        reverse("annotations:annotation_edit", args=[desk.quote.pk]),
        {"version": 1, "speaker": desk.knights.pk, "role": "changed"},
        headers=HX,
    )
    delete = reverse("annotations:annotation_delete", args=[desk.quote.pk])
    assert client.post(delete, {"version": 1}, headers=HX).status_code == 409
    assert Annotation.objects.filter(pk=desk.quote.pk).exists()
    response = client.post(delete, {"version": 2}, headers=HX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#panel"
    assert not Annotation.objects.filter(pk=desk.quote.pk).exists()


def test_edit_refuses_other_teams_entity_and_bad_verdict(desk):
    client = client_for(desk.world.reviewer)
    url = reverse("annotations:annotation_edit", args=[desk.quote.pk])
    response = client.post(url, {"version": 1, "speaker": desk.stranger.pk}, headers=HX)
    assert response.status_code == 400 and "Unknown entity" in response.content.decode()
    url = reverse("annotations:annotation_edit", args=[desk.claim.pk])
    response = client.post(url, {"version": 1, "verdict": "Pants on fire"}, headers=HX)
    assert response.status_code == 400 and "not on this project" in response.content.decode()
    desk.quote.refresh_from_db()
    desk.claim.refresh_from_db()
    assert (desk.quote.speaker, desk.quote.version) == (desk.knights, 1)
    assert (desk.claim.verdict, desk.claim.version) == ("", 1)


# --- sources, evidence, comments, pickers -----------------------------------------------------


def test_attach_existing_source_found_by_search_and_new_one(desk):
    client = client_for(desk.world.reviewer)
    found = client.get(
        reverse("annotations:source_search", args=[desk.article.pk]), {"source_q": "example.org"}
    ).content.decode()
    assert f'data-id="{desk.source.pk}"' in found
    new_claim = annotation_create(
        article=desk.article,
        author=desk.world.reviewer,
        kind="claim",
        **_span("3 drones were used"),
    )
    url = reverse("annotations:evidence_add", args=[new_claim.pk])
    response = client.post(
        url, {"source": desk.source.pk, "stance": "refutes", "note": "n"}, headers=HX
    )
    assert response.status_code == 200
    response = client.post(
        url,
        {"url": "https://gov.example/briefing", "title": "Briefing", "published": "2024-01-05",
         "source_kind": "statement", "stance": "context", "excerpt": "three drones"},
        headers=HX,
    )  # fmt: skip
    assert response.status_code == 200
    stances = dict(new_claim.evidence.values_list("source__title", "stance"))
    assert stances == {"Drone report": "refutes", "Briefing": "context"}
    assert Source.objects.get(title="Briefing").kind == "statement"


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://example.org/file", "file:///etc/passwd", "not a url"]
)
def test_evidence_refuses_non_http_source_url(desk, url):
    before = (Source.objects.count(), Evidence.objects.count())
    response = client_for(desk.world.reviewer).post(
        reverse("annotations:evidence_add", args=[desk.claim.pk]),
        {"url": url, "title": "Bad", "stance": "supports"},
        headers=HX,
    )
    assert response.status_code == 400
    assert "Only http:// and https:// links" in response.content.decode()
    assert (Source.objects.count(), Evidence.objects.count()) == before


def test_evidence_refuses_other_teams_source_and_duplicate(desk):
    foreign = source_get_or_create(
        team=desk.world.other_project.team, actor=None, title="Theirs", url="https://x.example/"
    )
    client = client_for(desk.world.reviewer)
    url = reverse("annotations:evidence_add", args=[desk.claim.pk])
    response = client.post(url, {"source": foreign.pk, "stance": "supports"}, headers=HX)
    assert response.status_code == 400 and "Unknown source" in response.content.decode()
    response = client.post(url, {"source": desk.source.pk, "stance": "supports"}, headers=HX)
    assert response.status_code == 400 and "already attached" in response.content.decode()
    assert desk.claim.evidence.count() == 1


def test_remove_evidence_and_add_comment(desk):
    client = client_for(desk.world.reviewer)
    response = client.post(
        reverse("annotations:evidence_remove", args=[desk.claim.pk, desk.evidence.pk]), headers=HX
    )
    assert response.status_code == 200 and not desk.claim.evidence.exists()
    assert Source.objects.filter(pk=desk.source.pk).exists()
    url = reverse("annotations:comment_add", args=[desk.claim.pk])
    assert client.post(url, {"text": "   "}, headers=HX).status_code == 400
    response = client.post(url, {"text": "Ask the ministry."}, headers=HX)
    assert response.status_code == 200 and "Ask the ministry." in response.content.decode()


def test_comment_with_a_nul_is_refused_in_place(desk):
    # Issue 20 re-attack: the comment form's text went to the service unchecked, and a NUL was a
    # 500 on PostgreSQL (the API's serializer already refused it).
    client = client_for(desk.world.reviewer)
    url = reverse("annotations:comment_add", args=[desk.claim.pk])
    response = client.post(url, {"text": "Ask\x00 the ministry."}, headers=HX)
    assert response.status_code == 400
    assert "Null characters are not allowed." in response.content.decode()
    assert not desk.claim.comments.exists()


def test_entity_search_matches_aliases_and_offers_creation(desk):
    client = client_for(desk.world.reviewer)
    url = reverse("annotations:entity_search", args=[desk.article.pk])
    html = client.get(url, {"q": "Knights", "field": "speaker"}).content.decode()
    assert "Michael Knights" in html and f'data-id="{desk.knights.pk}"' in html
    assert "Stranger" not in client.get(url, {"q": "stranger"}).content.decode()
    offer = client.get(url, {"q": "Renad Mansour", "field": "claimant"}).content.decode()
    assert "Create “Renad Mansour” as" in offer and "claimant" in offer
    response = client.post(
        reverse("annotations:entity_quick_create", args=[desk.article.pk]),
        {"q": "Renad Mansour", "kind": "person", "field": "claimant"},
        headers=HX,
    )
    mansour = Entity.objects.get(team=desk.world.team, name="Renad Mansour")
    assert f'name="claimant" value="{mansour.pk}"' in response.content.decode()
    again = client.post(
        reverse("annotations:entity_quick_create", args=[desk.article.pk]),
        {"q": "renad mansour", "kind": "person", "field": "claimant"},
        headers=HX,
    )
    # A name already in the registry picks it rather than refusing or making a twin.
    assert again.status_code == 200
    assert f'name="claimant" value="{mansour.pk}"' in again.content.decode()
    assert Entity.objects.filter(team=desk.world.team, name__iexact="renad mansour").count() == 1


def test_entity_search_offers_no_create_for_a_name_or_alias_typed_in_full(desk):
    team = desk.world.team
    mansour = entity_create(team=team, actor=None, name="Renad Mansour", aliases=["Dr. R. Mansour"])
    # Decoys that sort first and fill the first results: the exact alias is listed first.
    for n in range(15):
        entity_create(team=team, actor=None, name=f"Aaron Dr. R. Mansour {n:02d}")
    client = client_for(desk.world.reviewer)
    url = reverse("annotations:entity_search", args=[desk.article.pk])
    for typed in ("Dr. R. Mansour", "dr.  r. mansour", "Renad Mansour", "Knights"):
        html = client.get(url, {"q": typed, "field": "speaker"}).content.decode()
        assert "Create “" not in html, typed
    html = client.get(url, {"q": "Dr. R. Mansour", "field": "speaker"}).content.decode()
    assert html.index(f'data-id="{mansour.pk}"') < html.index("Aaron Dr. R. Mansour 00")
    assert "Create “Dr. R. Mansou”" in client.get(url, {"q": "Dr. R. Mansou"}).content.decode()
    # Creating from the picker by an alias picks the entity it belongs to.
    response = client.post(
        reverse("annotations:entity_quick_create", args=[desk.article.pk]),
        {"q": "Dr. R. Mansour", "kind": "person", "field": "speaker"},
        headers=HX,
    )
    assert f'name="speaker" value="{mansour.pk}"' in response.content.decode()
    assert not Entity.objects.filter(name="Dr. R. Mansour").exists()


# --- the article page -------------------------------------------------------------------------


def test_article_page_highlights_spans_with_offsets_and_lists_annotations(desk):
    html = client_for(desk.world.viewer).get(desk.article.get_absolute_url()).content.decode()
    second = BODY.index("The Pentagon")
    assert '<p data-start="0">' in html and f'<p data-start="{second}">' in html
    # The claim lies inside the quote: that stretch carries both, innermost first.
    assert (
        f'<mark class="hl hl-claim hl-quote" data-ids="{desk.claim.pk} {desk.quote.pk}">a clear escalation</mark>'
        in html
    )
    assert f'data-ids="{desk.lead_quote.pk}">3 drones were used</mark>' in html
    index = json.loads(
        html.split('id="annotation-index" type="application/json">')[1].split("</script>")[0]
    )
    assert [item["id"] for item in index] == [desk.quote.pk, desk.claim.pk, desk.lead_quote.pk]
    assert reverse("annotations:annotation_detail", args=[desk.lead_quote.pk]) in html
    assert "js/annotate.js" in html and "<script>" not in html


def test_article_list_filters_by_kind_and_speaker_as_fragment(desk):
    client = client_for(desk.world.viewer)
    headers = {**HX, "HX-Target": "annotation-list"}
    url = desk.article.get_absolute_url()
    claims = client.get(url, {"kind": "claim"}, headers=headers).content.decode()
    assert "<html" not in claims
    assert f'id="annotation-{desk.claim.pk}"' in claims
    assert f'id="annotation-{desk.quote.pk}"' not in claims
    pentagon = client.get(url, {"speaker": desk.pentagon.pk}, headers=headers).content.decode()
    assert f'id="annotation-{desk.lead_quote.pk}"' in pentagon
    assert f'id="annotation-{desk.quote.pk}"' not in pentagon
    body = client.get(url, headers={**HX, "HX-Target": "annotated-body"}).content.decode()
    assert body.lstrip().startswith('<div id="annotated-body"')


def test_body_paragraphs_cut_nested_overlapping_and_cross_paragraph_spans():
    body = "abcdef\n\nghij"
    spans = [
        SimpleNamespace(pk=1, kind="quote", start=1, end=5),
        SimpleNamespace(pk=2, kind="claim", start=2, end=4),
        SimpleNamespace(pk=3, kind="quote", start=4, end=10),  # overlaps 1, crosses the break
    ]
    first, second = body_paragraphs(body, spans)
    assert (first.start, second.start) == (0, 8)
    assert [(s.text, s.ids) for s in first.segments] == [
        ("a", ""),
        ("b", "1"),
        ("cd", "2 1"),
        ("e", "1 3"),
        ("f", "3"),
    ]
    assert [(s.text, s.ids) for s in second.segments] == [("gh", "3"), ("ij", "")]
    assert first.segments[2].css == "hl hl-claim hl-quote"
    assert first.segments[3].css == "hl hl-quote hl-nested"
    assert "".join(s.text for p in (first, second) for s in p.segments) == body.replace("\n\n", "")
    for paragraph in (first, second):
        for segment in paragraph.segments:
            assert body[segment.start : segment.end] == segment.text


def test_body_paragraphs_count_code_points_past_emoji():
    body = "👍🏽 🇫🇷 q̃ says hi\n\nnext"
    start = body.index("hi")
    (first, second) = body_paragraphs(
        body, [SimpleNamespace(pk=7, kind="quote", start=start, end=start + 2)]
    )
    assert [s.text for s in first.segments] == [body[:start], "hi"]
    assert second.start == len(body) - len("next")


# --- escaping ---------------------------------------------------------------------------------


def test_user_strings_come_back_escaped_everywhere(desk):
    world = desk.world
    evil = entity_create(team=world.team, actor=None, name=f"Evil {XSS}", aliases=[f"Alias {XSS}"])
    quote = annotation_create(
        article=desk.article, author=world.reviewer, kind="quote", **_span("a spokesman said"),
        speaker=evil, role=XSS,
    )  # fmt: skip
    claim = annotation_create(
        article=desk.article, author=world.reviewer, kind="claim", **_span("The Pentagon"),
        rationale=XSS,
    )  # fmt: skip
    source = source_get_or_create(team=world.team, actor=None, title=XSS, publisher=XSS)
    evidence_add(
        claim=claim, actor=world.reviewer, source=source, stance="refutes", note=XSS, excerpt=XSS
    )
    comment_add(annotation=claim, author=world.reviewer, text=XSS)
    client = client_for(world.reviewer)
    pages = [
        client.get(desk.article.get_absolute_url()),
        client.get(reverse("annotations:annotation_detail", args=[quote.pk]), headers=HX),
        client.get(reverse("annotations:annotation_detail", args=[claim.pk]), headers=HX),
        client.get(reverse("annotations:annotation_detail", args=[claim.pk])),
        client.get(reverse("annotations:annotation_edit", args=[quote.pk]), headers=HX),
        client.get(reverse("annotations:entity_search", args=[desk.article.pk]), {"q": "evil"}),
        client.get(
            reverse("annotations:source_search", args=[desk.article.pk]), {"source_q": "script"}
        ),
        client.post(
            reverse("annotations:entity_quick_create", args=[desk.article.pk]),
            {"q": f"New {XSS}", "kind": "person", "field": "speaker"},
            headers=HX,
        ),
    ]
    for response in pages:
        html = response.content.decode()
        assert response.status_code == 200
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;" in html or "&lt;img" in html


# --- query counts -----------------------------------------------------------------------------


def test_article_page_with_300_annotations_stays_within_10_queries(
    desk, django_assert_max_num_queries
):
    words = [(m, m + 4) for m in range(0, 60, 5)]
    rows = [
        Annotation(
            article=desk.article, kind="quote" if i % 2 else "claim", start=s, end=e,
            exact=BODY[s:e], annotator=desk.world.reviewer,
            speaker=desk.knights if i % 2 else None, claimant=None if i % 2 else desk.pentagon,
        )
        for i, (s, e) in enumerate(words * 25)
    ]  # fmt: skip
    Annotation.objects.bulk_create(rows)
    assert desk.article.annotations.count() == 303
    client = client_for(desk.world.reviewer)
    with django_assert_max_num_queries(10):
        response = client.get(desk.article.get_absolute_url())
    assert response.content.decode().count('<li id="annotation-') == 303


def test_annotation_create_stays_within_13_queries(desk, django_assert_max_num_queries):
    data = _new_quote(desk, speaker=desk.pentagon.pk, role="spokesman", quote_type="indirect")
    data.update({f"mention_{k}": v for k, v in _span("The Pentagon").items()})
    data.update({f"cue_{k}": v for k, v in _span("confirmed").items()})
    client = client_for(desk.world.reviewer)
    # Eight for the work, one for the reviewer's assignment (locked: no new draft slips in
    # while the work is being submitted), one for the row of the change history, two for the
    # check that the reviewer has not marked this span already (the article row locked, then
    # the look-up), one for whose version it is (one of several reviewers'?) that the panel names.
    url = reverse("annotations:annotation_create", args=[desk.article.pk])
    with django_assert_max_num_queries(13):
        assert client.post(url, data, headers=HX).status_code == 200
    claim = {"kind": "claim", **_span("clear"), "quote": desk.quote.pk, "claimant": desk.knights.pk,
             "verdict": "False", "checkworthy": "yes"}  # fmt: skip
    with django_assert_max_num_queries(13):
        assert client.post(url, claim, headers=HX).status_code == 200


def test_annotation_update_stays_within_10_queries(desk, django_assert_max_num_queries):
    client = client_for(desk.world.reviewer)
    url = reverse("annotations:annotation_edit", args=[desk.quote.pk])
    data = {"version": 1, "speaker": desk.knights.pk, "role": "analyst", "quote_type": "mixed"}
    # Nine for the work, one for whose version it is (one of several reviewers'?).
    with django_assert_max_num_queries(10):
        assert client.post(url, data, headers=HX).status_code == 200
    url = reverse("annotations:annotation_edit", args=[desk.claim.pk])
    data = {"version": 1, "claimant": desk.knights.pk, "quote": desk.quote.pk, "verdict": "False"}
    with django_assert_max_num_queries(10):
        assert client.post(url, data, headers=HX).status_code == 200
    # Changing who said it costs the look-up of the new entity, still within the bound.
    url = reverse("annotations:annotation_edit", args=[desk.quote.pk])
    data = {"version": 2, "speaker": desk.pentagon.pk, "role": "analyst", "quote_type": "mixed"}
    with django_assert_max_num_queries(10):
        assert client.post(url, data, headers=HX).status_code == 200
    desk.quote.refresh_from_db()
    assert (desk.quote.speaker, desk.quote.version) == (desk.pentagon, 3)


# --- confirmations, fresh panels, roles ---------------------------------------------------------


def test_delete_and_evidence_removal_ask_through_the_app_dialog(desk):
    source = source_get_or_create(
        team=desk.world.team, actor=desk.world.reviewer, url="https://example.org/a", title="A"
    )
    evidence_add(claim=desk.claim, source=source, actor=desk.world.reviewer, stance="supports")
    url = reverse("annotations:annotation_detail", args=[desk.claim.pk])
    html = client_for(desk.world.reviewer).get(url, headers=HX).content.decode()
    assert "hx-confirm" not in html  # the browser's own confirm() box is not keyboard-friendly
    assert 'data-confirm="Delete this claim? This cannot be undone."' in html
    assert 'data-confirm="Remove this source from the claim?"' in html


def test_open_panel_reloads_itself_when_the_review_changes(desk):
    url = reverse("annotations:annotation_detail", args=[desk.quote.pk])
    html = client_for(desk.world.viewer).get(url, headers=HX).content.decode()
    assert f'hx-get="{url}" hx-trigger="review-changed from:body"' in html


def test_viewer_is_not_invited_to_annotate(desk):
    page = client_for(desk.world.viewer).get(desk.article.get_absolute_url()).content.decode()
    assert "press <kbd>q</kbd>" not in page
    assert "Mark the selected text as a quote" not in page
    assert reverse("suggest:suggestion_list", args=[desk.article.pk]) not in page
    assert "Your role in this team is viewer" in page
    writer = client_for(desk.world.reviewer).get(desk.article.get_absolute_url()).content.decode()
    assert "press <kbd>q</kbd>" in writer
    assert reverse("suggest:suggestion_list", args=[desk.article.pk]) in writer


def test_shortcut_list_names_the_suggestion_keys(desk):
    page = client_for(desk.world.reviewer).get(desk.article.get_absolute_url()).content.decode()
    shortcuts = page.split('<dialog id="shortcuts"')[1].split("</dialog>")[0]
    for key in ("n", "p", "a", "x", "q", "c", "j", "k", "e", "Delete", "Esc", "?"):
        assert f"<kbd>{key}</kbd>" in shortcuts, key


def test_reviewer_who_submitted_is_no_longer_invited_to_annotate(desk):
    from workbench.review.services import article_submit, assignment_create

    a = assignment_create(article=desk.article, reviewer=desk.world.reviewer, actor=desk.world.lead)
    article_submit(assignment=a, actor=desk.world.reviewer)
    page = client_for(desk.world.reviewer).get(desk.article.get_absolute_url()).content.decode()
    assert "You submitted your annotations on this article" in page
    assert "press <kbd>q</kbd>" not in page
    assert reverse("suggest:suggestion_list", args=[desk.article.pk]) not in page
    lead = client_for(desk.world.lead).get(desk.article.get_absolute_url()).content.decode()
    assert "press <kbd>q</kbd>" in lead and "You submitted" not in lead


def test_refused_new_span_does_not_tell_a_reviewer_they_are_a_viewer(desk):
    # Pressing q on a span the reviewer already marked is refused in the panel; the help under
    # the message is for someone who can annotate, not the viewer's read-only notice.
    response = client_for(desk.world.reviewer).post(
        reverse("annotations:annotation_new", args=[desk.article.pk]),
        {"kind": "quote", **_span('the strike was "a clear escalation" by the militias')},
        headers=HX,
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "already marked this text as a quote" in html
    assert "data-read-only" not in html
    assert "Your role in this team is viewer" not in html


def test_edit_on_an_older_revision_gets_409_and_keeps_the_panel(desk):
    url = reverse("annotations:annotation_edit", args=[desk.quote.pk])
    client = client_for(desk.world.reviewer)
    form = client.get(url, headers=HX).content.decode()
    assert '<input type="hidden" name="revision" value="1">' in form
    revision_add(article=desk.quote.article, text="Update.\n\n" + BODY, origin="paste", by=None)
    data = {
        "version": 1,
        "revision": 1,
        "speaker": desk.knights.pk,
        "role": "my <i>unsaved</i> role",
    }
    response = client.post(url, data, headers=HX)
    assert response.status_code == 409
    html = response.content.decode()
    assert "you saw revision 1, it is now revision 2" in html
    # What the reviewer typed is still in the panel (escaped), and nothing was saved.
    assert 'value="my &lt;i&gt;unsaved&lt;/i&gt; role"' in html
    desk.quote.refresh_from_db()
    assert desk.quote.role != "my <i>unsaved</i> role" and desk.quote.version == 2


def test_new_annotation_on_an_older_revision_gets_409_and_keeps_the_panel(desk):
    article = desk.quote.article
    client = client_for(desk.world.reviewer)
    selection = {"kind": "claim", **_span("a spokesman said"), "revision": 1}
    panel = client.post(
        reverse("annotations:annotation_new", args=[article.pk]), selection, headers=HX
    )
    assert '<input type="hidden" name="revision" value="1">' in panel.content.decode()
    revision_add(article=article, text="Update.\n\n" + BODY, origin="paste", by=None)
    data = {**selection, "rationale": "my <b>unsaved</b> rationale"}
    response = client.post(
        reverse("annotations:annotation_create", args=[article.pk]), data, headers=HX
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "you saw revision 1, it is now revision 2" in html
    assert "my &lt;b&gt;unsaved&lt;/b&gt; rationale" in html and "<b>unsaved" not in html
    assert not Annotation.objects.filter(article=article, exact="a spokesman said").exists()
    # Opening a panel on a selection from the old page says so too, instead of a span mismatch.
    again = client.post(
        reverse("annotations:annotation_new", args=[article.pk]), selection, headers=HX
    )
    assert "you saw revision 1, it is now revision 2" in again.content.decode()


def test_reader_page_carries_its_revision_for_new_selections(desk):
    page = client_for(desk.world.reviewer).get(desk.quote.article.get_absolute_url())
    assert 'data-revision="1"' in page.content.decode()
