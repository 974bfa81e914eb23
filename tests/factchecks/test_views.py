from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import XSS, client_for
from tests.factchecks.conftest import UNEMPLOYMENT, claim_in, import_reviews, review
from tests.factchecks.records import AFP_STYLE
from workbench.annotations.models import Evidence

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def test_factcheck_list_escapes_every_text_field(world, django_assert_max_num_queries):
    import_reviews(
        world.team,
        {
            **review("https://x.example/1", f"Claim {XSS}", rating=XSS, publisher=XSS),
            "itemReviewed": {"author": {"name": XSS}},
        },
    )
    url = reverse("factchecks:factcheck_list", args=[world.team.slug])
    client = client_for(world.viewer)
    client.get(url)  # the session's first request sets it up
    with django_assert_max_num_queries(8):
        page = client.get(url).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    check = reverse("factchecks:factcheck_detail", args=[world.team.slug, 1])
    detail = client_for(world.viewer).get(check)
    assert detail.status_code in (200, 404)
    assert "<script>alert" not in detail.content.decode()


def test_factcheck_list_search_fragment_and_outsider(checked):
    url = reverse("factchecks:factcheck_list", args=[checked.team.slug])
    rows = client_for(checked.viewer).get(url, {"q": "moon"}, headers=HX).content.decode()
    assert "moon landing" in rows and "Unemployment" not in rows
    assert client_for(checked.outsider).get(url).status_code == 404


def test_factcheck_import_form_reports_bad_records_by_number(world):
    text = "\n".join(json.dumps(r) for r in (AFP_STYLE, {**AFP_STYLE, "url": ""}, {"x": XSS}))
    upload = SimpleUploadedFile("r.jsonl", text.encode())
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    response = client_for(world.reviewer).post(url, {"file": upload}, headers=HX)
    body = response.content.decode()
    assert response.status_code == 200
    assert "1 new, 0 updated, 1 refused." in " ".join(body.split())
    assert "Record 2: The record has no url." in body


def test_factcheck_import_form_viewer_403_and_private_url(world):
    url = reverse("factchecks:factcheck_import", args=[world.team.slug])
    assert client_for(world.viewer).post(url, {"url": "https://x.example/"}).status_code == 403
    response = client_for(world.lead).post(url, {"url": "http://127.0.0.1/feed"}, headers=HX)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_claim_panel_shows_matches_and_links_one_as_source(checked):
    import_reviews(checked.team, review("https://x.example/xss", f"{UNEMPLOYMENT} {XSS}"))
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    url = reverse("factchecks:claim_matches", args=[claim.pk])
    fragment = client_for(checked.reviewer).get(url, headers=HX).content.decode()
    assert "Mostly False" in fragment and "score" in fragment and "<mark>" in fragment
    assert "data-likely-match" in fragment  # the same words: the re-ranker is sure
    assert "<script>alert" not in fragment
    assert "Link as source" in fragment
    assert client_for(checked.outsider).get(url).status_code == 404
    viewer = client_for(checked.viewer).get(url).content.decode()
    assert "Link as source" not in viewer
    check = next(m for m in checked.team.factchecks.all() if m.url.endswith("unemployment"))
    link = reverse("factchecks:match_link", args=[claim.pk])
    response = client_for(checked.reviewer).post(
        link, {"factcheck": check.pk, "stance": "refutes"}, headers=HX
    )
    assert response.status_code == 200
    assert "review-changed" in response.headers["HX-Trigger"]
    evidence = Evidence.objects.get(claim=claim)
    assert (evidence.source.url, evidence.stance) == (check.url, "refutes")
    assert "Mostly False" in evidence.note


def test_match_link_refuses_other_teams_fact_check(checked):
    import_reviews(checked.other_project.team, review("https://else.example/u", UNEMPLOYMENT))
    theirs = checked.other_project.team.factchecks.get()
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    link = reverse("factchecks:match_link", args=[claim.pk])
    response = client_for(checked.reviewer).post(
        link, {"factcheck": theirs.pk, "stance": "refutes"}, headers=HX
    )
    assert response.status_code == 400
    assert not Evidence.objects.exists()


