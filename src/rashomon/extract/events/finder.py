"""Find coded political events on a parsed ``Doc``: who did what to whom, where and when.

For every verb the event verb lexicon knows (and a handful of event nouns), the finder reads
off the parse the words the lexicon needs to pick a CAMEO code (a particle or bound
preposition, an object lemma), then the actors:

- the **source** is the subject; in the passive the ``by``-agent; a verb with no subject of
  its own (an infinitive, a conjunct, a participle) borrows its head's;
- the **target** is the direct object, or the object of the bound preposition ("fired on the
  protesters"); when the object is what was done rather than to whom ("imposed sanctions"),
  the target is the object of a directional preposition ("… on Iran").

Actors are coded in ``actor_phrases.py``: pronouns take the entity the attribution layer
resolved for them, or the speaker of the quote they stand in. Location (a country code from a
place in a locative phrase, also there) and date (a DATE entity on the verb) come last;
``status.py`` decides the evidential status. It only finds; ``component.EventFinder`` writes
the results onto the Doc.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from rashomon.extract.actors import ActorCoder
from rashomon.extract.events import actor_phrases
from rashomon.extract.events.found import FoundEvent, Range
from rashomon.extract.events.status import evidential_status, is_hypothetical
from rashomon.extract.events.verbs import EventVerbLexicon

__all__ = ["find_events"]

#: Nouns that report an event by themselves, mapped to the verb lemma that codes them:
#: "Israel's attack on the depot", "the bombing of the market by insurgents".
_EVENT_NOUNS = {
    "attack": "attack", "assault": "assault", "raid": "raid", "bombing": "bomb",
    "shelling": "shell", "invasion": "invade", "airstrike": "strike", "massacre": "massacre",
}  # fmt: skip
#: Prepositions whose object an act is aimed at, once the direct object is the act itself:
#: "imposed sanctions on Iran", "fired tear gas at protesters", "sent troops to Mali"; and
#: "with" for the partner of a joint act: "held talks with Hamas", "shared intelligence with
#: Denmark".
_DIRECTIONAL = frozenset({"on", "against", "at", "upon", "to", "into", "toward", "towards", "with"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
#: Code prefixes that are no country: an IGO's partner is not its country.
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG"})
#: Roots whose act, done by conjoined actors, is done with each other: intent to cooperate
#: (03), consult (04), diplomatic (05) and material cooperation (06); and verbs of mutual
#: fighting ("Police and protesters clashed in Cairo").
_RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
_RECIPROCAL_VERBS = frozenset({"clash", "fight", "battle"})
#: Roots of appeals (02) and demands (10), whose "that" clause names the one asked.
_REQUEST_ROOTS = frozenset({"02", "10"})
#: Verbs whose gerund is alleged, not done: "accused Israel of sabotaging the plant".
_ACCUSING_VERBS = frozenset({"accuse", "blame", "suspect", "charge", "convict", "condemn"})
#: Verbs whose "that" clause is asked for, not done: "demanded that Ukraine restore …".
_REQUEST_VERBS = frozenset(
    {"demand", "urge", "ask", "insist", "call", "appeal", "request", "propose", "press"}
)
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_MAX_BORROW = 4
#: Nouns that count or group what the verb acts on: "hundreds of fighters", "a unit of troops".
_QUANTITIES = frozenset(
    {
        "hundred", "thousand", "million", "dozen", "score", "number", "handful", "couple",
        "batch", "contingent", "wave", "group", "unit", "column", "squad", "team", "convoy",
    }
)  # fmt: skip
_TIME_NOUNS = frozenset({"time", "day", "week", "month", "year", "hour", "night", "while"})


@dataclass(frozen=True)
class _Context:
    """What every rule reads: the doc, the other layers' results and the lexicons.

    It is also the ``actor_phrases.ActorContext`` that actor coding reads.
    """

    doc: Doc
    #: ``doc.text`` once: spaCy rebuilds it from the tokens on every access.
    text: str
    attributions: Sequence[dict[str, Any]]
    entities: Sequence[dict[str, Any]]
    verbs: EventVerbLexicon
    coder: ActorCoder
    entity_of_token: dict[int, Span]


def find_events(
    doc: Doc,
    attributions: Sequence[dict[str, Any]],
    verbs: EventVerbLexicon,
    coder: ActorCoder,
    entities: Sequence[dict[str, Any]] = (),
) -> list[FoundEvent]:
    """Every coded event in ``doc``, in text order of their triggers.

    Args:
        doc: a parsed document.
        attributions: ``doc._.rashomon_attributions`` (plain dicts).
        verbs: the event verb lexicon.
        coder: the actor coder.
        entities: ``doc._.rashomon_entities``, when the entity linker ran: its mentions
            resolve pronouns and descriptions to coded actors.

    Returns:
        The events found; an event whose source the text does not name is left out.
    """
    entity_of_token = {token.i: ent for ent in doc.ents for token in ent}
    ctx = _Context(doc, doc.text, attributions, entities, verbs, coder, entity_of_token)
    found: list[FoundEvent] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in verbs:
            found.extend(_from_verb(ctx, token, lemma))
        elif token.pos_ == "NOUN" and lemma in _EVENT_NOUNS:
            found.extend(_from_noun(ctx, token, _EVENT_NOUNS[lemma]))
    return found


def _from_verb(ctx: _Context, verb: Token, lemma: str) -> Iterator[FoundEvent]:
    """The events a verb reports: one per conjunct of its source ("Israel and Egypt signed")
    and of its target ("urged Russia and Ukraine to …").
    """
    if _is_purpose(verb):
        return
    particle, bound = _particle(ctx, verb, lemma)
    passive = _is_passive(verb)
    direct = _patient(verb) if passive else _child(verb, "dobj")
    bound_object = _child(bound, "pobj") if bound is not None else None
    infinitive = _child(verb, "xcomp")
    hints = ctx.verbs.objects(lemma)
    thing = next(
        (
            t
            for t in _object_candidates(verb, direct, bound_object, infinitive)
            if _noun_lemma(_counted(t)) in hints
        ),
        None,
    )
    entry = ctx.verbs.lookup(
        lemma, particle, _noun_lemma(_counted(thing)) if thing is not None else None
    )
    if entry is None:
        return
    target = _target(ctx, verb, entry.code, thing, direct, bound_object, infinitive)
    doer = _doer(verb)
    if doer is not None and doer.lemma_.lower() in _EVENT_NOUNS:
        # An event as the subject acts for its doer: "Israel's attack killed five people".
        doer = _noun_doer(doer)
    if doer is None:
        return
    code, pairs = _pairs(ctx, lemma, entry.code, thing, doer, target)
    location = actor_phrases.location(ctx, verb, direct)
    date = _date(ctx, verb)
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
    hypothetical = is_hypothetical(verb) or _is_requested(verb)
    for source, target_token in pairs:
        yield _event(ctx, verb, code, source, target_token, location, date, negated, hypothetical)


def _pairs(
    ctx: _Context, lemma: str, code: str, thing: Token | None, doer: Token, target: Token | None
) -> tuple[str, list[tuple[Token, Token | None]]]:
    """The code and the (source, target) pairs: one per conjunct of each side.

    Conjoined doers of a joint act with no target act on each other: "Israel and the United
    Arab Emirates signed an agreement" is ISR→ARE and ARE→ISR; and the act reads as done
    "with" the other where the lexicon says so: "Russia and China held joint exercises" is
    military cooperation (062) both ways, not a show of force (150).
    """
    sources = [doer, *_nominal(doer.conjuncts)]
    if target is None and len(sources) > 1:
        joint = ctx.verbs.lookup(lemma, "with", _noun_lemma(_counted(thing)) if thing else None)
        if joint is not None and joint.particle == "with":
            code = joint.code
        elif code[:2] not in _RECIPROCAL_ROOTS and lemma not in _RECIPROCAL_VERBS:
            return code, [(source, None) for source in sources]
        return code, [(s, t) for s in sources for t in sources if t is not s]
    targets = [None] if target is None else [target, *_nominal(target.conjuncts)]
    return code, [(s, t) for s in sources for t in targets if t is None or s != t]


def _nominal(tokens: Iterable[Token]) -> list[Token]:
    """The nouns among conjuncts: "Russia and Ukraine" → [Ukraine]."""
    return [c for c in tokens if c.pos_ in _NOMINAL]


def _is_purpose(verb: Token) -> bool:
    """Whether the verb is an infinitive of purpose, which names an aim, not a second act.

    "Farmers blocked highways to protest the laws" is one event (blocking, 144), not also a
    protest; "marched to demand his resignation" is a march.
    """
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _is_requested(verb: Token) -> bool:
    """Whether the verb is what an appeal or demand asks for, or an accusation alleges.

    "Hungary demanded that Ukraine restore the rights" codes the demand: the restoring has
    not happened. "Iran accused Israel of sabotaging the plant" codes the accusation: the
    text does not vouch for the sabotage.
    """
    if verb.dep_ == "ccomp":
        return verb.head.lemma_.lower() in _REQUEST_VERBS
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ in {"of", "for"}
        and verb.head.head.lemma_.lower() in _ACCUSING_VERBS
    )


def _object_candidates(
    verb: Token, direct: Token | None, bound_object: Token | None, infinitive: Token | None
) -> list[Token]:
    """Words that may name what was done, most telling first, for the lexicon's object hints.

    Beyond the verb's own objects, an infinitive or a "that" clause codes the verb above it:
    "threatened to impose sanctions" is a threat of sanctions (1312), "declined to comment"
    a refusal to comment (011), "demanded that Ukraine restore the rights" a demand for
    rights (1043). Last come the objects of the verb's other prepositions: "is investigating
    Myanmar over alleged atrocities" investigates atrocities (094).
    """
    candidates = [direct, bound_object]
    # A misparsed control infinitive hangs as a purpose clause: "called on the army to free".
    purpose = next((c for c in verb.children if _is_purpose(c)), None)
    for clause in (infinitive, _child(verb, "ccomp"), purpose):
        if clause is not None:
            candidates += [_child(clause, "dobj"), clause]
            candidates += [_child(p, "pobj") for p in clause.children if p.dep_ == "prep"]
    candidates += [_child(p, "pobj") for p in verb.children if p.dep_ == "prep"]
    return [c for c in candidates if c is not None]


def _target(
    ctx: _Context,
    verb: Token,
    code: str,
    thing: Token | None,
    direct: Token | None,
    bound_object: Token | None,
    infinitive: Token | None,
) -> Token | None:
    """Whom the act is aimed at, in order of how directly the parse says so.

    The recipient first ("China lent Sri Lanka $1 billion"), then the object, unless it is
    the act itself; then a directional phrase ("imposed sanctions on Iran", "held talks with
    Hamas", "demanded the release of …"), also on an infinitive whose act codes the verb
    ("threatened to launch an operation against …"); then that infinitive's object
    ("Turkey threatened to attack Greece"); then the act itself when its own words
    name an actor ("rejected a Russian proposal", "expelled three Russian diplomats"). For an
    appeal or demand, the subject of the clause saying what is asked comes before the
    directional phrase ("demanded that Ukraine restore the rights of …").
    """
    target = next(
        (t for t in (_recipient(verb), direct, bound_object) if t is not None and t != thing),
        None,
    )
    clause = _child(verb, "ccomp")
    if target is None and clause is not None and code[:2] in _REQUEST_ROOTS:
        target = _child(clause, "nsubj")
    if target is None:
        target = _directional_object(verb, thing, infinitive)
    if target is None and infinitive is not None:
        inner = _child(infinitive, "dobj")
        target = inner if inner != thing else None
    if target is None and thing is not None and thing.pos_ in _NOMINAL:
        phrase = actor_phrases.phrase(ctx, thing)
        if ctx.coder.describe(ctx.text[phrase[0] : phrase[1]]).actor_code is not None:
            target = thing
    return target


def _recipient(verb: Token) -> Token | None:
    """The dative: "lent Sri Lanka $1 billion", or the noun of "offered condolences to Nepal"."""
    dative = _child(verb, "dative")
    if dative is not None and dative.pos_ == "ADP":
        return _child(dative, "pobj")
    return dative


def _from_noun(ctx: _Context, noun: Token, lemma: str) -> Iterator[FoundEvent]:
    """An event noun with a named doer: "Israel's attack on the depot", "a raid by police"."""
    code = ctx.verbs.code_for(lemma)
    if code is None:
        return
    doer = _noun_doer(noun)
    target = None
    for prep in (c for c in noun.children if c.dep_ == "prep"):
        if prep.lower_ in {"on", "against", "of"} and target is None:
            target = _child(prep, "pobj")
    if doer is None:
        return
    location = actor_phrases.location(ctx, noun, None)
    yield _event(ctx, noun, code, doer, target, location, _date(ctx, noun), False, False)


def _noun_doer(noun: Token) -> Token | None:
    """Who carried out an event noun: its possessor or its ``by``-phrase."""
    doer = _child(noun, "poss")
    if doer is not None:
        return doer
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    return _child(by, "pobj") if by is not None else None


def _event(
    ctx: _Context,
    trigger: Token,
    code: str,
    source: Token,
    target: Token | None,
    location: str | None,
    date: Range | None,
    negated: bool,
    hypothetical: bool,
) -> FoundEvent:
    trigger_range = (trigger.idx, trigger.idx + len(trigger.text))
    source_actor = actor_phrases.actor(ctx, source, location)
    partner = source_actor.code[:3] if source_actor.code else None
    if partner in _NOT_COUNTRIES:
        partner = None
    target_actor = (
        actor_phrases.actor(ctx, target, location, partner) if target is not None else None
    )
    evidence = evidential_status(
        trigger_range, source_actor, hypothetical, ctx.attributions, ctx.entities
    )
    return FoundEvent(
        trigger=trigger_range,
        trigger_token=trigger.i,
        lemma=trigger.lemma_.lower(),
        code=code,
        source=source_actor,
        target=target_actor,
        negated=negated,
        status=evidence.status,
        attribution=evidence.attribution,
        date=date,
        location=location,
    )


def _child(token: Token, dep: str) -> Token | None:
    return next((c for c in token.children if c.dep_ == dep), None)


def _counted(token: Token) -> Token:
    """What a quantity counts: "sent hundreds of fighters" → "fighters".

    The object hint is written for the thing sent, deployed or joined, but the parser makes the
    quantity the object ("hundreds", "a contingent") and hangs the thing on its "of".
    """
    if token.lemma_.lower() not in _QUANTITIES:
        return token
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            pobj = _child(prep, "pobj")
            if pobj is not None:
                return pobj
    return token


def _noun_lemma(token: Token) -> str:
    """The lemma object hints are written in: "the fighting" → "fight"."""
    lemma = token.lemma_.lower()
    if lemma.endswith("ing") and token.pos_ == "NOUN" and len(lemma) > 5:
        # A gerund noun names the act of its verb: "joined the fighting" = "joined the fight".
        stem = lemma[:-3]
        return stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    return lemma


def _particle(ctx: _Context, verb: Token, lemma: str) -> tuple[str | None, Token | None]:
    """The particle ("set off") or bound preposition ("fired on") that changes the code."""
    known = ctx.verbs.particles(lemma)
    if not known:
        return None, None
    for child in verb.children:
        # A phrasal verb: "Rebels set off a bomb in the market."
        if child.dep_ == "prt" and child.lower_ in known:
            return child.lower_, None
    for child in verb.children:
        # A bound preposition: "Police fired on the protesters."
        if child.dep_ == "prep" and child.lower_ in known:
            return child.lower_, child
    return None, None


def _is_passive(verb: Token) -> bool:
    """Whether ``verb`` is passive, including a participle ("a convoy attacked by rebels")."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        # "a convoy attacked by rebels", but not "reports that militants had joined …".
        return not any(c.dep_ in {"nsubj", "aux"} for c in verb.children)
    # A bare participle conjunct shares its head's voice: "was stopped and attacked".
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and _child(verb, "nsubj") is None
        and not any(c.dep_ == "aux" for c in verb.children)
        and verb.head.i != verb.i
        and _is_passive(verb.head)
    )


