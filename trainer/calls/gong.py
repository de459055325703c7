"""Gong's transcript JSON, as its API and exports give it.

    {"callTranscripts": [{"callId": "...", "transcript": [
        {"speakerId": "5417...", "topic": "Pricing",
         "sentences": [{"start": 1200, "end": 4100, "text": "..."}]}]}]}

Gong keeps speaker names with the call's parties, not in the transcript;
where the file carries them (`parties: [{speakerId, name}]`, at the top or in
each call) the speakers have names, otherwise only their ids.
"""

from __future__ import annotations

from typing import Any

from trainer.calls.call import Call, CallError, Speaker, Utterance

__all__ = ["is_gong", "read_gong"]


def is_gong(data: object) -> bool:
    return isinstance(data, dict) and "callTranscripts" in data


def _names(parties: object) -> dict[str, str]:
    if not isinstance(parties, list):
        return {}
    names: dict[str, str] = {}
    for party in parties:
        if isinstance(party, dict) and party.get("speakerId") and party.get("name"):
            names[str(party["speakerId"])] = str(party["name"])
    return names


def _field(source: str, where: str, value: object, kind: type) -> Any:
    if not isinstance(value, kind):
        expected = "a list" if kind is list else "an object" if kind is dict else kind.__name__
        raise CallError(f"{source}: {where}: expected {expected}")
    return value


def read_gong(source: str, data: dict[str, Any]) -> list[Call]:
    """One Call per entry of callTranscripts."""
    calls = _field(source, "callTranscripts", data.get("callTranscripts"), list)
    if not calls:
        raise CallError(f"{source}: callTranscripts: no calls in this file")
    names = _names(data.get("parties"))
    found: list[Call] = []
    for i, call in enumerate(calls):
        where = f"callTranscripts[{i}]"
        _field(source, where, call, dict)
        these = names | _names(call.get("parties"))
        parts = _field(source, f"{where}.transcript", call.get("transcript"), list)
        cues: list[Utterance] = []
        for j, part in enumerate(parts):
            at = f"{where}.transcript[{j}]"
            _field(source, at, part, dict)
            speaker_id = part.get("speakerId")
            if speaker_id in (None, ""):
                raise CallError(f"{source}: {at}.speakerId: required field is missing")
            ident = str(speaker_id)
            speaker = Speaker(these.get(ident, ident), ident)
            sentences = _field(source, f"{at}.sentences", part.get("sentences"), list)
            for k, sentence in enumerate(sentences):
                _field(source, f"{at}.sentences[{k}]", sentence, dict)
                text = _field(source, f"{at}.sentences[{k}].text", sentence.get("text"), str)
                start = sentence.get("start")
                seconds = start / 1000 if isinstance(start, int | float) else None
                cues.append(Utterance(speaker, text, seconds))
        call_id = call.get("callId")
        label = f"{source}#{call_id}" if len(calls) > 1 and call_id else source
        if len(calls) > 1 and not call_id:
            label = f"{source}#{i + 1}"
        found.append(Call.of(label, "gong", cues))
    return found
