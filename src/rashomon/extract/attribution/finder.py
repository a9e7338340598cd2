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

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Token

from rashomon.extract.attribution.assemble import (
    BOUND_PREPOSITIONS,
    CUE_LEFT_DEPS,
    SUBJECT_DEPS,
    bound_preposition,
    build_attribution,
    expand_to_quotes,
    subject_of,
    subjects_of,
)
from rashomon.extract.attribution.boundaries import BoundaryModel, refine
from rashomon.extract.attribution.classifier import CueClassifier
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import Cue, CueLexicon, SourcingLexicon
from rashomon.extract.attribution.found import FoundAttribution, Range
from rashomon.extract.attribution.frames import (
    as_frame,
    governs_a_date,
    predicate_adjective,
    speaks_in_clause,
)
from rashomon.extract.attribution.lines import find_colon_lines, find_signed_quotes
from rashomon.extract.attribution.quotations import (
    attach_continued_quotes,
    attach_split_quotes,
    find_orphan_quotes,
)
from rashomon.extract.attribution.scorer import AttributionScorer
from rashomon.extract.attribution.sourcing import classify_sourcing, clause_root, source_range
from rashomon.extract.attribution.spans import (
    QUOTE_MARKS,
    char_span_of,
    overlaps,
    subtree_range,
    trim,
)

__all__ = ["find_attributions"]

_CLAUSE_DEPS = {"ccomp", "csubj"}
#: Nouns that, with a definite determiner, point back to earlier reporting ("the reports").
_ANAPHORIC_NOUNS = {
    "report", "claim", "allegation", "accusation", "charge", "rumor", "rumour", "story",
    "account", "assertion", "statement", "suggestion", "speculation",
}  # fmt: skip
_DEFINITE = {"the", "these", "those", "such", "this", "that"}
#: Dependents that continue an object content: "criticized Clinton for her ties" (prep),
#: "called him a liar" (oprd), "urged them to leave" (xcomp).
_OBJECT_FOLLOWERS = {"prep", "oprd", "xcomp", "dative"}
#: Dependents that make a verb a clause of its own rather than a bare conjunct.
_OWN_CLAUSE = SUBJECT_DEPS | {"aux", "auxpass", "neg", "mark"}
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
#: Participles by which a report noun says what it says: "a statement saying …".
_SAYING = {"say", "claim", "state"}
#: Verbs whose "if" clause is a question put, not a condition: "asked them if they would
#: vote".
_QUESTION_VERBS = {"ask", "wonder", "inquire"}
_IF = {"if", "whether"}
#: What may open a fronted or trailing "asked" clause: "when asked whether …".
_WHEN_ASKED = {"when", "while", "if", "once", "after"}
#: Verbs whose object is the listener, not the content: "told reporters that …".
_LISTENER_VERBS = {"tell", "ask", "inform", "assure", "remind", "warn", "urge", "notify", "promise"}
#: Verbs whose subject is the content's, not a speaker: "The senator seemed to dismiss it".
_RAISING_VERBS = {"seem", "appear", "look", "sound"}
#: What completes a theme-subject content: "is expected to run", "was named chairman".
_THEME_COMPLEMENTS = {"xcomp", "oprd", "attr", "acomp"}
#: How sure the classifier must be before a lexicon verb listed without an object frame
#: takes its object as content: "accused the agency of a cover-up" (sure), "added sugar to
#: the tea" (a speech verb, but not here).
_SURE = 0.5
#: Objects that say nothing on their own: "said nothing", "said something".
#: What a gapped clause may hang on, and what it must lack (see ``_gapped_object``).
_GAP_HEADS = {"NOUN", "PROPN", "PRON", "NUM"}
_GAP_FILLERS = {"dobj", "obj", "ccomp", "xcomp", "attr", "oprd", "parataxis", "dative", "csubj"}
_RELATIVE_TAGS = {"WDT", "WP", "WP$"}
#: The tags of a word opening a wh-clause: "which roads", "who", "when".
_WH_TAGS = _RELATIVE_TAGS | {"WRB"}
_NO_CONTENT = {"nothing", "something", "anything", "everything", "little", "much"}
#: One-word answers that stand for a whole proposition: "said yes", "said so".
_REPLIES = {"yes", "no", "so"}
_REPLY_DEPS = {"intj", "advmod", "dobj", "ccomp", "attr", "oprd", "npadvmod"}
#: Nouns for findings that speak for themselves when fronted: "In a new poll, …".
_POLL_NOUNS = {"poll", "survey"}


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
    _lift_trailing_acts(ctx, found)
    _mend_broken_sentences(ctx, found)
    if boundaries is not None:
        refine(doc, found, boundaries)
    if scorer is not None:
        found = scorer.keep(ctx, found)
    _link(doc, found)
    return found


