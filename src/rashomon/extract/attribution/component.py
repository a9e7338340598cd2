"""The ``rashomon_attributions`` spaCy component.

Add it to any English pipeline with a parser::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("rashomon_attributions")
    doc = nlp(text)
    doc._.rashomon_attributions   # list of plain dicts: source, cue, content, kind, …
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.errors import ConfigError
from rashomon.extract.attribution.boundaries import BoundaryModel
from rashomon.extract.attribution.classifier import CueClassifier
from rashomon.extract.attribution.cues import CueLexicon, SourcingLexicon
from rashomon.extract.attribution.finder import find_attributions
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.scorer import AttributionScorer
from rashomon.lexicons import lexicons
from rashomon.nlp.component import RashomonPipe
from rashomon.nlp.extensions import ATTRIBUTIONS

__all__ = ["CUE_MODELS", "AttributionFinder"]

#: The cue models a finder can use: the models trained on PolNeAR (cue classifier, span
#: boundaries, attribution scorer), or none (the lexicon and the rules alone).
CUE_MODELS = ("polnear", "none")


class AttributionFinder(RashomonPipe[list[FoundAttribution]]):
    """Finds who said what; writes ``doc._.rashomon_attributions``.

    Args:
        nlp: the pipeline it belongs to.
        name: its name in the pipeline.
        cues: the registered name of the cue lexicon loader (``rashomon.cues.v1``); its
            rows name the cue words and the word classes the rules treat apart (listener
            and raising verbs, poll nouns …), so a lexicon of one's own carries both.
        sourcing: the registered name of the sourcing lexicon loader.
        cue_model: ``"polnear"`` to let the models trained on PolNeAR train decide cues in
            context, move span edges and weigh each finished attribution (the default), or
            ``"none"`` for the lexicon alone.
        min_confidence: keep only the attributions whose confidence reaches it (0 keeps
            what the scorer keeps); needs the ``"polnear"`` models, which give confidences.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "rashomon_attributions",
        *,
        cues: str = "rashomon.cues.v1",
        sourcing: str = "rashomon.sourcing.v1",
        cue_model: str = "polnear",
        min_confidence: float = 0.0,
    ) -> None:
        self.name = name
        self.cues = CueLexicon(lexicons.get(cues)())
        self.sourcing = SourcingLexicon(lexicons.get(sourcing)())
        if cue_model not in CUE_MODELS:
            raise ConfigError(
                f"unknown cue model {cue_model!r}; use one of {', '.join(CUE_MODELS)}",
                where="cue_model",
            )
        self.classifier = CueClassifier.default() if cue_model == "polnear" else None
        self.boundaries = BoundaryModel.default() if cue_model == "polnear" else None
        self.scorer = AttributionScorer.default() if cue_model == "polnear" else None
        if not 0.0 <= min_confidence <= 1.0:
            raise ConfigError(
                f"min_confidence must lie between 0 and 1, not {min_confidence}",
                where="min_confidence",
            )
        if min_confidence > 0.0:
            if self.scorer is None:
                raise ConfigError(
                    "min_confidence needs the default mode: the rules mode gives no confidence",
                    where="min_confidence",
                )
            self.scorer = replace(self.scorer, floor=min_confidence)

    def find(self, doc: Doc) -> list[FoundAttribution]:
        """Find the attributions without touching the ``Doc``."""
        return find_attributions(
            doc, self.cues, self.sourcing, self.classifier, self.boundaries, self.scorer
        )

    def set_annotations(self, doc: Doc, found: list[FoundAttribution]) -> None:
        """Store the attributions as plain data on the ``Doc``."""
        doc._.set(ATTRIBUTIONS, [a.to_data() for a in found])
