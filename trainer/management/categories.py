"""Objection categories: how each trainee turn is filed, and the tallies.

A trainee turn answers the objection that was on the table (the buyer state's
`current`) in the buyer turn before it; the scenario says which category that
objection is. "Handled consultatively" is the share of a category's turns
labelled consultative. Labels come from the scorecard when the session was
graded (the same reading the grade was built on), else from the turn itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from trainer.content.models import Scenario
from trainer.store.base import SessionRecord
from trainer.vocabulary import Category, Label

__all__ = ["MIN_TURNS", "CategoryTally", "TurnReading", "merge", "readings", "weakest"]

# Fewer turns than this in a category say too little to call it a weakness.
MIN_TURNS = 3


@dataclass(frozen=True)
class TurnReading:
    label: Label | None  # None when the turn was never labelled
    category: Category | None  # None when no objection was on the table


@dataclass
class CategoryTally:
    turns: int = 0
    consultative: int = 0
    pressure: int = 0

    @property
    def share(self) -> float | None:
        """The share of turns handled consultatively."""
        return self.consultative / self.turns if self.turns else None

    def add(self, label: Label | None) -> None:
        self.turns += 1
        self.consultative += label is Label.CONSULTATIVE
        self.pressure += label is Label.PRESSURE

    def to_json(self) -> dict[str, Any]:
        share = self.share
        return {
            "turns": self.turns,
            "consultative": self.consultative,
            "pressure": self.pressure,
            "consultative_share": None if share is None else round(share, 3),
        }


def _label(value: object) -> Label | None:
    return Label(value) if isinstance(value, str) and value in Label._value2member_map_ else None


def readings(record: SessionRecord, scenario: Scenario | None) -> list[TurnReading]:
    """One reading per trainee turn of a session, in order."""
    graded: dict[int, Label | None] = {}
    for entry in (record.scorecard or {}).get("turns") or []:
        if isinstance(entry, dict) and isinstance(entry.get("turn"), int):
            graded[entry["turn"]] = _label(entry.get("label"))
    categories = {o.id: o.category for o in scenario.objections} if scenario else {}
    result: list[TurnReading] = []
    on_table: str | None = None
    for index, turn in enumerate(record.turns):
        if turn.role == "buyer":
            # Transcripts without buyer state (the minimal form) fall back on the
            # objection the buyer's move was about.
            on_table = turn.state.current if turn.state is not None else turn.objection
            continue
        label = graded[index] if index in graded else _label(turn.label)
        result.append(TurnReading(label, categories.get(on_table) if on_table else None))
    return result


def merge(parts: Iterable[Mapping[Category, CategoryTally]]) -> dict[Category, CategoryTally]:
    total: dict[Category, CategoryTally] = {}
    for part in parts:
        for category, tally in part.items():
            into = total.setdefault(category, CategoryTally())
            into.turns += tally.turns
            into.consultative += tally.consultative
            into.pressure += tally.pressure
    return total


def weakest(tallies: Mapping[Category, CategoryTally]) -> Category | None:
    """The category handled consultatively least often, among those with at
    least MIN_TURNS turns and at least one turn that was not consultative. Ties go to the category with more turns (more
    evidence of the same weakness), then to the one listed first in the
    vocabulary, so the answer never depends on dict order."""
    order = list(Category)
    # A category handled consultatively every time is no weak spot, however few
    # the categories practised.
    candidates = [
        (c, t) for c, t in tallies.items() if t.turns >= MIN_TURNS and t.consultative < t.turns
    ]
    if not candidates:
        return None
    category, _ = min(candidates, key=lambda ct: (ct[1].share, -ct[1].turns, order.index(ct[0])))
    return category
