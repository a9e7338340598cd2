"""The claim ledger's rule across articles: weighted term overlap, the name rule, the index."""

from __future__ import annotations

import pytest

from rashomon.link.ledger import (
    INDEX_TERMS,
    JOIN_SCORE,
    JOIN_SHARE,
    MAX_TERMS,
    Candidate,
    best_match,
    index_terms,
    merged_terms,
    similarity,
)

# Terms as ``Claim.terms`` spells them: names capitalised (weight 2), country codes upper-case
# (2), plain lemmas lower-case (1), generic news words ("say", "report", "official") 0.5.
DAM_BURST = ["Kessel", "Dam", "burst", "wall"]
DAM_REWORDED = ["Kessel", "Dam", "burst", "flood", "Orvik", "village", "reservoir"]
BUDGET = ["Kessel", "Dam", "spillway", "study", "money", "engineer", "finish", "canal"]
NAMELESS = ["strike", "halt", "shipping"]


@pytest.mark.parametrize(
    ("terms", "other", "expected"),
    [
        # Kessel 2 + Dam 2 + burst 1 = 5, of the smaller side's 2+2+1+1 = 6.
        (DAM_BURST, DAM_REWORDED, (5.0, 5.0 / 6.0, True)),
        # Generic words count half: official 0.5 + report 0.5, of 0.5+0.5+1.
        (["official", "report", "leak"], ["official", "report", "spill"], (1.0, 0.5, False)),
        # A country code is a name.
        (["SYR", "militant", "travel"], ["SYR", "fighter", "cross"], (2.0, 0.5, True)),
        (DAM_BURST, ["harbour", "tanker"], (0.0, 0.0, False)),
    ],
)
def test_ledger_similarity_weighs_names_double_and_generic_words_half(
    terms: list[str], other: list[str], expected: tuple[float, float, bool]
) -> None:
    score, share, has_name = similarity(terms, other)
    assert score == pytest.approx(expected[0])
    assert share == pytest.approx(expected[1])
    assert has_name is expected[2]


@pytest.mark.parametrize(
    ("terms", "other"),
    [
        (DAM_BURST, DAM_REWORDED),
        (["Pellan", "port", "close"], ["Pellan", "port", "close", "union"]),
    ],
)
def test_ledger_similarity_is_symmetric(terms: list[str], other: list[str]) -> None:
    assert similarity(terms, other) == similarity(other, terms)


@pytest.mark.parametrize("day", ["Monday", "July"])
def test_ledger_similarity_day_and_month_names_are_plain_words(day: str) -> None:
    # "the dam burst on Monday" / "the port closed on Monday": a day names no actor.
    score, share, has_name = similarity([day, "burst", "dam"], [day, "burst", "dam"])
    assert score == pytest.approx(3.0)
    assert share == pytest.approx(1.0)
    assert has_name is False


@pytest.mark.parametrize(
    ("terms", "candidates", "expected"),
    [
        # Two shared names and a word, most of the smaller side: joins.
        (DAM_BURST, [Candidate(7, DAM_REWORDED)], 7),
        # The best-scoring candidate wins over a weaker one.
        (
            DAM_REWORDED,
            [Candidate(1, ["Kessel", "Dam", "fail"]), Candidate(2, DAM_BURST + ["Orvik"])],
            2,
        ),
        # Same actor, another proposition: "Kessel Dam" alone is under half of the statement.
        (BUDGET, [Candidate(3, DAM_REWORDED)], None),
        # Alike words but no shared name: different actors may be meant.
        (NAMELESS + ["port", "terminal"], [Candidate(4, NAMELESS + ["port", "union"])], None),
        # Too little overlap: a name and one word.
        (["Pellan", "strike", "pay"], [Candidate(5, ["Pellan", "strike", "end"])], None),
        ([*DAM_BURST], [], None),
    ],
)
def test_ledger_best_match_needs_score_share_and_a_name(
    terms: list[str], candidates: list[Candidate], expected: int | None
) -> None:
    assert best_match(terms, candidates) == expected


def test_ledger_best_match_thresholds_are_inclusive() -> None:
    # Exactly JOIN_SCORE of overlap covering exactly JOIN_SHARE of the smaller side.
    assert JOIN_SCORE == 4.0 and JOIN_SHARE == 0.5
    statement = ["Kessel", "Dam", "crack", "wall", "engineer", "inspect"]  # weight 8
    corpus = ["Kessel", "Dam", "burst", "flood", "Orvik", "village", "reservoir", "river"]
    assert similarity(statement, corpus)[:2] == (4.0, 0.5)
    assert best_match(statement, [Candidate(9, corpus)]) == 9
    assert best_match(statement + ["inquiry"], [Candidate(9, corpus)]) is None


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        # Names first (in their order), then plain words; generic words never.
        (["say", "burst", "Kessel", "official", "Dam", "wall"], ["Kessel", "Dam", "burst", "wall"]),
        # A day ranks with the plain words, not the names.
        (["Monday", "burst", "Orvik"], ["Orvik", "Monday", "burst"]),
        (["report", "say"], []),
    ],
)
def test_ledger_index_terms_put_names_first_and_drop_generic_words(
    terms: list[str], expected: list[str]
) -> None:
    assert index_terms(terms) == expected


def test_ledger_index_terms_are_capped() -> None:
    terms = [f"Name{n}" for n in range(INDEX_TERMS + 3)] + ["word"]
    assert index_terms(terms) == terms[:INDEX_TERMS]


@pytest.mark.parametrize(
    ("existing", "new", "expected"),
    [
        # The first wording stays as it is; new terms follow, strongest first, once each.
        (
            ["burst", "Dam"],
            ["flood", "Dam", "Orvik", "say"],
            ["burst", "Dam", "Orvik", "flood", "say"],
        ),
        (DAM_BURST, DAM_BURST, DAM_BURST),
    ],
)
def test_ledger_merged_terms_keep_the_first_wording_and_add_new_terms(
    existing: list[str], new: list[str], expected: list[str]
) -> None:
    assert merged_terms(existing, new) == expected


def test_ledger_merged_terms_are_capped() -> None:
    existing = [f"word{n}" for n in range(MAX_TERMS - 2)]
    merged = merged_terms(existing, ["plain", "Name", "Other", "say"])
    assert len(merged) == MAX_TERMS
    # The cap keeps the strongest of the new terms: the two names.
    assert merged[-2:] == ["Name", "Other"]
    assert merged_terms(merged, ["Third"]) == merged
