"""Offline tactic detector: reads one trainee turn and says what it does.

For every trainee turn it gives a label (consultative / pressure / neutral), the
tactics found and the exact words that show each one. It is the default grader
and feeds the director, so it must be deterministic, fast (thousands of turns a
second on one core) and need nothing beyond the standard library: phrase tables
compiled once at import (see `phrases.py`), a little sentence logic for
questions, a few rules that read the turn in context, and a small trained model.

The phrases' label rule is the product's stance in one line: any pressure
tactic makes the turn pressure, whatever consultative words surround it ("I
totally understand, so annual or monthly?"); otherwise any consultative tactic
makes it consultative; otherwise it is neutral.

Phrases only know the wording someone wrote down. So a statistical model
(`model.py`) then reads the whole turn, its words and what the phrases found,
and its label stands while an objection is open: pressure in words no phrase
knows gets that label, one tactic and the sentence that carries it; a phrase's
pressure the model reads as honest in context is dropped. Trained on labelled
replies and measured on sets it never saw (benchmarks/detector_accuracy.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from trainer.reading import model as M
from trainer.reading import phrases as P
from trainer.reading.context import TurnContext
from trainer.vocabulary import Label, Tactic, label_of

# Very long input is cut, not refused: a pasted essay still gets a reading of
# its opening, in bounded time.
MAX_SCAN_CHARS = 5_000

# Curly quotes folded one character for one, so offsets in the folded text are
# offsets in the original and quotes can be sliced from what the trainee typed.
FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'"})
_SENTENCE_END = re.compile(r"[.!?;]")
# Negation reaches to the end of its clause, not past a comma.
_CLAUSE_END = re.compile(r"[.!?;,]")
_NONSPACE = re.compile(r"\S+")

# Signs that the trainee is listening; a long turn with none of them and no
# question is a monologue.
_LISTENING = frozenset(
    {
        Tactic.ACKNOWLEDGE,
        Tactic.EMPATHIZE,
        Tactic.SUMMARIZE_CHECK,
        Tactic.OPEN_QUESTION,
        Tactic.CLARIFY_ROOT_CAUSE,
        Tactic.PERMISSION_NEXT_STEP,
        Tactic.WALK_AWAY_OK,
    }
)
_ORDER = {t: i for i, t in enumerate(Tactic)}
# Words of courtesy: what a listening opener adds in front of anything.
_COURTESY = frozenset({Tactic.ACKNOWLEDGE, Tactic.EMPATHIZE})
_JOINERS = re.compile(
    r"(?:[\s,.;:!?\-\u2013\u2014]|\b(?:and|but|so|though|yet|also|still)\b)+", re.I
)
# Questions of these kinds ask for something other than information.
_OTHER_ASKS = (Tactic.PERMISSION_NEXT_STEP, Tactic.SUMMARIZE_CHECK, Tactic.OFFER_OPTIONS)
# What turns a real timing fact into an honest one: the buyer is asked, or offered a choice.
_FOLLOW_UPS = (Tactic.PERMISSION_NEXT_STEP, Tactic.OFFER_OPTIONS, Tactic.WALK_AWAY_OK)


@dataclass(frozen=True)
class Finding:
    tactic: Tactic
    quote: str  # exact substring of the turn's text that shows it (text[start:end])
    start: int
    end: int


@dataclass(frozen=True)
class Classification:
    label: Label
    findings: tuple[Finding, ...]  # in order of position in the text, one per tactic

    @functools.cached_property
    def tactics(self) -> tuple[Tactic, ...]:  # asked for often: computed once
        return tuple(dict.fromkeys(f.tactic for f in self.findings))

    @property
    def deciding(self) -> tuple[Finding, ...]:
        """The findings that decided the label: the pressure ones for a pressure
        turn, the consultative ones otherwise; none for a neutral turn."""
        if self.label is Label.NEUTRAL:
            return ()
        pressure = self.label is Label.PRESSURE
        return tuple(f for f in self.findings if f.tactic.is_pressure == pressure)

    @property
    def evidence(self) -> str:
        """The quote(s) that decided the label; "" for a neutral turn."""
        return " … ".join(f.quote for f in self.deciding)


_DEFAULT_CONTEXT = TurnContext()


def buyer_declined(context: TurnContext) -> bool:
    """Whether the buyer's line just before the turn was a clear no."""
    line = context.buyer_line
    return bool(line) and P.BUYER_DECLINE.search(line[:MAX_SCAN_CHARS].translate(FOLD)) is not None


