"""`trainer grade`: scorecards for transcripts, files, JSONL batches or folders,
and for real calls (WebVTT, SRT, Otter text, Gong JSON) with `--rep`.

Bad transcripts are reported one line each (file, and line for JSONL) and the
good ones are still graded; the exit code is 2 if anything was bad. With the
offline grader the same input gives the same output, byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

from trainer.calls import Call, CallError, read_calls, sniff
from trainer.commands.content import load_checked_library
from trainer.errors import BadInput
from trainer.grading.grader import grade_transcript
from trainer.grading.render import format_scorecard
from trainer.text import visible
from trainer.transcript import (
    Transcript,
    TranscriptError,
    read_transcripts,
    transcript_files,
)

# Besides transcripts, a folder is searched for call exports by these names.
_CAPTION_SUFFIXES = (".vtt", ".srt")


def _files(paths: list[Path]) -> list[Path]:
    """Transcripts and call exports, folders expanded in name order. A `.txt`
    in a folder counts only when it reads as a call export: notes beside the
    calls are not calls."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.extend(transcript_files([path]))
            continue
        for p in sorted(q for q in path.rglob("*") if q.is_file()):
            suffix = p.suffix.lower()
            if suffix in (".json", ".jsonl", *_CAPTION_SUFFIXES) or (
                suffix == ".txt" and _sniffed(p)
            ):
                found.append(p)
    return found


def _sniffed(path: Path) -> bool:
    try:
        return sniff(path.read_text(encoding="utf-8-sig", errors="replace")) is not None
    except OSError:
        return True  # reading it again will say what is wrong


def _is_call(path: Path) -> bool:
    """A call export rather than one of the trainer's transcripts, by content."""
    if path.suffix.lower() == ".jsonl":
        return False
    try:
        head = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return path.suffix.lower() != ".json"
    if sniff(head) is not None:
        return True
    return not (path.suffix.lower() == ".json" or head.lstrip().startswith("{"))


def _calls(path: Path, rep: str | None) -> list[tuple[str, Transcript | BadInput]]:
    """Each call in an export as a transcript with the seller as the trainee."""
    try:
        calls = read_calls(path)
    except CallError as exc:
        return [(str(path), exc)]
    return [(call.source, _as_transcript(call, rep)) for call in calls]


def _as_transcript(call: Call, rep: str | None) -> Transcript | BadInput:
    if rep is None:
        return CallError(
            f"{call.source}: a call: name the seller with --rep NAME (or a speaker id); "
            f"speakers found: {call.describe_speakers()}"
        )
    try:
        return call.to_transcript(rep)
    except CallError as exc:
        return exc


def grade_paths(
    paths: list[Path],
    *,
    rubric: str | None,
    judge: str | None,
    api_base: str | None,
    as_json: bool,
    extra: list[Path],
    rep: str | None = None,
) -> int:
    library = load_checked_library(extra)
    if rubric is not None and rubric not in library.rubrics:
        raise BadInput(
            f"--rubric: unknown rubric {rubric!r}; known: {', '.join(sorted(library.rubrics))}"
        )
    grader = None
    if judge and judge != "offline":
        from trainer.grading.judge import Judge

        grader = Judge(judge, api_base=api_base)
    try:
        files = _files(paths)
    except TranscriptError as exc:
        raise BadInput(str(exc)) from None
    if not files:
        raise BadInput(
            "no transcripts (.json, .jsonl) or calls (.vtt, .srt, .txt) found in "
            + ", ".join(map(str, paths))
        )
    bad = 0
    graded = 0
    for path in files:
        call = _is_call(path)
        items = _calls(path, rep) if call else read_transcripts(path)
        for where, item in items:
            if isinstance(item, BadInput):
                bad += 1
                print(visible(str(item)), file=sys.stderr)
                continue
            card = grade_transcript(
                item, library, rubric=rubric, judge=grader, source=where, reread=call
            )
            # Which file (and line of a batch) this scorecard is for, whatever its id says.
            card = card.model_copy(update={"source": where})
            graded += 1
            if as_json:
                sys.stdout.write(card.to_json_line() + "\n")
            else:
                title = where + (f" · {item.scenario}" if item.scenario else "")
                if call:
                    title += f" · call, seller {item.trainee}"
                print(f"== {visible(title)}")
                print(format_scorecard(card, item))
                print()
    if bad:
        print(f"trainer: {bad} transcript(s) could not be read; {graded} graded", file=sys.stderr)
        return 2
    return 0
