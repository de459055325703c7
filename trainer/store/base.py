"""The store interface. Everything that persists goes through it, so a shared
database server for larger teams can replace SQLite without touching callers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import TracebackType
from typing import Any, Protocol, Self

from trainer.errors import BadInput
from trainer.transcript import Transcript, Turn


@dataclass(frozen=True)
class SessionRow:
    """One saved session, as `trainer sessions` lists it."""

    id: str
    scenario: str | None
    trainee: str | None
    model: str | None
    mode: str
    started: str
    finished: str | None
    outcome: str | None
    score: int | None
    passed: bool | None
    trainee_turns: int
    assignment_id: int | None = None  # the assignment this session is an attempt at

    @property
    def counts_as_attempt(self) -> bool:
        """Whether this session uses up one of its assignment's attempts: once
        the trainee has said something, or while it is still open (someone may
        be taking it right now). One ended before the trainee's first line (end
        of input, /end) is kept and listed, but is no attempt: it showed only the
        buyer's opening, the same for everyone."""
        return self.finished is None or self.trainee_turns > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "scenario": self.scenario,
            "trainee": self.trainee,
            "model": self.model,
            "mode": self.mode,
            "started": self.started,
            "finished": self.finished,
            "trainee_turns": self.trainee_turns,
            "outcome": self.outcome,
            "score": self.score,
            "passed": self.passed,
            "assignment": self.assignment_id,
        }


@dataclass(frozen=True)
class Assignment:
    """A scenario a manager assigned to one trainee."""

    id: int
    trainee: str
    scenario: str
    due: str | None  # YYYY-MM-DD, inclusive
    pass_mark: int
    attempts: int | None  # the attempt limit; None means no limit
    exam: bool  # a graded drill: fixed seed, no hints or undo, limit enforced
    seed: int | None  # the buyer's seed for an exam, the same for every trainee
    created: str


class ImportOutcome(StrEnum):
    """What importing one transcript did."""

    ADDED = "added"
    UPDATED = "updated"  # a later copy of a session stored unfinished replaced it
    KEPT = "kept"  # already stored, as complete as the copy or more: nothing changed


class NoAttemptsLeft(BadInput):
    """An exam attempt refused: every attempt the assignment allows is used."""

    def __init__(self, assignment: Assignment) -> None:
        super().__init__(
            f"{assignment.trainee}: no attempts left on the exam for {assignment.scenario}"
            f" (all {assignment.attempts} used); ask your manager"
        )


@dataclass(frozen=True)
class SessionRecord:
    """A session with what a report reads: its turns and its scorecard."""

    row: SessionRow
    turns: tuple[Turn, ...]
    scorecard: dict[str, Any] | None


@dataclass(frozen=True)
class Snapshot:
    """Assignments and sessions read at one instant, so a report made while a
    session is being written never sees half of it."""

    assignments: list[Assignment]
    sessions: list[SessionRecord]


class Store(Protocol):
    def create_session(self, transcript: Transcript, *, assignment_id: int | None = None) -> None:
        """Start a session; `assignment_id` makes it an attempt at that
        assignment. The attempt is taken in the same transaction that checks
        the assignment's limit, so two sessions started at once cannot both
        take the last one: past the limit an exam raises NoAttemptsLeft, and
        any other assignment's session is stored as free practice."""

    def save_turn(self, session_id: str, index: int, turn: dict[str, Any]) -> None:
        """Save turn `index`, dropping any later turns (after an undo or rewind)."""

    def truncate(self, session_id: str, keep: int) -> None: ...

    def finish_session(
        self,
        session_id: str,
        *,
        finished: str,
        outcome: str,
        score: int | None,
        passed: bool | None,
        scorecard: dict[str, Any] | None,
    ) -> None: ...

    def load_session(self, session_id: str) -> Transcript: ...

    def list_sessions(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[SessionRow]: ...

    def scorecard(self, session_id: str) -> dict[str, Any] | None: ...

    def import_transcript(
        self,
        transcript: Transcript,
        *,
        assignment_id: int | None = None,
        score: int | None = None,
        passed: bool | None = None,
        scorecard: dict[str, Any] | None = None,
    ) -> ImportOutcome:
        """Add a transcript from elsewhere, with its grade if it was graded, in one
        transaction. A session already stored is KEPT as it is, unless it is
        stored unfinished and this copy is finished or has more turns: then this
        copy replaces it (UPDATED), turns, grade and assignment link."""

    def create_assignment(
        self,
        *,
        trainee: str,
        scenario: str,
        due: str | None,
        pass_mark: int,
        attempts: int | None,
        exam: bool,
        seed: int | None,
    ) -> Assignment: ...

    def list_assignments(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[Assignment]: ...

    def snapshot(
        self, *, trainee: str | None = None, scenario: str | None = None, turns: bool = True
    ) -> Snapshot:
        """Assignments and sessions (optionally filtered) read consistently;
        `turns=False` leaves the turns out when only scores are needed."""

    def trainee_login(self) -> str | None:
        """Who is practising, when the database decides it (a trainee's login on a
        team database: names come from the login, not from a flag); else None."""

    def close(self) -> None: ...

    def __enter__(self) -> Self:
        """`with open_store() as store:` closes the store however the block ends."""

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
