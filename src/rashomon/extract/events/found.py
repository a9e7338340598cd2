"""What the event finder found, as plain data for ``doc._.rashomon_events``.

The finder works on a parsed ``Doc``; what it leaves on the ``Doc`` must survive
``nlp.pipe(n_process=2)`` and ``DocBin``, so a found event is character ranges, codes and
indices into the other ``rashomon_*`` lists, never tokens or spans.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["FoundActor", "FoundEvent"]

Range = tuple[int, int]


@dataclass
class FoundActor:
    """One actor of an event: its words as a character range, its code and its entity.

    ``entity`` is the index, in ``doc._.rashomon_entities``, of the entity the actor is or
    belongs to ("its troops" belong to the ministry that speaks of them); ``pronoun`` marks
    actors named by a pronoun or a possessive pronoun, whose identity comes from context.
    """

    span: Range
    code: str | None = None
    entity: int | None = None
    pronoun: str | None = None

    def to_data(self) -> dict[str, Any]:
        """Plain data (the range becomes a list)."""
        return {
            "span": list(self.span),
            "code": self.code,
            "entity": self.entity,
            "pronoun": self.pronoun,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FoundActor:
        """Rebuild from what ``to_data`` wrote."""
        return cls(
            span=(data["span"][0], data["span"][1]),
            code=data.get("code"),
            entity=data.get("entity"),
            pronoun=data.get("pronoun"),
        )


@dataclass
class FoundEvent:
    """One coded event as found on a ``Doc``.

    Attributes:
        trigger: the character range of the word that reports the event ("attacked").
        trigger_token: the token index of that word, for later stages that re-read the parse.
        lemma: the trigger's lemma as looked up in the event verb lexicon.
        code: the CAMEO event code.
        source: who acted.
        target: whom it was done to, or None ("Troops may withdraw").
        negated: the text says it did not happen ("did not shell").
        status: ``asserted``, ``attributed``, ``claimed``, ``denied`` or ``hypothetical``.
        attribution: index in ``doc._.rashomon_attributions`` of the innermost attribution
            whose content holds the trigger, else of the attribution whose cue the trigger is
            (a reported speech act), else None.
        date: the character range of a date attached to the trigger ("on Sunday"), if any.
        location: ISO alpha-3 code of the country where it happened ("in Aleppo" → SYR).
    """

    trigger: Range
    trigger_token: int
    lemma: str
    code: str
    source: FoundActor
    target: FoundActor | None = None
    negated: bool = False
    status: str = "asserted"
    attribution: int | None = None
    date: Range | None = None
    location: str | None = None

    def to_data(self) -> dict[str, Any]:
        """Plain data for the ``Doc`` extension (tuples become lists)."""
        data = asdict(self)
        data["trigger"] = list(self.trigger)
        data["source"] = self.source.to_data()
        data["target"] = self.target.to_data() if self.target is not None else None
        data["date"] = list(self.date) if self.date is not None else None
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FoundEvent:
        """Rebuild from what ``to_data`` wrote."""
        values = dict(data)
        values["trigger"] = (data["trigger"][0], data["trigger"][1])
        values["source"] = FoundActor.from_data(data["source"])
        target = data.get("target")
        values["target"] = FoundActor.from_data(target) if target is not None else None
        date = data.get("date")
        values["date"] = (date[0], date[1]) if date is not None else None
        return cls(**values)
