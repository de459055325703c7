"""Which objections are due for practice, weakest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from trainer.content.library import Library
from trainer.drills.cards import DrillCard, schedule
from trainer.drills.history import reviews_by_objection
from trainer.store.base import SessionRecord, Store

__all__ = ["DrillItem", "DrillPlan", "plan_drills", "plan_for"]


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class DrillItem:
    card: DrillCard
    weakness: float  # 1 - the chance it is handled well now

    @property
    def trainee(self) -> str:
        return self.card.key.trainee

    @property
    def scenario(self) -> str:
        return self.card.key.scenario

    @property
    def objection(self) -> str:
        return self.card.key.objection

    def to_json(self) -> dict[str, Any]:
        last = self.card.reviews[-1]
        return {
            "trainee": self.trainee,
            "objection": self.objection,
            "scenario": self.scenario,
            "category": self.card.category,
            "due": _stamp(self.card.due),
            "reason": self.card.reason(),
            "weakness": round(self.weakness, 3),
            "attempts": len(self.card.reviews),
            "last_stage": last.stage,
            "last_session": last.session,
        }


@dataclass(frozen=True)
class DrillPlan:
    due: list[DrillItem]  # weakest first
    later: list[DrillItem]  # not due yet, soonest first

    @property
    def cards(self) -> list[DrillCard]:
        return [i.card for i in (*self.due, *self.later)]


def plan_drills(
    records: Iterable[SessionRecord], known: set[str] | frozenset[str], now: datetime
) -> DrillPlan:
    """Every card from the sessions' history; the due ones weakest first."""
    items = []
    for key, reviews in reviews_by_objection(records, known).items():
        card = schedule(key, reviews)
        items.append(DrillItem(card, 1.0 - card.retrievability(now)))
    # Weakest: least likely to be handled well now; then the least stable memory
    # (a card just failed is weaker than one just passed, though both are fresh).
    due = sorted(
        (i for i in items if i.card.due <= now),
        key=lambda i: (-i.weakness, i.card.card.stability or 0.0, i.card.due, i.card.key),
    )
    later = sorted((i for i in items if i.card.due > now), key=lambda i: (i.card.due, i.card.key))
    return DrillPlan(due=due, later=later)


def plan_for(
    store: Store, library: Library, trainee: str | None, now: datetime | None = None
) -> DrillPlan:
    """The drills of one trainee (None: everyone) from the store's history, as
    `trainer drill` lists them and the app's Drills entry shows them."""
    sessions = store.snapshot(trainee=trainee).sessions
    return plan_drills(sessions, frozenset(library.scenarios), now or datetime.now(UTC))
