"""Attributions cued by a verb: "The ministry denied that troops crossed the border".

``from_verb`` decides the shape of the act before its content is looked for: a passive
whose agent acts ("was endorsed by the union"), a theme that is its own content ("is
expected to run"), a question put ("asked whether …"), a listener who is not the speaker
("was asked by the host …"), a negated verb that reports nothing ("did not say whether …").
What the content is, once the shape is known, is ``content.verb_content``'s to say.
"""

from __future__ import annotations

from spacy.tokens import Token

from rashomon.extract.attribution.assemble import (
    BOUND_PREPOSITIONS,
    SUBJECT_DEPS,
    bound_preposition,
    build_attribution,
    expand_to_quotes,
    subjects_of,
)
from rashomon.extract.attribution.clauses import (
    CLAUSE_DEPS,
    QUESTION_OPENERS,
    WH_TAGS,
    if_clause,
    is_negated,
    withheld_adverbial,
)
from rashomon.extract.attribution.content import verb_content
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue, CueLexicon
from rashomon.extract.attribution.found import FoundAttribution, Range
from rashomon.extract.attribution.nouns import said_by_its_noun
from rashomon.extract.attribution.objects import last_word, object_after
from rashomon.extract.attribution.sourcing import source_range
from rashomon.extract.attribution.spans import char_span_of, overlaps, subtree_range, trim

__all__ = ["from_verb"]

#: What completes a theme-subject content: "is expected to run", "was named chairman".
_THEME_COMPLEMENTS = {"xcomp", "oprd", "attr", "acomp"}
#: What may open a fronted or trailing "asked" clause: "when asked whether …".
_WHEN_ASKED = {"when", "while", "if", "once", "after"}


def from_verb(ctx: Context, verb: Token, cue: Cue) -> FoundAttribution | None:
    """The attribution a cue verb heads, or ``None`` when it reports no content here."""
    if said_by_its_noun(ctx, verb):
        return None
    weighed = ctx.classifier is not None and ctx.classifier.is_candidate(verb)
    if is_negated(verb) and (not weighed or _asks_whether(verb)) and not _withheld(cue, verb):
        # "He did not say whether …" reports no content; "did not deny" is not a denial
        # either. A learned model weighs other negated cues in context: PolNeAR counts "did
        # not address the report" as an act that points at its object.
        return None
    passive = _passive_parts(verb)
    if passive is not None and not any(c.dep_ in CLAUSE_DEPS for c in verb.children):
        # "The mayor was endorsed by the union." — the object of the act is the passive
        # subject, the one who acts is the agent.
        theme, agent = passive
        theme_first, theme_last = subtree_range(theme)
        theme_range = trim(ctx.text, *char_span_of(ctx.doc, theme_first, theme_last))
        return build_attribution(ctx, verb, cue, agent, [expand_to_quotes(theme_range, ctx.quotes)])
    theme_content = _theme_content(ctx, verb)
    if theme_content is not None:
        return build_attribution(ctx, verb, cue, None, theme_content)
    question = _asked_question(ctx, verb)
    if question is not None:
        return build_attribution(ctx, verb, cue, None, [question])
    content = verb_content(ctx, verb, cue)
    if content is None:
        return None
    content_ranges = [expand_to_quotes(r, ctx.quotes) for r in content]
    subjects = _acting_subjects(verb) if _acting_noun(verb) else subjects_of(verb)
    if _listener_passive(ctx.cues, verb):
        # "Sanders was asked by the host whether …", "Christie said, when asked whether …":
        # the one asked or told is the listener, and the speaker is the agent or no one.
        asker = _agent(verb)
        subjects = [asker] if asker is not None else []
    if not subjects and cue.cue_class == "speech":
        subjects = _misparsed_speaker(ctx, verb, content_ranges)
    if cue.cue_class == "learned" and not subjects:
        # A learned cue is a stance only when someone takes it: "partners in supporting
        # militants" has no one supporting, "most Democrats supported the bill" does.
        return None
    found = build_attribution(ctx, verb, cue, subjects[-1] if subjects else None, content_ranges)
    if found is not None and len(subjects) > 1 and found.source is not None:
        # "Spokesman for the Interior Ministry, Ali Khan, said …": the parser gives the verb
        # two subjects for one apposition; the source runs over both, the name is the head.
        first = source_range(ctx.doc, ctx.text, subjects[0])
        if first is not None and not overlaps(first, found.content):
            found.source = (min(first[0], found.source[0]), max(first[1], found.source[1]))
    return found


