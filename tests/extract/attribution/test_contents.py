"""Contents: direct quotes (split, multi-sentence, multi-paragraph), indirect and mixed speech."""

from __future__ import annotations

import pytest
from conftest import by_cue, content_text, said

from rashomon.extract.attribution.quotes import find_quotes
from rashomon.pipeline import Analyzer


def test_contents_direct_quote_after_cue(analyzer: Analyzer) -> None:
    text = 'The pilot told passengers: "We will land in ten minutes."'
    attribution = by_cue(analyzer.analyze(text), "told")
    assert attribution.kind == "direct"
    assert content_text(attribution) == '"We will land in ten minutes."'


def test_contents_direct_quote_before_cue(analyzer: Analyzer) -> None:
    text = '"The water is safe to drink," the engineer said.'
    attribution = by_cue(analyzer.analyze(text), "said")
    assert attribution.kind == "direct"
    assert attribution.source is not None and attribution.source.text == "the engineer"
    assert "The water is safe to drink" in content_text(attribution)


def test_contents_split_quote_has_two_pieces(analyzer: Analyzer) -> None:
    text = '"We will not give up," the captain said, "and we will win the cup."'
    attribution = by_cue(analyzer.analyze(text), "said")
    assert attribution.kind == "direct"
    assert len(attribution.content) == 2
    assert "We will not give up" in attribution.content[0].text
    assert "we will win the cup" in attribution.content[1].text


@pytest.mark.parametrize(
    ("text", "cue", "pieces"),
    [
        # The cue's own adjuncts lie between the halves; the second opens mid-sentence.
        ('"The mayor will be fair," Ortiz said during a rally in Salem, Ore., "but voters '
         'will be watching."', "said", 2),
        ('"The leak is not the problem," the senator told a radio station on Monday, "but '
         'the cover-up is."', "told", 2),
        # A capital letter opens a sentence of its own, not the rest of the first.
        ('"The mayor will be fair," Ortiz said during a rally in Salem. "Voters will be '
         'watching."', "said", 2),
        # A quotation that another speaker's verb names in the next sentence stays apart.
        ('"The mayor will be fair," Ortiz said at the rally. Her rival called that "a fairy '
         'tale."', "said", 1),
    ],
)  # fmt: skip
def test_contents_split_quote_past_the_cues_adjuncts(
    analyzer: Analyzer, text: str, cue: str, pieces: int
) -> None:
    attribution = by_cue(analyzer.analyze(text), cue)
    assert len(attribution.content) == pieces
    assert attribution.content[0].text.startswith('"The')


def test_contents_quote_over_several_sentences(analyzer: Analyzer) -> None:
    text = (
        '"The harvest failed in the north. Prices have doubled since spring. '
        'Families are leaving," an aid worker said.'
    )
    attribution = by_cue(analyzer.analyze(text), "said")
    assert attribution.kind == "direct"
    assert attribution.content[0].text.startswith('"The harvest failed')
    assert "Families are leaving" in attribution.content[0].text


def test_contents_quote_over_several_paragraphs() -> None:
    text = '"We will stay.\n"We will not leave until the end," she said.'
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert text[quotes[0].start : quotes[0].end] == text[: text.index(",") + 2]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The minister said that the talks were over.", "indirect"),
        ("The minister said the talks were over.", "indirect"),
        ('The minister said that the talks were "dead and buried."', "mixed"),
        ('The minister said that "the talks are over."', "mixed"),
    ],
)
def test_contents_kind(analyzer: Analyzer, sentence: str, kind: str) -> None:
    assert by_cue(analyzer.analyze(sentence), "said").kind == kind


