"""Read PETRARCH/TABARI actor dictionaries: phrases to CAMEO actor codes over time.

An actor file is a series of entries. Each starts with a primary phrase at the
left margin, may list synonyms on lines starting with ``+``, and gives codes in
``[...]`` either on the primary line or on indented lines below it::

    AFGHANISTAN_  [AFG]
    +AFGHAN_
    HAMID_KARZAI_
    +KARZAI_
            [AFGELI 750101-000101]
            [AFGGOV >011222]
            [AFGELI]

A code may carry a date restriction: ``<date`` (on or before), ``>date`` (on
or after) or ``date-date`` (both inclusive). A code without one is the default,
used when no restriction holds. Words are joined by ``_`` or blanks; a trailing
``_`` is a TABARI stemming marker that PETRARCH ignores, and so do we.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.extract.events.petrarch.lines import (
    SourceLine,
    content_lines,
    fail,
    read_text,
    warn,
)

__all__ = [
    "ActorCode",
    "ActorDictionary",
    "ActorEntry",
    "parse_actors",
    "parse_dictionary_date",
    "read_actors",
]

# A code group: the code, then an optional restriction ("<d", ">d", "d-d").
_CODE_GROUP = re.compile(r"\[([^\[\]]*)\]")
_RESTRICTION = re.compile(r"^(?:(?P<op>[<>])\s*(?P<one>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))$")
_CODE = re.compile(r"^[^\s\[\]]+$")
# KEDS and TABARI read two-digit years up to this one as 20YY, later ones as 19YY.
_CENTURY_PIVOT = 30


@dataclass(frozen=True)
class ActorCode:
    """One code of an actor, valid from ``start`` to ``end`` (both inclusive).

    Attributes:
        code: The CAMEO actor code, e.g. ``USAGOV``.
        start: First day the code applies; None for no lower bound.
        end: Last day the code applies; None for no upper bound.
    """

    code: str
    start: datetime.date | None = None
    end: datetime.date | None = None

    @property
    def is_default(self) -> bool:
        """True when the code has no date restriction."""
        return self.start is None and self.end is None

    def applies_on(self, date: datetime.date) -> bool:
        """Whether the restriction holds on ``date`` (a default never does)."""
        if self.is_default:
            return False
        after_start = self.start is None or date >= self.start
        before_end = self.end is None or date <= self.end
        return after_start and before_end


@dataclass(frozen=True)
class ActorEntry:
    """An actor: its primary phrase, its synonyms, and its codes.

    Attributes:
        phrase: The primary phrase as upper-case words.
        synonyms: Other phrases for the same actor.
        codes: Codes in file order, restricted and default mixed.
        line: Line of the primary phrase, for tracing a coding back.
    """

    phrase: tuple[str, ...]
    synonyms: tuple[tuple[str, ...], ...]
    codes: tuple[ActorCode, ...]
    line: int

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The primary phrase followed by the synonyms."""
        return (self.phrase, *self.synonyms)

    def codes_on(self, date: datetime.date | None) -> list[str]:
        """The codes that apply on ``date``, without duplicates, in file order.

        Restricted codes whose dates hold win; otherwise the defaults apply.
        A restriction set inside another overrides it (a minister 2008-2012
        who led a mission for three days in 2010 is coded for the mission on
        those days); restrictions that merely overlap all apply.
        Without a date the defaults apply, or, for an entry that has none, every
        code it lists: better to offer all of a person's roles than none.

        Args:
            date: The story date, or None when unknown.

        Returns:
            The applicable codes; empty for an entry without codes.
        """
        chosen: Iterable[ActorCode] = ()
        if date is not None:
            chosen = [code for code in self.codes if code.applies_on(date)]
            if len(chosen) > 1:
                chosen = [c for c in chosen if not any(_encloses(c, o) for o in chosen)]
        if not chosen:
            chosen = [code for code in self.codes if code.is_default]
        if not chosen and date is None:
            chosen = self.codes
        return list(dict.fromkeys(code.code for code in chosen))


