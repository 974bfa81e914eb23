"""Store existing quotes without their quotation marks, as every new quote is (issue 14, item 6).

The marks stay in the article text; only the span moves inward (start, end, exact, prefix,
suffix together), with the version bumped so a panel open on the old span gets the usual
conflict. A quote whose trimmed span is already another quote of the same annotator is left
as it is rather than made a duplicate. Reversing leaves the spans trimmed: a span without its
marks is as valid under the old convention, and which marks were selected is not recorded.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import migrations

from workbench.annotations.services import CONTEXT_CHARS, Span, quote_span_trim

BATCH = 1000


def trim_quote_marks(apps, schema_editor):
    Annotation = apps.get_model("annotations", "Annotation")
    quotes = Annotation.objects.filter(kind="quote").select_related("article")
    taken = set(quotes.values_list("article_id", "annotator_id", "start", "end"))
    changed = []
    for quote in quotes.order_by("pk").iterator(chunk_size=BATCH):
        body = quote.article.body
        if body[quote.start : quote.end] != quote.exact:
            continue  # not anchored on this text; the re-anchoring flags it, not this
        try:
            span = quote_span_trim(body, Span(quote.start, quote.end, quote.exact))
        except ValidationError:
            continue  # nothing but marks: left for a reviewer to see
        key = (quote.article_id, quote.annotator_id, span.start, span.end)
        if (span.start, span.end) == (quote.start, quote.end) or key in taken:
            continue
        taken.add(key)
        quote.start, quote.end, quote.exact = span.start, span.end, span.exact
        quote.prefix = body[max(0, span.start - CONTEXT_CHARS) : span.start]
        quote.suffix = body[span.end : span.end + CONTEXT_CHARS]
        quote.version += 1
        changed.append(quote)
        if len(changed) >= BATCH:
            _save(Annotation, changed)
    _save(Annotation, changed)


def _save(Annotation, changed):
    fields = ["start", "end", "exact", "prefix", "suffix", "version"]
    Annotation.objects.bulk_update(changed, fields)
    changed.clear()


class Migration(migrations.Migration):
    dependencies = [("annotations", "0006_article_index_again")]

    operations = [
        migrations.RunPython(trim_quote_marks, reverse_code=migrations.RunPython.noop, elidable=True)
    ]
