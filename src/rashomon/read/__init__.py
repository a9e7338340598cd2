"""The read layer: bytes, files and HTML in, ``Article`` out.

``iter_inputs`` turns paths into ``InputItem``s (errors yielded, not raised, so a batch goes
on), ``decode`` turns bytes into text without moving any offset, and ``to_article`` builds the
``Article`` (plain text as is, HTML through trafilatura) with its origin read from the text.
"""

from __future__ import annotations

from rashomon.read.decode import MAX_ARTICLE_BYTES, decode
from rashomon.read.html import article_of, looks_like_html, to_article
from rashomon.read.inputs import InputItem, iter_inputs

__all__ = [
    "MAX_ARTICLE_BYTES",
    "InputItem",
    "article_of",
    "decode",
    "iter_inputs",
    "looks_like_html",
    "to_article",
]