def _from_token(ctx: Context, token: Token) -> FoundAttribution | None:
    if ctx.inside_quote(token):
        # '"I think we will win," she said.' — words inside a quotation are the quoted
        # speaker's own; the attribution is the quotation's, not the "think" inside it.
        return None
    if token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
        return _according_to(ctx, token)
    if token.lower_ == "in" and token.dep_ == "prep" and token.i < token.head.i:
        return _in_a_poll(ctx, token)
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
        return _from_verb(ctx, token, verb_cue)
    noun_cue = ctx.cues.noun_cue(token)
    if noun_cue is not None:
        return _from_noun(ctx, token, noun_cue)
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


def _from_verb(ctx: Context, verb: Token, cue: Cue) -> FoundAttribution | None:
    if _said_by_its_noun(ctx, verb):
        return None
    weighed = ctx.classifier is not None and ctx.classifier.is_candidate(verb)
    if _negated(verb) and (not weighed or _asks_whether(verb)) and not _withheld(cue, verb):
        # "He did not say whether …" reports no content; "did not deny" is not a denial
        # either. A learned model weighs other negated cues in context: PolNeAR counts "did
        # not address the report" as an act that points at its object.
        return None
    passive = _passive_parts(verb)
    if passive is not None and not any(c.dep_ in _CLAUSE_DEPS for c in verb.children):
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
    content = _verb_content(ctx, verb, cue)
    if content is None:
        return None
    content_ranges = [expand_to_quotes(r, ctx.quotes) for r in content]
    subjects = _acting_subjects(verb) if _acting_noun(verb) else subjects_of(verb)
    if _listener_passive(verb):
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
        obj = _object_after(verb)
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
    while _last_word(phrase) == before:
        if phrase.dep_ == "appos" and phrase.pos_ in {"NOUN", "PROPN"}:
            speaker = phrase
        if phrase.head.i == phrase.i:
            break
        phrase = phrase.head
    return [speaker] if speaker is not None else []


def _last_word(phrase: Token) -> int:
    """The index of a phrase's last token that is not punctuation."""
    last = phrase.right_edge.i
    while last > phrase.i and phrase.doc[last].is_punct:
        last -= 1
    return last


def _theme_content(ctx: Context, verb: Token) -> list[Range] | None:
    """The content of a cue whose grammatical subject is what is talked about, not who talks.

    "The bank is expected to raise rates." / "The senator seemed to dismiss the issue." — an
    agentless passive or a raising verb names no source; its subject and its complement
    together are the content ("The bank … to raise rates").
    """
    if any(c.dep_ in _CLAUSE_DEPS or c.dep_ == "agent" for c in verb.children):
        return None
    if _listener_passive(verb) and _if_clause(verb) is not None:
        # "The actress was asked if she had been discriminated against": the one asked is
        # not what was asked. ("Clinton was asked about the speeches" is, in PolNeAR, a
        # content of two pieces: "Clinton" and "the speeches".)
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in {"it", "there"}:
        return None
    if subject.dep_ == "nsubj" and verb.lemma_.lower() not in _RAISING_VERBS:
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


