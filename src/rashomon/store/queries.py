"""Reading the corpus back: what the store holds, the claim ledger, who said what.

Every function takes an open ``Store`` and returns plain frozen dataclasses (``to_dict`` for
JSON), so the CLI tables, ``--format json`` and the web app show the same thing. Support is
always counted twice: in articles, and in independent origins (a wire story republished forty
times is forty articles and one origin).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from rashomon.store.database import Store
from rashomon.store.schema import (
    REPUBLISHED,
    ArticleRow,
    AttributionRow,
    ClaimPositionRow,
    ClaimRow,
    EntityRow,
    EventRow,
    OriginRow,
    SightingRow,
)

__all__ = [
    "LedgerClaim",
    "Position",
    "Statement",
    "WhoReport",
    "claims",
    "contradictions",
    "status",
    "who",
]


def status(store: Store) -> dict[str, int]:
    """How much the store holds, by the names ``rashomon status --format json`` prints."""
    tables: dict[str, Any] = {
        "articles": ArticleRow,
        "sightings": SightingRow,
        "origins": OriginRow,
        "entities": EntityRow,
        "attributions": AttributionRow,
        "claims": ClaimRow,
        "events": EventRow,
    }
    with store.session() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(table)) or 0
            for name, table in tables.items()
        }
        counts["contested_claims"] = (
            session.scalar(select(func.count()).select_from(ClaimRow).where(ClaimRow.contested))
            or 0
        )
        counts["republications"] = (
            session.scalar(
                select(func.count())
                .select_from(ArticleRow)
                .where(ArticleRow.origin_reason.in_(REPUBLISHED))
            )
            or 0
        )
    order = (
        "articles",
        "sightings",
        "republications",
        "origins",
        "entities",
        "attributions",
        "claims",
        "contested_claims",
        "events",
    )
    return {name: counts[name] for name in order}


@dataclass(frozen=True)
class Position:
    """One side taken on a claim, in one article."""

    stance: str
    speaker: str | None
    statement: str
    article: str
    outlet: str | None
    date: str | None
    origin: int
    outlet_voice: bool = False
    #: The confidence of the attribution behind the position (None: the outlet's own voice,
    #: or an ingest in the ``rules`` mode).
    confidence: float | None = None


@dataclass(frozen=True)
class LedgerClaim:
    """A corpus claim with everyone who asserts and denies it."""

    id: int
    text: str
    contested: bool
    first_seen: str | None
    last_seen: str | None
    asserted_by: tuple[Position, ...]
    denied_by: tuple[Position, ...]

    @property
    def articles(self) -> int:
        """Articles taking a side on the claim."""
        return len({p.article for p in (*self.asserted_by, *self.denied_by)})

    @property
    def origins(self) -> int:
        """Independent origins behind those articles."""
        return len({p.origin for p in (*self.asserted_by, *self.denied_by)})

    def support(self, stance: str) -> tuple[int, int]:
        """(articles, independent origins) asserting (``assert``) or denying (``deny``) it."""
        positions = self.asserted_by if stance == "assert" else self.denied_by
        return len({p.article for p in positions}), len({p.origin for p in positions})

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""
        data = asdict(self)
        asserting, denying = self.support("assert"), self.support("deny")
        data["support"] = {
            "asserting": {"articles": asserting[0], "origins": asserting[1]},
            "denying": {"articles": denying[0], "origins": denying[1]},
            "articles": self.articles,
            "origins": self.origins,
        }
        return data


def _ledger_claims(
    store: Store, query: Select[Any], min_confidence: float = 0.0
) -> list[LedgerClaim]:
    """The claims ``query`` selects, with their positions.

    With ``min_confidence`` above 0, a position stands only when the attribution behind it
    reaches that confidence (the outlet's own voice, which no attribution carries, always
    stands); ``query`` selects only claims that keep a position (``_standing``).
    """
    with store.session() as session:
        rows: Sequence[ClaimRow] = session.execute(query).scalars().all()
        ids = [row.id for row in rows]
        positions: dict[int, list[Position]] = {claim_id: [] for claim_id in ids}
        for chunk in _chunks(ids, 500):
            found = session.execute(
                select(ClaimPositionRow, ArticleRow, AttributionRow.confidence)
                .join(ArticleRow, ArticleRow.id == ClaimPositionRow.article_id)
                .outerjoin(AttributionRow, AttributionRow.id == ClaimPositionRow.attribution_id)
                .where(ClaimPositionRow.claim_id.in_(chunk))
                .order_by(ClaimPositionRow.said_on, ClaimPositionRow.id)
            ).all()
            for position, article, confidence in found:
                if min_confidence > 0.0 and position.attribution_id is not None:
                    if confidence is None or confidence < min_confidence:
                        continue
                positions[position.claim_id].append(
                    Position(
                        stance=position.stance,
                        speaker=position.speaker,
                        statement=position.statement,
                        article=article.name,
                        outlet=article.outlet,
                        date=position.said_on or article.published,
                        origin=article.origin_id,
                        outlet_voice=position.outlet_voice,
                        confidence=confidence,
                    )
                )
    return [
        LedgerClaim(
            id=row.id,
            text=row.text,
            contested=row.contested,
            first_seen=row.first_seen,
            last_seen=row.last_seen,
            asserted_by=tuple(p for p in positions[row.id] if p.stance == "assert"),
            denied_by=tuple(p for p in positions[row.id] if p.stance == "deny"),
        )
        for row in rows
    ]


def _standing(min_confidence: float, stance: str | None = None) -> ColumnElement[bool]:
    """Claims with a position (of ``stance``, when given) that stands at the bar.

    The same rule as ``_ledger_claims``: the outlet's own voice always stands, a source's
    position when its attribution's confidence reaches ``min_confidence``.
    """
    standing = (
        select(ClaimPositionRow.claim_id)
        .outerjoin(AttributionRow, AttributionRow.id == ClaimPositionRow.attribution_id)
        .where(
            or_(
                ClaimPositionRow.attribution_id.is_(None),
                AttributionRow.confidence >= min_confidence,
            )
        )
    )
    if stance is not None:
        standing = standing.where(ClaimPositionRow.stance == stance)
    return ClaimRow.id.in_(standing)


def _keeping_sides(min_confidence: float, contested: bool) -> list[ColumnElement[bool]]:
    """The conditions a claim meets at a confidence bar: a side left, or both when contested."""
    if min_confidence <= 0.0:
        return []
    if contested:
        return [_standing(min_confidence, "assert"), _standing(min_confidence, "deny")]
    return [_standing(min_confidence)]


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def claims(
    store: Store,
    *,
    about: str | None = None,
    contested: bool = False,
    since: str | None = None,
    limit: int | None = 50,
    min_confidence: float = 0.0,
) -> list[LedgerClaim]:
    """Corpus claims, most taken-up first.

    Args:
        about: words the claim's text contains (case-insensitive).
        contested: only claims someone asserts and someone else denies.
        since: only claims seen on or after this date (YYYY-MM-DD).
        limit: at most this many (``None``: all).
        min_confidence: only positions whose attribution reaches this confidence (see
            ``_ledger_claims``); the order stays that of all positions.
    """
    query = select(ClaimRow)
    if about:
        query = query.where(ClaimRow.text.ilike(f"%{_escape(about)}%", escape="\\"))
    if contested:
        query = query.where(ClaimRow.contested)
    if since:
        query = query.where(ClaimRow.last_seen >= since)
    query = query.where(*_keeping_sides(min_confidence, contested))
    query = query.order_by((ClaimRow.asserted + ClaimRow.denied).desc(), ClaimRow.id)
    if limit is not None:
        query = query.limit(limit)
    return _ledger_claims(store, query, min_confidence)


def contradictions(
    store: Store, *, limit: int | None = 50, min_confidence: float = 0.0
) -> list[LedgerClaim]:
    """Claims asserted by some and denied by others, strongest first.

    Strength is the weaker side's independent origins (a contradiction between two origins on
    each side outranks forty copies of one story against one denial), then all origins, then
    all positions. With ``min_confidence``, only positions whose attribution reaches it count,
    and a claim that loses a side is no contradiction.
    """
    query = select(ClaimRow).where(ClaimRow.contested, *_keeping_sides(min_confidence, True))
    found = _ledger_claims(store, query, min_confidence)

    def strength(claim: LedgerClaim) -> tuple[int, int, int, int]:
        asserting, denying = claim.support("assert")[1], claim.support("deny")[1]
        positions = len(claim.asserted_by) + len(claim.denied_by)
        return (-min(asserting, denying), -claim.origins, -positions, claim.id)

    found.sort(key=strength)
    return found if limit is None else found[:limit]


@dataclass(frozen=True)
class Statement:
    """One statement of the corpus: who said it, how, what, where and when."""

    speaker: str | None
    cue: str
    content: str
    polarity: str
    article: str
    outlet: str | None
    date: str | None
    claim: int | None
    confidence: float | None = None


@dataclass(frozen=True)
class WhoReport:
    """Everything the corpus has by an entity and about it."""

    name: str
    entities: tuple[str, ...]
    by: tuple[Statement, ...]
    about: tuple[Statement, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``--format json``."""
        return asdict(self)


