"""Find attributions on a parsed ``Doc``: rules over the dependency parse and the quote marks.

The finder makes three passes:

1. **cues** — every verb, noun or phrase of the cue lexicon that governs some content
   (a clause, a quotation, an object for denials, a to-infinitive for intentions);
2. **quotations** — every quotation that no cue claimed yet, tied to a speech verb right
   after it or right before it (`"…," a commander said`; `He told reporters: "…"`);
3. **links** — participial cues that continue another act ("…, saying that …"), and denials
   whose object points back to earlier reports ("repudiated the reports").

It only finds; ``component.AttributionFinder`` writes the results onto the ``Doc``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from rashomon.extract.attribution.classifier import CueClassifier
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue, CueLexicon, SourcingLexicon
from rashomon.extract.attribution.found import FoundAttribution, Range
from rashomon.extract.attribution.frames import cue_frame
from rashomon.extract.attribution.quotes import Quote
from rashomon.extract.attribution.sourcing import (
    classify_sourcing,
    clause_root,
    content_is_negated,
    content_lemmas,
    find_said_on,
    source_range,
)
from rashomon.extract.attribution.spans import char_span_of, subtree_range, trim

__all__ = ["find_attributions"]

_CLAUSE_DEPS = {"ccomp", "csubj"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
#: Dependencies through which a cue with no subject of its own borrows its head's subject:
#: "He denied it, saying …" (advcl), "He said … and added …" (conj), "was quoted as saying" (pcomp).
_INHERIT_DEPS = {"advcl", "conj", "xcomp", "pcomp", "prep", "acl", "dep"}
#: Nouns that, with a definite determiner, point back to earlier reporting ("the reports").
_ANAPHORIC_NOUNS = {
    "report", "claim", "allegation", "accusation", "charge", "rumor", "rumour", "story",
    "account", "assertion", "statement", "suggestion", "speculation",
}  # fmt: skip
_DEFINITE = {"the", "these", "those", "such", "this", "that"}
#: Dependents that continue an object content: "criticized Clinton for her ties" (prep),
#: "called him a liar" (oprd), "urged them to leave" (xcomp).
_OBJECT_FOLLOWERS = {"prep", "oprd", "xcomp", "dative"}
#: Verbs whose object is the listener, not the content: "told reporters that …".
_LISTENER_VERBS = {"tell", "ask", "inform", "assure", "remind", "warn", "urge", "notify", "promise"}
_BOUND_PREPOSITIONS = {"for", "about", "against", "on", "to", "of", "with"}
#: Left dependents that belong to the cue's verb group: "has said", "was quoted", "did not".
_CUE_LEFT_DEPS = {"aux", "auxpass", "neg"}


def find_attributions(
    doc: Doc,
    cues: CueLexicon,
    sourcing: SourcingLexicon,
    classifier: CueClassifier | None = None,
) -> list[FoundAttribution]:
    """Every attribution in ``doc``, in text order of their cues.

    With a learned ``classifier``, the words it was trained on are cues when it says so in
    their context, whether the lexicon lists them ("voted for the bill") or not.
    """
    ctx = Context.build(doc, cues, sourcing, classifier)
    found: list[FoundAttribution] = []
    used_cues: set[int] = set()
    for token in doc:
        attribution = _from_token(ctx, token)
        if attribution is not None:
            found.append(attribution)
            used_cues.add(token.i)
    _attach_split_quotes(ctx, found)
    found.extend(_from_orphan_quotes(ctx, found, used_cues))
    found.extend(_from_colon_lines(ctx, found))
    found.sort(key=lambda a: a.cue)
    _attach_continued_quotes(ctx, found)
    _link(doc, found)
    return found


def _from_token(ctx: Context, token: Token) -> FoundAttribution | None:
    if ctx.inside_quote(token):
        # '"I think we will win," she said.' — words inside a quotation are the quoted
        # speaker's own; the attribution is the quotation's, not the "think" inside it.
        return None
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return _according_to(ctx, token)
    verb_cue = ctx.cues.verb_cue(token)
    speech_clause = (
        verb_cue is not None and verb_cue.cue_class == "speech" and cue_frame(token) == "clause"
    )
    if ctx.classifier is not None and ctx.classifier.is_candidate(token) and not speech_clause:
        # Learned in context: "cited the report" is a cue, "cited for speeding" is not. A
        # speech verb governing a clause ("was quoted as saying that …") needs no second opinion.
        if not ctx.classifier.is_cue(token, verb_cue is not None):
            return None
        if verb_cue is None:
            verb_cue = Cue(token.lemma_.lower(), "verb", "learned", "assert", True, True)
    if verb_cue is not None:
        return _from_verb(ctx, token, verb_cue)
    noun_cue = ctx.cues.noun_cue(token)
    if noun_cue is not None:
        return _from_noun(ctx, token, noun_cue)
    return None


def _from_verb(ctx: Context, verb: Token, cue: Cue) -> FoundAttribution | None:
    # "He did not say whether …" reports no content; "did not deny" is not a denial either.
    if any(child.dep_ == "neg" for child in verb.children):
        return None
    passive = _passive_parts(verb)
    if passive is not None and not any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
        # "The mayor was endorsed by the union." — the object of the act is the passive
        # subject, the one who acts is the agent.
        theme, agent = passive
        theme_first, theme_last = subtree_range(theme)
        theme_range = trim(ctx.text, *char_span_of(ctx.doc, theme_first, theme_last))
        return _build(ctx, verb, cue, agent, [_expand_to_quotes(theme_range, ctx.quotes)])
    content = _verb_content(ctx, verb, cue)
    if content is None:
        return None
    content_ranges = [_expand_to_quotes(r, ctx.quotes) for r in content]
    subjects = _subjects_of(verb)
    if cue.cue_class == "learned" and not subjects:
        # A learned cue is a stance only when someone takes it: "partners in supporting
        # militants" has no one supporting, "most Democrats supported the bill" does.
        return None
    found = _build(ctx, verb, cue, subjects[-1] if subjects else None, content_ranges)
    if found is not None and len(subjects) > 1 and found.source is not None:
        # "Spokesman for the Interior Ministry, Ali Khan, said …": the parser gives the verb
        # two subjects for one apposition; the source runs over both, the name is the head.
        first = source_range(ctx.doc, ctx.text, subjects[0])
        if first is not None and not _overlaps(first, found.content):
            found.source = (min(first[0], found.source[0]), max(first[1], found.source[1]))
    return found


def _passive_parts(verb: Token) -> tuple[Token, Token] | None:
    """The passive subject and the agent's noun of a passive verb, when it has both."""
    theme = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if theme is None or agent is None or theme.lower_ == "it":
        return None
    noun = next((c for c in agent.children if c.dep_ == "pobj"), None)
    return (theme, noun) if noun is not None else None


