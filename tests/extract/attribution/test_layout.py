"""Attributions marked by layout: fronted polls, transcript turns and signed quotations."""

from __future__ import annotations

import pytest
from conftest import by_cue, content_text, said

from rashomon.extract.attribution.component import AttributionFinder
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.lines import find_signed_quotes
from rashomon.pipeline import Analyzer


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        ("In a Marist poll released Sunday, 45 percent of voters backed the plan.",
         "a Marist poll released Sunday", "45 percent of voters backed the plan"),
    ],
)  # fmt: skip
def test_layout_fronted_poll_speaks_for_its_clause(
    analyzer: Analyzer, sentence: str, source: str, content: str
) -> None:
    said(analyzer.analyze(sentence), "In", source, content)


@pytest.mark.parametrize("sentence", ["The governor leads in the latest poll."])
def test_layout_poll_not_fronted_reports_nothing(analyzer: Analyzer, sentence: str) -> None:
    assert analyzer.analyze(sentence).attributions == ()


def test_layout_long_transcript_turn(analyzer: Analyzer) -> None:
    turn = (
        "Let us turn to the budget now. The deficit has grown every year since the last "
        "election, and the governor has promised to cut it in half before the end of his "
        "term. The opposition says the numbers do not add up. Many voters in the suburbs "
        "worry about their taxes, and the schools need money. What do you say to them?"
    )
    attribution = by_cue(analyzer.analyze(f'"HOST: {turn}'), ":")
    assert len(turn) > 300
    assert attribution.source is not None and attribution.source.text == "HOST"
    assert content_text(attribution) == turn


@pytest.mark.parametrize(
    ("text", "sources", "contents"),
    [
        ("“We deserve better than this campaign.” ― Maria Lopez\n"
         "“He never listens to anyone in this town.”― Ana Ruiz",
         ["Maria Lopez", "Ana Ruiz"],
         ["“We deserve better than this campaign.”",
          "“He never listens to anyone in this town.”"]),
        ("Voters spoke to us after the debate.\n\n"
         '"The schools have been waiting for years for the money."\n\n- Sam Patel.',
         ["Sam Patel"], ['"The schools have been waiting for years for the money."']),
    ],
)  # fmt: skip
def test_layout_signed_quotations(
    analyzer: Analyzer, text: str, sources: list[str], contents: list[str]
) -> None:
    signed = [a for a in analyzer.analyze(text).attributions if a.cue.text in {"―", "-"}]
    assert [a.source.text if a.source else None for a in signed] == sources
    assert [content_text(a) for a in signed] == contents


def test_layout_signed_quotation_with_the_wrong_opening_mark(analyzer: Analyzer) -> None:
    # The quotation finder does not see '”…”' as a quotation, so its words look like cues.
    text = "”The mayor has promised to fix the roads and nothing happened.” ― Lena Cho"
    analysis = analyzer.analyze(text)
    attribution = by_cue(analysis, "―")
    assert attribution.source is not None and attribution.source.text == "Lena Cho"
    assert [a.cue.text for a in analysis.attributions] == ["―"]


@pytest.mark.parametrize(
    "text",
    [
        '"We will win," she said - and the crowd cheered.',
        "“The deal is done.” - a phrase the minister repeats often.",
    ],
)
def test_layout_dash_without_a_name_signs_nothing(analyzer: Analyzer, text: str) -> None:
    finder = analyzer.nlp.get_pipe("rashomon_attributions")
    assert isinstance(finder, AttributionFinder)
    context = Context.build(analyzer.nlp(text), finder.cues, finder.sourcing)
    assert find_signed_quotes(context, []) == []
