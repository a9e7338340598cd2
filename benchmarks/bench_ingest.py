"""What storing costs on top of the analysis, and whether an ingest's memory stays flat.

The issue sets the bars: "ingest throughput into SQLite and into PostgreSQL (articles per
second, and the ratio to ``analyze`` alone: storage must cost ≤ 20 % more), and peak memory
ingesting 10,000 articles — flat, not growing with the corpus". This script measures both:

* **Throughput.** On a fixed set of real-length news texts (40 PolNeAR dev texts by default),
  in interleaved rounds, with the model loaded once beforehand:

  (a) *analyze alone*: exactly what ``ingest`` does minus the store: ``iter_inputs`` reads
      the files, ``to_article`` makes each an article, ``InProcess(analyzer).run`` analyses
      them in batches;
  (b) ``ingest`` into a fresh SQLite file;
  (c) ``ingest`` into a fresh PostgreSQL schema (skipped, saying why, when no server answers).

  Ratios are time(b) / time(a) and time(c) / time(a), medians of the rounds; the bar is 1.20.
  Opening (creating and migrating) each fresh store is timed apart: it happens once per
  store, not once per article. The store's time is broken down by wrapping
  ``StoreWriter.lookup``, ``StoreWriter.write`` and the parts of a write.
* **Memory.** 10,000 distinct short synthetic articles (templates with seeded names, places
  and numbers; attributions and denials in every one; 2 % exact duplicates and 3 %
  republications with a credit line, a new headline and a paragraph dropped) go into a
  ``.jsonl`` file, and ``python -m rashomon ingest`` stores them in a fresh SQLite file as a
  subprocess. Its ``VmRSS`` and ``VmHWM`` are read from ``/proc/<pid>/status`` every 0.5 s,
  and the store's sightings (one per article read) are counted, so RSS can be given after
  1k, 2k, 5k and 10k articles. Flat means the RSS at 10k is within a few MiB of the RSS at 1k.

Run from the repository root::

    .venv/bin/python benchmarks/bench_ingest.py [--corpus DIR] [--limit N] [--repeat R]
        [--articles N] [--skip-throughput] [--skip-memory] [--postgres URL] [--json OUT]

The script reports and exits 0: it is a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import platform
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from corpus import DEFAULT_CORPUS, articles_per_second, median, sample_evenly, status_kib

#: The issue's ceiling on time(ingest) / time(analyze alone).
STORE_BAR = 1.20
#: PolNeAR dev texts timed by default, spread evenly over the corpus.
DEFAULT_LIMIT = 40
#: Articles in the memory benchmark.
DEFAULT_ARTICLES = 10_000
#: The local PostgreSQL server (trust authentication, database ``test``).
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
#: Shares of exact duplicates and of republications (near-duplicates) in the synthetic set.
DUPLICATE_SHARE = 0.02
REPUBLICATION_SHARE = 0.03
#: Words in a synthetic original, headline included.
MIN_WORDS, MAX_WORDS = 120, 200
#: Where RSS is reported, as shares of the articles (1k, 2k, 5k, 10k of 10,000).
CHECKPOINTS = (0.1, 0.2, 0.5, 1.0)
#: Seconds between two readings of the ingest's memory.
SAMPLE_INTERVAL = 0.5

SIDES = ("analyze", "sqlite", "postgresql")
LABELS = {
    "analyze": "(a) analyze alone",
    "sqlite": "(b) ingest → SQLite",
    "postgresql": "(c) ingest → PostgreSQL",
}

# -- synthetic articles ---------------------------------------------------------------------
#
# Written for this benchmark. Everything is invented: people, places, bodies and events.
# Fixed runs between two slots are kept short, so two unrelated articles share few word
# 5-grams and the near-duplicate finder does not take them for copies of each other.

_FIRST = (
    "Ada Aron Bea Boris Carla Dmitri Edda Emil Farah Goran Hana Ivo Jana Kofi Lea Malik "
    "Nadia Olek Petra Quinn Rosa Sami Tilde Umar Vera Wim Yara Zoran Ines Jonas Mira Pavel "
    "Selma Tomas Una Viktor Greta Hugo Lina Oskar"
).split()
_LAST = (
    "Abbot Brandt Castell Dorn Eklund Falk Grau Holm Ivers Jansen Kovac Lind Morrow Nyberg "
    "Orsini Pratt Quist Rasku Stahl Teller Ulven Varga Wendt Yilmaz Zeller Akers Berg Crane "
    "Dahl Eder Frost Gale Hurst Imre Kessel Lorentz Moss Novak Ostrom Pike"
).split()
_TOWN_HEADS = (
    "Ald Bren Cal Dun Esk Far Glen Har Ist Jor Kel Lor Mar Nor Orr Pel Quen Ros Sel Tor Ulm "
    "Var Wen Yar"
).split()
_TOWN_TAILS = "moor na dera mere ford ton wick by holm stad vale port".split()
_BODIES = (
    "city council",
    "port authority",
    "water board",
    "teachers' union",
    "chamber of commerce",
    "police",
    "hospital trust",
    "mining company",
    "bus company",
    "electricity board",
)
_MINISTRIES = "interior health energy transport finance defence education agriculture".split()
_FACILITIES = (
    "steel mill",
    "power station",
    "grain terminal",
    "textile factory",
    "copper mine",
    "ferry port",
    "district hospital",
    "water plant",
    "cement works",
    "rail depot",
)
_RIVERS = "Amsel Brill Corra Dova Elbin Ferro Gilla Hesse Isker Juna".split()
_OUTLETS = (
    "Harbour Wire",
    "Valley Daily",
    "Northern Courier",
    "Lakeside Tribune",
    "Coastal Herald",
    "Morning Ledger",
    "Capital Post",
    "Riverside Times",
)
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_ADJECTIVES = ("baseless", "absurd", "malicious", "premature", "misleading", "false")
_TOPICS = ("pay", "water", "pollution", "land", "budget", "flooding", "safety", "power cuts")

# Slots: {p}/{p2} a person's full name (first mention) or surname, {o} a body, {t}/{t2}
# towns, {f} a facility, {n} a number, {m} a month, {d} a day, {r} a river, {c} a percentage.
_CLAIMS = (
    "the {f} in {t} would close by {m}",
    "{n} families had been moved out of {t}",
    "{o} had paid {n} million crowns to a firm owned by {p2}",
    "water from the {t} reservoir was safe to drink",
    "police had fired on protesters near the {f} in {t}",
    "the strike at the {t} {f} would end on {d}",
    "{n} workers lost their jobs at the {f}",
    "school budgets in {t} would be cut by {c} percent",
    "{p2} had met rebel commanders in {t} in {m}",
    "the old bridge over the {r} at {t} was unsafe",
    "soldiers had crossed the border near {t2} on {d}",
    "the vote in {t} was rigged",
    "the fire at the {f} was started deliberately",
    "the {f} had dumped waste into the {r} for {n} days",
    "rents in {t} had risen by {c} percent since {m}",
    "{o} had hidden a report on the {f} from inspectors",
)
_QUOTES = (
    "We will not accept {n} job cuts at the {f}",
    "Nobody in {t} was asked",
    "This is a disgrace for {t} and for the whole {r} valley",
    "The figures from {o} are wrong",
    "We have written to {o} {c} times since {m}",
    "Our members in {t2} are ready to strike on {d}",
)
_ROLES = (
    "a spokesman for {o}",
    "a spokeswoman for {o}",
    "the {ministry} minister",
    "the mayor of {t}",
    "a senior official at {o}",
    "an opposition lawmaker from {t2}",
    "who runs a shop in {t}",
    "a union leader at the {f}",
)
_SAYS = (
    "{P}, {role}, said on {d} that {claim}.",
    "{P} told reporters in {t2} that {claim}.",
    "According to {P}, {claim}.",
    "{P} claimed that {claim}, without giving evidence.",
    "“{quote},” said {P}, {role}.",
    "“{quote},” {P} told the {outlet} on {d}.",
    "{O} said in a statement that {claim}.",
)
_DENIALS = (
    "{P} denied that {claim}.",
    "{O} denied reports that {claim}, calling them {adj}.",
    "“That is simply not true,” {P} said, rejecting claims that {claim}.",
    "{P} dismissed allegations that {claim} as {adj}.",
    "{O} on {d} rejected accusations that {claim}.",
)
_NARRATION = (
    "About {n} people gathered outside the {f} in {t} on {d}.",
    "{O} did not respond to a request for comment.",
    "The dispute began in {m}, when {n} staff walked out.",
    "{T} lies {k} kilometres north of {t2}, on the {r}.",
    "Inspectors visited the {f} twice in {m}.",
    "A court in {t2} will hear the case on {d}.",
)
_HEADLINES = (
    "{Topic} row deepens in {t}",
    "{T} residents protest over {topic}",
    "{O} under pressure over {topic} in {t}",
    "Anger in {t} as {f} dispute drags on",
)
_DISCLAIMER = "This article first appeared in the {outlet} and is republished with permission."


@dataclass(frozen=True)
class SyntheticArticle:
    """One generated article and how it relates to the others.

    ``kind`` is ``original``, ``duplicate`` (the same text as article ``of``, from another
    outlet) or ``republication`` (article ``of`` with a credit line, a new headline and a
    paragraph dropped).
    """

    id: str
    text: str
    kind: str
    of: int | None
    published: str
    outlet: str
    url: str

    def record(self) -> dict[str, str]:
        """The article as a ``.jsonl`` line for ``rashomon ingest``."""
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
        }


class _Cast:
    """The people, places and bodies of one article; a person's second mention is a surname."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.people = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(3)]
        self.mentioned: set[str] = set()
        self.towns = [rng.choice(_TOWN_HEADS) + rng.choice(_TOWN_TAILS) for _ in range(2)]
        self.body = f"the {self.towns[rng.randrange(2)]} {rng.choice(_BODIES)}"
        self.facility = rng.choice(_FACILITIES)
        self.river = rng.choice(_RIVERS)
        self.topic = rng.choice(_TOPICS)

    def person(self, index: int) -> str:
        name = self.people[index % len(self.people)]
        if name in self.mentioned:
            return name.split()[-1]
        self.mentioned.add(name)
        return name

    def fill(self, template: str, speaker: int = 0) -> str:
        rng = self.rng
        values = {
            "t": self.towns[0],
            "t2": self.towns[1],
            "T": self.towns[0],
            "o": self.body,
            "O": self.body[0].upper() + self.body[1:],
            "f": self.facility,
            "r": self.river,
            "topic": self.topic,
            "Topic": self.topic.capitalize(),
            "n": f"{rng.randint(3, 4_000):,}",
            "c": str(rng.randint(2, 60)),
            "k": str(rng.randint(4, 90)),
            "m": rng.choice(_MONTHS),
            "d": rng.choice(_DAYS),
            "adj": rng.choice(_ADJECTIVES),
            "ministry": rng.choice(_MINISTRIES),
            "outlet": rng.choice(_OUTLETS),
        }
        # Nested slots first ({claim}, {quote}, {role} hold slots of their own).
        for name, pool in (("claim", _CLAIMS), ("quote", _QUOTES), ("role", _ROLES)):
            if "{" + name + "}" in template:
                values[name] = self.fill(rng.choice(pool), speaker + 1)
        for name in ("p", "p2", "P"):
            if "{" + name + "}" in template:
                values[name] = self.person(speaker if name == "P" else speaker + 1)
        return template.format_map(values)


