"""Where an article comes from: the credit lines, datelines and disclaimers around a story.

A republished story carries its history in a few lines of metadata: a credit ("By <Outlet>"),
a wire dateline ("WASHINGTON (AP) —"), a note that it "first appeared in" another outlet, a
republisher's disclaimer ("<Site> is not responsible for the content of quoted articles"), a
copyright footer. ``find_origin`` reads them into an ``Origin`` (original outlet, republisher,
the lines as evidence) and lists their character ranges as ``excluded``, so that later stages
never take "By <Outlet>" for a statement of the story (SPEC "where an article comes from").

Why only the edges: such lines sit in the first and last few lines of an article (and wire
datelines at a paragraph's start), so the function looks nowhere else. That keeps it fast on a
50 MB text and keeps a story sentence that merely contains "by" out of it. The words it relies
on (wire services, outlet-like words, disclaimer phrasings) are data, in ``provenance.tsv``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from rashomon.lexicons import load_table
from rashomon.model import Origin, Span

__all__ = ["ProvenanceFinding", "find_origin"]

#: How many non-blank lines at each end of the text may hold provenance lines.
_EDGE_LINES = 6

#: Longer lines are story paragraphs, not credit lines (a dateline is matched as a prefix).
_MAX_LINE_CHARS = 300

# Byline-style credit, alone on its line: "By Example News", "By Jane Doe, Example Times".
_BYLINE = re.compile(r"by\s+(?P<name>\S.*?)[\s.]*", re.IGNORECASE)
_BYLINE_PARTS = re.compile(r"\s*(?:,|\||\s[-–—]\s|\sfor\s)\s*")

#: A dateline's place and date fit in this many characters before the "(AP)".
_MAX_DATELINE_PREFIX = 80

# A dateline's place and date, every word capitalised: "WASHINGTON", "LONDON, July 3".
_PLACE = r"[A-Z][\w.'’-]*(?:[ \t]*,?[ \t]+(?:[A-Z][\w.'’-]*|\d{1,2}),?){0,6}"

# A source label: "Source: Reuters", "Sources: Example Daily".
_SOURCE = re.compile(r"sources?\s*:\s*(?P<name>\S.*?)[\s.]*", re.IGNORECASE)

# A copyright footer: "© 2016 Reuters. All rights reserved.", "Copyright 2020 Example Media".
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)\s*(?:©|\(c\))?\s*"
    r"(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<rest>.*)",
    re.IGNORECASE,
)


#: A name longer than this is a sentence in title case, not an outlet or a person.
_MAX_NAME_TOKENS = 8

# Lowercase words that may sit inside a name: "Voice of America", "Agence France-Presse".
_CONNECTORS = frozenset(
    {"of", "the", "and", "for", "&", "de", "du", "des", "del", "da", "di", "la", "le", "al", "el"}
)
_DOMAIN = re.compile(r"[\w-]*[A-Za-z][\w-]*(?:\.[\w-]+)+")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_PREFIXED = re.compile(r"[a-z]{1,3}-[A-Z]")  # "al-Monitor"
_TRAILING = ".,;:!?)]\"'”’"
_LEADING = "([\"'“‘"


@dataclass(frozen=True)
class _NameRules:
    """The word lists that tell an outlet's name from a person's.

    Attributes:
        wires: wire-service names as written, mapped to their canonical names.
        outlet_words: lowercased last words that make a name an outlet ("news", "tv").
        wire_inside: finds a wire name inside a longer name ("Associated Press Writer").
    """

    wires: dict[str, str]
    outlet_words: frozenset[str]
    wire_inside: re.Pattern[str]

    def canonical(self, name: str) -> str:
        """A wire service's canonical name ("The AP" → "Associated Press"), else ``name``."""
        bare = name.strip().removeprefix("The ").removeprefix("the ")
        if bare in self.wires:
            return self.wires[bare]
        inside = self.wire_inside.search(name)
        return self.wires[inside[0]] if inside else name.strip()

    def is_outlet_like(self, name: str) -> bool:
        """Whether a name reads as an organisation: "Example TV", "BBC", a wire, a domain."""
        if self.canonical(name) != name.strip():
            return True
        tokens = name.split()
        if not tokens or tokens[-1].lower() in self.outlet_words:
            return bool(tokens)
        if any(_DOMAIN.fullmatch(token) for token in tokens):
            return True
        # "BBC", "RT Arabic" are outlets; "JOHN SMITH" is an agency-style person byline.
        capitals = [t for t in tokens if len(t) >= 2 and t.isupper() and t.isalpha()]
        return bool(capitals) and (len(tokens) == 1 or len(capitals) < len(tokens))


