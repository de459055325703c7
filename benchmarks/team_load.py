"""Team figures for `make bench`: a team server's start time, and many bot
trainees practising at once against one database, PostgreSQL or SQLite.

Each trainee is its own process (as on its own machine), plays `trainer
simulate`'s bots through whole sessions with the offline voice, and saves
every turn through the store as the app does; each save is timed.
Run as a worker: python benchmarks/team_load.py SESSIONS BOT (the store comes
from TRAINER_DATABASE_URL or TRAINER_HOME, as for `trainer`); it says "ready"
once loaded and connected, and starts when it reads "go", so the figures time
practice only, not 40 processes importing on 2 cores. The bots and the
server share this machine's cores, as they would on a team's one small box.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCENARIO = "saas-cfo-price"
BOTS = ("consultative", "pushy", "evasive")


def worker(sessions: int, bot: str) -> None:
    import asyncio

    from trainer.actors import OfflineVoice
    from trainer.content.library import load_library
    from trainer.practice.simulation import BOTS as PLAYERS
    from trainer.practice.simulation import play
    from trainer.session.session import Session
    from trainer.store.engine import open_store

    library = load_library()
    scenario = library.scenario(SCENARIO)
    persona = library.persona(scenario.persona)
    store = open_store(practice=True)
    trainee = store.trainee_login() or f"bot-{os.getpid()}"
    latencies: list[float] = []
    save = store.save_turn

    def timed_save(session_id: str, index: int, turn: dict) -> None:  # type: ignore[type-arg]
        began = time.perf_counter()
        save(session_id, index, turn)
        latencies.append(time.perf_counter() - began)

    store.save_turn = timed_save  # type: ignore[method-assign]
    speak = PLAYERS[bot]
    trainee_turns = 0

    async def run(seed: int) -> None:
        nonlocal trainee_turns
        session = Session(
            scenario=scenario,
            persona=persona,
            actor=OfflineVoice(),
            seed=seed,
            trainee=trainee,
            store=store,
        )
        trainee_turns += await play(session, speak)
        session.finish()
        session.record_result(50, False, {"score": 50})

    print("ready", flush=True)
    sys.stdin.readline()  # "go": everyone starts together
    began = time.time()
    for seed in range(sessions):
        asyncio.run(run(seed + 1))
    ended = time.time()
    store.close()
    print(json.dumps({"began": began, "ended": ended, "turns": trainee_turns, "saves": latencies}))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run_load(
    trainees: int, sessions: int, env_for: list[dict[str, str]]
) -> tuple[float, float, int]:
    """(trainee turns per second, p95 save latency in seconds, turns) for
    `trainees` processes at once, the i-th with environment env_for[i]."""
    procs = [
        subprocess.Popen(
            [sys.executable, __file__, str(sessions), BOTS[i % len(BOTS)]],
            env=env_for[i],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(trainees)
    ]
    for proc in procs:
        assert proc.stdout is not None
        if proc.stdout.readline().strip() != "ready":
            raise RuntimeError(f"a bot trainee failed to start: {proc.communicate()[1][-300:]}")
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        if proc.returncode != 0:
            raise RuntimeError(f"a bot trainee failed: {err.strip().splitlines()[-1:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    span = max(r["ended"] for r in results) - min(r["began"] for r in results)
    turns = sum(r["turns"] for r in results)
    saves = [s for r in results for s in r["saves"]]
    return turns / span, statistics.quantiles(saves, n=20)[-1], turns


def team_figures(trainees: int, sessions: int) -> list[tuple[str, str, str]]:
    from trainer.server.accounts import add_user
    from trainer.server.cluster import DATABASE, Cluster
    from trainer.server.prepare import prepare
    from trainer.store.postgres import connect

    rows: list[tuple[str, str, str]] = []
    root = Path(tempfile.mkdtemp(prefix="trainer-bench-server-"))
    cluster = Cluster(root)
    try:
        began = time.perf_counter()
        cluster.init(port=_free_port(), listen="127.0.0.1")
        cluster.start()
        first = time.perf_counter() - began
        cluster.stop()
        began = time.perf_counter()
        cluster.start()
        again = time.perf_counter() - began
        rows.append(
            (
                "team server start",
                f"first {first:.1f} s, again {again:.2f} s",
                "init + start; restart",
            )
        )
        with connect(cluster.admin_url("postgres")) as conn:
            conn.execute(f'CREATE DATABASE "{DATABASE}"')
        prepare(cluster.admin_url())
        base = {k: v for k, v in os.environ.items() if k != "TRAINER_DATABASE_URL"}
        homes = Path(tempfile.mkdtemp(prefix="trainer-bench-homes-"))
        pg_env = [
            {
                **base,
                "TRAINER_HOME": str(homes / f"t{i}"),
                "TRAINER_DATABASE_URL": add_user(cluster.admin_url(), f"bench{i}", "trainee"),
            }
            for i in range(trainees)
        ]
        rate, p95, turns = run_load(trainees, sessions, pg_env)
        rows.append(
            (
                f"{trainees} trainees at once, PostgreSQL",
                f"{rate:,.0f} turns/s, p95 write {p95 * 1000:.1f} ms",
                f"{turns} trainee turns, each a login of its own (row-level security)",
            )
        )
        shared = str(homes / "one-sqlite")
        sqlite_env = [{**base, "TRAINER_HOME": shared} for _ in range(trainees)]
        rate, p95, turns = run_load(trainees, sessions, sqlite_env)
        rows.append(
            (
                f"{trainees} trainees at once, SQLite",
                f"{rate:,.0f} turns/s, p95 write {p95 * 1000:.1f} ms",
                f"{turns} trainee turns, one file on one machine",
            )
        )
        shutil.rmtree(homes, ignore_errors=True)
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
    return rows


if __name__ == "__main__":
    worker(int(sys.argv[1]), sys.argv[2])
