from __future__ import annotations

import pytest
from django.urls import reverse

from tests.conftest import client_for
from tests.factories import ArticleFactory
from workbench.annotations.models import AnchorState
from workbench.annotations.revisions import revision_add
from workbench.annotations.services import annotation_create
from workbench.articles.models import Revision

pytestmark = pytest.mark.django_db

BODY = (
    "The minister said the budget would rise by 12 percent next year.\n\n"
    "Critics said the same <b>promise</b> was made in 2019 and quietly dropped in 2021."
)


@pytest.fixture
def article(world):
    return ArticleFactory(project=world.project, body=BODY, raw=BODY)


def claim(article, user, text):
    start = article.body.index(text)
    return annotation_create(
        article=article, author=user, kind="claim", start=start, end=start + len(text), exact=text
    )


def post(client, article, text, revision=1, **headers):
    url = reverse("articles:article_revision_add", args=[article.pk])
    return client.post(url, {"text": text, "revision": revision}, headers=headers)


def test_revision_add_view_outsiders_and_viewers_change_nothing(world, article, client):
    new = BODY + "\n\nCorrection added."
    assert post(client, article, new).status_code == 302  # to the login page
    assert post(client_for(world.outsider), article, new).status_code == 404
    assert post(client_for(world.viewer), article, new).status_code == 403
    assert not Revision.objects.exists()
    article.refresh_from_db()
    assert article.body == BODY


def test_revision_add_view_makes_a_revision_and_lists_orphans_escaped(world, article):
    client = client_for(world.reviewer)
    kept = claim(article, world.reviewer, "the budget would rise by 12 percent next year")
    lost = claim(article, world.reviewer, "same <b>promise</b> was made in 2019")
    new = BODY.split("\n\n")[0] + "\n\nA <script>alert(1)</script> reply came later."

    response = post(client, article, new)

    assert response.status_code == 302 and response.url == article.get_absolute_url()
    article.refresh_from_db()
    assert article.revision == 2 and article.body == new
    kept.refresh_from_db()
    lost.refresh_from_db()
    assert (kept.anchor_state, lost.anchor_state) == (AnchorState.EXACT, AnchorState.ORPHANED)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Lost their place" in page
    assert "<del>same &lt;b&gt;promise&lt;/b&gt; was made in 2019</del>" in page
    assert "in revision 1" in page