def _trim(token: str) -> tuple[str, bool]:
    """A token without surrounding punctuation, and whether the punctuation ends the name."""
    if _INITIALS.fullmatch(token):
        return token, False
    word = token.lstrip(_LEADING).rstrip(_TRAILING)
    stop = len(word) < len(token.lstrip(_LEADING))
    for possessive in ("'s", "’s"):
        if word.endswith(possessive):
            word, stop = word[: -len(possessive)], True
    return word, stop


def _is_name_word(word: str) -> bool:
    """Whether a word can belong to a proper name: capitalised, a number, a domain."""
    return (
        word[0].isupper()
        or word[0].isdigit()
        or (len(word) > 1 and word[1].isupper())
        or _PREFIXED.match(word) is not None
        or _DOMAIN.fullmatch(word) is not None
    )


def _walk_name(tokens: list[str]) -> tuple[list[str], int]:
    """The name words at the start of ``tokens`` and how many tokens they used."""
    taken: list[str] = []
    for count, token in enumerate(tokens[: _MAX_NAME_TOKENS + 1]):
        word, stop = _trim(token)
        if not word or not (_is_name_word(word) or word.lower() in _CONNECTORS):
            return taken, count
        taken.append(word)
        if stop:
            return taken, count + 1
    return taken, min(len(tokens), _MAX_NAME_TOKENS + 1)


def _finish(words: list[str]) -> str | None:
    """Join name words, dropping connectors at the edges ("the Guardian" → "Guardian")."""
    while words and words[0].lower() in _CONNECTORS and not words[0][0].isupper():
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    if not words or len(words) > _MAX_NAME_TOKENS:
        return None
    if not any(w[0].isalpha() and (w[0].isupper() or _DOMAIN.fullmatch(w)) for w in words):
        return None
    return " ".join(words)


def _leading_name(text: str) -> str | None:
    """The proper name that ``text`` begins with ("Foreign Policy on July 3" → "Foreign
    Policy"), or ``None``."""
    words, _ = _walk_name(text.split())
    return _finish(words)


def _is_name(text: str) -> bool:
    """Whether ``text`` is a proper name and nothing else ("Example News", not "Tuesday, the")."""
    tokens = text.split()
    if not tokens or len(tokens) > _MAX_NAME_TOKENS:
        return False
    words, used = _walk_name(tokens)
    return used == len(tokens) and _finish(words) is not None and len(words) == len(tokens)


@dataclass(frozen=True)
class ProvenanceFinding:
    """What the provenance lines of an article say.

    Attributes:
        origin: the original outlet, the republisher and the lines that say so.
        excluded: character ranges of metadata lines (credits, datelines, disclaimers, person
            bylines), which are not statements of the story.
        byline: the writer named by a person's byline at the top ("By Jane Doe"), if any.
    """

    origin: Origin
    excluded: tuple[tuple[int, int], ...]
    byline: str | None = None


@dataclass(frozen=True)
class _Rules:
    """The compiled patterns and word sets, built once from ``provenance.tsv``."""

    names: _NameRules
    dateline: re.Pattern[str]
    wire_mark: re.Pattern[str]
    origin: re.Pattern[str]
    disclaimer_after: re.Pattern[str]
    disclaimer_before: re.Pattern[str]


@dataclass(frozen=True)
class _Line:
    """One non-blank line, stripped, with its offsets and whether it sits at the top."""

    start: int
    end: int
    text: str
    at_start: bool


@dataclass
class _Found:
    """What the lines say, gathered before it is folded into one ``Origin``."""

    outlets: list[tuple[int, str]]  # (priority, name); lower priority wins
    republishers: list[str]
    evidence: list[tuple[int, int]]
    excluded: list[tuple[int, int]]
    bylines: list[str]


# Priorities of outlet evidence: an explicit "first appeared in" beats a label, a dateline, a
# credit line, and a copyright footer, in that order.
_BY_ORIGIN_PHRASE, _BY_SOURCE_LABEL, _BY_DATELINE, _BY_BYLINE, _BY_COPYRIGHT = range(5)


