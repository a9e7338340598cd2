"""The attribution scorer: what it reads of a finished attribution, and what it keeps."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from conftest import find_with_models
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.extract.attribution.classifier import CueClassifier, hashed
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import CueLexicon, SourcingLexicon
from rashomon.extract.attribution.scorer import (
    AttributionScorer,
    attribution_features,
    settled,
)


def _features(doc: Doc, cue: str) -> list[str]:
    found = find_with_models(doc)
    index = next(n for n, a in enumerate(found) if doc.text[slice(*a.cue)] == cue)
    return attribution_features(_context(doc), found, index)


def _scorer(**weights: float) -> AttributionScorer:
    """A scorer that knows only the given features (everything else weighs nothing)."""
    vector = np.zeros(len(AttributionScorer.default().weights))
    for feature, weight in weights.items():
        vector[hashed([feature.replace("__", "=")])] = weight
    return AttributionScorer(vector)


def test_a_nested_act_and_the_act_holding_it_are_told_apart(parser: Language) -> None:
    # "claimed" sits inside what the senator said; PolNeAR marks such acts only sometimes.
    doc = parser("The senator said the governor claimed that the plan had failed.")
    outer, inner = _features(doc, "said"), _features(doc, "claimed")
    assert "holds=True" in outer and "nested=False" in outer
    assert "nested=True" in inner and "holds=False" in inner


def test_the_source_is_described_by_kind(parser: Language) -> None:
    # A pronoun speaker, a named one, and a passive report with nobody named.
    assert "source=pron" in _features(parser("She said the talks had failed."), "said")
    named = _features(parser("Angela Merkel said the talks had failed."), "said")
    assert "source=ent:PERSON" in named
    passive = parser("It was reported that the bridge collapsed.")
    assert "nosource" in _features(passive, "was reported")


def _context(doc: Doc) -> Context:
    classifier = AttributionScorer.default().candidates(CueClassifier.default())
    return Context.build(doc, CueLexicon.default(), SourcingLexicon.default(), classifier)


def test_cues_the_classifier_never_weighs_have_no_probability(parser: Language) -> None:
    # A noun cue is the lexicon's, not a candidate of the cue classifier.
    doc = parser("Officials pointed to a Reuters report that the plant would close.")
    found = find_with_models(doc)
    index = next(n for n, a in enumerate(found) if doc.text[slice(*a.cue)] == "report")
    assert "p=none" in attribution_features(_context(doc), found, index)
    said = parser("The police said the suspect fled on foot.")
    features = attribution_features(_context(said), find_with_models(said), 0)
    assert "p=none" not in features and any(f.startswith("p=") for f in features)


@pytest.mark.parametrize(
    ("sentence", "cue", "stands"),
    [
        # A speech verb governing a clause, or framing one, and a denial stand.
        ("The minister said that the talks had failed.", "said", True),
        ("The plan will fail, as the minister said.", "said", True),
        ("The ministry denied that troops had crossed the border.", "denied", True),
        # A noun cue is not the classifier's to propose.
        ("The embassy issued a statement saying the visas would be cancelled.",
         "issued a statement saying", True),
        # A stance the classifier proposed is the scorer's to judge.
        ("The senator praised the governor for her handling of the crisis.", "praised", False),
    ],
)  # fmt: skip
def test_the_scorer_judges_only_what_the_classifier_proposed(
    parser: Language, sentence: str, cue: str, stands: bool
) -> None:
    doc = parser(sentence)
    found = find_with_models(doc)
    attribution = next(a for a in found if doc.text[slice(*a.cue)] == cue)
    assert settled(_context(doc), attribution) is stands


def test_the_scorer_drops_what_it_does_not_believe_and_keeps_what_stands(
    parser: Language,
) -> None:
    doc = parser(
        "The senator praised the governor for her handling of the crisis, and the minister "
        "said that the plan had failed."
    )
    assert [doc.text[slice(*a.cue)] for a in find_with_models(doc)] == ["praised", "said"]
    assert [doc.text[slice(*a.cue)] for a in find_with_models(doc, _scorer(bias=-5.0))] == ["said"]
    assert len(find_with_models(doc, _scorer(bias=5.0))) == 2
    # "claimed" is nested in what the senator said; neither is the scorer's to drop.
    nested = parser("The senator said the governor claimed that the plan had failed.")
    assert len(find_with_models(nested, _scorer(nested__True=-5.0, bias=-5.0))) == 2


def test_a_scorer_lets_the_classifier_propose_from_its_own_threshold() -> None:
    classifier = CueClassifier.default()
    scorer = AttributionScorer(np.zeros(3), threshold=0.3, cue_threshold=0.05)
    proposing = scorer.candidates(classifier)
    assert proposing.threshold == 0.05 and classifier.threshold == 0.4
    assert proposing.weights is classifier.weights


def test_the_shipped_scorer_believes_a_plain_named_stance(parser: Language) -> None:
    doc = parser("The senator praised the governor for her handling of the crisis.")
    scorer = AttributionScorer.default()
    found = find_with_models(doc)
    assert not settled(_context(doc), found[0])
    assert scorer.probability(_context(doc), found, 0) > 0.6
    assert len(find_with_models(doc, scorer)) == 1


def test_the_scorer_round_trips_with_its_thresholds(tmp_path: Path) -> None:
    scorer = AttributionScorer(np.zeros(len(AttributionScorer.default().weights)), 0.35, 0.1)
    scorer.weights[hashed(["bias"])] = 1.5
    scorer.save(tmp_path / "scorer.npz")
    loaded = AttributionScorer.load(tmp_path / "scorer.npz")
    assert (loaded.threshold, loaded.cue_threshold) == (0.35, 0.1)
    assert np.allclose(loaded.weights, scorer.weights)


def test_every_attribution_the_scorer_weighs_gets_its_confidence(parser: Language) -> None:
    doc = parser(
        "The senator praised the governor for her handling of the crisis, and the minister "
        "said that the plan had failed."
    )
    kept = find_with_models(doc, _scorer(bias=-5.0))
    # "said" stands (a speech verb governing a clause) but carries the scorer's doubt.
    assert [(doc.text[slice(*a.cue)], a.confidence) for a in kept] == [("said", 0.007)]
    assert all(a.confidence is None for a in find_with_models(doc))
