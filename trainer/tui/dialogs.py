"""Small dialogs over a screen: the first-run question about the trainee's
name, and a yes/no before something that cannot be taken back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from trainer.tui.widgets import plain

__all__ = ["Confirm", "NameScreen"]


class NameScreen(ModalScreen[str | None]):
    """The first visit: who is practising. The buyer greets them by it; the
    login name never stands in for a person's name."""

    BINDINGS = [Binding("escape", "skip", "Not now")]

    def compose(self) -> ComposeResult:
        with Vertical(id="name-dialog"):
            yield Static(
                Text.assemble(
                    ("Welcome. What is your name?\n", "bold"),
                    ("The buyer addresses you by it, and your progress is kept under it. ", ""),
                    ("Enter saves it; Esc: not now (the buyer uses no name).", "dim"),
                ),
                markup=False,
            )
            yield Input(placeholder="your first name", id="trainee-name", max_length=80)

    @on(Input.Submitted, "#trainee-name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = plain(event.value).strip()
        if not name:
            self.notify("Type a name, or Esc to go on without one.", markup=False)
            return
        self.dismiss(name)

    def action_skip(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    """A yes/no question before something that cannot be taken back."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(
        self, question: str, detail: str, *, yes: str = "Yes", no: str = "Keep it"
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            text = Text(plain(self.question) + "\n", style="bold")
            text.append(plain(self.detail), style="dim")
            yield Static(text, markup=False)
            with Horizontal(classes="dialog-actions"):
                yield Button(f"{self.yes} (y)", id="yes", variant="warning", compact=True)
                yield Button(f"{self.no} (n)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer is the default

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
