"""The buyer's concerns when no scenario names them: read from the buyer's own
words, so a real call is graded on the stages of each objection it raised.

Each objection category the buyer raises is one concern, from the turn that
raises it; raised again later, it is the same concern. The concern on the
table for a seller turn is the last one raised, until it is confirmed. Its
terms are what the buyer said about it (the objection, and what the buyer
said after being asked about it), so the reader can tell a turn that takes
it up from one that would fit any buyer.

The steps are estimated from the turns in order, as the buyer actually
answered: a question about the concern explores it; when the buyer's reply
says more than the objection did (new words, not another objection), the
real concern is out; a concrete proposal about it answers it; a check or an
ask for a next step after that confirms it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from trainer.reading.context import TurnContext
from trainer.reading.meaning import Mark
from trainer.reading.objections import PRECEDENCE, FoundObjection, find_objections
from trainer.reading.topics import CATEGORY_TERMS, ConcernTerms, Topics
from trainer.reading.turn import TurnReading, from_record, read_turn
from trainer.reading.words import content_terms, is_generic
from trainer.transcript import Transcript
from trainer.vocabulary import Category, Label

__all__ = ["Concern", "RaisedConcerns", "RaisedObjection", "follow_concerns"]

# A buyer reply that brings this many new terms after a question says more than
# the objection did: the reason behind it is out.
_REVEAL_TERMS = 3
# Words a question about a concern uses beyond the category's own (topics.py):
# a stall is explored by asking what the decision still needs.
_ASKED_ABOUT = {
    Category.STALL: "decide decision holding hesitate unsure missing",
    Category.AUTHORITY: "decide decision involved approve",
}
_AGREE = re.compile(
    r"\b(?:yes|yeah|yep|sure|ok(?:ay)?|sounds\s+good|that\s+works|works\s+for\s+(?:me|us)"
    r"|(?:should|would)\s+be\s+fine|is\s+fine|let'?s\s+do|happy\s+to|deal|book\s+it"
    r"|we'?d\s+like\s+(?:to|that)|that\s+would\s+help|go\s+ahead|perfect|great)\b",
    re.IGNORECASE,
)
_REFUSE = re.compile(r"\b(?:no|not|never|can'?t|cannot|won'?t|don'?t|wouldn'?t)\b", re.IGNORECASE)
_SEPARATE = re.compile(
    r"(?:also|plus|besides|on\s+top\s+of\s+that|and\s+another\s+thing|another\s+thing|separately)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RaisedObjection:
    turn: int  # the buyer turn, an index in the transcript's turns
    category: Category
    text: str  # the buyer's words that raise it


@dataclass
class Concern:
    category: Category
    raised_at: int
    surface: set[str] = field(default_factory=set)
    root: set[str] = field(default_factory=set)
    reached: dict[str, int] = field(default_factory=dict)
    checked: bool = True
    explored_by: int | None = None  # the trainee turn whose question awaits the buyer's reply

    @property
    def id(self) -> str:
        return self.category.value

    def terms(self) -> ConcernTerms:
        return ConcernTerms(
            surface=frozenset(self.surface),
            root=frozenset(self.root - self.surface),
            answer=frozenset(),
        )


@dataclass(frozen=True)
class SellerTurn:
    index: int
    reading: TurnReading
    concern: str | None  # the concern on the table when it was said
    stage: str | None


@dataclass
class RaisedConcerns:
    found: list[RaisedObjection]
    concerns: list[Concern]
    turns: list[SellerTurn]
    next_step_asked: int | None  # the seller turn whose ask for a next step the buyer took


def _terms(text: str) -> set[str]:
    return {t for t in content_terms(text) if not is_generic(t)}


def _stage(concern: Concern) -> str:
    for stage in ("confirmed", "answered", "uncovered", "explored"):
        if stage in concern.reached:
            return stage
    return "raised"


def follow_concerns(transcript: Transcript, reread: bool) -> RaisedConcerns | None:
    """The concerns the buyer raised and how far each got; None when the buyer
    raised no objection the reader knows (the caller grades one concern)."""
    heard = {
        i: find_objections(turn.text)
        for i, turn in enumerate(transcript.turns)
        if turn.role == "buyer"
    }
    if not any(heard.values()):
        return None
    concerns: dict[Category, Concern] = {}
    on_table: list[Concern] = []  # the open ones, the latest last
    found: list[RaisedObjection] = []
    turns: list[SellerTurn] = []
    buyer_said: list[str] = []
    earlier: list[str] = []
    asked: int | None = None  # a seller turn asking for a next step, awaiting the reply
    agreed: int | None = None
    for index, turn in enumerate(transcript.turns):
        if turn.role == "buyer":
            if asked is not None and not heard[index] and _agrees(turn.text):
                agreed = asked
            asked = None
            raised = _hear(turn.text, index, heard[index], concerns, on_table)
            if raised is not None:
                found.append(raised)
            buyer_said.append(turn.text)
            continue
        current = on_table[-1] if on_table else None
        topics = Topics(
            concerns={c.id: c.terms() for c in concerns.values()},
            specific=frozenset().union(*(c.surface | c.root for c in concerns.values())),
        )
        context = TurnContext(
            buyer_line=buyer_said[-1] if buyer_said else "",
            objection_open=bool(on_table),
            category=current.category if current else None,
            topics=topics,
            current=current.id if current else None,
            earlier=tuple(earlier),
            buyer_said=tuple(buyer_said),
        )
        reading = (None if reread else from_record(turn.text, turn.reading)) or read_turn(
            turn.text, context
        )
        earlier.append(turn.text)
        turns.append(
            SellerTurn(
                index,
                reading,
                current.id if current else None,
                _stage(current) if current else None,
            )
        )
        if reading.label is Label.PRESSURE or reading.meaning.empty:
            continue
        if reading.has(Mark.NEXT_STEP):
            asked = index
        if current is not None:
            _advance(on_table, index, reading)
    if not found:
        return None
    return RaisedConcerns(found, list(concerns.values()), turns, agreed)


def _agrees(text: str) -> bool:
    """A buyer reply that takes the next step asked for: "Tuesday should be
    fine", "Yes, send it over", not "no" or "I can't"."""
    return _AGREE.search(text) is not None and _REFUSE.search(text) is None


