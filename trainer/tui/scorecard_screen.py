"""The scorecard: score and pass/fail, each criterion with its evidence, every
trainee turn annotated, better alternatives, missed opportunities; retry,
rewind to a turn, export, and the model judge when a model is configured.

Turns are numbered as the trainee counts their own lines (1, 2, 3); the
scorecard JSON keeps each turn's index in the transcript, as its contract says.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from trainer.actors import OFFLINE
from trainer.errors import TrainerError
from trainer.management.transfer import export_json, export_markdown
from trainer.paths import trainer_home
from trainer.scorecard import Scorecard
from trainer.session.session import Session, SessionError
from trainer.transcript import Transcript
from trainer.tui.context import TrainerContext
from trainer.tui.messages import Back, OpenSession, ShowProgress
from trainer.tui.widgets import LABEL_MARK, LABEL_STYLE, OUTCOME_WORDS, PickList, humanize, plain

LEVEL_STYLE = {"strong": "green", "developing": "yellow", "weak": "red"}


def line_numbers(transcript: Transcript) -> dict[int, int]:
    """Each trainee turn's index in the transcript -> its number among the
    trainee's own lines (1, 2, 3)."""
    indices = [i for i, t in enumerate(transcript.turns) if t.role == "trainee"]
    return {index: number for number, index in enumerate(indices, start=1)}


def where(transcript: Transcript, index: int) -> str:
    """A transcript index as the trainee reads it: "line 2", or the buyer's
    words after one of their lines."""
    numbers = line_numbers(transcript)
    if index in numbers:
        return f"line {numbers[index]}"
    before = max((n for i, n in numbers.items() if i < index), default=0)
    return f"buyer after line {before}" if before else "buyer's opening"


def summary_text(card: Scorecard, buyer: str) -> Text:
    verdict_style = "bold white on green" if card.passed else "bold white on red"
    text = Text()
    text.append(f" {card.score}/100 ", style="bold reverse")
    text.append(" ")
    text.append(" PASSED " if card.passed else " NOT PASSED ", style=verdict_style)
    # What decided it on the first line (it fits 80 columns); how it was graded below.
    text.append(f"  pass mark {card.pass_mark} · ")
    if card.outcome == "unfinished":
        text.append("ended before the buyer decided")
    else:
        text.append(f"{plain(buyer)} {OUTCOME_WORDS.get(card.outcome, card.outcome)}")
    text.append(
        f"\nstyle: {card.style} · rubric: {plain(card.rubric)} · grader: {plain(card.grader)}",
        style="dim",
    )
    return text


