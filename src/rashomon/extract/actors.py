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
from dataclasses import dataclass
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
    {
        "in",
        "at",
        "to",
        "inside",
        "near",
        "outside",
        "within",
        "across",
        "into",
        "toward",
        "towards",
        "against",
        "throughout",
    }
)
# A mention right after these names whom the head belongs to: "the President of France".
_BELONGING_PREPOSITIONS = frozenset({"of", "from", "for"})
_ARTICLES = frozenset({"the", "a", "an"})
_POSSESSIVE = "'s"

# "U.S." and "U.N." are one token each; "'s" is kept apart to mark possessives; hyphens split
# words ("Tehrik-i-Taliban") so that spelled and hyphenated forms match alike.
_TOKEN = re.compile(r"\b(?:[A-Za-z]\.){2,}|['’]s\b|[^\W_]+|[^\w\s-]")
_ACRONYM_MAX = 3

Kind = Literal["country", "demonym", "capital", "role", "organisation"]
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

    norms: tuple[str, ...]
    exact: tuple[str | None, ...]
    kind: Kind
    plural: bool
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


def _split(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def _check_code(value: str, *, where: str) -> str | None:
    if not value:
        return None
    if not re.fullmatch(r"[A-Z]{3}(?:[A-Z0-9]{3})*", value):
        raise LexiconError(f"{value!r} is not a CAMEO-style code", where=where)
    return value


class ActorCoder:
    """Codes actors from the words that name them, using the country, role and organisation
    lexicons. Build it once (``ActorCoder.default()``) and call ``describe`` per phrase."""

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
                self._add(name, "country", country=code)
            for demonym in _split(row["demonyms"]):
                self._add(demonym, "demonym", country=code)
                plural = _demonym_plural(demonym)
                if plural:
                    self._add(plural, "demonym", plural=True, country=code)
            for capital in _split(row["capitals"]):
                self._add(capital, "capital", country=code)
        for row in roles:
            role = _Role(
                row["role"],
                _check_code(row["sector"], where="roles.tsv"),
                row["posted"] == "posted",
            )
            already_plural = row["number"] == "plural"
            self._add(row["term"], "role", plural=already_plural, role=role)
            if not already_plural:
                self._add(row["plural"] or _plural(row["term"]), "role", plural=True, role=role)
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
                self._add(name, "organisation", organisation=organisation)
        for entries in self._index.values():
            entries.sort(key=lambda entry: (-len(entry.norms), _PRIORITY[entry.kind]))

    def _add(
        self,
        text: str,
        kind: Kind,
        *,
        plural: bool = False,
        country: str | None = None,
        role: _Role | None = None,
        organisation: _Organisation | None = None,
    ) -> None:
        tokens = _tokenize(text)
        if not tokens:
            return
        entry = _Entry(
            norms=tuple(token.norm for token in tokens),
            exact=tuple(token.raw if _is_acronym(token.raw) else None for token in tokens),
            kind=kind,
            plural=plural,
            country=country,
            role=role,
            organisation=organisation,
        )
        self._index.setdefault(entry.norms[0], []).append(entry)

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
        roles = [m for m in mentions if m.entry.kind == "role"]
        organisations = [m for m in mentions if m.entry.kind == "organisation"]
        places = [m for m in mentions if m.entry.kind in _PLACE_KINDS]

        # Compound roles: the last noun is the role, an earlier one its sector ("rebel leader").
        run: list[_Mention] = []
        for mention in roles:
            if run and mention.start != run[-1].end:
                break
            run.append(mention)
        head = run[-1] if run else None
        head_role = head.entry.role if head else None
        role_sector = next(
            (m.entry.role.sector for m in run if m.entry.role and m.entry.role.sector), None
        )

        organisation = next(
            (
                m
                for m in organisations
                if not self._located(tokens, self._group_start(tokens, m, places))
            ),
            None,
        )
        org = organisation.entry.organisation if organisation else None
        qualifier: int | None = None
        if (
            run
            and org is not None
            and organisation is not None
            and not org.named
            and (run[-1].end == organisation.start)
        ):
            # A role noun before a generic organisation only qualifies it: "rebel forces" are
            # a rebel organisation, not a rebel person.
            qualifier = run[0].start
            head = head_role = None

        country, place = self._country(tokens, places, run, organisation, org, head_role)
        metonymy = place is not None and place.entry.kind == "capital" and not run and not org

        sector = self._sector(org, organisation, run, role_sector)
        if sector is None and metonymy:
            # Capital as metonymy for its government: "Damascus says" → SYRGOV.
            sector = "GOV"

        affiliation = self._affiliation(phrase, tokens, organisation, places, place, qualifier)
        if org is not None and org.code is not None:
            code: str | None = org.code
        elif country is not None:
            code = country + (sector or "")
        else:
            code = None

        if head is not None:
            kind: str | None = "group" if head.entry.plural else "person"
        elif organisation is not None:
            kind = "organisation"
        elif place is not None:
            kind = "group" if place.entry.plural else "country"
        else:
            kind = None
        return ActorDescription(
            role=head_role.role if head_role else None,
            affiliation=affiliation,
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
                window = tokens[position:end]
                if len(window) < len(entry.norms):
                    continue
                if any(t.norm != n for t, n in zip(window, entry.norms, strict=True)):
                    continue
                if any(
                    e is not None and t.raw != e for t, e in zip(window, entry.exact, strict=True)
                ):
                    continue
                # Country words are proper nouns: "turkey" and "china" in lower case are not
                # countries, unless the whole phrase has lost its capitals.
                if (
                    require_capitals
                    and entry.kind in _PLACE_KINDS
                    and not any(t.raw[:1].isupper() for t in window)
                ):
                    continue
                mentions.append(_Mention(entry, position, end))
                position = end
                break
            else:
                position += 1
        return mentions

    @staticmethod
    def _located(tokens: Sequence[_Token], start: int) -> bool:
        """Whether the words before ``start`` make it a place: "in (the) …", "to …"."""
        before = start - 1
        while before >= 0 and tokens[before].norm in _ARTICLES:
            before -= 1
        return before >= 0 and tokens[before].norm in _PLACE_PREPOSITIONS

    @staticmethod
    def _before(
        tokens: Sequence[_Token], places: Sequence[_Mention], start: int
    ) -> _Mention | None:
        """The country word right before ``start``: "Indian army", "Pakistan's envoy"."""
        for place in places:
            if place.end == start or (
                place.end + 1 == start and tokens[place.end].norm == _POSSESSIVE
            ):
                return place
        return None

    @staticmethod
    def _after(tokens: Sequence[_Token], places: Sequence[_Mention], end: int) -> _Mention | None:
        """The country word after "of"/"from"/"for" at ``end``: "the President of France"."""
        if end >= len(tokens) or tokens[end].norm not in _BELONGING_PREPOSITIONS:
            return None
        start = end + 1
        while start < len(tokens) and tokens[start].norm in _ARTICLES:
            start += 1
        return next((place for place in places if place.start == start), None)

    def _group_start(
        self, tokens: Sequence[_Token], mention: _Mention, places: Sequence[_Mention]
    ) -> int:
        before = self._before(tokens, places, mention.start)
        return before.start if before else mention.start

    def _country(
        self,
        tokens: Sequence[_Token],
        places: Sequence[_Mention],
        run: Sequence[_Mention],
        organisation: _Mention | None,
        org: _Organisation | None,
        head_role: _Role | None,
    ) -> tuple[str | None, _Mention | None]:
        """The actor's own country, and the country word that gave it (if one did)."""
        if org is not None and org.country is not None:
            return org.country, None
        candidates: list[_Mention | None] = []
        for anchor in ([organisation] if organisation else []) + ([run[0]] if run else []):
            candidates.append(self._before(tokens, places, anchor.start))
        for anchor in ([organisation] if organisation else []) + ([run[-1]] if run else []):
            candidates.append(self._after(tokens, places, anchor.end))
        free = [p for p in places if not self._located(tokens, p.start)]
        candidates.extend(free[:1])
        # Nationality by place, last of all: "officials in Kabul" are Afghan, but an envoy or a
        # correspondent "in Damascus" is only posted there; a named group has its own country.
        if head_role is not None and not head_role.posted and (org is None or not org.named):
            candidates.extend(places[:1])
        place = next((c for c in candidates if c is not None), None)
        return (place.entry.country if place else None), place

    @staticmethod
    def _sector(
        org: _Organisation | None,
        organisation: _Mention | None,
        run: Sequence[_Mention],
        role_sector: str | None,
    ) -> str | None:
        """The organisation's sector, unless a role says more.

        A named organisation always decides ("a Taliban commander" is INS). A generic one yields
        to a role that modifies it ("rebel forces": REB, not MIL) and "government" yields to a
        more specific role ("government soldiers": MIL).
        """
        if org is None or organisation is None:
            return role_sector
        if org.named or role_sector is None:
            return org.sector
        if run and run[-1].end == organisation.start:
            return role_sector
        if org.sector == "GOV":
            return role_sector
        return org.sector

    def _affiliation(
        self,
        phrase: str,
        tokens: Sequence[_Token],
        organisation: _Mention | None,
        places: Sequence[_Mention],
        place: _Mention | None,
        qualifier: int | None,
    ) -> str | None:
        """The organisation or country as written, with the words attached to it.

        ``qualifier`` is where a role noun that only qualifies the organisation starts ("rebel"
        in "rebel forces").
        """
        if organisation is not None:
            first = self._group_start(tokens, organisation, places)
            if qualifier is not None:
                first = min(first, qualifier)
            after = self._after(tokens, places, organisation.end)
            last = after.end if after else organisation.end
            return phrase[tokens[first].start : tokens[last - 1].end]
        if place is not None:
            return phrase[tokens[place.start].start : tokens[place.end - 1].end]
        return None


@functools.cache
def _default_coder() -> ActorCoder:
    return ActorCoder(load_countries_v1(), load_roles_v1(), load_organisations_v1())


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