def _verb_content(ctx: Context, verb: Token, cue: Cue) -> list[Range] | None:
    """The content of a cue verb, or ``None`` when it governs none."""
    doc, text = ctx.doc, ctx.text
    clause = next((c for c in verb.children if c.dep_ in _CLAUSE_DEPS), None)
    if clause is None:
        # "He said: the deal is dead." — the clause hangs on the colon's other side.
        clause = next(
            (c for c in verb.children if c.dep_ in {"parataxis", "dep"} and c.i > verb.i), None
        )
    if clause is not None:
        first, last = _clause_range(ctx, verb, clause)
        return [trim(text, *char_span_of(doc, first, last))]
    if verb.dep_ == "parataxis":
        # "The plan, he said, will fail." — the cue is a parenthetical inside its content.
        head = verb.head
        first, last = subtree_range(head, exclude=[verb])
        return [trim(text, *char_span_of(doc, first, last))]
    if cue.takes_infinitive:
        # "They pledged to rebuild the bridge." — an intention's content is its to-clause.
        xcomp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if xcomp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
            first, last = subtree_range(xcomp)
            return [trim(text, *char_span_of(doc, first, last))]
    if cue.takes_object:
        # "The ministry denied the reports." — a denial's object is what it denies;
        # "criticized the mayor for the delays" — with what the object is charged with.
        obj = next((c for c in verb.children if c.dep_ in {"dobj", "obj"}), None)
        listener = obj is not None and obj.pos_ == "PRON" and verb.lemma_ in _LISTENER_VERBS
        if obj is not None and not listener:
            first, last = subtree_range(obj)
            for child in verb.children:
                if child.i > last and child.dep_ in _OBJECT_FOLLOWERS:
                    last = max(last, subtree_range(child)[1])
            return [trim(text, *char_span_of(doc, first, last))]
        # "voted for the bill", "asked about the emails": the object of a bound preposition.
        prep = _bound_preposition(verb)
        if prep is not None:
            pobj = next(c for c in prep.children if c.dep_ in {"pobj", "pcomp"})
            first, last = subtree_range(pobj)
            return [trim(text, *char_span_of(doc, first, last))]
    return None


