"""Match PETRARCH verb patterns against the words around a verb.

A pattern (see ``verb_patterns.py``) lists words before and after the verb
``*``. We read the sentence as a flat word sequence rather than a Treebank
tree: the ``after`` side is matched left to right over the words that follow
the verb inside its own clause, the ``before`` side right to left over the
words that precede it. Words may have others between them (as in PETRARCH),
except where ``_`` asks for adjacency. ``&NAME`` matches any member of a
synonym set (members may be phrases or other sets). The noun-phrase markers
``+`` (target), ``$`` (source) and ``^`` (skipped phrase) match the next noun
and consume its noun chunk, recording where the actor sits. ``%`` (compound
actor) matches a noun coordinated with another (``* WITH %``: "agreed with
Arnor and Gondor"); before the verb, a compound source satisfies it without
consuming words.
Brackets ``( ) { }`` only group words in PETRARCH's tree matcher and are
ignored. Of the patterns that match, the one with the most words wins, and
the first in file order among equals, so the most specific reading is used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rashomon.extract.events.petrarch.verb_patterns import (
    ADJACENT,
    COMPOUND,
    SKIP,
    SOURCE,
    TARGET,
    VerbPattern,
)
from rashomon.extract.events.petrarch.verbs import SynonymSet

__all__ = ["PatternMatch", "Word", "best_pattern"]

_GROUPING = frozenset({"(", ")", "{", "}"})
_NOUN_MARKERS = frozenset({SOURCE, TARGET, SKIP, COMPOUND})


@dataclass(frozen=True)
class Word:
    """One word of the sentence as the matcher sees it.

    Attributes:
        index: Token index in the ``Doc``.
        text: The word in upper case.
        is_noun: Whether a ``+``/``$``/``^`` slot may start here.
        chunk_end: Token index just past the noun chunk the word begins or
            sits in (itself + 1 when it is in none).
        chunk_start: Token index of the first word of that chunk.
        coordinated: Whether the word's noun is coordinated with another
            (``Arnor and Gondor``), so that ``%`` may match there.
    """

    index: int
    text: str
    is_noun: bool
    chunk_start: int
    chunk_end: int
    coordinated: bool = False


@dataclass(frozen=True)
class PatternMatch:
    """A pattern that matched, with the actor slots it placed.

    Attributes:
        pattern: The pattern.
        score: Words and synonym sets matched; higher is more specific.
        source: Token index of the ``$`` slot, if the pattern has one.
        target: Token index of the ``+`` slot, if the pattern has one.
    """

    pattern: VerbPattern
    score: int
    source: int | None
    target: int | None


def best_pattern(
    patterns: Sequence[VerbPattern],
    before: Sequence[Word],
    after: Sequence[Word],
    synsets: Mapping[str, SynonymSet],
    *,
    compound: bool,
) -> PatternMatch | None:
    """The most specific pattern that matches around a verb.

    Args:
        patterns: The verb's patterns, in file order.
        before: Words before the verb, in text order.
        after: Words after the verb within its clause, in text order.
        synsets: Synonym sets by name (with ``&``).
        compound: Whether the verb's actor is compound (for ``%``).

    Returns:
        The winning match, or None when no pattern matches.
    """
    best: PatternMatch | None = None
    reversed_before = list(reversed(before))
    for pattern in patterns:
        slots: dict[str, int] = {}
        after_score = _match(list(pattern.after), after, 0, False, synsets, slots, False)
        if after_score is None:
            continue
        before_elements = list(reversed(pattern.before))
        # "Arnor and Gondor met": a compound source satisfies a "%" before the
        # verb; otherwise "%" must find a coordinated noun where it stands.
        if compound:
            before_elements = [e for e in before_elements if e != COMPOUND]
        before_score = _match(before_elements, reversed_before, 0, False, synsets, slots, True)
        if before_score is None:
            continue
        score = after_score + before_score
        if best is None or score > best.score:
            best = PatternMatch(pattern, score, slots.get(SOURCE), slots.get(TARGET))
    return best


def _match(
    elements: list[str],
    words: Sequence[Word],
    position: int,
    adjacent: bool,
    synsets: Mapping[str, SynonymSet],
    slots: dict[str, int],
    backwards: bool,
) -> int | None:
    """Match ``elements`` from ``position`` on; return the score or None.

    Backtracks over where each element is found, so a word that also appears
    earlier does not block a later, valid reading.
    """
    if not elements:
        return 0
    head, rest = elements[0], elements[1:]
    if head in _GROUPING:
        return _match(rest, words, position, adjacent, synsets, slots, backwards)
    if head == ADJACENT:
        return _match(rest, words, position, True, synsets, slots, backwards)
    last_start = position if adjacent else len(words) - 1
    for start in range(position, min(last_start, len(words) - 1) + 1):
        if head in _NOUN_MARKERS:
            if not words[start].is_noun or (head == COMPOUND and not words[start].coordinated):
                continue
            end = _chunk_skip(words, start, backwards)
            score = _match(rest, words, end, False, synsets, slots, backwards)
            if score is not None:
                if head in (SOURCE, TARGET):
                    slots.setdefault(head, words[start].index)
                return score
            continue
        for length in _lengths(head, words, start, synsets, backwards):
            score = _match(rest, words, start + length, False, synsets, slots, backwards)
            if score is not None:
                return score + 1
    return None


def _chunk_skip(words: Sequence[Word], start: int, backwards: bool) -> int:
    """Position just past the noun chunk that contains ``words[start]``."""
    position = start + 1
    while position < len(words):
        word = words[position]
        inside = (
            word.index >= words[start].chunk_start
            if backwards
            else word.index < words[start].chunk_end
        )
        if not inside:
            break
        position += 1
    return position


def _lengths(
    element: str,
    words: Sequence[Word],
    start: int,
    synsets: Mapping[str, SynonymSet],
    backwards: bool,
    depth: int = 0,
) -> list[int]:
    """How many words ``element`` can span from ``start`` (empty: no match)."""
    if not element.startswith("&"):
        return [1] if words[start].text == element else []
    synset = synsets.get(element)
    if synset is None or depth > 5:
        return []
    found: list[int] = []
    for member in synset.forms:
        if member.startswith("&"):
            found.extend(_lengths(member, words, start, synsets, backwards, depth + 1))
            continue
        parts = member.split()
        if backwards:
            parts.reverse()
        if [w.text for w in words[start : start + len(parts)]] == parts:
            found.append(len(parts))
    return sorted(set(found), reverse=True)