def _original(rng: random.Random) -> str:
    """One distinct article: a headline and 120-200 words of reported speech and narration."""
    cast = _Cast(rng)
    target = rng.randint(MIN_WORDS, MAX_WORDS - 15)
    headline = cast.fill(rng.choice(_HEADLINES))
    paragraphs: list[str] = []
    words = len(headline.split())
    # Every article has a statement and a denial; the rest are drawn at random.
    plan = [_SAYS, _DENIALS]
    speaker = 0
    while words < target:
        pool = plan.pop(0) if plan else rng.choice((_SAYS, _SAYS, _DENIALS, _NARRATION))
        sentence = cast.fill(rng.choice(pool), speaker)
        speaker += 1
        if words + len(sentence.split()) > MAX_WORDS:
            continue  # too long to fit: draw another
        if paragraphs and rng.random() < 0.3:
            paragraphs[-1] += " " + sentence
        else:
            paragraphs.append(sentence)
        words += len(sentence.split())
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def _republished(rng: random.Random, text: str) -> str:
    """``text`` as another site republishes it: credit line, new headline, a paragraph cut."""
    outlet = rng.choice(_OUTLETS)
    headline, *paragraphs = text.strip().split("\n\n")
    if len(paragraphs) > 4:  # the shortest paragraph after the lead is cut
        del paragraphs[min(range(1, len(paragraphs)), key=lambda i: len(paragraphs[i]))]
    headline = f"{rng.choice(('Report', 'Update', 'Latest'))}: {headline}"
    credit = f"By {outlet}"
    disclaimer = _DISCLAIMER.format(outlet=rng.choice(_OUTLETS))
    return "\n\n".join([headline, credit, *paragraphs, disclaimer]) + "\n"


