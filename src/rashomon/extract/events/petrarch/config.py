"""Locate a set of PETRARCH dictionaries from a config file or a folder.

PETRARCH names its dictionaries in the ``[Dictionaries]`` section of
``PETR_config.ini``::

    [Dictionaries]
    verbfile_name    = CAMEO.2.0.txt
    actorfile_list   = Phoenix.Countries.actors.txt, Phoenix.International.actors.txt
    agentfile_name   = Phoenix.agents.txt
    discardfile_name = Phoenix.discards.txt
    issuefile_name   = Phoenix.IssueCoding.txt

The CLI accepts ``--dictionaries PATH`` where PATH is such a file or a folder;
``find_dictionaries`` turns either into a ``DictionarySet`` of checked paths.
"""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from pathlib import Path

from rashomon.errors import LexiconError

__all__ = ["DictionarySet", "find_dictionaries", "read_config"]

_SECTION = "Dictionaries"
_CONFIG_NAME = "PETR_config.ini"
# Words in file names that identify each kind when a folder has no config.
_KINDS = {"verbs": "verb", "actors": "actor", "agents": "agent", "discards": "discard"}


@dataclass(frozen=True)
class DictionarySet:
    """The files of one PETRARCH dictionary set, as existing paths.

    Attributes:
        verbs: The verb pattern dictionary.
        actors: Actor dictionaries, in precedence order.
        agents: The agent dictionary.
        discards: The discard list, if any.
        issues: The issue list, if any (not read by rashomon yet).
    """

    verbs: Path
    actors: tuple[Path, ...]
    agents: Path
    discards: Path | None = None
    issues: Path | None = None


def read_config(path: Path, dictionary_folder: Path | None = None) -> DictionarySet:
    """Read the ``[Dictionaries]`` section of a PETRARCH config file.

    Args:
        path: The ``.ini`` file.
        dictionary_folder: Folder the file names are relative to; defaults to
            the config file's own folder, where rashomon expects the set to sit.

    Returns:
        The dictionary set, every path checked to exist.

    Raises:
        LexiconError: The file cannot be read, lacks the section or a required
            name, or names a file that does not exist.
    """
    where = str(path)
    parser = configparser.ConfigParser(interpolation=None, inline_comment_prefixes=("#",))
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except OSError as error:
        raise LexiconError(f"cannot read config ({error.strerror})", where=where) from error
    except configparser.Error as error:
        message = str(error).splitlines()[0]
        raise LexiconError(f"not a valid config file: {message}", where=where) from error
    if not parser.has_section(_SECTION):
        raise LexiconError(f"no [{_SECTION}] section naming the dictionaries", where=where)
    section = parser[_SECTION]
    folder = dictionary_folder if dictionary_folder is not None else path.parent

    def optional(key: str) -> Path | None:
        value = section.get(key, "").strip()
        return _existing(folder / value, where, key) if value else None

    def required(key: str) -> Path:
        found = optional(key)
        if found is None:
            raise LexiconError(f"[{_SECTION}] has no {key}", where=where)
        return found

    actor_names = [name.strip() for name in section.get("actorfile_list", "").split(",")]
    actors = tuple(
        _existing(folder / name, where, "actorfile_list") for name in actor_names if name
    )
    if not actors:
        raise LexiconError(f"[{_SECTION}] has no actorfile_list", where=where)
    return DictionarySet(
        verbs=required("verbfile_name"),
        actors=actors,
        agents=required("agentfile_name"),
        discards=optional("discardfile_name"),
        issues=optional("issuefile_name"),
    )


def find_dictionaries(path: Path) -> DictionarySet:
    """Find a dictionary set from a config file or a folder.

    A folder is read through its ``PETR_config.ini`` when it has one;
    otherwise its ``.txt`` files are sorted by the word in their names (verb,
    actor, agent, discard, issue), and each kind but actors must be unique.

    Args:
        path: A config file or a folder holding one dictionary set.

    Returns:
        The dictionary set.

    Raises:
        LexiconError: The path does not exist, or the folder does not hold
            exactly one set.
    """
    if path.is_file():
        return read_config(path)
    if not path.is_dir():
        raise LexiconError("no such dictionary file or folder", where=str(path))
    config = path / _CONFIG_NAME
    if config.is_file():
        return read_config(config)
    files = sorted(child for child in path.iterdir() if child.suffix.lower() == ".txt")
    found = {kind: [f for f in files if word in f.name.lower()] for kind, word in _KINDS.items()}
    issues = [f for f in files if "issue" in f.name.lower()]
    for kind in ("verbs", "agents", "discards"):
        if len(found[kind]) > 1:
            names = ", ".join(f.name for f in found[kind])
            raise LexiconError(
                f"several {kind} files ({names}); add a {_CONFIG_NAME} naming one",
                where=str(path),
            )
    for kind in ("verbs", "actors", "agents"):
        if not found[kind]:
            raise LexiconError(
                f"no {kind} file (a .txt file with '{_KINDS[kind]}' in its name)",
                where=str(path),
            )
    return DictionarySet(
        verbs=found["verbs"][0],
        actors=tuple(found["actors"]),
        agents=found["agents"][0],
        discards=found["discards"][0] if found["discards"] else None,
        issues=issues[0] if len(issues) == 1 else None,
    )


def _existing(path: Path, where: str, key: str) -> Path:
    """Return ``path`` if it is a file, else name the config key at fault."""
    if not path.is_file():
        raise LexiconError(f"{key} names {path}, which does not exist", where=where)
    return path
