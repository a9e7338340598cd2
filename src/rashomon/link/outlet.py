"""The outlet's own voice: contestable assertions the article makes with no source.

A sentence is the outlet's own claim when no attribution covers it (no cue, source or content
inside it), it is not a provenance line, and it asserts something: a declarative sentence
with a finite verb and enough words to state a proposition. Headlines without a verb,
questions, imperatives ("Read the rest here.") and short fragments are not claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

__all__ = ["find_outlet_voice"]

_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_MIN_WORDS = 6


def find_outlet_voice(
    doc: Doc, covered: Sequence[tuple[int, int]], excluded: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character ranges of the sentences the outlet asserts in its own voice.

    Args:
        doc: the parsed article.
        covered: ranges that belong to attributions (sources, cues, contents).
        excluded: ranges that are not part of the story (provenance lines).
    """
    found: list[tuple[int, int]] = []
    for sentence in doc.sents:
        start, end = _trimmed(sentence)
        if end <= start or _touches(start, end, covered) or _touches(start, end, excluded):
            continue
        if _asserts(sentence):
            found.append((start, end))
    return found


def _trimmed(sentence: Span) -> tuple[int, int]:
    text = sentence.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return sentence.start_char + left, sentence.start_char + right


def _touches(start: int, end: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _asserts(sentence: Span) -> bool:
    words = [t for t in sentence if t.is_alpha]
    if len(words) < _MIN_WORDS or sentence.text.rstrip().endswith(("?", ":")):
        return False
    root = sentence.root
    if root.tag_ == "VB" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in root.children
    ):
        # "Read the rest here." — an imperative tells, it does not claim.
        return False
    if root.tag_ in _FINITE_TAGS:
        return True
    return any(c.tag_ in _FINITE_TAGS and c.dep_ in {"aux", "auxpass"} for c in root.children)
