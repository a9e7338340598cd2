"""Contents that are a verb's object or infinitive: "denied the reports", "called him a liar".

Also the object-like oddities of the small parser: a clause's subject read as the verb's
object ("added the weapons … are like nuclear arms"), two predicates for one object
("called Trump "crazy.""), a gapped relative clause, and one-word answers ("said yes").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from rashomon.extract.attribution.assemble import SUBJECT_DEPS
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.cues import CueLexicon
from rashomon.extract.attribution.found import Range
from rashomon.extract.attribution.spans import char_span_of, subtree_range, trim

__all__ = [
    "NO_CONTENT",
    "RELATIVE_TAGS",
    "after_chain",
    "coordinated_tail",
    "first_of_two_predicates",
    "gapped_object",
    "last_word",
    "object_after",
    "object_with_state",
    "one_word_answer",
    "said_object",
    "to_infinitive",
]

NO_CONTENT = {"nothing", "something", "anything", "everything", "little", "much"}
#: Objects that say nothing on their own: "said nothing", "said something".
#: What a gapped clause may hang on, and what it must lack (see ``gapped_object``).
_GAP_HEADS = {"NOUN", "PROPN", "PRON", "NUM"}
_GAP_FILLERS = {"dobj", "obj", "ccomp", "xcomp", "attr", "oprd", "parataxis", "dative", "csubj"}
RELATIVE_TAGS = {"WDT", "WP", "WP$"}
#: Dependents that make a verb a clause of its own rather than a bare conjunct.
_OWN_CLAUSE = SUBJECT_DEPS | {"aux", "auxpass", "neg", "mark"}
#: One-word answers that stand for a whole proposition: "said yes", "said so".
_REPLIES = {"yes", "no", "so"}
_REPLY_DEPS = {"intj", "advmod", "dobj", "ccomp", "attr", "oprd", "npadvmod"}


def said_object(cues: CueLexicon, verb: Token) -> tuple[int, int] | None:
    """The words a speech verb took as its object, where its clause would be.

    "The candidate said families of victims file lawsuits": the parser reads "families
    of victims" as the object of "said" and the rest as a relative phrase; "Clinton Says
    Russians Hacked DNC" in a headline is read the same way. What follows a speech verb is
    what was said, and so is an object that is words ("said the same of Sanders", 'said
    "CNN"'), which PolNeAR marks too. A listener ("told reporters") and a bare "nothing"
    are not.
    """
    if verb.lemma_.lower() in cues.listener_verbs:
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
    if obj is None or (obj.n_lefts + obj.n_rights == 0 and obj.lower_ in NO_CONTENT):
        return None
    return subtree_range(obj)


def object_after(verb: Token) -> Token | None:
    """The verb's direct object, when it follows the verb."""
    return next((c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i > verb.i), None)


def object_with_state(verb: Token) -> tuple[int, int] | None:
    """An object with what holds of it, for a verb of evidence.

    "Polls show Clinton with a narrow lead", "The emails showed staff favoring Clinton":
    the object alone ("Clinton", "staff") says nothing; with its "with" phrase or its
    participle it is a proposition (PolNeAR train: right 15 times in 25 for "show", where
    any object was right 41 times in 141).
    """
    obj = object_after(verb)
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


def first_of_two_predicates(verb: Token) -> Token | None:
    """The object the parser took for a predicate when a verb has two of them.

    "Cruz called Trump a liar", "called Oz a quack": the parser sometimes reads both nouns
    as the verb's predicate (``oprd``), and the verb has no object; the first is the one
    named, the second what it is called, and the content runs over both.
    """
    predicates = [c for c in verb.children if c.dep_ == "oprd" and c.i > verb.i]
    return predicates[0] if len(predicates) > 1 else None


def gapped_object(ctx: Context, verb: Token) -> Range | None:
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
        if subject is None or subject.tag_ in RELATIVE_TAGS:
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
        ctx.doc[last].is_punct or ctx.doc[last].tag_ in RELATIVE_TAGS
    ):
        last -= 1
    if last < head.i:
        return None
    return trim(ctx.text, *char_span_of(ctx.doc, head.left_edge.i, last))


def after_chain(doc: Doc, infinitive: Token, last: int) -> int:
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


def coordinated_tail(doc: Doc, verb: Token, head: Token, last: int) -> int:
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
        last = last_word(sibling)
    return last


def _verb_form(token: Token) -> str:
    """A verb's form, with the tagger's VB/VBP confusion ("to threaten … or declare") merged."""
    return "VB" if token.tag_ == "VBP" else token.tag_


def to_infinitive(child: Token) -> bool:
    """A to-infinitive the parser hung on the cue as an adverbial clause.

    "She called on fellow senators to reject the bill." — what she called for is the
    senators rejecting it; PolNeAR train takes the infinitive into an object content 28
    times in 32.
    """
    return child.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" and c.i < child.i for c in child.children
    )


def one_word_answer(verb: Token) -> tuple[int, int] | None:
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


def last_word(phrase: Token) -> int:
    """The index of a phrase's last token that is not punctuation."""
    last = phrase.right_edge.i
    while last > phrase.i and phrase.doc[last].is_punct:
        last -= 1
    return last
