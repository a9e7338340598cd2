"""Assemble one attribution from the parts a rule found: cue token, source head, content.

Every rule of the finder ends here, so the conventions PolNeAR follows for the words of each
role live in one place: the cue keeps its auxiliaries and particle ("has also said",
"pointed out"), the frame never belongs to the content it splits ("The plan, he said, will
fail"), and a content that touches a quotation takes all of it.
"""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue
from rashomon.extract.attribution.found import FoundAttribution, Range
from rashomon.extract.attribution.frames import as_frame, governs_a_date, predicate_adjective
from rashomon.extract.attribution.quotes import Quote, quotation_kind
from rashomon.extract.attribution.sourcing import (
    classify_sourcing,
    content_is_negated,
    content_lemmas,
    find_said_on,
    source_range,
)
from rashomon.extract.attribution.spans import char_span_of, overlaps, subtree_range, trim

__all__ = [
    "BOUND_PREPOSITIONS",
    "SUBJECT_DEPS",
    "bound_preposition",
    "build_attribution",
    "CUE_LEFT_DEPS",
    "expand_to_quotes",
    "subject_of",
    "subjects_of",
]

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: Prepositions through which a cue takes its content: "called for", "asked about", and the
#: stances "balked at", "clashed over", "stood behind", "seized upon".
BOUND_PREPOSITIONS = {
    "for", "about", "against", "on", "to", "of", "with", "at", "over", "behind", "upon",
}  # fmt: skip
#: Dependencies through which a cue with no subject of its own borrows its head's subject:
#: "He denied it, saying …" (advcl), "He said … and added …" (conj), "was quoted as saying" (pcomp),
#: "After months of refusing to apologize, the senator …" (pobj, six steps up), "has a rare
#: chance to show that …" (dobj). Not a predicate noun (attr): in "Western powers are partners
#: in supporting militants" no one is said to support anything; the writer says so.
_INHERIT_DEPS = {
    "advcl",
    "conj",
    "xcomp",
    "pcomp",
    "prep",
    "acl",
    "dep",
    "acomp",
    "pobj",
    "dobj",
    "relcl",
}
#: Left dependents that belong to the cue's verb group: "has said", "was quoted", "did not".
CUE_LEFT_DEPS = {"aux", "auxpass", "neg"}


def build_attribution(
    ctx: Context,
    cue_token: Token,
    cue: Cue,
    subject: Token | None,
    content: list[Range],
) -> FoundAttribution | None:
    """One attribution from a rule's parts, or ``None`` when no content is left.

    Args:
        ctx: the article the rule ran on.
        cue_token: the cue's head word.
        cue: the lexicon entry (or learned stand-in) of the cue.
        subject: the head of the source phrase, if the rule found one.
        content: the content's character ranges.
    """
    doc = ctx.doc
    content = [r for r in content if r[1] > r[0]]
    if not content:
        return None
    cue_range = _cue_range(ctx, cue_token, content)
    source = (
        source_range(doc, ctx.text, subject, speaks=ctx.speaks) if subject is not None else None
    )
    if source is not None and overlaps(source, [cue_range]):
        # "A union representing pilots endorsed the mayor on Thursday, another sign of …" —
        # a misparse can hang the cue's own clause inside its subject; the source is what
        # stands on the subject's side of the cue.
        side = (source[0], cue_range[0]) if source[0] < cue_range[0] else (cue_range[1], source[1])
        source = trim(ctx.text, *side)
        source = source if source[1] > source[0] else None
    content = _cut_out_frame(ctx, cue_token, cue_range, source, content)
    if not content:
        return None
    if source is not None and subject is not None and overlaps(source, content):
        source = source_range(doc, ctx.text, subject, cut_relative=True)
    if source is not None and overlaps(source, content):
        source = None
        subject = None
    lemmas, names = content_lemmas(doc, content)
    return FoundAttribution(
        cue=cue_range,
        cue_token=cue_token.i,
        cue_lemma=cue.lemma,
        content=content,
        kind=quotation_kind(ctx.text, content, ctx.quotes),
        polarity=cue.polarity,
        sourcing=classify_sourcing(subject, ctx.sentence_text(cue_token), ctx.sourcing),
        source=source,
        source_token=subject.i if subject is not None else None,
        said_on_text=find_said_on(doc, cue_token),
        negated=content_is_negated(doc, content),
        content_lemmas=lemmas,
        content_names=names,
    )


