"""Tests for benchmarks/corpus.py: which texts a benchmark times, and how its figures are summed.

The benchmark's timings cannot be asserted on, but a wrong number can also come from picking
the wrong texts, a median or ratio taken the wrong way round, or a misread RSS line; those are
plain functions and are pinned here. No model is loaded.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load_corpus_module() -> ModuleType:
    """``benchmarks/corpus.py`` by path: ``benchmarks/`` is a folder of scripts, not a package."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "corpus.py"
    spec = importlib.util.spec_from_file_location("rashomon_bench_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # Registered before running it: dataclasses look their module up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load_corpus_module()

STATUS = """Name:\tpython
VmPeak:\t  900000 kB
VmHWM:\t  451832 kB
VmRSS:\t  164612 kB
RssAnon:\t  120000 kB
"""


@pytest.mark.parametrize(
    ("count", "limit", "expected"),
    [
        (10, None, list(range(10))),
        (10, 0, list(range(10))),
        (10, 10, list(range(10))),
        (10, 25, list(range(10))),
        (10, 5, [0, 2, 4, 6, 8]),
        (10, 3, [0, 3, 6]),
        (84, 4, [0, 21, 42, 63]),
        (7, 1, [0]),
    ],
)
def test_sample_evenly_spreads_over_the_collection(
    count: int, limit: int | None, expected: list[int]
) -> None:
    assert corpus.sample_evenly(list(range(count)), limit) == expected


@pytest.mark.parametrize(("count", "limit"), [(84, 40), (84, 83), (5, 4), (100, 7)])
def test_sample_evenly_keeps_order_without_repeats(count: int, limit: int) -> None:
    picked = corpus.sample_evenly(list(range(count)), limit)
    assert len(picked) == limit
    assert picked == sorted(set(picked))
    assert picked[0] == 0


@pytest.mark.parametrize("limit", [-1])
def test_sample_evenly_refuses_negative_limit(limit: int) -> None:
    with pytest.raises(ValueError, match="limit"):
        corpus.sample_evenly([1, 2, 3], limit)


@pytest.mark.parametrize(
    ("files", "limit", "expected_ids"),
    [
        ({"b.txt": "Two.", "a.txt": "One.", "c.txt": "Three."}, None, ("a", "b", "c")),
        ({"b.txt": "Two.", "a.txt": "One.", "empty.txt": "  \n"}, None, ("a", "b")),
        ({"a.txt": "One.", "notes.md": "not text", "b.txt": "Two."}, None, ("a", "b")),
        ({f"{n:02d}.txt": f"Text {n}." for n in range(6)}, 3, ("00", "02", "04")),
    ],
    ids=["sorted", "skips-empty", "only-txt", "sampled"],
)
def test_read_folder_reads_txt_files(
    tmp_path: Path, files: dict[str, str], limit: int | None, expected_ids: tuple[str, ...]
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = corpus.read_folder(tmp_path, limit)
    assert found.ids == expected_ids
    assert found.texts == tuple(files[f"{stem}.txt"] for stem in expected_ids)
    assert len(found) == len(expected_ids)
    assert found.chars == sum(len(text) for text in found.texts)
    assert found.source == str(tmp_path)


@pytest.mark.parametrize("asked", ["missing", "empty"])
def test_load_corpus_falls_back_to_default(tmp_path: Path, asked: str) -> None:
    default = tmp_path / "default"
    default.mkdir()
    (default / "x.txt").write_text("The minister said so.", encoding="utf-8")
    wanted = tmp_path / asked
    if asked == "empty":
        wanted.mkdir()
    found = corpus.load_corpus(wanted, None, default=default)
    assert found.source == str(default)
    assert found.ids == ("x",)


@pytest.mark.parametrize("limit", [None, 3])
def test_load_corpus_prefers_the_folder_asked_for(tmp_path: Path, limit: int | None) -> None:
    wanted, default = tmp_path / "wanted", tmp_path / "default"
    for folder in (wanted, default):
        folder.mkdir()
        for n in range(5):
            (folder / f"{folder.name}{n}.txt").write_text("Officials said so.", encoding="utf-8")
    found = corpus.load_corpus(wanted, limit, default=default)
    assert found.source == str(wanted)
    assert len(found) == (limit or 5)


@pytest.mark.parametrize(
    ("examples", "source"),
    [([], "synthetic: generated"), (["First.\n\nSecond."], "synthetic: rotated example articles")],
    ids=["generated", "from-examples"],
)
def test_load_corpus_falls_back_to_synthetic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples: list[str], source: str
) -> None:
    monkeypatch.setattr(corpus, "example_texts", lambda: examples)
    found = corpus.load_corpus(tmp_path / "nope", None, default=tmp_path / "also-nope")
    assert found.source == source
    assert len(found) == corpus.SYNTHETIC_COUNT
    assert len(set(found.ids)) == len(found)
    assert all(text.strip() for text in found.texts)


@pytest.mark.parametrize("count", [1, 12])
def test_synthetic_texts_are_deterministic_news(count: int) -> None:
    first = corpus.synthetic_texts(count)
    assert first == corpus.synthetic_texts(count)
    assert len(first) == count
    for text in first:
        assert any(cue in text for cue in ("said", "told", "denied", "claimed", "warned"))
        assert text.rstrip().endswith(".")


@pytest.mark.parametrize(
    ("examples", "expected"),
    [
        (
            ["A.\n\nB.\n\nC."],
            ["A.\n\nB.\n\nC.", "B.\n\nC.\n\nA.", "C.\n\nA.\n\nB.", "A.\n\nB.\n\nC."],
        ),
        (["A.\n\nB.", "X."], ["A.\n\nB.", "X.", "B.\n\nA.", "X."]),
    ],
    ids=["one-example", "two-examples"],
)
def test_synthetic_texts_rotate_example_paragraphs(
    examples: list[str], expected: list[str]
) -> None:
    assert corpus.synthetic_texts(len(expected), examples) == expected


@pytest.mark.parametrize(
    ("values", "expected"),
    [([3.0], 3.0), ([5.0, 1.0, 3.0], 3.0), ([4.0, 1.0, 2.0, 3.0], 2.5), ([2.0, 2.0, 9.0], 2.0)],
)
def test_median_of_timings(values: list[float], expected: float) -> None:
    assert corpus.median(values) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("rashomon", "bare", "expected"),
    [
        ([13.0], [10.0], 1.3),
        ([12.0, 30.0, 11.0], [10.0, 9.0, 10.0], 1.2),  # medians, not means: 12 / 10
        ([5.0, 5.0], [10.0, 10.0], 0.5),
    ],
)
def test_ratio_is_rashomon_median_over_bare_median(
    rashomon: list[float], bare: list[float], expected: float
) -> None:
    assert corpus.ratio(rashomon, bare) == pytest.approx(expected)


