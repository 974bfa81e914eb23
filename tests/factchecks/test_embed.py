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


def _reference_vectors(texts: list[str]) -> np.ndarray:
    """Encode one text at a time the plain way, from the weights file: the encoder before its
    fused, in-place forward pass (three products a layer for q, k and v, scaled scores, erf
    GELU computed with sign and select, layer norm out of place), kept to check it against."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    folder = embed.model_dir()
    w = load_file(str(folder / "model.safetensors"))
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(max_length=embed.MAX_TOKENS)
    tokenizer.no_padding()  # tokenizer.json pads to 128; the mean is over real tokens

    def norm(x, name):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * w[name + ".weight"] + w[name + ".bias"]

    def linear(x, name):
        return x @ w[name + ".weight"].T + w[name + ".bias"]

    def erf(x):
        t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
        poly = t * (
            0.254829592
            + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
        )
        return np.sign(x) * (1.0 - poly * np.exp(-x * x))

    out = []
    for text in texts:
        ids = tokenizer.encode(text).ids
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][: len(ids)]
        x = norm(x + w["embeddings.token_type_embeddings.weight"][0], "embeddings.LayerNorm")
        for i in range(embed.LAYERS):
            p = f"encoder.layer.{i}."
            heads = [
                linear(x, p + f"attention.self.{n}").reshape(len(ids), embed.HEADS, -1)
                for n in ("query", "key", "value")
            ]
            q, k, v = (h.transpose(1, 0, 2) for h in heads)
            scores = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(q.shape[-1]))
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(len(ids), -1)
            x = norm(
                linear(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm"
            )
            up = linear(x, p + "intermediate.dense")
            up = up * 0.5 * (1.0 + erf(up / np.float32(np.sqrt(2.0))))
            x = norm(linear(up, p + "output.dense") + x, p + "output.LayerNorm")
        pooled = x.mean(0)
        out.append(pooled / np.linalg.norm(pooled))
    return np.array(out)


def test_encoder_matches_the_plain_forward_pass(encoder):
    # 300 texts of 1 to 60 words (numbers, names, a URL, punctuation), batched with padding.
    prose = (
        "the mayor said vaccines cause autism Obama was born in Kenya 2019 budget of 3.5 "
        "billion dollars https://t.co/x1 @realDonaldTrump #BuildTheWall won't crime rose "
        "percent Snopes claims photo shows protesters in Paris, not London!"
    )
    words = prose.split()
    rng = np.random.default_rng(17)
    texts = [" ".join(rng.choice(words, size=int(n))) for n in rng.integers(1, 60, size=300)]
    fast = encoder.encode(texts, batch_size=32)
    plain = _reference_vectors(texts)
    cosines = (fast * plain).sum(1) / np.linalg.norm(plain, axis=1)
    assert cosines.min() >= 0.9999
    assert np.abs(fast - plain).max() < 1e-4


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
    embed._load_encoder.cache_clear()
    embed.text_vectors.cache_clear()
    try:
        assert embed.model_dir() is None
        assert embed.load_encoder() is None
        assert not ranker_model.default_model().semantic
        with pytest.raises(embed.ModelFileError, match="not installed"):
            embed.similarity_features("a claim", [ranker_model.Candidate(id=1, text="a claim")])
    finally:
        embed._load_encoder.cache_clear()
        embed.text_vectors.cache_clear()
