"""Pre-annotated articles: spans that arrive with an article in a JSON Lines import.

Researchers bring datasets that another tool or an earlier project already annotated, in the
shape most tools export (Label Studio, doccano and the shared benchmark workload alike): the
text and a list of `{"start", "end", "label", "text"}` spans. Those offsets only hold for the
text exactly as given, so such an article is stored verbatim (no cleanup), and every span is
checked against it before anything of that line is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workbench.accounts.models import Team
from workbench.annotations.models import Annotation, AnnotationKind
from workbench.annotations.services import (
    Span,
    check_span,
    entity_find_or_create,
    quote_span_trim,
    span_context,
)
from workbench.articles.models import Article
from workbench.db import insert_rows
from workbench.search.schema import bulk_indexing

MAX_SPANS_PER_ARTICLE = settings.WORKBENCH_MAX_SPANS_PER_ARTICLE
HISTORY_REASON = "Imported with the article"
KIND_LABELS = {"quote": AnnotationKind.QUOTE, "claim": AnnotationKind.CLAIM}


@dataclass(frozen=True)
class SpanIn:
    """A span as it came in a JSON line, already checked against the article's text."""

    kind: str
    start: int
    end: int
    exact: str
    speaker: str = ""


def spans_parse(value: object, *, body: str) -> list[SpanIn]:
    """Return the spans of a JSON line, refusing the line on the first bad one (named by index).

    A span is `{"start", "end", "label" or "kind": "quote"|"claim", "text"?, "speaker"?}`; when
    `text` is given it must be the body's text at start–end, as our own exports check.
    """
    if not isinstance(value, list):
        raise ValidationError(_("“spans” must be a list."), code="bad_spans")
    if len(value) > MAX_SPANS_PER_ARTICLE:
        raise ValidationError(
            _("An article may carry at most %(n)s spans.") % {"n": MAX_SPANS_PER_ARTICLE},
            code="too_many_spans",
        )
    spans = [_span(item, index, body) for index, item in enumerate(value)]
    # One annotator marks a kind on a span once, as annotation_create enforces one at a time.
    seen: dict[tuple[str, int, int], int] = {}
    for index, span in enumerate(spans):
        key = (span.kind, span.start, span.end)
        if key in seen:
            raise ValidationError(
                _("span %(n)s: the same %(kind)s as span %(first)s.")
                % {"n": index, "kind": span.kind, "first": seen[key]},
                code="duplicate_annotation",
            )
        seen[key] = index
    return spans


def _span(item: object, index: int, body: str) -> SpanIn:
    try:
        return _checked_span(item, body)
    except ValidationError as error:
        where = _("span %(n)s") % {"n": index}
        raise ValidationError(f"{where}: {' '.join(error.messages)}", code="bad_span") from error


def _checked_span(item: object, body: str) -> SpanIn:
    if not isinstance(item, dict):
        raise ValidationError(_("It is not an object."), code="bad_span")
    label = item.get("label", item.get("kind"))
    kind = KIND_LABELS.get(label.strip().casefold()) if isinstance(label, str) else None
    if kind is None:
        raise ValidationError(
            _("The label must be Quote or Claim, not %(label)s.") % {"label": repr(label)[:40]},
            code="bad_span_label",
        )
    start, end = item.get("start"), item.get("end")
    if type(start) is not int or type(end) is not int:
        raise ValidationError(
            _("Start and end must be whole numbers."),
            code="bad_span_offsets",
        )
    exact = item.get("text")
    if exact is not None and not isinstance(exact, str):
        raise ValidationError(_("“text” must be a string."), code="bad_span_text")
    speaker = item.get("speaker") or ""
    if not isinstance(speaker, str) or (speaker.strip() and kind != AnnotationKind.QUOTE):
        raise ValidationError(
            _("Only a quote has a speaker, given by name."),
            code="bad_span_speaker",
        )
    span = Span(start, end, body[start:end] if exact is None else exact)
    check_span(body=body, span=span)
    if kind == AnnotationKind.QUOTE:
        # Stored without its quotation marks, as every other way of making a quote stores it.
        span = quote_span_trim(body, span)
    return SpanIn(kind, span.start, span.end, span.exact, " ".join(speaker.split())[:200])


