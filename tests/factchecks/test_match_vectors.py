"""Matching reads the candidates' stored sentence vectors, and stores the missing ones."""

from __future__ import annotations

import numpy as np
import pytest

from tests.factchecks.conftest import UNEMPLOYMENT, claim_in, import_reviews, review
from workbench.annotations.models import Annotation
from workbench.factchecks.matching import FACTCHECK, find_matches, find_matches_many
from workbench.factchecks.models import ClaimVector, FactCheck, FactCheckVector
from workbench.factchecks.ranker import embed
from workbench.factchecks.ranker import model as ranker_model
from workbench.factchecks.ranker.embed import WEIGHTS_SHA256, from_bytes, to_bytes
from workbench.factchecks.vectors import CLAIM, candidate_vectors, digest

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(embed.model_dir() is None, reason="model package not installed"),
]

QUERY = "Did unemployment really fall to 3.1 percent last year?"


def test_a_match_stores_the_vectors_of_its_candidates_and_reads_them_next_time(checked):
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT, verdict="False")
    assert not FactCheckVector.objects.exists() and not ClaimVector.objects.exists()
    first = find_matches(user=checked.lead, team=checked.team, text=QUERY)
    check = FactCheck.objects.get(team=checked.team, claim_reviewed=UNEMPLOYMENT)
    stored = FactCheckVector.objects.get(factcheck=check)
    assert stored.model == WEIGHTS_SHA256[:12]
    fresh = embed.load_encoder().encode([UNEMPLOYMENT])[0]
    assert float(from_bytes(bytes(stored.vector)) @ fresh) > 0.999
    claimed = ClaimVector.objects.get(annotation_id=claim.pk)
    assert claimed.digest == digest(UNEMPLOYMENT)
    assert find_matches(user=checked.lead, team=checked.team, text=QUERY) == first


def test_the_stored_vector_decides_between_two_lexically_equal_fact_checks(world):
    """Same text, so only the stored vectors tell them apart: the match must follow them."""
    text = "Vaccines cause autism in young children"
    import_reviews(
        world.team,
        review("https://a.example/1", text, rating="False"),
        review("https://b.example/2", text, rating="True"),
    )
    near, far = FactCheck.objects.filter(team=world.team).order_by("url")
    asked = embed.load_encoder().encode([text])[0]
    version = WEIGHTS_SHA256[:12]
    FactCheckVector.objects.create(factcheck=far, model=version, vector=to_bytes(-asked))
    FactCheckVector.objects.create(factcheck=near, model=version, vector=to_bytes(asked))
    matches = find_matches(user=world.lead, team=world.team, text=text)
    # The far one scores under SHOWN and is not shown at all.
    assert [m.url for m in matches] == ["https://a.example/1"]
    # Swapped vectors, swapped order: nothing was re-encoded from the (equal) texts.
    FactCheckVector.objects.filter(factcheck=near).update(vector=to_bytes(-asked))
    FactCheckVector.objects.filter(factcheck=far).update(vector=to_bytes(asked))
    matches = find_matches(user=world.lead, team=world.team, text=text)
    assert [m.url for m in matches] == ["https://b.example/2"]


def test_a_reworded_claims_stale_vector_is_not_used_and_is_replaced(checked):
    claim = claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    version = WEIGHTS_SHA256[:12]
    stale = np.zeros(embed.DIMENSIONS, dtype=np.float32)
    stale[0] = 1.0
    ClaimVector.objects.create(
        annotation=claim, model=version, digest=digest("an older wording"), vector=to_bytes(stale)
    )
    found = candidate_vectors({}, {claim.pk: claim})
    fresh = embed.load_encoder().encode([UNEMPLOYMENT])[0]
    assert float(from_bytes(found[CLAIM, claim.pk]) @ fresh) > 0.999
    row = ClaimVector.objects.get(annotation=claim)
    assert row.digest == digest(UNEMPLOYMENT)
    assert float(from_bytes(bytes(row.vector)) @ fresh) > 0.999


