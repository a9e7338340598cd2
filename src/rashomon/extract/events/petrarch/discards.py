"""Read PETRARCH discard lists: phrases that mark text not to be coded.

Sports results, film plots and historical chronologies are full of attacks and
victories that are not political events. A discard list names phrases that
give such text away, one per line::

    BASEBALL               # the sentence is not coded
    +WORLD GOLF CHAMPIONSHIPS   # '+': the whole story is not coded
    ACADEMY AWARD_         # '_': must end at a blank or punctuation

A phrase matches at the start of a word, case-insensitively; without a final
``_`` it matches as a stem (``BASEBALL`` also matches ``BASEBALLS``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.extract.events.petrarch.lines import content_lines, fail, read_text

__all__ = ["DiscardEntry", "DiscardList", "DiscardScope", "parse_discards", "read_discards"]


class DiscardScope(enum.Enum):
    """How much text a discard phrase voids."""

    SENTENCE = "sentence"
    STORY = "story"


@dataclass(frozen=True)
class DiscardEntry:
    """One discard phrase.

    Attributes:
        phrase: Upper-case words of the phrase, joined by single blanks.
        scope: Whether a match voids the sentence or the whole story.
        whole_word: True when the last word must end the match (final ``_``).
        line: Line of the dictionary it came from.
    """

    phrase: str
    scope: DiscardScope
    whole_word: bool
    line: int

    def pattern(self) -> str:
        """A regular expression source that finds the phrase in text."""
        words = [re.escape(word) for word in self.phrase.split()]
        body = r"[\s_]+".join(words)
        end = r"(?![^\W_])" if self.whole_word else ""
        return rf"(?<![^\W_]){body}{end}"


@dataclass(frozen=True)
class DiscardList:
    """Discard phrases with one compiled matcher.

    Attributes:
        entries: The phrases in file order.
        matcher: A case-insensitive alternation of every phrase.
    """

    entries: tuple[DiscardEntry, ...]
    matcher: re.Pattern[str] = field(repr=False, compare=False)

    @classmethod
    def from_entries(cls, entries: tuple[DiscardEntry, ...]) -> DiscardList:
        """Compile the matcher; longer phrases are tried first."""
        ordered = sorted(range(len(entries)), key=lambda i: -len(entries[i].phrase))
        alternatives = "|".join(f"(?P<d{i}>{entries[i].pattern()})" for i in ordered)
        return cls(entries, re.compile(alternatives or r"(?!x)x", re.IGNORECASE))

    def find(self, text: str) -> tuple[DiscardEntry, ...]:
        """Every discard phrase found in ``text``, in order of appearance.

        Args:
            text: A sentence or a whole story.

        Returns:
            The matching entries; empty when the text may be coded.
        """
        found: list[DiscardEntry] = []
        for match in self.matcher.finditer(text):
            name = match.lastgroup
            if name is not None:
                found.append(self.entries[int(name[1:])])
        return tuple(found)

    def voids_sentence(self, sentence: str) -> bool:
        """True when the sentence holds any discard phrase (story ones included)."""
        return bool(self.find(sentence))

    def voids_story(self, story: str) -> bool:
        """True when the story holds a story-level discard phrase."""
        return any(entry.scope is DiscardScope.STORY for entry in self.find(story))

    def iter_entries(self) -> Iterator[DiscardEntry]:
        """Iterate over the phrases in file order."""
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def read_discards(path: Path) -> DiscardList:
    """Read a discard file.

    Raises:
        LexiconError: The file is missing or has a malformed line.
    """
    return parse_discards(read_text(path), source=path.name)


def parse_discards(text: str, *, source: str = "<string>") -> DiscardList:
    """Parse discard list text (see the module docstring for the format).

    Args:
        text: The list.
        source: Name used in error messages.

    Returns:
        The compiled list.

    Raises:
        LexiconError: A line has no phrase or carries a code.
    """
    entries: list[DiscardEntry] = []
    for line in content_lines(text, source):
        stripped = line.text.strip()
        scope = DiscardScope.STORY if stripped.startswith("+") else DiscardScope.SENTENCE
        body = stripped.lstrip("+").strip().upper()
        if "[" in body or "]" in body:
            raise fail(line, "discard lines hold a phrase only; codes belong in other files")
        whole_word = body.endswith("_")
        words = body.replace("_", " ").split()
        if not words:
            raise fail(line, "discard line has no phrase")
        entries.append(DiscardEntry(" ".join(words), scope, whole_word, line.number))
    return DiscardList.from_entries(tuple(entries))
