"""Widgets and text builders shared by the screens.

Everything that comes from content files, a model or the trainee is put on
screen as a rich Text (never parsed as markup), with control characters
removed, so `[bold]` or an escape sequence typed by a trainee shows as text.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static

from trainer.content.models import Persona, Rubric, Scenario
from trainer.session.director import BuyerState
from trainer.text import visible
from trainer.vocabulary import Outcome

__all__ = [
    "BuyerPanel",
    "ChatLine",
    "ErrorPanel",
    "OUTCOME_WORDS",
    "PickList",
    "ScoreChart",
    "brief_text",
    "buyer_panel_text",
    "buyer_status_text",
    "feedback_text",
    "humanize",
    "industry_name",
    "persona_line",
    "plain",
]

OUTCOME_WORDS = {
    "agreed": "agreed to buy",
    "next_step": "agreed to a next step",
    "stalled": "stalled (the turn limit was reached)",
    "walked_away": "walked away",
    "unfinished": "unfinished",
}

LABEL_STYLE = {"consultative": "green", "pressure": "red", "neutral": "yellow"}
LABEL_MARK = {"consultative": "▲", "pressure": "▼", "neutral": "•"}


def plain(text: str) -> str:
    """Text safe for a terminal: the shared sanitiser, keeping line breaks."""
    return visible(text, newlines=True)


def humanize(ident: str) -> str:
    """`open_question` or `price-too-high` as words."""
    return ident.replace("_", " ").replace("-", " ")


INDUSTRY_NAMES = {
    "saas": "SaaS",
    "b2b_enterprise": "B2B enterprise",
    "coaching_consulting": "Coaching and consulting",
    "real_estate": "Real estate",
    "marketing_agency": "Marketing agencies",
    "managed_it": "Managed IT services",
}


def industry_name(industry: str) -> str:
    return INDUSTRY_NAMES.get(industry, humanize(industry))


def _section(text: Text, title: str) -> None:
    text.append("\n" + title + "\n", style="bold cyan")


def persona_line(persona: Persona) -> str:
    """Who the buyer is, in one sentence. "at COMPANY" only where the company is
    an employer: a private seller or investor is described, not worked at."""
    name, _, details = plain(persona.company).partition(" (")
    details = details.removesuffix(")")
    if name.lower().startswith("private "):
        about = f"; {details}" if details else ""
        return f"{plain(persona.name)}, {plain(persona.role)}: {name.lower()}{about}."
    return f"{plain(persona.name)}, {plain(persona.role)} at {plain(persona.company)}."


def brief_text(scenario: Scenario, persona: Persona, rubric: Rubric | None) -> Text:
    """What a trainee reads before starting: buyer, situation, good outcome, rubric."""
    text = Text()
    text.append(plain(scenario.title) + "\n", style="bold")
    categories = ", ".join(humanize(c.value) for c in scenario.categories)
    text.append(
        f"{scenario.difficulty.value} · {industry_name(scenario.industry)} · objections: {categories}"
        f" · up to {scenario.turn_limit} turns\n",
        style="dim",
    )
    _section(text, "The buyer")
    text.append(persona_line(persona) + "\n")
    text.append(plain(persona.temperament) + "\n", style="italic")
    _section(text, "The situation")
    text.append(plain(scenario.situation) + "\n")
    offer = scenario.offer
    text.append("Offer: ", style="bold")
    text.append(f"{plain(offer.product)}, {plain(offer.price)}. {plain(offer.context)}")
    text.append(f" (stage: {offer.stage.value})\n", style="dim")
    _section(text, "A good outcome")
    best = (
        "an agreement to buy" if scenario.best_outcome is Outcome.AGREED else "an agreed next step"
    )
    text.append(
        f"The best this buyer can give is {best}, and only once every concern is really "
        "answered. Pressure costs trust and patience; at zero patience the buyer walks away.\n"
    )
    if rubric is not None:
        _section(text, f"How you are graded: {plain(rubric.title)} (pass mark {rubric.pass_mark})")
        text.append(plain(rubric.description) + "\n", style="dim")
        # No indents: a wrapped line starts at the margin, so none are used.
        for criterion in rubric.criteria:
            text.append(f"\n{criterion.weight} points: ", style="bold")
            text.append(plain(criterion.title) + "\n", style="bold")
            text.append(f"Strong: {plain(criterion.levels.strong)}\n", style="dim")
            if criterion.rewards:
                rewards = ", ".join(humanize(t.value) for t in criterion.rewards)
                text.append(f"+ {rewards}\n", style="green")
            if criterion.penalises:
                penalties = ", ".join(humanize(t.value) for t in criterion.penalises)
                text.append(f"- {penalties}\n", style="red")
        for gate in rubric.gates:
            text.append("\nFails outright: ", style="bold red")
            text.append(plain(gate.title) + "\n")
    return text


def feedback_text(label: str, tactics: Sequence[str], quotes: Sequence[str] = ()) -> Text:
    """The one line of live feedback under a trainee turn (practice mode): the
    label, the tactics found and the words that decided the label."""
    style = LABEL_STYLE.get(label, "")
    text = Text(f"{LABEL_MARK.get(label, '•')} {label}", style=f"bold {style}")
    if tactics:
        text.append(": " + ", ".join(humanize(t) for t in tactics), style=style)
    words = " … ".join(dict.fromkeys(plain(q) for q in quotes if q))
    if words:
        if len(words) > 60:
            words = words[:59] + "…"
        text.append(f"  “{words}”", style="italic")
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


def _bar(value: int, width: int = 12) -> Text:
    filled = round(value / 100 * width)
    style = "green" if value >= 60 else "yellow" if value >= 30 else "red"
    bar = Text("█" * filled, style=style)
    bar.append("░" * (width - filled), style="dim")
    return bar


# Each objection's stage in the tracker: buttoned up step by step.
STAGE_WORDS = {
    "raised": ("●", "raised", "yellow"),
    "explored": ("◔", "explored", "yellow"),
    "uncovered": ("◑", "real reason out", "cyan"),
    "answered": ("◕", "answered", "cyan"),
    "confirmed": ("✔", "buttoned up", "green"),
}


def buyer_panel_text(
    persona: Persona,
    scenario: Scenario,
    state: BuyerState | None,
    *,
    mode: str,
    voice: str,
    previous: BuyerState | None = None,
    said: int | None = None,
) -> Text:
    text = Text()
    text.append(plain(persona.name) + "\n", style="bold")
    text.append(plain(persona.role) + "\n", style="dim")
    text.append(plain(persona.company.split(" (")[0]) + "\n", style="dim")
    text.append("\nMood\n", style="bold cyan")
    if state is None:
        text.append("waiting for the buyer…\n", style="dim")
    else:
        for name, value, before in (
            ("Trust   ", state.trust, previous.trust if previous else None),
            ("Patience", state.patience, previous.patience if previous else None),
        ):
            text.append(name + " ")
            text.append_text(_bar(value, 10))
            text.append(f" {value:>3}")
            if before is not None and before != value:
                change = value - before
                text.append(f" {change:+d}", style="green" if change > 0 else "red")
            text.append("\n")
    text.append("\nObjections\n", style="bold cyan")
    categories = {o.id: o.category.value for o in scenario.objections}
    if state is None:
        text.append("they appear as the buyer raises them\n", style="dim")
    else:
        pending = 0
        for objection in state.objections:
            if objection.stage == "pending":
                pending += 1
                continue
            mark, word, style = STAGE_WORDS[objection.stage]
            text.append(f"{mark} ", style=style)
            text.append(humanize(categories.get(objection.id, objection.id)))
            text.append(f"  {word}\n", style=style)
        if pending:
            text.append(f"○ {pending} not raised yet\n", style="dim")
        text.append(
            f"\nYour lines: {state.trainee_turns if said is None else said}"
            f" of {scenario.turn_limit}\n",
            style="dim",
        )
    text.append(f"{mode} · voice: {plain(voice)}", style="dim")
    return text


def buyer_status_text(
    scenario: Scenario,
    state: BuyerState | None,
    *,
    previous: BuyerState | None = None,
    said: int = 0,
) -> Text:
    """The side panel in a line or two, for terminals too narrow for the panel:
    trust and patience with the last change, each objection's stage, lines said."""
    text = Text()
    if state is None:
        return Text("waiting for the buyer…", style="dim")
    for name, value, before in (
        ("Trust", state.trust, previous.trust if previous else None),
        ("Patience", state.patience, previous.patience if previous else None),
    ):
        style = "green" if value >= 60 else "yellow" if value >= 30 else "red"
        text.append(f"{name} ", style="bold")
        text.append(str(value), style=style)
        if before is not None and before != value:
            change = value - before
            text.append(f" {change:+d}", style="green" if change > 0 else "red")
        text.append(" · ")
    categories = {o.id: o.category.value for o in scenario.objections}
    pending = 0
    for objection in state.objections:
        if objection.stage == "pending":
            pending += 1
            continue
        mark, word, style = STAGE_WORDS[objection.stage]
        text.append(f"{mark} {humanize(categories.get(objection.id, objection.id))} {word}", style)
        text.append(" · ")
    if pending:
        text.append(f"○ {pending} not raised yet · ", style="dim")
    text.append(f"line {said} of {scenario.turn_limit}", style="dim")
    return text


