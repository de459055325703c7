"""The facts a grade is made of, read once from a transcript.

Every trainee turn's reading; for every objection the turn at which it was
explored, uncovered, answered and confirmed; the outcome; which turns
responded to the buyer. With a known scenario the facts come from replaying
the director over the transcript (the same director the buyer ran on, so the
grade and the buyer's reaction cannot disagree). Without one, a turn is read
against the buyer's line before it, and the steps are estimated from the
turns alone: a responsive question explores, a concrete responsive proposal
answers, a check after it confirms.

The criteria, the levels, the evidence and the missed opportunities are all
computed from these facts, so they agree with each other by construction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from trainer.content.models import Persona, Scenario
from trainer.grading.concerns import RaisedObjection, follow_concerns
from trainer.reading.context import TurnContext
from trainer.reading.meaning import Mark
from trainer.reading.turn import TurnReading, from_record, read_turn
from trainer.session.director import STAGES, BuyerState, Director, Stage
from trainer.session.replay import replay
from trainer.transcript import Transcript
from trainer.vocabulary import Category, Label, Outcome

__all__ = ["GradeFacts", "ObjectionFacts", "RaisedObjection", "TurnFacts", "gather"]

# The steps an objection is buttoned up by, in order.
STEPS: tuple[Stage, ...] = ("explored", "uncovered", "answered", "confirmed")


@dataclass(frozen=True)
class TurnFacts:
    index: int  # in the transcript's turns
    reading: TurnReading
    stage: Stage | None  # the stage of the objection on the table when it was said
    objection: str | None  # that objection
    decision: str | None  # the buyer's move in reply, when the director decided one
    reason: str | None

    @property
    def responsive(self) -> bool:
        r = self.reading
        return r.has(Mark.RESPONDS) and not r.meaning.empty and r.label is not Label.PRESSURE


@dataclass
class ObjectionFacts:
    id: str
    category: str | None
    raised_at: int | None = None  # the buyer turn that raised it
    reached: dict[str, int] = field(default_factory=dict)  # stage -> trainee turn index
    checked: bool = True  # confirmed by a check, not by moving on

    @property
    def stage(self) -> str:
        reached = [s for s in STEPS if s in self.reached]
        return reached[-1] if reached else "raised"

    def has(self, stage: str) -> bool:
        if stage == "confirmed":
            return "confirmed" in self.reached and self.checked
        return stage in self.reached


@dataclass
class GradeFacts:
    turns: list[TurnFacts]
    objections: list[ObjectionFacts]  # the ones raised, in order
    outcome: Outcome
    estimated: bool  # no scenario: the steps were estimated from the turns
    next_step_asked: int | None = None  # the turn that asked for the next step the buyer took
    found: list[RaisedObjection] = field(default_factory=list)  # the buyer turns that raised them

    def turn(self, index: int) -> TurnFacts:
        return next(t for t in self.turns if t.index == index)


def _outcome(transcript: Transcript, replayed: BuyerState | None) -> Outcome:
    if replayed is not None and replayed.outcome is not None:
        return replayed.outcome
    if transcript.outcome is not None and transcript.outcome in Outcome._value2member_map_:
        return Outcome(transcript.outcome)
    return Outcome.UNFINISHED


def gather(
    transcript: Transcript,
    scenario: Scenario | None,
    persona: Persona | None = None,
    *,
    reread: bool = False,
) -> GradeFacts:
    if scenario is not None:
        return _replayed(transcript, scenario, persona, reread)
    return _from_buyer_words(transcript, reread) or _estimated(transcript, reread)


def _from_buyer_words(transcript: Transcript, reread: bool) -> GradeFacts | None:
    """No scenario, but the buyer's objections read from their words: each is
    graded on its own stages (see concerns.py)."""
    raised = follow_concerns(transcript, reread)
    if raised is None:
        return None
    turns = [
        TurnFacts(t.index, t.reading, t.stage, t.concern, None, None)  # type: ignore[arg-type]
        for t in raised.turns
    ]
    objections = [
        ObjectionFacts(c.id, c.category.value, c.raised_at, dict(c.reached), c.checked)
        for c in raised.concerns
    ]
    outcome = _outcome(transcript, None)
    if transcript.outcome is None and raised.next_step_asked is not None:
        # A real call records no outcome: the buyer taking the next step asked for is one.
        outcome = Outcome.NEXT_STEP
    return GradeFacts(
        turns=turns,
        objections=objections,
        outcome=outcome,
        estimated=True,
        next_step_asked=raised.next_step_asked,
        found=raised.found,
    )


def _replayed(
    transcript: Transcript, scenario: Scenario, persona: Persona | None, reread: bool
) -> GradeFacts:
    walked = replay(Director(scenario), persona, transcript.turns, stored=not reread)
    categories = {o.id: o.category.value for o in scenario.objections}
    objections: dict[str, ObjectionFacts] = {}
    turns: list[TurnFacts] = []
    asked: int | None = None
    first = scenario.objections[0].id
    objections[first] = ObjectionFacts(first, categories[first], raised_at=0)
    for step in walked.steps:
        current = step.before.current
        turns.append(
            TurnFacts(
                index=step.index,
                reading=step.reading,
                stage=current.stage if current else None,
                objection=current.id if current else None,
                decision=step.decision.move.value if step.decision else None,
                reason=step.decision.reason if step.decision else None,
            )
        )
        if step.after is None:
            continue
        for before, after in zip(step.before.objections, step.after.objections, strict=True):
            if after.stage == "pending":
                continue
            facts = objections.setdefault(
                after.id, ObjectionFacts(after.id, categories[after.id], raised_at=step.index + 1)
            )
            for stage in STEPS:
                if STAGES.index(after.stage) >= STAGES.index(stage) > STAGES.index(before.stage):
                    facts.reached.setdefault(stage, step.index)
            if after.stage == "confirmed" and before.stage != "confirmed":
                facts.checked = after.checked
        if step.after.outcome in (Outcome.AGREED, Outcome.NEXT_STEP):
            asked = step.index
    found = [
        RaisedObjection(o.raised_at, Category(o.category), transcript.turns[o.raised_at].text)
        for o in objections.values()
        if o.raised_at is not None and o.raised_at < len(transcript.turns) and o.category
    ]
    return GradeFacts(
        turns=turns,
        objections=list(objections.values()),
        outcome=_outcome(transcript, walked.final),
        estimated=False,
        next_step_asked=asked,
        found=found,
    )


def _estimated(transcript: Transcript, reread: bool) -> GradeFacts:
    """No scenario: one concern, its steps estimated from the turns in order."""
    concern = ObjectionFacts("concern", None, raised_at=0)
    turns: list[TurnFacts] = []
    buyer_said: list[str] = []
    earlier: list[str] = []
    asked_next: int | None = None
    for index, turn in enumerate(transcript.turns):
        if turn.role == "buyer":
            buyer_said.append(turn.text)
            continue
        reading = (None if reread else from_record(turn.text, turn.reading)) or read_turn(
            turn.text,
            TurnContext(
                buyer_line=buyer_said[-1] if buyer_said else "",
                objection_open=True,
                earlier=tuple(earlier),
                buyer_said=tuple(buyer_said),
            ),
        )
        earlier.append(turn.text)
        stage = concern.stage
        turns.append(TurnFacts(index, reading, stage, concern.id, None, None))  # type: ignore[arg-type]
        if reading.label is Label.PRESSURE or reading.meaning.empty:
            continue
        responsive = reading.has(Mark.RESPONDS)
        if "explored" not in concern.reached and reading.has(Mark.QUESTION) and responsive:
            concern.reached["explored"] = index
            concern.reached.setdefault("uncovered", index)
        elif (
            "explored" in concern.reached
            and "answered" not in concern.reached
            and reading.has(Mark.PROPOSAL)
            and reading.has(Mark.CONCRETE)
        ):
            concern.reached["answered"] = index
        if (
            "answered" in concern.reached
            and concern.reached["answered"] != index
            and (reading.has(Mark.CONFIRM) or reading.has(Mark.NEXT_STEP))
        ):
            concern.reached.setdefault("confirmed", index)
        if reading.has(Mark.NEXT_STEP) and "confirmed" in concern.reached:
            asked_next = index
    outcome = _outcome(transcript, None)
    return GradeFacts(
        turns=turns,
        objections=[concern] if turns else [],
        outcome=outcome,
        estimated=True,
        next_step_asked=asked_next,
    )
