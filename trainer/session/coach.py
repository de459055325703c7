"""The coach behind `/hint`: the next step, read from the buyer's state and
each objection's stage, never from a model. Where the scenario gives an
example line for that step, the coach offers it."""

from __future__ import annotations

from trainer.content.models import Scenario
from trainer.session.director import BuyerState

LISTEN = "Listen: let the buyer finish, then play back what you heard in their words."
NEXT_STEP = 'Every concern is answered: ask, don\'t assume: "Would it make sense to ...?"'


def hint(state: BuyerState | None, scenario: Scenario) -> str:
    if state is None:
        return LISTEN
    if state.outcome is not None:
        return "The conversation has ended: /end shows your scorecard."
    current = state.current
    if current is None:
        return NEXT_STEP
    objection = next(o for o in scenario.objections if o.id == current.id)
    category = objection.category.value.replace("_", " ")
    examples = objection.examples
    if current.stage in ("raised", "explored"):
        advice = (
            f"Explore further: the {category} objection hides something. Ask about what "
            "happened before or what worries them most, in their words."
            if current.explore_hits
            else f"Acknowledge the {category} concern, then explore: ask a question about this "
            "concern (its numbers, its history) before you answer anything."
        )
        return advice + (f' For example: "{examples.explore}"' if examples else "")
    if current.stage == "uncovered":
        return (
            "The real concern is out. Answer it concretely (numbers, scope, a first step, "
            f"proof they can check): {objection.resolves_with}"
        )
    return "Check that your answer lands before moving on" + (
        f': "{examples.confirm}"' if examples else ': "Would that cover it?"'
    )
