"""Events coded with a user's PETRARCH dictionaries, with the status the built-in finder gives.

``rashomon_events`` codes with its own verb lexicon by default. A user who already codes with
PETRARCH's CAMEO dictionaries (or their own in the same formats) can hand them over instead;
then ``PetrarchCoder`` finds who did what to whom, and this module turns each of its
``CodedEvent``s into the ``FoundEvent`` the rest of rashomon reads:

- source and target keep the codes the dictionaries gave ("ARNCOP", "GON");
- the trigger token, negation ("did not attack") and hypothetical readings ("may attack") are
  read off the parse exactly as the built-in finder reads them;
- the evidential status comes from the attribution layer through ``status.py``, so that
  "Officials said that Arnor attacked Gondor" is ``attributed``, not a fact.

The coder is date-aware (an actor's code may change on a date), so the article's publication
date is read from ``doc.user_data[ARTICLE_DATE]`` when whoever built the ``Doc`` put it there
(as an ISO ``YYYY-MM-DD`` string: plain data that survives ``DocBin`` and ``n_process > 1``).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from rashomon.errors import ConfigError
from rashomon.extract.events.found import FoundActor, FoundEvent, Range
from rashomon.extract.events.petrarch.actor_coding import UNKNOWN
from rashomon.extract.events.petrarch.coder import CodedEvent, PetrarchCoder
from rashomon.extract.events.status import evidential_status, is_hypothetical

__all__ = ["ARTICLE_DATE", "article_date", "find_petrarch_events", "load_petrarch_coder"]

logger = logging.getLogger(__name__)

#: The ``doc.user_data`` key holding the article's publication date (``YYYY-MM-DD``).
ARTICLE_DATE = "rashomon_published"


def load_petrarch_coder(dictionaries: str | Path, prefix: str | None = None) -> PetrarchCoder:
    """Read a user's PETRARCH dictionary set into a coder.

    Args:
        dictionaries: a folder holding one dictionary set, or a PETRARCH config file
            (``PETR_config.ini``) naming one.
        prefix: with a folder holding several sets, use the files whose names start with it
            (``PETR.Validate``); ignored for a config file.

    Returns:
        The coder, ready to code parsed documents.

    Raises:
        LexiconError: the path does not exist, does not hold exactly one set, or a
            dictionary is malformed.
        ConfigError: ``dictionaries`` is empty.
    """
    # Imported here: the set-finding helper lives with the evaluation code, which pulls in
    # far more than the events component needs at import time.
    from rashomon.evaluate.petrarch import find_dictionary_set

    if not str(dictionaries).strip():
        raise ConfigError("no dictionary path given", where="dictionaries")
    path = Path(dictionaries).expanduser()
    logger.debug("reading PETRARCH dictionaries from %s (prefix %r)", path, prefix)
    return PetrarchCoder.from_dictionaries(find_dictionary_set(path, prefix or None))


def article_date(doc: Doc) -> datetime.date | None:
    """The publication date stored on ``doc`` under ``ARTICLE_DATE``, if any and valid."""
    value = doc.user_data.get(ARTICLE_DATE)
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        logger.debug("ignoring article date %r: not YYYY-MM-DD", value)
        return None


def find_petrarch_events(
    doc: Doc,
    coder: PetrarchCoder,
    attributions: Sequence[dict[str, Any]],
    entities: Sequence[dict[str, Any]] = (),
    date: datetime.date | None = None,
) -> list[FoundEvent]:
    """Every event the dictionaries code in ``doc``, with its evidential status.

    Args:
        doc: a parsed document.
        coder: the coder built from the user's dictionaries.
        attributions: ``doc._.rashomon_attributions`` (plain dicts); without them every event
            is ``asserted`` (or ``hypothetical``).
        entities: ``doc._.rashomon_entities``: an actor inside an entity's mention belongs to
            it, which tells a speaker's own deed (``claimed``) from one it reports.
        date: the story date, for date-restricted actor codes.

    Returns:
        One event per coded event, in the coder's order (text order of their verbs).
    """
    return [_found(doc, event, attributions, entities) for event in coder.code(doc, date)]


def _found(
    doc: Doc,
    event: CodedEvent,
    attributions: Sequence[dict[str, Any]],
    entities: Sequence[dict[str, Any]],
) -> FoundEvent:
    """One coded event as found data: its trigger read off the parse, its status decided."""
    verb = _trigger_token(doc, event.trigger)
    # The coder gives no phrase for a missing source; the trigger then stands in for it so
    # that the actor still points into the text.
    source_span = event.source_span if event.source_span is not None else event.trigger
    source = _actor(doc, source_span, event.source, entities)
    target = None
    if event.target_span is not None and event.target != UNKNOWN:
        target = _actor(doc, event.target_span, event.target, entities)
    # Negation as the built-in finder reads it: "Arnor did not attack Gondor", "never attacked".
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
    evidence = evidential_status(
        event.trigger, source, is_hypothetical(verb), attributions, entities
    )
    return FoundEvent(
        trigger=event.trigger,
        trigger_token=verb.i,
        lemma=verb.lemma_.lower(),
        code=event.code,
        source=source,
        target=target,
        negated=negated,
        status=evidence.status,
        attribution=evidence.attribution,
        date=_date(doc, verb),
    )


def _trigger_token(doc: Doc, trigger: Range) -> Token:
    """The verb's head word: for a multi-word form ("set off"), the root of its words."""
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        # Offsets off token bounds cannot come from the coder; fall back to the first token.
        return next(t for t in doc if t.idx + len(t.text) > trigger[0])
    return span.root


def _actor(doc: Doc, span: Range, code: str, entities: Sequence[dict[str, Any]]) -> FoundActor:
    """An actor with the dictionaries' code, the entity it is a mention of, and its pronoun."""
    words = doc.char_span(span[0], span[1], alignment_mode="expand")
    pronoun = None
    if words is not None and len(words) == 1 and words[0].tag_ in {"PRP", "PRP$"}:
        pronoun = words[0].lower_
    return FoundActor(span=span, code=code, entity=_entity(span, entities), pronoun=pronoun)


def _entity(span: Range, entities: Sequence[dict[str, Any]]) -> int | None:
    """The entity with the narrowest mention holding the actor's first character."""
    best: tuple[int, int] | None = None
    for index, entity in enumerate(entities):
        for start, end in entity.get("mentions", ()):
            if start <= span[0] < end and (best is None or end - start < best[1]):
                best = (index, end - start)
    return best[0] if best is not None else None


def _date(doc: Doc, verb: Token) -> Range | None:
    """A DATE entity attached to the verb, as the built-in finder dates events ("on Sunday")."""
    for child in verb.children:
        if child.dep_ == "prep":
            holder = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ in {"npadvmod", "tmod", "advmod"}:
            holder = child
        else:
            continue
        if holder is not None and holder.ent_type_ == "DATE":
            ent = next((e for e in doc.ents if e.start <= holder.i < e.end), None)
            if ent is not None:
                return ent.start_char, ent.end_char
    return None
