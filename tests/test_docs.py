"""The README documents every command, component and mode the package offers."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import rashomon.nlp.factories  # noqa: F401 - registers the factories
from rashomon.cli import app
from rashomon.nlp.loading import MODES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    names = [command.name or "" for command in app.registered_commands]
    for group in app.registered_groups:
        assert group.typer_instance is not None
        for command in group.typer_instance.registered_commands:
            names.append(f"{group.name} {command.name}")
    return names


@pytest.mark.parametrize("command", _commands())
def test_docs_every_command_is_in_the_readme(command: str) -> None:
    assert f"rashomon {command}" in README


@pytest.mark.parametrize(
    "factory", [name for name in Language.factories if name.startswith("rashomon_")]
)
def test_docs_every_component_is_in_the_readme(factory: str) -> None:
    assert factory in README


@pytest.mark.parametrize("mode", sorted(MODES))
def test_docs_every_mode_is_in_the_readme(mode: str) -> None:
    assert f"`{mode}`" in README
