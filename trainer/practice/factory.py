"""Building a Session from the library: the one place that wires content,
actor and store together, for the headless chat and the TUI alike."""

from __future__ import annotations

from trainer.actors import make_actor
from trainer.content.library import Library, template_context
from trainer.content.templates import check
from trainer.errors import BadInput
from trainer.grading.grader import grade_transcript
from trainer.management.assignments import assignment_for_new_session
from trainer.scorecard import Scorecard
from trainer.session.commands import Mode
from trainer.session.session import Session
from trainer.store.base import Store
from trainer.transcript import Transcript


def check_scenario(library: Library, scenario_id: str) -> None:
    """Render the scenario's lines once, so a broken template stops here."""
    scenario = library.scenario(scenario_id)
    persona = library.persona(scenario.persona)
    context = template_context(persona, scenario, "Sam")
    texts = [*scenario.opening, *(line for lines in persona.lines.values() for line in lines)]
    for o in scenario.objections:
        texts += [o.surface, *o.variants, *o.reveal, *o.resolved]
    for text in texts:
        if problem := check(text, context):
            raise BadInput(f"scenario {scenario_id}: {problem}; run `trainer validate`")


def new_session(
    library: Library,
    scenario_id: str,
    *,
    store: Store | None,
    trainee: str | None,
    model: str = "offline",
    api_base: str | None = None,
    seed: int | None = None,
    mode: Mode = Mode.PRACTICE,
    rubric: str | None = None,
) -> Session:
    try:
        scenario = library.scenario(scenario_id)
    except LookupError as exc:
        raise BadInput(str(exc.args[0])) from None
    persona = library.persona(scenario.persona)
    rubric_id = rubric or scenario.rubric
    try:
        library.rubric(rubric_id)
    except LookupError as exc:
        raise BadInput(str(exc.args[0])) from None
    check_scenario(library, scenario_id)
    # An attempt at the trainee's open assignment, if there is one; an exam
    # assignment fixes the mode and the seed, whatever was asked for.
    assignment = (
        assignment_for_new_session(store, trainee, scenario.id) if store and trainee else None
    )
    if assignment is not None and assignment.exam:
        mode, seed = Mode.EXAM, assignment.seed
    session = Session(
        scenario=scenario,
        persona=persona,
        actor=make_actor(model, api_base),
        store=store,
        trainee=trainee,
        mode=mode,
        rubric=rubric_id,
        content_hashes={
            "scenario": library.content_hash("scenarios", scenario.id),
            "persona": library.content_hash("personas", persona.id),
            "rubric": library.content_hash("rubrics", rubric_id),
        },
        assignment_id=assignment.id if assignment else None,
    )
    if seed is not None:
        session.seed = seed
    return session


def resume_session(
    library: Library,
    transcript: Transcript,
    *,
    store: Store | None,
    model: str = "offline",
    api_base: str | None = None,
) -> Session:
    if not transcript.scenario or transcript.scenario not in library.scenarios:
        raise BadInput(
            f"session {transcript.id}: its scenario {transcript.scenario!r} is not in the library"
        )
    scenario = library.scenario(transcript.scenario)
    persona = library.persona(scenario.persona)
    return Session.resume(transcript, scenario, persona, make_actor(model, api_base), store)


def finish_and_grade(session: Session, library: Library) -> tuple[Transcript, Scorecard]:
    """End a session, grade it (offline, on the readings the session made as
    it went) and save the result."""
    transcript = session.finish()
    # Against the scenario the session ran: a drill's has one objection.
    card = grade_transcript(transcript, library, scenario=session.scenario)
    session.record_result(card.score, card.passed, card.to_dict())
    return transcript, card
