"""The reference PETRARCH files in /work/shared parse, with known counts."""

from __future__ import annotations

import datetime
import time
from pathlib import Path

import pytest

from rashomon.extract.events.petrarch import (
    ExpectedEvent,
    find_dictionaries,
    read_actors,
    read_agents,
    read_discards,
    read_records,
    read_verbs,
)

DATA = Path("/work/shared/data/petrarch")
pytestmark = pytest.mark.skipif(
    not (DATA / "PETR_config.ini").is_file(), reason=f"PETRARCH reference files not in {DATA}"
)


def test_real_verbs_cameo_counts_and_codes() -> None:
    started = time.perf_counter()
    verbs = read_verbs(DATA / "CAMEO.2.0.txt")
    assert time.perf_counter() - started < 2.0
    assert (len(verbs), verbs.pattern_count, len(verbs.synsets)) == (1817, 4668, 40)
    assert verbs.lookup("gave")[0].code == "060"
    assert {entry.code for entry in verbs.lookup("asked for")} == {"020", "040"}
    assert len(verbs.transformations) == 8


def test_real_verbs_validation_counts() -> None:
    verbs = read_verbs(DATA / "PETR.Validate.verbs.txt")
    assert (len(verbs), verbs.pattern_count, len(verbs.synsets)) == (269, 474, 17)
    assert verbs.undefined_synsets() == frozenset()


def test_real_actors_lookups() -> None:
    dictionaries = find_dictionaries(DATA)
    actors = read_actors(*dictionaries.actors)
    assert len(actors) > 20_000
    assert actors.codes_for(["Afghanistan"], None) == ["AFG"]
    assert actors.codes_for(["United", "States"], None) == ["USA"]
    assert actors.codes_for(["Hamid", "Karzai"], datetime.date(2005, 1, 1)) == ["AFGGOV"]
    validation = read_actors(DATA / "PETR.Validate.actors.txt")
    assert validation.codes_for(["Arnor"], None) == ["ARN"]


def test_real_agents_and_discards() -> None:
    agents = read_agents(DATA / "Phoenix.agents.txt")
    assert agents.code_for(["farmers"]) == "~AGR"
    assert agents.code_for(["police"]) == "~COP"
    assert read_agents(DATA / "PETR.Validate.agents.txt").code_for(["congressmen"]) == "~LEG"
    discards = read_discards(DATA / "Phoenix.discards.txt")
    assert len(discards) > 400
    assert discards.voids_sentence("He played baseball.")
    assert len(read_discards(DATA / "PETR.Validate.discards.txt")) == 9


def test_real_records_count_and_first_record() -> None:
    records = read_records(DATA / "PETR.UnitTest.records.xml")
    assert len(records) == 284
    first = records[0]
    assert first.id == "DEMO-00" and first.date == datetime.date(1995, 1, 1)
    assert first.expected == (ExpectedEvent("ARN", "GON", "064"),)
    assert sum(record.skip for record in records) == 5
    assert sum(record.expects_no_events for record in records) == 19
    assert records[-1].id == "FINAL-RECORD"
