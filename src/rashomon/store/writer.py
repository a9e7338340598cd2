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
   (``Article.origin.outlet``: "By Example News", "(AP) —"), else the outlet that published it.
   Every copy of an AP story is one origin, AP — and so are two AP stories: an outlet does
   not independently confirm itself;
3. otherwise (no outlet known, as for a bare text file) the article is an origin of its own.

Writes happen in one process (the ingest's parent), so the ledger sees one article at a time;
a second process writing the same article concurrently loses the unique-key race and its
write becomes a sighting.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import JSON, ColumnElement, String, any_, bindparam, insert, select, text
from sqlalchemy.dialects.postgresql import ARRAY
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
    REPUBLISHED,
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

#: At most this many stored articles (claims) sharing band keys (terms) are compared.
_MAX_CANDIDATES = 20
#: Of each band key or term, only the most recent this many articles or claims are looked at:
#: a word in thousands of claims ("government") must not make every write slower than the
#: last, and a story is republished soon after it appears.
_PER_KEY = 50
#: An estimated Jaccard below this rules a candidate out before its text is compared (a
#: truncated copy, which ``is_republication`` accepts by containment, estimates ≈ 0.35).
_LIKELY_COPY = 0.25


def _postings(
    session: Session,
    table: type[ArticleBandRow] | type[ClaimTermRow],
    keys: Iterable[str],
    *,
    first: bool = False,
) -> list[tuple[str, int]]:
    """(key, id) pairs for the keys: the newest ``_PER_KEY`` articles or claims of each key,
    or with ``first`` only the oldest one.

    One statement per hundred keys: a UNION ALL of one index range scan per key. It is written
    as SQL text (names fixed here, values bound) because building it as SQLAlchemy
    constructs cost more than running it. Each key is looked up on the index whatever the
    planner thinks of the table's size, so the cost stays per key as the corpus grows.
    """
    if table is ArticleBandRow:
        name, key_column, id_column = "article_bands", "band", "article_id"
    else:
        name, key_column, id_column = "claim_terms", "term", "claim_id"
    wanted = sorted(set(keys))
    order = "LIMIT 1" if first else f"DESC LIMIT {_PER_KEY}"
    found: list[tuple[str, int]] = []
    if not wanted:
        return found
    if session.get_bind().dialect.name == "postgresql":
        # One statement of one shape, whatever the number of keys (so it is parsed once).
        lateral = text(
            f"SELECT k.key, p.id FROM unnest(CAST(:keys AS text[])) AS k(key) "
            f"CROSS JOIN LATERAL (SELECT {id_column} AS id FROM {name} "
            f"WHERE {key_column} = k.key ORDER BY {id_column} {order}) AS p"
        )
        return [(key, ident) for key, ident in session.execute(lateral, {"keys": wanted})]
    if first:
        # SQLite answers MIN() per key from the (key, id) primary key's index.
        smallest = text(
            f"SELECT {key_column}, min({id_column}) FROM {name} "
            f"WHERE {key_column} IN :keys GROUP BY {key_column}"
        ).bindparams(bindparam("keys", expanding=True))
        return [(key, ident) for key, ident in session.execute(smallest, {"keys": wanted})]
    # SQLite allows 500 selects in one compound statement; stay well under it.
    for start in range(0, len(wanted), 100):
        chunk = wanted[start : start + 100]
        parts = [
            f"SELECT * FROM (SELECT {key_column}, {id_column} FROM {name} "
            f"WHERE {key_column} = :k{n} ORDER BY {id_column} {order}) AS p{n}"
            for n in range(len(chunk))
        ]
        query = text(" UNION ALL ".join(parts))
        params = {f"k{n}": key for n, key in enumerate(chunk)}
        found.extend((key, ident) for key, ident in session.execute(query, params).tuples())
    return found


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
        origin, reason = self._origin(session, analysis, print_, key)
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
        _insert_rows(
            session,
            ArticleBandRow,
            [{"band": band, "article_id": row.id} for band in print_.band_keys()],
        )
        session.add(_sighting(row.id, place))
        entity_ids = self._entities(session, row.id, analysis)
        plans = self._place_claims(session, row, analysis)
        claim_of = {
            local: plan.row.id
            for plan in plans
            if plan.row is not None
            for local in (*plan.claim.asserted_by, *plan.claim.denied_by)
        }
        attribution_ids = self._attributions(session, row.id, analysis, entity_ids, claim_of)
        self._events(session, row.id, analysis, attribution_ids)
        self._positions(session, row, analysis, plans, entity_ids, attribution_ids)
        return Stored("new", row.id, republication=reason in REPUBLISHED)

    # -- provenance -------------------------------------------------------------------------

    def _origin(
        self, session: Session, analysis: Analysis, print_: Fingerprint, key: str
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
        origin = OriginRow(key=f"article:{key}", outlet=article.outlet, created_at=_now())
        session.add(origin)
        session.flush()
        return origin, "self"

    def _near_duplicate(
        self, session: Session, text: str, print_: Fingerprint
    ) -> ArticleRow | None:
        shared = Counter(
            article_id for _, article_id in _postings(session, ArticleBandRow, print_.band_keys())
        )
        ranked = sorted(shared, key=lambda article_id: (-shared[article_id], article_id))
        ranked = ranked[:_MAX_CANDIDATES]
        # The stored fingerprints rule most candidates out before any text is read.
        likely = [
            article_id
            for article_id, stored in session.execute(
                select(ArticleRow.id, ArticleRow.fingerprint).where(
                    _among(session, ArticleRow.id, ranked)
                )
            ).tuples()
            if print_.similarity(Fingerprint.from_bytes(stored)) >= _LIKELY_COPY
        ]
        for article_id in sorted(likely, key=ranked.index):
            other = session.get_one(ArticleRow, article_id)
            if is_republication(other.text, text):
                return other
        return None

    # -- the article's own findings ---------------------------------------------------------

    def _entities(self, session: Session, article_id: int, analysis: Analysis) -> dict[str, int]:
        rows = [
            dict(
                article_id=article_id,
                local_id=entity.id,
                name=entity.name,
                type=entity.type,
                role=entity.role,
                affiliation=entity.affiliation,
                actor_code=entity.actor_code,
                mentions=[list(m) for m in entity.mentions],
            )
            for entity in analysis.entities
        ]
        return _inserted(session, EntityRow, rows)

    def _attributions(
        self,
        session: Session,
        article_id: int,
        analysis: Analysis,
        entity_ids: dict[str, int],
        claim_of: dict[str, int],
    ) -> dict[str, int]:
        rows = []
        for item in analysis.attributions:
            source = item.source
            rows.append(
                dict(
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
                    claim_id=claim_of.get(item.id),
                    confidence=item.confidence,
                )
            )
        return _inserted(session, AttributionRow, rows)

    def _events(
        self,
        session: Session,
        article_id: int,
        analysis: Analysis,
        attribution_ids: dict[str, int],
    ) -> None:
        if not analysis.events:
            return
        _insert_rows(
            session,
            EventRow,
            [
                dict(
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
            ],
        )

    # -- the ledger -------------------------------------------------------------------------

    def _place_claims(
        self, session: Session, article: ArticleRow, analysis: Analysis
    ) -> list[_Plan]:
        """Find or make the corpus claim of each of the article's claims.

        Done in phases so that an article costs a handful of statements, not several per
        claim: match every claim, count the sides each takes, then insert the new claims
        together (their counts already set) and index their terms.
        """
        if not analysis.claims:
            return []
        day = article.published
        vectors = (
            self.encoder.encode([claim.text for claim in analysis.claims])
            if self.encoder is not None
            else None
        )
        plans = [_Plan.of(analysis, claim) for claim in analysis.claims]
        with session.no_autoflush:
            self._match(session, plans, vectors)
            matched = {plan.match for plan in plans if plan.match is not None}
            new_rows: list[ClaimRow] = []
            for n, plan in enumerate(plans):
                vector = vectors[n] if vectors is not None else None
                if plan.row is None:
                    plan.row = ClaimRow(
                        text=plan.claim.text,
                        terms=plan.terms,
                        negated=plan.claim.negated,
                        asserted=0,
                        denied=0,
                        contested=False,
                        first_seen=day,
                        last_seen=day,
                        embedding=embeddings.to_bytes(vector) if vector is not None else None,
                    )
                    new_rows.append(plan.row)
                else:
                    self._grow(plan.row, plan, day, vector)
                # "no vessel spilled oil" (asserted) denies the corpus claim "a vessel spilled oil".
                flip = plan.claim.negated != plan.row.negated
                for stance in plan.stances():
                    _count(plan.row, _flipped(stance) if flip else stance)
            known = set(
                session.execute(
                    select(ClaimTermRow.term, ClaimTermRow.claim_id).where(
                        _among(session, ClaimTermRow.claim_id, matched),
                        _among(
                            session, ClaimTermRow.term, {t for plan in plans for t in plan.index}
                        ),
                    )
                ).tuples()
            )
        ids = _allocated(session, ClaimRow, len(new_rows))
        if ids is not None:
            for row, ident in zip(new_rows, ids, strict=True):
                row.id = ident
        session.add_all(new_rows)
        session.flush()
        terms = []
        for plan in plans:
            assert plan.row is not None
            for term in plan.index:
                if (term, plan.row.id) not in known:
                    known.add((term, plan.row.id))
                    terms.append({"term": term, "claim_id": plan.row.id})
        if terms:
            _insert_rows(session, ClaimTermRow, terms)
        return plans

    def _match(
        self, session: Session, plans: list[_Plan], vectors: embeddings.Vector | None
    ) -> None:
        """Set ``plan.row`` to the corpus claim each statement joins (``None``: a new one)."""
        # The same words are the same claim, however few its terms: a republished "We lost
        # everything" joins the original's, though it names nobody.
        worded = {term for plan in plans for term in plan.worded}
        by_wording = dict(_postings(session, ClaimTermRow, worded, first=True))
        postings: dict[str, list[int]] = {}
        lookups = {term for plan in plans if plan.lookup for term in plan.lookup}
        for term, claim_id in _postings(session, ClaimTermRow, lookups):
            postings.setdefault(term, []).append(claim_id)
        for plan in plans:
            plan.match = min((by_wording[t] for t in plan.worded if t in by_wording), default=None)
            if plan.match is None and plan.lookup:
                shared = Counter(c for term in plan.lookup for c in postings.get(term, ()))
                ranked = sorted(shared, key=lambda c: (-shared[c], c))
                plan.candidates = ranked[:_MAX_CANDIDATES]
        needed = {c for plan in plans for c in plan.candidates}
        needed |= {plan.match for plan in plans if plan.match is not None}
        rows = {
            row.id: row
            for row in session.execute(
                select(ClaimRow).where(_among(session, ClaimRow.id, needed))
            ).scalars()
        }
        for n, plan in enumerate(plans):
            if plan.match is None and plan.candidates:
                candidates = [Candidate(id=c, terms=rows[c].terms) for c in plan.candidates]
                plan.match = best_match(plan.terms, candidates)
                if plan.match is None and vectors is not None:
                    plan.match = semantic_match(
                        vectors[n],
                        (
                            SemanticCandidate(
                                id=c,
                                vector=embeddings.from_bytes(rows[c].embedding or b""),
                                shares_name=_shares_name(plan.terms, rows[c].terms),
                            )
                            for c in plan.candidates
                            if rows[c].embedding is not None
                        ),
                    )
            plan.row = rows[plan.match] if plan.match is not None else None

    @staticmethod
    def _grow(
        ledger: ClaimRow, plan: _Plan, day: str | None, vector: embeddings.Vector | None
    ) -> None:
        """An existing corpus claim after one more article took a side on it."""
        if ledger.embedding is None and vector is not None:
            ledger.embedding = embeddings.to_bytes(vector)
        new_terms = merged_terms(ledger.terms, plan.terms)
        if new_terms != ledger.terms:
            ledger.terms = new_terms
        if day:
            ledger.first_seen = min(filter(None, (ledger.first_seen, day)))
            ledger.last_seen = max(filter(None, (ledger.last_seen, day)))

    @staticmethod
    def _positions(
        session: Session,
        article: ArticleRow,
        analysis: Analysis,
        plans: list[_Plan],
        entity_ids: dict[str, int],
        attribution_ids: dict[str, int],
    ) -> None:
        """The sides the article's statements take on their corpus claims."""
        day = article.published
        rows: list[dict[str, object]] = []
        for plan in plans:
            claim, ledger = plan.claim, plan.row
            assert ledger is not None
            flip = claim.negated != ledger.negated
            base = {"claim_id": ledger.id, "article_id": article.id, "local_claim": claim.id}
            if claim.outlet_voice:
                stance = _flipped("assert") if flip else "assert"
                rows.append(
                    base
                    | {
                        "attribution_id": None,
                        "entity_id": None,
                        "speaker": article.outlet,
                        "stance": stance,
                        "outlet_voice": True,
                        "statement": claim.text,
                        "said_on": day,
                    }
                )
                continue
            for local, side in plan.sides():
                item = analysis.attribution(local)
                entity = item.source.entity if item.source else None
                rows.append(
                    base
                    | {
                        "attribution_id": attribution_ids[local],
                        "entity_id": entity_ids.get(entity) if entity else None,
                        "speaker": _speaker(analysis, entity)
                        or (item.source.text if item.source else None),
                        "stance": _flipped(side) if flip else side,
                        "outlet_voice": False,
                        "statement": " … ".join(piece.text for piece in item.content),
                        "said_on": item.said_on or day,
                    }
                )
        if rows:
            _insert_rows(session, ClaimPositionRow, rows)


@dataclass
class _Plan:
    """One article claim on its way into the ledger."""

    claim: Claim
    terms: list[str]
    lookup: list[str]
    worded: set[str]
    match: int | None = None
    candidates: list[int] = field(default_factory=list)
    row: ClaimRow | None = None

    @classmethod
    def of(cls, analysis: Analysis, claim: Claim) -> _Plan:
        wordings = [claim.text] + [
            " ".join(piece.text for piece in analysis.attribution(local).content)
            for local in (*claim.asserted_by, *claim.denied_by)
        ]
        terms = list(claim.terms)
        return cls(
            claim=claim,
            terms=terms,
            lookup=index_terms(terms),
            worded={_wording_term(text) for text in wordings},
        )

    def sides(self) -> list[tuple[str, str]]:
        """(attribution id, "assert" or "deny") for each statement of the article claim."""
        return [(a, "assert") for a in self.claim.asserted_by] + [
            (a, "deny") for a in self.claim.denied_by
        ]

    def stances(self) -> list[str]:
        """The side of each position the claim yields (the outlet's own voice asserts)."""
        return ["assert"] if self.claim.outlet_voice else [side for _, side in self.sides()]

    @property
    def index(self) -> set[str]:
        """The terms the corpus claim is found by: its strongest words and its wordings."""
        return {term[:200] for term in (*self.lookup, *self.worded)}


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


def _inserted(
    session: Session, table: type[EntityRow] | type[AttributionRow], rows: list[dict[str, Any]]
) -> dict[str, int]:
    """Insert rows in one statement; their ids by ``local_id`` (the ids later rows point at)."""
    if not rows:
        return {}
    ids = _allocated(session, table, len(rows))
    if ids is not None:
        _insert_rows(session, table, [row | {"id": n} for row, n in zip(rows, ids, strict=True)])
    else:
        core: Any = table.__table__
        _fit(core, rows)
        ids = list(
            session.scalars(
                insert(core).returning(core.c.id, sort_by_parameter_order=True), rows
            ).all()
        )
    return {row["local_id"]: ident for row, ident in zip(rows, ids, strict=True)}


def _allocated(session: Session, table: type[Any], count: int) -> list[int] | None:
    """On PostgreSQL, ``count`` new ids drawn from ``table``'s sequence; elsewhere ``None``.

    Rows whose ids are known go in as a plain executemany, which psycopg pipelines as one
    prepared statement. Getting the ids back through ``INSERT … RETURNING`` instead makes
    SQLAlchemy write one statement with a placeholder per value, which psycopg must parse
    anew each time (every article has another row count): that parse alone cost more than
    the insert. Sequences are safe under concurrent writers; SQLite, with one writer and
    a cheap RETURNING, keeps that.
    """
    if count == 0 or session.get_bind().dialect.name != "postgresql":
        return None
    name = table.__tablename__
    query = text(
        f"SELECT nextval(pg_get_serial_sequence('{name}', 'id')) FROM generate_series(1, :n)"
    )
    return list(session.scalars(query, {"n": count}).all())


def _among(session: Session, column: Any, values: Iterable[Any]) -> ColumnElement[bool]:
    """``column IN values``, as one statement whatever the number of values.

    On PostgreSQL the values go as one array parameter (``= ANY(:values)``): an ``IN`` list
    makes a new SQL string for every count of values, which psycopg parses afresh each time
    and the server cannot prepare.
    """
    wanted = sorted(set(values))
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, wanted, type_=ARRAY(column.type)))  # type: ignore[no-any-return]
    return column.in_(wanted)  # type: ignore[no-any-return]


def _insert_rows(session: Session, table: type[Any], rows: list[dict[str, Any]]) -> None:
    """Insert many rows of one table (every row with the same keys) in one go.

    On PostgreSQL through ``COPY``: psycopg streams the rows in its C layer, where an
    executemany costs Python work per row and a multi-row ``VALUES`` costs a parse of a
    statement with a placeholder per value. Elsewhere a Core executemany — Core, not the
    ORM's bulk insert, which splits a list into one statement per set of non-null columns.

    Text longer than its column is cut to fit: an event's location or a speaker's role is
    free text from the article, and PostgreSQL refuses what SQLite would keep whole.

    Raises:
        StoreError: the database refused the rows (the article's transaction is lost).
    """
    if not rows:
        return
    core: Any = table.__table__
    columns = list(rows[0])
    _fit(core, rows)
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(core), rows)
        return
    import psycopg

    as_json = {name for name in columns if isinstance(core.c[name].type, JSON)}
    raw = session.connection().connection.driver_connection
    assert raw is not None
    names = ", ".join(f'"{name}"' for name in columns)
    try:
        with (
            raw.cursor() as cursor,
            cursor.copy(f'COPY "{core.name}" ({names}) FROM STDIN') as copy,
        ):
            for row in rows:
                copy.write_row(
                    [
                        json.dumps(row[name])
                        if name in as_json and row[name] is not None
                        else row[name]
                        for name in columns
                    ]
                )
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise StoreError(f"the write failed ({reason})", where=core.name) from error


def _fit(core: Any, rows: list[dict[str, Any]]) -> None:
    """Cut, in place, every text of the rows to the length of its column."""
    limits = [(name, limit) for name, limit in _text_limits(core).items() if name in rows[0]]
    for row in rows:
        for name, limit in limits:
            value = row[name]
            if isinstance(value, str) and len(value) > limit:
                row[name] = value[:limit]


@functools.cache
def _text_limits(core: Any) -> dict[str, int]:
    """The length of each ``String(n)`` column of a table, by name."""
    return {
        column.name: column.type.length
        for column in core.columns
        if isinstance(column.type, String) and column.type.length
    }


def _flipped(stance: str) -> str:
    return "deny" if stance == "assert" else "assert"


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
