"""Score predicted attributions against gold ones: span P/R/F1 per role and whole-attribution.

Everything is document-level (spans are compared only within their own document) and
micro-averaged (true/false positives are summed over documents before dividing). Spans are
compared as sets of characters after trimming quote marks, edge punctuation and whitespace from
each fragment, because annotators disagree about those far more than about the words: PolNeAR
puts the closing quote inside some contents and outside others.

Matching is one-to-one everywhere, so one predicted span can never earn two true positives.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rashomon.errors import RashomonError
from rashomon.evaluate.brat import GoldAttribution, GoldDocument, Offsets, read_corpus
from rashomon.model import Analysis

__all__ = [
    "CONFIDENCE_FLOORS",
    "KINDS",
    "NESTING",
    "PRONOUNS",
    "ROLES",
    "PredictedAttribution",
    "collect_errors",
    "evaluate_corpus",
    "flatten",
    "format_report",
    "gold_kind",
    "gold_nests",
    "normalize_spans",
    "predicted_from_analysis",
    "score_attributions",
    "whole_matches",
]

logger = logging.getLogger(__name__)

ROLES = ("source", "cue", "content")
KINDS = ("direct", "indirect", "mixed")

# Personal (subject, object, possessive) and relative pronouns: a source that is one of these
# needs coreference to be useful ("he said", "who told reporters", "his remarks"), so it is
# scored apart. Kept short on purpose: it is a diagnostic, not a grammar.
PRONOUNS = frozenset(
    "i me my you your he him his she her it its we us our they them their "
    "who whom whose which that".split()
)

_QUOTES = "\"“”'‘’«»"
_PUNCTUATION = ",.;:!?—–-"
_TRIM = frozenset(_QUOTES + _PUNCTUATION + " \t\n\r\f\v\u00a0")
# Only double quotes decide whether a gold content is direct: single ones are mostly apostrophes.
_OPENING = frozenset('"“«')
_CLOSING = frozenset('"”»')
_JACCARD_FLOOR = 0.5

Intervals = tuple[tuple[int, int], ...]
Scores = dict[str, Any]


@dataclass(frozen=True)
class PredictedAttribution:
    """One attribution a system found, as character offsets (see ``GoldAttribution``).

    ``kind`` is ``direct``/``indirect``/``mixed`` (``None``: derive it from the content text),
    ``source_is_pronoun`` marks a source such as "he" or "who", and ``confidence`` is the
    system's own probability for the attribution, when it gives one.
    """

    source: Offsets
    cue: Offsets
    content: Offsets
    kind: str | None = None
    source_is_pronoun: bool = False
    confidence: float | None = None


#: The confidence floors the report scores at: what a user keeping only the attributions at
#: or above each would get.
CONFIDENCE_FLOORS = (0.5, 0.7, 0.9)


#: How nested predictions are compared: ``auto`` follows the gold corpus, ``flat`` sets
#: aside every prediction whose cue lies inside another's content, ``nested`` keeps all.
NESTING = ("auto", "flat", "nested")


def _cue_inside(item: Any, other: Any) -> bool:
    """Whether ``item``'s cue lies whole inside one piece of ``other``'s content."""
    if not item.cue:
        return False
    start, end = item.cue[0][0], item.cue[-1][1]
    return any(first <= start and end <= last for first, last in other.content)


def gold_nests(documents: Sequence[GoldDocument]) -> bool:
    """Whether any gold attribution's cue lies inside another gold attribution's content.

    PolNeAR annotates one level only: in train, none of its 19,835 cues lies inside a
    content. "The ministry rejected reports that militants had left" is, there, one
    attribution (the ministry's), where rashomon also reports the reports' own claim.
    """
    return any(
        _cue_inside(item, other)
        for document in documents
        for item in document.attributions
        for other in document.attributions
        if other is not item
    )


def flatten(items: Sequence[PredictedAttribution]) -> list[PredictedAttribution]:
    """The predictions whose cue lies inside no other prediction's content.

    How a system that reports attributions within attributions is compared with a corpus
    that annotates only the outer one: the inner report is set aside, not scored as a
    false alarm, and the outer one stands.
    """
    return [
        item
        for item in items
        if not any(other is not item and _cue_inside(item, other) for other in items)
    ]


def predicted_from_analysis(analysis: Analysis) -> list[PredictedAttribution]:
    """Convert rashomon's own attributions into what the scorer compares.

    Args:
        analysis: The result of ``rashomon.analyze`` on one gold document's text.

    Returns:
        One ``PredictedAttribution`` per attribution, in the analysis's order.
    """
    predicted = []
    for item in analysis.attributions:
        source: Offsets = ((item.source.start, item.source.end),) if item.source else ()
        pronoun = item.source is not None and item.source.text.strip().lower() in PRONOUNS
        predicted.append(
            PredictedAttribution(
                source=source,
                cue=((item.cue.start, item.cue.end),),
                content=tuple((piece.start, piece.end) for piece in item.content),
                kind=item.kind,
                source_is_pronoun=pronoun,
                confidence=item.confidence,
            )
        )
    return predicted


def _text_of(text: str, fragments: Offsets) -> str:
    """The words of a span, fragments joined by a space (as BRAT writes them)."""
    return " ".join(text[start:end] for start, end in fragments)


def gold_kind(text: str, content: Offsets) -> str:
    """Derive direct/indirect/mixed from the content's quote marks (gold has no kind).

    Direct when the content starts with an opening and ends with a closing double quote
    (trailing punctuation aside), mixed when it contains one elsewhere, indirect otherwise.
    """
    words = _text_of(text, content).strip().rstrip(",.;: ")
    if len(words) > 1 and words[0] in _OPENING and words[-1] in _CLOSING:
        return "direct"
    if any(mark in _OPENING or mark in _CLOSING for mark in words):
        return "mixed"
    return "indirect"


def normalize_spans(text: str, fragments: Offsets) -> Intervals:
    """Trim each fragment, then merge fragments that touch or are separated only by trim marks.

    A span that trims to nothing (PolNeAR has ":" as a cue) keeps its raw fragments, so it can
    still be matched.
    """
    trimmed = []
    for start, end in sorted(fragments):
        start, end = max(start, 0), min(end, len(text))
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if start < end:
            trimmed.append((start, end))
    if not trimmed:
        trimmed = [(start, end) for start, end in sorted(fragments) if start < end]
    merged: list[tuple[int, int]] = []
    for start, end in trimmed:
        if merged and all(mark in _TRIM for mark in text[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _size(intervals: Intervals) -> int:
    return sum(end - start for start, end in intervals)


def _overlap(first: Intervals, second: Intervals) -> int:
    """How many characters two sorted, disjoint interval lists share."""
    shared, i, j = 0, 0, 0
    while i < len(first) and j < len(second):
        shared += max(0, min(first[i][1], second[j][1]) - max(first[i][0], second[j][0]))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return shared


def _jaccard(first: Intervals, second: Intervals) -> float:
    shared = _overlap(first, second)
    union = _size(first) + _size(second) - shared
    return shared / union if union else 0.0


def _greedy(pairs: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one matching: take ``(weight, gold, predicted)`` pairs best first."""
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    matches = []
    for _, gold, predicted in sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2])):
        if gold not in used_gold and predicted not in used_predicted:
            used_gold.add(gold)
            used_predicted.add(predicted)
            matches.append((gold, predicted))
    return matches


