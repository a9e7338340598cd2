"""``rashomon eval``: score rashomon against gold corpora.

``rashomon eval attributions GOLD_DIR`` is a thin wrapper on ``rashomon.evaluate.gate``'s
``evaluate_model``: it parses the options, runs the evaluation with a progress bar on stderr,
and prints the report (or the score dict as JSON) to stdout. ``--errors`` keeps the misses
and false alarms as JSON lines for a person to read.

``rashomon eval petrarch RECORDS.xml --dictionaries PATH`` wraps
``rashomon.evaluate.petrarch``: it codes PETRARCH's validation records with a
PETRARCH dictionary set and reports the share of expected events found exactly.

``rashomon eval events RECORDS.xml`` wraps ``rashomon.evaluate.events``: it codes the same
kind of records with the built-in verb and actor lexicons (no dictionaries) and reports the
share found exactly and at CAMEO root level.

``rashomon eval ledger CORPUS_DIR`` wraps ``rashomon.evaluate.ledger``: it ingests a corpus
with known answers into a temporary store and reports how well the claim ledger groups
statements, origins and contradictions.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from rashomon.cli._util import BatchProgress, Verbosity, configure_logging, print_error
from rashomon.errors import RashomonError
from rashomon.evaluate.attributions import format_report
from rashomon.evaluate.gate import DEFAULT_MODEL, evaluate_model

__all__ = ["Nesting", "ReportFormat", "app", "attributions", "events", "ledger", "petrarch"]

app = typer.Typer(
    name="eval",
    help="Score rashomon against gold corpora.",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
)


class Nesting(enum.StrEnum):
    """How attributions found inside another's content are compared with the gold corpus."""

    auto = "auto"
    flat = "flat"
    nested = "nested"


class ReportFormat(enum.StrEnum):
    """What ``--format`` accepts."""

    text = "text"
    json = "json"


def _write_errors(path: Path, errors: list[dict[str, Any]]) -> None:
    """Write one JSON object per miss or false alarm."""
    with path.open("w", encoding="utf-8") as handle:
        for item in errors:
            handle.write(json.dumps(item, ensure_ascii=False) + "\n")


def _report(
    console: Console,
    scores: dict[str, Any],
    errors: list[dict[str, Any]],
    errors_path: Path | None,
    output_format: ReportFormat,
    render: Callable[[dict[str, Any]], str],
) -> None:
    """What every evaluation ends with: the errors file if asked for, then the scores.

    Raises:
        typer.Exit: the errors file cannot be written (exit code 1).
    """
    if errors_path is not None:
        try:
            _write_errors(errors_path, errors)
        except OSError as error:
            print_error(console, f"{errors_path}: cannot write errors: {error.strerror}")
            raise typer.Exit(1) from None
    if output_format is ReportFormat.json:
        typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        typer.echo(render(scores))


@app.command("attributions")
def attributions(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR",
            help="A BRAT corpus in PolNeAR's layout: text/*.txt and attributions/*.ann, with "
            "an optional metadata.tsv (filename, publisher) in the folder or its parent.",
            show_default=False,
        ),
    ],
    model: Annotated[
        str,
        typer.Option("--model", "-m", help="The extraction mode to evaluate."),
    ] = DEFAULT_MODEL,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="Score only the first N documents (by id)."),
    ] = None,
    errors_path: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            metavar="FILE",
            help="Write every missed gold attribution and false alarm here, as JSON lines.",
            dir_okay=False,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text: a table of P/R/F1; json: the full score dict.",
        ),
    ] = ReportFormat.text,
    nesting: Annotated[
        Nesting,
        typer.Option(
            "--nesting",
            case_sensitive=False,
            help="auto: compare flat when the gold corpus nests no attribution inside "
            "another's content (PolNeAR nests none); flat: set aside every attribution found "
            "inside another's content; nested: compare everything found.",
        ),
    ] = Nesting.auto,
    verbose: Verbosity = 0,
) -> None:
    """Score the attributions rashomon finds against a gold BRAT corpus.

    Spans are compared exactly and by overlap (source, cue, content), and whole attributions
    by cue, source and content overlap, micro-averaged over documents.
    The report goes to stdout; progress and errors go to stderr.
    Exit code: 0 when every document was analysed, 1 when any failed or the corpus is bad.
    """
    configure_logging(verbose)
    console = Console(stderr=True)
    try:
        with BatchProgress(console, enabled=True) as progress:
            scores, errors = evaluate_model(
                gold, model, limit=limit, progress=progress.advance, nesting=nesting.value
            )
    except RashomonError as error:
        print_error(console, str(error))
        raise typer.Exit(1) from None
    _report(console, scores, errors, errors_path, output_format, format_report)
    if scores["failed"]:
        print_error(console, f"{scores['failed']} document(s) could not be analysed")
    raise typer.Exit(1 if scores["failed"] else 0)


#: ``--errors`` of the two event evaluations: the records that went wrong, for a person.
RecordErrors = Annotated[
    Path | None,
    typer.Option(
        "--errors",
        metavar="FILE",
        help="Write every record with missed or extra events here, as JSON lines.",
        dir_okay=False,
    ),
]


