"""The statistical half of the offline tactic detector.

The phrase tables (`phrases.py`) are precise on wording they know, and blind
to wording they do not: a trainee who pushes in words nobody wrote a phrase for
("the clock is ticking on this one", "ur guy is one bad day from losing all ur
files") reads as neutral, and an honest date ("the grant match closes June 30,
it's on their site") reads as false urgency. This module reads every turn a
second way: a multinomial logistic regression over word stems and word bigrams
(a stem carries a word to its other forms: "signing" to "sign"), a few hand
features, and what the phrases and rules found in it (each tactic, and the
label they give), trained by `benchmarks/train_detector_model.py` on the
training sets only and shipped as `data/model.json`.

Its label is the turn's label while an objection is open (`tactics.classify`
settles the findings to agree with it); a reading names one tactic, picked by a
second small model of the same kind, and quotes the sentence or clause that
carries the most weight, for a label no phrase shows.

Standard library only, deterministic, and cheap: the file is read once, on first
use; a turn costs one tokenising pass and a few hundred dictionary lookups.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from trainer.reading.caseless import Caseless
from trainer.reading.words import stem
from trainer.vocabulary import Label, Tactic, label_of

MODEL_RESOURCE = "data/model.json"
FORMAT = 3  # 3: unigram features are stems

# Words with their offsets; an apostrophe inside a word is kept here and
# dropped from the feature ("don't" and "dont" read the same).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Sentence and clause breaks, for picking the span to quote.
_SENTENCE_BREAK = re.compile(r"[.!?;\n]+")
_CLAUSE_BREAK = re.compile(r"[,:\u2014\u2013]|\s-\s|\.\.\.")
_MONEY = re.compile(
    r"[$\u20ac\u00a3]\s?\d|\b\d[\d,.]*\s?(?:k|grand|bucks|dollars|euros|pounds)\b", re.IGNORECASE
)
_PERCENT = Caseless(r"\d\s?%|\bpercent\b|\bper\s+cent\b")
_DIGIT = re.compile(r"\d")

_SECOND_PERSON = frozenset(
    {"you", "your", "youre", "yours", "youll", "youd", "youve", "yourself", "u", "ur", "ya"}
)
_NOW_WORDS = frozenset(
    {"today", "tonight", "now", "tomorrow", "midnight", "asap", "deadline", "hurry", "immediately"}
)
# Verbs that, opening a sentence, tell the buyer what to do.
_IMPERATIVES = frozenset(
    {
        "sign", "lock", "grab", "get", "trust", "forget", "ignore", "stop", "dont", "tell",
        "give", "put", "lets", "buy", "take", "decide", "commit", "act", "go", "move",
        "believe", "imagine", "think", "listen", "look", "hurry", "just",
    }
)  # fmt: skip
# Openers skipped before looking for an imperative: "so just sign", "ok look".
_LEAD_INS = frozenset({"so", "ok", "okay", "now", "well", "come", "on", "and", "then", "just"})


def _norm(word: str) -> str:
    word = word.lower().replace("'", "")
    if word.isdigit():
        return "<num>"
    return word


class Token(NamedTuple):
    word: str  # normalised
    start: int
    end: int
    sentence: int  # index of the sentence it belongs to


def tokenize(scan: str) -> list[Token]:
    """Normalised words of `scan` with their offsets and sentence index."""
    tokens: list[Token] = []
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(scan)]
    sentence = 0
    b = 0
    for m in _TOKEN.finditer(scan):
        while b < len(breaks) and breaks[b] <= m.start():
            b += 1
            sentence += 1
        tokens.append(Token(_norm(m.group()), m.start(), m.end(), sentence))
    return tokens


def sentences(scan: str) -> list[list[str]]:
    """The normalised words of `scan`, sentence by sentence: what the features
    need, without the offsets (`tokenize` gives those, for quoting)."""
    parts: list[list[str]] = [[]]
    norms = _NORMS
    for piece in (_ASCII_PIECE if scan.isascii() else _PIECE).findall(scan):
        if piece[0] in _BREAK_CHARS:
            parts.append([])
            continue
        word = norms.get(piece)
        if word is None:
            word = _norm(piece)
            if len(norms) < _NORMS_MAX:  # bounded: a server reads many words
                norms[piece] = word
        parts[-1].append(word)
    return parts


# One pass over a turn: a run of sentence breaks, or a word (as _TOKEN).
_PIECE = re.compile(r"[.!?;\n]+|[^\W_]+(?:'[^\W_]+)*")
_ASCII_PIECE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*|[.!?;\n]+")  # the same, faster
_BREAK_CHARS = frozenset(".!?;\n")
_NORMS: dict[str, str] = {}
_NORMS_MAX = 100_000


def features(
    scan: str,
    buyer_declined: bool = False,
    parts: list[list[str]] | None = None,
    found: Iterable[Tactic] = (),
) -> list[str]:
    """Every feature of a turn, each once, in a fixed order (so that scores
    sum in the same order in every process): each word's stem and each bigram
    of the normalised words, in text order (a bigram never crosses a sentence,
    and each sentence contributes a start bigram, "<s> just"), then hand
    features (prefixed "#"), then what the phrases found (`found`: the
    tactics, as "#t:<tactic>" in the order given, and their label as
    "#phrases:<label>"). `parts`, if given, are `sentences(scan)`. Written for
    speed: the model reads every turn."""
    if parts is None:
        parts = sentences(scan)
    feats: dict[str, None] = {}
    n = 0
    for words in parts:
        prev = "<s>"
        for word in words:
            feats[stem(word)] = None  # stem() is cached: a word is stemmed once
            feats[prev + " " + word] = None
            prev = word
        n += len(words)
    hand = [
        "#len<=4" if n <= 4 else "#len<=12" if n <= 12 else "#len<=30" if n <= 30 else "#len>30"
    ]
    if "?" in scan:
        hand.append("#question")
        if scan.rstrip().endswith("?"):
            hand.append("#ends?")
    if "!" in scan:
        hand.append("#exclaim")
    you = sum(sum(map(_SECOND_PERSON.__contains__, words)) for words in parts)
    if you:
        hand.append("#you")
        if you >= 3:
            hand.append("#you3")
    if any(not _NOW_WORDS.isdisjoint(words) for words in parts):
        hand.append("#now")
    if _DIGIT.search(scan) and _MONEY.search(scan):  # every money pattern has a digit
        hand.append("#money")
    if _PERCENT.search(scan):
        hand.append("#percent")
    if _has_imperative(parts):
        hand.append("#imperative")
        if you:
            hand.append("#imperative+you")
    if buyer_declined:
        hand.append("#buyer-no")
    found = tuple(found)
    hand += [_FOUND[t] for t in found]
    hand.append(_PHRASES[label_of(found)])
    for feature in hand:
        feats[feature] = None
    return list(feats)


_FOUND = {t: f"#t:{t.value}" for t in Tactic}
_PHRASES = {label: f"#phrases:{label.value}" for label in Label}


def _has_imperative(parts: list[list[str]]) -> bool:
    for words in parts:
        for word in words:
            if word in _IMPERATIVES:
                return True
            if word not in _LEAD_INS:
                break
    return False


# --- the shipped model ---------------------------------------------------------


@dataclass(frozen=True)
class Linear:
    """A multinomial logistic regression: per class a bias and sparse weights."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Linear:
        classes = tuple(data["classes"])
        weights = {f: tuple(map(float, w)) for f, w in data["weights"].items()}
        if any(len(w) != len(classes) for w in weights.values()) or len(data["bias"]) != len(
            classes
        ):
            raise ValueError("weights do not match the classes")
        return cls(classes, tuple(map(float, data["bias"])), weights)

    def scores(self, feats: list[str]) -> list[float]:
        get = self.weights.get
        if len(self.bias) == 3:  # the label model: three sums, unrolled (it reads every turn)
            a, b, c = self.bias
            for f in feats:
                w = get(f)
                if w is not None:
                    a += w[0]
                    b += w[1]
                    c += w[2]
            return [a, b, c]
        totals = list(self.bias)
        k = len(totals)
        for f in feats:
            w = get(f)
            if w is not None:
                for i in range(k):
                    totals[i] += w[i]
        return totals

    def probabilities(self, feats: list[str]) -> list[float]:
        return softmax(self.scores(feats))


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


