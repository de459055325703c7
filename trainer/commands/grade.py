"""`trainer grade`: scorecards for transcripts, files, JSONL batches or folders.

Bad transcripts are reported one line each (file, and line for JSONL) and the
good ones are still graded; the exit code is 2 if anything was bad. With the
offline grader the same input gives the same output, byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

from trainer.commands.content import load_checked_library
from trainer.errors import BadInput
from trainer.grading.grader import grade_transcript
from trainer.grading.render import format_scorecard
from trainer.text import visible
from trainer.transcript import (
    TranscriptError,
    read_transcripts,
    transcript_files,
)


def grade_paths(
    paths: list[Path],
    *,
    rubric: str | None,
    judge: str | None,
    api_base: str | None,
    as_json: bool,
    extra: list[Path],
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
        files = list(transcript_files(paths))
    except TranscriptError as exc:
        raise BadInput(str(exc)) from None
    if not files:
        raise BadInput("no transcripts (.json or .jsonl) found in " + ", ".join(map(str, paths)))
    bad = 0
    graded = 0
    for path in files:
        for where, item in read_transcripts(path):
            if isinstance(item, TranscriptError):
                bad += 1
                print(visible(str(item)), file=sys.stderr)
                continue
            card = grade_transcript(item, library, rubric=rubric, judge=grader, source=where)
            # Which file (and line of a batch) this scorecard is for, whatever its id says.
            card = card.model_copy(update={"source": where})
            graded += 1
            if as_json:
                sys.stdout.write(card.to_json_line() + "\n")
            else:
                title = where + (f" · {item.scenario}" if item.scenario else "")
                print(f"== {visible(title)}")
                print(format_scorecard(card, item))
                print()
    if bad:
        print(f"trainer: {bad} transcript(s) could not be read; {graded} graded", file=sys.stderr)
        return 2
    return 0
