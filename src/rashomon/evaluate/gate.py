"""The evaluation gate: score rashomon on a gold corpus and hold it to pinned floors.

``python -m rashomon.evaluate.gate GOLD_DIR`` runs the attribution evaluation and compares
four F1 scores (exact source, cue and content spans, and whole attributions) with the floors
pinned in ``benchmarks/eval_floors.json``; it exits 1 when any score fell below its floor.
``--update`` raises the floors to the new scores; a floor only goes down with ``--lower`` as
well, so that a regression can never be pinned by accident.

The floors file keeps, per corpus, a digest of the corpus files, because a floor pinned on
other data means nothing: a changed corpus is reported instead of compared. Corpora are keyed
by their path relative to the repository root (the parent of the floors file's folder), so
the key does not depend on the working directory; floors are kept per extraction model.

``evaluate_model`` (the same run ``rashomon eval attributions`` makes) lives here too, since
the gate is its other caller.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rashomon.errors import ConfigError, InputError, RashomonError
from rashomon.evaluate.attributions import evaluate_corpus, format_report
from rashomon.model import Analysis
from rashomon.pipeline import Analyzer
from rashomon.read import to_article

__all__ = [
    "DEFAULT_FLOORS",
    "DEFAULT_MODEL",
    "GATED_METRICS",
    "GateOutcome",
    "check_floors",
    "corpus_digest",
    "evaluate_model",
    "floors_from_scores",
    "load_analyzer",
    "lowered_floors",
    "main",
    "run_gate",
]

#: The extraction mode that always exists.
DEFAULT_MODEL = "default"
#: Where the floors live, relative to the repository root.
DEFAULT_FLOORS = Path("benchmarks/eval_floors.json")
#: The scores the gate holds, as dotted paths into ``score_attributions``'s dict; with a
#: flat comparison (``evaluate_corpus``), ``as_found`` holds what was found as it is.
GATED_METRICS = (
    "exact.source.f1",
    "exact.cue.f1",
    "exact.content.f1",
    "attribution.f1",
    "as_found.f1",
)

# Scores carry one decimal; this only absorbs float noise in the comparison.
_TOLERANCE = 1e-9

Scores = Mapping[str, Any]
Evaluate = Callable[[Path, str], Scores]


def load_analyzer(model: str = DEFAULT_MODEL) -> Analyzer:
    """Build the ``Analyzer`` for an extraction mode (``default`` or ``rules``).

    Raises:
        ConfigError: The mode is unknown.
        ModelError: The spaCy model is not installed.
    """
    try:
        return Analyzer(mode=model)
    except ConfigError as error:
        raise ConfigError(error.message, where="--model") from None


def evaluate_model(
    folder: Path,
    model: str = DEFAULT_MODEL,
    *,
    limit: int | None = None,
    batch_size: int = 16,
    progress: Callable[[], None] | None = None,
    nesting: str = "auto",
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Score one extraction mode on a BRAT corpus, parsing the documents in batches.

    Args:
        folder: The corpus folder (PolNeAR layout, see ``read_corpus``).
        model: The extraction mode (see ``load_analyzer``).
        limit: Score only the first ``limit`` documents.
        batch_size: Documents parsed together by spaCy.
        progress: Called once per analysed document.
        nesting: How predictions nested in another's content are compared (see
            ``evaluate_corpus``).

    Returns:
        ``evaluate_corpus``'s scores (plus ``model``) and its list of misses and false alarms.

    Raises:
        InputError: The corpus is missing or malformed.
        ConfigError: The mode is unknown.
        ModelError: The spaCy model is not installed.
    """
    if not folder.is_dir():
        raise InputError("no such corpus folder", where=str(folder))
    analyzer = load_analyzer(model)

    def analyze(text: str) -> Analysis:
        return analyzer.analyze_article(to_article(text))

    def analyze_batch(texts: list[str]) -> Iterator[Analysis]:
        return analyzer.analyze_many((to_article(text) for text in texts), batch_size)

    scores, errors = evaluate_corpus(
        folder,
        analyze,
        limit,
        analyze_batch=analyze_batch,
        batch_size=batch_size,
        progress=progress,
        nesting=nesting,
    )
    scores["model"] = model
    return scores, errors


