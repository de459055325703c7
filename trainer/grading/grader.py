"""One way to grade a transcript, used by every path: the headless chat, the
app, `trainer grade`, import and simulation.

The rubric rule, in order: the rubric asked for (`--rubric`); else the one
the transcript was practised against, if the library has it; else the
scenario's own; else the default rubric. Each trainee turn is graded on the
reading stored with it when the same rules made it (what the live session
saw), and read again from its words otherwise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.content.library import DEFAULT_RUBRIC, Library
from trainer.content.models import Rubric, Scenario
from trainer.grading.scoring import grade
from trainer.scorecard import Scorecard
from trainer.transcript import Transcript

if TYPE_CHECKING:
    from trainer.grading.judge import Judge

__all__ = ["choose_rubric", "grade_transcript"]


def choose_rubric(library: Library, transcript: Transcript, override: str | None = None) -> Rubric:
    """The rubric for a transcript, by the rule in this module's docstring.
    An unknown `override` is the caller's error (LookupError)."""
    if override:
        return library.rubric(override)
    scenario = library.scenarios.get(transcript.scenario or "")
    for candidate in (transcript.rubric, scenario.rubric if scenario else None):
        if candidate and candidate in library.rubrics:
            return library.rubric(candidate)
    return library.rubric(DEFAULT_RUBRIC)


def grade_transcript(
    transcript: Transcript,
    library: Library,
    *,
    rubric: str | None = None,
    judge: Judge | None = None,
    source: str | None = None,
    reread: bool = False,
    scenario: Scenario | None = None,
) -> Scorecard:
    """The scorecard for one transcript. `reread` ignores the readings stored
    with the turns (for transcripts from elsewhere, whose stored readings are
    not to be trusted); `judge` adds an LLM judge next to the offline grader.
    `scenario` is the one the session ran when it differs from the library's
    (a drill runs its scenario cut down to one objection)."""
    scenario = scenario or library.scenarios.get(transcript.scenario or "")
    chosen = choose_rubric(library, transcript, rubric)
    if judge is not None:
        return judge.grade(transcript, chosen, scenario, source=source)
    persona = library.personas.get(scenario.persona) if scenario else None
    return grade(transcript, chosen, scenario, persona=persona, source=source, reread=reread)
