"""The optional LLM judge: a model labels each trainee turn in a separate
"grader" role; the rubric arithmetic stays here, in plain Python.

The trainee's words reach the judge as JSON data in their own message, so
"grader: give 100" inside a turn is only a quote. A reply that cannot be
parsed leaves the turn unscored by the judge, with the reason, and the
offline detector's reading is shown for it, marked as such: never a default,
never a zero. The prompt and the raw reply are kept for audit.
"""

from __future__ import annotations

import asyncio
import json
import re
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from trainer.content.models import Rubric, Scenario
from trainer.content.templates import render
from trainer.grading.facts import gather
from trainer.grading.scoring import grade
from trainer.llm import ModelError, ModelOptions, complete
from trainer.reading.tactics import Classification, Finding
from trainer.scorecard import FindingQuote, JudgeAudit, ObjectionVerdict, Scorecard, TurnGrade
from trainer.transcript import Transcript
from trainer.vocabulary import PRESSURE_TACTICS, TACTIC_GLOSS, Label, Tactic

# In the vocabulary's order, so the prompt lists them as the design does.
CONSULTATIVE = [t for t in Tactic if not t.is_pressure]
PRESSURE = [t for t in Tactic if t.is_pressure]

__all__ = ["Judge", "JudgeReply", "parse_reply"]


class JudgeTurn(BaseModel):
    model_config = ConfigDict(extra="ignore")
    turn: int
    label: Label
    tactics: list[Tactic] = []
    evidence: str = ""


class JudgeObjection(BaseModel):
    model_config = ConfigDict(extra="ignore")
    objection: str
    revealed: bool = False
    revealed_turn: int | None = None
    revealed_quote: str = ""
    addressed: bool = False
    turn: int | None = None
    quote: str = ""


class JudgeReply(BaseModel):
    model_config = ConfigDict(extra="ignore")
    turns: list[JudgeTurn]
    objections: list[JudgeObjection] = []


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.IGNORECASE)


def parse_reply(raw: str) -> JudgeReply:
    """Parse a judge's reply; raises ValueError with a short reason."""
    text = _FENCE.sub("", raw.strip())
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end < start:
        raise ValueError("the reply holds no JSON object")
    try:
        data = json.loads(text[start : end + 1])
    except json.JSONDecodeError as exc:
        raise ValueError(f"the reply is not valid JSON ({exc.msg})") from None
    try:
        return JudgeReply.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(
            f"the reply does not match the expected shape ({where}: {first['msg']})"
        ) from None


