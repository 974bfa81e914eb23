"""W3C Web Annotation: one AnnotationCollection (JSON-LD), every annotation in one embedded page.

Valid against the W3C annotation-model test suite's "must" assertions
(`../shared/tools/w3c_validate.py`). The document is streamed: the first bytes are the
collection's `@context` and `type`, sent before the database is read; then its `id`, `label`,
`total` (one COUNT query) and `first`, an AnnotationPage whose `items` are written a page of
articles at a time.

- Collection `id`: `urn:factcheck-workbench:collection:<team>:<project>[:<status>]`; the page
  is that id plus `:page:1`, with `partOf` {`id`: the collection} (the test suite refuses a
  bare IRI there) and `startIndex` 0. Items inherit the collection's `@context`.
- Annotation `id`: `urn:factcheck-workbench:annotation:<team>:<project>:<checksum>:<n>`,
  where `checksum` and `n` are the JSON Lines ids of the article and the annotation, so the id
  is stable across exports and installations. `created`/`modified` are UTC `xsd:dateTime`s,
  `creator` is `{"type": "Person", "nickname": <username>}`.
- `motivation`: `identifying` for a quote (it says who is speaking), `assessing` for a claim
  with a verdict, `classifying` for a claim without one.
- `body`: a list of `TextualBody`s, each with its W3C `purpose`: `classifying` "quote" or
  "claim"; `identifying` the speaker's or claimant's name (the outlet's name for a claim the
  outlet makes), plus a `SpecificResource` on the Wikidata entity IRI when known;
  `describing` the speaker's role; `tagging` the quote type; `assessing` the verdict;
  `commenting` the rationale; and a `linking` `SpecificResource` per evidence source that
  has a URL (the model allows a purpose only on embedded text and specific resources).
  Comments are not exported here (they would be separate replying annotations); they are in
  JSON Lines.
- `target`: `source` is the article's URL, or `urn:factcheck-workbench:article:<checksum>`
  for pasted text, with a `TextQuoteSelector` (`exact`, and `prefix`/`suffix` when not empty)
  and a `TextPositionSelector` (`start`/`end`). Positions count Unicode code points of the
  stored, normalized body, as the Web Annotation model specifies; on a web page, the quote
  selector is what re-anchors.
- Revisions: every `target` also says which revision of the article its selectors read and
  how the annotation is anchored there, as extension properties named by absolute IRIs (JSON-LD
  needs no context for those, and the W3C model allows extensions):
  `urn:factcheck-workbench:revision` (the revision's number),
  `urn:factcheck-workbench:anchorState` (`exact`, `moved`, `fuzzy` or `orphaned`) and, for a
  one not placed exactly, `urn:factcheck-workbench:anchorScore` (0–1). In an article that was
  revised, the target has a `TimeState` whose `sourceDate` is when that revision was made: the
  selectors hold for the source as it was then. An orphan (its words were not found in the
  current text) is written with its old selectors, against its older revision, after the
  article's placed annotations; for pasted text its source is the URN of that revision's text
  (`urn:factcheck-workbench:article:<SHA-256 of the revision's text>`).
- A concurrent edit during a long export can make `total` differ from the items written.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson

from workbench.annotations.fields import (
    EXPORT_ROW_HEAD,
    FLAT_COLUMNS,
    SPAN_CONTEXT,
    TIMES,
    positions,
)
from workbench.articles.models import Project
from workbench.articles.services import body_checksum
from workbench.exports.common import URN, Progress, Viewer, annotation_urn, article_urn
from workbench.exports.selectors import (
    export_annotation_count,
    export_entities,
    export_evidence,
    export_has_revisions,
    export_pages,
    export_revisions,
    page_entities_named,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ARTICLE_FIELDS = ("checksum", "url", "outlet", "revision")
ANNOTATION_FIELDS = (
    "kind",
    "exact",
    *SPAN_CONTEXT,
    "annotator_id",
    "status",
    *TIMES,
    *(c for c in FLAT_COLUMNS if c != "checkworthy"),
)
# An annotation row, read by name: each constant is where its column sits in ROW.
ROW = (*EXPORT_ROW_HEAD, *ANNOTATION_FIELDS)
PK, KIND, START, END, EXACT = positions(ROW, "pk", "kind", "start", "end", "exact")
PREFIX, SUFFIX, CREATED, UPDATED = positions(ROW, "prefix", "suffix", "created", "updated")
ANNOTATOR, STATUS = positions(ROW, "annotator_id", "status")
SPEAKER, ROLE, QUOTE_TYPE = positions(ROW, "speaker_id", "role", "quote_type")
CLAIMANT, CLAIMANT_IS_OUTLET = positions(ROW, "claimant_id", "claimant_is_outlet")
VERDICT, RATIONALE = positions(ROW, "verdict", "rationale")
REVISION, ANCHOR_STATE, ANCHOR_SCORE = positions(ROW, "revision", "anchor_state", "anchor_score")
OPTIONS = orjson.OPT_UTC_Z | orjson.OPT_OMIT_MICROSECONDS
WIKIDATA = "http://www.wikidata.org/entity/"
# Extension properties (absolute IRIs): where an annotation stands in the article's revisions.
REVISION_IRI = f"{URN}:revision"
ANCHOR_STATE_IRI = f"{URN}:anchorState"
ANCHOR_SCORE_IRI = f"{URN}:anchorScore"


def collection_id(project: Project, status: str) -> str:
    """Return the collection's stable id: team, project and filter."""
    suffix = f":{status}" if status else ""
    return f"urn:factcheck-workbench:collection:{project.team.slug}:{project.slug}{suffix}"


