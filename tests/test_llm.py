"""The one model client: call options shared by the buyer's voice and the judge."""

from __future__ import annotations

import pytest

from trainer.actors.model_voice import ModelVoice
from trainer.grading.judge import Judge
from trainer.llm import ModelOptions


def test_provider_retries_are_off_so_ours_do_not_multiply() -> None:
    assert ModelOptions("openai/x").call_options()["max_retries"] == 0


def test_a_local_server_gets_a_placeholder_key_only_when_there_is_no_real_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    local = ModelOptions("openai/llama3", api_base="http://127.0.0.1:1/v1").call_options()
    assert local["api_key"] == "local" and local["api_base"] == "http://127.0.0.1:1/v1"
    monkeypatch.setenv("OPENAI_API_KEY", "sk-real-key-from-the-environment")
    real = ModelOptions("openai/llama3", api_base="http://127.0.0.1:1/v1").call_options()
    assert "api_key" not in real  # litellm reads the real key from the environment


def test_the_voice_and_the_judge_call_with_the_same_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-real-key-from-the-environment")
    base = "http://127.0.0.1:1/v1"
    voice = ModelVoice("openai/m", api_base=base).options.call_options()
    judge = Judge("openai/m", api_base=base).options.call_options()
    for options in (voice, judge):
        assert options["max_retries"] == 0 and "api_key" not in options
    assert judge["temperature"] == 0  # the same transcript should get the same labels
