"""Rules about the source and the circumstances of an attribution.

How much of the subtree the source spans, whether it names anyone (named, anonymous, unnamed
report), when the words were said, and whether the content is negated.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from rashomon.extract.attribution.cues import SourcingLexicon
from rashomon.extract.attribution.found import Range
from rashomon.extract.attribution.spans import char_span_of, subtree_range, trim

__all__ = [
    "clause_root",
    "classify_sourcing",
    "content_is_negated",
    "content_lemmas",
    "find_said_on",
    "source_range",
]

_INDEFINITE = {"a", "an", "one", "another", "some", "several", "two", "three", "many", "few"}
_NEGATORS = {"no", "never", "nobody", "none", "nothing", "neither", "nor", "not", "n't"}
_NAMED_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT"}
_CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
#: Verbs whose subject "it" is a dummy: "it seems that …", "it appeared to be …".
_DUMMY_SUBJECT_VERBS = {"seem", "appear", "be", "look", "sound", "become", "remain"}


def source_range(
    doc: Doc,
    text: str,
    subject: Token,
    *,
    cut_relative: bool = False,
    speaks: Callable[[Token], bool] | None = None,
) -> Range | None:
    """The character range of the source phrase headed by ``subject``.

    The whole noun phrase, with titles, appositions and relative clauses ("Mohammad Khan, a
    militia operative, said"; "lawmakers, who oppose the rule, said"). With ``cut_relative``
    the relative clauses go, for when they hold the content itself ("the man who told
    reporters the plan had failed"). ``speaks`` tells a speech verb: a relative clause set
    off by a comma that says something is an attribution of its own, not the source's name.
    """
    if subject.dep_ == "expl" or (subject.lower_ == "it" and subject.dep_ == "nsubjpass"):
        # "It was reported that …": no one is named.
        return None
    if subject.lower_ == "it" and subject.head.lemma_.lower() in _DUMMY_SUBJECT_VERBS:
        # "It seems that the talks failed", "it was clear that …": "it" stands for no one.
        return None
    relative = [c for c in subject.children if c.dep_ in {"relcl", "acl"} and c.i > subject.i]
    # "Bernie Sanders, celebrating a victory in Vermont, said …": a participle set off by
    # commas says what the speaker was doing, not who speaks (PolNeAR train and dev: left
    # out of the source 14 times in 14; relative clauses and appositions mostly stay).
    doing = [
        c
        for c in relative
        if c.dep_ == "acl" and c.tag_ == "VBG" and doc[c.left_edge.i - 1].text == ","
    ]
    # "Barkley, who said he typically votes Democratic, said …": a relative clause that
    # reports speech is a second attribution (PolNeAR train and dev: out of the source 19
    # times in 20; relative clauses in all, 181 out against 250 in).
    if speaks is not None:
        doing += [
            c
            for c in relative
            if c.dep_ == "relcl" and doc[c.left_edge.i - 1].text == "," and speaks(c)
        ]
    # "The minister on Thursday denied …": the parser hangs the date on the subject; it
    # says when, not who.
    dated = [c for c in subject.children if _is_date_phrase(c) and c.i > subject.i]
    first, last = subtree_range(subject, exclude=dated + (relative if cut_relative else doing))
    first = _after_dateline(doc, first, subject.i)
    if first < subject.i and doc[first].lower_ == "even" and doc[first].dep_ == "advmod":
        # "Even some of his admirers wonder …": "even" weighs the source, it does not name
        # it (PolNeAR train and dev: of the finder's sources that opened with it, the gold
        # source left it out 25 times and kept it 5 times).
        first += 1
    start, end = trim(text, *char_span_of(doc, first, last))
    return (start, end) if end > start else None


#: Marks that set a dateline or a headline off from the sentence: "BRUSSELS - European
#: leaders …", "WASHINGTON -- President Obama …", "The Latest: Trump …".
_DATELINE_MARKS = {"-", "--", "—", "–", ":"}


def _after_dateline(doc: Doc, first: int, head: int) -> int:
    """The first token of a source phrase, past a dateline or headline the parser hung on it.

    "BRUSSELS - European leaders said …": the source is "European leaders". A dash counts
    only with spaces around it, so that "Coca-Cola" keeps its name.
    """
    for i in range(head - 1, first, -1):
        token = doc[i]
        if token.text not in _DATELINE_MARKS:
            continue
        spaced = token.text == ":" or (bool(doc[i - 1].whitespace_) and bool(token.whitespace_))
        # Only a dateline: a place in capitals or an agency in brackets before the mark;
        # "35 state legislatures - only three shy of …" is an aside, not a dateline.
        dateline = token.text == ":" or any(
            t.text == ")" or (t.is_upper and sum(c.isalpha() for c in t.text) >= 2)
            for t in doc[first:i]
        )
        if spaced and dateline:
            return i + 1
    return first


def classify_sourcing(subject: Token | None, sentence_text: str, sourcing: SourcingLexicon) -> str:
    """``named``, ``anonymous`` or ``unnamed_report`` for one attribution."""
    if (
        subject is None
        or subject.dep_ == "expl"
        or subject.lower_ == "it"
        and (subject.dep_ == "nsubjpass")
    ):
        # "It was reported that …", "there are reports that …", "reports that …".
        return "unnamed_report"
    head = subject.lower_
    if head in sourcing.report_heads or subject.lemma_.lower() in sourcing.report_heads:
        # "Reports say …", "media reported …".
        return "unnamed_report"
    sentence = sentence_text.lower()
    if any(phrase in sentence for phrase in sourcing.anonymity):
        # "…, a commander said on condition of anonymity."
        return "anonymous"
    for child in subject.subtree:
        if child.dep_ == "relcl" and any(p in _subtree_text(child) for p in sourcing.anonymity):
            return "anonymous"
    if head in sourcing.anonymous_heads or subject.lemma_.lower() in sourcing.anonymous_heads:
        # "Sources said …", "a source close to the talks said …".
        return "anonymous"
    if subject.pos_ in {"NOUN"}:
        determiners = {c.lower_ for c in subject.children if c.dep_ in {"det", "nummod"}}
        if determiners & _INDEFINITE:
            # "A commander said …": a person the article does not name.
            return "anonymous"
        named_inside = any(
            t.ent_type_ in {"PERSON", "ORG"} for t in subject.subtree if t.i != subject.i
        )
        if subject.tag_ == "NNS" and not determiners and not named_inside:
            # "Officials said …", "U.S. officials said …": people the article does not name.
            return "anonymous"
    return "named"


def _subtree_text(token: Token) -> str:
    first, last = subtree_range(token)
    return token.doc[first : last + 1].text.lower()


def _is_date_phrase(token: Token) -> bool:
    """A prepositional or bare date modifier: "on Thursday", "last week"."""
    if token.dep_ == "prep" and token.lower_ in {"on", "in"}:
        return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in token.children)
    return token.dep_ in {"npadvmod", "tmod"} and token.ent_type_ in {"DATE", "TIME"}


def find_said_on(doc: Doc, cue_token: Token) -> Range | None:
    """The words that say when the cue happened ("on Thursday", "last week"), if any."""
    candidates: list[Token] = []
    holders = [cue_token]
    # "The minister on Thursday denied …": the date hangs on the subject.
    holders += [c for c in cue_token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    children = [child for holder in holders for child in holder.children]
    for child in children:
        if child.dep_ == "prep" and child.lower_ in {"on", "in"}:
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ in {"npadvmod", "tmod", "obl:tmod"}:
            candidates.append(child)
    for candidate in candidates:
        if candidate.ent_type_ != "DATE":
            continue
        entity = next((e for e in doc.ents if e.start <= candidate.i < e.end), None)
        if entity is not None:
            return entity.start_char, entity.end_char
    return None


def content_is_negated(doc: Doc, content: list[Range]) -> bool:
    """Whether the content's main clause is negated ("no militant has left the country")."""
    for start, end in content[:1]:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        root = clause_root(span)
        near = [root, *root.children]
        for token in list(near):
            if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                near.extend(token.children)
        if any(t.lower_ in _NEGATORS and t.i >= span.start for t in near):
            return True
    return False


def clause_root(span: Span) -> Token:
    """The head of a span, ignoring punctuation that the parser hung outside it.

    ``Span.root`` picks a closing quote mark when the parser attached it to the cue verb.
    """
    best: Token | None = None
    for token in span:
        if token.is_punct or token.is_space:
            continue
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            if best is None or len(list(token.subtree)) > len(list(best.subtree)):
                best = token
    return best if best is not None else span.root


def content_lemmas(doc: Doc, content: list[Range]) -> tuple[list[str], list[str]]:
    """The content words of the content (lower-cased lemmas), and those that are names.

    Claims are grouped on these; names weigh more than other words.
    """
    lemmas: list[str] = []
    names: list[str] = []
    for start, end in content:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            if token.pos_ in _CONTENT_POS and not token.is_stop and token.is_alpha:
                lemma = token.lemma_.lower()
                lemmas.append(lemma)
                if token.pos_ == "PROPN" or token.ent_type_ in _NAMED_ENTITIES:
                    names.append(lemma)
    return lemmas, names
