"""Every spaCy factory rashomon provides, registered in one place.

A spaCy user can ``nlp.add_pipe("rashomon_attributions")`` once rashomon is installed: the
package declares this module under the ``spacy_factories`` entry point, so spaCy imports it
when a pipeline is built. Component classes are imported inside the factories so that this
module stays cheap to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Token

from rashomon.nlp import extensions

if TYPE_CHECKING:
    from rashomon.extract.attribution.component import AttributionFinder
    from rashomon.extract.entities.component import EntityLinker
    from rashomon.extract.events.component import EventFinder
    from rashomon.nlp.headlines import HeadlineRecaser

__all__ = [
    "break_sentences_at_lines",
    "make_headline_recaser",
    "make_attribution_finder",
    "make_entity_linker",
    "make_event_finder",
]


@Language.component(
    "rashomon_line_breaks",
    assigns=["token.is_sent_start"],
)
def break_sentences_at_lines(doc: Doc) -> Doc:
    """Start a sentence after every line break; put it before the parser.

    Headlines, bylines and datelines have no final period ("Minister denies strike claims"
    above "The minister denied …"); without this the parser reads them into the next
    sentence and the headline's verb takes the story's subject.
    """
    for token in doc:
        previous = doc[token.i - 1] if token.i > 0 else None
        if (
            previous is not None
            and previous.is_space
            and "\n" in previous.text
            and not token.is_space
        ):
            token.is_sent_start = True
        if _opens_with_two_apostrophes(token):
            # "… with courses. ''It was just waiting,'' he said." — two apostrophes open a
            # quotation in some house styles; the parser takes them for closing marks and
            # ends the sentence after them, so the quotation starts at "It" and the
            # sentence before keeps its opening mark.
            doc[token.i + 1].is_sent_start = False
            if previous is not None and not previous.is_space and previous.text[-1] in ".?!":
                token.is_sent_start = True
    return doc


def _opens_with_two_apostrophes(token: Token) -> bool:
    """Whether ``token`` is "''" opening a quotation: after a space, before a word."""
    doc = token.doc
    if token.text != "''" or token.whitespace_ or token.i + 1 >= len(doc):
        return False
    if not doc[token.i + 1].text[0].isalnum():
        return False
    return token.i == 0 or bool(doc[token.i - 1].whitespace_) or doc[token.i - 1].is_space


@Language.factory(
    "rashomon_headlines",
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head"],
    requires=["token.dep", "token.tag"],
)
def make_headline_recaser(nlp: Language, name: str) -> HeadlineRecaser:
    """Re-read title-case headlines in sentence case; put it after the model's components.

    The recased copy goes through the components already in the pipeline when this one is
    added, but the entity recognizer: the headline keeps the entities it has.
    """
    from rashomon.nlp.headlines import HeadlineRecaser

    return HeadlineRecaser([process for step, process in nlp.pipeline if step != "ner"])


@Language.factory(
    "rashomon_attributions",
    assigns=[f"doc._.{extensions.ATTRIBUTIONS}"],
    requires=["token.dep", "token.head", "token.lemma", "token.pos"],
    default_config={
        "cues": "rashomon.cues.v1",
        "sourcing": "rashomon.sourcing.v1",
        "cue_model": "polnear",
        "min_confidence": 0.0,
    },
)
def make_attribution_finder(
    nlp: Language, name: str, cues: str, sourcing: str, cue_model: str, min_confidence: float
) -> AttributionFinder:
    """Who said what: sources, cues and contents (``doc._.rashomon_attributions``)."""
    from rashomon.extract.attribution.component import AttributionFinder

    return AttributionFinder(
        nlp,
        name,
        cues=cues,
        sourcing=sourcing,
        cue_model=cue_model,
        min_confidence=min_confidence,
    )


@Language.factory(
    "rashomon_entities",
    assigns=[f"doc._.{extensions.ENTITIES}"],
    requires=[f"doc._.{extensions.ATTRIBUTIONS}", "doc.ents"],
    default_config={},
)
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    """Who the sources are: pronouns and descriptions resolved, roles and actor codes."""
    from rashomon.extract.entities.component import EntityLinker

    return EntityLinker(nlp, name)


@Language.factory(
    "rashomon_events",
    assigns=[f"doc._.{extensions.EVENTS}"],
    requires=[
        f"doc._.{extensions.ATTRIBUTIONS}",
        f"doc._.{extensions.ENTITIES}",
        "token.dep",
        "token.head",
        "token.lemma",
        "token.pos",
        "doc.ents",
    ],
    default_config={"dictionaries": "", "dictionary_prefix": ""},
)
def make_event_finder(
    nlp: Language, name: str, dictionaries: str, dictionary_prefix: str
) -> EventFinder:
    """Who did what to whom: CAMEO-coded events with their evidential status.

    ``dictionaries`` (a PETRARCH dictionary folder or config file) replaces the built-in verb
    lexicon with the user's dictionaries; ``dictionary_prefix`` picks one set from a folder.
    """
    from rashomon.extract.events.component import EventFinder

    return EventFinder(nlp, name, dictionaries=dictionaries, dictionary_prefix=dictionary_prefix)