def _antecedent(token: Token, verb: Token) -> Token:
    """A relative pronoun's noun: in "rebels who attacked the base" the doer is "rebels"."""
    if token.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return token


def _doer(verb: Token, depth: int = 0) -> Token | None:
    """Who acts: the subject, the passive's agent, or the subject borrowed from the head."""
    if _is_passive(verb):
        agent = _child(verb, "agent")
        pobj = _child(agent, "pobj") if agent is not None else None
        if pobj is None and verb.dep_ == "conj" and depth < _MAX_BORROW:
            return _doer(verb.head, depth + 1)
        return _antecedent(pobj, verb) if pobj is not None else None
    subject = _child(verb, "nsubj")
    if subject is not None:
        return _antecedent(subject, verb)
    if verb.dep_ == "acl":
        if verb.head.lemma_.lower() in _TIME_NOUNS and verb.head.head.i != verb.head.i:
            # A participle on a stretch of time belongs to the one spending it: "they
            # spent weeks fighting there" — "they" fought.
            return _doer(verb.head.head, depth + 1) if depth < _MAX_BORROW else None
        # An active participle on its doer: "militants fighting the government".
        return verb.head
    if depth >= _MAX_BORROW or verb.head.i == verb.i:
        return None
    if verb.dep_ == "xcomp":
        # Object control: "ordered troops to withdraw" — the troops withdraw.
        controller = _child(verb.head, "dobj")
        if controller is not None and controller.lemma_.lower() in _TIME_NOUNS:
            # Time is no controller: "spent weeks fighting there".
            controller = None
        return controller if controller is not None else _doer(verb.head, depth + 1)
    if verb.dep_ == "pcomp":
        return _pcomp_subject(verb, depth)
    if verb.dep_ in {"conj", "advcl"}:
        # "Rebels stormed the town and attacked the base"; "…, killing two soldiers".
        return _doer(verb.head, depth + 1)
    return None


