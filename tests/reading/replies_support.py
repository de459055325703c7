"""Reading the labelled reply sets in benchmarks/data/, shared by the detector tests."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.reading.tactics import Classification, TurnContext
from trainer.vocabulary import Category

DATA = Path(__file__).resolve().parents[2] / "benchmarks" / "data"


def load(path: Path | str) -> list[dict]:
    """A set's examples; a bare name is a file in benchmarks/data/."""
    path = DATA / path if isinstance(path, str) else path
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def labelled_lines() -> list[str]:
    """Every buyer line and reply in every labelled set, as written."""
    lines = []
    for path in sorted(DATA.glob("*.jsonl")):
        for row in load(path):
            lines += [row[k] for k in ("reply", "buyer", "text") if isinstance(row.get(k), str)]
    return lines


def context_of(example: dict) -> TurnContext:
    return TurnContext(
        buyer_line=example["buyer"],
        objection_open=example["objection_open"],
        category=Category(example["category"]),
    )


def check_findings(text: str, result: Classification) -> None:
    """Findings are in text order, one per tactic, each an exact slice of the text."""
    starts = [f.start for f in result.findings]
    assert starts == sorted(starts), "findings are in text order"
    assert len(result.tactics) == len(set(result.tactics))
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.quote == text[f.start : f.end]
