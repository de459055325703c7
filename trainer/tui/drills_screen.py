"""Drills: the trainee's objections due for practice, weakest first, then the
ones coming up; Enter runs one as a short session on that one objection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from trainer.errors import TrainerError
from trainer.tui.context import TrainerContext
from trainer.tui.messages import Back, OpenSession
from trainer.tui.widgets import humanize, plain

if TYPE_CHECKING:
    from trainer.drills import DrillItem, DrillPlan

__all__ = ["EMPTY", "DrillsScreen"]

EMPTY = "Nothing to drill yet: finish a graded session first."
# As `trainer drill` lists them: every due drill, and the next few not due yet.
UPCOMING = 3


def drill_line(item: DrillItem, title: str) -> Text:
    """One drill in two lines: the objection and its scenario, then when and why."""
    category = humanize(item.card.category or "objection")
    line = Text("  ")
    line.append(f"{category}: ", style="bold")
    line.append(plain(humanize(item.objection)))
    line.append(f" · {plain(title)}", style="dim")
    line.append(f"\n    due {item.card.due:%Y-%m-%d} · ")
    line.append(plain(item.card.reason()), style="italic")
    return line


class DrillsScreen(Screen[None]):
    DEFAULT_CSS = """
    #drills { height: 1fr; margin: 0 1; border: round $primary 50%; }
    #drills:focus { border: round $primary; }
    #drills-note { height: auto; margin: 0 2; color: $text-muted; }
    """
    BINDINGS = [
        # Priority so the footer shows it; it applies only to a drill (see check_action).
        Binding("enter", "start", "Start the drill", priority=True),
        Binding("escape", "home", "Back"),
    ]

    def __init__(self, context: TrainerContext, plan: DrillPlan | None = None) -> None:
        super().__init__()
        self.context = context
        self.plan = plan  # read on mount when not given: compose never touches the store
        self._items: dict[str, DrillItem] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(id="drills", markup=False)
        yield Static(id="drills-note", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Drills"
        self.sub_title = plain(self.context.trainee or "")
        self.query_one("#drills").border_title = "Objections to practise"
        if self.plan is None:
            try:
                self.plan = self.context.drill_plan()
            except TrainerError as exc:  # a drills.json that cannot be read
                self.notify(str(exc), severity="error", markup=False, timeout=8)
                self.plan = None
        self._fill()
        self.query_one("#drills", OptionList).focus()

    def _fill(self) -> None:
        library = self.context.library
        plan = self.plan
        options: list[Option | None] = []
        self._items = {}

        def add(item: DrillItem) -> None:
            ident = item.card.key.name
            scenario = library.scenarios.get(item.scenario)
            self._items[ident] = item
            options.append(
                Option(drill_line(item, scenario.title if scenario else item.scenario), id=ident)
            )

        if plan is None or (not plan.due and not plan.later):
            options.append(Option(Text(EMPTY, style="dim"), disabled=True))
            hint = "Practise a scenario from Home and finish it (ctrl+s): its objections come back here."
        else:
            if plan.due:
                options.append(Option(Text("Due now, weakest first", style="bold"), disabled=True))
                for item in plan.due:
                    add(item)
            else:
                options.append(
                    Option(
                        Text("Nothing is due yet: you may practise one early.", style="dim"),
                        disabled=True,
                    )
                )
            later = plan.later[:UPCOMING]
            if later:
                options.append(Option(Text("Coming up", style="bold"), disabled=True))
                for item in later:
                    add(item)
            hint = "A drill is a short session: the buyer raises that objection at once."
        option_list = self.query_one("#drills", OptionList)
        option_list.set_options(options)
        first = next((i for i, o in enumerate(option_list.options) if not o.disabled), None)
        option_list.highlighted = first
        self.query_one("#drills-note", Static).update(hint)

    def _selected(self) -> DrillItem | None:
        option = self.query_one("#drills", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return self._items.get(option.id)

    @on(OptionList.OptionSelected, "#drills")
    def _chosen(self) -> None:
        self.action_start()

    def action_start(self) -> None:
        item = self._selected()
        if item is None:
            return
        try:
            session = self.context.start_drill(item)
        except TrainerError as exc:  # the scenario or its objection no longer loads
            self.notify(str(exc), title="Cannot start", severity="error", markup=False, timeout=8)
            return
        # Leaving or finishing the drill lands on Home.
        self.post_message(OpenSession(session, from_home=True))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return bool(self._items)
        return True

    def action_home(self) -> None:
        self.post_message(Back())
