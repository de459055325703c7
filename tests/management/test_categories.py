"""Filing trainee turns under objection categories, and the weakest one."""

from __future__ import annotations

from trainer.management.categories import CategoryTally, TurnReading, readings, weakest
from trainer.store.base import SessionRecord, SessionRow
from trainer.transcript import Turn
from trainer.vocabulary import Category, Label

SCENARIO = "coaching-owner-dont-need-it"  # need (dont-need-a-coach), then price (nine-grand)


def record(turns: list[Turn], scorecard=None) -> SessionRecord:
    row = SessionRow(
        id="s",
        scenario=SCENARIO,
        trainee="ana",
        model="offline",
        mode="practice",
        started="2026-11-24T10:00:00Z",
        finished=None,
        outcome=None,
        score=None,
        passed=None,
        trainee_turns=sum(t.role == "trainee" for t in turns),
    )
    return SessionRecord(row=row, turns=tuple(turns), scorecard=scorecard)


def buyer(current: str | None) -> Turn:
    return Turn(role="buyer", text="...", state={"current": current})


def trainee(label: str | None) -> Turn:
    return Turn(role="trainee", text="...", label=label)


def test_a_turn_answers_the_objection_on_the_table_before_it(library):
    scenario = library.scenario(SCENARIO)
    turns = [
        buyer("dont-need-a-coach"),
        trainee("consultative"),
        buyer("nine-grand"),
        trainee("pressure"),
        buyer(None),
        trainee("consultative"),  # every concern answered: no category
    ]
    assert [(r.label, r.category) for r in readings(record(turns), scenario)] == [
        (Label.CONSULTATIVE, Category.NEED),
        (Label.PRESSURE, Category.PRICE),
        (Label.CONSULTATIVE, None),
    ]


def test_the_graded_reading_wins_over_the_live_one(library):
    turns = [
        buyer("dont-need-a-coach"),
        trainee("consultative"),
        buyer("dont-need-a-coach"),
        trainee(None),
    ]
    card = {"turns": [{"turn": 1, "label": "pressure"}, {"turn": 3, "label": None}]}
    found = readings(record(turns, card), library.scenario(SCENARIO))
    assert [r.label for r in found] == [Label.PRESSURE, None]  # unscored stays unscored


def test_a_minimal_transcript_falls_back_on_the_buyers_objection(library):
    turns = [Turn(role="buyer", text="...", objection="nine-grand"), trainee("neutral")]
    assert readings(record(turns), library.scenario(SCENARIO))[0].category is Category.PRICE
    # A scenario the library no longer has: labels still count, categories cannot.
    assert readings(record(turns), None) == [TurnReading(Label.NEUTRAL, None)]


def tally(turns: int, consultative: int) -> CategoryTally:
    return CategoryTally(turns=turns, consultative=consultative)


def test_the_weakest_category():
    assert weakest({}) is None
    assert weakest({Category.PRICE: tally(2, 0)}) is None  # too few turns to say
    assert weakest({Category.PRICE: tally(4, 1), Category.TRUST: tally(3, 2)}) is Category.PRICE
    # Equal shares: more turns is more evidence of the weakness.
    assert weakest({Category.PRICE: tally(3, 0), Category.TRUST: tally(6, 0)}) is Category.TRUST
    # Equal shares and turns: the vocabulary's order, never dict order.
    assert weakest({Category.TRUST: tally(4, 2), Category.PRICE: tally(4, 2)}) is Category.PRICE


def test_a_tally():
    t = CategoryTally()
    for label in (Label.CONSULTATIVE, Label.PRESSURE, Label.NEUTRAL, None):
        t.add(label)
    assert (t.turns, t.consultative, t.pressure, t.share) == (4, 1, 1, 0.25)
    assert t.to_json() == {"turns": 4, "consultative": 1, "pressure": 1, "consultative_share": 0.25}
    assert CategoryTally().share is None
