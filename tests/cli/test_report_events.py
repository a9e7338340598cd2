"""The text report shows events with their evidential status; a denied event never reads as fact."""

from __future__ import annotations

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
