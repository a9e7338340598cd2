"""Tests for rashomon.read.inputs: paths, folders, JSON Lines and stdin to InputItems."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import BinaryIO, TextIO

import pytest

from rashomon.errors import InputError
from rashomon.read import MAX_ARTICLE_BYTES, InputItem, iter_inputs

STORY = "The ministry denied the report on Sunday.\n"


def _items(results: list[InputItem | InputError]) -> list[InputItem]:
    return [result for result in results if isinstance(result, InputItem)]


def _errors(results: list[InputItem | InputError]) -> list[InputError]:
    return [result for result in results if isinstance(result, InputError)]


def test_iter_inputs_single_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    (item,) = list(iter_inputs([str(path)]))
    assert item == InputItem(id="report", where=str(path), raw=STORY)


def test_iter_inputs_missing_path_is_yielded(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    results = list(iter_inputs([missing, str(good)]))
    assert isinstance(results[0], InputError)
    assert (results[0].where, results[0].message) == (missing, "no such file or folder")
    assert isinstance(results[1], InputItem) and results[1].id == "good"


def test_iter_inputs_folder_with_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c.bin").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sub" / "d.html").write_text("<p>The council met.</p>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")
    results = list(iter_inputs([str(tmp_path)]))
    assert [item.id for item in _items(results)] == ["a", "b", "d"]
    errors = _errors(results)
    assert [(Path(str(e.where)).name, e.message) for e in errors] == [
        ("c.bin", "looks binary, not text"),
        ("empty.txt", "the file is empty"),
    ]


def test_iter_inputs_duplicate_stems_are_suffixed(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "x" / "story-2.txt").write_text(STORY, encoding="utf-8")
    ids = [item.id for item in _items(list(iter_inputs([str(tmp_path)])))]
    assert ids == ["story-2", "story", "story-3", "story-4"]
    assert len(set(ids)) == len(ids)


def test_iter_inputs_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "one", "text": STORY, "published": "2013-07-26", "outlet": "X"}),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "both", "text": "a", "html": "<p>b</p>"}),
        json.dumps({"id": "bad-url", "text": STORY, "url": 5}),
        json.dumps({"id": "two", "html": "<p>The council met.</p>", "url": "https://x.example"}),
        json.dumps({"text": STORY}),
        json.dumps({"id": "one", "text": STORY}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(iter_inputs([str(path)]))
    items = _items(results)
    assert [item.id for item in items] == ["one", "two", "batch-9", "one-2"]
    assert (items[0].published, items[0].outlet, items[0].where) == (
        "2013-07-26",
        "X",
        f"{path}:line 1",
    )
    assert items[1].raw == "<p>The council met.</p>" and items[1].url == "https://x.example"
    assert [e.where for e in _errors(results)] == [f"{path}:line {n}" for n in (3, 4, 5, 6, 7)]


@pytest.mark.parametrize(
    ("stream", "expected"),
    [
        (io.BytesIO(STORY.encode("utf-16")), STORY),
        (io.BytesIO(b"one\r\ntwo"), "one\ntwo"),
        (io.StringIO("plain text\r\n"), "plain text\n"),
    ],
    ids=["bytes-utf16", "bytes-crlf", "text"],
)
def test_iter_inputs_stdin(stream: TextIO | BinaryIO, expected: str) -> None:
    (item,) = list(iter_inputs(["-"], stdin=stream))
    assert item == InputItem(id="stdin", where="<stdin>", raw=expected)


@pytest.mark.parametrize("stream", [io.BytesIO(b""), io.StringIO(" \n")], ids=["bytes", "text"])
def test_iter_inputs_empty_stdin_is_yielded(stream: TextIO | BinaryIO) -> None:
    (error,) = list(iter_inputs(["-"], stdin=stream))
    assert isinstance(error, InputError) and error.where == "<stdin>"


def test_iter_inputs_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    (error,) = list(iter_inputs([str(path)]))
    assert isinstance(error, InputError) and "MB" in error.message


def test_iter_inputs_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    results = iter_inputs([str(tmp_path)])
    first = next(results)
    (tmp_path / "b.txt").write_text("Changed after the first item.", encoding="utf-8")
    second = next(results)
    assert isinstance(first, InputItem) and isinstance(second, InputItem)
    assert second.raw == "Changed after the first item."
