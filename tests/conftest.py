"""Fixtures shared by every test: one loaded pipeline per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from rashomon.extract.attribution.boundaries import BoundaryModel
from rashomon.extract.attribution.classifier import CueClassifier
from rashomon.extract.attribution.cues import CueLexicon, SourcingLexicon
from rashomon.extract.attribution.finder import find_attributions
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.scorer import AttributionScorer
from rashomon.model import Analysis, Attribution
from rashomon.nlp.loading import load_parser
from rashomon.pipeline import Analyzer

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def rules() -> Analyzer:
    """The lexicon alone, so that what the rules draw is tested apart from the models."""
    return Analyzer(mode="rules")


@pytest.fixture(scope="session")
def parser() -> Language:
    """rashomon's parse stage alone, for tests that drive the finder or the models directly."""
    return load_parser()


def find_with_models(doc: Doc, scorer: AttributionScorer | None = None) -> list[FoundAttribution]:
    """The finder with the shipped lexicon, cue classifier and boundary model (and ``scorer``)."""
    return find_attributions(
        doc,
        CueLexicon.default(),
        SourcingLexicon.default(),
        CueClassifier.default(),
        BoundaryModel.default(),
        scorer,
    )


def by_cue(analysis: Analysis, cue: str) -> Attribution:
    """The one attribution whose cue is ``cue`` (fails the test when there is none or several)."""
    found = [a for a in analysis.attributions if a.cue.text == cue]
    assert len(found) == 1, f"{len(found)} attributions with cue {cue!r}: {analysis.attributions}"
    return found[0]


def content_text(attribution: Attribution) -> str:
    return " ".join(piece.text for piece in attribution.content)


def said(analysis: Analysis, cue: str, source: str, content: str) -> Attribution:
    """The attribution with cue ``cue``, asserting its source and its content."""
    attribution = by_cue(analysis, cue)
    assert attribution.source is not None and attribution.source.text == source
    assert content_text(attribution) == content
    return attribution
