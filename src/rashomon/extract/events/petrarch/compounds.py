"""Code a noun phrase and the phrases coordinated with it as PETRARCH actors.

A source or target may be compound (``Arnor and Gondor``), and each member is
coded on its own. spaCy's parse of such lists is often wrong in ways that
change the codes, so this module reads the coordination with some repairs:

* a list written with commas may come out as an apposition (``Mordor, the
  Shire, Fornost and Bree``: ``the Shire`` an appositive of ``Mordor``); an
  appositive with members after it is read as one more member, and one with
  no comma that follows a member word for word as part of that member
  (``the lions and the evil awful Gondor``);
* a prepositional phrase that follows a later member belongs to that member,
  whatever noun the parser hung it on (``sheep and goats of Gondor``);
* a bare actor right after ``AGENT prep ACTOR`` shares the agent (``lawmakers
  in Fornost and Gondor`` gives FORLEG and GONLEG);
* a member with only an agent borrows the actors of the others (``lawmakers
  and officials in Fornost`` gives FORLEG and FORGOV).

A member's words also take in a name set right after its noun (``Gryffindor's
head Minerva McGonagall``), the hyphen of a word the tokenizer split
(``Barad - dur``) and the words a prefix written apart continues into (``an
anti- Gondor parade``). With PETRARCH's ``new_actor_length`` a member that
codes nothing becomes a new actor named by its own words (``'"THE MINISTRY OF
MAGIC"'``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from spacy.tokens import Token

from rashomon.extract.events.petrarch.actor_coding import ActorCoder, CodedPhrase, apply_agents

__all__ = ["code_conjuncts", "conjuncts", "phrase_tokens"]

# Dependents that are not part of a noun phrase's own words.
_OUTSIDE_PHRASE = frozenset(
    {"relcl", "appos", "advcl", "ccomp", "parataxis", "punct", "mark", "nummod", "npadvmod"}
)
_CLAUSES = frozenset({"relcl", "advcl", "ccomp", "parataxis"})
_LIST_MARKS = frozenset({"cc", "punct", "preconj"})
# Words a new actor's name leaves out: possessive endings and punctuation.
_NOT_NAMED = frozenset({"POS", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH"})
# Entity types that never name a new actor.
_NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


@dataclass(frozen=True)
class _Member:
    """One member of a coordination: its head and the words of its phrase."""

    head: Token
    words: tuple[Token, ...]
    # The last word of a prepositional phrase ending the member, if any.
    preposition_end: int | None


def code_conjuncts(
    actors: ActorCoder,
    token: Token | None,
    date: datetime.date | None,
    new_actor_length: int = 0,
) -> list[CodedPhrase]:
    """Code a noun and each noun coordinated with it, one phrase each.

    Args:
        actors: Codes one phrase's words.
        token: The head noun, or None.
        date: The story date, for date-restricted actor codes.
        new_actor_length: Name uncoded members of at most this many words
            as new actors (0: never).

    Returns:
        The coded members in text order; members that code nothing are left out.
    """
    if token is None:
        return []
    members = _members(token)
    coded: list[CodedPhrase | None] = []
    for index, member in enumerate(members):
        phrase = actors.code(member.words, date)
        if phrase is None and new_actor_length > 0:
            phrase = _new_actor(member.words, new_actor_length)
        if phrase is not None and index > 0:
            phrase = _share_agents(phrase, member, members[index - 1], coded[index - 1])
        coded.append(phrase)
    found = [phrase for phrase in coded if phrase is not None]
    return _borrow_actors(found)


def _share_agents(
    phrase: CodedPhrase,
    member: _Member,
    previous: _Member,
    previous_phrase: CodedPhrase | None,
) -> CodedPhrase:
    """A bare actor takes the agents of ``AGENT prep ACTOR`` right before it.

    "Lawmakers in Fornost and Gondor welcomed the talks": spaCy coordinates
    ``Gondor`` with ``Lawmakers``, but it continues the prepositional object,
    so it is coded GONLEG, not GON.
    """
    if phrase.agents or not phrase.has_actor or previous_phrase is None:
        return phrase
    if not (previous_phrase.has_actor and previous_phrase.agents):
        return phrase
    end = previous.preposition_end
    start = min(t.i for t in member.words)
    if end is None or end >= start:
        return phrase
    if not all(t.dep_ in _LIST_MARKS for t in member.head.doc[end + 1 : start]):
        return phrase
    codes = tuple(apply_agents(base, previous_phrase.agents) for base in phrase.bases)
    return CodedPhrase(codes, phrase.span, True, phrase.bases, previous_phrase.agents)


def _borrow_actors(found: list[CodedPhrase]) -> list[CodedPhrase]:
    """Agent-only members take the actors of the coded ones.

    "Lawmakers and officials in Fornost welcomed the talks" gives FORLEG and
    FORGOV: the actor is borrowed without the other member's agents, so
    "Danish media and government" gives DNKMED and DNKGOV, not DNKMEDGOV.
    """
    countries = list(dict.fromkeys(base for p in found if p.has_actor for base in p.bases))
    if not countries:
        return found
    borrowed: list[CodedPhrase] = []
    for phrase in found:
        if phrase.has_actor:
            borrowed.append(phrase)
            continue
        codes = tuple(dict.fromkeys(apply_agents(country, phrase.agents) for country in countries))
        borrowed.append(
            CodedPhrase(codes or phrase.codes, phrase.span, True, tuple(countries), phrase.agents)
        )
    return borrowed


def _new_actor(words: tuple[Token, ...], limit: int) -> CodedPhrase | None:
    """An uncoded phrase of at most ``limit`` words, named by its words.

    "The Ministry of Magic protested": with new actors of up to four words
    allowed, the source is coded '"THE MINISTRY OF MAGIC"'.
    """
    named = [t for t in words if t.tag_ not in _NOT_NAMED and not t.is_punct]
    if not named or len(named) > limit or not any(t.pos_ in ("NOUN", "PROPN") for t in named):
        return None
    # "Arnor left on Wednesday": a date or a number names no actor.
    if any(t.ent_type_ in _NOT_ACTORS for t in named):
        return None
    if all(t.pos_ == "PRON" or t.tag_ in ("PRP", "PRP$", "WP") for t in named):
        return None
    code = '"' + " ".join(t.text.upper() for t in named) + '"'
    span = (named[0].idx, named[-1].idx + len(named[-1].text))
    return CodedPhrase((code,), span, True, (code,), ())


def _members(token: Token) -> list[_Member]:
    """The members of the coordination ``token`` heads, with their words."""
    heads = conjuncts(token)
    if len(heads) == 1:
        words = phrase_tokens(token)
        return [_Member(token, tuple(words), None)]
    positions = {head.i for head in heads}
    moved: dict[int, list[Token]] = {head.i: [] for head in heads}
    kept: dict[int, list[Token]] = {head.i: [] for head in heads}
    for head in heads:
        for child in head.children:
            if child.dep_ != "prep":
                continue
            # "sheep and goats of Gondor": the phrase belongs to the nearest
            # member on its left, not to the one the parser chose.
            owner = max(i for i in positions if i < child.i) if child.i > head.i else head.i
            (moved if owner != head.i else kept)[owner].append(child)
    glued = _glued_appositives(heads)
    members: list[_Member] = []
    for head in heads:
        own = [t for t in phrase_tokens(head) if not _inside_moved(t, head, moved, kept)]
        extra = [
            t for child in [*moved[head.i], *glued[head.i]] for t in phrase_tokens(child, top=False)
        ]
        words = sorted({*own, *extra}, key=lambda t: t.i)
        preps = [*kept[head.i], *moved[head.i]]
        end = max((t.i for p in preps for t in p.subtree), default=None)
        members.append(_Member(head, tuple(words), end))
    return members


def _glued_appositives(heads: list[Token]) -> dict[int, list[Token]]:
    """Appositives with no comma that continue the member just before them.

    "The lions and the evil awful Gondor met": the parser takes "awful" for the
    second member's noun and hangs "Gondor" on "lions" as an appositive; an
    appositive that follows a member word for word is read as part of it.
    """
    glued: dict[int, list[Token]] = {head.i: [] for head in heads}
    for head in heads:
        for child in head.children:
            if child.dep_ != "appos" or child in heads or _after_comma(child):
                continue
            for other in heads:
                if other.i != head.i and other.right_edge.i + 1 == child.left_edge.i:
                    glued[other.i].append(child)
    return glued


def _inside_moved(
    token: Token, head: Token, moved: dict[int, list[Token]], kept: dict[int, list[Token]]
) -> bool:
    """Whether ``token`` sits in a prepositional phrase given to another member."""
    given = [child for child in head.children if child.dep_ == "prep" and child not in kept[head.i]]
    return any(token.i in {t.i for t in child.subtree} for child in given)


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it, in text order.

    An appositive set off by a comma counts as a member when more members
    follow it ("Mordor, the Shire, Fornost and Bree met": the parser reads
    "the Shire" as an appositive of "Mordor" and "Fornost and Bree" as its
    conjuncts).
    """
    found = [token]
    queue = [token]
    while queue:
        current = queue.pop()
        for child in current.children:
            if child in found:
                continue
            if child.dep_ == "conj" or (
                child.dep_ == "appos" and _after_comma(child) and _listed_before(child, current)
            ):
                found.append(child)
                queue.append(child)
    return sorted(found, key=lambda t: t.i)


