"""Running the app from the command line: `trainer` and `trainer practice`."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.commands.content import load_checked_library
from trainer.config import load_settings
from trainer.errors import BadInput
from trainer.session.commands import Mode
from trainer.store.engine import open_store
from trainer.tui.app import make_app

if TYPE_CHECKING:
    from trainer.session.session import Session
    from trainer.tui.app import TrainerApp


def launch(
    *,
    scenario: str | None = None,
    model: str | None = None,
    api_base: str | None = None,
    exam: bool = False,
    trainee: str | None = None,
    seed: int | None = None,
    resume: str | None = None,
    extra: list[Path] | None = None,
) -> int:
    """Open Home, or a session directly when a scenario or a session to resume is given.

    A bad scenario id or session id fails here, as a one-line CLI error (exit 2),
    before the terminal switches to the app."""
    library = load_checked_library(extra or [])
    settings = load_settings(trainee=trainee, model=model, api_base=api_base)
    # On a team database the journal's notices ("kept on this machine",
    # "uploaded") would garble the screen on stderr: the app shows them.
    shown: list[str] = []
    running: list[TrainerApp] = []

    def notice(message: str) -> None:
        if running:
            running[0].notify(message, timeout=8)
        else:
            shown.append(message)

    store = open_store(practice=True, notice=notice)
    try:
        login = store.trainee_login()
        if login:  # on a team database the login is the name: nobody can pose as another
            settings = dataclasses.replace(settings, trainee=login)
        session: Session | None = None
        if resume is not None or scenario is not None:
            # Only a direct session needs the engine before the first paint.
            from trainer.practice.factory import new_session, resume_session
        if resume is not None:
            transcript = store.load_session(resume)
            if scenario is not None and transcript.scenario != scenario:
                raise BadInput(
                    f"--resume {resume}: that session is a {transcript.scenario} session, not {scenario}"
                )
            session = resume_session(
                library, transcript, store=store, model=settings.model, api_base=settings.api_base
            )
        elif scenario is not None:
            session = new_session(
                library,
                scenario,
                store=store,
                trainee=settings.trainee,
                model=settings.model,
                api_base=settings.api_base,
                seed=seed,
                mode=Mode.EXAM if exam else Mode.PRACTICE,
            )
        app = make_app(
            library,
            store,
            settings,
            model=settings.model,
            api_base=settings.api_base,
            exam=exam,
            seed=seed,
            session=session,
        )
        running.append(app)
        for message in shown:
            app.call_later(app.notify, message, timeout=8)
        app.run()
        return 0
    finally:
        store.close()
