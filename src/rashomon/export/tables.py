"""The corpus store out as files for analysts: one file per table, or one events TSV.

``export_tables`` writes the analyst-facing tables (``TABLES``) as JSON Lines, CSV or Parquet,
with the store's column names plus a few readable joins (an article's name next to its
``article_id``, the claim's text next to each position on it), so that a table can be read on
its own. The store's internal index tables (``article_bands``, ``claim_terms``) stay out, and
so do the bulky or binary columns (``articles.document``, ``articles.fingerprint``,
``claims.embedding``); ``articles.text`` stays in.

Rows are streamed from the database in chunks of ``CHUNK_ROWS`` and written as they come, so
memory stays flat however large the store. Every file is written under a temporary name and
renamed only once every table is complete, so a failed export leaves no half file behind (and
an earlier export in the same folder untouched).

``export_events_tsv`` writes the same rows as ``rashomon analyze --format events-tsv``, from
each stored article's ``rashomon/1`` document.
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, TextIO

from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, Select, String, select
from sqlalchemy.types import TypeEngine

from rashomon.export.events_tsv import write_events_tsv
from rashomon.model import Analysis
from rashomon.store.database import Store
from rashomon.store.schema import (
    ArticleRow,
    AttributionRow,
    Base,
    ClaimPositionRow,
    ClaimRow,
    EntityRow,
    EventRow,
    OriginRow,
    SightingRow,
)

__all__ = [
    "CHUNK_ROWS",
    "TABLES",
    "TableFormat",
    "export_events_tsv",
    "export_tables",
    "stored_analyses",
    "table_columns",
]

logger = logging.getLogger(__name__)

TableFormat = Literal["jsonl", "csv", "parquet"]

#: The tables ``export_tables`` writes, in the order it writes them.
TABLES: tuple[str, ...] = (
    "articles",
    "sightings",
    "origins",
    "entities",
    "attributions",
    "claims",
    "claim_positions",
    "events",
)

#: Rows fetched from the database (and written) at a time.
CHUNK_ROWS = 1000
#: Stored documents fetched at a time for ``events-tsv``: each holds a whole article.
_CHUNK_DOCUMENTS = 100
#: A Parquet row group is written once it holds this many rows or bytes, whichever is first:
#: big enough for efficient reading, small enough that memory stays bounded.
_ROW_GROUP_ROWS = 64 * 1024
_ROW_GROUP_BYTES = 64 * 1024 * 1024

_FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

Kind = Literal["int", "float", "bool", "str", "json", "datetime"]


@dataclass(frozen=True)
class _Column:
    """One exported column: its name and how its values are written."""

    name: str
    kind: Kind


def _kind(type_: TypeEngine[Any]) -> Kind:
    """How a column of this SQLAlchemy type is written.

    Raises:
        TypeError: a type with no mapping (a new binary column, say): it must be left out of
            the export or given a mapping here, not written as something unreadable.
    """
    # Boolean before Integer: some dialects build booleans on integers.
    if isinstance(type_, Boolean):
        return "bool"
    if isinstance(type_, Integer):
        return "int"
    if isinstance(type_, Float):
        return "float"
    if isinstance(type_, DateTime):
        return "datetime"
    if isinstance(type_, JSON):
        return "json"
    if isinstance(type_, String):
        return "str"
    raise TypeError(f"no export mapping for the column type {type_!r}")


def _own(row: type[Base], *, leave_out: Sequence[str] = ()) -> list[Any]:
    """The columns of a table, in schema order, less those left out."""
    return [column for column in row.__table__.columns if column.name not in leave_out]


def _query(table: str) -> Select[Any]:
    """The rows of one exported table, with their readable joins, in primary-key order."""
    article_name = ArticleRow.name.label("article_name")
    if table == "articles":
        return (
            select(
                *_own(ArticleRow, leave_out=("fingerprint", "document")),
                OriginRow.outlet.label("origin_outlet"),
            )
            .join(OriginRow, ArticleRow.origin_id == OriginRow.id)
            .order_by(ArticleRow.id)
        )
    if table == "sightings":
        return (
            select(*_own(SightingRow), article_name)
            .join(ArticleRow, SightingRow.article_id == ArticleRow.id)
            .order_by(SightingRow.id)
        )
    if table == "origins":
        return select(*_own(OriginRow)).order_by(OriginRow.id)
    if table == "entities":
        return (
            select(*_own(EntityRow), article_name)
            .join(ArticleRow, EntityRow.article_id == ArticleRow.id)
            .order_by(EntityRow.id)
        )
    if table == "attributions":
        return (
            select(*_own(AttributionRow), article_name, EntityRow.name.label("entity_name"))
            .join(ArticleRow, AttributionRow.article_id == ArticleRow.id)
            .outerjoin(EntityRow, AttributionRow.entity_id == EntityRow.id)
            .order_by(AttributionRow.id)
        )
    if table == "claims":
        return select(*_own(ClaimRow, leave_out=("embedding",))).order_by(ClaimRow.id)
    if table == "claim_positions":
        return (
            select(
                *_own(ClaimPositionRow),
                ClaimRow.text.label("claim_text"),
                article_name,
                ArticleRow.outlet,
                ArticleRow.origin_id,
            )
            .join(ClaimRow, ClaimPositionRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ClaimPositionRow.article_id == ArticleRow.id)
            .order_by(ClaimPositionRow.id)
        )
    if table == "events":
        return (
            select(*_own(EventRow), article_name)
            .join(ArticleRow, EventRow.article_id == ArticleRow.id)
            .order_by(EventRow.id)
        )
    raise ValueError(f"no exported table {table!r} (one of {', '.join(TABLES)})")


def _columns(query: Select[Any]) -> list[_Column]:
    return [_Column(column.name, _kind(column.type)) for column in query.selected_columns]


def table_columns(table: str) -> list[str]:
    """The column names of one exported table, in the order its files have them.

    Args:
        table: one of ``TABLES``.

    Returns:
        The names: the store's columns, then the joined ones (``article_name``, …).
    """
    return [column.name for column in _columns(_query(table))]


# -- values -----------------------------------------------------------------------------------


def _json_text(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _iso(value: datetime | None) -> str | None:
    """An ISO 8601 timestamp; the store keeps UTC without a zone, so the zone is added."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.isoformat()


