"""The phrase index: many regular expressions, each tried only when the words
it needs are in the text.

A turn is a few dozen words and the phrase tables hold hundreds of phrases;
trying every phrase at every position is what makes one big alternation slow.
`PhraseBook` reads each pattern's parse tree for the literal strings any match
must contain and indexes the phrases by them, so a turn costs a set
intersection plus the few phrases that could match.

Each of those few is a `Caseless` pattern (see caseless.py), searched fast.
"""

from __future__ import annotations

import functools
import re
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]
from typing import Generic, TypeVar

from trainer.reading.caseless import FLAGS, Caseless

__all__ = ["FLAGS", "PhraseBook", "compile_any"]

Key = TypeVar("Key")


def compile_any(patterns: tuple[str, ...] | list[str]) -> Caseless:
    """One case-blind pattern that matches any of these."""
    return Caseless("|".join(f"(?:{p})" for p in patterns))


class PhraseBook(Generic[Key]):
    """Every tactic's phrases, each compiled on its own and indexed by the
    literal words any match must contain.

    A turn is a few dozen words and the book holds hundreds of phrases; trying
    every phrase at every position is what makes one big alternation slow. The
    index picks the few phrases whose words occur in the turn, so a turn costs
    a set intersection plus the phrases that could match. A phrase usually needs
    more than one word ("one ... away from", "on your conscience"): the others are
    checked as plain substrings before the pattern itself is tried.
    """

    def __init__(self, tables: dict[Key, tuple[str, ...]]) -> None:
        self.phrases: list[tuple[Key, Caseless]] = []
        self._by_word: dict[str, list[int]] = {}
        self._by_substring: dict[str, list[int]] = {}
        self._always: list[int] = []
        # Per phrase, further sets of strings the text must contain one of each.
        self._also: list[tuple[tuple[str, ...], ...]] = []
        for tactic, patterns in tables.items():
            for pattern in patterns:
                index = len(self.phrases)
                self.phrases.append((tactic, Caseless(pattern)))
                required = _required_literals(pattern)
                literals = required[0] if required else None
                self._also.append(required[1] if required else ())
                if literals is None:
                    self._always.append(index)
                for literal, at_word_start in literals or ():
                    word = _WORD.match(literal) if at_word_start else None
                    if word:
                        self._by_word.setdefault(word.group(), []).append(index)
                    else:
                        self._by_substring.setdefault(literal, []).append(index)
        self._longest_word = max(map(len, self._by_word), default=0)
        # Bounded: a long-running server reads many words, but a language's
        # everyday words are few; the rare ones only cost a recomputation.
        self._keyed = functools.lru_cache(maxsize=50_000)(self._phrases_for)

    def candidates(self, folded: str) -> list[int]:
        """Indexes into `phrases` of those that can match; `folded` is the
        text after str.casefold(). In book order."""
        found = set(self._always)
        keyed = self._keyed
        for word in set(_WORD.findall(folded)):
            found.update(keyed(word))
        for literal, indexes in self._by_substring.items():
            if literal in folded:
                found.update(indexes)
        also = self._also
        kept = []
        for i in sorted(found):
            for strings in also[i]:  # plain loops: this runs for every candidate of every turn
                for s in strings:
                    if s in folded:
                        break
                else:
                    break  # none of a required set is in the text
            else:
                kept.append(i)
        return kept

    def _phrases_for(self, word: str) -> tuple[int, ...]:
        """The phrases indexed by a prefix of this word. Turns share most of
        their words, so this is cached per book (see __init__)."""
        by_word = self._by_word
        hits: list[int] = []
        for n in range(1, min(len(word), self._longest_word) + 1):
            indexes = by_word.get(word[:n])
            if indexes:
                hits.extend(indexes)
        return tuple(hits)

    def first_of(
        self, tactics: tuple[Key, ...], text: str, pos: int = 0, among: list[int] | None = None
    ) -> Key | None:
        """The first of `tactics`, in that order, with a phrase in text[pos:].
        `among`: the candidates of a text that contains this one, already found
        (a part has no candidate its whole lacks), to save finding them again."""
        indexes = self.candidates(text.casefold()) if among is None else among
        matched = {
            tactic
            for tactic, pattern in (self.phrases[i] for i in indexes)
            if tactic in tactics and pattern.search(text, pos)
        }
        return next((t for t in tactics if t in matched), None)


# Index keys are ASCII words; any other character only splits a turn into more
# words, which can add candidates but never lose one.
_WORD = re.compile(r"[a-z0-9]+")
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", None)}
# A literal right after one of these starts a word: \b, ^, or whitespace.
_WORD_EDGES = {_sre.AT_BOUNDARY, _sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING}