def _listener_passive(verb: Token) -> bool:
    """Whether ``verb`` is a passive verb whose subject is the listener ("was asked")."""
    if verb.lemma_.lower() not in _LISTENER_VERBS or verb.tag_ != "VBN":
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
        question = child.dep_ == "ccomp" or (child.dep_ == "advcl" and opens.lower_ in _IF)
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


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _withheld(cue: Cue, verb: Token) -> bool:
    """Whether a negated speech verb says what the speaker kept back.

    "The minister isn't saying which roads will close": the act is reported, and what it
    withholds is its content (PolNeAR train and dev: 11 times in 15, against fewer than
    half for a negated "that" clause).
    """
    if cue.cue_class != "speech":
        return False
    return _withheld_adverbial(verb) is not None or any(
        child.dep_ in _CLAUSE_DEPS and child.i > verb.i and child.left_edge.tag_ in _WH_TAGS
        for child in verb.children
    )


def _withheld_adverbial(verb: Token) -> Token | None:
    """The wh-clause a negated speech verb withholds, read by the parser as an adverbial.

    "Lawmakers have not said when they would take up the bill": the parser hangs "when
    they would …" on "said" as an adverbial clause of time; after a negated speech verb it
    is what was not said.
    """
    if not _negated(verb):
        return None
    return next((c for c in _adverbials_after(verb) if c.left_edge.tag_ in _WH_TAGS), None)


def _asks_whether(verb: Token) -> bool:
    """Whether the verb's clause is an open question ("whether he would run", "if it was")."""
    return any(
        child.dep_ in _CLAUSE_DEPS
        and any(c.dep_ == "mark" and c.lower_ in _IF for c in child.children)
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


def _verb_content(ctx: Context, verb: Token, cue: Cue) -> list[Range] | None:
    """The content of a cue verb, or ``None`` when it governs none."""
    doc, text = ctx.doc, ctx.text
    clauses = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS]
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
        first, last = _clause_range(ctx, verb, clause)
        return [trim(text, *char_span_of(doc, first, last))]
    reply = _one_word_answer(verb) if cue.cue_class in {"speech", "stance"} else None
    if reply is not None:
        return [trim(text, *char_span_of(doc, *reply))]
    if cue.cue_class == "speech":
        opened = _that_adverbial(verb) or _withheld_adverbial(verb)
        if opened is not None:
            first, last = _clause_range(ctx, verb, opened)
            return [trim(text, *char_span_of(doc, first, last))]
        adjunct = _clause_in_adjunct(ctx, verb)
        if adjunct is not None:
            first, last = subtree_range(adjunct[1])
            return [trim(text, *char_span_of(doc, first, last))]
        question = _if_clause(verb)
        if question is not None:
            return [trim(text, *char_span_of(doc, *subtree_range(question)))]
        block = _block_after_colon(ctx, verb)
        if block is not None:
            return [block]
        before = _closing_frame_content(ctx, verb)
        if before is not None:
            return [before]
    adjective = predicate_adjective(verb) if cue.takes_object else None
    if adjective is not None:
        # "has been critical of the plan", "are aware that it failed": the adjective
        # carries the stance, and what it governs is the content.
        return [trim(text, *char_span_of(doc, *_adjective_content(adjective)))]
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
                first = _after_chain(doc, xcomp, last)
            last = _coordinated_tail(doc, verb, xcomp, last)
            last = _without_aside(ctx, first, last)
            return [trim(text, *char_span_of(doc, first, last))]
    if cue.takes_object:
        for_clause = _for_to_clause(verb)
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
            obj = _first_of_two_predicates(verb)
        listener = obj is not None and obj.pos_ == "PRON" and verb.lemma_ in _LISTENER_VERBS
        # "He said nothing." — a bare "nothing" or "something" says no proposition ("denied
        # it" does: "it" points back at one).
        empty = obj is not None and obj.n_lefts + obj.n_rights == 0 and obj.lower_ in _NO_CONTENT
        if obj is not None and not listener and not empty:
            first, last = subtree_range(obj)
            for child in verb.children:
                follows = child.dep_ in _OBJECT_FOLLOWERS or _to_infinitive(child)
                if child.i > last and follows and not _says_when(child):
                    last = max(last, subtree_range(child)[1])
            last = _coordinated_tail(doc, verb, obj, last)
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
    gapped = _gapped_object(ctx, verb) if cue.takes_object else None
    if gapped is not None:
        return [gapped]
    said = _said_object(verb) if cue.takes_words else None
    if said is None and cue.takes_state:
        said = _object_with_state(verb)
    if said is not None:
        return [trim(text, *char_span_of(doc, *said))]
    gerund = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None
    )
    if gerund is not None and cue.takes_infinitive and cue.cue_class != "learned":
        # "He proposes doing away with the mandate." — a gerund is a proposal's content as a
        # to-infinitive is.
        first, last = subtree_range(gerund)
        last = _coordinated_tail(doc, verb, gerund, last)
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


