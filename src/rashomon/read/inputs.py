"""Paths to articles: files, folders, JSON Lines, feeds, web archives and stdin, one at a time.

``iter_inputs`` turns what a user names on the command line into ``InputItem``s (decoded text
or HTML, not yet parsed); RSS/Atom feeds (``feeds``) and WARC archives (``warc``) give one item
per entry or archived page. It *yields* an ``InputError`` for an input it cannot read instead of
raising, so that one bad file among thousands is reported and the batch goes on (SPEC "Bad
input"). It reads lazily, one file or one line at a time, so memory stays flat over a folder
of any size, and it gives every item a unique id (the JSON output's ``article.id``).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TextIO

from rashomon.errors import InputError
from rashomon.read.decode import check_size, decode, normalise_newlines

__all__ = ["InputItem", "iter_inputs"]

logger = logging.getLogger(__name__)

_STDIN = "<stdin>"
_OPTIONAL_FIELDS = ("published", "url", "outlet")


@dataclass(frozen=True)
class InputItem:
    """One article to analyse, before parsing.

    Attributes:
        id: the file's stem, the ``id`` field of a JSON Lines record, ``<stem>-<N>`` for a
            feed's Nth entry or an archive's Nth page, or ``"stdin"``; unique within one
            ``iter_inputs`` call.
        where: what to name in an error: the path, ``"path:line N"``, ``"path: entry N"``,
            ``"path: record N"``, or ``"<stdin>"``.
        raw: the decoded text or HTML.
        published: the publication date a JSON Lines record or feed entry gives, or the
            capture date of an archived page, if any.
        url: the address a JSON Lines record, feed entry or archive record gives, if any.
        outlet: the outlet a JSON Lines record gives, or a feed's title, if any.
        title: the title a feed entry gives, if any.
    """

    id: str
    where: str
    raw: str
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


class _Ids:
    """Hands out unique ids: a second "report" becomes "report-2", a third "report-3".

    With ``unique=False`` ids pass through as they are: the set of ids taken grows with
    every article read, which a corpus ingest (keyed by text, not by id) must not pay for.
    """

    def __init__(self, *, unique: bool = True) -> None:
        self._taken: set[str] = set()
        self._unique = unique

    def claim(self, wanted: str) -> str:
        """Return ``wanted``, or ``wanted-N`` with the smallest N ≥ 2 not yet taken."""
        if not self._unique:
            return wanted
        candidate, number = wanted, 1
        while candidate in self._taken:
            number += 1
            candidate = f"{wanted}-{number}"
        self._taken.add(candidate)
        return candidate


def _read_stdin(stdin: TextIO | BinaryIO | None) -> str:
    """Read all of stdin as text (bytes are decoded like a file's)."""
    stream: TextIO | BinaryIO = stdin if stdin is not None else sys.stdin.buffer
    data = stream.read()
    if isinstance(data, bytes):
        return decode(data, where=_STDIN)
    text = normalise_newlines(data)
    if not text.strip():
        raise InputError("the input is empty", where=_STDIN)
    return text


def _walk(folder: Path) -> Iterator[Path]:
    """Every regular, non-hidden file under ``folder``, recursively, in sorted order."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        logger.warning("%s: cannot list the folder (%s)", folder, error.strerror)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)


def _optional_text(record: dict[str, object], key: str, *, where: str) -> str | None:
    """A record's optional string field; anything but a string or null is an error."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"the field {key!r} must be a string", where=where)


def _parse_record(line: bytes, *, stem: str, number: int, where: str) -> InputItem:
    """One JSON Lines record as an item carrying the id it asks for (made unique later).

    Raises:
        InputError: the line is not a JSON object with a ``text`` or ``html`` string.
    """
    check_size(len(line), where=where)
    try:
        record = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as error:
        raise InputError("is not UTF-8", where=where) from error
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg})", where=where) from error
    if not isinstance(record, dict):
        raise InputError("is not a JSON object", where=where)
    text, html = record.get("text"), record.get("html")
    if (text is None) == (html is None):
        raise InputError("needs exactly one of the fields 'text' and 'html'", where=where)
    raw = text if text is not None else html
    if not isinstance(raw, str):
        raise InputError("the field 'text' or 'html' must be a string", where=where)
    raw = normalise_newlines(raw)
    if not raw.strip():
        raise InputError("the text is empty", where=where)
    wanted = record.get("id")
    if isinstance(wanted, int) and not isinstance(wanted, bool):
        wanted = str(wanted)
    if wanted is None:
        wanted = f"{stem}-{number}"
    if not isinstance(wanted, str) or not wanted.strip():
        raise InputError("the field 'id' must be a non-empty string", where=where)
    fields = {key: _optional_text(record, key, where=where) for key in _OPTIONAL_FIELDS}
    return InputItem(id=wanted.strip(), where=where, raw=raw, **fields)


