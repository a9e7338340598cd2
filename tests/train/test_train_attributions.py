"""Training the cue classifier, the boundary model and the attribution scorer on a small BRAT
corpus, through the library and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.extract.attribution.boundaries import BoundaryModel
from rashomon.extract.attribution.classifier import CueClassifier, hashed
from rashomon.extract.attribution.scorer import AttributionScorer
from rashomon.nlp.loading import load_model
from rashomon.train.attributions import train_attribution_models, train_cue_classifier

SENTENCES = [
    "Most senators endorsed the governor for the nomination.",
    "The union endorsed the mayor in the race.",
    "Two newspapers endorsed the challenger last week.",
    "The board endorsed a plan to cut costs.",
]


def _corpus(folder: Path, sentences: Sequence[str] = SENTENCES, cue: str = "endorsed") -> Path:
    """One-sentence documents, each with ``cue`` annotated as a cue, the words before it as
    the source and the words after it as the content."""
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for number, sentence in enumerate(sentences):
        start = sentence.index(cue)
        end = start + len(cue)
        source = sentence[: start - 1]
        content_start = end + 1
        content = sentence[content_start:-1]
        (folder / "text" / f"doc{number}.txt").write_text(sentence, encoding="utf-8")
        (folder / "attributions" / f"doc{number}.ann").write_text(
            f"T1\tSource 0 {len(source)}\t{source}\n"
            f"T2\tCue {start} {end}\t{cue}\n"
            f"T3\tContent {content_start} {content_start + len(content)}\t{content}\n"
            f"T4\tAttribution {start} {end}\t{cue}\n"
            "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n",
            encoding="utf-8",
        )
    return folder


def test_train_attributions_learns_an_unlisted_cue(tmp_path: Path) -> None:
    classifier = train_cue_classifier(_corpus(tmp_path / "gold"), epochs=4)
    assert "endorse" in classifier.lemmas
    doc = load_model()("The council endorsed the proposal on Monday.")
    verb = next(t for t in doc if t.lemma_ == "endorse")
    assert classifier.probability(verb, in_lexicon=False) > 0.5


CHAIN_SENTENCES = [
    "The senator continued to applaud the plan.",
    "Two mayors continued to applaud the budget.",
    "The union continued to applaud the deal.",
    "Most farmers continued to applaud the new rules.",
]


def test_train_attributions_learns_the_infinitive_of_a_chain_as_the_cue(tmp_path: Path) -> None:
    # PolNeAR marks "continued to applaud" as one cue, whose head is "continued"; the finder
    # asks the classifier about "applaud" and runs the cue back to "continued", so "applaud"
    # is what must be learned.
    gold = _corpus(tmp_path / "gold", CHAIN_SENTENCES, "continued to applaud")
    classifier = train_cue_classifier(gold, epochs=4)
    assert "applaud" in classifier.lemmas
    assert "continue" not in classifier.lemmas
    doc = load_model()("The council continued to applaud the proposal.")
    verb = next(t for t in doc if t.lemma_ == "applaud")
    assert classifier.probability(verb, in_lexicon=False) > 0.5


def test_train_attributions_is_deterministic_and_round_trips(tmp_path: Path) -> None:
    gold = _corpus(tmp_path / "gold")
    first = train_cue_classifier(gold, epochs=2)
    second = train_cue_classifier(gold, epochs=2)
    assert np.array_equal(first.weights, second.weights)
    first.save(tmp_path / "model.npz")
    loaded = CueClassifier.load(tmp_path / "model.npz")
    assert loaded.lemmas == first.lemmas
    assert np.allclose(loaded.weights, first.weights, atol=1e-6)


def test_the_boundary_model_learns_from_what_the_finder_drew(tmp_path: Path) -> None:
    # The finder, run with the new classifier, draws spans for "endorsed"; each is paired
    # with its gold attribution, and every edge becomes a training example.
    classifier, boundaries, _ = train_attribution_models(_corpus(tmp_path / "gold"), epochs=4)
    assert "endorse" in classifier.lemmas
    assert boundaries.roles == {"content"}
    assert np.count_nonzero(boundaries.weights) > 0
    first, second = (
        train_attribution_models(_corpus(tmp_path / name), epochs=2)[1] for name in ("a", "b")
    )
    assert np.array_equal(first.weights, second.weights)


def test_the_scorer_learns_from_whole_attributions(tmp_path: Path) -> None:
    # Every "endorsed" attribution the finder draws matches its gold one, so the scorer
    # learns to believe them: its bias rises above zero, and training is deterministic.
    models = train_attribution_models(_corpus(tmp_path / "gold"), epochs=4)
    assert models.scorer.weights[hashed(["bias"])][0] > 0
    assert models.scorer.weights[hashed(["lemma=endorse"])][0] > 0
    again = train_attribution_models(_corpus(tmp_path / "again"), epochs=4)
    assert np.array_equal(models.scorer.weights, again.scorer.weights)


def test_train_attributions_cli_writes_all_three_models(tmp_path: Path) -> None:
    gold = _corpus(tmp_path / "gold")
    output = tmp_path / "cues.npz"
    boundaries = tmp_path / "boundaries.npz"
    scorer = tmp_path / "scorer.npz"
    result = CliRunner().invoke(
        app,
        [
            "train",
            "attributions",
            str(gold),
            "--output",
            str(output),
            "--boundaries",
            str(boundaries),
            "--scorer",
            str(scorer),
            "--epochs",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "endorse" in CueClassifier.load(output).lemmas
    assert BoundaryModel.load(boundaries).roles == {"content"}
    assert AttributionScorer.load(scorer).cue_threshold == 0.15


@pytest.mark.parametrize("missing", ["no-such-folder"])
def test_train_attributions_cli_bad_corpus_is_one_line(tmp_path: Path, missing: str) -> None:
    result = CliRunner().invoke(app, ["train", "attributions", str(tmp_path / missing)])
    assert result.exit_code == 1
    assert "error:" in result.output
    assert "Traceback" not in result.output
