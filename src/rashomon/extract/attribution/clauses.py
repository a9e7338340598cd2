"""Contents that are a clause: "said that …", "asked if …", "…, officials said".

The clause a verb governs, its extent (a second coordinated clause, a quotation that runs
on, an aside left out), and the clauses the parser hangs in the wrong place: on a noun of
the verb's adjunct ("said in a statement that …"), as a condition ("asked them if …"), or
before the frame that closes the sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from rashomon.extract.attribution.assemble import BOUND_PREPOSITIONS, SUBJECT_DEPS
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import CueLexicon
from rashomon.extract.attribution.found import Range
from rashomon.extract.attribution.frames import governs_a_date
from rashomon.extract.attribution.objects import RELATIVE_TAGS, last_word
from rashomon.extract.attribution.spans import QUOTE_MARKS, char_span_of, subtree_range, trim

__all__ = [
    "CLAUSE_DEPS",
    "QUESTION_OPENERS",
    "WH_TAGS",
    "adjective_content",
    "block_after_colon",
    "clause_in_adjunct",
    "clause_range",
    "closing_frame_content",
    "for_to_clause",
    "if_clause",
    "is_negated",
    "says_when",
    "second_clause",
    "that_adverbial",
    "withheld_adverbial",
]

#: Dependents that are a clause the verb governs: "said that …", "What he said was …".
CLAUSE_DEPS = {"ccomp", "csubj"}
#: The words that open a question put: "asked if …", "did not say whether …".
QUESTION_OPENERS = {"if", "whether"}
#: The tags of a word opening a wh-clause: "which roads", "who", "when".
WH_TAGS = RELATIVE_TAGS | {"WRB"}
#: Prepositions that say when an act happened, not what it was about.
_TIME_PREPOSITIONS = {
    "during",
    "since",
    "after",
    "before",
    "amid",
    "following",
    "until",
    "throughout",
}
#: Prepositions of a speech verb's adjuncts, whose noun may carry the verb's "that" clause
#: by a misparse: "said in a statement that …", "told reporters during a visit that …".
_ADJUNCT_PREPOSITIONS = {
    "in", "at", "on", "during", "following", "after", "before", "for", "via", "through",
    "over", "without",
}  # fmt: skip
#: Of those, the ones that never take the topic of the act: a cue noun after them ("in a
#: statement") is the medium; after "on" it may be the topic ("commented on reports that").
_MEDIUM_PREPOSITIONS = _ADJUNCT_PREPOSITIONS - {"on"}
_NOUN_CLAUSE_DEPS = {"acl", "relcl", "ccomp"}
#: What may follow a speech verb that closes its sentence: its subject (inverted: "…, said
#: the chief executive"), when and where it spoke, and punctuation.
_CLOSING_DEPENDENTS = SUBJECT_DEPS | {"prep", "npadvmod", "advmod", "punct", "aux", "neg"}
#: Clause dependents of the verb that carry the content before it when it has no complement.
_FRONTED_DEPS = {"advcl", "dep", "parataxis", "ccomp", "csubj", "conj"}


def is_negated(verb: Token) -> bool:
    """Whether the verb has a negation of its own: "did not say"."""
    return any(child.dep_ == "neg" for child in verb.children)


def withheld_adverbial(verb: Token) -> Token | None:
    """The wh-clause a negated speech verb withholds, read by the parser as an adverbial.

    "Lawmakers have not said when they would take up the bill": the parser hangs "when
    they would …" on "said" as an adverbial clause of time; after a negated speech verb it
    is what was not said.
    """
    if not is_negated(verb):
        return None
    return next((c for c in _adverbials_after(verb) if c.left_edge.tag_ in WH_TAGS), None)


def closing_frame_content(ctx: Context, verb: Token) -> Range | None:
    """The unquoted clause before a speech verb that closes its sentence.

    "A girl outside the venue was pepper-sprayed by a bystander, police said." / "The plant
    is under pressure from imports, said the company's chief executive." — when the small
    parser gives the verb no complement, it hangs the clause before the comma on the verb
    as an adverbial clause, or the verb on the clause as a conjunct; either way what was
    said runs from the start of the sentence to the comma before the frame.
    """
    doc = ctx.doc
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    sentence_start, sentence_end = ctx.sentence(verb)
    # Every word after the verb belongs to its subject or an adjunct: a complement, an
    # object or a clause of its own after it makes another shape.
    closing = {t.i for c in verb.rights if c.dep_ in _CLOSING_DEPENDENTS for t in c.subtree}
    if any(
        t.i not in closing and not (t.is_punct or t.is_space)
        for t in doc[verb.i + 1 : sentence_end]
    ):
        return None
    # The frame starts at its subject ("…, police said") or at the verb's auxiliaries
    # when the subject follows it ("…, said the chief executive").
    frame_start = min(
        [verb.i]
        + [c.i for c in verb.children if c.dep_ in {"aux", "neg", "advmod"} and c.i < verb.i]
        + ([subject.left_edge.i] if subject.i < verb.i else [])
    )
    comma = frame_start - 1
    if comma <= sentence_start or doc[comma].text not in {",", "--", "—", "―"}:
        return None
    last = comma - 1
    first = sentence_start
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    stretch = doc[first : last + 1]
    if not any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in stretch):
        return None
    # The clause must hang on the frame (or the frame on it): a sentence of two clauses
    # that are not linked so ("The vote ended, and by noon the mayor said …") is another shape.
    root_of_stretch = next(
        (t for t in stretch if not first <= t.head.i <= last or t.head.i == t.i), None
    )
    if root_of_stretch is None:
        return None
    linked = (root_of_stretch.head.i == verb.i and root_of_stretch.dep_ in _FRONTED_DEPS) or (
        first <= verb.head.i <= last and verb.dep_ in {"conj", "parataxis", "advcl"}
    )
    if not linked or not any(c.dep_ in SUBJECT_DEPS for c in root_of_stretch.children):
        # "Courted by most candidates, Adelson said …" — a participle is no clause said.
        return None
    following = doc[sentence_end] if sentence_end < len(doc) else None
    if following is not None and (
        following.text in QUOTE_MARKS or doc[sentence_end - 1].text == ":"
    ):
        # 'Asked whether it was hard, his aide said: "Of course."' — the frame introduces
        # the quotation that follows.
        return None
    piece = trim(ctx.text, *char_span_of(doc, first, last))
    return piece if piece[1] > piece[0] else None


def for_to_clause(verb: Token) -> Token | None:
    """An infinitive clause opened by "for" that the parser hung on the verb ("called for
    the allies to act"), or ``None``."""
    for child in verb.children:
        if child.i <= verb.i or child.dep_ not in {"advcl", "ccomp", "xcomp"}:
            continue
        opener = child.left_edge
        if opener.lower_ != "for" or opener.dep_ != "mark" or opener.i != verb.i + 1:
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None


def clause_in_adjunct(ctx: Context, verb: Token) -> tuple[Token, Token] | None:
    """The "that" clause the parser hung on a noun of the speech verb's own adjunct.

    "The ministry said in a statement that the troops had left": the parser often reads
    the clause as the complement of "statement" (or of "conference" in "said during a news
    conference that …", of "time" in "said for the first time that …"), which leaves the
    verb with no content and the noun with a sourceless attribution of its own. What the
    clause completes is the verb. Returns the noun and the clause's head.

    Only the nouns of adjuncts count: how, where or when it was said. After an object
    preposition the noun is what the act is about — "responded to reports that …",
    "commented on claims that …" — and a cue noun there keeps its own attribution. PolNeAR
    train marks the clause as the verb's content 21 times in the 26 this rule fires.
    """
    if any(child.dep_ in CLAUSE_DEPS for child in verb.children):
        return None
    for preposition in verb.children:
        if preposition.i < verb.i or preposition.dep_ != "prep":
            continue
        word = preposition.lower_
        if word not in _ADJUNCT_PREPOSITIONS:
            continue
        nouns = [c for c in preposition.children if c.dep_ == "pobj"]
        while nouns:
            noun = nouns.pop()
            if word not in _MEDIUM_PREPOSITIONS and ctx.cues.noun_cue(noun) is not None:
                continue
            for child in noun.children:
                if child.dep_ == "prep":
                    # "said at a rally in Ohio that …": the clause hangs on the last noun.
                    nouns.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ in _NOUN_CLAUSE_DEPS and child.i > noun.i and _that_clause(child):
                    return noun, child
    return None


def that_adverbial(verb: Token) -> Token | None:
    """A "that" clause the parser made an adverbial clause of a speech verb.

    "Trump tweeted in the early morning hours that Machado was disgusting": after an
    adjunct the parser reads "that" as an adverb and the clause as the verb's adverbial; a
    clause opened by "that" after a speech verb is what was said.
    """
    return next((c for c in _adverbials_after(verb) if c.left_edge.lower_ == "that"), None)


def _adverbials_after(verb: Token) -> Iterator[Token]:
    """The adverbial clauses after ``verb``, where the parser puts clauses it misreads."""
    return (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i)


def if_clause(cues: CueLexicon, verb: Token) -> Token | None:
    """The question a verb of asking puts, when the parser reads it as a condition.

    "She asked the workers if they planned to vote": the parser hangs "if they planned …"
    on "asked" as an adverbial clause, as it would "She left if they planned to vote". After
    a verb of asking it is the question, and the content (PolNeAR train: 7 times in 9).
    """
    if verb.lemma_.lower() not in cues.question_verbs:
        return None
    for child in _adverbials_after(verb):
        if child.left_edge.lower_ in QUESTION_OPENERS:
            if any(c.dep_ == "mark" and c.i == child.left_edge.i for c in child.children):
                return child
    return None


def _that_clause(clause: Token) -> bool:
    """Whether ``clause`` opens with the complementizer "that" and has a subject of its own.

    A relative clause opens with a "that" that is its subject or object ("a conference
    that was held in Boston"); the parser marks a complementizer as ``mark``.
    """
    opener = clause.left_edge
    return (
        opener.lower_ == "that"
        and opener.dep_ == "mark"
        and opener.head.i == clause.i
        and any(child.dep_ in SUBJECT_DEPS for child in clause.children)
    )


def block_after_colon(ctx: Context, verb: Token) -> Range | None:
    """The paragraph a speech verb introduces with a colon at the end of its line.

    "The governor added:\n\nIt's typical of her. She knows nothing." — what was added is
    the next paragraph, quoted or not.
    """
    doc, text = ctx.doc, ctx.text
    if verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ":":
        return None
    colon_end = doc[verb.i + 1].idx + 1
    line_end = text.find("\n", colon_end)
    if line_end < 0 or text[colon_end:line_end].strip():
        return None
    start = line_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    block = trim(text, start, len(text) if end < 0 else end)
    return block if block[1] > block[0] else None


def adjective_content(adjective: Token) -> tuple[int, int]:
    """The token range of what a predicate adjective governs (see ``predicate_adjective``)."""
    for child in adjective.children:
        if child.dep_ in {"ccomp", "xcomp"}:
            return subtree_range(child)
    for child in adjective.children:
        if child.dep_ == "prep" and child.lower_ in BOUND_PREPOSITIONS | {"as"}:
            pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None:
                return subtree_range(pobj)
    return subtree_range(adjective)


def says_when(child: Token) -> bool:
    """A time adjunct: "attacked the mayor during the debate" ends at "the mayor"."""
    if child.dep_ != "prep":
        return False
    return child.lower_ in _TIME_PREPOSITIONS or governs_a_date(child)


def clause_range(ctx: Context, verb: Token, clause: Token) -> tuple[int, int]:
    """The token range of a cue's clause, by the conventions of news prose.

    News puts a reported clause either before its frame ("The talks failed, the minister
    said.") — then it runs from the sentence's start (or from the quotation just before the
    frame) to the frame, since the parser often cuts a long clause short there — or after it
    ("The minister said the talks failed, but the markets held.") — then it is the clause's
    own subtree: what the parser hangs elsewhere is more often the writer's than the speaker's.
    """
    first, last = subtree_range(clause)
    sentence_start = ctx.sentence(verb)[0]
    doc = ctx.doc
    if clause.i < verb.i:
        frame = verb.i
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and clause.i < child.i < verb.i:
                frame = min(frame, subtree_range(child)[0])
        start = sentence_start
        while start < first and (doc[start].is_space or doc[start].is_punct):
            start += 1
        quoted = _quotation_before(ctx, frame)
        if quoted is not None and start < quoted:
            # 'She turned to the budget: "It is a mess," she said.' — the quotation just
            # before the frame is what was said, not the narration that leads up to it.
            return quoted, max(last, frame - 1)
        return min(start, first), max(last, frame - 1)
    # "He added the weapons his country has are like nuclear arms." — the parser took the
    # clause's subject for the verb's object; a speech verb's object before its clause is
    # part of the clause unless the verb takes a listener ("told reporters that …").
    for child in verb.children:
        if (
            child.dep_ == "dobj"
            and verb.i < child.i < clause.i
            and verb.lemma_.lower() not in ctx.cues.listener_verbs
            and child.pos_ not in {"PRON", "PROPN"}
        ):
            first = min(first, subtree_range(child)[0])
    return first, second_clause(ctx, verb, _split_predicate(verb, clause, last))


def _split_predicate(verb: Token, clause: Token, last: int) -> int:
    """The end of a reported clause whose predicate the parser made a clause of its own.

    "Investigators discovered that attempts to infiltrate the program were made by …": the
    parser reads "that attempts …" as one complement of "discovered" and "were made by …" as
    another, right after it; a complement with no subject of its own that follows the first
    at once is the rest of it.
    """
    for sibling in verb.children:
        if sibling.i <= clause.i or sibling.dep_ not in CLAUSE_DEPS:
            continue
        if sibling.left_edge.i != last + 1:
            continue
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in sibling.children):
            continue
        return last_word(sibling)
    return last