def synthetic_articles(
    count: int,
    *,
    seed: int = 20240601,
    duplicate_share: float = DUPLICATE_SHARE,
    republication_share: float = REPUBLICATION_SHARE,
) -> list[SyntheticArticle]:
    """``count`` short synthetic news articles, the same for the same seed.

    ``round(count * duplicate_share)`` of them are exact copies of an earlier original (from
    another outlet) and ``round(count * republication_share)`` are republications of one;
    every original text is distinct (``text_key`` differs).
    """
    from rashomon.link.near_duplicates import text_key

    rng = random.Random(seed)
    duplicates = round(count * duplicate_share)
    republications = round(count * republication_share)
    copies = rng.sample(range(1, count), duplicates + republications) if count > 1 else []
    kinds = dict.fromkeys(copies[:duplicates], "duplicate")
    kinds.update(dict.fromkeys(copies[duplicates:], "republication"))
    start = date(2024, 1, 1)
    keys: set[str] = set()
    originals: list[int] = []
    articles: list[SyntheticArticle] = []
    for number in range(count):
        kind = kinds.get(number, "original")
        outlet = rng.choice(_OUTLETS)
        published = (start + timedelta(days=number * 366 // max(count, 1))).isoformat()
        of = None
        if kind == "original":
            text = _original(rng)
            while text_key(text) in keys:  # vanishingly rare; keeps "distinct" a promise
                text = _original(rng)
            keys.add(text_key(text))
            originals.append(number)
        else:
            of = rng.choice(originals)
            source = articles[of].text
            text = source if kind == "duplicate" else _republished(rng, source)
        slug = re.sub(r"[^a-z0-9]+", "-", text.split("\n", 1)[0].lower()).strip("-")[:40]
        host = re.sub(r"[^a-z]+", "", outlet.lower())
        articles.append(
            SyntheticArticle(
                id=f"syn-{number:05d}",
                text=text,
                kind=kind,
                of=of,
                published=published,
                outlet=outlet,
                url=f"https://{host}.example/{published}/{slug}-{number}",
            )
        )
    return articles


def write_jsonl(articles: Sequence[SyntheticArticle], path: Path) -> Path:
    """The articles as one ``.jsonl`` file (what ``rashomon ingest`` reads)."""
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article.record(), ensure_ascii=False) + "\n")
    return path


# -- throughput -----------------------------------------------------------------------------


class StoreClock:
    """Seconds spent inside the analysis and the store's calls during one timed run.

    ``patched()`` wraps, for its duration: ``analyse_chunk`` (the executor's analysis),
    ``StoreWriter.lookup`` (is this text stored?), ``StoreWriter.write`` and, inside a write,
    the fingerprint, the JSON document, provenance (near-duplicate search), the article's
    findings (entities, attributions, events) and the claim ledger. What a write spends
    outside those is building rows, flushing and committing.
    """

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)
        self.calls: defaultdict[str, int] = defaultdict(int)

    def _timed(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        seconds, calls = self.seconds, self.calls

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                seconds[label] += time.perf_counter() - start
                calls[label] += 1

        return timed

    @contextmanager
    def patched(self) -> Iterator[StoreClock]:
        from rashomon.ingest import executors
        from rashomon.model import Analysis
        from rashomon.store import writer
        from rashomon.store.writer import StoreWriter

        targets: list[tuple[Any, str, str]] = [
            (executors, "analyse_chunk", "analysis"),
            (StoreWriter, "lookup", "lookup"),
            (StoreWriter, "write", "write"),
            (writer, "fingerprint", "write: fingerprint"),
            (Analysis, "to_json", "write: JSON document"),
            (StoreWriter, "_origin", "write: provenance"),
            (StoreWriter, "_entities", "write: findings"),
            (StoreWriter, "_attributions", "write: findings"),
            (StoreWriter, "_events", "write: findings"),
            (StoreWriter, "_place_claims", "write: claim ledger"),
        ]
        saved = []
        for owner, name, label in targets:
            original = owner.__dict__.get(name)
            if original is None:  # renamed since: time what is still there
                continue
            saved.append((owner, name, original))
            setattr(owner, name, self._timed(label, original))
        try:
            yield self
        finally:
            for owner, name, original in reversed(saved):
                setattr(owner, name, original)


Timing = dict[str, Any]


def _analyse_alone(paths: Sequence[str], analyzer: Any) -> int:
    """(a): what ``ingest`` does, minus the store. Returns the analyses made."""
    from rashomon.errors import RashomonError
    from rashomon.ingest import InProcess
    from rashomon.read import article_of, iter_inputs

    def jobs() -> Iterator[tuple[str, Any]]:
        for item in iter_inputs(paths, unique_ids=False):
            if isinstance(item, RashomonError):
                continue
            try:
                article = article_of(item)
            except RashomonError:
                continue
            yield item.where, article

    return sum(1 for _ in InProcess(analyzer).run(jobs()))


@contextmanager
def _postgres_schema(server: str) -> Iterator[str]:
    """A fresh schema on ``server``, as a store URL; dropped afterwards."""
    from sqlalchemy import create_engine, text

    schema = f"bench_ingest_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            separator = "&" if "?" in server else "?"
            yield f"{server}{separator}options=-csearch_path%3D{schema}"
        finally:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


def postgres_problem(server: str) -> str | None:
    """``None`` when the PostgreSQL server answers, else why not."""
    try:
        from sqlalchemy import create_engine, text

        engine = create_engine(server, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as error:  # any failure means: skip it, and say why
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return f"{type(error).__name__}: {reason}"[:200]
    return None


@contextmanager
def _store_url(side: str, folder: Path, server: str | None) -> Iterator[str]:
    if side == "sqlite":
        path = folder / f"store-{uuid.uuid4().hex[:8]}.db"
        try:
            yield f"sqlite:///{path}"
        finally:
            for leftover in folder.glob(path.name + "*"):
                leftover.unlink()
        return
    assert server is not None
    with _postgres_schema(server) as url:
        yield url


def _timed_run(
    side: str, paths: Sequence[str], analyzer: Any, folder: Path, server: str | None
) -> dict[str, Any]:
    """One timed run of one side: seconds (wall, CPU), its breakdown, and what was stored."""
    from rashomon.ingest import InProcess, ingest
    from rashomon.store import Store

    clock = StoreClock()
    if side == "analyze":
        gc.collect()
        with clock.patched():
            wall, cpu = time.perf_counter(), time.process_time()
            analysed = _analyse_alone(paths, analyzer)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        return {"wall": wall, "cpu": cpu, "open": 0.0, "clock": clock, "analysed": analysed}
    with _store_url(side, folder, server) as url:
        opened = time.perf_counter()
        store = Store.open(url, write=True)
        opened = time.perf_counter() - opened
        try:
            gc.collect()
            with clock.patched():
                wall, cpu = time.perf_counter(), time.process_time()
                summary = ingest(paths, store, InProcess(analyzer))
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        finally:
            store.close()
    return {
        "wall": wall,
        "cpu": cpu,
        "open": opened,
        "clock": clock,
        "analysed": summary.new + len(summary.failed),
        "summary": summary.to_dict(),
    }


def rotation(round_index: int, sides: Sequence[str]) -> list[str]:
    """The order of the sides in round ``round_index``: each side leads one round in turn."""
    shift = round_index % len(sides) if sides else 0
    return list(sides[shift:]) + list(sides[:shift])


#: The parts of a run no wrapper times: a write outside its named parts (building rows,
#: the last flush, the commit), and a run outside analysis, lookup and write (reading,
#: ``article_of``, the loop).
WRITE_REST = "write: rows, flush, commit"
OUTSIDE = "reading, article_of, loop"
_TOP_LEVEL = ("analysis", "lookup", "write")


def _write_rest(seconds: dict[str, float]) -> float:
    parts = sum(value for label, value in seconds.items() if label.startswith("write: "))
    return seconds.get("write", 0.0) - parts


def _summarise(runs: list[dict[str, Any]], articles: int, chars: int) -> dict[str, Any]:
    walls = [run["wall"] for run in runs]
    cpus = [run["cpu"] for run in runs]
    seconds = median(walls)
    labels = sorted({label for run in runs for label in run["clock"].seconds})
    breakdown = {
        label: {
            "seconds": round(median([run["clock"].seconds.get(label, 0.0) for run in runs]), 4),
            "calls": runs[-1]["clock"].calls.get(label, 0),
        }
        for label in labels
    }
    # What no wrapper saw, per run and then the median (medians of parts do not add up).
    if "write" in labels:
        breakdown[WRITE_REST] = {
            "seconds": round(median([_write_rest(run["clock"].seconds) for run in runs]), 4)
        }
    breakdown[OUTSIDE] = {
        "seconds": round(
            median(
                [
                    run["wall"] - sum(run["clock"].seconds.get(label, 0.0) for label in _TOP_LEVEL)
                    for run in runs
                ]
            ),
            4,
        )
    }
    side: dict[str, Any] = {
        "seconds": round(seconds, 4),
        "cpu_seconds": round(median(cpus), 4),
        "rounds_seconds": [round(w, 4) for w in walls],
        "rounds_cpu_seconds": [round(c, 4) for c in cpus],
        "articles_per_second": round(articles_per_second(articles, seconds), 3),
        "chars_per_second": round(articles_per_second(chars, seconds), 1),
        "breakdown": breakdown,
        "analysed": runs[-1]["analysed"],
    }
    if "summary" in runs[-1]:
        side["open_seconds"] = round(median([run["open"] for run in runs]), 4)
        side["summary"] = runs[-1]["summary"]
    return side


def measure_throughput(
    paths: Sequence[str],
    analyzer: Any,
    *,
    repeat: int = 3,
    postgres: str | None = DEFAULT_POSTGRES,
    warm_up: bool = True,
    progress: bool = True,
) -> dict[str, Any]:
    """Time (a) analyze alone, (b) ingest into SQLite and (c) into PostgreSQL, interleaved.

    Args:
        paths: the article files, read by each side (reading is part of the job).
        analyzer: a loaded ``Analyzer``, shared by every side.
        repeat: timed rounds; each side's figure is the median of its rounds.
        postgres: the server URL for (c); ``None`` skips (c), as does a server that does not
            answer (``skipped`` says why).
        warm_up: one untimed run of each side first (lazy imports, caches, the allocator).
    """
    chars = sum(len(Path(path).read_text(encoding="utf-8", errors="replace")) for path in paths)
    sides = ["analyze", "sqlite"]
    skipped: dict[str, str] = {}
    if postgres is None:
        skipped["postgresql"] = "not asked for"
    elif problem := postgres_problem(postgres):
        skipped["postgresql"] = f"no PostgreSQL server answers ({problem})"
    else:
        sides.append("postgresql")
    for side, why in skipped.items():
        if progress:
            print(f"  skipping {side}: {why}", file=sys.stderr)
    runs: dict[str, list[dict[str, Any]]] = {side: [] for side in sides}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        if warm_up:
            for side in sides:
                run = _timed_run(side, paths, analyzer, Path(folder), postgres)
                if progress:
                    print(f"  warm-up: {LABELS[side]:<26} {run['wall']:7.2f} s", file=sys.stderr)
        for round_index in range(repeat):
            for side in rotation(round_index, sides):
                run = _timed_run(side, paths, analyzer, Path(folder), postgres)
                runs[side].append(run)
                if progress:
                    print(
                        f"  round {round_index + 1}: {LABELS[side]:<26} {run['wall']:7.2f} s",
                        file=sys.stderr,
                    )
    figures: dict[str, Any] = {
        "articles": len(paths),
        "chars": chars,
        "repeat": repeat,
        "bar": STORE_BAR,
        "skipped": skipped,
        "sides": {side: _summarise(runs[side], len(paths), chars) for side in sides},
        "ratios": {},
    }
    base = median([run["wall"] for run in runs["analyze"]])
    base_cpu = median([run["cpu"] for run in runs["analyze"]])
    for side in sides[1:]:
        wall = median([run["wall"] for run in runs[side]]) / base
        cpu = median([run["cpu"] for run in runs[side]]) / base_cpu
        figures["ratios"][side] = {
            "ratio": round(wall, 4),
            "cpu_ratio": round(cpu, 4),
            "within_bar": wall <= STORE_BAR,
        }
    return figures


# -- memory over a long ingest --------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """One reading of the ingest process: when, its memory, and what the store holds."""

    seconds: float
    rss_kib: int | None
    hwm_kib: int | None
    sightings: int | None
    articles: int | None


def rss_at(samples: Sequence[Sample], processed: int) -> Sample | None:
    """The first sample taken once ``processed`` articles were read (sightings), else the last.

    A sample whose store count is unknown (the store was not yet created) or that has no
    VmRSS (the process was exiting) is passed over.
    """
    counted = [s for s in samples if s.sightings is not None and s.rss_kib is not None]
    for sample in counted:
        if sample.sightings is not None and sample.sightings >= processed:
            return sample
    return counted[-1] if counted else None


def rss_window(samples: Sequence[Sample], mark: int, width: int) -> tuple[int, int, int] | None:
    """VmRSS (lowest, highest, samples) while the ``width`` articles before ``mark`` were read.

    A single reading lands anywhere in the cycle of a spaCy batch (tens of MiB up, then back
    down), so flatness is judged on the floor (what stays resident between batches) and the
    ceiling of a stretch, not on one sample. Falls back to the last ``max(2, width // 50)``
    samples with a count when none fall inside (a short run, or the end of the input).
    """
    counted = [s for s in samples if s.sightings is not None and s.rss_kib is not None]
    inside = [s for s in counted if mark - width <= (s.sightings or 0) < mark]
    if not inside:
        reached = [s for s in counted if (s.sightings or 0) < mark]
        inside = reached[-max(2, width // 50) :]
    if not inside:
        return None
    values = [s.rss_kib for s in inside if s.rss_kib is not None]
    return min(values), max(values), len(values)


def checkpoints(articles: int) -> list[int]:
    """Where RSS is reported: 1k, 2k, 5k and 10k of 10,000 (the same shares of fewer)."""
    return sorted({max(1, round(articles * share)) for share in CHECKPOINTS})


def _proc_status(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None


def _count(connection: sqlite3.Connection | None) -> tuple[int | None, int | None]:
    if connection is None:
        return None, None
    try:
        sightings = connection.execute("SELECT count(*) FROM sightings").fetchone()[0]
        articles = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or busy: try again next time
        return None, None
    return int(sightings), int(articles)


def measure_memory(
    articles: int,
    folder: Path,
    *,
    seed: int = 20240601,
    interval: float = SAMPLE_INTERVAL,
    progress: bool = True,
) -> dict[str, Any]:
    """Ingest ``articles`` synthetic articles in a subprocess; its RSS as the store grows."""
    made = synthetic_articles(articles, seed=seed)
    source = write_jsonl(made, folder / "synthetic.jsonl")
    database = folder / "memory.db"
    url = f"sqlite:///{database}"
    command = [sys.executable, "-m", "rashomon", "ingest", str(source), "--db", url]
    command += ["--format", "json"]
    out_path, err_path = folder / "ingest.out", folder / "ingest.err"
    samples: list[Sample] = []
    connection: sqlite3.Connection | None = None
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        next_report = 0.0
        try:
            while True:
                status = _proc_status(child.pid)
                if connection is None and database.exists():
                    try:
                        connection = sqlite3.connect(
                            f"file:{database}?mode=ro", uri=True, timeout=0.2
                        )
                    except sqlite3.Error:
                        connection = None
                sightings, stored = _count(connection)
                elapsed = time.perf_counter() - started
                if status is not None:
                    samples.append(
                        Sample(
                            seconds=round(elapsed, 2),
                            rss_kib=status_kib("VmRSS", status),
                            hwm_kib=status_kib("VmHWM", status),
                            sightings=sightings,
                            articles=stored,
                        )
                    )
                if progress and elapsed >= next_report:
                    rss = samples[-1].rss_kib if samples else None
                    shown = "?" if rss is None else f"{rss / 1024:.1f} MiB"
                    print(
                        f"  {elapsed:6.0f} s: {sightings or 0:>6} of {articles} read, RSS {shown}",
                        file=sys.stderr,
                    )
                    next_report = elapsed + 30.0
                pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
                if pid:
                    child.returncode = os.waitstatus_to_exitcode(wait_status)
                    break
                time.sleep(interval)
        finally:
            if child.returncode is None:
                child.kill()
                child.wait()
    seconds = time.perf_counter() - started
    if connection is None:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    final_sightings, final_articles = _count(connection)
    connection.close()
    if child.returncode != 0:
        tail = err_path.read_text(encoding="utf-8", errors="replace").strip()[-2000:]
        raise RuntimeError(f"rashomon ingest exited with {child.returncode}:\n{tail}")
    summary = json.loads(out_path.read_text(encoding="utf-8"))
    # ru_maxrss of the waited child, KiB on Linux: its peak, from exec to exit.
    peak_kib = int(usage.ru_maxrss)
    width = max(1, articles // 20)
    rows = []
    # Readings once every article was stored are of a process closing its store and exiting
    # (its RSS drops): the last checkpoint is the last reading while it was still working.
    working = [
        s for s in samples if final_sightings is None or (s.sightings or 0) < final_sightings
    ]
    for mark in checkpoints(articles):
        sample = rss_at(working, mark)
        window = rss_window(working, mark, width)
        if sample is not None:
            low, high, count = window if window else (None, None, 0)
            rows.append(
                {
                    "target": mark,
                    **sample.__dict__,
                    "window_articles": width,
                    "window_samples": count,
                    "rss_low_kib": low,
                    "rss_high_kib": high,
                }
            )
    first, last = (rows[0], rows[-1]) if rows else ({}, {})
    growth = {
        key: (last.get(key) or 0) - (first.get(key) or 0)
        for key in ("rss_kib", "rss_low_kib", "rss_high_kib")
    }
    base = first.get("rss_low_kib") or 0
    stored_from = next(
        (sample for sample in samples if sample.sightings),
        None,
    )
    steady_rate = None
    if stored_from is not None and samples and final_sightings:
        span = seconds - stored_from.seconds
        steady_rate = (final_sightings - (stored_from.sightings or 0)) / span if span > 0 else None
    kinds = {
        kind: sum(1 for a in made if a.kind == kind) for kind in ("duplicate", "republication")
    }
    return {
        "articles": articles,
        "input": {
            "chars": sum(len(a.text) for a in made),
            "words_mean": round(sum(len(a.text.split()) for a in made) / max(len(made), 1), 1),
            "duplicates": kinds["duplicate"],
            "republications": kinds["republication"],
            "jsonl_bytes": source.stat().st_size,
        },
        "command": " ".join(command[1:]),
        "seconds": round(seconds, 2),
        "ingest_summary": summary,
        "stored": {"sightings": final_sightings, "articles": final_articles},
        "store_bytes": database.stat().st_size,
        "articles_per_second": round(articles_per_second(articles, seconds), 2),
        "articles_per_second_after_first": round(steady_rate, 2) if steady_rate else None,
        "first_stored_at_seconds": stored_from.seconds if stored_from else None,
        "checkpoints": rows,
        "peak_rss_kib": peak_kib,
        "last_hwm_kib": next((s.hwm_kib for s in reversed(samples) if s.hwm_kib), None),
        # Growth of the floor (VmRSS between batches) from the first checkpoint to the last;
        # also of the ceiling, and of the single samples.
        "growth_kib": growth["rss_low_kib"],
        "growth_percent": round(100.0 * growth["rss_low_kib"] / base, 2) if base else 0.0,
        "growth_high_kib": growth["rss_high_kib"],
        "growth_sample_kib": growth["rss_kib"],
        "samples": [sample.__dict__ for sample in samples],
    }


def segment_rates(samples: Sequence[dict[str, Any]], marks: Sequence[int]) -> list[dict[str, Any]]:
    """Articles per second between consecutive marks (does writing slow as the store grows?)."""
    rows = []
    previous: dict[str, Any] | None = None
    for mark in marks:
        found = next((s for s in samples if (s.get("sightings") or 0) >= mark), None)
        if found is None:
            break
        if previous is not None and found["seconds"] > previous["seconds"]:
            rows.append(
                {
                    "from": previous["sightings"],
                    "to": found["sightings"],
                    "articles_per_second": round(
                        (found["sightings"] - previous["sightings"])
                        / (found["seconds"] - previous["seconds"]),
                        2,
                    ),
                }
            )
        previous = found
    return rows


# -- does a write cost more in a bigger store? ----------------------------------------------

#: Fresh synthetic articles written into an empty store and into the memory run's full one.
GROWTH_ARTICLES = 40


def measure_store_size(
    full: Path,
    analyzer: Any,
    *,
    count: int = GROWTH_ARTICLES,
    repeat: int = 3,
    seed: int = 20240602,
    progress: bool = True,
) -> dict[str, Any]:
    """Time ``StoreWriter.write`` of ``count`` new articles into an empty store and a full one.

    The articles (originals of another seed) are analysed once, untimed; each round writes
    them into a fresh empty SQLite file and into a fresh copy of ``full`` (the memory run's
    store), in alternating order, with the write broken down as in the throughput table.
    """
    import shutil

    from rashomon.read import to_article
    from rashomon.store import Store
    from rashomon.store.writer import Place, StoreWriter

    made = synthetic_articles(count, seed=seed, duplicate_share=0.0, republication_share=0.0)
    analyses = list(
        analyzer.analyze_many(
            to_article(a.text, article_id=a.id, published=a.published, url=a.url, outlet=a.outlet)
            for a in made
        )
    )
    places = [
        Place(f"store-size/{a.id}", url=a.url, outlet=a.outlet, published=a.published) for a in made
    ]
    with Store.open(f"sqlite:///{full}") as store, store.session() as session:
        from sqlalchemy import func, select

        from rashomon.store.schema import ArticleRow, ClaimRow, ClaimTermRow

        held = {
            "articles": session.scalar(select(func.count()).select_from(ArticleRow)),
            "claims": session.scalar(select(func.count()).select_from(ClaimRow)),
            "claim_terms": session.scalar(select(func.count()).select_from(ClaimTermRow)),
        }
    runs: dict[str, list[tuple[float, StoreClock]]] = {"empty": [], "full": []}
    with tempfile.TemporaryDirectory(prefix="bench-ingest-size-") as folder:
        for round_index in range(repeat):
            for side in rotation(round_index, ["empty", "full"]):
                path = Path(folder) / f"{side}-{round_index}.db"
                if side == "full":
                    for suffix in ("", "-wal"):
                        if Path(f"{full}{suffix}").exists():
                            shutil.copyfile(f"{full}{suffix}", f"{path}{suffix}")
                store = Store.open(f"sqlite:///{path}", write=True)
                writer, clock = StoreWriter(store), StoreClock()
                try:
                    gc.collect()
                    with clock.patched():
                        start = time.perf_counter()
                        for analysis, place in zip(analyses, places, strict=True):
                            writer.write(analysis, place)
                        seconds = time.perf_counter() - start
                finally:
                    store.close()
                for leftover in Path(folder).glob(path.name + "*"):
                    leftover.unlink()
                runs[side].append((seconds, clock))
                if progress:
                    print(f"  round {round_index + 1}: {side:<6} {seconds:7.2f} s", file=sys.stderr)
    sides = {}
    for side, timings in runs.items():
        labels = sorted({label for _, clock in timings for label in clock.seconds})
        sides[side] = {
            "seconds": round(median([seconds for seconds, _ in timings]), 4),
            "rounds_seconds": [round(seconds, 4) for seconds, _ in timings],
            "ms_per_article": round(1000 * median([s for s, _ in timings]) / count, 2),
            "breakdown_ms_per_article": {
                label: round(
                    1000 * median([clock.seconds.get(label, 0.0) for _, clock in timings]) / count,
                    2,
                )
                for label in labels
            },
        }
        sides[side]["breakdown_ms_per_article"][WRITE_REST] = round(
            1000 * median([_write_rest(clock.seconds) for _, clock in timings]) / count, 2
        )
    return {"articles": count, "full_store": held, "repeat": repeat, "sides": sides}


# -- report ---------------------------------------------------------------------------------


def _mib(kib: int | None) -> str:
    return "n/a" if kib is None else f"{kib / 1024:,.1f} MiB"


_BREAKDOWN_ORDER = (
    "analysis",
    "lookup",
    "write",
    "write: fingerprint",
    "write: JSON document",
    "write: provenance",
    "write: findings",
    "write: claim ledger",
    WRITE_REST,
    OUTSIDE,
)


def render(figures: dict[str, Any]) -> str:
    """The figures as a plain-text table, for the terminal and for README.md."""
    env = figures["environment"]
    lines = [
        f"rashomon ingest benchmark — Python {env['python']}, spaCy {env['spacy']}, "
        f"{env['cpu_count']} CPUs, SQLite {env['sqlite']}, PostgreSQL {env.get('postgresql')}",
    ]
    throughput = figures.get("throughput")
    if throughput:
        lines += [
            "",
            f"Throughput: {throughput['articles']} texts, {throughput['chars']:,} chars "
            f"({throughput['source']}); {throughput['repeat']} interleaved rounds, median",
            "",
            f"{'':<30}{'wall s':>9}{'cpu s':>9}{'articles/s':>12}{'ratio':>8}{'cpu ratio':>11}",
        ]
        for side, data in throughput["sides"].items():
            ratio = throughput["ratios"].get(side)
            tail = (
                f"{ratio['ratio']:>8.3f}{ratio['cpu_ratio']:>11.3f}"
                f"   {'ok' if ratio['within_bar'] else 'OVER'} (bar ≤ {STORE_BAR:.2f})"
                if ratio
                else ""
            )
            lines.append(
                f"{LABELS[side]:<30}{data['seconds']:>9.2f}{data['cpu_seconds']:>9.2f}"
                f"{data['articles_per_second']:>12.2f}{tail}"
            )
        for side, why in throughput["skipped"].items():
            lines.append(f"{LABELS[side]:<30}skipped: {why}")
        lines += [
            "",
            "   rounds (wall s): "
            + "; ".join(
                f"{side} {', '.join(f'{s:.2f}' for s in data['rounds_seconds'])}"
                for side, data in throughput["sides"].items()
            ),
        ]
        lines += ["", "Where the time goes (s, median of rounds; 'store' = write + lookup):"]
        stored = [side for side in throughput["sides"] if side != "analyze"]
        header = f"{'':<30}" + "".join(f"{side:>14}" for side in throughput["sides"])
        lines.append(header)
        for label in _BREAKDOWN_ORDER:
            cells = []
            for data in throughput["sides"].values():
                value = data["breakdown"].get(label)
                cells.append(f"{value['seconds']:>14.3f}" if value else f"{'—':>14}")
            name = ("   " if label.startswith("write:") else "") + label
            lines.append(f"{name:<30}" + "".join(cells))
        for side in stored:
            data = throughput["sides"][side]
            store = sum(
                data["breakdown"].get(label, {}).get("seconds", 0.0)
                for label in ("lookup", "write")
            )
            per = 1000 * store / max(throughput["articles"], 1)
            lines.append(
                f"   {side}: store {store:.3f} s = {per:.1f} ms/article; open + migrate a fresh "
                f"store {data['open_seconds']:.2f} s (once per store, outside the ratio)"
            )
    memory = figures.get("memory")
    if memory:
        inp = memory["input"]
        lines += [
            "",
            f"Memory: `rashomon ingest` of {memory['articles']:,} synthetic articles "
            f"({inp['words_mean']:.0f} words on average, {inp['duplicates']} exact duplicates, "
            f"{inp['republications']} republications) into a fresh SQLite file, in a subprocess",
            "",
            f"{'after (articles read)':<24}{'VmRSS':>11}{'floor':>11}{'ceiling':>11}"
            f"{'VmHWM':>11}{'stored':>8}{'s':>6}",
        ]
        for row in memory["checkpoints"]:
            label = f"~{row['target']:,} ({row['sightings']:,})"
            lines.append(
                f"   {label:<21}{_mib(row['rss_kib']):>11}{_mib(row['rss_low_kib']):>11}"
                f"{_mib(row['rss_high_kib']):>11}{_mib(row['hwm_kib']):>11}"
                f"{row['articles']:>8,}{row['seconds']:>6.0f}"
            )
        first, last = memory["checkpoints"][0], memory["checkpoints"][-1]
        lines.append(
            f"   floor/ceiling: lowest/highest VmRSS over the last {first['window_articles']:,} "
            "articles before each mark (one reading lands anywhere in a batch's rise and fall)"
        )
        lines.append(
            f"   growth ~{first['target']:,} → ~{last['target']:,}: floor "
            f"{memory['growth_kib'] / 1024:+.1f} MiB ({memory['growth_percent']:+.2f}%), ceiling "
            f"{memory['growth_high_kib'] / 1024:+.1f} MiB; peak (ru_maxrss) "
            f"{_mib(memory['peak_rss_kib'])}"
        )
        summary = memory["ingest_summary"]
        lines.append(
            f"   ingest: {summary['new']:,} new ({summary['republications']:,} republications), "
            f"{summary['duplicates']:,} duplicates, {len(summary['failed'])} failed; "
            f"{memory['seconds']:.0f} s, {memory['articles_per_second']:.1f} articles/s "
            f"overall, {memory['articles_per_second_after_first'] or 0:.1f} after the first "
            f"store (model loaded at ~{memory['first_stored_at_seconds'] or 0:.0f} s)"
        )
        rates = memory.get("segment_rates") or []
        if rates:
            lines.append(
                "   articles/s by stretch: "
                + ", ".join(
                    f"{r['from']:,}–{r['to']:,}: {r['articles_per_second']:.1f}" for r in rates
                )
            )
        lines.append(f"   store file: {memory['store_bytes'] / 2**20:,.1f} MiB")
    size = figures.get("store_size")
    if size:
        held = size["full_store"]
        lines += [
            "",
            f"Store size: StoreWriter.write of {size['articles']} new synthetic articles into an "
            f"empty SQLite store and into the full one ({held['articles']:,} articles, "
            f"{held['claims']:,} claims, {held['claim_terms']:,} claim terms); "
            f"{size['repeat']} rounds, median, ms per article",
            "",
            f"{'':<30}{'empty':>10}{'full':>10}",
        ]
        empty, full = size["sides"]["empty"], size["sides"]["full"]
        lines.append(
            f"{'write (all of it)':<30}{empty['ms_per_article']:>10.1f}"
            f"{full['ms_per_article']:>10.1f}"
        )
        for label in _BREAKDOWN_ORDER:
            if not label.startswith("write:"):
                continue
            a = empty["breakdown_ms_per_article"].get(label)
            b = full["breakdown_ms_per_article"].get(label)
            if a is None and b is None:
                continue
            lines.append(f"{'   ' + label:<30}{a or 0:>10.1f}{b or 0:>10.1f}")
    return "\n".join(lines)


def _environment() -> dict[str, Any]:
    from spacy import about as spacy_about

    import rashomon

    server = None
    try:
        from sqlalchemy import create_engine, text

        engine = create_engine(DEFAULT_POSTGRES, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            server = connection.execute(text("show server_version")).scalar()
        engine.dispose()
    except Exception:  # only a label in the report
        server = None
    return {
        "python": platform.python_version(),
        "spacy": spacy_about.__version__,
        "rashomon": rashomon.__version__,
        "sqlite": sqlite3.sqlite_version,
        "postgresql": server,
        "cpu_count": os.cpu_count(),
        "platform": platform.platform(),
    }


def corpus_paths(folder: Path, limit: int | None) -> list[str]:
    """Up to ``limit`` non-empty ``*.txt`` files of ``folder``, sorted and spread evenly."""
    if not folder.is_dir():
        return []
    files = [
        path
        for path in sorted(folder.glob("*.txt"))
        if path.is_file() and path.read_text(encoding="utf-8", errors="replace").strip()
    ]
    return [str(path) for path in sample_evenly(files, limit)]


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="a folder of .txt files for the throughput (default: PolNeAR dev texts)",
    )
    parser.add_argument(
        "--limit", type=int, default=DEFAULT_LIMIT, help="texts to time; 0 = all (default 40)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument(
        "--articles",
        type=int,
        default=DEFAULT_ARTICLES,
        help=f"synthetic articles in the memory run (default {DEFAULT_ARTICLES})",
    )
    parser.add_argument("--seed", type=int, default=20240601, help="for the synthetic articles")
    parser.add_argument(
        "--postgres",
        default=DEFAULT_POSTGRES,
        help="PostgreSQL server for (c); a fresh schema is made and dropped ('' skips it)",
    )
    parser.add_argument(
        "--skip-throughput", action="store_true", help="skip (a), (b) and (c) on real texts"
    )
    parser.add_argument(
        "--skip-memory",
        action="store_true",
        help="skip the long ingest (and the write cost in its full store)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1 or arguments.limit < 0 or arguments.articles < 1:
        parser.error("--repeat and --articles must be ≥ 1 and --limit ≥ 0")
    return arguments


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks asked for, print the table, and write the JSON when asked."""
    arguments = _arguments(argv)
    figures: dict[str, Any] = {
        "benchmark": "rashomon.bench_ingest/1",
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": _environment(),
    }
    # Everything this process runs is imported now, once: the whole run then times one
    # version of the code, even if the working tree changes while it runs.
    import rashomon.ingest
    import rashomon.pipeline
    import rashomon.read
    import rashomon.store.writer  # noqa: F401

    analyzer = None

    def save() -> None:
        # After each part, so a later failure does not lose a long run's figures.
        if arguments.json:
            arguments.json.parent.mkdir(parents=True, exist_ok=True)
            arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")

    with tempfile.TemporaryDirectory(prefix="bench-ingest-memory-") as folder:
        # Memory first, while this process holds no model: a child's ru_maxrss starts from
        # its parent's size at fork.
        if not arguments.skip_memory:
            print(f"memory: ingesting {arguments.articles:,} synthetic articles", file=sys.stderr)
            memory = measure_memory(arguments.articles, Path(folder), seed=arguments.seed)
            # The process ends between two samples: its end, from the store, closes the
            # last stretch.
            end = {"seconds": memory["seconds"], "sightings": memory["stored"]["sightings"]}
            memory["segment_rates"] = segment_rates(
                [*memory["samples"], end], [1, *checkpoints(arguments.articles)]
            )
            figures["memory"] = memory
            save()
        if not arguments.skip_throughput:
            paths = corpus_paths(arguments.corpus, arguments.limit or None)
            if not paths:
                print(
                    f"skipping throughput: no .txt files in {arguments.corpus} "
                    "(the PolNeAR dev texts live in ../shared/data/polnear/dev/text; "
                    "or pass --corpus DIR)",
                    file=sys.stderr,
                )
            else:
                print(f"throughput: {len(paths)} texts from {arguments.corpus}", file=sys.stderr)
                analyzer, load = _load_analyzer()
                throughput = measure_throughput(
                    paths,
                    analyzer,
                    repeat=arguments.repeat,
                    postgres=arguments.postgres or None,
                )
                throughput["source"] = str(arguments.corpus)
                throughput["load_seconds"] = round(load, 3)
                figures["throughput"] = throughput
                save()
        full = Path(folder) / "memory.db"
        if not arguments.skip_memory and full.exists():
            print(
                f"store size: writing {GROWTH_ARTICLES} more articles into an empty store and "
                f"into the {arguments.articles:,}-article one",
                file=sys.stderr,
            )
            if analyzer is None:
                analyzer, _ = _load_analyzer()
            figures["store_size"] = measure_store_size(
                full, analyzer, repeat=arguments.repeat, seed=arguments.seed + 1
            )
    print(render(figures))
    if arguments.json:
        save()
        print(f"figures written to {arguments.json}", file=sys.stderr)
    return 0


def _load_analyzer() -> tuple[Any, float]:
    from rashomon.pipeline import Analyzer

    start = time.perf_counter()
    analyzer = Analyzer()
    return analyzer, time.perf_counter() - start


if __name__ == "__main__":
    sys.exit(main())
