"""``python -m rashomon.evaluate GOLD_DIR``: score ``rashomon.analyze`` on a BRAT corpus.

Kept for scripts written before ``rashomon eval attributions``, the command to use: that one
batches the parsing and takes ``--model``. This wrapper parses options, calls
``evaluate_corpus`` with ``rashomon.analyze`` and prints the report (text or JSON) to stdout;
logs go to stderr. ``python -m rashomon.evaluate.gate`` holds the scores to pinned floors.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from rashomon.errors import RashomonError
from rashomon.evaluate.attributions import evaluate_corpus, format_report


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m rashomon.evaluate",
        description="Score rashomon's attributions against a BRAT corpus (PolNeAR layout).",
    )
    parser.add_argument("gold", type=Path, help="folder with text/*.txt and attributions/*.ann")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument(
        "--errors", type=Path, default=None, help="write misses and false alarms here (JSON lines)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-v progress, -vv debug")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation and print the report.

    Returns:
        The exit code: 0 on success, 1 when the corpus or an option cannot be used.
    """
    options = _parser().parse_args(argv)
    level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(options.verbose, 2)]
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(message)s")
    # Imported here so the evaluation library loads even while the pipeline is being built.
    from rashomon import analyze

    try:
        scores, errors = evaluate_corpus(options.gold, analyze, options.limit)
    except RashomonError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if options.errors is not None:
        with options.errors.open("w", encoding="utf-8") as handle:
            for item in errors:
                handle.write(json.dumps(item, ensure_ascii=False) + "\n")
    if options.format == "json":
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        print(format_report(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
