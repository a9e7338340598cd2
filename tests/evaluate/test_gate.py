"""The evaluation gate: floors checked, raised, lowered only on request, pinned to a digest.

Scores here are small dicts we write and the evaluation is a stand-in, so no model runs except
in the one test of ``evaluate_model``'s batching, which uses fakes for the analyzer.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from rashomon.errors import ConfigError, InputError
from rashomon.evaluate import gate
from rashomon.evaluate.attributions import (
    PredictedAttribution,
    evaluate_corpus,
    score_attributions,
)
from rashomon.evaluate.brat import read_corpus
from rashomon.evaluate.gate import (
    GATED_METRICS,
    check_floors,
    corpus_digest,
    floors_from_scores,
    load_analyzer,
    lowered_floors,
    run_gate,
)
from rashomon.model import Analysis, Article

TEXT = "The mayor said that the bridge would reopen.\n"


def _scores(
    source: float = 60.0,
    cue: float = 55.0,
    content: float = 42.0,
    whole: float = 44.0,
    as_found: float = 43.0,
) -> dict[str, Any]:
    """A score dict shaped like ``evaluate_corpus``'s, with only what the gate reads."""
    return {
        "documents": 1,
        "exact": {"source": {"f1": source}, "cue": {"f1": cue}, "content": {"f1": content}},
        "attribution": {"f1": whole},
        "as_found": {"f1": as_found},
    }


def _floors(value: float) -> dict[str, float]:
    return dict.fromkeys(GATED_METRICS, value)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    ann = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 20 43\tthe bridge\n"
    ann += "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    (folder / "attributions" / "a.ann").write_text(ann, encoding="utf-8")
    return folder


@pytest.fixture
def floors_path(tmp_path: Path) -> Path:
    return tmp_path / "repo" / "benchmarks" / "eval_floors.json"


def _fixed(scores: dict[str, Any]) -> Any:
    return lambda folder, model: scores


@pytest.mark.parametrize(
    ("scores", "floors", "failing"),
    [
        pytest.param(_scores(), _floors(40.0), [], id="all-above"),
        pytest.param(_scores(), {"exact.content.f1": 42.0}, [], id="equal-holds"),
        pytest.param(_scores(content=41.9), {"exact.content.f1": 42.0}, ["exact content F1"]),
        pytest.param(_scores(whole=10.0, source=1.0), _floors(40.0), ["exact source", "attr"]),
        pytest.param(_scores(), {"overlap.cue.f1": 1.0}, ["overlap cue F1: missing"]),
    ],
)
def test_check_floors_failures(
    scores: dict[str, Any], floors: dict[str, float], failing: list[str]
) -> None:
    failures = check_floors(scores, floors)
    assert len(failures) == len(failing)
    for line, start in zip(failures, failing, strict=True):
        assert line.startswith(start)


def test_check_floors_line_is_readable() -> None:
    (line,) = check_floors(_scores(content=40.5), {"exact.content.f1": 42.0})
    assert line == "exact content F1 40.5 is below its floor 42.0 (-1.5)"


def test_floors_from_scores_round_down() -> None:
    floors = floors_from_scores(
        _scores(source=59.96, cue=55.0, content=41.71, whole=0.0, as_found=43.09)
    )
    assert floors == {
        "exact.source.f1": 59.9,
        "exact.cue.f1": 55.0,
        "exact.content.f1": 41.7,
        "attribution.f1": 0.0,
        "as_found.f1": 43.0,
    }


def test_lowered_floors_lists_each_drop() -> None:
    old = {"exact.cue.f1": 50.0, "attribution.f1": 40.0, "exact.source.f1": 30.0}
    new = {"exact.cue.f1": 49.9, "attribution.f1": 41.0}
    lines = lowered_floors(old, new)
    assert len(lines) == 2
    assert "49.9" in lines[0] and "dropped" in lines[1]


def test_corpus_digest_follows_names_and_contents(corpus: Path) -> None:
    first = corpus_digest(corpus)
    assert first.startswith("sha256:") and first == corpus_digest(corpus)
    (corpus / "text" / "a.txt").write_text(TEXT.replace("mayor", "Mayor"), encoding="utf-8")
    second = corpus_digest(corpus)
    assert second != first
    (corpus / "text" / "a.txt").rename(corpus / "text" / "b.txt")
    assert corpus_digest(corpus) != second


def test_run_gate_update_pins_then_passes(corpus: Path, floors_path: Path) -> None:
    outcome = run_gate(corpus, floors_path, update=True, evaluate=_fixed(_scores()))
    assert outcome.passed and outcome.written
    pinned = json.loads(floors_path.read_text(encoding="utf-8"))
    entry = pinned["corpora"]["../data/dev"]
    assert entry["digest"] == corpus_digest(corpus)
    assert entry["floors"]["default"] == floors_from_scores(_scores())
    assert run_gate(corpus, floors_path, evaluate=_fixed(_scores())).passed


def test_run_gate_regression_fails(corpus: Path, floors_path: Path) -> None:
    run_gate(corpus, floors_path, update=True, evaluate=_fixed(_scores()))
    outcome = run_gate(corpus, floors_path, evaluate=_fixed(_scores(cue=50.0)))
    assert not outcome.passed
    assert outcome.lines == ["exact cue F1 50.0 is below its floor 55.0 (-5.0)"]


