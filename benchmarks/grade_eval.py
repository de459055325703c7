"""Does the grade agree with how a manager judges? Whole conversations against
the manager's expected grade, written before any grading.

    .venv/bin/python benchmarks/grade_eval.py [CONVERSATIONS.jsonl ...] [--misses] [--rubric ID]

Each line is a transcript with `style` (tailored, generic_polite,
polite_pressure, off_topic, blunt_honest, instant_discount), `pair` (the
scenario: conversations with the same pair are matched) and `expect`
({"passed": bool, "score": [low, high]}). Reported per set: pass/fail
agreement, scores inside the expected range, mean score and pass rate per
style, and the matched pairs (on each scenario, the tailored conversation
must outscore every other style).

With no files: the dev set (benchmarks/graded/conversations-dev.jsonl, tuned
on) and the holdout set (conversations-holdout.jsonl, never tuned on).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from trainer.content.library import load_library  # noqa: E402
from trainer.grading.grader import grade_transcript  # noqa: E402
from trainer.transcript import Transcript  # noqa: E402

DATA = ROOT / "benchmarks" / "graded"
DEFAULT = [DATA / "conversations-dev.jsonl", DATA / "conversations-holdout.jsonl"]


def report(path: Path, rubric: str | None, show_misses: bool) -> None:
    library = load_library()
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    results = []
    for row in rows:
        card = grade_transcript(Transcript.model_validate(row), library, rubric=rubric)
        low, high = row["expect"]["score"]
        results.append(
            {
                "id": row["id"],
                "style": row["style"],
                "pair": row.get("pair") or row.get("scenario"),
                "score": card.score,
                "passed": card.passed,
                "expect_passed": row["expect"]["passed"],
                "in_range": low <= card.score <= high,
                "range": (low, high),
            }
        )
    n = len(results)
    agree = sum(r["passed"] == r["expect_passed"] for r in results)
    in_range = sum(r["in_range"] for r in results)
    print(f"== {path.name}: {n} conversations" + (f" (rubric {rubric})" if rubric else ""))
    print(f"  pass/fail as the manager expected: {agree}/{n} ({agree / n:.1%})")
    print(f"  score inside the manager's range:  {in_range}/{n} ({in_range / n:.1%})")
    print(f"  {'style':<18} {'n':>3} {'mean':>6} {'passed':>8} {'expected':>9}")
    by_style: dict[str, list[dict]] = defaultdict(list)
    for r in results:
        by_style[r["style"]].append(r)
    for style in sorted(by_style):
        group = by_style[style]
        mean = statistics.mean(r["score"] for r in group)
        passed = sum(r["passed"] for r in group)
        expected = sum(r["expect_passed"] for r in group)
        print(
            f"  {style:<18} {len(group):>3} {mean:>6.1f} {passed:>4}/{len(group):<3} {expected:>5}/{len(group)}"
        )
    pairs: dict[str, dict[str, int]] = defaultdict(dict)
    for r in results:
        pairs[r["pair"]][r["style"]] = r["score"]
    ranked = beaten = 0
    generic_pairs = generic_wins = 0
    losses = []
    for pair, scores in sorted(pairs.items()):
        if "tailored" not in scores:
            continue
        for style, score in scores.items():
            if style == "tailored":
                continue
            ranked += 1
            if scores["tailored"] > score:
                beaten += 1
            else:
                losses.append(f"{pair}: tailored {scores['tailored']} vs {style} {score}")
            if style == "generic_polite":
                generic_pairs += 1
                generic_wins += scores["tailored"] > score
    print(
        f"  matched pairs: tailored above generic_polite in {generic_wins}/{generic_pairs}, "
        f"above every other style in {beaten}/{ranked}"
    )
    if show_misses:
        for r in results:
            if r["passed"] != r["expect_passed"] or not r["in_range"]:
                print(
                    f"    {r['id']}: {r['score']} ({'pass' if r['passed'] else 'fail'}), expected "
                    f"{r['range'][0]}-{r['range'][1]} ({'pass' if r['expect_passed'] else 'fail'})"
                )
        for loss in losses:
            print(f"    pair not ranked: {loss}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--rubric", help="grade every conversation with this rubric")
    parser.add_argument("--misses", action="store_true", help="list the disagreements")
    args = parser.parse_args(argv)
    for path in args.files or DEFAULT:
        report(path, args.rubric, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
