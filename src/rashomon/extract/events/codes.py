"""The CAMEO event code table: names, quad classes, Goldstein weights and PLOVER types.

An event coder settles on a CAMEO code ("193": fight with small arms); everything else an
event record carries about its kind follows from that code. The data is
``lexicons/cameo_codes.tsv``, one row per code. ``CameoCodes`` checks the table as it loads
it (a code's parent must exist, its quad class must be its root's), fills a sub-code's empty
cells from its parent, and answers lookups, also for sub-codes the table lacks, which borrow
the values of their nearest listed ancestor: user dictionaries (PETRARCH's among them) carry
codes that no official table lists.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from rashomon.errors import LexiconError
from rashomon.lexicons import lexicons, load_table

__all__ = [
    "PLOVER_TYPES",
    "QUAD_CLASSES",
    "CameoCode",
    "CameoCodes",
    "load_cameo_codes_v1",
]

_COLUMNS = ("code", "name", "quad_class", "goldstein", "plover")
_FILE = "cameo_codes.tsv"
_CODE = re.compile(r"\d{2,4}")
_ROOTS = frozenset(f"{number:02d}" for number in range(1, 21))

#: The 16 event types of the PLOVER 2021 manual, cooperative first.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: CAMEO's four quad classes, by number.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with what follows from it.

    Attributes:
        code: two to four digits ("19", "193", "1951").
        name: its name in the CAMEO manual.
        quad_class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
            4 material conflict.
        goldstein: the Goldstein weight, from -10 (most conflictual) to +10.
        plover: the PLOVER event type, or None where PLOVER has none (most public statements).
    """

    code: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None

    @property
    def root(self) -> str:
        """The root category's two digits ("193" → "19")."""
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        """The code one level up ("1951" → "195", "193" → "19"), None for a root."""
        return self.code[:-1] if len(self.code) > 2 else None


def _check_code(code: str) -> None:
    """Reject anything that is not a CAMEO event code: "19", "193", "1951".

    Raises:
        ValueError: the code is not two to four digits under one of the roots 01-20.
    """
    if not _CODE.fullmatch(code) or code[:2] not in _ROOTS:
        raise ValueError(f"{code!r} is not a CAMEO event code (two to four digits, root 01-20)")


def _parse_row(row: Mapping[str, str], where: str) -> tuple[str, str, int | None, float | None]:
    """A row's code, name, quad class and Goldstein weight, the last two None when empty."""
    code = row["code"]
    try:
        _check_code(code)
    except ValueError as error:
        raise LexiconError(str(error), where=where) from None
    if not row["name"]:
        raise LexiconError(f"code {code} has no name", where=where)
    quad: int | None = None
    if row["quad_class"]:
        if row["quad_class"] not in {"1", "2", "3", "4"}:
            raise LexiconError(f"code {code}: quad class must be 1 to 4", where=where)
        quad = int(row["quad_class"])
    goldstein: float | None = None
    if row["goldstein"]:
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            raise LexiconError(
                f"code {code}: Goldstein weight is not a number", where=where
            ) from None
        if not math.isfinite(goldstein) or not -10.0 <= goldstein <= 10.0:
            raise LexiconError(f"code {code}: Goldstein weight is not in -10..10", where=where)
    if row["plover"] and row["plover"] not in PLOVER_TYPES:
        raise LexiconError(
            f"code {code}: {row['plover']!r} is not one of the 16 PLOVER types", where=where
        )
    return code, row["name"], quad, goldstein


