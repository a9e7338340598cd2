"""Sources resolved to entities: appositions, pronouns, descriptions, roles and actor codes."""

from __future__ import annotations

import pytest
from conftest import by_cue

from rashomon.model import Analysis, Attribution, Entity
from rashomon.pipeline import Analyzer


def speaker(analysis: Analysis, attribution: Attribution) -> Entity:
    assert attribution.source is not None and attribution.source.entity is not None
    return analysis.entity(attribution.source.entity)


@pytest.mark.parametrize(
    ("sentence", "source", "name", "role", "code"),
    [
        ("Kenya's interior ministry spokesman Peter Otieno said that the border was closed.",
         "Kenya's interior ministry spokesman Peter Otieno", "Peter Otieno", "spokesman",
         "KENGOV"),
        ("Spokesman for Ghana's Foreign Ministry, Kofi Mensah, said that talks had stalled.",
         "Spokesman for Ghana's Foreign Ministry, Kofi Mensah", "Kofi Mensah", "spokesman",
         "GHAGOV"),
        ("Lena Berg, a Swedish diplomat and former envoy, said that the vote was fair.",
         "Lena Berg, a Swedish diplomat and former envoy", "Lena Berg", "diplomat", "SWEGOV"),
    ],
)  # fmt: skip
def test_speakers_full_phrase_with_titles_and_appositions(
    analyzer: Analyzer, sentence: str, source: str, name: str, role: str, code: str
) -> None:
    analysis = analyzer.analyze(sentence)
    attribution = by_cue(analysis, "said")
    assert attribution.source is not None and attribution.source.text == source
    entity = speaker(analysis, attribution)
    assert (entity.name, entity.role, entity.actor_code) == (name, role, code)


def test_speakers_pronoun_resolves_to_last_person_quoted(analyzer: Analyzer) -> None:
    text = (
        "Chile's mining minister Ana Rojas said that exports would grow.\n"
        "She added that copper prices were stable.\n"
        "He said nothing."
    )
    analysis = analyzer.analyze(text)
    first, second = by_cue(analysis, "said"), by_cue(analysis, "added")
    assert second.source is not None and second.source.text == "She"
    assert speaker(analysis, second).id == speaker(analysis, first).id
    assert speaker(analysis, second).name == "Ana Rojas"
    assert speaker(analysis, second).affiliation is not None


def test_speakers_plural_pronoun_resolves_to_group(analyzer: Analyzer) -> None:
    text = (
        "Opposition leaders in Peru said that the election had been stolen. "
        "They said that protests would continue."
    )
    analysis = analyzer.analyze(text)
    first, second = analysis.attributions[0], analysis.attributions[1]
    assert second.source is not None and second.source.text == "They"
    assert speaker(analysis, second).id == speaker(analysis, first).id


def test_speakers_definite_description_resolves(analyzer: Analyzer) -> None:
    text = (
        "Police spokesman Tom Reed said that two men were arrested. "
        "The spokesman said that both were released on Friday."
    )
    analysis = analyzer.analyze(text)
    first, second = analysis.attributions[0], analysis.attributions[1]
    assert second.source is not None and second.source.text == "The spokesman"
    assert speaker(analysis, second).name == "Tom Reed"
    assert speaker(analysis, first).id == speaker(analysis, second).id


def test_speakers_surname_joins_full_name(analyzer: Analyzer) -> None:
    text = (
        "Finance minister Maria Lopez said that taxes would fall. "
        "Lopez said that the budget was balanced."
    )
    analysis = analyzer.analyze(text)
    first, second = analysis.attributions[0], analysis.attributions[1]
    assert speaker(analysis, first).id == speaker(analysis, second).id
    entity = speaker(analysis, second)
    assert len(entity.mentions) >= 2


def test_speakers_capital_stands_for_government(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze("Nairobi says the attack was planned abroad.")
    entity = speaker(analysis, by_cue(analysis, "says"))
    assert entity.actor_code == "KENGOV"


def test_speakers_relative_pronoun_resolves_to_its_noun(analyzer: Analyzer) -> None:
    text = "The committee heard from Omar Haddad, who said that the funds were missing."
    analysis = analyzer.analyze(text)
    attribution = by_cue(analysis, "said")
    assert attribution.source is not None and attribution.source.text == "who"
    assert speaker(analysis, attribution).name == "Omar Haddad"