@pytest.mark.parametrize(("rashomon", "bare"), [([1.0], []), ([], [1.0]), ([1.0], [0.0])])
def test_ratio_refuses_missing_or_zero_baseline(rashomon: list[float], bare: list[float]) -> None:
    with pytest.raises(ValueError):
        corpus.ratio(rashomon, bare)


@pytest.mark.parametrize(
    ("articles", "seconds", "expected"), [(40, 8.0, 5.0), (1, 0.5, 2.0), (10, 0.0, 0.0)]
)
def test_articles_per_second(articles: int, seconds: float, expected: float) -> None:
    assert corpus.articles_per_second(articles, seconds) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("round_index", "expected"),
    [(0, ("a", "b")), (1, ("b", "a")), (2, ("a", "b")), (5, ("b", "a"))],
)
def test_round_order_alternates(round_index: int, expected: tuple[str, str]) -> None:
    assert corpus.round_order(round_index, "a", "b") == expected


@pytest.mark.parametrize(
    ("field", "expected"), [("VmRSS", 164612), ("VmHWM", 451832), ("VmSwap", None)]
)
def test_status_kib_reads_proc_status(field: str, expected: int | None) -> None:
    assert corpus.status_kib(field, STATUS) == expected


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("field", ["VmRSS", "VmHWM"])
def test_status_kib_reads_this_process(field: str) -> None:
    value = corpus.status_kib(field)
    assert value is not None and value > 0


@pytest.mark.parametrize(
    ("raw", "platform", "expected"),
    [(451832, "linux", 451832), (451832 * 1024, "darwin", 451832)],
)
def test_peak_rss_kib_is_always_kib(raw: int, platform: str, expected: int) -> None:
    assert corpus.peak_rss_kib(raw, platform) == expected


@pytest.mark.parametrize(
    ("rss", "expected_kib", "expected_percent"),
    [
        ([], 0, 0.0),
        ([1000], 0, 0.0),
        ([1000, 1000, 1000], 0, 0.0),
        ([1000, 1020, 1050], 50, 5.0),
        ([2000, 1900], -100, -5.0),
    ],
)
def test_growth_after_first_pass(
    rss: list[int], expected_kib: int, expected_percent: float
) -> None:
    growth_kib, growth_percent = corpus.growth_after_first(rss)
    assert growth_kib == expected_kib
    assert growth_percent == pytest.approx(expected_percent)
