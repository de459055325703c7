"""The Director: the buyer's behaviour as a plain state machine.

Each trainee turn arrives already classified (label and tactics, from the
grading detector). The director updates the BuyerState (trust, patience, which
objections are raised, uncovered and resolved) and chooses the buyer's next
move. An actor, scripted or a language model, only puts that move into words,
so no wording, pressure or injected instruction can make the buyer agree while
a concern is open: the decision is made here, from tactics, before any model
sees the turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from trainer.actors.base import Beat, Decision
from trainer.content.models import Objection, Scenario, Trigger
from trainer.transcript import BuyerSnapshot
from trainer.vocabulary import (
    EXPLORING_TACTICS,
    PRESSURE_TACTICS,
    Difficulty,
    Label,
    Move,
    Outcome,
    Tactic,
)

__all__ = [
    "BuyerState",
    "Director",
    "ObjectionState",
    "Profile",
    "PROFILES",
    "Reading",
]

Status = Literal["pending", "raised", "uncovered", "resolved"]


@dataclass(frozen=True)
class Profile:
    """How a difficulty level behaves. Harder buyers start colder, tire sooner,
    hide the real concern deeper and need more trust before they concede."""

    trust: int  # starting trust, 0-100
    patience: int  # starting patience, 0-100; at 0 the buyer walks away
    explore_hits: int  # exploring turns needed before the root cause comes out
    reveal_trust: int  # trust needed before the buyer admits the root cause
    agree_trust: int  # trust needed to agree outright (else a next step at most)
    keywords_required: bool  # must the trainee's words touch the real topic?
    pressure_trust: int  # trust lost per pressure turn
    pressure_patience: int  # patience lost per pressure turn
    idle_patience: int  # patience lost per turn that moves nothing forward


PROFILES: dict[Difficulty, Profile] = {
    Difficulty.EASY: Profile(55, 100, 1, 0, 55, False, 8, 20, 6),
    Difficulty.NORMAL: Profile(45, 100, 1, 35, 65, True, 12, 30, 10),
    Difficulty.HARD: Profile(35, 100, 2, 45, 75, True, 15, 40, 14),
}

# Trust earned by consultative behaviour. Exploring and answering the real
# concern are worth more than polite words.
GAIN_ACKNOWLEDGE = 3
GAIN_EXPLORE = 4
GAIN_REVEAL = 6
GAIN_RESOLVE = 12
GAIN_WALK_AWAY_OK = 4


@dataclass(frozen=True)
class Reading:
    """What the director needs to know about a trainee turn."""

    label: Label
    tactics: frozenset[Tactic]
    text: str = ""

    @property
    def pressure(self) -> frozenset[Tactic]:
        return self.tactics & PRESSURE_TACTICS


@dataclass(frozen=True)
class ObjectionState:
    id: str
    status: Status = "pending"
    explore_hits: int = 0


@dataclass(frozen=True)
class BuyerState:
    trust: int
    patience: int
    objections: tuple[ObjectionState, ...]
    trainee_turns: int = 0
    pressure_turns: int = 0
    outcome: Outcome | None = None  # set when the conversation has ended

    @property
    def current(self) -> ObjectionState | None:
        """The objection on the table: the first raised one not yet resolved."""
        for objection in self.objections:
            if objection.status in ("raised", "uncovered"):
                return objection
        return None

    def ids(self, *statuses: Status) -> list[str]:
        return [o.id for o in self.objections if o.status in statuses]

    def snapshot(self) -> BuyerSnapshot:
        """The state as a transcript records it after each buyer turn."""
        return BuyerSnapshot(
            trust=self.trust,
            patience=self.patience,
            raised=self.ids("raised", "uncovered", "resolved"),
            uncovered=self.ids("uncovered", "resolved"),
            resolved=self.ids("resolved"),
            current=self.current.id if self.current else None,
            trainee_turns=self.trainee_turns,
            pressure_turns=self.pressure_turns,
            outcome=self.outcome.value if self.outcome else None,
        )


@dataclass
class Director:
    scenario: Scenario
    profile: Profile = field(init=False)

    def __post_init__(self) -> None:
        self.profile = PROFILES[self.scenario.difficulty]
        self._objections = {o.id: o for o in self.scenario.objections}

    # --- state transitions ------------------------------------------------

    def start(self) -> tuple[BuyerState, Decision]:
        first = self.scenario.objections[0].id
        state = BuyerState(
            trust=self.profile.trust,
            patience=self.profile.patience,
            objections=tuple(
                ObjectionState(o.id, "raised" if o.id == first else "pending")
                for o in self.scenario.objections
            ),
        )
        beats = (Beat("opening"), Beat("surface", objection=first))
        return state, Decision(Move.OPEN, beats, "the buyer opens with the first objection", first)

    def step(self, state: BuyerState, reading: Reading) -> tuple[BuyerState, Decision]:
        """Apply one trainee turn; return the new state and the buyer's move."""
        if state.outcome is not None:
            raise ValueError("the conversation has already ended")
        state = replace(state, trainee_turns=state.trainee_turns + 1)
        state, decision = self._decide(state, reading)
        if decision.ends is None and state.trainee_turns >= self.scenario.turn_limit:
            decision = replace(
                decision,
                ends=Outcome.STALLED,
                reason=decision.reason + "; the turn limit is reached, the buyer stalls",
            )
        if decision.ends is not None:
            state = replace(state, outcome=decision.ends)
        return state, decision

    def _decide(self, state: BuyerState, reading: Reading) -> tuple[BuyerState, Decision]:
        current = state.current
        if reading.pressure or reading.label is Label.PRESSURE:
            return self._pressure(state, reading, current)
        gain = 0
        if reading.tactics & {Tactic.ACKNOWLEDGE, Tactic.EMPATHIZE, Tactic.SUMMARIZE_CHECK}:
            gain += GAIN_ACKNOWLEDGE
        if Tactic.WALK_AWAY_OK in reading.tactics:
            gain += GAIN_WALK_AWAY_OK
        if current is None:
            return self._all_answered(state, reading, gain)
        objection = self._objections[current.id]
        if current.status == "raised":
            return self._explore(state, reading, current, objection, gain)
        return self._answer(state, reading, current, objection, gain)

    def _pressure(
        self, state: BuyerState, reading: Reading, current: ObjectionState | None
    ) -> tuple[BuyerState, Decision]:
        names = ", ".join(sorted(t.value for t in reading.pressure)) or "pressure"
        state = _adjust(
            state,
            trust=-self.profile.pressure_trust,
            patience=-self.profile.pressure_patience,
        )
        state = replace(state, pressure_turns=state.pressure_turns + 1)
        return state, _react(
            state,
            Move.HARDEN,
            current,
            f"{names}: trust -{self.profile.pressure_trust}, "
            f"patience -{self.profile.pressure_patience}; nothing is conceded under pressure",
        )

    def _explore(
        self,
        state: BuyerState,
        reading: Reading,
        current: ObjectionState,
        objection: Objection,
        gain: int,
    ) -> tuple[BuyerState, Decision]:
        if self._matches(objection.uncover, reading):
            hits = current.explore_hits + 1
            state = _adjust(state, trust=gain + GAIN_EXPLORE)
            ready = hits >= self.profile.explore_hits and state.trust >= self.profile.reveal_trust
            status: Status = "uncovered" if ready else "raised"
            state = _with_objection(state, replace(current, status=status, explore_hits=hits))
            if ready:
                state = _adjust(state, trust=GAIN_REVEAL)
                return state, Decision(
                    Move.REVEAL_ROOT_CAUSE,
                    (Beat("reveal", objection=current.id),),
                    "the trainee asked about the real concern: the buyer reveals it",
                    current.id,
                )
            why = (
                "not enough trust yet"
                if hits >= self.profile.explore_hits
                else "a guarded buyer needs to be asked more than once"
            )
            return state, _react(
                state,
                Move.SOFTEN,
                current,
                f"a good question, but the real concern stays hidden: {why}",
            )
        if reading.tactics & EXPLORING_TACTICS:
            # Asked something, just not about what matters: some credit, no reveal.
            state = _adjust(state, trust=gain + 1)
            return state, _react(
                state, Move.SOFTEN, current, "a question, but not one that reaches the real concern"
            )
        if gain:
            state = _adjust(state, trust=gain)
            return state, _react(
                state, Move.SOFTEN, current, "acknowledged, but the concern is still unexplored"
            )
        return self._idle(state, reading, current, "the answer did not explore the concern")

    def _answer(
        self,
        state: BuyerState,
        reading: Reading,
        current: ObjectionState,
        objection: Objection,
        gain: int,
    ) -> tuple[BuyerState, Decision]:
        if self._matches(objection.resolve, reading):
            state = _with_objection(state, replace(current, status="resolved"))
            state = _adjust(state, trust=gain + GAIN_RESOLVE)
            following = next((o for o in state.objections if o.status == "pending"), None)
            if following is not None:
                state = _with_objection(state, replace(following, status="raised"))
                return state, Decision(
                    Move.RAISE_OBJECTION,
                    (
                        Beat("resolved", objection=current.id),
                        Beat("surface", objection=following.id),
                    ),
                    "the real concern was answered; the buyer raises the next one",
                    following.id,
                )
            if Tactic.PERMISSION_NEXT_STEP in reading.tactics:
                return self._close(state, (Beat("resolved", objection=current.id),))
            return state, Decision(
                Move.SOFTEN,
                (Beat("resolved", objection=current.id),),
                "the real concern was answered; the buyer waits to hear the next step",
                current.id,
            )
        if reading.tactics & EXPLORING_TACTICS or gain:
            state = _adjust(state, trust=gain + 1)
            return state, Decision(
                Move.REVEAL_ROOT_CAUSE,
                (Beat("reveal", objection=current.id),),
                "the concern is on the table but not yet answered",
                current.id,
            )
        return self._idle(state, reading, current, "the answer did not address the real concern")

    def _all_answered(
        self, state: BuyerState, reading: Reading, gain: int
    ) -> tuple[BuyerState, Decision]:
        open_must = [
            o.id
            for o in state.objections
            if o.status != "resolved" and self._objections[o.id].must_resolve
        ]
        state = _adjust(state, trust=gain)
        if not open_must and Tactic.PERMISSION_NEXT_STEP in reading.tactics:
            return self._close(state, ())
        return self._idle(state, reading, None, "no next step was asked for")

    def _close(self, state: BuyerState, lead: tuple[Beat, ...]) -> tuple[BuyerState, Decision]:
        agree = (
            self.scenario.best_outcome is Outcome.AGREED and state.trust >= self.profile.agree_trust
        )
        move = Move.AGREE if agree else Move.AGREE_NEXT_STEP
        why = (
            "every concern answered and trust is high: the buyer agrees"
            if agree
            else "every concern answered: the buyer agrees to a next step"
            + (
                ""
                if self.scenario.best_outcome is Outcome.NEXT_STEP
                else f" (trust {state.trust} is below {self.profile.agree_trust} to agree outright)"
            )
        )
        outcome = Outcome.AGREED if agree else Outcome.NEXT_STEP
        return state, Decision(move, (*lead, Beat("persona", move)), why, None, ends=outcome)

    def _idle(
        self, state: BuyerState, reading: Reading, current: ObjectionState | None, why: str
    ) -> tuple[BuyerState, Decision]:
        state = _adjust(state, patience=-self.profile.idle_patience)
        return state, _react(
            state, Move.PUSH_BACK, current, f"{why}: patience -{self.profile.idle_patience}"
        )

    # --- matching ----------------------------------------------------------

    def _matches(self, trigger: Trigger, reading: Reading) -> bool:
        if not reading.tactics & set(trigger.tactics):
            return False
        if not trigger.keywords or not self.profile.keywords_required:
            return True
        # Phones and word processors type curly apostrophes; content uses straight ones.
        text = reading.text.replace("\u2019", "'").replace("\u2018", "'")
        return _keyword_pattern(tuple(trigger.keywords)).search(text) is not None


