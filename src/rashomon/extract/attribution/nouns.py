"""Attributions cued by a noun: "reports that …", "his claim that …", "a statement saying …".

A report noun's source is its possessor ("the ministry's statement"), the one who issues
it ("the ministry issued a statement saying …") or no one ("reports say"); its content is
the clause it governs, or the participle by which it says what it says.

The nouns are the lexicon's. PolNeAR marks many more ("his determination to act alone",
"criticism of the deal", "Trump's plan"): 1,036 of its train cues are nouns. Letting the
corpus add its own was measured before being built: the nouns whose lemma heads a gold
cue twice in train, taken wherever they govern a clause, an infinitive or an of/about/
for/on/to/against/over phrase, with a possessor, a name or a "by" phrase as the source,
give 498 candidates on dev of which 36 match a gold attribution whole. A classifier would
have to pick those 36 out of fourteen times as many, for at most 1.6 points of recall.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.attribution.assemble import (
    CUE_LEFT_DEPS,
    build_attribution,
    expand_to_quotes,
    subject_of,
)
from rashomon.extract.attribution.clauses import CLAUSE_DEPS, clause_in_adjunct
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue, CueLexicon
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.spans import char_span_of, subtree_range, trim

__all__ = ["from_noun", "said_by_its_noun"]


def from_noun(ctx: Context, noun: Token, cue: Cue) -> FoundAttribution | None:
    """The attribution a cue noun heads, when it governs a content."""
    # "There are reports that militants left." / "his claim that the vote was rigged" /
    # "a statement saying the talks had failed": the noun's clause is the content.
    clause = None
    for child in noun.children:
        if child.dep_ in {"acl", "ccomp", "relcl", "appos"} and child.pos_ in {"VERB", "AUX"}:
            has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            saying = _saying(ctx.cues, child)
            if has_that or saying:
                clause = child
                break
    if clause is None:
        return None
    if _completes_a_verb(ctx, noun):
        # "The ministry said in a statement that …": the clause is the verb's, and so is
        # the attribution.
        return None
    if clause.tag_ == "VBG":
        inner = next((c for c in clause.children if c.dep_ in CLAUSE_DEPS), None)
        if inner is None:
            return None
        first, last = subtree_range(inner)
    else:
        first, last = subtree_range(clause)
    content = [expand_to_quotes(trim(ctx.text, *char_span_of(ctx.doc, first, last)), ctx.quotes)]
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        by = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None
        )
        if by is not None:
            source = next((c for c in by.children if c.dep_ == "pobj"), None)
    if source is None:
        # "a New York Times report that …", "a Pentagon statement saying …": a name
        # compounded with the noun is whose report it is.
        source = next(
            (
                c
                for c in noun.children
                if c.dep_ == "compound" and c.i < noun.i and _names_someone(c)
            ),
            None,
        )
    issuer = _issuer(ctx, noun)
    if source is None and issuer is not None:
        # "The ministry issued a statement saying …": whoever issues the statement is
        # its source.
        source = subject_of(issuer)
    found = build_attribution(ctx, noun, cue, source, content)
    if found is not None and issuer is not None and clause.tag_ == "VBG" and clause.i > noun.i:
        # One act, one cue: "issued a statement saying" (PolNeAR marks it so each of the
        # 13 times the words occur in train and dev), not "statement" and "saying" apart.
        start = min([issuer.idx] + [c.idx for c in issuer.lefts if c.dep_ in CUE_LEFT_DEPS])
        found.cue = (start, clause.idx + len(clause))
    return found


def _issuer(ctx: Context, noun: Token) -> Token | None:
    """The verb that puts out a report noun ("issued a statement"), if there is one."""
    issuer = noun.head
    if noun.dep_ in {"dobj", "obj"} and issuer.lemma_.lower() in ctx.sourcing.issuing_verbs:
        return issuer
    return None


def said_by_its_noun(ctx: Context, verb: Token) -> bool:
    """Whether a verb is part of an issued statement's cue ("issued a statement saying").

    "The ministry issued a statement saying the talks failed" is one act, which
    ``from_noun`` finds; "saying", or "issued" with the statement as its content, on its
    own would repeat it.
    """
    if verb.dep_ == "acl" and _saying(ctx.cues, verb):
        return _issued_report(ctx, verb.head)
    return any(
        _issued_report(ctx, noun)
        and any(c.dep_ == "acl" and _saying(ctx.cues, c) and c.i > noun.i for c in noun.children)
        for noun in verb.children
        if noun.dep_ in {"dobj", "obj"}
    )


def _saying(cues: CueLexicon, token: Token) -> bool:
    """A participle by which a report noun says what it says: "a statement saying …"."""
    return token.tag_ == "VBG" and token.lemma_ in cues.saying_participles


def _issued_report(ctx: Context, noun: Token) -> bool:
    """Whether ``noun`` is a cue noun someone put out ("issued a statement")."""
    return ctx.cues.noun_cue(noun) is not None and _issuer(ctx, noun) is not None


def _completes_a_verb(ctx: Context, noun: Token) -> bool:
    """Whether ``noun`` sits in a speech verb's adjunct whose clause the verb claims."""
    verb = noun
    while verb.dep_ in {"pobj", "prep"} and verb.head.i != verb.i:
        verb = verb.head
    cue = ctx.cues.verb_cue(verb)
    if verb.i == noun.i or cue is None or cue.cue_class != "speech":
        return False
    claimed = clause_in_adjunct(ctx, verb)
    return claimed is not None and claimed[0].i == noun.i


def _names_someone(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ not in {"DATE", "TIME", "CARDINAL"}
