"""Reading BRAT standoff attribution corpora (PolNeAR layout)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rashomon.errors import InputError
from rashomon.evaluate.brat import GoldAttribution, read_annotations, read_corpus

TEXT = 'The mayor said "we will win," adding that "the vote\nis ours." Sources agreed.\n'
POLNEAR_DEV = Path("/work/shared/data/polnear/dev")


def _at(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _t(number: int, label: str, phrase: str) -> str:
    start, end = _at(phrase)
    return f"T{number}\t{label} {start} {end}\t{phrase}"


def _write(tmp_path: Path, lines: list[str], name: str = "doc.ann") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_annotations_discontinuous_content(tmp_path: Path) -> None:
    first, second = _at('"we will win,"'), _at('"the vote\nis ours."')
    lines = [
        _t(1, "Source", "The mayor"),
        _t(2, "Cue", "said"),
        f"T3\tContent {second[0]} {second[1]};{first[0]} {first[1]}\t" + '"we will win," "the vote',
        'is ours."',
        _t(4, "Attribution", "said"),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    ]
    (attribution,) = read_annotations(_write(tmp_path, lines), TEXT)
    assert attribution == GoldAttribution(
        source=(_at("The mayor"),), cue=(_at("said"),), content=(first, second)
    )


def test_read_annotations_multiline_text_continues_previous_span(tmp_path: Path) -> None:
    content = '"the vote\nis ours."'
    start, end = _at(content)
    lines = [
        f'T1\tContent {start} {end}\t"the vote',
        "",
        'is ours."',
        _t(2, "Cue", "adding"),
        _t(3, "Source", "Sources"),
        _t(4, "Cue", "agreed"),
        "E1\tAttribution-no-source:T2 Cue:T2 Content:T1",
        "E2\tAttribution:T4 Cue:T4 Source:T3 Content:T1",
    ]
    attributions = read_annotations(_write(tmp_path, lines), TEXT)
    assert [a.content for a in attributions] == [((start, end),), ((start, end),)]
    assert attributions[1].source == (_at("Sources"),)


def test_read_annotations_no_source_attribution(tmp_path: Path) -> None:
    lines = [
        _t(1, "Cue", "adding"),
        _t(2, "Content", '"the vote\nis ours."').replace("\n", " "),
        "E1\tAttribution-no-source:T1 Content:T2 Cue:T1 ",
    ]
    (attribution,) = read_annotations(_write(tmp_path, lines), TEXT)
    assert attribution.source == ()
    assert attribution.cue == (_at("adding"),)


def test_read_annotations_ignores_flags_notes_and_relations(tmp_path: Path) -> None:
    lines = [
        _t(1, "Source", "The mayor"),
        _t(2, "Cue", "said"),
        _t(3, "Content", '"we will win,"'),
        _t(4, "Discuss", "Sources agreed."),
        _t(5, "Discard", "agreed"),
        "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3",
        "#1\tAnnotatorNotes T4\tIs this an attribution?",
        "A1\tNegated E1",
        "R1\tSame Arg1:T1 Arg2:T3",
    ]
    attributions = read_annotations(_write(tmp_path, lines), TEXT)
    assert len(attributions) == 1
    assert attributions[0].source == (_at("The mayor"),)


def test_read_annotations_second_content_joins_content(tmp_path: Path) -> None:
    lines = [
        _t(1, "Cue", "said"),
        _t(2, "Content", '"we will win,"'),
        _t(3, "Content", "Sources agreed"),
        "E1\tAttribution-no-source:T1 Cue:T1 Content:T2 Content2:T3",
    ]
    (attribution,) = read_annotations(_write(tmp_path, lines), TEXT)
    assert attribution.content == (_at('"we will win,"'), _at("Sources agreed"))


def test_read_annotations_skips_attribution_without_cue(tmp_path: Path) -> None:
    lines = [_t(1, "Attribution", "said"), "E1\tAttribution-no-source:T1 "]
    assert read_annotations(_write(tmp_path, lines), TEXT) == ()


@pytest.mark.parametrize(
    ("bad_line", "number"),
    [
        ("T9\tSource x y\tThe mayor", 2),
        ("T9\tSource 5\tThe mayor", 2),
        ("T9\tSource 0 9999\tThe mayor", 2),
        ("E9\tAttribution:T1 Cue", 2),
        ("E9\tAttribution:T1 Cue:T1 Content:T77", 2),
    ],
)
def test_read_annotations_malformed_line_names_file_and_line(
    tmp_path: Path, bad_line: str, number: int
) -> None:
    path = _write(tmp_path, [_t(1, "Cue", "said"), bad_line], name="broken.ann")
    with pytest.raises(InputError) as caught:
        read_annotations(path, TEXT)
    assert caught.value.where == f"{path}:{number}"
    assert "broken.ann" in str(caught.value)


def test_read_annotations_stray_line_after_event_is_malformed(tmp_path: Path) -> None:
    lines = [_t(1, "Cue", "said"), "E1\tAttribution-no-source:T1 Cue:T1", "stray words"]
    with pytest.raises(InputError, match=r"broken\.ann:3"):
        read_annotations(_write(tmp_path, lines, name="broken.ann"), TEXT)


def _corpus(root: Path, with_metadata: bool = True) -> Path:
    folder = root / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    for stem in ("nyt_one", "fox_two"):
        (folder / "text" / f"{stem}.txt").write_text(TEXT, encoding="utf-8")
        _write(
            folder / "attributions",
            [
                _t(1, "Cue", "said"),
                _t(2, "Content", "we will win"),
                "E1\tAttribution:T1 Cue:T1 Content:T2",
            ],
            name=f"{stem}.ann",
        )
    if with_metadata:
        (root / "metadata.tsv").write_text(
            "compartment\tfilename\tpublisher\ndev\tnyt_one\tnyt\n", encoding="utf-8"
        )
    return folder


def test_read_corpus_reads_publisher_from_parent_metadata(tmp_path: Path) -> None:
    documents = read_corpus(_corpus(tmp_path))
    assert [(d.id, d.publisher) for d in documents] == [("fox_two", None), ("nyt_one", "nyt")]
    assert all(d.text == TEXT and len(d.attributions) == 1 for d in documents)


def test_read_corpus_missing_annotation_file_is_input_error(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, with_metadata=False)
    (folder / "attributions" / "nyt_one.ann").unlink()
    with pytest.raises(InputError, match="nyt_one"):
        read_corpus(folder)


def test_read_corpus_keeps_carriage_returns_for_offsets(tmp_path: Path) -> None:
    folder = _corpus(tmp_path, with_metadata=False)
    text = "Intro.\r\nThe mayor said yes.\r\n"
    (folder / "text" / "nyt_one.txt").write_bytes(text.encode("utf-8"))
    start = text.index("said")
    lines = [
        f"T1\tCue {start} {start + 4}\tsaid",
        f"T2\tContent {start + 5} {start + 8}\tyes",
        "E1\tAttribution:T1 Cue:T1 Content:T2",
    ]
    _write(folder / "attributions", lines, name="nyt_one.ann")
    document = next(d for d in read_corpus(folder) if d.id == "nyt_one")
    ((content_start, content_end),) = document.attributions[0].content
    assert document.text[content_start:content_end] == "yes"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason="PolNeAR dev data not available here")
def test_read_annotations_real_polnear_spans_match_text() -> None:
    text_paths = sorted((POLNEAR_DEV / "text").glob("*.txt"))[:2]
    assert len(text_paths) == 2
    for text_path in text_paths:
        text = text_path.read_text(encoding="utf-8")
        ann_path = POLNEAR_DEV / "attributions" / f"{text_path.stem}.ann"
        raw = ann_path.read_text(encoding="utf-8")
        # Every text-bound annotation, with its (possibly multi-line) text.
        spans = re.findall(
            r"^T\d+\t\S+ ([\d ;]+)\t(.*?)(?=\n(?:[TEARMN]\d+|#\d*)\t|\Z)", raw, re.M | re.S
        )
        assert spans
        for offsets, words in spans:
            pieces = [tuple(int(n) for n in piece.split()) for piece in offsets.split(";")]
            joined = " ".join(text[start:end] for start, end in pieces)
            assert _squash(joined) == _squash(words)
        attributions = read_annotations(ann_path, text)
        assert attributions
        assert all(a.cue and a.content for a in attributions)
