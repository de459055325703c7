"""What grading costs, counted in instructions rather than seconds.

    .venv/bin/python benchmarks/grading_cost.py            # instructions per graded turn
    .venv/bin/python benchmarks/grading_cost.py --passes 3 # only grade (what valgrind runs)

Times on a shared machine move with whatever else runs; valgrind's callgrind
counts instructions, the same for the same code and input whatever the load.
The script grades the 100 held-out replies (benchmarks/data/replies-holdout.jsonl,
as ten transcripts of ten turns, no scenario) once and three times under
callgrind, and divides the difference by the 200 extra turns: the cost of a
turn once caches are warm, without the start-up and the library load. Needs
valgrind (Debian's `valgrind` package); about a minute.

To compare two trees, run it from each: the script grades the tree it lives in.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "replies-holdout.jsonl"


def grade_passes(passes: int) -> int:
    sys.path.insert(0, str(ROOT))
    from trainer.content.library import load_library
    from trainer.grading.scoring import grade
    from trainer.transcript import Transcript, Turn

    rows = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    rubric = load_library().rubric("consultative-vs-pressure")
    transcripts = []
    for start in range(0, len(rows), 10):
        turns = []
        for row in rows[start : start + 10]:
            turns += [
                Turn(role="buyer", text=row["buyer"]),
                Turn(role="trainee", text=row["reply"]),
            ]
        transcripts.append(Transcript(turns=turns))
    for _ in range(passes):
        for transcript in transcripts:
            grade(transcript, rubric)
    return len(rows)


def instructions(passes: int) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, __file__, "--passes", str(passes)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    found = re.search(r"Collected : (\d+)", out.stderr)
    if not found:
        raise SystemExit("grading_cost: valgrind printed no instruction count")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, help="only grade this many passes, and exit")
    args = parser.parse_args()
    if args.passes is not None:
        grade_passes(args.passes)
        return 0
    if shutil.which("valgrind") is None:
        print("grading_cost: needs valgrind (apt-get install valgrind)", file=sys.stderr)
        return 2
    print("counting instructions under valgrind (about a minute)...", file=sys.stderr)
    once, thrice = instructions(1), instructions(3)
    turns = 2 * sum(1 for line in DATA.read_text().splitlines() if line.strip())
    print(f"{(thrice - once) / turns / 1e6:.2f} M instructions per graded turn (warm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
