"""``Analysis.from_dict`` is the inverse of ``to_dict``: on plain data and through JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from rashomon.model import (
    Analysis,
    Article,
    Attribution,
    Claim,
    Entity,
    Event,
    EventActor,
    Origin,
    Source,
    Span,
)

# Written for this test: a credit line, a split quote, a denial and two coded events.
TEXT = (
    "By Harbour Wire\n"
    '"The fence is down," said Mayor Ada Quill, "and the port is closed." '
    "The navy denied that it shelled the port. Protesters marched.\n"
)


def _span(text: str, start: int = 0) -> Span:
    found = TEXT.index(text, start)
    return Span(text, found, found + len(text))


def _analysis() -> Analysis:
    """An analysis with every kind of part the model has, built by hand."""
    quill = _span("Mayor Ada Quill")
    navy = _span("The navy")
    return Analysis(
        article=Article(
            id="harbour-fence",
            text=TEXT,
            title="Fence down at the harbour",
            outlet="Valley Daily",
            byline="By Harbour Wire",
            published="2024-03-15",
            url="https://example.org/harbour-fence",
            origin=Origin(
                outlet="Harbour Wire",
                republished_by="Valley Daily",
                evidence=(_span("By Harbour Wire"),),
            ),
        ),
        entities=(
            Entity(
                id="e1",
                name="Ada Quill",
                type="PERSON",
                role="mayor",
                affiliation="Harbour town",
                actor_code="GOV",
                mentions=((quill.start, quill.end), (quill.start + 6, quill.end)),
            ),
            Entity(id="e2", name="the navy", type="ORG", mentions=((navy.start, navy.end),)),
        ),
        attributions=(
            Attribution(
                id="a1",
                source=Source(quill.text, quill.start, quill.end, entity="e1"),
                cue=_span("said"),
                content=(_span("The fence is down,"), _span("and the port is closed.")),
                kind="direct",
                polarity="assert",
                confidence=0.873,
                sourcing="named",
                said_on="2024-03-14",
                said_on_text="on Thursday",
                claim="c1",
            ),
            Attribution(
                id="a2",
                source=Source(navy.text, navy.start, navy.end, entity="e2"),
                cue=_span("denied"),
                content=(_span("it shelled the port"),),
                kind="indirect",
                polarity="deny",
                sourcing="named",
                claim="c2",
            ),
            Attribution(
                id="a3",
                source=None,
                cue=_span("marched"),
                content=(_span("Protesters"),),
                kind="indirect",
                polarity="assert",
                sourcing="unnamed_report",
            ),
        ),
        claims=(
            Claim(id="c1", text="the port is closed", asserted_by=("a1",), terms=("port", "close")),
            Claim(
                id="c2",
                text="the navy shelled the port",
                denied_by=("a2",),
                contested=True,
                start=_span("it shelled the port").start,
                end=_span("it shelled the port").end,
                terms=("navy", "shell", "port"),
                negated=True,
            ),
            Claim(id="c3", text="Protesters marched", outlet_voice=True),
        ),
        events=(
            Event(
                id="v1",
                trigger=_span("shelled"),
                source_actor=EventActor(navy, code="MIL"),
                target_actor=EventActor(_span("the port", _span("shelled").end), code=None),
                cameo="195",
                plover="ASSAULT",
                negated=False,
                status="denied",
                quad_class=4,
                goldstein=-10.0,
                date="2024-03-14",
                location="Harbour",
                attribution="a2",
            ),
            Event(
                id="v2",
                trigger=_span("marched"),
                source_actor=EventActor(_span("Protesters")),
                target_actor=None,
                cameo="141",
                plover="PROTEST",
                negated=True,
                status="asserted",
            ),
        ),
    )


def _plain(analysis: Analysis) -> dict[str, Any]:
    return analysis.to_dict()


def _through_json(analysis: Analysis) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(analysis.to_json())
    return data


@pytest.mark.parametrize("serialise", [_plain, _through_json], ids=["to_dict", "to_json"])
def test_model_from_dict_round_trips(serialise: Callable[[Analysis], dict[str, Any]]) -> None:
    analysis = _analysis()
    rebuilt = Analysis.from_dict(serialise(analysis))
    assert rebuilt == analysis
    # Lists left where the model has tuples would make the frozen dataclasses unhashable.
    assert hash(rebuilt) == hash(analysis)
    assert rebuilt.entities[0].mentions[0] == (TEXT.index("Mayor"), TEXT.index("Mayor") + 15)


@pytest.mark.parametrize("analysis", [Analysis(article=Article(id="bare", text="Nothing.\n"))])
def test_model_from_dict_round_trips_an_empty_analysis(analysis: Analysis) -> None:
    assert Analysis.from_dict(json.loads(analysis.to_json())) == analysis


@pytest.mark.parametrize("schema", ["rashomon/0", "other"])
def test_model_from_dict_refuses_another_schema(schema: str) -> None:
    data = _analysis().to_dict()
    data["schema"] = schema
    with pytest.raises(ValueError, match=schema):
        Analysis.from_dict(data)