def _prf(tp: int, fp: int, fn: int) -> Scores:
    """Precision, recall and F1 as percentages (one decimal), with the counts."""
    return _split_prf(tp + fn, tp, tp + fp, tp)


def _split_prf(gold_total: int, gold_hit: int, predicted_total: int, predicted_hit: int) -> Scores:
    """P/R/F1 when recall and precision may count different items (by kind, by pronoun).

    Recall counts matched gold items of the group, precision matched predicted ones; ``tp`` is
    the matched gold count, so ``tp + fn`` is the gold total, and ``fp`` counts the unmatched
    predicted items of the group.
    """
    precision = predicted_hit / predicted_total if predicted_total else 0.0
    recall = gold_hit / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "p": round(100 * precision, 1),
        "r": round(100 * recall, 1),
        "f1": round(100 * f1, 1),
        "tp": gold_hit,
        "fp": predicted_total - predicted_hit,
        "fn": gold_total - gold_hit,
    }


@dataclass(frozen=True)
class _Normalized:
    """One attribution's spans, trimmed and merged, ready to compare."""

    source: Intervals
    cue: Intervals
    content: Intervals


def _normalize_all(text: str, items: Sequence[Any]) -> list[_Normalized]:
    return [
        _Normalized(
            normalize_spans(text, item.source),
            normalize_spans(text, item.cue),
            normalize_spans(text, item.content),
        )
        for item in items
    ]


