"""The one narrow interface between the session and whoever voices the buyer.

An actor receives the director's decision (the move, and the beats to say)
and streams the buyer's words. It never decides anything.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from trainer.content.models import Persona, Scenario
from trainer.session.director import Decision
from trainer.session.transcript import Turn

__all__ = ["Actor", "ActorError", "SpeakRequest"]


@dataclass(frozen=True)
class SpeakRequest:
    decision: Decision
    scenario: Scenario
    persona: Persona
    history: Sequence[Turn]  # everything said so far, the trainee's last line included
    trainee: str
    seed: int
    turn_index: int  # where the buyer's line will stand in the transcript


class ActorError(Exception):
    """The actor could not produce the buyer's line. The session keeps every
    completed turn and can retry, or switch to the offline voice."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


class Actor(Protocol):
    @property
    def name(self) -> str:
        """The model string: `offline`, or the litellm model."""

    def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        """Stream the buyer's line in chunks."""
