"""The pipeline: read → parse → extract → link, for one article or many."""

from __future__ import annotations

from rashomon.model import Analysis

__all__ = ["analyze"]


def analyze(text_or_html: str, published: str | None = None) -> Analysis:
    """Analyse one article (placeholder while the layers are being built)."""
    raise NotImplementedError
