"""A scorecard as text for a person: the terminal, a Markdown export."""

from __future__ import annotations

from collections.abc import Callable

from trainer.scorecard import Scorecard
from trainer.text import visible
from trainer.transcript import Transcript


def _excerpt(text: str, width: int = 70) -> str:
    text = visible(" ".join(text.split()))
    return text if len(text) <= width else text[: width - 1] + "…"


def _places(card: Scorecard) -> Callable[[int], str]:
    """People count their own lines (1, 2, 3); the JSON keeps the transcript's
    index, so the text translates: "line 2", "the buyer after line 2"."""
    trainee = sorted(t.turn for t in card.turns)
    number = {index: n for n, index in enumerate(trainee, start=1)}

    def where(index: int) -> str:
        if index in number:
            return f"line {number[index]}"
        before = sum(1 for t in trainee if t < index)
        return f"the buyer after line {before}" if before else "the buyer's opening"

    return where


def format_scorecard(
    card: Scorecard, transcript: Transcript | None = None, *, short: bool = False
) -> str:
    where = _places(card)
    verdict = "PASSED" if card.passed else "NOT PASSED"
    lines = [
        f"Score {card.score}/100 ({verdict}, pass mark {card.pass_mark}) · style: {card.style}"
        f" · outcome: {card.outcome.replace('_', ' ')} · rubric: {card.rubric} · grader: {card.grader}",
    ]
    if card.objections and card.scenario is None:
        # Read from the buyer's words (a call): say what was found, and how far it got.
        stages = {s.objection: s.stage for s in card.stages}
        lines.append("Objections the buyer raised:")
        for found in card.objections:
            stage = stages.get(found.category, "raised")
            name = found.category.replace("_", " ")
            lines.append(f'  {where(found.turn)}: {name} ({stage}): "{_excerpt(found.text, 60)}"')
    for criterion in card.criteria:
        lines.append(
            f"  {criterion.title:<46} {criterion.score:>5g}/{criterion.max:<3} {criterion.level}"
        )
        if not short:
            for ev in criterion.evidence[:6]:
                sign = ev.effect or " "
                lines.append(
                    f'      {sign} {where(ev.turn)} {ev.tactic or ev.stage}: "{_excerpt(ev.quote, 60)}"'
                )
    for gate in card.gates:
        if not gate.passed:
            turns = ", ".join(where(e.turn) for e in gate.evidence)
            lines.append(f"  GATE FAILED: {gate.title} ({turns})")
    if not short and transcript is not None:
        lines.append("Turns:")
        for grade in card.turns:
            said = transcript.turns[grade.turn].text if grade.turn < len(transcript.turns) else ""
            label = grade.label or f"unscored ({grade.unscored})"
            tactics = ", ".join(grade.tactics) or "-"
            lines.append(f"  {where(grade.turn) + ':':<9} {label:<12} {tactics}")
            lines.append(f'       "{_excerpt(said)}"')
            if grade.evidence and grade.label == "pressure":
                lines.append(f'       pressure: "{_excerpt(grade.evidence, 60)}"')
    if card.alternatives:
        lines.append("Better alternatives:")
        for alt in card.alternatives[: 3 if short else None]:
            lines.append(f"  {where(alt.turn)}: {alt.instead}")
    if card.verdicts and not short:
        lines.append("The judge, per objection:")
        for v in card.verdicts:
            if v.unscored:
                lines.append(f"  {v.objection}: unscored ({v.unscored})")
                continue
            revealed = (
                f"revealed by {where(v.revealed_turn)}"
                if v.revealed and v.revealed_turn is not None
                else "not revealed"
            )
            addressed = (
                f'addressed at {where(v.turn)}: "{_excerpt(v.quote, 50)}"'
                if v.addressed and v.turn is not None
                else "not addressed"
            )
            differs = "" if v.agrees else " (the director's stages differ)"
            lines.append(f"  {v.objection}: {revealed}; {addressed}{differs}")
    if card.missed:
        lines.append("Missed opportunities:")
        lines += [f"  - {m}" for m in card.missed]
    for note in card.notes:
        lines.append(f"Note: {note}")
    return "\n".join(lines)
