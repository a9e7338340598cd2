"""A cue model learned from an annotated corpus: which words, in which frame, are cues.

News attributes far more than speech: "voted for", "endorsed", "called him a liar", "the poll
shows". A hand-made lexicon cannot list them all, and many of them are cues only in some
frames ("called for the ban", not "called a meeting"). ``CueModel`` counts, over a gold corpus
such as PolNeAR train, how often a lemma in a given frame heads a gold cue, and takes a word as
a cue when that share is high enough. It is a table of counts: small, fast to look up,
readable, and reproduced exactly by ``rashomon train attributions``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from rashomon.errors import LexiconError
from rashomon.extract.attribution.quotes import find_quotes
from rashomon.lexicons import read_table

__all__ = ["CueModel", "cue_frame", "count_cues"]

_COLUMNS = ("lemma", "pos", "frame", "cues", "total")
#: The built-in model, trained on PolNeAR train (see README: "Shipped model").
BUILT_IN = "polnear_cues.tsv"
#: Part-of-speech tags that can head a cue.
_CUE_POS = {"VERB", "NOUN", "AUX", "ADJ"}
_BOUND = {"for", "about", "against", "on", "to", "of", "with", "as"}


def cue_frame(token: Token) -> str:
    """What a candidate cue governs, in one word.

    ``clause`` ("said that …"), ``infinitive`` ("pledged to …"), ``object`` ("denied the
    reports"), ``prep:for`` ("called for …"), ``subject`` (only a subject), ``none``.
    """
    deps = {child.dep_ for child in token.children}
    if deps & {"ccomp", "parataxis"} or token.dep_ == "parataxis":
        return "clause"
    if "xcomp" in deps:
        return "infinitive"
    if deps & {"dobj", "obj", "attr", "oprd"}:
        return "object"
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _BOUND and child.i > token.i:
            return f"prep:{child.lower_}"
    if deps & {"nsubj", "nsubjpass", "poss"}:
        return "subject"
    return "none"


@dataclass(frozen=True)
class CueModel:
    """Counts of (lemma, part of speech, frame) → (times a gold cue, times seen).

    Args:
        counts: the table.
        threshold: the share of gold cues above which a word is taken as a cue.
        minimum: how many gold cues a key needs before it is trusted.
    """

    counts: Mapping[tuple[str, str, str], tuple[int, int]]
    threshold: float = 0.45
    minimum: int = 2

    def is_cue(self, token: Token) -> bool:
        """Whether the model takes ``token`` as a cue in its frame."""
        if token.pos_ not in _CUE_POS:
            return False
        cues, total = self._counts(token)
        return cues >= self.minimum and cues / (total + 1) >= self.threshold

    def _counts(self, token: Token) -> tuple[int, int]:
        return self.counts.get((token.lemma_.lower(), token.pos_, cue_frame(token)), (0, 0))

    @classmethod
    @functools.cache
    def default(cls) -> CueModel:
        """The built-in model, trained on PolNeAR train."""
        text = resources.files("rashomon.models").joinpath(BUILT_IN).read_text(encoding="utf-8")
        return cls.from_rows(read_table(text, where=BUILT_IN, columns=_COLUMNS))

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, str]], threshold: float = 0.45) -> CueModel:
        counts: dict[tuple[str, str, str], tuple[int, int]] = {}
        for row in rows:
            try:
                counts[(row["lemma"], row["pos"], row["frame"])] = (
                    int(row["cues"]),
                    int(row["total"]),
                )
            except ValueError as error:
                raise LexiconError(f"bad count in row {row}", where=BUILT_IN) from error
        return cls(counts, threshold)

    def save(self, path: Path) -> None:
        """Write the table as TSV, sorted, so that retraining gives the same file."""
        lines = [
            "# Cue model: how often (lemma, part of speech, frame) heads a gold cue.",
            "# Written by `rashomon train attributions`; see README, 'Shipped model'.",
            "\t".join(_COLUMNS),
        ]
        for (lemma, pos, frame), (cues, total) in sorted(self.counts.items()):
            lines.append(f"{lemma}\t{pos}\t{frame}\t{cues}\t{total}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _quoted_tokens(doc: Doc) -> set[int]:
    inside: set[int] = set()
    for quote in find_quotes(doc.text):
        span = doc.char_span(quote.start + 1, quote.end - 1, alignment_mode="contract")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def count_cues(pairs: Iterable[tuple[Doc, Iterable[tuple[int, int]]]]) -> CueModel:
    """Count cue heads over parsed documents and their gold cue spans (character ranges).

    Only keys that were a gold cue at least once are kept, which keeps the table small.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    cued: Counter[tuple[str, str, str]] = Counter()
    for doc, cue_spans in pairs:
        heads: set[int] = set()
        for start, end in cue_spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                heads.add(span.root.i)
        quoted = _quoted_tokens(doc)
        for token in doc:
            # The finder never takes a word inside a quotation as a cue; neither do the counts.
            if token.pos_ not in _CUE_POS or token.i in quoted:
                continue
            key = (token.lemma_.lower(), token.pos_, cue_frame(token))
            seen[key] += 1
            if token.i in heads:
                cued[key] += 1
    return CueModel({key: (cued[key], seen[key]) for key in cued})
