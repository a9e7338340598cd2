"""Events found on parsed sentences: codes, actors, negation, place, date and evidential status."""

from __future__ import annotations

import pytest

from rashomon.extract.actors import ActorCoder
from rashomon.extract.events.finder import find_events
from rashomon.extract.events.found import FoundEvent
from rashomon.extract.events.verbs import EventVerbLexicon
from rashomon.pipeline import Analyzer


def events_of(analyzer: Analyzer, sentence: str) -> list[FoundEvent]:
    """The events of one sentence, parsed by the shared pipeline (attributions, entities)."""
    doc = analyzer.nlp(sentence)
    return find_events(
        doc,
        doc._.rashomon_attributions or [],
        EventVerbLexicon.default(),
        ActorCoder.default(),
        doc._.rashomon_entities or [],
    )


def event_of(analyzer: Analyzer, sentence: str, trigger: str) -> FoundEvent:
    """The one event whose trigger is ``trigger`` (fails when there is none or several)."""
    found = [e for e in events_of(analyzer, sentence) if sentence[slice(*e.trigger)] == trigger]
    assert len(found) == 1, f"{len(found)} events on {trigger!r}: {found}"
    return found[0]


def words(sentence: str, span: tuple[int, int] | None) -> str | None:
    return sentence[span[0] : span[1]] if span is not None else None


@pytest.mark.parametrize(
    ("sentence", "trigger", "code", "source", "source_code", "target", "target_code"),
    [
        ("Syrian rebels attacked a government convoy near Damascus on Sunday.", "attacked",
         "190", "Syrian rebels", "SYRREB", "a government convoy", "SYRGOV"),
        ("The convoy was attacked by rebels.", "attacked", "190", "rebels", None,
         "The convoy", None),
        ("Police fired on the protesters in Cairo.", "fired", "190", "Police", "EGYCOP",
         "the protesters", "EGYCVL"),
        ("The United States imposed sanctions on Iran.", "imposed", "163", "The United States",
         "USA", "Iran", "IRN"),
        ("Hamas gunmen who ambushed an Israeli patrol escaped.", "ambushed", "190",
         "Hamas gunmen", "PSEREB", "an Israeli patrol", "ISR"),
        ("Rebels stormed the town and attacked the base.", "attacked", "190", "Rebels", None,
         "the base", None),
        ("The army ordered troops to withdraw from the town.", "withdraw", "087", "troops",
         None, "the town", None),
    ],
)  # fmt: skip
def test_event_finder_codes_and_actors(
    analyzer: Analyzer,
    sentence: str,
    trigger: str,
    code: str | None,
    source: str,
    source_code: str | None,
    target: str,
    target_code: str | None,
) -> None:
    event = event_of(analyzer, sentence, trigger)
    if code is not None:
        assert event.code == code
    assert words(sentence, event.source.span) == source
    if source_code is not None or code is not None:
        assert event.source.code == source_code
    assert event.target is not None and words(sentence, event.target.span) == target
    if target_code is not None:
        assert event.target.code == target_code


@pytest.mark.parametrize(
    ("sentence", "trigger", "location", "date"),
    [
        ("Syrian rebels attacked a government convoy near Damascus on Sunday.", "attacked",
         "SYR", "Sunday"),
        ("Turkish jets bombed a depot in Iraq last week.", "bombed", "IRQ", "last week"),
    ],
)  # fmt: skip
def test_event_finder_location_and_date(
    analyzer: Analyzer, sentence: str, trigger: str, location: str, date: str
) -> None:
    event = event_of(analyzer, sentence, trigger)
    assert (event.location, words(sentence, event.date)) == (location, date)


@pytest.mark.parametrize(
    ("sentence", "trigger", "negated"),
    [
        ("The army did not shell the town.", "shell", True),
        ("The army never shelled the town.", "shelled", True),
        ("The army shelled the town.", "shelled", False),
    ],
)
def test_event_finder_negation(
    analyzer: Analyzer, sentence: str, trigger: str, negated: bool
) -> None:
    assert event_of(analyzer, sentence, trigger).negated is negated


@pytest.mark.parametrize(
    ("sentence", "trigger", "code"),
    [
        # A threat's object settles its code; what is threatened has not happened.
        ("The minister threatened to impose sanctions.", "impose", "163"),
        ("Troops may withdraw.", "withdraw", "087"),
        ("If the army shells the town, the rebels will respond.", "shells", "194"),
    ],
)
def test_event_finder_hypothetical(
    analyzer: Analyzer, sentence: str, trigger: str, code: str
) -> None:
    event = event_of(analyzer, sentence, trigger)
    assert (event.code, event.status) == (code, "hypothetical")


def test_event_finder_threat_is_itself_an_asserted_event(analyzer: Analyzer) -> None:
    event = event_of(analyzer, "The minister threatened to impose sanctions.", "threatened")
    assert (event.code, event.status) == ("1312", "asserted")


