"""The trainer's terminal app, built by a factory that takes its dependencies.

The CLI and the tests build the same app with `make_app`. The app holds the
library, the store and the settings; the screens only render the engine's
state and turn keys into calls on a Session.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from trainer.actors import OFFLINE
from trainer.config import Settings
from trainer.content.library import Library
from trainer.errors import TrainerError
from trainer.session.commands import Mode
from trainer.store.base import Store

if TYPE_CHECKING:
    from trainer.scorecard import Scorecard
    from trainer.session.session import Session
    from trainer.transcript import Transcript

__all__ = ["TrainerApp", "make_app"]


class TrainerApp(App[None]):
    CSS_PATH = "trainer.tcss"
    TITLE = "Objection trainer"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit; every turn is saved"),
    ]

    def __init__(
        self,
        library: Library,
        store: Store | None,
        settings: Settings,
        *,
        model: str | None = None,
        api_base: str | None = None,
        exam: bool = False,
        seed: int | None = None,
        session: Session | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.store = store
        self.settings = settings
        self.model = model or settings.model or OFFLINE
        self.api_base = api_base or settings.api_base
        self.exam = exam
        self.seed = seed
        self._first_session = session
        self._warmed: set[str] = set()
        self.sub_title = settings.trainee or ""

    def on_mount(self) -> None:
        from trainer.tui.home import HomeScreen

        self.push_screen(HomeScreen())
        if self._first_session is not None:
            self.open_session(self._first_session)
        else:
            # Home paints without the session engine and grader (their phrase
            # tables take a while to compile); they load, after the first paint,
            # while the trainee reads.
            self.set_timer(0.5, self._load_engine)
        self.warm_model(self.model)

    def _load_engine(self) -> None:
        self.run_worker(_load_engine, thread=True, group="warm", name="load-engine")

    # --- models -------------------------------------------------------------

    def warm_model(self, model: str) -> None:
        """Import litellm in a thread while the trainee reads, if a real model is chosen."""
        if not model or model == OFFLINE or "litellm" in self._warmed:
            return
        self._warmed.add("litellm")
        from trainer.llm import load_litellm

        self.run_worker(
            load_litellm, thread=True, group="warm", name="load-litellm", exit_on_error=False
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name == "load-litellm" and event.state is WorkerState.ERROR:
            self._warmed.discard("litellm")
            error = event.worker.error
            self.notify(
                f"litellm could not be loaded ({type(error).__name__}); the offline buyer still works.",
                severity="error",
                markup=False,
            )

    # --- sessions -------------------------------------------------------------

    def new_session(
        self,
        scenario_id: str,
        *,
        exam: bool,
        seed: int | None = None,
        model: str | None = None,
    ) -> Session | None:
        """A fresh session through the engine's factory (which links it to the
        trainee's open assignment, if any); None, with a notice, if it cannot start."""
        from trainer.practice.factory import new_session

        try:
            return new_session(
                self.library,
                scenario_id,
                store=self.store,
                trainee=self.settings.trainee,
                model=model or self.model,
                api_base=self.api_base,
                seed=seed,
                mode=Mode.EXAM if exam else Mode.PRACTICE,
            )
        except TrainerError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None

    def resume(self, session_id: str, *, model: str | None = None) -> Session | None:
        from trainer.practice.factory import resume_session

        if self.store is None:
            return None
        try:
            transcript = self.store.load_session(session_id)
            return resume_session(
                self.library,
                transcript,
                store=self.store,
                model=model or self.model,
                api_base=self.api_base,
            )
        except TrainerError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None

    def open_session(self, session: Session, *, from_home: bool = False) -> None:
        """Show a session; `from_home` first goes back to Home, so leaving it lands there."""
        from trainer.tui.home import HomeScreen
        from trainer.tui.session_screen import SessionScreen

        if from_home:
            while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        self.push_screen(SessionScreen(session))

    def show_scorecard(self, session: Session, transcript: Transcript, card: Scorecard) -> None:
        """Replace the session with its scorecard."""
        from trainer.tui.scorecard_screen import ScorecardScreen

        self.switch_screen(ScorecardScreen(session, transcript, card))

    def finish(self, session: Session) -> tuple[Transcript, Scorecard]:
        """End the session, grade it with its rubric and save the result."""
        from trainer.practice.factory import finish_and_grade

        return finish_and_grade(session, self.library)


def _load_engine() -> None:
    import trainer.grading.scoring
    import trainer.practice.factory  # noqa: F401


def make_app(
    library: Library,
    store: Store | None,
    settings: Settings,
    *,
    model: str | None = None,
    api_base: str | None = None,
    exam: bool = False,
    seed: int | None = None,
    session: Session | None = None,
) -> TrainerApp:
    """The app with its dependencies: what the CLI runs and the tests drive.

    `session`, when given, opens straight into that session (`trainer practice`);
    Home stays underneath, so leaving the session lands there."""
    return TrainerApp(
        library,
        store,
        settings,
        model=model,
        api_base=api_base,
        exam=exam,
        seed=seed,
        session=session,
    )
