"""Evaluation: read gold corpora and score rashomon against them.

The functions return plain dicts of P/R/F1 and never print; ``python -m rashomon.evaluate``
is the thin command-line wrapper on top.
"""

from __future__ import annotations

from rashomon.evaluate.attributions import (
    PredictedAttribution,
    collect_errors,
    evaluate_corpus,
    format_report,
    predicted_from_analysis,
    score_attributions,
)
from rashomon.evaluate.brat import GoldAttribution, GoldDocument, read_corpus

__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "PredictedAttribution",
    "collect_errors",
    "evaluate_corpus",
    "format_report",
    "predicted_from_analysis",
    "read_corpus",
    "score_attributions",
]
