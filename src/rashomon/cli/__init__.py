"""The ``rashomon`` command line: one Typer app, with one module per command group.

``main()`` is the console script (``rashomon = "rashomon.cli:main"``). Commands are thin: they
parse options, call the library and render what it returns; only this package prints.
"""

from __future__ import annotations

from typing import Annotated

import typer

from rashomon import __version__
from rashomon.cli import corpus as _corpus
from rashomon.cli.analyze import analyze as _analyze
from rashomon.cli.evaluate import app as _eval_app
from rashomon.cli.export import export as _export
from rashomon.cli.train import app as _train_app

__all__ = ["app", "main"]

app = typer.Typer(
    name="rashomon",
    help="Who said what, who denies what, and where a news article comes from.",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
    add_completion=False,
)
app.command("analyze")(_analyze)
app.command("ingest")(_corpus.ingest_command)
app.command("status")(_corpus.status)
app.command("claims")(_corpus.claims)
app.command("who")(_corpus.who)
app.command("contradictions")(_corpus.contradictions)
app.command("export")(_export)
app.add_typer(_eval_app, name="eval")
app.add_typer(_train_app, name="train")


def _print_version(value: bool) -> None:
    """Print ``rashomon <version>`` and stop, before any command runs."""
    if value:
        typer.echo(f"rashomon {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Who said what, who denies what, and where a news article comes from."""


def main() -> None:
    """Run the ``rashomon`` command line (the console script's entry point)."""
    app()