def _cue_range(ctx: Context, cue_token: Token, content: list[Range]) -> Range:
    """The cue's words: the verb with its auxiliaries, negation, adverbs and particle.

    "has also said", "did not deny", "has repeatedly denied", "pointed out", and "called
    for" when the content is the object of the preposition.
    """
    doc = ctx.doc
    # "continued to warn that …": a chain verb and its infinitive are one cue.
    chain = ctx.cues.chained(cue_token)
    first = _left_edge_of_cue(chain if chain is not None else cue_token)
    last = cue_token.i
    for child in cue_token.children:
        if child.dep_ == "prt" and child.i == last + 1:
            last = child.i
    content_start = min((start for start, _ in content), default=-1)
    for child in cue_token.rights:
        # "complained bitterly that …", "said again that …": an adverb between the cue and
        # its content is part of the cue, as one before it is (PolNeAR train: 37 of 48).
        if child.i != last + 1 or child.idx >= content_start or not _manner_adverb(child):
            break
        last = child.i
    chained = next(
        (c for c in cue_token.rights if c.dep_ == "xcomp" and ctx.cues.chained(c) == cue_token),
        None,
    )
    if chained is not None and content_start > chained.idx:
        # "tried to press Warren on …": the cue runs over the infinitive, up to the content.
        last = chained.i
        for token in doc[chained.i + 1 :]:
            if token.idx >= content_start or token.head.i != chained.i:
                break
            last = token.i
    if last + 1 < len(doc) and content_start > doc[last + 1].idx:
        # "called on Congress to pass a deal": the preposition that leads straight into the
        # content is part of the cue (PolNeAR train: 24 times in 28). ("a statement saying
        # that …" keeps "saying" apart: it is a cue of its own, with the statement its source.)
        following = doc[last + 1]
        leads = following.dep_ == "prep" and following.head.i == cue_token.i
        # "called for the allies to act": "for" opens the infinitive clause the parser hung
        # on the cue, and PolNeAR counts it in the cue as it does a preposition.
        leads = leads or (
            following.dep_ == "mark"
            and following.lower_ == "for"
            and following.head.head.i == cue_token.i
        )
        between = itertools.takewhile(lambda t: t.idx < content_start, doc[last + 2 :])
        if leads and all(t.is_punct or t.dep_ == "mark" for t in between):
            last = following.i
    adjective = predicate_adjective(cue_token)
    if adjective is not None and content and doc[adjective.i].idx < content[0][0]:
        # "has been critical of": the adjective and its preposition, up to the content.
        last = adjective.i
        for child in adjective.children:
            if child.dep_ == "prep" and child.i > last and doc[child.i].idx < content[0][0]:
                last = child.i
        return doc[first].idx, doc[last].idx + len(doc[last].text)
    prep = bound_preposition(cue_token) if cue_token.pos_ in {"VERB", "AUX"} else None
    if prep is not None and prep.i <= last + 2 and prep.i + 1 < len(doc):
        # The preposition joins the cue when its object is the content ("called for a ban"),
        # not when the content lies elsewhere ("The plan, he said on Monday, will fail").
        after = doc[prep.i + 1].idx
        if any(prep.idx - 1 <= start <= after + 1 for start, _ in content):
            last = prep.i
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _left_edge_of_cue(verb: Token) -> int:
    """The first word of a cue verb with its auxiliaries, negation and adverbs before it."""
    first = verb.i
    left = sorted((c for c in verb.children if c.i < verb.i), key=lambda t: -t.i)
    for child in left:
        if child.i != first - 1:
            break
        if child.dep_ in CUE_LEFT_DEPS or _manner_adverb(child):
            first = child.i
        else:
            break
    return first


def _manner_adverb(child: Token) -> bool:
    """An adverb right before the cue that says how or when it was said: "has repeatedly
    said", "now says", "publicly denied" — part of the cue, as PolNeAR marks it (on its
    train split, 88 % of such adverbs are inside the gold cue). A wh-adverb opens a clause
    instead ("when he said …") and stays out.
    """
    return child.dep_ == "advmod" and child.tag_ != "WRB" and child.lower_ not in _NOT_OF_CUE


