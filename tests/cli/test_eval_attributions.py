"""Tests for ``rashomon eval attributions``, driven through Typer's CliRunner on a tiny corpus.

The corpus is two documents we write, with BRAT offsets computed from the text, so the real
analyzer runs on it (loaded once per module) and the command is exercised end to end.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.pipeline import Analyzer

# Each document: its sentences, each with the (source, cue, content) said in it.
DOCUMENTS = {
    "alpha": [
        (
            "The mayor said that the bridge would reopen.",
            ("The mayor", "said", "the bridge would reopen"),
        ),
        (
            "Engineers told reporters that the repairs were finished.",
            ("Engineers", "told", "the repairs were finished"),
        ),
    ],
    "beta": [
        ('"We will appeal," the lawyer said.', ("the lawyer", "said", '"We will appeal,"')),
        ("The judge said that the ruling stood.", ("The judge", "said", "the ruling stood")),
    ],
}


def _text(sentences: list[tuple[str, tuple[str, str, str]]]) -> str:
    return " ".join(sentence for sentence, _ in sentences) + "\n"


def _ann(sentences: list[tuple[str, tuple[str, str, str]]]) -> str:
    """BRAT lines for each sentence's attribution, offsets found within its sentence."""
    lines, offset = [], 0
    for n, (sentence, phrases) in enumerate(sentences, start=1):
        for k, (role, phrase) in enumerate(zip(("Source", "Cue", "Content"), phrases, strict=True)):
            start = offset + sentence.index(phrase)
            lines.append(f"T{3 * n + k - 2}\t{role} {start} {start + len(phrase)}\t{phrase}")
        source, cue, content = (f"T{3 * n + k - 2}" for k in range(3))
        lines.append(f"E{n}\tAttribution:{cue} Source:{source} Cue:{cue} Content:{content}")
        offset += len(sentence) + 1
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    """One runner; loading the model once here makes every later run fast (it is cached)."""
    Analyzer()
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "gold" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for name, sentences in DOCUMENTS.items():
        (folder / "text" / f"{name}.txt").write_text(_text(sentences), encoding="utf-8")
        (folder / "attributions" / f"{name}.ann").write_text(_ann(sentences), encoding="utf-8")
    (tmp_path / "gold" / "metadata.tsv").write_text(
        "filename\tpublisher\nalpha\tnyt\nbeta\tfox\n", encoding="utf-8"
    )
    return folder


def test_eval_attributions_text_report(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["eval", "attributions", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "documents 2  gold 4" in result.stdout
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("attribution")]
    assert len(line.split()) == 7
    assert "publisher nyt" in result.stdout and "publisher fox" in result.stdout


def test_eval_attributions_json_scores(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["eval", "attributions", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["documents"] == 2
    assert scores["gold"] == 4
    assert scores["model"] == "default"
    assert set(scores["attribution"]) == {"p", "r", "f1", "tp", "fp", "fn"}


def test_eval_attributions_limit(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["eval", "attributions", str(corpus), "-f", "json", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"] == 1


def test_eval_attributions_errors_file(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    result = runner.invoke(
        app, ["eval", "attributions", str(corpus), "-f", "json", "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    attribution = scores["attribution"]
    assert len(lines) == attribution["fn"] + attribution["fp"]
    for line in lines:
        assert line["error"] in ("missed", "false_alarm")
        assert line["document"] in DOCUMENTS


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param(["missing"], id="missing-folder"),
        pytest.param(["empty"], id="no-texts"),
    ],
)
def test_eval_attributions_bad_corpus(
    runner: CliRunner, tmp_path: Path, arguments: list[str]
) -> None:
    (tmp_path / "empty").mkdir()
    paths = [str(tmp_path / name) for name in arguments]
    result = runner.invoke(app, ["eval", "attributions", *paths])
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ")


def test_eval_attributions_malformed_annotation(runner: CliRunner, corpus: Path) -> None:
    (corpus / "attributions" / "beta.ann").write_text("T1\tSource x y\tWe\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "attributions", str(corpus)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "beta.ann:1" in line


def test_eval_attributions_unknown_model(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(app, ["eval", "attributions", str(corpus), "--model", "bogus"])
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and "bogus" in line


def test_eval_attributions_nesting(runner: CliRunner, tmp_path: Path) -> None:
    # The gold marks only the ministry's rejection; rashomon also reports what the
    # militants said inside it.
    sentence = "The ministry rejected reports that the militants said they had left."
    folder = tmp_path / "nested"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "n.txt").write_text(sentence + "\n", encoding="utf-8")
    phrases = [(sentence, ("The ministry", "rejected", "reports that the militants said"))]
    (folder / "attributions" / "n.ann").write_text(_ann(phrases), encoding="utf-8")

    def scores(*options: str) -> dict[str, Any]:
        result = runner.invoke(app, ["eval", "attributions", str(folder), "-f", "json", *options])
        assert result.exit_code == 0, result.output
        return dict(json.loads(result.stdout))

    flat, nested = scores(), scores("--nesting", "nested")
    assert flat["nesting"] == "flat" and flat["set_aside"] >= 1
    assert nested["nesting"] == "nested" and nested["set_aside"] == 0
    assert nested["predicted"] == flat["predicted"] + flat["set_aside"]
    assert flat["attribution"]["fp"] < nested["attribution"]["fp"]
    assert "set aside" in runner.invoke(app, ["eval", "attributions", str(folder)]).stdout
