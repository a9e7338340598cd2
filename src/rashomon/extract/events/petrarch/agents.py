"""Read PETRARCH agent dictionaries: role nouns to agent codes.

An agent line is ``PHRASE {PLURALS} [CODE]``::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    FOREIGN_MINISTER [~GOVFRM]
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
    POLICE {} [~COP]
    CONGRESS!PERSON! [~LEG]
    HUMAN_RIGHTS_BODY [NGO~]

Words joined by ``_`` must be adjacent; a blank lets other words come between.
The regular plural of the last word is added (``S``, ``Y`` -> ``IES``, ``SS`` ->
``SSES``) unless ``{...}`` lists the plurals itself; ``{}`` means no plural.
``!NAME! = A, B`` defines a substitution set: every element replaces the marker,
with no plural added. ``~CODE`` is appended after the actor code (``USAGOV``);
``CODE~`` is put before it (``NGOUSA``), as for organisations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.extract.events.petrarch.lines import (
    SourceLine,
    content_lines,
    fail,
    read_text,
    warn,
)

__all__ = ["AgentDictionary", "AgentEntry", "parse_agents", "read_agents", "regular_plural"]

_SUBSTITUTION = re.compile(r"^(!\w+!)\s*=\s*(.*)$")
_MARKER = re.compile(r"!\w+!")
_LINE = re.compile(
    r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]$"
)


@dataclass(frozen=True)
class AgentEntry:
    """One surface form of an agent noun and its code.

    Attributes:
        words: Upper-case words of the form.
        adjacent: For each gap between words, whether the words must touch
            (``_`` in the file) or may have others between them (a blank).
        code: The code as written, with its ``~`` (``~GOV`` or ``NGO~``).
        line: Line of the dictionary that produced the form.
    """

    words: tuple[str, ...]
    adjacent: tuple[bool, ...]
    code: str
    line: int

    @property
    def is_prefix(self) -> bool:
        """True for ``CODE~`` codes, which go before the actor code."""
        return self.code.endswith("~")

    def match_length(self, tokens: Sequence[str], start: int) -> int:
        """How many tokens the form spans when it starts at ``start``; 0 if none."""
        if start >= len(tokens) or tokens[start] != self.words[0]:
            return 0
        position = start
        for word, adjacent in zip(self.words[1:], self.adjacent, strict=True):
            if adjacent:
                position += 1
                if position >= len(tokens) or tokens[position] != word:
                    return 0
            else:
                try:
                    position = tokens.index(word, position + 1)
                except ValueError:
                    return 0
        return position - start + 1


@dataclass(frozen=True)
class AgentDictionary:
    """Agent forms indexed by their first word.

    Attributes:
        entries: Every form (singulars, plurals, substitutions) in file order.
        index: First word -> forms starting with it, most words first.
    """

    entries: tuple[AgentEntry, ...]
    index: dict[str, tuple[AgentEntry, ...]] = field(repr=False)

    @classmethod
    def from_entries(cls, entries: Sequence[AgentEntry]) -> AgentDictionary:
        """Build the dictionary and its first-word index."""
        grouped: dict[str, list[AgentEntry]] = {}
        for entry in entries:
            grouped.setdefault(entry.words[0], []).append(entry)
        index = {
            word: tuple(sorted(forms, key=lambda entry: -len(entry.words)))
            for word, forms in grouped.items()
        }
        return cls(tuple(entries), index)

    def code_for(self, noun_phrase_tokens: Sequence[str]) -> str | None:
        """The agent code of the longest agent form inside a noun phrase.

        Args:
            noun_phrase_tokens: Words of the noun phrase, any case.

        Returns:
            The code with its ``~`` (e.g. ``~GOV``), or None when no form
            occurs. Ties between equally long forms go to the earliest.
        """
        tokens = [token.upper() for token in noun_phrase_tokens]
        best: tuple[int, AgentEntry] | None = None
        for start, token in enumerate(tokens):
            for entry in self.index.get(token, ()):
                if best is not None and len(entry.words) <= len(best[1].words):
                    break
                if entry.match_length(tokens, start):
                    best = (start, entry)
                    break
        return best[1].code if best else None

    def iter_entries(self) -> Iterator[AgentEntry]:
        """Iterate over every form in file order."""
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def regular_plural(word: str) -> str:
    """The regular English plural used by the PETRARCH dictionaries."""
    if word.endswith("Y"):
        return word[:-1] + "IES"
    if word.endswith("SS"):
        return word + "ES"
    return word + "S"


def read_agents(path: Path) -> AgentDictionary:
    """Read an agent file.

    Raises:
        LexiconError: The file is missing or has a malformed line.
    """
    return parse_agents(read_text(path), source=path.name)


def parse_agents(text: str, *, source: str = "<string>") -> AgentDictionary:
    """Parse agent dictionary text (see the module docstring for the format).

    Args:
        text: The dictionary text.
        source: Name used in error messages.

    Returns:
        The dictionary.

    Raises:
        LexiconError: A line is malformed.
    """
    substitutions: dict[str, tuple[str, ...]] = {}
    entries: list[AgentEntry] = []
    for line in content_lines(text, source):
        stripped = line.text.strip()
        definition = _SUBSTITUTION.match(stripped)
        if definition:
            items = tuple(item.strip().upper() for item in definition[2].split(","))
            if not all(items):
                raise fail(line, "substitution set needs a comma-separated list of words")
            substitutions[definition[1].upper()] = items
            continue
        entries.extend(_parse_line(line, stripped, substitutions))
    return AgentDictionary.from_entries(entries)


def _parse_line(
    line: SourceLine, text: str, substitutions: dict[str, tuple[str, ...]]
) -> list[AgentEntry]:
    """Expand one agent line into its forms."""
    if "[" not in text:
        warn(line, "agent line without [CODE] skipped")
        return []
    parsed = _LINE.match(text)
    if parsed is None:
        raise fail(line, "agent line must read PHRASE {PLURALS} [CODE]")
    if parsed["code"] and not text.endswith("]"):
        warn(line, "code closed by '}' read as ']'")
    code = parsed["code"].strip().upper()
    if code.count("~") != 1 or not (code.startswith("~") or code.endswith("~")):
        raise fail(line, "agent code needs one '~' before or after it, e.g. [~GOV]")
    phrase = parsed["phrase"].strip().upper()
    plurals = parsed["plurals"]
    forms: list[str] = []
    for singular in _substitute(line, phrase, substitutions):
        forms.append(singular)
        if plurals is None and singular == phrase:
            forms.append(_pluralize_phrase(singular))
    if plurals:
        forms.extend(plurals.upper().split())
    return [_make_entry(line, form, code) for form in forms]


def _substitute(
    line: SourceLine, phrase: str, substitutions: dict[str, tuple[str, ...]]
) -> list[str]:
    """Replace a ``!NAME!`` marker by each element of its set."""
    marker = _MARKER.search(phrase)
    if marker is None:
        return [phrase]
    if marker[0] not in substitutions:
        raise fail(line, f"substitution set {marker[0]} is not defined above its use")
    head, tail = phrase[: marker.start()], phrase[marker.end() :]
    return [head + item + tail for item in substitutions[marker[0]]]


def _pluralize_phrase(phrase: str) -> str:
    """Pluralize the last word of a phrase."""
    cut = max(phrase.rfind("_"), phrase.rfind(" ")) + 1
    return phrase[:cut] + regular_plural(phrase[cut:])


def _make_entry(line: SourceLine, form: str, code: str) -> AgentEntry:
    """Split a form into words and adjacency flags."""
    parts = [part for part in re.split(r"([_\s]+)", form.strip("_ ")) if part]
    words = tuple(parts[0::2])
    adjacent = tuple("_" in gap for gap in parts[1::2])
    if not words or not words[0]:
        raise fail(line, "agent line has no phrase")
    return AgentEntry(words, adjacent, code, line.number)
