"""What the reader knows about the moment of a trainee turn."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.reading.topics import Topics
from trainer.vocabulary import Category

__all__ = ["TurnContext"]


@dataclass(frozen=True)
class TurnContext:
    buyer_line: str = ""  # the buyer's line just before this turn
    objection_open: bool = True  # is some objection still unresolved
    category: Category | None = None  # category of the current objection, if known
    topics: Topics | None = None  # the scenario's concerns as terms; None without a scenario
    current: str | None = None  # the objection on the table
    earlier: Sequence[str] = ()  # the trainee's earlier lines, oldest first
    buyer_said: Sequence[str] = ()  # everything the buyer has said so far
