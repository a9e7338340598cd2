"""The corpus store's tables: one SQLAlchemy 2 schema for SQLite and PostgreSQL.

The rows mirror ``rashomon.model`` (one article's analysis) plus what only a corpus has:

- ``origins`` — where stories come from. Every article belongs to one origin: a wire service
  or original outlet named in its provenance lines, the origin of a near-duplicate it copies,
  or (failing both) itself. "Independent origins" behind a claim are counted here.
- ``sightings`` — every place an article was seen (file, feed entry, URL): an exact duplicate
  is stored once and seen many times.
- ``claims`` / ``claim_positions`` / ``claim_terms`` — the ledger: propositions grouped across
  articles, each position one source asserting or denying it in one article, and the terms
  through which a new statement finds the claims it may belong to.

Every table that belongs to an article carries ``article_id``, and each article is written in
one transaction (``store.writer``), so a killed ingest leaves whole articles or nothing.
Changing a table here needs an Alembic revision in ``store/migrations/versions``; a test
compares this metadata with the migrated database.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "REPUBLISHED",
    "ArticleBandRow",
    "ArticleRow",
    "AttributionRow",
    "Base",
    "ClaimPositionRow",
    "ClaimRow",
    "ClaimTermRow",
    "EntityRow",
    "EventRow",
    "OriginRow",
    "SightingRow",
]

# Constraint names are spelt out so that migrations name them the same on every backend.
_NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


#: ``articles.origin_reason`` values that make an article a copy of another's story.
REPUBLISHED = ("near_duplicate", "provenance")


class Base(DeclarativeBase):
    """The declarative base of every table."""

    metadata = MetaData(naming_convention=_NAMING)


class OriginRow(Base):
    """Where a story comes from; ``key`` is ``outlet:<name>`` or ``article:<text key>``."""

    __tablename__ = "origins"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    outlet: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ArticleRow(Base):
    """One distinct article text, with its analysis as the ``rashomon/1`` document."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    origin_id: Mapped[int] = mapped_column(ForeignKey("origins.id"), index=True)
    #: How the origin was found: ``near_duplicate``, ``provenance`` (credit lines naming
    #: another outlet), ``outlet`` (the publishing outlet) or ``self``.
    origin_reason: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300))
    byline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    republished_by: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[bytes] = mapped_column(LargeBinary)
    document: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class ArticleBandRow(Base):
    """One locality-sensitive band key of an article's fingerprint (near-duplicate lookup)."""

    __tablename__ = "article_bands"

    band: Mapped[str] = mapped_column(String(40), primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )


class SightingRow(Base):
    """A place an article was seen: a file, a feed entry, a URL in an archive."""

    __tablename__ = "sightings"
    __table_args__ = (UniqueConstraint("article_id", "place", name="uq_sightings_article_place"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    place: Mapped[str] = mapped_column(String(1000))
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(300))
    published: Mapped[str | None] = mapped_column(String(10))
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class EntityRow(Base):
    """An entity of one article (``local_id`` is its id in the article's document)."""

    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(500), index=True)
    type: Mapped[str | None] = mapped_column(String(40))
    role: Mapped[str | None] = mapped_column(String(200))
    affiliation: Mapped[str | None] = mapped_column(String(500))
    actor_code: Mapped[str | None] = mapped_column(String(40))
    mentions: Mapped[list[list[int]]] = mapped_column(JSON)


class AttributionRow(Base):
    """One act of saying in one article."""

    __tablename__ = "attributions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    source_start: Mapped[int | None] = mapped_column(Integer)
    source_end: Mapped[int | None] = mapped_column(Integer)
    cue_text: Mapped[str] = mapped_column(Text)
    cue_start: Mapped[int] = mapped_column(Integer)
    cue_end: Mapped[int] = mapped_column(Integer)
    content_text: Mapped[str] = mapped_column(Text)
    content: Mapped[list[list[int]]] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(10))
    polarity: Mapped[str] = mapped_column(String(10))
    sourcing: Mapped[str] = mapped_column(String(20))
    said_on: Mapped[str | None] = mapped_column(String(10))
    said_on_text: Mapped[str | None] = mapped_column(String(100))
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"), index=True)
    #: The attribution scorer's probability that it is right; None in the ``rules`` mode.
    confidence: Mapped[float | None] = mapped_column(Float)


class ClaimRow(Base):
    """A proposition of the corpus, grouped across articles (the ledger's entry)."""

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    terms: Mapped[list[str]] = mapped_column(JSON)
    #: Its first wording was negative ("no vessel spilled oil"): positions are relative to it.
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    asserted: Mapped[int] = mapped_column(Integer, default=0)
    denied: Mapped[int] = mapped_column(Integer, default=0)
    contested: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    first_seen: Mapped[str | None] = mapped_column(String(10))
    last_seen: Mapped[str | None] = mapped_column(String(10))
    #: The sentence vector of its first wording, when ingested with ``--embeddings``.
    embedding: Mapped[bytes | None] = mapped_column(LargeBinary)


class ClaimTermRow(Base):
    """A term of a claim, for finding the claims a new statement may belong to."""

    __tablename__ = "claim_terms"

    term: Mapped[str] = mapped_column(String(200), primary_key=True)
    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )


class ClaimPositionRow(Base):
    """One side taken on a claim: a source (or the outlet itself) asserting or denying it."""

    __tablename__ = "claim_positions"
    __table_args__ = (Index("ix_claim_positions_article", "article_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    #: The article's own claim id ("c3") this position came from.
    local_claim: Mapped[str] = mapped_column(String(20))
    attribution_id: Mapped[int | None] = mapped_column(ForeignKey("attributions.id"))
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    #: Who takes the position, as the text names them (an outlet for its own voice).
    speaker: Mapped[str | None] = mapped_column(Text)
    stance: Mapped[str] = mapped_column(String(10))
    outlet_voice: Mapped[bool] = mapped_column(Boolean, default=False)
    statement: Mapped[str] = mapped_column(Text)
    said_on: Mapped[str | None] = mapped_column(String(10))


class EventRow(Base):
    """A coded event of one article."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str] = mapped_column(String(20))
    trigger_text: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int] = mapped_column(Integer)
    trigger_end: Mapped[int] = mapped_column(Integer)
    source_text: Mapped[str] = mapped_column(Text)
    source_code: Mapped[str | None] = mapped_column(String(40))
    target_text: Mapped[str | None] = mapped_column(Text)
    target_code: Mapped[str | None] = mapped_column(String(40))
    cameo: Mapped[str] = mapped_column(String(10), index=True)
    plover: Mapped[str] = mapped_column(String(20))
    quad_class: Mapped[int | None] = mapped_column(Integer)
    goldstein: Mapped[float | None] = mapped_column(Float)
    date: Mapped[str | None] = mapped_column(String(10))
    location: Mapped[str | None] = mapped_column(String(40))
    negated: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(20))
    attribution_id: Mapped[int | None] = mapped_column(ForeignKey("attributions.id"))
