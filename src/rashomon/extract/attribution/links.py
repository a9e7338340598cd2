"""The last pass over what the finder found: how the attributions hang together.

A participle that continues another act ("…, saying that …", "…, adding that …") takes
that act's source and date; a denial whose object is a definite report noun ("repudiated
the reports") points back at the reports it denies; an act the parser cut off at a
sentence break is mended.
"""

from __future__ import annotations

from spacy.tokens import Doc

from rashomon.extract.attribution.assemble import SUBJECT_DEPS
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import CueLexicon
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.sourcing import clause_root
from rashomon.extract.attribution.spans import overlaps, trim

__all__ = ["lift_trailing_acts", "link_attributions", "mend_broken_sentences"]

_DEFINITE = {"the", "these", "those", "such", "this", "that"}


def lift_trailing_acts(ctx: Context, found: list[FoundAttribution]) -> None:
    """Give a second act the parser hung inside the first one's content to the first speaker.

    "De Blasio said the move was made by the commissioner and said, 'Who will you trust?'"
    — the parser makes the second "said" a conjunct of "made"; in "Carson said he saw no
    need to change, telling reporters that …" it hangs "telling" on "saw". The second act
    then inherits its subject from inside the content ("the move", "he"), and the first
    content runs on over the second act. The act is the first speaker's, and the first
    content ends where the act begins (PolNeAR train, rules mode: the first speaker is the
    source 46 times in 47 where the act has no subject of its own).
    """
    doc = ctx.doc
    for attribution in found:
        verb = doc[attribution.cue_token]
        if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        if verb.dep_ != "conj" and not (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            continue
        outer = next(
            (
                other
                for other in reversed(found)
                if other.cue_token < verb.i
                and other.source is not None
                and len(other.content) == 1
                and other.content[0][0] <= verb.idx < other.content[0][1]
            ),
            None,
        )
        if outer is None or outer.content[0][0] >= doc[verb.left_edge.i].idx:
            continue
        attribution.source = outer.source
        attribution.source_token = outer.source_token
        attribution.sourcing = outer.sourcing
        # The first content stops before the act: before "and said", before ", telling".
        last = verb.left_edge.i - 1
        while last > 0 and (doc[last].is_punct or doc[last].dep_ == "cc" or doc[last].is_space):
            last -= 1
        start = outer.content[0][0]
        if doc[last].idx + len(doc[last]) > start:
            outer.content = [trim(ctx.text, start, doc[last].idx + len(doc[last]))]


def link_attributions(doc: Doc, found: list[FoundAttribution], cues: CueLexicon) -> None:
    """Set ``parent`` (continuations) and ``refers_to`` (content pointing back)."""
    by_cue = {a.cue_token: index for index, a in enumerate(found)}
    for index, attribution in enumerate(found):
        cue_token = doc[attribution.cue_token]
        # "…, saying that …" / "…, adding that …" continues the act of its head verb.
        if cue_token.tag_ == "VBG" and cue_token.dep_ in {"advcl", "xcomp", "conj"}:
            parent = by_cue.get(cue_token.head.i)
            if parent is None and attribution.source_token is not None:
                # "Carson said he saw no need, telling reporters …": the parser hung the act
                # inside the content; ``lift_trailing_acts`` gave it the first speaker.
                parent = next(
                    (
                        number
                        for number in range(index - 1, -1, -1)
                        if found[number].source_token == attribution.source_token
                        and found[number].cue_token < cue_token.head.i
                    ),
                    None,
                )
            if parent is not None and parent != index:
                attribution.parent = parent
                if attribution.said_on_text is None:
                    attribution.said_on_text = found[parent].said_on_text
        attribution.refers_to = _referent(doc, found, index, cues)


def _referent(doc: Doc, found: list[FoundAttribution], index: int, cues: CueLexicon) -> int | None:
    """The earlier attribution whose claim this one's content names, if any."""
    attribution = found[index]
    for other_index, other in enumerate(found):
        # "rejected reports that X": the content holds the cue of the reports themselves.
        if other_index != index and overlaps(other.cue, attribution.content):
            if (
                other.cue[0] >= attribution.content[0][0]
                and other.cue_lemma in cues.anaphoric_nouns
            ):
                return other_index
    if len(attribution.content) != 1:
        return None
    span = doc.char_span(*attribution.content[0], alignment_mode="expand")
    if span is None or len(span) > 4:
        return None
    # "also repudiated the reports": a definite report noun points back to earlier reports.
    head = clause_root(span)
    if head.lemma_.lower() not in cues.anaphoric_nouns:
        return None
    if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children):
        return None
    for other_index in range(index - 1, -1, -1):
        if found[other_index].cue_lemma == head.lemma_.lower():
            return _root_referent(found, other_index)
    for other_index in range(index - 1, -1, -1):
        if found[other_index].sourcing == "unnamed_report":
            return _root_referent(found, other_index)
    return None


def _root_referent(found: list[FoundAttribution], index: int) -> int:
    seen = {index}
    while found[index].refers_to is not None and found[index].refers_to not in seen:
        index = found[index].refers_to  # type: ignore[assignment]
        seen.add(index)
    return index


def mend_broken_sentences(ctx: Context, found: list[FoundAttribution]) -> None:
    """Carry a content over a sentence break the parser put inside a clause.

    "She said she felt the 13th Amendment was worth examining." — the parser ends a sentence
    after "13th" and starts another at "Amendment", so the content stops mid-phrase. A
    sentence that ends on a word, with the next one on the same line, was cut short: the
    content runs on to the end of the next sentence.
    """
    doc = ctx.doc
    for attribution in found:
        start, end = attribution.content[-1]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        last = span[-1]
        sentence_end = ctx.sentence(last)[1]
        if last.i != sentence_end - 1 or sentence_end >= len(doc):
            continue
        following = doc[sentence_end]
        # A word on both sides, on one line: "U.S." or a closing quote ends a sentence.
        if not (last.text[-1].isalnum() and following.text[0].isalnum()):
            continue
        # "… get behind Trump and he doesn't understand …": a conjunct after the break is the
        # writer's next clause, as ``second_clause`` takes it.
        if "\n" in last.whitespace_ or following.dep_ == "cc":
            continue
        tail = ctx.sentence(following)[1] - 1
        if overlaps(attribution.cue, [(following.idx, doc[tail].idx + 1)]):
            continue
        while tail > following.i and doc[tail].is_punct:
            tail -= 1
        attribution.content[-1] = trim(ctx.text, start, doc[tail].idx + len(doc[tail].text))
