"""Agent dictionary reader: plurals, substitution sets, gaps, codes."""

from __future__ import annotations

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.events.petrarch import parse_agents

AGENTS = """\
<!-- agents for tests -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
FOREIGN_MINISTER [~GOVFRM]  # comment
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
ARMY [~MIL]
HUMAN_RIGHTS_BODY [NGO~]
SECURITY SERVICE [~SPY]
"""


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("the foreign minister", "~GOVFRM"),
        ("foreign ministers", "~GOVFRM"),
        ("attorneys general", "~GOVATG"),
        ("police", "~COP"),
        ("congresswomen", "~LEG"),
        ("armies", "~MIL"),
        ("human rights bodies", "NGO~"),
        ("security and intelligence service", "~SPY"),
        ("foreign secretary", None),
        ("polices", None),
        ("congressperson", None),
    ],
)
def test_agents_code_for_noun_phrase(phrase: str, code: str | None) -> None:
    assert parse_agents(AGENTS).code_for(phrase.split()) == code


def test_agents_longest_form_wins() -> None:
    agents = parse_agents("MINISTER [~GOV]\nFOREIGN_MINISTER [~GOVFRM]\n")
    assert agents.code_for(["foreign", "minister"]) == "~GOVFRM"


def test_agents_prefix_code_marked() -> None:
    entries = list(parse_agents(AGENTS).iter_entries())
    assert [entry.is_prefix for entry in entries if entry.words[0] == "HUMAN"] == [True, True]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("ARMY [MIL]\n", 1),
        ("ARMY {ARMIES [~MIL]\n", 1),
        ("\n!NOBODY!_OF_SILLY_WALKS [~GOV]\n", 2),
        ("!PERSON! = MAN, , WOMAN\n", 1),
    ],
)
def test_agents_malformed_line_raises_naming_it(text: str, line: int) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_agents(text, source="test.agents.txt")
    assert caught.value.where == f"test.agents.txt:{line}"