@transaction.atomic
def spans_store(
    *,
    team: Team,
    annotator: AbstractBaseUser,
    actor: AbstractBaseUser | None,
    articles: Sequence[tuple[Article, list[SpanIn]]],
) -> int:
    """Write the spans of freshly stored articles as draft annotations; return how many.

    The annotations are the `annotator`'s; their history names the `actor`, who imported them
    (None: the operator at the command line), so it never says a member did what they did not.

    Speakers are looked up (by name or alias) or created once per distinct name in the batch.
    The rows go in through `insert_rows`: a batch of 500 workload articles carries 6,000 spans,
    which the ORM's bulk_create took 570 ms to prepare and the plain insert takes about 60.
    """
    # Speakers in one order (by name) in every batch: two batches stored at once (an import's
    # storing threads) that both create "A" and "B" then wait on each other in the same order,
    # never each holding the name the other needs (a deadlock).
    names = {span.speaker.casefold(): span.speaker for _a, spans in articles for span in spans}
    names.pop("", None)
    speakers: dict[str, int] = {
        key: entity_find_or_create(team=team, actor=actor, name=names[key]).pk
        for key in sorted(names)
    }
    rows: list[dict[str, object]] = []
    created = Annotation._meta.get_field("created").get_db_prep_save(timezone.now(), connection)
    for article, spans in articles:
        body = article.body
        for span in spans:
            speaker_id = speakers[span.speaker.casefold()] if span.speaker else None
            prefix, suffix = span_context(body, span.start, span.end)
            rows.append(
                {
                    "article_id": article.pk,
                    "kind": span.kind,
                    "start": span.start,
                    "end": span.end,
                    "exact": span.exact,
                    "prefix": prefix,
                    "suffix": suffix,
                    "annotator_id": annotator.pk,
                    "speaker_id": speaker_id,
                    "created": created,
                    "updated": created,
                }
            )
    article_ids = [article.pk for article, _spans in articles]
    with bulk_indexing(connection, rows=len(rows)) as index:
        insert_rows(Annotation, rows)
        index.index_annotations_of(article_ids)
    _record_history(rows, actor, created, article_ids)
    return len(rows)


def _record_history(
    rows: list[dict[str, object]], actor: AbstractBaseUser | None, when: object, article_ids: list
) -> None:
    """Give each imported annotation its first history entry, as a service's save would.

    The articles are new, so their annotations are exactly these rows: one INSERT … SELECT
    copies them into the history table in id order, inside the database. Not simple-history's
    bulk_history_create (which record_bulk_change uses for a few hundred rows): it would read
    back 6,000 model instances per batch and prepare 6,000 more through the ORM; nor rows built
    in Python and sent back (COPY), which cost the app 0.2 s per 2,000 articles for values the
    database already holds.
    """
    if not rows:
        return
    historical = Annotation.history.model
    own = {"history_id", "history_date", "history_type", "history_user_id", "history_change_reason"}
    # Every tracked column, the annotation's id included, as the annotation row holds it.
    copied = [f.column for f in historical._meta.concrete_fields if f.attname not in own]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(c) for c in copied)
    placeholders = ", ".join(["%s"] * len(article_ids))
    # Names come from the models, never from input; values go as parameters.
    sql = (
        f"INSERT INTO {quote(historical._meta.db_table)} ({columns}, history_date, "  # noqa: S608
        "history_type, history_user_id, history_change_reason) "
        f"SELECT {columns}, %s, '+', %s, %s FROM {quote(Annotation._meta.db_table)} "
        f"WHERE article_id IN ({placeholders}) ORDER BY id"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [when, actor.pk if actor is not None else None, HISTORY_REASON, *article_ids]
        )
        if cursor.rowcount != len(rows):
            raise RuntimeError("imported annotations and their history do not line up")
