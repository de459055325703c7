"""A Caseless pattern finds exactly what the same pattern with IGNORECASE finds."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from replies_support import labelled_lines

from trainer.reading import caseless as C
from trainer.reading import meaning
from trainer.reading import phrases as P
from trainer.reading.objections import _BOOK as OBJECTION_BOOK


def _all_patterns() -> list[C.Caseless]:
    found = [p for _, p in P.PHRASES.phrases] + [p for _, p in OBJECTION_BOOK.phrases]
    for module in (P, meaning):
        found += [v for v in vars(module).values() if isinstance(v, C.Caseless)]
    return found


PATTERNS = _all_patterns()


def _same(pattern: C.Caseless, text: str, pos: int = 0) -> bool:
    fast, slow = pattern.search(text, pos), pattern.pattern.search(text, pos)
    return (fast and fast.span()) == (slow and slow.span())


def test_most_patterns_have_a_fast_form():
    # If this drops, a change to the pattern syntax in the tables (or in `re`)
    # has made the reader slow again: see caseless._fast_parts.
    assert sum(bool(p._parts) for p in PATTERNS) >= 0.95 * len(PATTERNS)


def test_the_exotic_characters_are_the_only_ones_lowercasing_gets_wrong():
    letters = re.compile("[a-z]", re.IGNORECASE)
    wrong = set()
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        ascii_lower = len(lower) == 1 and "a" <= lower <= "z"
        if bool(letters.fullmatch(char)) != ascii_lower:
            wrong.add(char)
    assert wrong == set(C._EXOTIC)


def test_every_labelled_line_and_its_case_variants_match_the_same():
    lines = labelled_lines()
    assert len(lines) > 1000
    # A third of them, every ninth also in capitals and title case: the full
    # cross of ~5,000 lines and ~650 patterns takes too long for the suite.
    for n, line in enumerate(lines[::3]):
        for text in (line, line.upper(), line.title()) if n % 3 == 0 else (line,):
            for pattern in PATTERNS:
                assert _same(pattern, text), (pattern.pattern.pattern, text)


def test_a_search_from_a_position_and_finditer_agree_with_re():
    text = "No. Not interested, NO thanks — call me in May. I'll pass; we're going to pass."
    for pattern in PATTERNS:
        for pos in range(0, len(text), 7):
            assert _same(pattern, text, pos)
        fast = [m.span() for m in pattern.finditer(text)]
        slow = [m.span() for m in pattern.pattern.finditer(text) if m.end() > m.start()]
        assert fast == slow


def test_text_with_exotic_letters_is_read_the_slow_way():
    assert C.lowered("ſign today") is None
    assert C.lowered("İstanbul") is None
    assert C.lowered("Café — fine") == "café — fine"
    pattern = C.Caseless(r"\bsign\s+today\b")
    assert pattern.search("please ſign today") is not None  # as IGNORECASE reads it


_PATTERN_WORDS = {w for p in PATTERNS[:200] for w in re.findall(r"[a-z']{2,}", p.pattern.pattern)}
_WORDS = sorted(_PATTERN_WORDS)[:400]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.sampled_from([" ", " ", ", ", ". ", "? ", "! ", "—", "'", "$40", "30%", "\n"]),
            st.text(alphabet="aAbBkKsSıſé0_ ", max_size=3),
        ),
        max_size=25,
    ).map("".join),
    st.booleans(),
)
def test_any_text_matches_the_same(text: str, upper: bool):
    text = text.upper() if upper else text
    for pattern in PATTERNS[::7]:
        assert _same(pattern, text), (pattern.pattern.pattern, text)
