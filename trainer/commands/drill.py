"""`trainer drill`: the objections due for practice, weakest first, and
`--start` to run the first as a short session on that one objection.

The list is made from every graded session in the store (practice, exams,
earlier drills); the cards as scheduled are kept in drills.json under
TRAINER_HOME, with the ids of the sessions that were drills.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from trainer.commands.chat import converse
from trainer.config import load_settings
from trainer.content.library import Library, load_library
from trainer.drills import DrillItem, DrillPlan, plan_for, session_for
from trainer.drills.state import load_state, record_drill, save_state
from trainer.grading.render import format_scorecard
from trainer.practice.factory import finish_and_grade
from trainer.store.base import Store
from trainer.store.sqlite import open_store
from trainer.text import visible

__all__ = ["drill_command"]

# How many of the drills not yet due the list shows (all of them with --all).
UPCOMING = 3


def _now() -> datetime:
    return datetime.now(UTC)


def _plan(store: Store, library: Library, trainee: str | None) -> DrillPlan:
    return plan_for(store, library, trainee, _now())


def _line(number: int, item: DrillItem, library: Library, with_trainee: bool) -> str:
    scenario = library.scenarios.get(item.scenario)
    title = scenario.title if scenario else item.scenario
    category = (item.card.category or "objection").replace("_", " ")
    who = f"{item.trainee} · " if with_trainee else ""
    head = visible(f"  {number}. {who}{category}: {item.objection} · {title}")
    return head + "\n" + visible(f"     {item.card.reason()} (due {item.card.due:%Y-%m-%d})")


def _print_plan(plan: DrillPlan, library: Library, trainee: str | None, everything: bool) -> None:
    with_trainee = trainee is None
    if not plan.due and not plan.later:
        print(
            "No graded sessions yet to drill from: practise a scenario first "
            "(trainer list scenarios, trainer chat SCENARIO_ID)."
        )
        return
    who = f" for {trainee}" if trainee else ""
    if plan.due:
        print(f"Due for practice{who}, weakest first:")
        for number, item in enumerate(plan.due, start=1):
            print(_line(number, item, library, with_trainee))
    else:
        print(f"Nothing is due for practice{who} yet.")
    later = plan.later if everything else plan.later[:UPCOMING]
    if later:
        print("Coming up:")
        for number, item in enumerate(later, start=len(plan.due) + 1):
            print(_line(number, item, library, with_trainee))
    print("Run the first: trainer drill --start" + (f" --trainee {trainee}" if trainee else ""))


def drill_command(
    *,
    trainee: str | None,
    as_json: bool,
    start: bool,
    everything: bool,
    model: str | None,
    api_base: str | None,
    seed: int | None,
    extra: list[Path],
) -> int:
    settings = load_settings(trainee=trainee, model=model, api_base=api_base)
    # A list must still come out when a content file is broken; drills on
    # scenarios that no longer load are left out.
    library = load_library(extra)
    with open_store() as store:
        plan = _plan(store, library, settings.trainee)
        save_state(plan, load_state())
        if not start:
            if as_json:
                for item in [*plan.due, *(plan.later if everything else ())]:
                    sys.stdout.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            else:
                _print_plan(plan, library, settings.trainee, everything)
            return 0
        if not plan.due and not plan.later:
            _print_plan(plan, library, settings.trainee, everything)
            return 0
        if not plan.due:
            # Practising before a card is due is allowed: it counts as a review.
            _notice(
                f"-- nothing is due yet; starting the next one early (due {plan.later[0].card.due:%Y-%m-%d})"
            )
        first = plan.due[0] if plan.due else plan.later[0]
        return _run(first, library, store, settings.model, settings.api_base, seed)


def _notice(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _run(
    item: DrillItem,
    library: Library,
    store: Store,
    model: str,
    api_base: str | None,
    seed: int | None,
) -> int:
    session = session_for(item, library, store=store, model=model, api_base=api_base, seed=seed)
    category = (item.card.category or "this objection").replace("_", " ")
    _notice(
        visible(
            f"-- drill for {item.trainee}: the {category} objection from "
            f"{session.scenario.title} ({item.objection}) · {item.card.reason()}"
        )
    )
    _notice(
        f"-- the buyer raises it at once; up to {session.scenario.turn_limit} of your lines;"
        " /end to stop"
    )
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    try:
        converse(session, sys.stdin)
    except KeyboardInterrupt:
        _notice(f"-- interrupted: {len(session.turns)} turn(s) saved in session {session.id}")
        return 130
    transcript, card = finish_and_grade(session, library)
    print("")
    print(format_scorecard(card, transcript, short=True))
    plan = _plan(store, library, item.trainee)
    record_drill(session.id, plan)
    after = next(
        (i for i in (*plan.due, *plan.later) if i.card.key == item.card.key),
        None,
    )
    if after is not None:
        _notice(f"-- {item.objection} comes back on {after.card.due:%Y-%m-%d}")
    return 0
