"""Tests for rashomon.link.near_duplicates: text keys, shingles and MinHash fingerprints."""

from __future__ import annotations

import os
import random
import subprocess
import sys

import pytest

from rashomon.link.near_duplicates import (
    BANDS,
    CONTAINMENT_THRESHOLD,
    NEAR_DUPLICATE_THRESHOLD,
    NUM_PERM,
    ROWS,
    Fingerprint,
    containment,
    fingerprint,
    is_republication,
    jaccard,
    normalise_text,
    shingles,
    text_key,
)

HEADLINE = "Millbrook council backs flood barrier after a wet winter\n\n"

BODY = (
    "Millbrook town council voted on Tuesday to build a movable flood barrier across the "
    "Ashwater river, ending two years of argument over how to protect the low streets of "
    "the old quarter.\n\n"
    "The barrier, a row of steel gates that rise from the riverbed when the water climbs, "
    "will cost an estimated 14 million pounds. Mayor Elena Varga said the town could not "
    "afford another winter like the last one, when more than 300 homes were flooded and the "
    "bridge road was closed for eleven days.\n\n"
    "Engineer Tomas Okafor, who drew up the plans, told councillors that the gates would be "
    "tested every month and could be raised in under an hour. He said the design had been "
    "used on two smaller rivers in the north without a single failure.\n\n"
    "Not everyone was convinced. Priya Nandakumar, who leads the Old Quarter Residents "
    "Association, said the money would be better spent on clearing drains and planting "
    "woodland upstream. She warned that the works would shut the towpath for at least a "
    "year and hurt the cafes that depend on walkers.\n\n"
    "Construction is due to begin in the spring, once the river authority has approved the "
    "final drawings. The council said it would hold a public meeting next month to answer "
    "questions from shop owners along the quay.\n"
)

ORIGINAL = HEADLINE + BODY

# The same story on another site: a new headline, a byline and a republisher's disclaimer.
REPUBLISHED = (
    "Steel gates to guard Millbrook's old quarter\n\n"
    "By Staff Writer\n\n"
    + BODY
    + "\nThis article first appeared in the Ashwater Gazette and is republished here with "
    "permission. Our site is not responsible for the content of republished articles.\n"
)

# A wire copy edited down: one sentence dropped, the residents' paragraph trimmed.
WIRE_EDIT = HEADLINE + (
    "Millbrook town council voted on Tuesday to build a movable flood barrier across the "
    "Ashwater river, ending two years of argument over how to protect the low streets of "
    "the old quarter.\n\n"
    "The barrier, a row of steel gates that rise from the riverbed when the water climbs, "
    "will cost an estimated 14 million pounds. Mayor Elena Varga said the town could not "
    "afford another winter like the last one, when more than 300 homes were flooded and the "
    "bridge road was closed for eleven days.\n\n"
    "Engineer Tomas Okafor, who drew up the plans, told councillors that the gates would be "
    "tested every month and could be raised in under an hour.\n\n"
    "Not everyone was convinced. Priya Nandakumar, who leads the Old Quarter Residents "
    "Association, said the money would be better spent on clearing drains and planting "
    "woodland upstream.\n\n"
    "Construction is due to begin in the spring, once the river authority has approved the "
    "final drawings. The council said it would hold a public meeting next month to answer "
    "questions from shop owners along the quay.\n"
)

# A truncated copy: the first two paragraphs and a link to the rest.
_PARAGRAPHS = BODY.split("\n\n")
TRUNCATED = (
    "\n\n".join(_PARAGRAPHS[:2]) + "\n\nRead the full story on the Ashwater Gazette website.\n"
)

# A follow-up story that reuses two of the first story's paragraphs as background.
FOLLOW_UP = (
    "Millbrook shop owners question flood barrier timetable\n\n"
    "Shop owners on Millbrook quay packed the town hall on Thursday evening to ask when the "
    "towpath would reopen and whether the council would compensate them for lost trade.\n\n"
    "Council officers said the river authority had asked for changes to the foundations, "
    "which could push the start of work back to the summer. No figure for compensation was "
    "offered, and several traders walked out before the meeting ended.\n\n"
    + _PARAGRAPHS[1]
    + "\n\n"
    + _PARAGRAPHS[3]
    + "\n\nThe council will publish a revised timetable once the drawings are approved.\n"
)

