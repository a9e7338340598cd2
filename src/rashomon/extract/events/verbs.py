"""The built-in event verb lexicon: which verbs report a political event, and its CAMEO code.

The data is ``lexicons/event_verbs.tsv``. A verb alone often does not settle the code: "call
for talks" is an appeal (026) but "call a truce" a ceasefire (0871); "impose" codes nothing
until its object says what was imposed ("sanctions": 163, "a curfew": 1723). So a row may name
a particle or preposition and an object lemma, and the most specific matching row wins. The
lexicon only answers lookups; finding the verb's particle and object in a parse is the event
finder's job, which can ask ``particles`` and ``objects`` which words matter for a lemma.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rashomon.errors import LexiconError
from rashomon.extract.events.codes import CameoCodes
from rashomon.lexicons import lexicons, load_table

__all__ = ["EventVerb", "EventVerbLexicon", "load_event_verbs_v1"]

_COLUMNS = ("lemma", "particle_or_prep", "object_hint", "code", "note")
_FILE = "event_verbs.tsv"
_WORD = re.compile(r"[a-z][a-z'-]*")
_NONE = "-"

_Key = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class EventVerb:
    """One reading of an event verb: the words it needs and the CAMEO code it gives.

    Attributes:
        lemma: the verb's lemma ("impose").
        particle: the particle or preposition the reading needs ("down", "for"), or None.
        object_lemma: the object lemma the reading needs ("sanction"), or None.
        code: the CAMEO event code.
        note: the lexicon's note on the row, empty when it has none.
    """

    lemma: str
    particle: str | None
    object_lemma: str | None
    code: str
    note: str = ""


def _cell(value: str) -> str | None:
    return None if value in {"", _NONE} else value


def _words(value: str | None, *, what: str, where: str) -> list[str | None]:
    """A cell's alternatives ("sanction|embargo"), each checked to be one lower-case word."""
    if value is None:
        return [None]
    words = [word.strip() for word in value.split("|")]
    for word in words:
        if not _WORD.fullmatch(word):
            raise LexiconError(
                f"{what} {word!r} is not a lower-case word (alternatives go with '|')",
                where=where,
            )
    return list(words)


class EventVerbLexicon:
    """Event verbs looked up by lemma, particle or preposition, and object lemma."""

    def __init__(
        self,
        rows: Iterable[Mapping[str, str]],
        *,
        codes: CameoCodes | None = None,
        where: str = _FILE,
    ) -> None:
        """Index the rows, one entry per lemma, particle and object alternative.

        Args:
            rows: dicts with the columns ``lemma, particle_or_prep, object_hint, code, note``.
            codes: the CAMEO table every code must be in; the built-in one by default.
            where: the file the rows came from, for error messages.

        Raises:
            LexiconError: a cell is not a lower-case word, a code is not in the CAMEO table,
                or two rows claim the same lemma, particle and object.
        """
        codes = codes if codes is not None else CameoCodes.default()
        self._entries: dict[_Key, EventVerb] = {}
        self._particles: dict[str, set[str]] = {}
        self._objects: dict[str, set[str]] = {}
        for row in rows:
            lemma = row["lemma"]
            if not _WORD.fullmatch(lemma):
                raise LexiconError(f"lemma {lemma!r} is not a lower-case word", where=where)
            code = row["code"]
            if code not in codes:
                raise LexiconError(f"{lemma!r}: {code!r} is not a CAMEO event code", where=where)
            note = _cell(row["note"]) or ""
            particles = _words(_cell(row["particle_or_prep"]), what="particle", where=where)
            objects = _words(_cell(row["object_hint"]), what="object hint", where=where)
            for particle in particles:
                for object_lemma in objects:
                    key = (lemma, particle, object_lemma)
                    if key in self._entries:
                        raise LexiconError(
                            f"{' + '.join(w for w in key if w)} is listed twice", where=where
                        )
                    self._entries[key] = EventVerb(lemma, particle, object_lemma, code, note)
                    if particle is not None:
                        self._particles.setdefault(lemma, set()).add(particle)
                    if object_lemma is not None:
                        self._objects.setdefault(lemma, set()).add(object_lemma)
        self._lemmas = frozenset(key[0] for key in self._entries)

    @classmethod
    @functools.cache
    def default(cls) -> EventVerbLexicon:
        """The built-in lexicon (``rashomon.event_verbs.v1``), built once per process."""
        return cls(load_event_verbs_v1())

    def __len__(self) -> int:
        """How many lemma, particle and object combinations the lexicon knows."""
        return len(self._entries)

    def __contains__(self, lemma: object) -> bool:
        """Whether any row names this lemma: a cheap first test before reading a verb's children."""
        return lemma in self._lemmas

    @property
    def lemmas(self) -> frozenset[str]:
        """Every lemma with at least one row."""
        return self._lemmas

    def particles(self, lemma: str) -> frozenset[str]:
        """The particles and prepositions that change what ``lemma`` codes ("for", "on" …)."""
        return frozenset(self._particles.get(lemma.lower(), ()))

    def objects(self, lemma: str) -> frozenset[str]:
        """The object lemmas that change what ``lemma`` codes ("sanction", "troop" …)."""
        return frozenset(self._objects.get(lemma.lower(), ()))

    def lookup(
        self, lemma: str, particle: str | None = None, object_lemma: str | None = None
    ) -> EventVerb | None:
        """The most specific row that fits a verb, its particle and its object.

        Rows are tried from the most specific down: lemma + particle + object, lemma + object,
        lemma + particle, lemma alone. The object outranks the particle because it names what
        was done ("fire tear gas at" is repression whatever the preposition).

        Args:
            lemma: the verb's lemma.
            particle: its particle or the preposition of its prepositional object, if any.
            object_lemma: the lemma of its object (direct, or the preposition's), if any.

        Returns:
            The row, or None when no row fits (a verb whose rows all need an object codes
            nothing without one).
        """
        verb = lemma.lower()
        prep = particle.lower() if particle else None
        thing = object_lemma.lower() if object_lemma else None
        keys: list[_Key] = []
        if prep is not None and thing is not None:
            keys.append((verb, prep, thing))
        if thing is not None:
            keys.append((verb, None, thing))
        if prep is not None:
            keys.append((verb, prep, None))
        keys.append((verb, None, None))
        for key in keys:
            entry = self._entries.get(key)
            if entry is not None:
                return entry
        return None

    def code_for(
        self, lemma: str, particle: str | None = None, object_lemma: str | None = None
    ) -> str | None:
        """The CAMEO code of the most specific row that fits (see ``lookup``), or None."""
        entry = self.lookup(lemma, particle, object_lemma)
        return entry.code if entry is not None else None


def load_event_verbs_v1() -> tuple[dict[str, str], ...]:
    """Rows of the built-in event verb lexicon."""
    return load_table(_FILE, _COLUMNS)


# Registered by call, not as a decorator: catalogue's decorator is untyped.
lexicons.register("rashomon.event_verbs.v1", func=load_event_verbs_v1)
