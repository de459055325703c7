"""Call exports read into turns: each format by its content, one turn per run
of one speaker's cues, the seller by name or speaker id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.calls import CallError, read_calls, sniff

FIXTURES = Path(__file__).parent / "fixtures"


def _one(name: str):  # type: ignore[no-untyped-def]
    calls = read_calls(FIXTURES / name)
    assert len(calls) == 1
    return calls[0]


def test_teams_voice_spans_with_guid_cue_ids() -> None:
    call = _one("teams-fieldline.vtt")
    assert call.format == "webvtt"
    assert [s.name for s, _ in call.speakers()] == ["Dana Whitfield", "Priya Nair"]
    # Two cues of Priya's opening are one turn.
    assert call.turns[0].text == (
        "Hi Dana, thanks for making time today. I know quarter end is busy for you."
    )
    assert call.turns[1].speaker.name == "Dana Whitfield"
    assert len(call.turns) == 14
    assert "<v" not in " ".join(t.text for t in call.turns)


def test_zoom_names_in_each_cue() -> None:
    call = _one("zoom-agency.vtt")
    assert call.format == "webvtt"
    assert dict((s.name, n) for s, n in call.speakers()) == {"Marco Bellini": 5, "Jordan Lee": 4}
    assert call.turns[1].text.startswith("Not great, to be honest.")
    assert not call.turns[1].text.startswith("Jordan Lee")


def test_srt_with_names() -> None:
    call = _one("managed-it.srt")
    assert call.format == "srt"
    assert call.turns[0].speaker.name == "Alex Kim"
    assert call.turns[0].text.endswith("your network went down twice last month?")
    assert call.turns[0].start == pytest.approx(2.0)


def test_otter_text_export() -> None:
    call = _one("otter-coaching.txt")
    assert call.format == "otter"
    assert [t.speaker.name for t in call.turns[:3]] == ["Renee Carter", "Tom Hayes", "Renee Carter"]
    assert call.turns[1].start == 8


def test_gong_json_with_parties_and_ids() -> None:
    call = _one("gong-listing.json")
    assert call.format == "gong"
    names = {s.name: s.id for s, _ in call.speakers()}
    assert names == {"Chris Young": "8402", "Maria Gomez": "1177", "Luis Gomez": "2291"}
    transcript = call.to_transcript("8402")
    assert transcript.trainee == "Chris Young"
    # Maria and Luis are both the buyer; one after the other they are one buyer turn.
    roles = [t.role for t in transcript.turns]
    assert roles == ["trainee", "buyer"] * 5
    assert transcript.turns[3].text.startswith("We'd want to close by April.")


def test_format_by_content_not_extension(tmp_path: Path) -> None:
    srt_text = (FIXTURES / "managed-it.srt").read_text()
    misnamed = tmp_path / "call.txt"
    misnamed.write_text(srt_text)
    assert read_calls(misnamed)[0].format == "srt"
    vtt_as_srt = tmp_path / "meeting.srt"
    vtt_as_srt.write_text((FIXTURES / "teams-fieldline.vtt").read_text())
    assert read_calls(vtt_as_srt)[0].format == "webvtt"
    assert sniff(json.dumps({"version": 1, "turns": []})) is None


def test_rep_by_name_any_case_or_id() -> None:
    call = _one("teams-fieldline.vtt")
    transcript = call.to_transcript("priya  NAIR")
    assert transcript.turns[0].role == "trainee"
    assert transcript.turns[1].role == "buyer"
    assert transcript.mode == "call"
    with pytest.raises(CallError, match="names no speaker.*Dana Whitfield: 7 turn"):
        call.to_transcript("Chris")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nno name here\n", "names no speaker"),
        ("WEBVTT\n\nnot a cue at all\n", "no spoken lines|not valid WebVTT"),
        ('{"callTranscripts": [{"transcript": [{"sentences": []}]}]}', "speakerId"),
        ('{"callTranscripts": {"a": 1}}', "callTranscripts: expected a list"),
        ("just some notes\nabout a call\n", "not a call transcript"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.vtt"
    path.write_text(text)
    with pytest.raises(CallError, match=message) as caught:
        read_calls(path)
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(str(path))
