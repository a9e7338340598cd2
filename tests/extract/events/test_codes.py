"""The CAMEO code table: lookups, fallbacks to parent codes, and checks on malformed rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.events.codes import (
    PLOVER_TYPES,
    CameoCode,
    CameoCodes,
    load_cameo_codes_v1,
)
from rashomon.lexicons import lexicons

ROOTS = [f"{number:02d}" for number in range(1, 21)]


def _row(code: str, quad: str = "", goldstein: str = "", plover: str = "") -> dict[str, str]:
    return {
        "code": code,
        "name": f"code {code}",
        "quad_class": quad,
        "goldstein": goldstein,
        "plover": plover,
    }


@pytest.fixture(scope="module")
def codes() -> CameoCodes:
    return CameoCodes.default()


def test_codes_table_has_every_root_and_about_three_hundred_codes(codes: CameoCodes) -> None:
    assert [code for code in ROOTS if code not in codes] == []
    assert 280 <= len(codes) <= 340


@pytest.mark.parametrize("root", ROOTS)
def test_codes_root_quad_class_follows_cameo_blocks(codes: CameoCodes, root: str) -> None:
    number = int(root)
    expected = 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4
    assert codes.quad_class(root) == expected


@pytest.mark.parametrize("root", ROOTS)
def test_codes_root_goldstein_sign_matches_cooperation_or_conflict(
    codes: CameoCodes, root: str
) -> None:
    goldstein = codes.goldstein(root)
    if codes.quad_class(root) >= 3:
        assert goldstein < 0
    elif root == "09":
        # Investigation counts as material cooperation in CAMEO, yet weighs mildly negative.
        assert -3 < goldstein < 0
    else:
        assert goldstein >= 0


def test_codes_every_sub_code_shares_its_root_quad_class(codes: CameoCodes) -> None:
    assert [c.code for c in codes if c.quad_class != codes.quad_class(c.root)] == []


def test_codes_every_parent_is_listed(codes: CameoCodes) -> None:
    assert [c.code for c in codes if c.parent is not None and c.parent not in codes] == []


@pytest.mark.parametrize("code", ["19", "190", "191", "193", "194", "195", "1951", "196"])
def test_codes_fight_is_plover_assault(codes: CameoCodes, code: str) -> None:
    assert codes.plover(code) == "ASSAULT"


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("020", "REQUEST"),
        ("036", "AGREE"),
        ("042", "CONSULT"),
        ("051", "SUPPORT"),
        ("057", "AGREE"),
        ("061", "COOPERATE"),
        ("073", "AID"),
        ("0841", "CONCEDE"),
        ("0874", "RETREAT"),
        ("091", "ACCUSE"),
        ("1053", "REQUEST"),
        ("112", "ACCUSE"),
        ("125", "REJECT"),
        ("1384", "THREATEN"),
        ("141", "PROTEST"),
        ("154", "MOBILIZE"),
        ("163", "SANCTION"),
        ("173", "COERCE"),
        ("1823", "ASSAULT"),
        ("2041", "ASSAULT"),
    ],
)
def test_codes_plover_mapping_of_common_codes(codes: CameoCodes, code: str, plover: str) -> None:
    assert codes.plover(code) == plover


def test_codes_public_statements_have_no_plover_type(codes: CameoCodes) -> None:
    assert codes.plover("01") is None
    assert codes.plover("010") is None


def test_codes_every_plover_type_is_used(codes: CameoCodes) -> None:
    used = {c.plover for c in codes}
    assert [plover for plover in PLOVER_TYPES if plover not in used] == []
    assert len(PLOVER_TYPES) == 16


@pytest.mark.parametrize(
    ("code", "root"), [("193", "19"), ("0231", "02"), ("20", "20"), ("1951", "19")]
)
def test_codes_root_of_code(code: str, root: str) -> None:
    assert CameoCodes.root(code) == root


@pytest.mark.parametrize("code", ["", "1", "21", "00", "19a", "19511", "x19"])
def test_codes_root_rejects_malformed_codes(code: str) -> None:
    with pytest.raises(ValueError):
        CameoCodes.root(code)


def test_codes_get_and_find(codes: CameoCodes) -> None:
    entry = codes.get("193")
    assert entry == CameoCode("193", "Fight with small arms and light weapons", 4, -10.0, "ASSAULT")
    assert entry.root == "19" and entry.parent == "19"
    assert codes.find("1999") is None
    with pytest.raises(KeyError):
        codes.get("1999")


def test_codes_unlisted_sub_code_borrows_nearest_ancestor(codes: CameoCodes) -> None:
    assert codes.find("1957") is None
    assert codes.goldstein("1957") == codes.goldstein("195")
    assert codes.plover("1957") == "ASSAULT"
    assert codes.quad_class("0489") == 1


def test_codes_empty_cells_inherit_from_parent() -> None:
    table = CameoCodes(
        [
            _row("07", "2", "7.0", "AID"),
            _row("072", "", "8.3", ""),
            _row("0721"),
            _row("01", "1", "0.0"),
            _row("015", "1", "", "CONCEDE"),
        ]
    )
    assert table.get("0721") == CameoCode("0721", "code 0721", 2, 8.3, "AID")
    assert table.get("015").goldstein == 0.0
    assert table.plover("01") is None
    assert table.plover("015") == "CONCEDE"


def test_codes_root_lookup_for_unknown_root_raises() -> None:
    table = CameoCodes([_row("07", "2", "7.0", "AID")])
    with pytest.raises(KeyError):
        table.quad_class("19")


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([_row("7", "2", "7.0")], "not a CAMEO event code"),
        ([_row("21", "4", "-1.0")], "not a CAMEO event code"),
        ([_row("07", "2", "7.0"), _row("07", "2", "7.0")], "listed twice"),
        ([_row("072", "2", "8.3")], "no parent"),
        ([_row("07", "2", "7.0"), _row("0721", "2", "8.3")], "no parent"),
        ([_row("07", "", "7.0")], "needs a quad class"),
        ([_row("07", "2", "")], "needs a quad class"),
        ([_row("07", "5", "7.0")], "quad class must be"),
        ([_row("07", "2", "7.0"), _row("072", "4")], "its root 2"),
        ([_row("07", "2", "seven")], "not a number"),
        ([_row("07", "2", "11")], "not in -10..10"),
        ([_row("07", "2", "nan")], "not in -10..10"),
        ([_row("07", "2", "7.0", "HELP")], "16 PLOVER types"),
        ([{**_row("07", "2", "7.0"), "name": ""}], "has no name"),
    ],
)
def test_codes_malformed_rows_raise_lexicon_error(rows: list[dict[str, str]], message: str) -> None:
    with pytest.raises(LexiconError, match=message) as caught:
        CameoCodes(rows, where="my_codes.tsv")
    assert caught.value.where == "my_codes.tsv"


def test_codes_registered_loader() -> None:
    registered: Callable[[], tuple[dict[str, str], ...]] = lexicons.get("rashomon.cameo_codes.v1")
    assert registered is load_cameo_codes_v1
    assert len(CameoCodes(registered())) == len(CameoCodes.default())
