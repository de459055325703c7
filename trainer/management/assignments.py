"""Assignments: what a manager asked for, and how far each trainee has got.

A status is derived, never stored: from the assignment and the sessions linked
to it, in this order of precedence: passed (a finished attempt reached the
pass mark and failed no gate), past_due (today is after the due date),
failed (finished attempts, none passing), in_progress (an attempt started,
not finished), not_started.

A trainee's sessions on a scenario are attempts at the newest assignment of
it, passed or not, until a newer one is made: a manager sees what happened
after the pass too (best, latest and the trend), not only the pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from trainer import clock
from trainer.errors import BadInput
from trainer.store.base import Assignment, NoAttemptsLeft, SessionRecord, SessionRow, Store
from trainer.transcript import Transcript

__all__ = [
    "AssignmentProgress",
    "Status",
    "assignment_for_import",
    "assignment_for_new_session",
    "attempt_notice",
    "attempt_passes",
    "check_attempts",
    "check_pass_mark",
    "parse_due",
    "progress",
    "result_notice",
    "trainee_assignments",
    "trend",
]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Status(StrEnum):
    PASSED = "passed"
    PAST_DUE = "past_due"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


# --- checking what a manager typed -----------------------------------------


def parse_due(text: str) -> date:
    # fromisoformat alone would also take 20261201 or 2026-W48; managers mail
    # these dates around, so only the one unambiguous form is accepted.
    try:
        if not _DATE.fullmatch(text.strip()):
            raise ValueError
        return date.fromisoformat(text.strip())
    except ValueError:
        # The example is two weeks out: a fixed one would be in the past one day.
        example = (clock.today() + timedelta(days=14)).isoformat()
        raise BadInput(
            f"--due {text!r}: not a date; use YYYY-MM-DD, e.g. {example} (two weeks from today)"
        ) from None


def check_pass_mark(value: int) -> int:
    if not 0 <= value <= 100:
        raise BadInput(f"--pass-mark {value}: must be between 0 and 100")
    return value


def check_attempts(value: int) -> int:
    if value < 1:
        raise BadInput(f"--attempts {value}: must be at least 1")
    return value


# --- one attempt, one assignment --------------------------------------------


def _gate_failed(scorecard: dict[str, Any] | None) -> bool:
    gates = (scorecard or {}).get("gates") or []
    return any(isinstance(g, dict) and g.get("passed") is False for g in gates)


def attempt_passes(
    assignment: Assignment, row: SessionRow, scorecard: dict[str, Any] | None
) -> bool:
    """The assignment's pass mark decides, not the rubric's (the session's own
    `passed`); a failed gate fails the attempt whatever the score."""
    return (
        row.finished is not None
        and row.score is not None
        and row.score >= assignment.pass_mark
        and not _gate_failed(scorecard)
    )


@dataclass(frozen=True)
class AssignmentProgress:
    assignment: Assignment
    status: Status
    attempts: int  # sessions linked to the assignment that count (SessionRow.counts_as_attempt)
    best_score: int | None
    latest_score: int | None  # of the most recent finished attempt
    trend: int | None = None  # latest minus the graded attempt before it

    @property
    def attempts_left(self) -> int | None:
        limit = self.assignment.attempts
        return None if limit is None else max(0, limit - self.attempts)

    def to_json(self) -> dict[str, Any]:
        a = self.assignment
        return {
            "id": a.id,
            "trainee": a.trainee,
            "scenario": a.scenario,
            "due": a.due,
            "pass_mark": a.pass_mark,
            "exam": a.exam,
            "attempts": self.attempts,
            "attempt_limit": a.attempts,
            "attempts_left": self.attempts_left,
            "best_score": self.best_score,
            "latest_score": self.latest_score,
            "trend": self.trend,
            "status": self.status.value,
        }


def progress(
    assignment: Assignment, sessions: Iterable[SessionRecord], today: date
) -> AssignmentProgress:
    """Where one assignment stands, from every session in the store (those
    linked to other assignments, and those that are no attempt, are ignored)."""
    attempts = sorted(
        (s for s in sessions if s.row.assignment_id == assignment.id and s.row.counts_as_attempt),
        key=lambda s: s.row.started,
    )
    finished = [s for s in attempts if s.row.finished is not None]
    scores = [s.row.score for s in finished if s.row.score is not None]
    if any(attempt_passes(assignment, s.row, s.scorecard) for s in finished):
        status = Status.PASSED
    elif assignment.due is not None and today > date.fromisoformat(assignment.due):
        status = Status.PAST_DUE
    elif finished:
        status = Status.FAILED
    elif attempts:
        status = Status.IN_PROGRESS
    else:
        status = Status.NOT_STARTED
    return AssignmentProgress(
        assignment=assignment,
        status=status,
        attempts=len(attempts),
        best_score=max(scores, default=None),
        latest_score=scores[-1] if scores else None,
        trend=trend(scores),
    )


def trend(scores: Sequence[int]) -> int | None:
    """The latest score against the one before it: +20 better, -100 worse;
    None with fewer than two."""
    return scores[-1] - scores[-2] if len(scores) >= 2 else None


def trainee_assignments(store: Store, trainee: str, today: date) -> list[AssignmentProgress]:
    """A trainee's assignments, most urgent first: what the TUI's Home lists."""
    snapshot = store.snapshot(trainee=trainee, turns=False)
    rows = [progress(a, snapshot.sessions, today) for a in snapshot.assignments]
    return sorted(
        rows, key=lambda p: (p.status is Status.PASSED, p.assignment.due or "9999", p.assignment.id)
    )


# --- which assignment an attempt counts against -----------------------------


def _current(assignments: Sequence[Assignment]) -> Assignment | None:
    """The newest assignment: when a manager assigns a scenario again, the new
    one is what the trainee works on. A passed one keeps taking attempts (a
    0 after a 100 is news to a manager) until a newer one is made."""
    return max(assignments, key=lambda a: a.id, default=None)


def _passed(assignment: Assignment, sessions: Sequence[SessionRecord]) -> bool:
    return progress(assignment, sessions, date.min).status is Status.PASSED


def _used(assignment: Assignment, sessions: Sequence[SessionRecord]) -> int:
    return sum(
        1 for s in sessions if s.row.assignment_id == assignment.id and s.row.counts_as_attempt
    )


def assignment_for_new_session(store: Store, trainee: str, scenario: str) -> Assignment | None:
    """The assignment a new session by `trainee` on `scenario` is an attempt
    at, or None for free practice. An exam not passed with no attempts left
    refuses; any other assignment with none left lets the session run
    unrecorded."""
    snapshot = store.snapshot(trainee=trainee, scenario=scenario, turns=False)
    assignment = _current(snapshot.assignments)
    if assignment is None or assignment.attempts is None:
        return assignment
    if _used(assignment, snapshot.sessions) < assignment.attempts:
        return assignment
    if assignment.exam and not _passed(assignment, snapshot.sessions):
        raise NoAttemptsLeft(assignment)
    # Checked again, atomically, when the session is stored (Store.create_session).
    return None


def _instant(stamp: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else None
    except ValueError:
        return None


def assignment_for_import(
    assignments: Sequence[Assignment], sessions: Sequence[SessionRecord], transcript: Transcript
) -> Assignment | None:
    """The assignment a transcript from another machine was an attempt at, by
    the rule a new session follows here: the newest one for its trainee and
    scenario made before the transcript started, passed or not. An exam
    counts only a run with the exam's seed, within the attempt limit."""
    started = _instant(transcript.started)
    for assignment in sorted(assignments, key=lambda a: a.id, reverse=True):
        if (assignment.trainee, assignment.scenario) != (transcript.trainee, transcript.scenario):
            continue
        created = _instant(assignment.created)
        if started is not None and created is not None and started < created:
            continue
        if assignment.exam and (transcript.mode != "exam" or transcript.seed != assignment.seed):
            return None
        if assignment.attempts is not None and _used(assignment, sessions) >= assignment.attempts:
            return None  # as on this machine: past the limit it is practice
        return assignment
    return None


