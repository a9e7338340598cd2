"""Instruction counts of rashomon against a bare parse, under valgrind's callgrind.

Wall-clock ratios on a shared two-core machine swing by a third from run to run; the number
of instructions executed does not. This script runs four processes under
``valgrind --tool=callgrind``: loading the bare spaCy model, loading it and parsing the texts
with ``nlp.pipe``, loading rashomon's ``Analyzer``, and loading it and running
``analyze_many`` on the same texts. Each side's work is its run minus its loading, and the
ratio of the two is printed. It takes about half an hour for 12 texts on two cores.
``--one-at-a-time`` measures ``nlp(text)`` against ``analyze_article`` instead, text by
text: the path of a caller with one article, where nothing is batched.

    .venv/bin/python benchmarks/bench_instructions.py [--corpus DIR] [--limit 12] [--one-at-a-time]

Like ``bench_analyze.py`` it reports and always exits 0; it is not a gate.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/polnear/dev/text"
SIDES = ("load", "bare", "analyzer", "rashomon")


def _child(side: str, corpus: Path, limit: int, single: bool) -> None:
    """What one measured process does (``single``: one text at a time, not batched)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))][:limit]
    if side in {"load", "bare"}:
        from rashomon.nlp.loading import load_model

        nlp = load_model()
        nlp("Warm up.")
        if side == "bare" and single:
            for text in texts:
                nlp(text)
        elif side == "bare":
            for _ in nlp.pipe(texts, batch_size=16):
                pass
        return
    from rashomon.evaluate.gate import to_article
    from rashomon.pipeline import Analyzer

    analyzer = Analyzer()
    analyzer.analyze_article(to_article("The minister said the plan had failed."))
    if side == "rashomon" and single:
        for text in texts:
            analyzer.analyze_article(to_article(text))
    elif side == "rashomon":
        for _ in analyzer.analyze_many((to_article(text) for text in texts), 16):
            pass


def _count(side: str, corpus: Path, limit: int, folder: Path, single: bool) -> int:
    out = folder / f"callgrind.{side}"
    command = [
        "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
        sys.executable, __file__, "--child", side, "--corpus", str(corpus), "--limit", str(limit),
    ] + (["--one-at-a-time"] if single else [])  # fmt: skip
    subprocess.run(command, check=True, capture_output=True)
    match = re.search(r"^summary: (\d+)", out.read_text(), re.MULTILINE)
    if match is None:
        raise SystemExit(f"error: no instruction total in {out}")
    return int(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=12)
    parser.add_argument(
        "--one-at-a-time",
        action="store_true",
        help="nlp(text) against analyze_article, text by text, instead of the batched paths",
    )
    parser.add_argument("--child", choices=SIDES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    single = args.one_at_a_time
    if args.child:
        _child(args.child, args.corpus, args.limit, single)
        return 0
    if not args.corpus.is_dir():
        print(f"error: no such corpus folder: {args.corpus}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        counts = {
            side: _count(side, args.corpus, args.limit, Path(folder), single) for side in SIDES
        }
    bare = counts["bare"] - counts["load"]
    rashomon = counts["rashomon"] - counts["analyzer"]
    how = "one at a time" if single else "batch size 16"
    print(f"{args.limit} texts from {args.corpus}, {how} (instructions)")
    print(f"  bare {'nlp(text)' if single else 'nlp.pipe':18}{bare:>16,}")
    print(f"  rashomon {'analyze_article' if single else 'analyze_many':14}{rashomon:>16,}")
    print(f"  ratio                  {rashomon / bare:>16.3f}   (bar ≤ 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
