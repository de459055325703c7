"""Scorecard: score and verdict, criteria with evidence, every turn annotated,
better alternatives, missed opportunities; retry, rewind, export."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from textual.widgets import Input, OptionList, Static
from tui_support import GOOD_LINES, PRESSURE_LINE, SIZE, say, settle

from trainer.tui.scorecard_screen import ScorecardScreen
from trainer.tui.session_screen import SessionScreen


def _text(app, selector: str) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query(selector))


async def _finish(pilot, lines: list[str]) -> None:
    await settle(pilot)
    for line in lines:
        await say(pilot, line)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_the_scorecard_explains_itself(build, session_for):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [PRESSURE_LINE, GOOD_LINES[0]])
        screen = app.screen
        assert isinstance(screen, ScorecardScreen)
        card = screen.card
        summary = str(screen.query_one("#summary", Static).render())
        assert f"{card.score}/100" in summary and "NOT PASSED" in summary
        assert f"pass mark {card.pass_mark}" in summary
        criteria = _text(app, "#criteria Static")
        for criterion in card.criteria:
            assert criterion.title in criteria
        # Lines numbered as the trainee counts them; the JSON keeps transcript indices.
        assert "- line 1 false urgency: “only good until Friday”" in criteria
        assert "Missed opportunities" in criteria
        assert card.missed[0][:40] in criteria
        turns = app.screen.query_one("#turns", OptionList)
        prompts = [str(o.prompt) for o in turns.options]
        # Every trainee turn, annotated, with a better alternative for the pressure one.
        assert len(prompts) == len(card.turns) == 2
        assert prompts[0].startswith("Line 1 ▼ pressure") and "Better: " in prompts[0]
        assert prompts[1].startswith("Line 2 ▲ consultative")
        assert [t["turn"] for t in card.to_dict()["turns"]] == [1, 3]


async def test_rewind_to_a_turn_and_try_again_from_there(build, session_for, store):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [GOOD_LINES[0], PRESSURE_LINE])
        turns = app.screen.query_one("#turns", OptionList)
        turns.highlighted = 1  # the pressure turn, turn 3
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        fresh = app.screen.session
        # A new attempt from that turn; the graded one keeps its turns and score.
        assert fresh.id != session.id and len(fresh.turns) == 3 and fresh.finished is None
        assert app.screen.query_one("#say", Input).value == PRESSURE_LINE
        await say(pilot, GOOD_LINES[1])
        assert len(store.load_session(fresh.id).turns) == 5
        rows = {row.id: row for row in store.list_sessions()}
        assert rows[fresh.id].finished is None  # open until /end
        assert rows[session.id].finished is not None and rows[session.id].score is not None
        assert len(store.load_session(session.id).turns) == 5


async def test_no_rewind_in_exam_mode(build, session_for):
    session = session_for(mode="exam")
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [GOOD_LINES[0]])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)
        assert len(session.turns) == 3


async def test_retry_starts_a_new_attempt(build, session_for, store):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [GOOD_LINES[0]])
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id != session.id
        assert app.screen.session.scenario.id == session.scenario.id
        assert len(store.list_sessions()) == 2
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_export_writes_markdown_and_json(build, session_for):
    session = session_for()
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [PRESSURE_LINE])
        await pilot.press("e")
        await pilot.pause()
        md, js = app.screen.exported
        assert md.parent == Path(os.environ["TRAINER_HOME"]) / "exports"
        markdown = md.read_text(encoding="utf-8")
        assert "## Transcript" in markdown and PRESSURE_LINE in markdown
        assert f"Score {app.screen.card.score}/100" in markdown
        document = json.loads(js.read_text(encoding="utf-8"))
        assert document["scorecard"]["score"] == app.screen.card.score
        assert document["transcript"]["turns"][1]["text"] == PRESSURE_LINE


# --- the model judge, when a model is configured --------------------------------


class GatedJudge:
    """A real Judge whose model call litellm answers with a canned reply (no
    network); it waits for `release`, so a test can see the judge at work."""

    def __init__(self, judge) -> None:
        self.judge = judge
        self.release = threading.Event()

    def grade(self, *args, **kwargs):
        assert self.release.wait(timeout=30)
        return self.judge.grade(*args, **kwargs)


def _mock_judge(reply: str, *, gated: bool = False):
    from trainer.grading.judge import Judge

    made: list[GatedJudge] = []

    def factory(model: str, api_base: str | None):
        judge = GatedJudge(
            Judge(model, api_base=api_base, retries=0, extra={"mock_response": reply})
        )
        if not gated:
            judge.release.set()
        made.append(judge)
        return judge

    return factory, made


def _footer_actions(app) -> set[str]:
    return {b.action for (_, b, enabled, _) in app.screen.active_bindings.values() if enabled}


async def test_the_model_judge_grades_the_lines_when_asked(build, session_for):
    reply = json.dumps(
        {
            "turns": [
                {
                    "turn": 1,
                    "label": "consultative",
                    "tactics": ["open_question"],
                    "evidence": "What's behind the budget worry",
                },
            ]
        }
    )
    factory, made = _mock_judge(reply, gated=True)
    app = build(session=session_for(), model="openai/gpt-4o-mini", judge=factory)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [GOOD_LINES[0]])
        offline = app.screen.card
        assert "judge" in _footer_actions(app)
        await pilot.press("j")
        await pilot.pause()
        # At work: said so, and not asked twice.
        assert "Asking the model judge (openai/gpt-4o-mini)" in _text(app, "#summary")
        assert "judge" not in _footer_actions(app)
        assert [j.judge.model for j in made] == ["openai/gpt-4o-mini"]
        made[0].release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        card = app.screen.card
        assert card.grader == "judge:openai/gpt-4o-mini" and card is not offline
        summary = _text(app, "#summary")
        assert "grader: judge:openai/gpt-4o-mini" in summary
        assert "Graded by the model judge (openai/gpt-4o-mini)" in summary
        prompts = [str(o.prompt) for o in app.screen.query_one("#turns", OptionList).options]
        assert prompts[0].startswith("Line 1 ▲ consultative: open question")


async def test_a_failed_judge_is_unscored_with_its_reason_and_the_offline_grade_stays(
    build, session_for, store
):
    factory, _ = _mock_judge("I'd rather not grade this.")
    session = session_for()
    app = build(session=session, model="openai/gpt-4o-mini", judge=factory)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [GOOD_LINES[0]])
        offline = app.screen.card
        await pilot.press("j")
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = _text(app, "#summary")
        assert (
            "Model judge (openai/gpt-4o-mini): unscored: the reply holds no JSON object" in summary
        )
        assert "The offline grade above stands." in summary
        assert app.screen.card is offline and f"{offline.score}/100" in summary
        assert store.list_sessions()[-1].score == offline.score


async def test_without_a_model_the_judge_is_not_offered(build, session_for):
    app = build(session=session_for())
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [GOOD_LINES[0]])
        assert "judge" not in _footer_actions(app)
        await pilot.press("j")
        await pilot.pause()
        assert app.screen.card.grader == "offline"


async def test_retrying_an_exam_with_no_attempts_left_says_so(build, session_for, store):
    store.create_assignment(
        trainee="Sam",
        scenario="saas-cfo-price",
        due=None,
        pass_mark=95,
        attempts=1,
        exam=True,
        seed=3,
    )
    session = session_for(mode="exam")
    assert session.assignment_id is not None
    app = build(session=session)
    async with app.run_test(size=SIZE) as pilot:
        await _finish(pilot, [PRESSURE_LINE])
        assert isinstance(app.screen, ScorecardScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ScorecardScreen)  # no crash, no new attempt
        messages = [n.message for n in app._notifications]
        assert any("no attempts left on the exam for saas-cfo-price" in m for m in messages)
        assert len(store.list_sessions()) == 1
