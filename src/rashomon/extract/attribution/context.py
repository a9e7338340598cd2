"""What the finder's rules share about one ``Doc``, computed once.

``Doc.text`` rebuilds the string on every call and ``Token.sent`` walks the sentences each
time; on a long article the rules would spend more time there than the parser spends parsing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from rashomon.extract.attribution.classifier import CueClassifier
from rashomon.extract.attribution.cues import CueLexicon, SourcingLexicon
from rashomon.extract.attribution.quotes import Quote, find_quotes

__all__ = ["Context"]


@dataclass
class Context:
    """A parsed article with its text, quotations and sentence bounds at hand."""

    doc: Doc
    text: str
    quotes: list[Quote]
    cues: CueLexicon
    sourcing: SourcingLexicon
    sentence_bounds: list[tuple[int, int]]
    sentence_of: list[int]
    quoted: list[bool] | None = None
    classifier: CueClassifier | None = None
    _probabilities: dict[int, float] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        doc: Doc,
        cues: CueLexicon,
        sourcing: SourcingLexicon,
        classifier: CueClassifier | None = None,
    ) -> Context:
        text = doc.text
        bounds: list[tuple[int, int]] = []
        sentence_of = [0] * len(doc)
        if doc.has_annotation("SENT_START"):
            for number, sentence in enumerate(doc.sents):
                bounds.append((sentence.start, sentence.end))
                for index in range(sentence.start, sentence.end):
                    sentence_of[index] = number
        else:
            bounds.append((0, len(doc)))
        quotes = find_quotes(text)
        quoted = [False] * len(doc)
        for quote in quotes:
            span = doc.char_span(quote.start + 1, quote.end - 1, alignment_mode="contract")
            if span is not None:
                for index in range(span.start, span.end):
                    quoted[index] = True
        return cls(doc, text, quotes, cues, sourcing, bounds, sentence_of, quoted, classifier)

    def cue_probability(self, token: Token) -> float | None:
        """The classifier's P(cue) for a candidate token, None for any other; computed once.

        The finder asks it when it meets the word and the scorer again when it weighs the
        finished attribution.
        """
        if self.classifier is None or not self.classifier.is_candidate(token):
            return None
        cached = self._probabilities.get(token.i)
        if cached is None:
            in_lexicon = self.cues.verb_cue(token) is not None
            cached = self._probabilities[token.i] = self.classifier.probability(token, in_lexicon)
        return cached

    def inside_quote(self, token: Token) -> bool:
        """Whether the token lies inside quotation marks."""
        return bool(self.quoted and self.quoted[token.i])

    def sentence(self, token: Token) -> tuple[int, int]:
        """The token range ``[start, end)`` of the token's sentence."""
        return self.sentence_bounds[self.sentence_of[token.i]]

    def speaks(self, token: Token) -> bool:
        """Whether a verb is a speech cue of the lexicon ("said", "told", "wrote")."""
        cue = self.cues.verb_cue(token)
        return cue is not None and cue.cue_class == "speech"

    def sentence_text(self, token: Token) -> str:
        start, end = self.sentence(token)
        last = self.doc[end - 1]
        return self.text[self.doc[start].idx : last.idx + len(last.text)]
