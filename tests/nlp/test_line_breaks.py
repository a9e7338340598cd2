"""A line break ends a sentence: headlines and datelines have no final period."""

from __future__ import annotations

from rashomon.nlp.loading import load_model
from rashomon.pipeline import Analyzer


def test_line_breaks_split_a_headline_from_the_story() -> None:
    nlp = load_model()
    nlp.add_pipe("rashomon_line_breaks", before="parser")
    doc = nlp("Minister denies strike claims\nThe minister denied the reports on Friday.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Minister denies strike claims"
    assert sentences[-1] == "The minister denied the reports on Friday."


def test_line_breaks_keep_the_story_subject_with_its_verb(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(
        "Minister denies strike claims\nThe labour minister on Thursday denied reports "
        "that dock workers had been told to strike.",
        published="2024-05-03",
    )
    denial = next(a for a in analysis.attributions if a.cue.text == "denied")
    assert denial.source is not None and denial.source.text == "The labour minister"
    assert denial.said_on == "2024-05-02"


def test_two_apostrophes_open_the_quotation_sentence() -> None:
    # Two apostrophes as an opening mark, as some house styles write it: the parser took
    # them for a closing mark and ended the sentence after them.
    nlp = load_model()
    nlp.add_pipe("rashomon_line_breaks", before="parser")
    doc = nlp(
        "In any case, the manager said, the course was badly run. ''It was just waiting "
        "for a storm to wreck it,'' he said. ''Now the work begins.''"
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "In any case, the manager said, the course was badly run.",
        "''It was just waiting for a storm to wreck it,'' he said.",
        "''Now the work begins.''",
    ]


def test_two_apostrophes_closing_a_quotation_change_nothing() -> None:
    nlp = load_model()
    nlp.add_pipe("rashomon_line_breaks", before="parser")
    doc = nlp("She called it ''a disgrace'' and left the room.")
    assert len(list(doc.sents)) == 1