def _said_object(verb: Token) -> tuple[int, int] | None:
    """The words a speech verb took as its object, where its clause would be.

    "The candidate said families of victims file lawsuits": the parser reads "families
    of victims" as the object of "said" and the rest as a relative phrase; "Clinton Says
    Russians Hacked DNC" in a headline is read the same way. What follows a speech verb is
    what was said, and so is an object that is words ("said the same of Sanders", 'said
    "CNN"'), which PolNeAR marks too. A listener ("told reporters") and a bare "nothing"
    are not.
    """
    if verb.lemma_.lower() in _LISTENER_VERBS:
        return None
    # "He said legalizing it could put people to work": the gerund that opens the clause
    # is read as the verb's complement, and the rest hangs on it.
    obj = next(
        (
            c
            for c in verb.children
            if c.i > verb.i
            and not c.is_space
            and (c.dep_ in {"dobj", "obj"} or (c.dep_ == "xcomp" and c.tag_ == "VBG"))
        ),
        None,
    )
    if obj is None or (obj.n_lefts + obj.n_rights == 0 and obj.lower_ in _NO_CONTENT):
        return None
    return subtree_range(obj)


def _object_after(verb: Token) -> Token | None:
    """The verb's direct object, when it follows the verb."""
    return next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i > verb.i), None)


def _object_with_state(verb: Token) -> tuple[int, int] | None:
    """An object with what holds of it, for a verb of evidence.

    "Polls show Clinton with a narrow lead", "The emails showed staff favoring Clinton":
    the object alone ("Clinton", "staff") says nothing; with its "with" phrase or its
    participle it is a proposition (PolNeAR train: right 15 times in 25 for "show", where
    any object was right 41 times in 141).
    """
    obj = _object_after(verb)
    if obj is None:
        return None
    first, last = subtree_range(obj)
    holding = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > last),
        None,
    )
    if holding is not None:
        return first, subtree_range(holding)[1]
    if any(c.dep_ == "acl" and c.tag_ == "VBG" for c in obj.children):
        return first, last
    return None


def _first_of_two_predicates(verb: Token) -> Token | None:
    """The object the parser took for a predicate when a verb has two of them.

    "Cruz called Trump a liar", "called Oz a quack": the parser sometimes reads both nouns
    as the verb's predicate (``oprd``), and the verb has no object; the first is the one
    named, the second what it is called, and the content runs over both.
    """
    predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
    return predicates[0] if len(predicates) > 1 else None


