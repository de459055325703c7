"""Each (trainee, objection) as a card in the FSRS spaced-repetition scheduler.

Every review rates the card from how the objection was handled: pushing on
it, or never asking about it, is a lapse (Again); bringing out the real
concern or answering it without checking is Hard; buttoning it up is Good,
and Easy when the whole attempt passed as well. A lapse brings the card back
the next day; a card handled well comes back later each time. The weakest
card (the one least likely to be handled well now) comes first.

The card state is the history replayed, in order, through the same
scheduler: deterministic (no fuzzing), so the same history always gives the
same due dates, on any machine that sees the same sessions.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler

from trainer.drills.history import DrillKey, Review

__all__ = ["DrillCard", "SCHEDULER", "rate", "reason", "schedule"]

# Practice happens in days, not the minutes of flashcard learning steps.
SCHEDULER = Scheduler(
    learning_steps=(timedelta(days=1),),
    relearning_steps=(timedelta(days=1),),
    enable_fuzzing=False,
)
# How many recent attempts a reason speaks of.
RECENT = 3


def rate(review: Review) -> Rating:
    if review.pushed or review.stage in ("raised", "explored"):
        return Rating.Again
    if not review.buttoned_up:
        return Rating.Hard
    return Rating.Easy if review.passed else Rating.Good


def _card_id(key: DrillKey) -> int:
    digest = hashlib.sha256(key.name.encode("utf-8")).digest()
    return int.from_bytes(digest[:6], "big")


@dataclass(frozen=True)
class DrillCard:
    key: DrillKey
    category: str | None
    card: Card
    reviews: tuple[Review, ...]

    @property
    def due(self) -> datetime:
        return self.card.due

    def retrievability(self, now: datetime) -> float:
        return float(SCHEDULER.get_card_retrievability(self.card, now))

    def reason(self) -> str:
        return reason(self.category, self.reviews)


def schedule(key: DrillKey, reviews: list[Review]) -> DrillCard:
    """The card after every review of it, in order."""
    card = Card(card_id=_card_id(key), due=reviews[0].at)
    for review in reviews:
        card, _ = SCHEDULER.review_card(card, rate(review), review.at)
    category = next((r.category for r in reversed(reviews) if r.category), None)
    return DrillCard(key, category, card, tuple(reviews))


def _objection(category: str | None) -> str:
    return category.replace("_", " ") if category else "this objection"


def _of_last(count: int, total: int) -> str:
    if total == 1:
        return "in your last session"
    if count == total:
        return f"in each of your last {total}"
    return f"in {count} of your last {total}"


def reason(category: str | None, reviews: tuple[Review, ...] | list[Review]) -> str:
    """Why a card is due, in the trainee's words: what went wrong most recently."""
    recent = list(reviews)[-RECENT:]
    total = len(recent)
    name = _objection(category)
    problems = [
        ([r for r in recent if r.pushed], f"you pushed on {name}"),
        (
            [r for r in recent if r.stage == "raised"],
            f"you didn't ask about the {name} objection",
        ),
        (
            [r for r in recent if r.stage == "explored"],
            f"the real reason behind {name} stayed hidden",
        ),
        (
            [r for r in recent if r.stage == "uncovered"],
            f"you found the real reason behind {name} but didn't answer it",
        ),
        (
            [r for r in recent if r.stage in ("answered", "confirmed") and not r.buttoned_up],
            f"you answered {name} but didn't check the answer landed",
        ),
    ]
    for found, words in problems:
        if found:
            return f"{words} {_of_last(len(found), total)}"
    return f"you buttoned up {name} {_of_last(total, total)}: time to keep it fresh"
