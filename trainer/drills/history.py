"""How a trainee handled each objection, session by session: the reviews a
spaced-repetition card is rated from.

Every graded session (practice, exam or drill) says in its scorecard how far
each objection got (`stages`); its turns say which objection was on the
table when the trainee pushed. One review per objection per session, in the
order the sessions finished.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from trainer.store.base import SessionRecord
from trainer.vocabulary import Label

__all__ = ["DrillKey", "Review", "reviews_by_objection"]


@dataclass(frozen=True, order=True)
class DrillKey:
    """One card: a trainee and one objection of one scenario."""

    trainee: str
    scenario: str
    objection: str

    @property
    def name(self) -> str:
        return f"{self.trainee}/{self.scenario}/{self.objection}"


@dataclass(frozen=True)
class Review:
    session: str
    at: datetime
    category: str | None
    stage: str  # raised, explored, uncovered, answered, confirmed
    checked: bool  # confirmed by asking, not by moving on
    pushed: bool  # a pressure turn while this objection was on the table
    passed: bool

    @property
    def buttoned_up(self) -> bool:
        return self.stage == "confirmed" and self.checked


def _when(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _pushed_on(record: SessionRecord, card: dict[str, object]) -> set[str]:
    """The objections the trainee pushed on: a pressure turn while it was the
    one on the table (the buyer's last objection), or one about it."""
    pressure = {
        t["turn"]: set(t.get("about") or ())
        for t in card.get("turns") or ()  # type: ignore[attr-defined]
        if isinstance(t, dict) and t.get("label") == Label.PRESSURE.value
    }
    pushed: set[str] = set()
    on_table: str | None = None
    for index, turn in enumerate(record.turns):
        if turn.role == "buyer":
            on_table = turn.objection or on_table
        elif index in pressure:
            pushed |= pressure[index]
            if on_table:
                pushed.add(on_table)
    return pushed


def reviews_by_objection(
    records: Iterable[SessionRecord], known: set[str] | frozenset[str]
) -> dict[DrillKey, list[Review]]:
    """The reviews of each card, oldest first. Only finished, graded sessions
    of a named trainee on a scenario in `known` count: a drill needs the
    scenario to run."""
    found: dict[DrillKey, list[Review]] = {}
    graded = []
    for record in records:
        row, card = record.row, record.scorecard
        at = _when(row.finished)
        if card is None or at is None or not row.trainee or row.scenario not in known:
            continue
        graded.append((at, row.id, record, card))
    for at, session, record, card in sorted(graded, key=lambda g: (g[0], g[1])):
        pushed = _pushed_on(record, card)
        for stage in card.get("stages") or ():
            if not isinstance(stage, dict) or not stage.get("objection"):
                continue
            key = DrillKey(record.row.trainee or "", record.row.scenario or "", stage["objection"])
            found.setdefault(key, []).append(
                Review(
                    session=session,
                    at=at,
                    category=stage.get("category"),
                    stage=str(stage.get("stage", "raised")),
                    checked=bool(stage.get("checked", True)),
                    pushed=key.objection in pushed,
                    passed=bool(card.get("passed")),
                )
            )
    return found
