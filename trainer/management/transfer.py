"""Moving sessions between machines: export one as Markdown or JSON, import
transcripts into this store.

Import re-grades finished transcripts with this machine's rubric and the
offline grader, so every attempt in a report is scored the same way whatever
machine it came from, and a scorecard edited in a file counts for nothing.
Re-importing the same transcript adds nothing (the store dedupes by id, or by
content for transcripts without one); importing the finished copy of a
session stored unfinished replaces it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from trainer.content.library import Library
from trainer.grading.grader import grade_transcript
from trainer.grading.render import format_scorecard
from trainer.management.assignments import assignment_for_import
from trainer.scorecard import Scorecard
from trainer.store.base import ImportOutcome, Store
from trainer.text import visible
from trainer.transcript import (
    Transcript,
    TranscriptError,
    read_transcripts,
    transcript_files,
)

__all__ = ["Imported", "export_json", "export_markdown", "import_paths"]


# --- export -----------------------------------------------------------------


def export_json(transcript: Transcript, scorecard: dict[str, Any] | None) -> str:
    document = {
        "transcript": transcript.model_dump(mode="json", exclude_none=True),
        "scorecard": scorecard,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _fenced(text: str) -> str:
    fence = "```"
    while fence in text:  # a quote with backticks must not close the block
        fence += "`"
    return f"{fence}text\n{text}\n{fence}"


def export_markdown(
    transcript: Transcript, scorecard: dict[str, Any] | None, title: str | None = None
) -> str:
    trainee = visible(transcript.trainee or "Trainee")
    lines = [f"# {title or transcript.scenario or 'Role-play'}", ""]
    facts = [
        ("Session", transcript.id),
        ("Trainee", transcript.trainee),
        ("Scenario", transcript.scenario),
        ("Buyer", transcript.persona),
        ("Mode", transcript.mode),
        ("Voice", transcript.model),
        ("Seed", transcript.seed),
        ("Started", transcript.started),
        ("Finished", transcript.finished or "not finished"),
        ("Outcome", (transcript.outcome or "").replace("_", " ") or None),
    ]
    lines += [f"- **{name}:** {visible(str(value))}" for name, value in facts if value is not None]
    lines += ["", "## Transcript", ""]
    for index, turn in enumerate(transcript.turns):
        if turn.role == "buyer":
            lines.append(f"**[{index}] Buyer:** {visible(turn.text)}")
        else:
            reading = ""
            if turn.label:
                tactics = ", ".join(turn.tactics or [])
                reading = f" _({turn.label}{': ' + tactics if tactics else ''})_"
            lines.append(f"**[{index}] {trainee}:**{reading} {visible(turn.text)}")
        lines.append("")
    lines += ["## Scorecard", ""]
    if scorecard is None:
        lines.append("Not graded: the session has not finished.")
    else:
        try:
            card = Scorecard.model_validate(scorecard)
        except ValidationError:
            # A scorecard from an older or newer trainer: show it as stored.
            lines.append(_fenced(json.dumps(scorecard, ensure_ascii=False, indent=2)))
        else:
            lines.append(_fenced(format_scorecard(card, transcript)))
    return "\n".join(lines) + "\n"


# --- import -----------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    """What happened to one transcript: added, updated, kept as stored, or
    unreadable (`error`, and no outcome)."""

    where: str
    session: str | None = None
    outcome: ImportOutcome | None = None
    score: int | None = None
    assignment: int | None = None
    error: str | None = None


def _grade(library: Library, transcript: Transcript) -> Scorecard | None:
    if not transcript.finished:
        return None  # an attempt still in progress elsewhere has no grade yet
    # Read again here: a reading stored in a file from elsewhere is not trusted.
    return grade_transcript(transcript, library, reread=True)


def _add(store: Store, library: Library, where: str, transcript: Transcript) -> Imported:
    card = _grade(library, transcript)
    assignment = None
    if transcript.trainee and transcript.scenario:
        snapshot = store.snapshot(
            trainee=transcript.trainee, scenario=transcript.scenario, turns=False
        )
        # An earlier copy of this very session is what this one may replace,
        # not an attempt of its own.
        others = [s for s in snapshot.sessions if s.row.id != transcript.id]
        assignment = assignment_for_import(snapshot.assignments, others, transcript)
    outcome = store.import_transcript(
        transcript,
        assignment_id=assignment.id if assignment else None,
        score=card.score if card else None,
        passed=card.passed if card else None,
        scorecard=card.to_dict() if card else None,
    )
    changed = outcome is not ImportOutcome.KEPT
    return Imported(
        where=where,
        session=transcript.id,
        outcome=outcome,
        score=card.score if card and changed else None,
        assignment=assignment.id if assignment and changed else None,
    )


def import_paths(store: Store, library: Library, paths: list[Path]) -> Iterator[Imported]:
    """Import every transcript in the files and folders given. A bad one is
    reported (file, and line in JSONL) and the rest still go in. They go in
    oldest first, whatever the file order, so attempts count against an
    assignment (and its attempt limit) in the order they were made, as they
    would have if made here."""
    found: list[tuple[str, Transcript]] = []
    for path in transcript_files(paths):
        for where, item in read_transcripts(path):
            if isinstance(item, TranscriptError):
                yield Imported(where=where, error=str(item))
            else:
                found.append((where, item))
    for where, transcript in sorted(found, key=lambda wt: wt[1].started or ""):
        yield _add(store, library, where, transcript)
