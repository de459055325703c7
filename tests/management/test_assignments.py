"""Assignment statuses and which assignment an attempt counts against."""

from __future__ import annotations

import threading
from datetime import date

import pytest

from trainer import clock
from trainer.errors import BadInput
from trainer.management.assignments import (
    Status,
    assignment_for_import,
    assignment_for_new_session,
    check_attempts,
    check_pass_mark,
    parse_due,
    progress,
    trainee_assignments,
)
from trainer.store.base import Assignment, NoAttemptsLeft, SessionRecord, SessionRow
from trainer.store.sqlite import open_store
from trainer.transcript import Transcript, Turn

DUE = "2026-12-01"


def assignment(**changes) -> Assignment:
    base = dict(
        id=1,
        trainee="ana",
        scenario="saas-cfo-price",
        due=DUE,
        pass_mark=70,
        attempts=None,
        exam=False,
        seed=None,
        created="2026-11-20T09:00:00Z",
    )
    return Assignment(**(base | changes))  # type: ignore[arg-type]


def attempt(
    score: int | None = None,
    *,
    finished: bool = True,
    started: str = "2026-11-21T10:00:00Z",
    assignment_id: int | None = 1,
    gates_passed: bool = True,
    rubric_passed: bool | None = None,
    ident: str = "s",
) -> SessionRecord:
    row = SessionRow(
        id=ident,
        scenario="saas-cfo-price",
        trainee="ana",
        model="offline",
        mode="practice",
        started=started,
        finished=started if finished else None,
        outcome="next_step" if finished else None,
        score=score if finished else None,
        passed=rubric_passed,
        trainee_turns=3,
        assignment_id=assignment_id,
    )
    card = {"score": score, "gates": [{"id": "no-misrepresentation", "passed": gates_passed}]}
    return SessionRecord(row=row, turns=(), scorecard=card if finished else None)


def status(sessions, today: str = "2026-11-24", **changes) -> Status:
    return progress(assignment(**changes), sessions, date.fromisoformat(today)).status


def test_the_five_statuses():
    assert status([]) is Status.NOT_STARTED
    assert status([attempt(finished=False)]) is Status.IN_PROGRESS
    assert status([attempt(40)]) is Status.FAILED
    assert status([attempt(40), attempt(85, ident="t")]) is Status.PASSED
    assert status([attempt(40)], today="2026-12-02") is Status.PAST_DUE


def test_precedence_between_statuses():
    # A pass is a pass, even when it came late.
    assert (
        status([attempt(90, started="2026-12-05T10:00:00Z")], today="2026-12-09") is Status.PASSED
    )
    # Past due outranks a failed or unfinished attempt, and nothing at all.
    assert status([attempt(finished=False)], today="2026-12-02") is Status.PAST_DUE
    assert status([], today="2026-12-02") is Status.PAST_DUE
    # A finished failed attempt outranks one still in progress.
    assert status([attempt(40), attempt(finished=False, ident="t")]) is Status.FAILED


def test_the_due_date_is_inclusive():
    assert status([], today=DUE) is Status.NOT_STARTED
    assert status([], today="2026-12-02") is Status.PAST_DUE
    assert status([], today="2030-01-01", due=None) is Status.NOT_STARTED


def test_the_assignments_pass_mark_decides_not_the_rubrics():
    # The rubric (70) said no, the assignment (60) says yes, and the other way round.
    assert status([attempt(65, rubric_passed=False)], pass_mark=60) is Status.PASSED
    assert status([attempt(75, rubric_passed=True)], pass_mark=80) is Status.FAILED
    assert status([attempt(70)], pass_mark=70) is Status.PASSED  # reaching the mark is enough


def test_a_failed_gate_fails_the_attempt_whatever_the_score():
    assert status([attempt(95, gates_passed=False)]) is Status.FAILED


def test_only_attempts_linked_to_the_assignment_count():
    p = progress(
        assignment(),
        [
            attempt(90, assignment_id=None),
            attempt(50, assignment_id=2, ident="x"),
            attempt(40, ident="y"),
        ],
        date(2026, 11, 24),
    )
    assert (p.status, p.attempts, p.best_score, p.latest_score) == (Status.FAILED, 1, 40, 40)


def test_best_and_latest_scores():
    sessions = [
        attempt(30, started="2026-11-21T10:00:00Z", ident="a"),
        attempt(65, started="2026-11-22T10:00:00Z", ident="b"),
        attempt(50, started="2026-11-23T10:00:00Z", ident="c"),
        attempt(finished=False, started="2026-11-24T10:00:00Z", ident="d"),
    ]
    p = progress(assignment(attempts=5), sessions, date(2026, 11, 24))
    assert (p.attempts, p.best_score, p.latest_score, p.attempts_left) == (4, 65, 50, 1)
    assert p.to_json()["status"] == "failed"


@pytest.mark.parametrize("text", ["2026-12-01", " 2026-12-01 "])
def test_due_dates_accepted(text):
    assert parse_due(text) == date(2026, 12, 1)