@dataclass(frozen=True)
class Model:
    labels: Linear  # consultative / pressure / neutral
    tactics: dict[Label, Linear]  # which tactic, given the label
    # How sure the model must be to overrule the phrases: to add pressure, to
    # drop a phrase's pressure, to call neutral what they call consultative or
    # the other way round (chosen by cross-validation, see the training script).
    thresholds: dict[str, float]

    def decide(self, phrases: Label, reading: Reading) -> Label:
        """The turn's label, from the phrases' and the model's."""
        if reading.label is phrases:
            return phrases
        if reading.label is Label.PRESSURE:
            key = "add_pressure"
        elif phrases is Label.PRESSURE:
            key = "drop_pressure"
        else:
            key = "relabel"
        return reading.label if reading.probability >= self.thresholds[key] else phrases

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        if data.get("format") != FORMAT:
            raise ValueError(f"unknown model format {data.get('format')!r}")
        labels = Linear.from_json(data["labels"])
        if set(labels.classes) != {label.value for label in Label}:
            raise ValueError("the label model must cover every label")
        tactics = {Label(k): Linear.from_json(v) for k, v in data["tactics"].items()}
        for label, linear in tactics.items():
            for name in linear.classes:
                if Tactic(name).is_pressure != (label is Label.PRESSURE):
                    raise ValueError(f"tactic {name} cannot show a {label} turn")
        thresholds = {k: float(data["thresholds"][k]) for k in _THRESHOLDS}
        return cls(labels, tactics, thresholds)