def _listed_before(appositive: Token, head: Token) -> bool:
    """Whether a conjunct of ``head`` or of the appositive follows the appositive.

    "Mordor, the Shire, Fornost and Bree": members follow "the Shire", so it is
    one of them; "Gondor and Dagolath, the Osgiliath newspaper said": nothing
    follows "the Osgiliath newspaper", which is no member.
    """
    candidates = [*head.children, *appositive.children]
    return any(c.dep_ == "conj" and c.i > appositive.i for c in candidates)


def _after_comma(token: Token) -> bool:
    """Whether a comma comes just before the phrase ``token`` heads."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text == ","


def phrase_tokens(token: Token, *, top: bool = True) -> list[Token]:
    """The words of a noun phrase: its subtree minus clauses and conjuncts."""
    words: list[Token] = []

    def visit(current: Token, top: bool) -> None:
        words.append(current)
        for child in current.children:
            if child.dep_ in _CLAUSES and child.pos_ not in ("VERB", "AUX"):
                pass  # a noun mis-parsed as a clause ("an anti- Gondor parade")
            elif child.tag_ == "HYPH":
                pass  # the hyphen of a split word ("Barad - dur"), rejoined when coded
            elif child.dep_ == "appos" and child.left_edge.i == current.i + 1:
                pass  # a name right after its noun ("Gryffindor's head Minerva McGonagall")
            elif child.dep_ in _OUTSIDE_PHRASE or (
                top and child.dep_ in ("conj", "cc", "preconj", "appos")
            ):
                continue
            visit(child, False)

    visit(token, top)
    words.sort(key=lambda t: t.i)
    return words + _after_dangling_prefix(words[-1])


def _after_dangling_prefix(last: Token) -> list[Token]:
    """The nouns a prefix written apart from them continues into.

    "Rioters broke into an anti- Gondor parade": the parser ends the phrase at
    ``anti-`` (and may even start a new sentence at ``Gondor``), but the
    prefix belongs to the words after it.
    """
    if len(last.text) < 2 or not last.text.endswith("-") or not last.whitespace_:
        return []
    following: list[Token] = []
    for token in last.doc[last.i + 1 :]:
        if token.pos_ not in ("PROPN", "NOUN", "ADJ"):
            break
        following.append(token)
    return following
