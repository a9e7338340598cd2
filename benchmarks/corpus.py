"""Texts and arithmetic for the benchmarks: which articles to time, and how to sum up the timings.

Kept apart from ``bench_analyze.py`` so that the parts a wrong number could come from (which
texts were picked, how a median or a ratio is taken, how RSS is read) are plain functions with
a test of their own (``tests/benchmarks/test_bench_corpus.py``), while the script only times.

Corpus, in order of preference:

1. ``--corpus DIR``: every ``*.txt`` in a folder;
2. the PolNeAR dev texts in ``../shared/data/polnear/dev/text`` (benchmarks may read
   ``../shared``; the product may not);
3. a synthetic corpus built from the package's example articles (``rashomon/examples/*.txt``)
   or, when there are none, from generated news-like sentences, so the benchmark always runs.
"""

from __future__ import annotations

import importlib.resources
import random
import re
import resource
import statistics
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

__all__ = [
    "DEFAULT_CORPUS",
    "Corpus",
    "articles_per_second",
    "example_texts",
    "growth_after_first",
    "load_corpus",
    "median",
    "peak_rss_kib",
    "ratio",
    "read_folder",
    "round_order",
    "sample_evenly",
    "status_kib",
    "synthetic_texts",
]

T = TypeVar("T")

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The default corpus: 84 political news articles from five outlets.
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
#: How many synthetic articles to make when no real corpus is found.
SYNTHETIC_COUNT = 40


