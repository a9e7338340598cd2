"""Tests for ``rashomon analyze`` and the app around it, driven through Typer's CliRunner.

With the installed Click (8.2+), ``CliRunner`` always keeps stderr apart: ``result.stdout`` is
the data, ``result.stderr`` the errors, logs and progress.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import rashomon
from rashomon.cli import app
from rashomon.errors import ModelError
from rashomon.pipeline import Analyzer

DENIAL = (
    "The ministry denied the reports on Friday. "
    '"We have sent fighters," a senior official said on condition of anonymity.\n'
)
THURSDAY = "The minister said on Thursday that the border was calm.\n"
MARKUP = "The minister said that [red]x[/red] was [bold]fine[/bold].\n"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    """One runner; loading the model once here makes every later run fast (it is cached)."""
    Analyzer()
    return CliRunner()


def _lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _article(document: dict[str, object]) -> dict[str, object]:
    article = document["article"]
    assert isinstance(article, dict)
    return article


def test_analyze_json_single_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "minister-speaks.txt"
    path.write_text(THURSDAY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["schema"] == "rashomon/1"
    assert _article(document)["id"] == "minister-speaks"
    assert result.stderr == ""


def test_analyze_json_several_inputs_is_an_array(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(THURSDAY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(DENIAL, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "json"])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert [_article(document)["id"] for document in documents] == ["one", "two"]


def test_analyze_jsonl_folder_two_files(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "alpha.txt").write_text(THURSDAY, encoding="utf-8")
    (tmp_path / "beta.txt").write_text(DENIAL, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2
    assert [_article(line)["id"] for line in _lines(result.stdout)] == ["alpha", "beta"]


def test_analyze_default_format_off_terminal_is_jsonl(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "alpha.txt").write_text(THURSDAY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "alpha.txt")])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert _article(json.loads(line))["id"] == "alpha"


def test_analyze_bad_file_reported_and_batch_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    (tmp_path / "good.txt").write_text(DENIAL, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {empty}: ")
    assert [_article(line)["id"] for line in _lines(result.stdout)] == ["good"]


def test_analyze_jsonl_input_keeps_ids(runner: CliRunner, tmp_path: Path) -> None:
    # Seven records: more than the progress threshold, which must not disturb the output.
    path = tmp_path / "batch.jsonl"
    records = [{"id": f"story-{n}", "text": THURSDAY} for n in range(6)]
    records.append({"id": "dated", "text": THURSDAY, "published": "2013-07-26"})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    documents = _lines(result.stdout)
    assert [_article(d)["id"] for d in documents] == [r["id"] for r in records]
    assert _article(documents[-1])["published"] == "2013-07-26"
    assert result.stderr == ""
    # On a terminal (forced) the bar is drawn on stderr and stdout stays clean data.
    shown = runner.invoke(app, ["analyze", str(path), "-f", "jsonl"], env={"FORCE_COLOR": "1"})
    assert shown.exit_code == 0, shown.output
    assert "articles" in shown.stderr
    assert [_article(d)["id"] for d in _lines(shown.stdout)] == [r["id"] for r in records]


def test_analyze_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "-", "-f", "json"], input=THURSDAY)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert _article(document)["id"] == "stdin"
    assert _article(document)["text"] == THURSDAY


def test_analyze_published_resolves_weekday(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "calm.txt"
    path.write_text(THURSDAY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "-f", "json", "--published", "2013-07-26"])
    assert result.exit_code == 0, result.output
    attributions = json.loads(result.stdout)["attributions"]
    said = [(a["said_on_text"], a["said_on"]) for a in attributions]
    assert ("Thursday", "2013-07-25") in said


def test_analyze_published_not_a_date_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "calm.txt"
    path.write_text(THURSDAY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--published", "26/07/2013"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_analyze_text_report_marks_denial_and_anonymous(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "denial.txt"
    path.write_text(DENIAL, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "-f", "text"])
    assert result.exit_code == 0, result.output
    assert "Who said what" in result.stdout
    assert "DENY" in result.stdout
    assert "anonymous" in result.stdout
    assert "Sourcing: 1 named · 1 anonymous" in result.stdout


def test_analyze_text_report_shows_origin(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(THURSDAY + "By Press TV\n", encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "-f", "text"])
    assert result.exit_code == 0, result.output
    assert "origin: By Press TV" in result.stdout
    assert "evidence: “By Press TV”" in result.stdout


def test_analyze_text_report_prints_markup_literally(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text(MARKUP, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "-f", "text"])
    assert result.exit_code == 0, result.output
    assert "[red]x[/red]" in result.stdout
    assert "[bold]fine[/bold]" in result.stdout


def test_analyze_internal_error_reported_and_batch_goes_on(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "broken.txt").write_text(THURSDAY, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(THURSDAY, encoding="utf-8")
    real = Analyzer.analyze_article

    def flaky(self: Analyzer, article: rashomon.Article) -> rashomon.Analysis:
        if article.id == "broken":
            raise ValueError("boom")
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyze_article", flaky)
    monkeypatch.setattr(Analyzer, "analyze_many", _failing_batch)
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "jsonl"])
    assert result.exit_code == 1
    broken = tmp_path / "broken.txt"
    assert result.stderr == f"error: {broken}: internal error: ValueError: boom\n"
    assert [_article(line)["id"] for line in _lines(result.stdout)] == ["fine"]
    debug = runner.invoke(app, ["analyze", str(tmp_path), "-f", "jsonl", "--debug"])
    assert isinstance(debug.exception, ValueError)


def _failing_batch(self: Analyzer, articles: object, batch_size: int = 16) -> object:
    raise ValueError("boom")


def test_analyze_missing_model_is_fatal(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_model(**options: object) -> Analyzer:
        raise ModelError("no English spaCy model is installed", where="spaCy model")

    monkeypatch.setattr("rashomon.cli.analyze.Analyzer", no_model)
    (tmp_path / "calm.txt").write_text(THURSDAY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path / "calm.txt")])
    assert result.exit_code == 1
    assert result.stderr == "error: spaCy model: no English spaCy model is installed\n"
    assert result.stdout == ""


def test_analyze_verbose_logs_to_stderr(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["analyze", str(missing), "-v", "-f", "jsonl"])
    assert result.exit_code == 1
    assert f"error: {missing}: no such file or folder" in result.stderr
    assert "INFO rashomon.cli.analyze: 1 input(s) failed" in result.stderr


def test_app_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"rashomon {rashomon.__version__}\n"


ATTACK = "Rebels attacked a police station in the north on Sunday, officials said.\n"
ARREST = "Police arrested two protesters in the capital on Monday.\n"


def _tsv(output: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and the rows of ``events-tsv`` output, each row keyed by its column."""
    header, *lines = output.splitlines()
    columns = header.split("\t")
    rows = [dict(zip(columns, line.split("\t"), strict=True)) for line in lines]
    return columns, rows