_Literal = tuple[str, bool]  # the string, and whether it must start a word


def _required_literals(
    pattern: str,
) -> tuple[frozenset[_Literal], tuple[tuple[str, ...], ...]] | None:
    """Strings of which any match must contain at least one (the index key), or
    None when the pattern gives no useful guarantee (then the phrase is always
    tried); and further such sets, each also required, as plain strings.

    Reads the parse tree of the `re` module itself; if that private API ever
    changes, every phrase is simply always tried: slower, never wrong.
    """
    try:
        options = _options(_sre_parser.parse(pattern, FLAGS), at_word_start=False)
    except Exception:  # noqa: BLE001 - any surprise here only costs speed
        return None
    useful = sorted(
        (o for o in options if min(len(s) for s, _ in o) >= 2), key=_selectivity, reverse=True
    )
    if not useful:
        return None
    also = tuple(tuple(sorted({s for s, _ in o})) for o in useful[1 : _MAX_ALSO + 1])
    return useful[0], also


# How many further required sets a phrase checks before its pattern is tried.
_MAX_ALSO = 3


def _is_space_class(op: object, av: object) -> bool:
    if op in _REPEATS:
        inner = list(av[2])  # type: ignore[index]
        return len(inner) == 1 and _is_space_class(*inner[0])
    return op is _sre.IN and av == [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]


def _needed(items: object, at_word_start: bool) -> frozenset[_Literal] | None:
    return max(_options(items, at_word_start), key=_selectivity, default=None)


def _options(items: object, at_word_start: bool) -> list[frozenset[_Literal]]:
    """Sets of strings a match of this sequence needs one of, every set."""
    options: list[frozenset[_Literal]] = []
    run: list[str] = []
    run_at_word_start = at_word_start
    word_edge = at_word_start  # does the next element start at a word edge?

    def flush() -> None:
        if run:
            options.append(frozenset({("".join(run), run_at_word_start)}))
            run.clear()

    for op, av in items:  # type: ignore[attr-defined]
        if op is _sre.LITERAL:
            if not run:
                run_at_word_start = word_edge
            run.append(chr(av).casefold())
            word_edge = False
            continue
        flush()
        sub: frozenset[_Literal] | None = None
        if op is _sre.SUBPATTERN:
            sub = _needed(av[-1], word_edge)
        elif op is _sre.BRANCH:
            alternatives = [_needed(a, word_edge) for a in av[1]]
            if all(alternatives):
                sub = frozenset().union(*alternatives)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            sub = _needed(av[2], word_edge)
        if sub:
            options.append(sub)
        word_edge = _edge_after_step(op, av, word_edge)
    flush()
    return options


def _edge_after_step(op: object, av: object, edge: bool) -> bool:
    """Whether the position after this element is a word edge, given whether the
    position before it was. Only ever says yes when it is sure: a wrong yes would
    index a phrase under a word it may not start, and lose it."""
    if op is _sre.AT:
        return av in _WORD_EDGES
    if _is_space_class(op, av) or (op is _sre.LITERAL and chr(av).isspace()):  # type: ignore[arg-type]
        return True
    if op in _REPEATS:
        low = av[0]  # type: ignore[index]
        # After one or more rounds the position is where the last round ended,
        # whatever came before it; with none, it is where we were.
        after = _edge_after(av[2], False)  # type: ignore[index]
        return after and (edge or low >= 1)
    if op is _sre.SUBPATTERN:
        return _edge_after(av[-1], edge)  # type: ignore[index]
    if op is _sre.BRANCH:
        return all(_edge_after(a, edge) for a in av[1])  # type: ignore[index]
    return False


def _edge_after(items: object, edge: bool) -> bool:
    for op, av in items:  # type: ignore[attr-defined]
        edge = _edge_after_step(op, av, edge)
    return edge


# Words in nearly every turn make poor index keys.
_COMMON = frozenset(
    {
        "a", "an", "and", "are", "be", "but", "can", "could", "do", "for", "get", "i", "if", "in",
        "is", "it", "just", "me", "my", "not", "of", "on", "or", "so", "that", "the", "this", "to",
        "we", "what", "would", "you", "your",
    }
)  # fmt: skip


def _selectivity(option: frozenset[_Literal]) -> tuple[bool, int, int]:
    """Rarer first: no common word, then the longest shortest-string, then the fewest strings."""
    return (
        not any(s in _COMMON for s, _ in option),
        min(len(s) for s, _ in option),
        -len(option),
    )