def _alternation(phrases: list[str]) -> str:
    """A regex alternation of phrases, longest first, with flexible spaces.

    An empty list gives a pattern that never matches (an empty alternation would match
    everywhere).
    """
    if not phrases:
        return "(?!)"
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(word) for word in p.split()) for p in ordered)


@functools.cache
def _rules() -> _Rules:
    """Read ``provenance.tsv`` and compile its patterns (once per process)."""
    rows = load_table("provenance.tsv", ("kind", "phrase", "canonical"))
    by_kind: dict[str, list[str]] = {}
    wires: dict[str, str] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row["phrase"])
        if row["kind"] == "wire":
            wires[row["phrase"]] = row["canonical"] or row["phrase"]
    outlet_words = frozenset(word.lower() for word in by_kind.get("outlet_word", []))
    wire_names = _alternation(list(wires))
    return _Rules(
        names=_NameRules(
            wires=wires,
            outlet_words=outlet_words,
            wire_inside=re.compile(rf"(?<![\w-])(?:{wire_names})(?![\w-])"),
        ),
        # Wire dateline at a paragraph's start: "WASHINGTON (AP) —", "LONDON, July 3 (AFP) -",
        # "(Reuters) - The ministry said …".
        dateline=re.compile(rf"[ \t]*(?:{_PLACE}[ \t]+)?\((?P<wire>{wire_names})\)[ \t]*[-—–:]+"),
        wire_mark=re.compile(rf"\((?:{wire_names})\)"),
        # Syndication note: "This article first appeared in Example Weekly."
        origin=re.compile(rf"\b(?:{_alternation(by_kind.get('origin', []))})\s+", re.I),
        # Republisher disclaimer, site first: "Example Site is not responsible for the content
        # of quoted articles."
        disclaimer_after=re.compile(
            rf"(?P<site>.+?)\s+(?:{_alternation(by_kind.get('disclaimer_after', []))})\b", re.I
        ),
        # Republisher disclaimer, site last: "The views expressed do not necessarily reflect
        # the views of Example Site."
        disclaimer_before=re.compile(
            rf"\b(?:{_alternation(by_kind.get('disclaimer_before', []))})\s+", re.I
        ),
    )


def _edge_lines(text: str) -> list[_Line]:
    """The first and last ``_EDGE_LINES`` non-blank lines, each marked top or bottom.

    When the two ends overlap (a short text), every line is seen once and counts as at the
    top when more lines follow it than precede it.
    """
    head: list[tuple[int, int]] = []
    position = 0
    while len(head) < _EDGE_LINES and position <= len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if text[position:end].strip():
            head.append((position, end))
        position = end + 1
    tail: list[tuple[int, int]] = []
    end = len(text)
    while len(tail) < _EDGE_LINES and end >= 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            tail.append((start, end))
        end = start - 1
    tail.reverse()
    ranges = sorted(set(head) | set(tail))
    complete = bool(head) and bool(tail) and head[-1][0] >= tail[0][0]
    lines: list[_Line] = []
    for index, (start, end) in enumerate(ranges):
        raw = text[start:end]
        left = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        if complete:
            at_start = index < len(ranges) - 1 - index
        else:
            at_start = (start, end) in head
        lines.append(_Line(start + left, start + left + len(stripped), stripped, at_start))
    return lines


def _read_byline(line: _Line, rules: _NameRules, found: _Found) -> bool:
    """A "By …" credit line: an outlet at the end or when organisation-like, else a writer."""
    match = _BYLINE.fullmatch(line.text)
    if match is None:
        return False
    parts = [part for part in _BYLINE_PARTS.split(match["name"]) if part]
    if not parts or not all(_is_name(part) for part in parts):
        return False
    outlets = [part for part in parts if rules.is_outlet_like(part)]
    people = [part for part in parts if part not in outlets]
    span = (line.start, line.end)
    found.excluded.append(span)
    if not line.at_start and not outlets:
        # "By <Name>" at the end of the story credits the outlet it came from.
        outlets = parts[:1]
        people = []
    if outlets:
        found.outlets.append((_BY_BYLINE, rules.canonical(outlets[0])))
        found.evidence.append(span)
    if people and line.at_start:
        # "By Jane Doe" at the top names the writer, not the outlet.
        found.bylines.append(", ".join(people))
    return True


