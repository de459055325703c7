"""What the screens may use: the library, the store, the settings and the
trainee's choices on Home, and the engine's factory for sessions.

Screens get this object instead of reaching into the app, so they never
depend on the app (or on each other) and tests can hand them a context with
a fake judge or a store of their own. Nothing here imports Textual; every
database read a screen needs is a call here, made outside compose and render.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING

from trainer import clock
from trainer.actors import OFFLINE
from trainer.config import Settings, save_setting
from trainer.content.library import Library
from trainer.session.commands import Mode
from trainer.store.base import SessionRow, Store

if TYPE_CHECKING:
    from trainer.drills import DrillItem, DrillPlan
    from trainer.grading.judge import Judge
    from trainer.management.assignments import AssignmentProgress
    from trainer.practice.progress import Progress
    from trainer.scorecard import Scorecard
    from trainer.session.session import Session
    from trainer.transcript import Transcript

__all__ = ["TrainerContext"]

UNFINISHED_SHOWN = 5


def _instant() -> datetime:
    """Now, from the clock tests pin."""
    return datetime.fromisoformat(clock.now().replace("Z", "+00:00"))


def _default_judge(model: str, api_base: str | None) -> Judge:
    from trainer.grading.judge import Judge

    return Judge(model, api_base=api_base)


@dataclass
class TrainerContext:
    library: Library
    store: Store | None
    settings: Settings
    model: str = OFFLINE  # the buyer voice chosen on Home
    api_base: str | None = None
    exam: bool = False  # the mode chosen on Home
    seed: int | None = None
    # How a judge is built for a model string; tests pass a fake one.
    judge_factory: Callable[[str, str | None], Judge] = _default_judge
    # Where a choice made in the app is kept; tests may pass a recorder.
    save: Callable[[str, str], None] = save_setting
    # The sessions started from the Drills screen, by id, with the drill each
    # runs: finishing one records the drill, and a retry runs the drill again.
    drills: dict[str, DrillItem] = field(default_factory=dict, init=False, repr=False)

    @property
    def trainee(self) -> str | None:
        return self.settings.trainee

    @property
    def mode(self) -> Mode:
        return Mode.EXAM if self.exam else Mode.PRACTICE

    # --- choices that outlive the app -------------------------------------

    def set_trainee(self, name: str) -> None:
        self.settings = replace(self.settings, trainee=name)  # in use now, even if saving fails
        self.save("trainee", name)

    def set_model(self, model: str) -> None:
        self.model = model  # in use now, even if saving it fails
        self.save("model", model)

    # --- sessions -----------------------------------------------------------

    def new_session(
        self,
        scenario_id: str,
        *,
        exam: bool | None = None,
        seed: int | None = None,
        model: str | None = None,
    ) -> Session:
        """A fresh session through the engine's factory, which links it to the
        trainee's open assignment, if any. Raises TrainerError (NoAttemptsLeft
        among them) when it cannot start."""
        from trainer.practice.factory import new_session

        exam = self.exam if exam is None else exam
        return new_session(
            self.library,
            scenario_id,
            store=self.store,
            trainee=self.trainee,
            model=model or self.model,
            api_base=self.api_base,
            seed=seed if seed is not None else self.seed,
            mode=Mode.EXAM if exam else Mode.PRACTICE,
        )

    def resume(self, session_id: str, *, model: str | None = None) -> Session:
        from trainer.errors import BadInput
        from trainer.practice.factory import resume_session

        if self.store is None:
            raise BadInput("no saved sessions without a store")
        transcript = self.store.load_session(session_id)
        return resume_session(
            self.library,
            transcript,
            store=self.store,
            model=model or self.model,
            api_base=self.api_base,
        )

    def finish(self, session: Session) -> tuple[Transcript, Scorecard]:
        """End the session, grade it offline with its rubric and save the result."""
        from trainer.practice.factory import finish_and_grade

        result = finish_and_grade(session, self.library)
        if session.id in self.drills and self.store is not None:
            # As `trainer drill --start` does: the plan made once the grade is
            # in the store, so the drill counts and its next due date is saved.
            from trainer.drills.state import record_drill

            record_drill(session.id, self.drill_plan(session.trainee))
        return result

    def judge(self, transcript: Transcript, model: str) -> Scorecard:
        """The LLM judge's scorecard for a finished transcript. Blocking: run it
        in a thread. A failed call comes back as a scorecard whose turns say
        why they are unscored, never as an exception or a made-up grade."""
        from trainer.grading.grader import grade_transcript

        judge = self.judge_factory(model, self.api_base)
        return grade_transcript(transcript, self.library, judge=judge)

    # --- drills -------------------------------------------------------------

    def drill_plan(self, trainee: str | None = None) -> DrillPlan:
        """The trainee's drills from the store's history, due ones weakest
        first, and the cards as scheduled now saved for other tools."""
        from trainer.drills import DrillPlan, plan_for
        from trainer.drills.state import load_state, save_state

        trainee = trainee or self.trainee
        if self.store is None or trainee is None:
            return DrillPlan(due=[], later=[])
        plan = plan_for(self.store, self.library, trainee, _instant())
        save_state(plan, load_state())
        return plan

    def start_drill(self, item: DrillItem, *, model: str | None = None) -> Session:
        """The short session on one objection; finishing it records the drill."""
        from trainer.drills import session_for

        session = session_for(
            item,
            self.library,
            store=self.store,
            model=model or self.model,
            api_base=self.api_base,
            seed=self.seed,
        )
        self.drills[session.id] = item
        return session

    def drill_of(self, session: Session) -> DrillItem | None:
        """The drill this session runs, if it was started as one."""
        return self.drills.get(session.id)

    def carry_drill(self, source: Session, fork: Session) -> None:
        """A rewound drill is still that drill."""
        item = self.drills.get(source.id)
        if item is not None:
            self.drills[fork.id] = item

    # --- what Home and Progress read -------------------------------------------

    def assignments(self) -> list[AssignmentProgress]:
        """The trainee's assignments the library can run, most urgent first."""
        from trainer.management.assignments import trainee_assignments

        if self.store is None or self.trainee is None:
            return []
        found = trainee_assignments(self.store, self.trainee, clock.today())
        return [p for p in found if p.assignment.scenario in self.library.scenarios]

    def unfinished(self) -> list[SessionRow]:
        """The trainee's unfinished sessions worth resuming, newest first."""
        if self.store is None:
            return []
        rows = self.store.list_sessions(trainee=self.trainee)
        return [
            r
            for r in reversed(rows)
            if r.finished is None and r.trainee_turns > 0 and r.scenario in self.library.scenarios
        ][:UNFINISHED_SHOWN]

    def progress(self) -> Progress:
        """The trainee's progress from the store (empty without one)."""
        from trainer.management.assignments import Status, trainee_assignments
        from trainer.practice.progress import summarize

        if self.store is None or self.trainee is None:
            return summarize([], self.library)
        snapshot = self.store.snapshot(trainee=self.trainee, turns=True)
        assigned = [
            p.assignment.scenario
            for p in trainee_assignments(self.store, self.trainee, clock.today())
            if p.status is not Status.PASSED
        ]
        return summarize(snapshot.sessions, self.library, assigned=assigned)

    def attempt_notice(self, session: Session) -> str | None:
        """Before an attempt that counts: which attempt it is and what passes."""
        from trainer.management.assignments import attempt_notice

        if session.assignment_id is None or self.store is None:
            return None
        return attempt_notice(self.store, session.trainee, session.assignment_id)

    def result_notice(self, session: Session) -> str | None:
        """After an attempt that counts: where its assignment stands."""
        from trainer.management.assignments import result_notice

        if session.assignment_id is None or self.store is None:
            return None
        return result_notice(self.store, session.trainee, session.assignment_id, clock.today())
