"""The time, in one place: today's date and the timestamps written to records.

Tests move the calendar by patching these two functions.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    return date.today()


def now() -> str:
    """The current instant as written in transcripts: UTC, seconds, a trailing Z."""
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
