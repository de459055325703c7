"""Rendering content text: Jinja2 in a sandbox, refusing undefined names.

Content is data, never code. Authored lines and prompt templates may use
`{{ offer.price }}` and simple filters, but a sandboxed environment blocks
attribute tricks, and StrictUndefined turns a typo into an error at
`trainer validate` time instead of a blank in front of a trainee.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

__all__ = ["NAME_MARK", "TemplateError", "check", "render", "without_name"]

# Stands for the trainee's name when nobody has given one (see without_name).
NAME_MARK = "\u2063name\u2063"
_MARKED = re.compile(
    r"(?:,\s*" + re.escape(NAME_MARK) + r"(?=\s*[.!?,;:]))"  # "..., NAME." -> "..."
    r"|(?:^\s*" + re.escape(NAME_MARK) + r"\s*[.!?,;:]?\s*)"  # "NAME. I have" -> "I have"
    r"|(?:\s+" + re.escape(NAME_MARK) + r"(?=\s*[.!?,;:]))"  # "Hi NAME." -> "Hi."
    r"|(?:" + re.escape(NAME_MARK) + r")"
)

_ENV = ImmutableSandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,
    keep_trailing_newline=False,
    trim_blocks=True,
    lstrip_blocks=True,
)


@lru_cache(maxsize=4096)
def _compile(source: str) -> Any:
    return _ENV.from_string(source)


def render(source: str, context: dict[str, Any]) -> str:
    """Render one template; raises jinja2.TemplateError on any problem."""
    if "{" not in source:  # plain text: most authored lines
        return source
    return str(_compile(source).render(context)).strip()


def without_name(text: str) -> str:
    """A rendered line with the unnamed trainee taken out: "Thanks for making
    time, NAME. I've read..." becomes "Thanks for making time. I've read..."."""
    if NAME_MARK not in text:
        return text
    cleaned = _MARKED.sub("", text)
    cleaned = re.sub(r"\s{2,}", " ", cleaned).strip()
    cleaned = re.sub(r"\s+([.!?,;:])", r"\1", cleaned)
    return cleaned[:1].upper() + cleaned[1:]


def check(source: str, context: dict[str, Any]) -> str | None:
    """Render with sample values; return a one-line problem or None."""
    try:
        render(source, context)
    except TemplateError as exc:
        return f"template error: {exc.message or exc.__class__.__name__}"
    except (ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as exc:
        return f"template error: {exc.__class__.__name__}: {exc}"
    return None
