"""Which store a command gets: the team database when a URL is configured
(TRAINER_DATABASE_URL or `trainer config database URL`), else SQLite under
TRAINER_HOME. Every command opens its store here. A team database comes
with a local journal, so a session goes on when the server goes away."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from trainer.store.base import Store
from trainer.store.url import check_database_url


def database_url() -> str | None:
    """The configured team database URL, checked; None for the local SQLite file."""
    from trainer.config import load_settings

    settings = load_settings()
    if not settings.database:
        return None
    return check_database_url(settings.database, source=settings.database_source)


def open_store(
    home: Path | None = None,
    *,
    practice: bool = False,
    notice: Callable[[str], None] | None = None,
) -> Store:
    """`practice=True` for commands that run a session: on a team database they
    start even while the server is away, keeping the turns in the journal.
    `notice` receives the one-time "kept on this machine" and "uploaded"
    messages (default: printed to stderr; a full-screen app shows them itself)."""
    url = database_url()
    if url is None:
        from trainer.store.sqlite import open_store as open_sqlite

        return open_sqlite(home)
    from trainer.paths import trainer_home
    from trainer.store.journal import JournaledStore

    if notice is None:
        return JournaledStore(url, home or trainer_home(), practice=practice)
    return JournaledStore(url, home or trainer_home(), practice=practice, notice=notice)
