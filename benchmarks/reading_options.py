"""Two ways to tell whether a trainee turn is about this buyer's concern.

    .venv/bin/python benchmarks/reading_options.py

Option A is what the trainer ships: the turn's terms (Snowball stems and
synonym groups) matched against each concern's terms (trainer.reading.topics).
Option B is a small offline embedding model: `wordllama` (a 19 MB wheel with its
weights, numpy only), the similarity of the turn to the buyer's line before it
and to the concern's words. It is not a dependency of the trainer; install it
into a separate environment to measure it (the script says how when it is
missing).

The turns come from the scripted conversations of benchmarks/buyer_eval.py,
said to the offline buyer (seed 1). A tailored closer's turns are taken as
"about the concern"; generic polite lines, small talk and off-topic pitching
as "not about it". Keyword lists and pasted paragraphs mention every concern
word without engaging any: both options see them as "about" it, which is why
the trainer reads those shapes separately (Mark.KEYWORDS, Mark.PASTED).

Reported per set: for option A the share of turns of each style read as about
the concern; for option B the mean similarity per style, the threshold that
separates tailored from the rest best on the dev set, and that threshold's
accuracy on both sets (the holdout set is never tuned on); the time per turn.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))
from buyer_eval import DEFAULT, converse  # noqa: E402

from trainer.content.library import load_library  # noqa: E402

ABOUT = {"tailored"}
NOT_ABOUT = {"generic_polite", "small_talk", "off_topic_pitch"}
STYLES = ["tailored", "generic_polite", "small_talk", "off_topic_pitch", "keyword_stuffed",
          "pasted_paragraph", "pushy", "repeater"]  # fmt: skip


def pairs(library, path: Path) -> list[dict]:
    """(style, buyer line, trainee line, concern text, option A's reading) per trainee turn."""
    import json

    found = []
    for line in path.read_text().splitlines():
        if not line.strip():
            continue
        script = json.loads(line)
        session, _ = converse(library, script, seed=1)
        turns = session.turns
        for i, turn in enumerate(turns):
            if turn.role != "trainee" or i == 0 or turns[i - 1].role != "buyer":
                continue
            reading = turn.reading
            state = turns[i - 1].state
            current = state.current if state is not None else None
            objection = next(
                (o for o in session.scenario.objections if o.id == current),
                session.scenario.objections[0],
            )
            about = bool(
                reading is not None
                and current is not None
                and (
                    current in reading.surface
                    or current in reading.root
                    or current in reading.answer
                )
            )
            found.append(
                {
                    "style": script["style"],
                    "buyer": turns[i - 1].text,
                    "trainee": turn.text,
                    "concern": f"{objection.surface} {objection.root_cause}",
                    "a": about,
                }
            )
    return found


def option_b():
    try:
        import wordllama  # type: ignore[import-not-found]
    except ImportError:
        return None
    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def best_threshold(scores: list[tuple[float, bool]]) -> tuple[float, float]:
    best = (0.0, 0.0)
    for t in sorted({s for s, _ in scores}):
        acc = sum((s >= t) == y for s, y in scores) / len(scores)
        best = max(best, (acc, t))
    return best[1], best[0]


def main() -> int:
    library = load_library()
    model = option_b()
    sets = {path.stem: pairs(library, path) for path in DEFAULT}
    if model is None:
        print(
            "Option B (wordllama) is not installed here; to measure it too:\n"
            "  python3 -m venv /tmp/wl && /tmp/wl/bin/pip install --no-deps -r requirements/dev.lock"
            " && /tmp/wl/bin/pip install wordllama==0.4.0.post1 && /tmp/wl/bin/pip install"
            " --no-deps --no-build-isolation -e . && /tmp/wl/bin/python benchmarks/reading_options.py\n"
        )
    threshold = None
    for name, found in sets.items():
        used = "tuned on" if "dev" in name else "never tuned on"
        print(f"== {name} ({len(found)} trainee turns; {used})")
        by_style: dict[str, list[dict]] = defaultdict(list)
        for p in found:
            by_style[p["style"]].append(p)
        if model is not None:
            started = time.perf_counter()
            for p in found:
                p["b_buyer"] = float(model.similarity(p["trainee"], p["buyer"]))
                p["b_concern"] = float(model.similarity(p["trainee"], p["concern"]))
            b_ms = (time.perf_counter() - started) / len(found) * 1000 / 2
        header = f"  {'style':<18} {'turns':>5}  A: about"
        if model is not None:
            header += "   B: sim to buyer line   B: sim to concern"
        print(header)
        for style in STYLES:
            rows = by_style.get(style)
            if not rows:
                continue
            line = f"  {style:<18} {len(rows):>5}  {sum(r['a'] for r in rows) / len(rows):>8.0%}"
            if model is not None:
                line += f"   {statistics.mean(r['b_buyer'] for r in rows):>20.2f}"
                line += f"   {statistics.mean(r['b_concern'] for r in rows):>17.2f}"
            print(line)
        labelled = [p for p in found if p["style"] in ABOUT | NOT_ABOUT]
        truth = [p["style"] in ABOUT for p in labelled]
        acc_a = sum(p["a"] == y for p, y in zip(labelled, truth, strict=True)) / len(labelled)
        print(f"  A: accuracy, tailored vs generic/small talk/off-topic: {acc_a:.3f}")
        if model is not None:
            scores = [
                (max(p["b_buyer"], p["b_concern"]), y) for p, y in zip(labelled, truth, strict=True)
            ]
            if threshold is None:  # chosen on the dev set, the first one
                threshold, _ = best_threshold(scores)
            acc_b = sum((s >= threshold) == y for s, y in scores) / len(scores)
            stuffed = [p for p in found if p["style"] in ("keyword_stuffed", "pasted_paragraph")]
            over = sum(max(p["b_buyer"], p["b_concern"]) >= threshold for p in stuffed)
            print(
                f"  B: accuracy at threshold {threshold:.3f} (chosen on dev): {acc_b:.3f}; "
                f"keyword lists and pasted paragraphs above it: {over}/{len(stuffed)}; "
                f"{b_ms:.3f} ms per similarity"
            )
        started = time.perf_counter()
        from trainer.reading.turn import read_turn

        for p in found[:300]:
            read_turn(p["trainee"])
        a_ms = (time.perf_counter() - started) / min(300, len(found)) * 1000
        print(f"  A: {a_ms:.3f} ms per turn (the whole reading: tactics and meaning)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
