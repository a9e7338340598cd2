"""Text or HTML to ``Article``: the front door of the pipeline.

Plain text is kept as it is (newlines normalised), because every offset rashomon reports
points into it. HTML goes through trafilatura, which drops navigation, scripts and boilerplate
and returns the main text with its paragraphs on separate lines, plus the page's title, author,
date and site name; for HTML the extracted text is what offsets point into (SPEC "Interfaces").
Either way the article's origin ("By <Outlet>", wire datelines, republisher disclaimers) is read
from the text by ``rashomon.link.provenance.find_origin``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

import trafilatura

from rashomon.errors import ConfigError, InputError
from rashomon.link.provenance import find_origin
from rashomon.model import Article
from rashomon.read.decode import check_text_size, normalise_newlines
from rashomon.read.inputs import InputItem

__all__ = ["looks_like_html", "to_article"]

logger = logging.getLogger(__name__)

#: How far into a text ``looks_like_html`` looks: markup announces itself at the top.
_HTML_PROBE_CHARS = 4096

# An HTML document or fragment: "<!DOCTYPE html>", "<html lang=en>", "<p>First paragraph</p>".
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|article|main|section|div|p|meta|title|span|h[1-6]|br)"
    r"(?:\s[^>]*)?/?>",
    re.IGNORECASE,
)
_BODY_TAG = re.compile(r"<body[\s>]", re.IGNORECASE)

# A publication date as given by a user: "2013-07-26" or a full ISO datetime.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Only the page's own metadata gives its date: a date mentioned in the story is not when it
# was published.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class _Page:
    """What trafilatura found in an HTML page."""

    text: str
    title: str | None
    author: str | None
    date: str | None
    sitename: str | None
    url: str | None


def looks_like_html(text: str) -> bool:
    """Whether a text is HTML (a page or a fragment) rather than plain prose.

    Why so strict: a plain-text article that merely mentions ``<div>`` must stay plain text,
    so the text has to *begin* with markup and contain a known HTML tag near the top.
    """
    head = text[:_HTML_PROBE_CHARS].lstrip("\ufeff \t\n\r")
    if not head.startswith("<"):
        return False
    return _HTML_TAG.search(head) is not None


def _check_published(value: str, *, where: str | None) -> str:
    """Return ``value``'s date as ``YYYY-MM-DD``, accepting a full ISO datetime.

    Raises:
        ConfigError: ``value`` is not an ISO date.
    """
    cleaned = value.strip()
    problem = ConfigError(
        f"published date {value!r} is not a date; give it as YYYY-MM-DD",
        where=where or "published",
    )
    if not _ISO_DATE.match(cleaned):
        raise problem
    try:
        if len(cleaned) == 10:
            date.fromisoformat(cleaned)
        else:
            datetime.fromisoformat(cleaned)
    except ValueError as error:
        raise problem from error
    return cleaned[:10]


def _metadata_date(value: str | None) -> str | None:
    """A page's own date as ``YYYY-MM-DD``, or ``None`` when it is missing or odd.

    Why not an error: a page's bad metadata is not the user's fault, so it is dropped.
    """
    if not value:
        return None
    try:
        return _check_published(value, where=None)
    except ConfigError:
        logger.debug("ignoring the page's date %r", value)
        return None


def _blank_to_none(value: object) -> str | None:
    """A metadata field as a stripped string, or ``None`` when it is missing or blank."""
    if not isinstance(value, str):
        return None
    cleaned = value.strip()
    return cleaned or None


def _extract(html: str) -> _Page | None:
    """Run trafilatura on a page; ``None`` when it finds no main text."""
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if document is None and not _BODY_TAG.search(html):
        # trafilatura needs a body: a bare fragment ("<p>One paragraph.</p>") gets one.
        document = trafilatura.bare_extraction(
            f"<html><body>{html}</body></html>",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    if document is None:
        return None
    text = normalise_newlines(getattr(document, "text", None) or "")
    if not text.strip():
        return None
    return _Page(
        text=text,
        title=_blank_to_none(getattr(document, "title", None)),
        author=_blank_to_none(getattr(document, "author", None)),
        date=_blank_to_none(getattr(document, "date", None)),
        sitename=_blank_to_none(getattr(document, "sitename", None)),
        url=_blank_to_none(getattr(document, "url", None)),
    )


def to_article(
    raw: str,
    *,
    article_id: str = "article",
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    where: str | None = None,
    title: str | None = None,
) -> Article:
    """Build the ``Article`` for a plain text or an HTML page.

    Args:
        raw: the article as decoded text, plain or HTML (``looks_like_html`` decides).
        article_id: the article's id (a file's stem, a JSONL record's ``id``).
        published: the publication date, ``YYYY-MM-DD`` or a full ISO datetime (its date is
            kept); for HTML, the page's own date is used when this is not given.
        url: the article's address; for HTML, the page's canonical URL when not given.
        outlet: the publishing site; for HTML, the page's site name when not given.
        title: the article's title (a feed entry's); for HTML, the page's title when not
            given. Why the given one wins, as ``url`` and ``outlet`` do: trafilatura takes a
            fragment's first heading for its title, and a feed's own title is the real one.
        where: what to name in an error (a path, ``"path:line N"``); defaults to the id.

    Returns:
        The article, whose ``text`` every later offset points into, with its ``origin`` read
        from the text's provenance lines.

    Raises:
        InputError: the text is empty or larger than 50 MB, or the HTML has no article text.
        ConfigError: ``published`` is not an ISO date.
    """
    name = where if where is not None else article_id
    check_text_size(raw, where=name)
    checked_date = _check_published(published, where=name) if published is not None else None
    byline: str | None = None
    if looks_like_html(raw):
        page = _extract(raw)
        if page is None:
            raise InputError("no article text found in the HTML", where=name)
        text = page.text
        title, byline = title or page.title, page.author
        checked_date = checked_date or _metadata_date(page.date)
        outlet = outlet or page.sitename
        url = url or page.url
    else:
        text = normalise_newlines(raw)
    if not text.strip():
        raise InputError("the text is empty", where=name)
    finding = find_origin(text)
    return Article(
        id=article_id,
        text=text,
        title=title,
        outlet=outlet,
        byline=byline or finding.byline,
        published=checked_date,
        url=url,
        origin=finding.origin,
    )


def article_of(item: InputItem, published: str | None = None) -> Article:
    """The article an input item holds; ``published`` serves when the item gives no date.

    Raises:
        InputError: the item has no text (empty, or HTML with nothing in it).
        ConfigError: the date is not a date.
    """
    return to_article(
        item.raw,
        article_id=item.id,
        published=item.published or published,
        url=item.url,
        outlet=item.outlet,
        where=item.where,
        title=item.title,
    )