def _gapped_object(ctx: Context, verb: Token) -> Range | None:
    """The noun a relative clause or a participle takes as its object, as content.

    "an arrangement the Sanders campaign has criticized", "a fact first reported by the
    local paper", "the tentative deal, announced Friday": the cue's object is the noun the
    clause hangs on, and the content is that noun with what precedes it ("an
    arrangement"), not the clause. A relative clause whose own subject is the relative
    pronoun ("voters who backed the bill") is not gapped: there the noun is the one who acts.
    """
    head = verb.head
    if head.i == verb.i or head.pos_ not in _GAP_HEADS or head.i > verb.i:
        return None
    if verb.dep_ == "relcl":
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.tag_ in _RELATIVE_TAGS:
            return None
    elif verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    if any(c.dep_ in _GAP_FILLERS for c in verb.children):
        return None
    if any(c.tag_ == "WRB" and c.i < verb.i for c in verb.children):
        # "… applause from Yankee Stadium, when a young boy shouted": a clause opened by
        # "when" or "where" tells the time or place of the act, not what it was about.
        return None
    last = verb.left_edge.i - 1
    while last > head.left_edge.i and (
        ctx.doc[last].is_punct or ctx.doc[last].tag_ in _RELATIVE_TAGS
    ):
        last -= 1
    if last < head.i:
        return None
    return trim(ctx.text, *char_span_of(ctx.doc, head.left_edge.i, last))


def _after_chain(doc: Doc, infinitive: Token, last: int) -> int:
    """The first token of what a chained infinitive governs: past the verb, its particle,
    an adverb and a preposition that leads into its object ("tried to look ahead to the
    vote" → "the vote"); the whole infinitive when it governs nothing after itself."""
    first = infinitive.i + 1
    while first <= last and doc[first].head.i == infinitive.i:
        token = doc[first]
        if token.dep_ in {"prt", "advmod"} or (
            token.dep_ == "prep" and any(c.dep_ in {"pobj", "pcomp"} for c in token.children)
        ):
            first += 1
            continue
        break
    while first <= last and doc[first].is_punct:
        first += 1
    return first if first <= last else subtree_range(infinitive)[0]


def _coordinated_tail(doc: Doc, verb: Token, head: Token, last: int) -> int:
    """The last token of a content, past conjuncts the parser hung on the cue instead.

    "She wants to triple the program, grow the Peace Corps and create a reserve." — the
    small parser often makes "grow" and "create" conjuncts of "wants"; they are conjuncts
    of "triple", and so of what she wants. A conjunct of the content's own form (both bare
    infinitives, both gerunds) that is not of the cue's form ("said it failed and left the
    room": "left" is the cue's form, the speaker's next act) and follows the content with
    only commas and conjunctions between belongs to the content.
    """
    form = _verb_form(head)
    if form == _verb_form(verb) or head.pos_ not in {"VERB", "AUX"}:
        return last
    for sibling in verb.children:
        if sibling.i <= last or sibling.dep_ not in {"conj", "advcl"}:
            continue
        if _verb_form(sibling) != form or any(c.dep_ in _OWN_CLAUSE for c in sibling.children):
            # "declined to comment, didn't respond or …": a verb with its own subject,
            # auxiliary or negation is a clause of its own, not a conjunct of the content.
            continue
        if any(t.dep_ in SUBJECT_DEPS for t in sibling.subtree):
            # "pledged to enact reform, fix the system and he, once again, pledged …": the
            # conjunct runs on into a clause with a speaker of its own.
            break
        gap = doc[last + 1 : sibling.left_edge.i]
        if not all(t.is_punct or t.dep_ == "cc" or t.lower_ in {"and", "or"} for t in gap):
            break
        if sibling.dep_ == "advcl" and not any(
            t.lower_ in {"and", "or"} for t in doc[max(last - 1, 0) : sibling.left_edge.i]
        ):
            break
        last = _last_word(sibling)
    return last


def _verb_form(token: Token) -> str:
    """A verb's form, with the tagger's VB/VBP confusion ("to threaten … or declare") merged."""
    return "VB" if token.tag_ == "VBP" else token.tag_


