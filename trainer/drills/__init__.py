"""Drills that come back: each trainee's objections as spaced-repetition cards
rated from their graded sessions, and a short session on the weakest one."""

from trainer.drills.cards import DrillCard
from trainer.drills.history import DrillKey, Review
from trainer.drills.plan import DrillItem, DrillPlan, plan_drills, plan_for
from trainer.drills.session import drill_scenario, session_for

__all__ = [
    "DrillCard",
    "DrillItem",
    "DrillKey",
    "DrillPlan",
    "Review",
    "drill_scenario",
    "plan_drills",
    "plan_for",
    "session_for",
]
