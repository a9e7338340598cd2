"""Frames the small parser gets wrong, on parses written out as the model gives them.

Each parse below is the shape ``en_core_web_sm`` gave for a sentence of this kind; writing it
out keeps the test about the rule, whatever a later model makes of the words.
"""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from rashomon.extract.attribution.cues import CueLexicon, SourcingLexicon
from rashomon.extract.attribution.finder import find_attributions
from rashomon.extract.attribution.found import FoundAttribution

#: One row per token: word, head index, dependency, part of speech, tag, lemma.
Row = tuple[str, int, str, str, str, str]


def _doc(rows: list[Row]) -> Doc:
    words = [row[0] for row in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", ".", ":"} for i in range(len(words))]
    return Doc(
        English().vocab,
        words=words,
        spaces=spaces,
        heads=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        tags=[row[4] for row in rows],
        lemmas=[row[5] for row in rows],
    )


def _find(rows: list[Row], cue: str, lexicon: CueLexicon | None = None) -> list[FoundAttribution]:
    doc = _doc(rows)
    found = find_attributions(doc, lexicon or CueLexicon.default(), SourcingLexicon.default())
    return [a for a in found if doc.text[a.cue[0] : a.cue[1]].split()[-1] == cue]


def _texts(doc_rows: list[Row], attribution: FoundAttribution) -> tuple[str | None, list[str]]:
    text = _doc(doc_rows).text
    source = text[attribution.source[0] : attribution.source[1]] if attribution.source else None
    return source, [text[start:end] for start, end in attribution.content]


# "The port is reopening, but it is short of pilots, said the harbour master." — the
# parser makes "said" a conjunct of "reopening", with its subject after it.
_INVERTED_CONJUNCT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("port", 3, "nsubj", "NOUN", "NN", "port"),
    ("is", 3, "aux", "AUX", "VBZ", "be"),
    ("reopening", 3, "ROOT", "VERB", "VBG", "reopen"),
    (",", 3, "punct", "PUNCT", ",", ","),
    ("but", 3, "cc", "CCONJ", "CC", "but"),
    ("it", 7, "nsubj", "PRON", "PRP", "it"),
    ("is", 3, "conj", "AUX", "VBZ", "be"),
    ("short", 7, "acomp", "ADJ", "JJ", "short"),
    ("of", 8, "prep", "ADP", "IN", "of"),
    ("pilots", 9, "pobj", "NOUN", "NNS", "pilot"),
    (",", 7, "punct", "PUNCT", ",", ","),
    ("said", 7, "conj", "VERB", "VBD", "say"),
    ("the", 15, "det", "DET", "DT", "the"),
    ("harbour", 15, "compound", "NOUN", "NN", "harbour"),
    ("master", 12, "nsubj", "NOUN", "NN", "master"),
    (".", 12, "punct", "PUNCT", ".", "."),
]

# "As the ferry left, a deckhand was injured by a crate, police said." — the parser hangs
# the clause before the comma on "said" as an adverbial clause instead of its complement.
_FRONTED_ADVERBIAL: list[Row] = [
    ("As", 3, "mark", "SCONJ", "IN", "as"),
    ("the", 2, "det", "DET", "DT", "the"),
    ("ferry", 3, "nsubj", "NOUN", "NN", "ferry"),
    ("left", 14, "advcl", "VERB", "VBD", "leave"),
    (",", 3, "punct", "PUNCT", ",", ","),
    ("a", 6, "det", "DET", "DT", "a"),
    ("deckhand", 8, "nsubjpass", "NOUN", "NN", "deckhand"),
    ("was", 8, "auxpass", "AUX", "VBD", "be"),
    ("injured", 3, "advcl", "VERB", "VBN", "injure"),
    ("by", 8, "agent", "ADP", "IN", "by"),
    ("a", 11, "det", "DET", "DT", "a"),
    ("crate", 9, "pobj", "NOUN", "NN", "crate"),
    (",", 14, "punct", "PUNCT", ",", ","),
    ("police", 14, "nsubj", "NOUN", "NNS", "police"),
    ("said", 14, "ROOT", "VERB", "VBD", "say"),
    (".", 14, "punct", "PUNCT", ".", "."),
]

