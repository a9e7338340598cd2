"""Code a noun phrase as PETRARCH actors: dictionary actors plus agents.

PETRARCH codes a phrase by its first actor (``Gondor's prime minister`` ->
``GON``) and then the agents in it (``prime minister`` -> ``~GOV``): an agent
``~X`` is appended to the actor code (``GONGOV``) and an agent ``X~`` put before
it (``MSF Arnor`` -> ``NGOARN``). An agent already spelled in the actor code is
not repeated (``White House security officials`` stays ``USAGOV``). Agents
without an actor get the unknown country ``---`` (``students`` -> ``---EDU``).
An actor code with slashes (``FRO/BIL/SAM``) stands for several actors, and
actors joined by a conjunction inside the phrase (``the ambassadors of Arnor,
Osgiliath and Gondor``) each give a code.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from rashomon.extract.events.petrarch.actors import ActorDictionary, ActorEntry
from rashomon.extract.events.petrarch.agents import AgentDictionary, AgentEntry

__all__ = ["UNKNOWN", "ActorCoder", "CodedPhrase", "apply_agents"]

UNKNOWN = "---"
# Parts of speech that show two actors are not simply listed side by side.
_NOT_LISTING = frozenset({"ADP", "VERB", "AUX", "PART", "PROPN", "PRON", "NUM", "SCONJ"})


@dataclass(frozen=True)
class CodedPhrase:
    """The codes of one noun phrase.

    Attributes:
        codes: Actor codes with agents applied, without duplicates.
        span: Character offsets of the phrase's first actor or agent match,
            else of the whole phrase.
        has_actor: True when a dictionary actor (not only an agent) matched.
        bases: The actor codes before agents were applied (``---`` alone
            when only agents matched).
        agents: The agent codes found, as written (``~GOV``, ``NGO~``).
    """

    codes: tuple[str, ...]
    span: tuple[int, int]
    has_actor: bool
    bases: tuple[str, ...] = ()
    agents: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorCoder:
    """Codes token sequences with an actor and an agent dictionary.

    Attributes:
        actors: The actor dictionary.
        agents: The agent dictionary.
    """

    actors: ActorDictionary
    agents: AgentDictionary

    def code(self, tokens: Sequence[Token], date: datetime.date | None) -> CodedPhrase | None:
        """Code the tokens of one noun phrase (in text order).

        Args:
            tokens: The phrase's tokens; gaps (removed clauses) are allowed.
            date: The story date, selecting date-restricted actor codes.

        Returns:
            The coded phrase, or None when neither an actor nor an agent occurs.
        """
        # "Dol_Amroth": an underscore joins dictionary words inside one token.
        tokens = [token for token in tokens for part in token.text.split("_") if part]
        if not tokens:
            return None
        words = [
            part.upper()
            for token in dict.fromkeys(tokens)
            for part in token.text.split("_")
            if part
        ]
        tokens, words = self._join_hyphens(tokens, words)
        actor_matches = self._actor_matches(words)
        agents, agent_positions = self._agents(words, actor_matches)
        if not actor_matches and not agents:
            return None
        bases: list[str] = []
        if actor_matches:
            first_start, first_length, first_entry = actor_matches[0]
            bases.extend(_entry_codes(first_entry, date))
            first_token = tokens[first_start + first_length - 1]
            previous_end = first_start + first_length
            for start, length, entry in actor_matches[1:]:
                if _joined(tokens[start + length - 1], first_token) or _listed(
                    tokens[previous_end:start]
                ):
                    bases.extend(_entry_codes(entry, date))
                    previous_end = start + length
        codes = [apply_agents(base, agents) for base in bases] if bases else []
        if not bases:
            codes = [apply_agents(UNKNOWN, agents)]
        where = actor_matches[0][0] if actor_matches else agent_positions[0]
        anchor = tokens[where]
        return CodedPhrase(
            codes=tuple(dict.fromkeys(code for code in codes if code)),
            span=(anchor.idx, anchor.idx + len(anchor.text)),
            has_actor=bool(bases),
            bases=tuple(dict.fromkeys(bases)) or (UNKNOWN,),
            agents=tuple(agents),
        )

    def _join_hyphens(self, tokens: list[Token], words: list[str]) -> tuple[list[Token], list[str]]:
        """Rejoin a word the tokenizer split at a hyphen, if the dictionaries know it.

        "The militia was freed from Barad-dur": spaCy reads ``Barad - dur``,
        while the actor dictionary lists ``BARAD-DUR``. Words that are only
        known apart ("Arnor-Gondor talks") stay apart.
        """
        if "-" not in words:
            return tokens, words
        joined_tokens: list[Token] = []
        joined_words: list[str] = []
        position = 0
        while position < len(words):
            if position + 2 < len(words) and words[position + 1] == "-":
                first, hyphen, last = tokens[position : position + 3]
                word = words[position] + "-" + words[position + 2]
                adjacent = not first.whitespace_ and not hyphen.whitespace_
                known = word in self.actors.index or word in self.agents.index
                if adjacent and known and first.i + 2 == last.i:
                    joined_tokens.append(last)
                    joined_words.append(word)
                    position += 3
                    continue
            joined_tokens.append(tokens[position])
            joined_words.append(words[position])
            position += 1
        return joined_tokens, joined_words

    def _actor_matches(self, words: list[str]) -> list[tuple[int, int, ActorEntry]]:
        """Non-overlapping longest actor matches, left to right."""
        found: list[tuple[int, int, ActorEntry]] = []
        position = 0
        while position < len(words):
            match = self.actors.match(words[position:])
            if match is None:
                position += 1
                continue
            length, entry = match
            found.append((position, length, entry))
            position += length
        return found

    def _agents(
        self, words: list[str], actor_matches: list[tuple[int, int, ActorEntry]]
    ) -> tuple[list[str], list[int]]:
        """Agent codes of non-overlapping longest agent forms, left to right.

        Words inside an actor match are not read as agents, so ``Gondor
        Ministry`` cannot take ``Ministry`` twice, and an actor phrase such as
        ``United Nations Security Council`` is not re-coded as an agent.
        """
        taken = {i for start, length, _ in actor_matches for i in range(start, start + length)}
        codes: list[str] = []
        positions: list[int] = []
        position = 0
        while position < len(words):
            best: AgentEntry | None = None
            best_length = 0
            if position not in taken:
                for entry in self.agents.index.get(words[position], ()):
                    length = entry.match_length(words, position)
                    if length > best_length:
                        best, best_length = entry, length
            if best is None:
                position += 1
                continue
            codes.append(best.code)
            positions.append(position)
            position += best_length
        return codes, positions


def _entry_codes(entry: ActorEntry, date: datetime.date | None) -> list[str]:
    """An entry's codes on ``date``, a slashed code split into its actors."""
    found: list[str] = []
    for code in entry.codes_on(date):
        found.extend(part.strip() for part in code.split("/") if part.strip())
    return found