def who(
    store: Store, name: str, *, limit: int | None = 200, min_confidence: float = 0.0
) -> WhoReport:
    """Every statement by the entities named like ``name``, and every statement about them.

    With ``min_confidence`` above 0, only the attributions whose confidence reaches it; an
    attribution stored without one (the ``rules`` mode) has nothing to reach it with.
    """
    pattern = f"%{_escape(name)}%"
    with store.session() as session:
        names = sorted(
            set(
                session.execute(
                    select(EntityRow.name).where(EntityRow.name.ilike(pattern, escape="\\"))
                ).scalars()
            )
        )
        base = (
            select(AttributionRow, ArticleRow, EntityRow.name)
            .join(ArticleRow, ArticleRow.id == AttributionRow.article_id)
            .outerjoin(EntityRow, EntityRow.id == AttributionRow.entity_id)
            .order_by(ArticleRow.published, ArticleRow.id, AttributionRow.cue_start)
        )
        if min_confidence > 0.0:
            base = base.where(AttributionRow.confidence >= min_confidence)
        speaker_matches = or_(
            EntityRow.name.ilike(pattern, escape="\\"),
            AttributionRow.source_text.ilike(pattern, escape="\\"),
        )
        by_query = base.where(speaker_matches)
        about_query = base.where(
            AttributionRow.content_text.ilike(pattern, escape="\\"),
            or_(AttributionRow.entity_id.is_(None), ~EntityRow.name.ilike(pattern, escape="\\")),
            or_(
                AttributionRow.source_text.is_(None),
                ~AttributionRow.source_text.ilike(pattern, escape="\\"),
            ),
        )
        if limit is not None:
            by_query, about_query = by_query.limit(limit), about_query.limit(limit)
        by = tuple(_statement(*row) for row in session.execute(by_query).all())
        about = tuple(_statement(*row) for row in session.execute(about_query).all())
    return WhoReport(name=name, entities=tuple(names), by=by, about=about)


def _statement(row: AttributionRow, article: ArticleRow, entity: str | None) -> Statement:
    return Statement(
        speaker=entity or row.source_text,
        cue=row.cue_text,
        content=row.content_text,
        polarity=row.polarity,
        article=article.name,
        outlet=article.outlet,
        date=row.said_on or article.published,
        claim=row.claim_id,
        confidence=row.confidence,
    )


def _escape(text: str) -> str:
    """``text`` for a LIKE pattern: its own % and _ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