def second_clause(ctx: Context, verb: Token, last: int) -> int:
    """The end of a reported clause, past a second one the parser made the verb's conjunct.

    "The sisters said that their father could be stern, and that Freddy had struggled":
    a conjunct of the verb opened by "that" can only be another complement (PolNeAR train,
    rules mode: 6 more attributions right, 6 fewer wrong). Without "that" it is left out:
    "… said the plan would work, but he did not say how" is the writer's next sentence
    about the speaker, and with a named subject the corpus was split (14 for, 4 against)
    in a way dev did not bear out.
    """
    for sibling in verb.children:
        if sibling.dep_ != "conj" or sibling.i <= last or sibling.pos_ not in {"VERB", "AUX"}:
            continue
        gap = ctx.doc[last + 1 : sibling.left_edge.i]
        if not all(t.is_punct or t.dep_ == "cc" for t in gap):
            return last
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in sibling.children):
            return last_word(sibling)
        return last
    return last


def _quotation_before(ctx: Context, frame: int) -> int | None:
    """The first token of a quotation that ends right before token ``frame``, if any.

    Only a quotation that opens a sentence of its own counts: in 'The plan is "dead on
    arrival," he said' the quoted words are part of a larger content.
    """
    frame_start = ctx.doc[frame].idx
    for quote in ctx.quotes:
        inner = ctx.text[quote.start + 1 : quote.end].lstrip(" \"“'‘")
        if (
            quote.end <= frame_start
            and ctx.text[quote.end : frame_start].strip(" ,\n") == ""
            and inner[:1].isupper()
        ):
            span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
            return span.start if span is not None else None
    return None
