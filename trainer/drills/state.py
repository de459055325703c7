"""The drill cards as last scheduled, and which sessions were drills, kept in
`drills.json` under TRAINER_HOME, so other tools (the app, a manager's
script) read the same due dates without replaying the history."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from trainer.drills.plan import DrillPlan
from trainer.errors import BadInput
from trainer.paths import trainer_home

__all__ = ["DrillState", "load_state", "record_drill", "save_state", "state_path"]

DrillState = dict[str, Any]


def state_path() -> Path:
    return trainer_home() / "drills.json"


def load_state() -> DrillState:
    path = state_path()
    if not path.exists():
        return {"version": 1, "cards": {}, "drills": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"{path}: cannot read the drill cards: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("drills", []), list):
        raise BadInput(f"{path}: drills: expected a list of session ids")
    data.setdefault("cards", {})
    data.setdefault("drills", [])
    return data


def save_state(plan: DrillPlan, state: DrillState) -> None:
    """Write the cards as scheduled now; written whole and then moved into
    place, so a reader never sees half a file."""
    state = dict(state)
    state["version"] = 1
    state["cards"] = {
        c.key.name: {
            "trainee": c.key.trainee,
            "scenario": c.key.scenario,
            "objection": c.key.objection,
            "category": c.category,
            "reviews": len(c.reviews),
            "card": c.card.to_dict(),
        }
        for c in plan.cards
    }
    path = state_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".json.tmp")
    temporary.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def record_drill(session_id: str, plan: DrillPlan) -> None:
    """Note a finished drill session and save the cards as scheduled after it
    (`plan` made once the drill's grade is in the store)."""
    state = load_state()
    if session_id not in state["drills"]:
        state["drills"] = [*state["drills"], session_id]
    save_state(plan, state)