@app.command("petrarch")
def petrarch(
    records_path: Annotated[
        Path,
        typer.Argument(
            metavar="RECORDS.xml",
            help="PETRARCH validation records (e.g. PETR.UnitTest.records.xml).",
            show_default=False,
        ),
    ],
    dictionaries: Annotated[
        Path,
        typer.Option(
            "--dictionaries",
            "-d",
            help="A PETR_config.ini or a folder holding one dictionary set.",
            show_default=False,
        ),
    ],
    prefix: Annotated[
        str | None,
        typer.Option(
            "--prefix",
            help="With a folder, use the files whose names start with this "
            "(PETR.Validate for the unit-test dictionaries).",
        ),
    ] = None,
    errors_path: RecordErrors = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text: a table per category; json: the full score dict.",
        ),
    ] = ReportFormat.text,
    verbose: Verbosity = 0,
) -> None:
    """Score event coding with PETRARCH dictionaries against validation records.

    An expected (source, target, code) event counts as found only when all three match;
    coded events that were not expected count as extra.
    Exit code: 0 on success, 1 when a file is missing or malformed.
    """
    from rashomon.evaluate.petrarch import (
        collect_misses,
        evaluate_records,
        find_dictionary_set,
        format_petrarch_report,
    )
    from rashomon.extract.events.petrarch import read_records
    from rashomon.extract.events.petrarch.coder import PetrarchCoder
    from rashomon.nlp.loading import load_model

    configure_logging(verbose)
    console = Console(stderr=True)
    try:
        records = read_records(records_path)
        coder = PetrarchCoder.from_dictionaries(find_dictionary_set(dictionaries, prefix))
        nlp = load_model()
        scores = evaluate_records(records, coder, nlp)
        misses = collect_misses(records, coder, nlp) if errors_path is not None else []
    except RashomonError as error:
        print_error(console, str(error))
        raise typer.Exit(1) from None
    _report(console, scores, misses, errors_path, output_format, format_petrarch_report)


@app.command("events")
def events(
    records_path: Annotated[
        Path,
        typer.Argument(
            metavar="RECORDS.xml",
            help="Validation records in PETRARCH's format (e.g. "
            "benchmarks/events_dev.records.xml).",
            show_default=False,
        ),
    ],
    errors_path: RecordErrors = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text: a table per category, exact and root level; json: the full score dict.",
        ),
    ] = ReportFormat.text,
    verbose: Verbosity = 0,
) -> None:
    """Score the built-in event coder against validation records.

    Each record's sentence is analysed as an article published on the record's date. An
    expected (source, target, code) event counts as found exactly when all three match, and
    at root level when the CAMEO roots and the actors' countries (first three letters) match;
    coded events that were not expected count as extra.
    Exit code: 0 on success, 1 when the file is missing or malformed.
    """
    from rashomon.evaluate.events import evaluate_events, format_events_report
    from rashomon.extract.events.petrarch import read_records

    configure_logging(verbose)
    console = Console(stderr=True)
    try:
        records = read_records(records_path)
        with BatchProgress(console, enabled=True) as progress:
            scores, misses = evaluate_events(records, progress=progress.advance)
    except RashomonError as error:
        print_error(console, str(error))
        raise typer.Exit(1) from None
    _report(console, scores, misses, errors_path, output_format, format_events_report)


@app.command("ledger")
def ledger(
    corpus: Annotated[
        Path,
        typer.Argument(
            metavar="CORPUS_DIR",
            help="A ledger corpus: gold.json and the article files it lists (e.g. "
            "benchmarks/ledger_corpus/dev).",
            show_default=False,
        ),
    ],
    errors_path: Annotated[
        Path | None,
        typer.Option(
            "--errors",
            metavar="FILE",
            help="Write every missed statement, split or merged claim, wrong stance, false "
            "contradiction and origin mistake here, as JSON lines.",
            dir_okay=False,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="text: a table of P/R/F1; json: the full score dict.",
        ),
    ] = ReportFormat.text,
    embeddings: Annotated[
        bool,
        typer.Option(
            "--embeddings",
            help="Build the ledger as `ingest --embeddings` does (needs rashomon[embeddings]).",
        ),
    ] = False,
    verbose: Verbosity = 0,
) -> None:
    """Score the claim ledger and provenance on a corpus with known answers.

    The corpus is ingested into a temporary store; claim and origin grouping are scored over
    pairs, stance per statement, and the contradiction list per contested claim. Gold
    statements that extraction missed are counted apart.
    Exit code: 0 on success, 1 when an article failed or the corpus is malformed.
    """
    from rashomon.evaluate.ledger import evaluate_ledger, format_ledger_report
    from rashomon.link.embeddings import load_encoder

    configure_logging(verbose)
    console = Console(stderr=True)
    try:
        encoder = load_encoder() if embeddings else None
        with BatchProgress(console, enabled=True) as progress:
            scores, errors = evaluate_ledger(corpus, progress=progress.advance, encoder=encoder)
    except RashomonError as error:
        print_error(console, str(error))
        raise typer.Exit(1) from None
    _report(console, scores, errors, errors_path, output_format, format_ledger_report)
    if scores["failed"]:
        print_error(console, f"{scores['failed']} article(s) could not be ingested")
    raise typer.Exit(1 if scores["failed"] else 0)
