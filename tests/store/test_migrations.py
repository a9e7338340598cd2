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


def test_a_store_of_the_first_schema_is_upgraded_keeping_its_rows(store_url: str) -> None:
    _store_at(store_url, "0001")
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
            columns = connection.execute(text("SELECT embedding FROM claims")).all()
        assert columns == [(None,)]
    with Store.open(store_url) as reopened:
        assert queries.status(reopened)["claims"] == 1


def test_a_store_before_confidence_gains_the_column_and_keeps_its_rows(store_url: str) -> None:
    _store_at(store_url, "0002")
    engine = create_engine(store_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO claims (id, text, terms, negated, asserted, denied, contested) "
                "VALUES (1, 'the pier collapsed', '[\"pier\"]', false, 1, 0, false)"
            )
        )
    engine.dispose()
    with pytest.raises(StoreError, match="this rashomon needs"):
        Store.open(store_url)
    with Store.open(store_url, write=True) as store:
        (claim,) = queries.claims(store)
        assert claim.text == "the pier collapsed"
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT confidence FROM attributions")).all() == []


def test_a_database_that_is_not_a_store_is_refused_for_reading(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (x INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="no rashomon store here"):
        Store.open(str(path))
