"""Tests for ``rashomon export``, driven through the real Typer app with CliRunner."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.export.events_tsv import EVENT_COLUMNS
from rashomon.export.tables import TABLES, table_columns
from rashomon.ingest import InProcess, ingest
from rashomon.pipeline import Analyzer
from rashomon.store import Store
from rashomon.store.schema import ClaimPositionRow, EntityRow, EventRow

PUBLISHED = "2025-04-04"

# Written for these tests: a denial, an assertion, and events with and without a target.
ARTICLES = {
    "quarry-clash": (
        "The mining ministry on Tuesday denied reports that soldiers attacked striking workers "
        "at the Veld quarry.\n\n"
        "Union leader Tomas Ried said soldiers attacked the picket line on Monday and arrested "
        "twelve workers.\n\nProtesters marched through the town of Veld on Wednesday.\n"
    ),
    "harbour-talks": (
        "The city council of Port Amsel rejected a proposal from the dockworkers' union on "
        "Friday, a council spokesman said.\n\n"
        "Union secretary Lea Brandt said the council had threatened to sack striking dockers. "
        "The council denied that it threatened anyone.\n"
    ),
}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export-cli-articles")
    for name, text in ARTICLES.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def db(folder: Path, tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> str:
    """The URL of a store holding both articles."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export-cli-store') / 'store.db'}"
    with Store.open(url, write=True) as store:
        summary = ingest([str(folder)], store, InProcess(analyzer), published=PUBLISHED)
    assert (summary.new, summary.failed) == (2, [])
    return url


@pytest.fixture
def stored(db: str) -> dict[str, int]:
    """How many rows the store holds in the tables these tests look into."""
    with Store.open(db) as store, store.session() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(row)) or 0
            for name, row in (
                ("entities", EntityRow),
                ("claim_positions", ClaimPositionRow),
                ("events", EventRow),
            )
        }
    return counts


def _rows(path: Path, fmt: str) -> list[dict[str, object]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    rows: list[dict[str, object]] = pq.read_table(path).to_pylist()
    return rows


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_tables_one_file_and_one_summary_line_per_table(
    runner: CliRunner, db: str, tmp_path: Path, fmt: str, stored: dict[str, int]
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["export", "--format", fmt, "--db", db, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == list(TABLES)
    for table, count in stored.items():
        path = out / f"{table}.{fmt}"
        assert f"{table}: {count} rows → {path}" in lines
        rows = _rows(path, fmt)
        assert len(rows) == count > 0
        assert list(rows[0]) == table_columns(table)


@pytest.mark.parametrize("fmt", ["csv"])
def test_export_default_folder_is_created_here(
    runner: CliRunner, db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["export", "-f", fmt, "--db", db])
    assert result.exit_code == 0, result.output
    written = sorted(path.name for path in (tmp_path / "rashomon-export").iterdir())
    assert written == sorted(f"{table}.{fmt}" for table in TABLES)


def test_export_events_tsv_on_stdout_equals_analyze(
    runner: CliRunner, db: str, folder: Path, stored: dict[str, int]
) -> None:
    analyzed = runner.invoke(
        app, ["analyze", str(folder), "--published", PUBLISHED, "--format", "events-tsv"]
    )
    assert analyzed.exit_code == 0, analyzed.output
    exported = runner.invoke(app, ["export", "--format", "events-tsv", "--db", db])
    assert exported.exit_code == 0, exported.output
    lines = exported.stdout.splitlines()
    expected = analyzed.stdout.splitlines()
    assert lines[0] == expected[0] == "\t".join(EVENT_COLUMNS)
    assert len(lines) - 1 == stored["events"] > 0
    assert sorted(lines[1:]) == sorted(expected[1:])
    assert exported.stderr.splitlines() == [f"events: {stored['events']} rows → stdout"]


def test_export_events_tsv_to_a_file(
    runner: CliRunner, db: str, tmp_path: Path, stored: dict[str, int]
) -> None:
    path = tmp_path / "events.tsv"
    result = runner.invoke(app, ["export", "-f", "events-tsv", "--db", db, "-o", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "\t".join(EVENT_COLUMNS)
    assert len(lines) == stored["events"] + 1


@pytest.mark.parametrize("fmt", ["parquet", "events-tsv"])
def test_export_missing_store_is_one_line_and_exit_2(
    runner: CliRunner, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "nothing-here.db"
    result = runner.invoke(app, ["export", "-f", fmt, "--db", str(missing), "-o", str(out)])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and str(missing) in line
    assert not out.exists() and not missing.exists()


def test_export_output_that_is_a_file_is_one_line_and_exit_1(
    runner: CliRunner, db: str, tmp_path: Path
) -> None:
    taken = tmp_path / "taken"
    taken.write_text("not a folder\n", encoding="utf-8")
    result = runner.invoke(app, ["export", "-f", "jsonl", "--db", db, "-o", str(taken)])
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"error: {taken}: ")
    assert taken.read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.parametrize("arguments", [[], ["--format", "xlsx"]])
def test_export_needs_a_known_format(runner: CliRunner, db: str, arguments: list[str]) -> None:
    result = runner.invoke(app, ["export", "--db", db, *arguments])
    assert result.exit_code == 2
    assert "--format" in result.stderr
