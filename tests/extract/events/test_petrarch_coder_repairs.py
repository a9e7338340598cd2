"""The PETRARCH coder's readings of patterns, clauses and compound actors.

Sentences we wrote, coded with a tiny dictionary set written here. Rules that
repair a parser mistake are tested on hand-built Docs that carry the mistake,
so that the test does not depend on how the model happens to parse.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from rashomon.errors import ConfigError
from rashomon.extract.events.petrarch import DictionarySet
from rashomon.extract.events.petrarch.coder import PetrarchCoder
from rashomon.nlp.loading import load_model

ACTORS = """\
ARNOR [ARN]
+ARNORIAN
GONDOR [GON]
ROHAN [ROH]
MORDOR [MOR]
+BARAD-DUR
SHIRE [FRO/SAM]
FORNOST [FOR]
"""
AGENTS = """\
MINISTER [~GOV]
LAWMAKER [~LEG]
MEDIA {} [~MED]
GOVERNMENT [~GOV]
"""
VERBS = """\
--- ATTACK [190] ---
ATTACK
--- VISIT [042] ---
VISIT
--- ALLOW [080] ---
ALLOW
--- SAY [023] ---
SAID
--- FREE [066] ---
FREE
- + * FROM $ [067]
--- SHOT [---] ---
SHOT
- * AND WOUNDED [222]
--- SHOT [190] ---
SHOT
- + WAS * DEAD IN $ [224]
--- AGREE [081] ---
AGREE
- * WITH % [031]
--- MARCH [181] ---
MARCH
--- REGRET [111] ---
REGRET {REGRETTED REGRETS}
- NOTED + * [115]
--- ACT [100] ---
ACT
--- BREAK [1717] ---
BREAK {BROKE BROKEN}
--- REBUKE [121] ---
REBUKE
--- WARN [160] ---
WARN
"""

Triples = set[tuple[str, str, str]]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


@pytest.fixture(scope="module")
def coder(tmp_path_factory: pytest.TempPathFactory) -> PetrarchCoder:
    folder = tmp_path_factory.mktemp("dictionaries")
    for name, text in {"actors": ACTORS, "agents": AGENTS, "verbs": VERBS}.items():
        (folder / f"Test.{name}.txt").write_text(text, encoding="utf-8")
    return PetrarchCoder.from_dictionaries(
        DictionarySet(
            verbs=folder / "Test.verbs.txt",
            actors=(folder / "Test.actors.txt",),
            agents=folder / "Test.agents.txt",
        )
    )


def triples(coder: PetrarchCoder, doc: Doc) -> Triples:
    return {(e.source, e.target, e.code) for e in coder.code(doc)}


def built(rows: list[tuple[str, int, str, str]], spaces: list[bool] | None = None) -> Doc:
    """A Doc from (word, head index, dependency, part of speech) rows.

    Tags follow the part of speech (``VBD`` for a verb, ``NNP`` for a name) so
    that the coder reads verbs and nouns as a parse would give them.
    """
    tags = {
        "VERB": "VBD",
        "PROPN": "NNP",
        "NOUN": "NN",
        "ADJ": "JJ",
        "DET": "DT",
        "CCONJ": "CC",
        "ADP": "IN",
        "PUNCT": ",",
        "PART": "POS",
        "AUX": "VBD",
    }
    return Doc(
        Vocab(),
        words=[row[0] for row in rows],
        spaces=spaces,
        heads=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        tags=[tags.get(row[3], "XX") if row[0] not in (".", "-") else "." for row in rows],
    )


# --- patterns and clauses, on the model's own parse ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A complement's subject is the target even when a relative clause in
        # the complement holds a dictionary verb ("to visit").
        ("Arnor allowed that Gondor is no place to visit.", {("ARN", "GON", "080")}),
        # The reported clause of an inverted attribution is not what was said
        # about its subject: no SAY event from Arnor to Rohan.
        ("Rohan grumbled about taxes, Arnor said.", set()),
        # A "$" slot lands on "Barad", a compound of "dur"; the phrase is coded
        # from its head, with the split hyphenated name rejoined.
        ("Gondor was freed from Barad-dur.", {("MOR", "GON", "067")}),
        ("Barad-dur attacked Gondor.", {("MOR", "GON", "190")}),
        # Two blocks list SHOT: the one whose pattern matches is used.
        ("An Arnorian was shot dead in Gondor.", {("GON", "ARN", "224")}),
        # "%" after the verb asks for a coordinated noun there.
        ("Arnor agreed with Gondor and Rohan.", {("ARN", "GON", "031"), ("ARN", "ROH", "031")}),
        ("Arnor agreed with Gondor.", {("ARN", "GON", "081")}),
        # "NOTED + *" makes the verb's subject the target; the source is the
        # subject of the clause above.
        ("Gondor noted that Arnor regretted the refusal.", {("GON", "ARN", "115")}),
        # A past participle with a "by" agent is passive without an auxiliary.
        ("Rebuked by Arnor, Gondor withdrew.", {("ARN", "GON", "121")}),
    ],
)
def test_coder_patterns_and_clauses(
    coder: PetrarchCoder, nlp: Language, text: str, expected: Triples
) -> None:
    assert triples(coder, nlp(text)) == expected


def test_coder_coordinated_verb_hung_on_the_complement(coder: PetrarchCoder, nlp: Language) -> None:
    # The parser hangs "warned" on "work"; it is Arnor's own verb, so the
    # complement still codes no event of its own and gives SAY its target.
    text = (
        "Arnor said that the embargo against Gondor would not work and warned that "
        "the blockade would hurt Rohan."
    )
    assert ("ARN", "GON", "023") in triples(coder, nlp(text))


# --- compound actors, on hand-built parses carrying the parser's mistakes ---------------


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            # "Fornost and the evil awful Gondor attacked Rohan." with "Fornost"
            # read as a modifier of "Gondor" and "awful" as its conjunct.
            [
                ("Fornost", 5, "nmod", "PROPN"),
                ("and", 0, "cc", "CCONJ"),
                ("the", 4, "det", "DET"),
                ("evil", 4, "amod", "ADJ"),
                ("awful", 0, "conj", "NOUN"),
                ("Gondor", 6, "nsubj", "PROPN"),
                ("attacked", 6, "ROOT", "VERB"),
                ("Rohan", 6, "dobj", "PROPN"),
                (".", 6, "punct", "PUNCT"),
            ],
            {("FOR", "ROH", "190"), ("GON", "ROH", "190")},
            id="actors-listed-inside-one-phrase",
        ),
        pytest.param(
            # "Rohan, the Shire, Arnor and Gondor visited Mordor." with "the
            # Shire" an appositive of "Rohan" and the rest its conjuncts.
            [
                ("Rohan", 8, "nsubj", "PROPN"),
                (",", 0, "punct", "PUNCT"),
                ("the", 3, "det", "DET"),
                ("Shire", 0, "appos", "PROPN"),
                (",", 3, "punct", "PUNCT"),
                ("Arnor", 3, "conj", "PROPN"),
                ("and", 5, "cc", "CCONJ"),
                ("Gondor", 5, "conj", "PROPN"),
                ("visited", 8, "ROOT", "VERB"),
                ("Mordor", 8, "dobj", "PROPN"),
                (".", 8, "punct", "PUNCT"),
            ],
            {
                ("ROH", "MOR", "042"),
                ("FRO", "MOR", "042"),
                ("SAM", "MOR", "042"),
                ("ARN", "MOR", "042"),
                ("GON", "MOR", "042"),
            },
            id="comma-list-read-as-apposition",
        ),
        pytest.param(
            # "The lions and the evil awful Gondor attacked Rohan." with
            # "Gondor" an appositive of "lions" right after the member "awful".
            [
                ("The", 1, "det", "DET"),
                ("lions", 7, "nsubj", "NOUN"),
                ("and", 1, "cc", "CCONJ"),
                ("the", 5, "det", "DET"),
                ("evil", 5, "amod", "ADJ"),
                ("awful", 1, "conj", "NOUN"),
                ("Gondor", 1, "appos", "PROPN"),
                ("attacked", 7, "ROOT", "VERB"),
                ("Rohan", 7, "dobj", "PROPN"),
                (".", 7, "punct", "PUNCT"),
            ],
            {("GON", "ROH", "190")},
            id="appositive-continuing-a-member",
        ),
        pytest.param(
            # "Arnor's sheep and goats of Gondor attacked Rohan." with "of
            # Gondor" hung on "sheep" instead of "goats".
            [
                ("Arnor", 2, "poss", "PROPN"),
                ("'s", 0, "case", "PART"),
                ("sheep", 7, "nsubj", "NOUN"),
                ("and", 2, "cc", "CCONJ"),
                ("goats", 2, "conj", "NOUN"),
                ("of", 2, "prep", "ADP"),
                ("Gondor", 5, "pobj", "PROPN"),
                ("attacked", 7, "ROOT", "VERB"),
                ("Rohan", 7, "dobj", "PROPN"),
                (".", 7, "punct", "PUNCT"),
            ],
            {("ARN", "ROH", "190"), ("GON", "ROH", "190")},
            id="prepositional-phrase-of-the-nearest-member",
        ),
        pytest.param(
            # "Lawmakers in Arnor and Gondor attacked Rohan." with "Gondor"
            # coordinated with "Lawmakers" instead of "Arnor".
            [
                ("Lawmakers", 5, "nsubj", "NOUN"),
                ("in", 0, "prep", "ADP"),
                ("Arnor", 1, "pobj", "PROPN"),
                ("and", 0, "cc", "CCONJ"),
                ("Gondor", 0, "conj", "PROPN"),
                ("attacked", 5, "ROOT", "VERB"),
                ("Rohan", 5, "dobj", "PROPN"),
                (".", 5, "punct", "PUNCT"),
            ],
            {("ARNLEG", "ROH", "190"), ("GONLEG", "ROH", "190")},
            id="agent-shared-across-prepositional-object",
        ),
        pytest.param(
            # "Arnor media and government attacked Rohan.": the agent-only
            # member borrows the actor, not the other member's agent.
            [
                ("Arnor", 1, "compound", "PROPN"),
                ("media", 4, "nsubj", "NOUN"),
                ("and", 1, "cc", "CCONJ"),
                ("government", 1, "conj", "NOUN"),
                ("attacked", 4, "ROOT", "VERB"),
                ("Rohan", 4, "dobj", "PROPN"),
                (".", 4, "punct", "PUNCT"),
            ],
            {("ARNMED", "ROH", "190"), ("ARNGOV", "ROH", "190")},
            id="agent-only-member-borrows-the-actor",
        ),
    ],
)
def test_coder_compound_actor_repairs(
    coder: PetrarchCoder, rows: list[tuple[str, int, str, str]], expected: Triples
) -> None:
    assert triples(coder, built(rows)) == expected


def test_coder_appositive_after_the_last_member_is_no_member(coder: PetrarchCoder) -> None:
    # "Arnor and Gondor, the Fornost lawmakers, attacked Rohan.": nothing
    # follows the appositive, which describes the members rather than adding one.
    rows = [
        ("Arnor", 9, "nsubj", "PROPN"),
        ("and", 0, "cc", "CCONJ"),
        ("Gondor", 0, "conj", "PROPN"),
        (",", 0, "punct", "PUNCT"),
        ("the", 6, "det", "DET"),
        ("Fornost", 6, "compound", "PROPN"),
        ("lawmakers", 0, "appos", "NOUN"),
        (",", 0, "punct", "PUNCT"),
        ("then", 9, "advmod", "ADV"),
        ("attacked", 9, "ROOT", "VERB"),
        ("Rohan", 9, "dobj", "PROPN"),
        (".", 9, "punct", "PUNCT"),
    ]
    assert triples(coder, built(rows)) == {("ARN", "ROH", "190"), ("GON", "ROH", "190")}


def test_coder_subject_read_as_compound_of_the_verb(coder: PetrarchCoder) -> None:
    # "Arnor act on the resolution with Gondor." with "Arnor" a compound of "act".
    rows = [
        ("Arnor", 1, "compound", "PROPN"),
        ("act", 1, "ROOT", "VERB"),
        ("on", 1, "prep", "ADP"),
        ("the", 4, "det", "DET"),
        ("resolution", 2, "pobj", "NOUN"),
        ("with", 4, "prep", "ADP"),
        ("Gondor", 5, "pobj", "PROPN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert triples(coder, built(rows)) == {("ARN", "GON", "100")}


def test_coder_target_on_an_adverb_of_the_verb(coder: PetrarchCoder) -> None:
    # "Arnor marched close to the Gondor border.": the phrase hangs on "close".
    rows = [
        ("Arnor", 1, "nsubj", "PROPN"),
        ("marched", 1, "ROOT", "VERB"),
        ("close", 1, "advmod", "ADV"),
        ("to", 2, "prep", "ADP"),
        ("the", 6, "det", "DET"),
        ("Gondor", 6, "compound", "PROPN"),
        ("border", 3, "pobj", "NOUN"),
        (".", 1, "punct", "PUNCT"),
    ]
    assert triples(coder, built(rows)) == {("ARN", "GON", "181")}


def test_coder_prefix_written_apart_continues_into_the_next_words(coder: PetrarchCoder) -> None:
    # "Arnor broke into an anti- Gondor parade." with the phrase cut at "anti-"
    # and "Gondor parade" left as a sentence of its own.
    rows = [
        ("Arnor", 1, "nsubj", "PROPN"),
        ("broke", 1, "ROOT", "VERB"),
        ("into", 1, "prep", "ADP"),
        ("an", 4, "det", "DET"),
        ("anti-", 2, "pobj", "NOUN"),
        ("Gondor", 6, "compound", "PROPN"),
        ("parade", 6, "ROOT", "NOUN"),
        (".", 6, "punct", "PUNCT"),
    ]
    spaces = [True, True, True, True, True, True, False, False]
    assert triples(coder, built(rows, spaces)) == {("ARN", "GON", "1717")}


# --- PETRARCH options --------------------------------------------------------------------


def test_coder_with_options_require_dyad_false_codes_targetless_events(
    coder: PetrarchCoder, nlp: Language
) -> None:
    doc = nlp("The Arnor minister said on Friday that talks would resume.")
    assert triples(coder, doc) == set()
    relaxed = coder.with_options({"require_dyad": "False"})
    assert triples(relaxed, doc) == {("ARNGOV", "---", "023")}


@pytest.mark.parametrize(
    ("length", "expected"),
    [
        ("4", {('"GRYFFINDOR HEAD MINERVA MCGONAGALL"', "GON", "042")}),
        ("3", set()),
        ("0", set()),
    ],
)
def test_coder_with_options_new_actor_length_names_uncoded_actors(
    coder: PetrarchCoder, length: str, expected: Triples
) -> None:
    # "Gryffindor's head Minerva McGonagall visited Gondor.": the name is an
    # appositive right after its noun and belongs to the new actor's words.
    rows = [
        ("Gryffindor", 2, "poss", "PROPN"),
        ("'s", 0, "case", "PART"),
        ("head", 5, "nsubj", "NOUN"),
        ("Minerva", 4, "compound", "PROPN"),
        ("McGonagall", 2, "appos", "PROPN"),
        ("visited", 5, "ROOT", "VERB"),
        ("Gondor", 5, "dobj", "PROPN"),
        (".", 5, "punct", "PUNCT"),
    ]
    spaces = [False, True, True, True, True, True, False, False]
    found = triples(coder.with_options({"new_actor_length": length}), built(rows, spaces))
    assert found == expected


def test_coder_with_options_new_actors_skip_dates(coder: PetrarchCoder, nlp: Language) -> None:
    relaxed = coder.with_options({"new_actor_length": "4", "require_dyad": "true"})
    assert triples(relaxed, nlp("Arnor visited on Wednesday.")) == set()


def test_coder_with_options_keeps_the_coder_when_nothing_changes(coder: PetrarchCoder) -> None:
    assert coder.with_options({"comma_max": "6", "require_dyad": "TRUE"}) is coder


@pytest.mark.parametrize("options", [{"require_dyad": "perhaps"}, {"new_actor_length": "four"}])
def test_coder_with_options_rejects_bad_values(
    coder: PetrarchCoder, options: dict[str, str]
) -> None:
    with pytest.raises(ConfigError):
        coder.with_options(options)
