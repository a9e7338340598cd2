"""Score the PETRARCH-dictionary coder on PETRARCH's validation records.

Each record is a sentence with the (source, target, code) events it should
yield. A record's coded events are compared with its expected ones as sets:
an expected event is *found* only when all three codes match exactly, and a
coded event that was not expected is *extra*. Records PETRARCH itself skips
(``sentence="false"``) are left out; records that expect no events (or an
error, such as a discarded sentence) count extras only. Scores are reported
overall and per record category, as PETRARCH's suite is organised by the
feature each record tests. The scoring loop is ``evaluate.events``'s, shared
with the built-in coder's evaluation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from rashomon.errors import LexiconError
from rashomon.evaluate.events import Triple, compare_records, list_misses, score_comparisons
from rashomon.extract.events.petrarch.coder import PetrarchCoder
from rashomon.extract.events.petrarch.config import DictionarySet, find_dictionaries
from rashomon.extract.events.petrarch.records import ValidationRecord

__all__ = [
    "collect_misses",
    "evaluate_records",
    "find_dictionary_set",
    "format_petrarch_report",
]


def find_dictionary_set(path: Path, prefix: str | None = None) -> DictionarySet:
    """Find a dictionary set, optionally the one whose files share a prefix.

    PETRARCH's data folder holds both the production (``Phoenix.*``) and the
    validation (``PETR.Validate.*``) dictionaries, and its config names only
    the first, so ``prefix`` picks the files of one set from a folder.

    Args:
        path: A config file or a folder (see ``find_dictionaries``).
        prefix: With a folder, use only ``.txt`` files whose names start with it.

    Returns:
        The dictionary set.

    Raises:
        LexiconError: The set cannot be found.
    """
    if prefix is None or not path.is_dir():
        return find_dictionaries(path)
    files = sorted(p for p in path.iterdir() if p.name.startswith(prefix) and p.suffix == ".txt")

    def kind(word: str) -> list[Path]:
        return [f for f in files if word in f.name.lower()]

    verbs, agents, discards = kind("verb"), kind("agent"), kind("discard")
    actors = tuple(kind("actor"))
    if len(verbs) != 1 or len(agents) != 1 or not actors or len(discards) > 1:
        raise LexiconError(
            f"files starting with {prefix!r} are not one dictionary set "
            "(one verbs, one agents, one or more actors files)",
            where=str(path),
        )
    return DictionarySet(
        verbs=verbs[0],
        actors=actors,
        agents=agents[0],
        discards=discards[0] if discards else None,
    )


@dataclass(frozen=True)
class _PetrarchRecordCoder:
    """The PETRARCH-dictionary coder as a ``RecordCoder``: parse the sentence, then code it.

    A record's own ``<Config>`` options (``require_dyad``, ``new_actor_length``) apply to it,
    as PETRARCH's validation run applies them.
    """

    coder: PetrarchCoder
    nlp: Language

    def code(self, record: ValidationRecord) -> set[Triple]:
        doc = self.nlp(record.sentence_text)
        coder = self.coder.with_options(dict(record.options)) if record.options else self.coder
        return {(e.source, e.target, e.code) for e in coder.code(doc, record.date)}


def evaluate_records(
    records: Sequence[ValidationRecord], coder: PetrarchCoder, nlp: Language
) -> dict[str, Any]:
    """Score the coder on validation records.

    Args:
        records: The records, e.g. from ``read_records``.
        coder: The coder, built from the dictionaries the records were written for.
        nlp: A spaCy pipeline with a parser.

    Returns:
        ``{"overall": counts, "categories": {name: counts}, "skipped": n}``,
        where counts hold records, expected, found, extra, found_percent,
        extra_per_record and extra_percent (extra over expected).
    """
    comparisons = compare_records(records, _PetrarchRecordCoder(coder, nlp))
    return {
        **score_comparisons(comparisons),
        "skipped": sum(1 for record in records if record.skip),
    }


def collect_misses(
    records: Sequence[ValidationRecord], coder: PetrarchCoder, nlp: Language
) -> list[dict[str, Any]]:
    """Every record whose coding differs from what it expects, for a person to read.

    Returns:
        One dict per such record: id, category, text, and the missed and
        extra events as ``[source, target, code]`` lists.
    """
    return list_misses(compare_records(records, _PetrarchRecordCoder(coder, nlp)))


def format_petrarch_report(scores: dict[str, Any]) -> str:
    """A plain-text table of the scores, overall last."""
    header = (
        f"{'category':<12} {'records':>7} {'expected':>8} {'found':>6} {'%':>6} "
        f"{'extra':>6} {'x/rec':>6}"
    )
    lines = [header, "-" * len(header)]
    rows = [*scores["categories"].items(), ("OVERALL", scores["overall"])]
    for name, c in rows:
        lines.append(
            f"{name:<12} {c['records']:>7} {c['expected']:>8} {c['found']:>6} "
            f"{c['found_percent']:>6.1f} {c['extra']:>6} {c['extra_per_record']:>6.2f}"
        )
    lines.append(f"skipped records: {scores['skipped']}")
    return "\n".join(lines)
