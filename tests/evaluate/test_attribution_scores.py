"""Scoring predicted attributions against gold: span matching, whole attributions, breakdowns."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import rashomon
from rashomon.errors import InputError
from rashomon.evaluate.__main__ import main
from rashomon.evaluate.attributions import (
    PredictedAttribution,
    collect_errors,
    evaluate_corpus,
    flatten,
    format_report,
    gold_kind,
    gold_nests,
    predicted_from_analysis,
    score_attributions,
    whole_matches,
)
from rashomon.evaluate.brat import GoldAttribution, GoldDocument, Offsets
from rashomon.model import Analysis, Article, Attribution, Source, Span

TEXT = (
    'Officials said "the plan will fail." '
    "The mayor told reporters that taxes would rise. "
    "He added that the budget was balanced."
)


def _span(phrase: str, text: str = TEXT) -> Offsets:
    start = text.index(phrase)
    return ((start, start + len(phrase)),)


QUOTED = GoldAttribution(_span("Officials"), _span("said"), _span('"the plan will fail."'))
REPORTED = GoldAttribution(_span("The mayor"), _span("told"), _span("taxes would rise"))
PRONOUN = GoldAttribution(_span("He"), _span("added"), _span("the budget was balanced"))


def _document(*attributions: GoldAttribution, publisher: str | None = "nyt") -> GoldDocument:
    return GoldDocument("doc", TEXT, attributions, publisher)


def _predicted(
    gold: GoldAttribution,
    *,
    source: Offsets | None = None,
    cue: Offsets | None = None,
    content: Offsets | None = None,
    kind: str | None = None,
    source_is_pronoun: bool = False,
) -> PredictedAttribution:
    """A prediction equal to ``gold`` except for the fields given."""
    return PredictedAttribution(
        gold.source if source is None else source,
        gold.cue if cue is None else cue,
        gold.content if content is None else content,
        kind,
        source_is_pronoun,
    )


def _score(gold: GoldDocument, predicted: Sequence[PredictedAttribution]) -> dict[str, Any]:
    return score_attributions([gold], {gold.id: predicted})


@pytest.mark.parametrize(
    "content",
    [
        "the plan will fail",
        '"the plan will fail."',
        ' "the plan will fail," ',
        "“the plan will fail”",
    ],
)
def test_exact_match_ignores_quotes_punctuation_and_whitespace(content: str) -> None:
    text = f"Officials said {content} today."
    gold = GoldDocument(
        "doc",
        text,
        (GoldAttribution(_span("Officials", text), _span("said", text), _span(content, text)),),
    )
    predicted = _predicted(gold.attributions[0], content=_span("the plan will fail", text))
    scores = _score(gold, [predicted])
    assert scores["exact"]["content"]["tp"] == 1


def test_exact_differs_from_overlap_on_a_partial_span() -> None:
    predicted = _predicted(REPORTED, content=_span("taxes would"))
    scores = _score(_document(REPORTED), [predicted])
    assert scores["exact"]["content"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert scores["overlap"]["content"]["f1"] == 100.0
    assert scores["exact"]["cue"]["f1"] == 100.0


@pytest.mark.parametrize(
    ("gold_content", "matches"),
    [
        (_span('"the plan') + _span('will fail."'), True),  # only a space between fragments
        (_span("Officials") + _span("will fail"), False),  # "said the plan" left out
    ],
)
def test_exact_multi_fragment_span_compares_covered_characters(
    gold_content: Offsets, matches: bool
) -> None:
    gold = GoldAttribution((), _span("said"), gold_content)
    start, end = gold_content[0][0], gold_content[-1][1]
    predicted = _predicted(gold, content=((start, end),))
    scores = _score(_document(gold), [predicted])
    assert (scores["exact"]["content"]["tp"] == 1) is matches


def test_overlap_matching_is_one_to_one() -> None:
    first = GoldAttribution((), _span("told"), _span("The mayor"))
    second = GoldAttribution((), _span("told"), _span("reporters"))
    predicted = _predicted(first, content=_span("The mayor told reporters"))
    scores = _score(_document(first, second), [predicted])
    assert scores["overlap"]["content"]["tp"] == 1
    assert scores["overlap"]["content"]["fn"] == 1


def test_span_shared_by_two_attributions_counts_once() -> None:
    second = GoldAttribution(_span("The mayor"), _span("told"), _span("reporters"))
    scores = _score(_document(REPORTED, second), [_predicted(REPORTED)])
    assert scores["exact"]["source"]["r"] == 100.0
    assert scores["attribution"]["r"] == 50.0


@pytest.mark.parametrize(
    ("gold_source", "predicted_source", "matches"),
    [
        ((), (), True),
        (_span("The mayor"), (), False),
        ((), _span("The mayor"), False),
        (_span("The mayor"), _span("mayor"), True),
        (_span("The mayor"), _span("reporters"), False),
    ],
)
def test_attribution_match_needs_overlapping_or_absent_sources(
    gold_source: Offsets, predicted_source: Offsets, matches: bool
) -> None:
    gold = GoldAttribution(gold_source, REPORTED.cue, REPORTED.content)
    scores = _score(_document(gold), [_predicted(gold, source=predicted_source)])
    assert (scores["attribution"]["tp"] == 1) is matches


@pytest.mark.parametrize(("length", "matches"), [(49, False), (50, True), (51, True)])
def test_attribution_match_content_jaccard_threshold(length: int, matches: bool) -> None:
    text = "X said " + "a" * 100 + "."
    gold = GoldAttribution(((0, 1),), ((2, 6),), ((7, 107),))
    predicted = _predicted(gold, content=((7, 7 + length),))
    scores = score_attributions([GoldDocument("doc", text, (gold,))], {"doc": [predicted]})
    assert (scores["attribution"]["tp"] == 1) is matches


def test_attribution_match_needs_overlapping_cue() -> None:
    scores = _score(_document(REPORTED), [_predicted(REPORTED, cue=_span("reporters"))])
    assert scores["attribution"]["tp"] == 0


def test_whole_matches_names_the_predictions_that_match_one_to_one() -> None:
    # Two predictions of the same quotation: only one can take it. The one with a wrong cue
    # matches nothing, and the pronoun attribution matches its own gold.
    predicted = [
        _predicted(QUOTED),
        _predicted(QUOTED),
        _predicted(REPORTED, cue=_span("reporters")),
        _predicted(PRONOUN),
    ]
    matched = whole_matches(TEXT, [QUOTED, REPORTED, PRONOUN], predicted)
    assert len(matched & {0, 1}) == 1
    assert 2 not in matched and 3 in matched


def test_scores_at_confidence_floors_keep_only_the_sure_predictions() -> None:
    # The right quotation is sure; the wrong-cued report is not. At 0.5 only the quotation
    # remains: precision rises, recall counts every gold attribution still.
    predicted = [
        replace(_predicted(QUOTED), confidence=0.95),
        replace(_predicted(REPORTED, cue=_span("reporters")), confidence=0.4),
    ]
    scores = _score(_document(QUOTED, REPORTED), predicted)
    assert scores["attribution"]["p"] == 50.0
    at = scores["at_confidence"]
    assert at["0.5"]["p"] == 100.0 and at["0.5"]["tp"] == 1 and at["0.5"]["fn"] == 1
    assert at["0.9"]["tp"] == 1
    assert "confidence >= 0.5" in format_report(scores)
    # A system that gives no confidence has no such rows.
    assert _score(_document(QUOTED), [_predicted(QUOTED)])["at_confidence"] == {}


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ('"the plan will fail."', "direct"),
        ("“the plan will fail”.", "direct"),
        ('that the plan "will fail"', "mixed"),
        ("that the plan will fail, didn't it", "indirect"),
    ],
)
def test_gold_kind_from_quote_marks(content: str, kind: str) -> None:
    assert gold_kind(content, ((0, len(content)),)) == kind


def test_breakdown_by_kind_uses_gold_kind_for_recall_and_predicted_kind_for_precision() -> None:
    predictions = [
        _predicted(QUOTED, kind="direct"),
        _predicted(REPORTED, kind="direct", content=_span("reporters")),  # a false alarm
    ]
    scores = _score(_document(QUOTED, REPORTED), predictions)
    by_kind = scores["by_kind"]
    assert by_kind["direct"]["r"] == 100.0
    assert by_kind["direct"]["p"] == 50.0
    assert by_kind["indirect"]["r"] == 0.0
    assert by_kind["indirect"]["fn"] == 1


def test_breakdown_by_publisher_and_pronoun_sources() -> None:
    other = GoldDocument("other", TEXT, (REPORTED,), None)
    scores = score_attributions(
        [_document(PRONOUN), other],
        {"doc": [_predicted(PRONOUN, source_is_pronoun=True)], "other": []},
    )
    assert scores["by_publisher"]["nyt"]["f1"] == 100.0
    assert scores["by_publisher"]["unknown"]["fn"] == 1
    assert scores["pronoun_sources"]["r"] == 100.0
    assert scores["pronoun_sources"]["p"] == 100.0
    assert scores["attribution"]["r"] == 50.0


def _analysis(text: str = TEXT) -> Analysis:
    start = text.index("He")
    attribution = Attribution(
        id="a1",
        source=Source("He", start, start + 2),
        cue=Span("added", start + 3, start + 8),
        content=(Span("the budget was balanced", start + 14, start + 37),),
        kind="indirect",
        polarity="assert",
        sourcing="named",
    )
    return Analysis(article=Article(id="x", text=text), attributions=(attribution,))


def test_predicted_from_analysis_converts_offsets_and_pronouns() -> None:
    (predicted,) = predicted_from_analysis(_analysis())
    assert predicted == PredictedAttribution(
        PRONOUN.source, PRONOUN.cue, PRONOUN.content, "indirect", True
    )


def test_collect_errors_lists_misses_and_false_alarms_with_reasons() -> None:
    predicted = [
        replace(_predicted(REPORTED, source=()), confidence=0.8),
        _predicted(QUOTED, cue=_span("plan")),
    ]
    errors = collect_errors([_document(REPORTED, PRONOUN)], {"doc": predicted})
    missed = {e["cue"]: e for e in errors if e["error"] == "missed"}
    alarms = [e for e in errors if e["error"] == "false_alarm"]
    assert set(missed) == {"told", "added"}
    assert missed["told"]["reason"] == "source missing"
    assert missed["added"]["reason"] == "no predicted cue here"
    assert missed["added"]["source"] == "He"
    assert len(alarms) == 2
    # A false alarm says how sure the system was of it.
    assert sorted(a["confidence"] or 0 for a in alarms) == [0, 0.8]


def test_format_report_has_a_row_per_measure() -> None:
    report = format_report(_score(_document(QUOTED, REPORTED), [_predicted(QUOTED)]))
    assert "exact content" in report
    assert "publisher nyt" in report
    assert "attribution" in report and "100.0" in report


def _write_corpus(folder: Path) -> None:
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "text" / "b.txt").write_text(TEXT, encoding="utf-8")
    (s, e), (cs, ce), (ts, te) = PRONOUN.source[0], PRONOUN.cue[0], PRONOUN.content[0]
    ann = f"T1\tSource {s} {e}\tHe\nT2\tCue {cs} {ce}\tadded\nT3\tContent {ts} {te}\tx\n"
    ann += "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
    (folder / "attributions" / "a.ann").write_text(ann, encoding="utf-8")
    (folder / "attributions" / "b.ann").write_text(ann, encoding="utf-8")


def test_evaluate_corpus_scores_and_counts_failed_documents(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    calls: list[str] = []

    def analyze(text: str) -> Analysis:
        calls.append(text)
        if len(calls) == 2:
            raise InputError("cannot read", where="b")
        return _analysis(text.strip())

    scores, errors = evaluate_corpus(tmp_path, analyze)
    assert scores["failed"] == 1
    assert scores["attribution"]["tp"] == 1
    assert [e["document"] for e in errors] == ["b"]
    limited, _ = evaluate_corpus(tmp_path, lambda text: _analysis(text), limit=1)
    assert limited["documents"] == 1


def test_main_prints_json_and_writes_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_corpus(tmp_path / "gold")
    monkeypatch.setattr(logging, "basicConfig", lambda **_: None)
    monkeypatch.setattr(rashomon, "analyze", lambda text: Analysis(Article(id="x", text=text)))
    errors = tmp_path / "errors.jsonl"
    assert main([str(tmp_path / "gold"), "--format", "json", "--errors", str(errors)]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["attribution"]["fn"] == 2
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 2


def test_main_reports_a_bad_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(logging, "basicConfig", lambda **_: None)
    assert main([str(tmp_path)]) == 1
    assert "error:" in capsys.readouterr().err


NESTED_TEXT = "The ministry rejected reports that militants said they had left."


def _nested_span(phrase: str) -> Offsets:
    return _span(phrase, NESTED_TEXT)


# The ministry's rejection holds the militants' own words: a report within a report.
OUTER = GoldAttribution(
    _nested_span("The ministry"),
    _nested_span("rejected"),
    _nested_span("reports that militants said they had left"),
)
INNER = GoldAttribution(
    _nested_span("militants"), _nested_span("said"), _nested_span("they had left")
)


def test_flatten_sets_aside_what_lies_inside_another_content() -> None:
    outer, inner = _predicted(OUTER), _predicted(INNER)
    assert flatten([outer, inner]) == [outer]
    assert flatten([inner]) == [inner]


def test_gold_nests_when_a_cue_lies_inside_another_content() -> None:
    flat = GoldDocument("flat", NESTED_TEXT, (OUTER,), None)
    nested = GoldDocument("nested", NESTED_TEXT, (OUTER, INNER), None)
    assert not gold_nests([flat])
    assert gold_nests([flat, nested])


def _write_nested_corpus(folder: Path, *, with_inner: bool) -> None:
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "n.txt").write_text(NESTED_TEXT, encoding="utf-8")
    lines = []
    for number, gold in enumerate((OUTER, INNER) if with_inner else (OUTER,)):
        ids = [f"T{3 * number + k + 1}" for k in range(3)]
        spans = (gold.source, gold.cue, gold.content)
        roles = zip(ids, ("Source", "Cue", "Content"), spans, strict=True)
        for tid, role, ((start, end),) in roles:
            lines.append(f"{tid}\t{role} {start} {end}\t{NESTED_TEXT[start:end]}")
        source, cue, content = ids
        lines.append(
            f"E{number + 1}\tAttribution:{cue} Source:{source} Cue:{cue} Content:{content}"
        )
    (folder / "attributions" / "n.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _nested_analysis(text: str) -> Analysis:
    def attribution(number: int, gold: GoldAttribution) -> Attribution:
        (ss, se), (cs, ce), (ts, te) = gold.source[0], gold.cue[0], gold.content[0]
        return Attribution(
            id=f"a{number}",
            source=Source(text[ss:se], ss, se),
            cue=Span(text[cs:ce], cs, ce),
            content=(Span(text[ts:te], ts, te),),
            kind="indirect",
            polarity="assert",
            sourcing="named",
        )

    return Analysis(
        article=Article(id="n", text=text),
        attributions=(attribution(1, OUTER), attribution(2, INNER)),
    )


def test_evaluate_corpus_compares_flat_when_the_gold_corpus_nests_none(tmp_path: Path) -> None:
    _write_nested_corpus(tmp_path, with_inner=False)
    scores, errors = evaluate_corpus(tmp_path, _nested_analysis)
    assert scores["nesting"] == "flat" and scores["set_aside"] == 1
    assert scores["attribution"]["tp"] == 1 and scores["attribution"]["fp"] == 0
    assert errors == []
    # What was found, with nothing set aside, is reported beside it.
    assert scores["as_found"]["fp"] == 1
    assert "set aside" in format_report(scores)
    as_found, _ = evaluate_corpus(tmp_path, _nested_analysis, nesting="nested")
    assert as_found["nesting"] == "nested" and as_found["attribution"]["fp"] == 1


def test_evaluate_corpus_keeps_nested_predictions_for_a_nesting_corpus(tmp_path: Path) -> None:
    _write_nested_corpus(tmp_path, with_inner=True)
    scores, _ = evaluate_corpus(tmp_path, _nested_analysis)
    assert scores["nesting"] == "nested" and scores["set_aside"] == 0
    assert scores["attribution"]["tp"] == 2
    forced, _ = evaluate_corpus(tmp_path, _nested_analysis, nesting="flat")
    assert forced["attribution"]["tp"] == 1 and forced["attribution"]["fn"] == 1
