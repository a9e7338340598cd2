"""Score the corpus store's claim ledger and provenance against a corpus with known answers.

A ledger corpus (``benchmarks/ledger_corpus/dev``) is a folder holding the articles, in any
form ``rashomon ingest`` reads, and a ``gold.json`` that says what the store should make of
them::

    {"inputs": ["articles.jsonl"],
     "articles": [{"id": "dam-courier", "origin": "dam"}, …],
     "claims": [{"id": "dam-burst", "text": "The Kessel Dam burst", "contested": true,
                 "statements": [{"article": "dam-courier", "match": "the Kessel Dam had
                                 burst", "stance": "deny"}, …]}, …]}

- every article has an **origin group**: the articles that are copies of one report
  (republished, wire copies) share one;
- every **gold claim** lists its statements, each named by its article and a substring of
  the statement's cue or content that occurs once in that article, and its **stance**
  toward the claim worded positively (an assertion worded with a negator, "no siren
  sounded", is a denial of "sirens sounded", as the ledger counts it);
- a claim is **contested** when some statement asserts it and another denies it.

``evaluate_ledger`` ingests the corpus into a temporary SQLite store, reads the ledger back
(``read_ledger``) and scores it (``score_ledger``):

- each gold statement is **matched** to the stored claim position (an attribution's cue
  and content, or an outlet-voice claim's span) covering most of its substring, one
  position per statement; a statement no position covers is an extraction miss, counted
  apart and never against grouping;
- **claim grouping** and **origin grouping** are pairwise: over pairs of matched statements
  (of stored articles), a pair is predicted together when the ledger put both in one claim
  (one origin), and belongs together when the gold does. Claim pairs are also split into
  pairs within one article (grouped mostly by ``link.claims``) and across articles (by the
  store's ledger, ``link.ledger``), since different code decides each;
- **stance** is the share of matched statements on the gold side, the ledger's stance
  being turned to the positive wording when the ledger claim is worded negatively;
- **contradictions**: a contested ledger claim is correct when more than half of its
  matched positions belong to one contested gold claim; recall is the share of contested
  gold claims some correct ledger claim stands for.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import select

from rashomon.errors import InputError
from rashomon.link.embeddings import Encoder
from rashomon.store.database import Store
from rashomon.store.schema import ArticleRow, AttributionRow, ClaimPositionRow, ClaimRow

__all__ = [
    "MATCH_COVERAGE",
    "GoldClaim",
    "GoldStatement",
    "LedgerGold",
    "PredictedLedger",
    "PredictedPosition",
    "evaluate_ledger",
    "format_ledger_report",
    "ledger_errors",
    "match_statements",
    "read_gold",
    "read_ledger",
    "score_ledger",
]

#: A position stands for a gold statement when its spans cover at least this share of the
#: statement's substring: half, so that a content span cut at a different clause boundary
#: still matches, while a neighbouring attribution that touches a word or two does not.
MATCH_COVERAGE = 0.5

_STANCES = ("assert", "deny")
_GOLD_FILE = "gold.json"

Scores = dict[str, Any]
Span = tuple[int, int]


@dataclass(frozen=True)
class GoldStatement:
    """One statement of a gold claim: its article, a substring naming it, its stance."""

    article: str
    match: str
    stance: str


@dataclass(frozen=True)
class GoldClaim:
    """A proposition and the statements that assert or deny it."""

    id: str
    text: str
    contested: bool
    statements: tuple[GoldStatement, ...]


@dataclass(frozen=True)
class LedgerGold:
    """The known answers of a ledger corpus.

    Attributes:
        folder: the corpus folder.
        inputs: the article files to ingest, relative to ``folder``.
        origins: each article's origin group.
        claims: the gold claims, every statement of them in one.
    """

    folder: Path
    inputs: tuple[str, ...]
    origins: dict[str, str]
    claims: tuple[GoldClaim, ...]


@dataclass(frozen=True)
class PredictedPosition:
    """One side taken on a ledger claim, as the store holds it.

    Attributes:
        claim: the ledger claim's id.
        article: the article's name (its input id).
        stance: toward the claim worded positively (``assert`` or ``deny``).
        spans: character ranges in the article's text: the cue and content of the
            attribution, or the span of an outlet-voice claim.
        text: the statement as stored, for error listings.
    """

    claim: int
    article: str
    stance: str
    spans: tuple[Span, ...]
    text: str = ""


@dataclass(frozen=True)
class PredictedLedger:
    """What the store made of the corpus.

    Attributes:
        texts: each stored article's text, by name.
        origins: each stored article's origin id, by name.
        positions: every claim position.
        contested: the ids of the contested ledger claims.
        claim_texts: each ledger claim's text, by id, for error listings.
    """

    texts: dict[str, str]
    origins: dict[str, int]
    positions: tuple[PredictedPosition, ...]
    contested: frozenset[int]
    claim_texts: dict[int, str]


#: A gold statement, its claim, and the index of the position matched to it (if any).
Match = tuple[GoldClaim, GoldStatement, int | None]
#: … and one that was matched.
Hit = tuple[GoldClaim, GoldStatement, int]


# -- reading the gold --------------------------------------------------------------------------


def _field(record: Any, key: str, kind: type, where: str) -> Any:
    if not isinstance(record, dict) or not isinstance(record.get(key), kind):
        raise InputError(f"needs a {kind.__name__} field {key!r}", where=where)
    return record[key]


def read_gold(folder: Path) -> LedgerGold:
    """Read ``gold.json`` of a ledger corpus folder and check it is consistent.

    Raises:
        InputError: the file is missing or malformed, names an article that has no origin,
            has an unknown stance, repeats an id, or marks a claim contested whose
            statements do not take both sides (or the other way round).
    """
    path = folder / _GOLD_FILE
    where = str(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read it ({error.strerror})", where=where) from error
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg})", where=where) from error
    inputs = _field(data, "inputs", list, where)
    if not inputs or not all(isinstance(name, str) for name in inputs):
        raise InputError("'inputs' must list the article files", where=where)
    origins: dict[str, str] = {}
    for record in _field(data, "articles", list, where):
        article = _field(record, "id", str, where)
        if article in origins:
            raise InputError(f"the article {article!r} is listed twice", where=where)
        origins[article] = _field(record, "origin", str, where)
    claims: list[GoldClaim] = []
    seen: set[str] = set()
    for record in _field(data, "claims", list, where):
        claim_id = _field(record, "id", str, where)
        if claim_id in seen:
            raise InputError(f"the claim {claim_id!r} is listed twice", where=where)
        seen.add(claim_id)
        statements = []
        for item in _field(record, "statements", list, f"{where}: {claim_id}"):
            statement = GoldStatement(
                article=_field(item, "article", str, f"{where}: {claim_id}"),
                match=_field(item, "match", str, f"{where}: {claim_id}"),
                stance=_field(item, "stance", str, f"{where}: {claim_id}"),
            )
            if statement.article not in origins:
                raise InputError(
                    f"the claim {claim_id!r} names an unlisted article {statement.article!r}",
                    where=where,
                )
            if statement.stance not in _STANCES:
                raise InputError(
                    f"the claim {claim_id!r} has a stance {statement.stance!r} "
                    "(use 'assert' or 'deny')",
                    where=where,
                )
            statements.append(statement)
        contested = bool(record.get("contested", False))
        if contested != ({s.stance for s in statements} == set(_STANCES)):
            raise InputError(
                f"the claim {claim_id!r} is marked contested={contested} but its statements "
                "say otherwise",
                where=where,
            )
        claims.append(
            GoldClaim(
                id=claim_id,
                text=str(record.get("text", "")),
                contested=contested,
                statements=tuple(statements),
            )
        )
    return LedgerGold(folder=folder, inputs=tuple(inputs), origins=origins, claims=tuple(claims))


# -- reading the store -------------------------------------------------------------------------


def read_ledger(store: Store) -> PredictedLedger:
    """Read the articles, origins and claim positions of an open store."""
    with store.session() as session:
        articles = session.execute(select(ArticleRow)).scalars().all()
        names = {row.id: row.name for row in articles}
        claims = {row.id: row for row in session.execute(select(ClaimRow)).scalars().all()}
        attributions = {
            row.id: row for row in session.execute(select(AttributionRow)).scalars().all()
        }
        documents = {row.id: json.loads(row.document) for row in articles}
        positions = []
        rows = session.execute(select(ClaimPositionRow).order_by(ClaimPositionRow.id))
        for position in rows.scalars().all():
            negated = claims[position.claim_id].negated
            stance = position.stance
            if negated:
                stance = "assert" if stance == "deny" else "deny"
            spans: list[Span] = []
            if position.attribution_id is not None:
                attribution = attributions[position.attribution_id]
                spans.append((attribution.cue_start, attribution.cue_end))
                spans.extend((start, end) for start, end in attribution.content)
            else:
                spans.extend(_claim_span(documents[position.article_id], position.local_claim))
            positions.append(
                PredictedPosition(
                    claim=position.claim_id,
                    article=names[position.article_id],
                    stance=stance,
                    spans=tuple(spans),
                    text=position.statement,
                )
            )
        return PredictedLedger(
            texts={row.name: row.text for row in articles},
            origins={row.name: row.origin_id for row in articles},
            positions=tuple(positions),
            contested=frozenset(claim_id for claim_id, row in claims.items() if row.contested),
            claim_texts={claim_id: row.text for claim_id, row in claims.items()},
        )


def _claim_span(document: dict[str, Any], local_claim: str) -> list[Span]:
    for claim in document.get("claims", []):
        if claim.get("id") == local_claim and claim.get("start") is not None:
            return [(int(claim["start"]), int(claim["end"]))]
    return []


# -- matching ----------------------------------------------------------------------------------


def _find(text: str, match: str, *, where: str) -> Span:
    """The one place ``match`` occurs in ``text`` (case and spacing aside)."""
    pattern = r"\s+".join(re.escape(word) for word in match.split())
    found = list(re.finditer(pattern, text, flags=re.IGNORECASE))
    if len(found) != 1:
        problem = "is not in the article" if not found else f"occurs {len(found)} times"
        raise InputError(f"the statement {match!r} {problem}", where=where)
    return found[0].span()


def _coverage(text: str, target: Span, spans: Iterable[Span]) -> float:
    """The share of ``target``'s non-space characters inside the spans.

    Spaces do not count: a cue and its content are separate spans with a space between
    them, and "claims that X" should be wholly covered by the cue "claims" and the content
    "that X".
    """
    inside = [False] * (target[1] - target[0])
    for start, end in spans:
        for offset in range(max(start, target[0]), min(end, target[1])):
            inside[offset - target[0]] = True
    letters = [i for i in range(len(inside)) if not text[target[0] + i].isspace()]
    return sum(inside[i] for i in letters) / len(letters) if letters else 0.0


def match_statements(gold: LedgerGold, predicted: PredictedLedger) -> list[Match]:
    """Pair each gold statement with the predicted position that stands for it.

    Returns:
        ``(claim, statement, index into predicted.positions or None)`` for every gold
        statement of a stored article, in gold order.

    Raises:
        InputError: a statement's substring is not in its article, or not only once.
    """
    by_article: dict[str, list[int]] = {}
    for index, position in enumerate(predicted.positions):
        by_article.setdefault(position.article, []).append(index)
    statements: list[tuple[GoldClaim, GoldStatement]] = []
    # (coverage, -length of the position's spans, -statement number, position)
    pairs: list[tuple[float, int, int, int]] = []
    for claim in gold.claims:
        for statement in claim.statements:
            text = predicted.texts.get(statement.article)
            if text is None:
                continue
            number = len(statements)
            statements.append((claim, statement))
            start, end = _find(text, statement.match, where=f"{claim.id}: {statement.article}")
            for index in by_article.get(statement.article, []):
                spans = predicted.positions[index].spans
                share = _coverage(text, (start, end), spans)
                if share >= MATCH_COVERAGE:
                    pairs.append((share, -sum(e - s for s, e in spans), -number, index))
    # One position per statement and one statement per position, best covered first; at
    # equal coverage the tighter position (the inner attribution of a nested pair: "claims
    # that X" inside "rejected claims that X") goes first. A statement whose only position
    # went to a better-covered one has no attribution of its own: an extraction miss.
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for _share, _length, negative_number, index in sorted(pairs, reverse=True):
        number = -negative_number
        if number not in chosen and index not in taken:
            chosen[number] = index
            taken.add(index)
    return [
        (claim, statement, chosen.get(number))
        for number, (claim, statement) in enumerate(statements)
    ]


def _hits(matched: Sequence[Match]) -> list[Hit]:
    return [(claim, statement, index) for claim, statement, index in matched if index is not None]


# -- scoring -----------------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> Scores:
    """Precision, recall and F1 as percentages (one decimal), with the counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "p": round(100 * precision, 1),
        "r": round(100 * recall, 1),
        "f1": round(100 * f1, 1),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _pairwise(
    items: Sequence[tuple[object, object]], keep: Callable[[int, int], bool] | None = None
) -> tuple[int, int, int]:
    """(tp, fp, fn) over pairs of (gold group, predicted group) items, or over the pairs of
    item indices ``keep`` accepts."""
    tp = fp = fn = 0
    for a, b in combinations(range(len(items)), 2):
        if keep is not None and not keep(a, b):
            continue
        (gold_a, predicted_a), (gold_b, predicted_b) = items[a], items[b]
        together, belongs = predicted_a == predicted_b, gold_a == gold_b
        tp += together and belongs
        fp += together and not belongs
        fn += belongs and not together
    return tp, fp, fn


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def score_ledger(gold: LedgerGold, predicted: PredictedLedger) -> Scores:
    """Score a ledger read from the store against the gold (see the module docstring).

    Returns:
        ``statements`` (gold, matched, missed, extra positions), ``claim_grouping``
        (``all``, ``within_article``, ``across_articles``: P/R/F1 with pair counts),
        ``origin_grouping`` (P/R/F1, and the gold articles not stored), ``stance``
        (accuracy overall and on gold denials, and side agreement of co-grouped pairs),
        ``contradictions`` (P/R/F1 with counts).
    """
    matched = match_statements(gold, predicted)
    hits = _hits(matched)
    positions = predicted.positions

    # Claim grouping, over matched statements; within and across articles apart.
    groups = [(claim.id, positions[index].claim) for claim, _, index in hits]
    articles = [statement.article for _, statement, _ in hits]
    within = _pairwise(groups, lambda a, b: articles[a] == articles[b])
    across = _pairwise(groups, lambda a, b: articles[a] != articles[b])
    total = _pairwise(groups)

    # Origin grouping over the gold articles that were stored.
    stored = [name for name in gold.origins if name in predicted.origins]
    origin = _pairwise([(gold.origins[name], predicted.origins[name]) for name in stored])

    # Stance, per statement and per pair of statements the ledger put together.
    correct = sum(positions[index].stance == statement.stance for _, statement, index in hits)
    denials = [index for _, statement, index in hits if statement.stance == "deny"]
    denials_right = sum(positions[index].stance == "deny" for index in denials)
    co_grouped = agreeing = 0
    for (claim_a, said_a, index_a), (claim_b, said_b, index_b) in combinations(hits, 2):
        a, b = positions[index_a], positions[index_b]
        if claim_a.id == claim_b.id and a.claim == b.claim:
            co_grouped += 1
            agreeing += (said_a.stance == said_b.stance) == (a.stance == b.stance)

    contradictions = _score_contradictions(gold, predicted, hits)
    used = {index for _, _, index in hits}
    return {
        "statements": {
            "gold": len(matched),
            "matched": len(hits),
            "missed": len(matched) - len(hits),
            "extra_positions": len(positions) - len(used),
            "positions": len(positions),
        },
        "claim_grouping": {
            "all": _prf(*total),
            "within_article": _prf(*within),
            "across_articles": _prf(*across),
        },
        "origin_grouping": {
            **_prf(*origin),
            "articles": len(stored),
            "missing_articles": sorted(set(gold.origins) - set(predicted.origins)),
        },
        "stance": {
            "accuracy": _percent(correct, len(hits)),
            "correct": correct,
            "total": len(hits),
            "deny_accuracy": _percent(denials_right, len(denials)),
            "denials": len(denials),
            "side_agreement": _percent(agreeing, co_grouped),
            "co_grouped_pairs": co_grouped,
        },
        "contradictions": contradictions,
    }


