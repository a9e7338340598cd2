"""Parse a headline in title case as the sentence it would be in sentence case.

"Black Lawmakers Rip Donald Trump As A 'Disgusting Fraud'": a tagger trained on running
text reads every capitalised word as a name, so "Rip" is a proper noun and the headline
has no verb, no subject and nothing said. Many articles open with such a line, and it is
often an attribution (PolNeAR: 253 in train, on 544 title-case lines).

``HeadlineRecaser`` finds each sentence written in title case, lowercases the words the
article itself does not write with a capital inside a sentence ("Rip", "Disgusting"; not
"Donald", "Trump", nor "CEO"), parses that copy with the model's own components, and puts
the tags, lemmas and dependency tree it gets onto the original words. The text, the
tokens and the entities stay as they were: only how the words are read changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc, Span

__all__ = ["HeadlineRecaser", "recased_words", "title_case"]

#: Words a title-case headline leaves in lower case ("Rally Nationwide to Reclaim Schools").
_MINOR = frozenset(
    "a an the and or but nor of on in to for at by with as from into over up via vs".split()
)
#: How many capitalised major words make a title, and what share of them.
_MIN_MAJOR = 3
_MIN_SHARE = 0.8
#: Entities whose words keep their capital even when the article never repeats them: "By
#: May" lowercased is a modal verb. (The recognizer finds these in title case as well; the
#: names it finds there are not to be trusted: "Rip Donald Trump" is one person to it.)
_KEPT_ENTITIES = frozenset({"DATE", "TIME", "NORP"})
#: The annotations the recased parse gives the original words.
_COPIED = [TAG, POS, MORPH, HEAD, DEP, LEMMA]

Processor = Callable[[Doc], Doc]


def title_case(sentence: Span) -> bool:
    """Whether a sentence is written in title case: nearly every major word capitalised.

    "Clinton Breaks With Obama On 9/11 Lawsuit Bill" is; "Clinton broke with Obama" is
    not, nor is a line all in capitals ("THE BORROWING"), whose case says nothing.
    """
    major = [t for t in sentence if t.is_alpha and t.lower_ not in _MINOR]
    if len(major) < _MIN_MAJOR:
        return False
    capitalised = sum(1 for t in major if t.text[0].isupper())
    shouting = sum(1 for t in major if t.is_upper and len(t) > 1)
    return capitalised >= _MIN_SHARE * len(major) and shouting < len(major) / 2


def _first_word(sentence: Span) -> int | None:
    """The index of the sentence's first word, which keeps its capital in any case."""
    return next((t.i for t in sentence if t.is_alpha), None)


def _names(doc: Doc, titles: Sequence[Span]) -> set[str]:
    """The words the article writes with a capital inside a sentence: its names."""
    skipped = {t.i for span in titles for t in span}
    names = set()
    for sentence in doc.sents:
        first = _first_word(sentence)
        for token in sentence:
            if token.i not in skipped and token.i != first and token.text[:1].isupper():
                names.add(token.text)
    return names


def recased_words(sentence: Span, names: set[str]) -> list[str]:
    """The sentence's words in sentence case: the first word, names, acronyms and dates keep
    their capitals."""
    first = _first_word(sentence)
    words = []
    for token in sentence:
        text = token.text
        keep = (
            token.i == first
            or not text[:1].isupper()
            or text in names
            or (token.is_upper and len(text) > 1)
            or token.ent_type_ in _KEPT_ENTITIES
            or any(character.isdigit() for character in text)
        )
        lowered = text.lower()
        # Lower case must not change the length, so that the copy's words match the text's.
        words.append(text if keep or len(lowered) != len(text) else lowered)
    return words


class HeadlineRecaser:
    """A pipeline component re-reading title-case sentences (see the module docstring).

    Args:
        processors: the model's components that tag, parse and lemmatize, in pipeline
            order; each recased sentence goes through them.
    """

    def __init__(self, processors: Sequence[Processor]) -> None:
        self.processors = list(processors)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Recase a batch at a time: the copies of a whole batch go through each component
        together, which costs a fraction of one call per headline."""
        batch: list[Doc] = []
        for doc in stream:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._recase(batch)
                batch = []
        if batch:
            yield from self._recase(batch)

    def _recase(self, docs: list[Doc]) -> list[Doc]:
        jobs: list[tuple[Doc, Span]] = []
        copies: list[Doc] = []
        for doc in docs:
            titles = [sentence for sentence in doc.sents if title_case(sentence)]
            names = _names(doc, titles) if titles else set()
            for sentence in titles:
                words = recased_words(sentence, names)
                if words != [t.text for t in sentence]:
                    spaces = [bool(t.whitespace_) for t in sentence]
                    copies.append(Doc(doc.vocab, words=words, spaces=spaces))
                    jobs.append((doc, sentence))
        if not copies:
            return docs
        parsed: Iterable[Doc] = copies
        for process in self.processors:
            step = getattr(process, "pipe", None)
            parsed = step(parsed) if step is not None else map(process, parsed)
        arrays: dict[int, Any] = {}
        for (doc, sentence), copy in zip(jobs, parsed, strict=True):
            array = arrays.setdefault(id(doc), doc.to_array(_COPIED))
            # HEAD is stored relative to the token, so the copy's tree fits the sentence's
            # place as it is; the sentence is a whole tree, so nothing outside points in.
            array[sentence.start : sentence.end] = copy.to_array(_COPIED)
        for doc in docs:
            if id(doc) in arrays:
                doc.from_array(_COPIED, arrays[id(doc)])
        return docs
