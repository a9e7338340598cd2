"""Bytes to text: the one place where rashomon guesses an article's encoding.

Every offset rashomon reports points into the text this module returns, so it changes as little
as it can: it decodes, drops a byte-order mark, and turns ``\\r\\n`` and ``\\r`` into ``\\n``
(so that a Windows file and a Unix file give the same offsets). It never strips, trims or
re-flows anything else.

Encodings are tried from the most to the least trustworthy: UTF-8 (with or without a BOM),
UTF-16/UTF-32 when a BOM says so, and cp1252 last, only when the bytes decode cleanly and the
result looks like prose. Anything else is refused with an ``InputError`` naming the file, so a
batch can report it and go on.
"""

from __future__ import annotations

import codecs
import logging
import re

from rashomon.errors import InputError

__all__ = [
    "MAX_ARTICLE_BYTES",
    "check_size",
    "check_text_size",
    "decode",
    "normalise_newlines",
]

logger = logging.getLogger(__name__)

#: The largest article rashomon reads (SPEC "Bad input": a 50 MB article gets a clear error).
MAX_ARTICLE_BYTES = 50 * 1024 * 1024

#: How much of the text the binary check samples: enough to judge, cheap on a 50 MB file.
_SAMPLE_CHARS = 65_536

#: Above this share of control characters a "text" is really a binary file.
_MAX_CONTROL_SHARE = 0.02

#: cp1252 is a guess of last resort; above this share of non-ASCII characters the guess is
#: more likely wrong (random bytes, another legacy encoding) than right.
_MAX_CP1252_NON_ASCII_SHARE = 0.3

# Control characters that never occur in prose; tab, newline, carriage return and form feed do.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_UNDECODABLE = "cannot be decoded as UTF-8, UTF-16 or cp1252; save it as UTF-8"


def normalise_newlines(text: str) -> str:
    """Turn ``\\r\\n`` and lone ``\\r`` into ``\\n`` and change nothing else.

    Why: offsets must not depend on the platform the file was written on.
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_size(size: int, *, where: str | None) -> None:
    """Refuse an article of more than ``MAX_ARTICLE_BYTES`` bytes.

    Args:
        size: the article's size in bytes.
        where: the file or record to name in the error.

    Raises:
        InputError: the article is too large.
    """
    if size > MAX_ARTICLE_BYTES:
        megabytes = size / (1024 * 1024)
        limit = MAX_ARTICLE_BYTES // (1024 * 1024)
        raise InputError(
            f"the article is {megabytes:.1f} MB, more than the {limit} MB limit; split it",
            where=where,
        )


def check_text_size(text: str, *, where: str | None) -> None:
    """Refuse a text whose UTF-8 form is larger than ``MAX_ARTICLE_BYTES``.

    Why the bounds first: encoding a large text only to measure it costs a copy, and a text
    of at most a quarter of the limit in characters cannot exceed it in bytes.
    """
    if len(text) * 4 <= MAX_ARTICLE_BYTES:
        return
    check_size(len(text.encode("utf-8", errors="replace")), where=where)


def _looks_binary(text: str) -> bool:
    """Whether a decoded text is full of control characters, as binary data is."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) / len(sample) > _MAX_CONTROL_SHARE


def _looks_like_cp1252_prose(text: str) -> bool:
    """Whether a cp1252 decoding is plausible: mostly ASCII, a few accented letters or quotes."""
    sample = text[:_SAMPLE_CHARS]
    return len(_NON_ASCII.findall(sample)) / len(sample) <= _MAX_CP1252_NON_ASCII_SHARE


def _decode_with_bom(data: bytes, *, where: str) -> str | None:
    """Decode by the byte-order mark, if there is one; ``None`` when there is none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"starts with a {encoding.upper()} byte-order mark but is not {encoding}",
                    where=where,
                ) from error
            return text.removeprefix("\ufeff")
    return None


def decode(data: bytes, *, where: str) -> str:
    """Turn an article's bytes into text, refusing what is not text.

    Args:
        data: the file's contents.
        where: the file to name in an error (a path, ``"<stdin>"``, ``"path:line N"``).

    Returns:
        The text, with newlines normalised to ``\\n`` and nothing else changed.

    Raises:
        InputError: the bytes are empty or whitespace only, binary, larger than
            ``MAX_ARTICLE_BYTES``, or in no encoding rashomon can trust.
    """
    check_size(len(data), where=where)
    if not data.strip():
        raise InputError("the file is empty", where=where)
    text = _decode_with_bom(data, where=where)
    if text is None:
        # A NUL byte never occurs in UTF-8 or cp1252 prose; UTF-16 without a BOM is not guessed.
        if b"\x00" in data:
            raise InputError("looks binary, not text", where=where)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_cp1252(data, where=where)
    if not text.strip():
        raise InputError("the file is empty", where=where)
    if _looks_binary(text):
        raise InputError("looks binary, not text", where=where)
    return normalise_newlines(text)


def _decode_cp1252(data: bytes, *, where: str) -> str:
    """The last resort: cp1252 (Windows Western), only when it gives plausible prose."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        raise InputError(_UNDECODABLE, where=where) from error
    if _looks_binary(text):
        raise InputError("looks binary, not text", where=where)
    if not _looks_like_cp1252_prose(text):
        raise InputError(_UNDECODABLE, where=where)
    logger.info("%s: not UTF-8, read as cp1252", where)
    return text
