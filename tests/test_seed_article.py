"""The seed article: the structure of seed-article.expected.md, sections 1, 2, 3 and 5.

The seed is measured, never encoded: nothing in the product names anything in it. Exact span
boundaries may differ by a word; the structure may not.
"""

from __future__ import annotations

import pytest
from conftest import SHARED

from rashomon.model import Analysis, Attribution
from rashomon.pipeline import Analyzer

SEED = SHARED / "examples" / "seed-article.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/examples is not here")


@pytest.fixture(scope="module")
def seed(analyzer: Analyzer) -> Analysis:
    return analyzer.analyze(SEED.read_text(encoding="utf-8"), published="2013-07-26")


def with_cue(seed: Analysis, cue: str, near: str) -> Attribution:
    """The attribution with this cue whose sentence holds ``near``."""
    text = seed.article.text
    for attribution in seed.attributions:
        if attribution.cue.text != cue:
            continue
        line_start = text.rfind("\n", 0, attribution.cue.start) + 1
        line_end = text.find("\n", attribution.cue.end)
        if near in text[line_start : line_end if line_end >= 0 else len(text)]:
            return attribution
    raise AssertionError(f"no attribution with cue {cue!r} near {near!r}")


def speaker_name(seed: Analysis, attribution: Attribution) -> str | None:
    if attribution.source is None or attribution.source.entity is None:
        return None
    return seed.entity(attribution.source.entity).name


def test_seed_attributions_section_1(seed: Analysis) -> None:
    assert len(seed.attributions) == 15
    reports = with_cue(seed, "reports", "foreign ministry")
    assert (reports.source, reports.sourcing, reports.polarity) == (
        None,
        "unnamed_report",
        "assert",
    )
    rejected = with_cue(seed, "has rejected", "foreign ministry")
    assert rejected.polarity == "deny" and rejected.sourcing == "named"
    assert rejected.content[0].text.startswith("reports that pro-Taliban terrorists")
    chaudhry = with_cue(seed, "said", "On Thursday")
    assert speaker_name(seed, chaudhry) == "Azaz Ahmed Chaudhry"
    assert chaudhry.kind == "mixed"
    for cue, near in (("said", "Islamabad"), ("adding", "Islamabad")):
        assert speaker_name(seed, with_cue(seed, cue, near)) == "Azaz Ahmed Chaudhry"
    hameed = with_cue(seed, "also repudiated", "Interior Ministry")
    assert hameed.polarity == "deny" and hameed.content[0].text == "the reports"
    assert hameed.source is not None and hameed.source.text.endswith("Umar Hameed")
    assert speaker_name(seed, with_cue(seed, "saying", "Interior Ministry")) == "Umar Hameed"
    envoy = with_cue(seed, "refuted", "envoy")
    assert envoy.polarity == "deny" and speaker_name(seed, envoy) == "Wahid Ahmed"
    commander = with_cue(seed, "said", "on condition of anonymity")
    assert commander.sourcing == "anonymous" and commander.kind == "direct"
    assert "Some of our people go" in commander.content[0].text
    assert "established our own camps" in commander.content[0].text
    damascus = with_cue(seed, "says", "Damascus")
    assert damascus.source is not None and damascus.source.text == "Damascus"
    there_are = with_cue(seed, "reports", "there are reports")
    assert there_are.sourcing == "unnamed_report"
    amin = with_cue(seed, "said", "July 12")
    assert speaker_name(seed, amin) == "Mohammad Amin"
    assert amin.source is not None and "coordinator of the Syrian base" in amin.source.text
    assert speaker_name(seed, with_cue(seed, "added", "feedback")) == "Mohammad Amin"


def test_seed_entities_roles_and_codes(seed: Analysis) -> None:
    entities = {e.name: e for e in seed.entities}
    assert entities["Azaz Ahmed Chaudhry"].role == "spokesman"
    assert entities["Azaz Ahmed Chaudhry"].actor_code == "PAKGOV"
    assert entities["Umar Hameed"].actor_code == "PAKGOV"
    assert entities["Wahid Ahmed"].role == "envoy"
    assert entities["Wahid Ahmed"].actor_code == "PAKGOV"
    amin = entities["Mohammad Amin"]
    assert amin.affiliation == "Taliban"


def test_seed_dates_resolved(seed: Analysis) -> None:
    assert with_cue(seed, "said", "On Thursday").said_on == "2013-07-25"
    assert with_cue(seed, "said", "On Sunday").said_on == "2013-07-21"
    assert with_cue(seed, "said", "July 12").said_on == "2013-07-12"


def test_seed_outlet_voice_section_2(seed: Analysis) -> None:
    outlet = [c.text for c in seed.claims if c.outlet_voice]
    assert len(outlet) == 2
    assert outlet[0].startswith("Foreign-sponsored militancy in Syria")
    assert outlet[1].startswith("Western powers and their regional allies")


def test_seed_contested_claim_section_3(seed: Analysis) -> None:
    contested = [c for c in seed.claims if c.contested]
    assert len(contested) == 1
    claim = contested[0]
    asserted = {speaker_name(seed, seed.attribution(i)) for i in claim.asserted_by}
    denied = {speaker_name(seed, seed.attribution(i)) for i in claim.denied_by}
    assert with_cue(seed, "reports", "foreign ministry").id in claim.asserted_by
    assert {"Mohammad Amin", "Taliban commander"} <= asserted
    assert any(name and "commanders" in name for name in asserted)
    assert {"Azaz Ahmed Chaudhry", "Umar Hameed", "Wahid Ahmed"} <= denied
    assert with_cue(seed, "has rejected", "foreign ministry").id in claim.denied_by
    assert not asserted & denied


def test_seed_origin_section_5(seed: Analysis) -> None:
    origin = seed.article.origin
    assert origin.outlet == "Press TV"
    assert origin.republished_by == "The Iran Project"
    evidence = [e.text for e in origin.evidence]
    assert "By Press TV" in evidence
    for attribution in seed.attributions:
        assert attribution.cue.start < origin.evidence[0].start
