"""How the frame ("the minister said") sits in its sentence: around, inside or before content."""

from __future__ import annotations

import pytest
from conftest import by_cue

from rashomon.pipeline import Analyzer


def _pieces(analyzer: Analyzer, sentence: str, cue: str) -> list[str]:
    return [piece.text for piece in by_cue(analyzer.analyze(sentence), cue).content]


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        ("The reform, Ms. Ortiz said, would cost nothing.", "Ms. Ortiz",
         ["The reform", "would cost nothing"]),
        ("The bridge, the engineer said, will hold for decades.", "the engineer",
         ["The bridge", "will hold for decades"]),
    ],
)  # fmt: skip
def test_frames_parenthetical_frame_is_cut_out_of_the_content(
    analyzer: Analyzer, sentence: str, source: str, content: list[str]
) -> None:
    attribution = by_cue(analyzer.analyze(sentence), "said")
    assert attribution.source is not None and attribution.source.text == source
    assert [piece.text for piece in attribution.content] == content


@pytest.mark.parametrize(
    ("sentence", "source", "content"),
    [
        ("Turnout fell sharply, according to a survey released Friday.",
         "a survey released Friday", ["Turnout fell sharply"]),
    ],
)  # fmt: skip
def test_frames_according_to_never_inside_its_own_content(
    analyzer: Analyzer, sentence: str, source: str, content: list[str]
) -> None:
    attribution = by_cue(analyzer.analyze(sentence), "according to")
    assert attribution.source is not None and attribution.source.text == source
    assert [piece.text for piece in attribution.content] == content


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ('She turned to the budget: "It is a mess from top to bottom," she said.', "said",
         ['"It is a mess from top to bottom,"']),
    ],
)  # fmt: skip
def test_frames_quotation_just_before_the_frame_is_the_content(
    analyzer: Analyzer, sentence: str, cue: str, content: list[str]
) -> None:
    assert _pieces(analyzer, sentence, cue) == content


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The mayor says the road is closed, but the drivers keep coming.", "says",
         ["the road is closed"]),
    ],
)  # fmt: skip
def test_frames_clause_after_the_cue_is_its_own_subtree(
    analyzer: Analyzer, sentence: str, cue: str, content: list[str]
) -> None:
    assert _pieces(analyzer, sentence, cue) == content


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The central bank is expected to raise rates in December.", "is expected",
         ["The central bank", "to raise rates in December"]),
        ("The senator seemed to dismiss the issue.", "seemed",
         ["The senator", "to dismiss the issue"]),
    ],
)  # fmt: skip
def test_frames_theme_subject_is_content_not_source(
    analyzer: Analyzer, sentence: str, cue: str, content: list[str]
) -> None:
    attribution = by_cue(analyzer.analyze(sentence), cue)
    assert attribution.source is None
    assert [piece.text for piece in attribution.content] == content


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Lawmakers, who oppose the new rule, said the vote was rigged.",
         "Lawmakers, who oppose the new rule"),
        ("The farmers, who had waited for months, said the dam was unsafe.",
         "The farmers, who had waited for months"),
    ],
)  # fmt: skip
def test_frames_source_keeps_its_relative_clause(
    analyzer: Analyzer, sentence: str, source: str
) -> None:
    attribution = by_cue(analyzer.analyze(sentence), "said")
    assert attribution.source is not None and attribution.source.text == source


@pytest.mark.parametrize("sentence", ["It seems that the talks have failed."])
def test_frames_dummy_it_is_no_source(analyzer: Analyzer, sentence: str) -> None:
    attribution = by_cue(analyzer.analyze(sentence), "seems")
    assert attribution.source is None
    assert [piece.text for piece in attribution.content] == ["that the talks have failed"]


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("As the Gazette reported on Saturday, the mayor had already met the builders.",
         "reported", "the Gazette", "the mayor had already met the builders"),
        ("As the minister said on Monday, the bridge will stay closed.", "said",
         "the minister", "the bridge will stay closed"),
    ],
)  # fmt: skip
def test_frames_as_frame_may_say_when_it_spoke(
    rules: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    attribution = by_cue(rules.analyze(sentence), cue)
    assert attribution.source is not None and attribution.source.text == source
    assert [piece.text for piece in attribution.content] == [content]
