"""Resolve who each source is: named mentions, pronouns, descriptions and relative pronouns.

Newswire coreference is narrow and regular: a pronoun subject of a speech verb almost always
refers to the last person quoted ("He added that …"), a definite description names the role
or organisation of an earlier speaker ("the spokesman", "the ministry"), and a later surname
repeats an earlier full name. These rules cover that, at a fraction of a neural model's cost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from rashomon.extract.actors import ActorCoder

__all__ = ["EntityRecord", "resolve_entities"]

_PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
_GROUP_PRONOUNS = {"they", "we", "them"}
_RELATIVE_PRONOUNS = {"who", "which", "that"}
_ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "country"}
_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "prime", "minister"}
_DETERMINERS = ("the ", "a ", "an ")


@dataclass
class EntityRecord:
    """An entity being built: its name, attributes and mentions (character ranges)."""

    name: str
    type: str | None = None
    role: str | None = None
    affiliation: str | None = None
    actor_code: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    key: str = ""

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))

    def describe_with(self, coder: ActorCoder, phrase: str) -> None:
        """Fill role, affiliation and actor code from a phrase naming the entity."""
        description = coder.describe(phrase)
        self.role = self.role or description.role
        self.affiliation = self.affiliation or description.affiliation
        self.actor_code = self.actor_code or description.actor_code
        if self.type is None:
            self.type = description.type

    def to_data(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "role": self.role,
            "affiliation": self.affiliation,
            "actor_code": self.actor_code,
            "mentions": sorted([list(m) for m in self.mentions]),
        }


def resolve_entities(
    doc: Doc, attributions: list[dict[str, Any]], coder: ActorCoder
) -> list[EntityRecord]:
    """Build the entities of ``doc`` and set each attribution's ``entity`` index.

    Also lets a pronoun or description inherit its antecedent's sourcing: "A commander said
    … He added …" keeps the second statement anonymous.
    """
    text = doc.text
    entities: list[EntityRecord] = []
    by_key: dict[str, int] = {}
    _collect_named(doc, entities, by_key, coder)
    speakers: list[tuple[int, int]] = []  # (entity index, attribution index) in text order
    for index, attribution in enumerate(attributions):
        if attribution["source"] is None or attribution["source_token"] is None:
            continue
        head = doc[attribution["source_token"]]
        start, end = attribution["source"]
        antecedent = _antecedent(doc, head, start, end, entities, speakers, attributions)
        if antecedent is not None:
            entity_index, from_attribution = antecedent
            if from_attribution is not None and attributions[from_attribution]["sourcing"] == (
                "anonymous"
            ):
                attribution["sourcing"] = "anonymous"
        else:
            entity_index = _entity_for_phrase(doc, start, end, head, entities, by_key, coder)
            entities[entity_index].describe_with(coder, text[start:end])
        entities[entity_index].add_mention(start, end)
        attribution["entity"] = entity_index
        speakers.append((entity_index, index))
    return entities


def _collect_named(
    doc: Doc, entities: list[EntityRecord], by_key: dict[str, int], coder: ActorCoder
) -> None:
    """People, organisations and places named in the text, surnames joined to full names."""
    for ent in doc.ents:
        entity_type = _ENTITY_TYPES.get(ent.label_)
        if entity_type is None:
            continue
        name = _clean_name(ent.text)
        if not name:
            continue
        if entity_type == "country" and coder.country_of(name) is None:
            # "Mombasa", "Ohio": a place, not a country that could act.
            entity_type = "place"
        key = _key(name, entity_type, coder)
        index = by_key.get(key)
        if index is None and entity_type == "person":
            index = _person_by_surname(name, entities)
        if index is None:
            record = EntityRecord(name=name, type=entity_type, key=key)
            if entity_type == "country":
                record.actor_code = coder.describe(name).actor_code
            entities.append(record)
            index = len(entities) - 1
            by_key[key] = index
        entities[index].add_mention(ent.start_char, ent.end_char)


def _clean_name(text: str) -> str:
    name = text.strip().strip("“”\"'’,.")
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    lowered = name.lower()
    for determiner in _DETERMINERS:
        if lowered.startswith(determiner):
            name = name[len(determiner) :]
            break
    return name.strip()


def _key(name: str, entity_type: str, coder: ActorCoder) -> str:
    if entity_type == "country":
        country = coder.country_of(name)
        if country:
            return f"country:{country}"
    return f"{entity_type}:{name.lower()}"


def _person_by_surname(name: str, entities: list[EntityRecord]) -> int | None:
    """A later "Khan" or "Mr. Khan" is the earlier "Ali Khan"."""
    words = [w for w in name.replace(".", "").split() if w.lower() not in _TITLES]
    if not words:
        return None
    for index in range(len(entities) - 1, -1, -1):
        entity = entities[index]
        if entity.type != "person":
            continue
        full = entity.name.replace(".", "").split()
        if len(words) < len(full) and full[-len(words) :] == words:
            return index
    return None


def _antecedent(
    doc: Doc,
    head: Token,
    start: int,
    end: int,
    entities: list[EntityRecord],
    speakers: list[tuple[int, int]],
    attributions: list[dict[str, Any]],
) -> tuple[int, int | None] | None:
    """The entity a pronoun or description refers to, and the attribution that introduced it."""
    word = head.lower_
    if word in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        # "Ali Khan, who chairs the panel, said …": the relative clause's noun.
        noun = head.head.head
        return _entity_at(noun, entities), None
    if word in _PERSON_PRONOUNS:
        # "He added that …": the last person quoted before, else the last person named.
        for entity_index, attribution_index in reversed(speakers):
            if entities[entity_index].type == "person":
                return entity_index, attribution_index
        return _last_named(entities, start, "person"), None
    if word in _GROUP_PRONOUNS:
        for entity_index, attribution_index in reversed(speakers):
            if entities[entity_index].type in {"group", "organisation", "country"}:
                return entity_index, attribution_index
        return None
    determiners = {c.lower_ for c in head.children if c.dep_ == "det"}
    if determiners & {"the", "this", "that"} and head.pos_ == "NOUN" and end - start < 40:
        # "the spokesman said …" / "the ministry said …": an earlier speaker with that role.
        lemma = head.lemma_.lower()
        for entity_index, attribution_index in reversed(speakers):
            entity = entities[entity_index]
            words = f"{entity.name} {entity.role or ''} {entity.affiliation or ''}".lower()
            if lemma in words.split() or head.lower_ in words.split():
                return entity_index, attribution_index
    return None


def _entity_at(token: Token, entities: list[EntityRecord]) -> int:
    for index, entity in enumerate(entities):
        for start, end in entity.mentions:
            if start <= token.idx < end:
                return index
    entities.append(EntityRecord(name=token.text, type=None))
    return len(entities) - 1


def _last_named(entities: list[EntityRecord], before: int, entity_type: str) -> int:
    best: tuple[int, int] | None = None
    for index, entity in enumerate(entities):
        if entity.type != entity_type:
            continue
        for start, _end in entity.mentions:
            if start < before and (best is None or start > best[1]):
                best = (index, start)
    if best is None:
        entities.append(EntityRecord(name="(unresolved)", type=entity_type))
        return len(entities) - 1
    return best[0]


def _entity_for_phrase(
    doc: Doc,
    start: int,
    end: int,
    head: Token,
    entities: list[EntityRecord],
    by_key: dict[str, int],
    coder: ActorCoder,
) -> int:
    """The entity a full source phrase names: its person, else its organisation, else itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    ents: list[Span] = list(span.ents) if span is not None else []
    people = [e for e in ents if e.label_ == "PERSON"]
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)
    if people and not indefinite:
        return _entity_at(people[-1][0], entities)
    if head.pos_ == "PROPN" and span is not None and len(span) <= 3:
        # "Lopez said …" after "Maria Lopez": the parser's NER often misses a lone surname.
        index = _person_by_surname(_clean_name(span.text), entities)
        if index is not None:
            return index
    if not indefinite and head.ent_type_ in {"ORG", "GPE"}:
        # "Environmental group Ocean Watch said …": the organisation named at the head.
        named = next((e for e in ents if e.start <= head.i < e.end), None)
        if named is not None and (len(named) >= len(span) - 3 if span is not None else True):
            return _entity_at(head, entities)
    name = _clean_name(span.text if span is not None else doc.text[start:end])
    key = f"phrase:{name.lower()}"
    if key in by_key and not indefinite:
        return by_key[key]
    record = EntityRecord(name=name, key=key)
    if head.tag_ in {"NNS", "NNPS"}:
        record.type = "group"
    entities.append(record)
    by_key[key] = len(entities) - 1
    return len(entities) - 1
