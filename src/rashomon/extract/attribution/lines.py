"""Attributions marked by layout rather than by a verb: who speaks is set off by punctuation.

* headline and transcript colons — "Graham: Trump's Rhetoric Is Destroying the Party",
  "HOST: Let's turn to the budget.";
* signed quotations — a quotation followed by a dash and the speaker's name,
  "“We deserve better.” ― Maria Lopez", the way readers' voices and epigraphs are printed.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.found import FoundAttribution, Range
from rashomon.extract.attribution.quotes import quotation_kind
from rashomon.extract.attribution.sourcing import content_lemmas
from rashomon.extract.attribution.spans import overlaps, trim

__all__ = ["find_colon_lines", "find_signed_quotes"]

#: Quote marks that may open a line's quotation, including the closing marks that careless
#: typesetting puts at both ends ("”We deserve better.”").
_LINE_QUOTES = '"“”«„'
#: A dash and a short name that sign the quotation before it, up to the end of the line, a
#: comma or a parenthesis ("― Maria Lopez", "- Sanders, in Iowa", "— Ann Lee (@annlee)").
_SIGNATURE = re.compile(
    r"(?:[ \t\u00a0]*\n){0,2}[ \t\u00a0]*(?:―|—|–|--|-)[ \t\u00a0]*"
    r"([A-Z][^,(\n]{0,60}?)[ \t\u00a0.]*(?=[,(\n]|$)"
)


def find_colon_lines(ctx: Context, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Headline attributions: "Graham: Trump's Rhetoric Is Destroying the Party".

    A line that opens with a short name and a colon puts words in that name's mouth; the
    name must be a named entity (or proper nouns) of at most four words.
    """
    doc, text = ctx.doc, ctx.text
    extra: list[FoundAttribution] = []
    taken = [a.cue for a in found]
    line_start = 0
    for line in text.split("\n"):
        start = line_start
        line_start += len(line) + 1
        colon = line.find(":")
        if colon <= 0 or len(line[colon + 1 :].split()) < 3:
            continue
        # '"HOST: Let's turn to the budget.' — a transcript turn opens with the
        # speaker in capitals (after a stray quote mark) and may run on for a paragraph.
        lead = len(line) - len(line.lstrip(_LINE_QUOTES + " "))
        speaker = line[lead:colon].strip()
        transcript = speaker.isupper() and len(speaker) > 1
        if len(line) > 300 and not transcript:
            continue
        name = doc.char_span(start + lead, start + colon, alignment_mode="contract")
        if name is None or not 0 < len(name) <= 4 or name[0].is_lower:
            continue
        if name.text.lower() in ctx.sourcing.line_labels:
            # "Correction: An earlier version of this story …" labels the line; nobody speaks.
            continue
        if not all(_names(t) or t.is_punct for t in name):
            continue
        cue = (start + colon, start + colon + 1)
        content = trim(text, cue[1], start + len(line))
        if content[1] <= content[0] or overlaps(cue, taken):
            continue
        extra.append(_layout_attribution(ctx, cue, (name.start_char, name.end_char), content))
    return extra


def _names(token: Token) -> bool:
    """Whether a word before a line's colon can be (part of) who speaks.

    A proper noun or an entity, or, since headlines are in title case and the parser often
    takes a lone name there for a common noun ("Reid: 'Never underestimate Trump.'"), a
    capitalised word; "Poll:" and "Report:" speak for their findings.
    """
    if token.ent_type_ in _NOT_SOMEONE:
        # "Election day: Voters said …", "Monday: …" — a date labels the line.
        return False
    if token.pos_ == "PROPN" or token.ent_type_:
        return True
    return token.text[:1].isupper() and token.pos_ not in _NOT_A_NAME


#: Words that open a headline without naming anyone: "Revealed: …", "Look: …", "Wow: …",
#: "So: …", "Trump Addresses Munich Attack: …" (a headline of its own, with a verb).
_NOT_A_NAME = {"DET", "PRON", "ADP", "VERB", "AUX", "INTJ", "ADV", "SCONJ", "CCONJ"}
#: Entities that are never who speaks.
_NOT_SOMEONE = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def find_signed_quotes(ctx: Context, found: list[FoundAttribution]) -> list[FoundAttribution]:
    """Quotations signed with a dash and a name: '“We deserve better.” ― Maria Lopez'.

    Attributions whose cue lies inside a signed quotation are the caller's to drop. The
    quotation must end just before the dash (on the same line, or on the line above
    when the signature has a line of its own), and the name must be one to five words,
    capitalised, with a proper noun among them.
    """
    doc, text = ctx.doc, ctx.text
    extra: list[FoundAttribution] = []
    for start, end in _quoted_lines(ctx):
        match = _SIGNATURE.match(text, end)
        if match is None:
            continue
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if name is None or not 0 < len(name) <= 5:
            continue
        if not all(t.is_title or t.is_punct or t.is_upper for t in name):
            continue
        if not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in name):
            continue
        dash = text.index(match.group(0).strip(" \t\u00a0\n")[:1], end)
        cue = (dash, dash + (2 if text.startswith("--", dash) else 1))
        content = trim(text, start, end)
        # A cue inside the quotation is the quoted speaker's own word; one outside it that
        # already claims these words, or this dash, wins.
        outside = [a for a in found if not overlaps(a.cue, [content])] + extra
        taken = [piece for a in outside for piece in a.content] + [a.cue for a in outside]
        if content[1] - content[0] < 3 or overlaps(content, taken) or overlaps(cue, taken):
            continue
        extra.append(_layout_attribution(ctx, cue, (name.start_char, name.end_char), content))
    return extra


def _quoted_lines(ctx: Context) -> list[Range]:
    """Stretches that may be signed: each line that opens with a quote mark, then each quotation.

    A line such as '”We deserve better.” ― Ana' may open with the wrong mark, or hold a
    quotation inside the quotation, so the line, from its first mark to its last, comes first;
    a quotation whose signature stands on a line of its own comes from the quotation finder.
    """
    text = ctx.text
    stretches: list[Range] = []
    line_start = 0
    for line in text.split("\n"):
        start = line_start
        line_start += len(line) + 1
        body = line.lstrip(" \t\u00a0")
        if not body or body[0] not in _LINE_QUOTES:
            continue
        opening = start + len(line) - len(body)
        closing = start + max(line.rfind(mark) for mark in _LINE_QUOTES)
        if closing > opening:
            stretches.append((opening, closing + 1))
    return stretches + [(quote.start, quote.end) for quote in ctx.quotes]


def _layout_attribution(
    ctx: Context, cue: Range, source: Range, content: Range
) -> FoundAttribution:
    doc = ctx.doc
    lemmas, names = content_lemmas(doc, [content])
    name = doc.char_span(*source, alignment_mode="expand")
    cue_span = doc.char_span(*cue, alignment_mode="expand")
    assert name is not None and cue_span is not None
    return FoundAttribution(
        cue=cue,
        cue_token=cue_span.start,
        cue_lemma=ctx.text[cue[0] : cue[1]],
        content=[content],
        kind=quotation_kind(ctx.text, [content], ctx.quotes),
        polarity="assert",
        sourcing="named",
        source=source,
        source_token=name.root.i,
        content_lemmas=lemmas,
        content_names=names,
    )
