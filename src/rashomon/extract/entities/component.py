"""The ``rashomon_entities`` spaCy component: who the sources are.

Runs after ``rashomon_attributions``; writes ``doc._.rashomon_entities`` and sets ``entity``
(an index into that list) on each attribution.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.extract.actors import ActorCoder
from rashomon.extract.entities.resolve import EntityRecord, resolve_entities
from rashomon.nlp.component import RashomonPipe
from rashomon.nlp.extensions import ATTRIBUTIONS, ENTITIES

__all__ = ["EntityLinker"]


class EntityLinker(RashomonPipe[list[EntityRecord]]):
    """Resolves sources to entities, with role, affiliation and actor code.

    Args:
        nlp: the pipeline it belongs to.
        name: its name in the pipeline.
    """

    def __init__(self, nlp: Language, name: str = "rashomon_entities") -> None:
        self.name = name
        self.coder = ActorCoder.default()

    def find(self, doc: Doc) -> list[EntityRecord]:
        """Resolve the entities (updates the attributions' ``entity`` and ``sourcing``)."""
        attributions: list[dict[str, Any]] = doc._.get(ATTRIBUTIONS) or []
        return resolve_entities(doc, attributions, self.coder)

    def set_annotations(self, doc: Doc, found: list[EntityRecord]) -> None:
        doc._.set(ENTITIES, [entity.to_data() for entity in found])
