"""Case-blind patterns, found without re.IGNORECASE.

The reader's patterns are case-blind and most begin with a word boundary
("\\bno\\s+thanks\\b"). Compiled that way, the `re` engine has no first
character to skip to: it tries the whole pattern at every position of the
text, folding the case of every character it compares. A `Caseless` pattern
keeps that form, and also its alternatives lowercased without IGNORECASE, the
ones that start with `\\b` together without it (checked by hand), the others
together; the engine skips through the text, lowercased once, to where each
could start. The earliest such place is where the pattern as written is then
tried, anchored: the same match, found several times faster.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

__all__ = ["FLAGS", "Caseless", "lowered"]

FLAGS = re.IGNORECASE


@functools.lru_cache(maxsize=4096)
def lowered(text: str) -> str | None:
    """The text lowercased, if case-blind matching of ASCII patterns on `text`
    is exactly case-sensitive matching of lowercased patterns on this; else None.

    It is, unless lowercasing changes the length (offsets would move) or the
    text holds one of the three characters that IGNORECASE matches to an ASCII
    letter but lowercasing does not turn into one ("İ", "ı", "ſ")."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and not _EXOTIC.isdisjoint(text)):
        return None
    return low


# Found by trying every code point against [a-z] with IGNORECASE (a test keeps it true).
_EXOTIC = frozenset("\u0130\u0131\u017f")


class Caseless:
    """A case-blind pattern; `search` and `finditer` as re.Pattern's, and the
    pattern as written in `pattern` for anything else."""

    __slots__ = ("pattern", "_parts")

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source, FLAGS)
        # (lowercased pattern, whether a \b before it is checked by hand); none
        # when the source cannot be read that way, and then only `pattern` is used.
        self._parts = _fast_parts(source)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        end = len(text) if endpos is None else endpos
        low = lowered(text) if self._parts else None
        if low is None:
            return self.pattern.search(text, pos, end)
        first = end + 1
        for part, edge in self._parts:
            at = pos
            while (m := part.search(low, at, end)) is not None and m.start() < first:
                if not edge or _at_word_edge(text, m.start()):
                    first = m.start()
                    break
                at = m.start() + 1
        if first > end:
            return None
        found = self.pattern.match(text, first, end)
        # Never other than found, by construction; if it ever were, the slow way is right.
        return found if found is not None else self.pattern.search(text, pos, end)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """Non-empty matches, left to right, not overlapping."""
        while pos <= len(text) and (found := self.search(text, pos)) is not None:
            start, end = found.span()
            if end > start:
                yield found
                pos = end
            else:
                pos = start + 1


def _fast_parts(source: str) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """The alternatives, lowercased for lowercased text: those starting with
    `\\b` together without it, the rest together. Empty where a pattern cannot
    be read this way: a case-sensitive part ("(?-i:NOT)"), inline flags, named
    groups or escapes, non-ASCII."""
    if not source.isascii() or _UNUSUAL.search(source):
        return ()
    alternatives = _flat_alternatives(_lower_literals(source))
    edged = [a[2:] for a in alternatives if a.startswith(r"\b")]
    rest = [a for a in alternatives if not a.startswith(r"\b")]
    try:
        parts = [(re.compile("|".join(edged)), True)] if edged else []
        if rest:
            parts.append((re.compile("|".join(rest)), False))
    except re.error:
        return ()
    return tuple(parts)


# Inline flags, named groups, backreferences by name and \N{...}.
_UNUSUAL = re.compile(r"\(\?(?![:=!]|<[=!])|\\N")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what `re` counts as a word character


def _at_word_edge(text: str, i: int) -> bool:
    """Whether \\b holds before text[i]."""
    return (i > 0 and _is_word(text[i - 1])) != (i < len(text) and _is_word(text[i]))


def _lower_literals(source: str) -> str:
    """Lowercase a pattern's letters, but not its escapes (\\S is not \\s)."""
    out = []
    i = 0
    while i < len(source):
        if source[i] == "\\":
            out.append(source[i : i + 2])
            i += 2
        else:
            out.append(source[i].lower())
            i += 1
    return "".join(out)


def _flat_alternatives(source: str) -> list[str]:
    """The pattern's alternatives, looking inside a group that is a whole
    alternative: "(?:\\ba|\\bb)|c" is ["\\ba", "\\bb", "c"], in order."""
    flat = []
    for alternative in _top_level_alternatives(source):
        if alternative.startswith("(?:") and _closing(alternative, 0) == len(alternative) - 1:
            flat.extend(_flat_alternatives(alternative[3:-1]))
        else:
            flat.append(alternative)
    return flat


def _closing(source: str, at: int) -> int:
    """Where the group opened at source[at] closes."""
    depth = 0
    for i, c in _structure(source, at):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _top_level_alternatives(source: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in _structure(source, 0):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return parts


def _structure(source: str, i: int) -> Iterator[tuple[int, str]]:
    """The pattern's parentheses and bars, skipping escapes and [classes]."""
    in_class = False
    while i < len(source):
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            # A "]" first in a class ("[]x]", "[^]x]") is a literal.
            if source.startswith("]", i + 1):
                i += 1
            elif source.startswith("^]", i + 1):
                i += 2
        elif c in "()|":
            yield i, c
        i += 1