def _read_line(line: _Line, rules: _Rules, found: _Found) -> None:
    """Match one edge line against every provenance pattern, first match wins."""
    if len(line.text) > _MAX_LINE_CHARS:
        return
    names = rules.names
    span = (line.start, line.end)
    if _read_byline(line, names, found):
        return
    # Source label: "Source: Reuters".
    label = _SOURCE.fullmatch(line.text)
    if label is not None:
        name = label["name"].split(",")[0]
        if _is_name(name):
            found.outlets.append((_BY_SOURCE_LABEL, names.canonical(name)))
            found.evidence.append(span)
            found.excluded.append(span)
            return
    # Syndication note: "This article was originally published by Example Weekly."
    phrase = rules.origin.search(line.text)
    if phrase is not None:
        name = _leading_name(line.text[phrase.end() :])
        if name is not None:
            found.outlets.append((_BY_ORIGIN_PHRASE, names.canonical(name)))
            found.evidence.append(span)
            found.excluded.append(span)
            return
    # Republisher disclaimer: "Example Site is not responsible for the content of quoted
    # articles."
    after = rules.disclaimer_after.match(line.text)
    if after is not None and _is_name(after["site"]):
        found.republishers.append(after["site"].strip())
        found.evidence.append(span)
        found.excluded.append(span)
        return
    # "… do not necessarily reflect the views of Example Site."
    before = rules.disclaimer_before.search(line.text)
    if before is not None:
        site = _leading_name(line.text[before.end() :])
        if site is not None:
            found.republishers.append(site)
            found.evidence.append(span)
            found.excluded.append(span)
            return
    # Copyright footer: "© 2016 Reuters. All rights reserved."
    footer = _COPYRIGHT.fullmatch(line.text)
    if footer is not None:
        holder = _leading_name(footer["rest"])
        found.excluded.append(span)
        if holder is not None:
            found.outlets.append((_BY_COPYRIGHT, names.canonical(holder)))
            found.evidence.append(span)


def _read_datelines(text: str, rules: _Rules, found: _Found) -> set[int]:
    """Wire datelines at paragraph starts; returns the line starts they occupy.

    Only the dateline itself is excluded, not the rest of its line, which is the story's lead.
    """
    starts: set[int] = set()
    # Why two steps: a search for "(AP)" skips through the text at C speed, and only the few
    # lines holding one are matched against the full dateline pattern from their start.
    for mark in rules.wire_mark.finditer(text):
        line_start = text.rfind("\n", 0, mark.start()) + 1
        if mark.start() - line_start > _MAX_DATELINE_PREFIX:
            continue
        match = rules.dateline.match(text, line_start)
        if match is None or match.end() < mark.end():
            continue
        start = match.start() + len(match[0]) - len(match[0].lstrip())
        if start in starts:
            continue
        span = (start, match.end())
        found.outlets.append((_BY_DATELINE, rules.names.canonical(match["wire"])))
        found.evidence.append(span)
        found.excluded.append(span)
        starts.add(start)
    return starts


def find_origin(text: str) -> ProvenanceFinding:
    """Read an article's provenance lines.

    Args:
        text: the article's plain text (what its offsets point into).

    Returns:
        The origin (outlet, republisher, evidence spans in text order), the character ranges
        of every metadata line, and the writer's byline if the text names one. Odd input
        (empty, one line, stray characters) gives an empty finding, never an error.
    """
    rules = _rules()
    found = _Found(outlets=[], republishers=[], evidence=[], excluded=[], bylines=[])
    dateline_starts = _read_datelines(text, rules, found)
    for line in _edge_lines(text):
        if line.start not in dateline_starts:
            _read_line(line, rules, found)
    outlet = min(found.outlets, key=lambda item: item[0])[1] if found.outlets else None
    evidence = tuple(Span(text[s:e], s, e) for s, e in sorted(set(found.evidence)))
    return ProvenanceFinding(
        origin=Origin(
            outlet=outlet,
            republished_by=found.republishers[0] if found.republishers else None,
            evidence=evidence,
        ),
        excluded=tuple(sorted(set(found.excluded))),
        byline=found.bylines[0] if found.bylines else None,
    )
