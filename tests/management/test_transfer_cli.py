"""Moving sessions between machines through `trainer.cli.main`: export as
JSON and Markdown, import files and folders (twice, counted once), in the
order the attempts were made, and one-line errors for unreadable files."""

from __future__ import annotations

import json
from datetime import date

from trainer import clock

SCENARIO = "saas-cfo-price"


def on(monkeypatch, day: str) -> None:
    monkeypatch.setattr(clock, "today", lambda: date.fromisoformat(day))


def test_transcripts_from_another_machine(cli, consultative, pressure, monkeypatch, tmp_path):
    """The manager assigns on one machine; the trainees practise on another;
    their exported sessions are imported, twice, and counted once."""
    manager, laptop = tmp_path / "manager", tmp_path / "laptop"
    monkeypatch.setenv("TRAINER_HOME", str(manager))
    cli("assign", SCENARIO, "--to", "ana", "--to", "ben")
    monkeypatch.setenv("TRAINER_HOME", str(laptop))
    cli("chat", SCENARIO, "--trainee", "ana", stdin=consultative(SCENARIO))
    cli("chat", SCENARIO, "--trainee", "ben", "--out", str(tmp_path / "ben.json"), stdin=pressure)
    sessions = [json.loads(line) for line in cli("sessions", "--json").out.splitlines()]
    ana_id = next(s["id"] for s in sessions if s["trainee"] == "ana")
    exports = tmp_path / "exports"
    exports.mkdir()
    exported = cli("export", ana_id[:8], "--format", "json", "--out", str(exports / "ana.json"))
    assert exported.code == 0
    document = json.loads((exports / "ana.json").read_text())
    assert document["transcript"]["id"] == ana_id and document["scorecard"]["passed"] is True
    (exports / "ben.json").write_text((tmp_path / "ben.json").read_text())  # a plain transcript

    monkeypatch.setenv("TRAINER_HOME", str(manager))
    first = cli("import", str(exports))
    assert first.code == 0, first.err
    assert first.out.count("+ ") == 2 and "assignment #1" in first.out
    again = cli("import", str(exports / "ana.json"), str(exports / "ben.json"))
    assert again.code == 0 and again.out.count("= ") == 2 and "+ " not in again.out
    assert "imported 0, updated 0, already there 2" in again.err
    assert len(cli("sessions", "--json").out.splitlines()) == 2
    report = json.loads(cli("report", "--json").out)
    assert {a["trainee"]: (a["status"], a["attempts"]) for a in report["assignments"]} == {
        "ana": ("passed", 1),
        "ben": ("failed", 1),
    }


def test_export_as_markdown(cli, consultative):
    cli("chat", SCENARIO, "--trainee", "ana", stdin=consultative(SCENARIO))
    (row,) = [json.loads(line) for line in cli("sessions", "--json").out.splitlines()]
    md = cli("export", row["id"]).out
    assert md.startswith("# The CFO who says it costs too much")
    assert "- **Trainee:** ana" in md and "## Transcript" in md
    assert "**[0] Buyer:**" in md and "**[1] ana:** _(consultative" in md
    assert "## Scorecard" in md and f"Score {row['score']}/100 (PASSED" in md


def test_an_unreadable_import_names_the_file_and_line(cli, consultative, tmp_path):
    cli(
        "chat",
        SCENARIO,
        "--trainee",
        "ana",
        "--out",
        str(tmp_path / "t.json"),
        stdin=consultative(SCENARIO),
    )
    good = (tmp_path / "t.json").read_text().strip()
    batch = tmp_path / "batch.jsonl"
    batch.write_text(good + "\n{not json\n", encoding="utf-8")
    notes = tmp_path / "notes.md"
    notes.write_text("# not a transcript\n", encoding="utf-8")
    run = cli("import", str(batch), str(notes))
    assert run.code == 2
    assert f"{batch}:2: not valid JSON" in run.err
    assert f"{notes}:1: not valid JSON" in run.err
    assert "= " in run.out  # the good line was already in this store: counted once


def test_imports_count_attempts_in_the_order_they_were_made(
    cli, consultative, pressure, monkeypatch, tmp_path
):
    """The passing attempt sorts first by file name but was made last: the
    earlier, failed one still counts as an attempt."""
    on(monkeypatch, "2026-11-24")
    cli("assign", SCENARIO, "--to", "ana")

    def attempt(name: str, started: str, lines: list[str]) -> None:
        turns = [{"role": "buyer", "text": "$24,000 a year is more than we planned for."}]
        for line in lines:
            turns += [{"role": "trainee", "text": line}, {"role": "buyer", "text": "Go on."}]
        transcript = {
            "version": 1,
            "id": name,
            "scenario": SCENARIO,
            "trainee": "ana",
            "started": started,
            "finished": started,
            "turns": turns,
        }
        (tmp_path / f"{name}.json").write_text(json.dumps(transcript), encoding="utf-8")

    later = "2099-01-02T10:00:00Z"  # after the assignment was made, whatever today is
    attempt("a-listens", later, consultative(SCENARIO))
    attempt("b-pushes", "2099-01-01T10:00:00Z", pressure[:-1])
    run = cli("import", str(tmp_path / "a-listens.json"), str(tmp_path / "b-pushes.json"))
    assert run.code == 0, run.err
    assert run.out.index("b-pushes") < run.out.index("a-listens")  # oldest first
    (row,) = json.loads(cli("report", "--json").out)["assignments"]
    assert (row["status"], row["attempts"]) == ("passed", 2)
    assert row["latest_score"] == row["best_score"] >= 70


def test_the_finished_copy_replaces_an_unfinished_one(cli, consultative, monkeypatch, tmp_path):
    """A trainee's attempt was exported half way, then again once finished:
    importing the finished copy replaces the unfinished one, says so, and
    the attempt counts once, with its grade."""
    on(monkeypatch, "2026-11-24")
    cli("assign", SCENARIO, "--to", "ana")
    started = "2099-01-01T10:00:00Z"  # after the assignment was made, whatever today is
    turns = [{"role": "buyer", "text": "$24,000 a year is more than we planned for."}]
    for line in consultative(SCENARIO):
        turns += [{"role": "trainee", "text": line}, {"role": "buyer", "text": "Go on."}]
    base = {
        "version": 1,
        "id": "trip-1",
        "scenario": SCENARIO,
        "trainee": "ana",
        "started": started,
    }
    half = tmp_path / "half.json"
    half.write_text(json.dumps({**base, "turns": turns[:3]}), encoding="utf-8")
    done = tmp_path / "done.json"
    done.write_text(json.dumps({**base, "turns": turns, "finished": started}), encoding="utf-8")

    first = cli("import", str(half))
    assert first.out.startswith("+ trip-1") and "unfinished · assignment #1" in first.out
    second = cli("import", str(done))
    assert second.code == 0, second.err
    assert second.out.startswith("~ trip-1") and ": updated, score " in second.out
    assert "assignment #1" in second.out
    assert "imported 0, updated 1, already there 0, unreadable 0" in second.err
    assert cli("import", str(half)).out.startswith("= trip-1")  # the old copy changes nothing

    (row,) = [json.loads(line) for line in cli("sessions", "--json").out.splitlines()]
    assert row["finished"] == started and row["trainee_turns"] == len(consultative(SCENARIO))
    (assignment,) = json.loads(cli("report", "--json").out)["assignments"]
    assert (assignment["attempts"], assignment["status"]) == (1, "passed")
    assert assignment["best_score"] == int(second.out.split("score ")[1].split()[0])
