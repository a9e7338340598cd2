"""Small helpers that turn parse subtrees into clean character spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

__all__ = ["QUOTE_MARKS", "char_span_of", "overlaps", "subtree_range", "trim", "tokens_between"]

#: Characters never worth keeping at the edge of a source or content span.
_EDGE = " \t\n,;—–-"
#: Marks that bound a quotation (straight, curly, guillemets).
QUOTE_MARKS = "\"“”‘’«»'"
#: Punctuation that separates rather than encloses.
_SEPARATORS = {".", ",", ";", ":", "!", "?", "—", "–", "-", "--"}


def subtree_range(token: Token, exclude: Iterable[Token] = ()) -> tuple[int, int]:
    """The token range ``[first, last]`` of ``token``'s subtree, leaving out ``exclude``'s subtrees.

    Excluded subtrees at the edges shrink the range; one in the middle cannot be cut out of a
    contiguous span, so it stays.
    """
    skip: set[int] = set()
    for other in exclude:
        skip.update(t.i for t in other.subtree)
    # Punctuation does not stretch a span: "…, according to X." must not reach past the
    # phrase to the period. Quote marks do, since they bound quotations.
    indices = [t.i for t in token.subtree if t.i not in skip and t.text not in _SEPARATORS]
    if not indices:
        return token.i, token.i
    return min(indices), max(indices)


def char_span_of(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Character offsets of tokens ``first..last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def trim(text: str, start: int, end: int, *, keep_quotes: bool = True) -> tuple[int, int]:
    """Shrink ``[start, end)`` past edge punctuation and white space.

    With ``keep_quotes`` a quote mark at an edge stays when the span holds its partner, so
    “like this,” keeps both marks; an unpaired mark at an edge always goes.
    """
    while True:
        before = (start, end)
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE + ".":
            if text[end - 1] == "." and _ends_abbreviation(text, start, end):
                break
            end -= 1
        if start < end and text[start] in QUOTE_MARKS:
            if not keep_quotes or not _has_partner(text[start + 1 : end], text[start]):
                start += 1
        if end > start and text[end - 1] in QUOTE_MARKS:
            if not keep_quotes or not _has_partner(text[start : end - 1], text[end - 1]):
                end -= 1
        if (start, end) == before:
            return start, end


def _has_partner(inside: str, mark: str) -> bool:
    partners = {"“": "”", "”": "“", "‘": "’", "’": "‘", "«": "»", "»": "«"}
    if mark in partners:
        return partners[mark] in inside
    return inside.count(mark) % 2 == 1


def _ends_abbreviation(text: str, start: int, end: int) -> bool:
    """A final period that belongs to an abbreviation ("Mr.", "U.S.") stays."""
    word = text[start:end].rsplit(maxsplit=1)[-1] if text[start:end].strip() else ""
    return len(word) <= 4 and word[:1].isupper() and word.count(".") >= 1 and len(word) > 1


def tokens_between(doc: Doc, start_char: int, end_char: int) -> list[Token]:
    """The tokens lying wholly between two character offsets."""
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    return list(span) if span is not None else []


def overlaps(piece: tuple[int, int], pieces: Iterable[tuple[int, int]]) -> bool:
    """Whether a character range shares a character with any of ``pieces``."""
    return any(piece[0] < end and start < piece[1] for start, end in pieces)
