"""The ``rashomon_entities`` spaCy component: who the sources are.

Runs after ``rashomon_attributions``; writes ``doc._.rashomon_entities`` and sets ``entity``
(an index into that list) on each attribution.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from rashomon.extract.actors import ActorCoder
from rashomon.extract.entities.resolve import EntityRecord, resolve_entities
from rashomon.nlp.extensions import ATTRIBUTIONS, ENTITIES

__all__ = ["EntityLinker"]


class EntityLinker(Pipe):
    """Resolves sources to entities, with role, affiliation and actor code.

    Args:
        nlp: the pipeline it belongs to.
        name: its name in the pipeline.
    """

    def __init__(self, nlp: Language, name: str = "rashomon_entities") -> None:
        self.name = name
        self.coder = ActorCoder.default()

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self.set_annotations(doc, self.find(doc))
        except Exception as error:  # noqa: BLE001 - routed to spaCy's error handler
            error_handler(self.name, self, [doc], error)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for doc in stream:
            yield self(doc)

    def find(self, doc: Doc) -> list[EntityRecord]:
        """Resolve the entities (updates the attributions' ``entity`` and ``sourcing``)."""
        attributions: list[dict[str, Any]] = doc._.get(ATTRIBUTIONS) or []
        return resolve_entities(doc, attributions, self.coder)

    def set_annotations(self, doc: Doc, found: list[EntityRecord]) -> None:
        doc._.set(ENTITIES, [entity.to_data() for entity in found])

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Nothing to learn."""