def criteria_blocks(card: Scorecard, transcript: Transcript) -> list[tuple[str, Text]]:
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
                f"\n{ev.effect or ' '} {where(transcript, ev.turn)} "
                f"{humanize(ev.tactic or ev.stage or '')}: ",
                style=sign_style,
            )
            body.append(f"“{plain(ev.quote)}”", style="italic")
        blocks.append(("body", body))
    for gate in card.gates:
        if not gate.passed:
            blocks.append(("head", Text("Gate failed: " + plain(gate.title), style="bold red")))
            body = Text("The attempt fails whatever the score.", style="dim")
            for ev in gate.evidence:
                body.append(
                    f"\n{where(transcript, ev.turn)}: “{plain(ev.quote)}”", style="italic red"
                )
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
    number = line_numbers(transcript).get(index)
    text.append(f"Line {number} " if number else f"Turn {index} ", style="bold")
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
        Binding("enter", "rewind", "Rewind to this line", priority=True),
        Binding("e", "export", "Export"),
        Binding("j", "judge", "Ask the model judge"),
        Binding("p", "progress", "Progress"),
        Binding("escape,h", "home", "Home"),
    ]

    def __init__(
        self, context: TrainerContext, session: Session, transcript: Transcript, card: Scorecard
    ) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.transcript = transcript
        self.card = card  # the card shown: the offline grade, or the judge's once asked
        self.offline_card = card
        self.judging = False
        # Read before the screen is drawn: compose never touches the store.
        self.notice = context.result_notice(session)

    @property
    def judge_model(self) -> str | None:
        """The model the judge would use: the one configured, if it is a real one."""
        model = self.context.model
        return None if model == OFFLINE else model

    def _summary(self) -> Text:
        summary = summary_text(self.card, self.session.persona.name.split()[0])
        if self.notice is not None:
            summary.append("\n" + plain(self.notice), style="bold magenta")
        return summary

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._summary(), id="summary", markup=False)
        with Horizontal(id="scorecard-main"):
            yield VerticalScroll(id="criteria")
            yield PickList(id="turns", markup=False)
        yield Footer()

    async def _show(self) -> None:
        """Draw the card in `self.card`: the summary, the criteria, the turns."""
        self.query_one("#summary", Static).update(self._summary())
        criteria = self.query_one("#criteria", VerticalScroll)
        await criteria.remove_children()
        await criteria.mount_all(
            Static(block, classes=kind, markup=False)
            for kind, block in criteria_blocks(self.card, self.transcript)
        )
        options: list[Option | None] = []
        for grade in self.card.turns:
            options.append(
                Option(turn_text(self.card, self.transcript, grade.turn), id=str(grade.turn))
            )
            options.append(None)
        turns = self.query_one("#turns", OptionList)
        turns.set_options(options[:-1])
        turns.highlighted = 0 if self.card.turns else None

    async def on_mount(self) -> None:
        self.title = "Scorecard · " + plain(self.session.scenario.title)
        trainee = self.session.trainee
        self.sub_title = " · ".join(
            [self.session.mode.value, *([plain(trainee)] if trainee else [])]
        )
        self.query_one("#criteria").border_title = "Criteria and evidence"
        turns = self.query_one("#turns", OptionList)
        rewinds = self.session.mode.can_go_back
        turns.border_title = "Your lines" + (": Enter rewinds to one" if rewinds else "")
        await self._show()
        turns.focus()

    def action_retry(self) -> None:
        session = self.session
        drill = self.context.drill_of(session)
        try:
            if drill is not None:  # the same short session on that one objection
                fresh = self.context.start_drill(drill, model=session.actor.name)
            else:
                fresh = self.context.new_session(
                    session.scenario.id,
                    exam=session.exam,
                    seed=session.seed if session.exam else None,
                    model=session.actor.name,
                )
        except TrainerError as exc:  # no attempts left on an exam, among others
            self.notify(str(exc), title="Cannot retry", severity="error", markup=False, timeout=8)
            return
        self.post_message(OpenSession(fresh, replace=True))

    @on(OptionList.OptionSelected, "#turns")
    def action_rewind(self) -> None:
        option = self.query_one("#turns", OptionList).highlighted_option
        if option is None or option.id is None:
            return
        turn = int(option.id)
        said = self.transcript.turns[turn].text if turn < len(self.transcript.turns) else ""
        try:
            fresh = self.session.fork(turn)
        except (SessionError, TrainerError) as exc:
            self.notify(f"Cannot rewind: {exc}.", markup=False, severity="warning")
            return
        self.context.carry_drill(self.session, fresh)
        self.notify(
            f"A new attempt from just before your {where(self.transcript, turn)}: the line is in "
            "the box, say it differently. The attempt you just finished keeps its score.",
            markup=False,
            timeout=6,
        )
        self.post_message(OpenSession(fresh, draft=said, replace=True))

    # --- the model judge ------------------------------------------------------

    def action_judge(self) -> None:
        model = self.judge_model
        if model is None:
            self.notify(
                "The model judge needs a model: choose one on Home (m), then finish a session.",
                markup=False,
            )
            return
        if self.judging:
            self.notify("The model judge is still reading.", markup=False)
            return
        self.judging = True
        self.query_one("#summary", Static).update(
            self._summary().append(
                f"\nAsking the model judge ({model}) to read every line…", style="italic"
            )
        )
        self.refresh_bindings()
        self._judge(model)

    @work(exclusive=True, group="judge", exit_on_error=False)
    async def _judge(self, model: str) -> None:
        # The judge's call blocks; it runs in a thread while the screen stays live.
        try:
            card: Scorecard | None = await asyncio.to_thread(
                self.context.judge, self.transcript, model
            )
            problem = None
        except Exception as exc:  # a bug must not cost the offline grade on screen
            card, problem = None, f"{type(exc).__name__}: {exc}"
        await self._judged(model, card, problem)

    async def _judged(self, model: str, card: Scorecard | None, problem: str | None) -> None:
        self.judging = False
        self.refresh_bindings()
        unscored = [g.unscored for g in card.turns if g.unscored is not None] if card else []
        if card is None or (unscored and len(unscored) == len(card.turns)):
            error = card.judge.error if card is not None and card.judge is not None else None
            reason = problem or error or unscored[0].removeprefix("judge: ")
            self.card = self.offline_card
            await self._show()
            self.query_one("#summary", Static).update(
                self._summary().append(
                    f"\nModel judge ({model}): unscored: {plain(reason)}. "
                    "The offline grade above stands.",
                    style="bold red",
                )
            )
            return
        self.card = card
        await self._show()
        note = f"\nGraded by the model judge ({model}); the saved grade stays the offline one."
        if unscored:
            note += f" {len(unscored)} line(s) unscored by the judge: the offline reading is shown."
        self.query_one("#summary", Static).update(self._summary().append(note, style="bold cyan"))

    # --- elsewhere ------------------------------------------------------------

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
        self.post_message(ShowProgress())

    def action_home(self) -> None:
        self.post_message(Back())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rewind":
            turns = self.query_one("#turns", OptionList)
            return self.session.mode.can_go_back and turns.has_focus
        if action == "judge":
            # Offered when a model is configured; greyed out while it reads.
            return None if self.judging else self.judge_model is not None
        return True
