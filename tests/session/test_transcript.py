"""Reading transcripts: the minimal v1 form, and one clear line for bad input."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trainer.transcript import (
    TranscriptError,
    parse_transcript,
    read_transcripts,
    transcript_files,
)

MINIMAL = {
    "version": 1,
    "scenario": "saas-cfo-price",
    "persona": "dana-cfo",
    "turns": [
        {"role": "buyer", "text": "Too expensive."},
        {"role": "trainee", "text": "What's behind that?"},
    ],
}


def test_minimal_form_and_unknown_fields_are_accepted():
    t = parse_transcript(
        json.dumps({**MINIMAL, "crm_id": 12, "turns": [{**MINIMAL["turns"][0], "x": 1}]}), "t.json"
    )
    assert t.scenario == "saas-cfo-price"
    assert t.turns[0].text == "Too expensive."


def test_scenario_and_persona_may_be_absent():
    t = parse_transcript(json.dumps({"version": 1, "turns": MINIMAL["turns"]}), "t.json")
    assert t.scenario is None and [i for i, _ in t.trainee_turns()] == [1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "t.json:1: not valid JSON"),
        ("[]", "t.json: a transcript is a JSON object, found list"),
        ('{"version": 1}', "t.json: turns: required field is missing"),
        ('{"version": 2, "turns": []}', "t.json: version:"),
        ('{"turns": [{"role": "coach", "text": "x"}]}', "t.json: turns.0.role:"),
        ('{"turns": [{"role": "buyer"}]}', "t.json: turns.0.text: required field is missing"),
        ('{"turns": "nope"}', "t.json: turns:"),
    ],
)
def test_malformed_transcripts_name_file_and_field(text, expected):
    with pytest.raises(TranscriptError) as info:
        parse_transcript(text, "t.json")
    assert str(info.value).startswith(expected)
    assert "\n" not in str(info.value)


def test_jsonl_reports_bad_lines_and_keeps_good_ones(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps(MINIMAL) + "\n" + "{oops\n" + "\n" + json.dumps(MINIMAL) + "\n")
    results = list(read_transcripts(path))
    assert [where for where, _ in results] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert isinstance(results[1][1], TranscriptError)
    assert str(results[1][1]).startswith(f"{path}:2: not valid JSON")


def test_non_utf8_and_missing_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\xff\xfe{}")
    ((_, error),) = read_transcripts(bad)
    assert isinstance(error, TranscriptError) and "not UTF-8" in str(error)
    with pytest.raises(TranscriptError):
        list(transcript_files([tmp_path / "missing.json"]))


def test_folder_expands_in_name_order(tmp_path):
    for name in ("b.json", "a.jsonl", "notes.txt"):
        (tmp_path / name).write_text("{}")
    assert [p.name for p in transcript_files([tmp_path])] == ["a.jsonl", "b.json"]


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(
                st.sampled_from(["version", "turns", "role", "text", "scenario"]),
                children,
                max_size=4,
            )
        ),
        max_leaves=20,
    )
)
def test_any_json_gives_a_transcript_or_a_transcript_error(value):
    try:
        parse_transcript(json.dumps(value), "t.json")
    except TranscriptError as exc:
        assert str(exc).startswith("t.json")
