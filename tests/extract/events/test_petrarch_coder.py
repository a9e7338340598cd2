"""Tests for the PETRARCH-dictionary event coder, on dictionaries we write."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from spacy.language import Language

from rashomon.extract.events.petrarch import DictionarySet
from rashomon.extract.events.petrarch.coder import PetrarchCoder
from rashomon.nlp.loading import load_model

ACTORS = """\
ARNOR_ [ARN]
GONDOR [GON]
+MINAS_TIRITH
ROHAN [ROH]
SHIRE [FRO/SAM]
GOLLUM
    [HOB <950601]
    [HOBGOV >950602]
"""
AGENTS = """\
POLICE {} [~COP]
MINISTER [~GOV]
MSF {} [NGO~]
"""
VERBS = """\
&MONEY
+DUCATS
--- ATTACK [190] ---
ATTACK
- * WITH ROCKETS [195]
--- GIVE [070] ---
GIVE {GAVE GIVEN GIVING}
- * &MONEY [071]
--- VISIT [042:043] ---
VISIT
"""
DISCARDS = "BASEBALL\n"


def write_dictionaries(folder: Path) -> DictionarySet:
    """Write the tiny dictionary set used by these tests."""
    files = {"actors": ACTORS, "agents": AGENTS, "verbs": VERBS, "discards": DISCARDS}
    for name, text in files.items():
        (folder / f"Test.{name}.txt").write_text(text, encoding="utf-8")
    return DictionarySet(
        verbs=folder / "Test.verbs.txt",
        actors=(folder / "Test.actors.txt",),
        agents=folder / "Test.agents.txt",
        discards=folder / "Test.discards.txt",
    )


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture()
def coder(tmp_path: Path) -> PetrarchCoder:
    return PetrarchCoder.from_dictionaries(write_dictionaries(tmp_path))


def triples(
    coder: PetrarchCoder, nlp: Language, text: str, date: datetime.date | None = None
) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.code) for e in coder.code(nlp(text), date)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arnor attacked Gondor on Monday.", {("ARN", "GON", "190")}),
        ("Arnor attacked Gondor with rockets on Monday.", {("ARN", "GON", "195")}),
        ("Arnor gave Gondor ten ducats.", {("ARN", "GON", "071")}),
        ("Arnor gave Gondor ten horses.", {("ARN", "GON", "070")}),
    ],
)
def test_coder_verb_and_pattern(
    coder: PetrarchCoder, nlp: Language, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(coder, nlp, text) == expected


def test_coder_passive_agent_is_source(coder: PetrarchCoder, nlp: Language) -> None:
    assert triples(coder, nlp, "Gondor was attacked by Arnor.") == {("ARN", "GON", "190")}


def test_coder_compound_actors_give_one_event_per_pair(coder: PetrarchCoder, nlp: Language) -> None:
    found = triples(coder, nlp, "Arnor and Rohan attacked Gondor.")
    assert found == {("ARN", "GON", "190"), ("ROH", "GON", "190")}


def test_coder_slashed_actor_code_gives_several_actors(coder: PetrarchCoder, nlp: Language) -> None:
    found = triples(coder, nlp, "The Shire attacked Gondor.")
    assert found == {("FRO", "GON", "190"), ("SAM", "GON", "190")}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Arnor police attacked Gondor.", "ARNCOP"),
        ("The Arnor minister attacked Gondor.", "ARNGOV"),
        ("MSF Arnor attacked Gondor.", "NGOARN"),
        ("Police attacked Gondor.", "---COP"),
    ],
)
def test_coder_agents(coder: PetrarchCoder, nlp: Language, text: str, source: str) -> None:
    assert triples(coder, nlp, text) == {(source, "GON", "190")}


def test_coder_second_code_swaps_actors(coder: PetrarchCoder, nlp: Language) -> None:
    found = triples(coder, nlp, "Arnor visited Gondor.")
    assert found == {("ARN", "GON", "042"), ("GON", "ARN", "043")}


@pytest.mark.parametrize(
    ("date", "source"),
    [(datetime.date(1990, 1, 1), "HOB"), (datetime.date(2000, 1, 1), "HOBGOV")],
)
def test_coder_actor_codes_follow_the_date(
    coder: PetrarchCoder, nlp: Language, date: datetime.date, source: str
) -> None:
    assert triples(coder, nlp, "Gollum attacked Gondor.", date) == {(source, "GON", "190")}


def test_coder_discard_voids_sentence(coder: PetrarchCoder, nlp: Language) -> None:
    assert triples(coder, nlp, "Arnor attacked Gondor in a baseball game.") == set()


def test_coder_without_target_codes_nothing_by_default(coder: PetrarchCoder, nlp: Language) -> None:
    assert triples(coder, nlp, "Arnor attacked the village.") == set()


def test_coder_event_offsets(coder: PetrarchCoder, nlp: Language) -> None:
    text = "Arnor attacked Gondor."
    (event,) = coder.code(nlp(text))
    assert text[event.trigger[0] : event.trigger[1]] == "attacked"
    assert event.source_span is not None and text[slice(*event.source_span)] == "Arnor"
    assert event.target_span is not None and text[slice(*event.target_span)] == "Gondor"
