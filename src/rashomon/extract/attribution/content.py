"""What a cue verb's content is: its clause, its quotation, its object or its infinitive.

``verb_content`` tries the shapes in the order in which a corpus trusts them: a clause the
verb governs ("said that …"), one the parser hung elsewhere ("said in a statement that …"),
a quotation right before the frame ('"…," she said'), an infinitive ("promised to resign"),
an object where the verb's frame allows one ("denied the reports"), and last the clause
before a closing frame ("The talks failed, officials said"). The shapes themselves live in
``clauses`` and ``objects``.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.attribution.assemble import SUBJECT_DEPS, bound_preposition
from rashomon.extract.attribution.clauses import (
    CLAUSE_DEPS,
    adjective_content,
    block_after_colon,
    clause_in_adjunct,
    clause_range,
    closing_frame_content,
    for_to_clause,
    if_clause,
    says_when,
    that_adverbial,
    withheld_adverbial,
)
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue
from rashomon.extract.attribution.found import Range
from rashomon.extract.attribution.frames import as_frame, predicate_adjective
from rashomon.extract.attribution.objects import (
    NO_CONTENT,
    after_chain,
    coordinated_tail,
    first_of_two_predicates,
    gapped_object,
    object_with_state,
    one_word_answer,
    said_object,
    to_infinitive,
)
from rashomon.extract.attribution.spans import char_span_of, subtree_range, trim

__all__ = ["verb_content"]

#: Dependents that continue an object content: "criticized Clinton for her ties" (prep),
#: "called him a liar" (oprd), "urged them to leave" (xcomp).
_OBJECT_FOLLOWERS = {"prep", "oprd", "xcomp", "dative"}


def verb_content(ctx: Context, verb: Token, cue: Cue) -> list[Range] | None:
    """The content of a cue verb, or ``None`` when it governs none."""
    doc, text = ctx.doc, ctx.text
    clauses = [c for c in verb.children if c.dep_ in CLAUSE_DEPS]
    # "In a statement released after the senator suspended his campaign, Cruz said he is
    # certain …": the parser hangs the fronted adjunct on "said" as a clause as well; with
    # a clause on each side and the verb's subject between them, what was said is the one
    # after the verb. A quotation before the frame still is ('"It is a mess," he said, half
    # joking'), and so is a clause before a frame with no subject of its own.
    after = [c for c in clauses if c.i > verb.i]
    clause = clauses[0] if clauses else None
    if after and clause is not None and clause.i < verb.i:
        fronted = any(c.dep_ in SUBJECT_DEPS and clause.i < c.i < verb.i for c in verb.children)
        if fronted and not ctx.inside_quote(clause):
            clause = after[0]
    if clause is None:
        # "He said: the deal is dead." — the clause hangs on the colon's other side.
        # A no-break space between the verb and its object ("recalled\u00a0an incident")
        # is a token the parser hangs on the verb as "dep"; it says nothing.
        clause = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"parataxis", "dep"} and c.i > verb.i and not c.is_space
            ),
            None,
        )
    if clause is not None:
        first, last = clause_range(ctx, verb, clause)
        return [trim(text, *char_span_of(doc, first, last))]
    reply = one_word_answer(verb) if cue.cue_class in {"speech", "stance"} else None
    if reply is not None:
        return [trim(text, *char_span_of(doc, *reply))]
    if cue.cue_class == "speech":
        opened = that_adverbial(verb) or withheld_adverbial(verb)
        if opened is not None:
            first, last = clause_range(ctx, verb, opened)
            return [trim(text, *char_span_of(doc, first, last))]
        adjunct = clause_in_adjunct(ctx, verb)
        if adjunct is not None:
            first, last = subtree_range(adjunct[1])
            return [trim(text, *char_span_of(doc, first, last))]
        question = if_clause(ctx.cues, verb)
        if question is not None:
            return [trim(text, *char_span_of(doc, *subtree_range(question)))]
        block = block_after_colon(ctx, verb)
        if block is not None:
            return [block]
        before = closing_frame_content(ctx, verb)
        if before is not None:
            return [before]
    adjective = predicate_adjective(verb) if cue.takes_object else None
    if adjective is not None:
        # "has been critical of the plan", "are aware that it failed": the adjective
        # carries the stance, and what it governs is the content.
        return [trim(text, *char_span_of(doc, *adjective_content(adjective)))]
    if verb.dep_ == "parataxis" or as_frame(verb):
        # "The plan, he said, will fail." — the cue is a parenthetical inside its content;
        # "As the minister has said, the plan will fail." — an "as" clause is one too.
        head = verb.head
        first, last = subtree_range(head, exclude=[verb])
        return [trim(text, *char_span_of(doc, first, last))]
    if cue.takes_infinitive:
        # "They pledged to rebuild the bridge." — an intention's content is its to-clause.
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if xcomp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
            first, last = subtree_range(xcomp)
            # "urged the council to vote" — the one urged is part of what was urged.
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
            if obj is None:
                # "called on his colleagues to reject the bill" — the one called on, too.
                obj = next(
                    (
                        pobj
                        for c in verb.children
                        if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i < xcomp.i
                        for pobj in c.children
                        if pobj.dep_ == "pobj"
                    ),
                    None,
                )
            if obj is not None and obj.i > verb.i:
                first = min(first, subtree_range(obj)[0])
            elif ctx.cues.chained(xcomp) == verb:
                # "She continued to defend the plan." — one cue, "continued to defend", and
                # what the infinitive governs is the content.
                first = after_chain(doc, xcomp, last)
            last = coordinated_tail(doc, verb, xcomp, last)
            last = _without_aside(ctx, first, last)
            return [trim(text, *char_span_of(doc, first, last))]
    if cue.takes_object:
        for_clause = for_to_clause(verb)
        if for_clause is not None:
            # "She called for the allies to step up the strikes." — the parser reads "for
            # the allies to step up …" as a clause of its own, opened by "for"; what was
            # called for is that clause.
            first, last = subtree_range(for_clause, exclude=[for_clause.left_edge])
            return [trim(text, *char_span_of(doc, first, last))]
        # "The ministry denied the reports." — a denial's object is what it denies;
        # "criticized the mayor for the delays" — with what the object is charged with.
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
        if obj is None:
            obj = first_of_two_predicates(verb)
        listener = obj is not None and obj.pos_ == "PRON" and verb.lemma_ in ctx.cues.listener_verbs
        # "He said nothing." — a bare "nothing" or "something" says no proposition ("denied
        # it" does: "it" points back at one).
        empty = obj is not None and obj.n_lefts + obj.n_rights == 0 and obj.lower_ in NO_CONTENT
        if obj is not None and not listener and not empty:
            first, last = subtree_range(obj)
            for child in verb.children:
                follows = child.dep_ in _OBJECT_FOLLOWERS or to_infinitive(child)
                if child.i > last and follows and not says_when(child):
                    last = max(last, subtree_range(child)[1])
            last = coordinated_tail(doc, verb, obj, last)
            last = _without_aside(ctx, first, last)
            return [trim(text, *char_span_of(doc, first, last))]
        # "voted for the bill", "asked about the emails": the object of a bound preposition.
        prep = bound_preposition(verb)
        if prep is not None and cue.cue_class == "speech" and _quotation_before_frame(ctx, verb):
            # '"Look at all these supporters," Paradis said with a smirk': what was said is
            # the quotation the frame closes, not the object of "with"; the quote rule
            # ties it.
            return None
        if prep is not None:
            pobj = next(c for c in prep.children if c.dep_ in {"pobj", "pcomp"})
            first, last = subtree_range(pobj)
            for child in verb.children:
                if child.i > last and child.dep_ == "prep" and child.lower_ == "as":
                    # "focused on climate change as a signature issue" — the "as" phrase
                    # says what was made of the object (PolNeAR train: 19 times in 20).
                    last = max(last, subtree_range(child)[1])
            last = _without_aside(ctx, first, last)
            return [trim(text, *char_span_of(doc, first, last))]
    gapped = gapped_object(ctx, verb) if cue.takes_object else None
    if gapped is not None:
        return [gapped]
    said = said_object(ctx.cues, verb) if cue.takes_words else None
    if said is None and cue.takes_state:
        said = object_with_state(verb)
    if said is not None:
        return [trim(text, *char_span_of(doc, *said))]
    gerund = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None
    )
    if (
        gerund is not None
        and (cue.takes_infinitive or cue.takes_object)
        and cue.cue_class != "learned"
    ):
        # "He proposes doing away with the mandate." — a gerund is a proposal's content as a
        # to-infinitive is; "The governor rejected closing the hospitals" — and stands in
        # for the object of a verb whose object is its content (PolNeAR train, rules mode:
        # tp 9715 -> 9726, fp 2459 -> 2462). Not for a verb only the classifier knows:
        # "enjoys running" is a pastime.
        first, last = subtree_range(gerund)
        last = coordinated_tail(doc, verb, gerund, last)
        return [trim(text, *char_span_of(doc, first, last))]
    return None


def _quotation_before_frame(ctx: Context, verb: Token) -> bool:
    """Whether a quotation ends right before the verb's frame, set off by a comma inside
    its marks or after them: '"…," Paradis said' or '"…" — said the senator'."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    frame = verb.i
    if subject is not None and subject.i < verb.i:
        frame = subject.left_edge.i
    frame = min([frame] + [c.i for c in verb.children if c.dep_ in {"aux", "neg"} and c.i < frame])
    start = ctx.doc[frame].idx
    for quote in ctx.quotes:
        if quote.end <= start and not ctx.text[quote.end : start].strip(" ,—–-\u00a0"):
            inner = ctx.text[quote.start : quote.end].rstrip("\"”’'» ")
            between = ctx.text[quote.end : start]
            return inner[-1:] in {",", "?", "!"} or "," in between
    return False


def _without_aside(ctx: Context, first: int, last: int) -> int:
    """The last token of an object content, before a trailing non-restrictive relative clause.

    "They vowed to pardon Hillary Clinton, who has not been charged with any crime." — the
    relative clause after the comma is the writer's aside about the object, not part of what
    was vowed; PolNeAR train leaves it out of object and infinitive contents 56 times in 78.
    Inside a quotation it is the speaker's own words and stays.
    """
    doc = ctx.doc
    end = last
    while end > first and doc[end].is_punct:
        end -= 1
    for token in doc[first + 2 : end + 1]:
        if token.dep_ != "relcl" or token.right_edge.i < end:
            continue
        comma = token.left_edge.i - 1
        if comma > first and doc[comma].text == "," and not ctx.inside_quote(doc[comma]):
            return comma - 1
    return last
