"""Reading one content file: safe YAML, pydantic, and errors with line numbers.

Whatever the bytes in a file, the result is either a model or a list of
`ContentError`s (`path:line: message`): never a traceback, never code run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

__all__ = ["ContentError", "MAX_FILE_BYTES", "Lines", "load_model", "parse_yaml"]

# A persona or scenario is a few KB; anything far bigger is a mistake or an attack.
MAX_FILE_BYTES = 256 * 1024
# Nodes visited while mapping lines. Aliases can make a small file describe an
# enormous (or cyclic) tree, the "billion laughs"; this bounds the walk.
MAX_NODES = 50_000
MAX_DEPTH = 40

# libyaml's safe loader when PyYAML was built with it (ten times faster), else
# the pure-Python one: both only build plain data, never objects.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

M = TypeVar("M", bound=BaseModel)
Path_ = tuple[str | int, ...]
Lines = dict[Path_, int]


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {' '.join(self.message.split())}"  # always one line


class _Invalid(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _walk(node: yaml.Node, here: Path_, lines: dict[Path_, int], budget: list[int]) -> None:
    """Record the line of every key and item; reject duplicate keys and oversized trees."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _Invalid(node.start_mark.line + 1, "file expands to too many values (aliases?)")
    if len(here) > MAX_DEPTH:
        raise _Invalid(node.start_mark.line + 1, "nested too deeply")
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.tag)
            if key in seen:
                raise _Invalid(key_node.start_mark.line + 1, f"duplicate key {key!r}")
            seen.add(key)
            lines[here + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, here + (key,), lines, budget)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[here + (index,)] = item.start_mark.line + 1
            _walk(item, here + (index,), lines, budget)


def parse_yaml(raw: bytes) -> tuple[Any, dict[Path_, int]]:
    """Parse YAML bytes safely; return the data and a map from field path to line."""
    if len(raw) > MAX_FILE_BYTES:
        raise _Invalid(None, f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _Invalid(line, f"not UTF-8 text (byte {raw[exc.start]:#04x})") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    loader: yaml.SafeLoader | None = None
    try:
        loader = _SafeLoader(text)  # the reader rejects some characters right here
        node = loader.get_single_node()
        if node is None:
            raise _Invalid(None, "file is empty")
        lines: dict[Path_, int] = {(): node.start_mark.line + 1}
        _walk(node, (), lines, [MAX_NODES])
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        at = mark.line + 1 if mark else None
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise _Invalid(at, f"YAML: {problem}") from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise _Invalid(line, f"YAML: character {exc.character:#x} is not allowed") from None
    except yaml.YAMLError as exc:
        raise _Invalid(None, f"YAML: {exc}") from None
    except RecursionError:
        raise _Invalid(None, "nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()
    return data, lines


def _line_for(loc: tuple[Any, ...], lines: dict[Path_, int]) -> int | None:
    path: Path_ = tuple(p for p in loc if isinstance(p, str | int))
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def _describe(error: Any) -> str:
    field = ".".join(str(p) for p in error["loc"]) or "(top level)"
    kind = error["type"]
    if kind == "missing":
        return f"{field}: required field is missing"
    if kind == "extra_forbidden":
        return f"{field}: unknown field"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind == "enum":
        expected = error.get("ctx", {}).get("expected")
        message = f"must be one of {expected}" if expected else message
    return f"{field}: {message}"


def load_model(
    path: Path, model: type[M], display: str | None = None
) -> tuple[M | None, list[ContentError], Lines]:
    """Load one YAML file into `model`. The id is the file stem.

    Returns the model (or None), the problems found, and the line of each field,
    so later checks (templates, references) can point at the right line too.
    """
    name = display or str(path)
    stem = path.stem
    if not SLUG.match(stem):
        return (
            None,
            [
                ContentError(
                    name,
                    None,
                    f"file name {stem!r} is not a valid id (lowercase letters, digits, '-')",
                )
            ],
            {},
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [ContentError(name, None, f"cannot read: {exc.strerror or exc}")], {}
    try:
        data, lines = parse_yaml(raw)
    except _Invalid as exc:
        return None, [ContentError(name, exc.line, exc.message)], {}
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        kind = {"list": "a list", "str": "a string", "int": "a number"}.get(kind, kind)
        return (
            None,
            [
                ContentError(
                    name, lines.get(()), f"top level must be a mapping of fields, found {kind}"
                )
            ],
            {},
        )
    if "id" in data and data["id"] != stem:
        return (
            None,
            [
                ContentError(
                    name, lines.get(("id",)), f"id {data['id']!r} must match the file name {stem!r}"
                )
            ],
            {},
        )
    data = {**data, "id": stem}
    try:
        return model.model_validate(data), [], lines
    except ValidationError as exc:
        errors = [
            ContentError(name, _line_for(tuple(err["loc"]), lines), _describe(err))
            for err in exc.errors(include_url=False)
        ]
        return None, sorted(set(errors), key=lambda e: (e.line or 0, e.message)), lines
    except RecursionError:
        return None, [ContentError(name, None, "nested too deeply")], lines
