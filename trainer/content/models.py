"""The content model: what a persona, a scenario and a rubric file may say.

Every model forbids unknown fields, so a typo in a YAML key is an error with a
line number rather than a silently ignored setting.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from trainer.vocabulary import Category, Difficulty, Move, Outcome, Stage, Tactic

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_control_characters(value: str) -> str:
    # Content ends up on a trainee's terminal: an escape sequence in a YAML
    # file must never be able to move the cursor or recolour the screen.
    match = _CONTROL.search(value)
    if match:
        raise ValueError(f"control character {match.group()!r} is not allowed in text")
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", max_length=80)]
Line = Annotated[
    str,
    StringConstraints(min_length=1, max_length=2000, strip_whitespace=True),
    AfterValidator(_no_control_characters),
]
Lines = Annotated[list[Line], Field(min_length=1, max_length=50)]
Phrase = Annotated[str, StringConstraints(min_length=2, max_length=80, strip_whitespace=True)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- Persona ---------------------------------------------------------------

# Moves the offline voice must be able to word for any persona. Objection
# surface lines and root-cause reveals come from the scenario instead.
PERSONA_MOVES: tuple[Move, ...] = (
    Move.OPEN,
    Move.PUSH_BACK,
    Move.SOFTEN,
    Move.HARDEN,
    Move.AGREE_NEXT_STEP,
    Move.AGREE,
    Move.WALK_AWAY,
)


class Fact(Strict):
    """Something the buyer knows and says when asked: "How many dispatchers do
    you have?" is answered from the fact about the team."""

    about: Annotated[list[Phrase], Field(min_length=1)]  # words a question about it uses
    says: Line  # the buyer's answer, in their own voice


class Persona(Strict):
    """A buyer: who they are and how they talk."""

    id: Slug = ""  # set from the file stem by the loader
    name: Line
    role: Line
    company: Line
    industry: Slug
    temperament: Line
    knows: list[Line] = []
    does_not_know: list[Line] = []
    speech_style: Line
    # Authored lines per move for the offline voice; each entry is a Jinja2
    # template, one variant chosen per turn by the seeded generator.
    lines: dict[Move, Lines]
    facts: list[Fact] = []

    @field_validator("lines")
    @classmethod
    def _every_move_has_lines(cls, value: dict[Move, list[str]]) -> dict[Move, list[str]]:
        missing = [m.value for m in PERSONA_MOVES if m not in value]
        if missing:
            raise ValueError(f"missing lines for move(s): {', '.join(missing)}")
        extra = [m.value for m in value if m not in PERSONA_MOVES]
        if extra:
            raise ValueError(
                f"lines for {', '.join(extra)} belong to each objection in the scenario, not the persona"
            )
        return value


# --- Scenario --------------------------------------------------------------


class Trigger(Strict):
    """What a trainee turn must contain to count: one of the tactics, and, if
    any keywords are listed, one of those words or phrases too."""

    tactics: Annotated[list[Tactic], Field(min_length=1)]
    keywords: list[Phrase] = []


class Examples(Strict):
    """A good trainee line for each step of one objection: the coach's hint and
    the scorecard's "a better line" for a turn at that step."""

    explore: Line  # a question about this concern that reaches the real one
    answer: Line  # a proposal that answers the real concern
    confirm: Line  # a check that the answer lands


class Objection(Strict):
    id: Slug
    category: Category
    surface: Line  # what the buyer says first
    variants: list[Line] = []  # other ways to say the same thing
    root_cause: Line  # the real concern behind it, hidden until uncovered
    # What a turn about the real concern sounds like. The keywords are
    # examples, not a password list: a turn is matched by meaning and word form.
    uncover: Trigger
    reveal: Lines  # the buyer voicing the root cause once uncovered
    resolve: Trigger  # what answers the real concern (examples, as for uncover)
    resolves_with: Line  # in words, for the brief and the coach
    resolved: Lines  # the buyer accepting the answer
    model_answer: Line | None = None
    must_resolve: bool = True
    in_short: Line | None = None  # how the buyer refers back to the real concern once it is out
    hints: list[Line] = []  # what the buyer lets slip when asked well, before telling all
    asks: list[Line] = []  # what the buyer asks of an answer that is still vague
    examples: Examples | None = None


