"""Find quoted stretches of text, tolerant of the ways news mangles quote marks.

Quotes are found on the characters, not the parse, because spaCy's sentences cut through them:
a quote often runs over several sentences and, by convention, over several paragraphs, where
each continued paragraph opens with a quote mark and only the last one closes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Quote", "find_quotes", "quotation_kind"]

_OPENING = {"“": "”", "«": "»", "„": "“"}
_CLOSING = {"”", "»"}
_STRAIGHT = '"'
#: A quote longer than this with no closing mark is a stray mark, not a quotation.
_MAX_UNCLOSED = 1200


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start`` is its opening mark, ``end`` is just after its closing mark."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        """The offsets of the words inside the marks."""
        return self.start + 1, max(self.start + 1, self.end - 1)


def find_quotes(text: str) -> list[Quote]:
    """Return the quotations in ``text``, in order, never overlapping.

    Handles curly and straight marks, and paragraphs that continue a quote:

        “We will not leave.
        “We will stay until the end,” he said.

    is one quotation. An opening mark that is never closed (a typo, or a quote cut off by the
    end of the article) yields a quote up to the end of its paragraph when that is short, and
    nothing otherwise; stray closing marks are ignored. Never raises.
    """
    # ''Two apostrophes'' stand for a double quote mark in some newsroom styles; a shadow
    # text with the same length makes them look like one, so offsets stay the text's own.
    doubled = "''" in text
    if doubled:
        text = text.replace("''", '"\u2060')
    quotes: list[Quote] = []
    position = 0
    length = len(text)
    while position < length:
        start = _next_opening(text, position)
        if start < 0:
            break
        end = _closing_for(text, start)
        if end < 0:
            paragraph_end = text.find("\n", start)
            paragraph_end = length if paragraph_end < 0 else paragraph_end
            if paragraph_end - start <= _MAX_UNCLOSED and paragraph_end - start > 2:
                quotes.append(Quote(start, paragraph_end))
            position = paragraph_end + 1 if paragraph_end > start else start + 1
            continue
        close = end + 2 if doubled and text[end : end + 2] == '"\u2060' else end + 1
        quotes.append(Quote(start, close))
        position = close
    return quotes


def _next_opening(text: str, position: int) -> int:
    """The offset of the next opening mark at or after ``position``, or -1."""
    best = -1
    for mark in (*_OPENING, _STRAIGHT):
        found = text.find(mark, position)
        while found >= 0 and mark == _STRAIGHT and not _can_open(text, found):
            found = text.find(mark, found + 1)
        if found >= 0 and (best < 0 or found < best):
            best = found
    return best


def _can_open(text: str, index: int) -> bool:
    """A straight quote opens a quotation when it is not glued to a word on its left.

    Inch marks and measures ("a 6" pipe") are glued to a digit on the left.
    """
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _closing_for(text: str, start: int) -> int:
    """The offset of the mark that closes the quote opened at ``start``, or -1.

    A paragraph break ends the search unless the next paragraph opens with a quote mark,
    the convention for a quotation that runs over several paragraphs.
    """
    opener = text[start]
    closers = {_OPENING[opener]} if opener in _OPENING else {_STRAIGHT}
    if opener == "„":
        closers.add("”")
    if opener in {_STRAIGHT, "“"}:
        # '"The plant is safe,” she said.' / '“It is safe," she said.' — copy-editing
        # often leaves one straight and one curly mark on the same quotation.
        closers.update({_STRAIGHT, "”"})
    index = start + 1
    length = len(text)
    while index < length:
        char = text[index]
        if char in closers or (opener in _OPENING and char in _CLOSING):
            if char == _STRAIGHT and not _can_close(text, index):
                index += 1
                continue
            return index
        if char == "\n":
            next_start = index + 1
            while next_start < length and text[next_start] in " \t\n":
                next_start += 1
            if next_start < length and (text[next_start] == opener or text[next_start] in _OPENING):
                index = next_start + 1
                continue
            return -1
        index += 1
    return -1


def _can_close(text: str, index: int) -> bool:
    """A straight quote closes a quotation when it is not followed by a word character."""
    after = text[index + 1] if index + 1 < len(text) else " "
    return not after.isalnum()


def quotation_kind(text: str, content: list[tuple[int, int]], quotes: list[Quote]) -> str:
    """direct (all quoted), mixed (partly quoted) or indirect (no quote marks)."""
    quoted = 0
    total = 0
    for start, end in content:
        total += sum(1 for char in text[start:end] if char.isalnum())
        # Quotations never overlap, so their inner stretches are counted once each.
        for q in quotes:
            low, high = max(start, q.start + 1), min(end, q.end - 1)
            if low < high:
                quoted += sum(1 for char in text[low:high] if char.isalnum())
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted == total else "mixed"
