"""The text report shows events with their evidential status; a denied event never reads as fact."""

from __future__ import annotations

import dataclasses

from rich.console import Console

from rashomon.cli.report import render_analysis
from rashomon.pipeline import Analyzer


def test_report_events_table_shows_status(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(
        "The army denied that its troops had shelled the village.\n"
        "Rebels attacked a police station on Sunday.\n"
    )
    console = Console(width=160, record=True, force_terminal=False)
    render_analysis(analysis, console)
    report = console.export_text()
    assert "Who did what to whom" in report
    shelled = next(e for e in analysis.events if e.trigger.text == "shelled")
    assert shelled.status == "denied"
    row = next(line for line in report.splitlines() if "shelled" in line and "│" in line)
    assert "denied" in row and "asserted" not in row


def test_report_shows_each_attributions_confidence_and_marks_the_doubtful(
    analyzer: Analyzer,
) -> None:
    analysis = analyzer.analyze(
        "The ministry said that the port had reopened.\nFishermen said the water was still dirty.\n"
    )
    first, second = analysis.attributions[:2]
    assert first.confidence is not None and second.confidence is not None
    # The same analysis, with the second attribution made doubtful.
    doubtful = dataclasses.replace(second, confidence=0.21)
    analysis = dataclasses.replace(analysis, attributions=(first, doubtful))
    console = Console(width=160, record=True, force_terminal=False)
    render_analysis(analysis, console)
    rows = [line for line in console.export_text().splitlines() if "│" in line]
    assert any(f"{first.confidence:.2f}" in row and "?" not in row.split("│")[1] for row in rows)
    assert any("0.21?" in row for row in rows)
