"""Who an event's actors are, and which actor code each gets.

The finder (``finder.py``) decides that something happened and which tokens did it and had
it done to them; this module decides whom those tokens name. In "The Turkish defence ministry
said its troops killed 12 militants in northern Iraq" the finder picks "troops" and
"militants"; here the source becomes the phrase "its troops", "its" is resolved to the
ministry (the speaker of the clause it is in) and the sector MIL takes the ministry's
country: TURMIL. The target's phrase is "12 militants", without "in northern Iraq", which
says where they were, not who they are; but that place gives the sector INS its country:
IRQINS.

It is kept apart from the event rules because it changes for other reasons: it reads the
entity linker's and the attribution layer's results and the actor lexicons, not the event
verb lexicon, and its rules (which dependents belong to a name, whom a pronoun agrees with,
where a sector's country comes from) are about naming, not about events.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from rashomon.extract.actors import ActorCoder
from rashomon.extract.attribution.spans import char_span_of, subtree_range, trim
from rashomon.extract.events.found import FoundActor, Range
from rashomon.extract.events.status import FIRST_PERSON

__all__ = ["ActorContext", "actor", "location", "phrase"]

#: Prepositions whose object is where an event happened: "clashed with police in Cairo".
#: "On" and "into" are left out: "imposed sanctions on Iran" names a target, not a place.
_LOCATIVE = frozenset(
    {"in", "near", "at", "inside", "outside", "around", "across", "within", "throughout"}
)
#: Dependents that are not part of the phrase naming an actor: "rebels, who control the
#: town," (relcl), "Hamas and Israel" (conj: each conjunct is its own actor).
_NOT_IN_PHRASE = frozenset(
    {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "case"}
)
#: Prepositions that do belong to an actor's phrase: "the leader of Hamas", "militants from
#: Pakistan"; others are where the actor was ("troops in Aleppo"), not who it is.
_PHRASE_PREPOSITIONS = frozenset({"of", "from"})
#: Pronouns referring to a person or to a group, for agreement with the entity they name.
_PERSONAL = frozenset({"he", "him", "his", "she", "her", "hers"})
_COLLECTIVE = frozenset({"they", "them", "their", "theirs", "it", "its"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


class ActorContext(Protocol):
    """What actor coding reads about one ``Doc``: the finder's context provides it."""

    @property
    def doc(self) -> Doc: ...

    @property
    def text(self) -> str:
        """``doc.text`` once: spaCy rebuilds it from the tokens on every access."""
        ...

    @property
    def attributions(self) -> Sequence[dict[str, Any]]: ...

    @property
    def entities(self) -> Sequence[dict[str, Any]]: ...

    @property
    def coder(self) -> ActorCoder: ...

    @property
    def entity_of_token(self) -> dict[int, Span]: ...


def phrase(ctx: ActorContext, token: Token) -> Range:
    """The characters of the phrase naming an actor, without its clauses and conjuncts.

    Args:
        ctx: the doc and its text.
        token: the head of the phrase.

    Returns:
        The phrase's character range; the token's own when trimming leaves nothing.
    """
    exclude = [
        c
        for c in token.children
        if c.dep_ in _NOT_IN_PHRASE or (c.dep_ == "prep" and c.lower_ not in _PHRASE_PREPOSITIONS)
    ]
    first, last = subtree_range(token, exclude)
    start, end = char_span_of(ctx.doc, first, last)
    start, end = trim(ctx.text, start, end, keep_quotes=False)
    if start >= end:
        return token.idx, token.idx + len(token.text)
    return start, end


