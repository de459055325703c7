"""The progress summary behind the Progress screen: best and latest per scenario,
the weakest category, and what to practise next."""

from __future__ import annotations

from typing import Any

import pytest

from trainer.content.library import Library, load_library
from trainer.practice.progress import summarize
from trainer.store.base import SessionRecord, SessionRow
from trainer.transcript import Turn
from trainer.vocabulary import Category


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def record(
    ident: str,
    scenario: str,
    started: str,
    score: int | None,
    *,
    objection: str = "price-too-high",
    labels: tuple[str, ...] = ("consultative",),
    passed: bool | None = None,
) -> SessionRecord:
    turns: list[Turn] = []
    for label in labels:
        turns.append(Turn(role="buyer", text="b", state={"current": objection}))
        turns.append(Turn(role="trainee", text="t", label=label))
    finished = None if score is None else started
    row = SessionRow(
        id=ident,
        scenario=scenario,
        trainee="ana",
        model="offline",
        mode="practice",
        started=started,
        finished=finished,
        outcome=None,
        score=score,
        passed=(score is not None and score >= 70) if passed is None else passed,
        trainee_turns=len(labels),
    )
    scorecard: dict[str, Any] | None = None
    return SessionRecord(row=row, turns=tuple(turns), scorecard=scorecard)


def test_no_sessions_suggests_an_easy_first_scenario(library):
    progress = summarize([], library)
    assert progress.attempts == [] and progress.scenarios == [] and progress.weakest is None
    assert progress.next is not None
    assert library.scenarios[progress.next.scenario].difficulty == "easy"


def test_best_and_latest_per_scenario_in_time_order(library):
    records = [
        record("a", "saas-cfo-price", "2026-01-01T10:00:00Z", 40),
        record("b", "saas-cfo-price", "2026-01-03T10:00:00Z", 60),
        record("c", "saas-cfo-price", "2026-01-02T10:00:00Z", 80),
        record("d", "realestate-seller-flat-fee", "2026-01-04T10:00:00Z", 90, objection="x"),
        record("e", "saas-cfo-price", "2026-01-05T10:00:00Z", None),  # unfinished
    ]
    progress = summarize(records, library)
    assert [a.score for a in progress.attempts] == [40, 80, 60, 90]
    cfo = next(s for s in progress.scenarios if s.scenario == "saas-cfo-price")
    assert (cfo.attempts, cfo.best, cfo.latest, cfo.passed, cfo.latest_passed) == (
        3,
        80,
        60,
        True,
        False,
    )
    assert progress.scenarios[0].scenario == "realestate-seller-flat-fee"  # most recent first
    assert [r.id for r in progress.unfinished] == ["e"]


def test_weakest_category_is_the_least_consultative_with_enough_turns(library):
    cio = library.scenarios["enterprise-cio-not-now"]
    records = [
        record(
            "a", "saas-cfo-price", "2026-01-01", 30, labels=("pressure", "pressure", "consultative")
        ),
        record(
            "b",
            "enterprise-cio-not-now",
            "2026-01-02",
            80,
            objection=cio.objections[0].id,
            labels=("consultative", "consultative", "consultative"),
        ),
    ]
    progress = summarize(records, library)
    assert progress.weakest is Category.PRICE
    assert [c.category for c in progress.categories] == [Category.PRICE, Category.TIMING]
    price = progress.categories[0]
    assert (price.turns, price.consultative, price.pressure) == (3, 1, 2)
    # Practise next: the price scenario not passed yet.
    assert progress.next is not None and progress.next.scenario == "saas-cfo-price"
    assert "price objections are your weakest: 33%" in progress.next.reason


def test_too_few_turns_name_no_weakness_but_still_suggest(library):
    progress = summarize(
        [record("a", "saas-cfo-price", "2026-01-01", 30, labels=("pressure",))], library
    )
    assert progress.weakest is None
    assert progress.next is not None and progress.next.scenario == "saas-cfo-price"
    assert "not passed yet" in progress.next.reason


def test_an_assignment_not_passed_comes_first(library):
    records = [record("a", "saas-cfo-price", "2026-01-01", 30, labels=("pressure",) * 3)]
    progress = summarize(records, library, assigned=["unknown-id", "realestate-seller-flat-fee"])
    assert progress.next is not None and progress.next.scenario == "realestate-seller-flat-fee"
    assert "assigned" in progress.next.reason


def test_all_passed_suggests_a_new_buyer(library):
    records = [record("a", "saas-cfo-price", "2026-01-01", 90, labels=("consultative",) * 3)]
    progress = summarize(records, library)
    assert progress.next is not None and progress.next.scenario != "saas-cfo-price"
    # Price was handled consultatively every time: no weak spot; meet a new kind of objection.
    assert progress.weakest is None
    assert progress.next.reason.startswith("you have not met ")
    assert Category.PRICE not in library.scenario(progress.next.scenario).categories
