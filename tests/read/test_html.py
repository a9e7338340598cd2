"""Tests for rashomon.read.html: text or HTML to Article."""

from __future__ import annotations

import pytest

from rashomon.errors import ConfigError, InputError
from rashomon.read import MAX_ARTICLE_BYTES, looks_like_html, to_article

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Ministry rejects border reports</title>
<meta name="author" content="Jane Doe">
<meta name="date" content="2013-07-26">
<meta property="og:site_name" content="Daily Example">
<meta property="og:url" content="https://daily.example.org/world/ministry-rejects">
<script>var tracker = "SCRIPT_MARKER_ONE";</script>
<style>p { color: red; }</style>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Ministry rejects border reports</h1>
<p>The foreign ministry has rejected reports that militants crossed the border,
a spokesman said on Thursday.</p>
<p>"No militant has left the country," the spokesman told reporters
at a weekly briefing in the capital.</p>
<script>document.write("SCRIPT_MARKER_TWO");</script>
<p>Officials said border posts were on alert at every crossing
and nobody could travel abroad without papers.</p>
</article>
<footer>Contact us</footer>
</body></html>
"""


def test_to_article_html_extracts_text_and_metadata() -> None:
    article = to_article(PAGE, article_id="page")
    assert "The foreign ministry has rejected reports" in article.text
    assert "nobody could travel abroad without papers." in article.text
    assert article.title == "Ministry rejects border reports"
    assert article.byline == "Jane Doe"
    assert article.published == "2013-07-26"
    assert article.outlet == "Daily Example"
    assert article.url == "https://daily.example.org/world/ministry-rejects"
    assert article.id == "page"


@pytest.mark.parametrize("marker", ["SCRIPT_MARKER_ONE", "SCRIPT_MARKER_TWO", "color: red", "<p>"])
def test_to_article_html_drops_script_and_markup(marker: str) -> None:
    assert marker not in to_article(PAGE).text


def test_to_article_html_keeps_paragraphs_apart() -> None:
    text = to_article(PAGE).text
    first = text.index("a spokesman said on Thursday.")
    second = text.index('"No militant')
    assert "\n" in text[first:second]


def test_to_article_html_arguments_win_over_page_metadata() -> None:
    article = to_article(
        PAGE, published="2020-01-02", outlet="Other Site", url="https://other.example/a"
    )
    assert (article.published, article.outlet, article.url) == (
        "2020-01-02",
        "Other Site",
        "https://other.example/a",
    )


def test_to_article_html_fragment_is_extracted() -> None:
    article = to_article("<p>The council approved the budget on Monday evening.</p>")
    assert article.text == "The council approved the budget on Monday evening."


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Nothing</title><script>var a = 1;</script></head><body></body></html>",
        "<html><body><script>alert('x')</script></body></html>",
    ],
    ids=["empty-body", "script-only"],
)
def test_to_article_html_without_text_is_refused(html: str) -> None:
    with pytest.raises(InputError) as caught:
        to_article(html, where="page.html")
    assert caught.value.message == "no article text found in the HTML"
    assert caught.value.where == "page.html"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Line one.\r\nLine two.\r\n", "Line one.\nLine two.\n"),
        ("  Indented start.\n\nSecond paragraph.  ", "  Indented start.\n\nSecond paragraph.  "),
        (
            "A text that mentions <div> tags is not HTML.",
            "A text that mentions <div> tags is not HTML.",
        ),
    ],
    ids=["crlf", "whitespace-kept", "mentions-a-tag"],
)
def test_to_article_plain_text_kept_as_is(raw: str, expected: str) -> None:
    article = to_article(raw, article_id="a1", url="https://x.example/1", outlet="X")
    assert article.text == expected
    assert (article.id, article.url, article.outlet, article.title) == (
        "a1",
        "https://x.example/1",
        "X",
        None,
    )


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("2013-07-26", "2013-07-26"),
        ("2013-07-26T10:30:00", "2013-07-26"),
        ("2013-07-26T10:30:00Z", "2013-07-26"),
        ("2013-07-26 10:30:00+02:00", "2013-07-26"),
    ],
)
def test_to_article_published_accepts_iso(given: str, kept: str) -> None:
    assert to_article("Some story text.", published=given).published == kept


@pytest.mark.parametrize("bad", ["26/07/2013", "2013-13-01", "yesterday", "2013-07-26Tnoon", ""])
def test_to_article_published_rejects_other_formats(bad: str) -> None:
    with pytest.raises(ConfigError) as caught:
        to_article("Some story text.", published=bad, where="a.txt")
    assert repr(bad) in caught.value.message


def test_to_article_origin_comes_from_provenance_lines() -> None:
    text = (
        "The ministry denied the report on Sunday.\n"
        "Officials said nobody had left.\n"
        "By Example TV\n"
        "Example Mirror Site is not responsible for the content of quoted articles.\n"
    )
    article = to_article(text)
    assert article.origin.outlet == "Example TV"
    assert article.origin.republished_by == "Example Mirror Site"
    assert [span.text for span in article.origin.evidence] == [
        "By Example TV",
        "Example Mirror Site is not responsible for the content of quoted articles.",
    ]


def test_to_article_person_byline_fills_byline() -> None:
    article = to_article("By Jane Doe\nThe ministry denied it.\nIt said so.\nMore.\n")
    assert article.byline == "Jane Doe"
    assert article.origin.outlet is None


@pytest.mark.parametrize("raw", ["", "   \n\n  "], ids=["empty", "whitespace"])
def test_to_article_empty_text_is_refused(raw: str) -> None:
    with pytest.raises(InputError, match="empty"):
        to_article(raw, where="e.txt")


def test_to_article_refuses_oversized_text() -> None:
    with pytest.raises(InputError) as caught:
        to_article("a" * (MAX_ARTICLE_BYTES + 1), where="huge.txt")
    assert "MB" in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("\ufeff  <html lang='en'><head></head></html>", True),
        ("<p>First paragraph.</p><p>Second.</p>", True),
        ("<div class='story'>Text</div>", True),
        ("Plain text that mentions <html> later.", False),
        ("<3 this story, said the fan.", False),
        ("", False),
    ],
)
def test_looks_like_html_detects_markup(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected
