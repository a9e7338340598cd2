"""Ingest as a user runs it: killed half-way and run again, and on several processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rashomon.ingest import InProcess, ProcessPool, ingest
from rashomon.pipeline import Analyzer
from rashomon.store import Store, queries
from rashomon.store.schema import ArticleRow, AttributionRow, EntityRow, EventRow, SightingRow

RASHOMON = [sys.executable, "-m", "rashomon"]

_TOWNS = ["Aldmoor", "Brenna", "Caldera", "Dunmere", "Eskel", "Farrow", "Glenth", "Harwick"]
_PEOPLE = ["Ida Morn", "Jon Tessel", "Kara Vell", "Lio Brandt", "Mae Orrin", "Nils Akers"]


def _corpus(folder: Path, count: int) -> list[str]:
    """``count`` distinct short articles, each with a statement and a denial."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        town, other = _TOWNS[n % len(_TOWNS)], _TOWNS[(n + 3) % len(_TOWNS)]
        person = _PEOPLE[n % len(_PEOPLE)]
        body = (
            f"Bridge closure number {n} in {town}\n\n"
            f"The {town} council said on Monday that the bridge to {other} would close for "
            f"{n + 2} weeks of repairs.\n\n"
            f'"The bridge is safe and will stay open," said {person}, who leads the '
            f"{other} traders' association, denying that repairs were needed.\n"
        )
        (folder / f"story-{n:03d}.txt").write_text(body, encoding="utf-8")
    return [str(folder)]


def _consistent(url: str) -> tuple[int, int]:
    """(articles, sightings), after checking that every stored article is whole."""
    with Store.open(url) as store, store.session() as session:
        for row in session.execute(select(ArticleRow)).scalars():
            document = json.loads(row.document)
            for table, key in (
                (AttributionRow, "attributions"),
                (EntityRow, "entities"),
                (EventRow, "events"),
            ):
                stored = session.scalar(
                    select(func.count()).select_from(table).where(table.article_id == row.id)
                )
                assert stored == len(document[key]), f"{row.name}: {key} partly stored"
        articles = session.scalar(select(func.count()).select_from(ArticleRow)) or 0
        sightings = session.scalar(select(func.count()).select_from(SightingRow)) or 0
    return articles, sightings


def _stored(url: str) -> int:
    try:
        with Store.open(url) as store:
            return queries.status(store)["articles"]
    except Exception:  # not created yet, or being migrated
        return 0


@pytest.mark.slow
def test_an_ingest_killed_with_sigkill_resumes_with_nothing_lost_or_twice(tmp_path: Path) -> None:
    count = 60
    paths = _corpus(tmp_path / "in", count)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    command = [*RASHOMON, "ingest", *paths, "--db", url, "--published", "2025-05-05"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while _stored(url) < 5 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert process.poll() is None, "the ingest finished before it could be killed"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    articles, sightings = _consistent(url)
    assert 5 <= articles < count
    assert sightings == articles

    finished = subprocess.run(
        [*command, "--format", "json"], capture_output=True, text=True, timeout=300
    )
    assert finished.returncode == 0, finished.stderr
    summary = json.loads(finished.stdout)
    assert summary["seen"] == articles
    assert summary["new"] == count - articles
    assert _consistent(url) == (count, count)


@pytest.mark.slow
def test_several_workers_store_what_one_process_stores(tmp_path: Path, analyzer: Analyzer) -> None:
    paths = _corpus(tmp_path / "in", 24)
    one = Store.open(f"sqlite:///{tmp_path / 'one.db'}", write=True)
    many = Store.open(f"sqlite:///{tmp_path / 'many.db'}", write=True)
    pool = ProcessPool(2, chunk_size=4)
    try:
        first = ingest(paths, one, InProcess(analyzer))
        second = ingest(paths, many, pool)
        assert first.to_dict() == second.to_dict()
        assert queries.status(one) == queries.status(many)
        with one.session() as a, many.session() as b:
            order = (ArticleRow.name,)
            names_one = a.execute(select(ArticleRow.name, ArticleRow.key).order_by(*order)).all()
            names_many = b.execute(select(ArticleRow.name, ArticleRow.key).order_by(*order)).all()
        assert names_one == names_many
    finally:
        pool.close()
        one.close()
        many.close()
