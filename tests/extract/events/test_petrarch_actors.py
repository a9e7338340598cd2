"""Actor dictionary reader: phrases, synonyms, date restrictions, errors."""

from __future__ import annotations

import datetime

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.events.petrarch import parse_actors, parse_dictionary_date

ACTORS = """\
# a comment line
FREEDONIA_  [FRD]   # trailing comment
+FREEDONIAN_
+REPUBLIC_OF_FREEDONIA
RUFUS_T_FIREFLY_  ; legacy comment
+FIREFLY
\t[FRDELI 19300101-331117]
\t[FRDGOV >331117]
\t[FRDELI]
AMBASSADOR TRENTINO
\t[SYLGOV <330101]
<!-- an XML comment
spanning lines -->
SYLVANIA [SYL]
"""


def test_actors_synonyms_share_the_entry() -> None:
    actors = parse_actors(ACTORS)
    assert len(actors) == 4
    assert actors.codes_for(["Freedonian"], None) == ["FRD"]
    assert actors.codes_for("republic of freedonia".split(), None) == ["FRD"]


@pytest.mark.parametrize(
    ("date", "codes"),
    [
        (datetime.date(1932, 6, 1), ["FRDELI"]),
        (datetime.date(1933, 11, 17), ["FRDELI", "FRDGOV"]),
        (datetime.date(1940, 1, 1), ["FRDGOV"]),
        (datetime.date(1920, 1, 1), ["FRDELI"]),
        (None, ["FRDELI"]),
    ],
)
def test_actors_date_restrictions_select_codes(
    date: datetime.date | None, codes: list[str]
) -> None:
    actors = parse_actors(ACTORS)
    assert actors.codes_for(["Firefly", "said"], date) == codes


NESTED = """\
PRINCE_IMRAHIL [DOL]
\t[DOLMIL 20080120-20121109]
\t[DOLGOV 20100109-20100112]
"""


@pytest.mark.parametrize(
    ("date", "codes"),
    [
        (datetime.date(2009, 6, 1), ["DOLMIL"]),
        (datetime.date(2010, 1, 10), ["DOLGOV"]),
        (datetime.date(2010, 1, 12), ["DOLGOV"]),
        (datetime.date(2011, 6, 1), ["DOLMIL"]),
        (datetime.date(2014, 1, 1), ["DOL"]),
    ],
)
def test_actors_restriction_inside_another_overrides_it(
    date: datetime.date, codes: list[str]
) -> None:
    # A commander 2008-2012 who governed for three days in 2010 is coded as
    # governing on those days only.
    actors = parse_actors(NESTED)
    assert actors.codes_for(["Prince", "Imrahil"], date) == codes


def test_actors_restriction_without_default_applies_only_in_range() -> None:
    actors = parse_actors(ACTORS)
    phrase = ["AMBASSADOR", "TRENTINO"]
    assert actors.codes_for(phrase, datetime.date(1932, 1, 1)) == ["SYLGOV"]
    assert actors.codes_for(phrase, datetime.date(1934, 1, 1)) == []
    assert actors.codes_for(phrase, None) == ["SYLGOV"]


def test_actors_longest_match_from_the_first_token() -> None:
    actors = parse_actors("FREEDONIA [FRD]\nFREEDONIA_ARMY [FRDMIL]\n")
    assert actors.codes_for(["freedonia", "army", "units"], None) == ["FRDMIL"]
    assert actors.codes_for(["freedonia", "navy"], None) == ["FRD"]
    assert actors.codes_for(["the", "freedonia"], None) == []
    assert actors.codes_for([], None) == []


def test_actors_xml_comment_and_iter_entries() -> None:
    entries = list(parse_actors(ACTORS).iter_entries())
    assert [entry.phrase for entry in entries][-1] == ("SYLVANIA",)
    assert entries[1].synonyms == (("FIREFLY",),)
    assert entries[1].line == 5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("300101", datetime.date(2030, 1, 1)),
        ("310101", datetime.date(1931, 1, 1)),
        ("990230", None),
        ("2004017", None),
        ("20090120", datetime.date(2009, 1, 20)),
    ],
)
def test_actors_dictionary_dates(text: str, expected: datetime.date | None) -> None:
    if expected is None:
        with pytest.raises(ValueError):
            parse_dictionary_date(text)
    else:
        assert parse_dictionary_date(text) == expected


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("+ORPHAN_SYNONYM\n", 1),
        ("\t[FRD]\n", 1),
        ("FREEDONIA [FRD\n", 1),
        ("FREEDONIA\n\t[FRD ~300101]\n", 2),
        ("FREEDONIA []\n", 1),
    ],
)
def test_actors_malformed_line_raises_naming_it(text: str, line: int) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_actors(text, source="test.actors.txt")
    assert caught.value.where == f"test.actors.txt:{line}"
    assert "\n" not in str(caught.value)


def test_actors_unreadable_date_is_skipped_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    actors = parse_actors("FREEDONIA\n\t[FRDGOV 2004017-20061201]\n\t[FRD]\n")
    assert actors.codes_for(["FREEDONIA"], datetime.date(2005, 1, 1)) == ["FRD"]
    assert "2004017" in caplog.text
