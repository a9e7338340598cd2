"""Tests for scoring the PETRARCH coder on validation records, and its CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from rashomon.cli.evaluate import app
from rashomon.evaluate.petrarch import collect_misses, evaluate_records, find_dictionary_set
from rashomon.extract.events.petrarch import DictionarySet, parse_records, read_records
from rashomon.extract.events.petrarch.coder import PetrarchCoder
from rashomon.nlp.loading import load_model

PETRARCH = Path(__file__).resolve().parents[3] / "shared" / "data" / "petrarch"
# Share of expected events the coder finds on PETR.UnitTest.records.xml; the floor
# sits a little under the figure reached, so a regression fails.
UNIT_TEST_FOUND_FLOOR = 93.0
UNIT_TEST_EXTRA_CEILING = 0.2

DICTIONARIES = {
    "actors": "ARNOR [ARN]\nGONDOR [GON]\nROHAN [ROH]\n",
    "agents": "POLICE {} [~COP]\n",
    "verbs": (
        "--- ATTACK [190] ---\nATTACK\n- * WITH ROCKETS [195]\n--- VISIT [042:043] ---\nVISIT\n"
    ),
}


def write_dictionaries(folder: Path) -> DictionarySet:
    """Write a tiny dictionary set (files named Test.*.txt)."""
    for kind, text in DICTIONARIES.items():
        (folder / f"Test.{kind}.txt").write_text(text, encoding="utf-8")
    return DictionarySet(
        verbs=folder / "Test.verbs.txt",
        actors=(folder / "Test.actors.txt",),
        agents=folder / "Test.agents.txt",
    )


RECORDS = """\
<Sentences>
<Sentence date="19950101" id="T-01" category="BASIC" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="190"></EventCoding>
<Text>Arnor attacked Gondor on Monday.</Text>
</Sentence>
<Sentence date="19950101" id="T-02" category="BASIC" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="195"></EventCoding>
<EventCoding sourcecode="ROH" targetcode="GON" eventcode="195"></EventCoding>
<Text>Arnor attacked Gondor with rockets.</Text>
</Sentence>
<Sentence date="19950101" id="T-03" category="NONE" sentence="true">
<EventCoding noevents="True"></EventCoding>
<Text>Arnor visited Gondor.</Text>
</Sentence>
<Sentence date="19950101" id="T-04" category="NONE" sentence="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="190"></EventCoding>
<Text>Arnor attacked Gondor.</Text>
</Sentence>
</Sentences>
"""


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_evaluate_records_counts_found_and_extra(tmp_path: Path, nlp: Language) -> None:
    coder = PetrarchCoder.from_dictionaries(write_dictionaries(tmp_path))
    scores = evaluate_records(parse_records(RECORDS), coder, nlp)
    overall = scores["overall"]
    # T-01 found; T-02 one of two found; T-03 codes two unexpected events; T-04 skipped.
    assert (overall["records"], overall["expected"], overall["found"]) == (3, 3, 2)
    assert overall["extra"] == 2
    assert overall["found_percent"] == pytest.approx(66.7)
    assert overall["extra_per_record"] == pytest.approx(0.667)
    assert scores["categories"]["BASIC"]["found"] == 2
    assert scores["categories"]["NONE"]["extra"] == 2
    assert scores["skipped"] == 1


def test_collect_misses_names_missed_and_extra(tmp_path: Path, nlp: Language) -> None:
    coder = PetrarchCoder.from_dictionaries(write_dictionaries(tmp_path))
    misses = {m["id"]: m for m in collect_misses(parse_records(RECORDS), coder, nlp)}
    assert set(misses) == {"T-02", "T-03"}
    assert misses["T-02"]["missed"] == [["ROH", "GON", "195"]]
    assert misses["T-03"]["extra"] == [["ARN", "GON", "042"], ["GON", "ARN", "043"]]


def test_eval_petrarch_command_reports_json(tmp_path: Path) -> None:
    write_dictionaries(tmp_path)
    records = tmp_path / "records.xml"
    records.write_text(RECORDS, encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "petrarch",
            str(records),
            "--dictionaries",
            str(tmp_path),
            "--prefix",
            "Test",
            "--format",
            "json",
            "--errors",
            str(errors),
        ],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["overall"]["found"] == 2
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("broken", ["missing.xml", "bad.xml"])
def test_eval_petrarch_command_rejects_bad_records(tmp_path: Path, broken: str) -> None:
    write_dictionaries(tmp_path)
    (tmp_path / "bad.xml").write_text("<Sentences><Sentence", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["petrarch", str(tmp_path / broken), "--dictionaries", str(tmp_path), "--prefix", "Test"],
    )
    assert result.exit_code == 1
    assert "error:" in result.output


@pytest.mark.skipif(not PETRARCH.is_dir(), reason="shared PETRARCH data not present")
def test_evaluate_records_unit_test_floor(nlp: Language) -> None:
    coder = PetrarchCoder.from_dictionaries(find_dictionary_set(PETRARCH, "PETR.Validate"))
    records = read_records(PETRARCH / "PETR.UnitTest.records.xml")
    overall = evaluate_records(records, coder, nlp)["overall"]
    assert overall["found_percent"] >= UNIT_TEST_FOUND_FLOOR
    assert overall["extra_per_record"] <= UNIT_TEST_EXTRA_CEILING