#: Adverbs before a cue that PolNeAR leaves out of it more often than not.
_NOT_OF_CUE = {"when", "whenever", "where", "how", "why", "here", "there", "instead", "however"}


def _cut_out_frame(
    ctx: Context, cue_token: Token, cue: Range, source: Range | None, content: list[Range]
) -> list[Range]:
    """Cut the frame ("he said") out of a content that runs around it or into it.

    "The plan, the minister said on Monday, will fail." — a parenthetical frame splits its
    content in two; the words of the frame (source, cue, their dependents) belong to neither.
    The same goes for a frame the parser left inside its clause ("Turnout fell, according to
    a survey released Friday").
    """
    frames = [cue]
    if source is not None:
        gap = (min(cue[1], source[1]), max(cue[0], source[0]))
        if any(start < gap[1] and gap[0] < end for start, end in content) and not _governs(
            ctx, cue_token, source
        ):
            # "Citing an old report, the senator said …" — what was cited lies between the
            # cue and the source; each is cut out on its own.
            frames.append(source)
        else:
            frames = [(min(cue[0], source[0]), max(cue[1], source[1]))]
    if cue_token.dep_ == "parataxis" or as_frame(cue_token):
        # "It would take weeks, he said, and the wrangling could be paralyzing." — the
        # parser may give a parenthetical frame its own clause as a complement; that clause
        # is the content, not part of the frame.
        carriers = [
            child
            for child in cue_token.children
            if child.dep_ in {"ccomp", "csubj"}
            and overlaps(char_span_of(ctx.doc, *subtree_range(child)), content)
        ]
        first, last = subtree_range(cue_token, exclude=carriers)
        start, end = char_span_of(ctx.doc, first, last)
        frames[0] = (min(frames[0][0], start), max(frames[0][1], end))
    pieces = list(content)
    for frame_start, frame_end in frames:
        cut: list[Range] = []
        for start, end in pieces:
            if start < frame_end and frame_start < end:
                before = trim(ctx.text, start, max(start, frame_start))
                after = trim(ctx.text, min(end, frame_end), end)
                cut.extend(piece for piece in (before, after) if piece[1] > piece[0])
            else:
                cut.append((start, end))
        pieces = cut
    return pieces


def _governs(ctx: Context, cue_token: Token, source: Range) -> bool:
    """Whether the source lies in the cue's own phrase ("according to the police")."""
    start, end = char_span_of(ctx.doc, *subtree_range(cue_token))
    return start <= source[0] and source[1] <= end


def expand_to_quotes(piece: Range, quotes: list[Quote]) -> Range:
    """Widen a content piece to the whole of any quotation it overlaps.

    A quotation running over several sentences ("We set up camps. Our people go there," he
    said) is parsed as several sentences; the cue's clause is only the last one.
    """
    start, end = piece
    for quote in quotes:
        if quote.start < end and start < quote.end:
            start, end = min(start, quote.start), max(end, quote.end)
    return start, end


def bound_preposition(verb: Token) -> Token | None:
    """The preposition a cue verb takes its content through ("called for", "asked about")."""
    if any(c.dep_ in {"dobj", "obj", "ccomp", "xcomp"} for c in verb.children):
        return None
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in BOUND_PREPOSITIONS
            and child.i > verb.i
            and any(c.dep_ in {"pobj", "pcomp"} for c in child.children)
            # "announced on Friday": a date is when it was said, not what.
            and not governs_a_date(child)
        ):
            return child
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it borrows from the act it continues."""
    subjects = subjects_of(verb)
    return subjects[-1] if subjects else None


def subjects_of(verb: Token) -> list[Token]:
    """The verb's subjects (two when the parser split an apposition), or its head's."""
    current: Token = verb
    # Six steps: "refusing" → "of" → "months" → "After" → the main verb is four.
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return [pobj]
        if current.dep_ not in _INHERIT_DEPS or current.head.i == current.i:
            return []
        if current.dep_ == "xcomp":
            # "The victory led the chairman to declare him the nominee": the one led,
            # asked or urged is who does the infinitive, not the subject of "led".
            controller = next(
                (c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i),
                None,
            )
            if controller is not None and controller.pos_ in {"NOUN", "PROPN", "PRON"}:
                return [controller]
        current = current.head
    return []
