"""The cue lexicon: which words introduce an attribution, and what they allow.

The data is ``lexicons/cues.tsv``; this module gives it a typed face and answers the one
question the finder asks of a token: is this a cue, and of what kind?
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Token

from rashomon.lexicons import lexicons, load_table

__all__ = ["WORD_CLASSES", "Cue", "CueLexicon", "SourcingLexicon"]

_CUE_COLUMNS = ("lemma", "pos", "class", "polarity", "complement")
#: The word classes of ``cues.tsv`` (its ``pos`` column) that are no cues themselves but
#: frames the rules treat apart; each is a set attribute of ``CueLexicon``.
WORD_CLASSES = ("listener", "question", "raising", "anaphoric", "saying", "poll")
#: What may stand between a chain verb and its infinitive: "continued to", "went on to".
_CHAIN_GAP = {"aux", "prt", "advmod", "neg"}


@dataclass(frozen=True)
class Cue:
    """One entry of the cue lexicon."""

    lemma: str
    pos: str
    cue_class: str
    polarity: str
    takes_object: bool
    takes_infinitive: bool
    #: Whether a plain object stands for the words said when no clause does ("said the
    #: same of Sanders"); an ``object`` verb takes objects in more shapes than that.
    takes_words: bool = False
    #: Whether an object with what holds of it is the content ("polls show Clinton with a
    #: lead", "emails showed staff favoring Clinton").
    takes_state: bool = False

    @property
    def is_denial(self) -> bool:
        return self.polarity == "deny"


class CueLexicon:
    """Cue verbs, nouns and phrases, looked up by lemma (and particle, for "point out")."""

    def __init__(self, rows: Iterable[Mapping[str, str]]) -> None:
        self.verbs: dict[str, Cue] = {}
        self.nouns: dict[str, Cue] = {}
        self.phrases: dict[str, Cue] = {}
        #: Verbs that make one cue with the to-infinitive after them ("continued to defend").
        self.chains: set[str] = set()
        #: Set phrases in which a cue word reports no one ("That said, …"), as word tuples.
        self.idioms: list[tuple[str, ...]] = []
        #: Every word of an idiom, so that most tokens are ruled out by one look-up.
        self._idiom_words: set[str] = set()
        #: Verbs whose object is the listener, not the content ("told reporters that …").
        self.listener_verbs: set[str] = set()
        #: Verbs whose "if" clause is a question put, not a condition ("asked them if …").
        self.question_verbs: set[str] = set()
        #: Verbs whose subject belongs to the content ("The senator seemed to dismiss it").
        self.raising_verbs: set[str] = set()
        #: Nouns that, with a definite determiner, point back to earlier reporting
        #: ("repudiated the reports").
        self.anaphoric_nouns: set[str] = set()
        #: Participles by which a report noun says what it says ("a statement saying …").
        self.saying_participles: set[str] = set()
        #: Nouns for findings that speak for the clause they open ("In a new poll, …").
        self.poll_nouns: set[str] = set()
        sets = (
            self.listener_verbs,
            self.question_verbs,
            self.raising_verbs,
            self.anaphoric_nouns,
            self.saying_participles,
            self.poll_nouns,
        )
        classes = dict(zip(WORD_CLASSES, sets, strict=True))
        for row in rows:
            if row["pos"] in classes:
                classes[row["pos"]].add(row["lemma"])
                continue
            if row["pos"] == "chain":
                self.chains.add(row["lemma"])
                continue
            if row["pos"] == "idiom":
                self.idioms.append(tuple(row["lemma"].lower().split()))
                self._idiom_words.update(self.idioms[-1])
                continue
            complement = set((row["complement"] or "").split("+"))
            cue = Cue(
                lemma=row["lemma"],
                pos=row["pos"],
                cue_class=row["class"],
                polarity=row["polarity"],
                takes_object="object" in complement,
                takes_infinitive="infinitive" in complement,
                takes_words="words" in complement,
                takes_state="state" in complement,
            )
            table = {"verb": self.verbs, "noun": self.nouns, "phrase": self.phrases}[row["pos"]]
            table[cue.lemma] = cue

    @classmethod
    @functools.cache
    def default(cls) -> CueLexicon:
        """The built-in lexicon (``rashomon.cues.v1``)."""
        return cls(load_cues_v1())

    def verb_cue(self, token: Token) -> Cue | None:
        """The cue entry for a verb token, taking its particle into account."""
        if token.pos_ not in {"VERB", "AUX"} and not token.tag_.startswith("VB"):
            return None
        lemma = token.lemma_.lower()
        for child in token.children:
            if child.dep_ == "prt":
                phrasal = self.verbs.get(f"{lemma} {child.lower_}")
                if phrasal is not None:
                    return phrasal
        return self.verbs.get(lemma)

    def in_idiom(self, token: Token) -> bool:
        """Whether the token is a word of a set phrase that reports no one's words.

        "That said, the plan may work" — "said" has a subject, "That", and no speaker.
        """
        lower = token.lower_
        if lower not in self._idiom_words:
            return False
        doc = token.doc
        for words in self.idioms:
            for k, word in enumerate(words):
                start = token.i - k
                if word != lower or start < 0 or start + len(words) > len(doc):
                    continue
                if all(doc[start + j].lower_ == w for j, w in enumerate(words)):
                    return True
        return False

    def noun_cue(self, token: Token) -> Cue | None:
        """The cue entry for a noun token ("reports that …", "his claim that …")."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        return self.nouns.get(token.lemma_.lower())

    def chained(self, verb: Token) -> Token | None:
        """The chain verb a to-infinitive makes one cue with, if any.

        "She continued to defend the plan" — PolNeAR marks "continued to defend" as the cue
        (train: "try" 41 times in 44, "continue" 34 in 34), not "continued" with the
        infinitive as its content.
        """
        head = verb.head
        if verb.dep_ != "xcomp" or head.i >= verb.i or head.lemma_.lower() not in self.chains:
            return None
        between = verb.doc[head.i + 1 : verb.i]
        if not any(t.lower_ == "to" and t.head.i == verb.i for t in between):
            return None
        if not all(t.head.i in {verb.i, head.i} and t.dep_ in _CHAIN_GAP for t in between):
            return None
        return head


