"""``rashomon train``: learn rashomon's small models from annotated corpora.

``rashomon train attributions GOLD_DIR`` trains the cue classifier, the span-boundary model
and the attribution scorer on a BRAT corpus in PolNeAR's layout and writes each as a ``.npz``
file. The shipped models (``src/rashomon/models/polnear_cue_classifier.npz``,
``polnear_boundaries.npz`` and ``polnear_attribution_scorer.npz``) are reproduced by running
it on PolNeAR train with ``--output``, ``--boundaries`` and ``--scorer`` pointing there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from rashomon.cli._util import Verbosity, configure_logging, print_error
from rashomon.errors import RashomonError
from rashomon.train.attributions import train_attribution_models

__all__ = ["app", "attributions"]

app = typer.Typer(
    name="train",
    help="Learn rashomon's small models from annotated corpora.",
    pretty_exceptions_show_locals=False,
    no_args_is_help=True,
)


@app.command("attributions")
def attributions(
    gold: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR",
            help="A BRAT corpus in PolNeAR's layout: text/*.txt and attributions/*.ann.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="Where to write the trained cue classifier."),
    ] = Path("rashomon-cue-classifier.npz"),
    boundaries: Annotated[
        Path,
        typer.Option("--boundaries", help="Where to write the trained span-boundary model."),
    ] = Path("rashomon-boundaries.npz"),
    scorer: Annotated[
        Path,
        typer.Option("--scorer", help="Where to write the trained attribution scorer."),
    ] = Path("rashomon-attribution-scorer.npz"),
    epochs: Annotated[int, typer.Option(min=1, help="Passes of gradient descent.")] = 6,
    verbose: Verbosity = 0,
) -> None:
    """Train the cue classifier, the span-boundary model and the attribution scorer on GOLD_DIR."""
    configure_logging(verbose)
    errors = Console(stderr=True)
    with Progress(
        TextColumn("parsing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        transient=True,
    ) as progress:
        task = progress.add_task("parsing", total=None)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        try:
            models = train_attribution_models(gold, epochs=epochs, progress=advance)
        except RashomonError as error:
            print_error(errors, str(error))
            raise typer.Exit(1) from None
    models.classifier.save(output)
    errors.print(f"wrote {output} ({len(models.classifier.lemmas)} candidate lemmas)")
    models.boundaries.save(boundaries)
    errors.print(f"wrote {boundaries}")
    models.scorer.save(scorer)
    errors.print(f"wrote {scorer}")
