"""Stores for the store tests, on SQLite and on PostgreSQL, and articles written for them.

Every store test runs twice: on a SQLite file in ``tmp_path`` and on the PostgreSQL server at
127.0.0.1:5432 (database ``test``, trust authentication), each test in a schema of its own
that is dropped afterwards. Where no server answers, the PostgreSQL run is skipped, saying so.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from rashomon.store import Store

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

# A ministry denies what farmers assert; written for these tests.
DAM_REPORT = """Dam dispute in the Korva valley

The water ministry on Friday denied reports that the Korva dam had burst.

"The Korva dam is intact and the valley is safe," ministry spokesman Petra Lind told reporters.

Farmers in the valley said the Korva dam burst on Thursday night and flooded their fields. \
"We lost everything," said Anton Berg, who grows barley near the river.
"""

# An independent report of the same event, in other words, by another outlet.
DAM_FOLLOW_UP = """Villagers count losses after flood

Residents of the Korva valley said on Saturday that the Korva dam burst and flooded dozens of farms.

Anton Berg, a barley farmer, said the water reached his roof within an hour.

The regional governor, Mira Holt, said an inquiry would examine the dam.
"""

# DAM_REPORT republished by another site, with a credit line and a disclaimer.
DAM_REPUBLISHED = (
    "By Lakeside Tribune\n\n"
    + DAM_REPORT
    + "\nValley Daily is not responsible for the content of republished articles.\n"
)

# Unrelated: nobody here speaks about the dam.
MARKET_NEWS = """Grain prices steady in Ostrava market

Grain traders in Ostrava said on Monday that barley prices held steady for a third week.

"Demand from the breweries is strong," said trader Lena Vogt.
"""


def _postgres_reachable() -> str | None:
    """``None`` when the server answers, else why not."""
    try:
        engine = create_engine(PG_SERVER, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as error:  # any failure means: skip, and say why
        return f"no PostgreSQL at 127.0.0.1:5432 ({type(error).__name__})"
    return None


_PG_PROBLEM: str | None | bool = False


def _pg_problem() -> str | None:
    global _PG_PROBLEM
    if _PG_PROBLEM is False:
        _PG_PROBLEM = _postgres_reachable()
    return _PG_PROBLEM  # type: ignore[return-value]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty store: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    problem = _pg_problem()
    if problem:
        pytest.skip(problem)
    schema = f"rashomon_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_SERVER)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{PG_SERVER}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An open, migrated, empty store."""
    opened = Store.open(store_url, write=True)
    try:
        yield opened
    finally:
        opened.close()


def write_articles(folder: Path, **texts: str) -> list[str]:
    """Write each text to ``folder/<name>.txt``; the paths, in the order given."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, body in texts.items():
        path = folder / f"{name}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(str(path))
    return paths
