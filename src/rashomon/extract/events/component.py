"""The ``rashomon_events`` spaCy component: who did what to whom, and who vouches for it.

It runs after ``rashomon_attributions`` and ``rashomon_entities``, whose results decide each
event's evidential status and resolve its pronoun actors::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("rashomon_attributions")
    nlp.add_pipe("rashomon_entities")
    nlp.add_pipe("rashomon_events")
    doc = nlp(text)
    doc._.rashomon_events   # list of plain dicts: trigger, code, source, target, status, …
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.extract.actors import ActorCoder
from rashomon.extract.events.finder import find_events
from rashomon.extract.events.found import FoundEvent
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
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "rashomon_events",
        *,
        verbs: EventVerbLexicon | None = None,
        coder: ActorCoder | None = None,
    ) -> None:
        self.name = name
        self.verbs = verbs if verbs is not None else EventVerbLexicon.default()
        self.coder = coder if coder is not None else ActorCoder.default()

    def find(self, doc: Doc) -> list[FoundEvent]:
        """Find the events without touching the ``Doc``.

        Without the attribution layer every event is in the outlet's voice (``asserted``),
        so the component should run after ``rashomon_attributions``.
        """
        attributions: list[dict[str, Any]] = _get(doc, ATTRIBUTIONS)
        entities: list[dict[str, Any]] = _get(doc, ENTITIES)
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
