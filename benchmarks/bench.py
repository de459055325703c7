"""`make bench`: the figures PRODUCT.md asks for, measured on this machine.

Prints one table. The machine may be shared and noisy, so where it matters a
figure comes with a ratio against a baseline measured in the same run.
Run: .venv/bin/python benchmarks/bench.py [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def _child(code: str, env: dict[str, str]) -> tuple[float, float, str]:
    """Run Python code in a fresh process: wall seconds, peak RSS in MB, stdout."""
    wrapper = (
        "import resource, sys, time\n"
        "t0 = time.perf_counter()\n"
        f"{code}\n"
        "elapsed = time.perf_counter() - t0\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "heavy = [m for m in ('litellm', 'textual') if m in sys.modules]\n"
        'sys.__stdout__.write(f\'\\nBENCH {elapsed} {peak} {",".join(heavy) or "-"}\\n\')\n'
    )
    out = subprocess.run([PY, "-c", wrapper], capture_output=True, text=True, env=env, cwd=ROOT)
    found = [x for x in out.stdout.splitlines() if x.startswith("BENCH ")]
    if not found:  # say why, instead of an IndexError about our own parsing
        tail = (out.stderr.strip().splitlines() or ["no output"])[-1]
        raise SystemExit(f"bench: a measuring process failed: {tail}")
    line = found[-1].split()
    return float(line[1]), float(line[2]), line[3]


def _command(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float, str]:
    """Whole-process wall time (median of runs) and peak memory of `trainer ARGV`."""
    code = (
        "import contextlib, io\n"
        "from trainer.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    try:\n"
        f"        main({argv!r})\n"
        "    except SystemExit:\n"
        "        pass\n"
    )
    walls: list[float] = []
    peak = 0.0
    heavy = "-"
    for _ in range(runs):
        start = time.perf_counter()
        _, mem, heavy = _child(code, env)
        walls.append(time.perf_counter() - start)
        peak = max(peak, mem)
    return statistics.median(walls), peak, heavy


def _baseline_python(env: dict[str, str], runs: int) -> float:
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([PY, "-c", "pass"], env=env, check=True)
        walls.append(time.perf_counter() - start)
    return statistics.median(walls)


def engine_per_turn(turns: int) -> tuple[list[float], list[float]]:
    """Seconds per trainee turn through Session.say (detector, director, offline
    voice, and the SQLite autosave of both turns) and per iteration of an empty
    async loop, in the same run."""
    from trainer.actors import OfflineVoice
    from trainer.content.library import load_library
    from trainer.session.session import Session
    from trainer.store.sqlite import open_store

    store = open_store(Path(tempfile.mkdtemp(prefix="trainer-bench-")))

    library = load_library()
    scenario = library.scenario("saas-cfo-price").model_copy(update={"turn_limit": 60})
    persona = library.persona(scenario.persona)
    lines = [
        "I hear you, that's a real number. What's behind the budget concern?",
        "That makes sense. What happened with the last tool you bought?",
        "We could start with a pilot at one depot and share usage data weekly.",
        "Thanks for explaining. How does your team plan routes today?",
    ]
    per_turn: list[float] = []

    async def run() -> None:
        while len(per_turn) < turns:
            session = Session(
                scenario=scenario, persona=persona, actor=OfflineVoice(), seed=1, store=store
            )
            async for _ in session.start():
                pass
            for n in range(50):
                if session.ended or len(per_turn) >= turns:
                    break
                start = time.perf_counter()
                async for _ in session.say(lines[n % len(lines)]):
                    pass
                per_turn.append(time.perf_counter() - start)

    asyncio.run(run())

    async def empty() -> list[float]:
        async def nothing():
            if False:
                yield None

        result = []
        for _ in range(turns):
            start = time.perf_counter()
            async for _ in nothing():
                pass
            result.append(time.perf_counter() - start)
        return result

    return per_turn, asyncio.run(empty())


def grading_throughput(min_turns: int, recorded: bool = False) -> tuple[int, float]:
    """Trainee turns graded per second, from transcripts of labelled replies
    with no scenario. `recorded`: each trainee turn carries the reading taken
    when it was said, as a practice session saves it, so grading reads nothing
    again (the readings are made before the clock starts)."""
    from trainer.content.library import load_library
    from trainer.grading.scoring import grade
    from trainer.reading.context import TurnContext
    from trainer.reading.turn import read_turn
    from trainer.transcript import Transcript, Turn

    data = ROOT / "benchmarks" / "data" / "replies-dev.jsonl"
    replies = [json.loads(line) for line in data.read_text().splitlines() if line.strip()]
    library = load_library()
    rubric = library.rubric("consultative-vs-pressure")
    transcripts = []
    count = 0
    while count < min_turns:
        for start in range(0, len(replies), 10):
            turns = []
            for r in replies[start : start + 10]:
                reading = None
                if recorded:
                    reading = read_turn(r["reply"], TurnContext(buyer_line=r["buyer"])).to_record()
                turns += [
                    Turn(role="buyer", text=r["buyer"]),
                    Turn(role="trainee", text=r["reply"], reading=reading),
                ]
                count += 1
            transcripts.append(Transcript(turns=turns))
    start = time.perf_counter()
    for t in transcripts:
        grade(t, rubric)
    return count, time.perf_counter() - start


def call_grading_throughput(rounds: int) -> tuple[int, int, float]:
    """Real calls from the test fixtures (one per format), read from their
    files and graded without a scenario: objections found in the buyer's
    words, then each one's stages. (calls, trainee turns, seconds)"""
    from trainer.calls import read_calls
    from trainer.content.library import load_library
    from trainer.grading.grader import grade_transcript

    sellers = {
        "teams-fieldline.vtt": "Priya Nair",
        "zoom-agency.vtt": "Marco Bellini",
        "managed-it.srt": "Alex Kim",
        "otter-coaching.txt": "Renee Carter",
        "gong-listing.json": "8402",
    }
    folder = ROOT / "tests" / "calls" / "fixtures"
    library = load_library()
    calls = turns = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for name, rep in sellers.items():
            for call in read_calls(folder / name):
                transcript = call.to_transcript(rep)
                grade_transcript(transcript, library, reread=True)
                calls += 1
                turns += len(transcript.trainee_turns())
    return calls, turns, time.perf_counter() - start


