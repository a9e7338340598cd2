"""Read PETRARCH verb dictionaries: verbs, their CAMEO codes and patterns.

The file holds synonym sets, then verb blocks, then transformations::

    &CURRENCY                 # a synonym set; '_' after the name: no plurals
    +DOLLAR
    +KRONER_                  # '_' after a word: no plural for it

    --- GRANT [070] ---       # a block: label and default code
    GRANT
    GIVE {GAVE GIVEN GIVING}  # irregular forms, replacing the regular ones
    +ASK_FOR {+ASKED_FOR}     # multi-word verb; '+' marks the verb word
    DONATE [071]              # a verb's own code
    - * &CURRENCY [903]       # patterns (see verb_patterns.py)

    ~ a (a b ATTACK) SAY = a b 015    # transformations, kept as text

Every verb of a block shares the block's patterns. Without ``{...}`` the
regular forms of the verb word are generated (``-S``, ``-ED``, ``-ING``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.extract.events.petrarch.agents import regular_plural
from rashomon.extract.events.petrarch.lines import (
    SourceLine,
    content_lines,
    fail,
    read_text,
    warn,
)
from rashomon.extract.events.petrarch.verb_patterns import VerbPattern, parse_code, parse_pattern

__all__ = [
    "SynonymSet",
    "VerbDictionary",
    "VerbEntry",
    "parse_verbs",
    "read_verbs",
    "regular_verb_forms",
]

_HEADER = re.compile(r"^---\s*(?P<label>[^\[\]]*?)\s*(?P<codes>(?:\[[^\]]*\]\s*)*)[\s-]*$")
_VERB_LINE = re.compile(
    r"^(?P<phrase>[^{}\[\]]+?)\s*(?:\{(?P<forms>[^{}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?$"
)
_SIBILANT_ENDINGS = ("S", "X", "Z", "CH", "SH")
_VOWELS = "AEIOU"


@dataclass(frozen=True)
class SynonymSet:
    """A named set of words or phrases that patterns refer to as ``&NAME``.

    Attributes:
        name: The name with its ``&`` and without a trailing ``_``.
        words: Members as upper-case phrases with single blanks; a member may
            itself be ``&OTHER``.
        plurals: Regular plurals of the members that take one.
        line: Line of the definition.
    """

    name: str
    words: tuple[str, ...]
    plurals: tuple[str, ...]
    line: int

    @property
    def forms(self) -> tuple[str, ...]:
        """Members followed by their plurals."""
        return self.words + self.plurals


@dataclass(frozen=True)
class VerbEntry:
    """One verb of a block, with the block's patterns.

    Attributes:
        lemma: The verb as upper-case words joined by blanks (``ASK FOR``).
        forms: Every inflected form, the lemma first, in the same shape.
        code: The verb's own active code, else the block's; None if only passive.
        passive_code: The passive code, if any.
        patterns: The block's patterns, shared by every verb of the block.
        block: The block label (``GRANT``).
        head_index: Index in the lemma's words of the word the parser tags as
            the verb (the ``+`` word of a multi-word verb).
        line: Line of the verb.
    """

    lemma: str
    forms: tuple[str, ...]
    code: str | None
    passive_code: str | None
    patterns: tuple[VerbPattern, ...]
    block: str
    head_index: int
    line: int


@dataclass(frozen=True)
class VerbDictionary:
    """The verbs, synonym sets and transformations of a verb file.

    Attributes:
        entries: Verbs in file order.
        synsets: Synonym sets by name (with ``&``).
        transformations: The ``~`` lines, as written, not interpreted.
        by_form: Upper-case form -> the entries that have it.
    """

    entries: tuple[VerbEntry, ...]
    synsets: dict[str, SynonymSet]
    transformations: tuple[str, ...]
    by_form: dict[str, tuple[VerbEntry, ...]] = field(repr=False)

    def lookup(self, form: str) -> tuple[VerbEntry, ...]:
        """The entries that list ``form`` (any case) as one of their forms."""
        return self.by_form.get(" ".join(form.upper().split()), ())

    def undefined_synsets(self) -> frozenset[str]:
        """Synset names used in patterns or sets but never defined."""
        used = {name for entry in self.entries for p in entry.patterns for name in p.synsets}
        used |= {w for s in self.synsets.values() for w in s.words if w.startswith("&")}
        return frozenset(used - self.synsets.keys())

    @property
    def pattern_count(self) -> int:
        """Number of distinct pattern lines (shared patterns count once)."""
        return len({p.line for entry in self.entries for p in entry.patterns})

    def iter_entries(self) -> Iterator[VerbEntry]:
        """Iterate over the verbs in file order."""
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def regular_verb_forms(verb: str) -> tuple[str, str, str]:
    """The ``-S``, ``-ED`` and ``-ING`` forms of a regular English verb."""
    if verb.endswith("E") and not verb.endswith(("EE", "YE", "OE")):
        return verb + "S", verb + "D", verb[:-1] + "ING"
    if verb.endswith("EE"):
        return verb + "S", verb + "D", verb + "ING"
    if verb.endswith(_SIBILANT_ENDINGS):
        return verb + "ES", verb + "ED", verb + "ING"
    if verb.endswith("Y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "IES", verb[:-1] + "IED", verb + "ING"
    return verb + "S", verb + "ED", verb + "ING"


def read_verbs(path: Path) -> VerbDictionary:
    """Read a verb file.

    Raises:
        LexiconError: The file is missing or has a malformed line.
    """
    return parse_verbs(read_text(path), source=path.name)


def parse_verbs(text: str, *, source: str = "<string>") -> VerbDictionary:
    """Parse verb dictionary text (see the module docstring for the format).

    Args:
        text: The dictionary text.
        source: Name used in error messages.

    Returns:
        The dictionary.

    Raises:
        LexiconError: A line is malformed or out of place.
    """
    reader = _Reader()
    for line in content_lines(text, source):
        reader.feed(line, line.text.strip())
    return reader.finish()


@dataclass
class _Block:
    """A verb block being read: its header and the lines under it."""

    label: str
    code: str | None
    passive_code: str | None
    verbs: list[tuple[SourceLine, str]] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class _Synset:
    """A synonym set being read."""

    name: str
    plural: bool
    line: int
    words: list[str] = field(default_factory=list)
    plurals: list[str] = field(default_factory=list)


class _Reader:
    """A line-by-line state machine: synset, block or nothing open."""

    def __init__(self) -> None:
        self.entries: list[VerbEntry] = []
        self.synsets: dict[str, SynonymSet] = {}
        self.transformations: list[str] = []
        self.block: _Block | None = None
        self.synset: _Synset | None = None

    def feed(self, line: SourceLine, text: str) -> None:
        """Dispatch one content line on its first character."""
        if text.startswith("---"):
            self._close()
            self.block = _header(line, text)
        elif text.startswith("~"):
            self._close()
            self.transformations.append(text)
        elif text.startswith("&"):
            self._close()
            name = text.split()[0]
            self.synset = _Synset(name.rstrip("_"), not name.endswith("_"), line.number)
        elif text.startswith("+") and self.synset is not None:
            _add_member(self.synset, text[1:])
        elif text.startswith("-"):
            if self.block is None:
                raise fail(
                    line, "pattern outside a verb block; start one with --- LABEL [CODE] ---"
                )
            self.block.patterns.append(parse_pattern(line, text[1:]))
        elif self.block is not None:
            if self.block.patterns:
                raise fail(line, "verb after the patterns of its block; start a new block")
            self.block.verbs.append((line, text))
        else:
            raise fail(line, "verb outside a verb block; start one with --- LABEL [CODE] ---")

    def finish(self) -> VerbDictionary:
        """Close what is open and build the dictionary."""
        self._close()
        by_form: dict[str, list[VerbEntry]] = {}
        for entry in self.entries:
            for form in entry.forms:
                by_form.setdefault(form, []).append(entry)
        return VerbDictionary(
            entries=tuple(self.entries),
            synsets=dict(self.synsets),
            transformations=tuple(self.transformations),
            by_form={form: tuple(entries) for form, entries in by_form.items()},
        )

    def _close(self) -> None:
        """Store the open synset or block."""
        if self.synset is not None:
            found = self.synset
            self.synsets[found.name] = SynonymSet(
                found.name, tuple(found.words), tuple(found.plurals), found.line
            )
            self.synset = None
        if self.block is not None:
            patterns = tuple(self.block.patterns)
            for line, text in self.block.verbs:
                self.entries.append(_verb_entry(line, text, self.block, patterns))
            self.block = None


def _header(line: SourceLine, text: str) -> _Block:
    """Read ``--- LABEL [CODE] ---``; of several codes the first counts."""
    found = _HEADER.match(text)
    if found is None or not found["label"]:
        raise fail(line, "block header must read --- LABEL [CODE] ---")
    codes = re.findall(r"\[([^\]]*)\]", found["codes"])
    if len(codes) > 1:
        warn(line, "block header with several codes; the first is used")
    code, passive = parse_code(line, codes[0]) if codes else ("---", None)
    return _Block(found["label"].rstrip("_").upper(), code, passive)


def _add_member(synset: _Synset, text: str) -> None:
    """Add a ``+word`` line to a synonym set, with its plural when it takes one."""
    raw = text.strip().upper()
    word = " ".join(raw.replace("_", " ").split())
    if not word:
        return
    synset.words.append(word)
    if synset.plural and not raw.endswith("_") and not word.startswith("&"):
        head, _, last = word.rpartition(" ")
        synset.plurals.append(f"{head} {regular_plural(last)}".strip())


def _verb_entry(
    line: SourceLine, text: str, block: _Block, patterns: tuple[VerbPattern, ...]
) -> VerbEntry:
    """Read ``VERB {FORMS} [CODE]`` into an entry."""
    found = _VERB_LINE.match(text)
    if found is None:
        raise fail(line, "verb line must read VERB {FORMS} [CODE]")
    words = [word for word in re.split(r"[\s_]+", found["phrase"].upper()) if word]
    head_index = next((i for i, word in enumerate(words) if word.startswith("+")), 0)
    words = [word.lstrip("+") for word in words]
    if not all(words):
        raise fail(line, "verb line has an empty word")
    lemma = " ".join(words)
    if found["forms"] is not None:
        listed = [
            " ".join(form.replace("+", "").split("_")) for form in found["forms"].upper().split()
        ]
        forms = [lemma, *listed]
    else:
        head = words[head_index]
        forms = [lemma]
        for inflected in regular_verb_forms(head):
            forms.append(" ".join(words[:head_index] + [inflected] + words[head_index + 1 :]))
    code, passive = (block.code, block.passive_code)
    if found["code"] is not None:
        code, passive = parse_code(line, found["code"])
    return VerbEntry(
        lemma=lemma,
        forms=tuple(dict.fromkeys(forms)),
        code=code,
        passive_code=passive,
        patterns=patterns,
        block=block.label,
        head_index=head_index,
        line=line.number,
    )
