"""PostgreSQL store: a team's shared database, with the same interface as SQLite's.

Every write is its own short transaction, committed as it happens, as on
SQLite. Who may read and write which rows is the database's business (roles
and row-level security, migration 0003), so this store sends the same SQL
whoever is signed in; a trainee simply sees their own rows. The store never
migrates a database it is only using: `trainer server setup` (or `init`)
does, with an admin login.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors
from psycopg.rows import dict_row

from trainer.clock import now
from trainer.errors import BadInput, TrainerError
from trainer.store.migrations import MIGRATIONS, POSTGRESQL
from trainer.store.queries import Connection, Cursor
from trainer.store.sql import SqlStore
from trainer.store.url import mask

__all__ = ["DatabaseUnreachable", "PostgresStore", "apply_migrations", "connect"]

CONNECT_TIMEOUT = 5  # seconds: an unreachable server fails a command quickly


class DatabaseUnreachable(TrainerError):
    """The server could not be reached, or went away: a session keeps its
    turns in the local journal until it is back."""


class _Translated:
    """psycopg's connection speaking the shared SQL's `?` placeholders."""

    def __init__(self, conn: psycopg.Connection[dict[str, Any]]) -> None:
        self._conn = conn

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        # The shared SQL has no literal '%' or '?' of its own, only placeholders.
        return self._conn.execute(sql.replace("%", "%%").replace("?", "%s"), tuple(parameters))


def connect(url: str) -> psycopg.Connection[dict[str, Any]]:
    """A connection, or a one-line error that names the server but never the password."""
    try:
        return psycopg.connect(
            url,
            autocommit=True,
            row_factory=dict_row,
            connect_timeout=CONNECT_TIMEOUT,
            application_name="trainer",
        )
    except psycopg.OperationalError as exc:
        reason = _reason(exc, url)
        if "authentication failed" in reason or "does not exist" in reason:
            raise BadInput(f"{mask(url)}: {reason}") from None
        raise DatabaseUnreachable(
            f"{mask(url)}: cannot reach the team database: {reason}"
        ) from None
    except psycopg.ProgrammingError as exc:  # a malformed connection string
        raise BadInput(f"{mask(url)}: not a usable database URL: {_reason(exc, url)}") from None


def _reason(exc: BaseException, url: str) -> str:
    """The first meaningful line of a driver error, with no password in it."""
    from urllib.parse import unquote, urlsplit

    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    text = text.removeprefix("connection failed: ")
    password = urlsplit(url).password
    if password:
        text = text.replace(password, "***").replace(unquote(password), "***")
    return text


def apply_migrations(conn: psycopg.Connection[Any]) -> list[str]:
    """Apply what is missing, one transaction per migration; returns the names applied.

    An advisory lock makes two setups run at once take turns."""
    applied: list[str] = []
    with conn.transaction():
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied TEXT)"
        )
    for migration in MIGRATIONS:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(7305417)")
            done = conn.execute(
                "SELECT 1 FROM schema_migrations WHERE name = %s", (migration.name,)
            ).fetchone()
            if done:
                continue
            script = migration.script_for(POSTGRESQL)
            if script.strip():
                conn.execute(script.encode())  # the whole script: it holds $$ bodies
            conn.execute("INSERT INTO schema_migrations VALUES (%s, %s)", (migration.name, now()))
            applied.append(migration.name)
    return applied


class PostgresStore(SqlStore):
    def __init__(self, url: str) -> None:
        self.url = url
        self.shown_url = mask(url)
        self._lock = threading.RLock()
        self._conn = connect(url)
        self._db = _Translated(self._conn)
        try:
            self._check_schema()
        except BaseException:
            self._conn.close()
            raise

    def _check_schema(self) -> None:
        try:
            with self._errors():
                names = {r["name"] for r in self._db.execute("SELECT name FROM schema_migrations")}
        except TrainerError:
            names = set()
        missing = [m.name for m in MIGRATIONS if m.name not in names]
        if missing:
            raise BadInput(
                f"{self.shown_url}: the database is not set up for this trainer (missing"
                f" {', '.join(missing)}); an admin runs `trainer server setup ADMIN_URL`"
            )

    @property
    def login(self) -> str:
        with self._read() as db:
            return str(db.execute("SELECT current_user AS login").fetchone()["login"])

    def is_manager(self) -> bool:
        with self._read() as db:
            return bool(db.execute("SELECT trainer_is_manager() AS yes").fetchone()["yes"])

    def trainee_login(self) -> str | None:
        """A trainee's login is their name; a manager names trainees themselves."""
        with self._read() as db:
            row = db.execute(
                "SELECT current_user AS login, trainer_is_manager() AS manager"
            ).fetchone()
        return None if row["manager"] else str(row["login"])

    def has_session(self, session_id: str) -> bool:
        with self._read() as db:
            return (
                db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone()
                is not None
            )

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several writes in one transaction (each write's own becomes a savepoint)."""
        with self._write():
            yield

    def applied_migrations(self) -> list[str]:
        with self._read() as db:
            return [
                r["name"] for r in db.execute("SELECT name FROM schema_migrations ORDER BY name")
            ]

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except pg_errors.InsufficientPrivilege as exc:
            raise BadInput(
                f"{self.shown_url}: your login may not do that ({_reason(exc, self.url)})"
            ) from None
        except psycopg.OperationalError as exc:
            raise DatabaseUnreachable(
                f"{self.shown_url}: lost the team database: {_reason(exc, self.url)}"
            ) from None
        except psycopg.Error as exc:
            raise TrainerError(f"{self.shown_url}: {_reason(exc, self.url)}") from None

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._lock, self._errors(), self._conn.transaction():
            yield self._db

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._lock, self._errors():
            yield self._db

    @contextmanager
    def _consistent_read(self) -> Iterator[Connection]:
        with self._lock, self._errors(), self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield self._db

    def _hold_assignment(self, db: Connection, assignment_id: int) -> None:
        # An advisory lock needs no privilege on the row: a trainee may read
        # their assignment but not lock it for update.
        db.execute("SELECT pg_advisory_xact_lock(?, ?)", (7305418, assignment_id))

    def close(self) -> None:
        with self._lock:
            self._conn.close()
