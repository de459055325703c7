"""`trainer sessions`: what has been practised on this machine."""

from __future__ import annotations

import json

from trainer.store.sqlite import open_store
from trainer.text import visible


def list_sessions(*, as_json: bool, trainee: str | None, scenario: str | None) -> int:
    store = open_store()
    try:
        rows = store.list_sessions(trainee=trainee, scenario=scenario)
    finally:
        store.close()
    if as_json:
        for row in rows:
            print(json.dumps(row.to_json(), ensure_ascii=False))
        return 0
    if not rows:
        print("no saved sessions yet: try `trainer chat saas-cfo-price`")
        return 0
    print(
        f"{'ID':<10} {'STARTED':<20} {'TRAINEE':<14} {'SCENARIO':<28} {'TURNS':>5} {'OUTCOME':<12} SCORE"
    )
    for r in rows:
        score = "-" if r.score is None else f"{r.score}{' pass' if r.passed else ''}"
        outcome = r.outcome or ("in progress" if not r.finished else "-")
        print(
            f"{visible(r.id[:8]):<10} {visible(r.started[:19]):<20} "
            f"{visible(r.trainee or '-')[:14]:<14} {visible(r.scenario or '-')[:28]:<28} "
            f"{r.trainee_turns:>5} {outcome:<12} {score}"
        )
    return 0
