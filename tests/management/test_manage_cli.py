"""The manager's loop end to end through `trainer.cli.main`: assign, two bot
trainees play the offline buyer, report as text, JSON, CSV and HTML; exams;
and the one-line errors. (Export and import: test_transfer_cli.py.)"""

from __future__ import annotations

import asyncio
import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from trainer import clock
from trainer.practice.factory import new_session
from trainer.store.sqlite import open_store

SCENARIO = "saas-cfo-price"


def on(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setattr(clock, "today", lambda: date.fromisoformat(day))


def start_and_leave(library, trainee: str) -> str:
    """A session begun and abandoned (the terminal was closed): the opening is
    saved, nothing is finished."""
    store = open_store()
    try:
        session = new_session(library, SCENARIO, store=store, trainee=trainee)

        async def opening() -> None:
            async for _ in session.start():
                pass

        asyncio.run(opening())
        return session.id
    finally:
        store.close()


def by_trainee(rows, key: str = "trainee"):
    return {row[key]: row for row in rows}


def test_the_manager_loop(cli, library, consultative, pressure, monkeypatch, tmp_path, report_page):
    on(monkeypatch, "2026-11-24")
    made = cli(
        "assign", SCENARIO, "--to", "ana", "--to", "ben", "--due", "2026-12-01", "--attempts", "3"
    )
    assert made.code == 0, made.err
    assert "pass mark 70" in made.out  # the rubric's, by default
    assert "#1  ana" in made.out and "#2  ben" in made.out
    assert cli("assign", SCENARIO, "--to", "cleo", "--due", "2026-12-01").code == 0
    assert cli("assign", SCENARIO, "--to", "dev").code == 0

    # ana pushes first, then listens: two attempts, the second passes.
    first = cli("chat", SCENARIO, "--trainee", "ana", stdin=pressure)
    assert first.code == 0 and "assignment #1: attempt 1 of 3" in first.err
    assert "assignment #1: not passed yet (pass mark 70; 2 attempt(s) left)" in first.err
    second = cli("chat", SCENARIO, "--trainee", "ana", stdin=consultative(SCENARIO))
    assert "assignment #1: attempt 2 of 3" in second.err
    assert "assignment #1: passed (pass mark 70; 1 attempt(s) left)" in second.err
    assert "PASSED" in second.out and "BUYER: " in second.out
    # ben only pushes.
    assert cli("chat", SCENARIO, "--trainee", "ben", stdin=pressure).code == 0
    # dev starts and walks off.
    start_and_leave(library, "dev")

    report = json.loads(cli("report", "--json").out)
    status = {a["trainee"]: a for a in report["assignments"]}
    assert {name: a["status"] for name, a in status.items()} == {
        "ana": "passed",
        "ben": "failed",
        "cleo": "not_started",
        "dev": "in_progress",
    }
    assert status["ana"]["attempts"] == 2 and status["ana"]["attempts_left"] == 1
    assert (
        status["ana"]["best_score"] >= 70
        and status["ana"]["latest_score"] == status["ana"]["best_score"]
    )
    assert status["ben"]["best_score"] < 70 and status["ben"]["attempts"] == 1
    assert status["dev"]["attempts"] == 1 and status["dev"]["best_score"] is None

    trainees = by_trainee(report["trainees"])
    assert trainees["ana"]["attempts"] == 2
    assert (
        trainees["ana"]["improvement"]
        == trainees["ana"]["best_score"] - trainees["ana"]["first_score"]
        > 0
    )
    assert trainees["ben"]["pressure_share"] == 1.0
    assert 0 < trainees["ana"]["pressure_share"] < 1
    assert trainees["ben"]["weakest_category"] == "price"  # three turns, none consultative
    assert trainees["cleo"]["attempts"] == 0 and trainees["cleo"]["average_score"] is None
    (price,) = report["categories"]
    assert price["category"] == "price" and 0 < price["consultative_share"] < 1
    assert report["weak_spot"] == "price"

    # A week later the due date has passed: who had not passed is past due.
    on(monkeypatch, "2026-12-02")
    csv_run = cli("report", "--csv")
    rows = by_trainee(csv.DictReader(io.StringIO(csv_run.out)))
    assert {name: row["status"] for name, row in rows.items()} == {
        "ana": "passed",
        "ben": "past_due",
        "cleo": "past_due",
        "dev": "in_progress",  # no due date
    }
    assert rows["ana"]["attempts"] == "2" and rows["ana"]["attempt_limit"] == "3"
    assert int(rows["ana"]["best_score"]) == status["ana"]["best_score"]
    assert rows["cleo"]["best_score"] == ""

    page_path = tmp_path / "team.html"
    html_run = cli("report", "--html", str(page_path))
    assert html_run.code == 0 and html_run.out == ""
    text = page_path.read_text(encoding="utf-8")
    assert "<script" not in text and "http://" not in text and "https://" not in text
    page = report_page(text)
    assert "2026-12-02" in page.title
    assignments = by_trainee(page.rows("assignments"), "Trainee")
    assert assignments["ben"]["Status"] == "past due"
    assert assignments["ana"]["Attempts"] == "2/3"
    assert assignments["ana"]["Best"] == str(status["ana"]["best_score"])
    assert by_trainee(page.rows("trainees"), "Trainee")["ben"]["Pressure turns"] == "100%"
    dots = [p for p in page.find("path") if "data-score" in p.attrs]
    scores = {
        name: [int(d.attrs["data-score"]) for d in dots if d.inherited("data-trainee") == name]
        for name in ("ana", "ben")
    }
    assert scores == {
        "ana": [trainees["ana"]["first_score"], trainees["ana"]["best_score"]],
        "ben": [status["ben"]["best_score"]],
    }
    cells = page.find("g", **{"class": "cell", "data_category": "price"})
    shares = {
        "team" if c.inherited("data-team") else c.inherited("data-row"): c.attrs["data-share"]
        for c in cells
    }
    assert shares["ben"] == "0.000"
    assert float(shares["team"]) == pytest.approx(price["consultative_share"], abs=1e-3)

    # Text for the terminal, filtered to one trainee.
    text_run = cli("report", "--trainee", "ben")
    assert "past_due" in text_run.out and "ana" not in text_run.out


def test_exam_assignment(cli, consultative, pressure):
    made = cli("assign", SCENARIO, "--to", "ana", "--to", "ben", "--exam", "--attempts", "1")
    seed = int(made.out.split("seed ")[1].split(":")[0])
    ana = cli(
        "chat",
        SCENARIO,
        "--trainee",
        "ana",
        "--seed",
        "5",
        stdin=["/hint", "/undo", *consultative(SCENARIO)],
    )
    assert "/hint is off in exam mode" in ana.err and "/undo is off in exam mode" in ana.err
    assert f"seed {seed}" in ana.err  # the exam's seed, not the one asked for
    ben = cli("chat", SCENARIO, "--trainee", "ben", stdin=pressure)
    assert f"seed {seed}" in ben.err
    store = open_store()
    try:
        rows = store.list_sessions()
        assert {(r.trainee, r.mode) for r in rows} == {("ana", "exam"), ("ben", "exam")}
        assert {store.load_session(r.id).seed for r in rows} == {seed}
    finally:
        store.close()
    # The attempt limit is enforced: one line, exit 2, nothing recorded.
    again = cli("chat", SCENARIO, "--trainee", "ben", stdin=consultative(SCENARIO))
    assert again.code == 2 and again.out == ""
    assert (
        again.err
        == f"trainer: ben: no attempts left on the exam for {SCENARIO} (all 1 used); ask your manager\n"
    )
    # `chat --exam` with no assignment is a free exam run, counted nowhere.
    free = cli("chat", SCENARIO, "--trainee", "cleo", "--exam", stdin=["/hint", "/end"])
    assert (
        free.code == 0
        and "/hint is off in exam mode" in free.err
        and "assignment #" not in free.err
    )
    report = json.loads(cli("report", "--json").out)
    assert {a["trainee"]: a["status"] for a in report["assignments"]} == {
        "ana": "passed",
        "ben": "failed",
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["assign", "nope", "--to", "ana"], "unknown scenario 'nope'"),
        (
            ["assign", SCENARIO, "--to", "ana", "--due", "2026-13-01"],
            "--due '2026-13-01': not a date",
        ),
        (["assign", SCENARIO, "--to", "ana", "--due", "12/01/2026"], "use YYYY-MM-DD"),
        (
            ["assign", SCENARIO, "--to", "ana", "--pass-mark", "101"],
            "--pass-mark 101: must be between 0 and 100",
        ),
        (["assign", SCENARIO, "--to", "ana", "--pass-mark", "-1"], "between 0 and 100"),
        (
            ["assign", SCENARIO, "--to", "ana", "--attempts", "0"],
            "--attempts 0: must be at least 1",
        ),
        (["assign", SCENARIO, "--to", " "], "--to: a trainee name cannot be empty"),
        (["export", "deadbeef"], "no saved session 'deadbeef'"),
        (["import", "missing.json"], "missing.json: no such file or folder"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, argv, message):
    run = cli(*argv)
    assert run.code == 2
    assert message in run.err
    assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err


def test_assign_defaults_and_store_rows(cli):
    run = cli("assign", SCENARIO, "--to", "ana", "--to", "ana ", "--pass-mark", "80")
    assert run.code == 0
    store = open_store()
    try:
        (assignment,) = store.list_assignments()  # the same name twice is one assignment
    finally:
        store.close()
    assert (assignment.trainee, assignment.pass_mark, assignment.attempts, assignment.exam) == (
        "ana",
        80,
        None,
        False,
    )
    assert assignment.due is None and assignment.seed is None


def test_a_report_on_an_empty_store(cli):
    run = cli("report")
    assert run.code == 0 and "no assignments yet" in run.out
    assert json.loads(cli("report", "--json").out)["assignments"] == []
    assert cli("report", "--csv").out.splitlines() == [
        "trainee,scenario,due,pass_mark,attempts,attempt_limit,best_score,latest_score,status,exam,assignment,trend"
    ]


def test_report_html_to_a_folder_is_refused(cli, tmp_path: Path):
    run = cli("report", "--html", str(tmp_path))
    assert run.code == 2 and "is a folder" in run.err


def test_names_with_control_characters_are_refused(cli):
    run = cli("assign", SCENARIO, "--to", "ana\x1b[2J")
    assert run.code == 2 and "control characters are not allowed" in run.err


def test_attempts_after_a_pass_are_recorded_and_reported(
    cli, consultative, pressure, report_page, tmp_path
):
    """ana passes, then pushes and scores far lower: every report shows the
    drop (latest and trend next to best), not a frozen "latest = best"."""
    cli("assign", SCENARIO, "--to", "ana")
    assert (
        "assignment #1: passed"
        in cli("chat", SCENARIO, "--trainee", "ana", stdin=consultative(SCENARIO)).err
    )
    after = cli("chat", SCENARIO, "--trainee", "ana", stdin=pressure)
    assert "assignment #1: attempt 2" in after.err and "already passed" in after.err
    assert "assignment #1: passed (best " in after.err and "; latest " in after.err

    report = json.loads(cli("report", "--json").out)
    (row,) = report["assignments"]
    assert (row["status"], row["attempts"]) == ("passed", 2)
    best, latest = row["best_score"], row["latest_score"]
    assert best >= 70 > latest and row["trend"] == latest - best
    (ana,) = report["trainees"]
    assert (ana["best_score"], ana["latest_score"], ana["trend"]) == (best, latest, latest - best)

    text = cli("report").out
    header, line = text.splitlines()[1:3]
    cells = dict(zip(header.split(), line.split(), strict=False))
    assert (cells["BEST"], cells["LATEST"], cells["TREND"]) == (
        str(best),
        str(latest),
        f"{latest - best:+d}",
    )
    trainees = text.split("Trainees\n")[1].splitlines()
    cells = dict(zip(trainees[0].split(), trainees[1].split(), strict=False))
    assert (cells["BEST"], cells["LATEST"], cells["TREND"]) == (
        str(best),
        str(latest),
        f"{latest - best:+d}",
    )

    (csv_row,) = csv.DictReader(io.StringIO(cli("report", "--csv").out))
    assert (csv_row["best_score"], csv_row["latest_score"], csv_row["trend"]) == (
        str(best),
        str(latest),
        f"{latest - best}",
    )

    assert cli("report", "--html", str(tmp_path / "team.html")).code == 0
    page = report_page((tmp_path / "team.html").read_text(encoding="utf-8"))
    (html_row,) = page.rows("assignments")
    assert (html_row["Best"], html_row["Latest"], html_row["Trend"]) == (
        str(best),
        str(latest),
        f"{latest - best:+d}",
    )
    (html_trainee,) = page.rows("trainees")
    assert (html_trainee["Latest"], html_trainee["Trend"]) == (str(latest), f"{latest - best:+d}")

    # A newer assignment of the scenario takes the attempts from then on.
    cli("assign", SCENARIO, "--to", "ana")
    assert (
        "assignment #2: attempt 1" in cli("chat", SCENARIO, "--trainee", "ana", stdin=pressure).err
    )
    rows = {a["id"]: a["attempts"] for a in json.loads(cli("report", "--json").out)["assignments"]}
    assert rows == {1: 2, 2: 1}


def test_an_exam_left_before_the_first_word_uses_no_attempt(cli, pressure):
    cli("assign", SCENARIO, "--to", "ana", "--exam", "--attempts", "1")
    quiet = cli("chat", SCENARIO, "--trainee", "ana", stdin=[])  # end of input at once
    assert quiet.code == 0
    assert "nothing was said, so this did not use an attempt at assignment #1" in quiet.err
    real = cli("chat", SCENARIO, "--trainee", "ana", stdin=pressure)
    assert real.code == 0 and "assignment #1: attempt 1 of 1" in real.err
    assert cli("chat", SCENARIO, "--trainee", "ana", stdin=[]).code == 2  # now it is used
    sessions = [json.loads(line) for line in cli("sessions", "--json").out.splitlines()]
    assert [(s["trainee_turns"], s["assignment"]) for s in sessions] == [(0, 1), (3, 1)]
    (row,) = json.loads(cli("report", "--json").out)["assignments"]
    assert (row["attempts"], row["attempts_left"], row["status"]) == (1, 0, "failed")
