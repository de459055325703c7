"""Showing untrusted text on a terminal: control characters as visible escapes.

Transcripts from elsewhere and names typed on a command line can carry escape
sequences; printed raw, they would move the cursor or recolour the screen.
"""

from __future__ import annotations


def visible(text: str) -> str:
    """The text with every non-printable character (newlines included) shown as \\xNN."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in text)
