"""Alembic migrations: an older store is brought up to date on write, refused on read."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from rashomon.errors import StoreError
from rashomon.store import Store, queries
from rashomon.store.database import _alembic_config


def _store_at(url: str, revision: str) -> None:
    """Create a store migrated only up to ``revision``."""
    engine = create_engine(url)
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


@pytest.mark.parametrize(
    ("revision", "new_column", "rows"),
    [
        # 0002 gave claims their sentence embedding; 0003 gave attributions a confidence.
        ("0001", "SELECT embedding FROM claims", [(None,)]),
        ("0002", "SELECT confidence FROM attributions", []),
    ],
)
def test_an_older_store_is_upgraded_keeping_its_rows(
    store_url: str, revision: str, new_column: str, rows: list[tuple[None]]
) -> None:
    _store_at(store_url, revision)
    engine = create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO claims (id, text, terms, negated, asserted, denied, contested) "
                "VALUES (1, 'the dam burst', '[\"dam\"]', false, 1, 1, true)"
            )
        )
    engine.dispose()
    with pytest.raises(StoreError, match="this rashomon needs"):
        Store.open(store_url)
    with Store.open(store_url, write=True) as store:
        (claim,) = queries.claims(store)
        assert (claim.text, claim.contested) == ("the dam burst", True)
        with store.engine.connect() as connection:
            assert connection.execute(text(new_column)).all() == rows
    with Store.open(store_url) as reopened:
        assert queries.status(reopened)["claims"] == 1


def test_a_database_that_is_not_a_store_is_refused_for_reading(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (x INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="no rashomon store here"):
        Store.open(str(path))
