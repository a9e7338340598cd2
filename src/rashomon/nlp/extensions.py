"""The ``Doc`` extensions rashomon writes, registered once at import.

Values are plain data (ints, strings, lists, dicts) so that results survive
``nlp.pipe(n_process=2)``, ``DocBin`` and Dask, which all serialise ``Doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["ATTRIBUTIONS", "ENTITIES", "EVENTS", "register_extensions"]

#: ``doc._.rashomon_attributions``: one dict per attribution (see ``extract.attribution``).
ATTRIBUTIONS = "rashomon_attributions"
#: ``doc._.rashomon_entities``: one dict per entity (see ``extract.entities``).
ENTITIES = "rashomon_entities"
#: ``doc._.rashomon_events``: one dict per coded event (see ``extract.events``).
EVENTS = "rashomon_events"


def register_extensions() -> None:
    """Register the extensions unless they already are (never with ``force=True``)."""
    for name in (ATTRIBUTIONS, ENTITIES, EVENTS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
