"""The detector's statistical fallback (`trainer.reading.model`): the shipped
file loads and ships, scores are deterministic, it decides only turns the
phrases leave neutral, its quotes are exact slices, and its accuracy on the
sets it was never trained on."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from replies_support import check_findings, context_of, load

from trainer.reading import model as M
from trainer.reading.tactics import TurnContext, classify
from trainer.vocabulary import Category, Label, Tactic

ROOT = Path(__file__).resolve().parents[2]
MODEL_FILE = ROOT / "trainer" / "reading" / "data" / "model.json"
TRAINED_ON = ["replies-dev.jsonl", "replies-fresh-a.jsonl", "replies-train-extra.jsonl"]
MEASURED_ON = ["replies-holdout.jsonl", "replies-fresh-b.jsonl"]
ALL_FILES = TRAINED_ON + MEASURED_ON

PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Pressure in words the phrase tables do not know (the phrases say neutral).
UNKNOWN_PRESSURE = [
    "Nah, it's really not that much when you think about it. Let's not get hung up on the number.",
    "Just put it on the company card as an expense, IT never checks.",
]


# --- the file -------------------------------------------------------------------


def test_the_shipped_model_loads() -> None:
    model = M.load()
    assert model is not None
    assert set(model.labels.classes) == {label.value for label in Label}
    assert set(model.tactics) == {Label.PRESSURE, Label.CONSULTATIVE}
    assert {Tactic(t) for t in model.tactics[Label.PRESSURE].classes} <= {
        t for t in Tactic if t.is_pressure
    }
    assert {Tactic(t) for t in model.tactics[Label.CONSULTATIVE].classes} <= {
        t for t in Tactic if not t.is_pressure
    }
    # Confident readings only: a threshold below one half would let the
    # fallback decide on a reading that is not even its best guess.
    assert set(model.thresholds) == {Label.PRESSURE, Label.CONSULTATIVE}
    assert all(0.5 <= t <= 1.0 for t in model.thresholds.values())


def test_the_model_file_is_small_and_trained_only_on_the_training_sets() -> None:
    assert MODEL_FILE.stat().st_size < 300_000
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["trained_on"] == TRAINED_ON
    assert not set(data["trained_on"]) & set(MEASURED_ON)


def test_the_model_file_ships_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["trainer.reading"]
    assert any(Path("data/model.json").match(g) for g in globs)


def test_a_missing_model_only_means_no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(M, "load", lambda: None)
    for text in UNKNOWN_PRESSURE:
        result = classify(text)
        assert result.label is Label.NEUTRAL
        assert result.findings == ()


# --- scores ----------------------------------------------------------------------


def test_scores_are_deterministic_probabilities() -> None:
    fresh = M.Model.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
    for example in load("replies-dev.jsonl")[:60]:
        text = example["reply"]
        first = M.label_probabilities(text)
        assert first == M.label_probabilities(text)
        assert abs(sum(first.values()) - 1.0) < 1e-9
        assert fresh.labels.probabilities(M.features(text)) == [
            first[Label(c)] for c in fresh.labels.classes
        ]


def test_curly_and_straight_apostrophes_read_alike() -> None:
    straight = UNKNOWN_PRESSURE[0]
    curly = straight.replace("'", "\u2019")
    assert curly != straight
    a, b = classify(straight), classify(curly)
    assert a.label is b.label is Label.PRESSURE
    assert [(f.tactic, f.start, f.end) for f in a.findings] == [
        (f.tactic, f.start, f.end) for f in b.findings
    ]
    check_findings(curly, b)


def test_scoring_a_turn_is_fast() -> None:
    # Well under a millisecond a turn; generous here, the benchmark measures it.
    import time

    texts = [e["reply"] for e in load("replies-train-extra.jsonl")]
    M.load()
    started = time.perf_counter()
    for text in texts:
        M.read(text)
    assert (time.perf_counter() - started) / len(texts) < 0.002


# --- when the fallback decides ----------------------------------------------------


@pytest.mark.parametrize("name", ALL_FILES)
def test_the_fallback_only_decides_turns_the_phrases_leave_neutral(name: str) -> None:
    """...or that hold nothing but courtesy words ("I hear you"), which it reads
    past: then it may add one pressure finding, never anything else."""
    courtesy = {Tactic.ACKNOWLEDGE, Tactic.EMPATHIZE}
    for example in load(name):
        text, context = example["reply"], context_of(example)
        phrases = classify(text, context, fallback=False)
        result = classify(text, context)
        check_findings(text, result)
        if phrases.label is not Label.NEUTRAL and set(phrases.tactics) <= courtesy:
            added = set(result.findings) - set(phrases.findings)
            assert set(phrases.findings) <= set(result.findings), example["id"]
            assert len(added) <= 1 and all(f.tactic.is_pressure for f in added), example["id"]
        elif phrases.label is not Label.NEUTRAL:
            assert result == phrases, example["id"]
        elif result.label is not Label.NEUTRAL:
            (finding,) = result.findings
            assert finding.tactic.is_pressure == (result.label is Label.PRESSURE)
            assert result.evidence == finding.quote
            assert finding.quote.strip() == finding.quote


@pytest.mark.parametrize("text", UNKNOWN_PRESSURE)
def test_pressure_in_unknown_words_is_read_as_pressure(text: str) -> None:
    assert classify(text, fallback=False).label is Label.NEUTRAL
    result = classify(text)
    assert result.label is Label.PRESSURE
    (finding,) = result.findings
    assert finding.tactic.is_pressure
    assert finding.quote == text[finding.start : finding.end]


def test_the_fallback_does_not_read_turns_after_the_buyer_agreed() -> None:
    text = UNKNOWN_PRESSURE[0]
    agreed = TurnContext(buyer_line="Okay, let's do it.", objection_open=False)
    assert classify(text, agreed).label is Label.NEUTRAL
    assert M.read(text, objection_open=False) is None


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "Sure, take your time.",
        "We support Windows and macOS.",
        "Morning! How was your weekend?",
        "Storage over 50 GB is $5 per 10 GB per month.",
        "Hardware ships within five business days.",
    ],
)
def test_small_talk_and_product_facts_stay_neutral(text: str) -> None:
    assert classify(text).label is Label.NEUTRAL


def test_the_quote_is_the_span_that_carries_the_pressure() -> None:
    text = "Thanks for the update. " + UNKNOWN_PRESSURE[1]
    result = classify(text)
    assert result.label is Label.PRESSURE
    (finding,) = result.findings
    assert finding.start >= len("Thanks for the update. ")
    assert finding.quote == text[finding.start : finding.end]


# Words and marks the model weighs, for texts that exercise its scoring and quoting.
PIECES = [
    *["you", "your", "just", "now", "today", "sign", "trust", "me", "never", "lose"],
    *["everything", "deal", "price", "boss", "card", "tonight", "gone", "half", "off"],
    *["guarantee", "$50", "20%", ",", ".", "!", "?", "'", "\u2019", "-", ":", ";", "\n"],
]


@PROPERTY
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.booleans())
def test_any_pressure_sounding_text_reads_cleanly(words: list[str], objection_open: bool) -> None:
    text = " ".join(words)
    context = TurnContext(buyer_line="No thanks.", objection_open=objection_open)
    result = classify(text, context)
    check_findings(text, result)
    assert result == classify(text, context)
    reading = M.read(text, objection_open)
    if reading is not None:
        assert 0 <= reading.start < reading.end <= len(text)


# --- accuracy on the sets it never saw ----------------------------------------------


def measure(name: str) -> tuple[float, float, float]:
    """Label accuracy, pressure precision and pressure recall."""
    examples = load(name)
    got = [classify(e["reply"], context_of(e)).label.value for e in examples]
    gold = [e["label"] for e in examples]
    right = sum(g == p for g, p in zip(gold, got, strict=True))
    tp = sum(g == p == "pressure" for g, p in zip(gold, got, strict=True))
    return right / len(gold), tp / got.count("pressure"), tp / gold.count("pressure")


def test_accuracy_on_the_holdout_set() -> None:
    # Measured 0.990 (0.970 by the phrases alone).
    accuracy, _, _ = measure("replies-holdout.jsonl")
    assert accuracy >= 0.96


def test_accuracy_and_pressure_recall_on_the_second_fresh_set() -> None:
    # Measured 0.936, pressure precision 0.950 and recall 0.905 (by the
    # phrases alone: 0.845, 0.933 and 0.667).
    accuracy, precision, recall = measure("replies-fresh-b.jsonl")
    assert accuracy >= 0.90
    assert precision >= 0.90
    assert recall >= 0.85


@pytest.mark.parametrize("name", MEASURED_ON)
def test_the_fallback_never_calls_a_consultative_turn_pressure(name: str) -> None:
    for example in load(name):
        if example["label"] != "consultative":
            continue
        context = context_of(example)
        if classify(example["reply"], context, fallback=False).label is Label.NEUTRAL:
            assert classify(example["reply"], context).label is not Label.PRESSURE, example["id"]


def test_the_extra_training_set_is_well_formed() -> None:
    examples = load("replies-train-extra.jsonl")
    assert len(examples) >= 150
    assert len({e["id"] for e in examples}) == len(examples)
    others = {e["reply"] for name in MEASURED_ON for e in load(name)}
    for e in examples:
        Category(e["category"])
        tactics = [Tactic(t) for t in e["tactics"]]
        expected = (
            Label.PRESSURE
            if any(t.is_pressure for t in tactics)
            else Label.CONSULTATIVE
            if tactics
            else Label.NEUTRAL
        )
        assert Label(e["label"]) is expected, e["id"]
        assert e["reply"] not in others, f"{e['id']} copies a measuring turn"
