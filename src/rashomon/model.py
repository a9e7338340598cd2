"""The one data model every layer shares.

Everything rashomon finds is one of these frozen dataclasses, carrying character offsets into
``Article.text``. The CLI, the store, the web app and the exporters all consume these objects;
none of them goes back to a spaCy ``Doc``. ``Analysis.to_json()`` writes the ``rashomon/1``
document described in SPEC.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, Literal

__all__ = [
    "SCHEMA",
    "Analysis",
    "Article",
    "Attribution",
    "Claim",
    "Entity",
    "Event",
    "Origin",
    "Source",
    "Span",
]

SCHEMA = "rashomon/1"

Kind = Literal["direct", "indirect", "mixed"]
Polarity = Literal["assert", "deny"]
Sourcing = Literal["named", "anonymous", "unnamed_report"]
EventStatus = Literal["asserted", "attributed", "claimed", "denied", "hypothetical"]


@dataclass(frozen=True)
class Span:
    """A stretch of the article's text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Source(Span):
    """The words naming who said something, and the entity they resolve to (if any)."""

    entity: str | None = None


@dataclass(frozen=True)
class Origin:
    """Where the story comes from, when the article says so.

    ``outlet`` is the original outlet ("By Example News", "(AP) —"), ``republished_by`` the
    site that copied it (a disclaimer such as "X is not responsible for the content of quoted
    articles"), and ``evidence`` the lines that say so, verbatim.
    """

    outlet: str | None = None
    republished_by: str | None = None
    evidence: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article as read: its plain text (what every offset points into) and metadata."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    url: str | None = None
    origin: Origin = field(default_factory=Origin)


@dataclass(frozen=True)
class Entity:
    """Someone or something that speaks or is spoken of, with every mention of it."""

    id: str
    name: str
    type: str | None = None
    role: str | None = None
    affiliation: str | None = None
    actor_code: str | None = None
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Attribution:
    """One act of saying: who (``source``), how (``cue``), what (``content``).

    ``source`` is ``None`` when the text names nobody ("it was reported that …").
    ``content`` has several pieces when a quote is split around its cue.
    ``confidence`` is the attribution scorer's probability, from 0 to 1, that the
    attribution is right as a whole (``None`` in the ``rules`` mode, which has no scorer);
    on PolNeAR dev, precision rises with it (see the README), so a user who needs fewer
    false alarms can keep only the higher ones.
    """

    id: str
    source: Source | None
    cue: Span
    content: tuple[Span, ...]
    kind: Kind
    polarity: Polarity
    sourcing: Sourcing
    said_on: str | None = None
    said_on_text: str | None = None
    claim: str | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class Claim:
    """A proposition, with the attributions that assert it and those that deny it.

    ``outlet_voice`` marks a claim the article makes itself, with no source; ``contested``
    is true when someone asserts it and someone else denies it. ``terms`` are the words that
    identify the proposition, strongest first: names and country codes keep their capitals
    ("KEN", "Otieno"), other words are lemmas ("tanker", "leak"); the corpus ledger
    groups claims of different articles by them. ``negated`` says the proposition is worded
    negatively ("no vessel has spilled anything"), so that a denial of "a vessel spilled oil"
    and an assertion of "no vessel spilled oil" land on the same side.
    """

    id: str
    text: str
    asserted_by: tuple[str, ...] = ()
    denied_by: tuple[str, ...] = ()
    outlet_voice: bool = False
    contested: bool = False
    start: int | None = None
    end: int | None = None
    terms: tuple[str, ...] = ()
    negated: bool = False


@dataclass(frozen=True)
class EventActor:
    """An actor of an event: the words and their CAMEO-style code."""

    span: Span
    code: str | None = None


