"""Tests for scoring the built-in event coder on validation records, and its CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli.evaluate import app
from rashomon.evaluate.events import (
    NO_TARGET,
    BuiltinCoder,
    Triple,
    compare_records,
    evaluate_events,
    format_events_report,
    list_misses,
    root_triple,
    score_comparisons,
)
from rashomon.extract.events.petrarch import ValidationRecord, parse_records, read_records
from rashomon.pipeline import Analyzer

DEV_SET = Path(__file__).resolve().parents[2] / "benchmarks" / "events_dev.records.xml"
# Overall shares on benchmarks/events_dev.records.xml (DEV and CHECK together) when the floors
# were set: root found 93.0, exact found 74.4, root extra 2.3 (% of expected). The floors sit
# a little under, so a regression fails but a changed parse of one sentence does not.
DEV_SET_ROOT_FOUND_FLOOR = 88.0
DEV_SET_EXACT_FOUND_FLOOR = 68.0
DEV_SET_ROOT_EXTRA_CEILING = 8.0

RECORDS = """\
<Sentences>
<Sentence date="20200101" id="T-01" category="BASIC" sentence="true">
<EventCoding sourcecode="SYRMIL" targetcode="SYRREB" eventcode="194"></EventCoding>
<Text>Syrian troops shelled rebel positions near Aleppo.</Text>
</Sentence>
<Sentence date="20200101" id="T-02" category="BASIC" sentence="true">
<EventCoding sourcecode="IRNCVL" targetcode="---" eventcode="141"></EventCoding>
<EventCoding sourcecode="IRNCOP" targetcode="IRNCVL" eventcode="175"></EventCoding>
<Text>Thousands rallied in Tehran and police fired tear gas at them.</Text>
</Sentence>
<Sentence date="20200101" id="T-03" category="NONE" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Officials held a briefing.</Text>
</Sentence>
<Sentence date="20200101" id="T-04" category="NONE" sentence="false">
<EventCoding sourcecode="USA" targetcode="CHN" eventcode="040"></EventCoding>
<Text>Not scored.</Text>
</Sentence>
</Sentences>
"""

#: What a fake coder answers per record: T-01 right at root level only (190, not 194), T-02
#: the target-less event exactly and a wrong target for the other, T-03 one extra event.
CODED: dict[str, set[Triple]] = {
    "T-01": {("SYRMIL", "SYR", "190")},
    "T-02": {("IRNCVL", NO_TARGET, "141"), ("IRNCOP", NO_TARGET, "175")},
    "T-03": {("USAGOV", NO_TARGET, "040")},
    "T-04": {("USA", "CHN", "040")},
}

CLI_RECORDS = """\
<Sentences>
<Sentence date="20201002" id="C-01" category="SANCTION" sentence="true">
<EventCoding sourcecode="IGOEUR" targetcode="BLR" eventcode="163"></EventCoding>
<Text>The European Union imposed sanctions on Belarus.</Text>
</Sentence>
<Sentence date="20221007" id="C-02" category="PROTEST" sentence="true">
<EventCoding sourcecode="IRNCVL" targetcode="---" eventcode="141"></EventCoding>
<Text>Thousands of protesters rallied in central Tehran on Friday.</Text>
</Sentence>
<Sentence date="20220402" id="C-03" category="PROTEST" sentence="true">
<EventCoding sourcecode="GBRGOV" targetcode="FRA" eventcode="042"></EventCoding>
<Text>Syrian troops shelled rebel positions near Aleppo on Tuesday.</Text>
</Sentence>
</Sentences>
"""


class FakeCoder:
    """A ``RecordCoder`` answering from a table, so the scoring is tested without a parse."""

    def __init__(self, answers: dict[str, set[Triple]]) -> None:
        self.answers = answers
        self.seen: list[str] = []

    def code(self, record: ValidationRecord) -> set[Triple]:
        self.seen.append(record.id)
        return self.answers[record.id]


@pytest.mark.parametrize(
    ("triple", "root"),
    [
        (("SYRMIL", "SYRREB", "194"), ("SYR", "SYR", "19")),
        (("IGOEUR", NO_TARGET, "0871"), ("IGO", NO_TARGET, "08")),
        (("USA", "CHN", "040"), ("USA", "CHN", "04")),
    ],
)
def test_root_triple_cuts_actors_to_country_and_code_to_root(triple: Triple, root: Triple) -> None:
    assert root_triple(triple) == root


def test_compare_records_skips_records_marked_false() -> None:
    coder = FakeCoder(CODED)
    comparisons = compare_records(parse_records(RECORDS), coder)
    assert coder.seen == ["T-01", "T-02", "T-03"]
    assert [c.record.id for c in comparisons] == ["T-01", "T-02", "T-03"]
    assert comparisons[1].expected == {("IRNCVL", "---", "141"), ("IRNCOP", "IRNCVL", "175")}


def test_score_comparisons_counts_exact_and_root() -> None:
    comparisons = compare_records(parse_records(RECORDS), FakeCoder(CODED))
    exact = score_comparisons(comparisons)["overall"]
    root = score_comparisons(comparisons, root_triple)["overall"]
    # Exact: only T-02's target-less protest is found; T-01, T-02's repression (wrong target)
    # and T-03's event are extra.
    assert (exact["records"], exact["expected"], exact["found"], exact["extra"]) == (3, 3, 1, 3)
    assert exact["found_percent"] == pytest.approx(33.3)
    assert exact["extra_percent"] == pytest.approx(100.0)
    # Root: T-01 matches (SYR, SYR, 19); T-02's repression still misses its target (--- is
    # no country); T-03's event is still extra.
    assert (root["found"], root["extra"]) == (2, 2)
    assert root["extra_per_record"] == pytest.approx(0.667)


def test_score_comparisons_by_category() -> None:
    comparisons = compare_records(parse_records(RECORDS), FakeCoder(CODED))
    categories = score_comparisons(comparisons, root_triple)["categories"]
    assert set(categories) == {"BASIC", "NONE"}
    assert (categories["BASIC"]["expected"], categories["BASIC"]["found"]) == (3, 2)
    assert (categories["NONE"]["expected"], categories["NONE"]["extra"]) == (0, 1)


def test_list_misses_names_missed_and_extra_at_both_levels() -> None:
    comparisons = compare_records(parse_records(RECORDS), FakeCoder(CODED))
    misses = {m["id"]: m for m in list_misses(comparisons, with_root=True)}
    assert set(misses) == {"T-01", "T-02", "T-03"}
    assert misses["T-01"]["missed"] == [["SYRMIL", "SYRREB", "194"]]
    assert misses["T-01"]["root_missed"] == []
    assert misses["T-02"]["extra"] == [["IRNCOP", "---", "175"]]
    assert misses["T-02"]["root_extra"] == [["IRN", "---", "17"]]
    assert misses["T-03"]["extra"] == [["USAGOV", "---", "040"]]


def test_evaluate_events_scores_both_levels_and_formats_them() -> None:
    scores, misses = evaluate_events(parse_records(RECORDS), FakeCoder(CODED))
    assert scores["skipped"] == 1
    assert scores["exact"]["overall"]["found"] == 1
    assert scores["root"]["overall"]["found"] == 2
    assert len(misses) == 3
    report = format_events_report(scores)
    overall = next(line for line in report.splitlines() if line.startswith("OVERALL"))
    # records, then exact (expected, found, %, extra, x/rec, x%), then root.
    assert overall.split() == [
        "OVERALL", "3", "3", "1", "33.3", "3", "1.00", "100.0", "3", "2", "66.7", "2", "0.67",
        "66.7",
    ]  # fmt: skip
    assert "skipped records: 1" in report


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Union imposed sanctions on Belarus.", {("IGOEUR", "BLR", "163")}),
        # A target-less event is written with PETRARCH's "---".
        ("Thousands of protesters rallied in central Tehran.", {("IRNCVL", "---", "141")}),
        # The threat is coded, the hypothetical attack is not.
        ("Turkey threatened to attack Greece.", {("TUR", "GRC", "1384")}),
        # A negated act is not an event.
        ("Russia did not attack Ukraine.", set()),
    ],
)
def test_builtin_coder_codes_only_events_reported_as_done(
    analyzer: Analyzer, text: str, expected: set[Triple]
) -> None:
    record = ValidationRecord(
        id="B-01",
        category="B",
        sentence_text=text,
        date=parse_records(RECORDS)[0].date,
        expected=(),
        parse="",
    )
    assert BuiltinCoder(analyzer).code(record) == expected


def test_eval_events_command_reports_json_and_errors(tmp_path: Path) -> None:
    records = tmp_path / "records.xml"
    records.write_text(CLI_RECORDS, encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        app, ["events", str(records), "--format", "json", "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    # C-01 and C-02 are coded exactly; C-03 expects an event its sentence does not report.
    assert scores["exact"]["overall"]["found"] == 2
    assert scores["exact"]["categories"]["PROTEST"]["expected"] == 2
    assert scores["root"]["overall"]["expected"] == 3
    misses = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [m["id"] for m in misses] == ["C-03"]
    assert misses[0]["missed"] == [["GBRGOV", "FRA", "042"]]
    assert misses[0]["extra"] == [["SYRMIL", "SYRREB", "194"]]


def test_eval_events_command_prints_a_table(tmp_path: Path) -> None:
    records = tmp_path / "records.xml"
    records.write_text(CLI_RECORDS, encoding="utf-8")
    result = CliRunner().invoke(app, ["events", str(records)])
    assert result.exit_code == 0, result.output
    assert "root" in result.stdout.splitlines()[0]
    assert [line.split()[0] for line in result.stdout.splitlines()[3:6]] == [
        "PROTEST",
        "SANCTION",
        "OVERALL",
    ]


@pytest.mark.parametrize("broken", ["missing.xml", "bad.xml"])
def test_eval_events_command_rejects_bad_records(tmp_path: Path, broken: str) -> None:
    (tmp_path / "bad.xml").write_text("<Sentences><Sentence", encoding="utf-8")
    result = CliRunner().invoke(app, ["events", str(tmp_path / broken)])
    assert result.exit_code == 1
    assert "error:" in result.output


def test_dev_set_covers_every_cameo_root_in_both_parts() -> None:
    records = read_records(DEV_SET)
    assert [r.category for r in records] == ["DEV"] * 50 + ["CHECK"] * 30
    for part in ("DEV", "CHECK"):
        roots = {e.code[:2] for r in records if r.category == part for e in r.expected}
        assert roots == {f"{n:02d}" for n in range(1, 21)}, part


def test_evaluate_events_dev_set_floor(analyzer: Analyzer) -> None:
    scores, _ = evaluate_events(read_records(DEV_SET), BuiltinCoder(analyzer))
    assert scores["root"]["overall"]["found_percent"] >= DEV_SET_ROOT_FOUND_FLOOR
    assert scores["exact"]["overall"]["found_percent"] >= DEV_SET_EXACT_FOUND_FLOOR
    assert scores["root"]["overall"]["extra_percent"] <= DEV_SET_ROOT_EXTRA_CEILING
