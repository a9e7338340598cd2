"""Learn the cue classifier from a BRAT attribution corpus (PolNeAR layout).

``train_cue_classifier`` parses every document with the installed spaCy model, collects the
candidate cues (verbs seen heading a gold cue, plus the lexicon's verbs, outside quotations),
and fits the hashed logistic regression of ``extract.attribution.classifier``. Parsing, the
feature hashing and the seeded shuffle are deterministic, so the same corpus gives the same
model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.evaluate.brat import GoldDocument, read_corpus
from rashomon.extract.attribution.classifier import CueClassifier, cue_features, train_classifier
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import CueLexicon, SourcingLexicon
from rashomon.nlp.loading import load_parser

__all__ = ["train_cue_classifier"]

logger = logging.getLogger(__name__)

_VERB_POS = {"VERB", "AUX"}


def train_cue_classifier(
    gold_dir: Path,
    *,
    nlp: Language | None = None,
    epochs: int = 6,
    batch_size: int = 16,
    progress: Callable[[int, int], None] | None = None,
) -> CueClassifier:
    """Train the cue classifier on the corpus in ``gold_dir``.

    Args:
        gold_dir: a folder with ``text/*.txt`` and ``attributions/*.ann``.
        nlp: the spaCy pipeline to parse with (rashomon's parse stage by default).
        epochs: passes of stochastic gradient descent.
        batch_size: documents parsed at once.
        progress: called with (documents parsed, documents in all).
    """
    documents = read_corpus(gold_dir)
    model = nlp if nlp is not None else load_parser()
    lexicon, sourcing = CueLexicon.default(), SourcingLexicon.default()
    logger.info("parsing %d documents", len(documents))
    parsed: list[tuple[Doc, set[int]]] = []
    texts = (document.text for document in documents)
    for done, (document, doc) in enumerate(
        zip(documents, model.pipe(texts, batch_size=batch_size), strict=True), start=1
    ):
        parsed.append((doc, _cue_heads(document, doc)))
        if progress is not None:
            progress(done, len(documents))
    lemmas = frozenset(
        {doc[i].lemma_.lower() for doc, heads in parsed for i in heads if doc[i].pos_ in _VERB_POS}
        | set(lexicon.verbs)
    )
    examples: list[tuple[list[str], bool]] = []
    for doc, heads in parsed:
        context = Context.build(doc, lexicon, sourcing)
        for token in doc:
            if token.pos_ not in _VERB_POS or token.lemma_.lower() not in lemmas:
                continue
            if context.inside_quote(token):
                continue
            features = cue_features(token, lexicon.verb_cue(token) is not None)
            examples.append((features, token.i in heads))
    logger.info("training on %d candidates, %d cues", len(examples), sum(y for _, y in examples))
    return train_classifier(examples, lemmas, epochs=epochs)


def _cue_heads(document: GoldDocument, doc: Doc) -> set[int]:
    """The head token of each gold cue."""
    heads: set[int] = set()
    for attribution in document.attributions:
        if not attribution.cue:
            continue
        span = doc.char_span(*attribution.cue[0], alignment_mode="expand")
        if span is not None:
            heads.add(span.root.i)
    return heads
