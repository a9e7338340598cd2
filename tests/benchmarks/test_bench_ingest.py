"""Tests for benchmarks/bench_ingest.py: the synthetic corpus it ingests and what it reports.

The timings and RSS readings are never asserted on. What can be wrong without anyone seeing
it is the input (texts that are not distinct, duplicates that are not duplicates, articles
with nobody saying anything) and the bookkeeping (which sample is "after 1k articles", a
breakdown that loses a side, a wrapper left in place). Those are pinned here; the throughput
function runs once on three tiny articles, SQLite only.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from rashomon.link.near_duplicates import is_republication, text_key
from rashomon.read import iter_inputs
from rashomon.store.writer import StoreWriter

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load_bench_ingest() -> ModuleType:
    """``benchmarks/bench_ingest.py`` by path; it imports its sibling ``corpus`` module."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location(
        "rashomon_bench_ingest", BENCHMARKS / "bench_ingest.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


bench = _load_bench_ingest()

SAYING = ("said", "told", "according to", "claimed")
DENYING = ("denied", "rejecting claims", "dismissed allegations", "rejected accusations")


@pytest.fixture(scope="module")
def thousand() -> list[Any]:
    return bench.synthetic_articles(1000)


def test_synthetic_originals_are_distinct(thousand: list[Any]) -> None:
    kinds = Counter(article.kind for article in thousand)
    originals = [article for article in thousand if article.kind == "original"]
    assert len({text_key(article.text) for article in originals}) == len(originals)
    # Exact duplicates add no new text; republications do.
    assert len({text_key(article.text) for article in thousand}) == 1000 - kinds["duplicate"]
    assert len({article.id for article in thousand}) == 1000
    assert len({article.url for article in thousand}) == 1000


def test_synthetic_duplicate_shares(thousand: list[Any]) -> None:
    kinds = Counter(article.kind for article in thousand)
    assert kinds["duplicate"] == round(1000 * bench.DUPLICATE_SHARE) == 20
    assert kinds["republication"] == round(1000 * bench.REPUBLICATION_SHARE) == 30
    assert thousand[0].kind == "original"
    for number, article in enumerate(thousand):
        if article.kind == "original":
            assert article.of is None
            continue
        source = thousand[article.of]
        assert article.of < number and source.kind == "original"
        if article.kind == "duplicate":
            assert article.text == source.text and article.id != source.id
        else:
            assert text_key(article.text) != text_key(source.text)
            assert article.text.split("\n\n")[1].startswith("By ")  # a credit line
            assert is_republication(source.text, article.text)


def test_unrelated_synthetic_articles_are_not_taken_for_copies(thousand: list[Any]) -> None:
    originals = [article for article in thousand if article.kind == "original"]
    pairs = random.Random(7)
    for _ in range(200):
        first, second = pairs.sample(originals, 2)
        assert not is_republication(first.text, second.text)


def test_synthetic_originals_report_and_deny(thousand: list[Any]) -> None:
    for article in thousand:
        if article.kind != "original":
            continue
        words = len(article.text.split())
        assert bench.MIN_WORDS <= words <= bench.MAX_WORDS, article.id
        lowered = article.text.lower()
        assert any(cue in lowered for cue in SAYING), article.id
        assert any(cue in lowered for cue in DENYING), article.id


def test_synthetic_articles_are_deterministic() -> None:
    assert bench.synthetic_articles(30) == bench.synthetic_articles(30)
    assert bench.synthetic_articles(30, seed=1) != bench.synthetic_articles(30, seed=2)
    assert [a.kind for a in bench.synthetic_articles(3)] == ["original"] * 3


def test_jsonl_reads_back_as_ingest_reads_it(tmp_path: Path) -> None:
    made = bench.synthetic_articles(25)
    path = bench.write_jsonl(made, tmp_path / "articles.jsonl")
    items = list(iter_inputs([str(path)]))
    assert [item.id for item in items] == [article.id for article in made]
    assert [item.raw for item in items] == [article.text for article in made]
    assert [(item.published, item.outlet, item.url) for item in items] == [
        (article.published, article.outlet, article.url) for article in made
    ]


def _sample(seconds: float, rss: int | None, sightings: int | None) -> Any:
    return bench.Sample(
        seconds=seconds, rss_kib=rss, hwm_kib=rss, sightings=sightings, articles=sightings
    )


@pytest.mark.parametrize(
    ("processed", "expected_seconds"),
    [(1, 1.0), (10, 1.0), (11, 2.0), (25, 2.0), (26, 3.0), (1000, 3.0)],
)
def test_rss_at_takes_the_first_sample_past_the_mark(
    processed: int, expected_seconds: float
) -> None:
    samples = [
        _sample(0.0, 100, None),  # the store does not exist yet
        _sample(1.0, 200, 10),
        _sample(2.0, 210, 25),
        _sample(3.0, 215, 40),
    ]
    found = bench.rss_at(samples, processed)
    assert found is not None and found.seconds == expected_seconds