def stream(
    *, project: Project, user: Viewer, status: str, progress: Progress, base_url: str
) -> Iterator[bytes]:
    """Yield the project's annotations as one AnnotationCollection, items a page at a time."""
    yield b'{"@context":"' + CONTEXT.encode() + b'","type":"AnnotationCollection"'
    total = export_annotation_count(project=project, user=user, status=status)
    collection = collection_id(project, status)
    label = f"{project.team.name}: {project.name}" + (f" ({status})" if status else "")
    head = {
        "id": collection,
        "label": label,
        "total": total,
    }
    # partOf as an object: the test suite's schemas refuse the (also valid) bare IRI.
    page_head = {
        "id": f"{collection}:page:1",
        "type": "AnnotationPage",
        "partOf": {"id": collection},
    }
    yield (
        b","
        + orjson.dumps(head)[1:-1]
        + b',"first":'
        + orjson.dumps(page_head)[:-1]
        + b',"startIndex":0,"items":['
    )
    separator = b"\n"
    any_revisions = export_has_revisions(project=project)
    for page in export_pages(
        project=project,
        user=user,
        article_fields=ARTICLE_FIELDS,
        annotation_fields=ANNOTATION_FIELDS,
    ):
        entity_ids, has_claims = page_entities_named(page, columns=ROW)
        entities = export_entities(ids=entity_ids)
        evidence = export_evidence(article_ids=page.ids) if has_claims else {}
        revisions = export_revisions(article_ids=page.ids) if any_revisions else {}
        usernames = page.usernames
        out = []
        for pk, checksum, url, outlet, current in page.articles:
            source = url or article_urn(checksum)
            by_number = {r["number"]: r for r in revisions.get(pk, ())}
            for n, row in enumerate(page.annotations.get(pk, ()), start=1):
                if status and row[STATUS] != status:
                    continue
                annotator = usernames[row[ANNOTATOR]]
                item = _annotation(
                    project, checksum, n, source, outlet, annotator, row, entities, evidence
                )
                _anchor(item["target"], row, by_number.get(row[REVISION]), current, url)
                out.append(separator)
                out.append(orjson.dumps(item, option=OPTIONS))
                separator = b",\n"
        if out:
            yield b"".join(out)
        if progress is not None:
            progress(len(page.articles))
    yield b"\n]}}\n"


def _annotation(
    project: Project,
    checksum: str,
    ordinal: int,
    source: str,
    outlet: str,
    annotator: str,
    row: tuple,
    entities: dict[int, dict],
    evidence: dict[int, list[dict]],
) -> dict:
    pk, kind = row[PK], row[KIND]
    body = [_text("classifying", kind)]
    if kind == "quote":
        motivation = "identifying"
        body += _entity(entities.get(row[SPEAKER]))
        role, quote_type = row[ROLE], row[QUOTE_TYPE]
        if role:
            body.append(_text("describing", role))
        if quote_type:
            body.append(_text("tagging", quote_type))
    else:
        verdict, rationale = row[VERDICT], row[RATIONALE]
        motivation = "assessing" if verdict else "classifying"
        if row[CLAIMANT_IS_OUTLET] and outlet:
            body.append(_text("identifying", outlet))
        body += _entity(entities.get(row[CLAIMANT]))
        if verdict:
            body.append(_text("assessing", verdict))
        if rationale:
            body.append(_text("commenting", rationale))
        for item in evidence.get(pk, ()):
            if item["source"]["url"]:
                # A purpose needs a SpecificResource: an external resource may not carry one.
                body.append(
                    {
                        "type": "SpecificResource",
                        "source": item["source"]["url"],
                        "purpose": "linking",
                    }
                )
    quote_selector = {"type": "TextQuoteSelector", "exact": row[EXACT]}
    prefix, suffix = row[PREFIX], row[SUFFIX]
    if prefix:
        quote_selector["prefix"] = prefix
    if suffix:
        quote_selector["suffix"] = suffix
    return {
        "id": annotation_urn(project, checksum, ordinal),
        "type": "Annotation",
        "motivation": motivation,
        "created": row[CREATED],
        "modified": row[UPDATED],
        "creator": {"type": "Person", "nickname": annotator},
        "body": body,
        "target": {
            "source": source,
            "selector": [
                quote_selector,
                {"type": "TextPositionSelector", "start": row[START], "end": row[END]},
            ],
        },
    }


def _anchor(target: dict, row: tuple, revision: dict | None, current: int, url: str) -> None:
    """Say which revision the target's selectors read, and how the annotation is anchored."""
    number, state, score = row[REVISION], row[ANCHOR_STATE], row[ANCHOR_SCORE]
    if revision is not None:
        if number != current and not url:
            # Pasted text is named by its checksum: an older revision's text has its own.
            target["source"] = article_urn(body_checksum(revision["text"]))
        target["state"] = {"type": "TimeState", "sourceDate": revision["created"]}
    target[REVISION_IRI] = number
    target[ANCHOR_STATE_IRI] = state
    if score is not None and state != "exact":
        target[ANCHOR_SCORE_IRI] = score


def _text(purpose: str, value: str) -> dict:
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


def _entity(entity: dict | None) -> list[dict]:
    if entity is None:
        return []
    bodies = [_text("identifying", entity["name"])]
    if entity["wikidata_id"]:
        bodies.append(
            {
                "type": "SpecificResource",
                "source": WIKIDATA + entity["wikidata_id"],
                "purpose": "identifying",
            }
        )
    return bodies
