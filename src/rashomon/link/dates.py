"""Resolve when something was said ("on Thursday", "July 12") against the publication date.

News dates statements relative to the day of publication. A bare weekday means the latest
such day on or before publication ("On Thursday" in a Friday paper is yesterday); a month and
day without a year means the latest such date on or before publication. Other expressions
("last week", "yesterday") go to dateparser, anchored on the publication date. Without a
publication date nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

__all__ = ["resolve_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_MONTH_DAY = re.compile(r"^(?:on\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?$")
_DAY_MONTH = re.compile(r"^(?:on\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)$")


def resolve_date(phrase: str, published: str | None) -> str | None:
    """The ISO date ``phrase`` names, relative to ``published`` (YYYY-MM-DD), or ``None``.

    Args:
        phrase: the words of the text, e.g. "Thursday", "July 12", "last week".
        published: the article's publication date; without it the result is ``None``.
    """
    if not published:
        return None
    try:
        anchor = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    words = re.sub(r"[,.]", " ", phrase.lower()).split()
    words = [w for w in words if w not in {"on", "last", "this", "past"}] or words
    cleaned = " ".join(words)
    if cleaned in _WEEKDAYS:
        # "On Thursday" in a paper of Friday 2013-07-26 → 2013-07-25.
        back = (anchor.weekday() - _WEEKDAYS.index(cleaned)) % 7
        if phrase.lower().startswith("last") and back == 0:
            back = 7
        return (anchor - dt.timedelta(days=back)).isoformat()
    month_day = _month_day(cleaned)
    if month_day is not None:
        # "On July 12" → the latest July 12 on or before publication.
        month, day = month_day
        for year in (anchor.year, anchor.year - 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                return None
            if candidate <= anchor:
                return candidate.isoformat()
        return None
    return _dateparser(phrase, anchor)


def _month_day(cleaned: str) -> tuple[int, int] | None:
    for pattern, month_first in ((_MONTH_DAY, True), (_DAY_MONTH, False)):
        match = pattern.match(cleaned)
        if match:
            month_word, day = (match[1], match[2]) if month_first else (match[2], match[1])
            month = _month_number(month_word)
            if month:
                return month, int(day)
    return None


def _month_number(word: str) -> int | None:
    for index, name in enumerate(_MONTHS, start=1):
        if word == name or (len(word) >= 3 and name.startswith(word)):
            return index
    return None


@functools.lru_cache(maxsize=4096)
def _dateparser(phrase: str, anchor: dt.date) -> str | None:
    import dateparser  # imported late: it is slow to load and rarely needed

    base = dt.datetime(anchor.year, anchor.month, anchor.day, 12)
    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
    )
    if parsed is None or parsed.date() > anchor:
        return None
    result: str = parsed.date().isoformat()
    return result
