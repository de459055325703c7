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

__all__ = ["RESET", "Actor", "ActorError", "Beat", "Decision", "SpeakRequest"]

# A chunk an actor yields to withdraw everything it streamed so far for this
# turn (a model's reply that broke the director's move); the words after it
# are the line. A control character, so it can never be part of real text.
RESET = "\x00"


BeatKind = Literal[
    "opening",  # the buyer's first words
    "persona",  # a line of the persona's for a move
    "surface",  # an objection's surface line, the first time
    "restate",  # the surface objection again, in other words
    "reveal",  # the real reason behind the objection
    "resolved",  # the answer lands: the buyer says so
    "fact",  # an answer from the buyer's facts to what the trainee asked
    "hint",  # a clue toward the real reason
    "take_up",  # the buyer repeats what the trainee offered
    "consider",  # the buyer weighs a concrete answer
    "ask",  # the buyer asks what a vague answer is missing
    "refer",  # back to the real reason, once it is out
    "premature",  # an answer before the concern is known
    "nothing_offered",  # a check or a close with nothing on the table
    "await_confirm",  # an answer is on the table; is that the offer?
    "next_prompt",  # every concern answered: what next?
    "repeat_notice",  # the trainee said that already
    "pasted_notice",  # a paragraph of every good phrase
    "keywords_notice",  # a list of keywords
    "small_talk",  # back to business
    "generic",  # a line that would fit any buyer
]


@dataclass(frozen=True)
class Beat:
    """One piece of what the buyer says: a persona line for a move, or a line
    about one objection. An actor words each beat in order."""

    kind: BeatKind
    move: Move | None = None
    objection: str | None = None
    offered: tuple[str, ...] = ()  # what the trainee put on the table, to take it up


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
