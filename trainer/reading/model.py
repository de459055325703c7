"""A small statistical fallback for the offline tactic detector.

The phrase tables in `patterns.py` are precise on wording they know; a trainee
who pushes in words nobody wrote a phrase for ("the clock is ticking on this
one", "ur guy is one bad day from losing all ur files") falls through them to
neutral. This module reads such a turn a second way: a multinomial logistic
regression over word unigrams and bigrams and a few hand features, trained by
`benchmarks/train_detector_model.py` and shipped as `data/model.json`.

It is only a fallback: `detector.classify` asks it only when the phrase tables
find nothing at all and an objection is still open, and takes its reading only
when it is confident (the thresholds in the model file were chosen by
cross-validation on the training sets, never on the measuring sets). A reading
names one tactic, picked by a second small model of the same kind, and quotes
the sentence or clause that carries the most weight.

Standard library only, deterministic, and cheap: the file is read once, on first
use; a turn costs one tokenising pass and a few hundred dictionary lookups.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

from trainer.vocabulary import Label, Tactic

MODEL_RESOURCE = "data/model.json"
FORMAT = 1

# Words with their offsets; an apostrophe inside a word is kept here and
# dropped from the feature ("don't" and "dont" read the same).
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Sentence and clause breaks, for picking the span to quote.
_SENTENCE_BREAK = re.compile(r"[.!?;\n]+")
_CLAUSE_BREAK = re.compile(r"[,:\u2014\u2013]|\s-\s|\.\.\.")
_MONEY = re.compile(
    r"[$\u20ac\u00a3]\s?\d|\b\d[\d,.]*\s?(?:k|grand|bucks|dollars|euros|pounds)\b", re.IGNORECASE
)
_PERCENT = re.compile(r"\d\s?%|\bpercent\b|\bper\s+cent\b", re.IGNORECASE)

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


def ngram_features(tokens: list[Token]) -> list[str]:
    """Unigrams and bigrams; a bigram never crosses a sentence, and each
    sentence contributes a start bigram ("<s> just")."""
    feats: list[str] = []
    prev_word = ""
    prev_sentence = -1
    for tok in tokens:
        feats.append(tok.word)
        if tok.sentence != prev_sentence:
            feats.append("<s> " + tok.word)
        else:
            feats.append(prev_word + " " + tok.word)
        prev_word, prev_sentence = tok.word, tok.sentence
    return feats


def features(
    scan: str, buyer_declined: bool = False, tokens: list[Token] | None = None
) -> list[str]:
    """Every feature of a turn, each once, in a fixed order (so that scores
    sum in the same order in every process): n-grams in text order, then hand
    features (prefixed "#"). `tokens`, if given, are `tokenize(scan)`."""
    if tokens is None:
        tokens = tokenize(scan)
    feats = dict.fromkeys(ngram_features(tokens))
    words = [t.word for t in tokens]
    n = len(words)
    hand = [
        "#len<=4" if n <= 4 else "#len<=12" if n <= 12 else "#len<=30" if n <= 30 else "#len>30"
    ]
    if "?" in scan:
        hand.append("#question")
        if scan.rstrip().endswith("?"):
            hand.append("#ends?")
    if "!" in scan:
        hand.append("#exclaim")
    you = sum(1 for w in words if w in _SECOND_PERSON)
    if you:
        hand.append("#you")
        if you >= 3:
            hand.append("#you3")
    if any(w in _NOW_WORDS for w in words):
        hand.append("#now")
    if _MONEY.search(scan):
        hand.append("#money")
    if _PERCENT.search(scan):
        hand.append("#percent")
    if _has_imperative(tokens):
        hand.append("#imperative")
        if you:
            hand.append("#imperative+you")
    if buyer_declined:
        hand.append("#buyer-no")
    feats.update(dict.fromkeys(hand))
    return list(feats)


def _has_imperative(tokens: list[Token]) -> bool:
    sentence = -1
    lead = False
    for tok in tokens:
        if tok.sentence != sentence:
            sentence, lead = tok.sentence, True
        if not lead:
            continue
        if tok.word in _IMPERATIVES:
            return True
        lead = tok.word in _LEAD_INS
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
        totals = list(self.bias)
        k = len(totals)
        get = self.weights.get
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
    thresholds: dict[Label, float]  # least probability at which the fallback decides

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
        thresholds = {Label(k): float(v) for k, v in data["thresholds"].items()}
        return cls(labels, tactics, thresholds)


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
    label: Label
    probability: float
    tactic: Tactic
    start: int  # the span of the turn that carries the most weight for the label
    end: int


def label_probabilities(
    scan: str, objection_open: bool = True, buyer_declined: bool = False
) -> dict[Label, float]:
    """The model's probability of each label for a turn (empty if no model)."""
    model = load()
    if model is None:
        return {}
    if not objection_open:
        # The fallback never reads a turn after agreement.
        return {Label.CONSULTATIVE: 0.0, Label.PRESSURE: 0.0, Label.NEUTRAL: 1.0}
    probs = model.labels.probabilities(features(scan, buyer_declined))
    return {Label(c): p for c, p in zip(model.labels.classes, probs, strict=True)}


def read(scan: str, objection_open: bool = True, buyer_declined: bool = False) -> Reading | None:
    """The model's reading of a turn when it is confident it is consultative
    or pressure; None when it is not (or it reads neutral, or there is no
    model). `scan` is the turn as the detector scans it (curly quotes folded
    one for one), so offsets index the original text."""
    model = load()
    if model is None or not objection_open:
        # Once the buyer has agreed, what follows is service: the phrases
        # already read it that way, and no training turn shows otherwise.
        return None
    tokens = tokenize(scan)
    if not tokens:
        return None
    feats = features(scan, buyer_declined, tokens)
    probs = model.labels.probabilities(feats)
    by_label = dict(zip(model.labels.classes, probs, strict=True))
    best = max(model.labels.classes, key=lambda c: (by_label[c], c))
    label = Label(best)
    threshold = model.thresholds.get(label)
    if label is Label.NEUTRAL or threshold is None or by_label[best] < threshold:
        return None
    tactic_model = model.tactics.get(label)
    if tactic_model is None:
        return None
    tactic_scores = tactic_model.scores(feats)
    tactic = Tactic(max(zip(tactic_scores, tactic_model.classes, strict=True))[1])
    start, end = _evidence(scan, tokens, model.labels, model.labels.classes.index(best))
    return Reading(label, by_label[best], tactic, start, end)


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
    word_part = [margin(t.word) for t in tokens]
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