class Offer(Strict):
    product: Line
    price: Line
    context: Line
    stage: Stage


class Scenario(Strict):
    id: Slug = ""  # set from the file stem by the loader
    title: Line
    persona: Slug
    industry: Slug
    difficulty: Difficulty
    situation: Line  # the brief the trainee reads before starting
    offer: Offer
    objections: Annotated[list[Objection], Field(min_length=1, max_length=8)]
    best_outcome: Outcome = Outcome.AGREED
    turn_limit: Annotated[int, Field(ge=2, le=60)] = 12
    rubric: Slug = "consultative-vs-pressure"
    opening: list[Line] = []  # overrides the persona's opening lines
    facts: list[Fact] = []  # what the buyer knows about this situation, said when asked

    @field_validator("best_outcome")
    @classmethod
    def _reachable_best(cls, value: Outcome) -> Outcome:
        if value not in (Outcome.AGREED, Outcome.NEXT_STEP):
            raise ValueError("best_outcome must be 'agreed' or 'next_step'")
        return value

    @model_validator(mode="after")
    def _unique_objection_ids(self) -> Scenario:
        seen: set[str] = set()
        for objection in self.objections:
            if objection.id in seen:
                raise ValueError(f"duplicate objection id {objection.id!r}")
            seen.add(objection.id)
        return self

    @property
    def categories(self) -> list[Category]:
        return list(dict.fromkeys(o.category for o in self.objections))


# --- Rubric ----------------------------------------------------------------


class Levels(Strict):
    """What each level of a criterion looks like, in words a trainee can use."""

    strong: Line
    developing: Line
    weak: Line


# What a criterion measures besides tactics: how far each objection got (every
# raised objection explored, its real concern uncovered, answered, the answer
# checked), whether the buyer agreed to a next step the trainee asked for, or
# how many turns took up what the buyer had just said.
Measure = Literal["explored", "uncovered", "answered", "confirmed", "next_step", "responds"]


class Criterion(Strict):
    id: Slug
    title: Line
    weight: Annotated[int, Field(ge=1, le=100)]
    measures: Measure | None = None
    # The yes/no question a trainee reads for each objection, e.g. "Did you ask
    # about {objection} itself before answering it?"; {objection} names it.
    check: Line | None = None
    # Turns that must show a rewarded tactic for full marks on this criterion
    # (with `measures`, tactics adjust the score within what was measured).
    target: Annotated[int, Field(ge=1, le=20)] = 2
    rewards: list[Tactic] = []
    penalises: list[Tactic] = []
    levels: Levels

    @model_validator(mode="after")
    def _has_tactics(self) -> Criterion:
        if not self.rewards and not self.penalises and self.measures is None:
            raise ValueError(
                "a criterion needs something to score: measures, or tactics under rewards "
                "or penalises"
            )
        both = set(self.rewards) & set(self.penalises)
        if both:
            raise ValueError(f"tactic(s) both rewarded and penalised: {sorted(both)}")
        return self


class Gate(Strict):
    """A line a trainee must never cross: any of these tactics fails the attempt."""

    id: Slug
    title: Line
    fails_on: Annotated[list[Tactic], Field(min_length=1)]


class Rubric(Strict):
    id: Slug = ""  # set from the file stem by the loader
    title: Line
    description: Line
    pass_mark: Annotated[int, Field(ge=0, le=100)] = 70
    criteria: Annotated[list[Criterion], Field(min_length=1, max_length=20)]
    gates: list[Gate] = []

    @model_validator(mode="after")
    def _weights_sum_to_100(self) -> Rubric:
        total = sum(c.weight for c in self.criteria)
        if total != 100:
            raise ValueError(f"criterion weights must sum to 100, not {total}")
        ids = [c.id for c in self.criteria]
        if len(ids) != len(set(ids)):
            raise ValueError("criterion ids must be unique")
        return self