def actor(
    ctx: ActorContext, token: Token, event_location: str | None, partner: str | None = None
) -> FoundActor:
    """An actor's words, code and entity.

    The code comes, in order, from the entity the linker resolved for these words, from the
    words themselves, or from a sector the words give ("its troops": MIL) with the country of
    their owner ("its" = the speaker), of their own place ("police in Hong Kong": HKG + COP),
    of the event's place ("a government convoy near Aleppo": SYR + GOV), or else of the
    ``partner``, the source's country for a target: an act on a sector named by no country
    is most often done at home ("Venezuelan opposition leaders called on the army": VENMIL).

    Args:
        ctx: the doc, the other layers' results and the actor coder.
        token: the head of the words naming the actor.
        event_location: the country code of the event's place, if any.
        partner: for a target, the source's country code, if any.

    Returns:
        The actor, with a ``None`` code when nothing gives one.
    """
    span = phrase(ctx, token)
    mentioned = _mentioned_entity(ctx, token)
    possessor = _child(token, "poss")
    of_phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    member = _child(of_phrase, "pobj") if of_phrase is not None else None
    if possessor is None and member is not None:
        # A part of a group: "some of our people" are ours.
        possessor = _child(member, "poss")
    pronoun: str | None = None
    owner: int | None = None
    personal = token.tag_ == "PRP"  # "we", "they"; not "some" or "who"
    if personal:
        pronoun = token.lower_
        owner = mentioned if mentioned is not None else _referent(ctx, token)
    elif possessor is not None and possessor.tag_ == "PRP$":
        # A possessive pronoun: "The commander said his fighters attacked" — his side.
        pronoun = possessor.lower_
        owner = _referent(ctx, possessor)
    entity = mentioned if mentioned is not None else owner
    code = _entity_code(ctx, mentioned)
    if code is None and personal:
        code = _entity_code(ctx, owner)
    if code is None and not personal:
        description = ctx.coder.describe(ctx.text[span[0] : span[1]])
        code = description.actor_code
        owner_code = _entity_code(ctx, owner)
        country = owner_code[:3] if owner_code else None
        country = country or location(ctx, token, None) or event_location or partner
        if code is None and description.sector is not None and country is not None:
            code = country + description.sector
    return FoundActor(span=span, code=code, entity=entity, pronoun=pronoun)


def location(ctx: ActorContext, verb: Token, direct: Token | None) -> str | None:
    """The country of a place in a locative phrase: "attacked a convoy near Aleppo" → SYR.

    Args:
        ctx: the doc's entities and the actor coder.
        verb: the word whose locative phrases are read: an event's trigger, or an actor's
            head ("police in Hong Kong").
        direct: the trigger's direct object, whose locative phrases count too.

    Returns:
        The country code of the first place found, or ``None``.
    """
    holders = [verb] if direct is None else [verb, direct]
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
                continue
            for token in prep.subtree:
                ent = ctx.entity_of_token.get(token.i)
                if ent is not None and ent.label_ in _PLACE_LABELS:
                    country = ctx.coder.country_of(ent.text)
                    if country is not None:
                        return country
    return None


def _entity_code(ctx: ActorContext, index: int | None) -> str | None:
    if index is None or not 0 <= index < len(ctx.entities):
        return None
    code = ctx.entities[index].get("actor_code")
    return code if isinstance(code, str) else None


def _mentioned_entity(ctx: ActorContext, token: Token) -> int | None:
    """The entity with the narrowest mention holding the token, if the linker found one."""
    best: tuple[int, int] | None = None
    for index, entity in enumerate(ctx.entities):
        for start, end in entity.get("mentions", ()):
            if start <= token.idx < end and (best is None or end - start < best[1]):
                best = (index, end - start)
    return best[0] if best is not None else None


def _referent(ctx: ActorContext, pronoun: Token) -> int | None:
    """The entity a pronoun stands for: the speaker of the quote it is in, else the nearest
    source before it ("The ministry said its troops …": its = the ministry).
    """
    word = pronoun.lower_
    holders = [
        a
        for a in ctx.attributions
        if any(s <= pronoun.idx < e for s, e in a["content"]) and a.get("entity") is not None
    ]
    if holders:
        speaker = min(holders, key=lambda a: sum(e - s for s, e in a["content"]))
        if word in FIRST_PERSON and speaker["kind"] != "indirect":
            return int(speaker["entity"])
        if _agrees(ctx, word, speaker["entity"]):
            return int(speaker["entity"])
    if word in FIRST_PERSON:
        return None
    before = [
        a
        for a in ctx.attributions
        if a.get("source") and a["source"][1] <= pronoun.idx and a.get("entity") is not None
    ]
    if before:
        nearest = max(before, key=lambda a: a["source"][0])
        if _agrees(ctx, word, nearest["entity"]):
            return int(nearest["entity"])
    return None


def _agrees(ctx: ActorContext, word: str, index: int) -> bool:
    """Whether a third-person pronoun can name the entity: "he" a person, "its" a body."""
    if not 0 <= index < len(ctx.entities):
        return False
    kind = ctx.entities[index].get("type")
    if word in _PERSONAL:
        return kind in {"person", None}
    if word in _COLLECTIVE:
        return kind != "person"
    return False


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)
