"""Checking a buyer-voice model string before a session needs it.

litellm takes seconds to import, so the check uses the provider prefixes it
knows for chat models, listed here (tests/tui compare this list with
litellm's own). A string that fails here would only fail later, as a
provider error after the trainee's first line.
"""

from __future__ import annotations

from trainer.actors import OFFLINE

__all__ = ["PROVIDERS", "model_problem"]

PROVIDERS = frozenset(
    {
        "anthropic",
        "azure",
        "azure_ai",
        "bedrock",
        "cerebras",
        "cloudflare",
        "cohere",
        "cohere_chat",
        "custom_openai",
        "databricks",
        "deepinfra",
        "deepseek",
        "fireworks_ai",
        "gemini",
        "github",
        "groq",
        "hosted_vllm",
        "huggingface",
        "litellm_proxy",
        "llamafile",
        "lm_studio",
        "meta_llama",
        "mistral",
        "nvidia_nim",
        "ollama",
        "ollama_chat",
        "openai",
        "openai_like",
        "openrouter",
        "perplexity",
        "replicate",
        "sagemaker",
        "sambanova",
        "together_ai",
        "vertex_ai",
        "vllm",
        "watsonx",
        "xai",
    }
)
EXAMPLE = "openai/gpt-4o-mini"


def model_problem(model: str, *, api_base: str | None = None) -> str | None:
    """Why `model` cannot be a buyer voice, in one line; None when it can.

    With an api_base, any name goes: a local server decides what it serves."""
    model = model.strip()
    if not model:
        return f"empty: type {OFFLINE}, or a model such as {EXAMPLE}"
    if model == OFFLINE or api_base:
        return None
    provider, slash, name = model.partition("/")
    if not slash or not name:
        return f"{model!r} names no provider: type {OFFLINE}, or provider/model such as {EXAMPLE}"
    if provider.lower() not in PROVIDERS:
        return (
            f"{provider!r} is not a provider litellm knows (such as openai, anthropic, "
            f"ollama); for a local server set an api base (trainer config api_base URL)"
        )
    return None
