"""The Scorecard: the public JSON a grade is made of.

Contract (PRODUCT.md): score, passed, style, rubric, grader, outcome, criteria
with evidence, one entry per trainee turn. Fields beyond it (gates, missed
opportunities, better alternatives, the judge's audit trail) are additions
that readers may ignore.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "Alternative",
    "Check",
    "CriterionScore",
    "Evidence",
    "FindingQuote",
    "GateResult",
    "JudgeAudit",
    "ObjectionFound",
    "ObjectionVerdict",
    "Scorecard",
    "StageResult",
    "TurnGrade",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    turn: int
    quote: str
    tactic: str | None = None
    effect: Literal["+", "-"] | None = None
    stage: str | None = None  # the step of an objection these words took (explored, ...)


class Check(_Model):
    """One yes/no question of a criterion, answered with the words that settle it."""

    check: str
    passed: bool
    objection: str | None = None
    turn: int | None = None
    quote: str | None = None


class CriterionScore(_Model):
    id: str
    title: str
    score: float
    max: int
    level: Literal["strong", "developing", "weak"]
    descriptor: str
    evidence: list[Evidence]
    checks: list[Check] = []


class StageResult(_Model):
    """How far one objection got, and the trainee turn that took it each step."""

    objection: str
    category: str | None = None
    stage: str  # raised, explored, uncovered, answered or confirmed
    checked: bool = True  # confirmed by asking, not only by moving on
    reached: dict[str, int] = {}


class ObjectionFound(_Model):
    """An objection the buyer raised: the buyer turn, its category, the words."""

    turn: int
    category: str
    text: str


class FindingQuote(_Model):
    """Words in a trainee turn that show a tactic: the turn's text[start:end]."""

    tactic: str
    quote: str
    start: int
    end: int


class TurnGrade(_Model):
    turn: int
    label: Literal["consultative", "pressure", "neutral"] | None
    tactics: list[str]
    evidence: str  # the deciding quotes joined, for readers of the first version
    findings: list[FindingQuote] = []  # the same words, each with where it stands
    marks: list[str] = []  # what else the turn did (a proposal, a repeat, ...)
    about: list[str] = []  # the objections it was about
    grader: str = "offline"
    # Set when a judge could not grade this turn: never a made-up label.
    unscored: str | None = None
    offline_label: str | None = None  # the detector's label, when a judge graded
    disagreement: bool = False


class GateResult(_Model):
    id: str
    title: str
    passed: bool
    evidence: list[Evidence]


class Alternative(_Model):
    """A better line for one turn: what would have moved that moment forward."""

    turn: int
    said: str
    instead: str
    source: Literal["example", "model_answer", "coach"]
    why: str | None = None


class ObjectionVerdict(_Model):
    """The LLM judge's reading of one objection: did the buyer reveal the real
    concern, and did the trainee address it, with the exact words for both.
    Shown beside the director's stages; the score's substance stays the
    director's, so a judge can disagree but never set the grade."""

    objection: str
    revealed: bool | None = None
    revealed_turn: int | None = None  # a buyer turn's index in the transcript
    revealed_quote: str = ""
    addressed: bool | None = None
    turn: int | None = None  # the trainee turn that addressed it
    quote: str = ""
    unscored: str | None = None  # why the judge's verdict was not used
    agrees: bool | None = None  # with the director: addressed == answered


class JudgeAudit(_Model):
    model: str
    prompt: list[dict[str, str]]
    raw: str | None
    error: str | None = None


class Scorecard(_Model):
    score: int
    passed: bool
    style: Literal["consultative", "mixed", "pressure"]
    rubric: str
    grader: str
    outcome: Literal["agreed", "next_step", "stalled", "walked_away", "unfinished"]
    pass_mark: int
    criteria: list[CriterionScore]
    turns: list[TurnGrade]
    gates: list[GateResult] = []
    alternatives: list[Alternative] = []
    missed: list[str] = []
    stages: list[StageResult] = []
    objections: list[ObjectionFound] = []
    notes: list[str] = []
    scenario: str | None = None
    transcript: str | None = None  # the transcript's id, or where it came from
    source: str | None = None  # the file it was graded from, with :LINE in a .jsonl
    judge: JudgeAudit | None = None
    verdicts: list[ObjectionVerdict] = []  # the LLM judge's, per objection

    def to_json_line(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude_none=True)
