"""The Director: the buyer's behaviour as a plain state machine.

Each trainee turn arrives read (trainer.reading: its tactics, clause by
clause, and what it is about). The director keeps the BuyerState (trust,
patience, and each objection's stage) and chooses the buyer's next move. An
actor, scripted or a language model, only puts that move into words, so no
wording, pressure or injected instruction can make the buyer agree while a
concern is open: the decision is made here, before any model sees the turn.

An objection is buttoned up step by step (PRODUCT.md, "Substance"):

    raised -> explored -> uncovered -> answered -> confirmed

explored when the trainee asks about *this* concern; uncovered when the buyer
trusts them enough and they asked about the right thing (the root cause);
answered when they propose something concrete for the root cause; confirmed
when they check it lands. Then the next objection is raised, and once every
must-resolve objection is confirmed, a next step the trainee *asks* for ends
the conversation well. Turns that move nothing forward (a repeat, a list of
keywords, a pasted paragraph of every good phrase, small talk, a line that
would fit any buyer) advance nothing and cost patience; pressure costs trust
and patience and concedes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Literal

from trainer.actors.base import Beat, BeatKind, Decision
from trainer.content.models import Objection, Scenario
from trainer.reading.meaning import Mark
from trainer.reading.turn import TurnReading
from trainer.transcript import BuyerSnapshot
from trainer.vocabulary import Difficulty, Move, Outcome, Tactic

__all__ = [
    "STAGES",
    "BuyerState",
    "Director",
    "ObjectionState",
    "PROFILES",
    "Profile",
    "Stage",
]

Stage = Literal["pending", "raised", "explored", "uncovered", "answered", "confirmed"]
STAGES: tuple[Stage, ...] = ("pending", "raised", "explored", "uncovered", "answered", "confirmed")
_ORDER = {s: i for i, s in enumerate(STAGES)}


@dataclass(frozen=True)
class Profile:
    """How a difficulty level behaves. Harder buyers start colder, tire sooner,
    hide the real concern deeper and need more trust before they concede."""

    trust: int  # starting trust, 0-100
    patience: int  # starting patience, 0-100; at 0 the buyer walks away
    explore_hits: int  # questions about the concern before the root cause comes out
    reveal_trust: int  # trust needed before the buyer admits the root cause
    agree_trust: int  # trust needed to agree outright (else a next step at most)
    pressure_trust: int  # trust lost per pressure turn
    pressure_patience: int  # patience lost per pressure turn
    idle_patience: int  # patience lost per turn that moves nothing forward


PROFILES: dict[Difficulty, Profile] = {
    Difficulty.EASY: Profile(55, 100, 1, 0, 55, 8, 20, 10),
    Difficulty.NORMAL: Profile(45, 100, 1, 35, 65, 12, 30, 14),
    Difficulty.HARD: Profile(35, 100, 2, 45, 75, 15, 40, 18),
}

# Trust earned by substance. Exploring and answering the real concern are
# worth far more than polite words, which earn a little only the first time.
GAIN_LISTEN = 2
GAIN_EXPLORE = 5
GAIN_REVEAL = 5
GAIN_ANSWER = 8
GAIN_CONFIRM = 6
GAIN_WALK_AWAY_OK = 3
# A repeated line costs more patience than other empty turns: the buyer noticed.
REPEAT_FACTOR = 1.5

_LISTENING = frozenset({Tactic.ACKNOWLEDGE, Tactic.EMPATHIZE, Tactic.SUMMARIZE_CHECK})


@dataclass(frozen=True)
class ObjectionState:
    id: str
    stage: Stage = "pending"
    explore_hits: int = 0  # questions asked about this concern
    root_hits: int = 0  # ... of them about its root cause
    vague: int = 0  # answers that pointed the right way but were not concrete
    offered: tuple[str, ...] = ()  # what the trainee put on the table for it
    checked: bool = True  # confirmed because the trainee checked (not just moved on)

    def reached(self, stage: Stage) -> bool:
        return _ORDER[self.stage] >= _ORDER[stage]


@dataclass(frozen=True)
class BuyerState:
    trust: int
    patience: int
    objections: tuple[ObjectionState, ...]
    trainee_turns: int = 0
    pressure_turns: int = 0
    outcome: Outcome | None = None  # set when the conversation has ended
    # Listening words already credited: saying "I hear you" again earns nothing.
    heard: frozenset[str] = field(default_factory=frozenset)

    @property
    def current(self) -> ObjectionState | None:
        """The objection on the table: the first raised one not yet confirmed."""
        for objection in self.objections:
            if objection.stage not in ("pending", "confirmed"):
                return objection
        return None

    def ids(self, *stages: Stage) -> list[str]:
        return [o.id for o in self.objections if o.stage in stages]

    def objection(self, ident: str) -> ObjectionState:
        return next(o for o in self.objections if o.id == ident)

    def snapshot(self) -> BuyerSnapshot:
        """The state as a transcript records it after each buyer turn."""
        raised = [o.id for o in self.objections if o.stage != "pending"]
        return BuyerSnapshot(
            trust=self.trust,
            patience=self.patience,
            raised=raised,
            uncovered=[o.id for o in self.objections if o.reached("uncovered")],
            resolved=[o.id for o in self.objections if o.reached("confirmed")],
            current=self.current.id if self.current else None,
            trainee_turns=self.trainee_turns,
            pressure_turns=self.pressure_turns,
            outcome=self.outcome.value if self.outcome else None,
            stages={o.id: o.stage for o in self.objections if o.stage != "pending"},
        )


def _beat(kind: BeatKind, objection: str | None = None, **more: object) -> Beat:
    return Beat(kind, objection=objection, **more)  # type: ignore[arg-type]


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

    def step(self, state: BuyerState, reading: TurnReading) -> tuple[BuyerState, Decision]:
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

    def _decide(self, state: BuyerState, r: TurnReading) -> tuple[BuyerState, Decision]:
        if r.pressure:
            return self._pressure(state, r)
        current = state.current
        if r.meaning.empty:
            return self._empty(state, r, current)
        state, listened = self._listen(state, r)
        if Tactic.WALK_AWAY_OK in r.found:
            state = _adjust(state, trust=GAIN_WALK_AWAY_OK)
        if current is None or (
            not self._objections[current.id].must_resolve and self._ready_to_close(state, r)
        ):
            return self._all_answered(state, r)
        objection = self._objections[current.id]
        if current.stage in ("raised", "explored"):
            return self._explore(state, r, current, objection, listened)
        if current.stage == "uncovered":
            return self._answer(state, r, current, objection)
        return self._confirm(state, r, current, objection)

    # --- the steps ------------------------------------------------------------

    def _explore(
        self,
        state: BuyerState,
        r: TurnReading,
        current: ObjectionState,
        objection: Objection,
        listened: bool,
    ) -> tuple[BuyerState, Decision]:
        m = r.meaning
        about = current.id in m.surface or current.id in m.root
        asks = r.has(Mark.QUESTION) or Tactic.SUMMARIZE_CHECK in r.found
        if current.id in m.asked or (about and Tactic.SUMMARIZE_CHECK in r.found):
            hits = current.explore_hits + 1
            root_hits = current.root_hits + (current.id in m.root)
            state = _adjust(state, trust=GAIN_EXPLORE)
            ready = (
                hits >= self.profile.explore_hits
                and state.trust >= self.profile.reveal_trust
                and (root_hits >= 1 or hits >= 2)
            )
            if ready:
                state = _with(
                    state,
                    replace(current, stage="uncovered", explore_hits=hits, root_hits=root_hits),
                )
                state = _adjust(state, trust=GAIN_REVEAL)
                beats: tuple[Beat, ...] = (_beat("reveal", current.id),)
                if r.has(Mark.PROPOSAL) and r.has(Mark.CONCRETE) and current.id in m.answer:
                    # Asked the right thing and offered an answer to it in one turn.
                    state = _with(
                        state,
                        replace(state.objection(current.id), stage="answered", offered=m.offered),
                    )
                    state = _adjust(state, trust=GAIN_ANSWER)
                    beats += (_beat("take_up", current.id, offered=m.offered),)
                return state, Decision(
                    Move.REVEAL_ROOT_CAUSE,
                    beats,
                    "the trainee asked about this concern and the buyer trusts them: the real "
                    "reason comes out",
                    current.id,
                )
            state = _with(
                state, replace(current, stage="explored", explore_hits=hits, root_hits=root_hits)
            )
            why = (
                "not enough trust yet"
                if hits >= self.profile.explore_hits and root_hits
                else "asked about the concern, not yet about what is behind it"
                if not root_hits
                else "a guarded buyer needs to be asked more than once"
            )
            return state, Decision(
                Move.SOFTEN,
                (_beat("fact", current.id), _beat("hint", current.id)),
                f"a good question about the concern; the buyer gives a clue ({why})",
                current.id,
            )
        if (
            r.has(Mark.PROPOSAL)
            and (current.id in m.answer or current.id in m.root)
            and (current.stage == "explored" or current.id in m.root)
        ):
            # An answer to the real concern before the buyer said it: close
            # enough that the buyer says it, and hears the offer.
            stage: Stage = "answered" if r.has(Mark.CONCRETE) else "uncovered"
            state = _with(state, replace(current, stage=stage, offered=m.offered))
            state = _adjust(state, trust=GAIN_REVEAL + (GAIN_ANSWER if stage == "answered" else 0))
            beats = (_beat("reveal", current.id), _beat("take_up", current.id, offered=m.offered))
            return state, Decision(
                Move.REVEAL_ROOT_CAUSE,
                beats,
                "the offer points at the real concern: the buyer says what it is and takes it up",
                current.id,
            )
        if asks and r.has(Mark.RESPONDS):
            # A real question about something the buyer said, if not about the
            # concern itself: answered, nothing revealed.
            state = _adjust(state, trust=1)
            return state, Decision(
                Move.SOFTEN,
                (_beat("fact", current.id), _beat("restate", current.id)),
                "a question, but not about what worries the buyer",
                current.id,
            )
        if r.has(Mark.PROPOSAL):
            return self._idle(
                state,
                current,
                "an answer to a concern the buyer has not described yet",
                (_beat("premature", current.id), _beat("restate", current.id)),
            )
        if r.has(Mark.NEXT_STEP) or r.has(Mark.CONFIRM):
            return self._idle(
                state,
                current,
                "a check or a next step while the concern is still unexplored",
                (_beat("nothing_offered", current.id), _beat("restate", current.id)),
            )
        if listened or about:
            return state, Decision(
                Move.SOFTEN,
                (Beat("persona", Move.SOFTEN), _beat("restate", current.id)),
                "heard, but the concern is still unexplored",
                current.id,
            )
        return self._idle(state, current, "the turn did not explore the concern")

    def _answer(
        self, state: BuyerState, r: TurnReading, current: ObjectionState, objection: Objection
    ) -> tuple[BuyerState, Decision]:
        m = r.meaning
        on_point = current.id in m.answer or current.id in m.root
        if self._offers(r, current.id) and on_point:
            offered = _merge(current.offered, m.offered)
            if r.has(Mark.CONCRETE):
                state = _with(state, replace(current, stage="answered", offered=offered))
                state = _adjust(state, trust=GAIN_ANSWER)
                closing = self._confirmed_by(r)
                if closing:
                    return self._confirmed(state, r, state.objection(current.id))
                return state, Decision(
                    Move.SOFTEN,
                    (
                        _beat("take_up", current.id, offered=m.offered),
                        _beat("consider", current.id),
                    ),
                    "a concrete answer to the real concern: the buyer takes it up and considers it",
                    current.id,
                )
            state = _with(state, replace(current, vague=current.vague + 1, offered=offered))
            state = _adjust(state, trust=1)
            return state, Decision(
                Move.SOFTEN,
                (_beat("take_up", current.id, offered=m.offered), _beat("ask", current.id)),
                "the right direction, but vague: the buyer asks for what is missing",
                current.id,
            )
        if r.has(Mark.QUESTION) and (on_point or current.id in m.surface):
            state = _adjust(state, trust=1)
            return state, Decision(
                Move.SOFTEN,
                (_beat("fact", current.id), _beat("refer", current.id)),
                "more questions about the real concern: it is out, now it needs an answer",
                current.id,
            )
        if r.has(Mark.CONFIRM) or r.has(Mark.NEXT_STEP):
            return self._idle(
                state,
                current,
                "a check or a next step before anything was offered for the real concern",
                (_beat("nothing_offered", current.id), _beat("refer", current.id)),
            )
        return self._idle(state, current, "the turn did not answer the real concern")

    def _confirm(
        self, state: BuyerState, r: TurnReading, current: ObjectionState, objection: Objection
    ) -> tuple[BuyerState, Decision]:
        m = r.meaning
        if self._confirmed_by(r):
            if r.has(Mark.PROPOSAL) and m.offered:
                state = _with(state, replace(current, offered=_merge(current.offered, m.offered)))
            return self._confirmed(state, r, state.objection(current.id))
        if self._offers(r, current.id) and (current.id in m.answer or current.id in m.root):
            state = _with(state, replace(current, offered=_merge(current.offered, m.offered)))
            return state, Decision(
                Move.SOFTEN,
                (_beat("take_up", current.id, offered=m.offered), _beat("consider", current.id)),
                "more of the answer: the buyer waits to be asked whether it lands",
                current.id,
            )
        following = self._moving_on(state, r)
        if following is not None:
            # A concrete answer is on the table and the trainee moves to the
            # buyer's next concern: the buyer takes that as the answer, and the
            # step counts as answered, not as checked.
            state = _with(state, replace(current, stage="confirmed", checked=False))
            state = _with(state, replace(following, stage="raised"))
            nxt = state.objection(following.id)
            state, decision = self._explore(state, r, nxt, self._objections[nxt.id], False)
            lead = _beat("consider", current.id)
            return state, replace(
                decision,
                beats=(lead, *decision.beats),
                reason="the trainee moved on without checking; the buyer lets the answer stand. "
                + decision.reason,
            )
        return self._idle(
            state,
            current,
            "an answer is on the table, but the trainee did not check that it lands",
            (_beat("await_confirm", current.id),),
        )

    def _offers(self, r: TurnReading, ident: str) -> bool:
        """A proposal for this concern: in the words of one ("what if we..."), or
        plainly said with the concern's own terms and something concrete ("So we
        change nothing. Before the move, our engineer documents the network...")."""
        m = r.meaning
        return r.has(Mark.PROPOSAL) or (m.answer.get(ident, 0) >= 3 and r.has(Mark.CONCRETE))

    def _moving_on(self, state: BuyerState, r: TurnReading) -> ObjectionState | None:
        """A pending objection the turn asks about or answers, if any."""
        m = r.meaning
        for objection in state.objections:
            if objection.stage != "pending":
                continue
            about = objection.id in m.surface or objection.id in m.root
            if objection.id in m.asked or (
                r.has(Mark.PROPOSAL) and objection.id in m.answer and about
            ):
                return objection
        return None

    def _confirmed_by(self, r: TurnReading) -> bool:
        return (
            r.has(Mark.CONFIRM)
            or r.has(Mark.NEXT_STEP)
            or bool(r.found & {Tactic.SUMMARIZE_CHECK, Tactic.PERMISSION_NEXT_STEP})
        )

    def _confirmed(
        self, state: BuyerState, r: TurnReading, current: ObjectionState
    ) -> tuple[BuyerState, Decision]:
        state = _with(state, replace(current, stage="confirmed"))
        state = _adjust(state, trust=GAIN_CONFIRM)
        lead = (_beat("resolved", current.id, offered=current.offered),)
        following = next((o for o in state.objections if o.stage == "pending"), None)
        if following is not None:
            state = _with(state, replace(following, stage="raised"))
            return state, Decision(
                Move.RAISE_OBJECTION,
                (*lead, _beat("surface", following.id)),
                "the answer lands and the buyer says so; then the next concern",
                following.id,
            )
        if r.has(Mark.NEXT_STEP) and self._ready_to_close(state, r):
            return self._close(state, lead, r)
        return state, Decision(
            Move.SOFTEN,
            (*lead, _beat("next_prompt")),
            "every concern is answered: the buyer waits to be asked for a next step",
            current.id,
        )

    def _all_answered(self, state: BuyerState, r: TurnReading) -> tuple[BuyerState, Decision]:
        if self._ready_to_close(state, r):
            return self._close(state, (), r)
        return self._idle(state, None, "no next step was asked for", (_beat("next_prompt"),))

    def _ready_to_close(self, state: BuyerState, r: TurnReading) -> bool:
        open_must = [
            o.id
            for o in state.objections
            if o.stage != "confirmed" and self._objections[o.id].must_resolve
        ]
        asked = r.has(Mark.NEXT_STEP) or Tactic.PERMISSION_NEXT_STEP in r.found
        return not open_must and asked

    def _close(
        self, state: BuyerState, lead: tuple[Beat, ...], r: TurnReading
    ) -> tuple[BuyerState, Decision]:
        agree = (
            self.scenario.best_outcome is Outcome.AGREED and state.trust >= self.profile.agree_trust
        )
        move = Move.AGREE if agree else Move.AGREE_NEXT_STEP
        why = (
            "every concern answered and trust is high: the buyer agrees"
            if agree
            else "every concern answered: the buyer agrees to the next step asked for"
            + (
                ""
                if self.scenario.best_outcome is Outcome.NEXT_STEP
                else f" (trust {state.trust} is below {self.profile.agree_trust} to agree outright)"
            )
        )
        outcome = Outcome.AGREED if agree else Outcome.NEXT_STEP
        beats = (*lead, Beat("persona", move, offered=r.meaning.offered))
        return state, Decision(move, beats, why, None, ends=outcome)

    # --- turns that cost ------------------------------------------------------

    def _pressure(self, state: BuyerState, r: TurnReading) -> tuple[BuyerState, Decision]:
        names = ", ".join(sorted(t.value for t in r.pressure)) or "pressure"
        state = _adjust(
            state,
            trust=-self.profile.pressure_trust,
            patience=-self.profile.pressure_patience,
        )
        state = replace(state, pressure_turns=state.pressure_turns + 1)
        return state, self._react(
            state,
            Move.HARDEN,
            state.current,
            f"{names}: trust -{self.profile.pressure_trust}, "
            f"patience -{self.profile.pressure_patience}; nothing is conceded under pressure",
        )

    def _empty(
        self, state: BuyerState, r: TurnReading, current: ObjectionState | None
    ) -> tuple[BuyerState, Decision]:
        m = r.meaning
        if m.has(Mark.REPEAT):
            kind: BeatKind = "repeat_notice"
            why = "the trainee said that already"
            cost = round(self.profile.idle_patience * REPEAT_FACTOR)
        elif m.has(Mark.PASTED):
            kind, why = "pasted_notice", "a paragraph of every good phrase at once"
            cost = self.profile.idle_patience
        elif m.has(Mark.KEYWORDS):
            kind, why = "keywords_notice", "a list of keywords, not an answer"
            cost = self.profile.idle_patience
        elif m.has(Mark.SMALL_TALK):
            kind, why = "small_talk", "small talk, not the concern"
            cost = self.profile.idle_patience // 2
        else:
            kind, why = "generic", "a line that would fit any buyer"
            cost = self.profile.idle_patience // 2
        state = _adjust(state, patience=-cost)
        return state, self._react(
            state,
            Move.PUSH_BACK,
            current,
            f"{why}: nothing moves; patience -{cost}",
            lead=(_beat(kind, current.id if current else None),),
        )

    def _idle(
        self,
        state: BuyerState,
        current: ObjectionState | None,
        why: str,
        beats: tuple[Beat, ...] | None = None,
    ) -> tuple[BuyerState, Decision]:
        cost = self.profile.idle_patience
        state = _adjust(state, patience=-cost)
        return state, self._react(
            state, Move.PUSH_BACK, current, f"{why}: patience -{cost}", beats=beats
        )

    def _react(
        self,
        state: BuyerState,
        move: Move,
        current: ObjectionState | None,
        why: str,
        *,
        lead: tuple[Beat, ...] = (),
        beats: tuple[Beat, ...] | None = None,
    ) -> Decision:
        """A reaction that keeps the concern on the table, or, once patience has
        run out, the end of the conversation."""
        about = current.id if current else None
        if state.patience <= 0:
            return Decision(
                Move.WALK_AWAY,
                (Beat("persona", Move.WALK_AWAY),),
                f"{why}; patience ran out, the buyer walks away",
                about,
                ends=Outcome.WALKED_AWAY,
            )
        if beats is None:
            beats = lead or (Beat("persona", move),)
            if current is not None:
                # Once the real reason is out, the buyer talks about that, never
                # again about the cover story.
                kind: BeatKind = "refer" if current.reached("uncovered") else "restate"
                beats += (_beat(kind, current.id),)
            else:
                beats += (_beat("next_prompt"),)
        return Decision(move, beats, why, about)

    def _listen(self, state: BuyerState, r: TurnReading) -> tuple[BuyerState, bool]:
        """A little trust for listening words the first time they are used, and
        only when the turn takes up what the buyer said."""
        quotes = {
            _normal(f.quote) for f in r.tactics.findings if f.tactic in _LISTENING and f.quote
        }
        if not quotes or not r.has(Mark.RESPONDS):
            return state, bool(quotes)
        fresh = quotes - state.heard
        if fresh:
            state = replace(state, heard=state.heard | fresh)
            state = _adjust(state, trust=GAIN_LISTEN)
        return state, True


def _normal(quote: str) -> str:
    return re.sub(r"\W+", " ", quote.lower()).strip()


def _merge(old: tuple[str, ...], new: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys((*old, *new)))[:6]


def _adjust(state: BuyerState, *, trust: int = 0, patience: int = 0) -> BuyerState:
    return replace(
        state,
        trust=max(0, min(100, state.trust + trust)),
        patience=max(0, min(100, state.patience + patience)),
    )


def _with(state: BuyerState, updated: ObjectionState) -> BuyerState:
    return replace(
        state,
        objections=tuple(updated if o.id == updated.id else o for o in state.objections),
    )
