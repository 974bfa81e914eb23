"""JSON Lines: one article per line with its annotations nested, the dataset researchers load.

`pandas.read_json(path, lines=True)` or `datasets.load_dataset("json", data_files=path)` reads
it. Each line (keys always in this order, so that two exports of the same data are the same
bytes):

- `id`: the article's checksum (SHA-256 of its body, hex). Database ids differ between
  installations; the checksum is unique within a project and survives an export → import →
  export round trip. Then `title`, `title_is_provisional`, `outlet`, `byline`, `url`,
  `published`, `language`, `syndicated_by`, `retrieved`, `is_truncated`, `status` (the
  article's review status), `project` ({`team`, `team_name`, `slug`, `name`,
  `rating_scale`, `rating_axis` (how many of the scale's first labels rate truth; null:
  the usual, see Project.axis_length)}), `body` (exactly as stored: spans index it in code
  points), `revision` (the number of the body's revision, 1 for a text never revised),
  `revisions` and `annotations`.
- `revisions`: the article's texts, oldest first, the last being the body: [{`number`,
  `origin` (import, fetch, paste, cleanup), `stealth` (its words changed without a visible
  correction notice), `created_by` (username or null), `created` (UTC, microseconds),
  `text`}]; an article never revised has none (`[]`).
- Every article of the project is written, also under a status filter: an article without a
  matching annotation comes with an empty `annotations` list (a negative example is data too).
- `annotations`, in text order (start, longer first, then creation). `id` is the annotation's
  ordinal within its article (1, 2, …) counted over all its annotations, so it is the same in a
  filtered and an unfiltered export and after a round trip. Then `kind`, `start`, `end`
  (code points, end exclusive), `exact`, `prefix`, `suffix`, `annotator` (username), `status`,
  `version`, `revision` (the number of the revision the span indexes), `anchor_state` (how
  the last new revision placed it: `exact`, `moved`, `fuzzy` with its `anchor_score` (0–1,
  null otherwise), or `orphaned`). An orphan's words were not found again: its span, `exact`,
  `prefix` and `suffix` are as they were in its older `revision`, whose text is in
  `revisions`; orphans come after the placed annotations. Every annotation has every key,
  so the schema is the same for all rows; the other
  kind's keys are null, "" or false:
  - quote: `speaker` ({`name`, `kind`, `aliases`, `description`, `wikidata_id`} or null),
    `role`, `speaker_mention` and `cue` ({`start`, `end`, `text`} or null), `quote_type`;
  - claim: `claimant` (an entity object or null), `claimant_is_outlet`, `quote` (the `id` of
    the quote it was made in, or null when there is none or it is not in this export),
    `checkworthy`, `verdict`, `rationale`, `evidence` ([{`source`: {`url`, `title`,
    `publisher`, `published`, `archived_url`, `kind`}, `stance`, `excerpt`, `note`}], oldest
    first);
  - both: `comments` ([{`author` (username or null), `text`, `created` (UTC, microseconds)}]).
- Dates are `YYYY-MM-DD`, times ISO 8601 in UTC with `Z`; text is UTF-8, unescaped.
Annotation timestamps and history are not part of the dataset; comment times are, because a
thread is read in their order.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson

from workbench.annotations.fields import (
    CLAIM_COLUMNS,
    EXPORT_ROW_HEAD,
    QUOTE_COLUMNS,
    REVIEW_FIELDS,
    SPAN_CONTEXT,
    positions,
)
from workbench.articles.models import Project
from workbench.exports.common import Progress, Viewer, project_record
from workbench.exports.selectors import (
    export_comments,
    export_entities,
    export_evidence,
    export_has_comments,
    export_has_evidence,
    export_has_revisions,
    export_pages,
    export_revisions,
    page_entities_named,
)

ARTICLE_FIELDS = (
    "checksum",
    "title",
    "title_is_provisional",
    "outlet",
    "byline",
    "url",
    "published",
    "language",
    "syndicated_by",
    "retrieved",
    "is_truncated",
    "status",
    "body",
    "revision",
)
ANNOTATION_FIELDS = ("kind", "exact", *SPAN_CONTEXT, *REVIEW_FIELDS, *QUOTE_COLUMNS, *CLAIM_COLUMNS)
# An annotation row, read by name: each constant is where its column sits in ROW.
ROW = (*EXPORT_ROW_HEAD, *ANNOTATION_FIELDS)
PK, START, END, KIND, EXACT = positions(ROW, "pk", "start", "end", "kind", "exact")
PREFIX, SUFFIX = positions(ROW, "prefix", "suffix")
ANNOTATOR, STATUS, VERSION = positions(ROW, "annotator_id", "status", "version")
REVISION, ANCHOR_STATE, ANCHOR_SCORE = positions(ROW, "revision", "anchor_state", "anchor_score")
SPEAKER, ROLE, QUOTE_TYPE = positions(ROW, "speaker_id", "role", "quote_type")
MENTION_START, MENTION_END = positions(ROW, "mention_start", "mention_end")
MENTION_EXACT, CUE_EXACT = positions(ROW, "mention_exact", "cue_exact")
CUE_START, CUE_END, QUOTE = positions(ROW, "cue_start", "cue_end", "quote_id")
CLAIMANT, CLAIMANT_IS_OUTLET = positions(ROW, "claimant_id", "claimant_is_outlet")
CHECKWORTHY, VERDICT, RATIONALE = positions(ROW, "checkworthy", "verdict", "rationale")
OPTIONS = orjson.OPT_APPEND_NEWLINE | orjson.OPT_UTC_Z
NOTHING: list = []


def stream(
    *, project: Project, user: Viewer, status: str, progress: Progress, base_url: str
) -> Iterator[bytes]:
    """Yield the project as JSON Lines, a page of articles per chunk."""
    dumps = orjson.dumps
    # The same header on every line: serialised once, spliced in as it is.
    header = orjson.Fragment(dumps(project_record(project)))
    # Two cheap questions once, instead of two queries on every page of a project without any.
    any_evidence = export_has_evidence(project=project)
    any_comments = export_has_comments(project=project)
    any_revisions = export_has_revisions(project=project)
    for page in export_pages(
        project=project,
        user=user,
        article_fields=ARTICLE_FIELDS,
        annotation_fields=ANNOTATION_FIELDS,
    ):
        entity_ids, has_claims = page_entities_named(page, columns=ROW)
        entities = export_entities(ids=entity_ids)
        evidence = export_evidence(article_ids=page.ids) if has_claims and any_evidence else {}
        comments = (
            export_comments(article_ids=page.ids) if page.annotations and any_comments else {}
        )
        revisions = export_revisions(article_ids=page.ids) if any_revisions else {}
        usernames = page.usernames
        annotations_of = page.annotations.get
        lines = []
        append = lines.append
        for (
            pk,
            checksum,
            title,
            provisional,
            outlet,
            byline,
            url,
            published,
            language,
            syndicated_by,
            retrieved,
            is_truncated,
            article_status,
            body,
            revision,
        ) in page.articles:
            rows = annotations_of(pk)
            annotations = (
                _annotations(rows, status, usernames, entities, evidence, comments) if rows else []
            )
            append(
                dumps(
                    {
                        "id": checksum,
                        "title": title,
                        "title_is_provisional": provisional,
                        "outlet": outlet,
                        "byline": byline,
                        "url": url,
                        "published": published,
                        "language": language,
                        "syndicated_by": syndicated_by,
                        "retrieved": retrieved,
                        "is_truncated": is_truncated,
                        "status": article_status,
                        "project": header,
                        "body": body,
                        "revision": revision,
                        "revisions": revisions.get(pk, NOTHING),
                        "annotations": annotations,
                    },
                    option=OPTIONS,
                )
            )
        yield b"".join(lines)
        if progress is not None:
            progress(len(page.articles))


def _annotations(
    rows: list[tuple],
    status: str,
    usernames: dict[int, str],
    entities: dict[int, dict],
    evidence: dict[int, list[dict]],
    comments: dict[int, list[dict]],
) -> list[dict]:
    # The hot loop of the export (once per annotation): bound methods instead of attribute
    # lookups, and no lookup at all where there is nothing to find.
    written: list[dict] = []
    append = written.append
    entity, evidence_of, comments_of, truth = entities.get, evidence.get, comments.get, bool
    quotes = False
    n = 0
    for row in rows:
        n += 1
        annotation_status = row[STATUS]
        if status and annotation_status != status:
            continue
        pk, kind, quote_id = row[PK], row[KIND], row[QUOTE]
        if quote_id is not None:
            quotes = True
        speaker_id, mention_start, cue_start = row[SPEAKER], row[MENTION_START], row[CUE_START]
        claimant_id = row[CLAIMANT]
        append(
            {
                "id": n,
                "kind": kind,
                "start": row[START],
                "end": row[END],
                "exact": row[EXACT],
                "prefix": row[PREFIX],
                "suffix": row[SUFFIX],
                "annotator": usernames[row[ANNOTATOR]],
                "status": annotation_status,
                "version": row[VERSION],
                "revision": row[REVISION],
                "anchor_state": row[ANCHOR_STATE],
                "anchor_score": row[ANCHOR_SCORE],
                "speaker": None if speaker_id is None else entity(speaker_id),
                "role": row[ROLE],
                "speaker_mention": None
                if mention_start is None
                else {"start": mention_start, "end": row[MENTION_END], "text": row[MENTION_EXACT]},
                "cue": None
                if cue_start is None
                else {"start": cue_start, "end": row[CUE_END], "text": row[CUE_EXACT]},
                "quote_type": row[QUOTE_TYPE],
                "claimant": None if claimant_id is None else entity(claimant_id),
                "claimant_is_outlet": truth(row[CLAIMANT_IS_OUTLET]),
                "quote": quote_id,
                "checkworthy": row[CHECKWORTHY],
                "verdict": row[VERDICT],
                "rationale": row[RATIONALE],
                "evidence": evidence_of(pk, NOTHING) if kind == "claim" else NOTHING,
                "comments": comments_of(pk, NOTHING) if comments else NOTHING,
            }
        )
    if quotes:
        # Database ids become ordinals; a quote left out by the status filter has none here.
        ordinals = {
            row[PK]: n for n, row in enumerate(rows, start=1) if not status or row[STATUS] == status
        }
        for item in written:
            if item["quote"] is not None:
                item["quote"] = ordinals.get(item["quote"])
    return written
