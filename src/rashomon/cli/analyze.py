"""``rashomon analyze``: read articles, analyse them, write reports, ``rashomon/1`` JSON or events.

The command is thin: inputs come from ``rashomon.read.iter_inputs``, articles from
``article_of``, analyses from one ``Analyzer``; this module only wires them together, keeps a
batch going past bad articles, and hands each result to a writer from ``_util``.

Articles are parsed in batches with ``Analyzer.analyze_many`` so that spaCy can batch the
parsing. If anything goes wrong in a batch, that batch is redone one article at a time, so a
single bad article is reported on its own and the others still come out.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from rashomon.cli._util import (
    BatchProgress,
    EventsTsvWriter,
    JsonLinesWriter,
    JsonWriter,
    MinConfidence,
    OutputFormat,
    TextWriter,
    Writer,
    check_date,
    configure_logging,
    print_error,
)
from rashomon.errors import InputError, ModelError, RashomonError
from rashomon.model import Analysis, Article
from rashomon.pipeline import Analyzer
from rashomon.read import InputItem, article_of, iter_inputs

__all__ = ["BATCH_SIZE", "PIPE_WIDTH", "analyze"]

logger = logging.getLogger(__name__)

#: Articles parsed together by spaCy.
BATCH_SIZE = 16
#: The width of a text report written to a file or pipe.
PIPE_WIDTH = 160


class _Batch:
    """One run of the command: its error console, its ``--debug`` flag and its failures."""

    def __init__(self, errors: Console, progress: BatchProgress, *, debug: bool) -> None:
        self.errors = errors
        self.progress = progress
        self.debug = debug
        self.failures = 0

    def fail(self, error: RashomonError) -> None:
        """Report an error the user can fix (``str(error)`` already names where)."""
        if isinstance(error, ModelError):
            # Without a model nothing can be analysed: stop instead of failing every article.
            raise error
        self.failures += 1
        self.progress.advance()
        print_error(self.errors, str(error))

    def crash(self, where: str, error: Exception) -> None:
        """Report a bug on one article and go on, or re-raise it under ``--debug``."""
        if self.debug:
            raise error
        logger.debug("internal error on %s", where, exc_info=error)
        self.failures += 1
        self.progress.advance()
        print_error(self.errors, f"{where}: internal error: {type(error).__name__}: {error}")


def _articles(
    items: Iterable[InputItem | InputError],
    batch: _Batch,
    writer: Writer,
    published: str | None,
) -> Iterator[tuple[Article, str]]:
    """Each readable input as an article with the name to use in its errors."""
    for item in items:
        writer.note_input()
        if isinstance(item, InputError):
            batch.fail(item)
            continue
        try:
            article = article_of(item, published)
        except RashomonError as error:
            batch.fail(error)
            continue
        except Exception as error:
            batch.crash(item.where, error)
            continue
        yield article, item.where


def _chunks(
    articles: Iterator[tuple[Article, str]], size: int
) -> Iterator[list[tuple[Article, str]]]:
    """The articles in lists of ``size`` (the last one shorter)."""
    chunk: list[tuple[Article, str]] = []
    for entry in articles:
        chunk.append(entry)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _analyse(
    analyzer: Analyzer, chunk: list[tuple[Article, str]], batch: _Batch
) -> Iterator[Analysis]:
    """The analyses of one chunk: batched when all goes well, else one article at a time."""
    try:
        analyses = list(analyzer.analyze_many([article for article, _ in chunk], len(chunk)))
    except Exception:
        # Some article in the chunk failed; redo them singly to know which one.
        logger.debug("a batch of %d articles failed; analysing them one by one", len(chunk))
    else:
        # Yielded outside the ``try``: an error while writing is not the batch's fault.
        yield from analyses
        return
    for article, where in chunk:
        try:
            analysis = analyzer.analyze_article(article)
        except RashomonError as error:
            if error.where is None:
                error.where = where
            batch.fail(error)
            continue
        except Exception as error:
            batch.crash(where, error)
            continue
        yield analysis


def _report_console() -> Console:
    """The stdout console for text reports: the terminal's width, or a roomy one for a file.

    Rich would lay a report written to a pipe or file out at 80 columns, which crushes the
    table; ``COLUMNS`` still wins when it is set.
    """
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return Console()
    return Console(width=PIPE_WIDTH)


def _writer(output_format: OutputFormat, console: Console) -> Writer:
    if output_format is OutputFormat.json:
        return JsonWriter()
    if output_format is OutputFormat.jsonl:
        return JsonLinesWriter()
    if output_format is OutputFormat.events_tsv:
        return EventsTsvWriter()
    return TextWriter(console)


def _analyzer(dictionaries: Path | None, prefix: str | None, min_confidence: float) -> Analyzer:
    """The analyzer, coding events with the user's dictionaries when they gave any."""
    if dictionaries is None and prefix is None:
        return Analyzer(min_confidence=min_confidence)
    return Analyzer(
        dictionaries=dictionaries, dictionary_prefix=prefix, min_confidence=min_confidence
    )