def _lookup(
    store: Store, trainee: str | None, assignment_id: int
) -> tuple[Assignment, list[SessionRecord]]:
    snapshot = store.snapshot(trainee=trainee, turns=False)
    assignment = next(a for a in snapshot.assignments if a.id == assignment_id)
    return assignment, snapshot.sessions


def attempt_notice(store: Store, trainee: str | None, assignment_id: int) -> str:
    """What a trainee is told before an attempt that counts, e.g. by
    `trainer chat`: which attempt this is and what it takes to pass."""
    assignment, sessions = _lookup(store, trainee, assignment_id)
    number = _used(assignment, sessions) + 1  # this session is not stored yet
    of = f" of {assignment.attempts}" if assignment.attempts is not None else ""
    terms = [f"attempt {number}{of}", f"pass mark {assignment.pass_mark}"]
    if _passed(assignment, sessions):
        terms.append("already passed: this one is recorded too")
    if assignment.due:
        terms.append(f"due {assignment.due}")
    if assignment.exam:
        terms.append("exam: no hints, no undo")
    return f"assignment #{assignment.id}: " + " · ".join(terms)


def result_notice(store: Store, trainee: str | None, assignment_id: int, today: date) -> str:
    """What a trainee is told after an attempt: where the assignment stands,
    by its own pass mark (which may differ from the rubric's on the scorecard)."""
    assignment, sessions = _lookup(store, trainee, assignment_id)
    p = progress(assignment, sessions, today)
    said = {
        Status.PASSED: "passed",
        Status.PAST_DUE: "not passed, and past its due date",
        Status.FAILED: "not passed yet",
        Status.IN_PROGRESS: "in progress",
        Status.NOT_STARTED: "not started",
    }[p.status]
    left = "" if p.attempts_left is None else f"; {p.attempts_left} attempt(s) left"
    if p.status is Status.PASSED and p.latest_score != p.best_score:
        said = f"passed (best {p.best_score}; latest {p.latest_score})"
    return f"assignment #{assignment.id}: {said} (pass mark {assignment.pass_mark}{left})"