@dataclass(frozen=True)
class Event:
    """A coded political event (filled by the events layer)."""

    id: str
    trigger: Span
    source_actor: EventActor
    target_actor: EventActor | None
    cameo: str
    plover: str
    negated: bool
    status: EventStatus
    quad_class: int | None = None
    goldstein: float | None = None
    date: str | None = None
    location: str | None = None
    attribution: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything rashomon found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The ``rashomon/1`` document as plain Python data (lists, dicts, scalars)."""
        data = _plain(self)
        return {"schema": SCHEMA, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """The analysis a ``rashomon/1`` document describes: the inverse of ``to_dict``.

        ``Analysis.from_dict(a.to_dict()) == a`` for every analysis. The corpus store keeps
        each article's document, so readers of the store (the ``events-tsv`` export among
        them) rebuild analyses with this instead of re-deriving them from the table rows.
        Optional fields missing from the document take their defaults.

        Args:
            data: the document as plain data (``json.loads`` of ``to_json()``).

        Returns:
            The analysis, with tuples where the document has lists.

        Raises:
            ValueError: the document names another schema than ``rashomon/1``.
            KeyError: a required field is missing.
        """
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise ValueError(f"not a {SCHEMA} document (schema {schema!r})")

        def span(item: dict[str, Any]) -> Span:
            return Span(text=item["text"], start=item["start"], end=item["end"])

        def actor(item: dict[str, Any]) -> EventActor:
            return EventActor(span=span(item["span"]), code=item.get("code"))

        def source(item: dict[str, Any] | None) -> Source | None:
            if item is None:
                return None
            return Source(item["text"], item["start"], item["end"], item.get("entity"))

        article = data["article"]
        origin = article.get("origin") or {}
        return cls(
            article=Article(
                id=article["id"],
                text=article["text"],
                title=article.get("title"),
                outlet=article.get("outlet"),
                byline=article.get("byline"),
                published=article.get("published"),
                url=article.get("url"),
                origin=Origin(
                    outlet=origin.get("outlet"),
                    republished_by=origin.get("republished_by"),
                    evidence=tuple(span(item) for item in origin.get("evidence", ())),
                ),
            ),
            entities=tuple(
                Entity(
                    id=item["id"],
                    name=item["name"],
                    type=item.get("type"),
                    role=item.get("role"),
                    affiliation=item.get("affiliation"),
                    actor_code=item.get("actor_code"),
                    mentions=tuple((start, end) for start, end in item.get("mentions", ())),
                )
                for item in data.get("entities", ())
            ),
            attributions=tuple(
                Attribution(
                    id=item["id"],
                    source=source(item.get("source")),
                    cue=span(item["cue"]),
                    content=tuple(span(piece) for piece in item["content"]),
                    kind=item["kind"],
                    polarity=item["polarity"],
                    sourcing=item["sourcing"],
                    said_on=item.get("said_on"),
                    said_on_text=item.get("said_on_text"),
                    claim=item.get("claim"),
                    confidence=item.get("confidence"),
                )
                for item in data.get("attributions", ())
            ),
            claims=tuple(
                Claim(
                    id=item["id"],
                    text=item["text"],
                    asserted_by=tuple(item.get("asserted_by", ())),
                    denied_by=tuple(item.get("denied_by", ())),
                    outlet_voice=item.get("outlet_voice", False),
                    contested=item.get("contested", False),
                    start=item.get("start"),
                    end=item.get("end"),
                    terms=tuple(item.get("terms", ())),
                    negated=item.get("negated", False),
                )
                for item in data.get("claims", ())
            ),
            events=tuple(
                Event(
                    id=item["id"],
                    trigger=span(item["trigger"]),
                    source_actor=actor(item["source_actor"]),
                    target_actor=actor(item["target_actor"]) if item.get("target_actor") else None,
                    cameo=item["cameo"],
                    plover=item["plover"],
                    negated=item["negated"],
                    status=item["status"],
                    quad_class=item.get("quad_class"),
                    goldstein=item.get("goldstein"),
                    date=item.get("date"),
                    location=item.get("location"),
                    attribution=item.get("attribution"),
                )
                for item in data.get("events", ())
            ),
        )

    def to_json(self, *, indent: int | None = 2) -> str:
        """The ``rashomon/1`` document as a JSON string."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def attribution(self, attribution_id: str) -> Attribution:
        """The attribution with this id (``KeyError`` if there is none)."""
        for item in self.attributions:
            if item.id == attribution_id:
                return item
        raise KeyError(attribution_id)

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (``KeyError`` if there is none)."""
        for item in self.entities:
            if item.id == entity_id:
                return item
        raise KeyError(entity_id)


_FIELD_NAMES: dict[type[Any], tuple[str, ...]] = {}


def _field_names(kind: type[Any]) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(kind)
    if names is None:
        names = _FIELD_NAMES[kind] = tuple(item.name for item in fields(kind))
    return names


def _plain(value: Any) -> Any:
    """A model object as JSON-ready data: dataclasses to dicts, tuples to lists.

    ``dataclasses.asdict`` does the same but deep-copies every leaf on the way; the store
    writes one document per article, where that copy cost more than the rest of the JSON.
    """
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
