"""Tests for rashomon.link.provenance: credit lines, datelines and disclaimers."""

from __future__ import annotations

import pytest

from rashomon.link.provenance import ProvenanceFinding, find_origin

BODY = (
    "The ministry rejected the reports on Thursday, officials said.\n"
    "A spokesman said nobody had crossed the border.\n"
    "Another official said the posts were on alert.\n"
)


def _check_offsets(text: str, finding: ProvenanceFinding) -> None:
    for span in finding.origin.evidence:
        assert text[span.start : span.end] == span.text
    for start, end in finding.excluded:
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(
    ("text", "outlet", "line"),
    [
        (BODY + "By Example TV\n", "Example TV", "By Example TV"),
        (BODY + "By Jane Doe", "Jane Doe", "By Jane Doe"),
        ("By Example News\n" + BODY, "Example News", "By Example News"),
        ("By XYZ\n" + BODY, "XYZ", "By XYZ"),
        ("By JANE DOE, Associated Press Writer\n" + BODY, "Associated Press", None),
        ("By The Associated Press\n" + BODY, "Associated Press", None),
        (BODY + "Source: Reuters", "Reuters", "Source: Reuters"),
        (BODY + "SOURCE: Example Weekly.", "Example Weekly", "SOURCE: Example Weekly."),
        (
            BODY + "This article first appeared in Example Policy on July 3, 2019.",
            "Example Policy",
            None,
        ),
        (BODY + "This story was originally published by Example Review.", "Example Review", None),
        (BODY + "Originally published on example.org", "example.org", None),
        (BODY + "Republished with permission from Example Monitor.", "Example Monitor", None),
        (BODY + "© 2016 Reuters. All rights reserved.", "Reuters", None),
        (BODY + "Copyright 2020 Example Media Group", "Example Media Group", None),
    ],
    ids=[
        "byline-end",
        "person-byline-end",
        "byline-start-outlet-word",
        "byline-start-all-caps",
        "byline-person-and-wire",
        "byline-the-wire",
        "source-label",
        "source-label-caps",
        "first-appeared-in",
        "originally-published-by",
        "originally-published-on-domain",
        "republished-with-permission",
        "copyright-symbol",
        "copyright-word",
    ],
)
def test_find_origin_outlet_lines(text: str, outlet: str, line: str | None) -> None:
    finding = find_origin(text)
    assert finding.origin.outlet == outlet
    assert len(finding.origin.evidence) == 1
    evidence = finding.origin.evidence[0]
    if line is not None:
        assert evidence.text == line
    assert (evidence.start, evidence.end) in finding.excluded
    assert "\n" not in evidence.text
    _check_offsets(text, finding)


@pytest.mark.parametrize(
    ("lead", "outlet", "dateline"),
    [
        ("WASHINGTON (AP) — The president said", "Associated Press", "WASHINGTON (AP) —"),
        ("(Reuters) - Oil prices rose", "Reuters", "(Reuters) -"),
        ("LONDON, July 3 (AFP) - Talks ended", "Agence France-Presse", "LONDON, July 3 (AFP) -"),
        ("BERLIN (dpa) - The chancellor said", "Deutsche Presse-Agentur", "BERLIN (dpa) -"),
    ],
)
def test_find_origin_wire_dateline(lead: str, outlet: str, dateline: str) -> None:
    text = "Headline of the story\n\n" + lead + " on Tuesday.\n" + BODY
    finding = find_origin(text)
    assert finding.origin.outlet == outlet
    (evidence,) = finding.origin.evidence
    assert evidence.text == dateline
    # Only the dateline is metadata; the lead sentence after it stays in the story.
    assert finding.excluded == ((evidence.start, evidence.end),)
    _check_offsets(text, finding)


def test_find_origin_dateline_in_a_later_paragraph() -> None:
    text = BODY * 10 + "\nMOSCOW (Reuters) - A second dispatch began here.\n" + BODY * 10
    assert find_origin(text).origin.outlet == "Reuters"


@pytest.mark.parametrize(
    ("line", "site"),
    [
        ("Example Mirror is not responsible for the content of quoted articles.", "Example Mirror"),
        (
            "The Example Project is not responsible for the contents of external sites.",
            "The Example Project",
        ),
        (
            "The views expressed here do not necessarily reflect the views of Example Daily.",
            "Example Daily",
        ),
        (
            "Opinions are the author's and are not necessarily those of Example Wire.",
            "Example Wire",
        ),
    ],
)
def test_find_origin_republisher_disclaimer(line: str, site: str) -> None:
    text = BODY + "By Example TV\n" + line + "\n"
    finding = find_origin(text)
    assert finding.origin.republished_by == site
    assert finding.origin.outlet == "Example TV"
    assert [span.text for span in finding.origin.evidence] == ["By Example TV", line]
    assert len(finding.excluded) == 2
    _check_offsets(text, finding)


@pytest.mark.parametrize(
    ("first_line", "byline"),
    [
        ("By John Smith", "John Smith"),
        ("By JOHN SMITH", "JOHN SMITH"),
        ("by Maria de la Cruz and Tom Lee", "Maria de la Cruz and Tom Lee"),
    ],
)
def test_find_origin_person_byline_at_start_is_not_outlet(first_line: str, byline: str) -> None:
    text = first_line + "\n" + BODY
    finding = find_origin(text)
    assert finding.origin.outlet is None
    assert finding.origin.evidence == ()
    assert finding.byline == byline
    assert finding.excluded == ((0, len(first_line)),)


@pytest.mark.parametrize(
    "text",
    [
        BODY + "The plan was condemned by Human Rights Watch on Friday.\n" + BODY,
        "By Tuesday, the troops had left the city.\n" + BODY,
        BODY + "By then it was too late for the talks.\n",
        BODY + "Sources: officials who spoke on condition of anonymity.\n",
        BODY + "He said the film first appeared in cinemas last year.\n",
        "The leader (AP) — as he was called — arrived late.\n" + BODY,
    ],
    ids=[
        "by-inside",
        "by-tuesday",
        "by-then",
        "source-lowercase",
        "first-appeared-lowercase",
        "mid-line-wire",
    ],
)
def test_find_origin_story_sentences_are_not_provenance(text: str) -> None:
    finding = find_origin(text)
    assert finding.origin.outlet is None
    assert finding.origin.evidence == ()
    assert finding.excluded == ()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "x",
        "\n\n\n",
        "By",
        "By ",
        "©",
        "(",
        "By \u0000\ufffd",
        "Source:",
        "\u200b" * 10,
        "é" * 5000,
    ],
)
def test_find_origin_odd_input_never_raises(text: str) -> None:
    finding = find_origin(text)
    assert finding.origin.outlet is None
    _check_offsets(text, finding)


def test_find_origin_long_text_only_edges() -> None:
    middle = "By Example TV\n"
    text = BODY * 50 + middle + BODY * 50
    finding = find_origin(text)
    assert finding.origin.outlet is None and finding.excluded == ()


def test_find_origin_priority_prefers_explicit_origin() -> None:
    text = (
        "WASHINGTON (AP) — The talks failed.\n"
        + BODY
        + "This article first appeared in Example Weekly.\n"
    )
    finding = find_origin(text)
    assert finding.origin.outlet == "Example Weekly"
    assert len(finding.origin.evidence) == 2
