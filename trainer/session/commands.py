"""The commands a trainee can type in a session, and what each mode allows.

One table for the headless `trainer chat` and the app's session screen, so
both offer the same commands with the same rules: an exam gives no hints and
no way back (undo, rewind, restart), so every trainee meets the same buyer and
keeps what they said.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["COMMANDS", "Command", "Mode", "command_help", "find_command"]


class Mode(StrEnum):
    PRACTICE = "practice"
    EXAM = "exam"

    @property
    def coached(self) -> bool:
        """Hints and live feedback on each line."""
        return self is Mode.PRACTICE

    @property
    def can_go_back(self) -> bool:
        """Undo, rewind and restart."""
        return self is Mode.PRACTICE

    @classmethod
    def of(cls, value: str | None) -> Mode:
        """A stored mode; anything unknown is practice (the mode with fewer rules)."""
        return cls(value) if value is not None and value in cls._value2member_map_ else cls.PRACTICE


@dataclass(frozen=True)
class Command:
    name: str  # as typed, with its slash
    action: str  # what it does, for the screen's action table and `trainer chat`
    help: str
    exam: bool = True  # offered in an exam

    def allowed(self, mode: Mode) -> bool:
        return self.exam or mode is Mode.PRACTICE


COMMANDS: tuple[Command, ...] = (
    Command("/hint", "hint", "the coach's next step", exam=False),
    Command("/undo", "undo", "take back your last line", exam=False),
    Command("/restart", "restart", "start over from the buyer's opening", exam=False),
    Command("/end", "end", "end the session and show the scorecard"),
    Command("/retry", "retry", "ask the buyer again after a model error"),
    Command("/offline", "offline", "switch to the offline buyer"),
    Command("/help", "help", "list the commands"),
)
_BY_NAME = {c.name: c for c in COMMANDS}


def find_command(text: str) -> Command | None:
    """The command a line starting with '/' names, or None if it names none."""
    word = text.strip().split()[0].lower() if text.strip() else ""
    return _BY_NAME.get(word)


def command_help(mode: Mode, *, only: tuple[str, ...] | None = None) -> str:
    """The commands this mode offers, as one line ("/hint  /undo  ...")."""
    return "  ".join(
        c.name for c in COMMANDS if c.allowed(mode) and (only is None or c.name in only)
    )