_THRESHOLDS = ("add_pressure", "drop_pressure", "relabel")


@cache
def load() -> Model | None:
    """The shipped model, read once; None if it is missing or unreadable, in
    which case the detector simply has no fallback."""
    try:
        text = resources.files("trainer.reading").joinpath(MODEL_RESOURCE).read_text("utf-8")
        return Model.from_json(json.loads(text))
    except Exception:  # noqa: BLE001 - a broken model file must never break grading
        return None


@dataclass(frozen=True)
class Reading:
    """The model's label for a turn, and how sure it is."""

    label: Label
    probability: float
    _scan: str
    _feats: list[str]

    def finding(self, ruled_out: frozenset[Tactic] = frozenset()) -> tuple[Tactic, int, int] | None:
        """The one tactic that shows the label (the likeliest not `ruled_out`),
        and the span of the turn that carries the most weight for it; None for a
        neutral reading."""
        model = load()
        tactic_model = model.tactics.get(self.label) if model is not None else None
        if model is None or tactic_model is None:
            return None
        scores = tactic_model.scores(self._feats)
        allowed = [
            (score, name)
            for score, name in zip(scores, tactic_model.classes, strict=True)
            if Tactic(name) not in ruled_out
        ]
        if not allowed:
            return None
        tactic = Tactic(max(allowed)[1])
        k = model.labels.classes.index(self.label.value)
        start, end = _evidence(self._scan, tokenize(self._scan), model.labels, k)
        return tactic, start, end


def label_probabilities(
    scan: str, buyer_declined: bool = False, found: Iterable[Tactic] = ()
) -> dict[Label, float]:
    """The model's probability of each label for a turn (empty if no model)."""
    model = load()
    if model is None:
        return {}
    probs = model.labels.probabilities(features(scan, buyer_declined, found=found))
    return {Label(c): p for c, p in zip(model.labels.classes, probs, strict=True)}


def read(scan: str, buyer_declined: bool = False, found: Iterable[Tactic] = ()) -> Reading | None:
    """The model's reading of a turn, given what the phrases `found` in it;
    None when there is no model or no word to read. `scan` is the turn as the
    detector scans it (curly quotes folded one for one), so offsets index the
    original text."""
    model = load()
    if model is None:
        return None
    parts = sentences(scan)
    if not any(parts):
        return None
    feats = features(scan, buyer_declined, parts, found)
    probs = model.labels.probabilities(feats)
    best = max(zip(probs, model.labels.classes, strict=True))
    return Reading(Label(best[1]), best[0], scan, feats)


def _evidence(scan: str, tokens: list[Token], labels: Linear, k: int) -> tuple[int, int]:
    """The sentence, or the clause within one, whose words most favour class k
    over the others; the earliest, and the sentence before its clauses, on a tie."""
    margins: dict[str, float] = {}

    def margin(feature: str) -> float:
        m = margins.get(feature)
        if m is None:
            w = labels.weights.get(feature)
            m = 0.0 if w is None else w[k] - (sum(w) - w[k]) / (len(w) - 1)
            margins[feature] = m
        return m

    # Each token's share of the turn's score: its word, and the bigram it ends
    # (kept apart, so a clause that starts mid-sentence does not count a
    # bigram reaching back out of it).
    word_part = [margin(stem(t.word)) for t in tokens]
    bigram_part = []
    for i, t in enumerate(tokens):
        starts = i == 0 or tokens[i - 1].sentence != t.sentence
        bigram_part.append(margin(("<s> " if starts else tokens[i - 1].word + " ") + t.word))

    def score(i: int, j: int) -> float:  # tokens[i:j]
        total = sum(word_part[i:j]) + sum(bigram_part[i + 1 : j])
        if tokens[i].sentence != (tokens[i - 1].sentence if i else -1):
            total += bigram_part[i]  # a sentence start is part of the sentence
        return total

    spans: list[tuple[int, int]] = []
    first = 0
    for i in range(1, len(tokens) + 1):
        if i == len(tokens) or tokens[i].sentence != tokens[first].sentence:
            spans.append((first, i))
            cut = first
            clauses = []
            for c in range(first + 1, i):
                if _CLAUSE_BREAK.search(scan, tokens[c - 1].end, tokens[c].start):
                    clauses.append((cut, c))
                    cut = c
            if clauses:
                spans.extend([*clauses, (cut, i)])
            first = i
    best_score, best_i, best_j = score(*spans[0]), *spans[0]
    for i, j in spans[1:]:
        value = score(i, j)
        if value > best_score + 1e-9:
            best_score, best_i, best_j = value, i, j
    start, end = tokens[best_i].start, tokens[best_j - 1].end
    # Carry the span to its closing punctuation, as a reader would quote it.
    while end < len(scan) and scan[end] in ".!?%)\"'":
        end += 1
    return start, end
