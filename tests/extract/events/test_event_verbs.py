"""The built-in event verb lexicon: specificity of lookups, coverage, and malformed rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from rashomon.errors import LexiconError
from rashomon.extract.events.codes import CameoCodes
from rashomon.extract.events.verbs import EventVerb, EventVerbLexicon, load_event_verbs_v1
from rashomon.lexicons import lexicons


def _row(
    lemma: str, particle: str = "-", hint: str = "-", code: str = "190", note: str = "-"
) -> dict[str, str]:
    return {
        "lemma": lemma,
        "particle_or_prep": particle,
        "object_hint": hint,
        "code": code,
        "note": note,
    }


@pytest.fixture(scope="module")
def verbs() -> EventVerbLexicon:
    return EventVerbLexicon.default()


def test_event_verbs_every_code_is_in_the_cameo_table() -> None:
    codes = CameoCodes.default()
    assert [row["code"] for row in load_event_verbs_v1() if row["code"] not in codes] == []


def test_event_verbs_cover_every_cameo_root() -> None:
    roots = {CameoCodes.root(row["code"]) for row in load_event_verbs_v1()}
    assert sorted(roots) == [f"{number:02d}" for number in range(1, 21)]


def test_event_verbs_size_is_a_real_lexicon(verbs: EventVerbLexicon) -> None:
    assert len(load_event_verbs_v1()) >= 300
    assert len(verbs.lemmas) >= 250


@pytest.mark.parametrize(
    ("lemma", "particle", "object_lemma", "code"),
    [
        # "Rebels attacked the base."
        ("attack", None, None, "190"),
        # "The minister met with his Iranian counterpart."
        ("meet", "with", None, "040"),
        # "Ankara condemned the bombing."
        ("condemn", None, None, "111"),
        # "Moscow praised the decision."
        ("praise", None, None, "051"),
        # "The two countries signed a treaty."
        ("sign", None, "treaty", "057"),
        # "Police arrested three men."
        ("arrest", None, None, "173"),
        # "The army shelled the village."
        ("shell", None, None, "194"),
        # "Jets bombed the bridge."
        ("bomb", None, None, "195"),
        # "Washington threatened sanctions."
        ("threaten", None, "sanction", "1312"),
        # "The government warned the protesters."
        ("warn", None, None, "130"),
        # "Workers went on strike."
        ("go", "on", "strike", "143"),
        # "The rebels released the hostages."
        ("release", None, "hostage", "0841"),
        # "Prosecutors investigated the minister."
        ("investigate", None, None, "090"),
        # "Gunmen kidnapped two engineers."
        ("kidnap", None, None, "181"),
        # "Troops massacred villagers."
        ("massacre", None, None, "202"),
        # "Protesters demanded the president's resignation."
        ("demand", None, "resignation", "1041"),
    ],
)
def test_event_verbs_common_news_verbs(
    verbs: EventVerbLexicon,
    lemma: str,
    particle: str | None,
    object_lemma: str | None,
    code: str,
) -> None:
    assert verbs.code_for(lemma, particle, object_lemma) == code


@pytest.mark.parametrize(
    ("lemma", "particle", "object_lemma", "code"),
    [
        # "The EU imposed sanctions on Iran": the object decides.
        ("impose", None, "sanction", "163"),
        ("impose", "on", "sanction", "163"),
        ("impose", None, "curfew", "1723"),
        # "Russia sent troops to the border": "send" alone is no event.
        ("send", None, "troop", "154"),
        ("send", None, "aid", "070"),
        # "She accused him of corruption": particle and object together beat each alone.
        ("accuse", "of", "corruption", "1121"),
        ("accuse", "of", "espionage", "1125"),
        ("accuse", "of", "incompetence", "112"),
        ("accuse", None, None, "112"),
        # "called for talks" is an appeal, "called a truce" a ceasefire, "called off talks" a halt.
        ("call", "for", "talk", "026"),
        ("call", "for", None, "020"),
        ("call", None, "truce", "0871"),
        ("call", "off", "talk", "164"),
        # "The government backed down" is a concession; "backed the plan" an endorsement.
        ("back", "down", None, "080"),
        ("back", None, "plan", "051"),
        # "Soldiers fired on the crowd" but "fired tear gas at" them: the object outranks "at".
        ("fire", "on", None, "190"),
        ("fire", "at", "gas", "175"),
        ("fire", "at", "crowd", "190"),
        # "withdrew from talks" halts negotiations; "withdrew from the town" de-escalates.
        ("withdraw", "from", "talk", "164"),
        ("withdraw", "from", "town", "087"),
        ("withdraw", None, "ambassador", "161"),
        # "joint exercises with" is military cooperation; exercises alone a show of force.
        ("hold", "with", "exercise", "062"),
        ("hold", None, "exercise", "150"),
        # What is joined decides: a fight is fighting, an insurgency a mobilisation, a
        # protest a demonstration, talks a consultation.
        ("join", None, "fight", "190"),
        ("join", None, "battle", "190"),
        ("join", None, "insurgency", "154"),
        ("join", None, "militia", "154"),
        ("join", None, "protest", "141"),
        ("join", None, "talk", "040"),
        # "set up camps" deploys forces; "set up checkpoints" shows force; "set off" a bomb.
        ("set", "up", "camp", "154"),
        ("set", "up", "checkpoint", "150"),
        ("set", "off", None, "183"),
        # "called up reservists" mobilises; "called for talks" appeals.
        ("call", "up", "reservist", "154"),
        ("send", None, "commando", "154"),
        ("move", None, "tank", "154"),
        ("recruit", None, "fighter", "154"),
        ("go", "on", "alert", "152"),
    ],
)
def test_event_verbs_most_specific_row_wins(
    verbs: EventVerbLexicon,
    lemma: str,
    particle: str | None,
    object_lemma: str | None,
    code: str,
) -> None:
    assert verbs.code_for(lemma, particle, object_lemma) == code


@pytest.mark.parametrize(
    ("lemma", "particle", "object_lemma"),
    [
        # Speech verbs are attribution cues, not events.
        ("say", None, None),
        ("tell", None, None),
        # A verb that needs an object codes nothing without one.
        ("impose", None, None),
        ("send", None, None),
        ("move", None, None),
        # "joined the group" or "set up a committee" is no show of force.
        ("join", None, "group"),
        ("set", "up", "committee"),
        # "fired the minister" is no attack.
        ("fire", None, "minister"),
        ("nonexistent", None, None),
    ],
)
def test_event_verbs_no_code(
    verbs: EventVerbLexicon, lemma: str, particle: str | None, object_lemma: str | None
) -> None:
    assert verbs.code_for(lemma, particle, object_lemma) is None


def test_event_verbs_lookup_ignores_case_and_returns_the_row(verbs: EventVerbLexicon) -> None:
    entry = verbs.lookup("Impose", None, "Sanction")
    assert entry == EventVerb("impose", None, "sanction", "163", "")
    assert "impose" in verbs and "say" not in verbs


def test_event_verbs_particles_and_objects_that_matter(verbs: EventVerbLexicon) -> None:
    assert {"for", "on", "off"} <= verbs.particles("call")
    assert {"sanction", "curfew"} <= verbs.objects("impose")
    assert verbs.particles("nonexistent") == frozenset()


def test_event_verbs_alternatives_expand_to_one_entry_each() -> None:
    lexicon = EventVerbLexicon([_row("send", "-", "troop|soldier", "154")])
    assert len(lexicon) == 2
    assert lexicon.code_for("send", object_lemma="soldier") == "154"


def test_event_verbs_own_codes_table_is_used() -> None:
    codes = CameoCodes(
        [{"code": "19", "name": "Fight", "quad_class": "4", "goldstein": "-10", "plover": ""}]
    )
    assert EventVerbLexicon([_row("fight", code="19")], codes=codes).code_for("fight") == "19"
    with pytest.raises(LexiconError, match="not a CAMEO event code"):
        EventVerbLexicon([_row("attack", code="190")], codes=codes)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([_row("attack", code="999")], "not a CAMEO event code"),
        ([_row("attack", code="")], "not a CAMEO event code"),
        ([_row("")], "lemma"),
        ([_row("Attack")], "lemma"),
        ([_row("set up")], "lemma"),
        ([_row("send", "-", "Troop")], "object hint"),
        ([_row("send", "-", "troop||soldier")], "object hint"),
        ([_row("call", "for now")], "particle"),
        ([_row("attack"), _row("attack", code="193")], "listed twice"),
        ([_row("send", "-", "troop|troop")], "listed twice"),
    ],
)
def test_event_verbs_malformed_rows_raise_lexicon_error(
    rows: list[dict[str, str]], message: str
) -> None:
    with pytest.raises(LexiconError, match=message) as caught:
        EventVerbLexicon(rows, where="my_verbs.tsv")
    assert caught.value.where == "my_verbs.tsv"


def test_event_verbs_registered_loader() -> None:
    registered: Callable[[], tuple[dict[str, str], ...]] = lexicons.get("rashomon.event_verbs.v1")
    assert registered is load_event_verbs_v1