def test_run_gate_update_raises_floors(corpus: Path, floors_path: Path) -> None:
    run_gate(corpus, floors_path, update=True, evaluate=_fixed(_scores()))
    assert run_gate(corpus, floors_path, update=True, evaluate=_fixed(_scores(cue=70.0))).passed
    pinned = json.loads(floors_path.read_text(encoding="utf-8"))
    assert pinned["corpora"]["../data/dev"]["floors"]["default"]["exact.cue.f1"] == 70.0


def test_run_gate_lowering_needs_lower(corpus: Path, floors_path: Path) -> None:
    run_gate(corpus, floors_path, update=True, evaluate=_fixed(_scores()))
    before = floors_path.read_text(encoding="utf-8")
    refused = run_gate(corpus, floors_path, update=True, evaluate=_fixed(_scores(whole=30.0)))
    assert not refused.passed and not refused.written
    assert refused.lines[-1] == "refused: lowering a floor needs --lower"
    assert floors_path.read_text(encoding="utf-8") == before
    lowered = run_gate(
        corpus, floors_path, update=True, lower=True, evaluate=_fixed(_scores(whole=30.0))
    )
    assert lowered.passed and lowered.written
    pinned = json.loads(floors_path.read_text(encoding="utf-8"))
    assert pinned["corpora"]["../data/dev"]["floors"]["default"]["attribution.f1"] == 30.0


def test_run_gate_digest_mismatch_reported(corpus: Path, floors_path: Path) -> None:
    run_gate(corpus, floors_path, update=True, evaluate=_fixed(_scores()))
    (corpus / "text" / "a.txt").write_text(TEXT.upper(), encoding="utf-8")
    outcome = run_gate(corpus, floors_path, evaluate=_fixed(_scores()))
    assert not outcome.passed
    (line,) = outcome.lines
    assert "digest mismatch" in line and "different data" in line


@pytest.mark.parametrize("model", ["rules", "accurate"])
def test_run_gate_nothing_pinned_fails(corpus: Path, floors_path: Path, model: str) -> None:
    floors_path.parent.mkdir(parents=True)
    floors_path.write_text('{"corpora": {}}', encoding="utf-8")
    outcome = run_gate(corpus, floors_path, model=model, evaluate=_fixed(_scores()))
    assert not outcome.passed
    assert "no floors pinned" in outcome.lines[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no floors file"), ("{", "cannot read floors"), ("[]", "'corpora'")],
)
def test_run_gate_bad_floors_file(
    corpus: Path, floors_path: Path, content: str | None, message: str
) -> None:
    if content is not None:
        floors_path.parent.mkdir(parents=True)
        floors_path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        run_gate(corpus, floors_path, evaluate=_fixed(_scores()))


def test_main_exit_codes(
    corpus: Path,
    floors_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    documents = read_corpus(corpus)
    # Predictions equal to the gold give full scores; no predictions give zeros.
    perfect = {
        document.id: [
            PredictedAttribution(a.source, a.cue, a.content) for a in document.attributions
        ]
        for document in documents
    }
    results = [score_attributions(documents, perfect), score_attributions(documents, {})]
    monkeypatch.setattr(gate, "evaluate_model", lambda folder, model: (results[0], []))
    arguments = [str(corpus), "--floors", str(floors_path)]
    assert gate.main([*arguments, "--lower"]) == 1
    assert gate.main(arguments) == 1
    assert "error:" in capsys.readouterr().err
    assert gate.main([*arguments, "--update"]) == 0
    assert gate.main(arguments) == 0
    captured = capsys.readouterr()
    assert "attribution" in captured.out and "gate: passed" in captured.err
    results.pop(0)
    assert gate.main(arguments) == 1
    assert "gate: FAILED" in capsys.readouterr().err


def test_load_analyzer_refuses_an_unknown_model() -> None:
    with pytest.raises(ConfigError, match="bogus"):
        load_analyzer("bogus")


def test_evaluate_model_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such corpus folder"):
        gate.evaluate_model(tmp_path / "missing")


def test_evaluate_corpus_batch_falls_back_to_single_documents(corpus: Path) -> None:
    (corpus / "text" / "b.txt").write_text("", encoding="utf-8")
    (corpus / "attributions" / "b.ann").write_text("", encoding="utf-8")
    batches: list[int] = []
    singles: list[str] = []
    ticks: list[None] = []

    def analyze(text: str) -> Analysis:
        singles.append(text)
        if not text:
            raise InputError("empty")
        return Analysis(Article(id="x", text=text))

    def analyze_batch(texts: list[str]) -> Iterable[Analysis]:
        batches.append(len(texts))
        for text in texts:
            if not text:
                raise InputError("empty")
            yield Analysis(Article(id="x", text=text))

    scores, errors = evaluate_corpus(
        corpus, analyze, analyze_batch=analyze_batch, progress=lambda: ticks.append(None)
    )
    assert batches == [2] and len(singles) == 2
    assert scores["failed"] == 1 and scores["documents"] == 2
    assert len(ticks) == 2 and len(errors) == 1
    scores, _ = evaluate_corpus(corpus, analyze, limit=1, analyze_batch=analyze_batch)
    assert scores["failed"] == 0 and batches[-1] == 1
