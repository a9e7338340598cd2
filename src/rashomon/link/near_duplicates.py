"""Text keys and near-duplicate fingerprints: one origin for republished and wire copies.

The corpus store keys each article by ``text_key`` (a sha256 of its normalised text), so an
exact duplicate, down to curly quotes, case and spacing, is stored once. Republications and
wire copies differ a little (a new headline, a byline, a disclaimer, a dropped sentence), so
they get a MinHash ``fingerprint`` of their word 5-gram ``shingles`` instead, and the store
finds candidate pairs through the fingerprint's ``band_keys`` (locality-sensitive hashing):
two articles are candidates when they share any band key.

A candidate pair is then confirmed on the exact shingles, recomputed from the stored texts
(about a millisecond for two 1,000-word articles), with this rule::

    def is_republication(a_text: str, b_text: str) -> bool:
        a, b = shingles(a_text), shingles(b_text)
        if not a or not b:
            return False
        if jaccard(a, b) >= NEAR_DUPLICATE_THRESHOLD:  # the same text, lightly edited
            return True
        # A truncated copy, or a copy with paragraphs added around the story: nearly all of
        # the smaller text is inside the larger one, though the Jaccard index has dropped.
        return (
            min(len(a), len(b)) >= MIN_CONTAINED_SHINGLES
            and containment(a, b) >= CONTAINMENT_THRESHOLD
        )

Why confirm instead of trusting ``Fingerprint.similarity``: the estimate is noisy (standard
error about 0.03 at a Jaccard index of 0.5 with 288 slots), the bands let through about one
pair in nine at a Jaccard index of 0.2 by design, and the Jaccard index alone misses copies
that keep the whole story but cut or add a lot around it, which containment catches.

What this does not find: an excerpt far smaller than its source (a quarter of the story has a
Jaccard index near 0.25) rarely shares a band key, so containment never gets to see it. Finding
those needs an index built for containment (LSH Ensemble), not these bands.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zlib
from collections.abc import Collection
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "BANDS",
    "CONTAINMENT_THRESHOLD",
    "MIN_CONTAINED_SHINGLES",
    "NEAR_DUPLICATE_THRESHOLD",
    "NUM_PERM",
    "ROWS",
    "SHINGLE_SIZE",
    "Fingerprint",
    "containment",
    "fingerprint",
    "is_republication",
    "jaccard",
    "normalise_text",
    "shingles",
    "text_key",
]

#: Words per shingle. Five words rarely repeat by chance between two stories on the same
#: event (names and stock phrases are shorter), yet an edit breaks only the few shingles
#: that span it.
SHINGLE_SIZE = 5

# Band geometry. Two texts whose shingle sets have Jaccard index s share a band with
# probability 1 - (1 - s**ROWS)**BANDS (every slot matches with probability s):
#
#   rows x bands  slots   s=0.1   s=0.2   s=0.3   s=0.4   s=0.5
#   4 x 32          128   0.003   0.050   0.229   0.564   0.873   misses 1 in 8 at 0.5
#   3 x 35          105   0.034   0.245   0.616   0.901   0.991   1 in 4 false at 0.2
#   4 x 72          288   0.007   0.109   0.443   0.845   0.990   chosen
#   5 x 146         730   0.001   0.046   0.299   0.777   0.990   2.5x the slots and keys
#
# 4 x 72 is the smallest geometry with four rows that reaches 0.99 at s = 0.5; three rows
# would pass a quarter of the pairs at 0.2, five rows would cost 146 index rows per article.
# Measured: of 2,000 pairs of random 400-shingle sets at each s, the share sharing a band was
# 0.007, 0.109, 0.451, 0.856 and 0.991 (s = 0.1 to 0.5), as the formula says, with no bias in
# ``similarity`` (standard error 0.017 to 0.029). Fingerprinting a 1,000-word article takes
# 0.7 ms on one core (0.45 ms shingles, 0.25 ms MinHash), and ``band_keys`` 0.04 ms.
ROWS = 4
BANDS = 72
NUM_PERM = ROWS * BANDS

#: Estimated or exact Jaccard index of the shingle sets at or above which two articles are
#: the same story republished. Measured on the test texts (five paragraphs, about 230 words):
#: a republished copy (new headline, byline, disclaimer) 0.83, a wire copy with a sentence
#: dropped and a paragraph trimmed 0.76, a rewrite of the same event with the same names and
#: figures 0.003, an unrelated story 0; a follow-up reusing two of the five paragraphs 0.30.
#: 0.5 sits in the middle of that gap and is where the bands reach 0.99.
NEAR_DUPLICATE_THRESHOLD = 0.5

#: Share of the smaller text's shingles found in the larger at or above which a pair that
#: the Jaccard index rejects is still a republication. Measured: a truncated copy (the first
#: two of five paragraphs and a "read the full story" line) 0.90 with a Jaccard index of only
#: 0.36; republished and wire copies 0.96; a follow-up story reusing two of five paragraphs as
#: background 0.51; a rewrite 0.01. Each edited word costs a copy five shingles, so the line
#: sits below the copies with room for a few edits, well above the follow-up.
CONTAINMENT_THRESHOLD = 0.75

#: Containment decides only when the smaller text has at least this many shingles (about 45
#: words, a short news brief): a republisher's 24-word disclaimer or a "Reporting by ...;
#: editing by ..." line is wholly contained in every story that carries it.
MIN_CONTAINED_SHINGLES = 40

_SEED = b"rashomon.near_duplicates.v1"
_EMPTY_SLOT = 0xFFFFFFFF
_SLOT_FORMAT = f"<{NUM_PERM}I"

# Quotes, primes and dashes that NFKC leaves alone, folded to their ASCII forms; invisible
# format characters (soft hyphen, zero-width space and joiners, BOM) that scraped pages keep
# inside words are dropped, so "gov\u00adernment" is "government".
_FOLD = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′‹›", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―⁃−", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", None),
    }
)
_WHITESPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")


def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    """The fixed multipliers and addends of the NUM_PERM hash functions.

    They come from blake2b of a fixed seed, not from ``numpy.random``, whose streams may
    change between numpy versions: a changed value would change every stored fingerprint.
    """
    multipliers: list[int] = []
    addends: list[int] = []
    for index in range(NUM_PERM):
        digest = hashlib.blake2b(_SEED + index.to_bytes(4, "little"), digest_size=16).digest()
        multipliers.append(int.from_bytes(digest[:8], "little"))
        addends.append(int.from_bytes(digest[8:], "little"))
    return (
        np.array(multipliers, dtype=np.uint64).reshape(NUM_PERM, 1),
        np.array(addends, dtype=np.uint64).reshape(NUM_PERM, 1),
    )


_MULTIPLIERS, _ADDENDS = _permutations()


def normalise_text(text: str) -> str:
    """The text as the store compares it.

    NFKC (ligatures, full-width forms, non-breaking spaces), casefolded, curly quotes and
    dashes folded to ASCII, invisible format characters dropped, whitespace runs collapsed to
    one space, and stripped.

    Args:
        text: an article's text.

    Returns:
        The normalised text; normalising it again changes nothing.
    """
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    # Casefolding can undo NFKC ("ǰ" folds to a j and a combining caron), so normalise again.
    text = unicodedata.normalize("NFKC", text.casefold())
    return _WHITESPACE.sub(" ", text).strip()


def text_key(text: str) -> str:
    """The article's identity in the store: the sha256 hex digest of ``normalise_text(text)``.

    Args:
        text: an article's text.

    Returns:
        64 lowercase hex digits.
    """
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE_SIZE) -> set[int]:
    """The hashed word n-grams of the normalised text.

    Words are runs of letters and digits; punctuation is dropped, so "said:" and "said" are
    the same word. Each n-gram is hashed with CRC-32 of its words joined by a space, which is
    the same in every process (Python's ``hash()`` is salted per process).

    Args:
        text: an article's text.
        size: words per shingle.

    Returns:
        32-bit hashes. A text shorter than ``size`` words gives one shingle for all its
        words; a text with no words gives an empty set.
    """
    if size < 1:
        raise ValueError(f"shingle size must be at least 1, got {size}")
    words = [word.encode("utf-8") for word in _WORD.findall(normalise_text(text))]
    if len(words) <= size:
        return {zlib.crc32(b" ".join(words))} if words else set()
    return {zlib.crc32(b" ".join(words[i : i + size])) for i in range(len(words) - size + 1)}


def jaccard(a: AbstractSet[int], b: AbstractSet[int]) -> float:
    """The Jaccard index of two shingle sets, |a ∩ b| / |a ∪ b| (0.0 when both are empty)."""
    shared = len(a & b)
    union = len(a) + len(b) - shared
    return shared / union if union else 0.0


def containment(a: AbstractSet[int], b: AbstractSet[int]) -> float:
    """The share of the smaller shingle set found in the larger, |a ∩ b| / min(|a|, |b|).

    A republished copy with an added disclaimer paragraph, or a truncated copy, keeps a
    containment near 1 while its Jaccard index drops.

    Args:
        a: one text's shingles.
        b: the other's.

    Returns:
        A share from 0.0 to 1.0; 0.0 when either set is empty (an empty text is a copy of
        nothing).
    """
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def is_republication(a_text: str, b_text: str) -> bool:
    """Whether two texts are the same story, one republished from the other.

    Used to confirm a candidate pair found through shared band keys; the rule and its reasons
    are in the module docstring.

    Args:
        a_text: one article's text.
        b_text: the other's.

    Returns:
        True when the exact shingle sets have a Jaccard index of at least
        ``NEAR_DUPLICATE_THRESHOLD``, or when the smaller has at least
        ``MIN_CONTAINED_SHINGLES`` shingles and a containment of at least
        ``CONTAINMENT_THRESHOLD``.
    """
    a, b = shingles(a_text), shingles(b_text)
    if not a or not b:
        return False
    if jaccard(a, b) >= NEAR_DUPLICATE_THRESHOLD:
        return True
    return min(len(a), len(b)) >= MIN_CONTAINED_SHINGLES and containment(a, b) >= (
        CONTAINMENT_THRESHOLD
    )


@dataclass(frozen=True)
class Fingerprint:
    """A MinHash signature of a text's shingles: NUM_PERM 32-bit minima.

    Attributes:
        minhash: for each of the NUM_PERM hash functions, the smallest hash of any shingle
            (0xFFFFFFFF in every slot for a text with no words).
    """

    minhash: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.minhash) != NUM_PERM:
            raise ValueError(f"a fingerprint has {NUM_PERM} slots, got {len(self.minhash)}")

    def similarity(self, other: Fingerprint) -> float:
        """The estimated Jaccard index of the two texts' shingles: the share of equal slots."""
        equal = sum(
            1 for mine, theirs in zip(self.minhash, other.minhash, strict=True) if mine == theirs
        )
        return equal / NUM_PERM

    def band_keys(self) -> list[str]:
        """The BANDS locality-sensitive hashing keys, ``"b{index}:{hex digest}"``.

        Each key digests ROWS consecutive slots; two texts sharing any key are candidates.
        """
        data = self.to_bytes()
        width = 4 * ROWS
        return [
            f"b{band}:"
            + hashlib.blake2b(data[band * width : (band + 1) * width], digest_size=8).hexdigest()
            for band in range(BANDS)
        ]

    def to_bytes(self) -> bytes:
        """The slots as little-endian unsigned 32-bit integers (4 × NUM_PERM bytes)."""
        return struct.pack(_SLOT_FORMAT, *self.minhash)

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        """The fingerprint ``to_bytes`` wrote.

        Raises:
            ValueError: when ``data`` is not 4 × NUM_PERM bytes long (a fingerprint written
                with other constants, or truncated).
        """
        if len(data) != 4 * NUM_PERM:
            raise ValueError(
                f"a stored fingerprint has {4 * NUM_PERM} bytes, got {len(data)}; "
                "recompute it from the text"
            )
        return cls(struct.unpack(_SLOT_FORMAT, data))


def fingerprint(text: str) -> Fingerprint:
    """The MinHash fingerprint of a text's shingles, the same in every process.

    Args:
        text: an article's text.

    Returns:
        Its ``Fingerprint``.
    """
    return _fingerprint_of(shingles(text))


def _fingerprint_of(hashes: Collection[int]) -> Fingerprint:
    """The MinHash signature of a set of 32-bit shingle hashes.

    Each hash function is multiply-add-shift, h(x) = ((a·x + b) mod 2**64) >> 32 with random
    64-bit a and b: for 32-bit x it is 2-independent (Dietzfelbinger; Thorup, "High speed
    hashing for integers and strings", 2015), the same guarantee as (a·x + b) mod 2**61 - 1.
    numpy's uint64 arithmetic wraps modulo 2**64 by itself, so this is two array passes and a
    minimum; an exact mod 2**61 - 1 in uint64 needs the product split in halves and measured
    10 ms for a 1,000-word article against 0.25 ms here. The shift is monotone, so it is
    applied to the minima only.
    """
    if not hashes:
        return Fingerprint((_EMPTY_SLOT,) * NUM_PERM)
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    products = _MULTIPLIERS * values  # (NUM_PERM, len(hashes))
    products += _ADDENDS
    minima: npt.NDArray[np.uint64] = products.min(axis=1) >> np.uint64(32)
    return Fingerprint(tuple(minima.tolist()))
