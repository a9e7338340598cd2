"""Pieces the CLI commands share: logging set-up, output writers, and the progress display.

Data goes to stdout through a writer (one per ``--format``), so that ``json`` and ``jsonl``
stay pipeable; errors, log lines and progress go to stderr. Consoles are created per command
run and never hold a stream of their own: Rich then writes to whatever ``sys.stdout`` or
``sys.stderr`` is at that moment (which is what lets tests capture them).
"""

from __future__ import annotations

import datetime
import enum
import logging
import sys
import textwrap
from types import TracebackType
from typing import Annotated, Protocol

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.rule import Rule
from rich.text import Text

from rashomon.cli.report import render_analysis
from rashomon.export import write_events_tsv
from rashomon.model import Analysis

__all__ = [
    "PROGRESS_AFTER",
    "BatchProgress",
    "EventsTsvWriter",
    "MinConfidence",
    "JsonLinesWriter",
    "JsonWriter",
    "OutputFormat",
    "TextWriter",
    "Verbosity",
    "Writer",
    "check_date",
    "configure_logging",
    "print_error",
]

#: The progress bar appears once more than this many articles have been processed.
PROGRESS_AFTER = 5

_HANDLER_NAME = "rashomon-cli"
_LEVELS = (logging.WARNING, logging.INFO, logging.DEBUG)


class OutputFormat(enum.StrEnum):
    """What ``--format`` accepts."""

    text = "text"
    json = "json"
    jsonl = "jsonl"
    events_tsv = "events-tsv"


def check_date(value: str | None) -> str | None:
    """A ``--published``/``--since`` option's check: a YYYY-MM-DD date, refused before anything
    is read."""
    if value is None:
        return None
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date as YYYY-MM-DD") from None
    if len(value) != len("YYYY-MM-DD"):
        raise typer.BadParameter(f"{value!r} is not a date as YYYY-MM-DD")
    return value


def configure_logging(verbosity: int) -> None:
    """Send rashomon's log records to stderr: WARNING, INFO with ``-v``, DEBUG with ``-vv``.

    Only the ``rashomon`` logger is configured (not the root logger), and a handler left by an
    earlier run in the same process is replaced, so running the CLI twice never doubles lines.

    Args:
        verbosity: how many times ``-v`` was given.
    """
    logger = logging.getLogger("rashomon")
    for handler in list(logger.handlers):
        if handler.get_name() == _HANDLER_NAME:
            logger.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(_LEVELS[min(max(verbosity, 0), len(_LEVELS) - 1)])


def print_error(console: Console, message: str) -> None:
    """Print ``error: <message>`` as one line (never wrapped, article text never parsed)."""
    console.print(Text.assemble(("error:", "bold red"), " ", message), soft_wrap=True)


class Writer(Protocol):
    """Writes analyses to stdout in one ``--format``."""

    def note_input(self) -> None:
        """Count one input (an article, or an input that failed)."""

    def write(self, analysis: Analysis) -> None:
        """Write one analysis (or hold it until the writer knows how to frame it)."""

    def close(self) -> None:
        """Finish the output."""


class JsonLinesWriter:
    """``jsonl``: one compact ``rashomon/1`` document per line, written as soon as it is ready."""

    def note_input(self) -> None:
        """Nothing to do: a line per analysis needs no framing."""

    def write(self, analysis: Analysis) -> None:
        """Write the analysis as one line."""
        typer.echo(analysis.to_json(indent=None))

    def close(self) -> None:
        """Nothing to do: every line is already out."""


