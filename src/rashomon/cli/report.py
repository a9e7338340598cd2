"""The ``text`` report: one ``Analysis`` rendered for a person with Rich.

The report is the product for a reader at a terminal: where the article comes from, who said
what (denials and weak sourcing stand out), which claims are contested, what the outlet says in
its own voice, and a one-line sourcing profile.

Article text is untrusted: an article may contain ``[bold]`` or ``[link=…]``. Every piece of it
therefore goes into a ``rich.text.Text`` (which never parses markup or emoji codes) or through
``rich.markup.escape`` before it reaches a markup string, so it always prints literally.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from rashomon.model import Analysis, Article, Attribution, Claim, Entity

__all__ = ["CONTENT_WIDTH", "DOUBTFUL", "WIDE_TABLE", "abridge", "render_analysis"]

#: Content longer than this many characters is cut in the table, with an ellipsis.
CONTENT_WIDTH = 120
#: From this console width on, kind, polarity, sourcing and date get a column each.
WIDE_TABLE = 120

#: Below this confidence an attribution's id is marked doubtful ("0.32?").
DOUBTFUL = 0.5

_DENY_STYLE = "bold red"
_WEAK_SOURCING_STYLE = "yellow"
_SOURCING_LABELS = {"named": "named", "anonymous": "anonymous", "unnamed_report": "unnamed report"}


def abridge(text: str, width: int = CONTENT_WIDTH) -> str:
    """``text`` on one line, cut to at most ``width`` characters with a trailing ellipsis.

    Args:
        text: any text; runs of whitespace (newlines included) become one space.
        width: the most characters to keep, the ellipsis included.

    Returns:
        The text as is when it fits, else its first ``width - 1`` characters and "…".
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[: width - 1].rstrip() + "…"


def render_analysis(analysis: Analysis, console: Console) -> None:
    """Print the report for one article.

    Args:
        analysis: what rashomon found in the article.
        console: where to print; colours appear only where the console supports them.
    """
    entities = {entity.id: entity for entity in analysis.entities}
    console.print(_heading(analysis.article))
    console.print(_attribution_table(analysis, entities, console.width))
    contested = [claim for claim in analysis.claims if claim.contested]
    if contested:
        console.print(Text("Contested claims", style="bold underline"))
        for claim in contested:
            console.print(_contested_claim(claim, analysis, entities))
    if analysis.events:
        console.print(_event_table(analysis))
    own_voice = [claim for claim in analysis.claims if claim.outlet_voice]
    if own_voice:
        console.print(Text("Claims in the outlet's own voice", style="bold underline"))
        for claim in own_voice:
            console.print(Padding(Text.assemble(f"{claim.id}  ", (claim.text, "italic")), (0, 2)))
    console.print(_profile(analysis))


def _heading(article: Article) -> RenderableType:
    """The title (or id), then outlet, date and address, then the article's origin."""
    title = article.title or article.id
    lines: list[RenderableType] = [Rule(Text(title, style="bold"), align="left")]
    facts = [("id", article.id), ("outlet", article.outlet), ("published", article.published)]
    facts += [("byline", article.byline), ("url", article.url)]
    shown = [(label, value) for label, value in facts if value]
    if shown:
        line = Text()
        for number, (label, value) in enumerate(shown):
            line.append("  ·  " if number else "")
            line.append(f"{label}: ", style="dim")
            line.append(value)
        lines.append(line)
    origin = article.origin
    if origin.outlet or origin.republished_by:
        line = Text("origin: ", style="dim")
        if origin.outlet:
            line.append("By ")
            line.append(origin.outlet, style="bold")
        if origin.republished_by:
            line.append(", republished by " if origin.outlet else "republished by ")
            line.append(origin.republished_by, style="bold")
        lines.append(line)
    for evidence in origin.evidence:
        lines.append(Text.assemble("  evidence: ", ("“", "dim"), evidence.text, ("”", "dim")))
    return Group(*lines)


