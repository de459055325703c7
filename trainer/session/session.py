"""A role-play Session: turns in order, the director's state, and autosave.

The session is Textual-free. A caller (the headless `trainer chat`, the TUI,
a test) sends trainee lines and iterates the events that come back: how the
turn was read, the buyer's words as they stream, the buyer's finished line
with the state after it, and the end. Every completed turn is saved to the
store as it happens, so a crash or Ctrl-C loses nothing.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from trainer.actors.base import RESET, Actor, ActorError, Decision, SpeakRequest
from trainer.clock import now
from trainer.content.models import Persona, Scenario
from trainer.reading.turn import TurnReading, read_turn
from trainer.session.commands import Mode
from trainer.session.director import BuyerState, Director
from trainer.session.replay import context_for, replay
from trainer.store.base import Store
from trainer.transcript import MAX_TURN_CHARS, Transcript, Turn
from trainer.vocabulary import Outcome

__all__ = [
    "BuyerChunk",
    "BuyerLine",
    "Ended",
    "Event",
    "Session",
    "SessionError",
    "TraineeRead",
    "VoiceNotice",
]


class SessionError(Exception):
    """Something the trainee asked for that the session cannot do now."""


@dataclass(frozen=True)
class TraineeRead:
    turn_index: int
    reading: TurnReading


@dataclass(frozen=True)
class BuyerChunk:
    text: str
    reset: bool = False  # forget what streamed so far: the buyer's line starts again


@dataclass(frozen=True)
class VoiceNotice:
    """Something the trainee should know about how this line was voiced."""

    text: str


@dataclass(frozen=True)
class BuyerLine:
    turn_index: int
    turn: Turn
    state: BuyerState
    decision: Decision


@dataclass(frozen=True)
class Ended:
    outcome: Outcome


Event = TraineeRead | BuyerChunk | BuyerLine | VoiceNotice | Ended


def clean_input(text: str) -> str:
    """A trainee line as stored: control characters dropped (an escape sequence
    must never reach a terminal), whitespace collapsed, length capped."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(cleaned.split())[:MAX_TURN_CHARS]