def _pcomp_subject(verb: Token, depth: int) -> Token | None:
    """The subject of a gerund after a preposition, from the clause it hangs on.

    "He was arrested after attacking the base" (the arrested man attacked); "Turkey and
    Qatar are partners in supporting the militias" (the partners support them).
    """
    owner = verb.head.head
    if owner.dep_ in {"attr", "acomp"} and owner.head.i != owner.i:
        owner = owner.head
    if owner.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in owner.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None:
        return _antecedent(subject, owner)
    return _doer(owner, depth + 1)


def _patient(verb: Token, depth: int = 0) -> Token | None:
    """Whom a passive verb's act is done to: "The convoy was attacked by rebels"."""
    subject = _child(verb, "nsubjpass")
    if subject is not None:
        return _antecedent(subject, verb)
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ == "conj" and depth < _MAX_BORROW:
        return _patient(verb.head, depth + 1)
    return None


def _directional_object(
    verb: Token, thing: Token | None, infinitive: Token | None = None
) -> Token | None:
    """The target when the object is the act: "imposed sanctions on Iran" → Iran.

    The act's own "of" names whom it is done to: "demanded the withdrawal of U.S. troops",
    "called for the release of the journalists"; not a quantity's ("sent hundreds of
    fighters": the fighters are what was sent).
    """
    holders = [verb] if infinitive is None else [verb, infinitive]
    act: Token | None = None
    if thing is not None:
        holders += [thing] if _counted(thing) == thing else [thing, _counted(thing)]
        act = thing if _counted(thing) == thing and thing.pos_ in _NOMINAL else None
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ in _DIRECTIONAL or (holder == act and prep.lower_ == "of"):
                pobj = _child(prep, "pobj")
                # A date is no target: "released 15 prisoners on Friday".
                if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                    return pobj
    return None


def _date(ctx: _Context, verb: Token) -> Range | None:
    """A date attached to the verb: "on Sunday", "last week", "Attacked Sunday"."""
    for child in verb.children:
        if child.dep_ == "prep":
            holder = _child(child, "pobj")
        elif child.dep_ in {"npadvmod", "tmod", "advmod"}:
            holder = child
        else:
            continue
        ent = ctx.entity_of_token.get(holder.i) if holder is not None else None
        if ent is not None and ent.label_ == "DATE":
            return ent.start_char, ent.end_char
    return None