def corpus_digest(folder: Path) -> str:
    """A sha256 over the corpus's ``.txt`` and ``.ann`` files: sorted names and contents.

    Names are POSIX paths relative to ``folder``, and each name and content is framed with
    its length, so moving bytes between files or renaming one changes the digest.
    """
    digest = hashlib.sha256()
    paths = sorted(
        (path for path in folder.rglob("*") if path.suffix in (".txt", ".ann") and path.is_file()),
        key=lambda path: path.relative_to(folder).as_posix(),
    )
    for path in paths:
        name = path.relative_to(folder).as_posix().encode("utf-8")
        content = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(content)))
        digest.update(content)
    return f"sha256:{digest.hexdigest()}"


def _label(metric: str) -> str:
    """``exact.source.f1`` → ``exact source F1``."""
    return " ".join(part.upper() if part == "f1" else part for part in metric.split("."))


def _lookup(scores: Scores, metric: str) -> float | None:
    value: Any = scores
    for part in metric.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return float(value) if isinstance(value, int | float) else None


def check_floors(scores: Scores, floors: Mapping[str, float]) -> list[str]:
    """Compare scores with their floors.

    Args:
        scores: ``score_attributions``'s dict.
        floors: The minimum per metric, by dotted path (``"exact.source.f1": 42.0``).

    Returns:
        One readable line per metric below its floor or missing from the scores; empty
        when every floor holds.
    """
    failures = []
    for metric, floor in floors.items():
        value = _lookup(scores, metric)
        if value is None:
            failures.append(f"{_label(metric)}: missing from the scores (floor {floor:.1f})")
        elif value + _TOLERANCE < floor:
            failures.append(
                f"{_label(metric)} {value:.1f} is below its floor {floor:.1f} "
                f"({value - floor:+.1f})"
            )
    return failures


def floors_from_scores(scores: Scores) -> dict[str, float]:
    """The gated scores rounded down to one decimal: the floors a run would pin."""
    floors = {}
    for metric in GATED_METRICS:
        value = _lookup(scores, metric)
        if value is not None:
            floors[metric] = math.floor(value * 10 + _TOLERANCE) / 10
    return floors


def lowered_floors(old: Mapping[str, float], new: Mapping[str, float]) -> list[str]:
    """One line per floor that ``new`` would lower (or drop) compared with ``old``."""
    lines = []
    for metric, floor in old.items():
        if metric not in new:
            lines.append(f"{_label(metric)}: floor {floor:.1f} would be dropped")
        elif new[metric] + _TOLERANCE < floor:
            lines.append(f"{_label(metric)}: floor {floor:.1f} would go down to {new[metric]:.1f}")
    return lines


@dataclass
class GateOutcome:
    """What one gate run found: pass or fail, the lines to show, and the scores."""

    passed: bool
    scores: Mapping[str, Any]
    lines: list[str] = field(default_factory=list)
    written: bool = False