def test_rss_at_passes_over_samples_without_counts_or_rss() -> None:
    assert bench.rss_at([_sample(0.0, 100, None)], 1) is None
    # The last reading of an exiting process has a count but no VmRSS.
    found = bench.rss_at([_sample(1.0, 200, 10), _sample(2.0, None, 20)], 20)
    assert found is not None and found.seconds == 1.0


def test_rss_window_gives_floor_and_ceiling() -> None:
    samples = [
        _sample(1.0, 250, 5),
        _sample(2.0, 200, 12),
        _sample(3.0, 260, 18),
        _sample(4.0, 205, 22),
        _sample(5.0, 300, 40),
    ]
    # Articles 10 to 20 were read while the samples at 12 and 18 were taken.
    assert bench.rss_window(samples, 20, 10) == (200, 260, 2)
    # Nothing inside the stretch: the last samples before the mark.
    assert bench.rss_window(samples, 35, 5) == (205, 260, 2)
    assert bench.rss_window([_sample(0.0, 100, None)], 10, 5) is None


@pytest.mark.parametrize(
    ("articles", "expected"),
    [(10_000, [1000, 2000, 5000, 10_000]), (300, [30, 60, 150, 300]), (3, [1, 2, 3])],
)
def test_checkpoints(articles: int, expected: list[int]) -> None:
    assert bench.checkpoints(articles) == expected


def test_segment_rates() -> None:
    samples = [
        {"seconds": 2.0, "sightings": 0},
        {"seconds": 4.0, "sightings": 20},
        {"seconds": 8.0, "sightings": 100},
        {"seconds": 9.0, "sightings": 110},
    ]
    # 1 → the sample at 20; 50 → at 100 (80 articles in 4 s); 100 → the same sample, no
    # stretch; 500 is never reached.
    assert bench.segment_rates(samples, [1, 50, 100, 500]) == [
        {"from": 20, "to": 100, "articles_per_second": 20.0}
    ]


@pytest.mark.parametrize(
    ("round_index", "expected"),
    [(0, ["a", "b", "c"]), (1, ["b", "c", "a"]), (2, ["c", "a", "b"]), (3, ["a", "b", "c"])],
)
def test_rotation_gives_each_side_the_lead(round_index: int, expected: list[str]) -> None:
    assert bench.rotation(round_index, ["a", "b", "c"]) == expected


def test_store_clock_puts_everything_back() -> None:
    before = (StoreWriter.write, StoreWriter.lookup, StoreWriter._place_claims)
    clock = bench.StoreClock()
    with pytest.raises(RuntimeError), clock.patched():
        assert StoreWriter.write is not before[0]
        raise RuntimeError("a failed run")
    assert (StoreWriter.write, StoreWriter.lookup, StoreWriter._place_claims) == before


def test_throughput_on_three_tiny_articles(tmp_path: Path, analyzer: Any) -> None:
    paths = []
    for article in bench.synthetic_articles(3):
        path = tmp_path / f"{article.id}.txt"
        path.write_text(article.text, encoding="utf-8")
        paths.append(str(path))
    figures = bench.measure_throughput(
        paths, analyzer, repeat=1, postgres=None, warm_up=False, progress=False
    )
    assert figures["articles"] == 3 and figures["repeat"] == 1
    assert figures["chars"] == sum(len(Path(p).read_text(encoding="utf-8")) for p in paths)
    assert set(figures["sides"]) == {"analyze", "sqlite"}
    assert "postgresql" in figures["skipped"]
    analyse, sqlite = figures["sides"]["analyze"], figures["sides"]["sqlite"]
    for side in (analyse, sqlite):
        assert side["seconds"] > 0 and side["articles_per_second"] > 0
        assert len(side["rounds_seconds"]) == 1
        assert side["analysed"] == 3
        assert side["breakdown"]["analysis"]["calls"] >= 1
    assert "write" not in analyse["breakdown"] and "lookup" not in analyse["breakdown"]
    assert sqlite["summary"]["new"] == 3 and not sqlite["summary"]["failed"]
    assert sqlite["breakdown"]["write"]["calls"] == 3
    assert sqlite["breakdown"]["lookup"]["calls"] == 3
    assert sqlite["breakdown"]["write: claim ledger"]["calls"] == 3
    assert sqlite["open_seconds"] >= 0
    ratio = figures["ratios"]["sqlite"]
    assert ratio["ratio"] == pytest.approx(sqlite["seconds"] / analyse["seconds"], rel=1e-3)
    assert isinstance(ratio["within_bar"], bool)
    assert set(figures["ratios"]) == {"sqlite"}
    assert "(b) ingest → SQLite" in bench.render(
        {"environment": _environment(), "throughput": {**figures, "source": "test"}}
    )


def _environment() -> dict[str, Any]:
    return {"python": "3", "spacy": "3", "cpu_count": 2, "sqlite": "3", "postgresql": None}