def _stands_for(
    claim: int, hits: Sequence[Hit], positions: Sequence[PredictedPosition]
) -> GoldClaim | None:
    """The contested gold claim that more than half of a ledger claim's matched positions
    belong to, if there is one: what makes a contested ledger claim a right contradiction."""
    counts: Counter[str] = Counter()
    by_id: dict[str, GoldClaim] = {}
    for gold_claim, _, index in hits:
        if positions[index].claim == claim:
            counts[gold_claim.id] += 1
            by_id[gold_claim.id] = gold_claim
    if not counts:
        return None
    best, count = counts.most_common(1)[0]
    if 2 * count > sum(counts.values()) and by_id[best].contested:
        return by_id[best]
    return None


def _score_contradictions(
    gold: LedgerGold, predicted: PredictedLedger, hits: Sequence[Hit]
) -> Scores:
    stored = set(predicted.texts)
    # A gold contradiction can be found only if both of its sides are in stored articles.
    gold_contested = {
        claim.id
        for claim in gold.claims
        if claim.contested
        and {s.stance for s in claim.statements if s.article in stored} == set(_STANCES)
    }
    right = 0
    found: set[str] = set()
    for claim in predicted.contested:
        gold_claim = _stands_for(claim, hits, predicted.positions)
        if gold_claim is not None:
            right += 1
            found.add(gold_claim.id)
    found &= gold_contested
    precision = right / len(predicted.contested) if predicted.contested else 0.0
    recall = len(found) / len(gold_contested) if gold_contested else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "p": round(100 * precision, 1),
        "r": round(100 * recall, 1),
        "f1": round(100 * f1, 1),
        "predicted": len(predicted.contested),
        "correct": right,
        "gold": len(gold_contested),
        "found": len(found),
    }


