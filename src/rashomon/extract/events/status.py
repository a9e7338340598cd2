"""The evidential status of an event: who vouches for it, and how firmly.

An event coder that reads "The ministry denied that its troops had shelled the village" and
writes down *troops shelled village* has turned a denial into a fact. This module reads the
status off two things the finder already has:

- the **parse**, for events the text itself leaves open: a modal ("Troops may withdraw"), an
  intention or threat ("threatened to impose sanctions") or a condition ("if the army
  attacks") make an event ``hypothetical``;
- the **attribution layer**, for events someone else vouches for: an event whose trigger lies
  inside an attribution's content is ``attributed`` to that source, ``claimed`` when the source
  speaks of its own deed, and ``denied`` when the attribution (or any attribution around it)
  is on the denying side.

An event outside every attribution's content is ``asserted``: the outlet says it in its own
voice. A reported speech act ("Pakistan rejected the reports") is asserted too: the outlet
vouches that the act of rejecting took place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from rashomon.extract.events.found import FoundActor, Range

__all__ = ["FIRST_PERSON", "Evidence", "evidential_status", "is_hypothetical"]

#: Modal auxiliaries that leave an event unrealised: "Troops may withdraw", "will attack".
_MODALS = frozenset(
    {"will", "would", "may", "might", "could", "can", "shall", "should", "must", "'ll", "wo", "ca"}
)
#: Verbs whose to-infinitive names an act not yet done: "threatened to impose sanctions",
#: "plans to withdraw", "vowed to retaliate".
_INTENTION_VERBS = frozenset(
    {
        "threaten", "plan", "intend", "vow", "promise", "pledge", "want", "seek", "try",
        "aim", "prepare", "hope", "consider", "propose", "offer", "agree", "expect",
        "decide", "refuse", "warn", "urge", "ask", "call", "demand", "order", "need",
        "attempt", "mean", "wish", "plot", "scheme", "push", "press",
    }
)  # fmt: skip
#: Subordinators of a condition: "if rebels attack the base", "unless the army withdraws".
_CONDITIONS = frozenset({"if", "unless", "whether"})
#: First-person pronouns: inside a direct quote they are the speaker's own side.
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
#: How far up a chain of infinitives and conjuncts intent reaches ("plans to try to attack").
_MAX_CLIMB = 4


@dataclass(frozen=True)
class Evidence:
    """The status of one event and the attribution that settles it."""

    status: str
    attribution: int | None


def is_hypothetical(verb: Token) -> bool:
    """Whether the text presents the event of ``verb`` as not (yet) real.

    The verb, and every verb it hangs on through an infinitive or a coordination, is checked
    for a modal ("may withdraw"; "will attack and occupy": "occupy" borrows "will"), an
    intention verb above an infinitive ("threatened to impose") and a condition ("if the
    army shells the town").
    """
    current = verb
    for _ in range(_MAX_CLIMB):
        for child in current.children:
            # A modal auxiliary: "Troops may withdraw."
            if child.dep_ == "aux" and child.lower_ in _MODALS:
                return True
            # "going to": "The army is going to attack the town."
            if child.dep_ == "aux" and child.lower_ == "going":
                return True
            # A condition: "If the army shells the town, the rebels will respond."
            if child.dep_ == "mark" and child.lower_ in _CONDITIONS:
                return True
        head = current.head
        if head.i == current.i:
            return False
        if current.dep_ == "xcomp" and head.lemma_.lower() in _INTENTION_VERBS:
            # An intention or threat: "The minister threatened to impose sanctions."
            return True
        if current.dep_ not in {"xcomp", "conj"}:
            return False
        current = head
    return False


def evidential_status(
    trigger: Range,
    source: FoundActor,
    hypothetical: bool,
    attributions: Sequence[dict[str, Any]],
    entities: Sequence[dict[str, Any]] = (),
) -> Evidence:
    """The status of an event whose trigger covers ``trigger``.

    Order of precedence: ``denied`` (a denial is never turned into anything firmer), then
    ``hypothetical``, then ``claimed`` or ``attributed`` by the innermost attribution whose
    content holds the trigger, then ``asserted``.

    Args:
        trigger: the trigger's character range.
        source: the event's source actor (its entity, code and pronoun decide ``claimed``).
        hypothetical: whether the parse presents the event as unrealised.
        attributions: ``doc._.rashomon_attributions``.
        entities: ``doc._.rashomon_entities``, for the speakers' actor codes.

    Returns:
        The status, and the index of the attribution that settles it (for an event in no
        content, the attribution whose cue it is, if any).
    """
    holders = [n for n, a in enumerate(attributions) if _holds(a, trigger)]
    innermost = min(holders, key=lambda n: _content_length(attributions[n]), default=None)
    if any(_denying(attributions, n) for n in holders):
        # "The ministry denied that its troops had shelled the village."
        return Evidence("denied", innermost)
    if innermost is None:
        cue_of = next(
            (n for n, a in enumerate(attributions) if _within(trigger, tuple(a["cue"]))), None
        )
        return Evidence("hypothetical" if hypothetical else "asserted", cue_of)
    if hypothetical:
        return Evidence("hypothetical", innermost)
    if _is_speaker(attributions[innermost], source, entities):
        # "The rebel commander said his fighters had attacked the base."
        return Evidence("claimed", innermost)
    # "Officials said that rebels attacked the base."
    return Evidence("attributed", innermost)


def _within(inner: Range, outer: tuple[int, ...]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _holds(attribution: dict[str, Any], trigger: Range) -> bool:
    return any(_within(trigger, tuple(piece)) for piece in attribution["content"])


def _content_length(attribution: dict[str, Any]) -> int:
    return sum(end - start for start, end in attribution["content"])


def _denying(attributions: Sequence[dict[str, Any]], index: int) -> bool:
    """Whether an attribution is on the denying side of its claim.

    A denial is ("rejected reports that …"), and so is what elaborates one: in "The ministry
    denied the reports, saying its troops had not shelled the village" the "saying" hangs on
    the denial as its ``parent``.
    """
    seen: set[int] = set()
    current: int | None = index
    while current is not None and current not in seen:
        seen.add(current)
        attribution = attributions[current]
        if attribution["polarity"] == "deny":
            return True
        current = attribution.get("parent")
    return False


def _is_speaker(
    attribution: dict[str, Any], source: FoundActor, entities: Sequence[dict[str, Any]]
) -> bool:
    """Whether the event's source is the attribution's own source (or its side)."""
    speaker = attribution.get("entity")
    if speaker is not None and source.entity == speaker:
        # Same entity, directly or through a pronoun: "The commander said his fighters …".
        return True
    if source.pronoun in FIRST_PERSON and attribution["kind"] != "indirect":
        # "We attacked the base," the commander said.
        return True
    if speaker is not None and source.code is not None and 0 <= speaker < len(entities):
        # Same actor code: "Hamas said Hamas fighters had fired the rockets" (PSEREB twice).
        return bool(entities[speaker].get("actor_code") == source.code)
    return False