class CameoCodes:
    """The CAMEO code table, checked and indexed by code."""

    def __init__(self, rows: Iterable[Mapping[str, str]], *, where: str = _FILE) -> None:
        """Check the rows and fill each sub-code's empty cells from its parent.

        Args:
            rows: dicts with the columns ``code, name, quad_class, goldstein, plover``.
            where: the file the rows came from, for error messages.

        Raises:
            LexiconError: a code is malformed or listed twice, its parent is missing, a root
                lacks a quad class or Goldstein weight, a sub-code's quad class differs from
                its root's, or a PLOVER type is not one of the 16.
        """
        parsed: dict[str, tuple[str, int | None, float | None, str | None]] = {}
        for row in rows:
            code, name, quad, goldstein = _parse_row(row, where)
            if code in parsed:
                raise LexiconError(f"code {code} is listed twice", where=where)
            parsed[code] = (name, quad, goldstein, row["plover"] or None)
        self._codes: dict[str, CameoCode] = {}
        # Shorter codes first, so that every parent is resolved before its children.
        for code in sorted(parsed, key=lambda c: (len(c), c)):
            name, quad, goldstein, plover = parsed[code]
            parent_code = code[:-1] if len(code) > 2 else None
            if parent_code is None:
                if quad is None or goldstein is None:
                    raise LexiconError(
                        f"root {code} needs a quad class and a Goldstein weight", where=where
                    )
                self._codes[code] = CameoCode(code, name, quad, goldstein, plover)
                continue
            parent = self._codes.get(parent_code)
            if parent is None:
                raise LexiconError(f"code {code} has no parent code {parent_code}", where=where)
            if quad is not None and quad != parent.quad_class:
                raise LexiconError(
                    f"code {code} has quad class {quad}, its root {parent.quad_class}",
                    where=where,
                )
            self._codes[code] = CameoCode(
                code,
                name,
                parent.quad_class,
                parent.goldstein if goldstein is None else goldstein,
                plover or parent.plover,
            )

    @classmethod
    @functools.cache
    def default(cls) -> CameoCodes:
        """The built-in table (``rashomon.cameo_codes.v1``), built once per process."""
        return cls(load_cameo_codes_v1())

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[CameoCode]:
        """Every code, in code order ("01", "010", "011", … "2042")."""
        return iter(sorted(self._codes.values(), key=lambda entry: entry.code))

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    @staticmethod
    def root(code: str) -> str:
        """The root category of a code: ``"193"`` → ``"19"``.

        Raises:
            ValueError: ``code`` is not a CAMEO event code.
        """
        _check_code(code)
        return code[:2]

    def find(self, code: str) -> CameoCode | None:
        """The table's entry for exactly this code, or None when it lists no such code."""
        return self._codes.get(code)

    def get(self, code: str) -> CameoCode:
        """The table's entry for exactly this code.

        Raises:
            KeyError: the table lists no such code.
        """
        entry = self._codes.get(code)
        if entry is None:
            raise KeyError(f"{code!r} is not in the CAMEO code table")
        return entry

    def resolve(self, code: str) -> CameoCode | None:
        """The entry for a code, or for its nearest listed ancestor ("1957" → "195").

        Returns None when not even the code's root is listed. Unlisted sub-codes are tolerated
        because dictionaries written for other CAMEO versions use some.
        """
        while code:
            entry = self._codes.get(code)
            if entry is not None:
                return entry
            code = code[:-1] if len(code) > 2 else ""
        return None

    def _resolved(self, code: str) -> CameoCode:
        _check_code(code)
        entry = self.resolve(code)
        if entry is None:
            raise KeyError(f"{code!r} has no root in the CAMEO code table")
        return entry

    def quad_class(self, code: str) -> int:
        """The quad class of a code (1 verbal coop … 4 material conflict).

        Raises:
            ValueError: ``code`` is not a CAMEO event code.
            KeyError: the table lists not even its root.
        """
        return self._resolved(code).quad_class

    def goldstein(self, code: str) -> float:
        """The Goldstein weight of a code, or of its nearest listed ancestor.

        Raises:
            ValueError: ``code`` is not a CAMEO event code.
            KeyError: the table lists not even its root.
        """
        return self._resolved(code).goldstein

    def plover(self, code: str) -> str | None:
        """The PLOVER event type of a code (inherited from its parent when its own is empty).

        Returns None for codes PLOVER leaves out, such as most public statements (01).

        Raises:
            ValueError: ``code`` is not a CAMEO event code.
            KeyError: the table lists not even its root.
        """
        return self._resolved(code).plover


def load_cameo_codes_v1() -> tuple[dict[str, str], ...]:
    """Rows of the built-in CAMEO code table."""
    return load_table(_FILE, _COLUMNS)


# Registered by call, not as a decorator: catalogue's decorator is untyped.
lexicons.register("rashomon.cameo_codes.v1", func=load_cameo_codes_v1)
