"""Opening a store: a database URL in, a migrated SQLAlchemy engine out.

SQLite is the default (``rashomon.db`` in the working folder: one file, nothing to start);
PostgreSQL is a URL away (``postgresql://user@host/db``) for a store a team shares. The same
schema serves both, and Alembic migrates it: a store written by an older rashomon is brought up
to date when it is opened for writing, and refused with a one-line reason when it is opened
only for reading (reading never writes).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from rashomon.errors import StoreError

__all__ = ["DEFAULT_URL", "Store", "normalise_url"]

logger = logging.getLogger(__name__)

#: Where the store lives when no ``--db`` is given: a file in the working folder.
DEFAULT_URL = "sqlite:///rashomon.db"


def normalise_url(url: str | None) -> str:
    """The URL SQLAlchemy should open.

    A bare path is a SQLite file; ``postgresql://`` uses psycopg 3 (the driver rashomon
    installs) unless the URL names another driver.

    Raises:
        StoreError: the URL cannot be parsed.
    """
    if not url:
        return DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{url}"
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError("not a database URL", where=url) from error
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _shown(url: str) -> str:
    """The URL as it may be printed: no password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", "rashomon.store:migrations")
    return config


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers (`rashomon claims`, the web
    # app) read while an ingest writes; the busy timeout makes a second writer wait, not fail.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    # In WAL mode NORMAL still commits atomically and never corrupts the file; only the last
    # commits before a power cut can be lost, and a re-run of the ingest stores them again.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_postgresql_connect(dbapi_connection: Any, _record: Any) -> None:
    # The same trade as SQLite's synchronous=NORMAL: a commit no longer waits for the WAL
    # to reach the disk. Each article is still one atomic transaction; a server crash can
    # lose the last fraction of a second of commits (never part of one), and re-running
    # the ingest stores them again. Only this connection's commits are affected.
    cursor = dbapi_connection.cursor()
    cursor.execute("SET synchronous_commit = off")
    cursor.close()
    dbapi_connection.commit()


class Store:
    """An open store: an engine, sessions on it, and the schema at Alembic's head.

    Use ``Store.open(url, write=True)`` to ingest (creates and migrates as needed) and
    ``Store.open(url)`` to read (refuses a missing or out-of-date store).
    """

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str | None = None, *, write: bool = False) -> Store:
        """Open the store at ``url`` (``rashomon.db`` by default).

        Raises:
            StoreError: the URL is bad, the database cannot be reached, the store does not
                exist (reading), or it needs a migration (reading).
        """
        full = normalise_url(url)
        shown = _shown(full)
        parsed = make_url(full)
        is_sqlite = parsed.get_backend_name() == "sqlite"
        if is_sqlite and parsed.database and parsed.database != ":memory:":
            path = Path(parsed.database)
            if not write and not path.exists():
                raise StoreError("no store here yet (run `rashomon ingest` first)", where=shown)
            if write and not path.parent.exists():
                raise StoreError(f"the folder {path.parent} does not exist", where=shown)
        try:
            engine = create_engine(full, pool_pre_ping=not is_sqlite)
        except (ArgumentError, NoSuchModuleError) as error:
            raise StoreError(f"cannot use this database ({error})", where=shown) from error
        if is_sqlite:
            event.listen(engine, "connect", _on_sqlite_connect)
        elif write:
            event.listen(engine, "connect", _on_postgresql_connect)
        store = cls(engine, shown)
        try:
            store._prepare(write=write)
        except DBAPIError as error:
            engine.dispose()
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise StoreError(f"cannot open the database ({reason})", where=shown) from error
        except StoreError:
            engine.dispose()
            raise
        return store

    def _prepare(self, *, write: bool) -> None:
        head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
        with self.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        if not write:
            if current is None:
                raise StoreError(
                    "no rashomon store here (run `rashomon ingest` first)", where=self.url
                )
            raise StoreError(
                f"the store is at schema {current}, this rashomon needs {head} "
                "(run `rashomon ingest` once to migrate it)",
                where=self.url,
            )
        logger.info("migrating the store from %s to %s", current or "nothing", head)
        config = _alembic_config()
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading (nothing it does is committed)."""
        with self._sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all.

        Raises:
            StoreError: the database refused the write (the transaction is rolled back).
        """
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as error:
            reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
            raise StoreError(f"the write failed ({reason})", where=self.url) from error

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