# -- errors ------------------------------------------------------------------------------------


def ledger_errors(gold: LedgerGold, predicted: PredictedLedger) -> list[dict[str, Any]]:
    """Every miss and mistake, one dict each, for a person to read.

    Kinds: ``missed`` (no position for a gold statement), ``split`` (a gold claim's matched
    statements spread over several ledger claims, listed with their claims), ``merged`` (a
    ledger claim holding statements of several gold claims), ``stance`` (a statement on the
    wrong side), ``false_contradiction`` (a contested ledger claim that is no gold
    contradiction), ``origin`` (a gold origin group the store split, or a store origin that
    joins gold groups).
    """
    matched = match_statements(gold, predicted)
    positions = predicted.positions
    errors: list[dict[str, Any]] = []

    def shown(statement: GoldStatement, index: int | None) -> dict[str, Any]:
        item: dict[str, Any] = {"article": statement.article, "match": statement.match}
        if index is not None:
            item["ledger_claim"] = positions[index].claim
            item["stored"] = positions[index].text
        return item

    by_gold: dict[str, list[tuple[GoldStatement, int]]] = {}
    by_ledger: dict[int, set[str]] = {}
    for claim, statement, index in matched:
        if index is None:
            errors.append({"kind": "missed", "claim": claim.id, **shown(statement, None)})
            continue
        by_gold.setdefault(claim.id, []).append((statement, index))
        by_ledger.setdefault(positions[index].claim, set()).add(claim.id)
        if positions[index].stance != statement.stance:
            errors.append(
                {
                    "kind": "stance",
                    "claim": claim.id,
                    "gold": statement.stance,
                    "predicted": positions[index].stance,
                    **shown(statement, index),
                }
            )
    for claim_id, items in by_gold.items():
        if len({positions[index].claim for _, index in items}) > 1:
            errors.append(
                {
                    "kind": "split",
                    "claim": claim_id,
                    "statements": [shown(statement, index) for statement, index in items],
                }
            )
    for ledger_claim, gold_ids in sorted(by_ledger.items()):
        if len(gold_ids) > 1:
            errors.append(
                {
                    "kind": "merged",
                    "ledger_claim": ledger_claim,
                    "text": predicted.claim_texts.get(ledger_claim, ""),
                    "claims": sorted(gold_ids),
                }
            )
    hits = _hits(matched)
    for ledger_claim in sorted(predicted.contested):
        if _stands_for(ledger_claim, hits, positions) is None:
            errors.append(
                {
                    "kind": "false_contradiction",
                    "ledger_claim": ledger_claim,
                    "text": predicted.claim_texts.get(ledger_claim, ""),
                    "claims": sorted(by_ledger.get(ledger_claim, set())),
                }
            )
    errors.extend(_origin_errors(gold, predicted))
    return errors


