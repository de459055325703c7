"""How well buyer lines are read for the objection they raise.

    .venv/bin/python benchmarks/objection_accuracy.py [FILE.jsonl ...] [--errors]

With no files it measures the dev set (the detector is tuned on it) and the
holdout set (written with the dev set, before the detector, and never tuned
on: its figures are the honest estimate). Each line of a set is
{"id", "text", "category"}, the category one of the eight or "none".
Prints accuracy, then precision and recall per category; --errors lists the
lines read wrong. Standard library only.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from trainer.reading.objections import category_of  # noqa: E402
from trainer.vocabulary import Category  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
SETS = {
    DATA / "objections-dev.jsonl": "dev: the detector was tuned on it",
    DATA / "objections-holdout.jsonl": "holdout: never tuned on",
}
NAMES = [c.value for c in Category] + ["none"]


def load(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else " n/a"


def measure(path: Path, purpose: str, show_errors: bool) -> float:
    rows = load(path)
    predicted = []
    for row in rows:
        found = category_of(row["text"])
        predicted.append(found.value if found else "none")
    right = sum(p == r["category"] for p, r in zip(predicted, rows, strict=True))
    print(f"{path.name} ({purpose}): {len(rows)} lines, accuracy {ratio(right, len(rows))}")
    print(f"  {'category':<12} {'lines':>5} {'precision':>9} {'recall':>6}")
    for name in NAMES:
        truth = [r["category"] == name for r in rows]
        said = [p == name for p in predicted]
        hits = sum(t and s for t, s in zip(truth, said, strict=True))
        print(
            f"  {name:<12} {sum(truth):>5} {ratio(hits, sum(said)):>9} {ratio(hits, sum(truth)):>6}"
        )
    if show_errors:
        for p, r in zip(predicted, rows, strict=True):
            if p != r["category"]:
                print(f"    {r['id']} {r['category']} read as {p}: {r['text']}")
    return right / len(rows) if rows else 0.0


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    targets = {f: "as given" for f in files} if files else SETS
    for path, purpose in targets.items():
        measure(path, purpose, show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
