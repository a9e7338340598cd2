"""The ``rashomon_events`` component in a real pipeline, and its output as typed events."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import raise_error

from rashomon.extract.events.codes import CameoCodes
from rashomon.extract.events.component import EventFinder
from rashomon.extract.events.convert import to_events
from rashomon.extract.events.found import FoundEvent
from rashomon.nlp.extensions import EVENTS
from rashomon.nlp.loading import load_model

_FACTORY = "test_rashomon_events"


@Language.factory(_FACTORY, requires=["doc._.rashomon_attributions"], assigns=[f"doc._.{EVENTS}"])
def _make_event_finder(nlp: Language, name: str) -> EventFinder:
    return EventFinder(nlp, name)


@pytest.fixture(scope="module")
def nlp() -> Iterator[Language]:
    if not Doc.has_extension(EVENTS):
        Doc.set_extension(EVENTS, default=None)
    pipeline = load_model()
    pipeline.add_pipe("rashomon_attributions")
    pipeline.add_pipe("rashomon_entities")
    pipeline.add_pipe(_FACTORY)
    yield pipeline


_TEXT = (
    "Syrian rebels attacked a government convoy near Damascus on Sunday. "
    "The ministry denied that its troops had shelled the village."
)


def test_event_component_writes_plain_data(nlp: Language) -> None:
    doc = nlp(_TEXT)
    data: list[dict[str, Any]] = doc._.get(EVENTS)
    assert [(_TEXT[slice(*d["trigger"])], d["status"]) for d in data] == [
        ("attacked", "asserted"),
        ("shelled", "denied"),
    ]
    # Plain data only, so that results survive n_process > 1 and DocBin.
    assert FoundEvent.from_data(data[0]).to_data() == data[0]
    assert all(isinstance(d["trigger"], list) for d in data)


def test_event_component_errors_go_to_the_error_handler(nlp: Language) -> None:
    finder = nlp.get_pipe(_FACTORY)
    assert isinstance(finder, EventFinder)
    seen: list[str] = []
    # spaCy types the handler as never returning; one that records and returns is allowed.
    finder.set_error_handler(cast(Any, lambda name, *_: seen.append(name)))
    try:
        doc = nlp("Rebels attacked the base.")
        doc._.set("rashomon_attributions", 42)  # not a list: the finder fails
        finder(doc)
    finally:
        finder.set_error_handler(raise_error)
    assert seen == [_FACTORY]


@pytest.mark.parametrize(("published", "date"), [("2013-07-26", "2013-07-21"), (None, None)])
def test_event_convert_fills_codes_dates_and_ids(
    nlp: Language, published: str | None, date: str | None
) -> None:
    doc = nlp(_TEXT)
    attribution_ids = {n: f"a{n + 1}" for n in range(len(doc._.rashomon_attributions))}
    events = to_events(_TEXT, doc._.get(EVENTS), attribution_ids, published, CameoCodes.default())
    attack, shelling = events
    assert (attack.id, attack.cameo, attack.plover, attack.quad_class) == (
        "v1",
        "190",
        "ASSAULT",
        4,
    )
    assert attack.goldstein == -10.0
    assert attack.source_actor.span.text == "Syrian rebels"
    assert attack.source_actor.code == "SYRREB"
    assert attack.target_actor is not None and attack.target_actor.code == "SYRGOV"
    assert (attack.date, attack.location, attack.status) == (date, "SYR", "asserted")
    assert (shelling.id, shelling.status, shelling.negated) == ("v2", "denied", False)
    assert shelling.attribution is not None and shelling.attribution.startswith("a")
    # An event with no date of its own takes the publication date.
    assert shelling.date == published


def test_event_convert_drops_links_to_dropped_attributions(nlp: Language) -> None:
    doc = nlp(_TEXT)
    events = to_events(_TEXT, doc._.get(EVENTS), {}, None, CameoCodes.default())
    assert all(event.attribution is None for event in events)