def _bound_preposition(verb: Token) -> Token | None:
    """The preposition a cue verb takes its content through ("called for", "asked about")."""
    if any(c.dep_ in {"dobj", "obj", "ccomp", "xcomp"} for c in verb.children):
        return None
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in _BOUND_PREPOSITIONS
            and child.i > verb.i
            and any(c.dep_ in {"pobj", "pcomp"} for c in child.children)
        ):
            return child
    return None


def _cue_range(ctx: Context, cue_token: Token, content: list[Range]) -> Range:
    """The cue's words: the verb with its auxiliaries, negation, "also" and particle.

    "has also said", "did not deny", "pointed out", and "called for" when the content is
    the object of the preposition.
    """
    doc = ctx.doc
    first = last = cue_token.i
    left = sorted((c for c in cue_token.children if c.i < cue_token.i), key=lambda t: -t.i)
    for child in left:
        if child.i != first - 1:
            break
        if child.dep_ in _CUE_LEFT_DEPS or (child.dep_ == "advmod" and child.lower_ in {"also"}):
            first = child.i
        else:
            break
    for child in cue_token.children:
        if child.dep_ == "prt" and child.i == last + 1:
            last = child.i
    prep = _bound_preposition(cue_token) if cue_token.pos_ in {"VERB", "AUX"} else None
    if prep is not None and content and doc[prep.i + 1].idx >= content[0][0] - 1:
        if prep.i <= last + 2:
            last = prep.i
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _clause_range(ctx: Context, verb: Token, clause: Token) -> tuple[int, int]:
    """The token range of a cue's clause, by the conventions of news prose.

    The parser often cuts a long clause short. News puts a reported clause either before its
    frame ("The talks failed, the minister said.") — then it runs from the sentence's start to
    the frame — or after it ("The minister said the talks failed because …") — then it runs to
    the sentence's end, unless the cue verb has more of its own after it (", adding that …").
    """
    first, last = subtree_range(clause)
    sentence_start, sentence_end = ctx.sentence(verb)
    doc = ctx.doc
    if clause.i < verb.i:
        frame = verb.i
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS and clause.i < child.i < verb.i:
                frame = min(frame, subtree_range(child)[0])
        start = sentence_start
        while start < first and (doc[start].is_space or doc[start].is_punct):
            start += 1
        return min(start, first), max(last, frame - 1)
    # "He added the weapons his country has are like nuclear arms." — the parser took the
    # clause's subject for the verb's object; a speech verb's object before its clause is
    # part of the clause unless the verb takes a listener ("told reporters that …").
    for child in verb.children:
        if (
            child.dep_ == "dobj"
            and verb.i < child.i < clause.i
            and verb.lemma_.lower() not in _LISTENER_VERBS
            and child.pos_ not in {"PRON", "PROPN"}
        ):
            first = min(first, subtree_range(child)[0])
    own_after = [c.i for c in verb.children if c.i > last and not c.is_punct and not c.is_space]
    if own_after:
        return first, last
    end = sentence_end - 1
    while end > last and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return first, max(last, end)


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it borrows from the act it continues."""
    subjects = _subjects_of(verb)
    return subjects[-1] if subjects else None


def _subjects_of(verb: Token) -> list[Token]:
    """The verb's subjects (two when the parser split an apposition), or its head's."""
    current: Token = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return subjects
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return [pobj]
        if current.dep_ not in _INHERIT_DEPS or current.head is current:
            return []
        current = current.head
    return []


def _according_to(ctx: Context, according: Token) -> FoundAttribution | None:
    # "According to officials, the plan failed." — the source is the object of "to";
    # the content is the clause "according to" modifies, less the phrase itself.
    to = next(c for c in according.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    head = according.head
    if head is according:
        return None
    first, last = subtree_range(head, exclude=[according])
    content = [_expand_to_quotes(trim(ctx.text, *char_span_of(ctx.doc, first, last)), ctx.quotes)]
    cue = Cue("according to", "phrase", "speech", "assert", False, False)
    found = _build(ctx, according, cue, source, content)
    if found is not None:
        found.cue = (according.idx, to.idx + len(to.text))
    return found


def _from_noun(ctx: Context, noun: Token, cue: Cue) -> FoundAttribution | None:
    # "There are reports that militants left." / "his claim that the vote was rigged" /
    # "a statement saying the talks had failed": the noun's clause is the content.
    clause = None
    for child in noun.children:
        if child.dep_ in {"acl", "ccomp", "relcl", "appos"} and child.pos_ in {"VERB", "AUX"}:
            has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            saying = child.lemma_ in {"say", "claim", "state"} and child.tag_ == "VBG"
            if has_that or saying:
                clause = child
                break
    if clause is None:
        return None
    if clause.tag_ == "VBG":
        inner = next((c for c in clause.children if c.dep_ in _CLAUSE_DEPS), None)
        if inner is None:
            return None
        first, last = subtree_range(inner)
    else:
        first, last = subtree_range(clause)
    content = [_expand_to_quotes(trim(ctx.text, *char_span_of(ctx.doc, first, last)), ctx.quotes)]
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        by = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None
        )
        if by is not None:
            source = next((c for c in by.children if c.dep_ == "pobj"), None)
    return _build(ctx, noun, cue, source, content)


def _build(
    ctx: Context,
    cue_token: Token,
    cue: Cue,
    subject: Token | None,
    content: list[Range],
) -> FoundAttribution | None:
    doc = ctx.doc
    content = [r for r in content if r[1] > r[0]]
    if not content:
        return None
    cue_range = _cue_range(ctx, cue_token, content)
    source = source_range(doc, ctx.text, subject) if subject is not None else None
    if source is not None and _overlaps(source, content):
        source = None
        subject = None
    lemmas, names = content_lemmas(doc, content)
    return FoundAttribution(
        cue=cue_range,
        cue_token=cue_token.i,
        cue_lemma=cue.lemma,
        content=content,
        kind=_kind(ctx.text, content, ctx.quotes),
        polarity=cue.polarity,
        sourcing=classify_sourcing(subject, ctx.sentence_text(cue_token), ctx.sourcing),
        source=source,
        source_token=subject.i if subject is not None else None,
        said_on_text=find_said_on(doc, cue_token),
        negated=content_is_negated(doc, content),
        content_lemmas=lemmas,
        content_names=names,
    )


def _expand_to_quotes(piece: Range, quotes: list[Quote]) -> Range:
    """Widen a content piece to the whole of any quotation it overlaps.

    A quotation running over several sentences ("We set up camps. Our people go there," he
    said) is parsed as several sentences; the cue's clause is only the last one.
    """
    start, end = piece
    for quote in quotes:
        if quote.start < end and start < quote.end:
            start, end = min(start, quote.start), max(end, quote.end)
    return start, end


def _kind(text: str, content: list[Range], quotes: list[Quote]) -> str:
    """direct (all quoted), mixed (partly quoted) or indirect (no quote marks)."""
    quoted = 0
    total = 0
    for start, end in content:
        for position in range(start, end):
            if text[position].isalnum():
                total += 1
                if any(q.start < position < q.end - 1 for q in quotes):
                    quoted += 1
    if total == 0 or quoted == 0:
        return "indirect"
    return "direct" if quoted == total else "mixed"


def _overlaps(piece: Range, pieces: list[Range]) -> bool:
    return any(piece[0] < end and start < piece[1] for start, end in pieces)


def _attach_split_quotes(ctx: Context, found: list[FoundAttribution]) -> None:
    # '"We will win," he said, "and we will stay."' — the second half of a quotation split
    # around its cue belongs to the same attribution.
    text, quotes = ctx.text, ctx.quotes
    taken = [piece for a in found for piece in a.content]
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
            if gap.strip(" ,:;\n") == "" or _only_date_words(gap):
                if not _overlaps((quote.start, quote.end), taken):
                    attribution.content.append((quote.start, quote.end))
                    taken.append((quote.start, quote.end))
            break


def _attach_continued_quotes(ctx: Context, found: list[FoundAttribution]) -> None:
    # '"We won," she said. "Now the hard work begins."' — a quotation that follows a quoted
    # attribution with no cue of its own goes on with the same speaker.
    text = ctx.text
    taken = [piece for a in found for piece in a.content]
    cues = [a.cue for a in found]
    for attribution in found:
        if attribution.kind != "direct":
            continue
        frame_end = max(attribution.cue[1], attribution.source[1] if attribution.source else 0)
        end = max(frame_end, attribution.content[-1][1])
        sentence_end = _sentence_end_after(ctx, end)
        for quote in ctx.quotes:
            # The parser often ends the sentence after the next quotation's opening mark.
            if quote.start + 2 < sentence_end:
                continue
            gap = text[sentence_end : quote.start] if quote.start >= sentence_end else ""
            if gap.strip() or gap.count("\n") > 1 or _overlaps((quote.start, quote.end), taken):
                break
            if _overlaps((quote.start, _sentence_end_after(ctx, quote.end)), cues):
                break
            attribution.content.append((quote.start, quote.end))
            taken.append((quote.start, quote.end))
            sentence_end = _sentence_end_after(ctx, quote.end)


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


def _from_orphan_quotes(
    ctx: Context, found: list[FoundAttribution], used_cues: set[int]
) -> list[FoundAttribution]:
    """Quotations no cue claimed, tied to a speech verb just after or just before them."""
    extra: list[FoundAttribution] = []
    taken = [piece for a in found for piece in a.content]
    cues = ctx.cues
    for quote in ctx.quotes:
        if _overlaps((quote.start, quote.end), taken) or _word_count(ctx.text, quote) < 3:
            continue
        verb = _verb_after(ctx, quote) or _verb_before(ctx, quote)
        if verb is None or verb.i in used_cues:
            continue
        cue = cues.verb_cue(verb)
        assert cue is not None
        attribution = _build(ctx, verb, cue, _subject_of(verb), [(quote.start, quote.end)])
        if attribution is not None:
            used_cues.add(verb.i)
            extra.append(attribution)
            taken.append((quote.start, quote.end))
    return extra


def _from_colon_lines(ctx: Context, found: list[FoundAttribution]) -> list[FoundAttribution]:
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
        if colon <= 0 or len(line) > 300 or len(line[colon + 1 :].split()) < 3:
            continue
        name = doc.char_span(start, start + colon, alignment_mode="contract")
        if name is None or not 0 < len(name) <= 4 or name[0].is_lower:
            continue
        if not all(t.pos_ == "PROPN" or t.ent_type_ or t.is_punct for t in name):
            continue
        cue = (start + colon, start + colon + 1)
        content = trim(text, cue[1], start + len(line))
        if content[1] <= content[0] or _overlaps(cue, taken):
            continue
        lemmas, names = content_lemmas(doc, [content])
        extra.append(
            FoundAttribution(
                cue=cue,
                cue_token=name.end if name.end < len(doc) else name.end - 1,
                cue_lemma=":",
                content=[content],
                kind=_kind(text, [content], ctx.quotes),
                polarity="assert",
                sourcing="named",
                source=(name.start_char, name.end_char),
                source_token=name.root.i,
                content_lemmas=lemmas,
                content_names=names,
            )
        )
    return extra


def _word_count(text: str, quote: Quote) -> int:
    return len(text[quote.start : quote.end].split())


def _verb_after(ctx: Context, quote: Quote) -> Token | None:
    # '"…," a Taliban commander said.' — a speech verb within a few words after the quote.
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


def _link(doc: Doc, found: list[FoundAttribution]) -> None:
    """Set ``parent`` (continuations) and ``refers_to`` (content pointing back)."""
    by_cue = {a.cue_token: index for index, a in enumerate(found)}
    for index, attribution in enumerate(found):
        cue_token = doc[attribution.cue_token]
        # "…, saying that …" / "…, adding that …" continues the act of its head verb.
        if cue_token.tag_ == "VBG" and cue_token.dep_ in {"advcl", "xcomp", "conj"}:
            parent = by_cue.get(cue_token.head.i)
            if parent is not None and parent != index:
                attribution.parent = parent
                if attribution.said_on_text is None:
                    attribution.said_on_text = found[parent].said_on_text
        attribution.refers_to = _referent(doc, found, index)


def _referent(doc: Doc, found: list[FoundAttribution], index: int) -> int | None:
    """The earlier attribution whose claim this one's content names, if any."""
    attribution = found[index]
    for other_index, other in enumerate(found):
        # "rejected reports that X": the content holds the cue of the reports themselves.
        if other_index != index and _overlaps(other.cue, attribution.content):
            if other.cue[0] >= attribution.content[0][0] and other.cue_lemma in _ANAPHORIC_NOUNS:
                return other_index
    if len(attribution.content) != 1:
        return None
    span = doc.char_span(*attribution.content[0], alignment_mode="expand")
    if span is None or len(span) > 4:
        return None
    # "also repudiated the reports": a definite report noun points back to earlier reports.
    head = clause_root(span)
    if head.lemma_.lower() not in _ANAPHORIC_NOUNS:
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