def apply_agents(base: str, agents: Sequence[str]) -> str:
    """Put agent codes around an actor code, skipping ones it already spells.

    Args:
        base: An actor code (``GON``) or ``---``.
        agents: Agent codes as written: ``~GOV`` is appended, ``NGO~`` put before.

    Returns:
        The combined code (``GONGOV``).
    """
    code = base
    for agent in agents:
        if agent.startswith("~"):
            suffix = agent[1:]
            if suffix and suffix not in code[3:]:
                code += suffix
        elif agent.endswith("~"):
            prefix = agent[:-1]
            if prefix and not code.startswith(prefix):
                code = prefix + code
    return code


def _listed(between: Sequence[Token]) -> bool:
    """Whether the words between two actors only list them (``A and the evil B``).

    The parser sometimes hangs a coordination on the wrong noun ("Fornost and
    the evil awful Gondor" read as "Fornost" modifying "Gondor"), so two actors
    separated by nothing but a conjunction, commas, articles and adjectives
    are read as coordinated whatever the tree says (the parser may also tag
    such an adjective as a noun). A preposition, possessive, verb or name in
    between ("Ithilen's sheep and goats of Gondor") keeps them apart.
    """
    if not any(t.pos_ == "CCONJ" or t.text == "," for t in between):
        return False
    return not any(t.pos_ in _NOT_LISTING or t.tag_ == "POS" for t in between)


def _joined(token: Token, first: Token) -> bool:
    """Whether ``token`` is coordinated with ``first`` (``A, B and C``).

    A multi-word actor's conjuncts hang off its last word (``Minas Tirith``),
    so the head of a first word that is a ``compound`` counts as well.
    """
    if token.dep_ != "conj":
        return False
    root = _conj_root(token)
    return root.i == first.i or (first.dep_ == "compound" and root.i == first.head.i)


def _conj_root(token: Token) -> Token:
    """The first conjunct of the coordination ``token`` belongs to."""
    current = token
    for _ in range(20):
        if current.dep_ != "conj" or current.head.i == current.i:
            return current
        current = current.head
    return current
