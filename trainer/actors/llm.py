"""A buyer voiced by any litellm model: hosted, or a local OpenAI-compatible server.

litellm costs seconds to import and would fetch a price map from the network
at import time, so it is imported here only when a real model is used, with
LITELLM_LOCAL_MODEL_COST_MAP set first. Keys and api_base go with each call;
no litellm global is changed beyond silencing its banner.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import threading
from collections.abc import AsyncIterator
from importlib import resources
from typing import Any

from trainer.actors.base import ActorError, SpeakRequest
from trainer.actors.offline import compose
from trainer.content.library import template_context
from trainer.content.templates import render

__all__ = ["LiteLLMVoice", "load_litellm", "move_instruction"]

_lock = threading.Lock()


def load_litellm() -> Any:
    """Import litellm once, offline-safe. Call from a background thread to warm up."""
    with _lock:
        os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        import litellm

        litellm.suppress_debug_info = True
        return litellm


def _transient(litellm: Any) -> tuple[type[BaseException], ...]:
    names = (
        "RateLimitError",
        "APIConnectionError",
        "Timeout",
        "ServiceUnavailableError",
        "InternalServerError",
        "BadGatewayError",
    )
    return tuple(getattr(litellm, n) for n in names if hasattr(litellm, n)) + (
        asyncio.TimeoutError,
    )


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


class LiteLLMVoice:
    """Streams the buyer's line from a model; retries transient failures with backoff."""

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
        self.api_base = api_base
        self.timeout = timeout
        # Longest silence allowed between two streamed chunks. A dropped
        # connection often shows up as silence, and litellm may end a broken
        # stream as if it had finished, so silence is what we can rely on.
        self.stall_timeout = stall_timeout
        self.retries = retries
        self.backoff = backoff
        self.temperature = temperature
        self.extra = dict(extra or {})  # tests pass mock_response here

    def messages(self, request: SpeakRequest) -> list[dict[str, str]]:
        context = template_context(request.persona, request.scenario, request.trainee)
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

    def _call_options(self) -> dict[str, Any]:
        # max_retries=0: the provider SDK's own retries would multiply ours.
        options: dict[str, Any] = {
            "timeout": self.timeout,
            "temperature": self.temperature,
            "max_retries": 0,
        }
        if self.api_base:
            options["api_base"] = self.api_base
            # Local OpenAI-compatible servers want some key; a real one from the
            # environment wins, and neither is ever written anywhere.
            if self.name.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
                options["api_key"] = "local"
        options.update(self.extra)
        return options

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        litellm = await asyncio.to_thread(load_litellm)
        transient = _transient(litellm)
        messages = self.messages(request)
        attempt = 0
        while True:
            started = False
            try:
                stream = await litellm.acompletion(
                    model=self.name, messages=messages, stream=True, **self._call_options()
                )
                head = True
                iterator = aiter(stream)
                while True:
                    try:
                        chunk = await asyncio.wait_for(anext(iterator), self.stall_timeout)
                    except StopAsyncIteration:
                        break
                    except TimeoutError:
                        raise ActorError(
                            f"the model {self.name!r} stopped sending mid-reply "
                            f"(nothing for {self.stall_timeout:g} s)"
                        ) from None
                    piece = _content(chunk)
                    if not piece:
                        continue
                    if head:
                        piece = _PREFIX.sub("", piece.lstrip())
                        if not piece:
                            continue
                        head = False
                    started = True
                    yield piece
                return
            except transient as exc:
                # Once words have streamed, a retry would repeat them: report instead.
                if started or attempt >= self.retries:
                    raise ActorError(_friendly(exc, self.name)) from None
                attempt += 1
                delay = self.backoff * (2 ** (attempt - 1)) * (1 + random.random() / 4)
                await asyncio.sleep(delay)
            except ActorError:
                raise
            except Exception as exc:
                raise ActorError(_friendly(exc, self.name), retryable=False) from None


def _content(chunk: Any) -> str:
    try:
        return chunk.choices[0].delta.content or ""
    except (AttributeError, IndexError, KeyError, TypeError):
        return ""


def _friendly(exc: BaseException, model: str) -> str:
    kind = type(exc).__name__
    text = str(exc).splitlines()[0] if str(exc) else ""
    # Provider messages sometimes echo request details; keep it short and keyless.
    text = re.sub(r"(sk|key|token)[-_A-Za-z0-9]{8,}", "[redacted]", text)[:200]
    return (
        f"the model {model!r} failed ({kind}): {text}"
        if text
        else f"the model {model!r} failed ({kind})"
    )