def _attribution_table(
    analysis: Analysis, entities: dict[str, Entity], width: int
) -> RenderableType:
    """The "Who said what" table: one row per attribution, in text order.

    On a console narrower than ``WIDE_TABLE`` columns, kind, polarity, sourcing and date
    share one column, "how" (stacked), so that content keeps room enough to be read.
    """
    if not analysis.attributions:
        return Text("Who said what: no attributions found.", style="dim")
    wide = width >= WIDE_TABLE
    table = Table(title="Who said what", title_justify="left", show_lines=True, expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column("source", ratio=2, min_width=10)
    table.add_column("speaker", ratio=2, min_width=10)
    table.add_column("cue", max_width=12)
    table.add_column("content", ratio=5, min_width=20)
    if wide:
        for header in ("kind", "polarity", "sourcing", "said"):
            table.add_column(header)
    else:
        table.add_column("how", min_width=10, max_width=16)
    for attribution in analysis.attributions:
        facts = [
            Text(attribution.kind),
            _polarity_cell(attribution),
            _sourcing_cell(attribution),
            Text(_said(attribution)),
        ]
        table.add_row(
            _id_cell(attribution),
            _source_cell(attribution),
            _speaker_cell(attribution, entities),
            Text(attribution.cue.text),
            Text(abridge(" … ".join(piece.text for piece in attribution.content))),
            *(facts if wide else [Text("\n").join(fact for fact in facts if fact.plain)]),
        )
    return table


#: How each evidential status is shown: only ``asserted`` is the outlet's own word, and an
#: event inside a denial must never read as a fact.
_STATUS_STYLES = {
    "asserted": "",
    "attributed": "cyan",
    "claimed": "magenta",
    "denied": _DENY_STYLE,
    "hypothetical": "dim",
}


def _event_table(analysis: Analysis) -> RenderableType:
    """The "Who did what to whom" table: one row per coded event, with its status."""
    table = Table(title="Who did what to whom", title_justify="left", expand=True)
    for header in ("#", "source", "event", "target", "CAMEO", "PLOVER", "status", "on whose word"):
        table.add_column(header)
    entities = {entity.id: entity for entity in analysis.entities}
    for event in analysis.events:
        source = event.source_actor
        target = event.target_actor
        status = event.status + (" (negated)" if event.negated else "")
        word = (
            Text.from_markup(_who(event.attribution, analysis, entities))
            if event.attribution
            else Text("the outlet")
        )
        table.add_row(
            Text(event.id),
            Text(f"{abridge(source.span.text, 40)} [{source.code or '?'}]"),
            Text(event.trigger.text),
            Text(f"{abridge(target.span.text, 40)} [{target.code or '?'}]")
            if target
            else Text("—"),
            Text(event.cameo),
            Text(event.plover or "—"),
            Text(status, style=_STATUS_STYLES.get(event.status, "")),
            word,
        )
    return table


def _id_cell(attribution: Attribution) -> Text:
    """The attribution's id, with the scorer's confidence below it when there is one.

    A confidence under ``DOUBTFUL`` stands out with a question mark: on PolNeAR dev fewer
    than half of those attributions are right, so a reader checks them before quoting them.
    """
    cell = Text(attribution.id)
    if attribution.confidence is not None:
        doubtful = attribution.confidence < DOUBTFUL
        mark = f"\n{attribution.confidence:.2f}" + ("?" if doubtful else "")
        cell.append(mark, style=_WEAK_SOURCING_STYLE if doubtful else "dim")
    return cell


def _source_cell(attribution: Attribution) -> Text:
    if attribution.source is None:
        return Text("(no source)", style="dim")
    return Text(abridge(attribution.source.text, 60))


def _speaker_cell(attribution: Attribution, entities: dict[str, Entity]) -> Text:
    """The entity the source resolves to, with its role, affiliation and actor code below."""
    entity = _speaker(attribution, entities)
    if entity is None:
        return Text("")
    cell = Text(entity.name, style="bold")
    details = [d for d in (entity.role, entity.affiliation) if d and d != entity.name]
    if details or entity.actor_code:
        cell.append("\n")
        cell.append(", ".join(details), style="dim")
        if entity.actor_code:
            cell.append(f" [{entity.actor_code}]" if details else f"[{entity.actor_code}]")
    return cell


def _polarity_cell(attribution: Attribution) -> Text:
    if attribution.polarity == "deny":
        return Text("DENY", style=_DENY_STYLE)
    return Text(attribution.polarity)


def _sourcing_cell(attribution: Attribution) -> Text:
    label = _SOURCING_LABELS.get(attribution.sourcing, attribution.sourcing)
    style = "" if attribution.sourcing == "named" else _WEAK_SOURCING_STYLE
    return Text(label, style=style)


def _said(attribution: Attribution) -> str:
    """The resolved date with its wording ("2013-07-25 (Thursday)"), or the wording alone."""
    if attribution.said_on and attribution.said_on_text:
        return f"{attribution.said_on} ({attribution.said_on_text})"
    return attribution.said_on or attribution.said_on_text or ""


def _speaker(attribution: Attribution, entities: dict[str, Entity]) -> Entity | None:
    if attribution.source is None or attribution.source.entity is None:
        return None
    return entities.get(attribution.source.entity)


def _who(attribution_id: str, analysis: Analysis, entities: dict[str, Entity]) -> str:
    """One attribution as "a3 (Grace Wanjiru)", escaped for a markup string."""
    try:
        attribution = analysis.attribution(attribution_id)
    except KeyError:
        return escape(attribution_id)
    entity = _speaker(attribution, entities)
    if entity is not None:
        name = entity.name
    elif attribution.source is not None:
        name = abridge(attribution.source.text, 60)
    else:
        name = _SOURCING_LABELS.get(attribution.sourcing, attribution.sourcing)
    return f"{escape(attribution_id)} ({escape(name)})"


def _contested_claim(
    claim: Claim, analysis: Analysis, entities: dict[str, Entity]
) -> RenderableType:
    """A contested claim, then who asserts it and who denies it (denials in red)."""
    asserted = ", ".join(_who(item, analysis, entities) for item in claim.asserted_by)
    denied = ", ".join(_who(item, analysis, entities) for item in claim.denied_by)
    return Padding(
        Group(
            Text.assemble(f"{claim.id}  ", (claim.text, "bold")),
            Text.from_markup(f"  asserted by: {asserted or '—'}"),
            Text.from_markup(f"  [{_DENY_STYLE}]denied by:[/] {denied or '—'}"),
        ),
        (0, 2),
    )


def _profile(analysis: Analysis) -> Text:
    """One line of counts: how the article sources what it reports."""
    sourcing = Counter(attribution.sourcing for attribution in analysis.attributions)
    denials = sum(1 for attribution in analysis.attributions if attribution.polarity == "deny")
    own_voice = sum(1 for claim in analysis.claims if claim.outlet_voice)
    line = Text("Sourcing: ", style="bold")
    line.append(f"{sourcing['named']} named · ")
    line.append(f"{sourcing['anonymous']} anonymous", style=_WEAK_SOURCING_STYLE)
    line.append(" · ")
    line.append(f"{sourcing['unnamed_report']} unnamed report", style=_WEAK_SOURCING_STYLE)
    line.append(" · ")
    line.append(f"{denials} denials", style=_DENY_STYLE)
    line.append(f" · {own_voice} outlet-voice claims")
    return line
