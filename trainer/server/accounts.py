"""Per-person logins: a trainee or a manager, each with their own password.

The password is made here, sent to the server only as a SCRAM-SHA-256
verifier (so it is never in the server's statement log), and shown once, in
the connection URL printed for that person.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
from urllib.parse import quote, urlsplit, urlunsplit

from psycopg import errors as pg_errors
from psycopg import sql

from trainer.errors import BadInput
from trainer.store.postgres import connect
from trainer.store.url import check_database_url

ROLES = {"trainee": "trainer_trainee", "manager": "trainer_manager"}
NAME = re.compile(r"[a-z][a-z0-9_.-]{0,62}")
SCRAM_ITERATIONS = 4096  # PostgreSQL's own default


def check_name(name: str) -> str:
    if not NAME.fullmatch(name):
        raise BadInput(
            f"add-user: {name!r}: a login name is lower-case letters, digits, '_', '.' or '-',"
            " starting with a letter (at most 63)"
        )
    return name


def scram_verifier(password: str, salt: bytes | None = None) -> str:
    """What PostgreSQL stores for a scram-sha-256 password (RFC 5802/7677)."""
    salt = salt or secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, SCRAM_ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode()

    return f"SCRAM-SHA-256${SCRAM_ITERATIONS}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def add_user(admin_url: str, name: str, role: str) -> str:
    """Create the login; returns that person's connection URL, password included."""
    check_database_url(admin_url, source="add-user")
    check_name(name)
    password = secrets.token_urlsafe(18)
    statement = sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
        sql.Identifier(name), sql.Literal(scram_verifier(password)), sql.Identifier(ROLES[role])
    )
    with connect(admin_url) as conn:
        try:
            conn.execute(statement)
        except pg_errors.DuplicateObject:
            raise BadInput(f"add-user: {name} already has a login on this server") from None
        except pg_errors.UndefinedObject:
            raise BadInput(
                "add-user: the database is not set up yet; run `trainer server setup ADMIN_URL`"
            ) from None
        except pg_errors.InsufficientPrivilege:
            raise BadInput(
                "add-user: this login cannot create logins; use an admin login"
            ) from None
    return with_login(admin_url, name, password)


def with_login(url: str, login: str, password: str) -> str:
    """`url` with its login and password replaced."""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    netloc = f"{quote(login, safe='')}:{quote(password, safe='')}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def with_host(url: str, host: str) -> str:
    """`url` pointing at `host` (the name other machines reach the server by)."""
    parts = urlsplit(url)
    login = parts.netloc.rsplit("@", 1)[0]
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(
        (parts.scheme, f"{login}@{host}{port}", parts.path, parts.query, parts.fragment)
    )
