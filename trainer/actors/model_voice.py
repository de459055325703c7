"""A buyer voiced by any litellm model: hosted, or a local OpenAI-compatible server.

The voice builds the prompt (the persona, the situation, where the objection
on the table stands, the director's move and the offline voice's draft of it)
and streams the reply through `trainer.llm`, the one module that talks to
litellm. It checks what the model says as it streams: a speaker label at the
start is dropped, and a reply that agrees to buy when the director's move is
not an agreement is withdrawn (the RESET chunk tells the session to forget
what streamed), asked for once more, and then replaced by the offline
voice's line for that turn, with `fallback_reason` saying so.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import aclosing
from importlib import resources
from typing import Any

from trainer.actors.base import RESET, ActorError, SpeakRequest
from trainer.actors.offline import compose
from trainer.content.library import template_context
from trainer.content.templates import render
from trainer.llm import ModelError, ModelOptions, stream
from trainer.vocabulary import Move

__all__ = ["ModelVoice", "agrees", "move_instruction"]

# What each beat of the director's decision asks of the buyer, so the model's
# instruction says what the draft does and never contradicts it.
BEAT_INSTRUCTIONS = {
    "opening": "greet the salesperson briefly",
    "surface": "raise your concern",
    "restate": "restate your concern, because what they said did not address it",
    "reveal": "admit the real reason behind your concern",
    "resolved": "say that their answer covers your concern",
    "fact": "answer their question from what you know",
    "hint": "give a small clue about what is really behind your concern, no more",
    "take_up": "repeat back what they offered, in their own terms",
    "consider": "say you are considering their offer",
    "ask": "ask for what their offer is missing (what exactly, how long, what it costs, what you would see)",
    "refer": "bring the talk back to the real reason you already told them",
    "premature": "point out that they are answering before they know your problem",
    "nothing_offered": "point out that they have not offered anything yet",
    "await_confirm": "ask whether that is their offer",
    "next_prompt": "ask what they suggest as a next step",
    "repeat_notice": "point out that they said that already",
    "pasted_notice": "say that was a lot at once and sounded like a script",
    "keywords_notice": "say you did not follow: that was a list of words",
    "small_talk": "politely bring it back to business",
    "generic": "say that could be said to anyone and ask about your situation",
}
MOVE_INSTRUCTIONS = {
    "push_back": "push back",
    "harden": "you feel pressured: become cooler and more guarded",
    "soften": "warm up a little",
    "agree_next_step": "agree to the concrete next step they asked for, no more than that",
    "agree": "agree to go ahead",
    "walk_away": "end the conversation politely but firmly",
}


def move_instruction(move: str, beats: tuple[str, ...] = ()) -> str:
    parts = [MOVE_INSTRUCTIONS[move]] if move in MOVE_INSTRUCTIONS else []
    parts += [BEAT_INSTRUCTIONS[b] for b in beats if b in BEAT_INSTRUCTIONS and b != "persona"]
    return "; then ".join(parts) + "." if parts else f"{move}."


_PREFIX = re.compile(
    r"^\s*(?:\*\*)?(?:buyer|assistant|[A-Z][a-z]+(?: [A-Z][a-z'-]+)?)\s*(?:\*\*)?\s*[:\-\u2014]\s+"
)
_AGREES = re.compile(
    r"\b(?:let'?s\s+do\s+it|let'?s\s+(?:go\s+ahead|move\s+forward|proceed|get\s+started|sign)"
    r"|(?:you'?ve\s+got|we\s+have|it'?s)\s+a\s+deal|\bdeal\b[.!]|sign\s+me\s+up|count\s+me\s+in"
    r"|i'?m\s+(?:in|sold)\b|i'?ll\s+sign|send\s+(?:me\s+|over\s+)?the\s+(?:contract|paperwork|agreement"
    r"|order\s+form)|go\s+ahead\s+and\s+(?:book|send|sign)|book\s+it|i\s+agree\s+to)",
    re.IGNORECASE,
)


def agrees(text: str) -> bool:
    """Whether a buyer's words agree to buy or to go ahead."""
    return _AGREES.search(text) is not None


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
        # Set after a turn whose reply had to be withdrawn: why, in words.
        self.fallback_reason: str | None = None

    def _draft(self, request: SpeakRequest) -> str:
        return compose(
            request.decision,
            request.scenario,
            request.persona,
            request.history,
            request.trainee,
            request.seed,
            request.turn_index,
        )

    def messages(self, request: SpeakRequest) -> list[dict[str, str]]:
        context = template_context(request.persona, request.scenario, request.trainee)
        context["trainee"] = request.trainee or "name not given"
        persona, scenario, decision = request.persona, request.scenario, request.decision
        state = _last_state(request)
        concern = None
        objection = next((o for o in scenario.objections if o.id == decision.objection), None)
        if objection is not None:
            stage = (state.stages.get(objection.id) if state else None) or "raised"
            revealed = stage in ("uncovered", "answered", "confirmed") or any(
                b.kind == "reveal" for b in decision.beats
            )
            concern = {
                "surface": render(objection.surface, context),
                "stage": _STAGE_WORDS.get(stage, stage),
                "revealed": revealed,
                "root_cause": objection.root_cause,
            }
        answered = [
            render(o.surface, context)
            for o in scenario.objections
            if state and o.id in state.resolved and o.id != decision.objection
        ]
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
                "facts": [f.says for f in (*scenario.facts, *persona.facts)],
                "situation": scenario.situation,
                "concern": concern,
                "answered": answered,
                "move_instruction": move_instruction(
                    decision.move.value, tuple(b.kind for b in decision.beats)
                ),
                "agreeing": decision.move in (Move.AGREE, Move.AGREE_NEXT_STEP),
                "draft": self._draft(request),
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
        self.fallback_reason = None
        may_agree = request.decision.move in (Move.AGREE, Move.AGREE_NEXT_STEP)
        messages = self.messages(request)
        for attempt in range(2):
            said = ""
            head = True
            withdrawn = False
            try:
                async with aclosing(
                    stream(self.options, messages, stall_timeout=self.stall_timeout)
                ) as pieces:
                    async for piece in pieces:
                        if head:
                            # Models sometimes open with a speaker label: "Dana Okafor: ..."
                            piece = _PREFIX.sub("", piece.lstrip())
                            if not piece:
                                continue
                            head = False
                        said += piece
                        if not may_agree and agrees(said):
                            withdrawn = True
                            break
                        yield piece
            except ModelError as exc:
                raise ActorError(str(exc), retryable=exc.retryable) from None
            if not withdrawn:
                return
            yield RESET
            if attempt == 0:
                continue
        self.fallback_reason = (
            "the model's reply agreed when the buyer had not; the offline buyer's line was used "
            "for this turn"
        )
        yield self._draft(request)


_STAGE_WORDS = {
    "raised": "you have raised it; they have not asked about it yet",
    "explored": "they have asked about it; you have not told them the real reason",
    "uncovered": "you have told them the real reason; they have not answered it yet",
    "answered": "they have proposed an answer; you are weighing it",
    "confirmed": "answered",
}


def _last_state(request: SpeakRequest) -> Any:
    return next((t.state for t in reversed(request.history) if t.role == "buyer" and t.state), None)
