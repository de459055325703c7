"""Does the buyer reward substance? Scripted trainees against the offline buyer.

    .venv/bin/python benchmarks/buyer_eval.py [SCRIPTS.jsonl ...] [--seeds N] [--misses]

Each script is a fixed list of trainee lines for one scenario, in a style
(tailored, generic_polite, keyword_stuffed, pasted_paragraph, small_talk,
pushy, off_topic_pitch, repeater), with what a person would expect: "win"
(reach the scenario's best outcome) or "lose". The lines are said in order,
whatever the buyer replies, until the script ends or the buyer ends the
conversation. Reported per set and style: how often the best outcome was
reached, and how the buyer talked: repeated sentences and whole turns, the
cover story after the real reason came out, numbers taken up, acceptance that
credits something never offered, and words per turn.

With no files: the dev set (benchmarks/conversations/scripts-dev.jsonl, tuned
on) and the holdout set (scripts-holdout.jsonl, never tuned on).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from trainer.actors import OfflineVoice  # noqa: E402
from trainer.actors.offline import sentences  # noqa: E402
from trainer.content.library import load_library  # noqa: E402
from trainer.reading.meaning import offered_phrases  # noqa: E402
from trainer.session.session import Session  # noqa: E402

DATA = ROOT / "benchmarks" / "conversations"
DEFAULT = [DATA / "scripts-dev.jsonl", DATA / "scripts-holdout.jsonl"]
_NUMBER = re.compile(
    r"\$?\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|sixty|ninety)\b",
    re.I,
)


def converse(library, script: dict, seed: int) -> tuple[Session, float]:
    """Say the script's lines to the buyer; the session, and seconds spent on turns."""
    scenario = library.scenario(script["scenario"])
    persona = library.persona(scenario.persona)
    session = Session(
        scenario=scenario, persona=persona, actor=OfflineVoice(), seed=seed, trainee="Sam"
    )
    spent = 0.0

    async def run() -> None:
        nonlocal spent
        async for _ in session.start():
            pass
        for line in script["lines"]:
            if session.ended:
                break
            started = time.perf_counter()
            async for _ in session.say(line):
                pass
            spent += time.perf_counter() - started

    asyncio.run(run())
    return session, spent


def play(library, script: dict, seed: int) -> dict:
    return measure(*converse(library, script, seed))


def measure(session: Session, spent: float) -> dict:
    turns = session.turns
    said: set[str] = set()
    whole: set[str] = set()
    sentence_count = repeated = whole_repeats = 0
    cover_story = 0
    taken_up = offers = 0
    credited_unoffered = acceptances = 0
    words = []
    surface_lines = {
        o.id: {s for line in [o.surface, *o.variants] for s in sentences(line)}
        for o in session.scenario.objections
    }
    uncovered: set[str] = set()
    trainee_text = ""
    for index, turn in enumerate(turns):
        if turn.role == "trainee":
            trainee_text += " " + turn.text
            continue
        these = sentences(turn.text)
        words.append(len(turn.text.split()))
        sentence_count += len(these)
        repeated += sum(1 for s in these if s in said)
        said.update(these)
        normal = " ".join(these)
        whole_repeats += normal in whole
        whole.add(normal)
        if turn.state is not None:
            for ident in uncovered:
                cover_story += any(s in surface_lines[ident] for s in these)
            uncovered |= set(turn.state.uncovered)
        if index > 0 and turns[index - 1].role == "trainee":
            offered = offered_phrases(turns[index - 1].text)
            if offered and turn.move not in ("harden", "walk_away"):
                offers += 1
                taken_up += any(o.lower() in turn.text.lower() for o in offered)
        if turn.move in ("agree", "agree_next_step") or (
            turn.state is not None
            and index > 1
            and len(turn.state.resolved)
            > len(turns[index - 2].state.resolved if turns[index - 2].state else [])
        ):
            acceptances += 1
            for number in _NUMBER.findall(turn.text):
                if number.lower() not in trainee_text.lower() and number.lower() not in _authored(
                    session
                ):
                    credited_unoffered += 1
                    break
    outcome = session.outcome.value if session.outcome else "unfinished"
    return {
        "outcome": outcome,
        "best": outcome == session.scenario.best_outcome.value,
        "sentences": sentence_count,
        "repeated": repeated,
        "whole_repeats": whole_repeats,
        "cover_story": cover_story,
        "offers": offers,
        "taken_up": taken_up,
        "acceptances": acceptances,
        "credited_unoffered": credited_unoffered,
        "words": words,
        "turns": sum(1 for t in turns if t.role == "trainee"),
        "seconds": spent,
    }


_AUTHORED: dict[int, str] = {}


def _authored(session: Session) -> str:
    """Numbers the buyer may say of its own: what its scenario and persona say."""
    key = id(session.scenario)
    if key not in _AUTHORED:
        _AUTHORED[key] = (
            session.scenario.model_dump_json() + session.persona.model_dump_json()
        ).lower()
    return _AUTHORED[key]


