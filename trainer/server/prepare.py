"""Prepare a PostgreSQL database for a team: schema, roles and policies.

The same for the server `trainer server init` runs and for an existing one
(a managed service): given an admin login, apply the migrations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.errors import BadInput
from trainer.store.postgres import apply_migrations, connect
from trainer.store.url import check_database_url, mask

if TYPE_CHECKING:
    from trainer.server.cluster import Cluster


def prepare(admin_url: str) -> list[str]:
    """Apply what is missing; returns the migration names applied."""
    check_database_url(admin_url, source="setup")
    with connect(admin_url) as conn:
        row = conn.execute(
            "SELECT rolsuper OR rolcreaterole AS able FROM pg_roles WHERE rolname = current_user"
        ).fetchone()
        if not row or not row["able"]:
            raise BadInput(
                f"{mask(admin_url)}: this login cannot create roles; give an admin login"
                " (a superuser, or one with CREATEROLE that owns the database)"
            )
        return apply_migrations(conn)


def prepare_local(cluster: Cluster) -> list[str]:
    """The trainer's database on our own running server: created if missing,
    then brought up to date (so `start` after an upgrade migrates too)."""
    from trainer.server.cluster import DATABASE

    with connect(cluster.admin_url("postgres")) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DATABASE,))
        if exists.fetchone() is None:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')
    return prepare(cluster.admin_url())
