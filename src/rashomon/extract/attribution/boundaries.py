"""A learned boundary model: where a content (or a source, or a cue) starts and ends.

The rules find *which* clause is said, but where its edges fall is a matter of convention
that the parse does not settle: PolNeAR keeps a trailing apposition in a content more often
than not, but leaves out a trailing ", which …" clause more often than it keeps it. This
model learns those conventions from a gold corpus. For each edge of a span the rules found,
it scores every token in a small window around that edge with a hashed linear model over the
token, its neighbours, its place in the parse and its distance from the rules' edge, and
moves the edge to the best-scoring token (a pointer, as in span-extraction readers, but
linear and on the CPU). The rules' edge is one of the candidates and a feature, and wins
ties, so the model only moves an edge where the corpus says it should; structural limits
(``candidates``, ``movable``) keep it from what no corpus habit justifies.

Trained by ``rashomon train attributions`` beside the cue classifier; stored in a small
``.npz`` file. The shipped model moves content edges only (``LEARNED_ROLES``).

A fine-tuned transformer was measured against it (all-MiniLM-L6-v2 from the ``embeddings``
extra, tagging the content of a given cue in its sentence and the ones either side, the cue
marked by token type, one contiguous span decoded; PolNeAR train, 18,816 attributions, two
epochs, 40 minutes on two cores shared with other work). On dev, given the cues the finder
found, its contents alone: whole F1 71.5 and exact content 62.1, against 71.0 and 63.3 with
this model; taken only where it disagrees with this model by a Jaccard under 0.5: 71.8 and
63.2. It finds the far edges this model cannot reach, and misses the near conventions it
has learned; the gain is less than a point for a 90 MB model, PyTorch at run time and a
training run ten times as long as the rest, so it was not built into the product.
"""

from __future__ import annotations

import functools
import random
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Token

from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.spans import QUOTE_MARKS, char_span_of, trim
from rashomon.extract.attribution.weights import load_weights, save_weights

__all__ = [
    "BoundaryExample",
    "BoundaryModel",
    "LEARNED_ROLES",
    "ROLES",
    "DocView",
    "candidates",
    "edge_bounds",
    "edge_options",
    "movable",
    "refine",
    "role_range",
    "token_range",
    "token_spans",
    "train_boundaries",
]

BUILT_IN = "polnear_boundaries.npz"
#: The spans whose edges a model can learn to move.
ROLES = ("content", "source", "cue")
#: The ones the shipped model moves. Sources and cues were tried (PolNeAR dev, this parse):
#: exact source F1 +0.2 and cue +0.8, but whole-attribution F1 fell 0.1, and they learn
#: PolNeAR habits a reader does not want: a source loses its relative clause ("Lawmakers,
#: who oppose the rule, said …" → "Lawmakers") and a noun cue swallows the participle that
#: is a cue of its own ("statement saying"). Cue edges held to the verb group (auxiliaries,
#: adverbs, particles, the day it was said, a preposition whose object is the content) were
#: tried too: exact cue F1 73.7 → 73.6, whole unchanged, because PolNeAR puts the day in
#: the cue as often as not ("said Friday" fixed 6, broke 6); the cue gains above came from
#: edges that ran into the content's second piece ("known" → "known as" with the content
#: "as the Buffett rule").
LEARNED_ROLES = ("content",)
_DIMENSIONS = 1 << 18
#: How far (in tokens) an edge may move from where the rules put it. A wider reach lets the
#: model find the far edges of the contents it gets most wrong (", so thousands of shooting
#: victims does not …" left out, "… during a campaign stop in Flint" kept in), but it picks
#: a far edge wrongly more often than rightly: 20 tokens, retrained, took PolNeAR dev whole
#: F1 from 71.0 to 70.6 and exact content from 62.9 to 62.6.
WINDOW = 8
_PUNCT = {"PUNCT"}


