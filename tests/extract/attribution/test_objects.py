"""Contents carried by objects and adjectives: what a learned cue takes as what was said."""

from __future__ import annotations

import pytest
from conftest import by_cue, content_text, said
from spacy.lang.en import English
from spacy.tokens import Doc

from rashomon.extract.attribution.frames import cue_frame, predicate_adjective
from rashomon.pipeline import Analyzer


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("The senator accused the agency of a cover-up.", "accused", "The senator",
         "the agency of a cover-up"),
    ],
)  # fmt: skip
def test_objects_listed_verb_sure_in_context_takes_its_object(
    analyzer: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(analyzer.analyze(sentence), cue, source, content)


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The mayor attacked the governor during the debate.", "attacked", "the governor"),
        ("The union criticized the plan after the vote on Friday.", "criticized", "the plan"),
    ],
)  # fmt: skip
def test_objects_time_adjuncts_are_not_content(
    analyzer: Analyzer, sentence: str, cue: str, content: str
) -> None:
    assert content_text(by_cue(analyzer.analyze(sentence), cue)) == content


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The senator urged the council to reject the budget.", "urged",
         "the council to reject the budget"),
        # The parser hangs this infinitive on the verb as an adverbial clause.
        ("The group petitioned the court to halt the sale.", "petitioned",
         "the court to halt the sale"),
        # The one called on is reached through a preposition, which joins the cue.
        ("The senator called on his colleagues to reject the bill.", "called on",
         "his colleagues to reject the bill"),
    ],
)  # fmt: skip
def test_objects_the_one_urged_belongs_to_the_content(
    analyzer: Analyzer, sentence: str, cue: str, content: str
) -> None:
    assert content_text(by_cue(analyzer.analyze(sentence), cue)) == content


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        # (Not "The governor has been …": with a lone "governor" the scorer's probability sat
        # at its threshold, above it with one training of the models and below with the next.)
        ("Democrats have been critical of the new tax.", "have been critical of",
         "Democrats", "the new tax"),
        ("The unions are well aware of the risks.", "are well aware of", "The unions",
         "the risks"),
    ],
)  # fmt: skip
def test_objects_predicate_adjective_carries_the_stance(
    analyzer: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(analyzer.analyze(sentence), cue, source, content)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "adjective"),
    [
        (["They", "are", "wary", "of", "risks"], [1, 1, 1, 2, 3],
         ["nsubj", "ROOT", "acomp", "prep", "pobj"], "wary"),
        (["They", "are", "sure", "it", "works"], [1, 1, 1, 4, 2],
         ["nsubj", "ROOT", "acomp", "nsubj", "ccomp"], "sure"),
        (["They", "are", "tired"], [1, 1, 1], ["nsubj", "ROOT", "acomp"], None),
        (["They", "are", "tired", "in", "June"], [1, 1, 1, 2, 3],
         ["nsubj", "ROOT", "acomp", "prep", "pobj"], None),
    ],
)  # fmt: skip
def test_objects_predicate_adjective_frame(
    words: list[str], heads: list[int], deps: list[str], adjective: str | None
) -> None:
    doc = Doc(English().vocab, words=words, heads=heads, deps=deps)
    found = predicate_adjective(doc[1])
    assert (found.text if found is not None else None) == adjective
    assert (cue_frame(doc[1]) == "adjective") == (adjective is not None)


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        ("The senator criticized the governor, who took office in May.", "criticized",
         "the governor"),
        ("The generals vowed to pardon the colonel, who has not been charged with any crime.",
         "vowed", "to pardon the colonel"),
        ("The union praised the mayor, whose budget added two hundred teachers.", "praised",
         "the mayor"),
    ],
)  # fmt: skip
def test_objects_writers_aside_after_the_object_is_not_content(
    analyzer: Analyzer, sentence: str, cue: str, content: str
) -> None:
    assert content_text(by_cue(analyzer.analyze(sentence), cue)) == content


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # Restrictive: no comma, the clause says which officials.
        ("The senator criticized the officials who approved the plan.", "criticized",
         "the officials who approved the plan"),
        # Inside a quotation the clause is the speaker's own words.
        ('The senator criticized "the governor, who never listens."', "criticized",
         '"the governor, who never listens."'),
    ],
)  # fmt: skip
def test_objects_restrictive_or_quoted_relative_clause_stays(
    analyzer: Analyzer, sentence: str, cue: str, content: str
) -> None:
    assert content_text(by_cue(analyzer.analyze(sentence), cue)) == content


def test_objects_as_phrase_after_a_bound_preposition_belongs_to_the_content(
    analyzer: Analyzer,
) -> None:
    analysis = analyzer.analyze(
        "The report pointed to the drought as the main cause of the losses."
    )
    assert (
        content_text(by_cue(analysis, "pointed to"))
        == "the drought as the main cause of the losses"
    )


def test_objects_stance_through_at_takes_its_object(analyzer: Analyzer) -> None:
    attribution = by_cue(
        analyzer.analyze("The senator balked at the cost of the new bridge."), "balked at"
    )
    assert content_text(attribution) == "the cost of the new bridge"


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        # A relative clause with no relative pronoun: its object is the noun it hangs on.
        ("The plan the minister denied on Tuesday would cut pensions.", "denied",
         "the minister", "The plan"),
        # A passive participle: the noun is what was done to, the agent who did it.
        ("The claims, denied by the ministry, spread quickly.", "denied", "the ministry",
         "The claims"),
    ],
)  # fmt: skip
def test_objects_a_gapped_clause_takes_the_noun_it_hangs_on(
    rules: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(rules.analyze(sentence), cue, source, content)


def test_objects_a_participle_with_no_agent_has_no_source(rules: Analyzer) -> None:
    # "on Friday" is when the deal was announced, not what was announced.
    attribution = by_cue(
        rules.analyze("The tentative deal, announced on Friday, would last four years."),
        "announced",
    )
    assert attribution.source is None
    assert content_text(attribution) == "The tentative deal"


def test_objects_a_relative_pronoun_subject_is_the_one_who_acts(rules: Analyzer) -> None:
    # "who" is the subject: the minister denied the report, he is not what was denied.
    attribution = by_cue(rules.analyze("The minister, who denied the report, resigned."), "denied")
    assert content_text(attribution) == "the report"


def test_objects_a_date_after_a_bound_preposition_is_not_content(analyzer: Analyzer) -> None:
    assert analyzer.analyze("The senator commented on Monday.").attributions == ()
    analysis = analyzer.analyze("The senator commented on the plan on Monday.")
    assert content_text(by_cue(analysis, "commented on")) == "the plan"