def _match_attributions(
    gold: list[_Normalized], predicted: list[_Normalized]
) -> list[tuple[int, int]]:
    """Pairs (gold, predicted) of whole attributions, one-to-one, best content Jaccard first.

    A pair qualifies when the cues overlap, the contents have a Jaccard of at least 0.5, and
    the sources overlap or are both absent.
    """
    pairs = []
    for g, gold_item in enumerate(gold):
        for p, predicted_item in enumerate(predicted):
            if not _overlap(gold_item.cue, predicted_item.cue):
                continue
            if bool(gold_item.source) != bool(predicted_item.source):
                continue
            if gold_item.source and not _overlap(gold_item.source, predicted_item.source):
                continue
            jaccard = _jaccard(gold_item.content, predicted_item.content)
            if jaccard >= _JACCARD_FLOOR:
                pairs.append((jaccard, g, p))
    return _greedy(pairs)


def whole_matches(
    text: str, gold: Sequence[GoldAttribution], predicted: Sequence[PredictedAttribution]
) -> set[int]:
    """The indices of the predicted attributions that match a gold one whole.

    The same one-to-one matching as the whole-attribution score; training the attribution
    scorer uses it to label what the finder drew.
    """
    pairs = _match_attributions(_normalize_all(text, gold), _normalize_all(text, predicted))
    return {p for _, p in pairs}


def _span_counts(gold: set[Intervals], predicted: set[Intervals]) -> tuple[int, int]:
    """True positives of one role in one document: (exact, overlap)."""
    exact = sum((Counter(gold) & Counter(predicted)).values())
    gold_list, predicted_list = sorted(gold), sorted(predicted)
    pairs = [
        (float(_overlap(g_span, p_span)), g, p)
        for g, g_span in enumerate(gold_list)
        for p, p_span in enumerate(predicted_list)
        if _overlap(g_span, p_span)
    ]
    return exact, len(_greedy(pairs))


class _Tally:
    """Counts summed over documents, turned into the score dict at the end."""

    def __init__(self) -> None:
        self.spans: dict[str, Counter[str]] = {role: Counter() for role in ROLES}
        self.attribution: Counter[str] = Counter()
        self.publisher: dict[str, Counter[str]] = {}
        self.groups: dict[str, Counter[str]] = {}
        self.confidence: dict[float, Counter[str]] = {}

    def add_spans(self, role: str, gold: set[Intervals], predicted: set[Intervals]) -> None:
        exact, overlap = _span_counts(gold, predicted)
        counter = self.spans[role]
        counter.update(gold=len(gold), predicted=len(predicted), exact=exact, overlap=overlap)

    def add_group(self, group: str, side: str, hit: bool) -> None:
        counter = self.groups.setdefault(group, Counter())
        counter.update({side: 1, f"{side}_hit": int(hit)})

    def scores(self) -> Scores:
        def whole(counter: Counter[str]) -> Scores:
            tp = counter["tp"]
            return _prf(tp, counter["predicted"] - tp, counter["gold"] - tp)

        def group(name: str) -> Scores:
            counter = self.groups.get(name, Counter())
            return _split_prf(
                counter["gold"], counter["gold_hit"], counter["predicted"], counter["predicted_hit"]
            )

        exact, overlap = {}, {}
        for role, counter in self.spans.items():
            gold, predicted = counter["gold"], counter["predicted"]
            exact[role] = _prf(
                counter["exact"], predicted - counter["exact"], gold - counter["exact"]
            )
            overlap[role] = _prf(
                counter["overlap"], predicted - counter["overlap"], gold - counter["overlap"]
            )
        kinds = sorted({name.split(":", 1)[1] for name in self.groups if name.startswith("kind:")})
        return {
            "exact": exact,
            "overlap": overlap,
            "attribution": whole(self.attribution),
            "by_publisher": {name: whole(c) for name, c in sorted(self.publisher.items())},
            "by_kind": {kind: group(f"kind:{kind}") for kind in sorted(set(KINDS) | set(kinds))},
            "pronoun_sources": group("pronoun"),
            "at_confidence": {
                f"{floor:.1f}": whole(counter) for floor, counter in sorted(self.confidence.items())
            },
        }


def _predicted_kind(text: str, item: PredictedAttribution) -> str:
    return item.kind if item.kind else gold_kind(text, item.content)


