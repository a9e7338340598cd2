"""The frame of a candidate cue: what it governs, in one word.

Many words are cues only in some frames ("called for the ban", not "called a meeting"), so
the frame is the first thing the cue classifier looks at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from rashomon.extract.attribution.cues import Cue

__all__ = ["as_frame", "cue_frame", "governs_a_date", "predicate_adjective", "speaks_in_clause"]

_BOUND = {"for", "about", "against", "on", "to", "of", "with", "as"}
#: What a verb governs beyond its subject, when it says something of its own.
_GOVERNED = {"dobj", "obj", "ccomp", "xcomp", "prep", "attr", "oprd", "acomp", "dative", "agent"}


def cue_frame(token: Token) -> str:
    """What a candidate cue governs, in one word.

    ``clause`` ("said that …"), ``infinitive`` ("pledged to …"), ``object`` ("denied the
    reports"), ``prep:for`` ("called for …"), ``adjective`` ("was critical of …"),
    ``subject`` (only a subject), ``none``.
    """
    deps = {child.dep_ for child in token.children}
    if deps & {"ccomp", "parataxis"} or token.dep_ == "parataxis":
        return "clause"
    if "xcomp" in deps:
        return "infinitive"
    if deps & {"dobj", "obj", "attr", "oprd"}:
        return "object"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _BOUND and child.i > token.i:
            return f"prep:{child.lower_}"
    if predicate_adjective(token) is not None:
        return "adjective"
    if deps & {"nsubj", "nsubjpass", "poss"}:
        return "subject"
    return "none"


def predicate_adjective(token: Token) -> Token | None:
    """The adjective through which a verb takes its content, if any.

    "has been critical of the plan", "are well aware that …", "is eager to help": the verb
    ("be", "remain") is a cue only through the adjective and what the adjective governs.
    """
    for child in token.children:
        if child.dep_ != "acomp" or child.i < token.i:
            continue
        for grandchild in child.children:
            if grandchild.dep_ in {"ccomp", "xcomp"}:
                return child
            if grandchild.dep_ == "prep" and grandchild.lower_ in _BOUND:
                if any(c.dep_ in {"pobj", "pcomp"} for c in grandchild.children):
                    return child
    return None


def as_frame(token: Token) -> bool:
    """Whether the cue is an "as" clause framing the clause it hangs on.

    "As experts have pointed out, he is free to publish his returns." — the "as" clause names
    the source and the cue; what they said is the clause it modifies, without the frame.
    """
    # "as he discussed his plan" and "as she called for a ban" are times, not frames: a frame
    # has a subject and governs nothing else — but it may say when it spoke ("As the paper
    # reported on Saturday, …").
    deps = {
        child.dep_
        for child in token.children
        if not (child.dep_ == "prep" and governs_a_date(child))
    }
    return (
        token.dep_ == "advcl"
        and any(child.dep_ == "mark" and child.lower_ == "as" for child in token.children)
        and bool(deps & {"nsubj"})
        and not deps & _GOVERNED
    )


def governs_a_date(preposition: Token) -> bool:
    """Whether a preposition's object is a date or a time ("on Friday", "after 9 p.m.")."""
    return any(c.ent_type_ in {"DATE", "TIME"} for c in preposition.children)


def speaks_in_clause(cue: Cue | None, token: Token, *, framing: bool = False) -> bool:
    """Whether ``token`` is a lexicon speech verb governing a clause, not negated.

    "The minister said that the talks failed" is an attribution on the lexicon's word
    alone: neither the cue classifier nor the attribution scorer second-guesses it. With
    ``framing``, a speech verb framing a clause counts too ("The plan will fail, as the
    minister said").
    """
    if cue is None or cue.cue_class != "speech":
        return False
    if any(child.dep_ == "neg" for child in token.children):
        return False
    return cue_frame(token) == "clause" or (framing and as_frame(token))
