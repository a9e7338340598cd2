"""The corpus commands driven through the real Typer app: ingest, status, claims, who,
contradictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.pipeline import Analyzer
from tests.store.conftest import DAM_FOLLOW_UP, DAM_REPORT, DAM_REPUBLISHED, write_articles

STATUS_KEYS = {
    "articles",
    "sightings",
    "republications",
    "origins",
    "entities",
    "attributions",
    "claims",
    "contested_claims",
    "events",
}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    Analyzer()  # load the cached pipeline once for the module
    return CliRunner()


@pytest.fixture
def db(runner: CliRunner, tmp_path: Path) -> str:
    paths = write_articles(
        tmp_path / "in", report=DAM_REPORT, follow_up=DAM_FOLLOW_UP, copy=DAM_REPUBLISHED
    )
    url = str(tmp_path / "corpus.db")
    result = runner.invoke(
        app, ["ingest", *paths, "--db", url, "--published", "2025-05-03", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["new"], summary["republications"]) == (3, 3, 1)
    return url


def test_status_counts_with_the_keys_the_issue_names(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["status", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    counts = json.loads(result.stdout)
    assert set(counts) == STATUS_KEYS
    assert counts["articles"] == 3 and counts["origins"] == 2
    assert counts["contested_claims"] >= 1


def test_status_as_a_table(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["status", "--db", db])
    assert result.exit_code == 0
    assert "contested claims" in result.stdout and "origins" in result.stdout


def test_contradictions_show_both_sides_with_origin_counts(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["contradictions", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert found and all(claim["contested"] for claim in found)
    top = found[0]
    assert top["asserted_by"] and top["denied_by"]
    assert top["support"]["asserting"]["origins"] <= top["support"]["asserting"]["articles"]
    table = runner.invoke(app, ["contradictions", "--db", db])
    assert "denied by" in table.stdout and "origins" in table.stdout


def test_contradictions_and_claims_take_a_confidence_bar(runner: CliRunner, db: str) -> None:
    found = json.loads(runner.invoke(app, ["contradictions", "--db", db, "-f", "json"]).stdout)
    denials = [p["confidence"] for claim in found for p in claim["denied_by"]]
    assert denials and all(c is not None for c in denials)
    bar = str(round(max(denials) + 0.001, 4))
    above = runner.invoke(app, ["contradictions", "--db", db, "--min-confidence", bar])
    assert above.exit_code == 0 and "contradictions: none" in above.stdout
    claims = runner.invoke(app, ["claims", "--db", db, "-f", "json", "--min-confidence", bar])
    assert claims.exit_code == 0
    kept = [
        p["confidence"]
        for claim in json.loads(claims.stdout)
        for p in (*claim["asserted_by"], *claim["denied_by"])
        if not p["outlet_voice"]
    ]
    assert all(c >= float(bar) for c in kept)
    bad = runner.invoke(app, ["contradictions", "--db", db, "--min-confidence", "2"])
    assert bad.exit_code == 2 and "--min-confidence" in bad.stderr


def test_claims_filters_reach_the_query(runner: CliRunner, db: str) -> None:
    everything = json.loads(runner.invoke(app, ["claims", "--db", db, "-f", "json"]).stdout)
    contested = json.loads(
        runner.invoke(app, ["claims", "--contested", "--db", db, "-f", "json"]).stdout
    )
    assert 0 < len(contested) < len(everything)
    later = runner.invoke(app, ["claims", "--since", "2030-01-01", "--db", db])
    assert "claims: none" in later.stdout
    bad = runner.invoke(app, ["claims", "--since", "last week", "--db", db])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_who_reports_statements_by_an_entity(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["who", "Petra Lind", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["by"] and all("Lind" in s["speaker"] for s in report["by"])
    # At the highest stored confidence only the statements that reach it are left.
    top = max(s["confidence"] for s in report["by"])
    sure = runner.invoke(
        app, ["who", "Petra Lind", "--db", db, "-f", "json", "--min-confidence", str(top)]
    )
    assert sure.exit_code == 0
    kept = [s["confidence"] for s in json.loads(sure.stdout)["by"]]
    assert kept == [s["confidence"] for s in report["by"] if s["confidence"] == top]
    bad = runner.invoke(app, ["who", "Petra Lind", "--db", db, "--min-confidence", "2"])
    assert bad.exit_code == 2 and "--min-confidence" in bad.stderr


def test_a_missing_store_is_a_one_line_error(runner: CliRunner, tmp_path: Path) -> None:
    for command in (["status"], ["claims"], ["contradictions"], ["who", "x"]):
        result = runner.invoke(app, [*command, "--db", str(tmp_path / "none.db")])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "rashomon ingest" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_ingest_reports_failures_and_exits_non_zero(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    good = write_articles(tmp_path / "in", report=DAM_REPORT)
    result = runner.invoke(app, ["ingest", str(empty), *good, "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 1
    assert f"error: {empty}" in result.stderr
    assert "1 new" in result.stderr and "1 failed" in result.stderr