def _is_pronoun(text: str, source: Offsets) -> bool:
    return bool(source) and _text_of(text, source).strip().lower() in PRONOUNS


def score_attributions(
    gold: Sequence[GoldDocument], predicted: Mapping[str, Sequence[PredictedAttribution]]
) -> Scores:
    """Score predicted attributions against gold documents.

    Args:
        gold: The annotated documents.
        predicted: Predicted attributions by document id; a missing id means none predicted.

    Returns:
        ``{"documents", "gold", "predicted", "exact": {role: prf}, "overlap": {role: prf},
        "attribution": prf, "by_publisher": {publisher: prf}, "by_kind": {kind: prf},
        "pronoun_sources": prf, "at_confidence": {floor: prf}}`` where ``prf`` is ``{"p",
        "r", "f1", "tp", "fp", "fn"}``. ``at_confidence`` scores only the predictions whose
        confidence reaches each of ``CONFIDENCE_FLOORS`` (empty when none has a confidence).
        Span scores count each distinct span of a role once per document, because one source
        often speaks several times and should be found, not counted, several times. In
        ``by_kind`` and ``pronoun_sources`` recall is over gold items of the group and
        precision over predicted items of the group (see ``_split_prf``).
    """
    unknown = set(predicted) - {document.id for document in gold}
    if unknown:
        logger.warning("predictions for %d documents not in the gold set ignored", len(unknown))
    tally = _Tally()
    gold_total = predicted_total = 0
    confident = any(item.confidence is not None for items in predicted.values() for item in items)
    for document in gold:
        items = list(predicted.get(document.id, ()))
        gold_items = _normalize_all(document.text, document.attributions)
        predicted_items = _normalize_all(document.text, items)
        gold_total += len(gold_items)
        predicted_total += len(predicted_items)
        for role in ROLES:
            tally.add_spans(
                role,
                {getattr(item, role) for item in gold_items if getattr(item, role)},
                {getattr(item, role) for item in predicted_items if getattr(item, role)},
            )
        matches = _match_attributions(gold_items, predicted_items)
        gold_hits = {g for g, _ in matches}
        predicted_hits = {p for _, p in matches}
        counts = Counter(gold=len(gold_items), predicted=len(predicted_items), tp=len(matches))
        tally.attribution.update(counts)
        tally.publisher.setdefault(document.publisher or "unknown", Counter()).update(counts)
        if confident:
            for floor in CONFIDENCE_FLOORS:
                kept = [
                    p
                    for p, item in enumerate(items)
                    if item.confidence is not None and item.confidence >= floor
                ]
                hits = _match_attributions(gold_items, [predicted_items[p] for p in kept])
                tally.confidence.setdefault(floor, Counter()).update(
                    gold=len(gold_items), predicted=len(kept), tp=len(hits)
                )
        for g, gold_item in enumerate(document.attributions):
            tally.add_group(
                f"kind:{gold_kind(document.text, gold_item.content)}", "gold", g in gold_hits
            )
            if _is_pronoun(document.text, gold_item.source):
                tally.add_group("pronoun", "gold", g in gold_hits)
        for p, item in enumerate(items):
            tally.add_group(
                f"kind:{_predicted_kind(document.text, item)}", "predicted", p in predicted_hits
            )
            if item.source_is_pronoun:
                tally.add_group("pronoun", "predicted", p in predicted_hits)
    return {
        "documents": len(gold),
        "gold": gold_total,
        "predicted": predicted_total,
        **tally.scores(),
    }


def _mismatch(gold: _Normalized, predicted: _Normalized) -> str:
    """Why two attributions with overlapping cues did not match, in a few words."""
    if bool(gold.source) != bool(predicted.source):
        return "source missing" if gold.source else "source where gold has none"
    if gold.source and not _overlap(gold.source, predicted.source):
        return "different source"
    return f"content jaccard {_jaccard(gold.content, predicted.content):.2f}"


def _reason(item: _Normalized, others: Sequence[_Normalized], gold_side: bool) -> str:
    """The closest unmatched counterpart sharing the cue, or that none shares it."""
    near = [other for other in others if _overlap(item.cue, other.cue)]
    if not near:
        return "no predicted cue here" if gold_side else "no gold cue here"
    closest = max(near, key=lambda other: _jaccard(item.content, other.content))
    return _mismatch(item, closest) if gold_side else _mismatch(closest, item)


