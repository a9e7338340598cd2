"""Score event coders on PETRARCH-style validation records, the built-in coder first of all.

A validation record is a sentence with the (source, target, code) events it should yield (see
``rashomon.extract.events.petrarch.records``). Any coder that turns a record into such triples
(a ``RecordCoder``) is scored the same way: a record's coded events are compared with its
expected ones as sets; an expected event is *found* when its triple was coded, and a coded
triple that was not expected is *extra*. Records marked ``sentence="false"`` are left out, and
records that expect no events count extras only. ``evaluate.petrarch`` scores the
PETRARCH-dictionary coder with this loop.

The built-in coder (``BuiltinCoder``: the verb lexicon and actor lexicons behind
``rashomon.analyze``) is scored at two levels, because its lexicon is coarser than a full
dictionary:

- **exact**: the full actor codes and the full CAMEO code;
- **root**: the first two digits of the CAMEO code (its root category) and the first three
  letters of each actor code (the country, or ``IGO``/``NGO``/``IMG``), so "SYRMIL shelled
  SYRREB" (194) matches an expected "SYR fought SYRREB" (190).

Only events the text reports as having happened are coded, as CAMEO codes them: a negated
event ("did not attack"), a hypothetical one ("threatened to impose sanctions": the threat is
coded, the sanctions are not) and a denied one are left out, and so is an event whose source
has no actor code, since a CAMEO event needs a coded source. A target without a code is no
target, written ``---`` as in PETRARCH's records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from rashomon.extract.events.petrarch.records import ValidationRecord

if TYPE_CHECKING:
    from rashomon.model import Analysis
    from rashomon.pipeline import Analyzer

__all__ = [
    "NO_TARGET",
    "BuiltinCoder",
    "Comparison",
    "RecordCoder",
    "Triple",
    "compare_records",
    "evaluate_events",
    "exact_triple",
    "format_events_report",
    "list_misses",
    "root_triple",
    "score_comparisons",
    "triples_of",
]

#: A (source code, target code, CAMEO code) event.
Triple = tuple[str, str, str]
#: How validation records write an event without a target.
NO_TARGET = "---"
#: Statuses of events the text does not report as done (see ``extract/events/status.py``).
_UNCODED_STATUSES = frozenset({"hypothetical", "denied"})
_LEVELS = ("exact", "root")


class RecordCoder(Protocol):
    """Anything that codes a validation record into (source, target, code) triples."""

    def code(self, record: ValidationRecord) -> set[Triple]:
        """The events coded for the record's sentence, target-less ones with ``NO_TARGET``."""
        ...


@dataclass(frozen=True)
class Comparison:
    """One scored record, with the triples it expects and those coded for it."""

    record: ValidationRecord
    expected: frozenset[Triple]
    coded: frozenset[Triple]


def exact_triple(triple: Triple) -> Triple:
    """A triple as it is: the exact level."""
    return triple


def root_triple(triple: Triple) -> Triple:
    """A triple at root level: actor codes cut to their country (3 letters), CAMEO to its root.

    ``("SYRMIL", "SYRREB", "194")`` → ``("SYR", "SYR", "19")``; ``---`` stays ``---``.
    """
    source, target, code = triple
    return source[:3], target[:3], code[:2]


def triples_of(analysis: Analysis) -> set[Triple]:
    """The CAMEO events of an analysis as triples (see the module docstring for what counts).

    Args:
        analysis: ``rashomon.analyze``'s result for one sentence or article.

    Returns:
        ``(source code, target code or NO_TARGET, CAMEO code)`` for each event reported as done
        whose source is coded.
    """
    triples: set[Triple] = set()
    for event in analysis.events:
        if event.negated or event.status in _UNCODED_STATUSES or not event.source_actor.code:
            continue
        target = event.target_actor.code if event.target_actor is not None else None
        triples.add((event.source_actor.code, target or NO_TARGET, event.cameo))
    return triples


class BuiltinCoder:
    """The built-in coder as a ``RecordCoder``: each record's sentence is analysed whole.

    Args:
        analyzer: the analyzer to use; by default ``Analyzer()`` (the installed model with
            rashomon's components and the built-in lexicons), built on first use.
    """

    def __init__(self, analyzer: Analyzer | None = None) -> None:
        self._analyzer = analyzer

    def code(self, record: ValidationRecord) -> set[Triple]:
        """Analyse the sentence, published on the record's date, and return its events."""
        if self._analyzer is None:
            from rashomon.pipeline import Analyzer

            self._analyzer = Analyzer()
        analysis = self._analyzer.analyze(record.sentence_text, published=record.date.isoformat())
        return triples_of(analysis)


def _normalised(triple: Triple) -> Triple:
    """An expected triple, with an empty target written as ``NO_TARGET``."""
    source, target, code = triple
    return source, target or NO_TARGET, code


def compare_records(
    records: Iterable[ValidationRecord],
    coder: RecordCoder,
    *,
    progress: Callable[[], None] | None = None,
) -> list[Comparison]:
    """Code every record that is not skipped, and pair its coding with what it expects.

    Args:
        records: The records, e.g. from ``read_records``.
        coder: The coder under test.
        progress: Called once per coded record.

    Returns:
        One comparison per scored record, in record order.
    """
    comparisons: list[Comparison] = []
    for record in records:
        if record.skip:
            continue
        expected = frozenset(_normalised((e.source, e.target, e.code)) for e in record.expected)
        comparisons.append(Comparison(record, expected, frozenset(coder.code(record))))
        if progress is not None:
            progress()
    return comparisons


