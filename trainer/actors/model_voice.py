"""A buyer voiced by any litellm model: hosted, or a local OpenAI-compatible server.

The voice builds the prompt (the persona, the director's move and the
offline voice's draft of it) and streams the reply through `trainer.llm`,
the one module that talks to litellm.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any

from trainer.actors.base import ActorError, SpeakRequest
from trainer.actors.offline import compose
from trainer.content.library import template_context
from trainer.content.templates import render
from trainer.llm import ModelError, ModelOptions, stream

__all__ = ["ModelVoice", "move_instruction"]

MOVE_INSTRUCTIONS = {
    "open": "greet the salesperson briefly and raise your first concern.",
    "raise_objection": "accept that the previous concern is answered, then raise the next one.",
    "push_back": "politely push back: what they said did not address your concern; restate it.",
    "reveal_root_cause": "admit the real reason behind your concern.",
    "soften": "warm up a little, but your concern still stands.",
    "harden": "you feel pressured; become cooler and more guarded, and restate your concern.",
    "agree_next_step": "agree to the concrete next step, no more than that.",
    "agree": "agree to go ahead with the purchase.",
    "walk_away": "end the conversation politely but firmly; you are not interested now.",
}


def move_instruction(move: str) -> str:
    return MOVE_INSTRUCTIONS.get(move, move)


_PREFIX = re.compile(r"^\s*(?:\*\*)?(?:buyer|assistant|[A-Z][a-z]+ [A-Z][a-z]+)\s*(?:\*\*)?:\s*")


class ModelVoice:
    """Streams the buyer's line from a model; `trainer.llm` retries transient failures."""

    def __init__(
        self,
        model: str,
        *,
        api_base: str | None = None,
        timeout: float = 60.0,
        stall_timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        temperature: float = 0.7,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.name = model
        self.options = ModelOptions(
            model,
            api_base=api_base,
            timeout=timeout,
            temperature=temperature,
            retries=retries,
            backoff=backoff,
            extra=dict(extra or {}),
        )
        self.stall_timeout = stall_timeout

    def messages(self, request: SpeakRequest) -> list[dict[str, str]]:
        context = template_context(request.persona, request.scenario, request.trainee)
        context["trainee"] = request.trainee or "name not given"
        persona = request.persona
        draft = compose(
            request.decision,
            request.scenario,
            persona,
            request.history,
            request.trainee,
            request.seed,
            request.turn_index,
        )
        template = resources.files("trainer.actors").joinpath("prompts/buyer.j2").read_text()
        system = render(
            template,
            {
                **context,
                "persona": {
                    **context["persona"],
                    "temperament": persona.temperament,
                    "speech_style": persona.speech_style,
                    "knows": list(persona.knows),
                    "does_not_know": list(persona.does_not_know),
                },
                "move_instruction": move_instruction(request.decision.move.value),
                "draft": draft,
            },
        )
        messages = [{"role": "system", "content": system}]
        # The trainee's words travel only as conversation content, never
        # spliced into the instructions above.
        for turn in request.history:
            role = "assistant" if turn.role == "buyer" else "user"
            messages.append({"role": role, "content": turn.text})
        if len(messages) == 1:
            messages.append({"role": "user", "content": "(The call starts. You speak first.)"})
        return messages

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        head = True
        try:
            async for piece in stream(
                self.options, self.messages(request), stall_timeout=self.stall_timeout
            ):
                if head:
                    # Models sometimes open with a speaker label: "Dana Okafor: ..."
                    piece = _PREFIX.sub("", piece.lstrip())
                    if not piece:
                        continue
                    head = False
                yield piece
        except ModelError as exc:
            raise ActorError(str(exc), retryable=exc.retryable) from None
