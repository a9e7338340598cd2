"""``export_tables`` and ``export_events_tsv`` on a small store ingested from articles we write."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select

from rashomon.errors import RashomonError
from rashomon.export import tables
from rashomon.export.events_tsv import EVENT_COLUMNS, write_events_tsv
from rashomon.export.tables import (
    TABLES,
    TableFormat,
    export_events_tsv,
    export_tables,
    stored_analyses,
    table_columns,
)
from rashomon.ingest import InProcess, ingest
from rashomon.pipeline import Analyzer
from rashomon.read import iter_inputs, to_article
from rashomon.store import Store
from rashomon.store.schema import (
    ArticleRow,
    AttributionRow,
    ClaimPositionRow,
    ClaimRow,
    EntityRow,
    EventRow,
    OriginRow,
    SightingRow,
)

PUBLISHED = "2025-04-04"

# Written for these tests: a denial of what a union leader asserts, with coded events (some
# with a target, some without) and a credit line naming a wire service.
QUARRY = """Clash at the Veld quarry

By Northern Wire

The mining ministry on Tuesday denied reports that soldiers attacked striking workers at the \
Veld quarry.

"No soldier fired a shot," ministry spokeswoman Oona Hale told reporters. "The workers left \
peacefully."

Union leader Tomas Ried said soldiers attacked the picket line on Monday and arrested twelve \
workers. "They beat us with batons," said Ried, who has led the quarry union for a decade.

Protesters marched through the town of Veld on Wednesday.
"""

HARBOUR = """Talks collapse in Port Amsel

The city council of Port Amsel rejected a proposal from the dockworkers' union on Friday, a \
council spokesman said.

Union secretary Lea Brandt said the council had threatened to sack striking dockers. The \
council denied that it threatened anyone.

An unnamed official said the mayor would meet union leaders next week.
"""

ARTICLES = {"quarry-clash": QUARRY, "harbour-talks": HARBOUR}

ROWS: dict[str, Any] = {
    "articles": ArticleRow,
    "sightings": SightingRow,
    "origins": OriginRow,
    "entities": EntityRow,
    "attributions": AttributionRow,
    "claims": ClaimRow,
    "claim_positions": ClaimPositionRow,
    "events": EventRow,
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two articles, one file each, named by their ids."""
    root = tmp_path_factory.mktemp("export-articles")
    for name, text in ARTICLES.items():
        (root / f"{name}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def store(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer
) -> Iterator[Store]:
    """A store holding both articles, the quarry one seen twice (a copy in another folder)."""
    root = tmp_path_factory.mktemp("export-store")
    (root / "mirror").mkdir()
    (root / "mirror" / "quarry-copy.txt").write_text(QUARRY, encoding="utf-8")
    url = f"sqlite:///{root / 'store.db'}"
    with Store.open(url, write=True) as writing:
        summary = ingest(
            [str(folder), str(root / "mirror")],
            writing,
            InProcess(analyzer),
            published=PUBLISHED,
        )
    assert (summary.new, summary.duplicates, summary.failed) == (2, 1, [])
    with Store.open(url) as opened:
        yield opened


