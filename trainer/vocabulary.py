"""The shared words of the domain: tactics, objection categories, labels, moves.

The director, the grader, the rubrics and the content files all speak this
vocabulary, so a tactic named in a rubric is the same thing the detector finds
and the director reacts to.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Category(StrEnum):
    """What kind of objection a buyer raises."""

    PRICE = "price"
    TIMING = "timing"
    AUTHORITY = "authority"
    NEED = "need"
    TRUST = "trust"
    COMPETITOR = "competitor"
    STATUS_QUO = "status_quo"
    STALL = "stall"


class Tactic(StrEnum):
    """A move a trainee makes in one turn, consultative or pressure."""

    # Consultative
    ACKNOWLEDGE = "acknowledge"
    EMPATHIZE = "empathize"
    OPEN_QUESTION = "open_question"
    CLARIFY_ROOT_CAUSE = "clarify_root_cause"
    SUMMARIZE_CHECK = "summarize_check"
    VALUE_REFRAME = "value_reframe"
    HONEST_PROOF = "honest_proof"
    OFFER_OPTIONS = "offer_options"
    PERMISSION_NEXT_STEP = "permission_next_step"
    WALK_AWAY_OK = "walk_away_ok"
    # Pressure
    FALSE_URGENCY = "false_urgency"
    ASSUMPTIVE_CLOSE = "assumptive_close"
    DISMISS_OBJECTION = "dismiss_objection"
    PREMATURE_DISCOUNT = "premature_discount"
    GUILT_SHAME = "guilt_shame"
    FEAR_FUD = "fear_fud"
    OVERPROMISE = "overpromise"
    PUSH_AFTER_NO = "push_after_no"
    MONOLOGUE = "monologue"
    BYPASS_AUTHORITY = "bypass_authority"

    @property
    def is_pressure(self) -> bool:
        return self in PRESSURE_TACTICS


CONSULTATIVE_TACTICS: frozenset[Tactic] = frozenset(
    {
        Tactic.ACKNOWLEDGE,
        Tactic.EMPATHIZE,
        Tactic.OPEN_QUESTION,
        Tactic.CLARIFY_ROOT_CAUSE,
        Tactic.SUMMARIZE_CHECK,
        Tactic.VALUE_REFRAME,
        Tactic.HONEST_PROOF,
        Tactic.OFFER_OPTIONS,
        Tactic.PERMISSION_NEXT_STEP,
        Tactic.WALK_AWAY_OK,
    }
)
PRESSURE_TACTICS: frozenset[Tactic] = frozenset(set(Tactic) - CONSULTATIVE_TACTICS)

# What a tactic means where its name alone is not enough: shown to the LLM
# judge and in help, so every reader of a tactic reads the same definition.
TACTIC_GLOSS: dict[Tactic, str] = {
    Tactic.SUMMARIZE_CHECK: "playing back what was heard",
    Tactic.VALUE_REFRAME: "cost against the buyer's own numbers",
    Tactic.HONEST_PROOF: "references, pilots, data they can verify",
    Tactic.OFFER_OPTIONS: "smaller scope, phasing",
    Tactic.PERMISSION_NEXT_STEP: "asks, does not assume",
    Tactic.WALK_AWAY_OK: "says it may not be a fit",
    Tactic.FALSE_URGENCY: 'deadlines, scarcity, "only today"',
    Tactic.ASSUMPTIVE_CLOSE: "acts as if the buyer agreed while a concern is open",
    Tactic.DISMISS_OBJECTION: "brushes off, contradicts, ignores",
    Tactic.PREMATURE_DISCOUNT: "cuts price before understanding the concern",
    Tactic.FEAR_FUD: "fear about competitors, ruin",
    Tactic.OVERPROMISE: 'guarantees, "zero risk", misrepresentation',
    Tactic.MONOLOGUE: "long pitch that answers nothing asked",
    Tactic.BYPASS_AUTHORITY: "go around or over the decision maker",
}

# Tactics that explore the buyer's concern rather than answer it: these are what
# bring a hidden root cause to light.
EXPLORING_TACTICS: frozenset[Tactic] = frozenset(
    {Tactic.OPEN_QUESTION, Tactic.CLARIFY_ROOT_CAUSE, Tactic.SUMMARIZE_CHECK}
)


class Label(StrEnum):
    """The overall reading of one trainee turn."""

    CONSULTATIVE = "consultative"
    PRESSURE = "pressure"
    NEUTRAL = "neutral"


def label_of(tactics: Iterable[Tactic]) -> Label:
    """The product's stance in one line: any pressure tactic makes a turn
    pressure, whatever surrounds it; otherwise any consultative tactic makes it
    consultative; otherwise it is neutral."""
    found = tuple(tactics)
    if any(t.is_pressure for t in found):
        return Label.PRESSURE
    return Label.CONSULTATIVE if found else Label.NEUTRAL


class Difficulty(StrEnum):
    EASY = "easy"
    NORMAL = "normal"
    HARD = "hard"


class Outcome(StrEnum):
    """How a conversation ended, best first."""

    AGREED = "agreed"
    NEXT_STEP = "next_step"
    STALLED = "stalled"
    WALKED_AWAY = "walked_away"
    UNFINISHED = "unfinished"


class Stage(StrEnum):
    """Where in the sale the conversation happens."""

    DISCOVERY = "discovery"
    DEMO = "demo"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSING = "closing"
    RENEWAL = "renewal"


class Move(StrEnum):
    """What the buyer does next; the director decides, an actor words it."""

    OPEN = "open"
    RAISE_OBJECTION = "raise_objection"
    PUSH_BACK = "push_back"
    REVEAL_ROOT_CAUSE = "reveal_root_cause"
    SOFTEN = "soften"
    HARDEN = "harden"
    AGREE_NEXT_STEP = "agree_next_step"
    AGREE = "agree"
    WALK_AWAY = "walk_away"


# The moves that end a conversation, and the outcome each one means.
ENDING_MOVES: dict[Move, Outcome] = {
    Move.AGREE: Outcome.AGREED,
    Move.AGREE_NEXT_STEP: Outcome.NEXT_STEP,
    Move.WALK_AWAY: Outcome.WALKED_AWAY,
}
