"""The coach behind `/hint`: the next step in LAER terms (listen, acknowledge,
explore, respond), read from the buyer's state, never from a model."""

from __future__ import annotations

from trainer.content.models import Scenario
from trainer.grading.advice import HINTS
from trainer.session.director import BuyerState


def hint(state: BuyerState | None, scenario: Scenario) -> str:
    if state is None:
        return HINTS["listen"]
    if state.outcome is not None:
        return "The conversation has ended: /end shows your scorecard."
    current = state.current
    if current is None:
        return HINTS["next_step"]
    objection = next(o for o in scenario.objections if o.id == current.id)
    category = objection.category.value.replace("_", " ")
    if current.status == "raised":
        if current.explore_hits:
            return (
                f"Explore further: the {category} objection hides something. Ask about what "
                "happened before or what worries them most, in their words."
            )
        return (
            f"Acknowledge the {category} concern, then explore: ask an open question about "
            "what is behind it before you answer anything."
        )
    return f"Respond to the real concern, not the surface one: {objection.resolves_with}"
