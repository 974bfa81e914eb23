"""The stored sentence vectors of a match's candidates: read in one query a kind, filled if missing.

`find_matches_many` asks `candidate_vectors` for the vectors of every candidate it fetched
(fact-checks and team claims, already scoped by the selectors) and hands them to the
re-ranker as `ranker.Candidate.vector`, so a match encodes only its query. Candidates with no
vector (a fact-check imported without embedding, a claim never matched, a reworded claim) are
encoded here in one batch and stored, so the next match finds them. Without the model package
nothing is read or written and the re-ranker uses its lexical weights.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence

from django.db import IntegrityError, transaction

from workbench.annotations.models import Annotation
from workbench.factchecks.models import ClaimVector, FactCheck, FactCheckVector

FACTCHECK, CLAIM = "factcheck", "claim"
Key = tuple[str, int]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def encode_ahead(queries: Sequence[str]) -> threading.Thread | None:
    """Start encoding the texts being matched in a thread; None when there is nothing to do.

    Join it before `candidate_vectors`, which then finds the queries' vectors in the cache: the
    encoder (about 20 ms of CPU for a 40-token query) runs while the database answers. Only
    once the process has loaded the encoder: loading reads 90 MB, which a match with no
    candidates (a team with no fact-checks or claims yet) never needs, and `candidate_vectors`
    encodes the queries with the candidates when there are some.
    """
    from workbench.factchecks.ranker.embed import encoder_loaded, text_vectors
    from workbench.factchecks.ranker.model import default_model

    if not queries or not encoder_loaded():
        return None
    vectors = text_vectors()
    if vectors is None or not default_model().semantic:
        return None
    return vectors.encode_ahead(list(queries))


def candidate_vectors(
    checks: dict[int, FactCheck], claims: dict[int, Annotation], queries: Sequence[str] = ()
) -> dict[Key, bytes]:
    """Return {(kind, id): vector} for these candidates; compute and store the missing ones.

    At most two reads and two writes whatever the number of candidates. The `queries` (the
    texts being matched) are encoded in the same batch and kept in the process's cache, where
    the re-ranker finds them. Returns {} when the re-ranker does not use embeddings (model
    package not installed).
    """
    from workbench.factchecks.ranker.embed import WEIGHTS_SHA256, text_vectors, to_bytes
    from workbench.factchecks.ranker.model import default_model

    if not (checks or claims) or not default_model().semantic:
        return {}
    version = WEIGHTS_SHA256[:12]
    found: dict[Key, bytes] = {}
    if checks:
        rows = FactCheckVector.objects.filter(factcheck_id__in=list(checks), model=version)
        for pk, vector in rows.values_list("factcheck_id", "vector"):
            found[FACTCHECK, pk] = bytes(vector)
    digests = {pk: digest(claim.exact) for pk, claim in claims.items()}
    if claims:
        rows = ClaimVector.objects.filter(annotation_id__in=list(claims), model=version)
        for pk, text_digest, vector in rows.values_list("annotation_id", "digest", "vector"):
            if digests.get(pk) == text_digest:  # a reworded claim's vector is stale
                found[CLAIM, pk] = bytes(vector)
    missing = [(FACTCHECK, pk, c.claim_reviewed) for pk, c in checks.items()]
    missing += [(CLAIM, pk, c.exact) for pk, c in claims.items()]
    missing = [item for item in missing if (item[0], item[1]) not in found]
    vectors = text_vectors()
    if vectors is None:  # pragma: no cover - default_model() is semantic only with the encoder
        return found
    encoded = vectors.get([text for _k, _pk, text in missing] + list(queries))
    if not missing:
        return found
    for (kind, pk, _text), vector in zip(missing, encoded, strict=False):
        found[kind, pk] = to_bytes(vector)
    _store(
        [
            FactCheckVector(factcheck_id=pk, model=version, vector=found[kind, pk])
            for kind, pk, _text in missing
            if kind == FACTCHECK
        ],
        [
            ClaimVector(annotation_id=pk, model=version, digest=digests[pk], vector=found[kind, pk])
            for kind, pk, _text in missing
            if kind == CLAIM
        ],
    )
    return found


def _store(checks: list[FactCheckVector], claims: list[ClaimVector]) -> None:
    """Write the new vectors, replacing stale ones; a row deleted meanwhile is skipped."""
    try:
        with transaction.atomic():
            if checks:
                FactCheckVector.objects.bulk_create(
                    checks,
                    update_conflicts=True,
                    unique_fields=["factcheck"],
                    update_fields=["model", "vector"],
                )
            if claims:
                ClaimVector.objects.bulk_create(
                    claims,
                    update_conflicts=True,
                    unique_fields=["annotation"],
                    update_fields=["model", "digest", "vector"],
                )
    except IntegrityError:
        # A candidate deleted since it was read: the vectors are kept for this match only
        # and stored by a later one.
        pass
