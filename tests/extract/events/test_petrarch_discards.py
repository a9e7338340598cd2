"""Discard list reader: sentence and story scope, stems and whole words."""

from __future__ import annotations

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.events.petrarch import DiscardScope, parse_discards

DISCARDS = """\
# sports give it away
BASEBALL   # a stem
+WORLD GOLF CHAMPIONSHIPS
ACADEMY AWARD_
"""


@pytest.mark.parametrize(
    ("sentence", "phrases"),
    [
        ("The baseballs flew as rebels attacked.", ["BASEBALL"]),
        ("He won the Academy Award.", ["ACADEMY AWARD"]),
        ("He won the Academy Awards.", []),
        ("Rebels attacked the capital.", []),
        ("Prebaseball talks failed.", []),
        ("At the World  Golf Championships, fans rioted.", ["WORLD GOLF CHAMPIONSHIPS"]),
    ],
)
def test_discards_find_phrases(sentence: str, phrases: list[str]) -> None:
    found = parse_discards(DISCARDS).find(sentence)
    assert [entry.phrase for entry in found] == phrases


def test_discards_scope_story_versus_sentence() -> None:
    discards = parse_discards(DISCARDS)
    assert discards.voids_sentence("A baseball game.")
    assert not discards.voids_story("A baseball game.")
    assert discards.voids_story("Tiger Woods at the world golf championships.")
    scopes = [entry.scope for entry in discards.iter_entries()]
    assert scopes == [DiscardScope.SENTENCE, DiscardScope.STORY, DiscardScope.SENTENCE]


def test_discards_empty_list_matches_nothing() -> None:
    assert parse_discards("# nothing\n").find("anything at all") == ()


@pytest.mark.parametrize("text", ["+\n", "BASEBALL [###]\n"])
def test_discards_malformed_line_raises_naming_it(text: str) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_discards(text, source="test.discards.txt")
    assert caught.value.where == "test.discards.txt:1"
