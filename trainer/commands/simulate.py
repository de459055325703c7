"""`trainer simulate`: bot trainees play scenarios with the offline buyer, so an
author sees how hard a scenario plays before assigning it."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.commands.content import load_checked_library
from trainer.errors import BadInput
from trainer.practice.simulation import BOTS, simulate


def simulate_command(
    scenarios: list[str], bots: list[str], seed: int, as_json: bool, extra: list[Path]
) -> int:
    library = load_checked_library(extra)
    chosen = scenarios or sorted(library.scenarios)
    for ident in chosen:
        if ident not in library.scenarios:
            raise BadInput(f"unknown scenario {ident!r}; see `trainer list scenarios`")
    names = bots or list(BOTS)
    missed = False
    if not as_json:
        print(
            f"{'SCENARIO':<36} {'BOT':<13} {'OUTCOME':<12} {'BEST':<10} {'SCORE':>5} {'TURNS':>5}"
        )
    for ident in chosen:
        for bot in names:
            result = simulate(library, ident, bot, seed)
            if as_json:
                print(json.dumps(result.to_json()))
                continue
            mark = ""
            if bot == "consultative" and not result.reached_best:
                mark, missed = " *", True
            print(
                f"{ident:<36} {bot:<13} {result.outcome.value:<12} {result.best_outcome.value:<10} "
                f"{result.score:>5} {result.trainee_turns:>5}{mark}"
            )
    if missed:
        print(
            "\n* the consultative bot did not reach the scenario's best outcome: check its triggers"
        )
    return 0