def _origin_errors(gold: LedgerGold, predicted: PredictedLedger) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    stored = [name for name in gold.origins if name in predicted.origins]
    gold_groups: dict[str, list[str]] = {}
    predicted_groups: dict[int, list[str]] = {}
    for name in stored:
        gold_groups.setdefault(gold.origins[name], []).append(name)
        predicted_groups.setdefault(predicted.origins[name], []).append(name)
    for group, names in gold_groups.items():
        if len({predicted.origins[name] for name in names}) > 1:
            split = {name: predicted.origins[name] for name in names}
            errors.append({"kind": "origin", "problem": "split", "gold": group, "store": split})
    for origin, names in predicted_groups.items():
        if len({gold.origins[name] for name in names}) > 1:
            joined = {name: gold.origins[name] for name in names}
            errors.append({"kind": "origin", "problem": "joined", "origin": origin, "gold": joined})
    return errors


# -- the whole run -----------------------------------------------------------------------------


def evaluate_ledger(
    folder: Path,
    *,
    progress: Callable[[], None] | None = None,
    encoder: Encoder | None = None,
) -> tuple[Scores, list[dict[str, Any]]]:
    """Ingest a ledger corpus into a fresh temporary store and score what it holds.

    Args:
        folder: the corpus folder (``gold.json`` and the files it lists).
        progress: called once per article ingested.
        encoder: a sentence-embedding backend, to score the ledger as ``ingest
            --embeddings`` builds it.

    Returns:
        The scores of ``score_ledger`` with the ingest's ``failed`` count added, and the
        errors of ``ledger_errors``.

    Raises:
        InputError: the gold is malformed or names a file that is not there.
        StoreError: the temporary store could not be written.
    """
    from rashomon.ingest import ingest
    from rashomon.ingest.executors import make_executor

    gold = read_gold(folder)
    paths = []
    for name in gold.inputs:
        path = folder / name
        if not path.exists():
            raise InputError("the corpus file listed in gold.json is missing", where=str(path))
        paths.append(str(path))

    def on_article(_where: str, _what: str) -> None:
        if progress is not None:
            progress()

    with tempfile.TemporaryDirectory(prefix="rashomon-ledger-") as scratch:
        store = Store.open(str(Path(scratch) / "ledger.db"), write=True)
        executor = make_executor(1)
        try:
            summary = ingest(paths, store, executor, on_article=on_article, encoder=encoder)
            predicted = read_ledger(store)
        finally:
            executor.close()
            store.close()
    scores = score_ledger(gold, predicted)
    scores["failed"] = len(summary.failed)
    return scores, ledger_errors(gold, predicted)