def test_use_this_verdict_preselects_a_scale_label(checked):
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    label = checked.project.rating_scale[1]
    url = reverse("annotations:annotation_edit", args=[claim.pk])
    form = client_for(checked.reviewer).get(url, {"verdict": label.upper()}, headers=HX)
    assert f"<option selected>{label}</option>" in form.content.decode()


def test_selection_matches_before_saving(checked):
    url = reverse("factchecks:selection_matches", args=[checked.article.pk])
    fragment = client_for(checked.viewer).get(url, {"text": "unemployment 3.1"}).content.decode()
    assert "Mostly False" in fragment and "Link as source" not in fragment
    outsider = client_for(checked.outsider).get(url, {"text": "unemployment"})
    assert outsider.status_code == 404


def test_article_list_marks_articles_with_a_strong_match(checked, django_assert_max_num_queries):
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    plain = claim_in(checked.project, checked.reviewer, "Zebras crossed the river on Tuesday")
    ids = f"{claim.article_id},{plain.article_id},{checked.article.pk}"
    url = reverse("factchecks:checked_marks", args=[checked.project.pk])
    client = client_for(checked.viewer)
    marks = client.get(url, {"ids": ids}, headers=HX).content.decode()
    assert marks.count('hx-swap-oob="true"') == 3
    marked = [part for part in marks.split("<span id=") if "data-already-checked" in part]
    assert len(marked) == 1 and f'"checked-{claim.article_id}"' in marked[0]
    # Once matched, the marks read stored scores: a flat number of queries.
    with django_assert_max_num_queries(8):
        client.get(url, {"ids": ids}, headers=HX)
    assert client_for(checked.outsider).get(url, {"ids": ids}).status_code == 404
    # The article list itself is unchanged in cost; it only asks for the marks.
    page = client.get(
        reverse("articles:project_detail", args=[checked.project.pk])
    ).content.decode()
    assert f'id="checked-{claim.article_id}"' in page and "checked-marks" in page


def test_every_field_of_a_match_is_shown_as_text(checked):
    from workbench.articles.models import Article

    import_reviews(
        checked.team,
        {
            **review("https://x.example/xss", f"{UNEMPLOYMENT} {XSS}", rating=XSS, publisher=XSS),
            "itemReviewed": {"author": {"name": XSS}},
        },
    )
    earlier = claim_in(checked.project, checked.reviewer, f"{UNEMPLOYMENT} {XSS}")
    Article.objects.filter(pk=earlier.article_id).update(title=f"Title {XSS}")
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    client = client_for(checked.reviewer)
    panel = client.get(reverse("factchecks:claim_matches", args=[claim.pk]), headers=HX)
    selection = client.get(
        reverse("factchecks:selection_matches", args=[checked.article.pk]),
        {"text": f"{UNEMPLOYMENT} {XSS}"},
        headers=HX,
    )
    for fragment in (panel.content.decode(), selection.content.decode()):
        assert 'data-match-kind="claim"' in fragment and 'data-match-kind="factcheck"' in fragment
        assert "<script>" not in fragment and "<img" not in fragment
        # Text, rating, publisher and the earlier claim's article title, each escaped.
        assert fragment.count("&lt;script&gt;alert") >= 5
        assert "Title &lt;script&gt;alert" in fragment


def test_selection_matches_never_show_another_teams_work(checked):
    other = checked.other_project
    import_reviews(other.team, review("https://else.example/z", "Zebras crossed the Limpopo"))
    claim_in(other, checked.outsider, "Zebras crossed the Limpopo river at dawn")
    url = reverse("factchecks:selection_matches", args=[checked.article.pk])
    mine = client_for(checked.lead).get(url, {"text": "Zebras crossed the Limpopo"}, headers=HX)
    assert "Limpopo" not in mine.content.decode()
    theirs = reverse(
        "factchecks:selection_matches", args=[claim_in(other, checked.outsider, "x").article_id]
    )
    assert client_for(checked.lead).get(theirs, {"text": "Zebras crossed"}).status_code == 404
