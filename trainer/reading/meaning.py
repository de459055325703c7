"""What a trainee turn is about and what it does beyond its tactics.

Which of the scenario's concerns it touches (the surface objection, the
hidden root cause, what would answer it); whether it responds to the
buyer's last line; whether it proposes something, and how concretely;
whether it checks that an answer lands or asks for a next step. And the
things that move nothing forward, which the buyer notices: repeating an
earlier line, listing keywords, pasting a paragraph of every good phrase,
small talk, and lines that would fit any buyer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from trainer.reading.caseless import Caseless
from trainer.reading.context import TurnContext
from trainer.reading.words import (
    NUMBER_WORDS,
    STOP,
    content_terms,
    is_generic,
    is_stock,
    is_weak,
    words,
)
from trainer.vocabulary import CONSULTATIVE_TACTICS, Tactic

__all__ = ["EMPTY", "Mark", "Meaning", "offered_phrases", "read_meaning"]

_FLAGS = re.IGNORECASE


class Mark(StrEnum):
    """What a turn does, besides its tactics."""

    QUESTION = "question"  # asks the buyer something real
    PROPOSAL = "proposal"  # puts something on the table: "what if we...", an option
    CONCRETE = "concrete"  # with numbers, durations, scope or names
    CONFIRM = "confirm"  # checks that an answer lands: "would that cover it?"
    NEXT_STEP = "next_step"  # asks for a concrete next step
    RESPONDS = "responds"  # takes up what the buyer just said
    REPEAT = "repeat"  # says again what the trainee already said
    KEYWORDS = "keywords"  # a list of words rather than sentences
    PASTED = "pasted"  # a paragraph of every good phrase at once
    SMALL_TALK = "small_talk"  # talk that is not about the sale
    GENERIC = "generic"  # would fit any buyer: nothing of this one in it


# Marks that mean the turn moved nothing forward, whatever else it has.
EMPTY = frozenset({Mark.REPEAT, Mark.KEYWORDS, Mark.PASTED, Mark.SMALL_TALK, Mark.GENERIC})

# Proposals the tactic phrases do not already read as an option: "I'll pull
# twelve months of your data", "Pilot one depot for sixty days".
_PROPOSAL = Caseless(
    r"\bi(?:'ll|'d|\s+will|\s+would|\s+can|\s+could)\s+(?!be\b|see\b|understand\b|imagine\b"
    r"|tell\b|admit\b|hear\b|relate\b|appreciate\b|only\b|assure\b|promise\b|guarantee\b"
    r"|totally\b|completely\b|definitely\b|say\b|bet\b|agree\b|ask\b|need\b|love\b|hate\b"
    r"|want\b|like\b|think\b|get\s+it\b)\w+"
    r"|\byou'?d\s+(?:get|see|have|keep|only|pay|decide|be\s+able)\b"
    r"|\byou\s+(?:would|will|could)\s+(?:get|see|have|keep|only|pay|decide)\b"
    r"|(?:^|[.!?:;]\s+)(?:pilot|start|try|run|keep|leave|take|phase|split|begin|use|bring|put"
    r"|give|book|bring)\s+\w+"
    r"|\b(?:a|short|small)\s+(?:pilot|trial)\b|\bwould\s+it\s+help\s+if\b"
)
# A question about the answer just given: "Would that cover it?", "Does that
# sound fair?", "Is that closer?", "Would a plan like that feel manageable?"
_CONFIRM = Caseless(
    r"(?:^|[,;:]\s*)\W*(?:(?:and|so|then|honestly|okay|ok)\W+)?(?:would|does|do|did|will|could|can"
    r"|is|might)\s+(?:that|this|it|those|these|any\s+of\s+that|all\s+(?:of\s+)?that)\b"
    # "Would usage data you can check answer the worry about ...?"
    r"|^\W*(?:would|does|do|will|could|can|is)\b.{0,80}?\b(?:answer|cover|address|solve|settle"
    r"|ease|fix|take\s+care\s+of|deal\s+with|put\s+\w+\s+to\s+rest|resolve)\w*\b"
    r"|^\W*(?:would|does|do|will|could|can)\b.{0,80}?\bmake\s+(?:\w+\s+){0,5}?(?:answerable"
    r"|easier|workable|possible|defensible|comfortable|manageable|sense|worth)\b"
    r"|\b(?:would|does|do|could|is)\s+(?:a|an|the|that|this)\s+[\w-]+(?:\s+[\w-]+)?\s+like\s+(?:that|this)\b"
    r"|\bam\s+i\s+(?:right|off|close|missing)|\bis\s+that\s+(?:closer|fair|right|it|the\s+real)"
    r"|\bdid\s+i\s+(?:get|understand|hear)|\bhow\s+(?:does|would)\s+that\s+(?:sound|sit|land|feel)"
    r"|\bwhat\s+would\s+(?:that|this)\s+(?:need|have)\s+to\b|\bwhat'?s\s+missing\b"
    r"|\bwhat\s+do\s+you\s+think\s+of\s+(?:that|this)\b"
)
_NEXT_STEP_WORDS = Caseless(
    r"\b(?:call|calls|meeting|meet|calendar|minutes|session|demo|walk\s*through|go\s+through"
    r"|sit\s+down|set(?:ting)?\s+up|schedul\w*|book(?:ing)?|send(?:ing)?|kick\s*off|get\s+started"
    r"|go\s+ahead|move\s+ahead|introduc\w*|invit\w*|join|talk\s+to|speak\s+with|loop\s+in"
    r"|start|begin|sign|list(?:ing)?|next\s+week|tomorrow|monday|tuesday|wednesday|thursday"
    r"|friday|this\s+week|first\s+step|next\s+step|proceed|introduce|intro|visit|come\s+by"
    r"|pencil|slot|draft|write\s+(?:it|that|up)|in\s+writing|proposal|summary|one-?pager"
    r"|net\s+sheet|plan|pilot|phase\s+one|trial|workshop|review)\b"
)
# The seller offering to do the step ("I'll send it", "we can set up"), not
# "the right call for you".
_OFFER = Caseless(r"\b(?:i'?ll|i\s+will|we'?ll|we\s+will|i\s+can|we\s+can|let'?s|happy\s+to)\b")
# A question that asks the buyer to do something with the seller.
_ASKS = Caseless(
    r"\b(?:would|could|can|shall|should|will|do|are)\s+(?:you|we|i)\b|\bwant\s+(?:me\s+)?to\b"
    r"|\bwhich\s+(?:next\s+step|day|time|one|works)"
    r"|\bwhen\s+(?:would|could|can|shall|should)\b|\bwould\s+it\s+(?:make\s+sense|help)\b"
    r"|\bnext\s+step\b|\bhappy\s+to\b|\bwilling\s+to\b"
    r"|\bis\s+there\s+a\s+(?:time|day|slot|good\s+time|morning|afternoon|week)\b"
    r"|\bwhat\s+(?:time|day|date)s?\b|\bwhen\s+(?:works|suits|is\s+good|are\s+you\s+free)\b"
)
_SMALL_TALK = Caseless(
    r"\b(?:the\s+game|games|weather|weekend|holiday|holidays|vacation|golf|coffee|commute|traffic"
    r"|football|baseball|basketball|soccer|hockey|movie|movies|netflix|restaurant|lunch"
    r"|dinner|beer|wine|fishing|hobby|hobbies|fascinating|music|concert|birthday|pets?|dogs?"
    r"|gorgeous|beautiful|stunning|amazing|love\s+(?:these|this|that|your|the)\b"
    r"|gym|marathon|hike|hiking|trails?|team\s+won|playoffs"
    r"|season\s+opener|sunny|rain|rainy|snowing|cold\s+out|hot\s+out|how\s+are\s+you"
    r"|how'?s\s+(?:it\s+going|your\s+day|things|business|everything|life|the\s+family))\b"
)
_QUESTION_WORD = Caseless(
    r"^\W*(?:what|whats|how|hows|why|which|when|where|who|is|are|was|were|do|does|did|can|could"
    r"|would|will|should|have|has|had|may|might)\b"
)
_NUMBER = Caseless(
    r"\$\s?\d[\d,.]*\s*(?:k|m|million|thousand)?|\b\d+(?:[.,]\d+)?\s*%?"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|ninety|hundred|half|a\s+couple\s+of|a\s+few)\b"
)
_UNIT = re.compile(
    r"\s*(?:-\s*)?(?:(?:day|week|month|year|quarter|hour|minute|depot|clinic|site|plant|studio"
    r"|location|store|office|team|seat|user|truck|agent|reference|customer|call|job|lead"
    r"|workshop|session|visit|property|propert(?:y|ies)|unit|dispatcher|tech|technician)s?\b"
    r"|percent\b|%|k\b|grand\b)",
    _FLAGS,
)
_NAME = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]{2,})\b")
_NOT_NAMES = frozenset(
    """I I'm I'd I'll Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Black Christmas
    Google Facebook Microsoft Zoom Excel CEO CFO CIO COO IT""".split()
)
_SEGMENTS = re.compile(r"[,;/?!.]|\band\b|\bor\b", _FLAGS)


@dataclass(frozen=True)
class Meaning:
    marks: frozenset[Mark] = frozenset()
    surface: frozenset[str] = frozenset()  # objections whose surface the turn is about
    root: frozenset[str] = frozenset()  # ... whose hidden root cause it touches
    asked: frozenset[str] = frozenset()  # ... its questions ask about (surface or root)
    answer: dict[str, int] = field(default_factory=dict)  # ... and how many answer terms
    offered: tuple[str, ...] = ()  # what the turn put on the table, in its own words
    terms: tuple[str, ...] = ()  # its particular terms, for comparing with other lines

    @property
    def about(self) -> frozenset[str]:
        return self.surface | self.root | frozenset(self.answer)

    @property
    def empty(self) -> bool:
        """Moves nothing forward: repeated, keywords, pasted, small talk or generic."""
        return bool(self.marks & EMPTY)

    def has(self, mark: Mark) -> bool:
        return mark in self.marks


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;:])\s+", text.strip()) if s]


# A question asked without a question mark: "I'm curious what's hardest to keep up with."
_INDIRECT = Caseless(
    r"\b(?:i'?m\s+curious|i\s+wonder|i'?d\s+(?:love|like)\s+to\s+(?:know|hear|understand)"
    r"|help\s+me\s+understand|tell\s+me\s+(?:about|how|what|why|more|a\s+bit)|walk\s+me\s+through"
    r"|can\s+you\s+share)\b"
)


# Words without which a pattern cannot match: a set lookup spares the regex.
_INDIRECT_WORDS = frozenset("curious wonder love like tell walk share understand".split())
_SMALL_TALK_WORDS = frozenset(
    """game games weather weekend holiday holidays vacation golf coffee commute traffic football
    baseball basketball soccer hockey movie movies netflix restaurant lunch dinner beer wine
    fishing hobby hobbies fascinating music concert birthday pet pets dog dogs gym marathon hike
    hiking trail trails won playoffs opener sunny rain rainy snowing cold hot how gorgeous
    beautiful stunning amazing love""".split()
)
_NUMBERISH = frozenset(NUMBER_WORDS) | {"a"}
_DIGIT = re.compile(r"\d")


def _questions(text: str, tokens: frozenset[str] = frozenset()) -> list[str]:
    indirect = bool(tokens & _INDIRECT_WORDS) if tokens else True
    return [
        s
        for s in _sentences(text)
        if s.rstrip().endswith("?") or (indirect and _INDIRECT.search(s))
    ]


def _matches(terms: set[str], concern: frozenset[str]) -> bool:
    """One telling term in common, or two that say little on their own."""
    common = terms & concern
    return any(not is_weak(t) for t in common) or len(common) >= 2


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _keyword_list(text: str, tokens: list[str]) -> bool:
    """Mostly short fragments split by commas and question marks: a list of words."""
    if len(tokens) < 4 or sum(text.count(c) for c in ",;/?") < 3:
        return False
    pieces = [p.strip() for p in _SEGMENTS.split(text) if p and p.strip()]
    short = [p for p in pieces if 0 < len(p.split()) <= 3]
    fragment_words = sum(len(p.split()) for p in short)
    return len(short) >= 4 and fragment_words >= 0.6 * len(tokens)


def offered_phrases(text: str) -> tuple[str, ...]:
    """Numbers with what they count ("60 days", "one depot", "$2,000") and the
    names of people the turn brings in, in order, at most four."""
    found: list[str] = []
    numbers = _DIGIT.search(text) is not None or bool(set(words(text)) & _NUMBERISH)
    for m in _NUMBER.finditer(text) if numbers else ():
        unit = _UNIT.match(text, m.end())
        if unit or m.group().startswith("$") or m.group().rstrip().endswith("%"):
            end = unit.end() if unit else m.end()
            if unit and "-" in unit.group():
                # "a six-month pilot": the unit describes the next word; take it too.
                for _ in range(2):
                    noun = re.match(r"\s+([a-z]+)", text[end:])
                    if not noun or noun.group(1).lower() in STOP:
                        break
                    end += noun.end()
            phrase = text[m.start() : end].strip(" -").rstrip(",.")  # "$24,000," is "$24,000"
            if phrase and phrase.lower() not in (f.lower() for f in found):
                found.append(phrase)
    for m in _NAME.finditer(text):
        if m.group(1) not in _NOT_NAMES and m.group(1) not in found:
            found.append(m.group(1))
    return tuple(found[:4])


def read_meaning(
    text: str, tactics: Sequence[Tactic], context: TurnContext | None = None
) -> Meaning:
    """Read what a turn is about and does. `tactics` are the tactics already
    found in it (tactics.classify), which say a good deal about its form."""
    ctx = context or TurnContext()
    found = set(tactics)
    tokens = words(text)
    token_set = frozenset(tokens)
    chatty = bool(token_set & _SMALL_TALK_WORDS) and _SMALL_TALK.search(text) is not None
    terms = content_terms(text)
    distinct = set(terms)
    specific_terms = {t for t in distinct if not is_generic(t)}
    marks: set[Mark] = set()

    questions = _questions(text, token_set)
    asking = {Tactic.OPEN_QUESTION, Tactic.CLARIFY_ROOT_CAUSE, Tactic.SUMMARIZE_CHECK}
    if questions and (
        found & asking or any(_QUESTION_WORD.search(q) or _INDIRECT.search(q) for q in questions)
    ):
        marks.add(Mark.QUESTION)
    if found & {
        Tactic.OFFER_OPTIONS,
        Tactic.HONEST_PROOF,
        Tactic.VALUE_REFRAME,
    } or _PROPOSAL.search(text):
        marks.add(Mark.PROPOSAL)
    offered = offered_phrases(text)
    if any(_CONFIRM.search(q) for q in questions) or Tactic.SUMMARIZE_CHECK in found and questions:
        marks.add(Mark.CONFIRM)
    asking_next = [q for q in questions if _ASKS.search(q) and _NEXT_STEP_WORDS.search(q)]
    # "I'll send the export. If it's right, sign; if it isn't, don't.": a next
    # step put to the buyer with the no left open is asked for, not assumed.
    left_open = Tactic.WALK_AWAY_OK in found and any(
        _OFFER.search(s) and _NEXT_STEP_WORDS.search(s) for s in _sentences(text)
    )
    if Tactic.PERMISSION_NEXT_STEP in found or asking_next or left_open:
        marks.add(Mark.NEXT_STEP)

    surface: set[str] = set()
    root: set[str] = set()
    asked: set[str] = set()
    answer: dict[str, int] = {}
    topics = ctx.topics
    # A real question (not small talk) asks about what the turn is about: "Darnell
    # owns half. How does he feel about it?" asks about Darnell. A question about
    # something else that only brushes a concern's word ("Did your mom have these
    # floors refinished?") does not.
    real_questions = [q for q in questions if not (chatty and _SMALL_TALK.search(q))]
    asked_terms = {t for q in real_questions for t in content_terms(q) if not is_generic(t)}
    if topics is not None:
        for ident, concern in topics.concerns.items():
            if _matches(specific_terms, concern.surface):
                surface.add(ident)
            if _matches(specific_terms, concern.root):
                root.add(ident)
            hits = specific_terms & concern.answer
            if _matches(specific_terms, concern.answer):
                answer[ident] = len(hits)
        if real_questions:
            for ident in surface | root:
                concern = topics.concerns[ident]
                hits = asked_terms & (concern.surface | concern.root)
                if (
                    not asked_terms
                    or len(hits) >= 2
                    or (hits and len(hits) * 3 >= len(asked_terms))
                ):
                    asked.add(ident)
    # Concrete: numbers and what they count, names, or two particular things
    # of the scenario's (not only "a pilot" or "references").
    particular = {t for t in specific_terms if not is_stock(t)}
    scenario_terms = topics.specific if topics is not None else frozenset()
    counted = [o for o in offered if not o[:1].isupper() or o[:1] == "$" or o[:1].isdigit()]
    if counted or len(particular & scenario_terms) >= 3:
        marks.add(Mark.CONCRETE)

    buyer_terms = {t for t in content_terms(ctx.buyer_line) if not is_generic(t)}
    on_table = ctx.current is not None and (
        ctx.current in surface or ctx.current in root or ctx.current in answer
    )
    if specific_terms & buyer_terms or on_table:
        marks.add(Mark.RESPONDS)

    # --- what moves nothing forward -------------------------------------------
    normalized = " ".join(tokens)
    for earlier in ctx.earlier:
        before = words(earlier)
        if not before:
            continue
        if " ".join(before) == normalized or (
            len(distinct) >= 3
            and _overlap(distinct, set(content_terms(earlier))) >= 0.6
            and _overlap(set(tokens), set(before)) >= 0.6
        ):
            marks.add(Mark.REPEAT)
            break
    if _keyword_list(text, tokens):
        marks.add(Mark.KEYWORDS)
    consultative = found & CONSULTATIVE_TACTICS
    generic_share = 1 - len(specific_terms) / len(distinct) if distinct else 1.0
    if (len(questions) >= 3 and len(consultative) >= 4) or (
        len(consultative) >= 5 and len(tokens) >= 45 and generic_share >= 0.4
    ):
        marks.add(Mark.PASTED)
    known = scenario_terms | {t for line in ctx.buyer_said for t in content_terms(line)}
    mentions = (specific_terms & known) if topics is not None else specific_terms
    if chatty and not (surface or root or answer):
        marks.add(Mark.SMALL_TALK)
    elif (
        not mentions
        and not offered
        and topics is not None
        and not marks & {Mark.CONFIRM, Mark.NEXT_STEP}
    ):
        # A check or an ask for a next step is about what came before it; any
        # other line with nothing of this buyer in it would fit every buyer.
        marks.add(Mark.GENERIC)
    if marks & {Mark.KEYWORDS, Mark.PASTED}:
        # A list of every word is not a proposal, however many it names.
        marks -= {Mark.PROPOSAL, Mark.CONCRETE, Mark.CONFIRM}
    return Meaning(
        marks=frozenset(marks),
        surface=frozenset(surface),
        root=frozenset(root),
        asked=frozenset(asked),
        answer=answer,
        offered=offered,
        terms=tuple(sorted(specific_terms)),
    )
