"""Tests for actor coding: source phrases → role, affiliation, country, sector, code, type."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.actors import (
    ActorCoder,
    ActorDescription,
    load_countries_v1,
    load_organisations_v1,
    load_roles_v1,
)
from rashomon.lexicons import lexicons

Expected = tuple[str | None, str | None, str | None, str | None, str | None, str | None]


@pytest.fixture(scope="module")
def coder() -> ActorCoder:
    return ActorCoder.default()


def fields(description: ActorDescription) -> Expected:
    """The description as (role, affiliation, country, sector, actor_code, type)."""
    return (
        description.role,
        description.affiliation,
        description.country,
        description.sector,
        description.actor_code,
        description.type,
    )


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "Pakistan's Foreign Office spokesman Ali Khan",
            ("spokesman", "Pakistan's Foreign Office", "PAK", "GOV", "PAKGOV", "person"),
        ),
        (
            "Spokesman for Pakistan's Interior Ministry, Ali Khan",
            ("spokesman", "Pakistan's Interior Ministry", "PAK", "GOV", "PAKGOV", "person"),
        ),
        (
            "Pakistan's envoy in Damascus Ali Khan",
            ("envoy", "Pakistan", "PAK", "GOV", "PAKGOV", "person"),
        ),
        ("the Indian army", (None, "Indian army", "IND", "MIL", "INDMIL", "organisation")),
        (
            "Tehrik-i-Taliban Pakistan (TTP) commanders in Pakistan",
            ("commander", "Tehrik-i-Taliban Pakistan", "PAK", "INS", "PAKINS", "group"),
        ),
        ("a Taliban commander", ("commander", "Taliban", "AFG", "INS", "AFGINS", "person")),
        (
            "Mohammad Khan, a Taliban operative and coordinator of the base",
            ("operative", "Taliban", "AFG", "INS", "AFGINS", "person"),
        ),
        ("Damascus", (None, "Damascus", "SYR", "GOV", "SYRGOV", "country")),
        ("the foreign ministry", (None, "foreign ministry", None, "GOV", None, "organisation")),
        (
            "French President Emmanuel Macron",
            ("president", "French", "FRA", "GOV", "FRAGOV", "person"),
        ),
        ("U.S. officials", ("official", "U.S.", "USA", "GOV", "USAGOV", "group")),
        ("the United Nations", (None, "United Nations", None, "IGO", "IGOUNO", "organisation")),
        ("Syrian rebels", ("rebel", "Syrian", "SYR", "REB", "SYRREB", "group")),
        (
            "a senior official who declined to be named",
            ("official", None, None, "GOV", None, "person"),
        ),
        ("residents", ("resident", None, None, "CVL", None, "group")),
        (
            "The New York Times",
            (None, "New York Times", "USA", "MED", "USAMED", "organisation"),
        ),
    ],
)
def test_describe_news_source_phrases(coder: ActorCoder, phrase: str, expected: Expected) -> None:
    assert fields(coder.describe(phrase)) == expected


@pytest.mark.parametrize(
    ("phrase", "country", "code"),
    [
        ("Pakistani officials", "PAK", "PAKGOV"),
        ("Israeli troops", "ISR", "ISRMIL"),
        ("Congolese soldiers", "COD", "CODMIL"),
        ("the South Korean president", "KOR", "KORGOV"),
        ("British MPs", "GBR", "GBRLEG"),
        ("the Afghan government", "AFG", "AFGGOV"),
        ("North Korean state media", "PRK", "PRKMED"),
    ],
)
def test_describe_demonyms(coder: ActorCoder, phrase: str, country: str, code: str) -> None:
    description = coder.describe(phrase)
    assert (description.country, description.actor_code) == (country, code)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("Damascus", "SYRGOV"), ("Islamabad", "PAKGOV"), ("Kyiv", "UKRGOV"), ("Washington", "USAGOV")],
)
def test_describe_capital_as_metonymy_for_government(
    coder: ActorCoder, phrase: str, code: str
) -> None:
    description = coder.describe(phrase)
    assert (description.sector, description.actor_code, description.type) == (
        "GOV",
        code,
        "country",
    )


@pytest.mark.parametrize(
    ("phrase", "country", "code"),
    [
        ("Pakistan's envoy in Damascus", "PAK", "PAKGOV"),
        ("the ambassador in Damascus", None, None),
        ("a diplomat from France", "FRA", "FRAGOV"),
        ("the US ambassador to the UN", "USA", "USAGOV"),
        ("Pakistan's ambassador to the UN", "PAK", "PAKGOV"),
        ("a BBC correspondent in Kabul", "GBR", "GBRMED"),
        ("officials in Kabul", "AFG", "AFGGOV"),
        ("the embassy of Pakistan in Damascus", "PAK", "PAKGOV"),
    ],
)
def test_describe_posting_is_not_nationality(
    coder: ActorCoder, phrase: str, country: str | None, code: str | None
) -> None:
    description = coder.describe(phrase)
    assert (description.country, description.actor_code) == (country, code)


@pytest.mark.parametrize(
    ("phrase", "code", "kind"),
    [
        ("the UN", "IGOUNO", "organisation"),
        ("UN envoy to Syria", "IGOUNO", "person"),
        ("WHO officials", "IGOUNOWHO", "group"),
        ("the European Union", "IGOEUR", "organisation"),
        ("NATO", "IGONAT", "organisation"),
        ("an African Union spokeswoman", "IGOAFU", "person"),
    ],
)
def test_describe_intergovernmental_organisations(
    coder: ActorCoder, phrase: str, code: str, kind: str
) -> None:
    description = coder.describe(phrase)
    assert (description.sector, description.actor_code, description.type) == ("IGO", code, kind)
    assert description.country is None


@pytest.mark.parametrize(
    ("phrase", "country", "sector", "code"),
    [
        ("the Pakistani Taliban", "PAK", "INS", "PAKINS"),
        ("al-Qaeda", None, "INS", "IMGALQ"),
        ("Islamic State fighters", None, "INS", "IMGISL"),
        ("Hamas officials", "PSE", "REB", "PSEREB"),
        ("a Hezbollah commander", "LBN", "REB", "LBNREB"),
        ("Boko Haram militants", "NGA", "INS", "NGAINS"),
        ("the Houthis", "YEM", "REB", "YEMREB"),
        ("Al-Shabab gunmen", "SOM", "INS", "SOMINS"),
    ],
)
def test_describe_armed_groups(
    coder: ActorCoder, phrase: str, country: str | None, sector: str, code: str
) -> None:
    description = coder.describe(phrase)
    assert (description.country, description.sector, description.actor_code) == (
        country,
        sector,
        code,
    )


@pytest.mark.parametrize(
    ("phrase", "role", "sector"),
    [
        ("a spokesman", "spokesman", "GOV"),
        ("lawmakers", "lawmaker", "LEG"),
        ("an opposition leader", "opposition leader", "OPP"),
        ("the prosecutor", "prosecutor", "JUD"),
        ("police officers", "police officer", "COP"),
        ("protesters", "protester", "CVL"),
        ("a journalist", "journalist", "MED"),
    ],
)
def test_describe_role_without_country_has_no_code(
    coder: ActorCoder, phrase: str, role: str, sector: str
) -> None:
    description = coder.describe(phrase)
    assert (description.role, description.sector) == (role, sector)
    assert description.country is None and description.actor_code is None


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (
            "Israel's defence minister",
            ("defence minister", "Israel", "ISR", "GOV", "ISRGOV", "person"),
        ),
        (
            "Britain's Foreign Office",
            (None, "Britain's Foreign Office", "GBR", "GOV", "GBRGOV", "organisation"),
        ),
        ("the army's commander", ("commander", "army", None, "MIL", None, "person")),
        (
            "the Minister of Foreign Affairs of Pakistan",
            ("foreign minister", "Pakistan", "PAK", "GOV", "PAKGOV", "person"),
        ),
    ],
)
def test_describe_possessives_and_of_phrases(
    coder: ActorCoder, phrase: str, expected: Expected
) -> None:
    assert fields(coder.describe(phrase)) == expected


@pytest.mark.parametrize(
    ("phrase", "role", "kind"),
    [
        ("a U.S. official", "official", "person"),
        ("U.S. officials", "official", "group"),
        ("two spokesmen", "spokesman", "group"),
        ("policemen", "policeman", "group"),
        ("a secretary", None, None),
        ("the deputies", None, None),
        ("Syrian soldiers", "soldier", "group"),
        ("Syrians", None, "group"),
        ("Syria", None, "country"),
    ],
)
def test_describe_plurals_are_groups(
    coder: ActorCoder, phrase: str, role: str | None, kind: str | None
) -> None:
    description = coder.describe(phrase)
    assert (description.role, description.type) == (role, kind)


@pytest.mark.parametrize(
    ("phrase", "role", "sector", "kind"),
    [
        ("a rebel leader", "leader", "REB", "person"),
        ("rebel forces", None, "REB", "organisation"),
        ("government soldiers", "soldier", "MIL", "group"),
        ("an army spokesman", "spokesman", "MIL", "person"),
        ("the Chinese foreign ministry spokesperson", "spokesperson", "GOV", "person"),
    ],
)
def test_describe_compound_roles(
    coder: ActorCoder, phrase: str, role: str | None, sector: str, kind: str
) -> None:
    description = coder.describe(phrase)
    assert (description.role, description.sector, description.type) == (role, sector, kind)


@pytest.mark.parametrize(
    "phrase",
    [
        "he",
        "sources close to the talks",
        "an analyst",
        "the company",
        "who",
        "told us",
        "Ali Khan",
        "Residents of turkey farms",
        "",
    ],
)
def test_describe_no_code(coder: ActorCoder, phrase: str) -> None:
    description = coder.describe(phrase)
    assert description.actor_code is None and description.country is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [("US officials", "USAGOV"), ("us officials", None), ("WHO", "IGOUNOWHO"), ("who", None)],
)
def test_describe_acronyms_match_only_in_capitals(
    coder: ActorCoder, phrase: str, code: str | None
) -> None:
    assert coder.describe(phrase).actor_code == code


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Pakistani", "PAK"),
        ("Damascus", "SYR"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("britain", "GBR"),
        ("Côte d'Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Sana'a", "YEM"),
        ("Bogota", "COL"),
        ("Pakistanis", "PAK"),
        ("us", None),
        ("Taliban", None),
        ("Ali Khan", None),
    ],
)
def test_country_of_names_demonyms_and_capitals(
    coder: ActorCoder, word: str, code: str | None
) -> None:
    assert coder.country_of(word) == code


def test_countries_table_covers_iso_3166() -> None:
    pycountry = pytest.importorskip("pycountry")
    codes = [row["code"] for row in load_countries_v1()]
    assert len(codes) == len(set(codes))
    assert set(codes) == {country.alpha_3 for country in pycountry.countries}


def test_countries_table_no_name_for_two_countries() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for row in load_countries_v1():
        for cell in ("names", "demonyms", "capitals"):
            for value in filter(None, row[cell].split("|")):
                key = unicodedata.normalize("NFKD", value.lower())
                if seen.setdefault(key, row["code"]) != row["code"]:
                    clashes.append((value, seen[key], row["code"]))
    assert clashes == []


@pytest.mark.parametrize(
    ("name", "loader"),
    [
        ("rashomon.countries.v1", load_countries_v1),
        ("rashomon.roles.v1", load_roles_v1),
        ("rashomon.organisations.v1", load_organisations_v1),
    ],
)
def test_lexicons_registry_has_actor_loaders(
    name: str, loader: Callable[[], tuple[dict[str, str], ...]]
) -> None:
    registered: Callable[[], tuple[dict[str, str], ...]] = lexicons.get(name)
    assert registered is loader
    assert len(registered()) > 10


@pytest.mark.parametrize(
    "organisations",
    [
        [{"names": "Some Front", "code": "", "country": "XYZ", "sector": "REB"}],
        [{"names": "Some Front", "code": "bad", "country": "", "sector": "REB"}],
    ],
)
def test_coder_rejects_bad_organisation_rows(organisations: list[dict[str, str]]) -> None:
    countries = [
        {"code": "PAK", "name": "Pakistan", "names": "Pakistan", "demonyms": "", "capitals": ""}
    ]
    with pytest.raises(LexiconError):
        ActorCoder(countries, [], organisations)


def test_coder_default_is_built_once() -> None:
    assert ActorCoder.default() is ActorCoder.default()
