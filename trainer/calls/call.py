"""A real call, read from an export: who spoke, what they said, in order.

Every reader (WebVTT, SRT, Otter text, Gong JSON) produces the same Call, so
the rest of the trainer sees one shape whatever tool recorded the call.
Consecutive lines of one speaker are one turn: captioning tools cut speech
into cues of a few seconds, a conversation is made of turns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from trainer.errors import BadInput
from trainer.transcript import MAX_TURN_CHARS, Transcript, Turn

__all__ = ["Call", "CallError", "Speaker", "Utterance"]

MAX_TURNS = 2000  # what a transcript holds


class CallError(BadInput):
    """A call export that cannot be read, or a seller it does not have."""


@dataclass(frozen=True)
class Speaker:
    name: str
    id: str | None = None  # the export's own id for the speaker, where it has one

    def is_named(self, wanted: str) -> bool:
        """The seller as the manager typed it: a name (any case) or a speaker id."""
        folded = " ".join(wanted.split()).casefold()
        return folded == self.name.casefold() or (self.id is not None and wanted == self.id)

    def label(self) -> str:
        return f"{self.name} (id {self.id})" if self.id and self.id != self.name else self.name


@dataclass(frozen=True)
class Utterance:
    speaker: Speaker
    text: str
    start: float | None = None  # seconds from the start of the call


@dataclass(frozen=True)
class Call:
    source: str  # the file, and the call's id when one file holds several
    format: str  # webvtt, srt, otter, gong
    turns: tuple[Utterance, ...]  # one per turn: consecutive cues already merged

    @classmethod
    def of(cls, source: str, format: str, cues: list[Utterance]) -> Call:
        turns: list[Utterance] = []
        for cue in cues:
            text = " ".join(cue.text.split())
            if not text:
                continue
            if turns and turns[-1].speaker == cue.speaker:
                last = turns[-1]
                turns[-1] = Utterance(last.speaker, f"{last.text} {text}", last.start)
            else:
                turns.append(Utterance(cue.speaker, text, cue.start))
        if not turns:
            raise CallError(f"{source}: no spoken lines found in this {format} file")
        return cls(source, format, tuple(turns))

    def speakers(self) -> list[tuple[Speaker, int]]:
        """Each speaker with their number of turns, most turns first."""
        counts = Counter(t.speaker for t in self.turns)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0].name))

    def describe_speakers(self) -> str:
        return ", ".join(f"{s.label()}: {n} turn(s)" for s, n in self.speakers())

    def seller(self, rep: str) -> Speaker:
        matches = {t.speaker for t in self.turns if t.speaker.is_named(rep)}
        if len(matches) != 1:
            problem = "names no speaker" if not matches else "names more than one speaker"
            raise CallError(
                f"{self.source}: --rep {rep!r} {problem} of this call; "
                f"speakers found: {self.describe_speakers()}"
            )
        return matches.pop()

    def to_transcript(self, rep: str) -> Transcript:
        """The call as a transcript: the seller is the trainee, everyone else the buyer."""
        seller = self.seller(rep)
        turns: list[Turn] = []
        for t in self.turns:
            role: Literal["buyer", "trainee"] = "trainee" if t.speaker == seller else "buyer"
            if turns and turns[-1].role == role:
                # Two buyers speaking one after the other are one buyer turn.
                turns[-1] = Turn(role=role, text=f"{turns[-1].text} {t.text}")
            else:
                turns.append(Turn(role=role, text=t.text[:MAX_TURN_CHARS]))
            turns[-1].text = turns[-1].text[:MAX_TURN_CHARS]
        if len(turns) > MAX_TURNS:
            raise CallError(f"{self.source}: {len(turns)} turns; the limit is {MAX_TURNS}")
        return Transcript(id=self.source, trainee=seller.name, mode="call", turns=turns)
