"""Every spaCy factory rashomon provides, registered in one place.

A spaCy user can ``nlp.add_pipe("rashomon_attributions")`` once rashomon is installed: the
package declares this module under the ``spacy_factories`` entry point, so spaCy imports it
when a pipeline is built. Component classes are imported inside the factories so that this
module stays cheap to import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from rashomon.nlp import extensions

if TYPE_CHECKING:
    from rashomon.extract.attribution.component import AttributionFinder
    from rashomon.extract.entities.component import EntityLinker

__all__ = ["make_attribution_finder", "make_entity_linker"]


@Language.factory(
    "rashomon_attributions",
    assigns=[f"doc._.{extensions.ATTRIBUTIONS}"],
    requires=["token.dep", "token.head", "token.lemma", "token.pos"],
    default_config={
        "cues": "rashomon.cues.v1",
        "sourcing": "rashomon.sourcing.v1",
        "cue_model": "polnear",
    },
)
def make_attribution_finder(
    nlp: Language, name: str, cues: str, sourcing: str, cue_model: str
) -> AttributionFinder:
    """Who said what: sources, cues and contents (``doc._.rashomon_attributions``)."""
    from rashomon.extract.attribution.component import AttributionFinder

    return AttributionFinder(nlp, name, cues=cues, sourcing=sourcing, cue_model=cue_model)


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