@pytest.mark.parametrize(
    "text", ["2026-02-30", "20261201", "2026-W48", "01/12/2026", "tomorrow", ""]
)
def test_due_dates_refused(text, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 7))
    with pytest.raises(
        BadInput, match=r"use YYYY-MM-DD, e\.g\. 2026-12-21 \(two weeks from today\)"
    ):
        parse_due(text)


def test_pass_marks_and_attempt_limits():
    assert check_pass_mark(0) == 0 and check_pass_mark(100) == 100
    for bad in (-1, 101):
        with pytest.raises(BadInput):
            check_pass_mark(bad)
    assert check_attempts(1) == 1
    with pytest.raises(BadInput):
        check_attempts(0)


def _assign(store, trainee="ana", **changes):
    values = dict(
        scenario="saas-cfo-price", due=None, pass_mark=70, attempts=None, exam=False, seed=None
    )
    return store.create_assignment(trainee=trainee, **(values | changes))


def _session(store, ident: str, assignment_id: int | None, score: int | None, trainee="ana"):
    store.create_session(
        Transcript(
            id=ident,
            scenario="saas-cfo-price",
            trainee=trainee,
            started=f"2026-11-2{len(ident)}T10:00:00Z",
            turns=[Turn(role="buyer", text="Hi"), Turn(role="trainee", text="Hello")],
        ),
        assignment_id=assignment_id,
    )
    if score is not None:
        store.finish_session(
            ident,
            finished="2026-11-24T10:05:00Z",
            outcome="stalled",
            score=score,
            passed=None,
            scorecard={"gates": []},
        )


def test_a_new_session_counts_against_the_newest_assignment_passed_or_not(tmp_path):
    store = open_store(tmp_path)
    old = _assign(store)
    assert assignment_for_new_session(store, "ana", "saas-cfo-price") == old
    assert assignment_for_new_session(store, "ben", "saas-cfo-price") is None
    assert assignment_for_new_session(store, "ana", "saas-cfo-renewal-competitor") is None
    _session(store, "s1", old.id, 100)
    # Passed, and still the one attempts count against: a 0 after a 100 is news.
    assert assignment_for_new_session(store, "ana", "saas-cfo-price") == old
    _session(store, "s22", old.id, 0)
    p = progress(old, store.snapshot().sessions, date(2026, 11, 24))
    assert (p.status, p.attempts, p.best_score, p.latest_score, p.trend) == (
        Status.PASSED,
        2,
        100,
        0,
        -100,
    )
    new = _assign(store)  # assigned again: from now on the new one is worked on
    assert assignment_for_new_session(store, "ana", "saas-cfo-price") == new
    _session(store, "s333", new.id, 90)
    assert assignment_for_new_session(store, "ana", "saas-cfo-price") == new
    store.close()


def test_a_passed_assignment_out_of_attempts(tmp_path):
    """Past its limit, a passed practice assignment or exam lets the trainee
    practise, counted nowhere; an exam not passed refuses."""
    store = open_store(tmp_path)
    exam = _assign(store, attempts=1, exam=True, seed=42)
    _session(store, "s1", exam.id, 95)
    assert assignment_for_new_session(store, "ana", "saas-cfo-price") is None
    store.close()


def test_attempt_limits(tmp_path):
    store = open_store(tmp_path)
    practice = _assign(store, attempts=1)
    _session(store, "s1", practice.id, 20)
    # A practice assignment out of attempts: the session runs, counted nowhere.
    assert assignment_for_new_session(store, "ana", "saas-cfo-price") is None
    exam = _assign(store, "ben", attempts=2, exam=True, seed=42)
    _session(store, "s22", exam.id, 20, trainee="ben")
    assert assignment_for_new_session(store, "ben", "saas-cfo-price") == exam
    _session(store, "s333", exam.id, None, trainee="ben")  # an abandoned attempt still counts
    with pytest.raises(BadInput, match="ben: no attempts left on the exam for saas-cfo-price"):
        assignment_for_new_session(store, "ben", "saas-cfo-price")
    store.close()


def test_which_assignment_an_imported_transcript_was_an_attempt_at():
    practice = assignment(id=1, created="2026-11-20T09:00:00Z")
    exam = assignment(id=2, exam=True, seed=7, attempts=1, created="2026-11-22T09:00:00Z")

    def transcript(started: str, **changes) -> Transcript:
        values = dict(trainee="ana", scenario="saas-cfo-price", started=started, turns=[])
        return Transcript(**(values | changes))  # type: ignore[arg-type]

    found = assignment_for_import
    assert found([practice], [], transcript("2026-11-21T10:00:00Z")) == practice
    before_it_was_assigned = transcript("2026-11-19T10:00:00Z")
    assert found([practice], [], before_it_was_assigned) is None
    assert found([practice], [], transcript("2026-11-21T10:00:00Z", trainee="ben")) is None
    # An exam counts only a run with the exam's seed, within its limit.
    both = [practice, exam]
    assert found(both, [], transcript("2026-11-23T10:00:00Z", mode="exam", seed=7)) == exam
    assert found(both, [], transcript("2026-11-23T10:00:00Z", mode="practice", seed=7)) is None
    assert found(both, [], transcript("2026-11-23T10:00:00Z", mode="exam", seed=8)) is None
    used = [attempt(50, assignment_id=2)]
    assert found(both, used, transcript("2026-11-23T10:00:00Z", mode="exam", seed=7)) is None
    # A passed assignment still takes attempts, as on this machine.
    passed = [attempt(90, assignment_id=1)]
    assert found([practice], passed, transcript("2026-11-23T10:00:00Z")) == practice


