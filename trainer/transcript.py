"""The transcript: the public JSON record of one conversation, and reading it.

The ground floor of the house: it imports nothing of trainer/ but the
vocabulary, the clock and the error types, so every other package can use it.

Version 1's minimal form is `{"version": 1, "turns": [{"role", "text"}...]}`;
what the trainer writes adds ids, seed, model, hashes, timestamps, the buyer's
state after each buyer turn, how each trainee turn was read, and the outcome.
Readers ignore fields they do not know, and a malformed transcript is a
one-line error naming the file (and line, in JSONL).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from trainer.errors import BadInput

__all__ = [
    "MAX_TRANSCRIPT_BYTES",
    "BuyerSnapshot",
    "FindingRecord",
    "ReadingRecord",
    "Transcript",
    "TranscriptError",
    "Turn",
    "read_text",
    "read_transcripts",
]

MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024
MAX_TURN_CHARS = 20_000


class _Open(BaseModel):
    # Readers ignore what they do not know, so newer writers stay readable.
    model_config = ConfigDict(extra="ignore")


class BuyerSnapshot(_Open):
    """The buyer's state after a buyer turn, as the director left it.

    Objection ids by how far each got; `stages` names each raised objection's
    stage (raised, explored, uncovered, answered, confirmed)."""

    trust: int = 0
    patience: int = 0
    raised: list[str] = []
    uncovered: list[str] = []
    resolved: list[str] = []
    current: str | None = None
    trainee_turns: int = 0
    pressure_turns: int = 0
    outcome: str | None = None
    stages: dict[str, str] = {}


class FindingRecord(_Open):
    """One tactic found in a trainee turn: the words are text[start:end]."""

    tactic: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ReadingRecord(_Open):
    """How a trainee turn was read when it was said. `reader` names the rules
    that read it: a grader with other rules reads the turn again."""

    reader: str
    label: str
    findings: list[FindingRecord] = []
    marks: list[str] = []  # what else the reading found (a proposal, a repeat, ...)
    # The objections the turn is about: their surface, their hidden root cause,
    # and how many terms of what would answer each one it has.
    surface: list[str] = []
    root: list[str] = []
    asked: list[str] = []  # ... that its questions ask about
    answer: dict[str, int] = {}
    offered: list[str] = []  # what the turn put on the table, in its own words


class Turn(_Open):
    role: Literal["buyer", "trainee"]
    text: str = Field(max_length=MAX_TURN_CHARS)
    at: str | None = None
    # Buyer turns: the move behind the words, why, and the state after it.
    move: str | None = None
    objection: str | None = None
    reason: str | None = None
    state: BuyerSnapshot | None = None
    # Trainee turns: how the turn was read when it was said. `label` and
    # `tactics` are the summary older readers know; `reading` is the whole of it.
    label: str | None = None
    tactics: list[str] | None = None
    reading: ReadingRecord | None = None


class Transcript(_Open):
    version: Literal[1] = 1
    id: str | None = None
    scenario: str | None = None
    persona: str | None = None
    rubric: str | None = None
    trainee: str | None = None
    model: str | None = None
    seed: int | None = None
    mode: str | None = None
    started: str | None = None
    finished: str | None = None
    outcome: str | None = None
    content_hashes: dict[str, str | None] | None = None
    assignment_id: int | None = None  # the assignment this session is an attempt at
    turns: list[Turn] = Field(max_length=2000)

    def trainee_turns(self) -> list[tuple[int, Turn]]:
        return [(i, t) for i, t in enumerate(self.turns) if t.role == "trainee"]

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json", exclude_none=True), ensure_ascii=False)


class TranscriptError(BadInput):
    pass


def _where(name: str, line: int | None) -> str:
    return f"{name}:{line}" if line else name


def _describe(exc: ValidationError) -> str:
    first = exc.errors(include_url=False)[0]
    field = ".".join(str(p) for p in first["loc"]) or "(top level)"
    message = "required field is missing" if first["type"] == "missing" else first["msg"]
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"{field}: {message}{more}"


def parse_transcript(text: str, name: str, line: int | None = None) -> Transcript:
    where = _where(name, line)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        at = exc.lineno if line is None else line
        raise TranscriptError(f"{_where(name, at)}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise TranscriptError(f"{where}: JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise TranscriptError(
            f"{where}: a transcript is a JSON object, found {type(data).__name__}"
        )
    if "turns" not in data and isinstance(data.get("transcript"), dict):
        # `trainer export --format json` wraps the transcript with its scorecard;
        # the transcript is what counts (a scorecard is re-made by whoever reads it).
        data = data["transcript"]
    if "turns" not in data:
        raise TranscriptError(f"{where}: turns: required field is missing")
    try:
        return Transcript.model_validate(data)
    except ValidationError as exc:
        raise TranscriptError(f"{where}: {_describe(exc)}") from None


def read_text(
    path: Path, *, error: type[Exception] = TranscriptError, encoding: str = "utf-8"
) -> str:
    """A file's text, refused past MAX_TRANSCRIPT_BYTES, every failure one line
    naming the file (raised as `error`)."""
    try:
        size = path.stat().st_size
        if size > MAX_TRANSCRIPT_BYTES:
            raise error(f"{path}: {size} bytes; the limit is {MAX_TRANSCRIPT_BYTES}")
        return path.read_bytes().decode(encoding)
    except UnicodeDecodeError:
        raise error(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None


def transcript_files(paths: list[Path]) -> Iterator[Path]:
    """Expand folders into their .json and .jsonl files, in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix in (".json", ".jsonl") and p.is_file()
            )
        elif path.exists():
            yield path
        else:
            raise TranscriptError(f"{path}: no such file or folder")


def read_transcripts(path: Path) -> Iterator[tuple[str, Transcript | TranscriptError]]:
    """Yield (where, transcript or error) for each transcript in a file, in order,
    so one bad line in a batch does not stop the good ones."""
    try:
        text = read_text(path)
    except TranscriptError as exc:
        yield str(path), exc
        return
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            where = _where(str(path), number)
            try:
                yield where, parse_transcript(line, str(path), number)
            except TranscriptError as exc:
                yield where, exc
        return
    try:
        yield str(path), parse_transcript(text, str(path))
    except TranscriptError as exc:
        yield str(path), exc
