"""Train the detector's statistical fallback and write trainer/reading/data/model.json.

    .venv/bin/python benchmarks/train_detector_model.py [--check]

Trains on the dev set, fresh set A and the extra training set; never on the
holdout set or fresh set B, which stay for measuring. Standard library only and
deterministic: the same data gives the same file, byte for byte. With --check it
writes nothing and fails if the shipped file differs from what it would write.

What it does:
1. Features per turn (`trainer.reading.model.features`), and the phrase
   detector's own reading of each turn with the model switched off.
2. A multinomial logistic regression for the label (L2, full-batch AdaGrad),
   pruned to the strongest weights and rounded; the same kind of model, per
   label, for which tactic a turn shows.
3. Thresholds by 5-fold cross-validation on the training sets: each fold's
   turns are read by a model trained without them, and, as in the detector,
   the fallback only sees turns the phrases call neutral while an objection is
   open. Per label, the threshold whose out-of-fold decisions are worth most
   when a wrong one costs several right ones (COST): precision first.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from trainer.reading import model as M  # noqa: E402
from trainer.reading import tactics as detector  # noqa: E402
from trainer.vocabulary import Label, Tactic  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
TRAIN_FILES = ("replies-dev.jsonl", "replies-fresh-a.jsonl", "replies-train-extra.jsonl")
NEVER_TRAIN = ("replies-holdout.jsonl", "replies-fresh-b.jsonl", "replies-fresh-c.jsonl")
OUT = ROOT / "trainer" / "reading" / "data" / "model.json"

LABELS = (Label.CONSULTATIVE.value, Label.PRESSURE.value, Label.NEUTRAL.value)
PRESSURE = tuple(t.value for t in Tactic if t.is_pressure)
CONSULTATIVE = tuple(t.value for t in Tactic if not t.is_pressure)

MIN_COUNT = 2  # a feature seen in fewer training turns is dropped
L2 = 0.005  # per example: the penalty is L2 * n / 2 * |w|^2
STEPS = 300
RATE = 0.5
KEEP_LABEL = 4000  # weights kept in the label model (the rest are zero)
KEEP_TACTIC = 2500  # weights kept in each tactic model
DIGITS = 3  # decimals kept in the shipped weights
FOLDS = 5
GRID = tuple(round(0.5 + 0.025 * i, 3) for i in range(20))  # 0.5 .. 0.975
# What a wrong decision costs, counted in right ones. Calling a consultative turn
# pressure tells a trainee their good move was bad: the worst mistake here.
# Calling pressure consultative praises it; calling small talk anything is noise.
COST = {
    Label.PRESSURE: {"consultative": 8.0, "neutral": 4.0},
    Label.CONSULTATIVE: {"pressure": 8.0, "neutral": 2.0},
}


@dataclass(frozen=True)
class Example:
    id: str
    label: str
    tactics: tuple[str, ...]
    feats: tuple[str, ...]  # in the model's fixed order
    pattern_label: str  # what the phrase detector says, without the fallback
    objection_open: bool

    @property
    def fallback_reads(self) -> bool:
        """Whether the fallback would be asked about this turn at all."""
        return self.pattern_label == Label.NEUTRAL.value and self.objection_open


def load_examples() -> list[Example]:
    examples = []
    for name in TRAIN_FILES:
        assert name not in NEVER_TRAIN
        with (DATA / name).open(encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                e = json.loads(line)
                context = detector.TurnContext(
                    buyer_line=e.get("buyer", ""), objection_open=e.get("objection_open", True)
                )
                scan = e["reply"][: detector.MAX_SCAN_CHARS].translate(detector.FOLD)
                feats = M.features(scan, detector.buyer_declined(context))
                pattern = detector.classify(e["reply"], context, fallback=False).label.value
                examples.append(
                    Example(
                        e["id"],
                        e["label"],
                        tuple(e["tactics"]),
                        tuple(feats),
                        pattern,
                        context.objection_open,
                    )
                )
    return examples


# --- logistic regression ---------------------------------------------------------


@dataclass
class Fitted:
    classes: tuple[str, ...]
    bias: list[float]
    weights: dict[str, list[float]]

    def probabilities(self, feats: tuple[str, ...]) -> list[float]:
        totals = list(self.bias)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for i, x in enumerate(w):
                    totals[i] += x
        return M.softmax(totals)


def fit(
    rows: Sequence[tuple[tuple[str, ...], list[float], float]],
    classes: tuple[str, ...],
    keep: int,
) -> Fitted:
    """Multinomial logistic regression on (features, target distribution,
    weight) rows; full batch, so the order of rows does not matter."""
    k = len(classes)
    counts: dict[str, int] = {}
    for feats, _, _ in rows:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    data = [(sorted(index[f] for f in feats if f in index), y, w) for feats, y, w in rows]
    total_weight = sum(w for _, _, w in data)
    weights = [[0.0] * k for _ in vocab]
    bias = [0.0] * k
    g2w = [[1e-8] * k for _ in vocab]
    g2b = [1e-8] * k
    for _ in range(STEPS):
        grad = [[L2 * total_weight * x for x in row] for row in weights]
        gbias = [0.0] * k
        for idx, y, w in data:
            totals = list(bias)
            for i in idx:
                row = weights[i]
                for c in range(k):
                    totals[c] += row[c]
            p = M.softmax(totals)
            diff = [w * (p[c] - y[c]) for c in range(k)]
            for c in range(k):
                gbias[c] += diff[c]
            for i in idx:
                row = grad[i]
                for c in range(k):
                    row[c] += diff[c]
        for c in range(k):
            g2b[c] += gbias[c] * gbias[c]
            bias[c] -= RATE * gbias[c] / math.sqrt(g2b[c])
        for i in range(len(vocab)):
            row, g, acc = weights[i], grad[i], g2w[i]
            for c in range(k):
                acc[c] += g[c] * g[c]
                row[c] -= RATE * g[c] / math.sqrt(acc[c])
    # Keep the strongest weights, rounded: what ships is what is scored.
    ranked = sorted(
        ((abs(x), vocab[i], c) for i, row in enumerate(weights) for c, x in enumerate(row)),
        key=lambda r: (-r[0], r[1], r[2]),
    )
    strong = {(f, c) for size, f, c in ranked[:keep] if round(size, DIGITS)}
    kept = {}
    for i, f in enumerate(vocab):
        row = [
            round(x, DIGITS) + 0.0 if (f, c) in strong else 0.0 for c, x in enumerate(weights[i])
        ]
        if any(row):
            kept[f] = row
    return Fitted(classes, [round(b, DIGITS) + 0.0 for b in bias], kept)


def label_rows(examples: Sequence[Example]) -> list[tuple[tuple[str, ...], list[float], float]]:
    return [(e.feats, [1.0 if e.label == c else 0.0 for c in LABELS], 1.0) for e in examples]


def tactic_rows(
    examples: Sequence[Example], label: str, classes: tuple[str, ...]
) -> list[tuple[tuple[str, ...], list[float], float]]:
    rows = []
    for e in examples:
        gold = [t for t in e.tactics if t in classes]
        if e.label != label or not gold:
            continue
        rows.append((e.feats, [gold.count(c) / len(gold) for c in classes], 1.0))
    return rows


def train(examples: Sequence[Example]) -> tuple[Fitted, Fitted, Fitted]:
    labels = fit(label_rows(examples), LABELS, KEEP_LABEL)
    pressure = fit(tactic_rows(examples, "pressure", PRESSURE), PRESSURE, KEEP_TACTIC)
    consultative = fit(
        tactic_rows(examples, "consultative", CONSULTATIVE), CONSULTATIVE, KEEP_TACTIC
    )
    return labels, pressure, consultative


# --- thresholds by cross-validation -------------------------------------------------


def fold_of(example: Example) -> int:
    return zlib.crc32(example.id.encode()) % FOLDS


def out_of_fold(examples: Sequence[Example]) -> list[list[float]]:
    """Label probabilities of each turn from a model trained without its fold."""
    probs: list[list[float]] = [[] for _ in examples]
    for fold in range(FOLDS):
        train_set = [e for e in examples if fold_of(e) != fold]
        fitted = fit(label_rows(train_set), LABELS, KEEP_LABEL)
        for i, e in enumerate(examples):
            if fold_of(e) == fold:
                probs[i] = fitted.probabilities(e.feats)
    return probs


@dataclass(frozen=True)
class Point:
    threshold: float
    fired: int
    right: int
    wrong_by_label: dict[str, int]

    @property
    def precision(self) -> float:
        return self.right / self.fired if self.fired else 1.0


def curve(examples: Sequence[Example], probs: list[list[float]], label: Label) -> list[Point]:
    k = LABELS.index(label.value)
    candidates = [(e, p) for e, p in zip(examples, probs, strict=True) if e.fallback_reads]
    points = []
    for t in GRID:
        fired = [e for e, p in candidates if p[k] >= t and p[k] == max(p)]
        wrong: dict[str, int] = {}
        for e in fired:
            if e.label != label.value:
                wrong[e.label] = wrong.get(e.label, 0) + 1
        points.append(Point(t, len(fired), len(fired) - sum(wrong.values()), wrong))
    return points


def gain(point: Point, label: Label) -> float:
    """Net worth of a threshold's out-of-fold decisions: each right one counts
    1, each wrong one costs what COST says."""
    return point.right - sum(COST[label][wrong] * n for wrong, n in point.wrong_by_label.items())


def choose(points: list[Point], label: Label) -> float:
    """The threshold with the greatest gain; on a tie, the higher (fewer
    decisions for the same worth)."""
    best = max(points, key=lambda p: (gain(p, label), p.threshold))
    return best.threshold if gain(best, label) > 0 else 1.0  # 1.0: never decide


# --- output -----------------------------------------------------------------------


def render(fitted: Fitted) -> str:
    lines = [
        "{",
        f'  "classes": {json.dumps(list(fitted.classes))},',
        f'  "bias": {json.dumps(fitted.bias)},',
        '  "weights": {',
    ]
    items = sorted(fitted.weights.items())
    for n, (feature, row) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        values = ",".join("0" if x == 0 else repr(x) for x in row)  # zeros written short
        lines.append(f"   {json.dumps(feature, ensure_ascii=False)}: [{values}]{comma}")
    lines.append("  }")
    lines.append(" }")
    return "\n".join(lines)


def document(
    labels: Fitted,
    tactics: dict[str, Fitted],
    thresholds: dict[str, float],
    n: int,
) -> str:
    parts = [
        "{",
        f' "format": {M.FORMAT},',
        f' "trained_on": {json.dumps(list(TRAIN_FILES))},',
        f' "examples": {n},',
        f' "thresholds": {json.dumps(thresholds, sort_keys=True)},',
        ' "labels": ' + render(labels) + ",",
        ' "tactics": {',
    ]
    names = sorted(tactics)
    for i, name in enumerate(names):
        comma = "," if i < len(names) - 1 else ""
        parts.append(f' "{name}": ' + render(tactics[name]).replace("\n", "\n ") + comma)
    parts.append(" }")
    parts.append("}")
    return "\n".join(parts) + "\n"


def build(log: Callable[[str], None]) -> str:
    examples = load_examples()
    log(f"{len(examples)} training turns from {', '.join(TRAIN_FILES)}")
    read = [e for e in examples if e.fallback_reads]
    log(
        f"{len(read)} of them read neutral by the phrases with an objection open "
        f"(truly: {_tally(e.label for e in read)})"
    )
    probs = out_of_fold(examples)
    thresholds: dict[str, float] = {}
    for label in (Label.PRESSURE, Label.CONSULTATIVE):
        points = curve(examples, probs, label)
        log(f"\n{label.value}: out-of-fold fallback decisions on phrase-neutral turns")
        log(f"  {'threshold':>9} {'fired':>6} {'right':>6} {'precision':>9} {'gain':>6}  wrong")
        for p in points:
            log(
                f"  {p.threshold:>9.3f} {p.fired:>6} {p.right:>6} {p.precision:>9.3f} "
                f"{gain(p, label):>6.0f}  {_tally_dict(p.wrong_by_label)}"
            )
        thresholds[label.value] = choose(points, label)
        log(f"  chosen {thresholds[label.value]} (greatest gain; costs {COST[label]})")
    labels, pressure, consultative = train(examples)
    text = document(
        labels,
        {"pressure": pressure, "consultative": consultative},
        thresholds,
        len(examples),
    )
    log(
        f"\nlabel model {len(labels.weights)} features, tactic models "
        f"{len(pressure.weights)} + {len(consultative.weights)}; {len(text.encode()):,} bytes"
    )
    return text


def _tally(labels: Iterable[str]) -> str:
    counts: dict[str, int] = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    return _tally_dict(counts)


def _tally_dict(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args(argv)
    text = build(print)
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("shipped model is up to date" if same else f"{OUT} differs from a fresh training")
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