def test_matching_stores_no_vector_of_another_teams_rows(checked):
    other_team = checked.other_project.team
    import_reviews(other_team, review("https://checker.example/unemployment", UNEMPLOYMENT))
    claim_in(checked.other_project, checked.outsider, UNEMPLOYMENT)
    matches = find_matches(user=checked.lead, team=checked.team, text=QUERY)
    assert {m.kind for m in matches} == {FACTCHECK}
    assert FactCheckVector.objects.exists()
    assert not FactCheckVector.objects.filter(factcheck__team=other_team).exists()
    others = Annotation.objects.filter(article__project__team=other_team)
    assert not ClaimVector.objects.filter(annotation__in=others).exists()
    # The outsider's match of the same text sees only its own team's rows.
    theirs = find_matches(user=checked.outsider, team=checked.team, text=QUERY)
    assert theirs == []


def test_without_embeddings_matching_works_and_writes_no_vector(checked, monkeypatch):
    lexical = ranker_model.load_model(ranker_model.WEIGHTS)
    assert not lexical.semantic
    monkeypatch.setattr(ranker_model, "default_model", lambda: lexical)
    matches = find_matches(user=checked.lead, team=checked.team, text=QUERY)
    assert matches[0].url == "https://checker.example/unemployment"
    assert not FactCheckVector.objects.exists() and not ClaimVector.objects.exists()


def test_many_texts_then_their_new_candidates_are_encoded_in_two_batches(checked, monkeypatch):
    claim_in(checked.project, checked.reviewer, UNEMPLOYMENT)
    cache = embed.text_vectors()
    monkeypatch.setattr(cache, "cache", {})
    calls = []
    encode = cache.encoder.encode
    monkeypatch.setattr(
        cache.encoder, "encode", lambda texts, **kw: calls.append(texts) or encode(texts, **kw)
    )
    texts = [QUERY, "Was the moon landing staged in a studio?", "Unemployment fell last year"]
    many = find_matches_many(user=checked.lead, team=checked.team, texts=texts)
    # The texts first (in a thread, while the database searches), then the new candidates;
    # nothing twice.
    assert len(calls) == 2 and sorted(calls[0]) == sorted(texts)
    assert calls[1] and not set(calls[1]) & set(texts)
    assert [bool(found) for found in many] == [True, True, True]


def test_a_team_with_nothing_to_match_never_loads_the_encoder(world, monkeypatch):
    # Loading reads 90 MB: the first sentences ranked for a team without fact-checks or
    # claims (nothing to match them against) must not wait for it.
    def refuse():
        raise AssertionError("the encoder was asked for")

    monkeypatch.setattr(embed, "encoder_loaded", lambda: False)
    monkeypatch.setattr(embed, "text_vectors", refuse)
    monkeypatch.setattr(embed, "load_encoder", refuse)
    many = find_matches_many(user=world.lead, team=world.team, texts=[QUERY, "Taxes rose."])
    assert many == [[], []]


def test_a_processs_first_match_encodes_its_texts_with_the_candidates_in_one_batch(
    checked, monkeypatch
):
    cache = embed.text_vectors()
    monkeypatch.setattr(cache, "cache", {})
    monkeypatch.setattr(embed, "encoder_loaded", lambda: False)  # as in a fresh process
    calls = []
    encode = cache.encoder.encode
    monkeypatch.setattr(
        cache.encoder, "encode", lambda texts, **kw: calls.append(texts) or encode(texts, **kw)
    )
    matches = find_matches(user=checked.lead, team=checked.team, text=QUERY)
    assert matches[0].url == "https://checker.example/unemployment"
    assert len(calls) == 1 and QUERY in calls[0] and len(calls[0]) > 1


def test_warming_loads_the_encoder_once_in_a_thread():
    embed.warm_encoder().join()
    assert embed.encoder_loaded() and embed.load_encoder() is embed.load_encoder()
