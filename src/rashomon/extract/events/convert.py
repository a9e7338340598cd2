"""Turn the plain data of ``doc._.rashomon_events`` into the typed model's ``Event`` objects.

The component leaves offsets and codes on the ``Doc``; the pipeline calls ``to_events`` once,
at the boundary, to fill in what follows from the CAMEO code (PLOVER type, quad class,
Goldstein weight), to resolve dates against the publication date, and to swap indices for the
ids the rest of the analysis uses.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, cast

from rashomon.extract.events.codes import CameoCodes
from rashomon.extract.events.found import FoundActor, FoundEvent
from rashomon.link.dates import resolve_date
from rashomon.model import Event, EventActor, EventStatus, Span

__all__ = ["to_events"]

logger = logging.getLogger(__name__)

_STATUSES = frozenset({"asserted", "attributed", "claimed", "denied", "hypothetical"})


def to_events(
    text: str,
    data: Sequence[dict[str, Any]],
    attribution_ids: Mapping[int, str],
    published: str | None,
    codes: CameoCodes,
) -> tuple[Event, ...]:
    """The events as typed model objects, with ids ``v1``, ``v2`` … in text order.

    Args:
        text: the article's text (every offset points into it).
        data: ``doc._.rashomon_events``.
        attribution_ids: the id given to each kept attribution, by its index in
            ``doc._.rashomon_attributions``; an event whose attribution was dropped (a
            disclaimer line, say) keeps its status but links to no attribution.
        published: the publication date (YYYY-MM-DD) that anchors "on Sunday"; an event
            with no date of its own is dated by it.
        codes: the CAMEO code table.

    Returns:
        One ``Event`` per found event.
    """
    found = sorted((FoundEvent.from_data(item) for item in data), key=lambda e: e.trigger)
    events: list[Event] = []
    for event in found:
        entry = codes.resolve(event.code)
        if entry is None:
            # A code outside the table cannot be typed; the lexicon check should prevent it.
            logger.warning("event code %r is not in the CAMEO table; skipped", event.code)
            continue
        if event.status not in _STATUSES:
            raise ValueError(f"unknown event status {event.status!r}")
        date_text = text[event.date[0] : event.date[1]] if event.date is not None else None
        date = resolve_date(date_text, published) if date_text else None
        events.append(
            Event(
                id=f"v{len(events) + 1}",
                trigger=_span(text, event.trigger),
                source_actor=_actor(text, event.source),
                target_actor=_actor(text, event.target) if event.target is not None else None,
                cameo=event.code,
                # PLOVER has no type for most public statements (01); the field stays empty.
                plover=entry.plover or "",
                negated=event.negated,
                status=cast(EventStatus, event.status),
                quad_class=entry.quad_class,
                goldstein=entry.goldstein,
                date=date or (published[:10] if published else None),
                location=event.location,
                attribution=(
                    attribution_ids.get(event.attribution)
                    if event.attribution is not None
                    else None
                ),
            )
        )
    return tuple(events)


def _span(text: str, offsets: tuple[int, int]) -> Span:
    start, end = offsets
    return Span(text=text[start:end], start=start, end=end)


def _actor(text: str, actor: FoundActor) -> EventActor:
    return EventActor(span=_span(text, actor.span), code=actor.code)
