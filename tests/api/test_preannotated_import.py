"""JSON Lines lines that carry spans: articles stored verbatim with their annotations."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.conftest import XSS
from workbench.annotations.models import Annotation, Entity
from workbench.annotations.services import entity_create
from workbench.articles.models import Article

pytestmark = pytest.mark.django_db

TEXT = (
    "Café owners 👍🏽 said prices rose by 12 percent.\n"
    "“It is unbearable,” said Anna Roy, who runs one.\n\nThe ministry denied it."
)


def span(label: str, text: str, body: str = TEXT, **extra: object) -> dict:
    start = body.index(text)
    return {"start": start, "end": start + len(text), "label": label, "text": text, **extra}


def line(text: str = TEXT, **record: object) -> str:
    return json.dumps({"title": "Prices", "text": text, **record}, ensure_ascii=False)


def batch(client, project, *lines: str):
    body = {"project": project.pk, "jsonl": "\n".join(lines)}
    return client.post(reverse("api:article-batch"), body, format="json")


def test_spans_become_draft_annotations_of_the_caller(world, api, client):
    spans = [
        span("Claim", "prices rose by 12 percent"),
        span("Quote", "It is unbearable", speaker="Anna Roy"),
    ]
    response = batch(api("reviewer"), world.project, line(spans=spans))
    assert response.status_code == 200, response.content
    assert response.json()["annotations"] == 2
    client.force_login(world.reviewer)
    article = Article.objects.get(pk=response.json()["results"][0]["id"])
    # Stored verbatim: the offsets, emoji and all, index into the body as given.
    assert article.body == TEXT and article.removed == []
    # The input is the body: it is stored once, and its lines still show as the input.
    assert article.raw == "" and article.input_text == TEXT
    # Annotated, so its lines are read-only: the reader loads them when their panel opens.
    lines = reverse("articles:article_lines", args=[article.pk])
    assert lines in client.get(article.get_absolute_url()).content.decode()
    panel = client.get(lines).content.decode()
    assert '<span class="line-text">The ministry denied it.</span>' in panel
    claim, quote = Annotation.objects.filter(article=article).order_by("start")
    assert (claim.kind, claim.exact, claim.status) == (
        "claim",
        "prices rose by 12 percent",
        "draft",
    )
    assert claim.annotator == world.reviewer and claim.prefix == TEXT[: claim.start]
    assert quote.kind == "quote" and quote.speaker.name == "Anna Roy"
    assert TEXT[quote.start : quote.end] == quote.exact


def test_a_speaker_is_matched_to_the_registry_by_alias(world, api):
    entity = entity_create(
        team=world.team, actor=world.lead, name="Anna Roy-Martin", aliases=["Anna Roy"]
    )
    spans = [span("quote", "It is unbearable", speaker="anna  roy")]
    assert batch(api("lead"), world.project, line(spans=spans)).status_code == 200
    assert Annotation.objects.get(article__project=world.project).speaker == entity
    assert Entity.objects.filter(team=world.team).count() == 1


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        ({"start": 0, "end": 4, "label": "Quote", "text": "Cafe"}, "does not match"),
        ({"start": 5, "end": 999, "label": "Quote"}, "outside the article"),
        ({"start": 0, "end": 4, "label": "Opinion"}, "Quote or Claim"),
        ({"start": "0", "end": 4, "label": "Claim"}, "whole numbers"),
        ({"start": 0, "end": 4, "label": "Claim", "speaker": "Anna Roy"}, "Only a quote"),
        ("not an object", "not an object"),
    ],
)
def test_a_bad_span_refuses_its_line_and_keeps_the_others(world, api, bad, says):
    good = line(text="Another article entirely.", spans=[])
    response = batch(api("lead"), world.project, line(spans=[span("Claim", "prices"), bad]), good)
    assert response.status_code == 200
    (failure,) = response.json()["failures"]
    assert failure["line"] == "line 1" and "span 1" in failure["message"]
    assert says in failure["message"]
    # Nothing of the refused line was written, and the good line was.
    assert not Article.objects.filter(body=TEXT).exists()
    assert Article.objects.filter(body="Another article entirely.").exists()
    assert not Annotation.objects.exists()


def test_spans_need_text_exactly_as_stored(world, api):
    decomposed = "Cafe\u0301 owners said prices rose."
    response = batch(api("lead"), world.project, line(text=decomposed, spans=[]))
    assert "normalized" in response.json()["failures"][0]["message"]
    assert not Article.objects.filter(project=world.project).exclude(pk=world.article.pk).exists()


def test_importing_the_same_line_twice_does_not_double_its_annotations(world, api):
    record = line(spans=[span("Claim", "prices rose by 12 percent")])
    batch(api("lead"), world.project, record)
    again = batch(api("lead"), world.project, record).json()
    assert again["duplicates"] == 1 and again["annotations"] == 0
    assert Annotation.objects.count() == 1


def test_annotator_names_a_team_writer(world, api):
    spans = [span("Claim", "prices rose by 12 percent")]
    lines = (
        line(spans=spans, annotator="reviewer"),
        # A viewer or an outsider cannot be credited: the caller is.
        line(
            text="Second text.", spans=[span("Claim", "Second", "Second text.")], annotator="viewer"
        ),
        line(
            text="Third text.", spans=[span("Claim", "Third", "Third text.")], annotator="outsider"
        ),
    )
    assert batch(api("lead"), world.project, *lines).json()["annotations"] == 3
    by_exact = dict(Annotation.objects.values_list("exact", "annotator__username"))
    assert by_exact == {
        "prices rose by 12 percent": "reviewer",
        "Second": "lead",
        "Third": "lead",
    }


def test_the_command_line_needs_a_team_annotator(world, tmp_path):
    path = tmp_path / "annotated.jsonl"
    path.write_text(
        "\n".join(
            [
                line(spans=[span("Claim", "prices rose by 12 percent")], annotator="reviewer"),
                line(text="Second text.", spans=[span("Claim", "Second", "Second text.")]),
            ]
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 item"):
        call_command("import_articles", str(path), "--project", "desk/desk-project")
    assert Annotation.objects.get().annotator == world.reviewer
    assert not Article.objects.filter(body="Second text.").exists()


def test_outsider_and_viewer_cannot_import_spans(world, api):
    record = line(spans=[span("Claim", "prices")])
    assert batch(api("viewer"), world.project, record).status_code == 403
    assert batch(api("outsider"), world.project, record).status_code == 400
    assert batch(api(None), world.project, record).status_code == 401
    assert not Annotation.objects.exists()


def test_span_text_with_markup_is_stored_as_text_and_escaped(world, api, client):
    text = f"Before {XSS} after."
    response = batch(api("lead"), world.project, line(text=text, spans=[span("Quote", XSS, text)]))
    article = Article.objects.get(pk=response.json()["results"][0]["id"])
    client.force_login(world.lead)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_a_line_with_an_unstorable_character_is_refused(world, api, bad):
    # Escaped in the JSON body (as \\u0000 and \\ud800), as a client would send them.
    inner = json.dumps({"title": "Bad", "text": f"Text {bad} here."})
    body = json.dumps({"project": world.project.pk, "jsonl": inner})
    response = api("lead").post(reverse("api:article-batch"), body, content_type="application/json")
    assert response.status_code == 200
    assert "cannot be stored" in response.json()["failures"][0]["message"]
    assert Article.objects.filter(project=world.project).count() == 1


def test_a_batch_that_is_not_storable_text_is_refused_whole(world, api):
    body = json.dumps({"project": world.project.pk, "jsonl": "\x00" + line()})
    response = api("lead").post(reverse("api:article-batch"), body, content_type="application/json")
    assert response.status_code == 400
    assert "cannot be stored" in json.dumps(response.json())


def test_imported_annotations_start_their_history(world, api):
    spans = [span("Claim", "prices rose by 12 percent"), span("Quote", "It is unbearable")]
    batch(api("reviewer"), world.project, line(spans=spans))
    for annotation in Annotation.objects.all():
        (entry,) = annotation.history.all()
        assert entry.history_type == "+" and entry.history_user == world.reviewer
        assert (entry.exact, entry.start, entry.kind) == (
            annotation.exact,
            annotation.start,
            annotation.kind,
        )
        assert entry.history_date == annotation.created


def test_an_imported_quote_is_stored_without_its_quotation_marks(world, api):
    spans = [span("Quote", "“It is unbearable,”", speaker="Anna Roy")]
    response = batch(api("reviewer"), world.project, line(spans=spans))
    assert response.status_code == 200, response.content
    quote = Annotation.objects.get()
    assert quote.exact == "It is unbearable,"
    assert TEXT[quote.start : quote.end] == "It is unbearable,"
    assert quote.prefix == TEXT[max(0, quote.start - 32) : quote.start]


def test_an_imported_line_with_the_same_span_twice_is_refused(world, api):
    spans = [
        span("Quote", "It is unbearable,"),
        span("Quote", "“It is unbearable,”"),
    ]
    response = batch(api("reviewer"), world.project, line(spans=spans))
    assert "span 1: the same quote as span 0" in response.content.decode()
    assert not Annotation.objects.exists()
    assert not Article.objects.filter(title="Prices").exists()


def _history_users(exact: str) -> list[str | None]:
    annotation = Annotation.objects.get(exact=exact)
    return [
        record.history_user.username if record.history_user else None
        for record in annotation.history.all()
    ]


def test_a_reviewer_cannot_import_spans_in_another_members_name(world, api):
    second = "Second text."
    lines = (
        line(spans=[span("Claim", "prices rose by 12 percent")], annotator="lead"),
        # Their own name is fine, as is no name at all.
        line(text=second, spans=[span("Claim", "Second", second)], annotator="reviewer"),
    )
    response = batch(api("reviewer"), world.project, *lines).json()
    (failure,) = response["failures"]
    assert failure["line"] == "line 1"
    assert "only a lead may import spans in another member's name" in failure["message"]
    # The refused line left nothing behind; the other is the reviewer's, and says so.
    assert not Article.objects.filter(body=TEXT).exists()
    assert Annotation.objects.get().annotator == world.reviewer
    assert _history_users("Second") == ["reviewer"]


def test_the_history_names_the_lead_who_imported_in_a_members_name(world, api):
    lines = (
        line(spans=[span("Quote", "It is unbearable", speaker="Anna Roy")], annotator="reviewer"),
    )
    assert batch(api("lead"), world.project, *lines).json()["annotations"] == 1
    quote = Annotation.objects.get()
    assert quote.annotator == world.reviewer
    # The lead acted: the history says so, for the annotation and the speaker it created.
    assert _history_users("It is unbearable") == ["lead"]
    assert [r.history_user for r in quote.speaker.history.all()] == [world.lead]


def test_the_command_line_history_names_no_member(world, tmp_path):
    path = tmp_path / "annotated.jsonl"
    record = line(spans=[span("Claim", "prices rose by 12 percent")], annotator="reviewer")
    path.write_text(record, encoding="utf-8")
    call_command("import_articles", str(path), "--project", "desk/desk-project")
    assert Annotation.objects.get().annotator == world.reviewer
    # The operator acted, not the reviewer: no member is named as having done it.
    assert _history_users("prices rose by 12 percent") == [None]
