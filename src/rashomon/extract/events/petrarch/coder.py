"""Code events with PETRARCH dictionaries on a spaCy dependency parse.

PETRARCH reads a Treebank tree; rashomon reads spaCy's dependencies instead.
For every verb of the verb dictionary the coder finds:

* the source: the subject (``Arnor signed``), the ``by`` agent of a passive
  (``was opposed by Osgiliath``), or the subject a conjunct, ``xcomp`` or
  participle borrows from the verb above it (``Arnor is about to restore``);
* the target: the direct object, else the object of a preposition on the verb,
  else the subject of a clausal complement that holds no coded verb of its own
  (``Arnor believes Dagolath can cope``);
* the code: the best matching pattern of the verb's block (``matching.py``),
  else the verb's own code. ``[A:B]`` codes give a second event with source and
  target swapped (``Bree's president arrived in Gondor``: BRE 032 GON and GON
  033 BRE), as in the PETRARCH validation records. When several blocks list
  the same form, the one whose pattern matches best is used. A pattern's ``$``
  and ``+`` slots override the parse; a ``+`` on the verb's own subject moves
  the source up to the governing clause (``Gondor noted that Arnor regretted``).

Reading the clause is in ``clauses.py`` and coding the actor phrases, with
their coordinations, in ``compounds.py``. Compound actors give one event per
pair; a compound subject without a target gives events between its members
(``Gondor and Osgiliath delayed their meeting``). A sentence holding a discard
phrase is not coded. PETRARCH's ``require_dyad`` and ``new_actor_length``
options are set with ``PetrarchCoder.with_options``.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from rashomon.errors import ConfigError
from rashomon.extract.events.petrarch.actor_coding import UNKNOWN, ActorCoder, CodedPhrase
from rashomon.extract.events.petrarch.actors import read_actors
from rashomon.extract.events.petrarch.agents import read_agents
from rashomon.extract.events.petrarch.clauses import (
    governing_subject,
    is_passive,
    is_verb,
    noun_head,
    passive_agent,
    subject_of,
    target_candidates,
)
from rashomon.extract.events.petrarch.compounds import code_conjuncts
from rashomon.extract.events.petrarch.config import DictionarySet
from rashomon.extract.events.petrarch.discards import DiscardList, read_discards
from rashomon.extract.events.petrarch.matching import PatternMatch, Word, best_pattern
from rashomon.extract.events.petrarch.verbs import VerbDictionary, VerbEntry, read_verbs

__all__ = ["CodedEvent", "PetrarchCoder"]


@dataclass(frozen=True)
class CodedEvent:
    """One coded event.

    Attributes:
        source: The source actor code (``---`` plus agent when only an agent
            matched).
        target: The target actor code, or ``---`` when the verb has none.
        code: The CAMEO event code.
        trigger: Character offsets of the verb.
        source_span: Character offsets of the source actor's words.
        target_span: Character offsets of the target actor's words, if any.
    """

    source: str
    target: str
    code: str
    trigger: tuple[int, int]
    source_span: tuple[int, int] | None
    target_span: tuple[int, int] | None


@dataclass(frozen=True)
class _Verb:
    """A dictionary verb found in the sentence.

    ``entries`` holds every block that lists the same form (a verb file may
    list ``SHOT`` in two blocks); the first is the default reading.
    """

    entries: tuple[VerbEntry, ...]
    head: Token
    first: int
    last: int

    @property
    def entry(self) -> VerbEntry:
        """The first entry listing the form."""
        return self.entries[0]


@dataclass(frozen=True)
class PetrarchCoder:
    """Codes parsed sentences with one PETRARCH dictionary set.

    Attributes:
        verbs: The verb dictionary.
        actors: Codes noun phrases as actors and agents.
        discards: Phrases that void a sentence, if any.
        index: Verb head word -> (words of a form, head position, entry),
            longest forms first.
        require_target: Drop events without a coded target (PETRARCH's
            ``require_dyad``); otherwise they get the target ``---``.
        new_actor_length: PETRARCH's ``new_actor_length``: an uncoded noun
            phrase of at most this many words becomes an actor coded by its
            own quoted words (``'"THE MINISTRY OF MAGIC"'``); 0 turns it off.
    """

    verbs: VerbDictionary
    actors: ActorCoder
    discards: DiscardList | None
    index: dict[str, tuple[tuple[tuple[str, ...], int, VerbEntry], ...]]
    require_target: bool = True
    new_actor_length: int = 0

    @classmethod
    def from_dictionaries(
        cls, dictionaries: DictionarySet, *, require_target: bool = True
    ) -> PetrarchCoder:
        """Read a dictionary set and build a coder.

        Args:
            dictionaries: The files to read.
            require_target: See the class attribute.

        Raises:
            LexiconError: A dictionary is missing or malformed.
        """
        verbs = read_verbs(dictionaries.verbs)
        coder = ActorCoder(read_actors(*dictionaries.actors), read_agents(dictionaries.agents))
        discards = read_discards(dictionaries.discards) if dictionaries.discards else None
        return cls.from_parts(verbs, coder, discards, require_target=require_target)

    @classmethod
    def from_parts(
        cls,
        verbs: VerbDictionary,
        actors: ActorCoder,
        discards: DiscardList | None = None,
        *,
        require_target: bool = True,
    ) -> PetrarchCoder:
        """Build a coder from dictionaries already read (and index the verbs)."""
        grouped: dict[str, list[tuple[tuple[str, ...], int, VerbEntry]]] = {}
        for entry in verbs.entries:
            for form in entry.forms:
                words = tuple(form.split())
                head = min(entry.head_index, len(words) - 1)
                grouped.setdefault(words[head], []).append((words, head, entry))
        index = {
            word: tuple(sorted(forms, key=lambda item: -len(item[0])))
            for word, forms in grouped.items()
        }
        return cls(verbs, actors, discards, index, require_target)

    def with_options(self, options: Mapping[str, str]) -> PetrarchCoder:
        """This coder with PETRARCH coding options applied.

        PETRARCH's config file and the ``<Config>`` elements of its validation
        records set options by name; ``require_dyad`` and ``new_actor_length``
        change what this coder does, and the others are ignored.

        Args:
            options: Option name -> value as written (``"False"``, ``"4"``).

        Returns:
            A coder with the options set (``self`` when nothing changes).

        Raises:
            ConfigError: A value cannot be read.
        """
        require_target, new_actor_length = self.require_target, self.new_actor_length
        if "require_dyad" in options:
            value = options["require_dyad"].strip().lower()
            if value not in ("true", "false"):
                raise ConfigError(
                    f"require_dyad is {value!r}; write true or false", where="require_dyad"
                )
            require_target = value == "true"
        if "new_actor_length" in options:
            value = options["new_actor_length"].strip()
            if not value.isdigit():
                raise ConfigError(
                    f"new_actor_length is {value!r}; write a whole number",
                    where="new_actor_length",
                )
            new_actor_length = int(value)
        if (require_target, new_actor_length) == (self.require_target, self.new_actor_length):
            return self
        return dataclasses.replace(
            self, require_target=require_target, new_actor_length=new_actor_length
        )

    def code(self, doc: Doc, date: datetime.date | None = None) -> list[CodedEvent]:
        """Code every event of a parsed text, sentence by sentence.

        Args:
            doc: A ``Doc`` with a dependency parse.
            date: The story date, for date-restricted actor codes.

        Returns:
            The events in order of their verbs, without duplicates.
        """
        events: list[CodedEvent] = []
        for sentence in doc.sents:
            if self.discards is not None and self.discards.voids_sentence(sentence.text):
                continue
            verbs = list(self._find_verbs(sentence.start, sentence.end, doc))
            coded_heads = {verb.head.i for verb in verbs}
            for verb in verbs:
                events.extend(self._code_verb(doc, verb, coded_heads, date))
        return list(dict.fromkeys(events))

    def _find_verbs(self, start: int, end: int, doc: Doc) -> Iterator[_Verb]:
        """Dictionary verbs of a sentence, longest form first at each token."""
        for token in doc[start:end]:
            if not is_verb(token):
                continue
            found: list[VerbEntry] = []
            span = (0, 0)
            for words, head, entry in self.index.get(token.text.upper(), ()):
                first = token.i - head
                last = first + len(words) - 1
                if found and (first, last) != span:
                    break
                if first < start or last >= end:
                    continue
                if all(doc[first + k].text.upper() == word for k, word in enumerate(words)):
                    found.append(entry)
                    span = (first, last)
            if found:
                yield _Verb(tuple(found), token, *span)

    def _code_verb(
        self, doc: Doc, verb: _Verb, coded_heads: set[int], date: datetime.date | None
    ) -> Iterator[CodedEvent]:
        """The events of one verb."""
        head = verb.head
        passive = is_passive(head)
        agent = passive_agent(head) if passive else None
        subject = subject_of(head)
        source_token, target_token = (agent, subject) if agent is not None else (subject, None)
        sources = self._conjunct_codes(source_token, date)
        if source_token is not None and source_token is subject:
            # "Lions, tigers, and Gondor welcomed": two subjects of one verb.
            for sibling in source_token.head.children:
                if sibling.dep_ == source_token.dep_ and sibling.i != source_token.i:
                    sources.extend(self._conjunct_codes(sibling, date))
        entry, match = self._reading(doc, verb, compound=len(sources) > 1)
        if match is not None and match.source is not None:
            sources = self._conjunct_codes(noun_head(doc[match.source]), date) or sources
        elif match is not None and match.target is not None and source_token is not None:
            # "Gondor noted that Arnor regretted the refusal" with "NOTED + *":
            # the pattern makes the verb's own subject the target, so the
            # source is the subject of the clause that governs it.
            if noun_head(doc[match.target]).i == source_token.i:
                sources = self._conjunct_codes(governing_subject(head), date)
        targets = self._targets(doc, verb, match, target_token, coded_heads, date)
        active, second = _codes(entry, match)
        if not active or active == UNKNOWN or not sources:
            return
        trigger = (doc[verb.first].idx, doc[verb.last].idx + len(doc[verb.last].text))
        if not targets and self.require_target and len(sources) < 2:
            return
        if not targets and len(sources) > 1:
            for one in sources:
                for other in sources:
                    if one.codes != other.codes:
                        yield from _pairs(one, other, active, None, trigger)
            return
        for source in sources:
            if not targets:
                yield from _pairs(source, None, active, None, trigger)
            for target in targets:
                yield from _pairs(source, target, active, second, trigger)

    def _reading(
        self, doc: Doc, verb: _Verb, *, compound: bool
    ) -> tuple[VerbEntry, PatternMatch | None]:
        """The entry and pattern that read the verb best.

        When several blocks list the form ("--- SHOT [---]" with a pattern
        for "shot and wounded", then "--- SHOT [223]" with one for "was shot
        dead in"), the block whose pattern matches best wins; without any
        match, the first block.
        """
        before = _words(doc, doc[verb.first].sent.start, verb.first)
        after = _clause_words(doc, verb)
        best: tuple[VerbEntry, PatternMatch | None] | None = None
        for entry in verb.entries:
            match = best_pattern(
                entry.patterns, before, after, self.verbs.synsets, compound=compound
            )
            if match is not None and (
                best is None or best[1] is None or match.score > best[1].score
            ):
                best = (entry, match)
        if best is not None:
            return best
        return verb.entry, None

    def _targets(
        self,
        doc: Doc,
        verb: _Verb,
        match: PatternMatch | None,
        given: Token | None,
        coded_heads: set[int],
        date: datetime.date | None,
    ) -> list[CodedPhrase]:
        """The target phrases: pattern slot, passive subject, object, then others."""
        if match is not None and match.target is not None:
            found = self._conjunct_codes(noun_head(doc[match.target]), date)
            if found:
                return found
        if given is not None:
            return self._conjunct_codes(given, date)
        for candidate in target_candidates(verb.head, coded_heads):
            found = self._conjunct_codes(candidate, date)
            if found:
                return found
        return []

    def _conjunct_codes(self, token: Token | None, date: datetime.date | None) -> list[CodedPhrase]:
        """Code a noun and each noun coordinated with it (see ``compounds.py``)."""
        return code_conjuncts(self.actors, token, date, self.new_actor_length)


def _pairs(
    source: CodedPhrase,
    target: CodedPhrase | None,
    code: str,
    second: str | None,
    trigger: tuple[int, int],
) -> Iterator[CodedEvent]:
    """Events for every source code with every target code."""
    target_codes = target.codes if target is not None else (UNKNOWN,)
    target_span = target.span if target is not None else None
    for source_code in source.codes:
        for target_code in target_codes:
            if source_code == target_code:
                continue
            yield CodedEvent(source_code, target_code, code, trigger, source.span, target_span)
            if second and second != UNKNOWN and target is not None:
                yield CodedEvent(
                    target_code, source_code, second, trigger, target_span, source.span
                )


def _codes(entry: VerbEntry, match: PatternMatch | None) -> tuple[str | None, str | None]:
    """The event code and the swapped-direction second code, if any.

    A ``[:B]`` code alone is the event's code; with ``[A:B]`` the second code
    describes the same event seen from the target.
    """
    if match is not None:
        active, second = match.pattern.code, match.pattern.passive_code
    else:
        active, second = entry.code, entry.passive_code
    if active is None:
        return second, None
    return active, second


def _words(doc: Doc, start: int, end: int) -> list[Word]:
    """Matcher words for the tokens ``start`` to ``end``."""
    return [_word(doc[i]) for i in range(start, end)]


def _clause_words(doc: Doc, verb: _Verb) -> list[Word]:
    """Words after the verb inside its clause: coordinated verbs cut off."""
    excluded: set[int] = set()
    for child in verb.head.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") or child.dep_ == "cc":
            excluded.update(t.i for t in child.subtree)
    indices = sorted(t.i for t in verb.head.subtree if t.i > verb.last and t.i not in excluded)
    return [_word(doc[i]) for i in indices]


def _word(token: Token) -> Word:
    """One matcher word with its noun-chunk bounds."""
    start, end = token.i, token.i + 1
    coordinated = False
    if token.pos_ in ("NOUN", "PROPN", "PRON"):
        head = token
        while head.dep_ in ("compound", "amod", "poss") and head.head.i > head.i:
            head = head.head
        start = min((t.i for t in head.lefts), default=head.i)
        start = min(start, token.i)
        end = head.i + 1
        coordinated = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
    return Word(
        index=token.i,
        text=token.text.upper(),
        is_noun=token.pos_ in ("NOUN", "PROPN", "PRON"),
        chunk_start=start,
        chunk_end=end,
        coordinated=coordinated,
    )
