"""One reading of a trainee turn: its tactics and its meaning together.

The director decides the buyer's move from it, the grader scores it, and the
transcript stores it, so the buyer's reaction and the grade are made from the
same facts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from trainer.reading.context import TurnContext
from trainer.reading.meaning import Mark, Meaning, read_meaning
from trainer.reading.tactics import Classification, Finding, classify
from trainer.reading.words import content_terms, is_generic
from trainer.transcript import FindingRecord, ReadingRecord
from trainer.vocabulary import PRESSURE_TACTICS, Label, Tactic, label_of

__all__ = ["TurnReading", "from_record", "read_turn", "reader_version"]


@dataclass(frozen=True)
class TurnReading:
    tactics: Classification
    meaning: Meaning

    @property
    def label(self) -> Label:
        return self.tactics.label

    @property
    def found(self) -> frozenset[Tactic]:
        return frozenset(self.tactics.tactics)

    @property
    def pressure(self) -> frozenset[Tactic]:
        return self.found & PRESSURE_TACTICS

    def has(self, mark: Mark) -> bool:
        return mark in self.meaning.marks

    def to_record(self) -> ReadingRecord:
        m = self.meaning
        return ReadingRecord(
            reader=reader_version(),
            label=self.label.value,
            findings=[
                FindingRecord(tactic=f.tactic.value, start=f.start, end=f.end)
                for f in self.tactics.findings
            ],
            marks=sorted(m.marks),
            surface=sorted(m.surface),
            root=sorted(m.root),
            asked=sorted(m.asked),
            answer=dict(sorted(m.answer.items())),
            offered=list(m.offered),
        )


def read_turn(text: str, context: TurnContext | None = None) -> TurnReading:
    tactics = classify(text, context)
    meaning = read_meaning(text, tactics.tactics, context)
    if Tactic.MONOLOGUE in tactics.tactics and _answers(meaning, context):
        # A long turn is a monologue only when it answers nothing that was asked:
        # a net sheet with three recent sales, for the buyer who asked for one, is not.
        tactics = _without(tactics, Tactic.MONOLOGUE)
    return TurnReading(tactics, meaning)


def _answers(meaning: Meaning, context: TurnContext | None) -> bool:
    current = context.current if context else None
    if current is not None:
        return current in meaning.about and meaning.has(Mark.RESPONDS)
    if context is None or not context.buyer_line:
        return False
    said = {t for t in content_terms(context.buyer_line) if not is_generic(t)}
    return len(said & set(meaning.terms)) >= 2


def _without(c: Classification, tactic: Tactic) -> Classification:
    findings = tuple(f for f in c.findings if f.tactic is not tactic)
    return Classification(label_of(f.tactic for f in findings), findings)


def from_record(text: str, record: ReadingRecord | None) -> TurnReading | None:
    """A stored reading of `text`, or None when there is none, other rules made
    it (another version of the reader), or it does not fit the text."""
    if record is None or record.reader != reader_version():
        return None
    if record.label not in Label._value2member_map_:
        return None
    findings = []
    for f in record.findings:
        if f.tactic not in Tactic._value2member_map_ or not 0 <= f.start <= f.end <= len(text):
            return None
        findings.append(Finding(Tactic(f.tactic), text[f.start : f.end], f.start, f.end))
    if any(m not in Mark._value2member_map_ for m in record.marks):
        return None
    meaning = Meaning(
        marks=frozenset(Mark(m) for m in record.marks),
        surface=frozenset(record.surface),
        root=frozenset(record.root),
        asked=frozenset(record.asked),
        answer=dict(record.answer),
        offered=tuple(record.offered),
    )
    return TurnReading(Classification(Label(record.label), tuple(findings)), meaning)


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Names the rules that read turns: a digest of the reader's own files, so
    a reading stored by another version of them is read again, not trusted."""
    digest = hashlib.sha256()
    package = resources.files("trainer.reading")
    for name in (
        "tactics.py",
        "phrases.py",
        "phrasebook.py",
        "caseless.py",
        "model.py",
        "data/model.json",
        "words.py",
        "topics.py",
        "meaning.py",
        "turn.py",
    ):
        digest.update(package.joinpath(name).read_bytes())
    return "r-" + digest.hexdigest()[:12]
