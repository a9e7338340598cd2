"""Readers for PETRARCH/TABARI event-coding dictionaries and validation records.

These read the published CAMEO dictionaries (verbs, actors, agents, discards),
the ``PETR_config.ini`` that names them, and PETRARCH's unit-test records into
frozen dataclasses. Nothing here codes events; the coder builds on these types.
Every malformed line raises a one-line ``LexiconError`` naming file and line;
the few known slips in the published files are logged and tolerated.
"""

from __future__ import annotations

from rashomon.extract.events.petrarch.actors import (
    ActorCode,
    ActorDictionary,
    ActorEntry,
    parse_actors,
    parse_dictionary_date,
    read_actors,
)
from rashomon.extract.events.petrarch.agents import (
    AgentDictionary,
    AgentEntry,
    parse_agents,
    read_agents,
)
from rashomon.extract.events.petrarch.config import DictionarySet, find_dictionaries, read_config
from rashomon.extract.events.petrarch.discards import (
    DiscardEntry,
    DiscardList,
    DiscardScope,
    parse_discards,
    read_discards,
)
from rashomon.extract.events.petrarch.records import (
    ExpectedEvent,
    ValidationRecord,
    parse_records,
    read_records,
)
from rashomon.extract.events.petrarch.verb_patterns import Slot, VerbPattern
from rashomon.extract.events.petrarch.verbs import (
    SynonymSet,
    VerbDictionary,
    VerbEntry,
    parse_verbs,
    read_verbs,
)

__all__ = [
    "ActorCode",
    "ActorDictionary",
    "ActorEntry",
    "AgentDictionary",
    "AgentEntry",
    "DictionarySet",
    "DiscardEntry",
    "DiscardList",
    "DiscardScope",
    "ExpectedEvent",
    "Slot",
    "SynonymSet",
    "ValidationRecord",
    "VerbDictionary",
    "VerbEntry",
    "VerbPattern",
    "find_dictionaries",
    "parse_actors",
    "parse_agents",
    "parse_dictionary_date",
    "parse_discards",
    "parse_records",
    "parse_verbs",
    "read_actors",
    "read_agents",
    "read_config",
    "read_discards",
    "read_records",
    "read_verbs",
]
