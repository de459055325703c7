"""Undo, rewind and resume: state is replayed from the turns kept."""

from __future__ import annotations

import pytest

from trainer.actors import OfflineVoice
from trainer.content.library import load_library
from trainer.session.session import Session, SessionError
from trainer.store.sqlite import open_store

LINES = [
    "That's fair. What's behind the budget concern for you?",
    "Honestly, this price is only good until Friday.",
    "We could start with a pilot at one depot, and you'd see the usage data first.",
]


def make(store=None, mode="practice") -> Session:
    library = load_library()
    scenario = library.scenario("saas-cfo-price")
    return Session(
        scenario=scenario,
        persona=library.persona(scenario.persona),
        actor=OfflineVoice(),
        store=store,
        seed=9,
        mode=mode,
    )


async def play(session: Session, lines: list[str]) -> None:
    if not session.turns:
        async for _ in session.start():
            pass
    for line in lines:
        async for _ in session.say(line):
            pass


async def test_rewind_restores_the_state_at_that_turn(_isolated_home):
    store = open_store()
    session = make(store)
    await play(session, LINES[:1])
    state_after_first = session.state
    await play(session, LINES[1:])
    session.rewind(3)  # back to just before the second trainee line
    assert len(session.turns) == 3 and session.state == state_after_first
    assert len(store.load_session(session.id).turns) == 3
    await play(session, [LINES[2]])
    assert session.state.snapshot().stages == {"price-too-high": "answered"}
    store.close()


async def test_undo_takes_back_one_exchange_and_reopens_an_ended_session():
    session = make()
    await play(session, LINES[:1])
    before = session.state
    await play(
        session,
        ["Sign today or lose the price.", "Yes or no?", "Final offer, today only.", "Come on."],
    )
    session.undo()
    assert session.turns[-1].role == "buyer"
    while session.turns and len(session.turns) > 3:
        session.undo()
    assert session.state == before and not session.ended


async def test_exam_mode_refuses_undo_and_rewind():
    session = make(mode="exam")
    await play(session, LINES[:1])
    with pytest.raises(SessionError):
        session.undo()
    with pytest.raises(SessionError):
        session.rewind(1)


async def test_resume_continues_with_the_same_state(_isolated_home):
    store = open_store()
    session = make(store)
    await play(session, LINES[:2])
    library = load_library()
    scenario = library.scenario("saas-cfo-price")
    resumed = Session.resume(
        store.load_session(session.id),
        scenario,
        library.persona(scenario.persona),
        OfflineVoice(),
        store,
    )
    assert resumed.state == session.state and resumed.seed == 9
    await play(resumed, [LINES[2]])
    await play(session, [LINES[2]])
    assert resumed.turns[-1].text == session.turns[-1].text  # same seed, same words
    store.close()


async def test_nothing_to_undo():
    session = make()
    await play(session, [])
    with pytest.raises(SessionError):
        session.undo()


async def test_fork_starts_a_new_attempt_and_keeps_the_graded_one(_isolated_home):
    store = open_store()
    session = make(store)
    await play(session, LINES)
    session.finish()
    session.record_result(40, False, {"score": 40})
    fresh = session.fork(3)  # just before the second trainee line
    assert fresh.id != session.id and len(fresh.turns) == 3
    assert fresh.state is not None and fresh.state.snapshot() == session.turns[2].state
    await play(fresh, [LINES[2]])
    rows = {row.id: row for row in store.list_sessions()}
    assert rows[session.id].score == 40 and rows[session.id].trainee_turns == 3  # untouched
    assert rows[fresh.id].trainee_turns == 2 and rows[fresh.id].finished is None
    assert [t.text for t in store.load_session(fresh.id).turns][:3] == [
        t.text for t in session.turns[:3]
    ]
    store.close()
