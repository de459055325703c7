"""A trainee's progress: attempts over time, best and latest per scenario, the
weakest objection category and what to practise next.

Computed from the store's session records and the library, Textual-free, so
the terminal app and a test read the same numbers. The weakest category is
the one the manager's report names (trainer.management.categories): the
category whose turns were handled consultatively least often.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from trainer.content.library import Library
from trainer.content.models import Scenario
from trainer.management.categories import CategoryTally, readings, weakest
from trainer.store.base import SessionRecord, SessionRow
from trainer.vocabulary import Category, Difficulty

__all__ = [
    "Attempt",
    "CategoryProgress",
    "Progress",
    "ScenarioProgress",
    "Suggestion",
    "summarize",
]

_DIFFICULTY_ORDER = {Difficulty.EASY: 0, Difficulty.NORMAL: 1, Difficulty.HARD: 2}


@dataclass(frozen=True)
class Attempt:
    """One graded attempt."""

    session: str
    scenario: str
    started: str
    score: int
    passed: bool
    mode: str


@dataclass(frozen=True)
class ScenarioProgress:
    scenario: str
    title: str
    attempts: int
    best: int
    latest: int
    passed: bool  # passed at least once
    latest_passed: bool


@dataclass(frozen=True)
class CategoryProgress:
    category: Category
    turns: int  # trainee turns answering an objection of this category
    consultative: int
    pressure: int

    @property
    def share(self) -> float:
        """The share of those turns handled consultatively."""
        return self.consultative / self.turns if self.turns else 0.0


@dataclass(frozen=True)
class Suggestion:
    scenario: str
    title: str
    reason: str


@dataclass(frozen=True)
class Progress:
    attempts: list[Attempt]  # graded attempts, oldest first
    scenarios: list[ScenarioProgress]  # most recently practised first
    categories: list[CategoryProgress]  # least consultative first
    weakest: Category | None  # None until a category has enough turns to say
    next: Suggestion | None
    unfinished: list[SessionRow] = field(default_factory=list)  # newest first


def _difficulty_key(scenario: Scenario) -> tuple[int, str]:
    return (_DIFFICULTY_ORDER[scenario.difficulty], scenario.id)


def _attempts(records: Sequence[SessionRecord]) -> list[Attempt]:
    attempts: list[Attempt] = []
    for record in records:
        row = record.row
        if row.score is None or row.scenario is None or row.finished is None:
            continue
        attempts.append(
            Attempt(row.id, row.scenario, row.started, row.score, bool(row.passed), row.mode)
        )
    attempts.sort(key=lambda a: a.started)
    return attempts


def _scenarios(attempts: list[Attempt], library: Library) -> list[ScenarioProgress]:
    per_scenario: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        per_scenario.setdefault(attempt.scenario, []).append(attempt)
    result = [
        ScenarioProgress(
            scenario=ident,
            title=library.scenarios[ident].title if ident in library.scenarios else ident,
            attempts=len(tries),
            best=max(a.score for a in tries),
            latest=tries[-1].score,
            passed=any(a.passed for a in tries),
            latest_passed=tries[-1].passed,
        )
        for ident, tries in per_scenario.items()
    ]
    result.sort(key=lambda s: per_scenario[s.scenario][-1].started, reverse=True)
    return result


def _tallies(records: Sequence[SessionRecord], library: Library) -> dict[Category, CategoryTally]:
    tallies: dict[Category, CategoryTally] = {}
    for record in records:
        scenario = library.scenarios.get(record.row.scenario or "")
        for reading in readings(record, scenario):
            if reading.category is not None:
                tallies.setdefault(reading.category, CategoryTally()).add(reading.label)
    return tallies


def summarize(
    records: Sequence[SessionRecord], library: Library, *, assigned: Sequence[str] = ()
) -> Progress:
    """Summarize one trainee's saved sessions. `assigned` are scenario ids
    assigned to the trainee and not passed yet, most urgent first: the first
    one the library knows is always the suggestion."""
    attempts = _attempts(records)
    scenarios = _scenarios(attempts, library)
    tallies = _tallies(records, library)
    order = list(Category)
    categories = sorted(
        (CategoryProgress(c, t.turns, t.consultative, t.pressure) for c, t in tallies.items()),
        key=lambda c: (c.share, -c.turns, order.index(c.category)),
    )
    weak = weakest(tallies)
    unfinished = sorted(
        (r.row for r in records if r.row.finished is None), key=lambda r: r.started, reverse=True
    )
    suggestion = _suggest(scenarios, weak, tallies, library, assigned, bool(attempts))
    return Progress(attempts, scenarios, categories, weak, suggestion, unfinished)


def _suggest(
    scenarios: list[ScenarioProgress],
    weak: Category | None,
    tallies: dict[Category, CategoryTally],
    library: Library,
    assigned: Sequence[str],
    practised: bool,
) -> Suggestion | None:
    known = {s.scenario: s for s in scenarios}

    def suggestion(scenario: Scenario, reason: str) -> Suggestion:
        return Suggestion(scenario.id, scenario.title, reason)

    for ident in assigned:
        if ident in library.scenarios:
            return suggestion(library.scenarios[ident], "it is assigned to you and not passed yet")
    everything = sorted(library.scenarios.values(), key=_difficulty_key)
    if not everything:
        return None
    if not practised:
        return suggestion(everything[0], "a good first scenario: an easier buyer to start with")
    if weak is not None:
        label = weak.value.replace("_", " ")
        share = tallies[weak].consultative / tallies[weak].turns
        why = f"{label} objections are your weakest: {share:.0%} of those turns were consultative"
        raising = [s for s in everything if weak in s.categories]
        retry = sorted(
            (s for s in raising if s.id in known and not known[s.id].passed),
            key=lambda s: known[s.id].latest,
        )
        if retry:
            return suggestion(retry[0], f"{why}; not passed here yet")
        fresh = [s for s in raising if s.id not in known]
        if fresh:
            return suggestion(fresh[0], f"{why}; a new buyer with the same kind of objection")
    failing = sorted((s for s in scenarios if not s.passed), key=lambda s: s.latest)
    for entry in failing:
        if entry.scenario in library.scenarios:
            return suggestion(
                library.scenarios[entry.scenario],
                f"not passed yet (latest score {entry.latest}): try it again",
            )
    met = set(tallies)
    for scenario in everything:
        unmet = [c for c in scenario.categories if c not in met]
        if scenario.id not in known and unmet:
            label = unmet[0].value.replace("_", " ")
            return suggestion(scenario, f"you have not met {label} objections yet")
    untried = [s for s in everything if s.id not in known]
    if untried:
        return suggestion(untried[0], "every scenario you tried is passed: meet a new buyer")
    lowest = min(scenarios, key=lambda s: s.latest)
    if lowest.scenario in library.scenarios:
        return suggestion(
            library.scenarios[lowest.scenario],
            f"everything is passed; your lowest latest score is here ({lowest.latest}): "
            "try it in exam mode",
        )
    return None
