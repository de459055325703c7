"""A better line for the turns that moved nothing forward, written for the
moment of that turn: what the objection on the table needed next (a question
about it, an answer to its real concern, a check that the answer lands, or a
next step), in the scenario's own example words where it has them. Never
what the trainee already said.

Without a scenario, and for pressure with no example to offer, the coach's
advice for the tactic used (short, concrete, in the LAER spirit: listen,
acknowledge, explore, respond).
"""

from __future__ import annotations

import re

from trainer.content.models import Objection, Scenario
from trainer.grading.facts import GradeFacts, TurnFacts
from trainer.reading.meaning import Mark
from trainer.reading.tactics import Classification
from trainer.scorecard import Alternative
from trainer.transcript import Transcript
from trainer.vocabulary import Label, Tactic

__all__ = ["INSTEAD", "better_lines"]

INSTEAD: dict[Tactic, str] = {
    Tactic.FALSE_URGENCY: (
        "Drop the deadline. Ask what timing would work for them: "
        '"What would need to be true for this to make sense this quarter?"'
    ),
    Tactic.ASSUMPTIVE_CLOSE: (
        "Don't close over an open concern. Check it first: "
        '"Before we talk next steps, does that answer your concern about it?"'
    ),
    Tactic.DISMISS_OBJECTION: (
        "Take the concern seriously and explore it: "
        "\"That's fair. Can you tell me more about what's behind it?\""
    ),
    Tactic.PREMATURE_DISCOUNT: (
        "Understand the concern before touching price: "
        '"Is it the total, the timing of the spend, or whether it will pay back?"'
    ),
    Tactic.GUILT_SHAME: (
        "Leave guilt out; it costs trust. Acknowledge their position and ask what matters most to them."
    ),
    Tactic.FEAR_FUD: (
        "Replace fear with verifiable facts: offer a reference or data they can check themselves."
    ),
    Tactic.OVERPROMISE: (
        "Promise only what you can show: \"I can't guarantee results, but I can show you "
        'usage data from a customer like you, or we can pilot it."'
    ),
    Tactic.PUSH_AFTER_NO: (
        'Accept the no and keep the door open: "Understood. Would it be useful if I checked '
        'back after your planning cycle?"'
    ),
    Tactic.MONOLOGUE: "Stop pitching and ask one question about what they just said.",
    Tactic.BYPASS_AUTHORITY: (
        'Work with the decision maker, not around them: "What would help you make the case '
        'internally? Would it help if I joined that conversation?"'
    ),
}

_EMPTY_ADVICE = {
    Mark.REPEAT: "Say something new: the buyer heard that already. Take up their last words instead.",
    Mark.KEYWORDS: "Say one real sentence about what the buyer just told you, not a list of words.",
    Mark.PASTED: "One thing at a time: ask the single question that matters most right now.",
    Mark.SMALL_TALK: "Bring it back to the buyer's concern with a question about it.",
    Mark.GENERIC: "Use the buyer's own words: name their concern, then ask about it.",
}
_NEXT_STEP = (
    "Every concern is answered: ask for a concrete next step the buyer can decline, "
    '"Would it make sense to set up thirty minutes next week with the people involved?"'
)
_NORMAL = re.compile(r"\W+")


def _normal(text: str) -> str:
    return _NORMAL.sub(" ", text.lower()).strip()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


# `in_short` is how the buyer refers to the concern ("not knowing what I paid
# for"); a line for the trainee says it from across the table.
_THEIRS = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "i'm": "you're", "i've": "you've",
    "i'd": "you'd", "we": "you", "us": "you", "our": "your", "ours": "yours", "we're": "you're",
    "we've": "you've", "myself": "yourself",
}  # fmt: skip
_PERSON = re.compile(r"\b(?:" + "|".join(sorted(_THEIRS, key=len, reverse=True)) + r")\b", re.I)


def _their_words(text: str) -> str:
    return _PERSON.sub(lambda m: _THEIRS[m.group().lower().replace("\u2019", "'")], text)


def _for_stage(objection: Objection, stage: str | None) -> tuple[list[str], str]:
    """Candidate lines for what this objection needed at this stage, and why."""
    examples = objection.examples
    concern = objection.in_short or "the real concern"
    category = objection.category.value.replace("_", " ")
    if stage in ("raised", "explored", None):
        lines = [examples.explore] if examples else []
        lines.append(
            "That's a fair concern. Can I ask what's behind it: what has happened before with "
            "this, and what would you need to see?"
        )
        return lines, f"the {category} objection was still unexplored: ask about it first"
    if stage == "uncovered":
        lines = [examples.answer] if examples else []
        lines.append(f"What if we answered that directly: {_lower_first(objection.resolves_with)}")
        return lines, f"the real concern ({concern}) was out and needed a concrete answer"
    lines = [examples.confirm] if examples else []
    lines.append(f"Would that cover {_their_words(concern)}?")
    return lines, "an answer was on the table: check that it lands before moving on"


def _needs_better(turn: TurnFacts, c: Classification) -> bool:
    if c.label is Label.PRESSURE or turn.reading.meaning.empty:
        return True
    return turn.decision in ("push_back", "harden", "walk_away")


def better_lines(
    facts: GradeFacts,
    transcript: Transcript,
    scenario: Scenario | None,
    tactics: dict[int, Classification],
) -> list[Alternative]:
    objections = {o.id: o for o in scenario.objections} if scenario else {}
    result: list[Alternative] = []
    given: set[str] = set()  # the same advice twice on one scorecard reads as canned
    for turn in facts.turns:
        c = tactics[turn.index]
        if not _needs_better(turn, c):
            continue
        said = transcript.turns[turn.index].text
        shown = c.evidence if c.label is Label.PRESSURE and c.evidence else said
        objection = objections.get(turn.objection or "")
        candidates: list[tuple[str, str, str]] = []  # (line, source, why)
        if objection is not None:
            lines, why = _for_stage(objection, turn.stage)
            source = "example" if objection.examples else "coach"
            candidates += [(line, source, why) for line in lines]
            if objection.model_answer and turn.stage in (None, "raised", "explored", "uncovered"):
                # An answer, for a moment that still needed one; after it, a check.
                candidates.append((objection.model_answer, "model_answer", why))
        elif scenario is not None and turn.stage is None and not facts.estimated:
            candidates.append((_NEXT_STEP, "coach", "every concern was answered"))
        pressure = next((t for t in c.tactics if t in INSTEAD), None)
        if pressure is not None:
            candidates.append(
                (INSTEAD[pressure], "coach", f"{pressure.value.replace('_', ' ')} costs trust")
            )
        for mark, advice in _EMPTY_ADVICE.items():
            if turn.reading.has(mark):
                candidates.append((advice, "coach", "that line moved nothing forward"))
        if not candidates and facts.estimated:
            candidates.append(
                (
                    "Take up what the buyer just said: acknowledge it in their words, then ask "
                    "what is behind it.",
                    "coach",
                    "the turn did not answer the buyer's last line",
                )
            )
        for line, source, why in candidates:
            normal = _normal(line)
            if normal != _normal(said) and normal not in _normal(said) and normal not in given:
                given.add(normal)
                result.append(
                    Alternative(turn=turn.index, said=shown, instead=line, source=source, why=why)  # type: ignore[arg-type]
                )
                break
    return result
