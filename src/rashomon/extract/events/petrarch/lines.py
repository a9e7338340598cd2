"""Line reading shared by every PETRARCH/TABARI dictionary reader.

All the dictionary files share one lexical layer: comments in three styles
(``# ...`` to the end of the line, the legacy KEDS/TABARI ``; ...``, and
XML-style ``<!-- ... -->`` that may span lines), blank lines that carry no
meaning (except in the verb file, where the readers do not need them), and
upper-case matching. This module strips that layer once, so each reader only
sees numbered lines of content and can name the line in its errors.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import LexiconError

__all__ = ["SourceLine", "content_lines", "fail", "read_text", "warn"]

_log = logging.getLogger(__name__)

_XML_OPEN = "<!"
_XML_CLOSE = "-->"


@dataclass(frozen=True)
class SourceLine:
    """One line of dictionary content with its comments removed.

    Attributes:
        source: The file name (or ``<string>``) the line came from, for messages.
        number: The 1-based line number in that file.
        text: The content, comments removed, trailing blanks stripped. Leading
            whitespace is kept because the actor format gives it meaning
            (an indented line is a date restriction).
    """

    source: str
    number: int
    text: str

    @property
    def where(self) -> str:
        """The ``file:line`` string used in error messages."""
        return f"{self.source}:{self.number}"


def read_text(path: Path) -> str:
    """Read a dictionary file as text, turning I/O problems into a LexiconError.

    The files are nominally ASCII; a few carry stray Latin-1 bytes, so bytes
    that are not UTF-8 are replaced rather than rejected.

    Args:
        path: The file to read.

    Returns:
        The whole file as a string.

    Raises:
        LexiconError: The file is missing or unreadable.
    """
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as error:
        raise LexiconError(
            f"cannot read dictionary file ({error.strerror}); check the path",
            where=str(path),
        ) from error


def fail(line: SourceLine, message: str) -> LexiconError:
    """Build the one-line error for a malformed line.

    Args:
        line: The offending line.
        message: What is wrong and what to do, without the location.

    Returns:
        A LexiconError whose ``where`` is ``file:line``; the caller raises it.
    """
    return LexiconError(f"{message}: {line.text.strip()!r}", where=line.where)


def warn(line: SourceLine, message: str) -> None:
    """Log a tolerated irregularity of a real dictionary file.

    The published PETRARCH files contain a handful of slips (a ``}`` closing
    a ``[``, a missing ``]``, a seven-digit date). PETRARCH itself accepts
    them, so rejecting them would make the reference files unreadable; they are
    logged so a dictionary editor can find them.

    Args:
        line: The irregular line.
        message: What was tolerated and how it was read.
    """
    _log.warning("%s: %s: %r", line.where, message, line.text.strip())


def content_lines(text: str, source: str) -> Iterator[SourceLine]:
    """Yield the non-blank lines of a dictionary with comments removed.

    ``#`` and ``;`` start a comment that runs to the end of the line. ``<!``
    starts an XML-style comment that runs to the next ``-->``, possibly on a
    later line; PETRARCH's own files also write ``<! --``, so the opening is
    matched loosely.

    Args:
        text: The whole file.
        source: The file name to report in messages.

    Yields:
        One SourceLine per line that still holds something after comments
        are removed.
    """
    in_xml_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw
        if in_xml_comment:
            end = line.find(_XML_CLOSE)
            if end < 0:
                continue
            line = line[end + len(_XML_CLOSE) :]
            in_xml_comment = False
        line, in_xml_comment = _strip_xml_comments(line)
        line = _strip_line_comment(line)
        if line.strip():
            yield SourceLine(source, number, line.rstrip())


def _strip_xml_comments(line: str) -> tuple[str, bool]:
    """Remove ``<!...-->`` spans; report whether a comment stays open."""
    kept = []
    rest = line
    while True:
        start = rest.find(_XML_OPEN)
        if start < 0:
            kept.append(rest)
            return "".join(kept), False
        kept.append(rest[:start])
        end = rest.find(_XML_CLOSE, start + len(_XML_OPEN))
        if end < 0:
            return "".join(kept), True
        rest = rest[end + len(_XML_CLOSE) :]


def _strip_line_comment(line: str) -> str:
    """Cut the line at the first ``#`` or ``;`` outside ``[...]``.

    Codes such as ``[###]`` (TABARI's discard code) hold a ``#`` that is data.
    """
    if "[" not in line:
        cuts = [line.find(marker) for marker in "#;" if marker in line]
        return line[: min(cuts)] if cuts else line
    depth = 0
    for position, character in enumerate(line):
        if character == "[":
            depth += 1
        elif character == "]":
            depth = max(depth - 1, 0)
        elif character in "#;" and depth == 0:
            return line[:position]
    return line