def classify(
    text: str, context: TurnContext | None = None, *, fallback: bool = True
) -> Classification:
    """Read one trainee turn; never raises on any string. With fallback=False
    only the phrases and rules read it (the model is trained against that)."""
    if not isinstance(text, str):  # tolerate None from loose callers rather than crash a grade
        text = ""
    ctx = context or _DEFAULT_CONTEXT
    scan = text[:MAX_SCAN_CHARS].translate(FOLD)
    folded = scan.casefold()  # only for finding candidate phrases; offsets come from scan
    found = _Findings(text)

    # 1. Phrase tables: the earliest match of each tactic that is not negated.
    # Every span of courtesy words is kept too, for the model (step 6).
    courtesy: list[tuple[Tactic, int, int]] = []
    book = P.PHRASES
    candidates = book.candidates(folded)
    for index in candidates:
        tactic, pattern = book.phrases[index]
        negatable = tactic in P.NEGATABLE
        if not negatable and tactic not in _COURTESY:  # the first match is all it needs
            m = pattern.search(scan)
            if m is None:
                continue
            if m.end() > m.start():
                found.add(tactic, m.start(), m.end())
                continue
        for m in pattern.finditer(scan):
            if not (negatable and _negated(scan, m.start())):
                found.add(tactic, m.start(), m.end())
                if tactic not in _COURTESY:
                    break  # a phrase's later matches cannot be earlier
                courtesy.append((tactic, m.start(), m.end()))

    # Once the buyer has agreed, sending the paperwork is service, not a close;
    # and "if it makes sense to you, we can get you started" asks, it assumes nothing.
    close = found.get(Tactic.ASSUMPTIVE_CLOSE)
    if not ctx.objection_open or (close is not None and _conditional(scan, close.start)):
        found.discard(Tactic.ASSUMPTIVE_CLOSE)
    elif close is not None and _NOT_YET.search(scan, close.start, close.end):
        # "Want to start, or call the references first?": the buyer may choose
        # not to buy yet; two ways of saying yes ("monthly or annual?") stay a close.
        found.discard(Tactic.ASSUMPTIVE_CLOSE)
        found.add(Tactic.OFFER_OPTIONS, close.start, close.end)

    # 2. Questions: what a question does depends on its form, and a question
    # that carries a pressure move ("so annual or monthly?") explores nothing.
    pressure_spans = [(f.start, f.end) for f in found.values() if f.tactic.is_pressure]
    question_starts: list[int] = []
    for qs, qe in _questions(scan):
        if any(ps < qe and pe > qs for ps, pe in pressure_spans):
            continue
        asks = _question_tactic(scan[qs:qe], candidates)
        if asks is not None:
            question_starts.append(qs)
            found.add(asks, qs, qe)
            if asks is Tactic.CLARIFY_ROOT_CAUSE and P.WH_START.search(scan[qs:qe]):
                found.add(Tactic.OPEN_QUESTION, qs, qe)
    for prompt in P.OPEN_PROMPT.finditer(scan):  # "tell me more", "help me understand..."
        end = _SENTENCE_END.search(scan, prompt.end())
        qs, qe = _trimmed(scan, prompt.start(), end.end() if end else len(scan))
        if not any(ps < qe and pe > qs for ps, pe in pressure_spans):
            question_starts.append(qs)
            found.add(Tactic.OPEN_QUESTION, qs, qe)
            break

    # "No pressure from me to decide anything today" takes the hurry away.
    urgent = found.get(Tactic.FALSE_URGENCY)
    if urgent is not None and _UNHURRIED.search(scan, max(0, urgent.start - 40), urgent.start):
        found.discard(Tactic.FALSE_URGENCY)

    # 3. A real timing fact is honest when a question or an option follows it;
    # on its own, it is there to rush the buyer.
    if Tactic.FALSE_URGENCY not in found:
        fact = P.SOFT_URGENCY.search(scan)
        if fact and not _followed_by_consultative(scan, fact.end(), question_starts, candidates):
            found.add(Tactic.FALSE_URGENCY, fact.start(), fact.end())

    # 4. After a clear no, anything that keeps selling is pushing.
    declined = buyer_declined(ctx)
    if declined:
        _check_push_after_no(scan, found)

    # 5. A long pitch that asks nothing and shows no sign of listening. A token
    # "great question, I appreciate that" at the top does not make the hundred
    # words of pitch after it any less of a monologue: count from the last sign
    # of listening.
    if "?" not in scan:
        listened = max((f.end for f in found.values() if f.tactic in _LISTENING), default=0)
        words = [m.span() for m in _NONSPACE.finditer(scan, listened)]
        if len(words) > P.MONOLOGUE_MIN_WORDS:
            found.add(Tactic.MONOLOGUE, words[0][0], words[-1][1])

    # 6. The model reads the whole turn, with what the phrases found in it,
    # and where it is sure enough its label stands while an objection is open:
    # pressure in words no phrase knows is pressure, and a phrase's "pressure"
    # the rest of the turn shows to be honest ("the grant match closes June 30,
    # it's on their site") is not. The findings are settled to agree with it.
    label: Label | None = None
    model = M.load() if fallback and ctx.objection_open else None
    if model is not None:
        ordered = sorted(found, key=_ORDER.__getitem__)
        reading = M.read(scan, declined, ordered)
        label = model.decide(label_of(ordered), reading) if reading is not None else None
        # Listening words cancel nothing after them: "I hear you, and that's
        # fair" in front of a push is still a push. So a turn that opens with
        # them is read again from after each piece, as if they were not there,
        # and pressure in any reading is pressure.
        for cut in _after_courtesy(scan, courtesy) if label is not Label.PRESSURE else ():
            kept = [
                t
                for t in ordered
                if t not in _COURTESY or any(c == t and start >= cut for c, start, _ in courtesy)
            ]
            second = M.read(" " * cut + scan[cut:], declined, kept)
            if second is not None and model.decide(label_of(kept), second) is Label.PRESSURE:
                label, reading = Label.PRESSURE, second
                break
        if label is not None and reading is not None:
            if label is not Label.PRESSURE:
                for tactic in [t for t in found if t.is_pressure]:
                    found.discard(tactic)
            shown = any(t.is_pressure == (label is Label.PRESSURE) for t in found)
            if label is not Label.NEUTRAL and not shown:
                # A monologue asks nothing, and a push after no needs a no: the
                # rules above decide those, the model does not name them.
                ruled_out = {Tactic.MONOLOGUE} if "?" in scan else set()
                if not declined:
                    ruled_out.add(Tactic.PUSH_AFTER_NO)
                finding = reading.finding(frozenset(ruled_out))
                if finding is not None:
                    found.add(*finding)

    findings = tuple(sorted(found.values(), key=lambda f: (f.start, _ORDER[f.tactic])))
    if label is not Label.NEUTRAL:
        # A neutral reading keeps what the phrases found, for the director; none of it decides.
        label = label_of(f.tactic for f in findings)
    return Classification(label, findings)


