"""Home: browse and filter scenarios, read the brief, choose model and mode, start."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input, OptionList, Select, Static
from tui_support import PRESSURE_LINE, SCENARIO, SIZE, chat_text, play_through, say, settle

from trainer.tui.home import HomeScreen
from trainer.tui.session_screen import SessionScreen


def _ids(app) -> list[str]:
    options = app.screen.query_one("#scenarios", OptionList).options
    return [o.id for o in options if o.id]


def _brief(app) -> str:
    return str(app.screen.query_one("#brief-text", Static).render())


async def _highlight(pilot, option_id: str) -> None:
    option_list = pilot.app.screen.query_one("#scenarios", OptionList)
    option_list.highlighted = option_list.get_option_index(option_id)
    await pilot.pause()


async def test_home_lists_every_scenario_and_shows_the_brief(build, library):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert sorted(_ids(app)) == sorted(f"scenario:{s}" for s in library.scenarios)
        await _highlight(pilot, f"scenario:{SCENARIO}")
        brief = _brief(app)
        scenario = library.scenarios[SCENARIO]
        persona = library.personas[scenario.persona]
        rubric = library.rubrics[scenario.rubric]
        # Who the buyer is, the situation, a good outcome, the rubric: all before starting.
        assert persona.name in brief
        assert "The situation" in brief and "an agreed next step" in brief
        assert f"pass mark {rubric.pass_mark}" in brief
        for criterion in rubric.criteria:
            assert criterion.title in brief
        # The hidden root cause is not given away.
        assert scenario.objections[0].root_cause[:40] not in brief


async def test_filters_narrow_the_list(build, library):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#filter-category", Select).value = "authority"
        await pilot.pause()
        expected = {s.id for s in library.scenarios.values() if "authority" in s.categories}
        assert {i.removeprefix("scenario:") for i in _ids(app)} == expected
        app.screen.query_one("#filter-difficulty", Select).value = "hard"
        await pilot.pause()
        hard = {s.id for s in library.scenarios.values() if s.difficulty == "hard"}
        assert {i.removeprefix("scenario:") for i in _ids(app)} == expected & hard
        app.screen.query_one("#filter-industry", Select).value = "real_estate"
        app.screen.query_one("#filter-category", Select).clear()
        app.screen.query_one("#filter-difficulty", Select).clear()
        await pilot.pause()
        estate = {s.id for s in library.scenarios.values() if s.industry == "real_estate"}
        assert {i.removeprefix("scenario:") for i in _ids(app)} == estate


async def test_enter_starts_the_highlighted_scenario_in_the_chosen_mode(build):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _highlight(pilot, f"scenario:{SCENARIO}")
        await pilot.press("x")
        assert "exam" in str(app.screen.query_one("#mode", Button).label)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        session = app.screen.session
        assert session.scenario.id == SCENARIO and session.exam and session.seed == 7


async def test_clicking_start_works_too(build):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _highlight(pilot, f"scenario:{SCENARIO}")
        await pilot.click("#start")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert not app.screen.session.exam


async def test_assigned_scenarios_come_first_with_due_dates(build, store):
    store.create_assignment(
        trainee="Sam",
        scenario=SCENARIO,
        due="2031-05-01",
        pass_mark=80,
        attempts=None,
        exam=True,
        seed=42,
    )
    store.create_assignment(
        trainee="Someone else",
        scenario="realestate-seller-flat-fee",
        due=None,
        pass_mark=70,
        attempts=None,
        exam=False,
        seed=None,
    )
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#scenarios", OptionList).options
        assert "Assigned to you" in str(options[0].prompt)
        assert options[1].id.startswith("assign:")
        assert "due 2031-05-01 · exam · not started" in str(options[1].prompt)
        assert sum(1 for i in _ids(app) if i.startswith("assign:")) == 1  # only Sam's
        assert app.screen.query_one("#scenarios", OptionList).highlighted == 1
        assert "Assigned to you" in _brief(app) and "pass mark 80" in _brief(app)
        await pilot.press("enter")
        await pilot.pause()
        session = app.screen.session
        # The assignment's drill: exam mode and its fixed seed, whatever Home was set to.
        assert session.exam and session.seed == 42 and session.scenario.id == SCENARIO
        assert session.assignment_id is not None
        await settle(pilot)
        assert "This attempt counts: assignment #1: attempt 1 · pass mark 80" in chat_text(app)
        await say(pilot, "What's behind the budget concern, what happened before?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "assignment #1: not passed yet (pass mark 80)" in summary


async def test_an_unfinished_session_is_resumed_from_home(build, store):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _highlight(pilot, f"scenario:{SCENARIO}")
        await pilot.press("enter")
        await pilot.pause()
        await say(pilot, "Can you tell me more about what's behind the budget concern?")
        session_id = app.screen.session.id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert f"resume:{session_id}" in _ids(app)
        await _highlight(pilot, f"resume:{session_id}")
        assert "Unfinished session" in _brief(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.session.id == session_id
        assert len(app.screen.session.turns) == 3
        assert "what's behind the budget concern" in "\n".join(
            str(w.render()) for w in app.screen.query("ChatLine")
        )


async def test_a_real_model_loads_litellm_in_the_background(build, monkeypatch):
    calls: list[str] = []
    import trainer.llm as llm

    monkeypatch.setattr(llm, "load_litellm", lambda: calls.append("loaded"))
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        assert calls == []  # the offline buyer never loads it
        await pilot.press("m")
        box = app.screen.query_one("#model", Input)
        assert box.has_focus
        box.value = "openai/gpt-4o-mini"
        await pilot.press("enter")  # back to the list; the import runs in a thread
        await app.workers.wait_for_complete()
        assert calls == ["loaded"]
        assert app.model == "openai/gpt-4o-mini"
        assert app.screen.query_one("#scenarios", OptionList).has_focus


@pytest.mark.parametrize("key", ["p"])
async def test_progress_opens_from_home(build, key):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == "ProgressScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_ctrl_q_quits_from_home(build):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_a_click_shows_the_brief_and_a_second_click_starts(build, library):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        option_list = app.screen.query_one("#scenarios", OptionList)
        first = option_list.highlighted_option.id
        # Row 0 is the border, then "Scenarios", the industry heading, and two
        # rows per scenario: the second scenario starts on row 5.
        await pilot.click("#scenarios", offset=(6, 5))
        await pilot.pause()
        second = option_list.highlighted_option.id
        assert second != first and isinstance(app.screen, HomeScreen)
        assert library.scenarios[second.removeprefix("scenario:")].title in _brief(app)
        await pilot.click("#scenarios", offset=(6, 5))
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert f"scenario:{app.screen.session.scenario.id}" == second


async def test_a_first_visit_opens_on_the_default_scenario(build):
    """`make run` on a fresh machine: Enter starts the default scenario."""
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        highlighted = app.screen.query_one("#scenarios", OptionList).highlighted_option
        assert highlighted is not None and highlighted.id == "scenario:saas-cfo-price"
        assert "The CFO who says it costs too much" in _brief(app)


# --- the first visit: a name, never the login name ---------------------------


async def test_a_first_visit_asks_the_name_and_the_buyer_uses_it(library, store):
    from trainer.config import Settings, load_settings
    from trainer.tui.app import make_app
    from trainer.tui.dialogs import NameScreen

    app = make_app(library, store, Settings(trainee=None), seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press(*"Robin", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert load_settings().trainee == "Robin"  # kept in config.toml for next time
        assert app.sub_title == "Robin"
        await _highlight(pilot, f"scenario:{SCENARIO}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.session.trainee == "Robin"
        assert "Robin" in chat_text(app).splitlines()[0]  # Dana greets Robin


async def test_a_name_can_wait_and_then_the_buyer_uses_none(library, store):
    import getpass

    from trainer.config import Settings, load_settings
    from trainer.tui.app import make_app

    app = make_app(library, store, Settings(trainee=None), seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert load_settings().trainee is None
        await _highlight(pilot, f"scenario:{SCENARIO}")
        await pilot.press("enter")
        await settle(pilot)
        opening = chat_text(app).splitlines()[0]
        assert app.screen.session.trainee is None
        assert f" {getpass.getuser()}" not in opening and "None" not in opening


# --- the model field -----------------------------------------------------------


async def test_esc_leaves_the_model_field_and_letter_keys_go_back_to_the_list(build):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        box = app.screen.query_one("#model", Input)
        assert box.has_focus
        await pilot.press("ctrl+u", *"gpt")
        assert box.value == "gpt"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#scenarios", OptionList).has_focus
        assert box.value == "offline" and app.model == "offline"  # the edit is dropped
        await pilot.press("x")  # now the mode key, not a letter in the box
        assert box.value == "offline"
        assert "exam" in str(app.screen.query_one("#mode", Button).label)


async def test_a_bad_model_is_refused_with_a_reason(build):
    from trainer.config import load_settings

    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m", "ctrl+u", "x", "enter")
        await pilot.pause()
        box = app.screen.query_one("#model", Input)
        assert box.has_focus  # still there, to correct it
        messages = [n.message for n in app._notifications]
        assert any("'x' names no provider" in m for m in messages), messages
        box.value = "nosuchprovider/model-1"
        await pilot.press("enter")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("'nosuchprovider' is not a provider litellm knows" in m for m in messages)
        await pilot.press("escape")
        await pilot.pause()
        assert app.model == "offline" and box.value == "offline"
        assert load_settings().model == "offline"  # nothing bad was saved


async def test_a_model_chosen_on_home_is_saved_to_the_config(build, monkeypatch):
    import trainer.llm as llm
    from trainer.config import load_settings

    monkeypatch.setattr(llm, "load_litellm", lambda: None)  # the warm-up is not under test
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        app.screen.query_one("#model", Input).value = "ollama/llama3.1"
        await pilot.press("enter")
        await pilot.pause()
        assert app.model == "ollama/llama3.1"
        assert load_settings().model == "ollama/llama3.1"
        assert app.screen.query_one("#scenarios", OptionList).has_focus


async def test_any_model_name_goes_with_an_api_base(build, monkeypatch):
    import trainer.llm as llm

    monkeypatch.setattr(llm, "load_litellm", lambda: None)
    app = build(api_base="http://127.0.0.1:9/v1")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        app.screen.query_one("#model", Input).value = "llama3"
        await pilot.press("enter")
        await pilot.pause()
        assert app.model == "llama3"


def test_the_known_providers_are_providers_litellm_knows():
    from trainer.llm import load_litellm
    from trainer.tui.model_names import PROVIDERS

    litellm = load_litellm()
    known = {getattr(p, "value", p) for p in litellm.provider_list}
    assert known >= PROVIDERS, PROVIDERS - known


# --- back from a session ---------------------------------------------------------


async def test_after_esc_the_resume_entry_is_highlighted_and_in_view(build):
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        option_list = app.screen.query_one("#scenarios", OptionList)
        # The last scenario in the list: the list is scrolled down to it.
        option_list.highlighted = len(option_list.options) - 1
        await pilot.pause()
        assert option_list.scroll_y > 0
        await pilot.press("enter")
        await settle(pilot)
        await say(pilot, "What's behind that concern?")
        session_id = app.screen.session.id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert option_list.highlighted_option.id == f"resume:{session_id}"
        assert option_list.scroll_y == 0  # "Unfinished: resume" and the entry are on screen
        prompt = str(option_list.highlighted_option.prompt)
        title, details = prompt.split("\n")
        # The date stays on the line it belongs to: the row fits the list.
        assert details.strip().startswith("1 line · practice · 20")
        assert len(details) <= option_list.scrollable_content_region.width


async def test_a_private_seller_is_not_said_to_work_at_one(build, library):
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keisha = next(s for s in library.scenarios.values() if s.persona == "keisha-home-seller")
        await _highlight(pilot, f"scenario:{keisha.id}")
        brief = _brief(app)
        assert " at Private seller" not in brief
        assert (
            "executor of her late mother's estate: private seller; the Morgan family house" in brief
        )
        await _highlight(pilot, f"scenario:{SCENARIO}")
        assert "Dana Okafor, CFO at Brightline Logistics (140 staff" in _brief(app)


# --- an exam with no attempts left --------------------------------------------------


async def test_an_exam_with_no_attempts_left_says_so_and_stays_home(
    build, store, session_for, library
):
    store.create_assignment(
        trainee="Sam",
        scenario=SCENARIO,
        due=None,
        pass_mark=95,
        attempts=1,
        exam=True,
        seed=3,
    )
    used = session_for(mode="exam")
    await play_through(used, [PRESSURE_LINE], library)  # the one attempt, not passed
    app = build()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#scenarios", OptionList).highlighted_option.id.startswith(
            "assign:"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no crash, no session
        messages = [n.message for n in app._notifications]
        assert any("no attempts left on the exam for saas-cfo-price" in m for m in messages)


async def test_a_session_opened_directly_is_not_interrupted_by_the_name_question(library, store):
    """`trainer practice` without a name: the session first, the question on Home."""
    from trainer.config import Settings
    from trainer.practice.factory import new_session
    from trainer.tui.app import make_app
    from trainer.tui.dialogs import NameScreen

    session = new_session(library, SCENARIO, store=store, trainee=None, seed=7)
    app = make_app(library, store, Settings(trainee=None), session=session)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.sub_title == "practice"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)


async def test_a_name_that_cannot_be_saved_is_still_used_and_the_trainee_is_told(library, store):
    from trainer.config import Settings
    from trainer.errors import BadInput
    from trainer.tui.app import make_app

    def broken(key: str, value: str) -> None:
        raise BadInput("config.toml: not valid TOML")

    app = make_app(library, store, Settings(trainee=None), seed=7, save=broken)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*"Robin", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = [n.message for n in app._notifications]
        assert any("could not be saved: config.toml: not valid TOML" in m for m in messages)
        assert app.context.trainee == "Robin"
