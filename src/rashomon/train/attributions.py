"""Learn the cue model from a BRAT attribution corpus (PolNeAR layout).

``train_cue_model`` parses every document of the corpus with the installed spaCy model and
counts which (lemma, part of speech, frame) keys head gold cues. Counting is deterministic, so
the same corpus and model give the same table byte for byte.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.evaluate.brat import GoldDocument, read_corpus
from rashomon.extract.attribution.learned import CueModel, count_cues
from rashomon.nlp.loading import load_model

__all__ = ["train_cue_model"]

logger = logging.getLogger(__name__)


def train_cue_model(
    gold_dir: Path,
    *,
    nlp: Language | None = None,
    batch_size: int = 16,
    progress: Callable[[int], None] | None = None,
) -> CueModel:
    """Count gold cues over the corpus in ``gold_dir``.

    Args:
        gold_dir: a folder with ``text/*.txt`` and ``attributions/*.ann``.
        nlp: the spaCy model to parse with (the installed English model by default).
        batch_size: documents parsed at once.
        progress: called with the number of documents done so far.
    """
    documents = read_corpus(gold_dir)
    model = nlp if nlp is not None else load_model()
    logger.info("training the cue model on %d documents", len(documents))

    def pairs() -> Iterator[tuple[Doc, list[tuple[int, int]]]]:
        texts = (document.text for document in documents)
        for done, (document, doc) in enumerate(
            zip(documents, model.pipe(texts, batch_size=batch_size), strict=True), start=1
        ):
            if progress is not None:
                progress(done)
            yield doc, _cue_spans(document)

    return count_cues(pairs())


def _cue_spans(document: GoldDocument) -> list[tuple[int, int]]:
    return [attribution.cue[0] for attribution in document.attributions if attribution.cue]