# The same event written by another reporter: the same names and facts, other sentences.
REWORDED = (
    "Flood gates approved for Millbrook\n\n"
    "Councillors in Millbrook have given the go-ahead for steel flood gates on the Ashwater "
    "river, a scheme expected to cost about 14 million pounds.\n\n"
    "The decision follows last winter's floods, which reached more than 300 houses and cut "
    "off the bridge road for over a week. Elena Varga, the mayor, described the vote as the "
    "only responsible choice for the old quarter.\n\n"
    "According to Tomas Okafor, the engineer behind the scheme, the gates can be lifted in "
    "less than sixty minutes and will be checked monthly. Similar gates already work on "
    "rivers further north, he added.\n\n"
    "Residents are divided. Priya Nandakumar of the Old Quarter Residents Association argued "
    "for cleaner drains and new trees upstream instead, and said closing the towpath would "
    "cost local cafes their trade.\n"
)

UNRELATED = (
    "Harbour ferry strike called off after late pay offer\n\n"
    "Crews on the Kestrel Bay ferries called off a three-day strike late on Sunday after "
    "the operator raised its pay offer to six per cent.\n\n"
    "The union said members would vote on the deal over the coming fortnight, and that "
    "services would run to the normal timetable in the meantime.\n\n"
    "Passengers had been warned to expect the cancellation of every crossing to the islands, "
    "where shops rely on the morning boat for fresh food and post.\n\n"
    "A spokesperson for the operator said the company was pleased that talks had succeeded "
    "and thanked passengers for their patience.\n"
)


@pytest.mark.parametrize(
    ("messy", "clean"),
    [
        ("He said \u201cno\u201d \u2014 twice.", 'he said "no" - twice.'),
        ("The mayor\u2019s \u2018plan\u2019", "the mayor's 'plan'"),
        ("\ufb01nal \uff26\uff55\uff4c\uff4c", "final full"),  # ligature and full-width: NFKC
        ("Cafe\u0301 STRASSE Stra\u00dfe", "café strasse strasse"),  # combining accent, ß
        ("  Two \t words\n\n and\u00a0more  ", "two words and more"),
        ("gov\u00adern\u200bment", "government"),  # soft hyphen and zero-width space
    ],
)
def test_normalise_text_folds_to_plain_form(messy: str, clean: str) -> None:
    assert normalise_text(messy) == clean
    assert normalise_text(clean) == clean
    assert text_key(messy) == text_key(clean)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("\u201cWe will not resign,\u201d she said.", '"we will NOT resign," she   said.'),
        (ORIGINAL, ORIGINAL.upper().replace("\n\n", "\n \n")),
    ],
)
def test_text_key_equal_for_normalised_equal_texts(first: str, second: str) -> None:
    assert first != second
    assert text_key(first) == text_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The minister resigned.", "The minister did not resign."),
        (ORIGINAL, REPUBLISHED),
        (ORIGINAL, ORIGINAL.replace("14 million", "15 million")),
    ],
)
def test_text_key_differs_for_different_texts(first: str, second: str) -> None:
    assert text_key(first) != text_key(second)
    assert len(text_key(first)) == 64
    assert int(text_key(first), 16) >= 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrest suspect", shingles("police ARREST suspect!")),
        ("One, two: three four five six.", shingles("one two three four five six")),
    ],
)
def test_shingles_ignore_case_and_punctuation(text: str, expected: set[int]) -> None:
    assert shingles(text) == expected


@pytest.mark.parametrize(
    ("text", "size", "count"),
    [
        ("Police arrest suspect", 5, 1),  # shorter than a shingle: the whole text
        ("one two three four five", 5, 1),
        ("one two three four five six", 5, 2),
        ("one two three four five six", 2, 5),
        ("a b a b a b", 2, 2),  # repeated bigrams count once
        ("\u2014 ... !", 5, 0),  # no words at all
    ],
)
def test_shingles_counts(text: str, size: int, count: int) -> None:
    assert len(shingles(text, size)) == count
    assert all(0 <= value < 2**32 for value in shingles(text, size))


