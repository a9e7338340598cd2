"""RSS and Atom feed files to articles: one ``InputItem`` per entry.

Why a module of its own: a feed is one file holding many articles, each with its own link, date
and title, so it cannot take the one-file-one-article path of ``inputs``. feedparser reads every
dialect (RSS 0.9x, 1.0 and 2.0, Atom 0.3 and 1.0) and recovers what it can from a feed that is
not well-formed.

Why the entry's HTML is turned into text here and not left to trafilatura: an entry's content is
a bare fragment, already the article body, and trafilatura is built to prune pages, so on a
fragment it drops short lists, takes a leading heading for the page title and ignores a fragment
that begins with text rather than a tag. ``fragment_to_text`` keeps every paragraph instead, one
per block element, separated by blank lines.

A file is a feed by its suffix *and* its root element: an ``.xml`` file whose root is not
``<rss``, ``<feed`` or ``<rdf:RDF`` is read as an article, as before.
"""

from __future__ import annotations

import codecs
import logging
import re
import time
from collections.abc import Iterator, Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser
from lxml import etree
from lxml import html as lxml_html

from rashomon.errors import InputError
from rashomon.read.decode import MAX_ARTICLE_BYTES, check_text_size, normalise_newlines
from rashomon.read.inputs import InputItem, _Ids

__all__ = ["FEED_SUFFIXES", "fragment_to_text", "is_feed_file", "looks_like_feed", "read_feed"]

logger = logging.getLogger(__name__)

#: The suffixes a feed file may have; the root element decides (``looks_like_feed``).
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})

#: How much of a file ``is_feed_file`` reads: the root element follows a short prologue.
_HEAD_BYTES = 2048

# What may come before the root element: an XML declaration or other processing instruction
# ("<?xml-stylesheet …?>"), a comment, a DOCTYPE (RSS 0.91 has one), and whitespace.
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.DOTALL | re.IGNORECASE)
_FEED_ROOT = re.compile(rb"\s*<(?:rss|feed|rdf:RDF)[\s>/]", re.IGNORECASE)

# Byte-order marks of the encodings a feed's head may be in (UTF-8 is handled by stripping).
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

# Elements that start and end a paragraph of their own.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div",
        "dl", "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tr", "ul",
    }
)  # fmt: skip
# Elements whose content is never article text.
_SKIPPED_TAGS = frozenset(
    {"head", "iframe", "noscript", "object", "script", "style", "svg", "template"}
)
# Table cells run on within their row, a space apart.
_CELL_TAGS = frozenset({"td", "th"})


def looks_like_feed(head: bytes) -> bool:
    """Whether a file's first bytes are those of an RSS or Atom feed.

    Args:
        head: the file's first bytes (about 2 kB is enough).

    Returns:
        True when, after an optional byte-order mark, XML declaration, comments, processing
        instructions and DOCTYPE, the root element is ``<rss``, ``<feed`` or ``<rdf:RDF``.

    Why the root element and not the suffix alone: ``.xml`` is also the suffix of sitemaps,
    exports and articles, which must keep being read as articles.
    """
    for bom, encoding in _WIDE_BOMS:
        if head.startswith(bom):
            # A cut at the end of the head may split a character: drop it, not the test.
            head = head.decode(encoding, errors="ignore").encode("utf-8")
            break
    head = head.removeprefix(codecs.BOM_UTF8)
    position = 0
    while match := _PROLOGUE.match(head, position):
        position = match.end()
    return _FEED_ROOT.match(head, position) is not None


def is_feed_file(path: Path) -> bool:
    """Whether ``path`` has a feed suffix (``FEED_SUFFIXES``) and starts like a feed.

    A file that cannot be opened is "not a feed": the ordinary read then reports why.
    """
    if path.suffix.lower() not in FEED_SUFFIXES:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return False
    return looks_like_feed(head)


