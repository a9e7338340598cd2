"""Claims inside one article: grouping, who asserts, who denies, contested, outlet voice."""

from __future__ import annotations

from rashomon.link.claims import ClaimInput, group_claims
from rashomon.model import Analysis
from rashomon.pipeline import Analyzer

ARTICLE = """\
Chile's energy ministry has rejected reports that the state oil company sold fuel to smugglers.
Ministry spokesman Pablo Soto said that "no fuel has left our depots illegally."
The company's board also dismissed the reports, saying that every tanker is tracked by satellite.
Smuggling gang leaders told local radio that the oil company sold them fuel for years.
The weather was mild across the capital, and the markets were closed for the holiday.
"""


def claim_of(analysis: Analysis, cue: str) -> str:
    return next(a.claim for a in analysis.attributions if a.cue.text == cue)  # type: ignore[return-value]


def test_claims_denials_of_reports_join_the_reported_claim(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(ARTICLE)
    reported = claim_of(analysis, "reports")
    assert claim_of(analysis, "has rejected") == reported
    assert claim_of(analysis, "also dismissed") == reported
    claim = next(c for c in analysis.claims if c.id == reported)
    ids = {a.cue.text: a.id for a in analysis.attributions}
    assert ids["has rejected"] in claim.denied_by
    assert ids["also dismissed"] in claim.denied_by
    assert ids["reports"] in claim.asserted_by


def test_claims_participle_takes_the_side_of_its_denial(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(ARTICLE)
    reported = next(c for c in analysis.claims if c.id == claim_of(analysis, "reports"))
    saying = next(a for a in analysis.attributions if a.cue.text == "saying")
    assert saying.polarity == "assert"
    assert saying.id in reported.denied_by


def test_claims_negated_assertion_opposes_and_actor_claim_supports(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(ARTICLE)
    reported = next(c for c in analysis.claims if c.id == claim_of(analysis, "reports"))
    said = next(a for a in analysis.attributions if a.cue.text == "said")
    told = next(a for a in analysis.attributions if a.cue.text == "told")
    assert said.id in reported.denied_by
    assert told.id in reported.asserted_by
    assert reported.contested


def test_claims_outlet_voice(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(ARTICLE)
    outlet = [c for c in analysis.claims if c.outlet_voice]
    assert [c.text for c in outlet] == [
        "The weather was mild across the capital, and the markets were closed for the holiday."
    ]
    assert all(not c.asserted_by and not c.denied_by for c in outlet)


def test_claims_every_attribution_has_a_claim(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(ARTICLE)
    claim_ids = {c.id for c in analysis.claims}
    assert all(a.claim in claim_ids for a in analysis.attributions)


def _item(ident: str, lemmas: list[str], **kwargs: object) -> ClaimInput:
    values: dict[str, object] = {
        "id": ident, "text": " ".join(lemmas), "polarity": "assert", "negated": False,
        "lemmas": lemmas, "names": [], "speaker_words": [],
    }  # fmt: skip
    values.update(kwargs)
    return ClaimInput(**values)  # type: ignore[arg-type]


def test_claims_unrelated_statements_stay_apart() -> None:
    items = [
        _item("a1", ["bridge", "collapse", "storm"]),
        _item("a2", ["election", "postpone", "vote"]),
    ]
    claims, claim_of_item = group_claims(items, lambda word: None)
    assert len(claims) == 2
    assert claim_of_item == [0, 1]


def test_claims_reworded_statement_joins_and_negation_opposes() -> None:
    items = [
        _item("a1", ["troop", "cross", "border", "river"], names=[]),
        _item("a2", ["troop", "cross", "border"], negated=True),
    ]
    claims, _ = group_claims(items, lambda word: None)
    assert len(claims) == 1
    assert claims[0].asserted_by == ["a1"] and claims[0].denied_by == ["a2"]
    assert claims[0].contested
