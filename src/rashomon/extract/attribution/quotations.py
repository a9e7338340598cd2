"""Attributions of quotations: the quotation no cue claimed, and quotations that go on.

* an orphan quotation is tied to a speech verb right after it or right before it
  (`"…," a commander said`; `He told reporters: "…"`);
* a quotation split around its frame is one content ('"We will win," he said, "and stay."');
* a quotation that follows a quoted attribution with no cue of its own continues it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from rashomon.extract.attribution.assemble import build_attribution, subject_of
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.quotes import Quote
from rashomon.extract.attribution.spans import overlaps

__all__ = ["attach_continued_quotes", "attach_split_quotes", "find_orphan_quotes"]


def attach_split_quotes(
    ctx: Context, found: Sequence[FoundAttribution], settled: Sequence[FoundAttribution] = ()
) -> None:
    """Give each attribution in ``found`` the second half of a quotation its cue split.

    '"We will win," he said, "and we will stay."' — the second half belongs to the same
    attribution. ``settled`` are attributions already joined; their pieces are taken.
    """
    text, quotes = ctx.text, ctx.quotes
    taken = [piece for a in (*settled, *found) for piece in a.content]
    for attribution in found:
        if attribution.kind == "indirect" or len(attribution.content) != 1:
            continue
        start, end = attribution.content[0]
        frame_end = max(attribution.cue[1], attribution.source[1] if attribution.source else 0)
        if frame_end < end:
            continue
        for quote in quotes:
            if quote.start < frame_end:
                continue
            gap = text[frame_end : quote.start]
            joins = gap.strip(" ,:;\n") == "" or _only_date_words(gap)
            if not joins and start < attribution.cue[0]:
                joins = _continues_after_adjuncts(ctx, attribution.cue_token, frame_end, quote)
            if joins and not overlaps((quote.start, quote.end), taken):
                attribution.content.append((quote.start, quote.end))
                taken.append((quote.start, quote.end))
            break


def _continues_after_adjuncts(ctx: Context, cue_token: int, frame_end: int, quote: Quote) -> bool:
    """Whether ``quote`` goes on with the sentence its cue broke off, past the cue's adjuncts.

    '"I think he will be fair," Trump said during a rally in Kinston, "but many will be
    watching."' — the words between the frame and the second half all hang on the cue
    ("during a rally …", "told Capital Download on Wednesday"), and the second half opens in
    lower case, mid-sentence.
    """
    text = ctx.text
    inner = text[quote.start + 1 : quote.end].lstrip()
    if not inner[:1].islower() or not text[frame_end : quote.start].rstrip().endswith(","):
        return False
    doc = ctx.doc
    cue = doc[cue_token]
    gap = doc.char_span(frame_end, quote.start, alignment_mode="contract")
    if gap is None or len(gap) > 15:
        return False
    sentence = ctx.sentence(cue)
    return all(
        sentence[0] <= token.i < sentence[1] and (token.is_punct or cue.is_ancestor(token))
        for token in gap
    )


def attach_continued_quotes(ctx: Context, found: list[FoundAttribution]) -> None:
    # '"We won," she said. "Now the hard work begins."' — a quotation that follows a quoted
    # attribution with no cue of its own goes on with the same speaker.
    text = ctx.text
    taken = [piece for a in found for piece in a.content]
    cues = [a.cue for a in found]
    for attribution in found:
        if not _goes_on_quoting(ctx, attribution):
            continue
        frame_end = max(attribution.cue[1], attribution.source[1] if attribution.source else 0)
        end = max(frame_end, attribution.content[-1][1])
        sentence_end = _sentence_end_after(ctx, end)
        for quote in ctx.quotes:
            # The parser often ends the sentence after the next quotation's opening mark.
            if quote.start + 2 < sentence_end:
                continue
            gap = text[sentence_end : quote.start] if quote.start >= sentence_end else ""
            # '… he said. But "the endorsement helps."' — a conjunction may open the
            # sentence the quotation goes on in; it is the speaker's too.
            opener = gap.strip()
            start = quote.start
            if opener in _OPENERS and "\n" not in gap:
                start = sentence_end + gap.index(opener)
            elif opener:
                break
            if gap.count("\n") > 1 or overlaps((quote.start, quote.end), taken):
                break
            if overlaps((quote.start, _sentence_end_after(ctx, quote.end)), cues):
                break
            attribution.content.append((start, quote.end))
            taken.append((start, quote.end))
            sentence_end = _sentence_end_after(ctx, quote.end)


#: Conjunctions that may open a sentence of quotation outside its marks.
_OPENERS = {"But", "And", "Yet", "Still", "So"}


def _goes_on_quoting(ctx: Context, attribution: FoundAttribution) -> bool:
    """Whether a quotation right after this attribution's sentence may continue it.

    A quotation throughout may ('"We won," she said. "Now the work begins."'), and so may a
    speech verb's clause that quotes ('Yet he is also a "change agent," Cole said. "That is
    what people want."') or any clause its frame closes ("The talks failed, she said. "We
    will try again.""). An act on an object that quotes does not lead into the next
    quotation: 'praised his brother's "deep faith"', 'called the plan "a disgrace"'.
    """
    if attribution.kind == "direct":
        return True
    if attribution.kind == "indirect":
        # "The administration may be reluctant to act, Schiff said. "The other factor is
        # …"": a reported clause closed by its frame leads on as a quoted one does.
        if not attribution.content or attribution.content[-1][1] > attribution.cue[0]:
            return False
    elif attribution.kind != "mixed":
        return False
    cue = ctx.cues.verb_cue(ctx.doc[attribution.cue_token])
    return (
        cue is not None
        and cue.cue_class == "speech"
        and not cue.takes_object
        and not cue.takes_infinitive
    )


def _sentence_end_after(ctx: Context, offset: int) -> int:
    """The character offset where the sentence holding ``offset - 1`` ends."""
    doc = ctx.doc
    span = doc.char_span(max(0, offset - 1), offset, alignment_mode="expand")
    if span is None:
        return offset
    _, end = ctx.sentence(span[0])
    last = doc[end - 1]
    return max(offset, last.idx + len(last.text))


def _only_date_words(gap: str) -> bool:
    words = gap.strip(" ,:;\n").split()
    return 0 < len(words) <= 3 and words[0].lower() in {"on", "in", "last", "this", "yesterday"}


def find_orphan_quotes(
    ctx: Context, found: list[FoundAttribution], used_cues: set[int]
) -> list[FoundAttribution]:
    """Quotations no cue claimed, tied to a speech verb just after or just before them."""
    extra: list[FoundAttribution] = []
    taken = [piece for a in found for piece in a.content]
    cues = ctx.cues
    for quote in ctx.quotes:
        if overlaps((quote.start, quote.end), taken):
            continue
        if _word_count(ctx.text, quote) < 3:
            # A word or two in quote marks is a scare quote ('a "con"') unless it is set off
            # as a reply before its frame: '"Denver," he answered.'
            verb = _verb_after(ctx, quote) if _closes_a_reply(ctx.text, quote) else None
            if verb is not None and not _frames_a_reply(ctx, quote, verb):
                verb = None
            if verb is None:
                # 'Priebus said, "Probably."' — or set off right after its speech verb.
                verb = _verb_before(ctx, quote)
                if verb is not None and not _introduces_a_reply(ctx, quote, verb):
                    verb = None
        else:
            verb = _verb_after(ctx, quote) or _verb_before(ctx, quote)
        if verb is None or verb.i in used_cues:
            continue
        cue = cues.verb_cue(verb)
        assert cue is not None
        attribution = build_attribution(
            ctx, verb, cue, subject_of(verb), [(quote.start, quote.end)]
        )
        if attribution is not None:
            used_cues.add(verb.i)
            extra.append(attribution)
            taken.append((quote.start, quote.end))
    return extra


def _closes_a_reply(text: str, quote: Quote) -> bool:
    """Whether a quotation ends in a comma, question or exclamation mark inside its marks,
    as speech set off before its frame does ('"Denver," he answered')."""
    inner = text[quote.start : quote.end].rstrip("\"”’'» ")
    return inner[-1:] in {",", "?", "!"}


def _frames_a_reply(ctx: Context, quote: Quote, verb: Token) -> bool:
    """Whether ``verb`` is a finite speech verb within a few words after a short quotation:
    '"Absolutely not," he said', but not a title's '"The View," remarking' or '"Brokers,"
    written by …'."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    between = ctx.doc.char_span(quote.end, verb.idx, alignment_mode="contract")
    return between is None or len(between) <= 4