def _encloses(outer: ActorCode, inner: ActorCode) -> bool:
    """Whether ``inner``'s dates lie inside ``outer``'s and are not the same."""
    low, high = datetime.date.min, datetime.date.max
    outer_span = (outer.start or low, outer.end or high)
    inner_span = (inner.start or low, inner.end or high)
    inside = outer_span[0] <= inner_span[0] and inner_span[1] <= outer_span[1]
    return inside and outer_span != inner_span


@dataclass(frozen=True)
class ActorDictionary:
    """Actor entries indexed by the first word of every phrase.

    Attributes:
        entries: All entries, in file order (files in the order given).
        index: First word -> (phrase, entry) pairs, longest phrase first.
    """

    entries: tuple[ActorEntry, ...]
    index: dict[str, tuple[tuple[tuple[str, ...], ActorEntry], ...]] = field(repr=False)

    @classmethod
    def from_entries(cls, entries: Sequence[ActorEntry]) -> ActorDictionary:
        """Build the dictionary and its first-word index.

        When two entries share a phrase, the first one keeps it, so a file
        listed earlier in the configuration takes precedence.
        """
        grouped: dict[str, dict[tuple[str, ...], ActorEntry]] = {}
        for entry in entries:
            for phrase in entry.phrases:
                grouped.setdefault(phrase[0], {}).setdefault(phrase, entry)
        index = {
            word: tuple(sorted(phrases.items(), key=lambda item: -len(item[0])))
            for word, phrases in grouped.items()
        }
        return cls(tuple(entries), index)

    def match(self, phrase_tokens: Sequence[str]) -> tuple[int, ActorEntry] | None:
        """Find the longest phrase that starts the token sequence.

        Args:
            phrase_tokens: Words of a noun phrase, any case.

        Returns:
            How many tokens matched and the entry, or None.
        """
        if not phrase_tokens:
            return None
        words = tuple(token.upper() for token in phrase_tokens)
        for phrase, entry in self.index.get(words[0], ()):
            if words[: len(phrase)] == phrase:
                return len(phrase), entry
        return None

    def codes_for(self, phrase_tokens: Sequence[str], date: datetime.date | None) -> list[str]:
        """The actor codes of the longest phrase that starts ``phrase_tokens``.

        Args:
            phrase_tokens: Words of a noun phrase, any case.
            date: The story date, which selects among date-restricted codes.

        Returns:
            The codes (see ActorEntry.codes_on); empty when nothing matches.
        """
        found = self.match(phrase_tokens)
        return found[1].codes_on(date) if found else []

    def iter_entries(self) -> Iterator[ActorEntry]:
        """Iterate over the entries in file order."""
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def read_actors(*paths: Path) -> ActorDictionary:
    """Read one or more actor files into one dictionary.

    Args:
        paths: Actor files; earlier files win when phrases repeat.

    Returns:
        The merged dictionary.

    Raises:
        LexiconError: A file is missing or has a malformed line.
    """
    entries: list[ActorEntry] = []
    for path in paths:
        entries.extend(_parse_entries(read_text(path), path.name))
    return ActorDictionary.from_entries(entries)


def parse_actors(text: str, *, source: str = "<string>") -> ActorDictionary:
    """Parse actor dictionary text (see the module docstring for the format).

    Args:
        text: The dictionary text.
        source: Name used in error messages.

    Returns:
        The dictionary.

    Raises:
        LexiconError: A line is malformed.
    """
    return ActorDictionary.from_entries(_parse_entries(text, source))


def parse_dictionary_date(text: str) -> datetime.date:
    """Read a TABARI date: ``YYMMDD`` or ``YYYYMMDD``.

    Two-digit years up to 30 are 20YY and later ones 19YY, as in KEDS and
    TABARI. Longer strings are read by their first eight digits, which is how
    PETRARCH tolerates the few slips in the published files.

    Raises:
        ValueError: Not six or at least eight digits, or not a calendar date.
    """
    if not text.isdigit() or (len(text) != 6 and len(text) < 8):
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 6:
        two_digit = int(text[:2])
        year = 2000 + two_digit if two_digit <= _CENTURY_PIVOT else 1900 + two_digit
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return datetime.date(year, month, day)


