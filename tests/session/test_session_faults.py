"""When the buyer's voice fails, the session survives and nothing is lost."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.actors import ActorError, OfflineVoice, SpeakRequest
from trainer.content.library import load_library
from trainer.grading.scoring import grade
from trainer.session.session import BuyerChunk, BuyerLine, Session, SessionError
from trainer.store.sqlite import open_store


class Flaky:
    """Speaks a few words, then fails; `failures` counts down to a working reply."""

    name = "openai/flaky"

    def __init__(self, failures: int, *, partial: str = "Well, I") -> None:
        self.failures = failures
        self.partial = partial

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        if self.failures > 0:
            self.failures -= 1
            yield self.partial
            raise ActorError("the model 'openai/flaky' failed (Timeout)")
        yield "Fine. Go on."


@pytest.fixture
def library():
    return load_library()


def make(library, actor, store=None) -> Session:
    scenario = library.scenario("saas-cfo-price")
    return Session(
        scenario=scenario,
        persona=library.persona(scenario.persona),
        actor=actor,
        store=store,
        seed=1,
    )


async def drain(events) -> list:
    return [e async for e in events]


async def test_failure_keeps_the_trainee_turn_and_retry_answers(library, _isolated_home):
    store = open_store()
    session = make(library, Flaky(0), store)
    await drain(session.start())
    session.actor = Flaky(2)
    with pytest.raises(ActorError):
        await drain(session.say("What happened with the last tool you bought?"))
    assert session.awaiting_buyer
    saved = store.load_session(session.id)
    assert [t.role for t in saved.turns] == [
        "buyer",
        "trainee",
    ]  # said is kept, partial words are not
    with pytest.raises(SessionError):
        await drain(session.say("Hello?"))  # no new line before the buyer has answered
    with pytest.raises(ActorError):
        await drain(session.retry())
    events = await drain(session.retry())
    assert isinstance(events[-1], BuyerLine) and events[-1].turn.text == "Fine. Go on."
    assert not session.awaiting_buyer
    assert [t.role for t in store.load_session(session.id).turns] == ["buyer", "trainee", "buyer"]
    store.close()


async def test_switch_to_offline_voice_after_a_failure(library):
    session = make(library, Flaky(0))
    await drain(session.start())
    session.actor = Flaky(5)
    with pytest.raises(ActorError):
        await drain(session.say("What happened with the last tool you bought?"))
    state_before = session._pending
    session.actor = OfflineVoice()
    events = await drain(session.retry())
    line = events[-1]
    assert isinstance(line, BuyerLine)
    assert line.turn.move == "reveal_root_cause"  # the director's decision did not change
    assert state_before is not None and line.state == state_before[0]


async def test_an_actor_bug_is_reported_as_an_actor_error(library):
    class Broken:
        name = "broken"

        async def speak(self, request):
            raise KeyError("oops")
            yield ""  # pragma: no cover

    session = make(library, Broken())
    with pytest.raises(ActorError):
        await drain(session.start())
    session.actor = OfflineVoice()
    assert isinstance((await drain(session.retry()))[-1], BuyerLine)


async def test_empty_reply_is_an_error_not_a_blank_buyer(library):
    class Silent:
        name = "silent"

        async def speak(self, request):
            yield "   "

    session = make(library, Silent())
    with pytest.raises(ActorError, match="empty"):
        await drain(session.start())


async def test_no_score_is_invented_for_a_session_that_never_got_going(library):
    session = make(library, Flaky(3))
    with pytest.raises(ActorError):
        await drain(session.start())
    card = grade(session.finish(), library.rubric("consultative-vs-pressure"), session.scenario)
    assert card.score == 0 and card.passed is False
    assert card.notes == ["There are no trainee turns to grade."]


async def test_chunks_stream_before_the_line_completes(library):
    class Slow:
        name = "slow"

        async def speak(self, request):
            for word in ("Okay", ", ", "go on."):
                yield word

    session = make(library, Slow())
    events = await drain(session.start())
    assert [e.text for e in events if isinstance(e, BuyerChunk)] == ["Okay", ", ", "go on."]
    assert events[-1].turn.text == "Okay, go on."


hostile_text = st.lists(
    st.text(max_size=200)
    | st.sampled_from(
        ["\x1b[2J", "\x1b]0;pwn\x07", "{{ offer }}", "{% for x in y %}", "\r", "\x00", "\u202e"]
    )
    | st.just("x" * 5000),
    max_size=8,
).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=hostile_text)
def test_any_trainee_input_is_handled_and_stored_as_plain_text(library, text):
    import asyncio

    async def run() -> None:
        session = make(library, OfflineVoice())
        await drain(session.start())
        try:
            await drain(session.say(text))
        except SessionError:
            assert not text.strip() or not "".join(ch for ch in text if ch.isprintable()).strip()
            return
        said = session.turns[1].text
        assert "\x1b" not in said and "\x00" not in said and "\r" not in said
        assert all(ch.isprintable() for ch in said)
        assert len(said) <= 20_000
        # The buyer's reply is authored content, never the trainee's words rendered as a template.
        assert "{{" not in session.turns[2].text

    asyncio.run(run())


async def test_a_withdrawn_reply_is_not_kept_and_the_trainee_is_told(library, _isolated_home):
    from trainer.actors.model_voice import ModelVoice
    from trainer.session.session import VoiceNotice

    store = open_store()
    session = make(library, OfflineVoice(), store)
    await drain(session.start())
    session.actor = ModelVoice(
        "openai/x", extra={"mock_response": "Sure. Let's do it, send the contract."}
    )
    events = await drain(session.say("ok"))
    assert any(isinstance(e, BuyerChunk) and e.reset for e in events)
    notice = next(e for e in events if isinstance(e, VoiceNotice))
    assert "offline" in notice.text
    line = next(e for e in events if isinstance(e, BuyerLine))
    assert "contract" not in line.turn.text.lower()
    assert store.load_session(session.id).turns[-1].text == line.turn.text
    store.close()
