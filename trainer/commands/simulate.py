"""`trainer simulate`: bot trainees play scenarios with the offline buyer, so an
author sees how hard a scenario plays before assigning it."""

from __future__ import annotations

import json
from pathlib import Path

from trainer.commands.content import load_checked_library
from trainer.errors import BadInput
from trainer.practice.simulation import BOTS, simulate
from trainer.text import table


def simulate_command(
    scenarios: list[str], bots: list[str], seed: int, as_json: bool, extra: list[Path]
) -> int:
    library = load_checked_library(extra)
    chosen = scenarios or sorted(library.scenarios)
    for ident in chosen:
        if ident not in library.scenarios:
            raise BadInput(f"unknown scenario {ident!r}; see `trainer list scenarios`")
    names = bots or list(BOTS)
    rows: list[list[object]] = []
    missed = False
    for ident in chosen:
        for bot in names:
            result = simulate(library, ident, bot, seed)
            if as_json:
                print(json.dumps(result.to_json()))
                continue
            # The consultative bot is what a good trainee would do: if it cannot
            # reach the best outcome, the scenario's triggers likely need work.
            mark = bot == "consultative" and not result.reached_best
            missed = missed or mark
            rows.append(
                [
                    ident,
                    bot,
                    result.outcome.value,
                    result.best_outcome.value,
                    result.score,
                    result.trainee_turns,
                    "*" if mark else "",
                ]
            )
    if not as_json:
        print(table(["SCENARIO", "BOT", "OUTCOME", "BEST", "SCORE", "TURNS", ""], rows))
    if missed:
        print(
            "\n* the consultative bot did not reach the scenario's best outcome: check its triggers"
        )
    return 0