@dataclass
class Session:
    scenario: Scenario
    persona: Persona
    actor: Actor
    store: Store | None = None
    trainee: str | None = None  # None: nobody gave a name
    seed: int = field(default_factory=lambda: secrets.randbelow(2**31))
    mode: Mode = Mode.PRACTICE
    rubric: str | None = None
    content_hashes: dict[str, str | None] | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started: str = field(default_factory=now)
    assignment_id: int | None = None  # the assignment this session is an attempt at

    def __post_init__(self) -> None:
        self.mode = Mode.of(self.mode)
        self.director = Director(self.scenario)
        self.turns: list[Turn] = []
        self.state: BuyerState | None = None
        self._pending: tuple[BuyerState, Decision] | None = None
        self._created = False
        self.finished: str | None = None
        self.rubric = self.rubric or self.scenario.rubric

    # --- what callers read --------------------------------------------------

    @property
    def outcome(self) -> Outcome | None:
        return self.state.outcome if self.state else None

    @property
    def ended(self) -> bool:
        return self.outcome is not None

    @property
    def awaiting_buyer(self) -> bool:
        """The trainee has spoken but the buyer's reply failed; retry is possible."""
        return self._pending is not None

    @property
    def exam(self) -> bool:
        return self.mode is Mode.EXAM

    def transcript(self) -> Transcript:
        return Transcript(
            id=self.id,
            scenario=self.scenario.id,
            persona=self.persona.id,
            rubric=self.rubric,
            trainee=self.trainee,
            model=self.actor.name,
            seed=self.seed,
            mode=self.mode.value,
            started=self.started,
            finished=self.finished,
            outcome=(self.outcome or Outcome.UNFINISHED).value if self.finished else None,
            content_hashes=self.content_hashes,
            assignment_id=self.assignment_id,
            turns=list(self.turns),
        )

    # --- the conversation ---------------------------------------------------

    async def start(self) -> AsyncIterator[Event]:
        """The buyer's opening line."""
        if self.turns or self._pending:
            raise SessionError("the session has already started")
        if not self._created:
            if self.store is not None:
                self.store.create_session(self.transcript(), assignment_id=self.assignment_id)
            self._created = True
        self._pending = self.director.start()
        async for event in self._voice():
            yield event

    async def say(self, text: str) -> AsyncIterator[Event]:
        """The trainee says one line; the buyer answers."""
        text = clean_input(text)
        if not text:
            raise SessionError("say something first")
        if self.state is None:
            raise SessionError("the session has not started")
        if self._pending is not None:
            raise SessionError(
                "the buyer has not answered yet: retry, or switch to the offline buyer"
            )
        if self.ended:
            raise SessionError("the conversation has ended: undo, rewind or restart to go on")
        reading = read_turn(text, context_for(self.scenario, self.persona, self.turns, self.state))
        turn = Turn(
            role="trainee",
            text=text,
            at=now(),
            label=reading.label.value,
            tactics=[t.value for t in reading.tactics.tactics],
            reading=reading.to_record(),
        )
        self._append(turn)
        yield TraineeRead(len(self.turns) - 1, reading)
        self._pending = self.director.step(self.state, reading)
        async for event in self._voice():
            yield event

    async def retry(self) -> AsyncIterator[Event]:
        """Voice the buyer's pending reply again (after an actor failure)."""
        if self._pending is None:
            raise SessionError("nothing to retry")
        async for event in self._voice():
            yield event

    async def _voice(self) -> AsyncIterator[Event]:
        assert self._pending is not None
        state, decision = self._pending
        request = SpeakRequest(
            decision=decision,
            scenario=self.scenario,
            persona=self.persona,
            history=tuple(self.turns),
            trainee=self.trainee,
            seed=self.seed,
            turn_index=len(self.turns),
        )
        chunks: list[str] = []
        try:
            async for chunk in self.actor.speak(request):
                if chunk == RESET:
                    chunks.clear()
                    yield BuyerChunk("", reset=True)
                elif chunk:
                    chunks.append(chunk)
                    yield BuyerChunk(chunk)
        except ActorError:
            raise
        except Exception as exc:  # an actor bug must not cost the session
            raise ActorError(f"{type(exc).__name__}: {exc}") from exc
        text = clean_input("".join(chunks))
        if not text:
            raise ActorError("the buyer's reply was empty")
        turn = Turn(
            role="buyer",
            text=text,
            at=now(),
            move=decision.move.value,
            objection=decision.objection,
            reason=decision.reason,
            state=state.snapshot(),
        )
        self._append(turn)
        self.state = state
        self._pending = None
        fell_back = getattr(self.actor, "fallback_reason", None)
        if fell_back:
            yield VoiceNotice(fell_back)
        yield BuyerLine(len(self.turns) - 1, turn, state, decision)
        if state.outcome is not None:
            yield Ended(state.outcome)

    def _append(self, turn: Turn) -> None:
        self.turns.append(turn)
        if self.store is not None:
            self.store.save_turn(self.id, len(self.turns) - 1, turn.model_dump(exclude_none=True))

    # --- going back ---------------------------------------------------------

    def undo(self) -> None:
        """Take back the last exchange: the trainee's last line and the reply to it."""
        if not self.mode.can_go_back:
            raise SessionError("undo is off in exam mode")
        last = max((i for i, t in enumerate(self.turns) if t.role == "trainee"), default=None)
        if last is None:
            raise SessionError("nothing to undo")
        self.rewind(last)

    def rewind(self, turn_index: int) -> None:
        """Go back to just before the trainee turn at `turn_index`, to try it again."""
        if not self.mode.can_go_back:
            raise SessionError("rewind is off in exam mode")
        if not 0 < turn_index <= len(self.turns):
            raise SessionError(f"no turn {turn_index} to rewind to")
        self.turns = self.turns[:turn_index]
        self._pending = None
        self.finished = None
        self._replay()
        if self.store is not None:
            self.store.truncate(self.id, turn_index)
        if self._pending is not None:
            # Cut right after a trainee line: drop it too, the trainee says it anew.
            self.rewind(turn_index - 1)

    def fork(self, turn_index: int) -> Session:
        """A new attempt that starts just before the trainee turn at `turn_index`,
        with the turns before it copied; this session, and its grade, stay as
        they are. What rewinding from a scorecard uses, so a graded attempt
        can never be erased by trying again."""
        if not self.mode.can_go_back:
            raise SessionError("rewind is off in exam mode")
        if not 0 < turn_index <= len(self.turns):
            raise SessionError(f"no turn {turn_index} to rewind to")
        kept = self.turns[:turn_index]
        if kept[-1].role == "trainee":
            kept = kept[:-1]
        fresh = Session(
            scenario=self.scenario,
            persona=self.persona,
            actor=self.actor,
            store=self.store,
            trainee=self.trainee,
            seed=self.seed,
            mode=self.mode,
            rubric=self.rubric,
            content_hashes=self.content_hashes,
            assignment_id=self.assignment_id,
        )
        fresh.turns = list(kept)
        fresh._replay()
        if fresh.store is not None:
            fresh.store.create_session(fresh.transcript(), assignment_id=fresh.assignment_id)
        fresh._created = True
        return fresh

    def _replay(self) -> None:
        """Rebuild the buyer's state from the turns kept."""
        walked = replay(self.director, self.persona, self.turns)
        self.state = walked.state
        self._pending = walked.pending

    def finish(self) -> Transcript:
        """End the session here (the trainee typed /end, or the buyer ended it)."""
        self.finished = now()
        self._pending = None
        return self.transcript()

    def record_result(
        self, score: int | None, passed: bool | None, scorecard: dict[str, Any]
    ) -> None:
        if self.store is not None and self.finished is not None:
            self.store.finish_session(
                self.id,
                finished=self.finished,
                outcome=(self.outcome or Outcome.UNFINISHED).value,
                score=score,
                passed=passed,
                scorecard=scorecard,
            )

    @classmethod
    def resume(
        cls,
        transcript: Transcript,
        scenario: Scenario,
        persona: Persona,
        actor: Actor,
        store: Store | None = None,
    ) -> Session:
        """Pick a saved session up where it stopped."""
        session = cls(
            scenario=scenario,
            persona=persona,
            actor=actor,
            store=store,
            trainee=transcript.trainee,
            seed=transcript.seed if transcript.seed is not None else 0,
            mode=Mode.of(transcript.mode),
            rubric=transcript.rubric,
            content_hashes=transcript.content_hashes,
            id=transcript.id or uuid.uuid4().hex,
            started=transcript.started or now(),
            assignment_id=transcript.assignment_id,
        )
        session._created = True
        session.turns = list(transcript.turns)
        if session.turns:
            session._replay()
        return session
