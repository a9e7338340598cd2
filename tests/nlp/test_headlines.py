"""A title-case headline is parsed as it would be in sentence case; its text stays as it is."""

from __future__ import annotations

import pytest
from spacy.language import Language

from rashomon.nlp.headlines import recased_words, title_case
from rashomon.pipeline import Analyzer

STORY = (
    "Lawmakers Slam Mayor Over Bridge Closure\n"
    "The mayor of Salem closed the bridge over the river on Monday, and lawmakers said the "
    "decision was reckless."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lawmakers Slam Mayor Over Bridge Closure", True),
        ("Clinton Breaks With Obama On 9/11 Lawsuit Bill", True),
        ("Lawmakers slam the mayor over the bridge closure", False),
        # Capitals throughout say nothing about which words are names.
        ("LAWMAKERS SLAM MAYOR OVER BRIDGE CLOSURE", False),
        # Too few words to tell a title from a name.
        ("Jane Smith", False),
    ],
)
def test_title_case_tells_headlines_from_sentences(
    parser: Language, line: str, expected: bool
) -> None:
    sentence = next(iter(parser(line).sents))
    assert title_case(sentence) is expected


def test_recased_words_keep_names_acronyms_and_dates(parser: Language) -> None:
    doc = parser(
        "Senator Smith Asks CIA To Explain Strike In May\n"
        "The senator, a Democrat, wrote to the agency. Smith said it had not answered."
    )
    headline = next(iter(doc.sents))
    words = recased_words(headline, {"Smith"})
    # The first word, a name the story writes with a capital, an acronym and a month keep
    # their case; the rest is lowered.
    assert words[:9] == ["Senator", "Smith", "asks", "CIA", "to", "explain", "strike", "in", "May"]


def test_headline_verb_is_read_as_a_verb_and_the_text_is_unchanged(parser: Language) -> None:
    doc = parser(STORY)
    assert doc.text == STORY
    slam = doc[1]
    assert slam.text == "Slam"
    assert (slam.pos_, slam.dep_, slam.lemma_) == ("VERB", "ROOT", "slam")
    assert {child.text for child in slam.children} >= {"Lawmakers", "Mayor"}
    assert doc[0].dep_ == "nsubj"


def test_the_story_below_the_headline_is_parsed_as_before(parser: Language) -> None:
    doc = parser(STORY)
    with parser.select_pipes(disable=["rashomon_headlines"]):
        before = parser(STORY)
    start = next(t.i for t in doc if t.text == "The")
    assert [(t.tag_, t.dep_, t.head.i) for t in doc[start:]] == [
        (t.tag_, t.dep_, t.head.i) for t in before[start:]
    ]
    # Without the recaser the headline verb is a name, which is what it exists to fix.
    assert before[1].pos_ == "PROPN"


def test_batches_are_recased_as_single_documents(parser: Language) -> None:
    texts = [STORY, "Mayor Vows To Reopen Bridge By May\nThe mayor spoke on Monday.", "No title."]
    one_by_one = [[(t.pos_, t.dep_, t.head.i) for t in parser(text)] for text in texts]
    batched = [
        [(t.pos_, t.dep_, t.head.i) for t in doc] for doc in parser.pipe(texts, batch_size=2)
    ]
    assert batched == one_by_one


def test_a_headline_attribution_is_found(rules: Analyzer) -> None:
    analysis = rules.analyze(STORY)
    slam = next(a for a in analysis.attributions if a.cue.text == "Slam")
    assert slam.source is not None and slam.source.text == "Lawmakers"
    assert [piece.text for piece in slam.content] == ["Mayor Over Bridge Closure"]