def _to_infinitive(child: Token) -> bool:
    """A to-infinitive the parser hung on the cue as an adverbial clause.

    "She called on fellow senators to reject the bill." — what she called for is the
    senators rejecting it; PolNeAR train takes the infinitive into an object content 28
    times in 32.
    """
    return child.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" and c.i < child.i for c in child.children
    )


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


#: What may follow a speech verb that closes its sentence: its subject (inverted: "…, said
#: the chief executive"), when and where it spoke, and punctuation.
_CLOSING_DEPENDENTS = SUBJECT_DEPS | {"prep", "npadvmod", "advmod", "punct", "aux", "neg"}
#: Clause dependents of the verb that carry the content before it when it has no complement.
_FRONTED_DEPS = {"advcl", "dep", "parataxis", "ccomp", "csubj", "conj"}


def _one_word_answer(verb: Token) -> tuple[int, int] | None:
    """The answer right after a speech or stance verb that stands for a whole proposition.

    "Asked if it was illegal, 46 percent said yes." / "Half said so in May." / "He doesn't
    think so." / "The aide acknowledged as much." — PolNeAR marks the word as the content
    (train: 21 times for "yes", "no" and "so"; "as much" 3 times in train and dev).
    """
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    answer = doc[verb.i + 1]
    if answer.head.i == verb.i and answer.lower_ in _REPLIES and answer.dep_ in _REPLY_DEPS:
        return answer.i, answer.i
    following = doc[verb.i + 2] if verb.i + 2 < len(doc) else None
    if answer.lower_ == "as" and following is not None and following.lower_ == "much":
        # "said as much in an interview" — but not "as much stimulus as hoped".
        after = doc[following.i + 1] if following.i + 1 < len(doc) else None
        if after is None or after.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return answer.i, following.i
    return None


def _closing_frame_content(ctx: Context, verb: Token) -> Range | None:
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


def _for_to_clause(verb: Token) -> Token | None:
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


def _clause_in_adjunct(ctx: Context, verb: Token) -> tuple[Token, Token] | None:
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
    if any(child.dep_ in _CLAUSE_DEPS for child in verb.children):
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


def _that_adverbial(verb: Token) -> Token | None:
    """A "that" clause the parser made an adverbial clause of a speech verb.

    "Trump tweeted in the early morning hours that Machado was disgusting": after an
    adjunct the parser reads "that" as an adverb and the clause as the verb's adverbial; a
    clause opened by "that" after a speech verb is what was said.
    """
    return next((c for c in _adverbials_after(verb) if c.left_edge.lower_ == "that"), None)


def _adverbials_after(verb: Token) -> Iterator[Token]:
    """The adverbial clauses after ``verb``, where the parser puts clauses it misreads."""
    return (c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i)


def _if_clause(verb: Token) -> Token | None:
    """The question a verb of asking puts, when the parser reads it as a condition.

    "She asked the workers if they planned to vote": the parser hangs "if they planned …"
    on "asked" as an adverbial clause, as it would "She left if they planned to vote". After
    a verb of asking it is the question, and the content (PolNeAR train: 7 times in 9).
    """
    if verb.lemma_.lower() not in _QUESTION_VERBS:
        return None
    for child in _adverbials_after(verb):
        if child.left_edge.lower_ in _IF:
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


def _block_after_colon(ctx: Context, verb: Token) -> Range | None:
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


def _adjective_content(adjective: Token) -> tuple[int, int]:
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


def _says_when(child: Token) -> bool:
    """A time adjunct: "attacked the mayor during the debate" ends at "the mayor"."""
    if child.dep_ != "prep":
        return False
    return child.lower_ in _TIME_PREPOSITIONS or governs_a_date(child)


def _clause_range(ctx: Context, verb: Token, clause: Token) -> tuple[int, int]:
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
            and verb.lemma_.lower() not in _LISTENER_VERBS
            and child.pos_ not in {"PRON", "PROPN"}
        ):
            first = min(first, subtree_range(child)[0])
    return first, _second_clause(ctx, verb, _split_predicate(verb, clause, last))