def _count(store: Store, table: str) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(ROWS[table])) or 0


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _read_csv(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _read_parquet(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pq.read_table(path).to_pylist()
    return rows


READERS: dict[str, Callable[[Path], list[dict[str, Any]]]] = {
    "jsonl": _read_jsonl,
    "csv": _read_csv,
    "parquet": _read_parquet,
}


def _header(path: Path, fmt: str) -> list[str]:
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as stream:
            return next(csv.reader(stream))
    if fmt == "parquet":
        return list(pq.read_schema(path).names)
    return list(_read_jsonl(path)[0])


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_tables_rows_and_columns_match_the_store(
    store: Store, tmp_path: Path, fmt: TableFormat
) -> None:
    folder = tmp_path / "out"
    counts = export_tables(store, folder, fmt)
    assert list(counts) == list(TABLES)
    assert sorted(path.name for path in folder.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    for table in TABLES:
        stored = _count(store, table)
        assert stored > 0, table
        assert counts[table] == stored, table
        path = folder / f"{table}.{fmt}"
        assert len(READERS[fmt](path)) == stored, table
        assert _header(path, fmt) == table_columns(table), table


@pytest.mark.parametrize(
    ("table", "joined"),
    [
        ("articles", {"origin_outlet"}),
        ("sightings", {"article_name"}),
        ("entities", {"article_name"}),
        ("attributions", {"article_name", "entity_name"}),
        ("claim_positions", {"article_name", "outlet", "origin_id", "claim_text"}),
        ("events", {"article_name"}),
    ],
)
def test_export_tables_columns_are_the_schema_plus_readable_joins(
    table: str, joined: set[str]
) -> None:
    own = [column.name for column in ROWS[table].__table__.columns]
    own = [name for name in own if name not in ("document", "fingerprint", "embedding")]
    assert table_columns(table) == own + [name for name in table_columns(table) if name in joined]
    assert set(table_columns(table)) == set(own) | joined


@pytest.mark.parametrize("table", ["articles", "claims"])
def test_export_tables_leaves_bulky_and_binary_columns_out(table: str) -> None:
    columns = table_columns(table)
    assert not {"document", "fingerprint", "embedding"} & set(columns)
    if table == "articles":
        assert "text" in columns


def _decoded(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize(
    ("table", "row", "column"),
    [("entities", EntityRow, "mentions"), ("claims", ClaimRow, "terms")],
)
def test_export_tables_json_columns_round_trip(
    store: Store, tmp_path: Path, fmt: TableFormat, table: str, row: Any, column: str
) -> None:
    export_tables(store, tmp_path, fmt)
    exported = {
        int(item["id"]): _decoded(item[column])
        for item in READERS[fmt](tmp_path / f"{table}.{fmt}")
    }
    with store.session() as session:
        expected = dict(session.execute(select(row.id, getattr(row, column))).tuples().all())
    assert exported == expected
    assert any(value for value in expected.values())


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_tables_claim_positions_carry_their_article(
    store: Store, tmp_path: Path, fmt: TableFormat
) -> None:
    export_tables(store, tmp_path, fmt)
    with store.session() as session:
        articles = {
            row.id: (row.name, row.origin_id) for row in session.scalars(select(ArticleRow))
        }
    positions = READERS[fmt](tmp_path / f"claim_positions.{fmt}")
    assert {item["article_name"] for item in positions} == set(ARTICLES)
    for item in positions:
        name, origin = articles[int(item["article_id"])]
        assert (item["article_name"], int(item["origin_id"])) == (name, origin)


def test_export_tables_parquet_types_come_from_the_schema(store: Store, tmp_path: Path) -> None:
    export_tables(store, tmp_path, "parquet")
    schema = pq.read_schema(tmp_path / "events.parquet")
    assert schema.field("id").type == pa.int64()
    assert schema.field("goldstein").type == pa.float64()
    assert schema.field("negated").type == pa.bool_()
    assert schema.field("cameo").type == pa.string()
    assert pq.read_schema(tmp_path / "entities.parquet").field("mentions").type == pa.string()
    assert pq.read_schema(tmp_path / "origins.parquet").field("created_at").type == pa.timestamp(
        "us", tz="UTC"
    )


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_tables_text_formats_write_booleans_and_nulls_plainly(
    store: Store, tmp_path: Path, fmt: TableFormat
) -> None:
    export_tables(store, tmp_path, fmt)
    events = READERS[fmt](tmp_path / f"events.{fmt}")
    negated = {item["negated"] for item in events}
    targets = [item["target_text"] for item in events]
    if fmt == "csv":
        assert negated <= {"true", "false"}
        assert "" in targets
    else:
        assert negated <= {True, False}
        assert None in targets


def test_export_tables_streams_in_chunks_and_row_groups(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tables, "CHUNK_ROWS", 3)
    monkeypatch.setattr(tables, "_ROW_GROUP_ROWS", 4)
    counts = export_tables(store, tmp_path, "parquet")
    entities = pq.ParquetFile(tmp_path / "entities.parquet")
    assert entities.metadata.num_rows == counts["entities"] == _count(store, "entities")
    assert entities.num_row_groups == -(-counts["entities"] // 6)  # two chunks per row group
    ids = entities.read(columns=["id"]).column("id").to_pylist()
    assert ids == sorted(ids)


class _Boom(RuntimeError):
    pass


def test_export_tables_failure_leaves_no_half_file(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = tmp_path / "articles.jsonl"
    earlier.write_text("an earlier export\n", encoding="utf-8")
    real = tables._table_writer

    class _FailingWriter:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def write(self, rows: Any) -> None:
            self.inner.write(rows[:1])
            raise _Boom("disk full")

        def close(self) -> None:
            self.inner.close()

    def failing(fmt: TableFormat, path: Path, columns: Any) -> Any:
        writer = real(fmt, path, columns)
        return _FailingWriter(writer) if path.name.startswith(".claims.") else writer

    monkeypatch.setattr(tables, "_table_writer", failing)
    with pytest.raises(_Boom):
        export_tables(store, tmp_path, "jsonl")
    assert [path.name for path in tmp_path.iterdir()] == ["articles.jsonl"]
    assert earlier.read_text(encoding="utf-8") == "an earlier export\n"


def _expected_events_tsv(folder: Path, analyzer: Analyzer) -> str:
    """What ``rashomon analyze FOLDER --published … --format events-tsv`` writes."""
    analyses = []
    for item in iter_inputs([str(folder)]):
        assert not isinstance(item, RashomonError), item
        article = to_article(
            item.raw,
            article_id=item.id,
            published=item.published or PUBLISHED,
            url=item.url,
            outlet=item.outlet,
            where=item.where,
            title=item.title,
        )
        analyses.append(analyzer.analyze_article(article))
    stream = io.StringIO()
    write_events_tsv(analyses, stream)
    return stream.getvalue()


def test_export_events_tsv_matches_analyze(store: Store, folder: Path, analyzer: Analyzer) -> None:
    stream = io.StringIO()
    written = export_events_tsv(store, stream)
    lines = stream.getvalue().splitlines()
    expected = _expected_events_tsv(folder, analyzer).splitlines()
    assert lines[0] == expected[0] == "\t".join(EVENT_COLUMNS)
    assert written == len(lines) - 1 == _count(store, "events")
    # The copy in the mirror folder is stored once, so its events come out once.
    assert sorted(lines[1:]) == sorted(expected[1:])
    targets = [line.split("\t")[EVENT_COLUMNS.index("target_text")] for line in lines[1:]]
    assert "" in targets and any(targets)


def test_export_events_tsv_to_a_file_is_written_whole(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "deep" / "events.tsv"
    written = export_events_tsv(store, path)
    assert written == _count(store, "events")
    assert len(path.read_text(encoding="utf-8").splitlines()) == written + 1
    assert [item.name for item in path.parent.iterdir()] == ["events.tsv"]


def test_stored_analyses_rebuild_each_document(store: Store) -> None:
    analyses = list(stored_analyses(store))
    assert sorted(analysis.article.id for analysis in analyses) == sorted(ARTICLES)
    with store.session() as session:
        documents = session.scalars(select(ArticleRow.document).order_by(ArticleRow.id)).all()
    assert [json.loads(analysis.to_json()) for analysis in analyses] == [
        json.loads(document) for document in documents
    ]
