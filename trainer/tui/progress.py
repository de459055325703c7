"""Progress: attempts over time as a chart, best and latest per scenario, the
weakest objection category, and what to practise next."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from trainer.content.library import DEFAULT_RUBRIC
from trainer.errors import TrainerError
from trainer.practice.progress import Progress
from trainer.tui.context import TrainerContext
from trainer.tui.messages import Back, OpenSession
from trainer.tui.widgets import ScoreChart, humanize, plain


def insight_text(progress: Progress) -> Text:
    text = Text()
    attempts = progress.attempts
    if attempts:
        passed = sum(1 for a in attempts if a.passed)
        text.append(f"{len(attempts)} graded attempt(s), {passed} passed", style="bold")
        if len(attempts) >= 2:
            change = attempts[-1].score - attempts[0].score
            text.append(f" · first {attempts[0].score}, latest {attempts[-1].score}")
            text.append(f" ({change:+d})", style="green" if change >= 0 else "red")
        text.append("\n")
    text.append("Weakest objection category: ", style="bold")
    if progress.weakest is not None:
        entry = next(c for c in progress.categories if c.category is progress.weakest)
        text.append(humanize(progress.weakest.value), style="bold red")
        text.append(
            f": {entry.consultative} of {entry.turns} turns consultative, {entry.pressure} pressure\n"
        )
    elif any(c.turns >= 3 and c.consultative == c.turns for c in progress.categories):
        text.append("none: every objection so far was handled consultatively\n", style="dim")
    elif progress.categories:
        text.append("not enough turns yet to tell (3 per category)\n", style="dim")
    else:
        text.append("none yet\n", style="dim")
    text.append("Practise next: ", style="bold")
    if progress.next is not None:
        text.append(plain(progress.next.title), style="bold green")
        text.append(f" ({progress.next.scenario})", style="dim")
    else:
        text.append("nothing to suggest", style="dim")
    return text


class ProgressScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "practise_next", "Practise the suggestion"),
        # Priority so the footer shows it; only while the table has focus.
        Binding("enter", "practise_row", "Practise this one", priority=True),
        Binding("escape,h", "home", "Back"),
    ]

    def __init__(self, context: TrainerContext, progress: Progress | None = None) -> None:
        super().__init__()
        self.context = context
        # Read before the screen is drawn: compose and render never touch the store.
        self.progress = progress if progress is not None else context.progress()

    def compose(self) -> ComposeResult:
        progress = self.progress
        default = self.context.library.rubrics.get(DEFAULT_RUBRIC)
        pass_mark = default.pass_mark if default else 70
        yield Header()
        with Horizontal(id="progress-top"):
            yield ScoreChart(
                [a.score for a in progress.attempts],
                [a.passed for a in progress.attempts],
                pass_mark=pass_mark,
                id="chart",
            )
            with Vertical(id="categories"):
                yield Static(self._categories_text(), markup=False)
        yield Static(insight_text(progress), id="insight", markup=False)
        if progress.next is not None:
            reason = Text(plain(progress.next.reason), style="dim")
            yield Static(reason, id="next-reason", markup=False)
        if progress.scenarios:
            table: DataTable[str | Text] = DataTable(
                id="per-scenario", cursor_type="row", zebra_stripes=True
            )
            yield table
        else:
            yield Static(
                Text(
                    "No graded attempts yet. Finish a session (/end, or ctrl+s) and each "
                    "scenario you practised shows here with its best and latest score."
                    + ("  n: practise the suggestion." if progress.next else ""),
                    style="dim",
                ),
                id="per-scenario-empty",
                markup=False,
            )
        yield Footer()

    def _categories_text(self) -> Text:
        text = Text()
        if not self.progress.categories:
            return Text("Objection categories appear here once you have practised.", style="dim")
        for entry in self.progress.categories:
            share = entry.share
            style = "green" if share >= 0.75 else "yellow" if share >= 0.4 else "red"
            filled = round(share * 10)
            text.append(f"{humanize(entry.category.value):<11}")
            text.append("█" * filled, style=style)
            text.append("░" * (10 - filled), style="dim")
            text.append(f" {share:>4.0%} of {entry.turns}\n")
        return text

    def on_mount(self) -> None:
        self.title = "Progress"
        self.sub_title = plain(self.context.trainee or "")
        self.query_one("#chart").border_title = "Scores over time (green: passed)"
        self.query_one("#categories").border_title = "Consultative turns by objection"
        if not self.progress.scenarios:
            self.query_one("#per-scenario-empty").border_title = "Best and latest per scenario"
            return
        table = self.query_one("#per-scenario", DataTable)
        table.border_title = "Best and latest per scenario"
        table.add_columns("Scenario", "Tries", "Best", "Latest", "Passed")
        for entry in self.progress.scenarios:
            table.add_row(
                Text(plain(entry.title)),  # a Text: a plain str would be read as markup
                str(entry.attempts),
                str(entry.best),
                Text(str(entry.latest), style="green" if entry.latest_passed else "red"),
                Text("yes", style="green") if entry.passed else Text("not yet", style="dim"),
                key=entry.scenario,
            )

    def action_practise_next(self) -> None:
        if self.progress.next is not None:
            self._practise(self.progress.next.scenario)

    def action_practise_row(self) -> None:
        table = self.query_one("#per-scenario", DataTable)
        if 0 <= table.cursor_row < len(self.progress.scenarios):
            self._practise(self.progress.scenarios[table.cursor_row].scenario)

    def _practise(self, scenario: str) -> None:
        if scenario not in self.context.library.scenarios:
            self.notify(f"{scenario} is no longer in the library.", markup=False)
            return
        try:
            session = self.context.new_session(scenario)
        except TrainerError as exc:
            self.notify(str(exc), title="Cannot start", severity="error", markup=False, timeout=8)
            return
        self.post_message(OpenSession(session, from_home=True))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "practise_row":
            if not self.progress.scenarios:
                return False
            return self.query_one("#per-scenario", DataTable).has_focus
        if action == "practise_next":
            return self.progress.next is not None
        return True

    def action_home(self) -> None:
        self.post_message(Back())
