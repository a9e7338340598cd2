"""What the attribution finder found, as plain data for ``doc._.rashomon_attributions``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["FoundAttribution"]

Range = tuple[int, int]


@dataclass
class FoundAttribution:
    """One attribution as found on a ``Doc``: character ranges plus the clues later stages need.

    ``parent`` is the index of the attribution this one elaborates ("…, saying that …" or
    "…, adding that …" hang on the act they continue); ``refers_to`` the index of the
    attribution whose claim this one's content points back to ("repudiated the reports");
    ``source_token`` is the head token of the source, for resolving pronouns;
    ``confidence`` the attribution scorer's probability that the attribution is right, when
    a scorer weighed it.
    """

    cue: Range
    content: list[Range]
    kind: str
    polarity: str
    sourcing: str
    source: Range | None = None
    source_token: int | None = None
    cue_token: int = 0
    cue_lemma: str = ""
    said_on_text: Range | None = None
    parent: int | None = None
    refers_to: int | None = None
    negated: bool = False
    content_lemmas: list[str] = field(default_factory=list)
    content_names: list[str] = field(default_factory=list)
    entity: int | None = None
    confidence: float | None = None

    def to_data(self) -> dict[str, Any]:
        """Plain data for the ``Doc`` extension (tuples become lists)."""
        data = asdict(self)
        data["cue"] = list(self.cue)
        data["content"] = [list(piece) for piece in self.content]
        for key in ("source", "said_on_text"):
            value = data[key]
            data[key] = list(value) if value is not None else None
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> FoundAttribution:
        """Rebuild from what ``to_data`` wrote."""
        values = dict(data)
        values["cue"] = tuple(values["cue"])
        values["content"] = [tuple(piece) for piece in values["content"]]
        for key in ("source", "said_on_text"):
            if values.get(key) is not None:
                values[key] = tuple(values[key])
        return cls(**values)
