"""Coded events as tab-separated rows, one event per line, in PETRARCH/Phoenix-style columns.

Event-data researchers load PETRARCH and Phoenix output as TSV; the first columns here
(``date``, ``source_code``, ``target_code``, ``cameo``, ``root_code``, ``quad_class``,
``goldstein``) follow that layout, so existing scripts need few changes. The columns after them
say what rashomon adds: the PLOVER code, the evidential ``status``, the words each code was
read from, the attribution that reports the event, and the sentence it was found in, so that a
reader can check a row without going back to the article.

Every cell is a plain string: ``None`` becomes empty, booleans ``true``/``false``, and tabs or
line breaks inside a value become one space, so a row is always exactly one line with exactly
``len(EVENT_COLUMNS)`` cells and needs no quoting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TextIO

from rashomon.model import Analysis, Article, Event

__all__ = ["EVENT_COLUMNS", "event_rows", "write_events_tsv"]

#: The header line, in order; every row has exactly this many cells.
EVENT_COLUMNS: tuple[str, ...] = (
    "date",
    "source_code",
    "target_code",
    "cameo",
    "root_code",
    "quad_class",
    "goldstein",
    "plover",
    "status",
    "negated",
    "source_text",
    "target_text",
    "trigger",
    "location",
    "article_id",
    "event_id",
    "attribution_id",
    "source_quote",
    "url",
    "sentence",
)

#: The longest ``sentence`` cell: a run-on "sentence" (a table, a list with no full stops)
#: would otherwise put a whole article into one cell.
MAX_SENTENCE_CHARS = 400

# Anything a line-oriented reader would split on (``str.splitlines`` included), and tabs.
_BREAKS = re.compile(r"[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
# A sentence ends at ``.``, ``!`` or ``?`` (closing quotes or brackets allowed) followed by
# white space, or at a line break. Abbreviations ("U.S. forces") cut a sentence short; that is
# accepted: the cell is for a reader's eyes, not for further parsing.
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s|$)|\n")


def event_rows(analysis: Analysis) -> Iterator[list[str]]:
    """The TSV cells of each event of one analysis, in the order of ``analysis.events``.

    Args:
        analysis: one article's analysis.

    Yields:
        One list of ``len(EVENT_COLUMNS)`` cleaned strings per event (no tabs, no line breaks).
    """
    article = analysis.article
    for event in analysis.events:
        yield [_cell(value) for value in _values(analysis, article, event)]


def write_events_tsv(analyses: Iterable[Analysis], stream: TextIO, *, header: bool = True) -> int:
    """Write the events of every analysis to ``stream`` as TSV, one line per event.

    Rows are written as each analysis arrives, so a long (lazy) iterable is streamed rather
    than held in memory.

    Args:
        analyses: the analyses, in the order their rows should appear.
        stream: a text stream; lines end with ``\\n``.
        header: write the ``EVENT_COLUMNS`` line first (false when appending to an output
            that already has it).

    Returns:
        The number of event rows written (the header not counted).
    """
    if header:
        stream.write("\t".join(EVENT_COLUMNS) + "\n")
    written = 0
    for analysis in analyses:
        for row in event_rows(analysis):
            stream.write("\t".join(row) + "\n")
            written += 1
    return written


def _values(analysis: Analysis, article: Article, event: Event) -> tuple[object, ...]:
    """The raw values of one event's row, in ``EVENT_COLUMNS`` order."""
    target = event.target_actor
    return (
        _date(event.date) or _date(article.published),
        event.source_actor.code,
        target.code if target is not None else None,
        event.cameo,
        event.cameo[:2],
        event.quad_class,
        event.goldstein,
        event.plover,
        event.status,
        event.negated,
        event.source_actor.span.text,
        target.span.text if target is not None else None,
        event.trigger.text,
        event.location,
        article.id,
        event.id,
        event.attribution,
        _source_quote(analysis, event.attribution),
        article.url,
        _sentence_around(article.text, event.trigger.start, event.trigger.end),
    )


def _date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of a date or ISO datetime (``None`` when there is none)."""
    return value[:10] if value else None


def _source_quote(analysis: Analysis, attribution_id: str | None) -> str | None:
    """The words naming who reports the event, when the event is linked to an attribution."""
    if attribution_id is None:
        return None
    try:
        source = analysis.attribution(attribution_id).source
    except KeyError:
        # A dangling link is the events layer's bug; the row is still worth writing.
        return None
    return source.text if source is not None else None


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]``, at most ``MAX_SENTENCE_CHARS`` long.

    The sentence runs from just after the last sentence end or line break before ``start`` to
    the next one at or after ``end`` (its punctuation kept). This is a heuristic, not the
    parser's segmentation: the model keeps no ``Doc``, and the cell only has to show a reader
    the context. A longer stretch is cut to a window around the span.

    Args:
        text: the article's text.
        start: where the span (the event's trigger) starts.
        end: where it ends.

    Returns:
        The sentence, stripped of surrounding white space.
    """
    first = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - MAX_SENTENCE_CHARS), start):
        first = match.end()
    following = _SENTENCE_END.search(text, end)
    last = following.end() if following is not None else len(text)
    if last - first > MAX_SENTENCE_CHARS:
        # Centre the window on the span, then keep it inside the sentence.
        first = max(first, min(start - MAX_SENTENCE_CHARS // 2, last - MAX_SENTENCE_CHARS))
        last = min(last, first + MAX_SENTENCE_CHARS)
    return text[first:last].strip()


def _cell(value: object) -> str:
    """One TSV cell: empty for ``None``, ``true``/``false`` for booleans, one line, no tabs."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _BREAKS.sub(" ", str(value))
