"""Tests for rashomon.read.feeds: RSS and Atom feed files to one InputItem per entry."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest

from rashomon.errors import InputError
from rashomon.pipeline import Analyzer
from rashomon.read import MAX_ARTICLE_BYTES, InputItem, article_of, iter_inputs, to_article
from rashomon.read.feeds import fragment_to_text, is_feed_file, looks_like_feed, read_feed
from rashomon.read.inputs import _Ids

DATA = Path(__file__).parent / "data"
RSS = DATA / "harbour-gazette.rss"
ATOM = DATA / "valley-courier.atom"
NOT_A_FEED = DATA / "inventory.xml"


def _items(results: list[InputItem | InputError]) -> list[InputItem]:
    return [result for result in results if isinstance(result, InputItem)]


def _errors(results: list[InputItem | InputError]) -> list[InputError]:
    return [result for result in results if isinstance(result, InputError)]


def test_read_feed_rss_entries() -> None:
    results = list(read_feed(RSS, _Ids()))
    items = _items(results)
    assert [item.id for item in items] == ["harbour-gazette-1", "harbour-gazette-2"]
    assert [item.where for item in items] == [f"{RSS}: entry 1", f"{RSS}: entry 2"]
    assert [item.url for item in items] == [
        "https://gazette.example/2024/03/east-pier",
        "https://gazette.example/2024/03/ferry-timetable",
    ]
    # Entry 2 is dated 23:15 at UTC-5: its own day, not the next day in UTC.
    assert [item.published for item in items] == ["2024-03-05", "2024-03-06"]
    assert {item.outlet for item in items} == {"Harbour Gazette"}
    assert [item.title for item in items] == [
        "Council votes to close the east pier",
        "Ferry timetable changes & fares",
    ]


def test_read_feed_rss_content_wins_over_description() -> None:
    first, second = _items(list(read_feed(RSS, _Ids())))
    assert first.raw == (
        "The Eastmouth council voted on Monday to close the east pier for repairs.\n\n"
        "Harbour master Ines Lind said the timber supports had rotted. "
        "\u201cWe cannot wait for another storm,\u201d she said.\n\n"
        "The pier closes on 1 April.\n\n"
        "Ferries will use the west quay."
    )
    assert second.raw.startswith("The ferry company said the first crossing")


def test_read_feed_entry_without_text_is_yielded_in_place() -> None:
    results = list(read_feed(RSS, _Ids()))
    assert [type(result).__name__ for result in results] == ["InputItem", "InputItem", "InputError"]
    (error,) = _errors(results)
    assert error.where == f"{RSS}: entry 3"
    assert str(error) == f"{RSS}: entry 3: has no text (neither content nor summary)"
    assert "\n" not in str(error)


def test_read_feed_atom_entries() -> None:
    items = _items(list(read_feed(ATOM, _Ids())))
    assert [(item.id, item.url, item.published, item.title) for item in items] == [
        (
            "valley-courier-1",
            "https://courier.example/mill-water",
            "2024-04-01",
            "Mill owners deny water claims",
        ),
        # No <published>: the <updated> date stands in.
        (
            "valley-courier-2",
            "https://courier.example/school-roof",
            "2024-03-28",
            "School roof repaired",
        ),
    ]
    assert {item.outlet for item in items} == {"Valley Courier"}
    assert items[0].raw == (
        "The owners of the Riverside mill denied on Sunday that they had drained the upper "
        "pond.\n\nFarmers said the stream had run dry for a week."
    )
    assert items[1].raw == "Builders finished the school roof on Thursday, the head teacher said."


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?>\n<rss version="2.0"><channel>',
        codecs.BOM_UTF8 + b"<!-- made by hand -->\n<feed xmlns='http://www.w3.org/2005/Atom'>",
        b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?>\n<rdf:RDF xmlns:rdf="x">',
        b'<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd">\n<rss version="0.91">',
        '<?xml version="1.0" encoding="utf-16"?><feed>'.encode("utf-16"),
        b"\n\n  <rss>",
    ],
    ids=["rss", "atom-bom-comment", "rdf-stylesheet", "doctype", "utf16", "blank-lines"],
)
def test_looks_like_feed_recognises_feeds(head: bytes) -> None:
    assert looks_like_feed(head)


@pytest.mark.parametrize(
    "head",
    [
        b'<?xml version="1.0"?>\n<inventory><item>Boats</item></inventory>',
        b"<!DOCTYPE html><html><body><p>The council met.</p></body></html>",
        b"The council met to discuss the <rss> feed.",
        b'<?xml version="1.0"?><rssfeed>',
        b"",
    ],
    ids=["other-xml", "html", "text-mentioning-rss", "other-root", "empty"],
)
def test_looks_like_feed_refuses_other_files(head: bytes) -> None:
    assert not looks_like_feed(head)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("news.rss", True), ("news.atom", True), ("news.XML", True), ("news.txt", False)],
)
def test_is_feed_file_needs_suffix_and_root(tmp_path: Path, name: str, expected: bool) -> None:
    path = tmp_path / name
    shutil.copyfile(RSS, path)
    assert is_feed_file(path) is expected


def test_iter_inputs_xml_that_is_not_a_feed_is_one_article() -> None:
    (item,) = list(iter_inputs([str(NOT_A_FEED)]))
    assert item == InputItem(
        id="inventory", where=str(NOT_A_FEED), raw=NOT_A_FEED.read_text(encoding="utf-8")
    )


@pytest.mark.parametrize(
    "content",
    [
        b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Brok',
        b"<feed>&undefined; <<<",
    ],
    ids=["cut-off", "garbage"],
)
def test_read_feed_unreadable_file_is_one_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(content)
    (error,) = list(iter_inputs([str(path)]))
    assert isinstance(error, InputError)
    assert error.where == str(path)
    assert error.message.startswith("not a readable RSS/Atom feed (")
    assert "\n" not in str(error)


def test_read_feed_not_well_formed_but_with_entries_is_read(tmp_path: Path) -> None:
    path = tmp_path / "loose.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Dock & Quay</title>'
        "<item><title>Tide</title><description>The tide was high, the pilot said."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    (item,) = list(iter_inputs([str(path)]))
    assert isinstance(item, InputItem)
    assert (item.id, item.raw) == ("loose-1", "The tide was high, the pilot said.")


def test_read_feed_without_entries_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "quiet.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        encoding="utf-8",
    )
    assert list(iter_inputs([str(path)])) == []


def test_read_feed_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.rss"
    with path.open("wb") as handle:
        handle.write(b'<?xml version="1.0"?><rss version="2.0">')
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    (error,) = list(iter_inputs([str(path)]))
    assert isinstance(error, InputError) and error.where == str(path)
    assert error.message.startswith("the feed is 50.0 MB")


def test_read_feed_ids_stay_unique_beside_a_file_of_the_same_name(tmp_path: Path) -> None:
    shutil.copyfile(RSS, tmp_path / "harbour-gazette.rss")
    (tmp_path / "harbour-gazette-1.txt").write_text("The pier is closed.", encoding="utf-8")
    ids = [item.id for item in _items(list(iter_inputs([str(tmp_path)])))]
    assert ids == ["harbour-gazette-1", "harbour-gazette-1-2", "harbour-gazette-2"]


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<p>One.</p><p>Two &amp; three.</p>", "One.\n\nTwo & three."),
        (
            "Starts bare, <b>bold</b> and\n  spread out.<br>Next line.",
            "Starts bare, bold and spread out.\nNext line.",
        ),
        ("<h2>Heading</h2><ul><li>First</li><li>Second</li></ul>", "Heading\n\nFirst\n\nSecond"),
        ("<p>Kept.</p><script>drop()</script><style>p {}</style><!-- note -->", "Kept."),
        ("<table><tr><td>Ships</td><td>4</td></tr></table>", "Ships 4"),
        ('<p><img src="pier.jpg"></p>', ""),
        ("   ", ""),
    ],
    ids=["paragraphs", "bare-start", "heading-list", "script", "table", "image-only", "blank"],
)
def test_fragment_to_text(fragment: str, text: str) -> None:
    assert fragment_to_text(fragment) == text


@pytest.mark.parametrize(
    ("raw", "given", "expected"),
    [
        ("The pier closed on Monday.", "Pier closes", "Pier closes"),
        ("<h2>A subheading</h2><p>The pier closed on Monday.</p>", "Pier closes", "Pier closes"),
        ("<h2>A subheading</h2><p>The pier closed on Monday.</p>", None, "A subheading"),
        ("The pier closed on Monday.", None, None),
    ],
    ids=["text-given", "html-given-wins", "html-own", "none"],
)
def test_to_article_takes_the_given_title(
    raw: str, given: str | None, expected: str | None
) -> None:
    assert to_article(raw, title=given).title == expected


def test_read_feed_entry_end_to_end(analyzer: Analyzer) -> None:
    (item,) = [item for item in _items(list(read_feed(RSS, _Ids()))) if item.id.endswith("-1")]
    article = article_of(item)
    assert (article.title, article.outlet, article.published) == (
        "Council votes to close the east pier",
        "Harbour Gazette",
        "2024-03-05",
    )
    analysis = analyzer.analyze_article(article)
    cues = {attribution.cue.text for attribution in analysis.attributions}
    assert "said" in cues
