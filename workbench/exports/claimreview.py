"""schema.org ClaimReview: a JSON array of ClaimReview objects, one per claim with a verdict.

A JSON-LD array of self-contained objects, each with `"@context": "https://schema.org"`, is
what structured-data consumers (search engines' fact-check markup, the Google Fact Check
tools, ClaimReview aggregators) read; the array is streamed, one object per line, `[` first
(before the database is read) and `]` last. Each object:

- `url`: where the review lives. With `base_url` (the API passes the site's origin), the
  claim's page in the workbench, `<base_url>/articles/<id>/#annotation-<id>`; without it, the
  claim's stable URN (`urn:factcheck-workbench:annotation:…`, as in the W3C export), because a
  command-line export does not know the site's address.
- `claimReviewed`: the claim's text. `datePublished`: the date (UTC) the claim was last
  changed, which is when its verdict was last set or confirmed.
- `author`: the reviewing team, an `Organization` (with `url` = `base_url` when given).
- `reviewRating`: a `Rating` whose `alternateName` is the verdict label. A verdict on the
  project's true–false axis (the scale's first `rating_axis` labels, best first) also has
  `ratingValue`, its position counted from the worst: the first label rates the axis' length
  (= `bestRating`) and the last rates 1 (= `worstRating`). A verdict off that axis, such as
  "Misleading" or "Unverifiable" (or one no longer on the scale), has `alternateName` only: a
  number would place it on a line of truth where it does not belong.
- `itemReviewed`: a `Claim` with `author` (the claimant: a `Person` for a person, an
  `Organization` for an organisation or anything else, with `sameAs` its Wikidata IRI when
  known; for a claim the outlet makes, or one with no claimant, the quote's speaker when the
  claim sits in a quote, else the outlet as an `Organization`; omitted only when none is
  known), `appearance` (the article: a `NewsArticle` when it has an outlet, else a
  `CreativeWork`, with `url`, `headline`, `datePublished` and `publisher` when known; a
  provisional title, one the cleaner took from the text because the input had none, is never
  published as a `headline`) and `firstAppearance` (the same article).
- A claim orphaned by a new revision of its article (its words are no longer in the text) is
  still written, with `claimReviewed` its words as they were: the review stands for what the
  article said then. ClaimReview has no place for spans or revisions; JSON Lines has them.
- Only claims whose status passes the filter are written: approved ones unless asked
  otherwise (see streaming.export_status), since this is markup for publication.
"""

from __future__ import annotations

from collections.abc import Iterator

import orjson
from django.urls import reverse

from workbench.annotations.fields import EXPORT_ROW_HEAD, positions
from workbench.articles.models import Project
from workbench.exports.common import Progress, Viewer, annotation_urn
from workbench.exports.selectors import (
    export_article_count,
    export_entities,
    export_has_rated_claims,
    export_pages,
)

ARTICLE_FIELDS = ("checksum", "title", "title_is_provisional", "outlet", "url", "published")
ANNOTATION_FIELDS = (
    "kind",
    "exact",
    "status",
    "verdict",
    "updated",
    "claimant_id",
    "claimant_is_outlet",
    "quote__speaker_id",
)
# An annotation row, read by name: each constant is where its column sits in ROW.
ROW = (*EXPORT_ROW_HEAD, *ANNOTATION_FIELDS)
PK, KIND, EXACT, STATUS, VERDICT = positions(ROW, "pk", "kind", "exact", "status", "verdict")
UPDATED, QUOTE_SPEAKER = positions(ROW, "updated", "quote__speaker_id")
CLAIMANT, CLAIMANT_IS_OUTLET = positions(ROW, "claimant_id", "claimant_is_outlet")
OPTIONS = orjson.OPT_UTC_Z
WIKIDATA = "http://www.wikidata.org/entity/"


def stream(
    *, project: Project, user: Viewer, status: str, progress: Progress, base_url: str
) -> Iterator[bytes]:
    """Yield a JSON array of ClaimReview objects for the project's claims with a verdict."""
    yield b"["
    ratings = project.rating_values
    best = max(ratings.values(), default=0)
    reviewer = {"@type": "Organization", "name": project.team.name}
    if base_url:
        reviewer["url"] = base_url
    separator = b"\n"
    if not export_has_rated_claims(project=project, user=user, status=status):
        # Nothing to write: one indexed question instead of reading every annotation.
        if progress is not None:
            progress(export_article_count(project=project))
        yield b"\n]\n"
        return
    for page in export_pages(
        project=project,
        user=user,
        article_fields=ARTICLE_FIELDS,
        annotation_fields=ANNOTATION_FIELDS,
    ):
        entity_ids = {
            entity_id
            for rows in page.annotations.values()
            for row in rows
            if row[KIND] == "claim" and row[VERDICT]
            for entity_id in (row[CLAIMANT], row[QUOTE_SPEAKER])
            if entity_id is not None
        }
        entities = export_entities(ids=entity_ids)
        out = []
        for pk, checksum, title, provisional, outlet, url, published in page.articles:
            appearance = None
            for n, row in enumerate(page.annotations.get(pk, ()), start=1):
                kind, verdict, annotation_status = row[KIND], row[VERDICT], row[STATUS]
                if kind != "claim" or not verdict or (status and annotation_status != status):
                    continue
                if appearance is None:
                    appearance = _appearance("" if provisional else title, outlet, url, published)
                if base_url:
                    link = f"{base_url}{reverse('articles:article_detail', args=[pk])}"
                    link += f"#annotation-{row[PK]}"
                else:
                    link = annotation_urn(project, checksum, n)
                claim = {"@type": "Claim"}
                author = _claimant(
                    entities.get(row[CLAIMANT]),
                    outlet if row[CLAIMANT_IS_OUTLET] else "",
                    entities.get(row[QUOTE_SPEAKER]),
                    outlet,
                )
                if author is not None:
                    claim["author"] = author
                claim["appearance"] = appearance
                claim["firstAppearance"] = appearance
                review = {
                    "@context": "https://schema.org",
                    "@type": "ClaimReview",
                    "url": link,
                    "claimReviewed": row[EXACT],
                    "datePublished": row[UPDATED].date(),
                    "author": reviewer,
                    "reviewRating": _rating(verdict, ratings.get(verdict), best),
                    "itemReviewed": claim,
                }
                out.append(separator)
                out.append(orjson.dumps(review, option=OPTIONS))
                separator = b",\n"
        if out:
            yield b"".join(out)
        if progress is not None:
            progress(len(page.articles))
    yield b"\n]\n"


def _rating(verdict: str, value: int | None, best: int) -> dict:
    """Return the Rating: numeric only for a verdict on the true–false axis."""
    if value is None:
        return {"@type": "Rating", "alternateName": verdict}
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": best,
        "worstRating": 1,
        "alternateName": verdict,
    }


def _appearance(title: str, outlet: str, url: str, published: object) -> dict:
    work: dict = {"@type": "NewsArticle" if outlet else "CreativeWork"}
    if title:
        work["headline"] = title
    if url:
        work["url"] = url
    if published:
        work["datePublished"] = published
    if outlet:
        work["publisher"] = {"@type": "Organization", "name": outlet}
    return work


def _claimant(
    claimant: dict | None, outlet_claims: str, speaker: dict | None, outlet: str
) -> dict | None:
    """Return who made the claim: claimant, claiming outlet, quote's speaker or printing outlet."""
    if claimant is not None:
        return _agent(claimant)
    if outlet_claims:
        return {"@type": "Organization", "name": outlet_claims}
    if speaker is not None:
        return _agent(speaker)
    if outlet:
        return {"@type": "Organization", "name": outlet}
    return None


def _agent(entity: dict) -> dict:
    agent = {
        "@type": "Person" if entity["kind"] == "person" else "Organization",
        "name": entity["name"],
    }
    if entity["wikidata_id"]:
        agent["sameAs"] = WIKIDATA + entity["wikidata_id"]
    return agent