def _misparsed_speaker(ctx: Context, verb: Token, content: list[Range]) -> list[Token]:
    """The speaker of a speech verb the parser left without a subject, where it stands.

    - '"It is Bernie's to lose," added another Democrat.' — after a quotation, the parser
      often takes the speaker who follows the verb for its object.
    - "At Boca West, where it costs $70,000 to join, Jay DiPietro, the club's president,
      suggested that …" — a name between commas right before the verb can be hung on an
      earlier noun as an apposition; it is the verb's subject.
    """
    if verb.dep_ not in {"ROOT", "ccomp", "conj"}:
        return []
    if all(end <= verb.idx for _, end in content):
        obj = object_after(verb)
        if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
            return [obj]
        # '"I am more skilled with my hands," said Robin Maynard, half joking.' — or the
        # subject of a clause hung on the verb: "Maynard" as the subject of "joking".
        after = verb.i + 1
        if after < len(verb.doc):
            noun = verb.doc[after]
            while noun.dep_ == "compound" and noun.head.i > noun.i:
                noun = noun.head
            clause = noun.head
            if (
                noun.pos_ in {"NOUN", "PROPN"}
                and noun.dep_ in SUBJECT_DEPS
                and clause.head.i == verb.i
                and clause.i > noun.i
            ):
                return [noun]
        return []
    before = verb.i - 1
    while before >= 0 and verb.doc[before].is_punct:
        before -= 1
    if before < 0 or before == ctx.sentence(verb)[0]:
        return []
    # The outermost apposition that ends right before the verb: "Jay DiPietro, the
    # club's president," rather than "the club's president".
    phrase, speaker = verb.doc[before], None
    while last_word(phrase) == before:
        if phrase.dep_ == "appos" and phrase.pos_ in {"NOUN", "PROPN"}:
            speaker = phrase
        if phrase.head.i == phrase.i:
            break
        phrase = phrase.head
    return [speaker] if speaker is not None else []


def _theme_content(ctx: Context, verb: Token) -> list[Range] | None:
    """The content of a cue whose grammatical subject is what is talked about, not who talks.

    "The bank is expected to raise rates." / "The senator seemed to dismiss the issue." — an
    agentless passive or a raising verb names no source; its subject and its complement
    together are the content ("The bank … to raise rates").
    """
    if any(c.dep_ in CLAUSE_DEPS or c.dep_ == "agent" for c in verb.children):
        return None
    if _listener_passive(ctx.cues, verb) and if_clause(ctx.cues, verb) is not None:
        # "The actress was asked if she had been discriminated against": the one asked is
        # not what was asked. ("Clinton was asked about the speeches" is, in PolNeAR, a
        # content of two pieces: "Clinton" and "the speeches".)
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in {"it", "there"}:
        return None
    if subject.dep_ == "nsubj" and verb.lemma_.lower() not in ctx.cues.raising_verbs:
        return None
    doc, text = ctx.doc, ctx.text
    pieces = [trim(text, *char_span_of(doc, *subtree_range(subject)))]
    complement = next(
        (c for c in verb.children if c.dep_ in _THEME_COMPLEMENTS and c.i > verb.i), None
    )
    if complement is None:
        complement = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep" and c.i > verb.i and c.lower_ in BOUND_PREPOSITIONS | {"as"}
            ),
            None,
        )
    if complement is not None:
        pieces.append(trim(text, *char_span_of(doc, *subtree_range(complement))))
    return [expand_to_quotes(piece, ctx.quotes) for piece in pieces if piece[1] > piece[0]]


def _acting_noun(verb: Token) -> bool:
    """Whether the cue is a participle whose noun is the one who acts.

    "The super PAC backing the governor spent millions." / "one column listing the facts"
    — the noun the participle modifies takes the stance; the subject of the main verb
    does not.
    """
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN", "NUM"}


