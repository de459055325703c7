"""Home: scenarios to browse and filter, each with its brief; assignments and
unfinished sessions on top; the model and the mode; start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from trainer import clock
from trainer.actors import OFFLINE
from trainer.content.library import DEFAULT_SCENARIO
from trainer.content.models import Scenario
from trainer.management.assignments import AssignmentProgress, Status, trainee_assignments
from trainer.store.base import SessionRow
from trainer.tui.widgets import PickList, brief_text, humanize, industry_name, plain
from trainer.vocabulary import Category, Difficulty

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp

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
    ]

    @property
    def trainer(self) -> TrainerApp:
        return cast("TrainerApp", self.app)

    def compose(self) -> ComposeResult:
        library = self.trainer.library
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
                self.trainer.model,
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
        self.query_one("#scenarios", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Back from a session: unfinished sessions and scores may have changed.
        self._fill()

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

    def _assignments(self) -> list[AssignmentProgress]:
        """The trainee's assignments, most urgent first; none without a store."""
        store = self.trainer.store
        trainee = self.trainer.settings.trainee
        if store is None or trainee is None:
            return []
        found = trainee_assignments(store, trainee, clock.today())
        return [p for p in found if p.assignment.scenario in self.trainer.library.scenarios]

    def _unfinished(self) -> list[SessionRow]:
        store = self.trainer.store
        if store is None:
            return []
        rows = store.list_sessions(trainee=self.trainer.settings.trainee)
        return [
            r
            for r in reversed(rows)
            if r.finished is None
            and r.trainee_turns > 0
            and r.scenario in self.trainer.library.scenarios
        ][:5]

    def _fill(self) -> None:
        library = self.trainer.library
        option_list = self.query_one("#scenarios", OptionList)
        previous = option_list.highlighted_option.id if option_list.highlighted_option else None
        self._assigned = {str(p.assignment.id): p for p in self._assignments()}
        unfinished = self._unfinished()
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
        if unfinished:
            options.append(Option(Text("Unfinished: resume", style="bold"), disabled=True))
            for row in unfinished:
                scenario = library.scenarios[row.scenario or ""]
                line = Text("  " + _fit(plain(scenario.title)))
                line.append(
                    f"\n    {row.trainee_turns} line(s) said · {row.mode} · {row.started[:10]}",
                    style="dim",
                )
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
        if previous is not None and previous in ids:
            option_list.highlighted = ids.index(previous)
        elif not self._assigned and not unfinished and default in ids:
            # A first visit opens on the default scenario: Enter starts it.
            option_list.highlighted = ids.index(default)
        else:
            first = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
            option_list.highlighted = first
        self._show_brief()

    # --- the brief -----------------------------------------------------------

    def _selected(self) -> tuple[str, str] | None:
        option = self.query_one("#scenarios", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        kind, _, ident = option.id.partition(":")
        return kind, ident

    def _scenario_of(self, kind: str, ident: str) -> Scenario | None:
        library = self.trainer.library
        if kind == "scenario":
            return library.scenarios.get(ident)
        if kind == "assign" and ident in self._assigned:
            return library.scenarios.get(self._assigned[ident].assignment.scenario)
        if kind == "resume":
            row = next((r for r in self._unfinished() if r.id == ident), None)
            return library.scenarios.get(row.scenario or "") if row else None
        return None

    def _show_brief(self) -> None:
        brief = self.query_one("#brief-text", Static)
        selected = self._selected()
        scenario = self._scenario_of(*selected) if selected else None
        if scenario is None:
            brief.update(Text("Pick a scenario to read its brief.", style="dim"))
            return
        library = self.trainer.library
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
        self._fill()

    # --- model and mode -------------------------------------------------------

    def _mode_label(self) -> str:
        return "Mode: exam (no hints, no undo)" if self.trainer.exam else "Mode: practice"

    @on(Input.Changed, "#model")
    def _model_changed(self, event: Input.Changed) -> None:
        self.trainer.model = event.value.strip() or OFFLINE

    @on(Input.Submitted, "#model")
    def _model_submitted(self) -> None:
        self.trainer.warm_model(self.trainer.model)
        self.query_one("#scenarios", OptionList).focus()

    def on_descendant_blur(self, event: Any) -> None:
        if getattr(event.widget, "id", None) == "model":
            self.trainer.warm_model(self.trainer.model)

    @on(Button.Pressed, "#mode")
    def action_toggle_mode(self) -> None:
        self.trainer.exam = not self.trainer.exam
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
        trainer = self.trainer
        session = None
        if kind == "scenario":
            session = trainer.new_session(ident, exam=trainer.exam, seed=trainer.seed)
        elif kind == "assign":
            # The factory links the session to this assignment and, for an exam,
            # fixes the mode and the seed.
            session = trainer.new_session(
                self._assigned[ident].assignment.scenario, exam=trainer.exam, seed=trainer.seed
            )
        elif kind == "resume":
            session = trainer.resume(ident)
        if session is not None:
            trainer.warm_model(session.actor.name)
            trainer.open_session(session)

    def action_focus_model(self) -> None:
        self.query_one("#model", Input).focus()

    def action_focus_filters(self) -> None:
        self.query_one("#filter-category", Select).focus()

    def action_progress(self) -> None:
        from trainer.tui.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.app.focused
        if action == "start":
            return focused is None or focused.id in ("scenarios", "brief")
        # Letter keys belong to the model box while it is being typed in.
        if action in ("toggle_mode", "focus_model", "focus_filters", "progress"):
            return not isinstance(focused, Input)
        return True
