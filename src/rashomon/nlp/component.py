"""The base of rashomon's spaCy components: find, then write, errors through spaCy.

Each component splits *finding* (a pure ``find(doc)``) from *writing*
(``set_annotations(doc, found)``), as spaCy's own rule-based components do, and routes any
failure through ``get_error_handler()`` so that ``nlp.pipe(..., error_handler=...)`` can skip
a bad document instead of stopping a batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

__all__ = ["RashomonPipe"]

Found = TypeVar("Found")


class RashomonPipe(Pipe, Generic[Found]):
    """A rule-based component: subclasses define ``find`` and ``set_annotations``."""

    name: str

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

    def find(self, doc: Doc) -> Found:
        """What the component finds in ``doc``, without touching it."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Found) -> None:
        """Write what ``find`` found onto ``doc`` as plain data."""
        raise NotImplementedError

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Nothing to learn: rule-based components are ready as built."""
