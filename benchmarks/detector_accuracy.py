"""How well the offline tactic detector reads trainee turns, and how fast.

    .venv/bin/python benchmarks/detector_accuracy.py [FILE.jsonl ...] [--brief]

--brief prints one summary line per set: label accuracy, pressure recall, and
pressure recall again with a listening phrase put in front of every pressure
reply ("I hear you, and that's fair. ..."), which must not drop: polite words
in front of a push do not make it consultative.

With no files it measures the dev set and the holdout set, each on its own.
The holdout set was written before the detector and is never tuned against:
its number is the honest estimate. Standard library only.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from trainer.reading.tactics import TurnContext, classify  # noqa: E402
from trainer.reading.turn import read_turn  # noqa: E402
from trainer.vocabulary import Category, Label  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
DEFAULT_FILES = (DATA / "replies-dev.jsonl", DATA / "replies-holdout.jsonl")
THROUGHPUT_TURNS = 2_000
LABELS = [label.value for label in Label]


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def context_of(example: dict) -> TurnContext:
    category = example.get("category")
    return TurnContext(
        buyer_line=example.get("buyer", ""),
        objection_open=example.get("objection_open", True),
        category=Category(category) if category else None,
    )


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  n/a"


def report(path: Path) -> float:
    examples = load(path)
    contexts = [context_of(e) for e in examples]
    # The reading the director and the grader use: tactics, then what the turn means.
    results = [read_turn(e["reply"], c).tactics for e, c in zip(examples, contexts, strict=True)]
    # Where the trained model's label overruled the phrases' own.
    by_model = [
        r.label is not classify(e["reply"], c, fallback=False).label
        for e, c, r in zip(examples, contexts, results, strict=True)
    ]

    confusion: Counter[tuple[str, str]] = Counter()
    tp = fp = fn = 0
    misses = []
    for example, result in zip(examples, results, strict=True):
        expected, predicted = example["label"], result.label.value
        confusion[expected, predicted] += 1
        if expected != predicted:
            misses.append((example, result))
        gold = set(example["tactics"])
        got = {t.value for t in result.tactics}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)

    n = len(examples)
    correct = sum(confusion[label, label] for label in LABELS)
    hard = [e for e in examples if e.get("hard")]
    hard_correct = sum(
        1
        for e, r in zip(examples, results, strict=True)
        if e.get("hard") and r.label.value == e["label"]
    )
    print(f"== {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  ({n} turns)")
    print(f"label accuracy      {ratio(correct, n)}  ({correct}/{n})")
    print(f"  on hard cases     {ratio(hard_correct, len(hard))}  ({hard_correct}/{len(hard)})")
    print()
    print(f"{'class':<14}{'precision':>10}{'recall':>8}{'support':>9}")
    for label in LABELS:
        predicted = sum(confusion[other, label] for other in LABELS)
        support = sum(confusion[label, other] for other in LABELS)
        precision = ratio(confusion[label, label], predicted)
        recall = ratio(confusion[label, label], support)
        print(f"{label:<14}{precision:>10}{recall:>8}{support:>9}")
    print()
    print("confusion (rows expected, columns predicted)")
    print(" " * 14 + "".join(f"{label:>14}" for label in LABELS))
    for label in LABELS:
        print(f"{label:<14}" + "".join(f"{confusion[label, other]:>14}" for other in LABELS))
    print()
    print(
        f"tactics (micro)     precision {ratio(tp, tp + fp)}  recall {ratio(tp, tp + fn)}"
        f"  (tp {tp}, fp {fp}, fn {fn})"
    )
    decided = sum(by_model)
    right = sum(
        1
        for e, r, fb in zip(examples, results, by_model, strict=True)
        if fb and r.label.value == e["label"]
    )
    print(f"model overruled     {decided} turns ({right} right, {decided - right} wrong)")
    print(f"throughput          {throughput(examples, contexts):,.0f} turns/s (single process)")
    if misses:
        print()
        print(f"misclassified ({len(misses)}):")
        model_ids = {e["id"] for e, fb in zip(examples, by_model, strict=True) if fb}
        for example, result in misses:
            tactics = ", ".join(t.value for t in result.tactics) or "-"
            print(
                f"  {example['id']}  expected {example['label']}, got {result.label.value}"
                f"  [{tactics}]{'  (hard)' if example.get('hard') else ''}"
                f"{'  (model)' if example['id'] in model_ids else ''}"
            )
            print(f"      buyer: {example['buyer']}")
            print(f"      reply: {example['reply']}")
    print()
    return correct / n if n else 0.0


def throughput(examples: list[dict], contexts: list[TurnContext]) -> float:
    """Turns per second over a batch of at least THROUGHPUT_TURNS, best of three."""
    pairs = list(zip((e["reply"] for e in examples), contexts, strict=True))
    if not pairs:
        return 0.0
    batch = (pairs * (THROUGHPUT_TURNS // len(pairs) + 1))[: max(THROUGHPUT_TURNS, len(pairs))]
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for text, context in batch:
            read_turn(text, context)
        best = min(best, time.perf_counter() - started)
    return len(batch) / best


PREFIX = "I hear you, and that's fair. "


def summary(path: Path) -> None:
    examples = load(path)
    contexts = [context_of(e) for e in examples]
    results = [read_turn(e["reply"], c).tactics for e, c in zip(examples, contexts, strict=True)]
    correct = sum(r.label.value == e["label"] for e, r in zip(examples, results, strict=True))
    pressure = [(e, c) for e, c in zip(examples, contexts, strict=True) if e["label"] == "pressure"]
    found = sum(read_turn(e["reply"], c).label is Label.PRESSURE for e, c in pressure)
    prefixed = sum(read_turn(PREFIX + e["reply"], c).label is Label.PRESSURE for e, c in pressure)
    neutral = sum(r.label is Label.NEUTRAL for r in results)
    print(
        f"{path.name:<32} n={len(examples):<4} accuracy {ratio(correct, len(examples))}  "
        f"pressure recall {ratio(found, len(pressure))}, with a listening prefix "
        f"{ratio(prefixed, len(pressure))}  read neutral {ratio(neutral, len(examples))}"
    )


def main(argv: list[str]) -> int:
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    brief = "--brief" in argv
    argv = [a for a in argv if a != "--brief"]
    paths = [Path(a).resolve() for a in argv] or list(DEFAULT_FILES)
    for path in paths:
        if not path.is_file():
            print(f"no such file: {path}", file=sys.stderr)
            return 2
    for path in paths:
        if brief:
            summary(path)
        else:
            report(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
