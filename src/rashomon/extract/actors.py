"""Actor coding: from the words that name a source to a CAMEO-style actor code.

A source phrase such as "Pakistan's Foreign Office spokesman Ali Khan" carries three things an
event coder needs: a role ("spokesman"), an affiliation ("Pakistan's Foreign Office") and so a
country and a sector (PAK, GOV → ``PAKGOV``). ``ActorCoder.describe`` reads them off the phrase
with three lexicons (``countries.tsv``, ``roles.tsv``, ``organisations.tsv``) and no parser: the
phrase is split by a small regex tokenizer, lexicon entries are matched longest first on
lower-cased, accent-folded tokens, and a handful of positional rules decide which mention is
the actor's own and which is only a place ("in Damascus" is where an envoy is posted, not whom he
serves). Working without spaCy keeps it fast and usable on any string, including spans that a
parse has cut badly.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from rashomon.errors import LexiconError
from rashomon.lexicons import lexicons, load_table

__all__ = [
    "ActorCoder",
    "ActorDescription",
    "load_countries_v1",
    "load_organisations_v1",
    "load_roles_v1",
]

logger = logging.getLogger(__name__)

_COUNTRY_COLUMNS = ("code", "name", "names", "demonyms", "capitals")
_ROLE_COLUMNS = ("term", "role", "sector", "plural", "number", "posted")
_ORGANISATION_COLUMNS = ("names", "code", "country", "sector")

# Closed-class grammar words, not lexicon entries, so they stay in code.
# A mention right after a place preposition is where the actor is, not whom it serves:
# "Pakistan's envoy in Damascus", "the ambassador to the UN".
_PLACE_PREPOSITIONS = frozenset(
    "in at to inside near outside within across into toward towards against throughout".split()
)
# A mention right after these names whom the head belongs to: "the President of France".
_BELONGING_PREPOSITIONS = frozenset({"of", "from", "for"})
_ARTICLES = frozenset({"the", "a", "an"})
# An organisation before these only says who stands behind the actor, not who it is:
# "government-backed militias" are a militia, "army-run companies" companies.
_BACKING = frozenset(
    "backed led sponsored funded supported allied aligned affiliated linked run owned".split()
)
_POSSESSIVE = "'s"

# "U.S." and "U.N." are one token each; "'s" is kept apart to mark possessives; hyphens split
# words ("Al-Shabaab", "al Shabaab") so that spelled and hyphenated forms match alike.
_TOKEN = re.compile(r"\b(?:[A-Za-z]\.){2,}|['’]s\b|[^\W_]+|[^\w\s-]")
_ACRONYM_MAX = 3

_Kind = Literal["country", "demonym", "capital", "role", "organisation"]
_PLACE_KINDS = frozenset({"country", "demonym", "capital"})
# On a tie in length, a named organisation beats a role, and a role beats a country word.
_PRIORITY: dict[str, int] = {"organisation": 0, "role": 1, "country": 2, "demonym": 2, "capital": 2}


@dataclass(frozen=True)
class ActorDescription:
    """Who a source phrase names, as far as its words say.

    Attributes:
        role: canonical role noun ("spokesman", "envoy", "commander").
        affiliation: the organisation or country as written ("Pakistan's Interior Ministry").
        country: ISO alpha-3 code of the country the actor belongs to.
        sector: CAMEO-style sector ("GOV", "MIL", "REB", "INS", "IGO" …).
        actor_code: country + sector, a named group's own code, or None when unclear.
        type: "person", "organisation", "country" or "group" (people referred to collectively).
    """

    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    sector: str | None = None
    actor_code: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class _Token:
    norm: str
    raw: str
    start: int
    end: int


@dataclass(frozen=True)
class _Role:
    role: str
    sector: str | None
    posted: bool


@dataclass(frozen=True)
class _Organisation:
    code: str | None
    country: str | None
    sector: str | None

    @property
    def named(self) -> bool:
        return self.code is not None or self.country is not None


@dataclass(frozen=True)
class _Entry:
    """One way of writing a lexicon item: its tokens, and which must match in capitals."""

    kind: _Kind
    plural: bool = False
    norms: tuple[str, ...] = ()
    exact: tuple[str | None, ...] = ()
    country: str | None = None
    role: _Role | None = None
    organisation: _Organisation | None = None


@dataclass(frozen=True)
class _Mention:
    entry: _Entry
    start: int
    end: int


def _fold(text: str) -> str:
    """Lower-case and strip accents, so "Côte" matches "Cote" and "Élysée" matches "Elysee"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _tokenize(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        raw = match.group().replace(".", "").replace("’", "'")
        tokens.append(_Token(_fold(raw), raw, match.start(), match.end()))
    return tokens


def _is_acronym(raw: str) -> bool:
    """Short all-capital tokens must match in capitals: "US" is a country, "us" a pronoun."""
    return 2 <= len(raw) <= _ACRONYM_MAX and raw.isupper()


def _plural(term: str) -> str:
    """The regular English plural of a term's last word ("prime minister" → "prime ministers")."""
    head, space, last = term.rpartition(" ")
    if re.search(r"(s|sh|ch|x|z)$", last):
        last += "es"
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return head + space + last


def _demonym_plural(demonym: str) -> str | None:
    """ "Pakistanis", "Syrians"; none for "Chinese", "Swiss", "French", "British"."""
    if re.search(r"(ese|sh|ch|ss|x)$", demonym):
        return None
    return demonym + "s"


def _fits(entry: _Entry, window: Sequence[_Token], require_capitals: bool) -> bool:
    """Whether the tokens spell the entry, acronyms in capitals."""
    if len(window) != len(entry.norms):
        return False
    for token, norm, exact in zip(window, entry.norms, entry.exact, strict=True):
        if token.norm != norm or (exact is not None and token.raw != exact):
            return False
    # Country words are proper nouns: "turkey" and "china" in lower case are not countries,
    # unless the whole phrase has lost its capitals.
    capitalised = any(token.raw[:1].isupper() for token in window)
    return capitalised or not require_capitals or entry.kind not in _PLACE_KINDS


def _split(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def _check_code(value: str, *, where: str) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z0-9]{3})*", value):
        raise LexiconError(f"{value!r} is not a CAMEO-style code", where=where)
    return value