def _separate(found: FoundObjection) -> bool:
    """An objection said as a point of its own, not as the reason behind the one
    just asked about: another vendor, or "also...", "plus...", "and another thing"."""
    return found.category is Category.COMPETITOR or _SEPARATE.match(found.text) is not None


def _hear(
    text: str,
    index: int,
    objections: list[FoundObjection],
    concerns: dict[Category, Concern],
    on_table: list[Concern],
) -> RaisedObjection | None:
    """What a buyer turn does to the concerns: raises one (the one the seller
    must answer first), brings one back, or says more about the one a question
    just asked about. The objection it raises, if any."""
    asked = next((c for c in on_table if c.explored_by is not None), None)
    words = _terms(text)
    if asked is not None:
        # In reply to a question about a concern, words that sound like another
        # objection are mostly the reason behind this one ("we set money aside
        # this year, and the board is wary"): they are its root.
        for f in objections:
            if f.category is not asked.category and not _separate(f):
                asked.root |= _terms(f.text)
        objections = [f for f in objections if f.category is asked.category or _separate(f)]
        new = words - asked.surface - asked.root
        # Saying the objection again in other words is no reason: the new words count.
        if "uncovered" not in asked.reached and (
            len(new) >= _REVEAL_TERMS or len(asked.root) >= _REVEAL_TERMS
        ):
            asked.reached["uncovered"] = asked.explored_by  # type: ignore[assignment]
            asked.root |= new
    for each in concerns.values():
        each.explored_by = None
    if not objections:
        return None
    first = min(objections, key=lambda f: PRECEDENCE.index(f.category))
    concern = concerns.get(first.category)
    if concern is None:
        concern = Concern(
            first.category,
            raised_at=index,
            surface=_terms(first.text)
            | _terms(CATEGORY_TERMS[first.category])
            | _terms(_ASKED_ABOUT.get(first.category, "")),
        )
        concerns[first.category] = concern
        on_table.append(concern)
        return RaisedObjection(index, first.category, first.text)
    concern.surface |= _terms(first.text)
    if concern in on_table:
        # Said again while still open: the same objection, brought to the top.
        on_table.remove(concern)
        on_table.append(concern)
        return None
    # Back after it was buttoned up: raised again.
    on_table.append(concern)
    return RaisedObjection(index, first.category, first.text)


def _advance(on_table: list[Concern], index: int, reading: TurnReading) -> None:
    """Move the concerns along by one seller turn: the one on the table (the
    latest raised) is explored or answered; a check confirms the latest answer
    still unchecked, which then leaves the table."""
    concern = on_table[-1]
    reached = concern.reached
    about = concern.id in reading.meaning.about or reading.has(Mark.RESPONDS)
    if reading.has(Mark.QUESTION) and about and "answered" not in reached:
        reached.setdefault("explored", index)
        concern.explored_by = index
    if (
        "explored" in reached
        and "answered" not in reached
        and reached["explored"] != index
        and reading.has(Mark.PROPOSAL)
        and reading.has(Mark.CONCRETE)
    ):
        # A proposal put as a question ("what if we...?") answers; the reply
        # to it is about the proposal, not the reason behind the concern.
        reached["answered"] = index
        concern.explored_by = None
        return
    if reading.has(Mark.CONFIRM) or reading.has(Mark.NEXT_STEP):
        answered = [
            c for c in on_table if "answered" in c.reached and c.reached["answered"] != index
        ]
        if answered:
            done = answered[-1]
            done.reached["confirmed"] = index
            done.checked = reading.has(Mark.CONFIRM)
            on_table.remove(done)
