"""The spaCy components, as a spaCy user adds them to a pipeline of their own."""

from __future__ import annotations

import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from rashomon.lexicons import lexicons
from rashomon.nlp.loading import load_model

REGISTRY = Path(__file__).with_name("registered_lexicons.json")


def test_factories_add_pipe_by_name_on_a_plain_model() -> None:
    nlp = load_model()
    nlp.add_pipe("rashomon_attributions")
    nlp.add_pipe("rashomon_entities")
    doc = nlp("The minister said that the dam was safe. She added that it had been inspected.")
    attributions = doc._.rashomon_attributions
    assert [doc.text[a["cue"][0] : a["cue"][1]] for a in attributions] == ["said", "added"]
    entities = doc._.rashomon_entities
    assert attributions[0]["entity"] == attributions[1]["entity"]
    assert entities[attributions[0]["entity"]]["role"] == "minister"


def test_factories_results_are_plain_data_that_survive_docbin() -> None:
    nlp = load_model()
    nlp.add_pipe("rashomon_attributions")
    doc = nlp("Officials said that the border was closed.")
    json.dumps(doc._.rashomon_attributions)
    restored = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))[0]
    # msgpack turns lists into tuples; the data itself must come back unchanged.
    assert json.dumps(restored._.rashomon_attributions) == json.dumps(doc._.rashomon_attributions)


def test_factories_blank_pipeline_without_parser_finds_nothing() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("rashomon_attributions")
    assert nlp("He said that it rained.")._.rashomon_attributions == []


def test_factories_lexicon_registry_matches_checked_in_list() -> None:
    # Registration happens at import; import every module that registers a lexicon.
    import rashomon.extract.actors
    import rashomon.extract.attribution.cues
    import rashomon.extract.events.codes
    import rashomon.extract.events.verbs
    import rashomon.link.claims  # noqa: F401

    names = sorted(name for name in lexicons.get_all() if name.startswith("rashomon."))
    assert names == json.loads(REGISTRY.read_text(encoding="utf-8"))
