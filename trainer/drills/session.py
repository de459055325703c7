"""A drill: a short session on one objection, the buyer raising it at once.

The scenario is the one the objection comes from with only that objection
in it and a short turn limit, so the director, the voice and the grader run
as in any session, and the grade is that one objection's stages.
"""

from __future__ import annotations

from trainer.actors import make_actor
from trainer.content.library import Library
from trainer.content.models import Scenario
from trainer.drills.plan import DrillItem
from trainer.errors import BadInput
from trainer.practice.factory import check_scenario
from trainer.session.commands import Mode
from trainer.session.session import Session
from trainer.store.base import Store

__all__ = ["DRILL_TURNS", "drill_scenario", "session_for"]

# A drill is three to six exchanges: the limit is the trainee's sixth line.
DRILL_TURNS = 6


def drill_scenario(scenario: Scenario, objection: str) -> Scenario:
    """The scenario cut down to one objection, raised in the buyer's first line."""
    chosen = [o for o in scenario.objections if o.id == objection]
    if not chosen:
        raise BadInput(
            f"scenario {scenario.id}: no objection {objection!r} any more; "
            f"it has {', '.join(o.id for o in scenario.objections)}"
        )
    first = scenario.objections[0].id == objection
    return scenario.model_copy(
        update={
            "objections": chosen,
            "turn_limit": min(DRILL_TURNS, scenario.turn_limit),
            # The scenario's own opening leads into its first objection; for any
            # other, the persona's opening lines lead into this one.
            "opening": scenario.opening if first else [],
        }
    )


def session_for(
    item: DrillItem,
    library: Library,
    *,
    store: Store | None,
    model: str = "offline",
    api_base: str | None = None,
    seed: int | None = None,
) -> Session:
    """The drill session for a due item: what `trainer drill --start` runs and
    the app's Drills entry opens. It is free practice, never an attempt at an
    assignment. End it with practice.factory.finish_and_grade as any session,
    then drills.state.record_drill(session.id, plan_for(store, library, trainee))."""
    try:
        scenario = library.scenario(item.scenario)
    except LookupError as exc:
        raise BadInput(str(exc.args[0])) from None
    check_scenario(library, scenario.id)
    persona = library.persona(scenario.persona)
    session = Session(
        scenario=drill_scenario(scenario, item.objection),
        persona=persona,
        actor=make_actor(model, api_base),
        store=store,
        trainee=item.trainee,
        mode=Mode.PRACTICE,
        rubric=scenario.rubric,
        content_hashes={
            "scenario": library.content_hash("scenarios", scenario.id),
            "persona": library.content_hash("personas", persona.id),
            "rubric": library.content_hash("rubrics", scenario.rubric),
        },
    )
    if seed is not None:
        session.seed = seed
    return session
