"""The public surface: ``__all__`` is exactly what the package exports, and JSON keeps its shape."""

from __future__ import annotations

import json

import rashomon
from rashomon.pipeline import Analyzer


def test_public_api_all_matches_public_names() -> None:
    public = {
        name
        for name in vars(rashomon)
        if not name.startswith("_") and not isinstance(getattr(rashomon, name), type(rashomon))
        and name not in {"annotations", "logging"}
    } | {"__version__"}  # fmt: skip
    assert set(rashomon.__all__) == public
    assert sorted(rashomon.__all__) == list(rashomon.__all__)


def test_public_api_json_contract(analyzer: Analyzer) -> None:
    document = json.loads(
        analyzer.analyze("The army denied that it shelled the town, officials said.").to_json()
    )
    assert document["schema"] == "rashomon/1"
    assert set(document) == {"schema", "article", "entities", "attributions", "claims", "events"}
    attribution = document["attributions"][0]
    for key in ("id", "source", "cue", "content", "kind", "polarity", "sourcing", "claim"):
        assert key in attribution
    assert (
        document["article"]["text"][attribution["cue"]["start"] : attribution["cue"]["end"]]
        == (attribution["cue"]["text"])
    )
    for claim in document["claims"]:
        assert {"id", "text", "asserted_by", "denied_by", "outlet_voice", "contested"} <= set(claim)
