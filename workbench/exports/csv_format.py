"""CSV: one annotation per row, flat, for a spreadsheet.

UTF-8 without a byte-order mark (pandas and most tools read it as is; a BOM would end up in the
first column's name), RFC 4180 (`\\r\\n` line ends; text cells always in double quotes, inner
quotes doubled, so `csv`, pandas and spreadsheets read them back exactly), and a header row:

    article_id, article_title, outlet, url, published, annotation_id, kind, start, end, text,
    speaker, speaker_kind, role, quote_type, claimant, checkworthy, verdict, rationale,
    sources, annotator, status, revision, anchor_state, anchor_score

- `article_id` and `annotation_id` are the ids of the JSON Lines export (the article's body
  checksum; the annotation's ordinal within its article), so rows join with that dataset.
- `start`/`end` are code points into the body, end exclusive; `text` is the span's text.
- `claimant` is the entity's name or, for a claim the outlet itself makes, the outlet's name
  (or "(outlet)" when the article has none).
- `sources` is the claim's evidence, oldest first, as `stance: url` (the source's title when it
  has no URL) joined by ` | `.
- `revision` is the number of the article revision the span indexes; `anchor_state` is how
  the last new revision placed it (`exact`, `moved`, `fuzzy` with `anchor_score` 0–1, or
  `orphaned`). An orphan's words were not found in the current text: its row is kept, after
  the article's placed annotations, with its `start`, `end` and `text` in that older revision
  (its context and the revisions' texts are in JSON Lines).
- Articles without annotations have no rows; `status` filters rows by annotation status.

Against formula injection, any cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return gets a leading `'`, which spreadsheets show as text instead of evaluating the cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from workbench.annotations.fields import EXPORT_ROW_HEAD, FLAT_COLUMNS, positions
from workbench.articles.models import Project
from workbench.exports.common import Progress, Viewer
from workbench.exports.selectors import (
    export_entities,
    export_evidence,
    export_has_evidence,
    export_pages,
    page_entities_named,
)

HEADER = (
    "article_id",
    "article_title",
    "outlet",
    "url",
    "published",
    "annotation_id",
    "kind",
    "start",
    "end",
    "text",
    "speaker",
    "speaker_kind",
    "role",
    "quote_type",
    "claimant",
    "checkworthy",
    "verdict",
    "rationale",
    "sources",
    "annotator",
    "status",
    "revision",
    "anchor_state",
    "anchor_score",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ARTICLE_FIELDS = ("checksum", "title", "outlet", "url", "published")
ANNOTATION_FIELDS = ("kind", "exact", *FLAT_COLUMNS, "annotator_id", "status")
# An annotation row, read by name: each constant is where its column sits in ROW.
ROW = (*EXPORT_ROW_HEAD, *ANNOTATION_FIELDS)
PK, KIND, START, END, EXACT = positions(ROW, "pk", "kind", "start", "end", "exact")
SPEAKER, ROLE, QUOTE_TYPE = positions(ROW, "speaker_id", "role", "quote_type")
CLAIMANT, CLAIMANT_IS_OUTLET = positions(ROW, "claimant_id", "claimant_is_outlet")
CHECKWORTHY, VERDICT, RATIONALE = positions(ROW, "checkworthy", "verdict", "rationale")
ANNOTATOR, STATUS = positions(ROW, "annotator_id", "status")
REVISION, ANCHOR_STATE, ANCHOR_SCORE = positions(ROW, "revision", "anchor_state", "anchor_score")


def neutralise(cell: str) -> str:
    """Return the cell as text a spreadsheet will not evaluate as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def cell(value: str) -> str:
    """Return a text cell neutralised and quoted (RFC 4180: inner quotes doubled)."""
    if not value:
        return ""
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'


def stream(
    *, project: Project, user: Viewer, status: str, progress: Progress, base_url: str
) -> Iterator[bytes]:
    """Yield the project's annotations as CSV, the header first, then a page of articles per chunk.

    Rows are written by hand rather than with csv.writer, which costs a second per 100,000
    rows here: free text is always quoted, and cells repeated on many rows (article columns,
    names, labels, usernames) are encoded once.
    """
    yield (",".join(HEADER) + "\r\n").encode()
    encoded: dict[str, str] = {}

    def once(value: str) -> str:
        text = encoded.get(value)
        if text is None:
            text = encoded[value] = cell(value)
        return text

    # One cheap question instead of a query on every page of a project without evidence.
    any_evidence = export_has_evidence(project=project)
    for page in export_pages(
        project=project,
        user=user,
        article_fields=ARTICLE_FIELDS,
        annotation_fields=ANNOTATION_FIELDS,
    ):
        entity_ids, has_claims = page_entities_named(page, columns=ROW)
        entities = {
            pk: f"{once(entity['name'])},{entity['kind']}"
            for pk, entity in export_entities(ids=entity_ids).items()
        }
        evidence = export_evidence(article_ids=page.ids) if has_claims and any_evidence else {}
        usernames = page.usernames
        out = []
        for pk, checksum, title, outlet, url, published in page.articles:
            annotations = page.annotations.get(pk)
            if not annotations:
                continue
            day = published.isoformat() if published else ""
            article = f"{checksum},{cell(title)},{cell(outlet)},{cell(url)},{day}"
            outlet_name = cell(outlet or "(outlet)")
            for n, row in enumerate(annotations, start=1):
                annotation_status = row[STATUS]
                if status and annotation_status != status:
                    continue
                kind, speaker_id, claimant_id = row[KIND], row[SPEAKER], row[CLAIMANT]
                score = row[ANCHOR_SCORE]
                speaker = entities[speaker_id] if speaker_id is not None else ","
                if claimant_id is not None:
                    claimant = entities[claimant_id].rpartition(",")[0]
                else:
                    claimant = outlet_name if row[CLAIMANT_IS_OUTLET] else ""
                sources = evidence.get(row[PK]) if kind == "claim" else None
                out.append(
                    f"{article},{n},{kind},{row[START]},{row[END]},{cell(row[EXACT])},{speaker},"
                    f"{cell(row[ROLE])},{row[QUOTE_TYPE]},{claimant},{row[CHECKWORTHY]},"
                    f"{once(row[VERDICT])},{cell(row[RATIONALE])},"
                    f"{_sources(sources) if sources else ''},{once(usernames[row[ANNOTATOR]])},"
                    f"{annotation_status},{row[REVISION]},{row[ANCHOR_STATE]},"
                    f"{'' if score is None else score}\r\n"
                )
        yield "".join(out).encode("utf-8")
        if progress is not None:
            progress(len(page.articles))


def _sources(evidence: list[dict]) -> str:
    return cell(
        " | ".join(
            f"{item['stance']}: {item['source']['url'] or item['source']['title']}"
            for item in evidence
        )
    )
