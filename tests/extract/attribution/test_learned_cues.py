"""The default mode: cues decided in context by the classifier trained on PolNeAR train."""

from __future__ import annotations

import pytest
from conftest import by_cue, content_text, said

from rashomon.errors import ConfigError
from rashomon.extract.attribution.quotes import find_quotes
from rashomon.pipeline import Analyzer


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Most Democrats voted for the bill.", "voted for", "Most Democrats", "the bill"),
        ("The union backed the mayor in the race.", "backed", "The union",
         "the mayor in the race"),
    ],
)  # fmt: skip
def test_learned_cues_beyond_the_lexicon(
    analyzer: Analyzer, rules: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(analyzer.analyze(sentence), cue, source, content)
    assert rules.analyze(sentence).attributions == ()


def test_learned_cues_passive_with_agent(analyzer: Analyzer) -> None:
    attribution = by_cue(
        analyzer.analyze("The mayor has been endorsed by the teachers' union."),
        "has been endorsed",
    )
    assert attribution.source is not None and attribution.source.text == "the teachers' union"
    assert content_text(attribution) == "The mayor"


def test_learned_cues_not_inside_quotations(analyzer: Analyzer) -> None:
    text = '"I think we will win the vote," the senator said.'
    cues = [a.cue.text for a in analyzer.analyze(text).attributions]
    assert cues == ["said"]


def test_learned_cues_quotation_continues_after_the_sentence(analyzer: Analyzer) -> None:
    text = '"We won," the coach said. "Now the hard work begins. We start on Monday."'
    attribution = by_cue(analyzer.analyze(text), "said")
    assert len(attribution.content) == 2
    assert attribution.content[1].text.startswith('"Now the hard work')


def test_learned_cues_doubled_apostrophes_are_quotes() -> None:
    text = "He said ''the vote is lost,'' and left."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["''the vote is lost,''"]


def test_the_default_mode_says_how_sure_it_is_and_the_rules_mode_does_not(
    analyzer: Analyzer, rules: Analyzer
) -> None:
    sentence = "The minister said that the bridge would reopen in May."
    (sure,) = analyzer.analyze(sentence).attributions
    assert sure.confidence is not None and 0.5 < sure.confidence <= 1.0
    assert sure.confidence == round(sure.confidence, 3)
    (plain,) = rules.analyze(sentence).attributions
    assert plain.confidence is None
    # The JSON document carries it.
    data = analyzer.analyze(sentence).to_dict()
    assert data["attributions"][0]["confidence"] == sure.confidence


@pytest.mark.parametrize(
    ("mode", "min_confidence", "message"),
    [("rules", 0.5, "gives no confidence"), ("default", 1.5, "between 0 and 1")],
)
def test_min_confidence_needs_the_scorer_and_a_probability(
    mode: str, min_confidence: float, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        Analyzer(mode=mode, min_confidence=min_confidence)


def test_min_confidence_drops_even_what_the_scorer_would_keep() -> None:
    # A plain "said that" stands whatever the scorer thinks, but not above the user's bar.
    text = "The minister said that the bridge would reopen in May."
    (attribution,) = Analyzer().analyze(text).attributions
    assert attribution.confidence is not None
    above = Analyzer(min_confidence=min(1.0, attribution.confidence + 0.001))
    assert above.analyze(text).attributions == ()
    (same,) = Analyzer(min_confidence=attribution.confidence).analyze(text).attributions
    assert same.confidence == attribution.confidence