def _introduces_a_reply(ctx: Context, quote: Quote, verb: Token) -> bool:
    """Whether a short quotation follows its speech verb with only a comma or colon
    between: '… and said, "No."', but not 'called it "a con"'."""
    return ctx.text[verb.idx + len(verb.text) : quote.start].strip() in {",", ":"}


def _word_count(text: str, quote: Quote) -> int:
    return len(text[quote.start : quote.end].split())


def _verb_after(ctx: Context, quote: Quote) -> Token | None:
    # '"…," a rebel commander said.' — a speech verb within a few words after the quote.
    doc = ctx.doc
    span = doc.char_span(quote.end, min(len(ctx.text), quote.end + 80), alignment_mode="contract")
    if span is None:
        return None
    for token in list(span)[:8]:
        if ctx.sentence(token)[0] == token.i and token.idx > quote.end + 1:
            return None
        cue = ctx.cues.verb_cue(token)
        if cue is not None and cue.cue_class in {"speech", "report"}:
            return token
    return None


def _verb_before(ctx: Context, quote: Quote) -> Token | None:
    # 'He told reporters: "…"' — a speech verb a few words before the quote.
    start = max(0, quote.start - 60)
    span: Span | None = ctx.doc.char_span(start, quote.start, alignment_mode="contract")
    if span is None:
        return None
    for token in reversed(list(span)[-6:]):
        cue = ctx.cues.verb_cue(token)
        if cue is not None and cue.cue_class in {"speech", "report"}:
            return token
    return None