@pytest.mark.parametrize(
    "text",
    [
        'He said "this never closes.',
        "Stray mark ” here, and “ there, he said that nothing changed.",
        '"""',
        'He said that the 6" pipe burst.',
        "“",
    ],
)
def test_contents_stray_quote_marks_never_crash(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    for attribution in analysis.attributions:
        for piece in attribution.content:
            assert analysis.article.text[piece.start : piece.end] == piece.text


def test_contents_offsets_point_into_the_text(analyzer: Analyzer) -> None:
    text = 'First line.\n\n"We are ready," the general said on Monday.\nShe added that it rained.'
    analysis = analyzer.analyze(text)
    assert analysis.attributions
    for attribution in analysis.attributions:
        assert text[attribution.cue.start : attribution.cue.end] == attribution.cue.text
        if attribution.source is not None:
            assert text[attribution.source.start : attribution.source.end] == (
                attribution.source.text
            )


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("As the minister has said, the plan will fail.", "has said", "the minister",
         "the plan will fail"),
        ("The plan will fail, as the minister said.", "said", "the minister",
         "The plan will fail"),
    ],
)  # fmt: skip
def test_contents_as_frame_says_the_clause_it_hangs_on(
    analyzer: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(analyzer.analyze(sentence), cue, source, content)


def test_contents_as_of_time_is_not_a_frame(analyzer: Analyzer) -> None:
    # "as" here says when the crowd cheered; what was announced is the plan alone.
    analysis = analyzer.analyze("The crowd cheered as the minister announced the plan.")
    assert content_text(by_cue(analysis, "announced")) == "the plan"


@pytest.mark.parametrize(
    "text",
    [
        '"The plant is safe,” the engineer said. “We checked it twice."',
        '“The plant is safe," the engineer said. "We checked it twice."',
    ],
)
def test_contents_quotation_with_mixed_straight_and_curly_marks(
    analyzer: Analyzer, text: str
) -> None:
    attribution = by_cue(analyzer.analyze(text), "said")
    assert attribution.kind == "direct"
    assert attribution.source is not None and attribution.source.text == "the engineer"
    assert [piece.text.strip('"“”') for piece in attribution.content] == [
        "The plant is safe,",
        "We checked it twice.",
    ]


def test_contents_speech_verb_with_a_colon_introduces_the_next_paragraph(
    analyzer: Analyzer,
) -> None:
    text = (
        "The governor added:\n\nIt is typical of her. She knows nothing about the budget.\n\n"
        "The vote is on Monday."
    )
    attribution = by_cue(analyzer.analyze(text), "added")
    assert attribution.source is not None and attribution.source.text == "The governor"
    assert content_text(attribution) == "It is typical of her. She knows nothing about the budget"


@pytest.mark.parametrize(
    ("sentence", "cue", "content"),
    [
        # The parser hangs "rebuild" and "open" on "wants"; they are conjuncts of "repave".
        ("The mayor wants to repave the main road, rebuild the bridge and open a new library.",
         "wants", "to repave the main road, rebuild the bridge and open a new library"),
        # A conjunct with its own auxiliary, negation or subject is a clause of its own.
        ("The company declined to comment, didn't respond to calls or issued a short statement.",
         "declined", "to comment"),
        ("Several residents refused to leave their homes and the police could not persuade them.",
         "refused", "to leave their homes"),
    ],
)  # fmt: skip
def test_contents_infinitive_takes_the_conjuncts_the_parser_hung_on_the_cue(
    analyzer: Analyzer, sentence: str, cue: str, content: str
) -> None:
    assert content_text(by_cue(analyzer.analyze(sentence), cue)) == content


@pytest.mark.parametrize(
    ("sentence", "cue", "source", "content"),
    [
        ("Asked whether the depot would reopen, 62 percent of residents said yes.", "said",
         "62 percent of residents", "yes"),
        ("Some economists predicted a recession, and half of them still say so.", "still say",
         "half of them", "so"),
    ],
)  # fmt: skip
def test_contents_one_word_answer_is_the_content(
    rules: Analyzer, sentence: str, cue: str, source: str, content: str
) -> None:
    said(rules.analyze(sentence), cue, source, content)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # A speech verb's clause that ends in the speaker's words: the quotation after it
        # goes on with the same speaker.
        ('The mayor is also "a builder," Cole said. "That is exactly what the city needs '
         'now."', 2),
        # An act on an object that quotes leads into nothing.
        ('Cole praised the mayor\'s "steady hand." "That is exactly what the city needs '
         'now."', 1),
    ],
)  # fmt: skip
def test_contents_quotation_after_a_mixed_clause_continues_a_speech_verb(
    analyzer: Analyzer, text: str, pieces: int
) -> None:
    attribution = analyzer.analyze(text).attributions[0]
    assert attribution.kind == "mixed"
    assert len(attribution.content) == pieces


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # A word or two set off as a reply before its frame is what was said.
        ("“Denver,” he answered.", "“Denver,”"),
        ('"Absolutely not," the senator said.', '"Absolutely not,"'),
        # A title in quote marks before a participle is no one's words.
        ("“Brokers,” written by a Spanish troupe, opened in May.", None),
    ],
)  # fmt: skip
def test_contents_short_reply_before_its_frame(
    analyzer: Analyzer, text: str, content: str | None
) -> None:
    contents = [content_text(a) for a in analyzer.analyze(text).attributions]
    assert contents == ([content] if content else [])


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # The parse gives "said" no clause, so the quotation is tied to it by the quote
        # rule; its second half belongs to the same attribution.
        ("Bond has no plans of stopping any time soon.\n"
         "“To all the black girls all over the world,” Bond said, “Own your magic.”",
         ["“To all the black girls all over the world,”", "“Own your magic.”"]),
        # A conjunction opening the next sentence outside the marks is the speaker's too.
        ('"It is not do or die," he said outside the building. But "the endorsement helps '
         'a great deal."',
         ['"It is not do or die,"', 'But "the endorsement helps a great deal."']),
    ],
)  # fmt: skip
def test_contents_quotation_pieces_of_one_speaker(
    rules: Analyzer, text: str, pieces: list[str]
) -> None:
    attribution = by_cue(rules.analyze(text), "said")
    assert [piece.text for piece in attribution.content] == pieces


