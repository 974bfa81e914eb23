"""Stored sentence vectors of fact-checks and the re-ranker's MiniLM features."""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from tests.factchecks.conftest import import_reviews, review
from workbench.factchecks.models import FactCheck, FactCheckVector
from workbench.factchecks.ranker import Candidate, embed, rerank
from workbench.factchecks.ranker.embed import from_bytes, similarity_features, to_bytes
from workbench.factchecks.ranker.model import WEIGHTS_EMBED, default_model, load_model
from workbench.factchecks.selectors import factcheck_vectors
from workbench.factchecks.services import factcheck_vectors_fill

pytestmark = pytest.mark.skipif(embed.model_dir() is None, reason="model package not installed")

BORN = "Barack Obama was born in Kenya"
MOON = "The moon landing was staged in a film studio"


@pytest.fixture
def imported(world):
    import_reviews(
        world.team,
        review("https://checker.example/born", BORN),
        review("https://checker.example/moon", MOON),
    )
    import_reviews(world.other_project.team, review("https://checker.example/born", BORN))
    return world


def test_fill_embeds_only_the_teams_missing_factchecks(imported):
    assert factcheck_vectors_fill(team=imported.team) == 2
    assert factcheck_vectors_fill(team=imported.team) == 0
    assert not FactCheckVector.objects.filter(factcheck__team=imported.other_project.team).exists()


def test_stored_vector_is_the_texts_vector(imported):
    factcheck_vectors_fill(team=imported.team)
    check = FactCheck.objects.get(team=imported.team, claim_reviewed=BORN)
    stored = factcheck_vectors(ids=[check.pk])[check.pk]
    assert len(stored) == 768
    fresh = embed.load_encoder().encode([BORN])[0]
    assert float(from_bytes(stored) @ fresh) > 0.999


def test_reimport_with_new_wording_drops_the_vector_same_wording_keeps_it(imported):
    factcheck_vectors_fill(team=imported.team)
    import_reviews(imported.team, review("https://checker.example/moon", MOON, rating="True"))
    import_reviews(imported.team, review("https://checker.example/born", "Obama was born abroad"))
    kept = FactCheckVector.objects.filter(factcheck__team=imported.team)
    assert [v.factcheck.claim_reviewed for v in kept] == [MOON]
    assert factcheck_vectors_fill(team=imported.team) == 1


def test_embed_factchecks_command(imported):
    out = io.StringIO()
    call_command("embed_factchecks", "--team", "desk", stdout=out, stderr=io.StringIO())
    assert "2 fact-check(s) embedded." in out.getvalue()
    with pytest.raises(CommandError, match="No team"):
        call_command("embed_factchecks", "--team", "nope", stderr=io.StringIO())


def test_vector_bytes_round_trip_and_refuse_wrong_length():
    vector = np.linspace(-1, 1, embed.DIMENSIONS, dtype=np.float32)
    assert np.allclose(from_bytes(to_bytes(vector)), vector, atol=1e-3)
    with pytest.raises(ValueError, match="768 bytes"):
        from_bytes(b"\x00" * 10)


def test_similarity_features_same_with_stored_or_encoded_vectors():
    encoder = embed.load_encoder()
    stored = Candidate(id=1, text=BORN, vector=to_bytes(encoder.encode([BORN])[0]))
    plain = Candidate(id=1, text=BORN)
    other = Candidate(id=2, text=MOON, title="Apollo 11 hoax")
    query = "Obama was not born in the USA, he is Kenyan"
    a = similarity_features(query, [stored, other])
    b = similarity_features(query, [plain, other])
    assert a[0]["emb_claim"] == pytest.approx(b[0]["emb_claim"], abs=2e-3)
    assert a[0]["emb_claim"] > 0.5 > a[1]["emb_max"]
    assert a[0]["emb_rank"] == 1.0 and a[0]["emb_gap"] == 0.0
    assert a[0]["emb_title"] == a[0]["emb_claim"]  # no title: the text counts twice


def test_rerank_with_embedding_weights_finds_the_paraphrase():
    if not WEIGHTS_EMBED.exists():
        pytest.skip("weights-embed.json not trained yet")
    model = load_model(WEIGHTS_EMBED)
    assert model.semantic and not load_model().semantic
    assert default_model() is model  # the encoder is installed
    pool = [
        Candidate(id="moon", text=MOON),
        Candidate(id="born", text="Obama's birth certificate is a forgery from Kenya"),
        Candidate(id="tax", text="Obama raised taxes on the middle class"),
    ]
    ranked = rerank("Barack Obama was born in Africa, not Hawaii", pool, [3.0, 2.0, 2.5])
    assert ranked[0].candidate.id == "born"
    assert "emb_max" in ranked[0].features
