"""Sourcing: named, anonymous and unnamed reports; and when it was said."""

from __future__ import annotations

import pytest
from conftest import by_cue, content_text, said

from rashomon.pipeline import Analyzer


@pytest.mark.parametrize(
    ("sentence", "cue", "sourcing"),
    [
        ("Health minister Jane Okafor said that the clinic would open.", "said", "named"),
        ("The foreign ministry said that the envoy had been recalled.", "said", "named"),
        ('"The tunnel is finished," a commander said on condition of anonymity.', "said",
         "anonymous"),
        ("A senior official, who declined to be named, said that the plan was dropped.", "said",
         "anonymous"),
        ("A commander said that his unit had withdrawn.", "said", "anonymous"),
        ("Sources said that the deal was close.", "said", "anonymous"),
        ("Officials said that the road was closed.", "said", "anonymous"),
        ("Reports say the dam has cracked.", "say", "unnamed_report"),
        ("There are reports that the dam has cracked.", "reports", "unnamed_report"),
        ("It was reported that the dam had cracked.", "was reported", "unnamed_report"),
    ],
)  # fmt: skip
def test_sourcing_kinds(analyzer: Analyzer, sentence: str, cue: str, sourcing: str) -> None:
    assert by_cue(analyzer.analyze(sentence), cue).sourcing == sourcing


def test_sourcing_pronoun_keeps_anonymity(analyzer: Analyzer) -> None:
    text = (
        "A police officer said on condition of anonymity that the suspect had fled. "
        "He added that the car was found empty."
    )
    analysis = analyzer.analyze(text)
    assert by_cue(analysis, "added").sourcing == "anonymous"


@pytest.mark.parametrize(
    ("sentence", "published", "said_on", "said_on_text"),
    [
        ("On Thursday, the mayor said that the bridge was safe.", "2013-07-26", "2013-07-25",
         "Thursday"),
        ("The mayor said on Sunday that the bridge was safe.", "2013-07-26", "2013-07-21",
         "Sunday"),
        ("On July 12, the mayor said that the bridge was safe.", "2013-07-26", "2013-07-12",
         "July 12"),
        ("The mayor said on Friday that the bridge was safe.", "2013-07-26", "2013-07-26",
         "Friday"),
        ("On Thursday, the mayor said that the bridge was safe.", None, None, "Thursday"),
    ],
)  # fmt: skip
def test_sourcing_said_on_resolved_against_publication(
    analyzer: Analyzer, sentence: str, published: str | None, said_on: str | None,
    said_on_text: str,
) -> None:  # fmt: skip
    attribution = by_cue(analyzer.analyze(sentence, published=published), "said")
    assert attribution.said_on == said_on
    assert attribution.said_on_text == said_on_text


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("Asked if he was ever bullied, the governor laughed.", "Asked",
         "if he was ever bullied"),
        ("Asked whether the mayor had the integrity to serve, the senator said no.", "Asked",
         "whether the mayor had the integrity to serve"),
        ("Asked about her own vote, the senator said she would back the plan.", "Asked about",
         "her own vote"),
    ],
)  # fmt: skip
def test_sourcing_fronted_asked_names_no_asker(
    analyzer: Analyzer, sentence: str, cue: str, content: str
) -> None:
    # The one asked is the main clause's subject; whoever asked goes unnamed.
    attribution = by_cue(analyzer.analyze(sentence), cue)
    assert attribution.source is None
    assert content_text(attribution) == content


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Protesters supporting the new law marched downtown.", "supporting", "Protesters",
         "the new law"),
        ("A group supporting Governor Lee for president spent millions on ads.", "supporting",
         "A group", "Governor Lee for president"),
    ],
)  # fmt: skip
def test_sourcing_participle_takes_its_noun_as_source(
    analyzer: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(analyzer.analyze(sentence), cue, source, content)


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Citing an old report, the senator said the bridge was unsafe.", "Citing",
         "the senator", "an old report"),
        ("Criticizing the budget, the senator voted against the bill.", "Criticizing",
         "the senator", "the budget"),
    ],
)  # fmt: skip
def test_sourcing_fronted_participle_keeps_what_lies_before_its_source(
    analyzer: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(analyzer.analyze(sentence), cue, source, content)


def test_sourcing_time_preposition_stays_out_of_a_parenthetical_cue(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("The plan, the minister said on Monday, will fail.")
    assert [a.cue.text for a in analysis.attributions] == ["said"]


@pytest.mark.parametrize(
    ("sentence", "cue", "source"),
    [
        # A name compounded with a report noun is whose report it is.
        ("The governor dismissed a Reuters report that the plant would close.", "report",
         "Reuters"),
        ("There was a Pentagon statement saying that the base would close.", "statement",
         "Pentagon"),
        # A dateline or a headline hung on the subject is not part of the source.
        ("BRUSSELS - European leaders said on Friday that the talks had failed.", "said",
         "European leaders"),
        ("The Latest: The governor says the roads will reopen.", "says", "The governor"),
        # A hyphen inside a name, or a dash after no dateline, stays.
        ("Coca-Cola's chief executive said profits fell.", "said", "Coca-Cola's chief executive"),
        ("Forty state legislatures - only three short of the total - have said they would "
         "approve it.", "have said", "Forty state legislatures - only three short of the total"),
    ],
)  # fmt: skip
def test_sourcing_report_nouns_and_datelines(
    analyzer: Analyzer, sentence: str, cue: str, source: str
) -> None:
    """A name compounded with a report noun is its source; a dateline is never part of one."""
    attribution = by_cue(analyzer.analyze(sentence), cue)
    assert attribution.source is not None and attribution.source.text == source


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        # After a quotation the parser takes the speaker who follows the verb for its object.
        ('"The talks are over," added a senior diplomat.', "added", "a senior diplomat",
         '"The talks are over,"'),
        # The parser hangs the name on "Harbor Point" as an apposition; it is the speaker.
        ("At Harbor Point, where the rent doubled last year, Tom Reyes, a tenant organizer, "
         "said that families were leaving.", "said", "Tom Reyes, a tenant organizer",
         "that families were leaving"),
        # "quick to point out": the one who is quick is the one who points out.
        ("The advisers were quick to point out that he had won twice.", "to point out",
         "The advisers", "that he had won twice"),
    ],
)  # fmt: skip
def test_sourcing_speakers_the_parser_put_elsewhere(
    rules: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(rules.analyze(sentence), cue, source, content)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # A participle set off by commas says what the speaker was doing.
        ("Bernie Sanders, celebrating a victory in Vermont, said the race was not over.",
         "Bernie Sanders"),
        # An apposition says who the speaker is, and stays.
        ("Mary Lee, a nurse at the clinic, said the ward was full.",
         "Mary Lee, a nurse at the clinic"),
        # A relative clause that reports speech is an attribution of its own.
        ("Tom Barkley, who wrote that he usually votes for the mayor, said the debate was a mess.",
         "Tom Barkley"),
        # One that says something else of the speaker stays with the name.
        ("Lawmakers, who oppose the rule, said it would fail.",
         "Lawmakers, who oppose the rule"),
        # "even" weighs the source; it does not name it.
        ("Even some of his admirers said the speech was too long.", "some of his admirers"),
    ],
)  # fmt: skip
def test_sourcing_participle_aside_is_not_the_source(
    analyzer: Analyzer, sentence: str, source: str
) -> None:
    attribution = by_cue(analyzer.analyze(sentence), "said")
    assert attribution.source is not None and attribution.source.text == source
