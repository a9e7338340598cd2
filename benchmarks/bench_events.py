"""What event coding adds to the analysis: the pipeline with and without ``rashomon_events``.

Issue 4 sets the bar: "event coding adds at most 15 % to the analysis time of the core".
The same loaded pipeline runs over the same texts with the events component enabled and
disabled (``nlp.select_pipes``), rounds interleaved, CPU time (less sensitive to other work
on a shared machine) and wall time, median of the rounds.

Run from the repository root::

    .venv/bin/python benchmarks/bench_events.py [--corpus DIR] [--limit N] [--repeat R]

The default corpus is PolNeAR dev's texts in ``../shared`` (the benchmark says so and stops
when they are absent). It reports and exits 0: a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from rashomon.nlp.loading import load_pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/data/polnear/dev/text"


def _timed(run: object) -> tuple[float, float]:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    run()  # type: ignore[operator]
    return time.perf_counter() - wall, time.process_time() - cpu


def measure(texts: list[str], repeat: int) -> dict[str, float]:
    """Median wall and CPU seconds with and without the events component, and the cost."""
    nlp = load_pipeline("default", None, None)
    list(nlp.pipe(texts[:3]))  # warm up

    def with_events() -> None:
        list(nlp.pipe(texts))

    def without_events() -> None:
        with nlp.select_pipes(disable=["rashomon_events"]):
            list(nlp.pipe(texts))

    rounds: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    for number in range(repeat):
        order = [("with", with_events), ("without", without_events)]
        for name, run in order if number % 2 == 0 else reversed(order):
            rounds[name].append(_timed(run))
    figures: dict[str, float] = {}
    for name, timings in rounds.items():
        figures[f"{name}_wall"] = statistics.median(t[0] for t in timings)
        figures[f"{name}_cpu"] = statistics.median(t[1] for t in timings)
    figures["cost_wall_percent"] = 100 * (figures["with_wall"] / figures["without_wall"] - 1)
    figures["cost_cpu_percent"] = 100 * (figures["with_cpu"] / figures["without_cpu"] - 1)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=40, help="texts to time (default 40)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds (default 5)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: give --corpus DIR", file=sys.stderr)
        return 0
    paths = sorted(args.corpus.glob("*.txt"))[: args.limit or None]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    figures = measure(texts, args.repeat)
    print(f"{len(texts)} texts, {args.repeat} interleaved rounds, median")
    print(f"  with events     {figures['with_wall']:.2f} s wall  {figures['with_cpu']:.2f} s cpu")
    print(
        f"  without events  {figures['without_wall']:.2f} s wall  "
        f"{figures['without_cpu']:.2f} s cpu"
    )
    print(
        f"  events add      {figures['cost_wall_percent']:+.1f} % wall  "
        f"{figures['cost_cpu_percent']:+.1f} % cpu   (bar ≤ 15 %)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
