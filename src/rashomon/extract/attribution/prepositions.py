"""Attributions cued by a preposition: "according to the ministry", "In a new poll, …".

The source is the preposition's object; the content is the clause the phrase hangs on,
or the sentence it opens.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.attribution.assemble import build_attribution, expand_to_quotes
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.sourcing import classify_sourcing
from rashomon.extract.attribution.spans import char_span_of, subtree_range, trim

__all__ = ["according_to", "in_a_poll"]


def according_to(ctx: Context, according: Token) -> FoundAttribution | None:
    """The attribution an "according to" phrase makes, if it names a source."""
    # "According to officials, the plan failed." — the source is the object of "to";
    # the content is the clause "according to" modifies, less the phrase itself.
    to = next(c for c in according.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = according.head
    cue = Cue("according to", "phrase", "speech", "assert", False, False)
    if head.i == according.i:
        return _according_to_fronted_root(ctx, according, to, cue)
    head = _reported_clause(head, according)
    first, last = subtree_range(head, exclude=[according])
    content = [expand_to_quotes(trim(ctx.text, *char_span_of(ctx.doc, first, last)), ctx.quotes)]
    found = build_attribution(ctx, according, cue, source, content)
    if found is not None:
        found.cue = (according.idx, to.idx + len(to.text))
    return found


def _reported_clause(head: Token, according: Token) -> Token:
    """The clause a trailing "according to" speaks for, above where the parser hung it.

    "Trump received 37 percent, Clinton had 36 percent and Bloomberg 13 percent, according
    to the poll": the phrase hangs on the last conjunct but reports all three; "Clinton
    leads by 271 delegates according to the AP": it hangs on a noun of the clause.
    """
    node = head
    if according.i > node.i:
        while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
            node = node.head
        if node.pos_ not in {"VERB", "AUX"}:
            return head
    while node.dep_ == "conj" and node.head.i != node.i and node.head.pos_ in {"VERB", "AUX"}:
        node = node.head
    return node


def _according_to_fronted_root(
    ctx: Context, according: Token, to: Token, cue: Cue
) -> FoundAttribution | None:
    """A fronted "According to X, …" that the parser made the root of its sentence.

    "According to the radio host Rush Limbaugh, the move reeks of fear." — the parser hangs
    the clause on the name as an apposition; the comma after the name is where the source
    ends and what was said begins.
    """
    doc, text = ctx.doc, ctx.text
    start, end = ctx.sentence(according)
    if according.i != start:
        return None
    comma = next((t for t in doc[to.i + 2 : end] if t.text == ","), None)
    if comma is None or comma.i + 1 >= end:
        return None
    source = trim(text, *char_span_of(doc, to.i + 1, comma.i - 1))
    content = trim(text, *char_span_of(doc, comma.i + 1, end - 1))
    if source[1] <= source[0] or content[1] <= content[0]:
        return None
    found = build_attribution(ctx, according, cue, None, [expand_to_quotes(content, ctx.quotes)])
    if found is not None:
        found.cue = (according.idx, to.idx + len(to.text))
        name = doc.char_span(*source, alignment_mode="expand")
        assert name is not None
        found.source, found.source_token = source, name.root.i
        found.sourcing = classify_sourcing(name.root, ctx.sentence_text(according), ctx.sourcing)
    return found


def in_a_poll(ctx: Context, preposition: Token) -> FoundAttribution | None:
    """The attribution a fronted "In a … poll" makes of the clause it opens."""
    # "In a Marist poll released Sunday, 45 percent backed the plan." — a fronted poll
    # speaks for the clause it opens; only fronted, since "leads in the poll" reports none.
    poll = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    head = preposition.head
    if (
        poll is None
        or poll.lemma_.lower() not in ctx.cues.poll_nouns
        or head.pos_ not in {"VERB", "AUX"}
    ):
        return None
    first, last = subtree_range(head, exclude=[preposition])
    content = [expand_to_quotes(trim(ctx.text, *char_span_of(ctx.doc, first, last)), ctx.quotes)]
    cue = Cue("in", "phrase", "report", "assert", False, False)
    return build_attribution(ctx, preposition, cue, poll, content)