def _react(state: BuyerState, move: Move, current: ObjectionState | None, why: str) -> Decision:
    """A reaction that keeps the concern on the table, or, once patience has run
    out, the end of the conversation."""
    about = current.id if current else None
    if state.patience <= 0:
        return Decision(
            Move.WALK_AWAY,
            (Beat("persona", Move.WALK_AWAY),),
            f"{why}; patience ran out, the buyer walks away",
            about,
            ends=Outcome.WALKED_AWAY,
        )
    beats: tuple[Beat, ...] = (Beat("persona", move),)
    if current is not None:
        beats += (Beat("restate", objection=current.id),)
    return Decision(move, beats, why, about)


def _adjust(state: BuyerState, *, trust: int = 0, patience: int = 0) -> BuyerState:
    return replace(
        state,
        trust=max(0, min(100, state.trust + trust)),
        patience=max(0, min(100, state.patience + patience)),
    )


def _with_objection(state: BuyerState, updated: ObjectionState) -> BuyerState:
    return replace(
        state,
        objections=tuple(updated if o.id == updated.id else o for o in state.objections),
    )


@lru_cache(maxsize=512)
def _keyword_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    # Whole words and phrases, any case, flexible whitespace inside phrases.
    parts = [r"\s+".join(re.escape(w) for w in k.split()) for k in keywords]
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