def _acting_subjects(verb: Token) -> list[Token]:
    """Who takes the stance of a participle on a noun (see ``_acting_noun``).

    The noun itself, unless it is what someone else put out: "The ministry issued a
    statement saying …", "emailed supporters saying …", "carrying signs saying …" — a
    noun that is the object of a verb with a subject is that subject's (PolNeAR train: 26
    times against 4).
    """
    noun = verb.head
    governor = noun.head
    if noun.dep_ == "pobj" and governor.dep_ == "prep":
        governor = governor.head
    if noun.dep_ in {"dobj", "obj", "pobj"} and governor.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return [subject]
    return [noun]


def _listener_passive(cues: CueLexicon, verb: Token) -> bool:
    """Whether ``verb`` is a passive verb whose subject is the listener ("was asked")."""
    if verb.lemma_.lower() not in cues.listener_verbs or verb.tag_ != "VBN":
        return False
    return verb.dep_ == "advcl" or any(c.dep_ == "auxpass" for c in verb.children)


def _asked_question(ctx: Context, verb: Token) -> Range | None:
    """The question of a fronted "Asked …," whose asker goes unnamed.

    "Asked if he was ever bullied, the governor said no." — the governor is the one asked,
    not the one asking, so the attribution has no source; the question is the content. The
    parser often hangs an if-clause on "Asked" as an adverbial clause rather than a
    complement. ("Asked by reporters to respond, …" names the asker and is left to the rules.)
    """
    if verb.lemma_.lower() != "ask" or verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return None
    # "…, when asked about the nominee": the "when" that opens the clause is no asker.
    if any(
        c.dep_ in SUBJECT_DEPS
        or c.dep_ == "agent"
        or (c.i < verb.i and c.lower_ not in _WHEN_ASKED)
        for c in verb.children
    ):
        return None
    for child in verb.children:
        if child.i < verb.i:
            continue
        opens = child.left_edge
        question = child.dep_ == "ccomp" or (
            child.dep_ == "advcl" and opens.lower_ in QUESTION_OPENERS
        )
        if not question and child.dep_ in {"advcl", "xcomp"} and opens.tag_.startswith("W"):
            question = True  # "Asked what should be done, …"
        if question:
            return expand_to_quotes(
                trim(ctx.text, *char_span_of(ctx.doc, *subtree_range(child))), ctx.quotes
            )
    prep = bound_preposition(verb)
    if prep is not None and prep.lower_ == "about":
        # "Asked about her own vote, she said …"
        first, last = subtree_range(next(c for c in prep.children if c.dep_ in {"pobj", "pcomp"}))
        return trim(ctx.text, *char_span_of(ctx.doc, first, last))
    return None


def _withheld(cue: Cue, verb: Token) -> bool:
    """Whether a negated speech verb says what the speaker kept back.

    "The minister isn't saying which roads will close": the act is reported, and what it
    withholds is its content (PolNeAR train and dev: 11 times in 15, against fewer than
    half for a negated "that" clause).
    """
    if cue.cue_class != "speech":
        return False
    return withheld_adverbial(verb) is not None or any(
        child.dep_ in CLAUSE_DEPS and child.i > verb.i and child.left_edge.tag_ in WH_TAGS
        for child in verb.children
    )


def _asks_whether(verb: Token) -> bool:
    """Whether the verb's clause is an open question ("whether he would run", "if it was")."""
    return any(
        child.dep_ in CLAUSE_DEPS
        and any(c.dep_ == "mark" and c.lower_ in QUESTION_OPENERS for c in child.children)
        for child in verb.children
    )


def _passive_parts(verb: Token) -> tuple[Token, Token] | None:
    """The passive subject and the agent's noun of a passive verb, when it has both."""
    theme = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if theme is None or theme.lower_ == "it":
        return None
    noun = _agent(verb)
    return (theme, noun) if noun is not None else None


def _agent(verb: Token) -> Token | None:
    """The noun of a passive verb's "by" phrase ("was endorsed by the union")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    return next((c for c in agent.children if c.dep_ == "pobj"), None)
