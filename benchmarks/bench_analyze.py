"""How much rashomon costs over a bare spaCy parse, and whether its memory stays flat.

SPEC.md sets the bar: "the whole analysis costs at most 1.3× a bare spaCy parse of the same
text; memory stays flat over a corpus of any length". This script measures exactly that, on
one corpus, in one process, with both sides warmed up and their rounds interleaved:

* **A / B, one article at a time.** (A) ``load_model()`` then ``nlp(text)`` per text: the
  installed model's full pipeline and nothing else. (B) ``Analyzer().analyze_article(
  to_article(text, article_id=...))`` per text: the whole job (reading, parsing, extraction,
  linking, building the typed model). Ratio: time(B) / time(A).
* **C, batched.** Bare ``nlp.pipe(texts, batch_size=...)`` against ``Analyzer.analyze_many``
  over articles read on the fly. Ratio: time(C-rashomon) / time(C-bare).
* **Memory.** In a fresh process, started before this one loads any model (so neither the
  bare model nor the timing runs count), ``analyze_many`` runs over the corpus several times;
  RSS (``/proc/self/status`` VmRSS and VmHWM, and ``ru_maxrss``) is sampled after each pass.
  After the first pass, the same work must add nothing.

Run from the repository root::

    .venv/bin/python benchmarks/bench_analyze.py [--corpus DIR] [--limit N] [--repeat R]
        [--batch-size B] [--passes P] [--json OUT]

Rounds alternate which side goes first, each side's figure is the median of its rounds, and
garbage is collected before every timed run so one side never pays for the other's objects.
Wall time is the headline; CPU time is reported too, being less sensitive to other work on a
shared machine. The script reports and exits 0: it is a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import platform
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus import (
    Corpus,
    articles_per_second,
    growth_after_first,
    load_corpus,
    median,
    peak_rss_kib,
    ratio,
    round_order,
    status_kib,
)
from spacy import about as spacy_about
from spacy.language import Language

from rashomon.model import Article
from rashomon.nlp.loading import load_model
from rashomon.pipeline import Analyzer
from rashomon.read import to_article

#: SPEC.md's ceiling on time(rashomon) / time(bare spaCy).
SPEED_BAR = 1.3
#: Default number of texts: evenly spread over the corpus, keeping a run under ~3 minutes on
#: 2 cores (the 84 PolNeAR dev texts take ~15-20 s per pass there; ``--limit 0`` takes all).
DEFAULT_LIMIT = 40
#: Texts the batched jobs run once, untimed, after the full warm-up pass of A and B has
#: already warmed the shared models and caches.
WARMUP_TEXTS = 5

#: The four timed jobs, by the name progress lines show.
BARE_EACH, RASHOMON_EACH = "bare nlp(text)", "rashomon analyze_article"
BARE_BATCHED, RASHOMON_BATCHED = "bare nlp.pipe", "rashomon analyze_many"

Job = Callable[[Corpus], None]
#: One timed run: (wall seconds, CPU seconds of this process, all threads).
Timing = tuple[float, float]


def _bare_each(nlp: Language) -> Job:
    """(A) the bare model on each text, one call per text."""

    def run(corpus: Corpus) -> None:
        for text in corpus.texts:
            nlp(text)

    return run


def _rashomon_each(analyzer: Analyzer) -> Job:
    """(B) rashomon on each text: read, then analyse, one article at a time."""

    def run(corpus: Corpus) -> None:
        for article_id, text in zip(corpus.ids, corpus.texts, strict=True):
            analyzer.analyze_article(to_article(text, article_id=article_id))

    return run


def _bare_batched(nlp: Language, batch_size: int) -> Job:
    """(C-bare) the bare model over the corpus through ``nlp.pipe``."""

    def run(corpus: Corpus) -> None:
        for _ in nlp.pipe(corpus.texts, batch_size=batch_size):
            pass

    return run


def _articles(corpus: Corpus) -> Iterator[Article]:
    """The corpus read lazily, as a real batch would be (reading is part of the job)."""
    for article_id, text in zip(corpus.ids, corpus.texts, strict=True):
        yield to_article(text, article_id=article_id)


def _rashomon_batched(analyzer: Analyzer, batch_size: int) -> Job:
    """(C-rashomon) the whole analysis over the corpus through ``analyze_many``."""

    def run(corpus: Corpus) -> None:
        for _ in analyzer.analyze_many(_articles(corpus), batch_size=batch_size):
            pass

    return run


def _timed(job: Job, corpus: Corpus) -> Timing:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    job(corpus)
    return time.perf_counter() - wall, time.process_time() - cpu


def interleaved(
    jobs: dict[str, Job], corpus: Corpus, repeat: int, progress: bool = True
) -> dict[str, list[Timing]]:
    """Time two jobs over ``corpus`` for ``repeat`` rounds, alternating which goes first."""
    first, second = jobs
    timings: dict[str, list[Timing]] = {first: [], second: []}
    for round_index in range(repeat):
        for name in round_order(round_index, first, second):
            timings[name].append(_timed(jobs[name], corpus))
            if progress:
                wall, _ = timings[name][-1]
                print(f"  round {round_index + 1}: {name:<26} {wall:7.2f} s", file=sys.stderr)
    return timings


def _side(timings: Sequence[Timing], corpus: Corpus) -> dict[str, Any]:
    walls = [wall for wall, _ in timings]
    cpus = [cpu for _, cpu in timings]
    seconds = median(walls)
    return {
        "seconds": round(seconds, 4),
        "cpu_seconds": round(median(cpus), 4),
        "rounds_seconds": [round(wall, 4) for wall in walls],
        "rounds_cpu_seconds": [round(cpu, 4) for cpu in cpus],
        "articles_per_second": round(articles_per_second(len(corpus), seconds), 3),
        "chars_per_second": round(articles_per_second(corpus.chars, seconds), 1),
    }


def _comparison(
    bare: Sequence[Timing], rashomon: Sequence[Timing], corpus: Corpus
) -> dict[str, Any]:
    wall_ratio = ratio([w for w, _ in rashomon], [w for w, _ in bare])
    cpu_ratio = ratio([c for _, c in rashomon], [c for _, c in bare])
    return {
        "bare": _side(bare, corpus),
        "rashomon": _side(rashomon, corpus),
        "ratio": round(wall_ratio, 4),
        "cpu_ratio": round(cpu_ratio, 4),
        "within_bar": wall_ratio <= SPEED_BAR,
    }


def measure_memory(
    ids: tuple[str, ...], texts: tuple[str, ...], passes: int, batch_size: int
) -> dict[str, Any]:
    """Run ``analyze_many`` over the corpus ``passes`` times; RSS after load and each pass.

    Meant to run in a fresh (spawned) process, so that only the analyzer's own memory shows.
    Results are consumed and dropped, as a streaming batch would: memory that still grows
    pass after pass is a leak or an unbounded cache, not results being kept.
    """
    corpus = Corpus(source="memory", ids=ids, texts=texts)
    analyzer = Analyzer()
    analyzer.analyze_article(to_article(texts[0], article_id="warmup"))
    gc.collect()
    figures: dict[str, Any] = {
        "rss_loaded_kib": status_kib("VmRSS"),
        "hwm_loaded_kib": status_kib("VmHWM"),
        "maxrss_loaded_kib": peak_rss_kib(),
        "passes": [],
    }
    for number in range(1, passes + 1):
        start = time.perf_counter()
        attributions = sum(
            len(analysis.attributions)
            for analysis in analyzer.analyze_many(_articles(corpus), batch_size=batch_size)
        )
        seconds = time.perf_counter() - start
        gc.collect()
        figures["passes"].append(
            {
                "pass": number,
                "articles": number * len(corpus),
                "seconds": round(seconds, 3),
                "attributions": attributions,
                "rss_kib": status_kib("VmRSS"),
                "hwm_kib": status_kib("VmHWM"),
                "maxrss_kib": peak_rss_kib(),
            }
        )
    figures["maxrss_kib"] = peak_rss_kib()
    # VmHWM is this process image's own peak; ru_maxrss may include the launcher's (see
    # corpus.peak_rss_kib), so it is the fallback only.
    figures["peak_rss_kib"] = status_kib("VmHWM") or figures["maxrss_kib"]
    rss = [p["rss_kib"] for p in figures["passes"] if p["rss_kib"] is not None]
    growth_kib, growth_percent = growth_after_first(rss)
    figures["growth_after_first_pass_kib"] = growth_kib
    figures["growth_after_first_pass_percent"] = round(growth_percent, 2)
    return figures


def _memory_in_fresh_process(corpus: Corpus, passes: int, batch_size: int) -> dict[str, Any]:
    # "spawn", not fork: a fresh interpreter holds only what the analysis needs, whereas a
    # forked child would start with (and count in its RSS) whatever this process holds.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(measure_memory, corpus.ids, corpus.texts, passes, batch_size).result()


def _environment(nlp: Language) -> dict[str, Any]:
    import rashomon

    return {
        "python": platform.python_version(),
        "spacy": spacy_about.__version__,
        "rashomon": rashomon.__version__,
        "model": f"{nlp.meta.get('lang', '?')}_{nlp.meta.get('name', '?')}",
        "model_version": nlp.meta.get("version", "?"),
        "model_pipes": list(nlp.pipe_names),
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "platform": platform.platform(),
        "machine": platform.machine(),
    }


def _mib(kib: int | None) -> str:
    return "n/a" if kib is None else f"{kib / 1024:,.1f} MiB"


def render(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table, for the terminal and for README.md."""
    env, corpus = figures["environment"], figures["corpus"]
    lines = [
        f"rashomon benchmark: {corpus['texts']} texts, {corpus['chars']:,} chars "
        f"({corpus['source']})",
        f"Python {env['python']}, spaCy {env['spacy']}, model {env['model']} "
        f"{env['model_version']}, {env['cpu_count']} CPUs; {figures['repeat']} rounds, "
        f"median; batch size {figures['batch_size']}; mode {figures.get('mode', 'default')}",
        "",
        f"{'':<34}{'wall s':>9}{'cpu s':>9}{'articles/s':>12}{'chars/s':>11}",
    ]
    labels = {
        "sequential": ("A  bare  nlp(text)", "B  rashomon analyze_article", "B/A"),
        "batched": ("C  bare  nlp.pipe", "C  rashomon analyze_many", "C-rashomon/C-bare"),
    }
    for key, (bare_label, rashomon_label, ratio_label) in labels.items():
        block = figures[key]
        for label, side in ((bare_label, block["bare"]), (rashomon_label, block["rashomon"])):
            lines.append(
                f"{label:<34}{side['seconds']:>9.2f}{side['cpu_seconds']:>9.2f}"
                f"{side['articles_per_second']:>12.2f}{side['chars_per_second']:>11,.0f}"
            )
        verdict = "ok" if block["within_bar"] else "OVER"
        lines.append(
            f"   ratio {ratio_label:<26}{block['ratio']:>9.3f}{block['cpu_ratio']:>9.3f}"
            f"   (bar ≤ {SPEED_BAR}: {verdict})"
        )
        lines.append("")
    memory = figures.get("memory")
    if memory:
        lines.append(
            f"Memory: analyze_many in a fresh process, {len(memory['passes'])} passes "
            "over the corpus (after gc)"
        )
        lines.append(f"{'':<27}{'VmRSS':>12}{'VmHWM':>12}{'ru_maxrss':>12}{'s':>8}")
        rows = [
            (
                "after load",
                memory["rss_loaded_kib"],
                memory["hwm_loaded_kib"],
                memory["maxrss_loaded_kib"],
                None,
            )
        ]
        for item in memory["passes"]:
            rows.append(
                (
                    f"pass {item['pass']} ({item['articles']} articles)",
                    item["rss_kib"],
                    item["hwm_kib"],
                    item["maxrss_kib"],
                    item["seconds"],
                )
            )
        for label, rss, hwm, maxrss, seconds in rows:
            timing = "" if seconds is None else f"{seconds:8.2f}"
            lines.append(f"   {label:<24}{_mib(rss):>12}{_mib(hwm):>12}{_mib(maxrss):>12}{timing}")
        lines.append(
            f"   peak RSS {_mib(memory['peak_rss_kib'])}; VmRSS growth from pass 1 to the "
            f"last: {memory['growth_after_first_pass_kib'] / 1024:+.1f} MiB "
            f"({memory['growth_after_first_pass_percent']:+.2f}%)"
        )
    return "\n".join(lines)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time rashomon against a bare spaCy parse and watch its memory."
    )
    parser.add_argument(
        "--corpus", type=Path, help="a folder of .txt files (default: PolNeAR dev texts)"
    )
    parser.add_argument(
        "--limit",
        type=int,
        default=DEFAULT_LIMIT,
        help=f"texts to use, spread evenly over the corpus; 0 = all (default {DEFAULT_LIMIT})",
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds per side (default 3)")
    parser.add_argument("--batch-size", type=int, default=16, help="batch size for C (default 16)")
    parser.add_argument(
        "--passes", type=int, default=3, help="memory passes over the corpus (default 3; 0 = skip)"
    )
    parser.add_argument(
        "--mode",
        choices=("default", "rules"),
        default="default",
        help="the extraction mode B and C run (default: default)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1 or arguments.batch_size < 1 or arguments.limit < 0:
        parser.error("--repeat and --batch-size must be ≥ 1 and --limit ≥ 0")
    if arguments.passes < 0:
        parser.error("--passes must be ≥ 0")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark, print the table, and write the JSON when asked."""
    arguments = _arguments(argv)
    corpus = load_corpus(arguments.corpus, arguments.limit or None)
    print(
        f"corpus: {len(corpus)} texts, {corpus.chars:,} chars from {corpus.source}",
        file=sys.stderr,
    )

    # Memory first, while this process holds no model: the spawned child's ru_maxrss starts
    # from this process's peak (see corpus.peak_rss_kib).
    memory = None
    if arguments.passes:
        print(f"memory: {arguments.passes} passes in a fresh process", file=sys.stderr)
        memory = _memory_in_fresh_process(corpus, arguments.passes, arguments.batch_size)

    start = time.perf_counter()
    nlp = load_model()
    bare_load = time.perf_counter() - start
    start = time.perf_counter()
    analyzer = Analyzer(mode=arguments.mode)
    rashomon_load = time.perf_counter() - start

    sequential = {
        BARE_EACH: _bare_each(nlp),
        RASHOMON_EACH: _rashomon_each(analyzer),
    }
    batched = {
        BARE_BATCHED: _bare_batched(nlp, arguments.batch_size),
        RASHOMON_BATCHED: _rashomon_batched(analyzer, arguments.batch_size),
    }
    # A whole untimed pass each: first passes run measurably slower (lazy imports, lexicon
    # and date-parser caches, allocator growth), and a few texts do not reach all of it.
    print("warming up: one untimed pass of A and B", file=sys.stderr)
    for job in sequential.values():
        job(corpus)
    head = Corpus(
        source="warm-up", ids=corpus.ids[:WARMUP_TEXTS], texts=corpus.texts[:WARMUP_TEXTS]
    )
    for job in batched.values():
        job(head)

    print("A/B: one article at a time", file=sys.stderr)
    sequential_times = interleaved(sequential, corpus, arguments.repeat)
    print("C: batched", file=sys.stderr)
    batched_times = interleaved(batched, corpus, arguments.repeat)

    figures: dict[str, Any] = {
        "benchmark": "rashomon.bench_analyze/1",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": _environment(nlp),
        "corpus": {"source": corpus.source, "texts": len(corpus), "chars": corpus.chars},
        "repeat": arguments.repeat,
        "batch_size": arguments.batch_size,
        "mode": arguments.mode,
        "speed_bar": SPEED_BAR,
        "load_seconds": {"bare": round(bare_load, 3), "rashomon": round(rashomon_load, 3)},
        "sequential": _comparison(
            sequential_times[BARE_EACH], sequential_times[RASHOMON_EACH], corpus
        ),
        "batched": _comparison(
            batched_times[BARE_BATCHED], batched_times[RASHOMON_BATCHED], corpus
        ),
        "memory": memory,
    }
    print(render(figures))
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {arguments.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
