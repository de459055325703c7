"""SQLite store: one file under TRAINER_HOME, every turn committed as it happens.

WAL mode lets a report read while a session writes; a busy timeout lets two
trainees on one machine write without "database is locked" errors; each
write is its own short IMMEDIATE transaction, so a killed process leaves
every completed turn on disk. Use it as a context manager, so the connection
is closed however the command ends:

    with open_store() as store:
        store.list_sessions()
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from trainer.clock import now
from trainer.errors import BadInput, TrainerError
from trainer.paths import trainer_home
from trainer.store.base import NoAttemptsLeft
from trainer.store.migrations import MIGRATIONS, SQLITE
from trainer.store.queries import Connection
from trainer.store.sql import SqlStore, UnknownSession

__all__ = ["NoAttemptsLeft", "SqliteStore", "UnknownSession", "open_store"]

DB_NAME = "trainer.db"


class SqliteStore(SqlStore):
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BadInput(
                f"{path.parent}: cannot use it for user data ({exc.strerror or exc}); "
                "set TRAINER_HOME to a folder you can write to"
            ) from None
        try:
            self._db = sqlite3.connect(
                path, timeout=15, isolation_level=None, check_same_thread=False
            )
            self._db.row_factory = sqlite3.Row  # rows are read by column name
            self._db.execute("PRAGMA busy_timeout=15000")
            _use_wal(self._db)
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise TrainerError(f"{path}: cannot open the database: {exc}") from None
        self._lock = threading.RLock()
        try:
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise TrainerError(f"{path}: cannot prepare the database: {exc}") from None

    # --- plumbing ---------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def _migrate(self) -> None:
        with self._write() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied TEXT)"
            )
        # One transaction per migration: a failure leaves every earlier one
        # applied and recorded, and the next start resumes at the one that
        # failed. Whether a migration is done is asked inside its own
        # transaction, so two processes opening a new database at once never
        # both apply it.
        for migration in MIGRATIONS:
            with self._write() as db:
                name = migration.name
                if db.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (name,)).fetchone():
                    continue
                for statement in migration.script_for(SQLITE).split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, now()))

    def applied_migrations(self) -> list[str]:
        with self._lock:
            return [
                r["name"]
                for r in self._db.execute("SELECT name FROM schema_migrations ORDER BY name")
            ]

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._lock:
            yield self._db

    @contextmanager
    def _consistent_read(self) -> Iterator[Connection]:
        with self._lock:
            # Under WAL a read transaction sees the database as of its first
            # read, whatever other connections commit meanwhile.
            self._db.execute("BEGIN")
            try:
                yield self._db
            finally:
                self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _use_wal(db: sqlite3.Connection) -> None:
    """Switch a database to WAL. The switch takes an exclusive lock without
    waiting on the busy timeout, so when several processes open a new
    database at once, the ones that lose the race try again shortly."""
    deadline = time.monotonic() + 15
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def open_store(home: Path | None = None) -> SqliteStore:
    return SqliteStore((home or trainer_home()) / DB_NAME)
