"""Dictionary set location: config files and folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.events.petrarch import find_dictionaries, read_config

CONFIG = """\
[Dictionaries]
# comment
verbfile_name    = my.verbs.txt
actorfile_list   = a.actors.txt, b.actors.txt
agentfile_name   = my.agents.txt
discardfile_name = my.discards.txt
"""
NAMES = ["my.verbs.txt", "a.actors.txt", "b.actors.txt", "my.agents.txt", "my.discards.txt"]


def _make_set(folder: Path, config: str | None = CONFIG) -> None:
    for name in NAMES:
        (folder / name).write_text("# empty\n")
    if config is not None:
        (folder / "PETR_config.ini").write_text(config)


def test_config_resolves_names_in_its_folder(tmp_path: Path) -> None:
    _make_set(tmp_path)
    found = read_config(tmp_path / "PETR_config.ini")
    assert found.verbs == tmp_path / "my.verbs.txt"
    assert found.actors == (tmp_path / "a.actors.txt", tmp_path / "b.actors.txt")
    assert found.discards == tmp_path / "my.discards.txt"
    assert found.issues is None


@pytest.mark.parametrize("use_file", [True, False])
def test_config_find_from_file_or_folder(tmp_path: Path, use_file: bool) -> None:
    _make_set(tmp_path)
    target = tmp_path / "PETR_config.ini" if use_file else tmp_path
    assert find_dictionaries(target).agents == tmp_path / "my.agents.txt"


def test_config_folder_without_config_found_by_names(tmp_path: Path) -> None:
    _make_set(tmp_path, config=None)
    found = find_dictionaries(tmp_path)
    assert found.verbs.name == "my.verbs.txt" and len(found.actors) == 2


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[Options]\nx = 1\n", r"no \[Dictionaries\]"),
        (CONFIG.replace("my.agents.txt", "missing.agents.txt"), "does not exist"),
        (CONFIG.replace("verbfile_name", "# verbfile_name"), "verbfile_name"),
        ("not an ini file\n", "not a valid config"),
    ],
)
def test_config_errors_name_the_file(tmp_path: Path, config: str, message: str) -> None:
    _make_set(tmp_path, config)
    with pytest.raises(LexiconError, match=message) as caught:
        find_dictionaries(tmp_path)
    assert caught.value.where == str(tmp_path / "PETR_config.ini")


def test_config_missing_path_or_ambiguous_folder(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no such"):
        find_dictionaries(tmp_path / "nowhere")
    _make_set(tmp_path, config=None)
    (tmp_path / "other.verbs.txt").write_text("")
    with pytest.raises(LexiconError, match="several verbs"):
        find_dictionaries(tmp_path)