def test_a_trainees_assignments_most_urgent_first(tmp_path):
    store = open_store(tmp_path)
    late = _assign(store, due="2026-12-20")
    soon = _assign(store, due="2026-12-01", scenario="saas-cfo-renewal-competitor")
    done = _assign(store, due="2026-11-25", scenario="saas-helpdesk-shared-inbox")
    store.create_session(
        Transcript(
            id="x",
            scenario="saas-helpdesk-shared-inbox",
            trainee="ana",
            started="2026-11-21T10:00:00Z",
            turns=[Turn(role="trainee", text="Hello")],
        ),
        assignment_id=done.id,
    )
    store.finish_session(
        "x",
        finished="2026-11-21T10:05:00Z",
        outcome="next_step",
        score=90,
        passed=True,
        scorecard={},
    )
    _assign(store, "ben")
    rows = trainee_assignments(store, "ana", date(2026, 11, 24))
    assert [(r.assignment.id, r.status) for r in rows] == [
        (soon.id, Status.NOT_STARTED),
        (late.id, Status.NOT_STARTED),
        (done.id, Status.PASSED),
    ]
    store.close()


def _race(tmp_path, assignment_id: int, racers: int = 2) -> list[str | BaseException]:
    """`racers` trainers, each with its own connection, all see an attempt
    left, then all start their session at the same instant."""
    barrier = threading.Barrier(racers)
    results: list[str | BaseException] = [""] * racers

    def trainer(n: int) -> None:
        with open_store(tmp_path) as store:
            try:
                assert assignment_for_new_session(store, "ana", "saas-cfo-price") is not None
                barrier.wait()  # everyone has checked; nobody has started yet
                store.create_session(
                    Transcript(
                        id=f"racer{n}",
                        scenario="saas-cfo-price",
                        trainee="ana",
                        started="2026-11-24T10:00:00Z",
                        turns=[],
                    ),
                    assignment_id=assignment_id,
                )
                results[n] = "started"
            except BaseException as exc:
                results[n] = exc

    threads = [threading.Thread(target=trainer, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_trainers_racing_for_the_last_exam_attempt(tmp_path):
    with open_store(tmp_path) as store:
        exam = _assign(store, attempts=2, exam=True, seed=42)
        _session(store, "s1", exam.id, 30)  # one used, one left
    results = _race(tmp_path, exam.id, racers=3)
    assert results.count("started") == 1
    refused = [r for r in results if r != "started"]
    assert len(refused) == 2 and all(isinstance(r, NoAttemptsLeft) for r in refused)
    assert "no attempts left on the exam for saas-cfo-price (all 2 used)" in str(refused[0])
    with open_store(tmp_path) as store:
        linked = [r for r in store.list_sessions() if r.assignment_id == exam.id]
        assert len(linked) == 2  # the earlier one and the winner: never three


def test_racing_past_a_practice_limit_is_free_practice(tmp_path):
    with open_store(tmp_path) as store:
        practice = _assign(store, attempts=1)
    results = _race(tmp_path, practice.id)
    assert results == ["started", "started"]  # practice is never refused
    with open_store(tmp_path) as store:
        links = sorted(str(r.assignment_id) for r in store.list_sessions())
    assert links == sorted([str(practice.id), "None"])


def test_a_session_ended_before_the_first_word_is_no_attempt(tmp_path):
    """Kept and listed, but not counted, once it has ended; while still open
    it counts (someone may be taking it)."""
    with open_store(tmp_path) as store:
        exam = _assign(store, attempts=1, exam=True, seed=42)
        store.create_session(
            Transcript(id="quiet", scenario="saas-cfo-price", trainee="ana", turns=[]),
            assignment_id=exam.id,
        )
        store.save_turn("quiet", 0, {"role": "buyer", "text": "Hi"})
        with pytest.raises(NoAttemptsLeft):  # open: it holds the attempt
            assignment_for_new_session(store, "ana", "saas-cfo-price")
        store.finish_session(
            "quiet",
            finished="2026-11-24T10:01:00Z",
            outcome="unfinished",
            score=0,
            passed=False,
            scorecard={"gates": []},
        )
        assert assignment_for_new_session(store, "ana", "saas-cfo-price") == exam
        p = progress(exam, store.snapshot().sessions, date(2026, 11, 24))
        assert (p.attempts, p.status, p.latest_score) == (0, Status.NOT_STARTED, None)
        assert [r.id for r in store.list_sessions()] == ["quiet"]
