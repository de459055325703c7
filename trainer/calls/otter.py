"""Otter's plain text export: a header line with the speaker and the time,
the words, then a blank line.

    Dana Whitfield  0:03
    Thanks for making time today.

No library reads it; the format is a few lines of rules.
"""

from __future__ import annotations

import re

from trainer.calls.call import Call, CallError, Speaker, Utterance

__all__ = ["looks_like_otter", "read_otter"]

# "Dana Whitfield  0:03", "Speaker 2  1:02:17": a short name, spaces, a time.
_HEADER = re.compile(
    r"^(?P<name>\S(?:[^\t:]{0,60}?\S)?)[ \t]+(?P<time>(?:\d{1,2}:)?\d{1,2}:\d{2})\s*$"
)
_MAX_NAME_WORDS = 6


def _header(line: str) -> tuple[str, float] | None:
    match = _HEADER.match(line)
    if match is None or len(match["name"].split()) > _MAX_NAME_WORDS:
        return None
    seconds = 0.0
    for part in match["time"].split(":"):
        seconds = seconds * 60 + int(part)
    return " ".join(match["name"].split()), seconds


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def looks_like_otter(text: str) -> bool:
    blocks = _blocks(text)
    headed = sum(1 for b in blocks if _header(b[0]) is not None)
    return headed > 0 and headed * 2 >= len(blocks)


def read_otter(source: str, text: str) -> Call:
    cues: list[Utterance] = []
    last: Speaker | None = None
    for number, block in enumerate(_blocks(text), start=1):
        head = _header(block[0])
        if head is not None:
            last = Speaker(head[0])
            words, start = block[1:], head[1]
        else:
            words, start = block, None
        if last is None:
            raise CallError(
                f"{source}: paragraph {number} has no 'Speaker Name  0:03' line before it"
            )
        cues.append(Utterance(last, " ".join(words), start))
    return Call.of(source, "otter", cues)
