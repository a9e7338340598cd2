"""Tests for ``rashomon.export.events_tsv``: events as PETRARCH/Phoenix-style TSV rows.

Analyses are built by hand from the model's dataclasses, so the tests pin the format, not
what the events layer happens to find.
"""

from __future__ import annotations

import io

import pytest

from rashomon.export import EVENT_COLUMNS, event_rows, write_events_tsv
from rashomon.model import Analysis, Article, Attribution, Event, EventActor, Source, Span

TEXT = (
    "Officials said the rebels shelled the town on Sunday.\n"
    "The army denied that it attacked the\tcamp. It withdrew later.\n"
)


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(words, start, start + len(words))


def _analysis(*, published: str | None = "2024-03-05T09:30:00+00:00") -> Analysis:
    """Two events: a denied attack with a tab in its target, and a withdrawal with no target."""
    article = Article(id="story", text=TEXT, published=published, url="https://example.org/story")
    denial = Attribution(
        id="a1",
        source=Source(**vars(_span(TEXT, "The army")), entity="e1"),
        cue=_span(TEXT, "denied"),
        content=(_span(TEXT, "it attacked the\tcamp"),),
        kind="indirect",
        polarity="deny",
        sourcing="named",
    )
    attack = Event(
        id="v1",
        trigger=_span(TEXT, "attacked"),
        source_actor=EventActor(_span(TEXT, "it", TEXT.index("denied")), "MIL"),
        target_actor=EventActor(_span(TEXT, "the\tcamp"), None),
        cameo="190",
        plover="ASSAULT",
        negated=False,
        status="denied",
        quad_class=4,
        goldstein=-10.0,
        attribution="a1",
    )
    withdrawal = Event(
        id="v2",
        trigger=_span(TEXT, "withdrew"),
        source_actor=EventActor(_span(TEXT, "It", TEXT.index("camp")), "MIL"),
        target_actor=None,
        cameo="0871",
        plover="RETREAT",
        negated=True,
        status="asserted",
        date="2024-03-04",
        location="north\nregion",
    )
    return Analysis(article=article, attributions=(denial,), events=(attack, withdrawal))


def _rows(analysis: Analysis) -> list[dict[str, str]]:
    return [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in event_rows(analysis)]


def test_events_tsv_header_then_one_line_per_event() -> None:
    stream = io.StringIO()
    written = write_events_tsv([_analysis(), _analysis()], stream)
    lines = stream.getvalue().split("\n")
    assert written == 4
    assert lines[0] == "\t".join(EVENT_COLUMNS)
    assert lines[-1] == ""  # the output ends with a newline
    assert len(lines) == 1 + 4 + 1
    for line in lines[:-1]:
        assert len(line.split("\t")) == len(EVENT_COLUMNS) == 20


def test_events_tsv_no_header_when_asked() -> None:
    stream = io.StringIO()
    assert write_events_tsv([_analysis()], stream, header=False) == 2
    assert not stream.getvalue().startswith("date\t")


def test_events_tsv_denied_event_row() -> None:
    attack = _rows(_analysis())[0]
    assert attack == {
        "date": "2024-03-05",  # no event date: the article's published date
        "source_code": "MIL",
        "target_code": "",
        "cameo": "190",
        "root_code": "19",
        "quad_class": "4",
        "goldstein": "-10.0",
        "plover": "ASSAULT",
        "status": "denied",
        "negated": "false",
        "source_text": "it",
        "target_text": "the camp",  # the tab became a space
        "trigger": "attacked",
        "location": "",
        "article_id": "story",
        "event_id": "v1",
        "attribution_id": "a1",
        "source_quote": "The army",
        "url": "https://example.org/story",
        "sentence": "The army denied that it attacked the camp.",
    }


def test_events_tsv_event_without_target() -> None:
    withdrawal = _rows(_analysis())[1]
    assert withdrawal["date"] == "2024-03-04"  # the event's own date wins
    assert withdrawal["target_code"] == withdrawal["target_text"] == ""
    assert withdrawal["negated"] == "true"
    assert withdrawal["root_code"] == "08"
    assert withdrawal["location"] == "north region"  # the newline became a space
    assert withdrawal["attribution_id"] == withdrawal["source_quote"] == ""
    assert withdrawal["quad_class"] == withdrawal["goldstein"] == ""
    assert withdrawal["sentence"] == "It withdrew later."


def test_events_tsv_date_empty_without_any_date() -> None:
    attack = _rows(_analysis(published=None))[0]
    assert attack["date"] == ""


@pytest.mark.parametrize(
    ("text", "trigger", "sentence"),
    [
        ("First one. Then troops fired! Third.", "fired", "Then troops fired!"),
        ("HEADLINE\nTroops fired on the crowd", "fired", "Troops fired on the crowd"),
        ('"Troops fired." He said so.', "fired", '"Troops fired."'),
        ("Troops fired", "fired", "Troops fired"),
    ],
)
def test_events_tsv_sentence_of_the_trigger(text: str, trigger: str, sentence: str) -> None:
    assert _one_row(text, trigger)["sentence"] == sentence


def test_events_tsv_sentence_is_bounded() -> None:
    text = "word " * 300 + "fired " + "word " * 300
    cell = _one_row(text, "fired")["sentence"]
    assert "fired" in cell
    assert len(cell) <= 400


def _one_row(text: str, trigger: str) -> dict[str, str]:
    span = _span(text, trigger)
    event = Event(
        id="v1",
        trigger=span,
        source_actor=EventActor(span),
        target_actor=None,
        cameo="190",
        plover="ASSAULT",
        negated=False,
        status="asserted",
    )
    (row,) = _rows(Analysis(article=Article(id="x", text=text), events=(event,)))
    return row
