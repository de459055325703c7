"""The scorecard: score and pass/fail, each criterion with its evidence, every
trainee turn annotated, better alternatives, missed opportunities; retry,
rewind to a turn, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from trainer import clock
from trainer.management.assignments import result_notice
from trainer.management.transfer import export_json, export_markdown
from trainer.paths import trainer_home
from trainer.scorecard import Scorecard
from trainer.session.session import Session, SessionError
from trainer.transcript import Transcript
from trainer.tui.widgets import LABEL_MARK, LABEL_STYLE, OUTCOME_WORDS, PickList, humanize, plain

if TYPE_CHECKING:
    from trainer.tui.app import TrainerApp

LEVEL_STYLE = {"strong": "green", "developing": "yellow", "weak": "red"}


def summary_text(card: Scorecard, buyer: str) -> Text:
    verdict_style = "bold white on green" if card.passed else "bold white on red"
    text = Text()
    text.append(f" {card.score}/100 ", style="bold reverse")
    text.append(" ")
    text.append(" PASSED " if card.passed else " NOT PASSED ", style=verdict_style)
    text.append(f"  pass mark {card.pass_mark} · style: {card.style} · ")
    if card.outcome == "unfinished":
        text.append("ended before the buyer decided")
    else:
        text.append(f"{plain(buyer)} {OUTCOME_WORDS.get(card.outcome, card.outcome)}")
    text.append(f"\nrubric: {plain(card.rubric)} · grader: {plain(card.grader)}", style="dim")
    return text


def criteria_blocks(card: Scorecard) -> list[tuple[str, Text]]:
    """The left column as (css class, text) blocks: a heading line, then an
    indented body, so wrapped lines keep their indent."""
    blocks: list[tuple[str, Text]] = []
    for criterion in card.criteria:
        style = LEVEL_STYLE.get(criterion.level, "")
        head = Text(f"{criterion.score:g}/{criterion.max} ", style=f"bold {style}")
        head.append(plain(criterion.title), style="bold")
        head.append(f"  {criterion.level}", style=style)
        blocks.append(("head", head))
        body = Text(plain(criterion.descriptor), style="dim")
        for ev in criterion.evidence:
            sign_style = "green" if ev.effect == "+" else "red"
            body.append(
                f"\n{ev.effect or ' '} turn {ev.turn} {humanize(ev.tactic or ev.stage or '')}: ",
                style=sign_style,
            )
            body.append(f"“{plain(ev.quote)}”", style="italic")
        blocks.append(("body", body))
    for gate in card.gates:
        if not gate.passed:
            blocks.append(("head", Text("Gate failed: " + plain(gate.title), style="bold red")))
            body = Text("The attempt fails whatever the score.", style="dim")
            for ev in gate.evidence:
                body.append(f"\nturn {ev.turn}: “{plain(ev.quote)}”", style="italic red")
            blocks.append(("body", body))
    if card.missed:
        blocks.append(("section", Text("Missed opportunities", style="bold cyan")))
        for missed in card.missed:
            blocks.append(("item", Text("• " + plain(missed))))
    if card.notes:
        blocks.append(("section", Text("Notes", style="bold cyan")))
        for note in card.notes:
            blocks.append(("item", Text("• " + plain(note), style="dim")))
    return blocks


def turn_text(card: Scorecard, transcript: Transcript, index: int) -> Text:
    grade = next(g for g in card.turns if g.turn == index)
    said = plain(transcript.turns[index].text) if index < len(transcript.turns) else ""
    label = grade.label or "unscored"
    style = LABEL_STYLE.get(label, "")
    text = Text()
    text.append(f"Turn {index} ", style="bold")
    text.append(f"{LABEL_MARK.get(label, '?')} {label}", style=f"bold {style}")
    if grade.tactics:
        text.append(": " + ", ".join(humanize(t) for t in grade.tactics), style=style)
    if grade.unscored:
        text.append(f" ({plain(grade.unscored)})", style="dim")
    text.append("\n")
    # The words that earned the label, picked out inside what was said.
    line = Text(said)
    missing = []
    for quote in plain(grade.evidence).split(" … "):
        quote = quote.strip()
        if not quote:
            continue
        start = said.find(quote)
        if start >= 0:
            line.stylize(f"bold underline {style}", start, start + len(quote))
        else:
            missing.append(quote)
    text.append_text(line)
    if missing:
        text.append("\nearned by “" + " … ".join(missing) + "”", style=f"italic {style}")
    for alternative in card.alternatives:
        if alternative.turn == index:
            text.append("\nBetter: ", style="bold green")
            text.append(plain(alternative.instead), style="green")
    return text


class ScorecardScreen(Screen[None]):
    BINDINGS = [
        Binding("r", "retry", "Retry scenario"),
        # Priority so the footer shows it; only while the turn list has focus.
        Binding("enter", "rewind", "Rewind to this turn", priority=True),
        Binding("e", "export", "Export"),
        Binding("p", "progress", "Progress"),
        Binding("escape,h", "home", "Home"),
    ]

    def __init__(self, session: Session, transcript: Transcript, card: Scorecard) -> None:
        super().__init__()
        self.session = session
        self.transcript = transcript
        self.card = card

    @property
    def trainer(self) -> TrainerApp:
        return cast("TrainerApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        summary = summary_text(self.card, self.session.persona.name.split()[0])
        store = self.trainer.store
        if self.session.assignment_id is not None and store is not None:
            notice = result_notice(
                store, self.session.trainee, self.session.assignment_id, clock.today()
            )
            summary.append("\n" + plain(notice), style="bold magenta")
        yield Static(summary, id="summary", markup=False)
        with Horizontal(id="scorecard-main"):
            with VerticalScroll(id="criteria"):
                for kind, block in criteria_blocks(self.card):
                    yield Static(block, classes=kind, markup=False)
            options: list[Option | None] = []
            for grade in self.card.turns:
                options.append(
                    Option(turn_text(self.card, self.transcript, grade.turn), id=str(grade.turn))
                )
                options.append(None)
            yield PickList(*options[:-1], id="turns", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Scorecard · " + plain(self.session.scenario.title)
        self.sub_title = (
            ("exam" if self.session.exam else "practice")
            + " · "
            + plain(self.session.trainee or "")
        )
        self.query_one("#criteria").border_title = "Criteria and evidence"
        turns = self.query_one("#turns", OptionList)
        turns.border_title = "Your turns" + ("" if self.session.exam else ": Enter rewinds to one")
        turns.focus()

    def action_retry(self) -> None:
        from trainer.tui.session_screen import SessionScreen

        session = self.session
        fresh = self.trainer.new_session(
            session.scenario.id,
            exam=session.exam,
            seed=session.seed if session.exam else None,
            model=session.actor.name,
        )
        if fresh is not None:
            self.app.switch_screen(SessionScreen(fresh))

    @on(OptionList.OptionSelected, "#turns")
    def action_rewind(self) -> None:
        from trainer.tui.session_screen import SessionScreen

        option = self.query_one("#turns", OptionList).highlighted_option
        if option is None or option.id is None:
            return
        turn = int(option.id)
        said = self.transcript.turns[turn].text if turn < len(self.transcript.turns) else ""
        try:
            fresh = self.session.fork(turn)
        except SessionError as exc:
            self.notify(f"Cannot rewind: {exc}.", markup=False, severity="warning")
            return
        self.notify(
            f"A new attempt from just before turn {turn}: your line is in the box, say it "
            "differently. The attempt you just finished keeps its score.",
            markup=False,
            timeout=6,
        )
        self.app.switch_screen(SessionScreen(fresh, draft=said))

    def action_export(self) -> None:
        folder = trainer_home() / "exports"
        stem = f"{self.session.scenario.id}-{self.session.id[:8]}"
        scorecard = self.card.to_dict()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            md = folder / f"{stem}.md"
            md.write_text(
                export_markdown(self.transcript, scorecard, self.session.scenario.title),
                encoding="utf-8",
            )
            js = folder / f"{stem}.json"
            js.write_text(export_json(self.transcript, scorecard), encoding="utf-8")
        except OSError as exc:
            self.notify(f"Export failed: {exc}", severity="error", markup=False)
            return
        self.exported: tuple[Path, Path] = (md, js)
        self.notify(
            f"{md.name} and {js.name}\nin {folder}",
            title="Exported transcript and scorecard",
            markup=False,
            timeout=8,
        )

    def action_progress(self) -> None:
        from trainer.tui.progress import ProgressScreen

        self.app.push_screen(ProgressScreen())

    def action_home(self) -> None:
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rewind":
            turns = self.query_one("#turns", OptionList)
            return not self.session.exam and turns.has_focus
        return True