def session_memory(turns: int, env: dict[str, str]) -> float:
    code = (
        "import asyncio\n"
        "from trainer.actors import OfflineVoice\n"
        "from trainer.content.library import load_library\n"
        "from trainer.session.session import Session\n"
        "from trainer.store.sqlite import open_store\n"
        "lib = load_library()\n"
        "sc = lib.scenario('saas-cfo-price').model_copy(update={'turn_limit': 60})\n"
        "store = open_store()\n"
        "lines = ['What is behind that concern for you?', 'How did the last rollout go for your team?',\n"
        "         'What would you need to see to feel sure about it?', 'Who else weighs in on this?',\n"
        "         'What if we started with one team for sixty days?', 'Would that cover it for you?']\n"
        "def fresh():\n"
        "    return Session(scenario=sc, persona=lib.persona(sc.persona), actor=OfflineVoice(), store=store, seed=1)\n"
        "async def go():\n"
        "    s = fresh()\n"
        "    async for _ in s.start(): pass\n"
        f"    for n in range({turns}):\n"
        "        if s.ended:  # a conversation that ends is followed by the next one\n"
        "            s = fresh()\n"
        "            async for _ in s.start(): pass\n"
        "        async for _ in s.say(lines[n % len(lines)]): pass\n"
        "asyncio.run(go())\n"
    )
    _, peak, _ = _child(code, env)
    return peak


def first_paint(env: dict[str, str]) -> str:
    code = (
        "import asyncio, time\n"
        "t0 = time.perf_counter()\n"
        "from trainer.tui.app import make_app\n"
        "from trainer.content.library import load_library\n"
        "from trainer.store.sqlite import open_store\n"
        "from trainer.config import load_settings\n"
        "app = make_app(load_library(), open_store(), load_settings())\n"
        "async def go():\n"
        "    async with app.run_test(size=(100, 32)) as pilot:\n"
        "        await pilot.pause()\n"
        "        print('PAINT', time.perf_counter() - t0)\n"
        "asyncio.run(go())\n"
    )
    out = subprocess.run([PY, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT)
    for line in out.stdout.splitlines():
        if line.startswith("PAINT "):
            return f"{float(line.split()[1]) * 1000:.0f} ms"
    reason = (out.stderr.strip().splitlines() or ["no output"])[-1][:60]
    return f"not measured ({reason})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    runs = 3 if args.quick else 7
    home = tempfile.mkdtemp(prefix="trainer-bench-")
    env = {**os.environ, "TRAINER_HOME": home}
    env.pop("TRAINER_CONTENT", None)

    rows: list[tuple[str, str, str]] = []
    base = _baseline_python(env, runs)
    rows.append(("python -c pass (baseline)", f"{base * 1000:.0f} ms", "1.0x"))
    for argv in (["--help"], ["validate"], ["list", "scenarios"]):
        wall, peak, heavy = _command(argv, env, runs)
        rows.append(
            (
                f"trainer {' '.join(argv)}",
                f"{wall * 1000:.0f} ms, {peak:.0f} MB peak",
                f"{wall / base:.1f}x baseline; heavy imports: {heavy if heavy != '-' else 'none'}",
            )
        )
    rows.append(
        ("TUI first paint (run_test, 100x32)", first_paint(env), "process start to first frame")
    )

    per_turn, empty = engine_per_turn(300 if args.quick else 1000)
    med = statistics.median(per_turn)
    p95 = statistics.quantiles(per_turn, n=20)[-1]
    rows.append(
        (
            f"engine per turn, offline + autosave ({len(per_turn)} turns)",
            f"median {med * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms",
            f"{med / statistics.median(empty):.0f}x an empty async loop step",
        )
    )
    turns, seconds = grading_throughput(2000)
    rows.append(
        (
            f"offline grading ({turns} trainee turns)",
            f"{turns / seconds:,.0f} turns/s",
            f"{seconds:.2f} s on one core",
        )
    )
    turns, seconds = grading_throughput(2000, recorded=True)
    rows.append(
        (
            f"grading saved sessions ({turns} trainee turns)",
            f"{turns / seconds:,.0f} turns/s",
            "each turn's reading saved when it was said",
        )
    )
    calls, call_turns, seconds = call_grading_throughput(10 if args.quick else 40)
    rows.append(
        (
            f"real calls read and graded ({calls} calls)",
            f"{calls / seconds:,.0f} calls/s, {call_turns / seconds:,.0f} turns/s",
            "objections from the buyer's words, no scenario",
        )
    )
    peak = session_memory(30, env)
    rows.append(
        ("30 trainee turns, peak memory", f"{peak:.0f} MB", "offline voice, SQLite autosave")
    )

    from team_load import team_figures  # benchmarks/ is on the path when run as a script

    try:
        rows.extend(team_figures(trainees=40, sessions=1 if args.quick else 2))
    except Exception as exc:  # the rest of the table still stands; say why these are missing
        rows.append(("team figures", "not measured", f"{type(exc).__name__}: {exc}"))

    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'measure':<{width}}  {'value':<{value_width}}  note")
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:<{value_width}}  {note}")


if __name__ == "__main__":
    main()