def _split_predicate(verb: Token, clause: Token, last: int) -> int:
    """The end of a reported clause whose predicate the parser made a clause of its own.

    "Investigators discovered that attempts to infiltrate the program were made by …": the
    parser reads "that attempts …" as one complement of "discovered" and "were made by …" as
    another, right after it; a complement with no subject of its own that follows the first
    at once is the rest of it.
    """
    for sibling in verb.children:
        if sibling.i <= clause.i or sibling.dep_ not in _CLAUSE_DEPS:
            continue
        if sibling.left_edge.i != last + 1:
            continue
        if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in sibling.children):
            continue
        return _last_word(sibling)
    return last


def _second_clause(ctx: Context, verb: Token, last: int) -> int:
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
            return _last_word(sibling)
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


def _according_to(ctx: Context, according: Token) -> FoundAttribution | None:
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


def _in_a_poll(ctx: Context, preposition: Token) -> FoundAttribution | None:
    # "In a Marist poll released Sunday, 45 percent backed the plan." — a fronted poll
    # speaks for the clause it opens; only fronted, since "leads in the poll" reports none.
    poll = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    head = preposition.head
    if poll is None or poll.lemma_.lower() not in _POLL_NOUNS or head.pos_ not in {"VERB", "AUX"}:
        return None
    first, last = subtree_range(head, exclude=[preposition])
    content = [expand_to_quotes(trim(ctx.text, *char_span_of(ctx.doc, first, last)), ctx.quotes)]
    cue = Cue("in", "phrase", "report", "assert", False, False)
    return build_attribution(ctx, preposition, cue, poll, content)


