"""A second opinion on each whole attribution, once its source, cue and content are drawn.

The cue classifier decides on a word before anything else is known. Whether the result is
right depends on more than the word: a cue with no source and a one-word content, or one
sitting inside another speaker's content, is wrong far more often than "said" with a named
subject and a clause. The scorer weighs the finished attribution — the cue classifier's
probability, the kind of source, the content's length and shape, and whether it nests in
another attribution — and drops those it does not believe.

It judges only the cues the classifier proposed, and never a speech verb of the lexicon
governing a clause or a denial (``settled``): PolNeAR leaves many nested acts unmarked, so
a scorer trained on it learns to doubt "the senator said the governor denied that …", and
the product needs exactly those to tell who contradicts whom.

It lets the cue classifier cast a wider net: with a scorer, the finder takes a learned cue
from a lower probability (``cue_threshold``) and leaves the final word to the scorer. On
PolNeAR dev this gains more precision than it costs recall (whole-attribution F1 66.5 →
68.0 when it came; see the README's "Modes and the shipped models").

Like the other models it is a hashed logistic regression, trained by ``rashomon train
attributions`` on what the finder draws on the training corpus, and stored as ``.npz``.
The model class is not what limits it: gradient-boosted trees over the same features (tried
with scikit-learn, on the same out-of-fold examples) reached dev whole F1 70.5 against the
logistic regression's 71.1, and averaging the two 71.1; a feature for a source who speaks
elsewhere in the article in an attribution that stands moved it to 70.9. A scorer that kept
exactly the right ones of what the finder proposes would reach 79.1 (81.8 if it could drop
the ``settled`` ones too): the room is there, the evidence in these features is not.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from rashomon.extract.attribution.classifier import DIMENSIONS, CueClassifier, hashed, logistic
from rashomon.extract.attribution.context import Context
from rashomon.extract.attribution.found import FoundAttribution
from rashomon.extract.attribution.frames import speaks_in_clause
from rashomon.extract.attribution.weights import load_weights, save_weights

__all__ = ["AttributionScorer", "attribution_features", "settled"]

BUILT_IN = "polnear_attribution_scorer.npz"
#: The cue probability from which a learned cue becomes a candidate when a scorer follows.
CUE_THRESHOLD = 0.15
_PROBABILITY_STEPS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def _bucket(value: float, edges: Sequence[float]) -> str:
    for edge in edges:
        if value < edge:
            return f"<{edge}"
    return f">={edges[-1]}"


def _contains(pieces: Sequence[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in pieces)


def settled(ctx: Context, attribution: FoundAttribution) -> bool:
    """Whether the attribution stands whatever the scorer thinks.

    The scorer judges what the cue classifier proposed, nothing else. These stand:

    - a cue the classifier does not weigh: a noun ("a statement saying the visas would be
      cancelled"), a speaker's label ("HOST: …"), a quotation's signature;
    - a lexicon speech verb governing a clause ("The minister said that the talks failed")
      or framing one ("The plan will fail, as the minister said"), which needs no second
      opinion from the classifier either;
    - a denial ("The ministry denied that troops crossed the border").

    PolNeAR leaves many nested acts unmarked, so a scorer trained on it learns to doubt
    "the senator said the governor denied that …"; claims and contradictions are built
    from exactly those. On PolNeAR dev a scorer free to drop anything scored 68.1 whole F1
    against 67.9, and dropped them.
    """
    if attribution.polarity == "deny":
        return True
    cue = ctx.doc[attribution.cue_token]
    if ctx.classifier is None or not ctx.classifier.is_candidate(cue):
        return True
    return speaks_in_clause(ctx.cues.verb_cue(cue), cue, framing=True)


def attribution_features(ctx: Context, found: Sequence[FoundAttribution], index: int) -> list[str]:
    """The features of ``found[index]``, as strings.

    ``ctx.classifier`` gives the cue's probability where the cue is one of its candidates;
    other cues (nouns, speaker labels, signed quotations) get the value ``none``.
    """
    attribution = found[index]
    cue = ctx.doc[attribution.cue_token]
    lemma = cue.lemma_.lower()
    value = ctx.cue_probability(cue)
    probability = "none" if value is None else _bucket(value, _PROBABILITY_STEPS)
    kind = attribution.kind
    features = [
        "bias",
        f"p={probability}",
        f"lemma={lemma}",
        f"pos={cue.pos_}",
        f"dep={cue.dep_}",
        f"tag={cue.tag_}",
        f"kind={kind}",
        f"sourcing={attribution.sourcing}",
        f"polarity={attribution.polarity}",
        f"negated={attribution.negated}",
        f"lemma|kind={lemma}|{kind}",
        f"p|kind={probability}|{kind}",
    ]
    source = attribution.source
    if source is None:
        # "It was reported that …", or a rule that found no subject: often right for
        # passives and headlines, often a misfire for a learned verb.
        features += ["nosource", f"nosource|lemma={lemma}", f"nosource|p={probability}"]
    else:
        if attribution.source_token is not None:
            head = ctx.doc[attribution.source_token]
            if head.lower_ in ctx.sourcing.pronouns:
                source_kind = "pron"
            else:
                source_kind = f"ent:{head.ent_type_}" if head.ent_type_ else head.pos_
            features += [
                f"source={source_kind}",
                f"source|p={source_kind}|{probability}",
                f"source_dep={head.dep_}",
            ]
        features.append("source_chars=" + _bucket(source[1] - source[0], (4, 10, 25, 50, 100)))
        features.append(f"source_after={source[0] > attribution.cue[0]}")
    content = attribution.content
    length = sum(end - start for start, end in content)
    features.append("content_chars=" + _bucket(length, (10, 25, 50, 100, 200, 400)))
    features.append(f"pieces={min(len(content), 3)}")
    if content:
        features.append(f"content_after={content[0][0] > attribution.cue[0]}")
        words = ctx.text[content[0][0] : content[0][1]].split()
        features.append("content_first=" + (words[0].lower() if words else ""))
    # "The senator said the governor claimed …": PolNeAR marks such nested acts only
    # sometimes, so nesting changes the odds.
    others = [other for number, other in enumerate(found) if number != index]
    nested = any(_contains(other.content, attribution.cue[0]) for other in others)
    holds = any(_contains(content, other.cue[0]) for other in others)
    features += [f"nested={nested}", f"nested|p={nested}|{probability}", f"holds={holds}"]
    return features


@dataclass(frozen=True)
class AttributionScorer:
    """Hashed logistic regression deciding whether a whole attribution stands.

    Args:
        weights: one weight per hashed feature.
        threshold: the probability from which an attribution is kept.
        cue_threshold: the cue probability from which the finder proposes a learned cue;
            the scorer was trained on what the finder proposed from there.
        floor: the user's own bar (``--min-confidence``): below it every attribution goes,
            the ``settled`` ones too.
    """

    weights: np.ndarray
    threshold: float = 0.3
    cue_threshold: float = CUE_THRESHOLD
    floor: float = 0.0

    def probability(self, ctx: Context, found: Sequence[FoundAttribution], index: int) -> float:
        """P(right) for ``found[index]``."""
        return logistic(float(self.weights[hashed(attribution_features(ctx, found, index))].sum()))

    def keep(self, ctx: Context, found: list[FoundAttribution]) -> list[FoundAttribution]:
        """The attributions the scorer believes, and the ``settled`` ones, in their order.

        Each gets its probability as ``confidence``; none below ``floor`` is kept. Every
        attribution is scored against the full list, so that dropping one does not change
        what its neighbours look like.
        """
        kept = []
        for index, attribution in enumerate(found):
            confidence = round(self.probability(ctx, found, index), 3)
            attribution.confidence = confidence
            if confidence < self.floor:
                continue
            if confidence >= self.threshold or settled(ctx, attribution):
                kept.append(attribution)
        return kept

    def candidates(self, classifier: CueClassifier) -> CueClassifier:
        """``classifier`` proposing cues from the probability this scorer was trained on."""
        if classifier.threshold == self.cue_threshold:
            return classifier
        return replace(classifier, threshold=self.cue_threshold)

    def save(self, path: Path) -> None:
        save_weights(
            path,
            self.weights,
            threshold=np.array(self.threshold),
            cue_threshold=np.array(self.cue_threshold),
        )

    @classmethod
    def load(cls, path: Path | None = None) -> AttributionScorer:
        """A scorer written by ``save``; the shipped one when ``path`` is None."""
        weights, extra = load_weights(path, BUILT_IN, DIMENSIONS)
        return cls(weights, float(extra["threshold"]), float(extra["cue_threshold"]))

    @classmethod
    @functools.cache
    def default(cls) -> AttributionScorer:
        """The built-in scorer, trained on PolNeAR train."""
        return cls.load()