class ActorCoder:
    """Codes actors from the words that name them.

    It indexes the country, role and organisation lexicons once; build it once
    (``ActorCoder.default()``) and call ``describe`` per phrase.
    """

    def __init__(
        self,
        countries: Iterable[Mapping[str, str]],
        roles: Iterable[Mapping[str, str]],
        organisations: Iterable[Mapping[str, str]],
    ) -> None:
        """Index every spelling of every lexicon item by its first token.

        Raises:
            LexiconError: a code in a row is malformed, or an organisation names an unknown
                country.
        """
        self._index: dict[str, list[_Entry]] = {}
        known: set[str] = set()
        for row in countries:
            code = _check_code(row["code"], where="countries.tsv")
            if code is None:
                raise LexiconError("a row has no code", where="countries.tsv")
            known.add(code)
            for name in _split(row["names"]):
                self._add(name, _Entry("country", country=code))
            for demonym in _split(row["demonyms"]):
                self._add(demonym, _Entry("demonym", country=code))
                plural = _demonym_plural(demonym)
                if plural:
                    self._add(plural, _Entry("demonym", plural=True, country=code))
            for capital in _split(row["capitals"]):
                self._add(capital, _Entry("capital", country=code))
        for row in roles:
            role = _Role(
                row["role"],
                _check_code(row["sector"], where="roles.tsv"),
                row["posted"] == "posted",
            )
            already_plural = row["number"] == "plural"
            self._add(row["term"], _Entry("role", plural=already_plural, role=role))
            if not already_plural:
                plural = row["plural"] or _plural(row["term"])
                self._add(plural, _Entry("role", plural=True, role=role))
        for row in organisations:
            country = _check_code(row["country"], where="organisations.tsv")
            if country is not None and country not in known:
                raise LexiconError(f"unknown country {country!r}", where="organisations.tsv")
            organisation = _Organisation(
                _check_code(row["code"], where="organisations.tsv"),
                country,
                _check_code(row["sector"], where="organisations.tsv"),
            )
            for name in _split(row["names"]):
                self._add(name, _Entry("organisation", organisation=organisation))
        for entries in self._index.values():
            entries.sort(key=lambda entry: (-len(entry.norms), _PRIORITY[entry.kind]))

    def _add(self, text: str, template: _Entry) -> None:
        """Index one spelling of a lexicon item, as its tokens and the acronyms among them."""
        tokens = _tokenize(text)
        if tokens:
            norms = tuple(token.norm for token in tokens)
            exact = tuple(token.raw if _is_acronym(token.raw) else None for token in tokens)
            self._index.setdefault(norms[0], []).append(replace(template, norms=norms, exact=exact))

    @classmethod
    def default(cls) -> ActorCoder:
        """The coder built from the built-in lexicons, built once per process."""
        return _default_coder()

    def country_of(self, word_or_phrase: str) -> str | None:
        """The ISO alpha-3 code a country name, demonym or capital stands for.

        ``"Pakistani"`` → ``"PAK"``, ``"Damascus"`` → ``"SYR"``, ``"the United States"`` →
        ``"USA"``. Case does not matter here (the caller has already picked the word), except
        that short acronyms must be in capitals: ``"us"`` is not the United States.
        """
        for mention in self._match(_tokenize(word_or_phrase), require_capitals=False):
            if mention.entry.kind in _PLACE_KINDS:
                return mention.entry.country
        return None

    def describe(self, phrase: str) -> ActorDescription:
        """Read role, affiliation, country, sector, code and type off a source phrase.

        Args:
            phrase: the words naming a source, as written ("the Indian army",
                "Spokesman for Pakistan's Interior Ministry, Ali Khan").

        Returns:
            An ``ActorDescription``; fields the words do not settle are None.
        """
        tokens = _tokenize(phrase)
        mentions = self._match(tokens, require_capitals=any(c.isupper() for c in phrase))
        reading = _Reading(tokens, [m for m in mentions if m.entry.kind in _PLACE_KINDS])
        # Compound roles: the last noun is the role, an earlier one its sector ("rebel leader").
        run: list[_Mention] = []
        for mention in (m for m in mentions if m.entry.kind == "role"):
            if run and mention.start != run[-1].end:
                break
            run.append(mention)
        head_role = run[-1].entry.role if run else None
        role_sector = next((r.sector for m in run if (r := m.entry.role) and r.sector), None)
        plural = bool(run) and run[-1].entry.plural

        organisation = next(
            (
                m
                for m in mentions
                if m.entry.kind == "organisation"
                and not reading.is_place(m)
                and not reading.is_backer(m)
            ),
            None,
        )
        org = organisation.entry.organisation if organisation else None
        qualifier: int | None = None
        if organisation and org and not org.named and run and run[-1].end == organisation.start:
            # A role noun right before a generic organisation only qualifies it: "rebel forces"
            # are a rebel organisation, not a rebel person.
            qualifier, head_role = run[0].start, None

        country, place = reading.country(run, organisation, head_role)
        sector = _sector(org, organisation, run, role_sector)
        if sector is None and place and place.entry.kind == "capital" and not run and not org:
            # A capital alone is metonymy for its government: "Damascus says" → SYRGOV.
            sector = "GOV"
        if org is not None and org.code is not None:
            code: str | None = org.code
        else:
            code = country + (sector or "") if country else None

        if head_role is not None:
            kind: str | None = "group" if plural else "person"
        elif organisation is not None:
            kind = "organisation"
        elif place is not None:
            kind = "group" if place.entry.plural else "country"
        else:
            kind = None
        return ActorDescription(
            role=head_role.role if head_role else None,
            affiliation=reading.affiliation(phrase, organisation, place, qualifier),
            country=country,
            sector=sector,
            actor_code=code,
            type=kind,
        )

    def _match(self, tokens: Sequence[_Token], *, require_capitals: bool) -> list[_Mention]:
        """Lexicon mentions, longest first at each position, left to right, not overlapping."""
        mentions: list[_Mention] = []
        position = 0
        while position < len(tokens):
            for entry in self._index.get(tokens[position].norm, ()):
                end = position + len(entry.norms)
                if _fits(entry, tokens[position:end], require_capitals):
                    mentions.append(_Mention(entry, position, end))
                    position = end
                    break
            else:
                position += 1
        return mentions


