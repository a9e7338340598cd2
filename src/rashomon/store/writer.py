"""Writing analysed articles into the store: one article, one transaction.

``StoreWriter.write`` stores an ``Analysis`` whole — article, sighting, origin, entities,
attributions, events and its claims' places in the ledger — or, if anything fails, nothing of
it. That is what makes an ingest safe to kill at any moment and to run again: an article whose
text is already stored (same ``text_key``) only gains a sighting, and a sighting already
recorded adds nothing.

Where an article comes from is decided here, because it needs the corpus:

1. a **near-duplicate** of a stored article (band keys of its MinHash fingerprint find the
   candidates; ``is_republication`` confirms one) shares that article's origin — the same
   story republished, whatever its credit lines say;
2. otherwise the **outlet** the story comes from is its origin: the one its credit lines name
   (``Article.origin.outlet``: "By Press TV", "(AP) —"), else the outlet that published it.
   Every copy of an AP story is one origin, AP — and so are two AP stories: an outlet does
   not independently confirm itself;
3. otherwise (no outlet known, as for a bare text file) the article is an origin of its own.

Writes happen in one process (the ingest's parent), so the ledger sees one article at a time;
a second process writing the same article concurrently loses the unique-key race and its
write becomes a sighting.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rashomon.errors import StoreError
from rashomon.link import embeddings
from rashomon.link.embeddings import Encoder, SemanticCandidate, semantic_match
from rashomon.link.ledger import Candidate, best_match, index_terms, merged_terms
from rashomon.link.near_duplicates import (
    Fingerprint,
    fingerprint,
    is_republication,
    text_key,
)
from rashomon.model import Analysis, Claim
from rashomon.store.database import Store
from rashomon.store.schema import (
    ArticleBandRow,
    ArticleRow,
    AttributionRow,
    ClaimPositionRow,
    ClaimRow,
    ClaimTermRow,
    EntityRow,
    EventRow,
    OriginRow,
    SightingRow,
)

__all__ = ["Outcome", "Place", "StoreWriter", "Stored"]

#: ``new``: stored now; ``duplicate``: the same text was stored before and is now also seen
#: here; ``seen``: this very place was ingested before (a re-run) — nothing changes.
Outcome = Literal["new", "duplicate", "seen"]

#: Origin reasons that make an article a copy of another's story.
_REPUBLISHED = ("near_duplicate", "provenance")

#: At most this many stored articles sharing a band key are compared with a new one.
_MAX_CANDIDATES = 20


@dataclass(frozen=True)
class Place:
    """Where an article was seen: a file, ``file: entry N``, a URL in an archive."""

    where: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Stored:
    """What one write did.

    ``republication`` is true when the article's origin is another's (found through a
    near-duplicate) or an outlet its credit lines name.
    """

    outcome: Outcome
    article_id: int
    republication: bool = False


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class StoreWriter:
    """Writes analysed articles into one store.

    Args:
        store: the open store.
        encoder: a sentence-embedding backend (``link.embeddings.load_encoder()``): claims
            that share a name and embed close together join even when their words differ.
    """

    def __init__(self, store: Store, *, encoder: Encoder | None = None) -> None:
        self.store = store
        self.encoder = encoder

    def lookup(self, key: str, place: Place) -> Stored | None:
        """Record a sighting if the text ``key`` is already stored; ``None`` if it is new.

        The ingest calls this before analysing, so a duplicate costs no parse.
        """
        with self.store.transaction() as session:
            article_id = session.scalar(select(ArticleRow.id).where(ArticleRow.key == key))
            if article_id is None:
                return None
            return self._sight(session, article_id, place)

    def write(self, analysis: Analysis, place: Place) -> Stored:
        """Store one analysed article (or a sighting of it), all in one transaction.

        Raises:
            StoreError: the database refused the write; nothing of the article is stored.
        """
        key = text_key(analysis.article.text)
        try:
            with self.store.transaction() as session:
                return self._write(session, key, analysis, place)
        except StoreError as error:
            if not isinstance(error.__cause__, IntegrityError):
                raise
        # Another writer stored the same text between our check and our insert.
        stored = self.lookup(key, place)
        if stored is None:
            raise StoreError("the article could not be stored", where=place.where)
        return stored

    def _sight(self, session: Session, article_id: int, place: Place) -> Stored:
        exists = session.scalar(
            select(SightingRow.id).where(
                SightingRow.article_id == article_id, SightingRow.place == place.where
            )
        )
        if exists is not None:
            return Stored("seen", article_id)
        session.add(_sighting(article_id, place))
        return Stored("duplicate", article_id)

    def _write(self, session: Session, key: str, analysis: Analysis, place: Place) -> Stored:
        found = session.scalar(select(ArticleRow.id).where(ArticleRow.key == key))
        if found is not None:
            return self._sight(session, found, place)
        article = analysis.article
        print_ = fingerprint(article.text)
        origin, reason = self._origin(session, analysis, print_)
        row = ArticleRow(
            key=key,
            origin_id=origin.id,
            origin_reason=reason,
            name=article.id,
            title=article.title,
            outlet=article.outlet or place.outlet,
            byline=article.byline,
            published=(article.published or place.published or None),
            url=article.url or place.url,
            republished_by=article.origin.republished_by,
            text=article.text,
            fingerprint=print_.to_bytes(),
            document=analysis.to_json(indent=None),
            ingested_at=_now(),
        )
        session.add(row)
        session.flush()
        session.add_all(ArticleBandRow(band=band, article_id=row.id) for band in print_.band_keys())
        session.add(_sighting(row.id, place))
        entity_ids = self._entities(session, row.id, analysis)
        attribution_ids = self._attributions(session, row.id, analysis, entity_ids)
        self._events(session, row.id, analysis, attribution_ids)
        self._ledger(session, row, analysis, entity_ids, attribution_ids)
        return Stored("new", row.id, republication=reason in _REPUBLISHED)

    # -- provenance -------------------------------------------------------------------------

    def _origin(
        self, session: Session, analysis: Analysis, print_: Fingerprint
    ) -> tuple[OriginRow, str]:
        article = analysis.article
        copied = self._near_duplicate(session, article.text, print_)
        if copied is not None:
            origin = session.get_one(OriginRow, copied.origin_id)
            if origin.outlet is None and article.origin.outlet:
                # The copy names the original's outlet, which the original did not.
                origin.outlet = article.origin.outlet
            return origin, "near_duplicate"
        outlet = article.origin.outlet or article.outlet
        if outlet:
            origin_key = f"outlet:{outlet.casefold()}"[:300]
            named = session.scalar(select(OriginRow).where(OriginRow.key == origin_key))
            if named is None:
                named = OriginRow(key=origin_key, outlet=outlet, created_at=_now())
                session.add(named)
                session.flush()
            credited = article.origin.outlet is not None and (
                article.outlet is None
                or article.origin.outlet.casefold() != article.outlet.casefold()
            )
            return named, "provenance" if credited else "outlet"
        origin = OriginRow(
            key=f"article:{text_key(article.text)}", outlet=article.outlet, created_at=_now()
        )
        session.add(origin)
        session.flush()
        return origin, "self"

    def _near_duplicate(
        self, session: Session, text: str, print_: Fingerprint
    ) -> ArticleRow | None:
        shared = func.count(ArticleBandRow.band)
        candidates = session.execute(
            select(ArticleBandRow.article_id)
            .where(ArticleBandRow.band.in_(print_.band_keys()))
            .group_by(ArticleBandRow.article_id)
            .order_by(shared.desc(), ArticleBandRow.article_id)
            .limit(_MAX_CANDIDATES)
        ).scalars()
        for article_id in candidates:
            other = session.get_one(ArticleRow, article_id)
            if is_republication(other.text, text):
                return other
        return None

    # -- the article's own findings ---------------------------------------------------------

    def _entities(self, session: Session, article_id: int, analysis: Analysis) -> dict[str, int]:
        rows = {
            entity.id: EntityRow(
                article_id=article_id,
                local_id=entity.id,
                name=entity.name[:500],
                type=entity.type,
                role=entity.role,
                affiliation=entity.affiliation,
                actor_code=entity.actor_code,
                mentions=[list(m) for m in entity.mentions],
            )
            for entity in analysis.entities
        }
        session.add_all(rows.values())
        session.flush()
        return {local: row.id for local, row in rows.items()}

    def _attributions(
        self,
        session: Session,
        article_id: int,
        analysis: Analysis,
        entity_ids: dict[str, int],
    ) -> dict[str, int]:
        rows = {}
        for item in analysis.attributions:
            source = item.source
            rows[item.id] = AttributionRow(
                article_id=article_id,
                local_id=item.id,
                entity_id=entity_ids.get(source.entity) if source and source.entity else None,
                source_text=source.text if source else None,
                source_start=source.start if source else None,
                source_end=source.end if source else None,
                cue_text=item.cue.text,
                cue_start=item.cue.start,
                cue_end=item.cue.end,
                content_text=" … ".join(piece.text for piece in item.content),
                content=[[piece.start, piece.end] for piece in item.content],
                kind=item.kind,
                polarity=item.polarity,
                sourcing=item.sourcing,
                said_on=item.said_on,
                said_on_text=item.said_on_text,
            )
        session.add_all(rows.values())
        session.flush()
        return {local: row.id for local, row in rows.items()}

    def _events(
        self,
        session: Session,
        article_id: int,
        analysis: Analysis,
        attribution_ids: dict[str, int],
    ) -> None:
        session.add_all(
            EventRow(
                article_id=article_id,
                local_id=event.id,
                trigger_text=event.trigger.text,
                trigger_start=event.trigger.start,
                trigger_end=event.trigger.end,
                source_text=event.source_actor.span.text,
                source_code=event.source_actor.code,
                target_text=event.target_actor.span.text if event.target_actor else None,
                target_code=event.target_actor.code if event.target_actor else None,
                cameo=event.cameo,
                plover=event.plover,
                quad_class=event.quad_class,
                goldstein=event.goldstein,
                date=event.date,
                location=event.location,
                negated=event.negated,
                status=event.status,
                attribution_id=attribution_ids.get(event.attribution)
                if event.attribution
                else None,
            )
            for event in analysis.events
        )

    def _semantic(
        self, session: Session, terms: list[str], vector: embeddings.Vector, ids: list[int]
    ) -> int | None:
        """The candidate claim whose first wording embeds close to this statement's."""
        rows = session.execute(
            select(ClaimRow).where(ClaimRow.id.in_(ids), ClaimRow.embedding.is_not(None))
        ).scalars()
        return semantic_match(
            vector,
            (
                SemanticCandidate(
                    id=row.id,
                    vector=embeddings.from_bytes(row.embedding or b""),
                    shares_name=_shares_name(terms, row.terms),
                )
                for row in rows
            ),
        )

    # -- the ledger -------------------------------------------------------------------------

    def _ledger(
        self,
        session: Session,
        article: ArticleRow,
        analysis: Analysis,
        entity_ids: dict[str, int],
        attribution_ids: dict[str, int],
    ) -> None:
        day = article.published
        vectors = (
            self.encoder.encode([claim.text for claim in analysis.claims])
            if self.encoder is not None and analysis.claims
            else None
        )
        for number, claim in enumerate(analysis.claims):
            vector = vectors[number] if vectors is not None else None
            wordings = [claim.text] + [
                " ".join(piece.text for piece in analysis.attribution(local).content)
                for local in (*claim.asserted_by, *claim.denied_by)
            ]
            ledger = self._place_claim(session, claim, day, vector, wordings)
            # "no militant left" (asserted) is a denial of the corpus claim "militants left".
            flip = claim.negated != ledger.negated
            if claim.outlet_voice:
                session.add(
                    ClaimPositionRow(
                        claim_id=ledger.id,
                        article_id=article.id,
                        local_claim=claim.id,
                        speaker=article.outlet,
                        stance="deny" if flip else "assert",
                        outlet_voice=True,
                        statement=claim.text,
                        said_on=day,
                    )
                )
                _count(ledger, "deny" if flip else "assert")
                continue
            for ids, stance in ((claim.asserted_by, "assert"), (claim.denied_by, "deny")):
                for local in ids:
                    item = analysis.attribution(local)
                    if flip:
                        stance_here = "assert" if stance == "deny" else "deny"
                    else:
                        stance_here = stance
                    entity = item.source.entity if item.source else None
                    session.add(
                        ClaimPositionRow(
                            claim_id=ledger.id,
                            article_id=article.id,
                            local_claim=claim.id,
                            attribution_id=attribution_ids[local],
                            entity_id=entity_ids.get(entity) if entity else None,
                            speaker=_speaker(analysis, item.source.entity if item.source else None)
                            or (item.source.text if item.source else None),
                            stance=stance_here,
                            statement=" … ".join(piece.text for piece in item.content),
                            said_on=item.said_on or day,
                        )
                    )
                    _count(ledger, stance_here)
            rows = session.execute(
                select(AttributionRow).where(
                    AttributionRow.article_id == article.id,
                    AttributionRow.local_id.in_(claim.asserted_by + claim.denied_by),
                )
            ).scalars()
            for row in rows:
                row.claim_id = ledger.id

    def _place_claim(
        self,
        session: Session,
        claim: Claim,
        day: str | None,
        vector: embeddings.Vector | None = None,
        wordings: Sequence[str] = (),
    ) -> ClaimRow:
        """The corpus claim this article's claim joins, or a new one."""
        terms = list(claim.terms)
        lookup = index_terms(terms)
        # The same words are the same claim, however few its terms: a republished "We lost
        # everything" joins the original's, though it names nobody.
        worded = {_wording_term(text) for text in (claim.text, *wordings)}
        match = session.scalar(
            select(ClaimTermRow.claim_id)
            .where(ClaimTermRow.term.in_(worded))
            .order_by(ClaimTermRow.claim_id)
            .limit(1)
        )
        if match is None and lookup:
            shared = func.count(ClaimTermRow.term)
            ids = session.execute(
                select(ClaimTermRow.claim_id)
                .where(ClaimTermRow.term.in_(lookup))
                .group_by(ClaimTermRow.claim_id)
                .order_by(shared.desc(), ClaimTermRow.claim_id)
                .limit(_MAX_CANDIDATES)
            ).scalars()
            candidates = [
                Candidate(id=row.id, terms=row.terms)
                for row in session.execute(select(ClaimRow).where(ClaimRow.id.in_(list(ids))))
                .scalars()
                .all()
            ]
            match = best_match(terms, candidates)
            if match is None and vector is not None:
                match = self._semantic(session, terms, vector, [c.id for c in candidates])
        if match is None:
            ledger = ClaimRow(
                text=claim.text,
                terms=terms,
                negated=claim.negated,
                asserted=0,
                denied=0,
                contested=False,
                first_seen=day,
                last_seen=day,
                embedding=embeddings.to_bytes(vector) if vector is not None else None,
            )
            session.add(ledger)
            session.flush()
            session.add_all(
                ClaimTermRow(term=term[:200], claim_id=ledger.id)
                for term in {*index_terms(terms), *worded}
            )
            return ledger
        ledger = session.get_one(ClaimRow, match)
        if ledger.embedding is None and vector is not None:
            ledger.embedding = embeddings.to_bytes(vector)
        new_terms = merged_terms(ledger.terms, terms)
        if new_terms != ledger.terms:
            ledger.terms = new_terms
        known = set(
            session.execute(
                select(ClaimTermRow.term).where(ClaimTermRow.claim_id == ledger.id)
            ).scalars()
        )
        for term in {*index_terms(terms), *worded} - known:
            session.add(ClaimTermRow(term=term[:200], claim_id=ledger.id))
        if day:
            ledger.first_seen = min(filter(None, (ledger.first_seen, day)))
            ledger.last_seen = max(filter(None, (ledger.last_seen, day)))
        return ledger


