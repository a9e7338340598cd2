"""Tests for rashomon.read.warc: WARC and ARC archives to one InputItem per archived HTML page."""

from __future__ import annotations

import gzip
import importlib
import io
import os
import shutil
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from rashomon.errors import InputError
from rashomon.read import InputItem, iter_inputs
from rashomon.read.inputs import _Ids
from rashomon.read.warc import archive_stem, is_archive_file, read_warc

FEED = Path(__file__).parent / "data" / "harbour-gazette.rss"

PIER = "<html><head><title>Pier</title></head><body><p>The pier closed, the council said.</p>"
PIER += "</body></html>"
# cp1252 bytes under a declared charset: "café" must come out right, not sniffed as UTF-8.
METADATA = b"outlinks: https://news.example/quay\n"
QUAY = "<html><body><p>The café on the quay reopened, its owner said.</p></body></html>"


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str = "text/html; charset=utf-8",
    date: str = "2024-03-15T09:30:00Z",
    extra: tuple[tuple[str, str], ...] = (),
) -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", content_type), *extra], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # a known length: warcio then needs no temporary file
        http_headers=headers,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)


def _request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders(
        f"GET {url} HTTP/1.1", [("Host", "news.example")], is_http_request=True
    )
    writer.write_record(writer.create_warc_record(url, "request", http_headers=headers))