def _from_noun(ctx: Context, noun: Token, cue: Cue) -> FoundAttribution | None:
    # "There are reports that militants left." / "his claim that the vote was rigged" /
    # "a statement saying the talks had failed": the noun's clause is the content.
    clause = None
    for child in noun.children:
        if child.dep_ in {"acl", "ccomp", "relcl", "appos"} and child.pos_ in {"VERB", "AUX"}:
            has_that = any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            saying = _saying(child)
            if has_that or saying:
                clause = child
                break
    if clause is None:
        return None
    if _completes_a_verb(ctx, noun):
        # "The ministry said in a statement that …": the clause is the verb's, and so is
        # the attribution.
        return None
    if clause.tag_ == "VBG":
        inner = next((c for c in clause.children if c.dep_ in _CLAUSE_DEPS), None)
        if inner is None:
            return None
        first, last = subtree_range(inner)
    else:
        first, last = subtree_range(clause)
    content = [expand_to_quotes(trim(ctx.text, *char_span_of(ctx.doc, first, last)), ctx.quotes)]
    source = next((c for c in noun.children if c.dep_ == "poss"), None)
    if source is None:
        by = next(
            (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None
        )
        if by is not None:
            source = next((c for c in by.children if c.dep_ == "pobj"), None)
    if source is None:
        # "a New York Times report that …", "a Pentagon statement saying …": a name
        # compounded with the noun is whose report it is.
        source = next(
            (
                c
                for c in noun.children
                if c.dep_ == "compound" and c.i < noun.i and _names_someone(c)
            ),
            None,
        )
    issuer = _issuer(ctx, noun)
    if source is None and issuer is not None:
        # "The ministry issued a statement saying …": whoever issues the statement is
        # its source.
        source = subject_of(issuer)
    found = build_attribution(ctx, noun, cue, source, content)
    if found is not None and issuer is not None and clause.tag_ == "VBG" and clause.i > noun.i:
        # One act, one cue: "issued a statement saying" (PolNeAR marks it so each of the
        # 13 times the words occur in train and dev), not "statement" and "saying" apart.
        start = min([issuer.idx] + [c.idx for c in issuer.lefts if c.dep_ in CUE_LEFT_DEPS])
        found.cue = (start, clause.idx + len(clause))
    return found


def _issuer(ctx: Context, noun: Token) -> Token | None:
    """The verb that puts out a report noun ("issued a statement"), if there is one."""
    issuer = noun.head
    if noun.dep_ in {"dobj", "obj"} and issuer.lemma_.lower() in ctx.sourcing.issuing_verbs:
        return issuer
    return None


def _said_by_its_noun(ctx: Context, verb: Token) -> bool:
    """Whether a verb is part of an issued statement's cue ("issued a statement saying").

    "The ministry issued a statement saying the talks failed" is one act, which
    ``_from_noun`` finds; "saying", or "issued" with the statement as its content, on its
    own would repeat it.
    """
    if verb.dep_ == "acl" and _saying(verb):
        return _issued_report(ctx, verb.head)
    return any(
        _issued_report(ctx, noun)
        and any(c.dep_ == "acl" and _saying(c) and c.i > noun.i for c in noun.children)
        for noun in verb.children
        if noun.dep_ in {"dobj", "obj"}
    )


def _saying(token: Token) -> bool:
    """A participle by which a report noun says what it says: "a statement saying …"."""
    return token.tag_ == "VBG" and token.lemma_ in _SAYING


def _issued_report(ctx: Context, noun: Token) -> bool:
    """Whether ``noun`` is a cue noun someone put out ("issued a statement")."""
    return ctx.cues.noun_cue(noun) is not None and _issuer(ctx, noun) is not None


def _completes_a_verb(ctx: Context, noun: Token) -> bool:
    """Whether ``noun`` sits in a speech verb's adjunct whose clause the verb claims."""
    verb = noun
    while verb.dep_ in {"pobj", "prep"} and verb.head.i != verb.i:
        verb = verb.head
    cue = ctx.cues.verb_cue(verb)
    if verb.i == noun.i or cue is None or cue.cue_class != "speech":
        return False
    claimed = _clause_in_adjunct(ctx, verb)
    return claimed is not None and claimed[0].i == noun.i


def _lift_trailing_acts(ctx: Context, found: list[FoundAttribution]) -> None:
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


def _names_someone(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ not in {"DATE", "TIME", "CARDINAL"}


def _link(doc: Doc, found: list[FoundAttribution]) -> None:
    """Set ``parent`` (continuations) and ``refers_to`` (content pointing back)."""
    by_cue = {a.cue_token: index for index, a in enumerate(found)}
    for index, attribution in enumerate(found):
        cue_token = doc[attribution.cue_token]
        # "…, saying that …" / "…, adding that …" continues the act of its head verb.
        if cue_token.tag_ == "VBG" and cue_token.dep_ in {"advcl", "xcomp", "conj"}:
            parent = by_cue.get(cue_token.head.i)
            if parent is None and attribution.source_token is not None:
                # "Carson said he saw no need, telling reporters …": the parser hung the act
                # inside the content; ``_lift_trailing_acts`` gave it the first speaker.
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
        attribution.refers_to = _referent(doc, found, index)


def _referent(doc: Doc, found: list[FoundAttribution], index: int) -> int | None:
    """The earlier attribution whose claim this one's content names, if any."""
    attribution = found[index]
    for other_index, other in enumerate(found):
        # "rejected reports that X": the content holds the cue of the reports themselves.
        if other_index != index and overlaps(other.cue, attribution.content):
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


def _mend_broken_sentences(ctx: Context, found: list[FoundAttribution]) -> None:
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
        # writer's next clause, as ``_second_clause`` takes it.
        if "\n" in last.whitespace_ or following.dep_ == "cc":
            continue
        tail = ctx.sentence(following)[1] - 1
        if overlaps(attribution.cue, [(following.idx, doc[tail].idx + 1)]):
            continue
        while tail > following.i and doc[tail].is_punct:
            tail -= 1
        attribution.content[-1] = trim(ctx.text, start, doc[tail].idx + len(doc[tail].text))
