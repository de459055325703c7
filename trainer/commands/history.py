"""`trainer sessions`: what has been practised on this machine."""

from __future__ import annotations

import json

from trainer.store.engine import open_store
from trainer.text import table


def list_sessions(*, as_json: bool, trainee: str | None, scenario: str | None) -> int:
    with open_store() as store:
        rows = store.list_sessions(trainee=trainee, scenario=scenario)
    if as_json:
        for row in rows:
            print(json.dumps(row.to_json(), ensure_ascii=False))
        return 0
    if not rows:
        print("no saved sessions yet: try `trainer chat saas-cfo-price`")
        return 0
    cells = [
        [
            r.id[:8],
            r.started[:19],
            r.trainee,
            r.scenario,
            r.trainee_turns,
            r.outcome or ("in progress" if not r.finished else None),
            None if r.score is None else f"{r.score}{' pass' if r.passed else ''}",
        ]
        for r in rows
    ]
    print(table(["ID", "STARTED", "TRAINEE", "SCENARIO", "TURNS", "OUTCOME", "SCORE"], cells))
    return 0