# "Courted by donors, the banker said." — a participle before the comma is no clause said.
_PARTICIPLE: list[Row] = [
    ("Courted", 6, "advcl", "VERB", "VBN", "court"),
    ("by", 0, "agent", "ADP", "IN", "by"),
    ("donors", 1, "pobj", "NOUN", "NNS", "donor"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ("the", 5, "det", "DET", "DT", "the"),
    ("banker", 6, "nsubj", "NOUN", "NN", "banker"),
    ("said", 6, "ROOT", "VERB", "VBD", "say"),
    (".", 6, "punct", "PUNCT", ".", "."),
]

# "It would take weeks to repair the dam, he said, and the valley could flood." — the
# parenthetical "said" governs the first clause as its complement and hangs on the second.
_PARENTHETICAL_WITH_COMPLEMENT: list[Row] = [
    ("It", 2, "nsubj", "PRON", "PRP", "it"),
    ("would", 2, "aux", "AUX", "MD", "would"),
    ("take", 10, "ccomp", "VERB", "VB", "take"),
    ("weeks", 2, "dobj", "NOUN", "NNS", "week"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("repair", 2, "xcomp", "VERB", "VB", "repair"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("dam", 5, "dobj", "NOUN", "NN", "dam"),
    (",", 10, "punct", "PUNCT", ",", ","),
    ("he", 10, "nsubj", "PRON", "PRP", "he"),
    ("said", 17, "parataxis", "VERB", "VBD", "say"),
    (",", 10, "punct", "PUNCT", ",", ","),
    ("and", 10, "cc", "CCONJ", "CC", "and"),
    ("the", 14, "det", "DET", "DT", "the"),
    ("valley", 17, "nsubj", "NOUN", "NN", "valley"),
    ("could", 17, "aux", "AUX", "MD", "could"),
    ("soon", 17, "advmod", "ADV", "RB", "soon"),
    ("flood", 17, "ROOT", "VERB", "VB", "flood"),
    (".", 17, "punct", "PUNCT", ".", "."),
]


def test_misparses_speech_verb_closing_its_sentence_as_a_conjunct() -> None:
    found = _find(_INVERTED_CONJUNCT, "said")
    assert len(found) == 1
    assert _texts(_INVERTED_CONJUNCT, found[0]) == (
        "the harbour master",
        ["The port is reopening, but it is short of pilots"],
    )


def test_misparses_speech_verb_closing_its_sentence_over_an_adverbial_clause() -> None:
    found = _find(_FRONTED_ADVERBIAL, "said")
    assert len(found) == 1
    assert _texts(_FRONTED_ADVERBIAL, found[0]) == (
        "police",
        ["As the ferry left, a deckhand was injured by a crate"],
    )


def test_misparses_a_participle_before_the_frame_is_not_what_was_said() -> None:
    assert _find(_PARTICIPLE, "said") == []


def test_misparses_parenthetical_frame_keeps_the_complement_it_governs() -> None:
    found = _find(_PARENTHETICAL_WITH_COMPLEMENT, "said")
    assert len(found) == 1
    source, content = _texts(_PARENTHETICAL_WITH_COMPLEMENT, found[0])
    assert source == "he"
    assert content[0] == "It would take weeks to repair the dam"


# "The union called for the city to reopen the clinic." — "for" is parsed as the marker of
# an infinitive clause with its own subject, not as a preposition.
_FOR_TO: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("union", 2, "nsubj", "NOUN", "NN", "union"),
    ("called", 2, "ROOT", "VERB", "VBD", "call"),
    ("for", 7, "mark", "SCONJ", "IN", "for"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("city", 7, "nsubj", "NOUN", "NN", "city"),
    ("to", 7, "aux", "PART", "TO", "to"),
    ("reopen", 2, "advcl", "VERB", "VB", "reopen"),
    ("the", 9, "det", "DET", "DT", "the"),
    ("clinic", 7, "dobj", "NOUN", "NN", "clinic"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_misparses_for_to_clause_is_what_was_called_for() -> None:
    lexicon = CueLexicon(
        [{"lemma": "call", "pos": "verb", "class": "stance", "polarity": "assert",
          "complement": "object"}]
    )  # fmt: skip
    doc = _doc(_FOR_TO)
    found = find_attributions(doc, lexicon, SourcingLexicon.default())
    assert len(found) == 1
    text = doc.text
    assert text[found[0].cue[0] : found[0].cue[1]] == "called for"
    assert [text[s:e] for s, e in found[0].content] == ["the city to reopen the clinic"]
    assert found[0].source is not None
    assert text[found[0].source[0] : found[0].source[1]] == "The union"


# "The ministry said in a statement that the troops had left." — the parser hangs the
# clause on "statement" instead of "said".
_IN_A_STATEMENT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("ministry", 2, "nsubj", "NOUN", "NN", "ministry"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("in", 2, "prep", "ADP", "IN", "in"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("statement", 3, "pobj", "NOUN", "NN", "statement"),
    ("that", 10, "mark", "SCONJ", "IN", "that"),
    ("the", 8, "det", "DET", "DT", "the"),
    ("troops", 10, "nsubj", "NOUN", "NNS", "troop"),
    ("had", 10, "aux", "AUX", "VBD", "have"),
    ("left", 5, "acl", "VERB", "VBN", "leave"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "The mayor said at a rally in Dayton that the plant would stay open." — the clause
# hangs on the last noun of the adjunct.
_AT_A_RALLY_IN: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("at", 2, "prep", "ADP", "IN", "at"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("rally", 3, "pobj", "NOUN", "NN", "rally"),
    ("in", 5, "prep", "ADP", "IN", "in"),
    ("Dayton", 6, "pobj", "PROPN", "NNP", "Dayton"),
    ("that", 12, "mark", "SCONJ", "IN", "that"),
    ("the", 10, "det", "DET", "DT", "the"),
    ("plant", 12, "nsubj", "NOUN", "NN", "plant"),
    ("would", 12, "aux", "AUX", "MD", "would"),
    ("stay", 7, "relcl", "VERB", "VB", "stay"),
    ("open", 12, "acomp", "ADJ", "JJ", "open"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "The senator commented on reports that the plant would close." — after "on" a cue noun
# is what the comment was about, and the reports keep their own attribution.
_ON_REPORTS: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("senator", 2, "nsubj", "NOUN", "NN", "senator"),
    ("commented", 2, "ROOT", "VERB", "VBD", "comment"),
    ("on", 2, "prep", "ADP", "IN", "on"),
    ("reports", 3, "pobj", "NOUN", "NNS", "report"),
    ("that", 9, "mark", "SCONJ", "IN", "that"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("plant", 9, "nsubj", "NOUN", "NN", "plant"),
    ("would", 9, "aux", "AUX", "MD", "would"),
    ("close", 4, "acl", "VERB", "VB", "close"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "The mayor spoke at a rally that drew thousands." — a relative clause: its "that" is its
# subject, and nothing was said.
_RELATIVE_THAT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
    ("spoke", 2, "ROOT", "VERB", "VBD", "speak"),
    ("at", 2, "prep", "ADP", "IN", "at"),
    ("a", 5, "det", "DET", "DT", "a"),
    ("rally", 3, "pobj", "NOUN", "NN", "rally"),
    ("that", 7, "nsubj", "PRON", "WDT", "that"),
    ("drew", 5, "relcl", "VERB", "VBD", "draw"),
    ("thousands", 7, "dobj", "NOUN", "NNS", "thousand"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def _all(rows: list[Row]) -> list[tuple[str, str | None, list[str]]]:
    doc = _doc(rows)
    found = find_attributions(doc, CueLexicon.default(), SourcingLexicon.default())
    text = doc.text
    return [(text[a.cue[0] : a.cue[1]], _texts(rows, a)[0], _texts(rows, a)[1]) for a in found]


def test_misparses_that_clause_on_the_noun_of_an_adjunct_is_the_verbs_content() -> None:
    # One attribution, the verb's: not a sourceless one on "statement" as well.
    assert _all(_IN_A_STATEMENT) == [("said", "The ministry", ["that the troops had left"])]


def test_misparses_that_clause_on_a_nested_adjunct_noun_is_the_verbs_content() -> None:
    assert _all(_AT_A_RALLY_IN) == [("said", "The mayor", ["that the plant would stay open"])]


def test_misparses_cue_noun_after_on_keeps_its_own_attribution() -> None:
    found = _all(_ON_REPORTS)
    assert ("reports", None, ["that the plant would close"]) in found
    assert all(
        content != ["that the plant would close"] for cue, _, content in found if cue != "reports"
    )


def test_misparses_relative_that_clause_is_not_what_was_said() -> None:
    assert _all(_RELATIVE_THAT) == []


# "The host asked the workers if they planned to vote." — the parser reads the question as
# a condition on "asked".
_ASKED_IF: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("host", 2, "nsubj", "NOUN", "NN", "host"),
    ("asked", 2, "ROOT", "VERB", "VBD", "ask"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("workers", 2, "dobj", "NOUN", "NNS", "worker"),
    ("if", 7, "mark", "SCONJ", "IN", "if"),
    ("they", 7, "nsubj", "PRON", "PRP", "they"),
    ("planned", 2, "advcl", "VERB", "VBD", "plan"),
    ("to", 9, "aux", "PART", "TO", "to"),
    ("vote", 7, "xcomp", "VERB", "VB", "vote"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "The host said nothing if they planned to vote." — after "say" an "if" clause is a
# condition.
_LEFT_IF: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("host", 2, "nsubj", "NOUN", "NN", "host"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("nothing", 2, "dobj", "PRON", "NN", "nothing"),
    ("if", 6, "mark", "SCONJ", "IN", "if"),
    ("they", 6, "nsubj", "PRON", "PRP", "they"),
    ("planned", 2, "advcl", "VERB", "VBD", "plan"),
    ("to", 8, "aux", "PART", "TO", "to"),
    ("vote", 6, "xcomp", "VERB", "VB", "vote"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_misparses_if_clause_after_a_verb_of_asking_is_the_question() -> None:
    # ("planned" is an attribution of its own, nested in the question.)
    assert ("asked", "The host", ["if they planned to vote"]) in _all(_ASKED_IF)


def test_misparses_if_clause_after_another_speech_verb_is_a_condition() -> None:
    # "The host said nothing if they planned to vote." — not a question put.
    assert all(content != ["if they planned to vote"] for _, _, content in _all(_LEFT_IF))


# "The sisters said that their father was stern, and that Freddy had struggled." — the
# parser makes the second "that" clause a conjunct of "said".
_SECOND_THAT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("sisters", 2, "nsubj", "NOUN", "NNS", "sister"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("that", 6, "mark", "SCONJ", "IN", "that"),
    ("their", 5, "poss", "PRON", "PRP$", "their"),
    ("father", 6, "nsubj", "NOUN", "NN", "father"),
    ("was", 2, "ccomp", "AUX", "VBD", "be"),
    ("stern", 6, "acomp", "ADJ", "JJ", "stern"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("that", 13, "mark", "SCONJ", "IN", "that"),
    ("Freddy", 13, "nsubj", "PROPN", "NNP", "Freddy"),
    ("had", 13, "aux", "AUX", "VBD", "have"),
    ("struggled", 2, "conj", "VERB", "VBN", "struggle"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "The mayor said that the plan would work, and he left early." — a conjunct without
# "that" is the writer's next statement, not more of what was said.
_NEXT_ACT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("that", 7, "mark", "SCONJ", "IN", "that"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("plan", 7, "nsubj", "NOUN", "NN", "plan"),
    ("would", 7, "aux", "AUX", "MD", "would"),
    ("work", 2, "ccomp", "VERB", "VB", "work"),
    (",", 2, "punct", "PUNCT", ",", ","),
    ("and", 2, "cc", "CCONJ", "CC", "and"),
    ("he", 11, "nsubj", "PRON", "PRP", "he"),
    ("left", 2, "conj", "VERB", "VBD", "leave"),
    ("early", 11, "advmod", "ADV", "RB", "early"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_misparses_second_that_clause_conjoined_to_the_verb_is_said_too() -> None:
    assert _all(_SECOND_THAT) == [
        ("said", "The sisters", ["that their father was stern, and that Freddy had struggled"])
    ]


def test_misparses_conjunct_without_that_is_not_said() -> None:
    assert _all(_NEXT_ACT) == [("said", "The mayor", ["that the plan would work"])]


# "The mayor said the bridge was closed by the police and said it would reopen." — the
# parser makes the second "said" a conjunct of "closed", inside the first content.
_SECOND_ACT_IN_CONTENT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("the", 4, "det", "DET", "DT", "the"),
    ("bridge", 6, "nsubjpass", "NOUN", "NN", "bridge"),
    ("was", 6, "auxpass", "AUX", "VBD", "be"),
    ("closed", 2, "ccomp", "VERB", "VBN", "close"),
    ("by", 6, "agent", "ADP", "IN", "by"),
    ("the", 9, "det", "DET", "DT", "the"),
    ("police", 7, "pobj", "NOUN", "NN", "police"),
    ("and", 6, "cc", "CCONJ", "CC", "and"),
    ("said", 6, "conj", "VERB", "VBD", "say"),
    ("it", 14, "nsubj", "PRON", "PRP", "it"),
    ("would", 14, "aux", "AUX", "MD", "would"),
    ("reopen", 11, "ccomp", "VERB", "VB", "reopen"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "Carson said he saw no need to change, telling reporters that the campaign was sound."
# — the parser hangs "telling" on "saw".
_PARTICIPLE_IN_CONTENT: list[Row] = [
    ("Carson", 1, "nsubj", "PROPN", "NNP", "Carson"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("he", 3, "nsubj", "PRON", "PRP", "he"),
    ("saw", 1, "ccomp", "VERB", "VBD", "see"),
    ("no", 5, "det", "DET", "DT", "no"),
    ("need", 3, "dobj", "NOUN", "NN", "need"),
    ("to", 7, "aux", "PART", "TO", "to"),
    ("change", 5, "acl", "VERB", "VB", "change"),
    (",", 3, "punct", "PUNCT", ",", ","),
    ("telling", 3, "advcl", "VERB", "VBG", "tell"),
    ("reporters", 9, "dobj", "NOUN", "NNS", "reporter"),
    ("that", 14, "mark", "SCONJ", "IN", "that"),
    ("the", 13, "det", "DET", "DT", "the"),
    ("campaign", 14, "nsubj", "NOUN", "NN", "campaign"),
    ("was", 9, "ccomp", "AUX", "VBD", "be"),
    ("sound", 14, "acomp", "ADJ", "JJ", "sound"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_misparses_second_act_hung_inside_the_content_is_the_first_speakers() -> None:
    assert _all(_SECOND_ACT_IN_CONTENT) == [
        ("said", "The mayor", ["the bridge was closed by the police"]),
        ("said", "The mayor", ["it would reopen"]),
    ]


def test_misparses_participle_hung_inside_the_content_continues_the_first_act() -> None:
    doc = _doc(_PARTICIPLE_IN_CONTENT)
    found = find_attributions(doc, CueLexicon.default(), SourcingLexicon.default())
    assert _all(_PARTICIPLE_IN_CONTENT) == [
        ("said", "Carson", ["he saw no need to change"]),
        ("telling", "Carson", ["that the campaign was sound"]),
    ]
    assert found[1].parent == 0


# '"I am tired," said Robin Maynard, half joking.' — the parser makes the speaker the
# subject of "joking", a clause it hangs on "said".
_SPEAKER_OF_A_HUNG_CLAUSE: list[Row] = [
    ('"', 2, "punct", "PUNCT", "``", '"'),
    ("I", 2, "nsubj", "PRON", "PRP", "I"),
    ("am", 6, "ccomp", "AUX", "VBP", "be"),
    ("tired", 2, "acomp", "ADJ", "JJ", "tired"),
    (",", 6, "punct", "PUNCT", ",", ","),
    ('"', 6, "punct", "PUNCT", "''", '"'),
    ("said", 6, "ROOT", "VERB", "VBD", "say"),
    ("Robin", 8, "compound", "PROPN", "NNP", "Robin"),
    ("Maynard", 11, "nsubj", "PROPN", "NNP", "Maynard"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("half", 11, "advmod", "ADV", "RB", "half"),
    ("joking", 6, "ccomp", "VERB", "VBG", "joke"),
    (".", 6, "punct", "PUNCT", ".", "."),
]


def test_misparses_speaker_after_the_verb_as_subject_of_a_hung_clause() -> None:
    found = _all(_SPEAKER_OF_A_HUNG_CLAUSE)
    assert len(found) == 1
    assert found[0][:2] == ("said", "Robin Maynard")
    assert "I am tired" in found[0][2][0]


# "Investigators said that attempts to breach the network were made by hackers." — the
# parser makes "were made by hackers" a second complement of "said", after the first.
_SPLIT_PREDICATE: list[Row] = [
    ("Investigators", 1, "nsubj", "NOUN", "NNS", "investigator"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("that", 3, "mark", "SCONJ", "IN", "that"),
    ("attempts", 1, "ccomp", "NOUN", "NNS", "attempt"),
    ("to", 5, "aux", "PART", "TO", "to"),
    ("breach", 3, "xcomp", "VERB", "VB", "breach"),
    ("the", 7, "det", "DET", "DT", "the"),
    ("network", 5, "dobj", "NOUN", "NN", "network"),
    ("were", 9, "auxpass", "AUX", "VBD", "be"),
    ("made", 1, "ccomp", "VERB", "VBN", "make"),
    ("by", 9, "agent", "ADP", "IN", "by"),
    ("hackers", 10, "pobj", "NOUN", "NNS", "hacker"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_misparses_predicate_split_off_as_a_second_complement_is_said_too() -> None:
    assert _all(_SPLIT_PREDICATE) == [
        ("said", "Investigators", ["that attempts to breach the network were made by hackers"])
    ]


# The same words with a subject in the second complement: "Investigators said that
# attempts were made, hackers struck the network." — two clauses, the first is said.
_TWO_CLAUSES: list[Row] = [
    ("Investigators", 1, "nsubj", "NOUN", "NNS", "investigator"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("that", 5, "mark", "SCONJ", "IN", "that"),
    ("attempts", 5, "nsubjpass", "NOUN", "NNS", "attempt"),
    ("were", 5, "auxpass", "AUX", "VBD", "be"),
    ("made", 1, "ccomp", "VERB", "VBN", "make"),
    ("hackers", 7, "nsubj", "NOUN", "NNS", "hacker"),
    ("struck", 1, "ccomp", "VERB", "VBD", "strike"),
    ("the", 9, "det", "DET", "DT", "the"),
    ("network", 7, "dobj", "NOUN", "NN", "network"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_misparses_second_complement_with_a_subject_of_its_own_stays_out() -> None:
    assert _all(_TWO_CLAUSES) == [("said", "Investigators", ["that attempts were made"])]


# "She said she felt the 13th Amendment was worth a film." — the parser ends a sentence
# after "13th" and starts another at "Amendment".
_BROKEN_SENTENCE: list[Row] = [
    ("She", 1, "nsubj", "PRON", "PRP", "she"),
    ("said", 1, "ROOT", "VERB", "VBD", "say"),
    ("she", 3, "nsubj", "PRON", "PRP", "she"),
    ("felt", 1, "ccomp", "VERB", "VBD", "feel"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("13th", 3, "npadvmod", "ADJ", "JJ", "13th"),
    ("Amendment", 7, "nsubj", "PROPN", "NNP", "Amendment"),
    ("was", 7, "ROOT", "AUX", "VBD", "be"),
    ("worth", 7, "acomp", "ADJ", "JJ", "worth"),
    ("a", 10, "det", "DET", "DT", "a"),
    ("film", 8, "npadvmod", "NOUN", "NN", "film"),
    (".", 7, "punct", "PUNCT", ".", "."),
]


def test_misparses_sentence_broken_inside_a_clause_is_mended() -> None:
    assert _all(_BROKEN_SENTENCE) == [
        ("said", "She", ["she felt the 13th Amendment was worth a film"])
    ]


def test_misparses_sentence_ending_on_a_period_is_not_mended() -> None:
    rows = list(_BROKEN_SENTENCE)
    rows.insert(6, (".", 1, "punct", "PUNCT", ".", "."))
    rows = [
        (word, head + 1 if head >= 6 and number > 6 else head, dep, pos, tag, lemma)
        for number, (word, head, dep, pos, tag, lemma) in enumerate(rows)
    ]
    assert _all(rows) == [("said", "She", ["she felt the 13th"])]


# "After the senator quit the race, Cruz said he was sorry." — the parser hangs the fronted
# adjunct on "said" as a clause, beside the clause after the verb.
_FRONTED_ADJUNCT_AS_CLAUSE: list[Row] = [
    ("After", 3, "mark", "SCONJ", "IN", "after"),
    ("the", 2, "det", "DET", "DT", "the"),
    ("senator", 3, "nsubj", "NOUN", "NN", "senator"),
    ("quit", 8, "ccomp", "VERB", "VBD", "quit"),
    ("the", 5, "det", "DET", "DT", "the"),
    ("race", 3, "dobj", "NOUN", "NN", "race"),
    (",", 8, "punct", "PUNCT", ",", ","),
    ("Cruz", 8, "nsubj", "PROPN", "NNP", "Cruz"),
    ("said", 8, "ROOT", "VERB", "VBD", "say"),
    ("he", 10, "nsubj", "PRON", "PRP", "he"),
    ("was", 8, "ccomp", "AUX", "VBD", "be"),
    ("sorry", 10, "acomp", "ADJ", "JJ", "sorry"),
    (".", 8, "punct", "PUNCT", ".", "."),
]


def test_misparses_clause_after_the_frame_wins_over_a_fronted_adjunct() -> None:
    assert _all(_FRONTED_ADJUNCT_AS_CLAUSE) == [("said", "Cruz", ["he was sorry"])]


def test_misparses_quotation_before_the_frame_wins_over_a_clause_after_it() -> None:
    # "“It is a mess,” Cruz said, he was sorry." — what is quoted before the frame is said.
    rows: list[Row] = [
        ("“", 2, "punct", "PUNCT", "``", "“"),
        ("It", 2, "nsubj", "PRON", "PRP", "it"),
        ("is", 7, "ccomp", "AUX", "VBZ", "be"),
        ("mess", 2, "attr", "NOUN", "NN", "mess"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ("”", 7, "punct", "PUNCT", "''", "”"),
        ("Cruz", 7, "nsubj", "PROPN", "NNP", "Cruz"),
        ("said", 7, "ROOT", "VERB", "VBD", "say"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ("he", 10, "nsubj", "PRON", "PRP", "he"),
        ("was", 7, "ccomp", "AUX", "VBD", "be"),
        ("sorry", 10, "acomp", "ADJ", "JJ", "sorry"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    found = _all(rows)
    assert [(cue, source) for cue, source, _ in found] == [("said", "Cruz")]
    assert "It is mess" in found[0][2][0]


def test_misparses_no_break_space_after_the_verb_is_no_content() -> None:
    # "Officials confirmed\u00a0high lead levels." — the no-break space is a token of its own,
    # which the parser hangs on the verb as "dep".
    rows: list[Row] = [
        ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
        ("confirmed", 1, "ROOT", "VERB", "VBD", "confirm"),
        ("\u00a0", 1, "dep", "SPACE", "_SP", "\u00a0"),
        ("high", 5, "amod", "ADJ", "JJ", "high"),
        ("lead", 5, "compound", "NOUN", "NN", "lead"),
        ("levels", 1, "dobj", "NOUN", "NNS", "level"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("confirmed", "Officials", ["high lead levels"])]


def test_misparses_one_asked_if_is_not_what_was_asked() -> None:
    # "The actress was asked if she had been harassed." — the parser hangs the question on
    # the passive verb as an adverbial clause; its subject is the one asked.
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("actress", 3, "nsubjpass", "NOUN", "NN", "actress"),
        ("was", 3, "auxpass", "AUX", "VBD", "be"),
        ("asked", 3, "ROOT", "VERB", "VBN", "ask"),
        ("if", 8, "mark", "SCONJ", "IN", "if"),
        ("she", 8, "nsubjpass", "PRON", "PRP", "she"),
        ("had", 8, "aux", "AUX", "VBD", "have"),
        ("been", 8, "auxpass", "AUX", "VBN", "be"),
        ("harassed", 3, "advcl", "VERB", "VBN", "harass"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("was asked", None, ["if she had been harassed"])]


# "The candidate said families of victims file lawsuits." — the parser makes "families"
# the object of "said" and hangs the rest on it.
_CLAUSE_AS_OBJECT: list[Row] = [
    ("The", 1, "det", "DET", "DT", "the"),
    ("candidate", 2, "nsubj", "NOUN", "NN", "candidate"),
    ("said", 2, "ROOT", "VERB", "VBD", "say"),
    ("families", 2, "dobj", "NOUN", "NNS", "family"),
    ("of", 3, "prep", "ADP", "IN", "of"),
    ("victims", 4, "pobj", "NOUN", "NNS", "victim"),
    ("file", 7, "compound", "NOUN", "NN", "file"),
    ("lawsuits", 5, "appos", "NOUN", "NNS", "lawsuit"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_misparses_clause_read_as_the_object_of_a_speech_verb_is_said() -> None:
    assert _all(_CLAUSE_AS_OBJECT) == [
        ("said", "The candidate", ["families of victims file lawsuits"])
    ]


def test_misparses_object_of_say_is_the_words_said() -> None:
    # "Most voters said the same of Sanders." — PolNeAR marks such objects as contents.
    rows: list[Row] = [
        ("Most", 1, "amod", "ADJ", "JJS", "most"),
        ("voters", 2, "nsubj", "NOUN", "NNS", "voter"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("same", 2, "dobj", "ADJ", "JJ", "same"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("Sanders", 5, "pobj", "PROPN", "NNP", "Sanders"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("said", "Most voters", ["the same of Sanders"])]


@pytest.mark.parametrize("obj", ["nothing", "something"])
def test_misparses_say_nothing_says_nothing(obj: str) -> None:
    rows: list[Row] = [
        ("He", 1, "nsubj", "PRON", "PRP", "he"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        (obj, 1, "dobj", "PRON", "NN", obj),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == []


def test_misparses_listener_of_tell_is_not_the_words() -> None:
    rows: list[Row] = [
        ("She", 1, "nsubj", "PRON", "PRP", "she"),
        ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("reporters", 1, "dobj", "NOUN", "NNS", "reporter"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == []


def test_misparses_that_clause_read_as_an_adverbial_is_said() -> None:
    # "Trump tweeted in the morning that Machado was rude." — after the adjunct the parser
    # reads "that" as an adverb and the clause as an adverbial clause of "tweeted".
    rows: list[Row] = [
        ("Trump", 1, "nsubj", "PROPN", "NNP", "Trump"),
        ("tweeted", 1, "ROOT", "VERB", "VBD", "tweet"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("morning", 2, "pobj", "NOUN", "NN", "morning"),
        ("that", 7, "advmod", "ADV", "RB", "that"),
        ("Machado", 7, "nsubj", "PROPN", "NNP", "Machado"),
        ("was", 1, "advcl", "AUX", "VBD", "be"),
        ("rude", 7, "acomp", "ADJ", "JJ", "rude"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("tweeted", "Trump", ["that Machado was rude"])]


def test_misparses_said_as_much_is_the_content() -> None:
    rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("aide", 2, "nsubj", "NOUN", "NN", "aide"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("as", 4, "advmod", "ADV", "RB", "as"),
        ("much", 2, "advmod", "ADV", "RB", "much"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("May", 5, "pobj", "PROPN", "NNP", "May"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("said", "The aide", ["as much"])]


def test_misparses_withheld_wh_clause_read_as_an_adverbial() -> None:
    # "Lawmakers have not said when they would vote." — the parser hangs the wh-clause on
    # "said" as an adverbial clause of time.
    rows: list[Row] = [
        ("Lawmakers", 3, "nsubj", "NOUN", "NNS", "lawmaker"),
        ("have", 3, "aux", "AUX", "VBP", "have"),
        ("not", 3, "neg", "PART", "RB", "not"),
        ("said", 3, "ROOT", "VERB", "VBN", "say"),
        ("when", 7, "advmod", "SCONJ", "WRB", "when"),
        ("they", 7, "nsubj", "PRON", "PRP", "they"),
        ("would", 7, "aux", "AUX", "MD", "would"),
        ("vote", 3, "advcl", "VERB", "VB", "vote"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("have not said", "Lawmakers", ["when they would vote"])]


def test_misparses_gerund_opening_the_clause_read_as_a_complement() -> None:
    # "He said legalizing it could create jobs." — the parser makes "legalizing" the verb's
    # complement and hangs the rest of the clause on it.
    rows: list[Row] = [
        ("He", 1, "nsubj", "PRON", "PRP", "he"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("legalizing", 1, "xcomp", "VERB", "VBG", "legalize"),
        ("it", 5, "nsubj", "PRON", "PRP", "it"),
        ("could", 5, "aux", "AUX", "MD", "could"),
        ("create", 2, "ccomp", "VERB", "VB", "create"),
        ("jobs", 5, "dobj", "NOUN", "NNS", "job"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("said", "He", ["legalizing it could create jobs"])]


@pytest.mark.parametrize(
    ("tail", "content"),
    [
        # "A new poll shows Clinton with a narrow lead."
        ([("with", 3, "prep", "ADP", "IN", "with"), ("a", 7, "det", "DET", "DT", "a"),
          ("lead", 5, "pobj", "NOUN", "NN", "lead")], "Clinton with a lead"),
        # "A new poll shows Clinton leading Trump."
        ([("leading", 4, "acl", "VERB", "VBG", "lead"),
          ("Trump", 5, "dobj", "PROPN", "NNP", "Trump")], "Clinton leading Trump"),
        # "A new poll shows Clinton." — the object alone says nothing.
        ([], None),
    ],
)  # fmt: skip
def test_misparses_object_with_what_holds_of_it_is_shown(
    tail: list[Row], content: str | None
) -> None:
    rows: list[Row] = [
        ("A", 2, "det", "DET", "DT", "a"),
        ("new", 2, "amod", "ADJ", "JJ", "new"),
        ("poll", 3, "nsubj", "NOUN", "NN", "poll"),
        ("shows", 3, "ROOT", "VERB", "VBZ", "show"),
        ("Clinton", 3, "dobj", "PROPN", "NNP", "Clinton"),
        *tail,
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    expected = [("shows", "A new poll", [content])] if content else []
    assert _all(rows) == expected


def test_misparses_when_asked_about_names_the_question_and_no_asker() -> None:
    # "Obama laughed when asked about the nominee." — the one asked is not the asker.
    rows: list[Row] = [
        ("Obama", 1, "nsubj", "PROPN", "NNP", "Obama"),
        ("laughed", 1, "ROOT", "VERB", "VBD", "laugh"),
        ("when", 3, "advmod", "SCONJ", "WRB", "when"),
        ("asked", 1, "advcl", "VERB", "VBN", "ask"),
        ("about", 3, "prep", "ADP", "IN", "about"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("nominee", 4, "pobj", "NOUN", "NN", "nominee"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert _all(rows) == [("asked about", None, ["the nominee"])]