class JsonWriter:
    """``json``: one document when the inputs name one article, else a JSON array.

    The choice depends on the number of *inputs* (failed ones included), not on how many
    succeeded, so a consumer can predict the shape from the command line. The array is
    streamed element by element, so memory stays flat over a long batch; only the first
    analysis is held back until a second input shows whether an array is needed.
    """

    def __init__(self) -> None:
        self._inputs = 0
        self._pending: Analysis | None = None
        self._in_array = False

    def note_input(self) -> None:
        """Count an input; at the second one, the output becomes an array."""
        self._inputs += 1
        if self._inputs >= 2 and self._pending is not None:
            pending, self._pending = self._pending, None
            self._element(pending)

    def write(self, analysis: Analysis) -> None:
        """Write the analysis as an array element, or hold it while it may be the only one."""
        if self._inputs >= 2:
            self._element(analysis)
        else:
            self._pending = analysis

    def close(self) -> None:
        """Close the array, or write the single document; nothing if the one input failed."""
        if self._in_array:
            typer.echo("\n]")
        elif self._pending is not None:
            typer.echo(self._pending.to_json(indent=2))
        elif self._inputs != 1:
            typer.echo("[]")

    def _element(self, analysis: Analysis) -> None:
        # JSON strings hold no raw newlines, so indenting line by line is safe.
        document = textwrap.indent(analysis.to_json(indent=2), "  ")
        typer.echo((",\n" if self._in_array else "[\n") + document, nl=False)
        self._in_array = True


class EventsTsvWriter:
    """``events-tsv``: one coded event per line, under a single header line.

    The header goes out before the first rows (or at the end when no article succeeded), so
    the output is always a loadable table; each article's rows are written as soon as it is
    analysed, so memory stays flat over a long batch. ``sys.stdout`` is looked up at each
    write rather than kept, for the same reason the consoles hold no stream of their own.
    """

    def __init__(self) -> None:
        self._header_written = False

    def note_input(self) -> None:
        """Nothing to do: rows need no framing beyond the header."""

    def write(self, analysis: Analysis) -> None:
        """Write the rows of one article's events (none when it has no event)."""
        write_events_tsv([analysis], sys.stdout, header=not self._header_written)
        self._header_written = True
        sys.stdout.flush()

    def close(self) -> None:
        """Write the header if no analysis did, so that even an empty output has it."""
        if not self._header_written:
            write_events_tsv([], sys.stdout)
            self._header_written = True
        sys.stdout.flush()


class TextWriter:
    """``text``: the Rich report of each article, separated by a blank line."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._written = 0

    def note_input(self) -> None:
        """Nothing to do: reports need no framing."""

    def write(self, analysis: Analysis) -> None:
        """Print the report for one article."""
        if self._written:
            self._console.print()
            self._console.print(Rule(style="dim"))
        render_analysis(analysis, self._console)
        self._written += 1

    def close(self) -> None:
        """Nothing to do: every report is already out."""


class _RateColumn(ProgressColumn):
    """How many articles per second the batch is going at."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} articles/s", style="cyan")


class BatchProgress:
    """A transient progress display on stderr that appears only for a real batch.

    Inputs are read lazily, so the total is unknown; the bar therefore pulses and shows a
    count and a rate. It starts once more than ``PROGRESS_AFTER`` articles have been processed,
    so a single article prints no progress at all.

    Args:
        console: the stderr console; error lines should go through it too, so that they
            appear above the bar instead of tearing it.
        enabled: false to never show the bar. It never shows on a console that is not a
            terminal either, where it would only leave a blank line behind.
    """

    def __init__(self, console: Console, *, enabled: bool) -> None:
        self._console = console
        self._enabled = enabled and console.is_terminal
        self._done = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self) -> None:
        """Count one processed article (good or failed)."""
        self._done += 1
        if self._progress is None and self._enabled and self._done > PROGRESS_AFTER:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("analysing"),
                BarColumn(),
                TextColumn("{task.completed} articles"),
                _RateColumn(),
                TimeElapsedColumn(),
                console=self._console,
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._task = self._progress.add_task("analysing", total=None, completed=self._done)
            self._progress.start()
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=self._done)


#: ``--min-confidence`` of ``analyze``, ``who``, ``claims`` and ``contradictions``: the
#: attribution scorer's bar.
MinConfidence = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Keep only the attributions whose confidence reaches this (0 to 1), for fewer "
        "false alarms at the cost of misses. On PolNeAR dev: precision 76 at 0, 83 at 0.5, "
        "87 at 0.7, 92 at 0.9.",
    ),
]

#: The ``-v``/``-vv`` option every command shares (an ``Annotated`` alias, as spaCy's CLI does).
Verbosity = Annotated[
    int,
    typer.Option(
        "--verbose",
        "-v",
        count=True,
        show_default=False,
        help="Log to stderr: -v for INFO, -vv for DEBUG.",
    ),
]