@dataclass(frozen=True)
class _Reading:
    """A phrase's tokens and the country words among them, for the positional rules."""

    tokens: Sequence[_Token]
    places: Sequence[_Mention]

    def is_place(self, mention: _Mention) -> bool:
        """Whether the words before a mention make it a place: "in (the) …", "to …"."""
        before = self.group_start(mention) - 1
        while before >= 0 and self.tokens[before].norm in _ARTICLES:
            before -= 1
        return before >= 0 and self.tokens[before].norm in _PLACE_PREPOSITIONS

    def is_backer(self, mention: _Mention) -> bool:
        """Whether a mention only backs the actor: "government-backed militias"."""
        return mention.end < len(self.tokens) and self.tokens[mention.end].norm in _BACKING

    def before(self, start: int) -> _Mention | None:
        """The country word right before ``start``: "Indian army", "Pakistan's envoy"."""
        for place in self.places:
            if place.end == start or (
                place.end + 1 == start and self.tokens[place.end].norm == _POSSESSIVE
            ):
                return place
        return None

    def after(self, end: int) -> _Mention | None:
        """The country word after "of"/"from"/"for" at ``end``: "the President of France"."""
        if end >= len(self.tokens) or self.tokens[end].norm not in _BELONGING_PREPOSITIONS:
            return None
        start = end + 1
        while start < len(self.tokens) and self.tokens[start].norm in _ARTICLES:
            start += 1
        return next((place for place in self.places if place.start == start), None)

    def group_start(self, mention: _Mention) -> int:
        """Where a mention starts, counting the country word attached before it."""
        before = self.before(mention.start) if mention.entry.kind not in _PLACE_KINDS else None
        return before.start if before else mention.start

    def country(
        self, run: Sequence[_Mention], organisation: _Mention | None, head_role: _Role | None
    ) -> tuple[str | None, _Mention | None]:
        """The actor's own country, and the country word that gave it (if one did)."""
        org = organisation.entry.organisation if organisation else None
        if org is not None and org.country is not None:
            return org.country, None
        anchors = ([organisation] if organisation else []) + list(run[:1])
        candidates = [self.before(anchor.start) for anchor in anchors]
        anchors = ([organisation] if organisation else []) + list(run[-1:])
        candidates += [self.after(anchor.end) for anchor in anchors]
        candidates += [place for place in self.places if not self.is_place(place)][:1]
        # Nationality by place, last of all: "officials in Kabul" are Afghan, but an envoy or a
        # correspondent "in Damascus" is only posted there; a named group has its own country.
        if head_role is not None and not head_role.posted and (org is None or not org.named):
            candidates += self.places[:1]
        place = next((c for c in candidates if c is not None), None)
        return (place.entry.country if place else None), place

    def affiliation(
        self,
        phrase: str,
        organisation: _Mention | None,
        place: _Mention | None,
        qualifier: int | None,
    ) -> str | None:
        """The organisation or country as written, with the words attached to it.

        ``qualifier`` is where a role noun that only qualifies the organisation starts ("rebel"
        in "rebel forces").
        """
        if organisation is not None:
            first = self.group_start(organisation)
            first = first if qualifier is None else min(first, qualifier)
            after = self.after(organisation.end)
            last = after.end if after else organisation.end
        elif place is not None:
            first, last = place.start, place.end
        else:
            return None
        return phrase[self.tokens[first].start : self.tokens[last - 1].end]


