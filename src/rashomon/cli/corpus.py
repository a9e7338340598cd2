"""The corpus commands: ``ingest``, ``status``, ``claims``, ``who``, ``contradictions``.

They share one option, ``--db URL`` (``rashomon.db`` in the working folder by default, or
``sqlite:///path``, or ``postgresql://…``), and one rule: a command that only reads never
creates or migrates a store. Tables are for people; ``--format json`` prints the same rows as
the store's query functions return them.
"""

from __future__ import annotations

import enum
import json
import logging
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from rashomon.cli._util import (
    MinConfidence,
    Verbosity,
    check_date,
    configure_logging,
    print_error,
)
from rashomon.errors import RashomonError
from rashomon.ingest import IngestSummary, ingest, make_executor
from rashomon.link.embeddings import load_encoder
from rashomon.store import Store, queries
from rashomon.store.queries import LedgerClaim, Statement

__all__ = ["claims", "contradictions", "ingest_command", "status", "who"]

logger = logging.getLogger(__name__)


class TableFormat(enum.StrEnum):
    """What ``--format`` accepts on the corpus commands."""

    text = "text"
    json = "json"


Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        metavar="URL",
        help="The store: a SQLite file path or URL (default: rashomon.db here), or "
        "postgresql://user@host/db.",
        show_default=False,
    ),
]
Format = Annotated[
    TableFormat,
    typer.Option("--format", "-f", help="text: tables for a person; json: for machines."),
]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many.")]


def _open(db: str | None, *, write: bool = False) -> Store:
    try:
        return Store.open(db, write=write)
    except RashomonError as error:
        print_error(Console(stderr=True), str(error))
        raise typer.Exit(2) from None


def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Articles: text or HTML files, folders, .jsonl files, RSS/Atom feeds, WARC "
            "archives.",
            show_default=False,
        ),
    ],
    db: Db = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Analyse on this many processes.")
    ] = 1,
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            callback=check_date,
            help="The publication date of articles that give none.",
        ),
    ] = None,
    dictionaries: Annotated[
        Path | None,
        typer.Option(help="Code events with these PETRARCH dictionaries (folder or config)."),
    ] = None,
    embeddings: Annotated[
        bool,
        typer.Option(
            "--embeddings",
            help="Also group claims by sentence embeddings (needs rashomon[embeddings]).",
        ),
    ] = False,
    output_format: Format = TableFormat.text,
    verbose: Verbosity = 0,
) -> None:
    """Analyse articles and store them: idempotent, one transaction per article."""
    configure_logging(verbose)
    errors = Console(stderr=True)
    encoder = None
    if embeddings:
        try:
            encoder = load_encoder()
        except RashomonError as error:
            print_error(errors, str(error))
            raise typer.Exit(2) from None
    store = _open(db, write=True)
    started = time.perf_counter()
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(),
        TextColumn("{task.completed} articles"),
        TextColumn("{task.fields[rate]}", style="cyan"),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
        disable=not errors.is_terminal,
    )
    task = progress.add_task("ingest", total=None, rate="")

    def on_article(where: str, what: str) -> None:
        done = progress.tasks[0].completed + 1
        rate = done / max(time.perf_counter() - started, 1e-9)
        progress.update(task, completed=done, rate=f"{rate:.1f} articles/s")

    try:
        with progress:
            executor = make_executor(
                workers, dictionaries=str(dictionaries) if dictionaries else None
            )
            try:
                summary = ingest(
                    paths,
                    store,
                    executor,
                    published=published,
                    on_article=on_article,
                    encoder=encoder,
                )
            finally:
                executor.close()
    except RashomonError as error:
        print_error(errors, str(error))
        raise typer.Exit(2) from None
    finally:
        store.close()
    elapsed = time.perf_counter() - started
    if output_format is TableFormat.json:
        typer.echo(json.dumps({**summary.to_dict(), "seconds": round(elapsed, 2)}, indent=2))
    else:
        _print_summary(errors, summary, elapsed)
    if summary.failed:
        raise typer.Exit(1)


def _print_summary(console: Console, summary: IngestSummary, elapsed: float) -> None:
    for where, reason in summary.failed:
        print_error(console, f"{where}: {reason}")
    analysed = summary.new + len(summary.failed)
    rate = f", {analysed / elapsed:.1f} articles/s" if elapsed > 0 and analysed else ""
    console.print(
        f"read {summary.read}: {summary.new} new ({summary.republications} republications), "
        f"{summary.duplicates} duplicates, {summary.seen} already stored, "
        f"{len(summary.failed)} failed — {elapsed:.1f} s{rate}",
        highlight=False,
    )


