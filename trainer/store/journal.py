"""Nothing is lost when the team database goes away.

JournaledStore stands in front of a PostgresStore. While the server answers,
every write goes straight to it. When it cannot be reached (at the start, or
in the middle of a session), the session's writes go to a local journal
under TRAINER_HOME instead, one JSON line each, flushed as written; a notice
says so once. The next store opened on the same database (any command that
reaches the server, or `trainer sync`) replays each session's journal in one
transaction and then deletes it. Replaying is idempotent (a session is
created only if missing; a turn is stored by session id and index, replacing
what was there), so a journal replayed twice, after a crash between the
commit and the delete, still leaves every turn exactly once.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

from trainer.store.base import (
    Assignment,
    ImportOutcome,
    NoAttemptsLeft,
    SessionRow,
    Snapshot,
)
from trainer.store.postgres import DatabaseUnreachable, PostgresStore
from trainer.store.url import mask
from trainer.transcript import Transcript

__all__ = ["Journal", "JournaledStore", "Upload"]


def _stderr(message: str) -> None:
    print(f"trainer: {message}", file=sys.stderr)


class Journal:
    """The writes kept for one database, one file per session."""

    def __init__(self, home: Path, url: str) -> None:
        parts = urlsplit(url)
        # Keyed by server, database and login: a journal is only ever replayed
        # where, and as whom, it was written.
        key = f"{parts.hostname}:{parts.port}/{parts.path.lstrip('/')}/{parts.username}"
        self.folder = home / "journal" / hashlib.sha256(key.encode()).hexdigest()[:16]

    def _file(self, session_id: str) -> Path:
        safe = "".join(ch for ch in session_id if ch.isalnum() or ch in "-_")
        return self.folder / f"{safe}.jsonl"

    def append(self, session_id: str, entry: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._file(session_id)
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps({"session": session_id, **entry}) + "\n")
            out.flush()
            os.fsync(out.fileno())  # a killed process keeps every completed turn

    def pending(self) -> list[Path]:
        return sorted(self.folder.glob("*.jsonl")) if self.folder.exists() else []

    @staticmethod
    def entries(path: Path) -> list[dict[str, Any]]:
        entries = []
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                entries.append(json.loads(line))
            except ValueError:
                break  # a line cut short by a crash: everything before it counts
        return entries


class Upload:
    """What one upload did."""

    def __init__(self) -> None:
        self.sessions = 0
        self.turns = 0
        self.unlinked: list[str] = []  # exam attempts past their limit, kept as practice


def upload(journal: Journal, store: PostgresStore) -> Upload:
    done = Upload()
    for path in journal.pending():
        entries = journal.entries(path)
        with store.batch():
            for entry in entries:
                _replay(store, entry, done)
        path.unlink()
        done.sessions += 1
    return done


def _replay(store: PostgresStore, entry: dict[str, Any], done: Upload) -> None:
    session_id = entry["session"]
    op = entry["op"]
    if op == "create":
        if store.has_session(session_id):
            return
        transcript = Transcript.model_validate(entry["transcript"])
        try:
            store.create_session(transcript, assignment_id=entry.get("assignment"))
        except NoAttemptsLeft:
            store.create_session(transcript)
            done.unlinked.append(session_id)
    elif op == "turn":
        store.save_turn(session_id, entry["index"], entry["turn"])
        done.turns += 1
    elif op == "truncate":
        store.truncate(session_id, entry["keep"])
    elif op == "finish":
        store.finish_session(
            session_id,
            finished=entry["finished"],
            outcome=entry["outcome"],
            score=entry["score"],
            passed=entry["passed"],
            scorecard=entry["scorecard"],
        )


class JournaledStore:
    """A team database store that keeps a session's writes locally while the
    server is away; writes never fail for want of it. Opened for practice
    (`practice=True`), it opens with the server away too, and reads then show
    nothing from the server (the notice says so); opened for anything else,
    an unreachable server is an error, as it should be for a report."""

    def __init__(
        self,
        url: str,
        home: Path,
        *,
        practice: bool = False,
        notice: Callable[[str], None] = _stderr,
    ) -> None:
        self.url = url
        self.journal = Journal(home, url)
        self._notice = notice
        self._noticed = False
        self._away: set[str] = set()  # sessions whose writes go to the journal
        self.remote: PostgresStore | None
        self.uploaded = Upload()
        try:
            self.remote = PostgresStore(url)
        except DatabaseUnreachable as exc:
            if not practice:
                raise
            self.remote = None
            self._went_away(exc)
            return
        try:
            self.uploaded = self.sync()
        except DatabaseUnreachable as exc:  # it went away while uploading: kept for next time
            self._went_away(exc)

    # --- reaching the server ----------------------------------------------

    def sync(self) -> Upload:
        """Upload what the journal holds; says so when there was something."""
        if self.remote is None:
            raise DatabaseUnreachable(
                f"{mask(self.url)}: the team database is still unreachable;"
                f" {len(self.journal.pending())} session(s) wait in {self.journal.folder}"
            )
        done = upload(self.journal, self.remote)
        if done.sessions:
            self._notice(
                f"uploaded {done.turns} turn(s) of {done.sessions} session(s) kept on this"
                " machine while the team database was away"
            )
        for session_id in done.unlinked:
            self._notice(
                f"session {session_id} was saved as free practice: its exam had no attempts left"
            )
        return done

    def _went_away(self, exc: DatabaseUnreachable) -> None:
        if self.remote is not None:
            self.remote.close()
        self.remote = None
        if not self._noticed:
            self._noticed = True
            self._notice(
                f"{exc}; your turns are kept on this machine and uploaded the next time the"
                " trainer reaches the server (or run `trainer sync`)"
            )

    @contextmanager
    def _online(self, session_id: str | None = None) -> Iterator[PostgresStore | None]:
        """The server, or None when this write belongs in the journal."""
        if self.remote is None or (session_id is not None and session_id in self._away):
            yield None
            return
        try:
            yield self.remote
        except DatabaseUnreachable as exc:
            if session_id is not None:
                self._away.add(session_id)
            self._went_away(exc)
            raise _Journal from None

    def _write(
        self, session_id: str, entry: dict[str, Any], send: Callable[[PostgresStore], None]
    ) -> None:
        try:
            with self._online(session_id) as remote:
                if remote is not None:
                    send(remote)
                    return
        except _Journal:
            pass
        self._away.add(session_id)
        self.journal.append(session_id, entry)

    # --- writes -----------------------------------------------------------

    def create_session(self, transcript: Transcript, *, assignment_id: int | None = None) -> None:
        session_id = transcript.id or ""
        self._write(
            session_id,
            {
                "op": "create",
                "transcript": transcript.model_dump(mode="json"),
                "assignment": assignment_id,
            },
            lambda r: r.create_session(transcript, assignment_id=assignment_id),
        )

    def save_turn(self, session_id: str, index: int, turn: dict[str, Any]) -> None:
        self._write(
            session_id,
            {"op": "turn", "index": index, "turn": turn},
            lambda r: r.save_turn(session_id, index, turn),
        )

    def truncate(self, session_id: str, keep: int) -> None:
        self._write(
            session_id, {"op": "truncate", "keep": keep}, lambda r: r.truncate(session_id, keep)
        )

    def finish_session(
        self,
        session_id: str,
        *,
        finished: str,
        outcome: str,
        score: int | None,
        passed: bool | None,
        scorecard: dict[str, Any] | None,
    ) -> None:
        result = {
            "finished": finished,
            "outcome": outcome,
            "score": score,
            "passed": passed,
            "scorecard": scorecard,
        }
        self._write(
            session_id,
            {"op": "finish", **result},
            lambda r: r.finish_session(session_id, **result),  # type: ignore[arg-type]
        )

    # --- everything else needs the server ----------------------------------

    def _required(self) -> PostgresStore:
        if self.remote is None:
            raise DatabaseUnreachable(f"{mask(self.url)}: the team database is unreachable")
        return self.remote

    def _read(self, read: Callable[[PostgresStore], Any], away: Any) -> Any:
        try:
            with self._online() as remote:
                return away if remote is None else read(remote)
        except _Journal:
            return away

    def load_session(self, session_id: str) -> Transcript:
        return self._required().load_session(session_id)

    def list_sessions(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[SessionRow]:
        rows: list[SessionRow] = self._read(
            lambda r: r.list_sessions(trainee=trainee, scenario=scenario), []
        )
        return rows

    def scorecard(self, session_id: str) -> dict[str, Any] | None:
        card: dict[str, Any] | None = self._read(lambda r: r.scorecard(session_id), None)
        return card

    def import_transcript(
        self,
        transcript: Transcript,
        *,
        assignment_id: int | None = None,
        score: int | None = None,
        passed: bool | None = None,
        scorecard: dict[str, Any] | None = None,
    ) -> ImportOutcome:
        return self._required().import_transcript(
            transcript, assignment_id=assignment_id, score=score, passed=passed, scorecard=scorecard
        )

    def create_assignment(
        self,
        *,
        trainee: str,
        scenario: str,
        due: str | None,
        pass_mark: int,
        attempts: int | None,
        exam: bool,
        seed: int | None,
    ) -> Assignment:
        return self._required().create_assignment(
            trainee=trainee,
            scenario=scenario,
            due=due,
            pass_mark=pass_mark,
            attempts=attempts,
            exam=exam,
            seed=seed,
        )

    def list_assignments(
        self, *, trainee: str | None = None, scenario: str | None = None
    ) -> list[Assignment]:
        found: list[Assignment] = self._read(
            lambda r: r.list_assignments(trainee=trainee, scenario=scenario), []
        )
        return found

    def snapshot(
        self, *, trainee: str | None = None, scenario: str | None = None, turns: bool = True
    ) -> Snapshot:
        snap: Snapshot = self._read(
            lambda r: r.snapshot(trainee=trainee, scenario=scenario, turns=turns),
            Snapshot(assignments=[], sessions=[]),
        )
        return snap

    def trainee_login(self) -> str | None:
        name: str | None = self._read(lambda r: r.trainee_login(), None)
        return name

    def close(self) -> None:
        if self.remote is not None:
            self.remote.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class _Journal(Exception):
    """Raised inside JournaledStore: the server went away; use the journal."""
