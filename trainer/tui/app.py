"""The trainer's terminal app, built by a factory that takes its dependencies.

The CLI and the tests build the same app with `make_app`. The app owns the
navigation: screens get a TrainerContext (the library, the store, the
settings, the session factory), post messages (open a session, show a
scorecard, show progress, go back) and the handlers here move between them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from trainer.actors import OFFLINE
from trainer.config import Settings, save_setting
from trainer.content.library import Library
from trainer.store.base import Store
from trainer.tui.context import TrainerContext, _default_judge
from trainer.tui.home import HomeScreen
from trainer.tui.messages import (
    Back,
    OpenSession,
    ShowDrills,
    ShowProgress,
    ShowScorecard,
    WarmModel,
)

if TYPE_CHECKING:
    from trainer.grading.judge import Judge
    from trainer.session.session import Session

__all__ = ["TrainerApp", "make_app"]


class TrainerApp(App[None]):
    CSS_PATH = "trainer.tcss"
    TITLE = "Objection trainer"
    ENABLE_COMMAND_PALETTE = False
    # Classes on each screen by terminal size, so the stylesheet can fit 80x24:
    # a narrow terminal folds the side panel into a status line, a short one
    # trims margins.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (96, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit; every turn is saved"),
    ]

    def __init__(self, context: TrainerContext, *, session: Session | None = None) -> None:
        super().__init__()
        self.context = context
        self._first_session = session
        self._warmed: set[str] = set()
        self.sub_title = context.trainee or ""

    @property
    def model(self) -> str:
        """The buyer voice chosen on Home."""
        return self.context.model

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.context))
        if self._first_session is not None:
            from trainer.tui.session_screen import SessionScreen

            self.push_screen(SessionScreen(self.context, self._first_session))
        else:
            # Home paints without the session engine and grader (their phrase
            # tables take a while to compile); they load, after the first paint,
            # while the trainee reads.
            self.set_timer(0.5, self._load_engine)
        self.warm_model(self.context.model)

    def _load_engine(self) -> None:
        self.run_worker(_load_engine, thread=True, group="warm", name="load-engine")

    # --- navigation -----------------------------------------------------------

    @on(OpenSession)
    def _open_session(self, message: OpenSession) -> None:
        # The other screens load the engine; imported on first use, so Home
        # paints first (see on_mount).
        from trainer.tui.session_screen import SessionScreen

        self.warm_model(message.session.actor.name)
        screen = SessionScreen(self.context, message.session, draft=message.draft)
        if message.replace:
            self.switch_screen(screen)
            return
        if message.from_home:
            while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        self.push_screen(screen)

    @on(ShowScorecard)
    def _show_scorecard(self, message: ShowScorecard) -> None:
        from trainer.tui.scorecard_screen import ScorecardScreen

        self.switch_screen(
            ScorecardScreen(self.context, message.session, message.transcript, message.card)
        )

    @on(ShowProgress)
    def _show_progress(self) -> None:
        from trainer.tui.progress import ProgressScreen

        self.push_screen(ProgressScreen(self.context))

    @on(ShowDrills)
    def _show_drills(self) -> None:
        from trainer.tui.drills_screen import DrillsScreen

        self.push_screen(DrillsScreen(self.context))

    @on(Back)
    def _back(self) -> None:
        if len(self.screen_stack) > 2:  # the default screen, then Home: Home stays
            self.pop_screen()

    @on(WarmModel)
    def _warm(self, message: WarmModel) -> None:
        self.warm_model(message.model)

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
    judge: Callable[[str, str | None], Judge] | None = None,
    save: Callable[[str, str], None] | None = None,
) -> TrainerApp:
    """The app with its dependencies: what the CLI runs and the tests drive.

    `session`, when given, opens straight into that session (`trainer practice`);
    Home stays underneath, so leaving the session lands there. `judge` builds
    the LLM judge for a model string and `save` keeps a setting (tests pass
    fakes for both)."""
    context = TrainerContext(
        library,
        store,
        settings,
        model=model or settings.model or OFFLINE,
        api_base=api_base or settings.api_base,
        exam=exam,
        seed=seed,
        judge_factory=judge or _default_judge,
        save=save or save_setting,
    )
    return TrainerApp(context, session=session)
