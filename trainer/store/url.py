"""Database URLs: which engine one names, and how to show one without its password.

A URL with a password is a secret; everything the trainer prints, logs or
raises shows `mask(url)` instead.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from trainer.errors import BadInput

SCHEMES = ("postgresql", "postgres")


def mask(url: str) -> str:
    """The URL with any password replaced by ***."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "(an unreadable URL)"
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = f"{user}:***@{host}" + (f":{parts.port}" if _port(url) else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _port(url: str) -> int | None:
    try:
        return urlsplit(url).port
    except ValueError:
        return None


def check_database_url(url: str, *, source: str) -> str:
    """The URL, if it names a PostgreSQL database; else a one-line BadInput
    naming where it came from (`source`), never echoing a password."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - a bad port raises here
    except ValueError:
        raise BadInput(f"{source}: not a database URL: {mask(url)}") from None
    if parts.scheme not in SCHEMES:
        shown = parts.scheme or "none"
        raise BadInput(
            f"{source}: the URL's scheme is {shown!r}; a team database URL starts with"
            " postgresql:// (for example postgresql://ana:PASSWORD@127.0.0.1:5432/trainer)"
        )
    if not parts.hostname:
        raise BadInput(f"{source}: the URL names no host: {mask(url)}")
    return url


def login_of(url: str) -> str | None:
    return urlsplit(url).username