def test_contents_quotation_before_a_frame_beats_an_adjunct(analyzer: Analyzer) -> None:
    # "with a smirk" is how it was said; the quotation the frame closes is what was said.
    text = "“Look at all these farmers here,” Paradis said with a smirk, looking at the stage."
    attribution = by_cue(analyzer.analyze(text), "said")
    assert content_text(attribution) == "“Look at all these farmers here,”"


@pytest.mark.parametrize(
    "sentence",
    [
        "The square was empty until noon, when the ministry announced.",
        "Cheering rose from the stadium, where the mayor announced on Friday.",
        "Nobody spoke until Friday, when the minister finally denied.",
    ],
)
def test_contents_a_when_clause_does_not_take_its_noun_as_object(
    rules: Analyzer, sentence: str
) -> None:
    # A clause opened by "when" or "where" tells the time or place of the act: "noon" is
    # not what was announced, as "the plan" is in "the plan the ministry announced".
    assert rules.analyze(sentence).attributions == ()


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Asked if he would resign, the mayor said, "Probably."', '"Probably."'),
        ("She shook her head and said: ''Never.''", "''Never.''"),
    ],
)
def test_contents_a_short_reply_after_its_speech_verb(
    rules: Analyzer, text: str, content: str
) -> None:
    assert content_text(by_cue(rules.analyze(text), "said")) == content


def test_contents_a_scare_quote_after_an_object_verb_is_no_reply(rules: Analyzer) -> None:
    # Only a comma or a colon between the verb and the words makes them a reply.
    analysis = rules.analyze('He called it "a con" and left.')
    assert all(content_text(a) != '"a con"' for a in analysis.attributions)


def test_contents_a_reported_clause_closed_by_its_frame_goes_on_quoting(rules: Analyzer) -> None:
    text = 'The talks may stall while the envoy travels, Schiff said. "We will try again."'
    attribution = by_cue(rules.analyze(text), "said")
    assert [piece.text for piece in attribution.content] == [
        "The talks may stall while the envoy travels",
        '"We will try again."',
    ]


def test_contents_a_reported_clause_before_its_frame_does_not_go_on(rules: Analyzer) -> None:
    # The frame comes first: the quotation after the sentence is not tied to it.
    text = 'Schiff said the talks may stall. "We will try again," the envoy added.'
    attribution = by_cue(rules.analyze(text), "said")
    assert len(attribution.content) == 1


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The parser reads both "Trump" and "crazy" as predicates of "called".
        ('Graham called Trump "crazy."', 'Trump "crazy."'),
        (
            'Graham called both Trump and Clinton "crazy" and left.',
            'both Trump and Clinton "crazy"',
        ),
    ],
)
def test_contents_a_verb_with_two_predicates_names_the_first(
    rules: Analyzer, text: str, content: str
) -> None:
    attribution = by_cue(rules.analyze(text), "called")
    assert attribution.source is not None and attribution.source.text == "Graham"
    assert content_text(attribution) == content
