"""`trainer grade`: formats, batches with bad lines, determinism, rubrics."""

from __future__ import annotations

import json

from trainer.cli import main

TURNS = [
    {"role": "buyer", "text": "Honestly, $24,000 a year is more than we planned for."},
    {"role": "trainee", "text": "I totally understand. So do you want annual or monthly billing?"},
    {"role": "buyer", "text": "I didn't say yes."},
    {"role": "trainee", "text": "That's fair. What's behind the budget concern for you?"},
]
MINIMAL = {"version": 1, "scenario": "saas-cfo-price", "persona": "dana-cfo", "turns": TURNS}


def write(path, data) -> str:
    path.write_text(json.dumps(data))
    return str(path)


def test_json_scorecard_contract(tmp_path, capsys):
    assert main(["grade", write(tmp_path / "t.json", MINIMAL), "--json"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    card = json.loads(line)
    assert {
        "score",
        "passed",
        "style",
        "rubric",
        "grader",
        "outcome",
        "criteria",
        "turns",
    } <= card.keys()
    assert 0 <= card["score"] <= 100 and card["grader"] == "offline"
    assert card["rubric"] == "consultative-vs-pressure" and card["outcome"] == "unfinished"
    assert [t["turn"] for t in card["turns"]] == [1, 3]  # exactly one entry per trainee turn
    assert card["turns"][0]["label"] == "pressure"  # empathy words + a choice close
    assert card["turns"][1]["label"] == "consultative"
    for criterion in card["criteria"]:
        assert {"id", "score", "max", "evidence"} <= criterion.keys()
        for ev in criterion["evidence"]:
            assert ev["quote"] in TURNS[ev["turn"]]["text"]
    assert card["alternatives"][0]["turn"] == 1 and card["alternatives"][0]["source"] == "example"


def test_same_input_same_output_byte_for_byte(tmp_path, capsys):
    path = write(tmp_path / "t.json", MINIMAL)
    main(["grade", path, "--json"])
    first = capsys.readouterr().out
    main(["grade", path, "--json"])
    assert capsys.readouterr().out == first
    main(["grade", path])
    text = capsys.readouterr().out
    main(["grade", path])
    assert capsys.readouterr().out == text


def test_unknown_or_missing_scenario_uses_default_rubric(tmp_path, capsys):
    a = write(tmp_path / "a.json", {"version": 1, "turns": TURNS})
    b = write(tmp_path / "b.json", {**MINIMAL, "scenario": "someone-elses"})
    assert main(["grade", a, b, "--json"]) == 0
    cards = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [c["rubric"] for c in cards] == ["consultative-vs-pressure"] * 2


def test_rubric_override_and_unknown_rubric(tmp_path, capsys):
    path = write(tmp_path / "t.json", MINIMAL)
    assert main(["grade", path, "--rubric", "laer", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["rubric"] == "laer"
    assert main(["grade", path, "--rubric", "nope"]) == 2
    assert "unknown rubric 'nope'" in capsys.readouterr().err


def test_jsonl_batch_reports_bad_lines_and_grades_the_rest(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps(MINIMAL)
        + "\n"
        + "not json\n"
        + json.dumps({"turns": 5})
        + "\n"
        + json.dumps(MINIMAL)
        + "\n"
    )
    assert main(["grade", str(batch), "--json"]) == 2
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    errors = captured.err.splitlines()
    assert errors[0].startswith(f"{batch}:2: not valid JSON")
    assert errors[1].startswith(f"{batch}:3: turns:")
    assert "2 transcript(s) could not be read; 2 graded" in errors[-1]


def test_folder_in_name_order(tmp_path, capsys):
    folder = tmp_path / "runs"
    folder.mkdir()
    write(folder / "b.json", {**MINIMAL, "id": "second"})
    write(folder / "a.json", {**MINIMAL, "id": "first"})
    assert main(["grade", str(folder), "--json"]) == 0
    assert [json.loads(line)["transcript"] for line in capsys.readouterr().out.splitlines()] == [
        "first",
        "second",
    ]


def test_no_transcripts_is_exit_2(tmp_path, capsys):
    assert main(["grade", str(tmp_path)]) == 2
    assert "no transcripts" in capsys.readouterr().err
    assert main(["grade", str(tmp_path / "missing.json")]) == 2


def test_gate_fails_attempt_whatever_the_score(tmp_path, capsys):
    turns = []
    for text in [
        "I hear you. What's behind the budget concern?",
        "That makes sense, thanks for explaining what happened last time.",
        "We guarantee you'll double your revenue in 90 days, zero risk.",
        "Would it make sense to set up a call next week to look at a pilot?",
    ]:
        turns += [{"role": "buyer", "text": "Go on."}, {"role": "trainee", "text": text}]
    assert (
        main(["grade", write(tmp_path / "t.json", {"version": 1, "turns": turns}), "--json"]) == 0
    )
    card = json.loads(capsys.readouterr().out)
    (gate,) = card["gates"]
    assert gate["passed"] is False and gate["evidence"][0]["turn"] == 5
    assert card["passed"] is False


def test_human_output_names_pressure_and_alternatives(tmp_path, capsys):
    assert main(["grade", write(tmp_path / "t.json", MINIMAL)]) == 0
    out = capsys.readouterr().out
    assert "Score " in out and "pressure" in out and "Better alternatives:" in out


def test_escape_sequences_in_a_transcript_are_shown_not_interpreted(tmp_path, capsys):
    turns = [
        {"role": "buyer", "text": "Too expensive.\x1b]0;owned\x07"},
        {"role": "trainee", "text": "\x1b[2J\x1b[31mSign today or lose it.\x1b[0m"},
    ]
    assert main(["grade", write(tmp_path / "t.json", {"version": 1, "turns": turns})]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[31mSign today" in out


def test_json_scorecards_say_which_file_and_line_they_came_from(tmp_path, capsys):
    folder = tmp_path / "runs"
    folder.mkdir()
    single = write(folder / "a.json", {**MINIMAL, "id": "same-id"})
    batch = folder / "b.jsonl"
    batch.write_text(json.dumps({**MINIMAL, "id": "same-id"}) + "\n\n" + json.dumps(MINIMAL) + "\n")
    assert main(["grade", str(folder), "--json"]) == 0
    cards = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [c["source"] for c in cards] == [single, f"{batch}:1", f"{batch}:3"]
    assert [c.get("transcript") for c in cards] == ["same-id", "same-id", f"{batch}:3"]
    for card in cards:  # the contract's fields are all still there
        assert {"score", "passed", "style", "rubric", "grader", "outcome", "criteria", "turns"} <= (
            card.keys()
        )