def _crc(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % _DIMENSIONS


def _token_features(token: Token, side: str) -> list[str]:
    """What a token says about whether a span starts (side ``s``) or ends (``e``) at it."""
    doc = token.doc
    previous = doc[token.i - 1] if token.i > 0 else None
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    prev_word = previous.lower_ if previous is not None else "<s>"
    prev_tag = previous.tag_ if previous is not None else "<s>"
    next_word = following.lower_ if following is not None else "</s>"
    next_tag = following.tag_ if following is not None else "</s>"
    next_dep = following.dep_ if following is not None else "</s>"
    after_word = after.lower_ if after is not None else "</s>"
    features = [
        f"w={token.lower_}",
        f"t={token.tag_}",
        f"d={token.dep_}",
        f"hd={token.head.dep_}",
        f"pw={prev_word}",
        f"pt={prev_tag}",
        f"nw={next_word}",
        f"nt={next_tag}",
        f"nd={next_dep}",
        f"t|pt={token.tag_}|{prev_tag}",
        f"t|nt={token.tag_}|{next_tag}",
        f"w|pw={token.lower_}|{prev_word}",
        f"w|nw={token.lower_}|{next_word}",
        f"nw|aw={next_word}|{after_word}",
        f"d|nd={token.dep_}|{next_dep}",
        f"sent_start={token.is_sent_start}",
        f"sent_end={following is None or bool(following.is_sent_start)}",
    ]
    if side == "s":
        # The phrases that begin here: "that" opens a clause, an apposition its own phrase.
        ancestor = token
        while ancestor.head.i != ancestor.i and ancestor.left_edge == token:
            features.append(f"opens={ancestor.dep_}")
            ancestor = ancestor.head
        if ancestor.left_edge == token:
            features.append(f"opens={ancestor.dep_}")
    else:
        # The phrases that end here, and the phrase that follows: ", which …" (relcl),
        # ", the former governor" (appos), ", citing …" (advcl).
        ancestor = token
        while ancestor.head.i != ancestor.i and ancestor.right_edge == token:
            features.append(f"closes={ancestor.dep_}")
            ancestor = ancestor.head
        if ancestor.right_edge == token:
            features.append(f"closes={ancestor.dep_}")
        nxt = following
        if nxt is not None and nxt.pos_ in _PUNCT and after is not None:
            features.append(f"after_punct={nxt.text}|{after.dep_}|{after.head.dep_}")
    return features


def _relative_features(token: Token, edge: int, cue: Token, side: str) -> list[str]:
    """Where the candidate lies from the rules' edge and from the cue."""
    distance = str(token.i - edge)  # within ±WINDOW: candidates never lie farther
    to_cue = token.i - cue.i
    cue_bin = (
        "0"
        if to_cue == 0
        else ("-" if to_cue < 0 else "+")
        + ("1" if abs(to_cue) == 1 else "2-3" if abs(to_cue) <= 3 else "4+")
    )
    features = [
        f"rel={distance}",
        f"rel|t={distance}|{token.tag_}",
        f"rel|w={distance}|{token.lower_}",
        f"rel|d={distance}|{token.dep_}",
        f"cue={cue_bin}",
        f"cue|t={cue_bin}|{token.tag_}",
        f"cue|d={cue_bin}|{token.dep_}",
        f"cuelemma|rel={cue.lemma_.lower()}|{distance}",
    ]
    between = token.doc[min(edge, token.i) : max(edge, token.i)]
    if any(t.pos_ in _PUNCT for t in between):
        features.append(f"crosses_punct={'+' if token.i > edge else '-'}")
    if side == "e" and token.i > edge:
        features.append(
            f"extends_over={token.doc[edge + 1].lower_ if edge + 1 < len(token.doc) else ''}"
        )
    return features


#: One document's hashed token features, by (token, role, side).
FeatureCache = dict[tuple[int, str, str], list[int]]


def _indices(
    token: Token, role: str, side: str, edge: int, cue: Token, cache: FeatureCache
) -> list[int]:
    """The hashed features of one candidate: its own (cached per document) and relative ones."""
    prefix = f"{role}{side}:"
    key = (token.i, role, side)
    base = cache.get(key)
    if base is None:
        base = [_crc(prefix + f) for f in _token_features(token, side)]
        cache[key] = base
    return base + [_crc(prefix + f) for f in _relative_features(token, edge, cue, side)]


def candidates(doc: Doc, edge: int, low: int, high: int, side: str) -> list[int]:
    """The tokens an edge at ``edge`` may move to: within ``WINDOW`` of it and ``[low, high]``.

    A span may shrink freely, but it grows only over words that hang on words inside it:
    "The mayor says the road is closed, but the drivers keep coming" — "but … coming" hangs
    on "says", outside the content, so the content cannot take it; "The rebels' claim that
    they control the city is false" — nor "is false". (``low`` is the span's start when an
    end moves, ``high`` its end when a start moves.)
    """
    first, last = max(low, edge - WINDOW), min(high, edge + WINDOW)
    # Nor does it shrink past its own head: "rejected claims that the vote was rigged" keeps
    # "claims", the phrase the content is, wherever a corpus starts such contents.
    head = _head_of(doc, low if side == "e" else edge, edge if side == "e" else high)
    if head is not None:
        if side == "s":
            last = min(last, head)
        else:
            first = max(first, head)
    if side == "e":
        reach = edge
        while reach < last and _hangs_inside(doc[reach + 1], low, reach + 1):
            reach += 1
        last = reach
    else:
        reach = edge
        while reach > first and _hangs_inside(doc[reach - 1], reach - 1, high):
            reach -= 1
        first = reach
    options = [i for i in range(first, last + 1) if not doc[i].is_space]
    if edge not in options:
        # The rules' edge is always a choice: keeping it can break nothing.
        options.append(edge)
        options.sort()
    return options


def _head_of(doc: Doc, start: int, end: int) -> int | None:
    """The first token of ``[start, end]`` whose head lies outside it: the span's head."""
    for token in doc[start : end + 1]:
        outside = not start <= token.head.i <= end or token.head.i == token.i
        if outside and not token.is_punct:
            return token.i
    return None


def _hangs_inside(token: Token, start: int, end: int) -> bool:
    """Whether a word may join the span ``[start, end]``: a mark, or a word whose chain of
    heads enters the span before it reaches the sentence root ("the" → "bridge" → "is" →
    "closed" may join "the road is closed" in "… closed and the bridge is down")."""
    if token.is_punct or token.is_space:
        return True
    node = token
    # A chain of heads is never longer than the document (``Token.sent`` would walk every
    # sentence of it on each call).
    for _ in range(len(token.doc)):
        head = node.head
        if head.i == node.i:
            return False
        if start <= head.i <= end:
            return True
        node = head
    return False


@dataclass(frozen=True)
class BoundaryExample:
    """One edge to learn: the candidates, the rules' edge, the cue, and the gold token."""

    doc: Doc
    role: str
    side: str
    edge: int
    cue: int
    options: tuple[int, ...]
    gold: int


@dataclass
class BoundaryModel:
    """Hashed linear scorers, one per (role, side), that pick each span edge among candidates.

    Args:
        weights: one weight per hashed feature (the role and side are part of each feature).
        roles: the roles whose edges the model moves.
    """

    weights: np.ndarray
    roles: frozenset[str] = frozenset(ROLES)

    def choose(
        self,
        doc: Doc,
        role: str,
        side: str,
        edge: int,
        cue: int,
        options: Sequence[int],
        cache: FeatureCache | None = None,
    ) -> int:
        """The best candidate for one edge (the rules' edge when there is no other).

        ``cache`` keeps one document's token features between calls.
        """
        if len(options) <= 1 or role not in self.roles:
            return edge
        cache = {} if cache is None else cache
        cue_token = doc[cue]
        values = [
            float(self.weights[_indices(doc[i], role, side, edge, cue_token, cache)].sum())
            for i in options
        ]
        # On a tie the rules' edge stays: a model that knows nothing moves nothing.
        best = max(range(len(options)), key=lambda k: (values[k], options[k] == edge))
        return options[best]

    def save(self, path: Path) -> None:
        save_weights(path, self.weights, roles=np.array(sorted(self.roles)))

    @classmethod
    def load(cls, path: Path | None = None) -> BoundaryModel:
        """A model written by ``save``; the shipped one when ``path`` is None."""
        weights, extra = load_weights(path, BUILT_IN, _DIMENSIONS)
        return cls(weights, frozenset(str(x) for x in extra["roles"]))

    @classmethod
    @functools.cache
    def default(cls) -> BoundaryModel:
        """The built-in model, trained on PolNeAR train."""
        return cls.load()


def train_boundaries(
    examples: Sequence[BoundaryExample],
    *,
    roles: frozenset[str] = frozenset(LEARNED_ROLES),
    epochs: int = 5,
    rate: float = 0.1,
    seed: int = 13,
) -> BoundaryModel:
    """Fit the scorers by stochastic gradient descent on the softmax over each edge's options."""
    rows = []
    for example in examples:
        cue = example.doc[example.cue]
        cache: FeatureCache = {}
        options = [
            np.array(_indices(example.doc[i], example.role, example.side, example.edge, cue, cache))
            for i in example.options
        ]
        rows.append((options, example.options.index(example.gold)))
    weights = np.zeros(_DIMENSIONS, dtype=np.float64)
    # Averaged weights (Daumé's trick: w_avg = w - u / c, where u sums each update times the
    # step it was made at) generalise far better than the last ones: lexical features fit
    # the training corpus's boundaries quickly and then swing with every example.
    updates = np.zeros_like(weights)
    order = list(range(len(rows)))
    shuffle = random.Random(seed).shuffle
    count = 1
    for _epoch in range(epochs):
        shuffle(order)
        for position in order:
            options, gold = rows[position]
            values = np.array([weights[indices].sum() for indices in options])
            values -= values.max()
            probabilities = np.exp(values)
            probabilities /= probabilities.sum()
            for k, indices in enumerate(options):
                gradient = probabilities[k] - (1.0 if k == gold else 0.0)
                if abs(gradient) > 1e-3:
                    np.add.at(weights, indices, -rate * gradient)
                    np.add.at(updates, indices, -rate * gradient * count)
            count += 1
    return BoundaryModel(weights - updates / count, roles)


def token_range(doc: Doc, piece: tuple[int, int]) -> tuple[int, int] | None:
    """The first and last token of a character range."""
    span = doc.char_span(piece[0], piece[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end - 1


@dataclass(frozen=True)
class DocView:
    """What the edge rules read of a document, computed once per document.

    ``Doc.text`` joins every token on each call and ``Token.sent`` walks every sentence, so
    asking them per edge made the edges of a long article cost as much as its parse.
    ``sentences`` holds the ``[start, end)`` token range of each token's sentence.
    """

    text: str
    sentences: Sequence[tuple[int, int]]

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        bounds = [(0, len(doc))] * len(doc)
        for sentence in doc.sents:
            for i in range(sentence.start, sentence.end):
                bounds[i] = (sentence.start, sentence.end)
        return cls(doc.text, bounds)


def edge_bounds(
    doc: Doc,
    own: tuple[int, int],
    others: Sequence[tuple[int, int]],
    side: str,
    start: int,
    view: DocView | None = None,
) -> tuple[int, int]:
    """How far one edge of a span may move: within its sentence, never onto another span.

    ``others`` are the token ranges of the attribution's other spans; the start may not move
    left past one that ends before the span, the end not right past one that begins after it.
    An edge stays in the sentence it is in, so a quotation over several sentences keeps them.
    ``view`` is the document's ``DocView`` (made here when not given).
    """
    view = view if view is not None else DocView.of(doc)
    sentence_start, sentence_end = view.sentences[own[0] if side == "s" else own[1]]
    if side == "s":
        low, high = sentence_start, min(own[1], sentence_end - 1)
        for _first, last in others:
            if last < own[0]:
                low = max(low, last + 1)
    else:
        low, high = max(start, sentence_start), sentence_end - 1
        for first, _last in others:
            if first > own[1]:
                high = min(high, first - 1)
    return low, high


def movable(text: str, piece: tuple[int, int], side: str) -> bool:
    """Whether an edge is the model's to move: an edge on a quote mark is the quotation's.

    '"We will not back down," the leader said' — the marks bound what was said, whatever a
    corpus's habits with clauses are.
    """
    inner = text[piece[0] : piece[1]].strip()
    return bool(inner) and (inner[0] if side == "s" else inner[-1]) not in QUOTE_MARKS


def role_range(attribution: FoundAttribution, role: str) -> tuple[int, int]:
    """The character range of one role's span (the first piece of a content)."""
    if role == "content":
        return attribution.content[0]
    if role == "source" and attribution.source is not None:
        return attribution.source
    return attribution.cue


Spans = dict[str, tuple[int, int] | None]


def token_spans(doc: Doc, attribution: FoundAttribution) -> Spans:
    """The token range of each role's span; a content of several pieces has none to move."""
    return {
        "content": token_range(doc, attribution.content[0])
        if len(attribution.content) == 1
        else None,
        "source": token_range(doc, attribution.source) if attribution.source else None,
        "cue": token_range(doc, attribution.cue),
    }


def edge_options(
    doc: Doc,
    attribution: FoundAttribution,
    spans: Spans,
    role: str,
    side: str,
    start: int,
    view: DocView | None = None,
) -> list[int] | None:
    """Where one edge of a role's span may go (``None``: it is not the model's to move).

    ``start`` is where the span starts now, for the bounds of its end; ``view`` as for
    ``edge_bounds``.
    """
    own = spans[role]
    if own is None:
        return None
    view = view if view is not None else DocView.of(doc)
    if not movable(view.text, role_range(attribution, role), side):
        return None
    others = [r for name, r in spans.items() if name != role and r is not None]
    low, high = edge_bounds(doc, own, others, side, start, view)
    return candidates(doc, own[0] if side == "s" else own[1], low, high, side)


def refine(doc: Doc, found: Sequence[FoundAttribution], model: BoundaryModel) -> None:
    """Move the edges of each attribution's spans where the model says the corpus puts them.

    Contents of one piece, sources and cues are refined; a content of several pieces (a
    quotation split by its cue) keeps the edges the quote marks gave it.
    """
    if not found:
        return
    view = DocView.of(doc)
    text = view.text
    cache: FeatureCache = {}
    for attribution in found:
        spans = token_spans(doc, attribution)
        cue = attribution.cue_token
        for role in ROLES:
            own = spans[role]
            if own is None or role not in model.roles:
                continue
            first = own[0]
            options = edge_options(doc, attribution, spans, role, "s", own[0], view)
            if options is not None:
                first = model.choose(doc, role, "s", own[0], cue, options, cache)
            last = own[1]
            options = edge_options(doc, attribution, spans, role, "e", first, view)
            if options is not None and own[1] >= first:
                last = model.choose(doc, role, "e", own[1], cue, options, cache)
            moved = list(doc[min(first, own[0]) : max(first, own[0])]) + list(
                doc[min(last, own[1]) + 1 : max(last, own[1]) + 1]
            )
            if all(t.is_punct for t in moved):
                # Moving an edge over punctuation alone changes nothing a corpus scores
                # ("say to them?" / "say to them"); the rules' edge stays.
                continue
            piece = trim(text, *char_span_of(doc, first, last))
            if piece[0] >= piece[1]:
                continue
            spans[role] = (first, last)
            if role == "content":
                attribution.content = [piece]
            elif role == "source":
                attribution.source = piece
            else:
                attribution.cue = piece
