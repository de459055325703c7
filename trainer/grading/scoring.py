"""Rubric scoring: from the facts of a conversation to a Scorecard that agrees
with itself.

Most of a grade is substance: how far each objection got (explored,
uncovered, answered, confirmed), whether the buyer agreed to a next step the
trainee asked for, and how many turns took up what the buyer had just said
(see facts.py). Tactics add or subtract within that: rewarded tactics count
only in consultative turns that moved something forward, and the same
rewarded words said again in another turn count once; penalised tactics
count wherever they appear. Every point cites the turn and the words behind
it, and levels, checks and missed opportunities come from the same facts.

Deterministic: the same transcript and rubric give the same scorecard, byte
for byte.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from trainer.content.models import Criterion, Persona, Rubric, Scenario
from trainer.grading.advice import better_lines
from trainer.grading.facts import GradeFacts, TurnFacts, gather
from trainer.reading.meaning import Mark
from trainer.reading.tactics import Classification
from trainer.scorecard import (
    Check,
    CriterionScore,
    Evidence,
    FindingQuote,
    GateResult,
    ObjectionFound,
    Scorecard,
    StageResult,
    TurnGrade,
)
from trainer.transcript import Transcript
from trainer.vocabulary import Label, Outcome

__all__ = ["grade", "score_rubric"]

# Each turn showing a penalised tactic costs this share of the criterion.
PENALTY = 0.5
# With `measures`, this share of a criterion is earned by its tactics, the rest by substance.
TACTIC_SHARE = 0.2
_WORDS = re.compile(r"\W+")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")

_STAGE_WORDS = {
    "explored": "asked about",
    "uncovered": "brought out the real concern behind",
    "answered": "answered the real concern behind",
    "confirmed": "checked that the answer landed for",
}


def _level(fraction: float) -> str:
    return "strong" if fraction >= 0.75 else "developing" if fraction >= 0.4 else "weak"


def _name(objection: str, category: str | None) -> str:
    return f"the {category.replace('_', ' ')} objection" if category else "the buyer's concern"


def _sentence(text: str, mark: str) -> tuple[int, int]:
    """The span of the sentence in `text` that carries what a stage needs:
    a question for exploring, a proposal for answering, the last question for
    a check or a next step; the whole turn if none stands out."""
    spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    if not spans:
        return 0, len(text)
    questions = [s for s in spans if text[s[0] : s[1]].rstrip().endswith("?")]
    if mark in ("explored", "uncovered") and questions:
        chosen = questions[0]
    elif mark in ("confirmed", "next_step") and questions:
        chosen = questions[-1]
    elif mark == "answered":
        statements = [s for s in spans if s not in questions] or spans
        chosen = max(statements, key=lambda s: s[1] - s[0])
    else:
        chosen = spans[0]
    start, end = chosen
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quote(transcript: Transcript, index: int, mark: str) -> str:
    text = transcript.turns[index].text
    start, end = _sentence(text, mark)
    return text[start:end]


# --- one criterion ------------------------------------------------------------


def _tactic_part(
    criterion: Criterion,
    facts: GradeFacts,
    tactics: dict[int, Classification],
) -> tuple[float | None, int, list[Evidence]]:
    """(rewarded fraction or None without rewards, penalised turns, evidence)."""
    evidence: list[Evidence] = []
    rewarded = 0
    counted: set[str] = set()
    penalised = 0
    for turn in facts.turns:
        c = tactics[turn.index]
        found = set(c.tactics)
        if c.label is Label.CONSULTATIVE and not turn.reading.meaning.empty:
            hits = []
            for tactic in criterion.rewards:
                if tactic not in found:
                    continue
                quote = next(f.quote for f in c.findings if f.tactic is tactic)
                key = _WORDS.sub(" ", quote.lower()).strip()
                if key in counted:
                    continue  # boilerplate: the same words again earn nothing more
                counted.add(key)
                hits.append((tactic, quote))
            if hits:
                rewarded += 1
                evidence += [
                    Evidence(turn=turn.index, quote=q, tactic=t.value, effect="+") for t, q in hits
                ]
        misses = [t for t in criterion.penalises if t in found]
        if misses:
            penalised += 1
            evidence += [
                Evidence(
                    turn=turn.index,
                    quote=next(f.quote for f in c.findings if f.tactic is t),
                    tactic=t.value,
                    effect="-",
                )
                for t in misses
            ]
    fraction = min(1.0, rewarded / criterion.target) if criterion.rewards else None
    return fraction, penalised, evidence


def _measured(
    criterion: Criterion, facts: GradeFacts, transcript: Transcript
) -> tuple[float, list[Check], list[Evidence]]:
    """The substance part of a criterion: a fraction, its checks, its evidence."""
    measure = criterion.measures
    checks: list[Check] = []
    evidence: list[Evidence] = []
    if measure == "responds":
        turns = facts.turns
        responsive = [t for t in turns if t.responsive]
        for t in responsive:
            evidence.append(
                Evidence(
                    turn=t.index,
                    quote=_quote(transcript, t.index, "responds"),
                    effect="+",
                    stage="responds",
                )
            )
        fraction = len(responsive) / len(turns) if turns else 0.0
        checks.append(
            Check(
                check=criterion.check or "Did each line take up what the buyer had just said?",
                passed=fraction >= 0.75,
            )
        )
        return fraction, checks, evidence
    if measure == "next_step":
        agreed = facts.outcome in (Outcome.AGREED, Outcome.NEXT_STEP)
        turn = facts.next_step_asked if agreed else None
        quote = _quote(transcript, turn, "next_step") if turn is not None else None
        checks.append(
            Check(
                check=criterion.check
                or "Did you ask for a next step, and did the buyer agree to it?",
                passed=agreed,
                turn=turn,
                quote=quote,
            )
        )
        if turn is not None and quote:
            evidence.append(Evidence(turn=turn, quote=quote, effect="+", stage="next_step"))
        return (1.0 if agreed else 0.0), checks, evidence
    assert measure is not None
    reached = 0
    for objection in facts.objections:
        ok = objection.has(measure)
        turn = objection.reached.get(measure) if ok else None
        quote = _quote(transcript, turn, measure) if turn is not None else None
        name = _name(objection.id, objection.category)
        question = (criterion.check or f"Did you {_STAGE_WORDS[measure]} {{objection}}?").replace(
            "{objection}", name
        )
        checks.append(
            Check(check=question, passed=ok, objection=objection.id, turn=turn, quote=quote)
        )
        if ok:
            reached += 1
            if turn is not None and quote:
                evidence.append(Evidence(turn=turn, quote=quote, effect="+", stage=measure))
    fraction = reached / len(facts.objections) if facts.objections else 0.0
    return fraction, checks, evidence


def score_rubric(
    rubric: Rubric,
    facts: GradeFacts,
    transcript: Transcript,
    tactics: dict[int, Classification],
    capped: set[str] | frozenset[str] = frozenset(),
) -> tuple[list[CriterionScore], list[GateResult]]:
    """`capped`: criteria a missed opportunity speaks against; they are never
    shown as strong."""
    criteria: list[CriterionScore] = []
    for criterion in rubric.criteria:
        rewarded, penalised, tactic_evidence = _tactic_part(criterion, facts, tactics)
        checks: list[Check] = []
        evidence: list[Evidence] = []
        if criterion.measures is not None:
            substance, checks, evidence = _measured(criterion, facts, transcript)
            fraction = substance
            if rewarded is not None:
                fraction = substance * ((1 - TACTIC_SHARE) + TACTIC_SHARE * rewarded)
        elif rewarded is not None:
            fraction = rewarded
        else:  # a criterion that only penalises starts full
            fraction = 1.0 if facts.turns else 0.0
        fraction = max(0.0, fraction - PENALTY * penalised)
        level = _level(fraction)
        if criterion.id in capped and level == "strong":
            level = "developing"
            fraction = min(fraction, 0.74)
        criteria.append(
            CriterionScore(
                id=criterion.id,
                title=criterion.title,
                score=round(criterion.weight * fraction, 1),
                max=criterion.weight,
                level=level,  # type: ignore[arg-type]
                descriptor=getattr(criterion.levels, level),
                evidence=_merged(evidence, tactic_evidence),
                checks=checks,
            )
        )
    gates: list[GateResult] = []
    for gate in rubric.gates:
        failed = [
            Evidence(
                turn=t.index,
                quote=next(f.quote for f in tactics[t.index].findings if f.tactic is tactic),
                tactic=tactic.value,
                effect="-",
            )
            for t in facts.turns
            for tactic in gate.fails_on
            if tactic in tactics[t.index].tactics
        ]
        gates.append(GateResult(id=gate.id, title=gate.title, passed=not failed, evidence=failed))
    return criteria, gates


def _merged(stages: list[Evidence], tactics: list[Evidence]) -> list[Evidence]:
    """Stage evidence first; a tactic quoting the same words in the same turn
    joins it rather than repeating the quote."""
    merged = list(stages)
    for ev in tactics:
        same = next(
            (
                i
                for i, s in enumerate(merged)
                if s.turn == ev.turn
                and s.quote == ev.quote
                and s.tactic is None
                and s.effect == ev.effect
            ),
            None,
        )
        if same is None:
            merged.append(ev)
        else:
            merged[same] = merged[same].model_copy(update={"tactic": ev.tactic})
    return merged


# --- what was missed -------------------------------------------------------------


def _missed(
    facts: GradeFacts, scenario: Scenario | None, rubric: Rubric
) -> tuple[list[str], set[str]]:
    """Missed opportunities, and the criteria each one speaks against."""
    by_measure: dict[str, list[str]] = {}
    for criterion in rubric.criteria:
        if criterion.measures:
            by_measure.setdefault(criterion.measures, []).append(criterion.id)
    objections = {o.id: o for o in scenario.objections} if scenario else {}
    missed: list[str] = []
    capped: set[str] = set()

    def note(text: str, measure: str) -> None:
        missed.append(text)
        capped.update(by_measure.get(measure, ()))

    for facts_of in facts.objections:
        objection = objections.get(facts_of.id)
        name = _name(facts_of.id, facts_of.category)
        where = f" ({facts_of.id})" if objection else ""
        if not facts_of.has("explored"):
            note(
                f"{name.capitalize()}{where} was never explored: no question was asked about this "
                "concern itself (its numbers, its history, what the buyer fears).",
                "explored",
            )
        elif not facts_of.has("uncovered"):
            real = (
                f": the real concern was that {_lower_first(objection.root_cause)}"
                if objection
                else ""
            )
            note(
                f"{name.capitalize()}{where} was explored, but the real concern never came out{real}",
                "uncovered",
            )
        elif not facts_of.has("answered"):
            how = f": {_lower_first(objection.resolves_with)}" if objection else ""
            note(
                f"The real concern behind {name}{where} came out but was never answered "
                f"concretely{how}",
                "answered",
            )
        elif not facts_of.has("confirmed"):
            why = (
                "you moved on without asking"
                if "confirmed" in facts_of.reached
                else "it was never confirmed"
            )
            note(
                f"The answer to {name}{where} was never checked ({why}): ask whether it lands, "
                '"Would that cover it?"',
                "confirmed",
            )
    if facts.turns and facts.outcome not in (Outcome.AGREED, Outcome.NEXT_STEP):
        asked = any(t.reading.has(Mark.NEXT_STEP) for t in facts.turns)
        note(
            "A next step was asked for before every concern was answered, so the buyer did not "
            "take it."
            if asked
            else "A next step was never asked for (asked, not assumed).",
            "next_step",
        )
    if facts.turns and not any(t.reading.has(Mark.QUESTION) for t in facts.turns):
        note("No question was asked: the concern behind the objection stayed hidden.", "explored")
    return missed, capped


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _style(turns: Sequence[TurnFacts], tactics: dict[int, Classification]) -> str:
    labelled = [tactics[t.index].label for t in turns]
    pressure = sum(1 for label in labelled if label is Label.PRESSURE)
    if not labelled or pressure == 0:
        return "consultative"
    return "pressure" if pressure * 2 >= len(labelled) else "mixed"


# --- the whole grade -------------------------------------------------------------


def grade(
    transcript: Transcript,
    rubric: Rubric,
    scenario: Scenario | None = None,
    *,
    persona: Persona | None = None,
    source: str | None = None,
    readings: Sequence[tuple[int, Classification]] | None = None,
    reread: bool = False,
) -> Scorecard:
    """Grade a transcript with the offline reading and the rubric. `readings`
    replaces the tactics of some turns (an LLM judge's labels); the substance
    always comes from the offline reading and the director."""
    facts = gather(transcript, scenario, persona, reread=reread)
    tactics = {t.index: t.reading.tactics for t in facts.turns}
    if readings is not None:
        tactics.update(dict(readings))
    missed, capped = _missed(facts, scenario, rubric)
    criteria, gates = score_rubric(rubric, facts, transcript, tactics, capped)
    notes: list[str] = []
    score = int(round(sum(c.score for c in criteria)))
    if not facts.turns:
        score = 0
        notes.append("There are no trainee turns to grade.")
    if facts.estimated and facts.turns and facts.found:
        notes.append(
            "The transcript names no scenario this library knows: the buyer's objections were "
            "read from their words, and each one's steps (explored, answered, checked) estimated "
            "from the turns that followed it."
        )
    elif facts.estimated and facts.turns:
        notes.append(
            "The transcript names no scenario this library knows: the steps (explored, answered, "
            "checked) were estimated from the turns, against the buyer's line before each."
        )
    failed_gates = [g for g in gates if not g.passed]
    for gate in failed_gates:
        notes.append(f"Failed the gate '{gate.title}': the attempt fails whatever the score.")
    turns = [
        TurnGrade(
            turn=t.index,
            label=tactics[t.index].label.value,  # type: ignore[arg-type]
            tactics=[x.value for x in tactics[t.index].tactics],
            evidence=tactics[t.index].evidence,
            findings=[
                FindingQuote(tactic=f.tactic.value, quote=f.quote, start=f.start, end=f.end)
                for f in tactics[t.index].deciding
            ],
            marks=sorted(t.reading.meaning.marks),
            about=sorted(t.reading.meaning.about),
        )
        for t in facts.turns
    ]
    return Scorecard(
        score=score,
        passed=bool(facts.turns) and score >= rubric.pass_mark and not failed_gates,
        style=_style(facts.turns, tactics),  # type: ignore[arg-type]
        rubric=rubric.id,
        grader="offline",
        outcome=facts.outcome.value,  # type: ignore[arg-type]
        pass_mark=rubric.pass_mark,
        criteria=criteria,
        turns=turns,
        gates=gates,
        alternatives=better_lines(facts, transcript, scenario, tactics),
        missed=missed,
        stages=[
            StageResult(
                objection=o.id,
                category=o.category,
                stage=o.stage,
                checked=o.checked,
                reached=dict(o.reached),
            )
            for o in facts.objections
        ],
        objections=[
            ObjectionFound(turn=f.turn, category=f.category.value, text=f.text) for f in facts.found
        ],
        notes=notes,
        scenario=transcript.scenario,
        transcript=transcript.id or source,
    )