def _describe(text: str, item: Any) -> dict[str, Any]:
    return {
        "source": _text_of(text, item.source) if item.source else None,
        "cue": _text_of(text, item.cue),
        "content": _text_of(text, item.content),
        "offsets": {role: [list(pair) for pair in getattr(item, role)] for role in ROLES},
    }


def collect_errors(
    gold: Sequence[GoldDocument],
    predicted: Mapping[str, Sequence[PredictedAttribution]],
    texts: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """List every missed gold attribution and every false alarm, for a person to read.

    Args:
        gold: The annotated documents.
        predicted: Predicted attributions by document id.
        texts: Text to quote from, by document id; defaults to each gold document's text.

    Returns:
        Dicts with ``document``, ``error`` (``missed`` or ``false_alarm``), ``kind``, the
        ``source``/``cue``/``content`` words, their ``offsets``, and a ``reason`` naming the
        nearest counterpart's mismatch ("content jaccard 0.31", "different source", …); a
        false alarm also has the system's ``confidence`` (None when it gives none), so that
        the surest mistakes can be read first.
    """
    errors: list[dict[str, Any]] = []
    for document in gold:
        text = texts.get(document.id, document.text) if texts else document.text
        items = list(predicted.get(document.id, ()))
        gold_items = _normalize_all(text, document.attributions)
        predicted_items = _normalize_all(text, items)
        matches = _match_attributions(gold_items, predicted_items)
        free_gold = [g for g in range(len(gold_items)) if g not in {m[0] for m in matches}]
        free_predicted = [p for p in range(len(items)) if p not in {m[1] for m in matches}]
        for g in free_gold:
            item = document.attributions[g]
            others = [predicted_items[p] for p in free_predicted]
            errors.append(
                {
                    "document": document.id,
                    "error": "missed",
                    "kind": gold_kind(text, item.content),
                    **_describe(text, item),
                    "reason": _reason(gold_items[g], others, gold_side=True),
                }
            )
        for p in free_predicted:
            others = [gold_items[g] for g in free_gold]
            errors.append(
                {
                    "document": document.id,
                    "error": "false_alarm",
                    "kind": _predicted_kind(text, items[p]),
                    **_describe(text, items[p]),
                    "reason": _reason(predicted_items[p], others, gold_side=False),
                    "confidence": items[p].confidence,
                }
            )
    return errors


def format_report(scores: Mapping[str, Any]) -> str:
    """Render ``score_attributions``'s dict as a compact plain-text table."""
    header = f"{'':28}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}"
    lines = [
        f"documents {scores['documents']}  gold {scores['gold']}  predicted {scores['predicted']}",
        header,
    ]

    def row(label: str, prf: Mapping[str, Any]) -> str:
        numbers = "".join(f"{prf[key]:>7}" for key in ("p", "r", "f1", "tp", "fp", "fn"))
        return f"{label:28}{numbers}"

    for mode in ("exact", "overlap"):
        lines.extend(row(f"{mode} {role}", scores[mode][role]) for role in ROLES)
    lines.append(row("attribution", scores["attribution"]))
    for name, prf in scores["by_publisher"].items():
        lines.append(row(f"  publisher {name}", prf))
    for name, prf in scores["by_kind"].items():
        lines.append(row(f"  kind {name}", prf))
    lines.append(row("  pronoun sources", scores["pronoun_sources"]))
    for floor, prf in scores.get("at_confidence", {}).items():
        lines.append(row(f"  confidence >= {floor}", prf))
    if scores.get("nesting") == "flat":
        # Said every time, so that no one reads the flat figures as the ones as found.
        lines.append(row("  as found", scores["as_found"]))
        lines.append(
            f"compared flat: the gold corpus puts no cue inside another attribution's content, "
            f"so {scores['set_aside']} predictions inside another's content were set aside"
        )
    return "\n".join(lines)


def _align(document: GoldDocument, analysis: Analysis) -> list[PredictedAttribution]:
    """Predicted attributions in the gold text's offsets.

    ``analyze`` may strip the text it is given; when the analysed text sits inside the gold
    text, offsets are shifted back, and otherwise they cannot be trusted and are dropped.
    """
    predicted = predicted_from_analysis(analysis)
    analysed = analysis.article.text
    if analysed == document.text:
        return predicted
    shift = document.text.find(analysed) if analysed else -1
    if shift < 0:
        logger.warning("%s: analysed text differs from the gold text; skipped", document.id)
        return []

    def moved(offsets: Offsets) -> Offsets:
        return tuple((start + shift, end + shift) for start, end in offsets)

    return [
        PredictedAttribution(
            moved(item.source),
            moved(item.cue),
            moved(item.content),
            item.kind,
            item.source_is_pronoun,
            item.confidence,
        )
        for item in predicted
    ]


def _analyse_chunk(
    documents: Sequence[GoldDocument],
    analyze: Callable[[str], Analysis],
    analyze_batch: Callable[[list[str]], Iterable[Analysis]] | None,
) -> list[Analysis | RashomonError]:
    """Each document's analysis, or the ``RashomonError`` it raised.

    The batch callable goes first, because spaCy parses a batch much faster; if anything in
    the batch fails, the documents are redone one at a time, so that a single bad document
    is known and the others still count.
    """
    if analyze_batch is not None:
        try:
            return list(analyze_batch([document.text for document in documents]))
        except Exception:
            logger.debug("a batch of %d documents failed; analysing them singly", len(documents))
    results: list[Analysis | RashomonError] = []
    for document in documents:
        try:
            results.append(analyze(document.text))
        except RashomonError as error:
            results.append(error)
    return results


def evaluate_corpus(
    folder: Path,
    analyze: Callable[[str], Analysis],
    limit: int | None = None,
    *,
    analyze_batch: Callable[[list[str]], Iterable[Analysis]] | None = None,
    batch_size: int = 16,
    progress: Callable[[], None] | None = None,
    nesting: str = "auto",
) -> tuple[Scores, list[dict[str, Any]]]:
    """Read a BRAT corpus, analyse every document, and score the result.

    Args:
        folder: The corpus folder (``text/`` and ``attributions/``, see ``read_corpus``).
        analyze: Text in, ``Analysis`` out (normally ``rashomon.analyze``).
        limit: Score only the first ``limit`` documents (by id), for a quick look.
        analyze_batch: Texts in, one ``Analysis`` per text out, in order (normally
            ``Analyzer.analyze_many``); when given, documents go through it ``batch_size``
            at a time, and ``analyze`` only redoes a batch that failed.
        batch_size: How many documents one ``analyze_batch`` call gets.
        progress: Called once per analysed document (for a progress bar).
        nesting: one of ``NESTING``. With ``auto``, predictions are compared flat (see
            ``flatten``) when the gold corpus nests no attribution inside another.

    Returns:
        The scores (with ``failed``: documents ``analyze`` refused; ``nesting``: ``flat``
        or ``nested``; ``set_aside``: predictions a flat comparison left out; and
        ``as_found``: the whole-attribution scores with nothing set aside) and the error
        list.
        A document that raises ``RashomonError`` counts as having no predictions, so a
        crash costs recall instead of hiding the document; other exceptions are bugs and
        propagate.
    """
    if nesting not in NESTING:
        raise ValueError(f"nesting must be one of {NESTING}, not {nesting!r}")
    documents = read_corpus(folder)
    if limit is not None:
        documents = documents[:limit]
    predicted: dict[str, list[PredictedAttribution]] = {}
    failed = 0
    for first in range(0, len(documents), max(batch_size, 1)):
        chunk = documents[first : first + max(batch_size, 1)]
        results = _analyse_chunk(chunk, analyze, analyze_batch)
        for number, (document, result) in enumerate(zip(chunk, results, strict=True), first + 1):
            if isinstance(result, RashomonError):
                failed += 1
                logger.warning("%s: analysis failed: %s", document.id, result)
                predicted[document.id] = []
            else:
                predicted[document.id] = _align(document, result)
            logger.info("analysed %d/%d: %s", number, len(documents), document.id)
            if progress is not None:
                progress()
    as_found = score_attributions(documents, predicted)["attribution"]
    flat = nesting == "flat" or (nesting == "auto" and not gold_nests(documents))
    kept = {key: flatten(items) for key, items in predicted.items()} if flat else predicted
    scores = score_attributions(documents, kept)
    scores["failed"] = failed
    scores["nesting"] = "flat" if flat else "nested"
    scores["set_aside"] = sum(len(predicted[key]) - len(kept[key]) for key in predicted)
    scores["as_found"] = as_found
    return scores, collect_errors(documents, kept)
