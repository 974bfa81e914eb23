"""The annotation's shape, named once: every list of its fields elsewhere is derived from here.

Two vocabularies meet here. The services, forms and API speak in *fields* (`speaker`,
`mention`), where a link is an object and a span one value; the database, the exports and the
adjudication speak in *columns* (`speaker_id`, `mention_start`, `mention_end`,
`mention_exact`). `columns()` turns the first into the second, so that a field added to a group
here reaches every list at once. Free of models, so anything may import it at any time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# The span every annotation is: code points into the body, end exclusive, and its text.
SPAN = ("start", "end", "exact")
# The text either side of the span, kept to re-anchor it (W3C TextQuoteSelector).
SPAN_CONTEXT = ("prefix", "suffix")
# Where it stands in the article's revisions: the one its span indexes, how it got there.
ANCHOR_FIELDS = ("revision", "anchor_state", "anchor_score")
# Who made it and where it stands in review.
REVIEW_FIELDS = ("annotator_id", "status", "version")
TIMES = ("created", "updated")

# Quote and claim fields, as the services take them (annotation_create's keywords).
QUOTE_FIELDS = ("speaker", "role", "mention", "cue", "quote_type")
CLAIM_FIELDS = ("claimant", "claimant_is_outlet", "quote", "checkworthy", "verdict", "rationale")
KIND_FIELDS = (*QUOTE_FIELDS, *CLAIM_FIELDS)
# The fields that are spans of the body: where the text names the speaker, the reporting verb.
SPAN_FIELDS = ("mention", "cue")
# The fields that point at another row (an entity, or the quote a claim was made in).
LINK_FIELDS = ("speaker", "claimant", "quote")


def span_parts(field: str) -> tuple[str, str, str]:
    """Return the columns a span field is stored in: its start, end and text."""
    return f"{field}_start", f"{field}_end", f"{field}_exact"


def columns(fields: Iterable[str]) -> tuple[str, ...]:
    """Return the model columns behind service fields: a link's id, a span's three parts."""
    out: list[str] = []
    for field in fields:
        if field in LINK_FIELDS:
            out.append(f"{field}_id")
        elif field in SPAN_FIELDS:
            out.extend(span_parts(field))
        else:
            out.append(field)
    return tuple(out)


MENTION = span_parts("mention")
CUE = span_parts("cue")
QUOTE_COLUMNS = columns(QUOTE_FIELDS)
CLAIM_COLUMNS = columns(CLAIM_FIELDS)
KIND_COLUMNS = (*QUOTE_COLUMNS, *CLAIM_COLUMNS)
LINK_COLUMNS = columns(LINK_FIELDS)
# The kind's columns that hold a value rather than a link: what a form shows as it is stored.
VALUE_COLUMNS = tuple(c for c in KIND_COLUMNS if c not in LINK_COLUMNS)

# The kind's columns that one cell holds (no span parts, no quote link): the flat exports'.
FLAT_COLUMNS = tuple(c for c in KIND_COLUMNS if c not in (*MENTION, *CUE, "quote_id"))

# What an adjudication copies from a reviewer's annotation into the approved version. Not the
# quote link: the approved claim points at the approved copy of its quote, found apart.
COPIED_COLUMNS = ("kind", *SPAN, *SPAN_CONTEXT, *(c for c in KIND_COLUMNS if c != "quote_id"))
# What a merge fills from the other originals when the base leaves it empty (not its span).
MERGED_COLUMNS = tuple(c for c in COPIED_COLUMNS if c not in ("kind", *SPAN))

# What two reviewers' annotations of a span must share to agree, by the label a lead reads.
COMPARED = {
    "kind": ("kind",),
    "span": ("start", "end"),
    "speaker": ("speaker_id",),
    "role": ("role",),
    "quote type": ("quote_type",),
    "claimant": ("claimant_id", "claimant_is_outlet"),
    "check-worthy": ("checkworthy",),
    "verdict": ("verdict",),
}

# Every export's annotation row starts with these (exports.selectors.export_pages), then the
# format's own columns; a row is read by name through positions(). Every format carries the
# revision an annotation's span indexes and how it is anchored there (an orphan's is older).
EXPORT_ROW_HEAD = ("pk", "article_id", "start", "end", *ANCHOR_FIELDS)


def positions(row_columns: Sequence[str], *names: str) -> tuple[int, ...]:
    """Return where the named columns sit in a row of `row_columns`, in the order asked.

    The exports bind these to named constants (`row[SPEAKER]`): a tuple index costs less than
    a namedtuple's attribute, and the names survive any reordering of the groups above. Spell
    the names out: `A, B = positions(row, *GROUP)` would pair the constants with the group's
    order, which is exactly what must be free to change.
    """
    return tuple(row_columns.index(name) for name in names)