@pytest.mark.parametrize("size", [0, -1])
def test_shingles_reject_size_below_one(size: int) -> None:
    with pytest.raises(ValueError, match="shingle size"):
        shingles("one two three", size)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({1, 2, 3}, {1, 2, 3, 4, 5, 6}, 0.5),
        ({1, 2, 3, 4}, {3, 4, 5, 6, 7, 8}, 0.25),
        ({1, 2}, {3, 4}, 0.0),
        (set(), set(), 0.0),
    ],
)
def test_jaccard_share_of_union(a: set[int], b: set[int], expected: float) -> None:
    assert jaccard(a, b) == expected
    assert jaccard(b, a) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({1, 2, 3}, {1, 2, 3, 4, 5, 6}, 1.0),  # the smaller inside the larger
        ({1, 2, 3, 4}, {3, 4, 5, 6, 7, 8}, 0.5),
        ({1, 2}, {3, 4}, 0.0),
        (set(), {1, 2}, 0.0),
    ],
)
def test_containment_share_of_smaller_set(a: set[int], b: set[int], expected: float) -> None:
    assert containment(a, b) == expected
    assert containment(b, a) == expected


def test_containment_high_where_jaccard_drops_for_truncated_copy() -> None:
    original, truncated = shingles(ORIGINAL), shingles(TRUNCATED)
    assert jaccard(original, truncated) < NEAR_DUPLICATE_THRESHOLD
    assert containment(original, truncated) >= CONTAINMENT_THRESHOLD


@pytest.mark.parametrize("copy", [REPUBLISHED, WIRE_EDIT], ids=["republished", "wire-edit"])
def test_fingerprint_copy_is_near_duplicate(copy: str) -> None:
    original, copied = fingerprint(ORIGINAL), fingerprint(copy)
    assert original.similarity(copied) >= NEAR_DUPLICATE_THRESHOLD
    assert set(original.band_keys()) & set(copied.band_keys())
    assert is_republication(ORIGINAL, copy)
    assert is_republication(copy, ORIGINAL)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (ORIGINAL, REPUBLISHED),
        (ORIGINAL, WIRE_EDIT),
        (ORIGINAL, REWORDED),
        (REPUBLISHED, TRUNCATED),
    ],
)
def test_fingerprint_similarity_estimates_jaccard(first: str, second: str) -> None:
    estimate = fingerprint(first).similarity(fingerprint(second))
    assert abs(estimate - jaccard(shingles(first), shingles(second))) < 0.1


@pytest.mark.parametrize("source", [ORIGINAL, REPUBLISHED])
def test_is_republication_truncated_copy_by_containment(source: str) -> None:
    assert is_republication(TRUNCATED, source)
    assert is_republication(source, TRUNCATED)


def test_is_republication_follow_up_reusing_background_is_not() -> None:
    original, follow_up = shingles(ORIGINAL), shingles(FOLLOW_UP)
    assert 0.3 < containment(original, follow_up) < CONTAINMENT_THRESHOLD
    assert not is_republication(ORIGINAL, FOLLOW_UP)


def test_is_republication_boilerplate_line_is_not() -> None:
    disclaimer = REPUBLISHED.strip().split("\n")[-1]
    assert disclaimer.startswith("This article first appeared")
    assert containment(shingles(disclaimer), shingles(REPUBLISHED)) == 1.0
    assert not is_republication(disclaimer, REPUBLISHED)


@pytest.mark.parametrize(
    ("first", "second"),
    [(ORIGINAL, REWORDED), (REPUBLISHED, REWORDED), (ORIGINAL, FOLLOW_UP), (ORIGINAL, UNRELATED)],
    ids=["reworded", "reworded-copy", "follow-up", "unrelated"],
)
def test_is_republication_rejects_other_stories(first: str, second: str) -> None:
    assert fingerprint(first).similarity(fingerprint(second)) < NEAR_DUPLICATE_THRESHOLD
    assert not is_republication(first, second)


