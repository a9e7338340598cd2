"""The pipeline: read → parse → extract → link, for one article or many.

``Analyzer`` holds the loaded spaCy pipeline (loaded once per process) and turns articles into
``Analysis`` objects; ``analyze()`` is the one-call convenience on a shared analyzer. This is
the only place where spaCy's ``Doc`` extensions are turned into the typed model.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.extract.actors import ActorCoder
from rashomon.extract.attribution.sourcing import content_lemmas
from rashomon.extract.events.codes import CameoCodes
from rashomon.extract.events.convert import to_events
from rashomon.extract.events.petrarch_events import ARTICLE_DATE
from rashomon.link.claims import ClaimInput, claim_keys, claim_terms, group_claims
from rashomon.link.dates import resolve_date
from rashomon.link.outlet import find_outlet_voice
from rashomon.model import Analysis, Article, Attribution, Claim, Entity, Source, Span
from rashomon.nlp.extensions import ATTRIBUTIONS, ENTITIES, EVENTS
from rashomon.nlp.loading import load_pipeline
from rashomon.read import to_article

__all__ = ["Analyzer", "analyze"]

_NAME_WORD = re.compile(r"[A-Z][\w-]+")


class Analyzer:
    """Analyses articles with one loaded pipeline.

    Args:
        nlp: a spaCy pipeline that already has rashomon's components; by default the
            installed English model with them added.
        mode: ``default`` (the lexicon plus the cues learned from PolNeAR train) or
            ``rules`` (the hand-made lexicon alone); ignored when ``nlp`` is given.
        dictionaries: a folder holding one PETRARCH dictionary set, or a PETRARCH config
            file: events are then coded with those dictionaries instead of the built-in verb
            lexicon; ignored when ``nlp`` is given.
        dictionary_prefix: with a folder holding several sets, the file-name prefix of the
            one to use (``PETR.Validate``).
        min_confidence: keep only the attributions whose ``confidence`` reaches it, for
            fewer false alarms at the cost of misses (default mode only); claims and event
            statuses are then built from those alone. Ignored when ``nlp`` is given.

    Raises:
        ConfigError: an unknown ``mode``, or a ``dictionary_prefix`` without
            ``dictionaries``, or a ``min_confidence`` outside 0–1 or in the ``rules`` mode.
        LexiconError: the dictionaries cannot be found or read.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        mode: str = "default",
        dictionaries: Path | str | None = None,
        dictionary_prefix: str | None = None,
        min_confidence: float = 0.0,
    ) -> None:
        if nlp is None:
            # A string key, so that the cached pipeline is shared by Path and str callers.
            where = str(dictionaries) if dictionaries is not None else None
            nlp = load_pipeline(mode, where, dictionary_prefix, float(min_confidence))
        self.nlp = nlp
        self.coder = ActorCoder.default()

    def analyze(
        self,
        text_or_html: str,
        published: str | None = None,
        *,
        article_id: str = "article",
        url: str | None = None,
        outlet: str | None = None,
    ) -> Analysis:
        """Analyse one article given as plain text or HTML."""
        article = to_article(
            text_or_html, article_id=article_id, published=published, url=url, outlet=outlet
        )
        return self.analyze_article(article)

    def analyze_article(self, article: Article) -> Analysis:
        """Analyse an article that has already been read."""
        return self.from_doc(article, self.nlp(self._make_doc(article)))

    def analyze_many(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[Analysis]:
        """Analyse a stream of articles, parsing them in batches (memory stays flat)."""
        pending = iter(articles)
        while True:
            batch = [article for _, article in zip(range(batch_size), pending, strict=False)]
            if not batch:
                return
            # Every new word form a document brings (a name, "1,117") would stay in the
            # vocabulary for the life of the process; a memory zone forgets the batch's own
            # once its analyses, plain Python data, are made, so a corpus of any length
            # runs in flat memory.
            with self.nlp.memory_zone():
                docs = self.nlp.pipe([self._make_doc(a) for a in batch], batch_size=batch_size)
                analyses = [
                    self.from_doc(article, doc) for article, doc in zip(batch, docs, strict=True)
                ]
            yield from analyses

    def _make_doc(self, article: Article) -> Doc:
        """The article's ``Doc``, carrying its publication date for date-restricted actor codes."""
        doc = self.nlp.make_doc(article.text)
        if article.published:
            doc.user_data[ARTICLE_DATE] = article.published[:10]
        return doc

    def from_doc(self, article: Article, doc: Doc) -> Analysis:
        """Turn a processed ``Doc`` into the typed model."""
        excluded = [(e.start, e.end) for e in article.origin.evidence]
        raw_attributions: list[dict[str, Any]] = doc._.get(ATTRIBUTIONS) or []
        raw_entities: list[dict[str, Any]] = doc._.get(ENTITIES) or []
        kept_at = [i for i, a in enumerate(raw_attributions) if not _inside(a["cue"], excluded)]
        kept = [raw_attributions[i] for i in kept_at]
        position = {raw_index: n for n, raw_index in enumerate(kept_at)}
        entities = _entities(raw_entities)
        entity_ids = {index: entity.id for index, entity in enumerate(entities)}
        ids = {id(a): f"a{n}" for n, a in enumerate(kept, start=1)}
        claim_inputs = [
            self._claim_input(article.text, a, ids, position, raw_entities) for a in kept
        ]
        groups, claim_of = group_claims(claim_inputs, self.coder.country_of)
        claims = [
            Claim(
                id=f"c{n}",
                text=group.text,
                asserted_by=tuple(group.asserted_by),
                denied_by=tuple(group.denied_by),
                contested=group.contested,
                terms=claim_terms(
                    _member_keys(claim_inputs, claim_of, n - 1, group.keys, self.coder.country_of)
                ),
                negated=group.negated,
            )
            for n, group in enumerate(groups, start=1)
        ]
        covered = [piece for a in kept for piece in _ranges_of(a)]
        for start, end in find_outlet_voice(doc, covered, excluded):
            lemmas, names = content_lemmas(doc, [(start, end)])
            claims.append(
                Claim(
                    id=f"c{len(claims) + 1}",
                    text=article.text[start:end],
                    outlet_voice=True,
                    start=start,
                    end=end,
                    terms=claim_terms(claim_keys(lemmas, names, self.coder.country_of)),
                )
            )
        attributions = tuple(
            _attribution(article.text, a, ids[id(a)], f"c{claim_of[n] + 1}", entity_ids, article)
            for n, a in enumerate(kept)
        )
        raw_events: list[dict[str, Any]] = doc._.get(EVENTS) or []
        events = to_events(
            article.text,
            [e for e in raw_events if not _inside(e["trigger"], excluded)],
            {raw: ids[id(raw_attributions[raw])] for raw in kept_at},
            article.published,
            CameoCodes.default(),
        )
        return Analysis(
            article=article,
            entities=entities,
            attributions=attributions,
            claims=tuple(claims),
            events=events,
        )

    def _claim_input(
        self,
        text: str,
        data: dict[str, Any],
        ids: dict[int, str],
        position: dict[int, int],
        raw_entities: list[dict[str, Any]],
    ) -> ClaimInput:
        content = " ".join(text[s:e] for s, e in data["content"])
        speaker = text[data["source"][0] : data["source"][1]] if data["source"] else ""
        speaker_words = _NAME_WORD.findall(speaker)
        if data.get("entity") is not None:
            entity = raw_entities[data["entity"]]
            speaker_words += _NAME_WORD.findall(entity["name"])
            # The organisation counts in any case: "the ministry" is the "Ministry" of before.
            speaker_words += re.findall(r"[\w-]+", entity.get("affiliation") or "")
        return ClaimInput(
            id=ids[id(data)],
            text=content,
            polarity=data["polarity"],
            negated=data["negated"],
            lemmas=data["content_lemmas"],
            names=data["content_names"],
            speaker_words=speaker_words,
            entity=data.get("entity"),
            parent=position.get(data["parent"]) if data["parent"] is not None else None,
            refers_to=position.get(data["refers_to"]) if data["refers_to"] is not None else None,
            continues=data["cue_lemma"] == "add",
        )


def _member_keys(
    items: list[ClaimInput],
    claim_of: list[int],
    index: int,
    first: dict[str, float],
    normalise: Callable[[str], str | None],
) -> dict[str, float]:
    """A claim's keys from every statement in it, not only the first.

    The corpus ledger matches claims of other articles on these: a republished copy whose
    new headline opens the claim must still share the body's words with the original.
    """
    keys = dict(first)
    for item, claim in zip(items, claim_of, strict=True):
        if claim != index:
            continue
        for key, weight in claim_keys(item.lemmas, item.names, normalise).items():
            keys[key] = max(weight, keys.get(key, 0.0))
    return keys


def _inside(cue: list[int], ranges: list[tuple[int, int]]) -> bool:
    return any(start <= cue[0] and cue[1] <= end for start, end in ranges)


def _ranges_of(data: dict[str, Any]) -> list[tuple[int, int]]:
    ranges = [tuple(data["cue"]), *(tuple(piece) for piece in data["content"])]
    if data["source"]:
        ranges.append(tuple(data["source"]))
    return ranges


def _entities(raw_entities: list[dict[str, Any]]) -> tuple[Entity, ...]:
    entities = []
    for number, raw in enumerate(raw_entities, start=1):
        entities.append(
            Entity(
                id=f"e{number}",
                name=raw["name"],
                type=raw["type"],
                role=raw["role"],
                affiliation=raw["affiliation"],
                actor_code=raw["actor_code"],
                mentions=tuple(tuple(m) for m in raw["mentions"]),
            )
        )
    return tuple(entities)


def _attribution(
    text: str,
    data: dict[str, Any],
    attribution_id: str,
    claim_id: str,
    entity_ids: dict[int, str],
    article: Article,
) -> Attribution:
    source = None
    if data["source"]:
        start, end = data["source"]
        entity = entity_ids.get(data["entity"]) if data.get("entity") is not None else None
        source = Source(text=text[start:end], start=start, end=end, entity=entity)
    said_on_text = None
    if data["said_on_text"]:
        start, end = data["said_on_text"]
        said_on_text = text[start:end]
    cue_start, cue_end = data["cue"]
    return Attribution(
        id=attribution_id,
        source=source,
        cue=Span(text[cue_start:cue_end], cue_start, cue_end),
        content=tuple(Span(text[s:e], s, e) for s, e in data["content"]),
        kind=data["kind"],
        polarity=data["polarity"],
        sourcing=data["sourcing"],
        said_on=resolve_date(said_on_text, article.published) if said_on_text else None,
        said_on_text=said_on_text,
        claim=claim_id,
        confidence=data.get("confidence"),
    )


@functools.cache
def _shared_analyzer() -> Analyzer:
    return Analyzer()


def analyze(text_or_html: str, published: str | None = None) -> Analysis:
    """Analyse one article: who said what, to whom, and who contradicts whom.

    Args:
        text_or_html: the article, as plain text or as an HTML page.
        published: its publication date (YYYY-MM-DD), which anchors relative dates
            ("on Thursday"); without it those dates stay as written.

    Returns:
        The analysis; ``.to_json()`` gives the ``rashomon/1`` document.

    Raises:
        InputError: the article is empty or has no text.
        ConfigError: ``published`` is not a date.
    """
    return _shared_analyzer().analyze(text_or_html, published)