def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Articles: plain-text or HTML files, folders (read recursively), .jsonl "
            "files (one article per line: id, text or html, and optional published, url, "
            "outlet), or - for stdin.",
            show_default=False,
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date for articles that do not give their own; it anchors "
            'relative dates ("said on Thursday").',
            callback=check_date,
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text: a readable report per article; json: one rashomon/1 document (a "
            "JSON array when the inputs name several articles); jsonl: one compact document "
            "per line; events-tsv: one coded event per line, PETRARCH/Phoenix-style "
            "tab-separated columns under a header line. Default: text when stdout is a "
            "terminal, else jsonl.",
            show_default=False,
        ),
    ] = None,
    dictionaries: Annotated[
        Path | None,
        typer.Option(
            "--dictionaries",
            metavar="PATH",
            help="Code events with your PETRARCH dictionaries instead of the built-in verb "
            "lexicon: a folder holding one set (verbs, actors, agents, optional discards), "
            "or a PETRARCH config file naming them.",
            show_default=False,
        ),
    ] = None,
    dictionary_prefix: Annotated[
        str | None,
        typer.Option(
            "--dictionary-prefix",
            metavar="PREFIX",
            help="With a --dictionaries folder holding several sets, use the files whose "
            "names start with this (PETR.Validate for PETRARCH's unit-test dictionaries).",
            show_default=False,
        ),
    ] = None,
    min_confidence: MinConfidence = 0.0,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Stop with a traceback on an internal error."),
    ] = False,
    verbose: Annotated[
        int,
        typer.Option(
            "--verbose",
            "-v",
            count=True,
            show_default=False,
            help="Log to stderr: -v for INFO, -vv for DEBUG.",
        ),
    ] = 0,
) -> None:
    """Find who said what, who denies what, and where each article comes from.

    Data goes to stdout; errors and progress go to stderr.
    A bad input prints one line, "error: <file>: <message>", and the rest go on.
    Exit code: 0 when every article was analysed, 1 when any failed (or when the model or
    the --dictionaries cannot be loaded, before anything is read).
    """
    configure_logging(verbose)
    chosen = output_format or (OutputFormat.text if sys.stdout.isatty() else OutputFormat.jsonl)
    errors = Console(stderr=True)
    writer = _writer(chosen, _report_console())
    # A live bar on stderr would overwrite text reports printed to the same terminal.
    show_progress = not (chosen is OutputFormat.text and sys.stdout.isatty())
    try:
        analyzer = _analyzer(dictionaries, dictionary_prefix, min_confidence)
    except RashomonError as error:
        # No model, or dictionaries that cannot be read: nothing can be analysed.
        print_error(errors, str(error))
        raise typer.Exit(1) from None
    with BatchProgress(errors, enabled=show_progress) as progress:
        batch = _Batch(errors, progress, debug=debug)
        try:
            stdin = sys.stdin.buffer if "-" in paths else None
            _run(analyzer, iter_inputs(paths, stdin=stdin), batch, writer, published)
        except ModelError as error:
            print_error(errors, str(error))
            raise typer.Exit(1) from None
        finally:
            writer.close()
    if batch.failures:
        logger.info("%d input(s) failed", batch.failures)
    raise typer.Exit(1 if batch.failures else 0)


def _run(
    analyzer: Analyzer,
    items: Iterable[InputItem | InputError],
    batch: _Batch,
    writer: Writer,
    published: str | None,
) -> None:
    """Analyse every input and write each analysis as soon as its chunk is done."""
    articles = _articles(items, batch, writer, published)
    for chunk in _chunks(articles, BATCH_SIZE):
        for analysis in _analyse(analyzer, chunk, batch):
            writer.write(analysis)
            batch.progress.advance()
