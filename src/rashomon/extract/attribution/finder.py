"""Find attributions on a parsed ``Doc``: rules over the dependency parse and the quote marks.

The finder makes three passes:

1. **cues** — every verb, noun or phrase of the cue lexicon that governs some content
   (a clause, a quotation, an object for denials, a to-infinitive for intentions);
2. **quotations** — every quotation that no cue claimed yet, tied to a speech verb right
   after it or right before it (`"…," a commander said`; `He told reporters: "…"`);
3. **links** — participial cues that continue another act ("…, saying that …"), and denials
   whose object points back to earlier reports ("repudiated the reports").

This module runs the passes and decides, token by token, which kind of cue it is looking
at; each kind has its own module: ``verbs`` (with ``content``, ``clauses`` and ``objects``
for what a verb's content is), ``nouns``, ``prepositions`` ("according to"), ``quotations``
and ``lines`` for quotations and speaker labels, ``links`` for the last pass. It only
finds; ``component.AttributionFinder`` writes the results onto the ``Doc``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.extract.attribution.boundaries import BoundaryModel, refine
from rashomon.extract.attribution.classifier import CueClassifier
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue, CueLexicon, SourcingLexicon
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.frames import speaks_in_clause
from rashomon.extract.attribution.lines import find_colon_lines, find_signed_quotes
from rashomon.extract.attribution.links import (
    lift_trailing_acts,
    link_attributions,
    mend_broken_sentences,
)
from rashomon.extract.attribution.nouns import from_noun
from rashomon.extract.attribution.prepositions import according_to, in_a_poll
from rashomon.extract.attribution.quotations import (
    attach_continued_quotes,
    attach_split_quotes,
    find_orphan_quotes,
)
from rashomon.extract.attribution.scorer import AttributionScorer
from rashomon.extract.attribution.spans import overlaps
from rashomon.extract.attribution.verbs import from_verb

__all__ = ["find_attributions"]

#: How sure the classifier must be before a lexicon verb listed without an object frame
#: takes its object as content: "accused the agency of a cover-up" (sure), "added sugar to
#: the tea" (a speech verb, but not here).
_SURE = 0.5


def find_attributions(
    doc: Doc,
    cues: CueLexicon,
    sourcing: SourcingLexicon,
    classifier: CueClassifier | None = None,
    boundaries: BoundaryModel | None = None,
    scorer: AttributionScorer | None = None,
) -> list[FoundAttribution]:
    """Every attribution in ``doc``, in text order of their cues.

    With a learned ``classifier``, the words it was trained on are cues when it says so in
    their context, whether the lexicon lists them ("voted for the bill") or not. With a
    learned ``boundaries`` model, the edges of the spans move to where that corpus puts them.
    With a ``scorer`` as well, the classifier proposes cues it is less sure of, and the
    scorer keeps the finished attributions it believes.
    """
    if scorer is not None and classifier is not None:
        classifier = scorer.candidates(classifier)
    ctx = Context.build(doc, cues, sourcing, classifier)
    found: list[FoundAttribution] = []
    used_cues: set[int] = set()
    for token in doc:
        attribution = _from_token(ctx, token)
        if attribution is not None:
            found.append(attribution)
            used_cues.add(token.i)
    attach_split_quotes(ctx, found)
    orphans = find_orphan_quotes(ctx, found, used_cues)
    # '"To all the girls," Bond said, "own your magic."' — a quotation the parse gave no
    # clause to is tied to its verb only now, and its second half with it.
    attach_split_quotes(ctx, orphans, settled=found)
    found.extend(orphans)
    found.extend(find_colon_lines(ctx, found))
    signed = find_signed_quotes(ctx, found)
    if signed:
        # '”We deserve better,” ― Ana': a quotation the quote finder missed (it opens with
        # the wrong mark) may hold words that looked like cues; they are Ana's own.
        signed_content = [piece for a in signed for piece in a.content]
        found = [a for a in found if not overlaps(a.cue, signed_content)] + signed
    found.sort(key=lambda a: a.cue)
    attach_continued_quotes(ctx, found)
    lift_trailing_acts(ctx, found)
    mend_broken_sentences(ctx, found)
    if boundaries is not None:
        refine(doc, found, boundaries)
    if scorer is not None:
        found = scorer.keep(ctx, found)
    link_attributions(doc, found, cues)
    return found


def _from_token(ctx: Context, token: Token) -> FoundAttribution | None:
    if ctx.inside_quote(token):
        # '"I think we will win," she said.' — words inside a quotation are the quoted
        # speaker's own; the attribution is the quotation's, not the "think" inside it.
        return None
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return according_to(ctx, token)
    if token.lower_ == "in" and token.dep_ == "prep" and token.i < token.head.i:
        return in_a_poll(ctx, token)
    if _chain_with_a_cue(ctx, token):
        # "continued to warn that …": the attribution is the infinitive's, with the cue
        # running back to "continued".
        return None
    if ctx.cues.in_idiom(token):
        # "That said, Fox's audience tends to be older": a set phrase, not a report.
        return None
    verb_cue = ctx.cues.verb_cue(token)
    speech_clause = speaks_in_clause(verb_cue, token)
    if ctx.classifier is not None and ctx.classifier.is_candidate(token) and not speech_clause:
        # Learned in context: "cited the report" is a cue, "cited for speeding" is not. A
        # speech verb governing a clause ("was quoted as saying that …") needs no second opinion.
        probability = ctx.cue_probability(token)
        if probability is None or probability < ctx.classifier.threshold:
            return None
        if verb_cue is None:
            verb_cue = Cue(token.lemma_.lower(), "verb", "learned", "assert", True, True)
        elif not (verb_cue.takes_object and verb_cue.takes_infinitive) and probability >= _SURE:
            # The classifier has weighed the frame: "accused the agency of a cover-up" and
            # "noted the testimony" are acts whose object is what was said.
            verb_cue = replace(verb_cue, takes_object=True, takes_infinitive=True)
    if verb_cue is not None:
        return from_verb(ctx, token, verb_cue)
    noun_cue = ctx.cues.noun_cue(token)
    if noun_cue is not None:
        return from_noun(ctx, token, noun_cue)
    return None


def _chain_with_a_cue(ctx: Context, token: Token) -> bool:
    """Whether ``token`` is a chain verb whose infinitive is an attribution's cue itself."""
    if token.lemma_.lower() not in ctx.cues.chains:
        return False
    return any(
        ctx.cues.chained(child) == token and _from_token(ctx, child) is not None
        for child in token.children
        if child.dep_ == "xcomp"
    )
