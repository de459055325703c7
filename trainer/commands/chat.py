"""`trainer chat`: the headless role-play, one trainee line per input line.

Prints `BUYER: text` per buyer line, flushed, so another program can drive it
through a pipe; notices go to standard error so standard output stays
parseable. Every turn is saved as it happens; Ctrl-C keeps them.
"""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TextIO

from trainer import clock
from trainer.actors import OfflineVoice
from trainer.actors.base import ActorError
from trainer.commands.content import load_checked_library
from trainer.config import load_settings
from trainer.errors import BadInput
from trainer.grading.render import format_scorecard
from trainer.management.assignments import attempt_notice, result_notice
from trainer.practice.factory import finish_and_grade, new_session
from trainer.session.coach import hint
from trainer.session.commands import Mode, command_help, find_command
from trainer.session.session import (
    BuyerLine,
    Ended,
    Event,
    Session,
    SessionError,
    VoiceNotice,
)
from trainer.store.engine import open_store


def _say(line: str, out: TextIO | None = None) -> None:
    # sys.stdout looked up per call, not bound at import: it may be swapped
    # (pytest's capture, a caller redirecting output) after this module loads.
    out = out or sys.stdout
    out.write(line + "\n")
    out.flush()


def _notice(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


async def _drive(events: AsyncIterator[Event]) -> None:
    async for event in events:
        if isinstance(event, BuyerLine):
            _say(f"BUYER: {event.turn.text}")
        elif isinstance(event, VoiceNotice):
            _notice(f"-- {event.text}")
        elif isinstance(event, Ended):
            _notice(f"-- the conversation ended: {event.outcome.value.replace('_', ' ')}")


def converse(session: Session, stdin: TextIO) -> None:
    # Input is read in the main thread between turns, so Ctrl-C interrupts a
    # blocked read at once; the event loop runs only while the buyer speaks.
    loop = asyncio.new_event_loop()
    try:
        _run_turns(loop, session, stdin)
    finally:
        loop.close()


def _run_turns(loop: asyncio.AbstractEventLoop, session: Session, stdin: TextIO) -> None:
    def drive(events: AsyncIterator[Event]) -> None:
        loop.run_until_complete(_drive(events))

    def hint_() -> None:
        _notice(f"-- coach: {hint(session.state, session.scenario)}")

    def undo() -> None:
        session.undo()
        _notice("-- took back your last line; say it again differently")

    def restart() -> None:
        session.rewind(1)
        _notice("-- started over from the buyer's opening line")

    def offline() -> None:
        session.actor = OfflineVoice()
        _notice("-- switched to the offline buyer")
        if session.awaiting_buyer:
            drive(session.retry())

    actions = {
        "hint": hint_,
        "undo": undo,
        "restart": restart,
        "retry": lambda: drive(session.retry()),
        "offline": offline,
        "help": lambda: _notice(_help(session)),
    }
    try:
        drive(session.start())
    except ActorError as exc:
        _notice(f"trainer: the buyer could not answer: {exc}. Type /retry or /offline.")
    while not session.ended:
        line = stdin.readline()
        if not line:  # EOF
            break
        text = line.strip()
        if not text:
            continue
        try:
            if text.startswith("/"):
                command = find_command(text)
                if command is None:
                    _notice(f"-- unknown command {text.split()[0]!r}; {_help(session)}")
                elif not command.allowed(session.mode):
                    _notice(f"-- {command.name} is off in exam mode")
                elif command.action == "end":
                    break
                else:
                    actions[command.action]()
            else:
                drive(session.say(text))
        except SessionError as exc:
            _notice(f"-- {exc}")
        except ActorError as exc:
            _notice(f"trainer: the buyer could not answer: {exc}. Type /retry or /offline.")


def _help(session: Session) -> str:
    return "commands: " + command_help(session.mode)


def chat(
    scenario_id: str,
    *,
    model: str | None,
    api_base: str | None,
    seed: int | None,
    trainee: str | None,
    out: Path | None,
    exam: bool,
    extra: list[Path],
) -> int:
    library = load_checked_library(extra)
    settings = load_settings(trainee=trainee, model=model, api_base=api_base)
    if out is not None and out.is_dir():
        raise BadInput(f"--out {out}: is a folder; give a file name")
    with open_store(practice=True) as store:
        session = new_session(
            library,
            scenario_id,
            store=store,
            trainee=store.trainee_login() or settings.trainee,
            model=settings.model,
            api_base=settings.api_base,
            seed=seed,
            mode=Mode.EXAM if exam else Mode.PRACTICE,
        )
        _notice(
            f"-- {session.scenario.title} · buyer: {session.persona.name}, {session.persona.role}"
            f" · voice: {session.actor.name} · seed {session.seed} · {_help(session)}"
        )
        if session.assignment_id is not None:
            _notice(f"-- {attempt_notice(store, session.trainee, session.assignment_id)}")
        try:
            if isinstance(sys.stdin, io.TextIOWrapper):
                # Bytes that are not text (a stray binary paste) become U+FFFD
                # instead of ending the session with a decoding error.
                sys.stdin.reconfigure(errors="replace")
            converse(session, sys.stdin)
        except KeyboardInterrupt:
            _notice(f"-- interrupted: {len(session.turns)} turn(s) saved in session {session.id}")
            _write(out, session)
            return 130
        transcript, card = finish_and_grade(session, library)
        _say("")
        _say(format_scorecard(card, transcript, short=True))
        if session.assignment_id is not None and not any(
            t.role == "trainee" for t in session.turns
        ):
            # Kept as a session, but no attempt (SessionRow.counts_as_attempt).
            _notice(
                f"-- nothing was said, so this did not use an attempt at assignment"
                f" #{session.assignment_id}"
            )
        elif session.assignment_id is not None:
            _notice(
                f"-- {result_notice(store, session.trainee, session.assignment_id, clock.today())}"
            )
        _write(out, session)
        return 0


def _write(out: Path | None, session: Session) -> None:
    if out is None:
        return
    try:
        out.write_text(session.transcript().to_json() + "\n", encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"--out {out}: cannot write: {exc.strerror or exc}") from None
    _notice(f"-- transcript written to {out}")