def status(db: Db = None, output_format: Format = TableFormat.text) -> None:
    """Say what the store holds."""
    store = _open(db)
    try:
        counts = queries.status(store)
    finally:
        store.close()
    if output_format is TableFormat.json:
        typer.echo(json.dumps(counts, indent=2))
        return
    table = Table("", "count", title=f"rashomon store: {store.url}", title_justify="left")
    for name, count in counts.items():
        table.add_row(name.replace("_", " "), str(count))
    Console().print(table)


def _sides(claim: LedgerClaim) -> tuple[str, str]:
    def side(stance: str) -> str:
        positions = claim.asserted_by if stance == "assert" else claim.denied_by
        names: list[str] = []
        for position in positions:
            name = position.speaker or ("the outlet" if position.outlet_voice else "unnamed")
            if position.outlet_voice and position.outlet:
                name = f"{position.outlet} (own voice)"
            if name not in names:
                names.append(name)
        articles, origins = claim.support(stance)
        if not positions:
            return "—"
        return f"{escape('; '.join(names[:6]))}\n[dim]{articles} articles, {origins} origins[/]"

    return side("assert"), side("deny")


def _claims_table(title: str, found: list[LedgerClaim]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("claim", ratio=3)
    table.add_column("asserted by", ratio=2)
    table.add_column("denied by", ratio=2)
    table.add_column("seen")
    for claim in found:
        asserting, denying = _sides(claim)
        seen = claim.first_seen or ""
        if claim.last_seen and claim.last_seen != claim.first_seen:
            seen = f"{seen} – {claim.last_seen}"
        table.add_row(str(claim.id), escape(claim.text), asserting, denying, seen)
    return table


def _print_claims(title: str, found: list[LedgerClaim], output_format: TableFormat) -> None:
    if output_format is TableFormat.json:
        typer.echo(json.dumps([claim.to_dict() for claim in found], indent=2, ensure_ascii=False))
        return
    console = Console()
    if not found:
        console.print(f"{title}: none")
        return
    console.print(_claims_table(title, found))


def claims(
    about: Annotated[
        str | None, typer.Option("--about", help="Only claims whose text contains this.")
    ] = None,
    contested: Annotated[
        bool, typer.Option("--contested", help="Only claims asserted by some, denied by others.")
    ] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since", metavar="YYYY-MM-DD", callback=check_date, help="Only claims seen since."
        ),
    ] = None,
    limit: Limit = 50,
    min_confidence: MinConfidence = 0.0,
    db: Db = None,
    output_format: Format = TableFormat.text,
) -> None:
    """The claim ledger: each claim with who asserts it and who denies it, across articles."""
    store = _open(db)
    try:
        found = queries.claims(
            store,
            about=about,
            contested=contested,
            since=since,
            limit=limit,
            min_confidence=min_confidence,
        )
    finally:
        store.close()
    _print_claims("claims", found, output_format)


def contradictions(
    limit: Limit = 50,
    min_confidence: MinConfidence = 0.0,
    db: Db = None,
    output_format: Format = TableFormat.text,
) -> None:
    """Claims asserted by some and denied by others, strongest first (by independent origins)."""
    store = _open(db)
    try:
        found = queries.contradictions(store, limit=limit, min_confidence=min_confidence)
    finally:
        store.close()
    _print_claims("contradictions", found, output_format)


def _statements_table(title: str, statements: tuple[Statement, ...]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("speaker")
    table.add_column("says", ratio=3)
    table.add_column("article")
    table.add_column("date")
    for item in statements:
        cue = f"[red]{escape(item.cue)}[/]" if item.polarity == "deny" else escape(item.cue)
        table.add_row(
            escape(item.speaker or "—"),
            f"{cue}: {escape(item.content)}",
            escape(f"{item.article} ({item.outlet})" if item.outlet else item.article),
            item.date or "",
        )
    return table


def who(
    name: Annotated[str, typer.Argument(help="A name, or part of one (case-insensitive).")],
    limit: Limit = 200,
    min_confidence: MinConfidence = 0.0,
    db: Db = None,
    output_format: Format = TableFormat.text,
) -> None:
    """Every statement by an entity, and every statement about it."""
    store = _open(db)
    try:
        report = queries.who(store, name, limit=limit, min_confidence=min_confidence)
    finally:
        store.close()
    if output_format is TableFormat.json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    console = Console()
    if report.entities:
        console.print(f"entities named like {name!r}: " + "; ".join(report.entities))
    console.print(_statements_table(f"statements by {name}", report.by))
    console.print(_statements_table(f"statements about {name}", report.about))
