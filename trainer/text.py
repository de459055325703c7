"""Showing untrusted text to people: one sanitiser and one table printer.

Transcripts from elsewhere, names typed on a command line, content files and
model replies can carry escape sequences; printed raw, they would move the
cursor, recolour the screen or retitle the window. Everything such text goes
through on its way to a terminal, a Markdown export or the terminal app is
`visible()`: each control character is shown as a visible escape (\\x1b), so
nothing is hidden and nothing is interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["table", "visible"]


def visible(text: str, *, newlines: bool = False) -> str:
    """The text with every non-printable character shown as \\xNN (\\u202e for
    wider ones). Newlines too, unless `newlines` keeps them (for multi-line
    text in the terminal app); a one-line output stays one line."""
    if text.isprintable():
        return text
    return "".join(
        ch if ch.isprintable() or (newlines and ch == "\n") else _escape(ch) for ch in text
    )


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return ",".join(visible(str(v)) for v in value)
    return visible(str(value))


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Rows under headers, in columns as wide as their widest cell, two spaces
    apart, no trailing blanks. None shows as "-", a list as a,b,c; every cell
    goes through `visible()`, so a cell is always one line of plain text."""
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = [headers, *cells]
    return "\n".join(
        "  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip() for line in lines
    )
