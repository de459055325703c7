"""Rubric scoring: from per-turn tactics to a Scorecard that explains itself.

Deterministic: the same transcript and rubric give the same scorecard, byte
for byte. Rewarded tactics count only in turns read as consultative (empathy
words in front of a pressure move earn nothing); penalised tactics count
wherever they appear. Every point cites the turn and the words behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from trainer.content.models import Rubric, Scenario
from trainer.grading.advice import INSTEAD
from trainer.reading.context import TurnContext
from trainer.reading.tactics import Classification, classify
from trainer.reading.turn import from_record
from trainer.scorecard import (
    Alternative,
    CriterionScore,
    Evidence,
    FindingQuote,
    GateResult,
    Scorecard,
    TurnGrade,
)
from trainer.transcript import Transcript
from trainer.vocabulary import Label, Outcome, Tactic

__all__ = ["classify_turns", "grade", "score_rubric"]

# Each turn showing a penalised tactic costs this share of the criterion.
PENALTY = 0.5
OUTCOMES = {o.value for o in Outcome}


def _contexts(transcript: Transcript, scenario: Scenario | None) -> list[tuple[int, TurnContext]]:
    """The context of each trainee turn: the buyer line before it, and whether a
    concern was open (from the recorded buyer state when there is one)."""
    categories = {o.id: o.category for o in scenario.objections} if scenario else {}
    result: list[tuple[int, TurnContext]] = []
    buyer_line = ""
    objection_open = True
    category = None
    for index, turn in enumerate(transcript.turns):
        if turn.role == "buyer":
            buyer_line = turn.text
            if turn.state is not None:
                current = turn.state.current
                objection_open = current is not None
                category = categories.get(current) if current else None
            continue
        result.append(
            (
                index,
                TurnContext(
                    buyer_line=buyer_line, objection_open=objection_open, category=category
                ),
            )
        )
    return result


def classify_turns(
    transcript: Transcript,
    scenario: Scenario | None = None,
    classifier: Callable[[str, TurnContext], Classification] = classify,
    *,
    reread: bool = False,
) -> list[tuple[int, Classification]]:
    """Each trainee turn's reading: the one stored with the turn when the same
    rules made it, else read again from its words."""
    readings = []
    for index, context in _contexts(transcript, scenario):
        turn = transcript.turns[index]
        stored = None if reread else from_record(turn.text, turn.reading)
        readings.append((index, stored.tactics if stored else classifier(turn.text, context)))
    return readings


def _quote(c: Classification, tactic: Tactic) -> str:
    return next((f.quote for f in c.findings if f.tactic is tactic), "")


def _level(fraction: float) -> str:
    return "strong" if fraction >= 0.75 else "developing" if fraction >= 0.4 else "weak"


def score_rubric(
    rubric: Rubric, readings: Sequence[tuple[int, Classification]]
) -> tuple[list[CriterionScore], list[GateResult]]:
    criteria: list[CriterionScore] = []
    for criterion in rubric.criteria:
        evidence: list[Evidence] = []
        rewarded_turns = 0
        penalised_turns = 0
        for index, c in readings:
            found = set(c.tactics)
            if c.label is Label.CONSULTATIVE:
                hits = [t for t in criterion.rewards if t in found]
                if hits:
                    rewarded_turns += 1
                    evidence += [
                        Evidence(turn=index, quote=_quote(c, t), tactic=t.value, effect="+")
                        for t in hits
                    ]
            misses = [t for t in criterion.penalises if t in found]
            if misses:
                penalised_turns += 1
                evidence += [
                    Evidence(turn=index, quote=_quote(c, t), tactic=t.value, effect="-")
                    for t in misses
                ]
        if criterion.rewards:
            fraction = min(1.0, rewarded_turns / criterion.target)
        else:  # a criterion that only penalises starts full
            fraction = 1.0 if readings else 0.0
        fraction = max(0.0, fraction - PENALTY * penalised_turns)
        level = _level(fraction)
        criteria.append(
            CriterionScore(
                id=criterion.id,
                title=criterion.title,
                score=round(criterion.weight * fraction, 1),
                max=criterion.weight,
                level=level,  # type: ignore[arg-type]
                descriptor=getattr(criterion.levels, level),
                evidence=evidence,
            )
        )
    gates: list[GateResult] = []
    for gate in rubric.gates:
        evidence = [
            Evidence(turn=index, quote=_quote(c, t), tactic=t.value, effect="-")
            for index, c in readings
            for t in gate.fails_on
            if t in c.tactics
        ]
        gates.append(
            GateResult(id=gate.id, title=gate.title, passed=not evidence, evidence=evidence)
        )
    return criteria, gates


def _style(readings: Sequence[tuple[int, Classification]]) -> str:
    labelled = [c.label for _, c in readings]
    pressure = sum(1 for label in labelled if label is Label.PRESSURE)
    if not labelled or pressure == 0:
        return "consultative"
    return "pressure" if pressure * 2 >= len(labelled) else "mixed"


def _outcome(transcript: Transcript) -> str:
    if transcript.outcome in OUTCOMES:
        return str(transcript.outcome)
    for turn in reversed(transcript.turns):
        if turn.role == "buyer" and turn.state and turn.state.outcome in OUTCOMES:
            return str(turn.state.outcome)
    return Outcome.UNFINISHED.value


def _alternatives(
    transcript: Transcript,
    scenario: Scenario | None,
    readings: Sequence[tuple[int, Classification]],
) -> list[Alternative]:
    answers = (
        {o.id: o.model_answer for o in scenario.objections if o.model_answer} if scenario else {}
    )
    first_answer = next(iter(answers.values()), None)
    result: list[Alternative] = []
    for index, c in readings:
        if c.label is not Label.PRESSURE:
            continue
        on_table = None
        for turn in reversed(transcript.turns[:index]):
            if turn.role == "buyer":
                on_table = turn.objection or (turn.state.current if turn.state else None)
                break
        answer = answers.get(on_table) if isinstance(on_table, str) else None
        if answer is None and on_table is None:
            answer = first_answer
        if answer:
            result.append(
                Alternative(turn=index, said=c.evidence, instead=answer, source="model_answer")
            )
            continue
        tactic = next((t for t in c.tactics if t in INSTEAD), None)
        if tactic is not None:
            result.append(
                Alternative(turn=index, said=c.evidence, instead=INSTEAD[tactic], source="coach")
            )
    return result


def _missed(
    transcript: Transcript,
    scenario: Scenario | None,
    readings: Sequence[tuple[int, Classification]],
) -> list[str]:
    missed: list[str] = []
    used = {t for _, c in readings if c.label is not Label.PRESSURE for t in c.tactics}
    final_state = next(
        (t.state for t in reversed(transcript.turns) if t.role == "buyer" and t.state), None
    )
    if scenario is not None and final_state is not None:
        raised = set(final_state.raised)
        uncovered = set(final_state.uncovered)
        resolved = set(final_state.resolved)
        for objection in scenario.objections:
            if objection.id not in raised:
                continue
            if objection.id not in uncovered:
                missed.append(
                    f"The {objection.category.value} objection ({objection.id}) was never explored "
                    f"far enough: the real concern was that {_lower_first(objection.root_cause)}"
                )
            elif objection.id not in resolved:
                missed.append(
                    f"The real concern behind {objection.id} came out but was never answered: "
                    f"{_lower_first(objection.resolves_with)}"
                )
    if readings and not used & {Tactic.OPEN_QUESTION, Tactic.CLARIFY_ROOT_CAUSE}:
        missed.append("No open question was asked: the concern behind the objection stayed hidden.")
    if readings and Tactic.PERMISSION_NEXT_STEP not in used:
        missed.append("A next step was never asked for (asked, not assumed).")
    return missed


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def grade(
    transcript: Transcript,
    rubric: Rubric,
    scenario: Scenario | None = None,
    *,
    source: str | None = None,
    readings: Sequence[tuple[int, Classification]] | None = None,
    reread: bool = False,
) -> Scorecard:
    """Grade a transcript with the offline reading and the rubric."""
    if readings is None:
        readings = classify_turns(transcript, scenario, reread=reread)
    criteria, gates = score_rubric(rubric, readings)
    notes: list[str] = []
    score = int(round(sum(c.score for c in criteria)))
    if not readings:
        score = 0
        notes.append("There are no trainee turns to grade.")
    failed_gates = [g for g in gates if not g.passed]
    for gate in failed_gates:
        notes.append(f"Failed the gate '{gate.title}': the attempt fails whatever the score.")
    turns = [
        TurnGrade(
            turn=index,
            label=c.label.value,  # type: ignore[arg-type]
            tactics=[t.value for t in c.tactics],
            evidence=c.evidence,
            findings=[
                FindingQuote(tactic=f.tactic.value, quote=f.quote, start=f.start, end=f.end)
                for f in c.deciding
            ],
        )
        for index, c in readings
    ]
    return Scorecard(
        score=score,
        passed=bool(readings) and score >= rubric.pass_mark and not failed_gates,
        style=_style(readings),  # type: ignore[arg-type]
        rubric=rubric.id,
        grader="offline",
        outcome=_outcome(transcript),  # type: ignore[arg-type]
        pass_mark=rubric.pass_mark,
        criteria=criteria,
        turns=turns,
        gates=gates,
        alternatives=_alternatives(transcript, scenario, readings),
        missed=_missed(transcript, scenario, readings),
        notes=notes,
        scenario=transcript.scenario,
        transcript=transcript.id or source,
    )