def _read_jsonl(path: Path, ids: _Ids) -> Iterator[InputItem | InputError]:
    """One item per non-blank line of a JSON Lines file; a bad line yields its error."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield InputError(f"cannot read it ({error.strerror})", where=str(path))
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:line {number}"
            try:
                item = _parse_record(line, stem=path.stem, number=number, where=where)
            except InputError as error:
                yield error
                continue
            yield replace(item, id=ids.claim(item.id))


def _read_file(path: Path, ids: _Ids) -> Iterator[InputItem | InputError]:
    """A single article file, or every record of a ``.jsonl`` file, feed or web archive."""
    # Imported here, not at the top: these modules build InputItems, so they import this one.
    from rashomon.read.feeds import is_feed_file, read_feed
    from rashomon.read.warc import is_archive_file, read_warc

    if path.suffix.lower() == ".jsonl":
        yield from _read_jsonl(path, ids)
        return
    if is_archive_file(path):
        yield from read_warc(path, ids)
        return
    if is_feed_file(path):
        yield from read_feed(path, ids)
        return
    where = str(path)
    try:
        # Refuse a huge file before reading it, so memory stays bounded.
        check_size(path.stat().st_size, where=where)
        raw = decode(path.read_bytes(), where=where)
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(f"cannot read it ({error.strerror})", where=where)
        return
    yield InputItem(id=ids.claim(path.stem), where=where, raw=raw)


def iter_inputs(
    paths: Sequence[str],
    *,
    stdin: TextIO | BinaryIO | None = None,
    unique_ids: bool = True,
) -> Iterator[InputItem | InputError]:
    """Every article the given paths name, in order, with errors yielded in their place.

    Args:
        paths: files, folders (read recursively, sorted, hidden files skipped), ``.jsonl``
            files (one article per line: ``id``, ``text`` or ``html``, and optional
            ``published``, ``url``, ``outlet``), RSS/Atom feed files (``.rss``, ``.atom`` or
            ``.xml`` with a feed's root element: one article per entry, see
            ``feeds.read_feed``), WARC/ARC archives (``.warc``, ``.warc.gz``, ``.arc``,
            ``.arc.gz``: one article per archived HTML page, see ``warc.read_warc``), or
            ``"-"`` for stdin. Any other ``.xml`` file is read as one article.
        stdin: the stream ``"-"`` reads; ``sys.stdin``'s bytes when not given.
        unique_ids: make ids unique ("report", "report-2"); off, an id is the file stem
            or the line's ``id`` as it is, and nothing is remembered from one item to the
            next (what a corpus ingest of millions of articles needs).

    Yields:
        An ``InputItem`` per article, or an ``InputError`` for a path, file, line, feed entry
        or archive record that cannot be read (missing, empty, binary, undecodable, bad JSON,
        an unreadable feed, a truncated archive), so the batch goes on.
    """
    ids = _Ids(unique=unique_ids)
    for name in paths:
        if name == "-":
            try:
                raw = _read_stdin(stdin)
            except InputError as error:
                yield error
                continue
            yield InputItem(id=ids.claim("stdin"), where=_STDIN, raw=raw)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, ids)
        elif path.is_file():
            yield from _read_file(path, ids)
        elif path.exists():
            yield InputError("not a regular file or folder", where=name)
        else:
            yield InputError("no such file or folder", where=name)