def _after_courtesy(scan: str, spans: list[tuple[Tactic, int, int]]) -> list[int]:
    """Where each piece of the turn's opening run of courtesy words ("I hear
    you, and that's fair. I hear you.") ends, with what joins it to the next,
    while something follows; none when the turn does not open with them."""
    ends: list[int] = []
    pos = 0
    while True:
        joined = _JOINERS.match(scan, pos)
        at = joined.end() if joined else pos
        if pos and at < len(scan):
            ends.append(at)
        # A phrase may start on the punctuation before its words (". Makes sense").
        following = [end for _, start, end in spans if pos <= start <= at and end > at]
        if not following:
            return ends
        pos = max(following)


class _Findings(dict[Tactic, Finding]):
    """The first finding per tactic, quoted from the original text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def add(self, tactic: Tactic, start: int, end: int) -> None:
        known = self.get(tactic)
        if known is None or start < known.start:
            self[tactic] = Finding(tactic, self._text[start:end], start, end)

    def discard(self, tactic: Tactic) -> None:
        self.pop(tactic, None)


_UNHURRIED = re.compile(
    r"\b(?:no\s+(?:pressure|rush|need|obligation|hurry)(?:\s+(?:at\s+all|from\s+me|on\s+my\s+(?:side|end)))?"
    r"|(?:you\s+)?(?:don'?t|do\s+not)\s+(?:have|need)\s+to|nobody'?s\s+asking\s+you\s+to)"
    r"\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
# In "start now or ...?", the other option is a way of not buying yet: a real choice.
_NOT_YET = re.compile(
    r"\bor\b[^.?!]{0,60}?\b(?:first|references?|check(?:s|ing)?|think|talk|look|review|read|sample"
    r"|ask|wait|later|neither|not\s+(?:yet|now|at\s+all))\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"(?<!what\s)\b(?:if|when\s+you'?re\s+ready|whenever\s+you|should\s+you|once\s+you(?:'ve|\s+have)?"
    r"\s+(?:decided|checked|seen|agreed))\b",
    re.IGNORECASE,
)


def _conditional(scan: str, start: int) -> bool:
    """Whether the sentence up to `start` makes what follows depend on the buyer."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(scan, 0, start)), default=0)
    return _CONDITION.search(scan, sentence_start, start) is not None