class _Paragraphs:
    """Collects text into paragraphs: lines within one are joined, runs of spaces collapsed."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self._pieces: list[str] = []

    def add(self, text: str | None) -> None:
        """Add text; its line breaks are the source's layout, not the author's, so spaces."""
        if text:
            self._pieces.append(text.replace("\r", " ").replace("\n", " "))

    def line_break(self) -> None:
        """Break the line (a ``<br>``) without ending the paragraph."""
        self._pieces.append("\n")

    def end(self) -> None:
        """Close the paragraph being collected, if it has any text."""
        lines = ("".join(self._pieces)).split("\n")
        self._pieces = []
        paragraph = "\n".join(kept for line in lines if (kept := " ".join(line.split())))
        if paragraph:
            self.done.append(paragraph)


def _walk(element: Any, paragraphs: _Paragraphs) -> None:
    """Add an element's text, its children's and its tail (the text after it) to ``paragraphs``.

    Recursion is safe: libxml2 refuses documents nested deeper than Python's recursion limit.
    """
    tag = element.tag if isinstance(element.tag, str) else None  # comments have no tag name
    if tag is not None and tag.lower() not in _SKIPPED_TAGS:
        tag = tag.lower()
        block = tag in _BLOCK_TAGS
        if block:
            paragraphs.end()
        if tag == "br":
            paragraphs.line_break()
        paragraphs.add(element.text)
        for child in element:
            _walk(child, paragraphs)
        if block:
            paragraphs.end()
        elif tag in _CELL_TAGS:
            paragraphs.add(" ")
    paragraphs.add(element.tail)


def fragment_to_text(fragment: str) -> str:
    """The text of an HTML fragment: one paragraph per block element, blank lines between.

    Args:
        fragment: HTML, a whole page or a few paragraphs (``<p>…</p><ul><li>…</li></ul>``),
            possibly starting with bare text.

    Returns:
        The text, entities decoded, scripts and styles dropped, whitespace within a line
        collapsed, ``<br>`` kept as a line break; ``""`` when there is no text.
    """
    if not fragment.strip():
        return ""
    # Bytes with a declared encoding: lxml refuses a str that carries an XML declaration.
    parser = lxml_html.HTMLParser(encoding="utf-8")
    try:
        root = lxml_html.document_fromstring(fragment.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    paragraphs = _Paragraphs()
    _walk(root, paragraphs)
    paragraphs.end()
    return "\n\n".join(paragraphs.done)


def _text_field(container: Mapping[str, Any], key: str) -> str | None:
    """A feed's or entry's text field (``title``), as plain text; ``None`` when blank."""
    value = container.get(key)
    if not isinstance(value, str):
        return None
    detail = container.get(f"{key}_detail")
    kind = detail.get("type") if isinstance(detail, Mapping) else None
    if kind in _HTML_TYPES:
        value = fragment_to_text(value)
    return " ".join(value.split()) or None


def _entry_text(entry: Mapping[str, Any]) -> str:
    """An entry's full content, else its summary, as text; ``""`` when it has neither."""
    contents = entry.get("content") or ()
    candidates: list[Any] = [contents[0] if contents else None, entry.get("summary_detail")]
    for detail in candidates:
        if not isinstance(detail, Mapping):
            continue
        value = detail.get("value")
        if not isinstance(value, str) or not value.strip():
            continue
        if detail.get("type") in _HTML_TYPES:
            text = fragment_to_text(value)
        else:
            text = normalise_newlines(value).strip()
        if text:
            return text
    return ""


def _local_date(value: object) -> str | None:
    """The date of an RFC 822 (RSS) or ISO 8601 (Atom) timestamp, in its own time zone."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _entry_date(entry: Mapping[str, Any]) -> str | None:
    """The entry's published (else updated) date as ``YYYY-MM-DD``; ``None`` when it has none.

    Why not feedparser's ``*_parsed`` first: it is in UTC, so a story published on Wednesday
    evening in New York would be dated Thursday, and "on Wednesday" in it resolved a week off.
    The date as written, in the publisher's time zone, is read first; feedparser's parse (which
    knows many more odd formats) is the fallback.
    """
    for key in ("published", "updated"):
        day = _local_date(entry.get(key))
        if day is not None:
            return day
        moment = entry.get(f"{key}_parsed")
        if isinstance(moment, time.struct_time) and moment.tm_year > 0:
            return f"{moment.tm_year:04d}-{moment.tm_mon:02d}-{moment.tm_mday:02d}"
    return None


def _one_line(reason: object) -> str:
    """An exception's message on one line (an error message must be one line)."""
    return " ".join(str(reason).split()) or type(reason).__name__


def read_feed(path: Path, ids: _Ids) -> Iterator[InputItem | InputError]:
    """Every entry of an RSS or Atom feed file as an article, in the feed's order.

    Args:
        path: the feed file (``is_feed_file`` says whether a file is one).
        ids: the id registry of the ``iter_inputs`` call, which makes ids unique.

    Yields:
        An ``InputItem`` per entry: ``id`` ``<file stem>-<N>`` (N counts entries from 1),
        ``where`` ``"path: entry N"``, ``raw`` the entry's full content (else its summary) as
        text, ``url`` its link, ``published`` its published (else updated) date in the
        publisher's time zone, ``outlet``
        the feed's title and ``title`` the entry's. An entry with no text yields an
        ``InputError`` naming it; a file feedparser cannot read at all yields one
        ``InputError`` naming the file.

    Why the whole file is read at once: feedparser parses a document, not a stream; a feed
    file larger than ``MAX_ARTICLE_BYTES`` is refused before it is read.
    """
    where = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise InputError(
                f"the feed is {size / (1024 * 1024):.1f} MB, more than the "
                f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB limit; split it",
                where=where,
            )
        data = path.read_bytes()
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(f"cannot read it ({error.strerror})", where=where)
        return
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = _one_line(parsed.get("bozo_exception", "not well-formed"))
            yield InputError(f"not a readable RSS/Atom feed ({reason})", where=where)
        else:
            logger.warning("%s: the feed has no entries", where)
        return
    if parsed.get("bozo"):
        logger.warning(
            "%s: the feed is not well-formed (%s); reading the entries found",
            where,
            _one_line(parsed.get("bozo_exception", "")),
        )
    outlet = _text_field(parsed.get("feed") or {}, "title")
    for number, entry in enumerate(entries, start=1):
        entry_where = f"{path}: entry {number}"
        raw = _entry_text(entry)
        if not raw:
            yield InputError("has no text (neither content nor summary)", where=entry_where)
            continue
        try:
            check_text_size(raw, where=entry_where)
        except InputError as error:
            yield error
            continue
        link = entry.get("link")
        yield InputItem(
            id=ids.claim(f"{path.stem}-{number}"),
            where=entry_where,
            raw=raw,
            published=_entry_date(entry),
            url=(link.strip() or None) if isinstance(link, str) else None,
            outlet=outlet,
            title=_text_field(entry, "title"),
        )
