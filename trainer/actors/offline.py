"""The offline voice: the scenario's and persona's authored lines, with memory.

Each beat of the director's decision becomes one line, chosen among the
authored variants (then the common lines in lines.py) with a generator seeded
by (session seed, turn position, beat), so the same seed and the same trainee
input give the same conversation byte for byte, and an undo or rewind replays
the same words at the same place.

The buyer remembers the conversation: it never says a sentence it has said
before; it answers a direct question from its facts; it takes up what the
trainee actually offered, in the trainee's own words, and builds its
acceptance from that.
"""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator, Sequence

from trainer.actors.base import ActorError, Beat, Decision, SpeakRequest
from trainer.actors.lines import COMMON, MOVES
from trainer.content.library import template_context
from trainer.content.models import Fact, Objection, Persona, Scenario
from trainer.content.templates import TemplateError, render, without_name
from trainer.reading.words import content_terms, is_generic
from trainer.transcript import Turn
from trainer.vocabulary import Move

__all__ = ["OfflineVoice", "compose", "sentences"]

_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def sentences(text: str) -> list[str]:
    """The sentences of a line, normalized for comparison."""
    found = []
    for piece in _SENTENCE.findall(text):
        normal = re.sub(r"[^a-z0-9$% ]+", "", piece.lower()).strip()
        normal = re.sub(r"\s+", " ", normal)
        if normal:
            found.append(normal)
    return found


def _said(history: Sequence[Turn]) -> set[str]:
    return {s for t in history if t.role == "buyer" for s in sentences(t.text)}


def _last_trainee(history: Sequence[Turn]) -> str:
    return next((t.text for t in reversed(history) if t.role == "trainee"), "")


class _Composer:
    def __init__(
        self,
        decision: Decision,
        scenario: Scenario,
        persona: Persona,
        history: Sequence[Turn],
        trainee: str | None,
        seed: int,
        turn_index: int,
    ) -> None:
        self.decision = decision
        self.scenario = scenario
        self.persona = persona
        self.context = template_context(persona, scenario, trainee)
        self.said = _said(history)
        self.said_text = " ".join(t.text.lower() for t in history if t.role == "buyer")
        self.asked = _last_trainee(history)
        self.seed = seed
        self.turn_index = turn_index
        self.objections = {o.id: o for o in scenario.objections}

    def line(self) -> str:
        parts: list[str] = []
        for number, beat in enumerate(self.decision.beats):
            rng = random.Random(f"{self.seed}:{self.turn_index}:{number}:{beat.kind}")
            text = self._word(beat, rng)
            if text:
                parts.append(text)
                self.said.update(sentences(text))
                self.said_text += " " + text.lower()
        if not parts:  # every fitting line was said before: the plainest fallback
            parts.append("Go on.")
        return " ".join(parts)

    # --- choosing -----------------------------------------------------------

    def _fresh(self, options: Sequence[str], rng: random.Random) -> str | None:
        """One of the options none of whose sentences has been said."""
        rendered = [without_name(render(o, self.context)) for o in options]
        fresh = [r for r in dict.fromkeys(rendered) if r and not set(sentences(r)) & self.said]
        return rng.choice(fresh) if fresh else None

    def _pick(self, rng: random.Random, *pools: Sequence[str]) -> str | None:
        """From the first pool with something unsaid in it."""
        for pool in pools:
            chosen = self._fresh(pool, rng)
            if chosen is not None:
                return chosen
        return None

    # --- one beat -------------------------------------------------------------

    def _word(self, beat: Beat, rng: random.Random) -> str | None:
        objection = self.objections.get(beat.objection or "")
        kind = beat.kind
        if kind == "opening":
            return self._pick(
                rng, self.scenario.opening, self.persona.lines[Move.OPEN], MOVES[Move.OPEN]
            )
        if kind == "persona":
            assert beat.move is not None
            said = self._pick(rng, self.persona.lines[beat.move], MOVES[beat.move])
            if beat.move in (Move.AGREE, Move.AGREE_NEXT_STEP) and beat.offered:
                taken = self._take_up(beat.offered, rng)
                return f"{taken} {said}" if taken and said else taken or said
            return said
        if kind == "fact":
            return self._fact(rng)
        if kind == "take_up":
            return self._take_up(beat.offered, rng)
        if kind == "next_prompt" or objection is None:
            return self._pick(rng, COMMON.get(kind, ()))
        return self._about(kind, beat, objection, rng)

    def _about(self, kind: str, beat: Beat, objection: Objection, rng: random.Random) -> str | None:
        if kind == "surface":
            return self._pick(rng, [objection.surface], objection.variants)
        if kind == "restate":
            return self._pick(rng, objection.variants, [objection.surface], COMMON["generic"])
        if kind == "reveal":
            return self._pick(rng, objection.reveal) or self._refer(objection, rng)
        if kind == "resolved":
            taken = self._take_up(beat.offered, rng)
            accepted = self._pick(rng, objection.resolved, COMMON["consider"])
            return " ".join(p for p in (taken, accepted) if p) or None
        if kind == "hint":
            return self._pick(rng, objection.hints, COMMON["hint"])
        if kind == "ask":
            return self._pick(rng, objection.asks, COMMON["ask"])
        if kind == "refer":
            return self._refer(objection, rng)
        if kind == "generic":
            return self._pick(rng, self.persona.lines[Move.PUSH_BACK], COMMON["generic"])
        return self._pick(rng, COMMON.get(kind, ()))  # type: ignore[call-overload]

    def _refer(self, objection: Objection, rng: random.Random) -> str | None:
        concern = objection.in_short or "the real issue"
        options = [line.replace("{concern}", concern) for line in COMMON["refer"]]
        return self._pick(rng, options)

    def _take_up(self, offered: Sequence[str], rng: random.Random) -> str | None:
        """The trainee's own words back: "One depot, 60 days." Never what they
        did not say."""
        items = [o for o in offered if o.lower() not in self.said_text][:2]
        if not items:
            return None
        listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
        shapes = ("{x}.", "So, {x}.", "{x}, then.", "{x}, you said.")
        options = [shape.format(x=listed) for shape in shapes]
        options = [o[:1].upper() + o[1:] for o in options]
        return self._fresh(options, rng)

    def _fact(self, rng: random.Random) -> str | None:
        """The buyer's answer to a direct question, from what it knows."""
        if "?" not in self.asked:
            return None
        asked = {t for t in content_terms(self.asked) if not is_generic(t)}
        if not asked:
            return None
        best: list[tuple[int, Fact]] = []
        for fact in (*self.scenario.facts, *self.persona.facts):
            about = {t for phrase in fact.about for t in content_terms(phrase)}
            score = len(asked & about)
            if score:
                best.append((score, fact))
        best.sort(key=lambda sf: -sf[0])
        for _, fact in best:
            said = self._fresh([fact.says], rng)
            if said is not None:
                return said
        return None


def compose(
    decision: Decision,
    scenario: Scenario,
    persona: Persona,
    history: Sequence[Turn],
    trainee: str | None,
    seed: int,
    turn_index: int,
) -> str:
    """Render the decision's beats into one buyer line."""
    return _Composer(decision, scenario, persona, history, trainee, seed, turn_index).line()


class OfflineVoice:
    name = "offline"

    async def speak(self, request: SpeakRequest) -> AsyncIterator[str]:
        try:
            text = compose(
                request.decision,
                request.scenario,
                request.persona,
                request.history,
                request.trainee,
                request.seed,
                request.turn_index,
            )
        except TemplateError as exc:
            raise ActorError(f"content template failed: {exc}", retryable=False) from None
        yield text
