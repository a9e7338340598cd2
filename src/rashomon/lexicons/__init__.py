"""Lexicons: the word lists rules consult, kept as data files with one loader.

Each lexicon is a tab-separated file in this folder with a header line; lines starting with
``#`` are comments. ``load_table(name)`` reads one through ``importlib.resources`` (so it works
from a wheel or a zip), checks its columns, and caches it. Typed views (``CueLexicon``,
``RoleLexicon`` …) live next to the code that uses them and are registered in the
``lexicons`` catalogue registry under versioned names such as ``rashomon.cues.v1``: a change in
behaviour gets a new version and the old name keeps working.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import catalogue

from rashomon.errors import LexiconError

__all__ = ["lexicons", "load_table", "read_table"]

#: Versioned lexicon loaders: ``lexicons.get("rashomon.cues.v1")()``.
lexicons = catalogue.create("rashomon", "lexicons", entry_points=True)


def read_table(text: str, *, where: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Parse a lexicon's TSV text into rows keyed by the header's column names.

    Args:
        text: the file's contents.
        where: the file's name, for error messages.
        columns: the columns the caller needs; a missing one is a ``LexiconError``.

    Returns:
        One dict per data line; cells missing at the end of a line are empty strings.
    """
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            missing = [c for c in columns if c not in header]
            if missing:
                raise LexiconError(f"header lacks the column(s) {', '.join(missing)}", where=where)
            continue
        if len(cells) > len(header):
            raise LexiconError(
                f"line {number} has {len(cells)} cells, the header {len(header)}", where=where
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    if header is None:
        raise LexiconError("the file is empty", where=where)
    return rows


@functools.cache
def load_table(name: str, columns: tuple[str, ...] = ()) -> tuple[dict[str, str], ...]:
    """Read a built-in lexicon (``name`` is its file name in this folder) once per process.

    Raises:
        LexiconError: the file is missing or malformed.
    """
    try:
        text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise LexiconError("no such built-in lexicon", where=name) from error
    return tuple(read_table(text, where=name, columns=columns))


def load_file(path: Path, columns: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Read a user's own lexicon file in the same format as the built-in ones."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LexiconError(
            f"cannot read it ({error.__class__.__name__})", where=str(path)
        ) from error
    return read_table(text, where=str(path), columns=columns)