def _read_floors(path: Path, *, missing_ok: bool) -> dict[str, Any]:
    """The floors file as a dict (``{"corpora": {}}`` when absent and ``missing_ok``)."""
    if not path.exists() and missing_ok:
        return {"corpora": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no floors file; run with --update to pin one", where=str(path)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ConfigError(f"cannot read floors: {error}", where=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("corpora"), dict):
        raise ConfigError("floors file needs a 'corpora' object", where=str(path))
    return data


def _corpus_key(folder: Path, floors_path: Path) -> str:
    root = floors_path.resolve().parent.parent
    return Path(os.path.relpath(folder.resolve(), root)).as_posix()


def run_gate(
    folder: Path,
    floors_path: Path = DEFAULT_FLOORS,
    *,
    model: str = DEFAULT_MODEL,
    update: bool = False,
    lower: bool = False,
    evaluate: Evaluate | None = None,
) -> GateOutcome:
    """Evaluate, then check the floors pinned for this corpus and model, or update them.

    Args:
        folder: The gold corpus.
        floors_path: The floors file (created by ``update`` when absent).
        model: The extraction mode to evaluate.
        update: Pin the new scores (rounded down) as the floors.
        lower: Allow ``update`` to lower a floor.
        evaluate: ``(folder, model) -> scores``; ``evaluate_model`` by default (tests pass a
            stand-in).

    Returns:
        The outcome. Without ``update`` it fails when a floor is broken, when nothing is
        pinned for the corpus and model, or when the corpus digest differs from the pinned
        one. With ``update`` it fails only when a floor would go down without ``lower``, and
        then nothing is written.

    Raises:
        ConfigError: The floors file cannot be read.
        InputError: The corpus is missing or malformed.
    """
    pinned = _read_floors(floors_path, missing_ok=update)
    key = _corpus_key(folder, floors_path)
    digest = corpus_digest(folder)
    if evaluate is None:
        scores: Scores = evaluate_model(folder, model)[0]
    else:
        scores = evaluate(folder, model)
    entry: dict[str, Any] = pinned["corpora"].get(key, {})
    old: dict[str, float] = entry.get("floors", {}).get(model, {})
    lines = []
    same_data = entry.get("digest") == digest
    if entry and not same_data:
        lines.append(
            f"{key}: digest mismatch: the floors were pinned on different data "
            f"(pinned {entry.get('digest')}, now {digest})"
        )
    if not update:
        if not old:
            lines.append(f"{key}: no floors pinned for model {model!r}; run with --update")
            return GateOutcome(False, scores, lines)
        failures = check_floors(scores, old)
        return GateOutcome(same_data and not failures, scores, lines + failures)
    new = floors_from_scores(scores)
    lowered = lowered_floors(old, new)
    if lowered and not lower:
        lines += lowered
        lines.append("refused: lowering a floor needs --lower")
        return GateOutcome(False, scores, lines)
    models = dict(entry.get("floors", {})) if same_data else {}
    models[model] = new
    pinned["corpora"][key] = {"digest": digest, "documents": scores["documents"], "floors": models}
    floors_path.parent.mkdir(parents=True, exist_ok=True)
    floors_path.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    lines.append(f"{key}: floors for {model!r} pinned in {floors_path}")
    return GateOutcome(True, scores, lines, written=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m rashomon.evaluate.gate",
        description="Score rashomon on a gold corpus and fail when a score fell below its floor.",
    )
    parser.add_argument("gold", type=Path, help="folder with text/*.txt and attributions/*.ann")
    parser.add_argument(
        "--floors", type=Path, default=DEFAULT_FLOORS, help="floors file (JSON)", metavar="FILE"
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help="extraction mode to evaluate")
    parser.add_argument("--update", action="store_true", help="pin the new scores as floors")
    parser.add_argument("--lower", action="store_true", help="let --update lower a floor")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the gate: print the report and its verdict.

    Returns:
        The exit code: 0 when every floor holds (or was updated), 1 otherwise.
    """
    options = _parser().parse_args(argv)
    if options.lower and not options.update:
        print("error: --lower only makes sense with --update", file=sys.stderr)
        return 1
    try:
        outcome = run_gate(
            options.gold,
            options.floors,
            model=options.model,
            update=options.update,
            lower=options.lower,
        )
    except RashomonError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(format_report(outcome.scores))
    for line in outcome.lines:
        print(line, file=sys.stderr)
    print("gate: passed" if outcome.passed else "gate: FAILED", file=sys.stderr)
    return 0 if outcome.passed else 1


if __name__ == "__main__":
    sys.exit(main())