def _sector(
    org: _Organisation | None,
    organisation: _Mention | None,
    run: Sequence[_Mention],
    role_sector: str | None,
) -> str | None:
    """The organisation's sector, unless a role says more.

    A named organisation always decides ("an Al-Shabaab commander" is INS). A generic one yields
    to a role that qualifies it ("rebel forces": REB, not MIL), and "government" yields to a
    more specific role ("government soldiers": MIL).
    """
    if org is None or organisation is None:
        return role_sector
    if org.named or role_sector is None:
        return org.sector
    qualifies = bool(run) and run[-1].end == organisation.start
    return role_sector if qualifies or org.sector == "GOV" else org.sector


@functools.cache
def _default_coder() -> ActorCoder:
    coder = ActorCoder(load_countries_v1(), load_roles_v1(), load_organisations_v1())
    logger.debug("actor lexicons indexed under %d first words", len(coder._index))
    return coder


def load_countries_v1() -> tuple[dict[str, str], ...]:
    """Rows of the built-in country table: ISO alpha-3 code, names, demonyms, capitals."""
    return load_table("countries.tsv", _COUNTRY_COLUMNS)


def load_roles_v1() -> tuple[dict[str, str], ...]:
    """Rows of the built-in role lexicon: role noun → canonical role and sector."""
    return load_table("roles.tsv", _ROLE_COLUMNS)


def load_organisations_v1() -> tuple[dict[str, str], ...]:
    """Rows of the built-in organisation lexicon: institutions, IGOs, armed groups, outlets."""
    return load_table("organisations.tsv", _ORGANISATION_COLUMNS)


# Registered by call, not as a decorator: catalogue's decorator is untyped and would hide the
# loaders' signatures from mypy.
lexicons.register("rashomon.countries.v1", func=load_countries_v1)
lexicons.register("rashomon.roles.v1", func=load_roles_v1)
lexicons.register("rashomon.organisations.v1", func=load_organisations_v1)