def test_analyze_events_tsv_attributed_attack(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "attack.txt"
    path.write_text(ATTACK, encoding="utf-8")
    result = runner.invoke(
        app, ["analyze", str(path), "--format", "events-tsv", "--published", "2024-03-05"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    columns, rows = _tsv(result.stdout)
    assert columns[:4] == ["date", "source_code", "target_code", "cameo"]
    assert len(columns) == 20
    attacks = [row for row in rows if row["cameo"].startswith("19")]
    assert len(attacks) == 1, rows
    (attack,) = attacks
    assert attack["status"] == "attributed"
    assert attack["root_code"] == "19"
    assert attack["trigger"] == "attacked"
    assert attack["article_id"] == "attack"
    assert attack["source_quote"] == "officials"
    assert attack["date"].startswith("2024-03-")
    assert attack["sentence"] == ATTACK.strip()


def test_analyze_events_tsv_batch_one_header_in_order(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a-attack.txt").write_text(ATTACK, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-calm.txt").write_text(THURSDAY, encoding="utf-8")
    (tmp_path / "d-arrest.txt").write_text(ARREST, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(tmp_path), "-f", "events-tsv"])
    assert result.exit_code == 1
    assert result.stdout.count("date\tsource_code\t") == 1
    _, rows = _tsv(result.stdout)
    ids = [row["article_id"] for row in rows]
    assert ids == sorted(ids)
    assert {"a-attack", "d-arrest"} <= set(ids)
    (error,) = result.stderr.splitlines()
    assert error.startswith(f"error: {tmp_path / 'b-empty.txt'}: ")


def test_analyze_events_tsv_header_even_without_events(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["analyze", str(missing), "-f", "events-tsv"])
    assert result.exit_code == 1
    assert result.stdout.startswith("date\tsource_code\t")
    assert len(result.stdout.splitlines()) == 1


PETRARCH_DATA = Path("/work/shared/data/petrarch")
CRITICISM = "Jordan criticized Israel on Monday, officials in Amman said.\n"


@pytest.mark.skipif(not PETRARCH_DATA.is_dir(), reason="PETRARCH dictionaries not available")
@pytest.mark.parametrize("text", [CRITICISM])
def test_analyze_dictionaries_code_events_with_petrarch(
    runner: CliRunner, tmp_path: Path, text: str
) -> None:
    path = tmp_path / "criticism.txt"
    path.write_text(text, encoding="utf-8")
    options = ["--dictionaries", str(PETRARCH_DATA), "--dictionary-prefix", "PETR.Validate"]
    result = runner.invoke(app, ["analyze", str(path), "-f", "json", *options])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)["events"]
    assert len(events) >= 1
    coded = {
        (e["source_actor"]["code"], e["target_actor"]["code"], e["cameo"], e["status"])
        for e in events
    }
    assert ("JOR", "ISR", "121", "attributed") in coded


@pytest.mark.parametrize(
    "options",
    [["--dictionaries", "{missing}"], ["--dictionary-prefix", "PETR.Validate"]],
)
def test_analyze_dictionaries_bad_option_is_fatal(
    runner: CliRunner, tmp_path: Path, options: list[str]
) -> None:
    path = tmp_path / "calm.txt"
    path.write_text(THURSDAY, encoding="utf-8")
    missing = str(tmp_path / "no-such-dictionaries")
    given = [option.format(missing=missing) for option in options]
    result = runner.invoke(app, ["analyze", str(path), "-f", "json", *given])
    assert result.exit_code == 1
    (error,) = result.stderr.splitlines()
    assert error.startswith("error: ")
    assert result.stdout == ""


def test_analyze_min_confidence_keeps_only_the_sure_attributions(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.txt"
    path.write_text(
        DENIAL + "Lamenting their luck, the farmers sold the land to a developer.\n",
        encoding="utf-8",
    )
    every = json.loads(runner.invoke(app, ["analyze", str(path), "-f", "json"]).stdout)
    sure = runner.invoke(app, ["analyze", str(path), "-f", "json", "--min-confidence", "0.9"])
    assert sure.exit_code == 0, sure.output
    kept = json.loads(sure.stdout)["attributions"]
    confidences = [a["confidence"] for a in every["attributions"]]
    assert [a["confidence"] for a in kept] == [c for c in confidences if c >= 0.9]
    assert len(kept) < len(confidences)


@pytest.mark.parametrize("value", ["1.5", "-0.1", "sure"])
def test_analyze_min_confidence_out_of_range_is_one_usage_error(
    runner: CliRunner, tmp_path: Path, value: str
) -> None:
    path = tmp_path / "calm.txt"
    path.write_text(THURSDAY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", str(path), "--min-confidence", value])
    assert result.exit_code == 2
    assert "--min-confidence" in result.stderr and "Traceback" not in result.output
    assert result.stdout == ""
