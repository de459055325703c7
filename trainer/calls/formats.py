"""Which kind of call export a file is, by what it holds, not its name.

A `.txt` may be an Otter export or an SRT saved under another name; a
`.json` may be a Gong transcript or one of the trainer's own transcripts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from trainer.calls.call import Call, CallError
from trainer.calls.captions import read_srt, read_webvtt
from trainer.calls.gong import is_gong, read_gong
from trainer.calls.otter import looks_like_otter, read_otter
from trainer.transcript import read_text

__all__ = ["CALL_SUFFIXES", "read_calls", "sniff"]

# What a folder of call exports is searched for.
CALL_SUFFIXES = (".vtt", ".srt", ".txt", ".json")
_SRT_START = re.compile(r"\A\s*\d+\s*\r?\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_KNOWN = "WebVTT (Teams, Zoom), SRT, Otter text or Gong JSON"


def sniff(text: str) -> str | None:
    """The format of a call export (webvtt, srt, gong, otter), or None."""
    body = text.lstrip("\ufeff")
    if body.startswith("WEBVTT"):
        return "webvtt"
    if _SRT_START.match(body):
        return "srt"
    if body.lstrip().startswith("{"):
        try:
            data = json.loads(body)
        except (json.JSONDecodeError, RecursionError):
            return None
        return "gong" if is_gong(data) else None
    if looks_like_otter(body):
        return "otter"
    return None


def _read_text(path: Path) -> str:
    # Caption exports often start with a byte-order mark.
    return read_text(path, error=CallError, encoding="utf-8-sig")


def read_calls(path: Path, text: str | None = None) -> list[Call]:
    """The calls in one export file (a Gong file may hold several)."""
    body = _read_text(path) if text is None else text.lstrip("\ufeff")
    source = str(path)
    fmt = sniff(body)
    if fmt == "webvtt":
        return [read_webvtt(source, body)]
    if fmt == "srt":
        return [read_srt(source, body)]
    if fmt == "gong":
        return read_gong(source, json.loads(body))
    if fmt == "otter":
        return [read_otter(source, body)]
    if path.suffix.lower() == ".json":
        raise CallError(
            f"{source}: JSON, but neither a transcript (turns) nor Gong's (callTranscripts)"
        )
    raise CallError(f"{source}: not a call transcript this trainer reads ({_KNOWN})")