@dataclass(frozen=True)
class Corpus:
    """The texts one benchmark run uses.

    Attributes:
        source: where the texts came from, in words (a folder, or "synthetic: ...").
        ids: one id per text (the file name without ``.txt``), used as ``article_id``.
        texts: the article texts, in the same order as ``ids``.
    """

    source: str
    ids: tuple[str, ...]
    texts: tuple[str, ...]

    @property
    def chars(self) -> int:
        """Total characters over all texts (to compare runs over different corpora)."""
        return sum(len(text) for text in self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def sample_evenly(items: Sequence[T], limit: int | None) -> list[T]:
    """Up to ``limit`` items spread evenly over ``items``, in their original order.

    The PolNeAR file names start with the outlet, so taking the first N would time one or two
    outlets only; evenly spaced picks keep every outlet (and article lengths) represented, and
    are deterministic, so two runs time the same texts.

    Args:
        items: the full, ordered collection.
        limit: how many to keep; ``None``, 0 or a number ≥ ``len(items)`` keeps all.

    Returns:
        The chosen items; the first item is always included.
    """
    count = len(items)
    if not limit or limit >= count:
        return list(items)
    if limit < 0:
        raise ValueError(f"limit must be positive or 0 (all), not {limit}")
    # Index i * count / limit, floored: strictly increasing because count > limit.
    return [items[(i * count) // limit] for i in range(limit)]


def read_folder(folder: Path, limit: int | None = None) -> Corpus:
    """The ``*.txt`` files of ``folder`` (sorted by name, sampled to ``limit``) as a corpus.

    Files that are empty or only whitespace are skipped: rashomon refuses them by design, and
    the benchmark measures analysis, not error paths.
    """
    paths = [
        path
        for path in sorted(folder.glob("*.txt"))
        if path.is_file() and path.read_text(encoding="utf-8", errors="replace").strip()
    ]
    chosen = sample_evenly(paths, limit)
    return Corpus(
        source=str(folder),
        ids=tuple(path.stem for path in chosen),
        texts=tuple(path.read_text(encoding="utf-8", errors="replace") for path in chosen),
    )


def example_texts() -> list[str]:
    """The example articles shipped with the package (``rashomon/examples/*.txt``), if any."""
    try:
        folder = importlib.resources.files("rashomon") / "examples"
        if not folder.is_dir():
            return []
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return []
    texts = [
        entry.read_text(encoding="utf-8")
        for entry in entries
        if entry.name.endswith(".txt") and entry.is_file()
    ]
    return [text for text in texts if text.strip()]


_SPEAKERS = (
    "The minister",
    "Senator Maria Lopez",
    "A spokesman for the ministry",
    "Officials",
    "The opposition leader",
    "Analysts",
    "Prime Minister John Carter",
    "The company",
)
_CUES = ("said", "told reporters", "denied", "claimed", "warned", "insisted", "added")
_CLAIMS = (
    "the talks had failed",
    "the budget would be cut next year",
    "the troops would leave the border by Friday",
    "there was no evidence of fraud",
    "the agreement was signed on Tuesday",
    "prices would keep rising",
    "the report was accurate",
    "the government had known about the leak for months",
)
_NARRATION = (
    "Protesters gathered outside parliament on Monday.",
    "The vote is expected later this week.",
    "Markets fell sharply after the announcement.",
    "The two countries have disputed the region for decades.",
)


def synthetic_texts(count: int = SYNTHETIC_COUNT, examples: Sequence[str] = ()) -> list[str]:
    """``count`` news-like articles, deterministic from run to run.

    With example articles, each synthetic article is one of them with its paragraphs rotated,
    so texts differ while staying real prose. Without any, articles are assembled from
    reported-speech templates (direct quotes, indirect speech, denials, narration), which
    exercise the same code paths as real news.
    """
    if count <= 0:
        return []
    if examples:
        articles = []
        for number in range(count):
            paragraphs = [p for p in re.split(r"\n\s*\n", examples[number % len(examples)]) if p]
            shift = (number // len(examples)) % max(len(paragraphs), 1)
            articles.append("\n\n".join(paragraphs[shift:] + paragraphs[:shift]))
        return articles
    chooser = random.Random(20240601)
    articles = []
    for _ in range(count):
        paragraphs = []
        for _ in range(chooser.randint(6, 12)):
            speaker = chooser.choice(_SPEAKERS)
            cue = chooser.choice(_CUES)
            claim = chooser.choice(_CLAIMS)
            form = chooser.randrange(3)
            if form == 0:
                sentence = f"{speaker} {cue} that {claim}."
            elif form == 1:
                quote = claim[0].upper() + claim[1:]
                after = "the" + speaker[3:] if speaker.startswith("The ") else speaker
                sentence = f"“{quote},” {after} said."
            else:
                sentence = f"{chooser.choice(_NARRATION)} {speaker} {cue} that {claim}."
            paragraphs.append(sentence)
        articles.append("\n\n".join(paragraphs))
    return articles


def load_corpus(
    corpus: Path | None = None,
    limit: int | None = None,
    default: Path = DEFAULT_CORPUS,
) -> Corpus:
    """The benchmark corpus: ``corpus`` if it has texts, else ``default``, else synthetic.

    A folder that is missing or holds no usable ``*.txt`` is passed over (with a note on
    stderr when it was asked for explicitly), so the script always has something to time.
    """
    for folder, asked in ((corpus, True), (default, False)):
        if folder is None:
            continue
        if folder.is_dir():
            found = read_folder(folder, limit)
            if len(found):
                return found
        if asked:
            print(f"note: no .txt files in {folder}; falling back", file=sys.stderr)
    examples = example_texts()
    texts = sample_evenly(synthetic_texts(SYNTHETIC_COUNT, examples), limit)
    source = "synthetic: rotated example articles" if examples else "synthetic: generated"
    return Corpus(
        source=source,
        ids=tuple(f"synthetic-{number:03d}" for number in range(len(texts))),
        texts=tuple(texts),
    )


def median(values: Sequence[float]) -> float:
    """The median of timings: robust to one round slowed down by something else on the box."""
    if not values:
        raise ValueError("no timings to take the median of")
    return float(statistics.median(values))


def ratio(numerator_seconds: Sequence[float], denominator_seconds: Sequence[float]) -> float:
    """``median(numerator) / median(denominator)``: e.g. rashomon's time over a bare parse's.

    Medians are taken separately: rounds are interleaved, not paired measurements.
    """
    denominator = median(denominator_seconds)
    if denominator <= 0:
        raise ValueError("the baseline took no time; nothing to compare against")
    return median(numerator_seconds) / denominator


def articles_per_second(articles: int, seconds: float) -> float:
    """Throughput; 0.0 for a zero-length timing rather than a division error."""
    return articles / seconds if seconds > 0 else 0.0


def round_order(round_index: int, first: str, second: str) -> tuple[str, str]:
    """Which measurement goes first in round ``round_index``: alternates each round.

    Alternating cancels drift (CPU boost fading, caches warming, a neighbour's job) that would
    otherwise always favour whichever side runs second.
    """
    return (first, second) if round_index % 2 == 0 else (second, first)


def status_kib(field: str = "VmRSS", status_text: str | None = None) -> int | None:
    """A memory figure in KiB from ``/proc/self/status`` (``None`` off Linux).

    ``VmRSS`` is the resident set now; ``VmHWM`` its high-water mark for this process image,
    which, unlike ``ru_maxrss``, starts afresh at ``exec`` (see ``peak_rss_kib``).

    Args:
        field: the line to read, e.g. ``"VmRSS"`` or ``"VmHWM"``.
        status_text: the file's content, for tests; read from ``/proc`` when ``None``.
    """
    if status_text is None:
        try:
            status_text = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
        except OSError:
            return None
    match = re.search(rf"^{re.escape(field)}:\s+(\d+)\s+kB", status_text, re.MULTILINE)
    return int(match.group(1)) if match else None


def peak_rss_kib(raw_maxrss: int | None = None, platform: str = sys.platform) -> int:
    """Peak resident set size of this process in KiB.

    ``ru_maxrss`` is KiB on Linux but bytes on macOS; this always gives KiB. On Linux it
    carries over the peak of the process that ``exec``-ed this one (a spawned child inherits
    its launcher's), which is why the benchmark measures memory before loading any model.
    """
    if raw_maxrss is None:
        raw_maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return raw_maxrss // 1024 if platform == "darwin" else raw_maxrss


def growth_after_first(rss_per_pass: Sequence[int]) -> tuple[int, float]:
    """RSS growth from the end of the first pass to the end of the last, in KiB and percent.

    The first pass legitimately grows memory (strings enter the vocabulary, caches fill);
    what must stay flat is every pass after it, when the same work adds nothing new.
    """
    if len(rss_per_pass) < 2:
        return 0, 0.0
    first, last = rss_per_pass[0], rss_per_pass[-1]
    return last - first, (100.0 * (last - first) / first if first else 0.0)
