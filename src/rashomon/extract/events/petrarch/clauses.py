"""Read a dictionary verb's clause on a spaCy parse: subject, passive agent, targets.

The coder asks these questions of every verb it codes. Each answer repairs
what a dependency parse gets wrong in news text in a way that matters for
event coding: subjects borrowed from the verb above (``Arnor is about to
restore``), pronoun subjects resolved upwards, passives without an auxiliary,
and targets that hang on an adverb or inside a clausal complement.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

__all__ = [
    "governing_subject",
    "is_passive",
    "is_verb",
    "noun_head",
    "passive_agent",
    "subject_of",
    "target_candidates",
]

_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Clause links through which a verb without a subject borrows its governor's.
_BORROW = frozenset({"conj", "xcomp", "advcl", "acomp", "prep", "pcomp", "dep", "oprd"})
_PRONOUNS = frozenset({"IT", "HE", "SHE", "THEY", "WE", "I", "YOU", "THIS", "THAT", "WHO"})
_MAX_HOPS = 6


def noun_head(token: Token) -> Token:
    """The head noun of the phrase a pattern slot starts in.

    A slot lands on the phrase's first noun ("freed from Barad-dur" puts ``$``
    on ``Barad``, a compound of ``dur``); the phrase is coded from its head.

    Args:
        token: The word a pattern slot matched.

    Returns:
        The noun the word modifies, or the word itself.
    """
    current = token
    for _ in range(_MAX_HOPS):
        if current.dep_ not in ("compound", "amod", "nmod", "poss") or current.head.i <= current.i:
            break
        if current.head.pos_ not in ("NOUN", "PROPN"):
            break
        current = current.head
    return current


def is_verb(token: Token) -> bool:
    """Whether the parser reads the token as a verb (not an auxiliary)."""
    if token.dep_ in ("aux", "auxpass"):
        return False
    return token.pos_ == "VERB" or token.tag_.startswith("VB") or token.dep_ == "ROOT"


def is_passive(verb: Token) -> bool:
    """A passive verb has a passive subject or auxiliary.

    A past participle with a ``by`` agent is passive without them: in
    "Rebuked by Arnor, Gondor withdrew" Arnor rebuked Gondor.

    Args:
        verb: The verb token.

    Returns:
        True for a passive verb.
    """
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    return verb.tag_ == "VBN" and any(child.dep_ == "agent" for child in verb.children)


def passive_agent(verb: Token) -> Token | None:
    """The object of a passive verb's ``by`` phrase."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, borrowed from the governing verb when it has none.

    Pronoun subjects (``Ethiopia indicated it would act``) are resolved to the
    subject of the clause above, as PETRARCH's tree rules do in effect.

    Args:
        verb: The verb token.

    Returns:
        The subject's head token, or None when none is found.
    """
    current = verb
    for _ in range(_MAX_HOPS):
        # A mis-parse may hang the subject on the auxiliary ("was criticized").
        nearby = [c for a in current.children if a.dep_ in ("aux", "auxpass") for c in a.children]
        subject = next((c for c in [*current.children, *nearby] if c.dep_ in _SUBJECTS), None)
        if subject is None:
            # "Ethiopia act on the resolution": a subject the parser hangs on
            # the verb as a compound noun.
            subject = next(
                (c for c in current.lefts if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")),
                None,
            )
        if subject is not None and subject.text.upper() in _PRONOUNS and subject.dep_ != "csubj":
            subject = None
            if current.dep_ in ("ccomp", "conj", "xcomp") and current.head.i != current.i:
                current = current.head
                continue
        if subject is not None:
            return subject
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ not in _BORROW or current.head.i == current.i:
            return None
        current = current.head
    return None


def governing_subject(verb: Token) -> Token | None:
    """The subject of the verb that governs ``verb``'s clause, if any."""
    if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or verb.head.i == verb.i:
        return None
    return subject_of(verb.head)


def target_candidates(verb: Token, coded_heads: set[int]) -> Iterator[Token]:
    """Nouns that may be the target, most likely first.

    Args:
        verb: The verb token.
        coded_heads: Token indices of the sentence's dictionary verbs; a
            clause one of them heads codes its own event.

    Yields:
        Candidate head nouns, from the direct object down.
    """
    children = list(verb.children)
    for child in children:
        if child.dep_ in ("dobj", "dative", "attr"):
            yield child
    for child in children:
        if child.dep_ in ("prep", "agent"):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild
    for child in children:
        # "Arnor marched close to the border with Gondor": the phrase hangs on
        # an adverb or adjective of the verb rather than on the verb itself.
        if child.dep_ in ("advmod", "acomp") and child.pos_ in ("ADV", "ADJ"):
            for prep in child.children:
                if prep.dep_ == "prep":
                    yield from (g for g in prep.children if g.dep_ == "pobj")
    for child in children:
        # "Arnor believes Dagolath can cope": the complement's subject is the
        # target unless the complement codes an event of its own. A verb in a
        # relative clause of its nouns does not count ("Arnor allowed that
        # Gondor is no place to visit"), and a complement before the verb is
        # the reported speech of an inverted attribution ("Arnor left Gondor,
        # an official said"), not something said about its subject.
        if (
            child.dep_ in ("ccomp", "xcomp")
            and child.i > verb.i
            and not _codes_own_event(child, coded_heads)
        ):
            for grandchild in child.children:
                if grandchild.dep_ in _SUBJECTS or grandchild.dep_ == "dobj":
                    yield grandchild
        if child.dep_ in ("xcomp", "advcl") and child.i not in coded_heads:
            yield from target_candidates(child, coded_heads)


def _codes_own_event(clause: Token, coded_heads: set[int]) -> bool:
    """Whether a dictionary verb heads the clause or one of its verbal parts.

    Relative and participial clauses on its nouns are left out: they describe
    a noun and do not take the clause's subject. So are coordinated verbs,
    clauses of their own that the parser often hangs on the complement ("Arnor
    said the embargo would fail against Gondor and warned Rohan": "warned" is
    Arnor's, not the embargo's).
    """
    stack = [clause]
    while stack:
        current = stack.pop()
        if current.i in coded_heads:
            return True
        stack.extend(c for c in current.children if c.dep_ not in ("relcl", "acl", "conj"))
    return False
