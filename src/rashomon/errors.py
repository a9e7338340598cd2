"""Every error rashomon raises on purpose.

::

    RashomonError            anything the user can fix; has a one-line message and a status
    ├── InputError           an article that cannot be read (empty, binary, undecodable, bad HTML)
    ├── LexiconError         a lexicon or dictionary file that is missing or malformed
    ├── ModelError           the spaCy model is not installed
    ├── StoreError           the store cannot be opened or written
    └── ConfigError          a setting or option with a bad value

Bugs are never wrapped in these classes: they keep their traceback.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "LexiconError",
    "ModelError",
    "RashomonError",
    "StoreError",
]


class RashomonError(Exception):
    """Base class: a problem with what the user gave us, stated in one line.

    ``where`` names the file, setting or record at fault, so the CLI can print
    ``error: <where>: <message>``.
    """

    status = 400

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(RashomonError):
    """An article that cannot be read: empty, binary, undecodable, or HTML with no text."""

    status = 422


class LexiconError(RashomonError):
    """A lexicon or dictionary file that is missing or malformed."""

    status = 500


class ModelError(RashomonError):
    """The spaCy model rashomon needs is not installed."""

    status = 500


class StoreError(RashomonError):
    """The store cannot be opened, migrated or written."""

    status = 503


class ConfigError(RashomonError):
    """A setting or option has a value rashomon cannot use."""

    status = 400
