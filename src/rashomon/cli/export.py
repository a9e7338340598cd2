"""``rashomon export``: the corpus store out as files for analysts.

``jsonl``, ``csv`` and ``parquet`` write one file per table into a folder
(``rashomon-export/`` by default); ``events-tsv`` writes every coded event in the columns of
``rashomon analyze --format events-tsv``, to a file or to stdout. The command only reads the
store (it never creates or migrates one) and reports one line per table on stderr.
"""

from __future__ import annotations

import enum
import io
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rashomon.cli._util import Verbosity, configure_logging, print_error
from rashomon.cli.corpus import Db
from rashomon.errors import RashomonError
from rashomon.export.tables import TableFormat, export_events_tsv, export_tables
from rashomon.store import Store

__all__ = ["DEFAULT_FOLDER", "ExportFormat", "export"]

#: Where the table formats write when no ``--output`` is given.
DEFAULT_FOLDER = Path("rashomon-export")


class ExportFormat(enum.StrEnum):
    """What ``rashomon export --format`` accepts."""

    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    events_tsv = "events-tsv"


_TABLE_FORMATS: dict[ExportFormat, TableFormat] = {
    ExportFormat.jsonl: "jsonl",
    ExportFormat.csv: "csv",
    ExportFormat.parquet: "parquet",
}


def _open(db: str | None, errors: Console) -> Store:
    try:
        return Store.open(db)
    except RashomonError as error:
        print_error(errors, str(error))
        raise typer.Exit(2) from None


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush finds no broken pipe."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def export(
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="jsonl, csv or parquet: one file per table (articles, sightings, origins, "
            "entities, attributions, claims, claim_positions, events); events-tsv: one coded "
            "event per line, as `rashomon analyze --format events-tsv` writes them.",
            show_default=False,
        ),
    ],
    db: Db = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR_OR_FILE",
            help="The folder for the tables (default: rashomon-export, created), or the file "
            "for events-tsv (default: stdout).",
            show_default=False,
        ),
    ] = None,
    verbose: Verbosity = 0,
) -> None:
    """Export the store for analysts: tables as JSON Lines, CSV or Parquet, or events as TSV.

    Files are written under a temporary name and renamed when complete.
    A failed export leaves no half file; one line per table goes to stderr.
    Exit code: 0 when done, 1 when a file cannot be written, 2 when the store cannot be opened.
    """
    configure_logging(verbose)
    errors = Console(stderr=True)
    store = _open(db, errors)
    try:
        if output_format is ExportFormat.events_tsv:
            if output is None or str(output) == "-":
                where = "stdout"
                try:
                    rows = export_events_tsv(store, sys.stdout)
                    sys.stdout.flush()
                except BrokenPipeError:
                    # The reader stopped early (`| head`): nothing went wrong here.
                    _silence_stdout()
                    raise typer.Exit(0) from None
            else:
                rows = export_events_tsv(store, output)
                where = str(output)
            errors.print(f"events: {rows} rows → {where}", highlight=False, soft_wrap=True)
            return
        folder = output or DEFAULT_FOLDER
        counts = export_tables(store, folder, _TABLE_FORMATS[output_format])
    except OSError as error:
        failed = error.filename or output or DEFAULT_FOLDER
        print_error(errors, f"{failed}: {error.strerror or error}")
        raise typer.Exit(1) from None
    finally:
        store.close()
    for table, rows in counts.items():
        errors.print(
            f"{table}: {rows} rows → {folder / f'{table}.{output_format.value}'}",
            highlight=False,
            soft_wrap=True,
        )
