"""Home: scenarios to browse and filter, each with its brief; assignments and
unfinished sessions on top; the model and the mode; start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from trainer.actors import OFFLINE
from trainer.content.library import DEFAULT_SCENARIO
from trainer.content.models import Scenario
from trainer.errors import TrainerError
from trainer.management.assignments import AssignmentProgress, Status
from trainer.store.base import SessionRow
from trainer.tui.context import TrainerContext
from trainer.tui.dialogs import NameScreen
from trainer.tui.messages import OpenSession, ShowDrills, ShowProgress, WarmModel
from trainer.tui.model_names import model_problem
from trainer.tui.widgets import PickList, brief_text, humanize, industry_name, plain
from trainer.vocabulary import Category, Difficulty

if TYPE_CHECKING:
    from trainer.session.session import Session

MODEL_SUGGESTIONS = [
    OFFLINE,
    "openai/gpt-4o-mini",
    "anthropic/claude-3-5-haiku-latest",
    "ollama/llama3.1",
    "openai/llama3",
]
STATUS_WORDS = {
    Status.PASSED: "passed",
    Status.PAST_DUE: "past due",
    Status.FAILED: "not passed yet",
    Status.IN_PROGRESS: "in progress",
    Status.NOT_STARTED: "not started",
}
DIFFICULTY_STYLE = {"easy": "green", "normal": "yellow", "hard": "red"}
# The list has 40 cells inside its border and scrollbar; each option keeps to one line per row, and the
# brief beside it shows everything in full.
ROW = 37


def _fit(text: str, width: int = ROW) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class HomeScreen(Screen[None]):
    BINDINGS = [
        # A priority binding so the footer shows it; it applies only while the
        # list or the brief has focus (see check_action).
        Binding("enter", "start", "Start", priority=True),
        Binding("x", "toggle_mode", "Practice/exam"),
        Binding("m", "focus_model", "Model"),
        Binding("f", "focus_filters", "Filter"),
        Binding("p", "progress", "Progress"),
        Binding("d", "drills", "Drills"),
        Binding("escape", "leave_field", "Back to the list"),
    ]

    def __init__(self, context: TrainerContext) -> None:
        super().__init__()
        self.context = context
        self._assigned: dict[str, AssignmentProgress] = {}
        self._unfinished: dict[str, SessionRow] = {}
        self._cancelled = False  # Esc in the model field: put the saved model back
        self._asked = False  # the first-run question about the trainee's name

    def compose(self) -> ComposeResult:
        library = self.context.library
        industries = sorted({s.industry for s in library.scenarios.values()})
        yield Header()
        with Horizontal(id="filters"):
            yield Select(
                [(humanize(c.value), c.value) for c in Category],
                prompt="Any objection",
                id="filter-category",
                compact=True,
            )
            yield Select(
                [(d.value, d.value) for d in Difficulty],
                prompt="Any difficulty",
                id="filter-difficulty",
                compact=True,
            )
            yield Select(
                [(industry_name(i), i) for i in industries],
                prompt="Any industry",
                id="filter-industry",
                compact=True,
            )
        with Horizontal(id="home-main"):
            yield PickList(id="scenarios", markup=False)
            with VerticalScroll(id="brief"):
                yield Static(id="brief-text", markup=False)
        with Horizontal(id="start-bar"):
            yield Label("Buyer voice")
            yield Input(
                self.context.model,
                placeholder="offline, or a litellm model such as openai/gpt-4o-mini",
                suggester=SuggestFromList(MODEL_SUGGESTIONS, case_sensitive=False),
                id="model",
                compact=True,
            )
            yield Button(self._mode_label(), id="mode", compact=True)
            yield Button("Start ⏎", id="start", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#brief").border_title = "Brief"
        self._fill()
        self._list().focus()
        # After the first refresh: by then a session opened over Home is on top.
        self.call_after_refresh(self._ask_name)

    def _ask_name(self) -> None:
        """Ask once, on Home itself: `trainer practice` opens a session over
        Home, and the question waits until the trainee comes back."""
        if self.context.trainee is None and not self._asked and self.app.screen is self:
            self._asked = True
            self.app.push_screen(NameScreen(), self._named)

    def _named(self, name: str | None) -> None:
        if name is None:
            return
        try:
            self.context.set_trainee(name)
        except (TrainerError, OSError) as exc:  # a config.toml that cannot be read or written
            self.notify(
                f"Hello {name}. Your name could not be saved: {exc}",
                severity="warning",
                markup=False,
            )
        else:
            self.notify(f"Hello {name}: saved, the buyer will greet you by it.", markup=False)
        self.app.sub_title = name
        self._fill()  # assignments and sessions are kept under the name

    def on_screen_resume(self) -> None:
        # Back from a session: unfinished sessions and scores may have changed.
        self._fill(after_session=True)
        self._ask_name()

    def _list(self) -> OptionList:
        return self.query_one("#scenarios", OptionList)

    # --- the list ---------------------------------------------------------

    def _filters(self) -> dict[str, str | None]:
        values: dict[str, str | None] = {}
        for name in ("category", "difficulty", "industry"):
            value = self.query_one(f"#filter-{name}", Select).value
            values[name] = value if isinstance(value, str) else None
        return values

    def _matches(self, scenario: Scenario, filters: dict[str, str | None]) -> bool:
        category, difficulty, industry = (
            filters["category"],
            filters["difficulty"],
            filters["industry"],
        )
        return (
            (category is None or category in {c.value for c in scenario.categories})
            and (difficulty is None or scenario.difficulty.value == difficulty)
            and (industry is None or scenario.industry == industry)
        )

    def _fill(self, *, after_session: bool = False, reload: bool = True) -> None:
        """Rebuild the list; `reload` reads assignments and unfinished sessions
        from the store again (a filter change only re-filters what was read)."""
        library = self.context.library
        option_list = self._list()
        previous = option_list.highlighted_option.id if option_list.highlighted_option else None
        just_left = None
        if reload:
            before = {i: r.trainee_turns for i, r in self._unfinished.items()}
            self._assigned = {str(p.assignment.id): p for p in self.context.assignments()}
            self._unfinished = {r.id: r for r in self.context.unfinished()}
            # The session just left, if it is one to resume: new here, or with more lines said.
            just_left = next(
                (i for i, r in self._unfinished.items() if before.get(i) != r.trainee_turns), None
            )
        filters = self._filters()
        scenarios = [
            s
            for s in sorted(library.scenarios.values(), key=lambda s: (s.industry, s.id))
            if self._matches(s, filters)
        ]
        options: list[Option | None] = []
        if self._assigned:
            options.append(Option(Text("Assigned to you", style="bold"), disabled=True))
            for entry in self._assigned.values():
                assignment = entry.assignment
                scenario = library.scenarios[assignment.scenario]
                done = entry.status is Status.PASSED
                line = Text(("✔ " if done else "  ") + _fit(plain(scenario.title)))
                details = [f"due {assignment.due}" if assignment.due else "no due date"]
                if assignment.exam:
                    details.append("exam")
                details.append(STATUS_WORDS[entry.status])
                line.append("\n    " + _fit(" · ".join(details), ROW - 2), style="dim")
                options.append(Option(line, id=f"assign:{assignment.id}"))
        if self._unfinished:
            options.append(Option(Text("Unfinished: resume", style="bold"), disabled=True))
            for row in self._unfinished.values():
                scenario = library.scenarios[row.scenario or ""]
                line = Text("  " + _fit(plain(scenario.title)))
                said = f"{row.trainee_turns} line" + ("" if row.trainee_turns == 1 else "s")
                # One line under the title, whatever the width: the date is the day only.
                when = f"{said} · {row.mode} · {row.started[:10]}"
                line.append("\n    " + _fit(when, ROW - 2), style="dim")
                options.append(Option(line, id=f"resume:{row.id}"))
        title = f"Scenarios ({len(scenarios)} of {len(library.scenarios)})"
        options.append(Option(Text(title, style="bold"), disabled=True))
        industry = None
        for scenario in scenarios:
            if scenario.industry != industry:
                industry = scenario.industry
                heading = Text(f" {industry_name(industry)}", style="italic")
                options.append(Option(heading, disabled=True))
            line = Text("  " + _fit(plain(scenario.title)))
            line.append("\n    ")
            difficulty = scenario.difficulty.value
            line.append(difficulty, style=DIFFICULTY_STYLE.get(difficulty, ""))
            categories = ", ".join(humanize(c.value) for c in scenario.categories)
            line.append(_fit(f" · {categories}", ROW - 2 - len(difficulty)), style="dim")
            options.append(Option(line, id=f"scenario:{scenario.id}"))
        if not scenarios:
            options.append(
                Option(Text("  No scenario matches these filters.", style="dim"), disabled=True)
            )
        option_list.set_options(options)
        ids = [o.id for o in option_list.options]
        default = f"scenario:{DEFAULT_SCENARIO}"
        if after_session and just_left is not None:
            # Back from a session saved for later: its resume entry.
            option_list.highlighted = ids.index(f"resume:{just_left}")
        elif previous is not None and previous in ids:
            option_list.highlighted = ids.index(previous)
        elif not self._assigned and not self._unfinished and default in ids:
            # A first visit opens on the default scenario: Enter starts it.
            option_list.highlighted = ids.index(default)
        else:
            first = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
            option_list.highlighted = first
        # The top of the list in view (what is assigned, what is unfinished, the
        # headings), then as little scrolling as shows the highlighted entry.
        option_list.scroll_home(animate=False, immediate=True)
        self.call_after_refresh(option_list.scroll_to_highlight)
        self._show_brief()

    # --- the brief -----------------------------------------------------------

    def _selected(self) -> tuple[str, str] | None:
        option = self._list().highlighted_option
        if option is None or option.id is None:
            return None
        kind, _, ident = option.id.partition(":")
        return kind, ident

    def _scenario_of(self, kind: str, ident: str) -> Scenario | None:
        library = self.context.library
        if kind == "scenario":
            return library.scenarios.get(ident)
        if kind == "assign" and ident in self._assigned:
            return library.scenarios.get(self._assigned[ident].assignment.scenario)
        if kind == "resume" and ident in self._unfinished:
            return library.scenarios.get(self._unfinished[ident].scenario or "")
        return None

    def _show_brief(self) -> None:
        brief = self.query_one("#brief-text", Static)
        selected = self._selected()
        scenario = self._scenario_of(*selected) if selected else None
        if scenario is None:
            brief.update(Text("Pick a scenario to read its brief.", style="dim"))
            return
        library = self.context.library
        persona = library.personas[scenario.persona]
        rubric = library.rubrics.get(scenario.rubric)
        text = Text()
        if selected and selected[0] == "assign":
            entry = self._assigned[selected[1]]
            assignment = entry.assignment
            text.append("Assigned to you", style="bold magenta")
            text.append(f" · due {assignment.due or '-'} · pass mark {assignment.pass_mark}")
            text.append(f" · {STATUS_WORDS[entry.status]}")
            if entry.attempts_left is not None:
                text.append(f" · {entry.attempts_left} attempt(s) left")
            if assignment.exam:
                text.append("\nAn exam: the same buyer for everyone, no hints, no undo.")
            text.append("\n\n")
        elif selected and selected[0] == "resume":
            text.append(
                "Unfinished session: Enter picks it up where you stopped.\n\n", style="bold magenta"
            )
        text.append_text(brief_text(scenario, persona, rubric))
        brief.update(text)
        self.query_one("#brief", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#scenarios")
    def _highlighted(self) -> None:
        self._show_brief()

    @on(OptionList.OptionSelected, "#scenarios")
    def _chosen(self) -> None:
        self.action_start()

    @on(Select.Changed)
    def _filtered(self) -> None:
        self._fill(reload=False)

    # --- model and mode -------------------------------------------------------

    def _mode_label(self) -> str:
        return "Mode: exam (no hints, no undo)" if self.context.exam else "Mode: practice"

    def _model_box(self) -> Input:
        return self.query_one("#model", Input)

    def _apply_model(self) -> bool:
        """Take the model typed in the box, if it can be a buyer voice; say
        why not otherwise. True when the box holds the model in use."""
        box = self._model_box()
        model = box.value.strip()
        if model == self.context.model:
            return True
        problem = model_problem(model, api_base=self.context.api_base)
        if problem is not None:
            self.notify(f"Buyer voice: {problem}", severity="error", markup=False, timeout=8)
            return False
        try:
            self.context.set_model(model)
        except (TrainerError, OSError) as exc:  # a config.toml that cannot be read or written
            self.notify(
                f"Buyer voice: {model}, for now; it could not be saved: {exc}",
                severity="warning",
                markup=False,
            )
        else:
            self.notify(f"Buyer voice: {model} (saved for next time).", markup=False)
        self.post_message(WarmModel(model))
        return True

    @on(Input.Submitted, "#model")
    def _model_submitted(self) -> None:
        if self._apply_model():
            self._list().focus()

    def on_descendant_blur(self, event: Any) -> None:
        if getattr(event.widget, "id", None) != "model":
            return
        box = self._model_box()
        if self._cancelled or not self._apply_model():
            # Esc, or a model that cannot be used: the box shows the one in use.
            box.value = self.context.model
        self._cancelled = False

    def action_leave_field(self) -> None:
        if self.app.focused is self._model_box():
            self._cancelled = True
        self._list().focus()

    @on(Button.Pressed, "#mode")
    def action_toggle_mode(self) -> None:
        self.context.exam = not self.context.exam
        button = self.query_one("#mode", Button)
        button.label = self._mode_label()
        button.refresh(layout=True)  # the label's width changed

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        selected = self._selected()
        if selected is None:
            self.notify("Pick a scenario first.", markup=False)
            return
        kind, ident = selected
        session: Session | None = None
        try:
            if kind == "scenario":
                session = self.context.new_session(ident)
            elif kind == "assign":
                # The factory links the session to this assignment and, for an
                # exam, fixes the mode and the seed.
                session = self.context.new_session(self._assigned[ident].assignment.scenario)
            elif kind == "resume":
                session = self.context.resume(ident)
        except TrainerError as exc:  # no attempts left on an exam, a broken scenario
            self.notify(str(exc), title="Cannot start", severity="error", markup=False, timeout=8)
            return
        if session is not None:
            self.post_message(OpenSession(session))

    def action_focus_model(self) -> None:
        self._model_box().focus()

    def action_focus_filters(self) -> None:
        self.query_one("#filter-category", Select).focus()

    def action_progress(self) -> None:
        self.post_message(ShowProgress())

    def action_drills(self) -> None:
        self.post_message(ShowDrills())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.app.focused
        if action == "start":
            return focused is None or focused.id in ("scenarios", "brief")
        # Letter keys belong to the model box while it is being typed in.
        if action in ("toggle_mode", "focus_model", "focus_filters", "progress", "drills"):
            return not isinstance(focused, Input)
        if action == "leave_field":  # a field on Home, not the list, not a dialog over it
            return focused is not None and focused.screen is self and focused.id != "scenarios"
        return True
