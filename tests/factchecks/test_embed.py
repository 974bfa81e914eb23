"""The numpy all-MiniLM-L6-v2 encoder (workbench.factchecks.ranker.embed)."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from workbench.factchecks.ranker import embed

pytestmark = pytest.mark.skipif(embed.model_dir() is None, reason="model package not installed")


@pytest.fixture(scope="module")
def encoder() -> embed.Encoder:
    loaded = embed.load_encoder()
    assert loaded is not None
    return loaded


def test_model_files_are_the_publishers():
    folder = embed.model_dir()
    assert embed.sha256(folder / "model.safetensors") == embed.WEIGHTS_SHA256
    assert embed.sha256(folder / "tokenizer.json") == embed.TOKENIZER_SHA256


def test_encoder_matches_reference_vector(encoder):
    # qdrant/fastembed's canonical values for "hello world" with this model (its ONNX export,
    # mean pooling, L2 norm: tests/test_text_onnx_embeddings.py), an independent implementation.
    vector = encoder.encode(["hello world", "flag embedding"])[0]
    reference = np.array([-0.034478, 0.03102, 0.00673, 0.02611, -0.039362])
    assert np.allclose(vector[:5], reference, atol=1e-4)


def test_encoder_vectors_have_unit_length(encoder):
    vectors = encoder.encode(["One.", "A much longer sentence about the budget of the city."])
    assert vectors.shape == (2, embed.DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encoder_paraphrases_close_unrelated_far(encoder):
    a, b, c = encoder.encode(
        [
            "Barack Obama was born in Kenya.",
            "Obama's birth certificate proves he was born in Hawaii, not Africa.",
            "The stock market fell sharply on Tuesday.",
        ]
    )
    assert a @ b > 0.6
    assert a @ c < 0.1


def test_encoder_batch_padding_does_not_change_vectors(encoder):
    short, long = "Vaccines cause autism.", "The mayor said the new bridge will cost " * 5
    alone = encoder.encode([short])[0]
    together = encoder.encode([long, short], batch_size=2)[1]
    assert np.allclose(alone, together, atol=1e-5)


def test_encoder_truncates_long_text_and_accepts_empty(encoder):
    vectors = encoder.encode(["word " * 2000, ""])
    assert np.isfinite(vectors).all()
    assert vectors.shape == (2, embed.DIMENSIONS)
    assert encoder.encode([]).shape == (0, embed.DIMENSIONS)


def test_encoder_refuses_tampered_weights(tmp_path):
    folder = embed.model_dir()
    for name in ("tokenizer.json", "model.safetensors"):
        shutil.copy(folder / name, tmp_path / name)
    with (tmp_path / "model.safetensors").open("r+b") as stream:
        stream.seek(-4, 2)
        stream.write(b"\x00\x00\x80\x7f")
    with pytest.raises(embed.ModelFileError, match="sha256 differs"):
        embed.Encoder(tmp_path)


def test_encoder_refuses_missing_file(tmp_path):
    with pytest.raises(embed.ModelFileError, match="missing"):
        embed.Encoder(tmp_path)


def test_without_the_model_package_the_lexical_weights_are_used(monkeypatch):
    from workbench.factchecks.ranker import model as ranker_model

    monkeypatch.setattr(embed.importlib.util, "find_spec", lambda name: None)
    embed.load_encoder.cache_clear()
    embed.text_vectors.cache_clear()
    try:
        assert embed.model_dir() is None
        assert embed.load_encoder() is None
        assert not ranker_model.default_model().semantic
        with pytest.raises(embed.ModelFileError, match="not installed"):
            embed.similarity_features("a claim", [ranker_model.Candidate(id=1, text="a claim")])
    finally:
        embed.load_encoder.cache_clear()
        embed.text_vectors.cache_clear()
