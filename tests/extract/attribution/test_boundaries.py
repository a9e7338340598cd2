"""The learned boundary model: which edges it may move to, what it learns, what it never does."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import find_with_models
from spacy.language import Language

from rashomon.extract.attribution.boundaries import (
    WINDOW,
    BoundaryExample,
    BoundaryModel,
    candidates,
    edge_bounds,
    movable,
    refine,
    token_range,
    train_boundaries,
)
from rashomon.extract.attribution.cues import CueLexicon, SourcingLexicon
from rashomon.extract.attribution.finder import find_attributions
from rashomon.extract.attribution.spans import overlaps


def test_candidates_stay_within_the_window_and_the_bounds(parser: Language) -> None:
    doc = parser(
        "The minister said that the new budget would cut spending on schools and on roads "
        "across the country over the next five years, a plan that critics called reckless."
    )
    edge = 10
    options = candidates(doc, edge, 6, len(doc) - 1, "e")
    assert edge in options
    assert min(options) >= 6 and max(options) == edge + WINDOW
    # The bounds the other spans leave cut the window on both sides.
    assert candidates(doc, edge, 8, 12, "e") == [8, 9, 10, 11, 12]


def test_a_content_start_never_moves_onto_the_cue_before_it(parser: Language) -> None:
    # "said" (1) lies before the content "the talks had failed" (2-5).
    doc = parser("Officials said the talks had failed.")
    assert edge_bounds(doc, (2, 5), [(1, 1), (0, 0)], "s", 2) == (2, 5)
    # The end may move to the end of its sentence, not into the next one.
    two = parser("Officials said the talks had failed. Nobody was surprised.")
    assert edge_bounds(two, (2, 5), [(1, 1), (0, 0)], "e", 2) == (2, 6)


@pytest.mark.parametrize(
    ("piece", "side", "expected"),
    [((0, 12), "s", False), ((0, 12), "e", False), ((13, 20), "s", True), ((14, 20), "e", True)],
)
def test_an_edge_on_a_quote_mark_is_not_the_models_to_move(
    piece: tuple[int, int], side: str, expected: bool
) -> None:
    text = "“Not again,” the mayor said."
    assert movable(text, piece, side) is expected


def _relative_clause_examples(parser: Language) -> list[BoundaryExample]:
    """Contents the rules end after a trailing ", which …" clause; the gold ends before it."""
    examples = []
    for sentence in [
        "Critics said the law failed, which surprised nobody in the capital.",
        "The mayor argued the plan works, which angered the council members.",
        "Analysts noted that prices rose, which hurt poorer families most.",
        "She claimed the vote was rigged, which her rivals denied at once.",
    ]:
        doc = parser(sentence)
        comma = next(t.i for t in doc if t.text == ",")
        cue = next(t.i for t in doc if t.pos_ == "VERB")
        last = len(doc) - 2  # the word before the full stop
        options = tuple(candidates(doc, last, cue + 1, len(doc) - 1, "e"))
        examples.append(BoundaryExample(doc, "content", "e", last, cue, options, comma - 1))
    return examples


def test_the_model_learns_where_a_corpus_ends_a_content(parser: Language) -> None:
    model = train_boundaries(_relative_clause_examples(parser), epochs=8)
    doc = parser("The governor said the budget balanced, which pleased the lenders greatly.")
    cue = next(t.i for t in doc if t.lemma_ == "say")
    last = len(doc) - 2
    options = candidates(doc, last, cue + 1, len(doc) - 1, "e")
    chosen = model.choose(doc, "content", "e", last, cue, options)
    assert doc[chosen].text == "balanced"


def test_training_is_deterministic_and_the_model_round_trips(parser: Language, tmp_path) -> None:
    examples = _relative_clause_examples(parser)
    first = train_boundaries(examples, epochs=3)
    second = train_boundaries(examples, epochs=3)
    assert np.array_equal(first.weights, second.weights)
    first.save(tmp_path / "boundaries.npz")
    loaded = BoundaryModel.load(tmp_path / "boundaries.npz")
    assert loaded.roles == first.roles
    assert np.allclose(loaded.weights, first.weights, atol=1e-6)


def test_a_model_without_weights_leaves_every_edge_where_the_rules_put_it(parser: Language) -> None:
    doc = parser("The senator said that the report, which was leaked, was false.")
    lexicon, sourcing = CueLexicon.default(), SourcingLexicon.default()
    plain = find_attributions(doc, lexicon, sourcing)
    model = BoundaryModel(np.zeros_like(BoundaryModel.default().weights))
    refined = find_attributions(doc, lexicon, sourcing, boundaries=model)
    assert [(a.cue, a.source, a.content) for a in refined] == [
        (a.cue, a.source, a.content) for a in plain
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“We will not back down,” the union leader said on Tuesday, “not this time.”",
        "The ministry denied that troops had crossed the border, calling the reports false.",
        "According to two officials who asked not to be named, the talks collapsed on Friday.",
        "He has repeatedly said the election, which he lost, was stolen from him.",
        "The company, which makes chips, said its profits fell sharply last quarter.",
    ],
)
def test_refined_spans_never_overlap_each_other(parser: Language, text: str) -> None:
    doc = parser(text)
    found = find_with_models(doc)
    assert found
    for attribution in found:
        assert attribution.cue[0] < attribution.cue[1]
        assert not overlaps(attribution.cue, attribution.content)
        if attribution.source is not None:
            assert not overlaps(attribution.source, attribution.content)
            assert not overlaps(attribution.source, [attribution.cue])
        for start, end in attribution.content:
            assert start < end
            assert token_range(doc, (start, end)) is not None


def test_the_built_in_model_settles_edges_in_one_pass(parser: Language) -> None:
    doc = parser("The senator has repeatedly said that the deal is dead.")
    found = find_with_models(doc)
    [attribution] = found
    assert doc.text[slice(*attribution.cue)].endswith("said")
    assert doc.text[slice(*attribution.content[0])] in {
        "that the deal is dead",
        "the deal is dead",
    }
    refine(doc, found, BoundaryModel.default())
    again = doc.text[slice(*attribution.content[0])]
    assert again in {"that the deal is dead", "the deal is dead"}
