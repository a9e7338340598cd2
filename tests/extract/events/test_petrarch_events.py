"""Events coded with a user's PETRARCH dictionaries, in the full pipeline, on a set we write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from rashomon.errors import ConfigError, LexiconError
from rashomon.extract.events.component import EventFinder
from rashomon.extract.events.found import FoundEvent
from rashomon.extract.events.petrarch_events import ARTICLE_DATE
from rashomon.nlp.extensions import EVENTS
from rashomon.nlp.loading import load_model, load_pipeline
from rashomon.pipeline import Analyzer

ACTORS = """\
ARNOR [ARN]
GONDOR [GON]
GOLLUM
    [HOB <950601]
    [HOBGOV >950602]
"""
AGENTS = "POLICE {} [~COP]\n"
VERBS = """\
--- ATTACK [190] ---
ATTACK
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding one tiny dictionary set: two actors, one agent, one verb."""
    path = tmp_path_factory.mktemp("dictionaries")
    for name, text in {"actors": ACTORS, "agents": AGENTS, "verbs": VERBS}.items():
        (path / f"Tiny.{name}.txt").write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def nlp(folder: Path) -> Language:
    return load_pipeline("default", str(folder))


def _events(nlp: Language, text: str, published: str | None = None) -> list[dict[str, Any]]:
    doc = nlp.make_doc(text)
    if published is not None:
        doc.user_data[ARTICLE_DATE] = published
    events: list[dict[str, Any]] = nlp(doc)._.get(EVENTS)
    return events


def _summary(text: str, event: dict[str, Any]) -> tuple[str, str, str | None, str, str]:
    target = event["target"]
    return (
        text[slice(*event["trigger"])],
        event["source"]["code"],
        target["code"] if target is not None else None,
        event["code"],
        event["status"],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said that Arnor attacked Gondor.",
            ("attacked", "ARN", "GON", "190", "attributed"),
        ),
        ("Arnor police attacked Gondor.", ("attacked", "ARNCOP", "GON", "190", "asserted")),
        ("Arnor may attack Gondor.", ("attack", "ARN", "GON", "190", "hypothetical")),
    ],
)
def test_petrarch_events_codes_and_status(
    nlp: Language, text: str, expected: tuple[str, str, str, str, str]
) -> None:
    assert [_summary(text, event) for event in _events(nlp, text)] == [expected]


def test_petrarch_events_attributed_event_names_its_attribution(nlp: Language) -> None:
    text = "Officials said that Arnor attacked Gondor."
    doc = nlp(text)
    (event,) = doc._.get(EVENTS)
    attributions = doc._.get("rashomon_attributions")
    assert text[slice(*attributions[event["attribution"]]["cue"])] == "said"
    assert doc[event["trigger_token"]].text == "attacked"
    assert text[slice(*event["source"]["span"])] == "Arnor"


@pytest.mark.parametrize(
    ("text", "negated"),
    [("Arnor did not attack Gondor.", True), ("Arnor attacked Gondor.", False)],
)
def test_petrarch_events_negation(nlp: Language, text: str, negated: bool) -> None:
    (event,) = _events(nlp, text)
    assert event["negated"] is negated


@pytest.mark.parametrize(
    ("published", "sources"),
    [("1995-01-01", {"HOB"}), ("1996-01-01", {"HOBGOV"}), (None, {"HOB", "HOBGOV"})],
)
def test_petrarch_events_article_date_picks_dated_actor_code(
    nlp: Language, published: str | None, sources: set[str]
) -> None:
    # Without a date the coder cannot choose, and gives one event per dated code.
    events = _events(nlp, "Gollum attacked Gondor.", published)
    assert {event["source"]["code"] for event in events} == sources


@pytest.mark.parametrize("text", ["Officials said that Arnor attacked Gondor on Sunday."])
def test_petrarch_events_plain_data_and_typed_events(folder: Path, text: str) -> None:
    data = _events(load_pipeline("default", str(folder)), text)
    assert all(FoundEvent.from_data(item).to_data() == item for item in data)
    analysis = Analyzer(dictionaries=folder).analyze(text, "2024-03-12")
    (event,) = analysis.events
    assert (event.source_actor.code, event.cameo, event.status) == ("ARN", "190", "attributed")
    assert event.target_actor is not None and event.target_actor.code == "GON"
    assert event.date == "2024-03-10"


@pytest.mark.parametrize("text", ["Arnor attacked Gondor."])
def test_petrarch_events_prefix_picks_one_set(folder: Path, tmp_path: Path, text: str) -> None:
    for name, body in {"actors": ACTORS, "agents": AGENTS, "verbs": VERBS}.items():
        (tmp_path / f"Tiny.{name}.txt").write_text(body, encoding="utf-8")
        (tmp_path / f"Other.{name}.txt").write_text(body, encoding="utf-8")
    finder = EventFinder(load_model(), dictionaries=str(tmp_path), dictionary_prefix="Tiny")
    assert finder.petrarch is not None


@pytest.mark.parametrize(
    ("dictionaries", "prefix", "error"),
    [("/no/such/folder", "", LexiconError), ("", "PETR.Validate", ConfigError)],
)
def test_petrarch_events_bad_options_are_refused(
    dictionaries: str, prefix: str, error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        EventFinder(load_model(), dictionaries=dictionaries, dictionary_prefix=prefix)
    assert "\n" not in str(caught.value)


def test_petrarch_events_bad_path_through_the_analyzer(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no such dictionary"):
        Analyzer(dictionaries=tmp_path / "missing")


@pytest.mark.parametrize(("published", "source"), [("1995-01-01", "HOB"), ("1996-01-01", "HOBGOV")])
def test_petrarch_events_analyzer_passes_the_publication_date(
    folder: Path, published: str, source: str
) -> None:
    analysis = Analyzer(dictionaries=folder).analyze("Gollum attacked Gondor.", published)
    assert [event.source_actor.code for event in analysis.events] == [source]