class ChatLine(Static):
    """One line of the conversation: the buyer, the trainee, the coach or a notice."""

    DEFAULT_CSS = """
    ChatLine { width: 1fr; height: auto; }
    """

    def __init__(self, content: Text, *, kind: str, turn: int | None = None) -> None:
        super().__init__(content, classes=kind, markup=False)
        self.kind = kind
        self.turn = turn


def speaker_line(speaker: str, words: str, *, style: str) -> Text:
    text = Text(f"{speaker}: ", style=f"bold {style}")
    text.append(plain(words))
    return text


class PickList(OptionList):
    """An option list where a click shows an option and a click on the shown
    one chooses it, so reading a brief (or a turn) with the mouse never starts
    anything by accident. The keyboard chooses with Enter, as usual."""

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # instead of OptionList's highlight-and-select
        clicked = event.style.meta.get("option")
        if not isinstance(clicked, int) or self.get_option_at_index(clicked).disabled:
            return
        if clicked == self.highlighted:
            self.action_select()
        else:
            self.highlighted = clicked


class BuyerPanel(Static):
    """The side panel: the buyer's mood and the objection tracker."""


class ErrorPanel(Vertical):
    """A model call failed: what happened, and the way on."""

    def __init__(self, message: str, *, can_retry: bool) -> None:
        super().__init__(classes="error-panel")
        self.message = message
        self.can_retry = can_retry

    def compose(self) -> ComposeResult:
        text = Text("The buyer could not answer: ", style="bold red")
        text.append(plain(self.message))
        text.append("\nNothing is lost: every turn so far is saved.", style="dim")
        yield Static(text, markup=False)
        with Horizontal(id="error-actions"):
            if self.can_retry:
                yield Button("Retry (ctrl+r)", id="retry", variant="warning", compact=True)
            yield Button("Use the offline buyer (ctrl+o)", id="offline", compact=True)


