"""The one place that talks to litellm: loading it, call options, retries,
streaming and plain completion. The buyer's model voice and the LLM judge
build their prompts and call `stream()` or `complete()`; nothing else in the
trainer imports litellm.

litellm costs seconds to import and would fetch a price map from the network
at import time, so it is imported only when a real model is used, with
LITELLM_LOCAL_MODEL_COST_MAP set first. Keys and api_base go with each call;
no litellm global is changed beyond silencing its banner.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import threading
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["ModelError", "ModelOptions", "complete", "load_litellm", "stream"]

_lock = threading.Lock()

# Transient failures worth another try: the provider is busy, slow or briefly down.
_TRANSIENT_NAMES = (
    "RateLimitError",
    "APIConnectionError",
    "Timeout",
    "ServiceUnavailableError",
    "InternalServerError",
    "BadGatewayError",
)
_SECRET = re.compile(r"(sk|key|token)[-_A-Za-z0-9]{8,}")


class ModelError(Exception):
    """A model call failed. The message never holds a key; `retryable` says
    whether trying again might help (a rate limit) or not (a bad model name)."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


def load_litellm() -> Any:
    """Import litellm once, offline-safe. Call from a background thread to warm up."""
    with _lock:
        os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
        import litellm

        litellm.suppress_debug_info = True
        return litellm


@dataclass(frozen=True)
class ModelOptions:
    """How to call one model. `extra` goes to litellm as is (tests pass
    `mock_response` there)."""

    model: str
    api_base: str | None = None
    timeout: float = 60.0
    temperature: float = 0.7
    retries: int = 3  # further attempts after a transient failure
    backoff: float = 1.0  # seconds before the first retry; doubles each time
    extra: dict[str, Any] = field(default_factory=dict)

    def call_options(self) -> dict[str, Any]:
        # max_retries=0: the provider SDK's own retries would multiply ours.
        options: dict[str, Any] = {
            "timeout": self.timeout,
            "temperature": self.temperature,
            "max_retries": 0,
        }
        if self.api_base:
            options["api_base"] = self.api_base
            # A local OpenAI-compatible server wants some key; a real one from
            # the environment wins, and neither is ever written anywhere.
            if self.model.startswith("openai/") and not os.environ.get("OPENAI_API_KEY"):
                options["api_key"] = "local"
        options.update(self.extra)
        return options

    def delay(self, attempt: int) -> float:
        """Backoff before retry number `attempt` (1-based), with a little jitter."""
        return self.backoff * (2 ** (attempt - 1)) * (1 + random.random() / 4)


def _transient(litellm: Any) -> tuple[type[BaseException], ...]:
    return tuple(getattr(litellm, n) for n in _TRANSIENT_NAMES if hasattr(litellm, n)) + (
        asyncio.TimeoutError,
    )


def friendly(exc: BaseException, model: str) -> str:
    """A one-line, keyless description of a failed call."""
    kind = type(exc).__name__
    text = str(exc).splitlines()[0] if str(exc) else ""
    # Provider messages sometimes echo request details; keep it short and keyless.
    text = _SECRET.sub("[redacted]", text)[:200]
    return (
        f"the model {model!r} failed ({kind}): {text}"
        if text
        else f"the model {model!r} failed ({kind})"
    )


def _content(chunk: Any) -> str:
    try:
        return chunk.choices[0].delta.content or ""
    except (AttributeError, IndexError, KeyError, TypeError):
        return ""


async def stream(
    options: ModelOptions, messages: list[dict[str, str]], *, stall_timeout: float = 30.0
) -> AsyncGenerator[str, None]:
    """The reply in chunks as the provider sends them. Transient failures are
    retried with backoff until the first chunk; after that a retry would repeat
    words already shown, so a failure is reported instead. `stall_timeout` is
    the longest silence allowed between chunks: a dropped connection often
    shows up only as silence, and litellm may end a broken stream as if it had
    finished."""
    litellm = await asyncio.to_thread(load_litellm)
    transient = _transient(litellm)
    attempt = 0
    while True:
        started = False
        try:
            response = await litellm.acompletion(
                model=options.model, messages=messages, stream=True, **options.call_options()
            )
            iterator = aiter(response)
            while True:
                try:
                    chunk = await asyncio.wait_for(anext(iterator), stall_timeout)
                except StopAsyncIteration:
                    return
                except TimeoutError:
                    raise ModelError(
                        f"the model {options.model!r} stopped sending mid-reply "
                        f"(nothing for {stall_timeout:g} s)"
                    ) from None
                piece = _content(chunk)
                if piece:
                    started = True
                    yield piece
        except transient as exc:
            if started or attempt >= options.retries:
                raise ModelError(friendly(exc, options.model)) from None
            attempt += 1
            await asyncio.sleep(options.delay(attempt))
        except ModelError:
            raise
        except Exception as exc:
            raise ModelError(friendly(exc, options.model), retryable=False) from None


async def complete(options: ModelOptions, messages: list[dict[str, str]]) -> str:
    """The whole reply at once, with the same retries as `stream`."""
    litellm = await asyncio.to_thread(load_litellm)
    transient = _transient(litellm)
    attempt = 0
    while True:
        try:
            response = await litellm.acompletion(
                model=options.model, messages=messages, **options.call_options()
            )
            return str(response.choices[0].message.content or "")
        except transient as exc:
            if attempt >= options.retries:
                raise ModelError(friendly(exc, options.model)) from None
            attempt += 1
            await asyncio.sleep(options.delay(attempt))
        except Exception as exc:
            raise ModelError(friendly(exc, options.model), retryable=False) from None
