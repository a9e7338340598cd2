"""A long run of articles must not grow spaCy's vocabulary with every new word it meets."""

from __future__ import annotations

from rashomon.model import Article
from rashomon.pipeline import Analyzer
from rashomon.read.inputs import _Ids


def _articles(count: int, stem: str) -> list[Article]:
    # Every article brings word forms nobody has seen: a town, a figure, a surname.
    return [
        Article(
            id=f"{stem}-{n}",
            text=(
                f"Officials in Vorbel{stem}{n} said on Monday that {n * 7919:,} tonnes of grain "
                f'had spoiled. "We lost the harvest," said farmer Anka Dreswit{stem}{n}.'
            ),
        )
        for n in range(count)
    ]


def test_analyze_many_forgets_each_batchs_new_words(analyzer: Analyzer) -> None:
    list(analyzer.analyze_many(_articles(8, "warm"), batch_size=8))
    before = len(analyzer.nlp.vocab.strings)
    analyses = list(analyzer.analyze_many(_articles(48, "zone"), batch_size=16))
    assert len(analyses) == 48
    # Without the memory zone each article adds its town, figure and surname (≥ 144 strings).
    assert len(analyzer.nlp.vocab.strings) - before < 20


def test_analysis_in_a_memory_zone_is_the_same_as_without(analyzer: Analyzer) -> None:
    (article,) = _articles(1, "same")
    batched = next(analyzer.analyze_many([article]))
    single = analyzer.analyze_article(article)
    assert batched == single
    assert any("Dreswit" in (a.source.text if a.source else "") for a in batched.attributions)


def test_ids_can_pass_through_without_being_remembered() -> None:
    unique, plain = _Ids(), _Ids(unique=False)
    assert [unique.claim("report") for _ in range(3)] == ["report", "report-2", "report-3"]
    assert [plain.claim("report") for _ in range(3)] == ["report"] * 3
    assert plain._taken == set()
