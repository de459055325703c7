"""Who voices the buyer: the offline scripted voice, or a litellm model."""

from __future__ import annotations

from trainer.actors.base import Actor, ActorError, SpeakRequest
from trainer.actors.offline import OfflineVoice

__all__ = ["OFFLINE", "Actor", "ActorError", "OfflineVoice", "SpeakRequest", "make_actor"]

OFFLINE = "offline"


def make_actor(model: str | None = None, api_base: str | None = None) -> Actor:
    """`offline` (the default) or any litellm model string."""
    if not model or model == OFFLINE:
        return OfflineVoice()
    from trainer.actors.model_voice import ModelVoice  # litellm itself loads on first use

    return ModelVoice(model, api_base=api_base)