def load_cues_v1() -> tuple[dict[str, str], ...]:
    """Rows of the built-in cue lexicon."""
    return load_table("cues.tsv", _CUE_COLUMNS)


lexicons.register("rashomon.cues.v1", func=load_cues_v1)


class SourcingLexicon:
    """Words that say how a source is identified: anonymity phrases, report nouns, pronouns,
    and the verbs by which a source issues a report noun."""

    def __init__(self, rows: Iterable[Mapping[str, str]]) -> None:
        self.anonymity: list[str] = []
        self.anonymous_heads: set[str] = set()
        self.report_heads: set[str] = set()
        self.pronouns: set[str] = set()
        self.line_labels: set[str] = set()
        self.issuing_verbs: set[str] = set()
        for row in rows:
            pattern, kind = row["pattern"].lower(), row["kind"]
            if kind == "anonymity":
                self.anonymity.append(pattern)
            elif kind == "anonymous_head":
                self.anonymous_heads.add(pattern)
            elif kind == "report_head":
                self.report_heads.add(pattern)
            elif kind == "pronoun":
                self.pronouns.add(pattern)
            elif kind == "line_label":
                self.line_labels.add(pattern)
            elif kind == "issuing_verb":
                self.issuing_verbs.add(pattern)

    @classmethod
    @functools.cache
    def default(cls) -> SourcingLexicon:
        """The built-in lexicon (``rashomon.sourcing.v1``)."""
        return cls(load_sourcing_v1())


def load_sourcing_v1() -> tuple[dict[str, str], ...]:
    """Rows of the built-in sourcing lexicon."""
    return load_table("sourcing.tsv", ("pattern", "kind"))


lexicons.register("rashomon.sourcing.v1", func=load_sourcing_v1)
