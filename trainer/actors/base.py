"""The one narrow interface between the session and whoever voices the buyer.

An actor receives the director's decision (the move, and the beats to say)
and streams the buyer's words. It never decides anything. The decision types
live here, next to the request that carries them, so the director (above)
and every voice (here) share them without importing each other.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from trainer.content.models import Persona, Scenario
from trainer.transcript import Turn
from trainer.vocabulary import Move, Outcome

__all__ = ["Actor", "ActorError", "Beat", "Decision", "SpeakRequest"]


BeatKind = Literal["persona", "surface", "restate", "reveal", "resolved", "opening"]


@dataclass(frozen=True)
class Beat:
    """One piece of what the buyer says: a persona line for a move, or a line
    about one objection. An actor words each beat in order."""

    kind: BeatKind
    move: Move | None = None
    objection: str | None = None


@dataclass(frozen=True)
class Decision:
    move: Move
    beats: tuple[Beat, ...]
    reason: str
    objection: str | None = None
    ends: Outcome | None = None


@dataclass(frozen=True)
class SpeakRequest:
    decision: Decision
    scenario: Scenario
    persona: Persona
    history: Sequence[Turn]  # everything said so far, the trainee's last line included
    trainee: str | None  # None: the buyer addresses nobody by name
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
