"""Parse one PETRARCH verb pattern line into a typed pattern.

A pattern line sits under a verb block and refines its code from the words
around the verb::

    - * (TO BORDER)                 [154]       # after the verb: "to border"
    - &MILITARY *                   [154]       # a military synset before it
    - * + THAT $ WILL PULLOUT       [0356]      # + target, $ source
    - % * [030:030]                             # % compound actor; active:passive
    - SO IN_AND_*_OUT_AGAIN NOW     [074]       # '_' = the words are adjacent

``*`` is the verb. ``$`` marks the source, ``+`` the target, ``%`` a compound
actor and ``^`` a skipped noun phrase. ``&NAME`` refers to a synonym set.
``( ... )`` is a prepositional phrase (its first word the preposition) and
``{ ... }`` a noun phrase whose last word is the head. The code is the last
``[...]``: ``[ACTIVE:PASSIVE]`` gives a second code used when the verb is
passive, ``[:PASSIVE]`` only that one, and ``[---]`` the null code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rashomon.extract.events.petrarch.lines import SourceLine, fail, warn

__all__ = [
    "ADJACENT",
    "COMPOUND",
    "SKIP",
    "SOURCE",
    "TARGET",
    "Slot",
    "VerbPattern",
    "parse_code",
    "parse_pattern",
]

SOURCE = "$"
TARGET = "+"
COMPOUND = "%"
SKIP = "^"
ADJACENT = "_"
VERB = "*"
_TOKEN = re.compile(r"[(){}*_]|[^\s(){}*_]+")
_CODE = re.compile(r"^[^\s\[\]]*$")
_CLOSERS = {"(": ")", "{": "}"}


@dataclass(frozen=True)
class Slot:
    """Where a marker sits in a pattern.

    Attributes:
        side: ``before`` or ``after`` the verb.
        index: Index of the marker in that side's token tuple.
    """

    side: Literal["before", "after"]
    index: int


@dataclass(frozen=True)
class VerbPattern:
    """A verb pattern: the tokens around the verb and the code they give.

    Tokens are upper-case words and the markers ``$ + % ^ _ ( ) { }`` and
    ``&NAME``, each its own token, in text order on both sides (``before`` is
    not reversed). ``_`` between two tokens means they are adjacent in the text,
    so ``IN_*`` gives ``before == ("IN", "_")``.

    Attributes:
        before: Tokens before the verb.
        after: Tokens after the verb.
        code: The active CAMEO code; None for a ``[:PASSIVE]`` pattern.
        passive_code: The code for a passive verb, if the pattern gives one.
        line: The line of the verb file, for tracing a coding back.
    """

    before: tuple[str, ...]
    after: tuple[str, ...]
    code: str | None
    passive_code: str | None
    line: int

    @property
    def source_slot(self) -> Slot | None:
        """Where ``$`` (the source actor) is, if the pattern places it."""
        return self._find(SOURCE)

    @property
    def target_slot(self) -> Slot | None:
        """Where ``+`` (the target actor) is, if the pattern places it."""
        return self._find(TARGET)

    @property
    def has_compound(self) -> bool:
        """True when ``%`` asks for a compound actor."""
        return COMPOUND in self.before or COMPOUND in self.after

    @property
    def synsets(self) -> tuple[str, ...]:
        """Names of the synonym sets the pattern uses, in order."""
        return tuple(token for token in (*self.before, *self.after) if token.startswith("&"))

    def _find(self, marker: str) -> Slot | None:
        if marker in self.before:
            return Slot("before", self.before.index(marker))
        if marker in self.after:
            return Slot("after", self.after.index(marker))
        return None


def parse_code(line: SourceLine, text: str) -> tuple[str | None, str | None]:
    """Split ``ACTIVE:PASSIVE`` (either part may be empty) into two codes.

    Raises:
        LexiconError: The text holds blanks or brackets, or both parts are empty.
    """
    active, _, passive = text.strip().partition(":")
    active, passive = active.strip().upper(), passive.strip().upper()
    if not _CODE.match(active) or not _CODE.match(passive) or not (active or passive):
        raise fail(line, f"bad verb code [{text}]; write [CODE] or [ACTIVE:PASSIVE]")
    return active or None, passive or None


def parse_pattern(line: SourceLine, body: str) -> VerbPattern:
    """Parse the text of a pattern line after its leading ``-``.

    Args:
        line: The source line, for errors.
        body: The pattern text with comments removed.

    Returns:
        The pattern.

    Raises:
        LexiconError: No ``[CODE]`` at the end, or not exactly one ``*``.
            Unbalanced brackets, of which the published CAMEO file has a few,
            are only logged.
    """
    open_bracket = body.rfind("[")
    close_bracket = body.rfind("]")
    if open_bracket < 0 or close_bracket < open_bracket or body[close_bracket + 1 :].strip():
        raise fail(line, "pattern must end with its [CODE]")
    code, passive_code = parse_code(line, body[open_bracket + 1 : close_bracket])
    tokens = [token.upper() for token in _TOKEN.findall(body[:open_bracket])]
    if tokens.count(VERB) != 1:
        raise fail(line, "pattern needs exactly one '*' for the verb")
    _check_brackets(line, tokens)
    star = tokens.index(VERB)
    return VerbPattern(
        before=tuple(tokens[:star]),
        after=tuple(tokens[star + 1 :]),
        code=code,
        passive_code=passive_code,
        line=line.number,
    )


def _check_brackets(line: SourceLine, tokens: list[str]) -> None:
    """Log a warning unless ``( )`` and ``{ }`` are balanced and nested."""
    stack: list[str] = []
    for token in tokens:
        if token in _CLOSERS:
            stack.append(_CLOSERS[token])
        elif token in (")", "}") and (not stack or stack.pop() != token):
            warn(line, f"unbalanced '{token}' in pattern")
            return
    if stack:
        warn(line, f"pattern leaves '{stack[-1]}' unclosed")
