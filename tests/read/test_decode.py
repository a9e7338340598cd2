"""Tests for rashomon.read.decode: bytes to text, refusing what is not text."""

from __future__ import annotations

import pytest

from rashomon.errors import InputError
from rashomon.read import MAX_ARTICLE_BYTES, decode

PROSE = "The minister said on Tuesday that the talks had failed.\nOfficials disagreed."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (PROSE.encode("utf-8"), PROSE),
        (b"\xef\xbb\xbf" + PROSE.encode("utf-8"), PROSE),
        (PROSE.encode("utf-16"), PROSE),
        (b"\xfe\xff" + PROSE.encode("utf-16-be"), PROSE),
        (PROSE.encode("utf-32"), PROSE),
        (
            "Café “quoted” déjà vu, said the envoy.".encode("cp1252"),
            "Café “quoted” déjà vu, said the envoy.",
        ),
        ("Ünïcödé “quotes” — fine.".encode(), "Ünïcödé “quotes” — fine."),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "utf32-bom", "cp1252", "utf8-accents"],
)
def test_decode_encodings(data: bytes, expected: str) -> None:
    assert decode(data, where="a.txt") == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"  leading and trailing  \n\n", "  leading and trailing  \n\n"),
        (b"tab\there\fpage", "tab\there\fpage"),
    ],
    ids=["crlf", "cr", "whitespace-kept", "tab-formfeed-kept"],
)
def test_decode_newlines_only_normalised(data: bytes, expected: str) -> None:
    assert decode(data, where="a.txt") == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\r\n ", "the file is empty"),
        (b"\xef\xbb\xbf", "the file is empty"),
        ("  \n".encode("utf-16"), "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary, not text"),
        (b"text with a \x00 byte", "looks binary, not text"),
        (bytes(range(1, 32)) * 20, "looks binary, not text"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "cannot be decoded"),
        (bytes(range(0xA0, 0x100)) * 10, "cannot be decoded"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-only",
        "utf16-whitespace",
        "png",
        "nul",
        "control-chars",
        "undefined-cp1252",
        "mostly-high-bytes",
    ],
)
def test_decode_refuses_non_text(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(data, where="bad.txt")
    assert caught.value.where == "bad.txt"
    assert message in caught.value.message
    assert "\n" not in str(caught.value)


def test_decode_refuses_bad_utf16_after_bom() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"\xff\xfe\x00\xd8", where="half.txt")
    assert "byte-order mark" in caught.value.message


def test_decode_refuses_oversized_data() -> None:
    with pytest.raises(InputError) as caught:
        decode(b"a" * (MAX_ARTICLE_BYTES + 1), where="huge.txt")
    assert "MB" in caught.value.message
    assert caught.value.where == "huge.txt"
