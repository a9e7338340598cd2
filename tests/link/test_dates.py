"""When something was said, resolved against the publication date (never guessed without one)."""

from __future__ import annotations

import pytest

from rashomon.link.dates import resolve_date


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("Thursday", "2013-07-26", "2013-07-25"),  # a Friday paper: yesterday
        ("Friday", "2013-07-26", "2013-07-26"),  # the same day
        ("Sunday", "2013-07-26", "2013-07-21"),
        ("last Friday", "2013-07-26", "2013-07-19"),  # "last" skips the day itself
        ("July 12", "2013-07-26", "2013-07-12"),
        ("12 July", "2013-07-26", "2013-07-12"),
        ("Dec. 30", "2013-01-04", "2012-12-30"),  # the latest such date: last year
        ("yesterday", "2013-07-26", "2013-07-25"),
        ("last week", "2013-07-26", "2013-07-19"),
        ("Thursday", "2013-07-26T18:00:00", "2013-07-25"),
    ],
)
def test_dates_resolved_against_publication(phrase: str, published: str, expected: str) -> None:
    assert resolve_date(phrase, published) == expected


@pytest.mark.parametrize(
    ("phrase", "published"),
    [
        ("Thursday", None),
        ("July 12", ""),
        ("Thursday", "not a date"),
        ("February 30", "2013-07-26"),
    ],
)
def test_dates_unresolved_stay_none(phrase: str, published: str | None) -> None:
    assert resolve_date(phrase, published) is None
