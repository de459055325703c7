"""The manager's report: assignments, trainees, and the team's weak spot.

Built from one store snapshot, so it is consistent even while sessions are
being written. Textual-free and renderer-free: text, CSV, JSON and HTML are
all views of the same Report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from trainer.content.models import Scenario
from trainer.management.assignments import AssignmentProgress, progress, trend
from trainer.management.categories import CategoryTally, merge, readings, weakest
from trainer.store.base import SessionRecord, Snapshot
from trainer.vocabulary import Category, Label

__all__ = ["Report", "ScorePoint", "TraineeSummary", "build_report"]

ScenarioLookup = Callable[[str], Scenario | None]


@dataclass(frozen=True)
class ScorePoint:
    session: str
    scenario: str | None
    started: str
    score: int


@dataclass
class TraineeSummary:
    trainee: str
    attempts: int = 0  # sessions started, finished or not
    scores: list[ScorePoint] = field(default_factory=list)  # finished ones, oldest first
    trainee_turns: int = 0
    pressure_turns: int = 0
    categories: dict[Category, CategoryTally] = field(default_factory=dict)

    @property
    def average_score(self) -> float | None:
        if not self.scores:
            return None
        return round(sum(p.score for p in self.scores) / len(self.scores), 1)

    @property
    def best_score(self) -> int | None:
        return max((p.score for p in self.scores), default=None)

    @property
    def latest_score(self) -> int | None:
        return self.scores[-1].score if self.scores else None

    @property
    def trend(self) -> int | None:
        """The latest score against the one before it."""
        return trend([p.score for p in self.scores])

    @property
    def improvement(self) -> int | None:
        """From the first graded attempt to the best one."""
        return None if not self.scores else max(p.score for p in self.scores) - self.scores[0].score

    @property
    def pressure_share(self) -> float | None:
        return self.pressure_turns / self.trainee_turns if self.trainee_turns else None

    @property
    def weakest_category(self) -> Category | None:
        return weakest(self.categories)

    def to_json(self) -> dict[str, Any]:
        share = self.pressure_share
        weak = self.weakest_category
        return {
            "trainee": self.trainee,
            "attempts": self.attempts,
            "graded": len(self.scores),
            "average_score": self.average_score,
            "best_score": self.best_score,
            "latest_score": self.latest_score,
            "trend": self.trend,
            "first_score": self.scores[0].score if self.scores else None,
            "improvement": self.improvement,
            "pressure_share": None if share is None else round(share, 3),
            "weakest_category": weak.value if weak else None,
            "categories": {c.value: t.to_json() for c, t in _ordered(self.categories)},
            "scores": [
                {
                    "session": p.session,
                    "scenario": p.scenario,
                    "started": p.started,
                    "score": p.score,
                }
                for p in self.scores
            ],
        }


@dataclass(frozen=True)
class Report:
    today: date
    assignments: list[AssignmentProgress]
    trainees: list[TraineeSummary]
    categories: dict[Category, CategoryTally]
    filters: dict[str, str | None]

    @property
    def weak_spot(self) -> Category | None:
        return weakest(self.categories)

    def to_json(self) -> dict[str, Any]:
        weak = self.weak_spot
        return {
            "today": self.today.isoformat(),
            "filters": self.filters,
            "assignments": [a.to_json() for a in self.assignments],
            "trainees": [t.to_json() for t in self.trainees],
            "categories": [
                {"category": c.value, **t.to_json()} for c, t in _ordered(self.categories)
            ],
            "weak_spot": weak.value if weak else None,
        }


def _ordered(tallies: dict[Category, CategoryTally]) -> list[tuple[Category, CategoryTally]]:
    order = list(Category)
    return sorted(tallies.items(), key=lambda ct: order.index(ct[0]))


def _summarise(summary: TraineeSummary, record: SessionRecord, scenario: Scenario | None) -> None:
    row = record.row
    summary.attempts += 1
    if row.finished is not None and row.score is not None:
        summary.scores.append(ScorePoint(row.id, row.scenario, row.started, row.score))
    for reading in readings(record, scenario):
        if reading.label is not None:
            summary.trainee_turns += 1
            summary.pressure_turns += reading.label is Label.PRESSURE
        if reading.category is not None:
            summary.categories.setdefault(reading.category, CategoryTally()).add(reading.label)


def build_report(
    snapshot: Snapshot,
    scenario: ScenarioLookup,
    today: date,
    *,
    filters: dict[str, str | None] | None = None,
) -> Report:
    """`scenario` finds a scenario by id (None if the library has no such one:
    its sessions still count, only without categories)."""
    assignments = sorted(
        (progress(a, snapshot.sessions, today) for a in snapshot.assignments),
        key=lambda p: (p.assignment.trainee.casefold(), p.assignment.scenario, p.assignment.id),
    )
    summaries: dict[str, TraineeSummary] = {
        a.trainee: TraineeSummary(a.trainee) for a in snapshot.assignments
    }
    # Sessions come oldest first, so each trainee's scores are in time order.
    for record in sorted(snapshot.sessions, key=lambda r: r.row.started):
        name = record.row.trainee
        if not name:  # an anonymous imported transcript belongs to no one
            continue
        if record.row.trainee_turns == 0:
            # Opened and closed without a word: noise in a trainee's figures,
            # and no attempt at an assignment once it has ended.
            summaries.setdefault(name, TraineeSummary(name))
            continue
        summary = summaries.setdefault(name, TraineeSummary(name))
        _summarise(summary, record, scenario(record.row.scenario) if record.row.scenario else None)
    trainees = sorted(summaries.values(), key=lambda t: t.trainee.casefold())
    return Report(
        today=today,
        assignments=assignments,
        trainees=trainees,
        categories=merge(t.categories for t in trainees),
        filters=filters or {},
    )
