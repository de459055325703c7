"""Walking a conversation through the director: how each trainee turn was
read, and the buyer's state before and after it.

The live session does this once per turn as it goes; undo, rewind and resume
do it over the turns kept; the grader does it over a finished transcript, so
its stages are the ones the buyer reacted to. State is always derived from the
turns, never stored as truth: the director is deterministic given the readings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.actors.base import Decision
from trainer.content.models import Persona, Scenario
from trainer.reading.context import TurnContext
from trainer.reading.topics import topics_for
from trainer.reading.turn import TurnReading, from_record, read_turn
from trainer.session.director import BuyerState, Director
from trainer.transcript import Turn

__all__ = ["Replay", "Step", "context_for", "replay"]


@dataclass(frozen=True)
class Step:
    """One trainee turn: where it stands, how it was read, what it changed."""

    index: int  # in the transcript's turns
    reading: TurnReading
    before: BuyerState
    after: BuyerState | None  # None once the conversation had already ended
    decision: Decision | None


@dataclass(frozen=True)
class Replay:
    steps: list[Step]
    state: BuyerState | None  # after the last buyer turn heard (None before the opening)
    pending: tuple[BuyerState, Decision] | None  # a reply decided but not yet voiced
    final: BuyerState  # after the last trainee turn, voiced or not


def context_for(
    scenario: Scenario, persona: Persona | None, turns: Sequence[Turn], state: BuyerState
) -> TurnContext:
    """What the reader knows at the moment of a trainee turn after `turns`."""
    buyer = [t.text for t in turns if t.role == "buyer"]
    current = state.current
    category = None
    if current is not None:
        category = next(o.category for o in scenario.objections if o.id == current.id)
    return TurnContext(
        buyer_line=buyer[-1] if buyer else "",
        objection_open=current is not None,
        category=category,
        topics=topics_for(scenario, persona),
        current=current.id if current else None,
        earlier=tuple(t.text for t in turns if t.role == "trainee"),
        buyer_said=tuple(buyer),
    )


def replay(
    director: Director,
    persona: Persona | None,
    turns: Sequence[Turn],
    *,
    stored: bool = True,
) -> Replay:
    """The director over `turns`. `stored` uses the readings kept with the
    turns when the same rules made them; otherwise every turn is read again."""
    scenario = director.scenario
    state, decision = director.start()
    pending: tuple[BuyerState, Decision] | None = (state, decision)
    heard: BuyerState | None = None
    latest = state
    steps: list[Step] = []
    for index, turn in enumerate(turns):
        if turn.role == "buyer":
            if pending is not None:
                heard = latest = pending[0]
                pending = None
            continue
        before = latest
        reading = (from_record(turn.text, turn.reading) if stored else None) or read_turn(
            turn.text, context_for(scenario, persona, turns[:index], before)
        )
        if before.outcome is not None:
            steps.append(Step(index, reading, before, None, None))
            continue
        after, decided = director.step(before, reading)
        steps.append(Step(index, reading, before, after, decided))
        pending = (after, decided)
        latest = after
    return Replay(steps=steps, state=heard, pending=pending, final=latest)
