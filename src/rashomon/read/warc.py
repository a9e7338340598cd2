"""WARC (and ARC) web archives to articles: one ``InputItem`` per archived HTML page.

Why a module of its own: an archive is one file holding thousands of captures, most of them not
articles (requests, metadata, images, scripts, redirects, errors), and it may be gigabytes
large, so it is read record by record with warcio's ``ArchiveIterator`` (plain or gzipped,
WARC or ARC), keeping only the successful HTML responses, and memory stays flat.

Why truncation is checked here: warcio ends quietly on a cut-off archive, handing out the last
record's body short or dropping a record whose headers were cut. So a record whose block ends
before its ``Content-Length``, bytes left after the last whole record, and a gzip member cut
short (``_GzipStream``) are each reported as a truncated archive, once, after the pages before
the break; a cut page is never passed on as if it were whole.

The date an item carries is the *capture* date (``WARC-Date``), not the publication date. It
is passed to ``to_article`` as ``published``, and ``to_article`` lets a given date win over the
page's own, so the capture date is what the article gets; the page's own date (trafilatura's
find) is used only where an item carries none.
"""

from __future__ import annotations

import codecs
import gzip
import logging
import re
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeadersParserException

from rashomon.errors import InputError
from rashomon.read.decode import MAX_ARTICLE_BYTES, check_size, decode, normalise_newlines
from rashomon.read.inputs import InputItem, _Ids

__all__ = ["ARCHIVE_SUFFIXES", "archive_stem", "is_archive_file", "read_warc"]

logger = logging.getLogger(__name__)

#: The suffixes of the archives ``read_warc`` reads, longest first.
ARCHIVE_SUFFIXES = (".warc.gz", ".arc.gz", ".warc", ".arc")

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

#: The block warcio reads; a record's remainder is drained in pieces this large.
_BLOCK_BYTES = 65_536

# What a broken archive raises while warcio reads it. The last three are warcio tripping over
# a record whose headers are cut short (a response with no WARC-Target-URI, for one).
_ARCHIVE_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    zlib.error,
    OSError,
    ValueError,
    AttributeError,
    TypeError,
    IndexError,
)

_GZIP_MAGIC = b"\x1f\x8b"

_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class _Truncated(Exception):
    """The archive was cut off: a record ends before its declared length, or a gzip member
    before its end."""


class _GzipStream:
    """A gzipped archive, decompressed, for warcio to read as a plain one.

    Why not leave the gzip to warcio: on a gzip member cut short it ends quietly, as if the
    archive were whole. Python's ``gzip`` raises ``EOFError`` there, but warcio also takes
    ``EOFError`` for the normal end of the archive, so it is raised on as ``_Truncated``.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")

    def read(self, size: int = -1) -> bytes:
        # read1, not read: it hands out what was decompressed before the cut, then raises.
        try:
            return self._gzip.read1(size)
        except EOFError as error:
            raise _Truncated(str(error)) from error

    def tell(self) -> int:
        return self._gzip.tell()


def is_archive_file(path: Path) -> bool:
    """Whether ``path`` is named like a WARC or ARC archive (``ARCHIVE_SUFFIXES``)."""
    return path.name.lower().endswith(ARCHIVE_SUFFIXES)


def archive_stem(path: Path) -> str:
    """The archive's name without its suffix: ``crawl`` for ``crawl.warc.gz``."""
    name = path.name
    lowered = name.lower()
    for suffix in ARCHIVE_SUFFIXES:
        if lowered.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return path.stem


def _media_type(content_type: str | None) -> str:
    """``text/html`` for ``"text/html; charset=utf-8"``; ``""`` when there is none."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def _is_page(record: Any) -> bool:
    """Whether a record is a successful HTML response, the only kind that holds an article."""
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    return _media_type(record.http_headers.get_header("Content-Type")) in _HTML_TYPES


def _is_cut(record: Any) -> bool:
    """Whether a record's block, read to its end, came out shorter than its declared length.

    A record without a length (no LimitReader) is one whose headers were cut before their
    ``Content-Length``, which every WARC record has; one whose length is not a number was cut
    inside it (warcio reads such a record as empty).
    """
    stream = record.raw_stream
    if not isinstance(stream, LimitReader) or stream.limit > 0:
        return True
    declared = record.rec_headers.get_header("Content-Length")
    return declared is not None and not declared.strip().isdigit()


def _drain(record: Any) -> None:
    """Read what is left of a record's block, so ``_is_cut`` can tell whether it was whole."""
    while record.raw_stream.read(_BLOCK_BYTES):
        pass


def _body(record: Any, *, where: str) -> bytes:
    """A page record's HTTP body, de-chunked and decompressed, at most ``MAX_ARTICLE_BYTES``.

    Raises:
        InputError: the body is larger than ``MAX_ARTICLE_BYTES``.
        _Truncated: the record ends before its declared length.
    """
    if record.payload_length is not None and record.payload_length > MAX_ARTICLE_BYTES:
        # Refused unread when the archive says how long it is (no Content-Encoding to expand).
        check_size(record.payload_length, where=where)
    body: bytes = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
    _drain(record)
    if _is_cut(record):
        raise _Truncated
    check_size(len(body), where=where)
    return body


