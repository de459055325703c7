"""The offline voice: the scenario's and persona's authored lines.

Each beat of the director's decision picks one authored variant with a
generator seeded by (session seed, turn position, beat), so the same seed and
the same trainee input give the same conversation byte for byte, and an undo
or rewind replays the same words at the same place.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Sequence

from trainer.actors.base import Beat, Decision
from trainer.content.library import template_context
from trainer.content.models import Persona, Scenario
from trainer.content.templates import TemplateError, render, without_name
from trainer.transcript import Turn
from trainer.vocabulary import Move

from .base import ActorError, SpeakRequest

__all__ = ["OfflineVoice", "compose"]


def _choices(beat: Beat, scenario: Scenario, persona: Persona) -> list[str]:
    objections = {o.id: o for o in scenario.objections}
    if beat.kind == "opening":
        return list(scenario.opening) or list(persona.lines[Move.OPEN])
    if beat.kind == "persona":
        assert beat.move is not None
        return list(persona.lines[beat.move])
    assert beat.objection is not None
    objection = objections[beat.objection]
    if beat.kind == "surface":
        return [objection.surface]
    if beat.kind == "restate":
        return [objection.surface, *objection.variants]
    if beat.kind == "reveal":
        return list(objection.reveal)
    return list(objection.resolved)


def compose(
    decision: Decision,
    scenario: Scenario,
    persona: Persona,
    history: Sequence[Turn],
    trainee: str | None,
    seed: int,
    turn_index: int,
) -> str:
    """Render the decision's beats into one buyer line."""
    context = template_context(persona, scenario, trainee)
    recent = {t.text for t in history[-4:] if t.role == "buyer"}
    parts: list[str] = []
    for number, beat in enumerate(decision.beats):
        options = _choices(beat, scenario, persona)
        rng = random.Random(f"{seed}:{turn_index}:{number}:{beat.kind}")
        rendered = [without_name(render(o, context)) for o in options]
        # Avoid saying the very same sentence twice in a row when there is a choice.
        fresh = [r for r in rendered if not any(r in said for said in recent)] or rendered
        parts.append(rng.choice(fresh))
    return " ".join(p for p in parts if p)


class OfflineVoice:
    name = "offline"

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        try:
            text = compose(
                request.decision,
                request.scenario,
                request.persona,
                request.history,
                request.trainee,
                request.seed,
                request.turn_index,
            )
        except TemplateError as exc:
            raise ActorError(f"content template failed: {exc}", retryable=False) from None
        yield text