def report(path: Path, seeds: int, show_misses: bool) -> None:
    library = load_library()
    scripts = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    by_style: dict[str, list[dict]] = defaultdict(list)
    misses = []
    totals: dict[str, float] = defaultdict(float)
    all_words: list[int] = []
    for script in scripts:
        for seed in range(1, seeds + 1):
            result = play(library, script, seed)
            result["expect"] = script["expect"]
            by_style[script["style"]].append(result)
            for key in (
                "sentences", "repeated", "whole_repeats", "cover_story", "offers", "taken_up",
                "acceptances", "credited_unoffered", "turns", "seconds",
            ):  # fmt: skip
                totals[key] += result[key]
            all_words += result["words"]
            wanted = script["expect"] == "win"
            if result["best"] != wanted:
                misses.append((script["id"], seed, result["outcome"]))
    print(f"== {path.name}: {len(scripts)} scripts x {seeds} seed(s)")
    print(f"  {'style':<18} {'n':>4} {'best outcome':>13} {'expected':>9}")
    agree = 0
    for style in sorted(by_style):
        results = by_style[style]
        best = sum(r["best"] for r in results)
        expected = sum(r["best"] == (r["expect"] == "win") for r in results)
        agree += expected
        print(
            f"  {style:<18} {len(results):>4} {best:>6}/{len(results):<6} {expected / len(results):>8.0%}"
        )
    n = sum(len(r) for r in by_style.values())
    print(f"  all {n} runs: the outcome a person would expect in {agree / n:.1%}")
    print(
        f"  buyer: {totals['repeated'] / max(1, totals['sentences']):.1%} of sentences repeat one "
        f"already said ({int(totals['repeated'])}/{int(totals['sentences'])}); "
        f"{int(totals['whole_repeats'])} whole turns repeated; "
        f"{int(totals['cover_story'])} returns to the cover story after the real reason was out"
    )
    print(
        f"  buyer: took up the trainee's numbers or names in {int(totals['taken_up'])} of "
        f"{int(totals['offers'])} replies to a turn that offered some; "
        f"{int(totals['credited_unoffered'])} of {int(totals['acceptances'])} acceptances name a "
        f"number nobody offered"
    )
    if all_words:
        print(
            f"  buyer: {statistics.mean(all_words):.1f} words a turn (median "
            f"{statistics.median(all_words):.0f}, 90th percentile "
            f"{sorted(all_words)[int(0.9 * len(all_words))]})"
        )
    print(
        f"  engine: {1000 * totals['seconds'] / max(1, totals['turns']):.2f} ms per trainee turn "
        "(reading, director, offline voice; no store)"
    )
    if show_misses and misses:
        print("  not as expected: " + ", ".join(f"{i}@{s}:{o}" for i, s, o in misses))


def show(paths: list[Path], ident: str, brief: bool = False) -> int:
    """One conversation with how each trainee turn was read and what it did."""
    library = load_library()
    for path in paths:
        for line in path.read_text().splitlines():
            script = json.loads(line) if line.strip() else None
            if not script or script["id"] != ident:
                continue
            session, _ = converse(library, script, 1)
            for turn in session.turns:
                if brief:
                    if turn.role == "trainee" and turn.reading is not None:
                        r = turn.reading
                        print(f"T: {turn.text[:90]}")
                        print(
                            f"     [{r.label}] {','.join(r.marks)} s{r.surface} r{r.root} a{r.answer}"
                        )
                    elif turn.role == "buyer":
                        print(
                            f"B: {turn.move}: {turn.reason[:100] if turn.reason else ''} {turn.state.stages if turn.state else ''}"
                        )
                    continue
                if turn.role == "trainee":
                    r = turn.reading
                    print(f"TRAINEE: {turn.text}")
                    if r is not None:
                        print(
                            f"   [{r.label}] {','.join(f.tactic for f in r.findings)} | marks "
                            f"{','.join(r.marks)} | surface {r.surface} root {r.root} "
                            f"answer {r.answer} offered {r.offered}"
                        )
                else:
                    state = turn.state
                    print(f"BUYER ({turn.move}): {turn.text}")
                    if state is not None:
                        print(
                            f"   -> {turn.reason} | trust {state.trust} patience {state.patience} {state.stages}"
                        )
            print(f"OUTCOME: {session.outcome}")
            return 0
    print(f"no script {ident!r}")
    return 2


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seeds", type=int, default=1, help="play each script with seeds 1..N")
    parser.add_argument("--misses", action="store_true", help="list scripts not as expected")
    parser.add_argument(
        "--show", metavar="ID", help="print one script's conversation, turn by turn"
    )
    parser.add_argument("--brief", action="store_true", help="with --show: one line per turn")
    args = parser.parse_args(argv)
    if args.show:
        return show(args.files or DEFAULT, args.show, args.brief)
    for path in args.files or DEFAULT:
        report(path, args.seeds, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
