"""Group the attributions of one article into claims, and say who asserts and who denies each.

A claim is a proposition; several attributions may be about it. They are tied together by,
in order of strength:

1. **reference** — a denial whose content points back to earlier reporting ("rejected
   reports that X", "also repudiated the reports") joins the claim of those reports;
2. **continuation** — "…, saying that …", "…, adding that …", and "He added that …" continue
   the act before them and take its side;
3. **resemblance** — shared content words (names weigh double, generic words half), plus a
   bonus when the speaker is named in the claim (an actor speaking about itself, a government
   about its country, or the same organisation as a speaker already on the claim). A
   negated content ("no vessel has spilled anything") joins the claim
   it resembles on the opposite side.

Everything else becomes a claim of its own: every attribution belongs to exactly one claim.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rashomon.lexicons import lexicons, load_table

__all__ = ["ClaimInput", "ClaimGroup", "claim_keys", "claim_terms", "group_claims", "term_weight"]

#: A claim and an attribution this alike are about the same proposition.
JOIN_THRESHOLD = 3.0
_NAME_WEIGHT = 2.0
_WORD_WEIGHT = 1.0
_GENERIC_WEIGHT = 0.5
_SPEAKER_BONUS = 2.0


@dataclass
class ClaimInput:
    """What grouping needs to know of one attribution."""

    id: str
    text: str
    polarity: str
    negated: bool
    lemmas: Sequence[str]
    names: Sequence[str]
    speaker_words: Sequence[str]
    entity: int | None = None
    parent: int | None = None
    refers_to: int | None = None
    continues: bool = False


@dataclass
class ClaimGroup:
    """A claim being built."""

    text: str
    keys: dict[str, float]
    negated: bool
    speakers: set[str] = field(default_factory=set)
    asserted_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)

    @property
    def contested(self) -> bool:
        return bool(self.asserted_by and self.denied_by)


@functools.cache
def _generic_words() -> frozenset[str]:
    return frozenset(row["word"] for row in load_generic_words_v1())


def load_generic_words_v1() -> tuple[dict[str, str], ...]:
    """Words too common in news to tie two statements together on their own."""
    return load_table("generic_words.tsv", ("word",))


lexicons.register("rashomon.generic_words.v1", func=load_generic_words_v1)


def group_claims(
    items: Sequence[ClaimInput], normalise: Callable[[str], str | None]
) -> tuple[list[ClaimGroup], list[int]]:
    """Group attributions into claims.

    Args:
        items: the attributions, in text order.
        normalise: maps a word to a canonical key when it names a country ("Kenyan",
            "Nairobi" → "KEN"), else ``None``.

    Returns:
        The claims, and for each item the index of its claim.
    """
    claims: list[ClaimGroup] = []
    claim_of: list[int] = [-1] * len(items)
    denies: list[bool] = [False] * len(items)
    last_of_entity: dict[int, int] = {}
    # Text order, except that a statement pointing at a later one ("rejected reports that X"
    # points at the reports inside it) waits for that one.
    order: list[int] = []
    placed: set[int] = set()

    def place(index: int, seen: frozenset[int] = frozenset()) -> None:
        if index in placed or index in seen:
            return
        for other in (items[index].refers_to, items[index].parent):
            if other is not None:
                place(other, seen | {index})
        placed.add(index)
        order.append(index)

    for index in range(len(items)):
        place(index)
    for index in order:
        item = items[index]
        keys = claim_keys(item.lemmas, item.names, normalise)
        target: int | None = None
        deny = item.polarity == "deny"
        if item.refers_to is not None and claim_of[item.refers_to] >= 0:
            target = claim_of[item.refers_to]
        elif item.parent is not None and claim_of[item.parent] >= 0:
            target, deny = claim_of[item.parent], denies[item.parent]
        elif item.continues and item.entity is not None and item.entity in last_of_entity:
            previous = last_of_entity[item.entity]
            target, deny = claim_of[previous], denies[previous]
        else:
            target = _most_alike(claims, keys, item, normalise)
            if target is not None:
                deny = (item.polarity == "deny") != (item.negated != claims[target].negated)
        if target is None:
            claims.append(ClaimGroup(text=_claim_text(item.text), keys=keys, negated=item.negated))
            target = len(claims) - 1
        claim = claims[target]
        claim.speakers.update(_speaker_keys(item, normalise))
        (claim.denied_by if deny else claim.asserted_by).append(item.id)
        claim_of[index], denies[index] = target, deny
        if item.entity is not None:
            last_of_entity[item.entity] = index
    position = {item.id: n for n, item in enumerate(items)}
    for claim in claims:
        claim.asserted_by.sort(key=position.__getitem__)
        claim.denied_by.sort(key=position.__getitem__)
    return claims, claim_of


def claim_keys(
    lemmas: Sequence[str], names: Sequence[str], normalise: Callable[[str], str | None]
) -> dict[str, float]:
    """Weighted words of a proposition: names and countries double, generic words half."""
    generic = _generic_words()
    keys: dict[str, float] = {}
    named = {n.lower() for n in names}
    for lemma in lemmas:
        key = normalise(lemma) or lemma
        if key != lemma or lemma in named:
            weight = _NAME_WEIGHT
        elif lemma in generic:
            weight = _GENERIC_WEIGHT
        else:
            weight = _WORD_WEIGHT
        keys[key] = max(weight, keys.get(key, 0.0))
    return keys


def claim_terms(keys: dict[str, float]) -> tuple[str, ...]:
    """A claim's keys as ``Claim.terms``: strongest first, names capitalised.

    The weight is carried by the spelling, so that ``term_weight`` can rebuild it from the
    stored words alone: a country code stays upper-case ("KEN"), another name is capitalised
    ("Mombasa"), a plain lemma stays lower-case.
    """
    ordered = sorted(keys.items(), key=lambda item: (-item[1], item[0]))
    terms = []
    for key, weight in ordered:
        if weight >= _NAME_WEIGHT and not key.isupper():
            key = key[:1].upper() + key[1:]
        terms.append(key)
    return tuple(terms)


def term_weight(term: str) -> float:
    """The weight of one of ``Claim.terms``: names double, generic words half."""
    if term[:1].isupper():
        return _NAME_WEIGHT
    if term in _generic_words():
        return _GENERIC_WEIGHT
    return _WORD_WEIGHT


def _most_alike(
    claims: list[ClaimGroup],
    keys: dict[str, float],
    item: ClaimInput,
    normalise: Callable[[str], str | None],
) -> int | None:
    speaker = _speaker_keys(item, normalise)
    best, best_score = None, JOIN_THRESHOLD - 1e-9
    for index, claim in enumerate(claims):
        score = sum(
            min(weight, claim.keys[key]) for key, weight in keys.items() if key in claim.keys
        )
        named_in_claim = any(claim.keys.get(word, 0.0) >= _NAME_WEIGHT for word in speaker)
        if named_in_claim or speaker & claim.speakers:
            score += _SPEAKER_BONUS
        if score > best_score:
            best, best_score = index, score
    return best


def _speaker_keys(item: ClaimInput, normalise: Callable[[str], str | None]) -> set[str]:
    """Canonical words naming the speaker: "Kenya's Ports Ministry" → {KEN, ports, ministry}."""
    return {
        normalise(word) or word.lower()
        for word in item.speaker_words
        if word.lower() not in _NOT_SPEAKER_WORDS
    }


_NOT_SPEAKER_WORDS = {"the", "a", "an", "he", "she", "they", "it", "we", "i", "his", "her", "their"}


def _claim_text(text: str) -> str:
    """The proposition as a reader wants it: no "that", no framing quote marks or commas."""
    stripped = text.strip()
    if stripped.lower().startswith("that "):
        stripped = stripped[5:]
    stripped = stripped.strip(" ,;")
    if (
        len(stripped) >= 2
        and stripped[0] in '"“'
        and stripped[-1] in '"”'
        and stripped.count(stripped[0]) <= 2
    ):
        stripped = stripped[1:-1].strip(" ,;")
    return stripped
