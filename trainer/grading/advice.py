"""What to say instead of a pressure move, when the scenario has no model answer.

Short, concrete and in the LAER spirit (listen, acknowledge, explore, respond);
the scorecard shows it next to the pressure turn.
"""

from __future__ import annotations

from trainer.vocabulary import Tactic

INSTEAD: dict[Tactic, str] = {
    Tactic.FALSE_URGENCY: (
        "Drop the deadline. Ask what timing would work for them: "
        '"What would need to be true for this to make sense this quarter?"'
    ),
    Tactic.ASSUMPTIVE_CLOSE: (
        "Don't close over an open concern. Check it first: "
        '"Before we talk next steps, does that answer your concern about it?"'
    ),
    Tactic.DISMISS_OBJECTION: (
        "Take the concern seriously and explore it: "
        "\"That's fair. Can you tell me more about what's behind it?\""
    ),
    Tactic.PREMATURE_DISCOUNT: (
        "Understand the concern before touching price: "
        '"Is it the total, the timing of the spend, or whether it will pay back?"'
    ),
    Tactic.GUILT_SHAME: (
        "Leave guilt out; it costs trust. Acknowledge their position and ask what matters most to them."
    ),
    Tactic.FEAR_FUD: (
        "Replace fear with verifiable facts: offer a reference or data they can check themselves."
    ),
    Tactic.OVERPROMISE: (
        "Promise only what you can show: \"I can't guarantee results, but I can show you "
        'usage data from a customer like you, or we can pilot it."'
    ),
    Tactic.PUSH_AFTER_NO: (
        'Accept the no and keep the door open: "Understood. Would it be useful if I checked '
        'back after your planning cycle?"'
    ),
    Tactic.MONOLOGUE: ("Stop pitching and ask one question about what they just said."),
    Tactic.BYPASS_AUTHORITY: (
        'Work with the decision maker, not around them: "What would help you make the case '
        'internally? Would it help if I joined that conversation?"'
    ),
}