# -- writers, one per format ------------------------------------------------------------------


class _TableWriter(Protocol):
    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        """Write a chunk of rows, values in column order."""

    def close(self) -> None:
        """Finish the file."""


class _JsonLinesWriter:
    """One JSON object per line; JSON columns stay nested, timestamps are ISO strings."""

    def __init__(self, path: Path, columns: list[_Column]) -> None:
        self._stream = path.open("w", encoding="utf-8", newline="\n")
        self._names = [column.name for column in columns]
        self._datetimes = [column.kind == "datetime" for column in columns]

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        for row in rows:
            values = [
                _iso(value) if is_datetime else value
                for value, is_datetime in zip(row, self._datetimes, strict=True)
            ]
            self._stream.write(
                json.dumps(dict(zip(self._names, values, strict=True)), ensure_ascii=False)
            )
            self._stream.write("\n")

    def close(self) -> None:
        self._stream.close()


def _csv_cell(value: Any, kind: Kind) -> Any:
    if value is None:
        return ""
    if kind == "json":
        return _json_text(value)
    if kind == "bool":
        return "true" if value else "false"
    if kind == "datetime":
        return _iso(value)
    return value


class _CsvWriter:
    """A header line, then one line per row (the csv module quotes what needs quoting).

    ``None`` is an empty cell, booleans are ``true``/``false`` (as in events TSV), JSON columns
    are JSON text and timestamps ISO strings.
    """

    def __init__(self, path: Path, columns: list[_Column]) -> None:
        self._stream = path.open("w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._stream)
        self._kinds = [column.kind for column in columns]
        self._writer.writerow([column.name for column in columns])

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        self._writer.writerows(
            [_csv_cell(value, kind) for value, kind in zip(row, self._kinds, strict=True)]
            for row in rows
        )

    def close(self) -> None:
        self._stream.close()


class _ParquetWriter:
    """Parquet with one schema per table, from the column types; JSON columns as JSON text.

    Chunks are gathered into row groups of up to ``_ROW_GROUP_ROWS`` rows (or
    ``_ROW_GROUP_BYTES``), so the file reads efficiently and memory stays bounded.
    """

    def __init__(self, path: Path, columns: list[_Column]) -> None:
        # pyarrow is imported here only: it is slow to import, and only Parquet needs it.
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        types = {
            "int": pa.int64(),
            "float": pa.float64(),
            "bool": pa.bool_(),
            "str": pa.string(),
            "json": pa.string(),
            "datetime": pa.timestamp("us", tz="UTC"),
        }
        self._kinds = [column.kind for column in columns]
        self._schema = pa.schema([pa.field(column.name, types[column.kind]) for column in columns])
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._pending: list[Any] = []
        self._pending_rows = 0
        self._pending_bytes = 0

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        arrays = []
        for index, (kind, field) in enumerate(zip(self._kinds, self._schema, strict=True)):
            values = [row[index] for row in rows]
            if kind == "json":
                values = [_json_text(value) for value in values]
            arrays.append(self._pa.array(values, type=field.type))
        batch = self._pa.RecordBatch.from_arrays(arrays, schema=self._schema)
        self._pending.append(batch)
        self._pending_rows += batch.num_rows
        self._pending_bytes += batch.nbytes
        if self._pending_rows >= _ROW_GROUP_ROWS or self._pending_bytes >= _ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            table = self._pa.Table.from_batches(self._pending, schema=self._schema)
            self._writer.write_table(table, row_group_size=max(self._pending_rows, 1))
        self._pending = []
        self._pending_rows = 0
        self._pending_bytes = 0

    def close(self) -> None:
        try:
            self._flush()
        finally:
            self._writer.close()


def _table_writer(fmt: TableFormat, path: Path, columns: list[_Column]) -> _TableWriter:
    if fmt == "jsonl":
        return _JsonLinesWriter(path, columns)
    if fmt == "csv":
        return _CsvWriter(path, columns)
    if fmt == "parquet":
        return _ParquetWriter(path, columns)
    raise ValueError(f"no table format {fmt!r} (jsonl, csv or parquet)")


# -- the exports ------------------------------------------------------------------------------


def _partial(path: Path) -> Path:
    """The temporary name a file is written under, beside its final name."""
    return path.with_name(f".{path.name}.partial")


def _write_table(store: Store, table: str, fmt: TableFormat, path: Path) -> int:
    query = _query(table)
    writer = _table_writer(fmt, path, _columns(query))
    written = 0
    try:
        with store.session() as session:
            result = session.execute(query.execution_options(yield_per=CHUNK_ROWS))
            for chunk in result.partitions():
                writer.write(chunk)
                written += len(chunk)
    finally:
        writer.close()
    return written


def export_tables(store: Store, folder: Path, fmt: TableFormat) -> dict[str, int]:
    """Write each table of ``TABLES`` to ``folder/<table>.<fmt>``.

    The folder is created if need be; files of an earlier export there are replaced, but only
    once every table of this one is written.

    Args:
        store: an open store (``Store.open(url)``).
        folder: where the files go.
        fmt: ``jsonl`` (one object per row; JSON columns nested), ``csv`` (a header line;
            JSON columns as JSON text) or ``parquet`` (typed columns; JSON columns as JSON
            text, timestamps in UTC).

    Returns:
        The rows written, by table name, in ``TABLES`` order.

    Raises:
        OSError: the folder or a file cannot be written (no file of this export is left).
    """
    if fmt not in _FORMATS:
        raise ValueError(f"no table format {fmt!r} (jsonl, csv or parquet)")
    folder.mkdir(parents=True, exist_ok=True)
    finals = {table: folder / f"{table}.{fmt}" for table in TABLES}
    counts: dict[str, int] = {}
    try:
        for table, final in finals.items():
            counts[table] = _write_table(store, table, fmt, _partial(final))
            logger.info("%s: %d rows", table, counts[table])
    except BaseException:
        for final in finals.values():
            _partial(final).unlink(missing_ok=True)
        raise
    for final in finals.values():
        os.replace(_partial(final), final)
    return counts


def stored_analyses(store: Store) -> Iterator[Analysis]:
    """Each stored article's analysis, rebuilt from its ``rashomon/1`` document, in ingest order.

    Documents are fetched a few at a time, so a large store is streamed.
    """
    query = select(ArticleRow.document).order_by(ArticleRow.id)
    with store.session() as session:
        for document in session.scalars(query.execution_options(yield_per=_CHUNK_DOCUMENTS)):
            yield Analysis.from_dict(json.loads(document))


def export_events_tsv(store: Store, destination: Path | TextIO) -> int:
    """Write every stored event as ``rashomon analyze --format events-tsv`` writes it.

    Args:
        store: an open store.
        destination: a file path (written under a temporary name, then renamed; its folder
            is created if need be) or an open text stream (standard output, say).

    Returns:
        The number of event rows written (the header not counted).

    Raises:
        OSError: the file cannot be written (no half file is left).
    """
    if not isinstance(destination, Path):
        return write_events_tsv(stored_analyses(store), destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial(destination)
    try:
        with partial.open("w", encoding="utf-8", newline="\n") as stream:
            written = write_events_tsv(stored_analyses(store), stream)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, destination)
    return written