class _EntryBuilder:
    """Collects the lines of one entry until the next primary phrase."""

    def __init__(self, phrase: tuple[str, ...], line: int) -> None:
        self.phrase = phrase
        self.line = line
        self.synonyms: list[tuple[str, ...]] = []
        self.codes: list[ActorCode] = []

    def build(self) -> ActorEntry:
        return ActorEntry(self.phrase, tuple(self.synonyms), tuple(self.codes), self.line)


def _parse_entries(text: str, source: str) -> list[ActorEntry]:
    """Turn actor text into entries; see the module docstring."""
    entries: list[ActorEntry] = []
    current: _EntryBuilder | None = None
    for line in content_lines(text, source):
        stripped = line.text.strip()
        if line.text[0].isspace() and not stripped.startswith(("[", "+")):
            warn(line, "indented actor phrase read as a new entry")
        if stripped.startswith("["):
            if current is None:
                raise fail(line, "date restriction before any actor phrase")
            current.codes.extend(_parse_codes(line, stripped))
        elif stripped.startswith("+"):
            if current is None:
                raise fail(line, "synonym (+) before any actor phrase")
            phrase, codes = _split_phrase(line, stripped[1:])
            current.synonyms.append(phrase)
            current.codes.extend(codes)
        else:
            if current is not None:
                entries.append(current.build())
            phrase, codes = _split_phrase(line, stripped)
            current = _EntryBuilder(phrase, line.number)
            current.codes.extend(codes)
    if current is not None:
        entries.append(current.build())
    return entries


def _split_phrase(line: SourceLine, text: str) -> tuple[tuple[str, ...], list[ActorCode]]:
    """Split ``PHRASE [CODE ...] ...`` into the phrase words and its codes."""
    bracket = text.find("[")
    phrase_text = text if bracket < 0 else text[:bracket]
    if "]" in phrase_text:
        warn(line, "stray ']' in actor phrase ignored")
        phrase_text = phrase_text.replace("]", " ")
    words = tuple(word for word in re.split(r"[\s_]+", phrase_text.upper()) if word)
    if not words:
        raise fail(line, "actor line has no phrase")
    codes = _parse_codes(line, text[bracket:]) if bracket >= 0 else []
    return words, codes


def _parse_codes(line: SourceLine, text: str) -> list[ActorCode]:
    """Read every ``[CODE restriction]`` group of a line."""
    groups = _CODE_GROUP.findall(text)
    leftover = _CODE_GROUP.sub("", text).strip()
    if "[" in leftover or "]" in leftover:
        raise fail(line, "unbalanced brackets; write codes as [CODE] or [CODE date-restriction]")
    if leftover:
        warn(line, "text outside the [CODE] groups ignored")
    codes = []
    for group in groups:
        code = _parse_code(line, group)
        if code is not None:
            codes.append(code)
    return codes


def _parse_code(line: SourceLine, group: str) -> ActorCode | None:
    """Read one group; None when its date is unreadable and the code is skipped."""
    parts = group.split(None, 1)
    if not parts or not _CODE.match(parts[0]):
        raise fail(line, "expected an actor code inside [...]")
    code = parts[0].upper()
    if len(parts) == 1:
        return ActorCode(code)
    restriction = _RESTRICTION.match(parts[1].strip())
    if restriction is None and parts[1].strip().isdigit():
        warn(line, f"date without '<', '>' or '-'; code {code} skipped")
        return None
    if restriction is None:
        raise fail(line, "date restriction must be <DATE, >DATE or DATE-DATE")
    try:
        if restriction["op"] == "<":
            return ActorCode(code, end=parse_dictionary_date(restriction["one"]))
        if restriction["op"] == ">":
            return ActorCode(code, start=parse_dictionary_date(restriction["one"]))
        start = parse_dictionary_date(restriction["start"])
        end = parse_dictionary_date(restriction["end"])
    except ValueError as error:
        warn(line, f"{error}; code {code} skipped")
        return None
    return ActorCode(code, start=start, end=end)