@pytest.mark.parametrize(
    ("sentence", "trigger", "status"),
    [
        ("Officials said that rebels attacked the base.", "attacked", "attributed"),
        ("The rebel commander said his fighters had attacked the base.", "attacked", "claimed"),
        ('"We attacked the base," the rebel commander said.', "attacked", "claimed"),
        ("The ministry denied that its troops had shelled the village.", "shelled", "denied"),
        ("The ministry rejected the reports, saying its troops had not shelled the village.",
         "shelled", "denied"),
        ("Pakistan's foreign ministry rejected reports that its militants had joined the "
         "fighting in Syria.", "joined", "denied"),
        ("Rebels attacked the base on Sunday.", "attacked", "asserted"),
        ('"Some of our fighters attacked the base," the rebel commander said.', "attacked",
         "claimed"),
    ],
)  # fmt: skip
def test_event_finder_evidential_status(
    analyzer: Analyzer, sentence: str, trigger: str, status: str
) -> None:
    assert event_of(analyzer, sentence, trigger).status == status


def test_event_finder_links_the_attribution_that_holds_it(analyzer: Analyzer) -> None:
    sentence = "Officials said that rebels attacked the base."
    doc = analyzer.nlp(sentence)
    event = event_of(analyzer, sentence, "attacked")
    assert event.attribution is not None
    assert sentence[slice(*doc._.rashomon_attributions[event.attribution]["cue"])] == "said"


def test_event_finder_reported_speech_act_is_asserted(analyzer: Analyzer) -> None:
    sentence = "Pakistan's foreign ministry rejected reports that its militants had left."
    event = event_of(analyzer, sentence, "rejected")
    assert (event.code, event.source.code, event.status) == ("120", "PAKGOV", "asserted")


def test_event_finder_possessive_pronoun_takes_the_speaker_country(analyzer: Analyzer) -> None:
    sentence = (
        "Pakistan's foreign ministry rejected reports that its militants had joined the fighting."
    )
    event = event_of(analyzer, sentence, "joined")
    assert (event.code, event.source.code) == ("190", "PAKINS")


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry fired its spokesman.",  # "fire" alone is not an attack
        "The convoy was attacked.",  # no one named as the attacker
    ],
)
def test_event_finder_leaves_out_uncoded_or_sourceless(analyzer: Analyzer, sentence: str) -> None:
    assert events_of(analyzer, sentence) == []


def test_event_finder_event_noun_with_possessor(analyzer: Analyzer) -> None:
    sentence = "Israel's attack on the depot drew protests."
    event = event_of(analyzer, sentence, "attack")
    assert (words(sentence, event.source.span), event.source.code) == ("Israel", "ISR")
    assert event.target is not None and words(sentence, event.target.span) == "the depot"


def test_event_finder_one_event_per_coordinated_source(analyzer: Analyzer) -> None:
    sentence = "Israel and Egypt signed an agreement."
    found = events_of(analyzer, sentence)
    assert [(e.code, e.source.code) for e in found] == [("057", "ISR"), ("057", "EGY")]


def test_event_finder_gerund_borrows_the_clause_subject(analyzer: Analyzer) -> None:
    sentence = "Turkey and Qatar are partners in supporting the militias."
    found = [e for e in events_of(analyzer, sentence) if e.lemma == "support"]
    assert [(e.source.code, e.status) for e in found] == [("TUR", "asserted"), ("QAT", "asserted")]


@pytest.mark.parametrize(
    ("sentence", "trigger", "code", "source"),
    [
        # Joining a fight is fighting; "the fighting" is read as "fight".
        ("Hundreds of militants joined the fighting in the neighbouring country.", "joined",
         "190", "Hundreds of militants"),
        # The parser makes "hundreds" the object; the hint is read on what it counts.
        ("The group sent hundreds of fighters across the border.", "sent", "154", "The group"),
        ("The army dispatched a contingent of commandos to the valley.", "dispatched", "154",
         "The army"),
        # An armed group gaining fighters is a mobilisation of armed forces.
        ("Thousands of young men joined the insurgency last year.", "joined", "154",
         "Thousands of young men"),
        ("Fighters set up camps in the hills near the border.", "set", "154", "Fighters"),
        ("The army called up 20,000 reservists.", "called", "154", "The army"),
        ("Troops set up checkpoints on the main road.", "set", "150", "Troops"),
        ("Thousands joined the protests in the capital.", "joined", "141", "Thousands"),
    ],
)  # fmt: skip
def test_event_finder_mobilisation_and_deployment(
    analyzer: Analyzer, sentence: str, trigger: str, code: str, source: str
) -> None:
    event = event_of(analyzer, sentence, trigger)
    assert (event.code, words(sentence, event.source.span)) == (code, source)


def test_event_finder_quantity_without_a_counted_thing_codes_nothing(analyzer: Analyzer) -> None:
    # "send" needs an object that says what was sent; "hundreds" alone does not.
    assert events_of(analyzer, "The group sent hundreds across the border.") == []