def _shares_name(terms: list[str], other: list[str]) -> bool:
    return any(term[:1].isupper() for term in set(terms) & set(other))


def _wording_term(text: str) -> str:
    """The index term of a statement's exact wording.

    Normalised (case, quote marks, spacing) and trimmed of a leading "that" and edge
    punctuation, so that '"We lost everything,"' and 'We lost everything' are one wording.
    """
    bare = _EDGES.sub("", text)
    if bare[:5].lower() == "that ":
        bare = _EDGES.sub("", bare[5:])
    return "=" + text_key(bare)[:24]


_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def _count(ledger: ClaimRow, stance: str) -> None:
    if stance == "assert":
        ledger.asserted = (ledger.asserted or 0) + 1
    else:
        ledger.denied = (ledger.denied or 0) + 1
    ledger.contested = bool(ledger.asserted and ledger.denied)


def _speaker(analysis: Analysis, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    try:
        return analysis.entity(entity_id).name
    except KeyError:
        return None


def _sighting(article_id: int, place: Place) -> SightingRow:
    return SightingRow(
        article_id=article_id,
        place=place.where[:1000],
        url=place.url,
        outlet=place.outlet,
        published=place.published,
        seen_at=_now(),
    )


def document_of(row: ArticleRow) -> dict[str, object]:
    """The stored ``rashomon/1`` document of an article."""
    data: dict[str, object] = json.loads(row.document)
    return data