def _negated(scan: str, start: int) -> bool:
    window = scan[max(0, start - P.NEGATION_WINDOW) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:  # a negation in the previous clause says nothing about this one
        window = window[ends[-1].end() :]
    return P.NEGATION_BEFORE.search(window) is not None


def _trimmed(scan: str, start: int, end: int) -> tuple[int, int]:
    while start < end and scan[start].isspace():
        start += 1
    while end > start and scan[end - 1].isspace():
        end -= 1
    return start, end


def _questions(scan: str) -> Iterator[tuple[int, int]]:
    """Spans of the sentences that ask something, including a trailing clause
    typed without a question mark ("..., would that work for you")."""
    last_end = len(scan.rstrip())
    for m in P.SENTENCE.finditer(scan):
        body = m.group().rstrip()
        if body.endswith("?"):
            clause = P.QUESTION_CLAUSE.search(body)
            start = m.start() + clause.start(1) if clause else m.start()
            yield _trimmed(scan, start, m.end())
        elif m.start() + len(body) >= last_end and not body.endswith((".", "!")):
            t = P.TRAILING_QUESTION.search(body)
            if t:
                yield _trimmed(scan, m.start() + t.start(1), m.start() + len(body))


def _question_tactic(question: str, among: list[int] | None = None) -> Tactic | None:
    """What a question does, or None when it does not really ask."""
    if P.RHETORICAL_QUESTION.search(question) or P.SMALL_TALK_QUESTION.search(question):
        return None
    if len(P.WORD.findall(question)) < 3 and not P.WH_START.search(question):
        return None  # "Deal?", "An intern?": echoes, not questions
    if P.CLARIFY_ROOT_CAUSE.search(question):
        return Tactic.CLARIFY_ROOT_CAUSE
    if not P.WH_START.search(question):
        # "Would it help if...?", "Is that right?": asks of another kind.
        kind = P.PHRASES.first_of(_OTHER_ASKS, question, among=among)
        if kind is not None:
            return kind
    return Tactic.OPEN_QUESTION


def _followed_by_consultative(
    scan: str, pos: int, question_starts: list[int], among: list[int] | None = None
) -> bool:
    if any(qs >= pos for qs in question_starts):
        return True
    return P.PHRASES.first_of(_FOLLOW_UPS, scan, pos, among) is not None


def _check_push_after_no(scan: str, found: _Findings) -> None:
    """The buyer said no. Accepting it, or asking why, is fine; anything that
    keeps selling is pushing."""
    if Tactic.WALK_AWAY_OK in found:
        return
    m = P.PUSH_MARKER.search(scan)
    if m:
        end = _SENTENCE_END.search(scan, m.end())
        start, stop = _trimmed(scan, m.start(), end.end() if end else len(scan))
        found.add(Tactic.PUSH_AFTER_NO, start, stop)
        return
    pressure = [f for f in found.values() if f.tactic.is_pressure]
    if pressure:
        first = min(pressure, key=lambda f: f.start)
        found.add(Tactic.PUSH_AFTER_NO, first.start, first.end)
