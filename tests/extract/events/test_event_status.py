"""Evidential status from the attribution layer, on hand-made attribution data (no parse)."""

from __future__ import annotations

from typing import Any

import pytest

from rashomon.extract.events.found import FoundActor
from rashomon.extract.events.status import evidential_status

# "The ministry denied that its troops had shelled the village, saying they had withdrawn."
#  0         1         2         3         4         5         6         7         8
#  0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567
_DENIAL: dict[str, Any] = {"cue": [13, 19], "content": [[20, 59]], "polarity": "deny",
                           "kind": "indirect", "entity": 0, "parent": None}  # fmt: skip
_SAYING: dict[str, Any] = {"cue": [61, 67], "content": [[68, 87]], "polarity": "assert",
                           "kind": "indirect", "entity": 0, "parent": 0}  # fmt: skip
_REPORT: dict[str, Any] = {"cue": [0, 7], "content": [[24, 59]], "polarity": "assert",
                           "kind": "indirect", "entity": None, "parent": None}  # fmt: skip
_QUOTE: dict[str, Any] = {"cue": [70, 74], "content": [[0, 40]], "polarity": "assert",
                          "kind": "direct", "entity": 1, "parent": None}  # fmt: skip
_ENTITIES = [{"actor_code": "SYRGOV"}, {"actor_code": "PSEREB"}]
_OTHER = FoundActor(span=(0, 5), code=None, entity=None)


@pytest.mark.parametrize(
    ("trigger", "attributions", "status", "attribution"),
    [
        # Inside a denial: "denied that its troops had shelled the village".
        ((40, 47), [_DENIAL], "denied", 0),
        # Inside what elaborates a denial: "…, saying they had withdrawn".
        ((78, 86), [_DENIAL, _SAYING], "denied", 1),
        # Inside reports that are themselves the object of a denial ("rejected reports that …").
        ((40, 47), [_DENIAL, _REPORT], "denied", 1),
        # Inside a plain report: attributed, linked to it.
        ((40, 47), [_REPORT], "attributed", 0),
        # Outside any content: the outlet's own voice.
        ((62, 66), [_REPORT], "asserted", None),
        # The cue of an attribution: a reported speech act, asserted, linked to its act.
        ((13, 19), [_DENIAL], "asserted", 0),
    ],
)
def test_event_status_from_attributions(
    trigger: tuple[int, int],
    attributions: list[dict[str, Any]],
    status: str,
    attribution: int | None,
) -> None:
    evidence = evidential_status(trigger, _OTHER, False, attributions, _ENTITIES)
    assert (evidence.status, evidence.attribution) == (status, attribution)


@pytest.mark.parametrize(
    ("source", "status"),
    [
        # The speaker's own entity (resolved by the linker or through "his"/"its").
        (FoundActor(span=(0, 5), entity=1), "claimed"),
        # "We" inside the speaker's direct quote.
        (FoundActor(span=(0, 2), pronoun="we"), "claimed"),
        # The speaker's own actor code.
        (FoundActor(span=(0, 5), code="PSEREB"), "claimed"),
        # Someone else.
        (FoundActor(span=(0, 5), code="ISRMIL", entity=0), "attributed"),
    ],
)
def test_event_status_claimed_by_its_own_source(source: FoundActor, status: str) -> None:
    evidence = evidential_status((10, 18), source, False, [_QUOTE], _ENTITIES)
    assert evidence.status == status


@pytest.mark.parametrize(
    ("attributions", "status"),
    [
        ([], "hypothetical"),
        ([_REPORT], "hypothetical"),
        # A denial outranks a modal: a denied threat is still never a fact.
        ([_DENIAL], "denied"),
    ],
)
def test_event_status_hypothetical(attributions: list[dict[str, Any]], status: str) -> None:
    evidence = evidential_status((40, 47), _OTHER, True, attributions, _ENTITIES)
    assert evidence.status == status


@pytest.mark.parametrize("hypothetical", [False, True])
def test_event_status_denial_is_never_asserted(hypothetical: bool) -> None:
    for start in range(20, 55):
        evidence = evidential_status((start, start + 4), _OTHER, hypothetical, [_DENIAL])
        assert evidence.status == "denied"
