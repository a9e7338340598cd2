"""The ``rashomon_events`` spaCy component: who did what to whom, and who vouches for it.

It runs after ``rashomon_attributions`` and ``rashomon_entities``, whose results decide each
event's evidential status and resolve its pronoun actors::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("rashomon_attributions")
    nlp.add_pipe("rashomon_entities")
    nlp.add_pipe("rashomon_events")
    doc = nlp(text)
    doc._.rashomon_events   # list of plain dicts: trigger, code, source, target, status, …

With ``config={"dictionaries": PATH}`` it codes with the user's PETRARCH dictionaries
(``petrarch_events.py``) instead of the built-in verb lexicon; the evidential status is
decided the same way either way.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.errors import ConfigError
from rashomon.extract.actors import ActorCoder
from rashomon.extract.events.finder import find_events
from rashomon.extract.events.found import FoundEvent
from rashomon.extract.events.petrarch.coder import PetrarchCoder
from rashomon.extract.events.petrarch_events import (
    article_date,
    find_petrarch_events,
    load_petrarch_coder,
)
from rashomon.extract.events.verbs import EventVerbLexicon
from rashomon.nlp.component import RashomonPipe
from rashomon.nlp.extensions import ATTRIBUTIONS, ENTITIES, EVENTS

__all__ = ["EventFinder"]


class EventFinder(RashomonPipe[list[FoundEvent]]):
    """Finds coded political events; writes ``doc._.rashomon_events``.

    Args:
        nlp: the pipeline it belongs to.
        name: its name in the pipeline.
        verbs: the event verb lexicon; the built-in one by default.
        coder: the actor coder; the built-in one by default.
        dictionaries: a folder holding one PETRARCH dictionary set, or a PETRARCH config
            file; when given, events are coded with those dictionaries (actor codes and all)
            instead of ``verbs`` and ``coder``. Empty: the built-in lexicon.
        dictionary_prefix: with a folder holding several sets, the file-name prefix of the
            one to use (``PETR.Validate``).

    Raises:
        LexiconError: the dictionaries cannot be found or read.
        ConfigError: a ``dictionary_prefix`` without ``dictionaries``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "rashomon_events",
        *,
        verbs: EventVerbLexicon | None = None,
        coder: ActorCoder | None = None,
        dictionaries: str = "",
        dictionary_prefix: str = "",
    ) -> None:
        self.name = name
        self.verbs = verbs if verbs is not None else EventVerbLexicon.default()
        self.coder = coder if coder is not None else ActorCoder.default()
        if dictionary_prefix and not dictionaries:
            raise ConfigError(
                "a dictionary prefix needs a dictionaries folder; give both or neither",
                where="dictionary_prefix",
            )
        # Read once, here: a bad path fails when the pipeline is built, before any article.
        self.petrarch: PetrarchCoder | None = (
            load_petrarch_coder(dictionaries, dictionary_prefix or None) if dictionaries else None
        )

    def find(self, doc: Doc) -> list[FoundEvent]:
        """Find the events without touching the ``Doc``.

        Without the attribution layer every event is in the outlet's voice (``asserted``),
        so the component should run after ``rashomon_attributions``.
        """
        attributions: list[dict[str, Any]] = _get(doc, ATTRIBUTIONS)
        entities: list[dict[str, Any]] = _get(doc, ENTITIES)
        if self.petrarch is not None:
            return find_petrarch_events(
                doc, self.petrarch, attributions, entities, article_date(doc)
            )
        return find_events(doc, attributions, self.verbs, self.coder, entities)

    def set_annotations(self, doc: Doc, found: list[FoundEvent]) -> None:
        """Store the events as plain data on the ``Doc``."""
        doc._.set(EVENTS, [event.to_data() for event in found])


def _get(doc: Doc, name: str) -> list[dict[str, Any]]:
    """An extension's value, or nothing when its component is not in the pipeline."""
    if not Doc.has_extension(name):
        return []
    value = doc._.get(name)
    return list(value) if value else []
