"""Caption files: WebVTT (Microsoft Teams, Zoom) and SRT (Otter and others).

Teams names the speaker in a voice span, `<v Dana Whitfield>text</v>`, under
a GUID cue id; Zoom and most SRT writers put `Dana Whitfield: text` at the
start of each cue. A cue with no name continues the speaker before it, as a
caption split mid-sentence does.
"""

from __future__ import annotations

import re

import srt
import webvtt

from trainer.calls.call import Call, CallError, Speaker, Utterance

__all__ = ["read_srt", "read_webvtt"]

# "Dana Whitfield: text", "Speaker 2: text": a short name, then a colon.
_NAMED = re.compile(
    r"^\s*(?P<name>[^\W\d][\w.'\-]*(?:[ \t][\w.'\-]+){0,4}):[ \t]+(?P<text>\S.*)$", re.S
)
_TAGS = re.compile(r"</?[a-z][^>]*>", re.I)


def _named(text: str) -> tuple[str | None, str]:
    match = _NAMED.match(text)
    if match is None:
        return None, text
    return match["name"].strip(), match["text"]


def _cues(source: str, fmt: str, raw: list[tuple[str | None, str, float]]) -> Call:
    cues: list[Utterance] = []
    last: Speaker | None = None
    for voice, text, start in raw:
        name, text = (voice, text) if voice else _named(text)
        if name:
            last = Speaker(" ".join(name.split()))
        if last is None:
            raise CallError(
                f"{source}: the cue at {start:.0f}s names no speaker (expected "
                "'<v Name>text</v>' or 'Name: text')"
            )
        cues.append(Utterance(last, _TAGS.sub("", text), start))
    return Call.of(source, fmt, cues)


def read_webvtt(source: str, text: str) -> Call:
    try:
        captions = webvtt.from_string(text).captions
    except (webvtt.errors.MalformedFileError, webvtt.errors.MalformedCaptionError) as exc:
        raise CallError(f"{source}: not valid WebVTT: {exc}") from None
    raw = [(c.voice, c.text, float(c.start_in_seconds)) for c in captions]
    return _cues(source, "webvtt", raw)


def read_srt(source: str, text: str) -> Call:
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        raise CallError(f"{source}: not valid SRT: {exc}") from None
    raw: list[tuple[str | None, str, float]] = [
        (None, s.content, s.start.total_seconds()) for s in subtitles
    ]
    return _cues(source, "srt", raw)
