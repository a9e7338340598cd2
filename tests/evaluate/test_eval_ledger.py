"""Tests for scoring the claim ledger against a corpus with known answers, and its command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rashomon.cli.evaluate import app
from rashomon.errors import InputError
from rashomon.evaluate.ledger import (
    GoldClaim,
    GoldStatement,
    LedgerGold,
    PredictedLedger,
    PredictedPosition,
    format_ledger_report,
    ledger_errors,
    match_statements,
    read_gold,
    score_ledger,
)

DEV_CORPUS = Path(__file__).resolve().parents[2] / "benchmarks" / "ledger_corpus" / "dev"
# Claim-grouping F1 on benchmarks/ledger_corpus/dev when the floor was set: 32.1 (P 59.6,
# R 22.0). The floor sits a little under, so a regression fails but one changed join does not.
DEV_CLAIM_GROUPING_F1_FLOOR = 28.0

TEXTS = {
    "a1": "The ministry denied that the dam burst. Villagers said the dam burst on Monday. "
    "The mayor said 300 homes were flooded.",
    "a2": "By Example Courier\n\nThe ministry denied that the dam burst. "
    "Villagers said the dam burst on Monday.",
    "a3": "Farmers said the harvest was lost.",
}


def _span(article: str, words: str) -> tuple[int, int]:
    start = TEXTS[article].index(words)
    return start, start + len(words)


def _position(claim: int, article: str, stance: str, *pieces: str) -> PredictedPosition:
    return PredictedPosition(
        claim=claim, article=article, stance=stance, spans=tuple(_span(article, p) for p in pieces)
    )


def _gold() -> LedgerGold:
    def said(article: str, match: str, stance: str) -> GoldStatement:
        return GoldStatement(article=article, match=match, stance=stance)

    return LedgerGold(
        folder=Path("."),
        inputs=("articles.jsonl",),
        origins={"a1": "courier", "a2": "courier", "a3": "farm"},
        claims=(
            GoldClaim(
                id="burst",
                text="The dam burst",
                contested=True,
                statements=(
                    said("a1", "denied that the dam burst", "deny"),
                    said("a1", "the dam burst on Monday", "assert"),
                    said("a2", "denied that the dam burst", "deny"),
                    said("a2", "the dam burst on Monday", "assert"),
                ),
            ),
            GoldClaim(
                id="homes",
                text="300 homes were flooded",
                contested=False,
                statements=(said("a1", "300 homes were flooded", "assert"),),
            ),
            GoldClaim(
                id="harvest",
                text="The harvest was lost",
                contested=False,
                statements=(said("a3", "the harvest was lost", "assert"),),
            ),
        ),
    )


def _predicted() -> PredictedLedger:
    """A ledger with one of each mistake: the homes statement merged into the dam claim, the
    copy's statements split into a claim of their own with one stance wrong, the harvest
    statement not extracted (an unrelated position instead), a contested claim that is no
    contradiction, and all three articles given one origin."""
    positions = (
        _position(1, "a1", "deny", "denied", "that the dam burst"),
        _position(1, "a1", "assert", "said", "the dam burst on Monday"),
        _position(1, "a1", "assert", "said", "300 homes were flooded"),
        _position(2, "a2", "deny", "denied", "that the dam burst"),
        _position(2, "a2", "deny", "said", "the dam burst on Monday"),
        _position(3, "a3", "assert", "Farmers said"),
    )
    return PredictedLedger(
        texts=dict(TEXTS),
        origins={"a1": 10, "a2": 10, "a3": 10},
        positions=positions,
        contested=frozenset({1, 3}),
        claim_texts={1: "the dam burst", 2: "the dam burst", 3: "Farmers"},
    )


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (("statements", "gold"), 6),
        (("statements", "matched"), 5),
        (("statements", "missed"), 1),
        (("statements", "extra_positions"), 1),
        # Pairs: 2 right, 2 wrongly together (homes with the dam), 4 wrongly apart (the copy).
        (("claim_grouping", "all", "tp"), 2),
        (("claim_grouping", "all", "fp"), 2),
        (("claim_grouping", "all", "fn"), 4),
        (("claim_grouping", "all", "p"), 50.0),
        (("claim_grouping", "all", "r"), 33.3),
        (("claim_grouping", "all", "f1"), 40.0),
        (("claim_grouping", "within_article", "p"), 50.0),
        (("claim_grouping", "within_article", "r"), 100.0),
        (("claim_grouping", "across_articles", "fn"), 4),
        (("claim_grouping", "across_articles", "r"), 0.0),
        # a1–a2 right; a3 wrongly joins both.
        (("origin_grouping", "p"), 33.3),
        (("origin_grouping", "r"), 100.0),
        (("origin_grouping", "f1"), 50.0),
        (("stance", "accuracy"), 80.0),
        (("stance", "deny_accuracy"), 100.0),
        (("stance", "side_agreement"), 50.0),
        # Claim 1 is mostly the contested dam claim (2 of 3 matched positions); claim 3 has
        # no gold statement at all.
        (("contradictions", "p"), 50.0),
        (("contradictions", "r"), 100.0),
        (("contradictions", "f1"), 66.7),
    ],
)
def test_eval_ledger_scores_a_hand_made_ledger(path: tuple[str, ...], expected: float) -> None:
    scores: Any = score_ledger(_gold(), _predicted())
    for key in path:
        scores = scores[key]
    assert scores == expected


@pytest.mark.parametrize(
    "kind", ["missed", "stance", "split", "merged", "false_contradiction", "origin"]
)
def test_eval_ledger_errors_list_each_kind_of_mistake(kind: str) -> None:
    kinds = [error["kind"] for error in ledger_errors(_gold(), _predicted())]
    assert kinds.count(kind) == 1


def test_eval_ledger_perfect_ledger_scores_full_marks() -> None:
    gold = _gold()
    spans = {
        ("a1", "denied that the dam burst"): (1, "deny"),
        ("a1", "the dam burst on Monday"): (1, "assert"),
        ("a2", "denied that the dam burst"): (1, "deny"),
        ("a2", "the dam burst on Monday"): (1, "assert"),
        ("a1", "300 homes were flooded"): (2, "assert"),
        ("a3", "the harvest was lost"): (3, "assert"),
    }
    positions = tuple(
        _position(claim, article, stance, match)
        for (article, match), (claim, stance) in spans.items()
    )
    predicted = PredictedLedger(
        texts=dict(TEXTS),
        origins={"a1": 1, "a2": 1, "a3": 2},
        positions=positions,
        contested=frozenset({1}),
        claim_texts={},
    )
    scores = score_ledger(gold, predicted)
    assert scores["claim_grouping"]["all"]["f1"] == 100.0
    assert scores["origin_grouping"]["f1"] == 100.0
    assert scores["stance"]["accuracy"] == 100.0
    assert scores["contradictions"]["f1"] == 100.0
    assert scores["statements"]["missed"] == 0
    assert ledger_errors(gold, predicted) == []


NESTED = "The ministry rejected claims that it failed to warn villagers."


@pytest.mark.parametrize("reverse", [False, True])
def test_eval_ledger_match_tells_a_denial_from_the_claims_it_rejects(reverse: bool) -> None:
    # "rejected claims that X" holds two attributions: the ministry's denial and the
    # unnamed claims; each gold statement must find its own, whatever the gold's order.
    def at(words: str) -> tuple[int, int]:
        start = NESTED.index(words)
        return start, start + len(words)

    statements = [
        GoldStatement("n", "rejected claims that it failed to warn villagers", "deny"),
        GoldStatement("n", "claims that it failed to warn villagers", "assert"),
    ]
    if reverse:
        statements.reverse()
    gold = LedgerGold(
        folder=Path("."),
        inputs=("x",),
        origins={"n": "n"},
        claims=(GoldClaim("warn", "", True, tuple(statements)),),
    )
    denial = PredictedPosition(1, "n", "deny", (at("rejected"), at("claims that it failed")))
    claims = PredictedPosition(1, "n", "assert", (at("claims"), at("that it failed to warn")))
    predicted = PredictedLedger({"n": NESTED}, {"n": 1}, (denial, claims), frozenset({1}), {})
    matched = {statement.stance: index for _, statement, index in match_statements(gold, predicted)}
    assert matched == {"deny": 0, "assert": 1}


def test_eval_ledger_match_refuses_an_ambiguous_substring() -> None:
    gold = _gold()
    ambiguous = GoldClaim("x", "", False, (GoldStatement("a1", "the dam burst", "assert"),))
    bad = LedgerGold(gold.folder, gold.inputs, gold.origins, (*gold.claims, ambiguous))
    with pytest.raises(InputError, match="occurs 2 times"):
        match_statements(bad, _predicted())


def _write_gold(folder: Path, claims: list[dict[str, Any]]) -> None:
    gold = {
        "inputs": ["articles.jsonl"],
        "articles": [{"id": "a1", "origin": "o"}],
        "claims": claims,
    }
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        (
            [
                {
                    "id": "c",
                    "contested": True,
                    "statements": [{"article": "a1", "match": "x", "stance": "assert"}],
                }
            ],
            "contested",
        ),
        ([{"id": "c", "statements": [{"article": "zz", "match": "x", "stance": "assert"}]}], "zz"),
        (
            [{"id": "c", "statements": [{"article": "a1", "match": "x", "stance": "maybe"}]}],
            "maybe",
        ),
        ([{"id": "c", "statements": []}, {"id": "c", "statements": []}], "twice"),
        ([{"id": "c"}], "statements"),
    ],
)
def test_eval_ledger_read_gold_refuses_inconsistent_gold(
    tmp_path: Path, claims: list[dict[str, Any]], message: str
) -> None:
    _write_gold(tmp_path, claims)
    with pytest.raises(InputError, match=message):
        read_gold(tmp_path)


def test_eval_ledger_read_gold_reads_the_dev_corpus() -> None:
    gold = read_gold(DEV_CORPUS)
    assert gold.inputs == ("articles.jsonl",)
    # Every article's lines hold its id; every statement names a listed article.
    lines = (DEV_CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"] for line in lines} == set(gold.origins)
    assert any(claim.contested for claim in gold.claims)


def test_eval_ledger_report_names_every_score() -> None:
    report = format_ledger_report(score_ledger(_gold(), _predicted()))
    for words in ("claim grouping", "across articles", "origin grouping", "contradictions"):
        assert words in report
    assert "missed by extraction 1" in report


def test_eval_ledger_cli_on_the_dev_corpus_clears_the_floor() -> None:
    result = CliRunner().invoke(app, ["ledger", str(DEV_CORPUS), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["failed"] == 0
    assert scores["statements"]["gold"] == sum(
        len(claim.statements) for claim in read_gold(DEV_CORPUS).claims
    )
    assert scores["claim_grouping"]["all"]["f1"] >= DEV_CLAIM_GROUPING_F1_FLOOR


def test_eval_ledger_cli_reports_a_missing_corpus(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ledger", str(tmp_path)])
    assert result.exit_code == 1
    assert "gold.json" in result.output


def test_eval_ledger_embeddings_without_the_extra_is_one_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Where the extra is installed, pretend it is not: the message must name the extra.
    from rashomon.errors import ConfigError
    from rashomon.link import embeddings

    def missing() -> None:
        raise ConfigError(
            "the embedding backend needs `pip install 'rashomon[embeddings]'`",
            where="--embeddings",
        )

    monkeypatch.setattr(embeddings, "load_encoder", missing)
    result = CliRunner().invoke(app, ["ledger", str(DEV_CORPUS), "--embeddings"])
    assert result.exit_code == 1
    assert "rashomon[embeddings]" in result.output
    assert "Traceback" not in result.output