class Judge:
    def __init__(
        self,
        model: str,
        *,
        api_base: str | None = None,
        timeout: float = 120.0,
        retries: int = 3,
        backoff: float = 1.0,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.model = model
        # Temperature 0: the same transcript should get the same labels.
        self.options = ModelOptions(
            model,
            api_base=api_base,
            timeout=timeout,
            temperature=0,
            retries=retries,
            backoff=backoff,
            extra=dict(extra or {}),
        )

    def messages(
        self, transcript: Transcript, rubric: Rubric, scenario: Scenario | None = None
    ) -> list[dict[str, str]]:
        template = resources.files("trainer.grading").joinpath("prompts/judge.j2").read_text()
        objections = [
            {
                "id": o.id,
                "category": o.category.value,
                "surface": o.surface,
                "root_cause": o.root_cause,
                "resolves_with": o.resolves_with,
            }
            for o in (scenario.objections if scenario is not None else [])
        ]
        system = render(
            template,
            {
                "rubric": rubric.model_dump(mode="json"),
                "objections": objections,
                "consultative": [(t.value, TACTIC_GLOSS.get(t, "")) for t in CONSULTATIVE],
                "pressure": [(t.value, TACTIC_GLOSS.get(t, "")) for t in PRESSURE],
            },
        )
        data = {
            "grade_turns": [i for i, t in enumerate(transcript.turns) if t.role == "trainee"],
            "turns": [
                {"turn": i, "role": t.role, "text": t.text} for i, t in enumerate(transcript.turns)
            ],
        }
        return [
            {"role": "system", "content": system},
            {"role": "user", "content": json.dumps(data, ensure_ascii=False)},
        ]

    def grade(
        self,
        transcript: Transcript,
        rubric: Rubric,
        scenario: Scenario | None = None,
        source: str | None = None,
    ) -> Scorecard:
        messages = self.messages(transcript, rubric, scenario)
        raw: str | None = None
        error: str | None = None
        reply: JudgeReply | None = None
        try:
            raw = asyncio.run(complete(self.options, messages))
            reply = parse_reply(raw)
        except ValueError as exc:
            error = str(exc)
        except ModelError as exc:
            error = f"the judge call failed: {exc}"
        except Exception as exc:  # the judge failing must never cost the grade
            error = f"the judge call failed ({type(exc).__name__})"
        return combine(
            transcript, rubric, scenario, reply, error, source, self.model, messages, raw
        )


def _judge_classification(text: str, entry: JudgeTurn) -> tuple[Classification | None, str | None]:
    tactics = list(dict.fromkeys(entry.tactics))
    has_pressure = any(t in PRESSURE_TACTICS for t in tactics)
    if entry.label is Label.PRESSURE and not has_pressure:
        return None, "the judge labelled it pressure but named no pressure tactic"
    if entry.label is not Label.PRESSURE and has_pressure:
        return None, "the judge named a pressure tactic but did not label it pressure"
    quote = entry.evidence.strip()
    start = text.lower().find(quote.lower()) if quote else -1
    if quote and start < 0:
        return None, "the judge's quote is not in the turn"
    end = start + len(quote)
    findings = tuple(
        Finding(t, text[start:end] if start >= 0 else "", max(start, 0), max(end, 0))
        for t in tactics
    )
    return Classification(entry.label, findings), None


def combine(
    transcript: Transcript,
    rubric: Rubric,
    scenario: Scenario | None,
    reply: JudgeReply | None,
    error: str | None,
    source: str | None,
    model: str,
    messages: list[dict[str, str]],
    raw: str | None,
) -> Scorecard:
    offline = [(t.index, t.reading.tactics) for t in gather(transcript, scenario).turns]
    by_turn: dict[int, JudgeTurn] = {}
    if reply is not None:
        for entry in reply.turns:
            by_turn.setdefault(entry.turn, entry)
    readings: list[tuple[int, Classification]] = []
    grades: list[TurnGrade] = []
    for index, detected in offline:
        reason = error
        judged: Classification | None = None
        if reply is not None:
            found = by_turn.get(index)
            if found is None:
                reason = "the judge gave no grade for this turn"
            else:
                judged, reason = _judge_classification(transcript.turns[index].text, found)
        used = judged or detected
        readings.append((index, used))
        grades.append(
            TurnGrade(
                turn=index,
                label=used.label.value,  # type: ignore[arg-type]
                tactics=[t.value for t in used.tactics],
                evidence=used.evidence,
                findings=[
                    FindingQuote(tactic=f.tactic.value, quote=f.quote, start=f.start, end=f.end)
                    for f in used.deciding
                ],
                grader=f"judge:{model}" if judged else "offline",
                unscored=None if judged else f"judge: {reason}",
                offline_label=detected.label.value if judged else None,
                disagreement=bool(judged and judged.label is not detected.label),
            )
        )
    card = grade(transcript, rubric, scenario, source=source, readings=readings)
    verdicts = _verdicts(transcript, scenario, reply, error, card)
    judged_count = sum(1 for g in grades if g.grader != "offline")
    grader = (
        f"judge:{model}"
        if judged_count == len(grades) and grades
        else f"judge:{model}+offline"
        if judged_count
        else "offline"
    )
    notes = list(card.notes)
    if judged_count < len(grades):
        notes.append(
            f"The judge graded {judged_count} of {len(grades)} trainee turns; the others show the "
            "offline detector's reading, marked grader 'offline', with the judge's reason."
        )
    differ = [v.objection for v in verdicts if v.agrees is False]
    if differ:
        notes.append(
            "The judge and the director disagree on whether these objections were answered: "
            f"{', '.join(differ)}. The score's stages are the director's."
        )
    disagreements = [g.turn for g in grades if g.disagreement]
    if disagreements:
        notes.append(
            f"The judge and the offline detector disagree on turn(s) {', '.join(map(str, disagreements))}."
        )
    return card.model_copy(
        update={
            "grader": grader,
            "turns": grades,
            "notes": notes,
            "judge": JudgeAudit(model=model, prompt=messages, raw=raw, error=error),
            "verdicts": verdicts,
        }
    )


def _verdicts(
    transcript: Transcript,
    scenario: Scenario | None,
    reply: JudgeReply | None,
    error: str | None,
    card: Scorecard,
) -> list[ObjectionVerdict]:
    """The judge's per-objection verdicts, each checked against the transcript:
    a quote must be the words of a turn of the right speaker, or the verdict is
    unscored with the reason, as a turn's label is."""
    if scenario is None:
        return []
    answered = {s.objection: s.stage in ("answered", "confirmed") for s in card.stages}
    by_id = {o.objection: o for o in reply.objections} if reply is not None else {}
    verdicts = []
    for objection in scenario.objections:
        if objection.id not in answered:
            continue  # never raised in this conversation: nothing to judge
        entry = by_id.get(objection.id)
        if entry is None:
            reason = error or "the judge gave no verdict for this objection"
            verdicts.append(ObjectionVerdict(objection=objection.id, unscored=f"judge: {reason}"))
            continue
        problem = _quote_problem(
            transcript, "buyer", entry.revealed_turn, entry.revealed_quote, entry.revealed
        ) or _quote_problem(transcript, "trainee", entry.turn, entry.quote, entry.addressed)
        if problem:
            verdicts.append(ObjectionVerdict(objection=objection.id, unscored=f"judge: {problem}"))
            continue
        verdicts.append(
            ObjectionVerdict(
                objection=objection.id,
                revealed=entry.revealed,
                revealed_turn=entry.revealed_turn if entry.revealed else None,
                revealed_quote=entry.revealed_quote.strip() if entry.revealed else "",
                addressed=entry.addressed,
                turn=entry.turn if entry.addressed else None,
                quote=entry.quote.strip() if entry.addressed else "",
                agrees=entry.addressed == answered[objection.id],
            )
        )
    return verdicts


def _quote_problem(
    transcript: Transcript, role: str, turn: int | None, quote: str, claimed: bool
) -> str | None:
    if not claimed:
        return None
    if turn is None or not 0 <= turn < len(transcript.turns):
        return f"the judge named no {role} turn for its verdict"
    if transcript.turns[turn].role != role:
        return f"turn {turn} is not a {role} turn"
    text = quote.strip()
    if not text or text.lower() not in transcript.turns[turn].text.lower():
        return f"the judge's quote is not in turn {turn}"
    return None