def _write_archive(path: Path, *, compress: bool, undecodable: bool = False) -> Path:
    """Two HTML pages among a request, an image, a 404, a redirect and metadata."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        _request(writer, "https://news.example/pier")
        _response(writer, "https://news.example/pier", PIER.encode("utf-8"))
        _response(
            writer,
            "https://news.example/pier.png",
            b"\x89PNG\r\n\x1a\n\x00\x00",
            content_type="image/png",
        )
        _response(writer, "https://news.example/gone", b"<p>Not found</p>", status="404 Not Found")
        _response(
            writer,
            "https://news.example/old",
            b"<p>Moved</p>",
            status="301 Moved Permanently",
            extra=(("Location", "https://news.example/quay"),),
        )
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/pier",
                "metadata",
                payload=io.BytesIO(METADATA),
                length=len(METADATA),
                warc_content_type="application/warc-fields",
            )
        )
        if undecodable:
            _response(
                writer,
                "https://news.example/blob",
                b"<p>\x00\x01\x02\x03</p>",
                content_type="text/html",
            )
        _response(
            writer,
            "https://news.example/quay",
            QUAY.encode("cp1252"),
            content_type="application/xhtml+xml; charset=windows-1252",
            date="2024-03-16T23:59:59Z",
        )
    return path


def _items(results: list[InputItem | InputError]) -> list[InputItem]:
    return [result for result in results if isinstance(result, InputItem)]


def _errors(results: list[InputItem | InputError]) -> list[InputError]:
    return [result for result in results if isinstance(result, InputError)]


@pytest.mark.parametrize("compress", [True, False], ids=["gzip", "plain"])
def test_read_warc_keeps_only_html_pages(tmp_path: Path, compress: bool) -> None:
    name = "crawl.warc.gz" if compress else "crawl.warc"
    path = _write_archive(tmp_path / name, compress=compress)
    results = list(iter_inputs([str(path)]))
    assert _errors(results) == []
    items = _items(results)
    assert [(item.id, item.where, item.url, item.published) for item in items] == [
        ("crawl-1", f"{path}: record 1", "https://news.example/pier", "2024-03-15"),
        ("crawl-2", f"{path}: record 2", "https://news.example/quay", "2024-03-16"),
    ]
    assert items[0].raw == PIER
    assert items[1].raw == QUAY


def test_read_warc_undecodable_page_is_yielded_in_place(tmp_path: Path) -> None:
    path = _write_archive(tmp_path / "crawl.warc", compress=False, undecodable=True)
    results = list(read_warc(path, _Ids()))
    assert [type(result).__name__ for result in results] == ["InputItem", "InputError", "InputItem"]
    error = results[1]
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: record 2: looks binary, not text (https://news.example/blob)"
    # The failed page keeps its number: the next page is record 3.
    assert [item.id for item in _items(results)] == ["crawl-1", "crawl-3"]


@pytest.mark.parametrize("compress", [True, False], ids=["gzip", "plain"])
def test_read_warc_truncated_archive_keeps_what_came_before(tmp_path: Path, compress: bool) -> None:
    whole = _write_archive(tmp_path / "whole.warc", compress=compress).read_bytes()
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    # Cut inside the last record, the second page.
    path.write_bytes(whole[: len(whole) - 40])
    results = list(read_warc(path, _Ids()))
    assert [type(result).__name__ for result in results] == ["InputItem", "InputError"]
    assert isinstance(results[0], InputItem) and results[0].raw == PIER
    error = results[1]
    assert isinstance(error, InputError) and error.where == str(path)
    assert error.message.startswith("the archive is truncated or corrupt at byte ")
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"This is not an archive.\r\n\r\nJust text.\r\n", "the archive is truncated or corrupt"),
        (b"WARC/1.0\r\nWARC-Type: resp", "the archive is truncated or corrupt at byte 0"),
        (gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n")[:-12], "the archive is truncated"),
        (b"", "the file is empty"),
    ],
    ids=["text", "cut-in-first-headers", "cut-gzip", "empty"],
)
def test_read_warc_broken_archive_is_one_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(content)
    (error,) = list(iter_inputs([str(path)]))
    assert isinstance(error, InputError) and error.where == str(path)
    assert error.message.startswith(message)
    assert "\n" not in str(error)


def test_read_warc_decodes_compressed_bodies(tmp_path: Path) -> None:
    path = tmp_path / "zipped.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        _response(
            writer,
            "https://news.example/zipped",
            gzip.compress(PIER.encode("utf-8")),
            extra=(("Content-Encoding", "gzip"),),
        )
    (item,) = list(read_warc(path, _Ids()))
    assert isinstance(item, InputItem) and item.raw == PIER


def test_read_warc_oversized_page_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The module, not the function ``rashomon.read.decode`` that shadows its name.
    decode_module = importlib.import_module("rashomon.read.decode")
    monkeypatch.setattr(decode_module, "MAX_ARTICLE_BYTES", 64)
    monkeypatch.setattr("rashomon.read.warc.MAX_ARTICLE_BYTES", 64)
    path = _write_archive(tmp_path / "crawl.warc", compress=False)
    results = list(read_warc(path, _Ids()))
    assert [(type(r).__name__, r.where) for r in results] == [
        ("InputError", f"{path}: record 1"),
        ("InputError", f"{path}: record 2"),
    ]
    assert all(isinstance(r, InputError) and "MB limit" in r.message for r in results)


def test_read_warc_reads_arc_files(tmp_path: Path) -> None:
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + PIER.encode("utf-8")
    version = b"1 0 rashomon\nURL IP-address Archive-date Content-type Archive-length\n"
    path = tmp_path / "old.arc"
    path.write_bytes(
        b"filedesc://old.arc 0.0.0.0 20240315093000 text/plain %d\n" % len(version)
        + version
        + b"\nhttps://news.example/pier 127.0.0.1 20240315093000 text/html %d\n" % len(http)
        + http
        + b"\n"
    )
    (item,) = list(iter_inputs([str(path)]))
    assert isinstance(item, InputItem)
    assert (item.id, item.url, item.published, item.raw) == (
        "old-1",
        "https://news.example/pier",
        "2024-03-15",
        PIER,
    )


@pytest.mark.parametrize(
    ("name", "is_archive", "stem"),
    [
        ("crawl.warc.gz", True, "crawl"),
        ("Crawl.WARC", True, "Crawl"),
        ("old.arc.gz", True, "old"),
        ("notes.gz", False, "notes"),
        ("warc.txt", False, "warc"),
    ],
)
def test_archive_names(name: str, is_archive: bool, stem: str) -> None:
    assert is_archive_file(Path(name)) is is_archive
    assert archive_stem(Path(name)) == stem


def test_read_warc_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        _response(writer, "https://news.example/pier", PIER.encode("utf-8"))
        _response(writer, "https://news.example/big.png", bytes(200_000), content_type="image/png")
        _response(writer, "https://news.example/quay", QUAY.encode("utf-8"))
    results = read_warc(path, _Ids())
    first = next(results)
    # Cut the archive behind the reader's back: an eager reader would already hold page 2.
    os.truncate(path, path.stat().st_size - 40)
    rest = list(results)
    assert isinstance(first, InputItem) and first.id == "crawl-1"
    assert [type(result).__name__ for result in rest] == ["InputError"]


def test_iter_inputs_folder_with_feed_archive_and_text(tmp_path: Path) -> None:
    shutil.copyfile(FEED, tmp_path / "a-feed.rss")
    _write_archive(tmp_path / "b-crawl.warc.gz", compress=True)
    (tmp_path / "c-note.txt").write_text("The harbour reopened, officials said.", encoding="utf-8")
    results = list(iter_inputs([str(tmp_path)]))
    assert [
        result.id if isinstance(result, InputItem) else f"error: {result.where}"
        for result in results
    ] == [
        "a-feed-1",
        "a-feed-2",
        f"error: {tmp_path / 'a-feed.rss'}: entry 3",
        "b-crawl-1",
        "b-crawl-2",
        "c-note",
    ]
