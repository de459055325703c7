"""What the screens ask the app for. A screen posts one of these and the app
navigates, so no screen imports another or reaches into the app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from trainer.scorecard import Scorecard
    from trainer.session.session import Session
    from trainer.transcript import Transcript

__all__ = ["Back", "OpenSession", "ShowDrills", "ShowProgress", "ShowScorecard", "WarmModel"]


class OpenSession(Message):
    """Show this session. `replace` swaps it for the screen that asked (a
    retry from the scorecard); `from_home` first goes back to Home, so leaving
    the session lands there."""

    def __init__(
        self,
        session: Session,
        *,
        draft: str = "",
        replace: bool = False,
        from_home: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.draft = draft
        self.replace = replace
        self.from_home = from_home


class ShowScorecard(Message):
    """Replace the finished session with its scorecard."""

    def __init__(self, session: Session, transcript: Transcript, card: Scorecard) -> None:
        super().__init__()
        self.session = session
        self.transcript = transcript
        self.card = card


class ShowProgress(Message):
    """Open the Progress screen over the current one."""


class ShowDrills(Message):
    """Open the Drills screen over the current one."""


class Back(Message):
    """Leave the current screen for the one under it."""


class WarmModel(Message):
    """Load the model client in the background while the trainee reads."""

    def __init__(self, model: str) -> None:
        super().__init__()
        self.model = model
