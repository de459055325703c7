"""Proof that the buyer behaves: bot trainees against every shipped scenario."""

from __future__ import annotations

import json
from statistics import mean

import pytest

from trainer.cli import main
from trainer.content.library import load_library
from trainer.practice.simulation import BOTS, simulate
from trainer.vocabulary import Outcome

LIBRARY = load_library()


@pytest.fixture(scope="module")
def results():
    table = {}
    for ident in LIBRARY.scenarios:
        for bot in BOTS:
            table[ident, bot] = simulate(LIBRARY, ident, bot, seed=7)
    return table


def test_consultative_bot_reaches_the_best_outcome_in_most_scenarios(results):
    reached = [results[s, "consultative"].reached_best for s in LIBRARY.scenarios]
    assert sum(reached) >= 0.8 * len(reached), [
        s for s in LIBRARY.scenarios if not results[s, "consultative"].reached_best
    ]


def test_consultative_bot_scores_far_higher(results):
    good = mean(results[s, "consultative"].score for s in LIBRARY.scenarios)
    for bot in ("pushy", "evasive", "injection"):
        other = mean(results[s, bot].score for s in LIBRARY.scenarios)
        assert good - other >= 40, (bot, good, other)


@pytest.mark.parametrize("bot", ["pushy", "evasive", "injection"])
def test_other_bots_never_win_a_deal(results, bot):
    for ident in LIBRARY.scenarios:
        result = results[ident, bot]
        assert result.outcome not in (Outcome.AGREED, Outcome.NEXT_STEP), (ident, bot)
        assert not result.passed, (ident, bot)


def test_simulate_command(capsys):
    assert main(["simulate", "saas-cfo-price", "--bot", "consultative", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["scenario"] == "saas-cfo-price" and row["outcome"] == "next_step"
    assert main(["simulate", "saas-cfo-price"]) == 0
    assert capsys.readouterr().out.count("saas-cfo-price") == 4
    assert main(["simulate", "nope"]) == 2