def format_ledger_report(scores: Scores) -> str:
    """A plain-text table of ``score_ledger``'s scores."""
    lines = [f"{'':<26} {'P':>6} {'R':>6} {'F1':>6}   pairs/items (tp fp fn)"]
    rows = [
        ("claim grouping", scores["claim_grouping"]["all"]),
        ("  within one article", scores["claim_grouping"]["within_article"]),
        ("  across articles", scores["claim_grouping"]["across_articles"]),
        ("origin grouping", scores["origin_grouping"]),
        ("contradictions", None),
    ]
    for name, cell in rows:
        if cell is None:
            c = scores["contradictions"]
            lines.append(
                f"{name:<26} {c['p']:>6.1f} {c['r']:>6.1f} {c['f1']:>6.1f}   "
                f"{c['correct']} of {c['predicted']} predicted right, "
                f"{c['found']} of {c['gold']} gold found"
            )
            continue
        lines.append(
            f"{name:<26} {cell['p']:>6.1f} {cell['r']:>6.1f} {cell['f1']:>6.1f}   "
            f"{cell['tp']} {cell['fp']} {cell['fn']}"
        )
    stance = scores["stance"]
    lines.append(
        f"stance accuracy {stance['accuracy']:.1f} ({stance['correct']}/{stance['total']}), "
        f"on denials {stance['deny_accuracy']:.1f} (of {stance['denials']}), "
        f"side agreement of co-grouped pairs {stance['side_agreement']:.1f} "
        f"(of {stance['co_grouped_pairs']})"
    )
    st = scores["statements"]
    lines.append(
        f"gold statements {st['gold']}: matched {st['matched']}, missed by extraction "
        f"{st['missed']}; stored positions {st['positions']}, {st['extra_positions']} "
        "matching no gold statement"
    )
    missing = scores["origin_grouping"]["missing_articles"]
    if missing:
        lines.append(f"gold articles not stored: {', '.join(missing)}")
    return "\n".join(lines)