def _empty_counts() -> dict[str, Any]:
    return {"records": 0, "expected": 0, "found": 0, "extra": 0}


def _finish(counts: dict[str, Any]) -> dict[str, Any]:
    """Add the shares to raw counts."""
    expected, records = counts["expected"], counts["records"]
    counts["found_percent"] = round(100.0 * counts["found"] / expected, 1) if expected else 0.0
    counts["extra_per_record"] = round(counts["extra"] / records, 3) if records else 0.0
    counts["extra_percent"] = round(100.0 * counts["extra"] / expected, 1) if expected else 0.0
    return counts


def score_comparisons(
    comparisons: Iterable[Comparison], level: Callable[[Triple], Triple] = exact_triple
) -> dict[str, Any]:
    """Count found and extra events, overall and per record category.

    Args:
        comparisons: From ``compare_records``.
        level: Maps each triple before comparing (``exact_triple``, ``root_triple``); triples
            that map alike count once.

    Returns:
        ``{"overall": counts, "categories": {name: counts}}``, where counts hold records,
        expected, found, extra, found_percent, extra_per_record and extra_percent (extra over
        expected). A record with no category counts under ``-``.
    """
    overall = _empty_counts()
    categories: dict[str, dict[str, Any]] = {}
    for comparison in comparisons:
        expected = {level(t) for t in comparison.expected}
        coded = {level(t) for t in comparison.coded}
        category = categories.setdefault(comparison.record.category or "-", _empty_counts())
        for counts in (overall, category):
            counts["records"] += 1
            counts["expected"] += len(expected)
            counts["found"] += len(expected & coded)
            counts["extra"] += len(coded - expected)
    return {
        "overall": _finish(overall),
        "categories": {name: _finish(c) for name, c in sorted(categories.items())},
    }


def list_misses(
    comparisons: Iterable[Comparison], *, with_root: bool = False
) -> list[dict[str, Any]]:
    """Every record whose coding differs from what it expects, for a person to read.

    Args:
        comparisons: From ``compare_records``.
        with_root: Also give the misses and extras at root level (``root_missed``,
            ``root_extra``), empty where the record is right at that level.

    Returns:
        One dict per such record: id, category, text, and the missed and extra events as
        ``[source, target, code]`` lists.
    """
    misses: list[dict[str, Any]] = []
    for comparison in comparisons:
        expected, coded = comparison.expected, comparison.coded
        if expected == coded:
            continue
        miss: dict[str, Any] = {
            "id": comparison.record.id,
            "category": comparison.record.category,
            "text": comparison.record.sentence_text,
            "missed": [list(t) for t in sorted(expected - coded)],
            "extra": [list(t) for t in sorted(coded - expected)],
        }
        if with_root:
            root_expected = {root_triple(t) for t in expected}
            root_coded = {root_triple(t) for t in coded}
            miss["root_missed"] = [list(t) for t in sorted(root_expected - root_coded)]
            miss["root_extra"] = [list(t) for t in sorted(root_coded - root_expected)]
        misses.append(miss)
    return misses


def evaluate_events(
    records: Sequence[ValidationRecord],
    coder: RecordCoder | None = None,
    *,
    progress: Callable[[], None] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score an event coder (the built-in one by default) on validation records.

    Each record is coded once; the scores and the misses both come from that one pass.

    Args:
        records: The records, e.g. from ``read_records``.
        coder: The coder; ``BuiltinCoder()`` when None.
        progress: Called once per coded record.

    Returns:
        The scores, ``{"exact": {"overall", "categories"}, "root": {…}, "skipped": n}`` (see
        ``score_comparisons``), and the misses with their root-level view (``list_misses``).

    Raises:
        ModelError: The spaCy model is not installed (building the built-in coder).
    """
    comparisons = compare_records(
        records, coder if coder is not None else BuiltinCoder(), progress=progress
    )
    scores: dict[str, Any] = {
        "exact": score_comparisons(comparisons, exact_triple),
        "root": score_comparisons(comparisons, root_triple),
        "skipped": sum(1 for record in records if record.skip),
    }
    return scores, list_misses(comparisons, with_root=True)


def format_events_report(scores: dict[str, Any]) -> str:
    """A plain-text table of ``evaluate_events``'s scores, exact and root side by side."""
    columns = f"{'expected':>8} {'found':>6} {'%':>6} {'extra':>6} {'x/rec':>6} {'x%':>6}"
    width = len(columns)
    header = f"{'':<12} {'':>7}  {'exact':^{width}}  {'root (CAMEO root, country)':^{width}}"
    names = f"{'category':<12} {'records':>7}  {columns}  {columns}"
    lines = [header, names, "-" * len(names)]
    rows = [*scores["exact"]["categories"], "OVERALL"]
    for name in rows:
        cells = []
        for level in _LEVELS:
            part = scores[level]
            c = part["overall"] if name == "OVERALL" else part["categories"][name]
            cells.append(
                f"{c['expected']:>8} {c['found']:>6} {c['found_percent']:>6.1f} "
                f"{c['extra']:>6} {c['extra_per_record']:>6.2f} {c['extra_percent']:>6.1f}"
            )
        records = (
            scores["exact"]["overall"] if name == "OVERALL" else scores["exact"]["categories"][name]
        )["records"]
        lines.append(f"{name:<12} {records:>7}  {cells[0]}  {cells[1]}")
    lines.append(f"skipped records: {scores['skipped']}")
    return "\n".join(lines)