class ScoreChart(Static):
    """Attempts over time as a bar chart, with the pass mark as a line."""

    def __init__(
        self,
        scores: Sequence[int],
        passed: Sequence[bool],
        *,
        pass_mark: int = 70,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, markup=False)
        self.scores = list(scores)
        self.passed = list(passed)
        self.pass_mark = pass_mark

    def render(self) -> Text:
        if not self.scores:
            return Text(
                "No graded attempts yet: finish a session to see your scores here.", style="dim"
            )
        height = max(3, self.size.height - 2)  # the rest: the axis and the scores under it
        fit = max(1, (self.size.width - 5) // 4)
        scores = self.scores[-fit:]
        passed = self.passed[-fit:]
        mark_row = max(1, round(self.pass_mark / 100 * height))
        text = Text()
        for row in range(height, 0, -1):
            on_mark = row == mark_row
            label = "100" if row == height else f"{self.pass_mark:>3}" if on_mark else "   "
            text.append(label + ("┤" if on_mark else "│"), style="dim")
            for score, ok in zip(scores, passed, strict=True):
                level = score / 100 * height
                style = "green" if ok else "red"
                if level >= row:
                    text.append(" ███", style=style)
                elif level >= row - 0.5:
                    text.append(" ▄▄▄", style=style)
                else:
                    text.append(" ───" if on_mark else "    ", style="dim")
            text.append("\n")
        text.append("  0└" + "────" * len(scores) + "\n", style="dim")
        text.append("    ")
        for score, ok in zip(scores, passed, strict=True):
            text.append(f"{score:>4}", style="green" if ok else "red")
        return text