def test_revision_add_view_htmx_redirects_the_page(world, article):
    response = post(client_for(world.lead), article, BODY + "\n\nMore.", **{"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"] == article.get_absolute_url()


def test_revision_add_view_on_an_older_revision_is_a_conflict(world, article):
    revision_add(article=article, text=BODY + "\n\nFirst fix.", origin="paste", by=world.lead)
    response = post(client_for(world.reviewer), article, BODY + "\n\nMy fix.", revision=1)
    assert response.status_code == 409
    assert "you saw revision 1" in response.content.decode()
    article.refresh_from_db()
    assert article.revision == 2 and article.body.endswith("First fix.")


def test_revision_diff_view_shows_words_and_moves_escaped(world, client):
    paragraphs = ["Opening words of the story.", "The toll rose to 12 on Monday.", "Later text."]
    article = ArticleFactory(project=world.project, body="\n\n".join(paragraphs))
    edited = paragraphs[1].replace("12", "<em>15</em>")
    new = "\n\n".join([edited, paragraphs[2], paragraphs[0]])
    revision_add(article=article, text=new, origin="paste", by=world.lead)
    url = reverse("articles:article_revision_diff", args=[article.pk])
    assert client.get(url).status_code == 302  # to the login page
    assert client_for(world.outsider).get(url).status_code == 404
    html = client_for(world.viewer).get(url).content.decode()
    assert "revision 1 → 2" in html
    assert "<del>12</del><ins>&lt;em&gt;15&lt;/em&gt;</ins>" in html
    assert "<em>15</em>" not in html
    assert 'class="moved-from" title="moved from here">Opening words of the story.' in html
    assert 'class="moved-to" title="moved here">Opening words of the story.' in html


def test_revision_diff_view_of_an_unrevised_article_says_so(world, article):
    url = reverse("articles:article_revision_diff", args=[article.pk])
    html = client_for(world.viewer).get(url, {"older": "x"}).content.decode()
    assert "nothing to compare yet" in html


def test_orphan_panel_says_so_highlights_nothing_and_escapes(world, article):
    lost = claim(article, world.reviewer, "same <b>promise</b> was made in 2019")
    new = BODY.split("\n\n")[0] + "\n\nSomething else entirely."
    revision_add(article=article, text=new, origin="paste", by=world.lead)
    url = reverse("annotations:annotation_detail", args=[lost.pk])
    html = client_for(world.reviewer).get(url, headers={"HX-Request": "true"}).content.decode()
    assert "Lost its place" in html
    assert "<del>same &lt;b&gt;promise&lt;/b&gt; was made in 2019</del>" in html
    assert "data-span-highlights" not in html
    assert client_for(world.outsider).get(url).status_code == 404


def test_orphan_is_placed_again_from_its_panel(world, article):
    lost = claim(article, world.reviewer, "same <b>promise</b> was made in 2019")
    new = BODY.split("\n\n")[0] + "\n\nCritics said a similar pledge was made before."
    revision_add(article=article, text=new, origin="paste", by=world.lead)
    lost.refresh_from_db()
    url = reverse("annotations:annotation_replace", args=[lost.pk])
    words = "a similar pledge was made before"
    start = new.index(words)
    data = {"span_start": start, "span_end": start + len(words), "span_exact": words}
    data |= {"version": lost.version, "revision": 2}
    assert client_for(world.outsider).post(url, data).status_code == 404
    assert client_for(world.viewer).post(url, data).status_code == 403
    reviewer = client_for(world.reviewer)
    stale = reviewer.post(url, {**data, "revision": 1}, headers={"HX-Request": "true"})
    assert stale.status_code == 409
    response = reviewer.post(url, data, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "Placed again." in response.content.decode()
    lost.refresh_from_db()
    assert (lost.anchor_state, lost.revision, lost.exact) == (AnchorState.EXACT, 2, words)
    page = reviewer.get(article.get_absolute_url()).content.decode()
    assert "Lost their place" not in page


def test_revision_detail_view_shows_an_earlier_text_escaped(world, article, client):
    new = BODY.replace("12 percent", "15 percent")
    revision_add(article=article, text=new, origin="paste", by=world.lead)
    url = reverse("articles:article_revision_detail", args=[article.pk, 1])
    assert client.get(url).status_code == 302  # to the login page
    assert client_for(world.outsider).get(url).status_code == 404
    html = client_for(world.viewer).get(url).content.decode()
    assert "Revision 1" in html and "12 percent" in html and "15 percent" not in html
    assert "the same &lt;b&gt;promise&lt;/b&gt;" in html and "<b>promise</b>" not in html
    assert "?older=0" not in html
    current = client_for(world.viewer).get(
        reverse("articles:article_revision_detail", args=[article.pk, 2])
    )
    assert "Revision 2 (current)" in current.content.decode()
    assert "Compare with revision 1" in current.content.decode()
    missing = reverse("articles:article_revision_detail", args=[article.pk, 3])
    assert client_for(world.viewer).get(missing).status_code == 404
    # The diff page links each revision to its text.
    diff = client_for(world.viewer).get(
        reverse("articles:article_revision_diff", args=[article.pk])
    )
    assert url in diff.content.decode()


def test_revision_detail_view_of_an_unrevised_article_is_its_body(world, article):
    url = reverse("articles:article_revision_detail", args=[article.pk, 1])
    html = client_for(world.reviewer).get(url).content.decode()
    assert "Revision 1 (current)" in html and "12 percent" in html


def test_revision_add_view_records_whose_change_it_is(world, article):
    """A reviewer who fixes what the cleanup kept says so: the revision is a cleanup fix and
    never a possible stealth edit; the publisher's change pasted in may be one."""
    client = client_for(world.reviewer)
    page = client.get(form_url(article), headers={"HX-Request": "true"}).content.decode()
    assert 'name="origin" value="cleanup"' in page and 'value="paste"' in page
    url = reverse("articles:article_revision_add", args=[article.pk])

    fixed = BODY.replace("12 percent", "8 percent")
    data = {"text": fixed, "revision": 1, "origin": "cleanup"}
    assert client.post(url, data).status_code == 302
    article.refresh_from_db()
    second = article.revisions.get(number=2)
    assert (second.origin, second.stealth, article.stealth_edit) == ("cleanup", False, False)

    quiet = fixed.replace("8 percent", "9 percent")
    assert client.post(url, {"text": quiet, "revision": 2, "origin": "paste"}).status_code == 302
    article.refresh_from_db()
    third = article.revisions.get(number=3)
    assert (third.origin, third.stealth, article.stealth_edit) == ("paste", True, True)

    refused = client.post(url, {"text": quiet + " More.", "revision": 3, "origin": "<script>"})
    assert refused.status_code == 400 and b"<script>" not in refused.content
    article.refresh_from_db()
    assert article.revision == 3


# --- the revision form, loaded when its panel opens ---------------------------------------------


def form_url(article) -> str:
    return reverse("articles:article_revision_form", args=[article.pk])


def test_reader_holds_the_text_once_less_and_loads_the_form_on_demand(world, article):
    html = client_for(world.reviewer).get(article.get_absolute_url()).content.decode()
    assert 'id="revision-form"' not in html and "Save as a new revision" not in html
    assert f'hx-get="{form_url(article)}"' in html
    assert f'href="{form_url(article)}#revision-form"' in html  # without htmx: a link


def test_revision_form_view_ladder(world, article, client):
    assert client.get(form_url(article)).status_code == 302  # to the login page
    assert client_for(world.outsider).get(form_url(article)).status_code == 404
    assert client_for(world.viewer).get(form_url(article)).status_code == 403
    fragment = client_for(world.reviewer).get(form_url(article), headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert fragment.status_code == 200 and html.lstrip().startswith("<form")
    # The current text in the textarea, escaped; the form posts as before.
    assert "same &lt;b&gt;promise&lt;/b&gt; was made" in html and "<b>promise" not in html
    assert f'action="{reverse("articles:article_revision_add", args=[article.pk])}"' in html
    assert 'name="revision" value="1"' in html
    # Without htmx: the whole reader, the form in its panel.
    page = client_for(world.reviewer).get(form_url(article)).content.decode()
    assert 'id="revision-form"' in page and 'id="article-text"' in page
    assert "same &lt;b&gt;promise&lt;/b&gt; was made" in page


# --- the input's lines, loaded when their panel opens -------------------------------------------


def test_reader_loads_the_read_only_lines_on_demand(world, article):
    lines_url = reverse("articles:article_lines", args=[article.pk])
    fresh = client_for(world.reviewer).get(article.get_absolute_url()).content.decode()
    assert 'id="raw-lines"' in fresh  # lines that can still be moved come with the page
    claim(article, world.reviewer, "12 percent")
    html = client_for(world.reviewer).get(article.get_absolute_url()).content.decode()
    assert 'id="raw-lines"' not in html
    assert f'hx-get="{lines_url}"' in html and f'href="{lines_url}#raw-lines"' in html


def test_lines_view_ladder_and_escaping(world, article, client):
    url = reverse("articles:article_lines", args=[article.pk])
    assert client.get(url).status_code == 302  # to the login page
    assert client_for(world.outsider).get(url).status_code == 404
    fragment = client_for(world.viewer).get(url, headers={"HX-Request": "true"})
    html = fragment.content.decode()
    assert fragment.status_code == 200 and html.lstrip().startswith('<ol class="raw-lines"')
    assert "same &lt;b&gt;promise&lt;/b&gt; was made" in html and "<b>promise" not in html
    assert "Set aside" not in html  # read-only
    page = client_for(world.viewer).get(url).content.decode()
    assert 'id="raw-lines"' in page and 'id="article-text"' in page