def _decode_page(body: bytes, content_type: str | None, *, where: str) -> str:
    """A page's body as text: by the charset its ``Content-Type`` declares, else sniffed.

    A byte-order mark overrides the declaration (as browsers do), and a declaration Python does
    not know, or that the bytes contradict, falls back to ``decode``'s sniffing.

    Raises:
        InputError: the body is empty, binary or undecodable.
    """
    match = _CHARSET.search(content_type or "")
    if match and not body.startswith(_BOMS):
        try:
            text = body.decode(match.group(1))
        except (LookupError, UnicodeDecodeError):
            logger.info("%s: not in its declared charset %r; guessing", where, match.group(1))
        else:
            if not text.strip():
                raise InputError("the page is empty", where=where)
            if "\x00" in text:
                raise InputError("looks binary, not text", where=where)
            return normalise_newlines(text)
    return decode(body, where=where)


def _capture_date(value: str | None) -> str | None:
    """A ``WARC-Date`` (``2024-03-15T09:30:00Z``) as ``YYYY-MM-DD``; ``None`` when odd."""
    if not value or not _ISO_DATE.match(value.strip()):
        return None
    day = value.strip()[:10]
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    return day


def _broken_archive(path: Path, offset: object, reason: str, *, gzipped: bool) -> InputError:
    """The one error for a cut-off or corrupt archive, naming where reading stopped."""
    at = ""
    if isinstance(offset, int):
        at = f" at byte {offset}" + (" of its decompressed content" if gzipped else "")
    return InputError(
        f"the archive is truncated or corrupt{at} ({reason}); the records before it were read",
        where=str(path),
    )


def _reason(error: BaseException) -> str:
    """An exception's message on one line."""
    return " ".join(str(error).split()) or type(error).__name__


def _read_records(
    handle: IO[bytes], path: Path, ids: _Ids, *, gzipped: bool
) -> Iterator[InputItem | InputError]:
    """The pages of an open archive, stopping with one error where the archive breaks."""
    stream: IO[bytes] | _GzipStream = _GzipStream(handle) if gzipped else handle
    # ARC records are read as WARC ones (same header names) only for ARC files, so a broken
    # WARC record is reported as such instead of being retried as ARC.
    lowered = path.name.lower()
    records = ArchiveIterator(stream, arc2warc=lowered.endswith((".arc", ".arc.gz")))
    stem = archive_stem(path)
    number = 0
    previous: Any = None
    start: object = None
    while True:
        try:
            record = next(records, None)
        except (_Truncated, *_ARCHIVE_ERRORS) as error:
            offset = getattr(records, "offset", None)
            yield _broken_archive(path, offset, _reason(error), gzipped=gzipped)
            return
        if previous is not None and _is_cut(previous):
            reason = "a record ends before its length"
            yield _broken_archive(path, start, reason, gzipped=gzipped)
            return
        if record is None:
            # warcio also ends quietly on a record whose headers are cut short; the bytes
            # after the last whole record then show it.
            offset = getattr(records, "offset", None)
            if isinstance(offset, int) and offset < stream.tell():
                reason = "the last record is incomplete"
                yield _broken_archive(path, offset, reason, gzipped=gzipped)
            return
        previous, start = record, getattr(records, "offset", None)
        if not _is_page(record):
            continue
        number += 1
        where = f"{path}: record {number}"
        url = record.rec_headers.get_header("WARC-Target-URI")
        try:
            body = _body(record, where=where)
            raw = _decode_page(body, record.http_headers.get_header("Content-Type"), where=where)
        except (_Truncated, EOFError, zlib.error, OSError) as error:
            reason = f"record {number} ends before its length"
            if not isinstance(error, _Truncated) or str(error):
                reason = f"record {number}: {_reason(error)}"
            yield _broken_archive(path, start, reason, gzipped=gzipped)
            return
        except InputError as error:
            named = f" ({url})" if url else ""
            yield InputError(f"{error.message}{named}", where=where)
            continue
        yield InputItem(
            id=ids.claim(f"{stem}-{number}"),
            where=where,
            raw=raw,
            published=_capture_date(record.rec_headers.get_header("WARC-Date")),
            url=url or None,
        )


def read_warc(path: Path, ids: _Ids) -> Iterator[InputItem | InputError]:
    """Every archived HTML page of a WARC or ARC file (plain or gzipped), in archive order.

    Args:
        path: the archive (``is_archive_file`` says whether a file is named like one).
        ids: the id registry of the ``iter_inputs`` call, which makes ids unique.

    Yields:
        An ``InputItem`` per ``response`` record with HTTP status 200 and an HTML content type
        (``text/html``, ``application/xhtml+xml``): ``id`` ``<archive stem>-<N>`` (N counts
        these records from 1), ``where`` ``"path: record N"``, ``raw`` the decoded body,
        ``url`` the ``WARC-Target-URI``, ``published`` the ``WARC-Date`` (the capture date,
        which wins over the page's own date in ``to_article``; see the module docstring).
        Other records (requests, metadata, images, redirects, errors) are skipped. A page that
        cannot be decoded yields an ``InputError`` naming its record; a truncated or corrupt
        archive yields one ``InputError`` naming the file, after the pages before the break.
    """
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(f"cannot read it ({error.strerror})", where=str(path))
        return
    with handle:
        try:
            magic = handle.read(2)
            handle.seek(0)
        except OSError as error:
            yield InputError(f"cannot read it ({error.strerror})", where=str(path))
            return
        if not magic:
            yield InputError("the file is empty", where=str(path))
            return
        # Gzipped or not by the content: a ".warc.gz" is not always gzipped, nor a ".warc" plain.
        yield from _read_records(handle, path, ids, gzipped=magic == _GZIP_MAGIC)