@pytest.mark.parametrize("other", [REWORDED, UNRELATED], ids=["reworded", "unrelated"])
def test_band_keys_unshared_by_different_stories(other: str) -> None:
    assert not set(fingerprint(ORIGINAL).band_keys()) & set(fingerprint(other).band_keys())


def test_band_keys_format() -> None:
    keys = fingerprint(ORIGINAL).band_keys()
    assert len(keys) == BANDS
    assert [key.split(":")[0] for key in keys] == [f"b{index}" for index in range(BANDS)]
    assert all(len(key.split(":")[1]) == 16 for key in keys)


@pytest.mark.parametrize(("similarity", "at_least", "at_most"), [(0.5, 0.99, 1.0), (0.2, 0, 0.12)])
def test_band_geometry_s_curve(similarity: float, at_least: float, at_most: float) -> None:
    assert BANDS * ROWS == NUM_PERM
    shared = 1 - (1 - similarity**ROWS) ** BANDS
    assert at_least <= shared <= at_most


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fingerprint_similarity_tracks_exact_jaccard_on_generated_texts(seed: int) -> None:
    rng = random.Random(seed)
    words = [f"word{rng.randrange(5000)}" for _ in range(600)]
    edited = words[:200] + [f"new{rng.randrange(5000)}" for _ in range(150)] + words[350:]
    exact = jaccard(shingles(" ".join(words)), shingles(" ".join(edited)))
    estimate = fingerprint(" ".join(words)).similarity(fingerprint(" ".join(edited)))
    assert 0.3 < exact < 0.9
    assert abs(estimate - exact) < 0.1


@pytest.mark.parametrize("text", [ORIGINAL, "Police arrest suspect", ""])
def test_fingerprint_bytes_round_trip(text: str) -> None:
    original = fingerprint(text)
    data = original.to_bytes()
    assert len(data) == 4 * NUM_PERM
    assert Fingerprint.from_bytes(data) == original
    assert Fingerprint.from_bytes(data).band_keys() == original.band_keys()


@pytest.mark.parametrize("length", [0, 4 * NUM_PERM - 4, 4 * NUM_PERM + 1])
def test_fingerprint_from_bytes_rejects_wrong_length(length: int) -> None:
    with pytest.raises(ValueError, match="stored fingerprint"):
        Fingerprint.from_bytes(b"\x00" * length)


def test_fingerprint_rejects_wrong_slot_count() -> None:
    with pytest.raises(ValueError, match="slots"):
        Fingerprint((1, 2, 3))


@pytest.mark.parametrize(
    ("text", "same", "other"),
    [("Police arrest suspect", "POLICE  arrest suspect.", "Police release suspect")],
)
def test_fingerprint_very_short_text(text: str, same: str, other: str) -> None:
    short = fingerprint(text)
    assert len(short.minhash) == NUM_PERM
    assert short.similarity(fingerprint(same)) == 1.0
    assert short.similarity(fingerprint(other)) < 0.1
    assert is_republication(text, same)
    assert not is_republication(text, other)
    assert not is_republication(text, ORIGINAL)


def test_fingerprint_empty_text_is_no_republication() -> None:
    assert fingerprint("").minhash == (0xFFFFFFFF,) * NUM_PERM
    assert not is_republication("", "")
    assert not is_republication("", ORIGINAL)


_CHILD = (
    "import sys\n"
    "from rashomon.link.near_duplicates import fingerprint, shingles\n"
    "text = sys.stdin.read()\n"
    "sys.stdout.write(fingerprint(text).to_bytes().hex() + ' ' + str(sorted(shingles(text))))\n"
)


@pytest.mark.parametrize("hash_seed", ["0", "4242"])
def test_fingerprint_same_in_other_process(hash_seed: str) -> None:
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    finished = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=REPUBLISHED,
        capture_output=True,
        text=True,
        env=environment,
        check=True,
        timeout=120,
    )
    expected = fingerprint(REPUBLISHED).to_bytes().hex() + " " + str(sorted(shingles(REPUBLISHED)))
    assert finished.stdout == expected
