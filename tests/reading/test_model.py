"""The detector's trained model (`trainer.reading.model`): the shipped file
loads and ships, it was trained only on the training sets, scores are
deterministic, its label is the turn's label while an objection is open and the
findings agree with it, its quotes are exact slices, and its accuracy on the
sets it was never trained on."""

from __future__ import annotations

import importlib.util
import json
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from replies_support import check_findings, context_of, load

from trainer.reading import model as M
from trainer.reading.tactics import FOLD, TurnContext, buyer_declined, classify
from trainer.vocabulary import Category, Label, Tactic

ROOT = Path(__file__).resolve().parents[2]
MODEL_FILE = ROOT / "trainer" / "reading" / "data" / "model.json"


def _training_script():  # the lists live in the script that trains on them
    spec = importlib.util.spec_from_file_location(
        "train_detector_model", ROOT / "benchmarks" / "train_detector_model.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


_SCRIPT = _training_script()
TRAINED_ON = list(_SCRIPT.TRAIN_FILES)
# Written blind to the detector and never trained on: the honest estimate.
MEASURED_ON = [name for name in _SCRIPT.NEVER_TRAIN if name.startswith("replies-")]
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
    # Overruling the phrases takes at least even odds on the model's own label.
    assert set(model.thresholds) == {"add_pressure", "drop_pressure", "relabel"}
    assert all(0.5 <= t <= 1.0 for t in model.thresholds.values())
    assert {Tactic(t) for t in model.tactics[Label.PRESSURE].classes} <= {
        t for t in Tactic if t.is_pressure
    }
    assert {Tactic(t) for t in model.tactics[Label.CONSULTATIVE].classes} <= {
        t for t in Tactic if not t.is_pressure
    }


def test_the_model_file_is_small_and_trained_only_on_the_training_sets() -> None:
    # Read on the first grade of every process: it must stay a fraction of a second.
    assert MODEL_FILE.stat().st_size < 600_000
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert data["trained_on"] == TRAINED_ON
    assert not set(data["trained_on"]) & set(_SCRIPT.NEVER_TRAIN)
    # Every labelled set is one or the other.
    on_disk = {p.name for p in (ROOT / "benchmarks" / "data").glob("replies-*.jsonl")}
    assert on_disk == set(TRAINED_ON) | set(MEASURED_ON)


def test_the_model_file_ships_in_the_package() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["trainer.reading"]
    assert any(Path("data/model.json").match(g) for g in globs)


def test_a_missing_model_leaves_the_phrases_alone(monkeypatch: pytest.MonkeyPatch) -> None:
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
        assert max(first.values()) == M.read(text).probability  # type: ignore[union-attr]
        assert abs(sum(first.values()) - 1.0) < 1e-9
        assert fresh.labels.probabilities(M.features(text)) == [
            first[Label(c)] for c in fresh.labels.classes
        ]


def test_a_word_and_its_other_forms_share_one_weight() -> None:
    # Unigrams are stems, so a form no training line used still carries weight.
    signing, signed = M.features("We're signing it"), M.features("We signed it")
    assert "sign" in signing and "sign" in signed
    assert "signing" not in signing  # the word itself lives on only in its bigrams
    assert "were signing" in signing and "<s> we" in signed
    assert M.features("We have 12 trucks")[:4] == ["we", "<s> we", "have", "we have"]
    assert "<num>" in M.features("We have 12 trucks")


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


# --- how the model's label and the findings agree ----------------------------------------


@pytest.mark.parametrize("name", ALL_FILES)
def test_the_label_is_the_models_and_the_findings_agree_with_it(name: str) -> None:
    """While an objection is open the turn's label is the model's where it is
    sure enough to overrule the phrases (or pressure, if it reads pressure once
    courtesy words are set aside); a pressure turn shows a pressure tactic, a consultative one a
    consultative tactic and no pressure, a neutral one no pressure. After
    agreement only the phrases read the turn."""
    for example in load(name):
        text, context = example["reply"], context_of(example)
        phrases = classify(text, context, fallback=False)
        result = classify(text, context)
        check_findings(text, result)
        if not context.objection_open:
            assert result == phrases, example["id"]
            continue
        scan = text.translate(FOLD)
        reading = M.read(scan, buyer_declined(context), phrases.tactics)
        if reading is None:  # no word to read ("👍"): the phrases' reading stands
            assert result == phrases, example["id"]
            continue
        model = M.load()
        assert model is not None
        assert result.label in (model.decide(phrases.label, reading), Label.PRESSURE), example["id"]
        pressure = [f for f in result.findings if f.tactic.is_pressure]
        if result.label is Label.PRESSURE:
            assert pressure, example["id"]
        else:
            assert not pressure, example["id"]
        if result.label is Label.CONSULTATIVE:
            assert result.findings, example["id"]
        # What the model adds is one finding; what it drops is only pressure.
        added = set(result.findings) - set(phrases.findings)
        dropped = set(phrases.findings) - set(result.findings)
        assert len(added) <= 1, example["id"]
        assert all(f.tactic.is_pressure for f in dropped), example["id"]


def test_a_listening_prefix_never_turns_pressure_into_anything_else() -> None:
    prefix = "I hear you, and that's fair. "
    for name in ALL_FILES:
        for example in load(name):
            context = context_of(example)
            if not context.objection_open:
                continue
            if classify(example["reply"], context).label is Label.PRESSURE:
                assert classify(prefix + example["reply"], context).label is Label.PRESSURE, (
                    example["id"]
                )


@pytest.mark.parametrize("text", UNKNOWN_PRESSURE)
def test_pressure_in_unknown_words_is_read_as_pressure(text: str) -> None:
    assert classify(text, fallback=False).label is Label.NEUTRAL
    result = classify(text)
    assert result.label is Label.PRESSURE
    (finding,) = result.findings
    assert finding.tactic.is_pressure
    assert finding.quote == text[finding.start : finding.end]


def test_the_model_does_not_read_turns_after_the_buyer_agreed() -> None:
    text = UNKNOWN_PRESSURE[0]
    agreed = TurnContext(buyer_line="Okay, let's do it.", objection_open=False)
    assert classify(text, agreed).label is Label.NEUTRAL


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
    reading = M.read(text)
    finding = reading.finding() if reading is not None else None
    if finding is not None:
        _, start, end = finding
        assert 0 <= start < end <= len(text)


# --- accuracy on the sets it never saw ----------------------------------------------


def measure(name: str) -> tuple[float, float, float]:
    """Label accuracy, pressure precision and pressure recall."""
    examples = load(name)
    got = [classify(e["reply"], context_of(e)).label.value for e in examples]
    gold = [e["label"] for e in examples]
    right = sum(g == p for g, p in zip(gold, got, strict=True))
    tp = sum(g == p == "pressure" for g, p in zip(gold, got, strict=True))
    return right / len(gold), tp / got.count("pressure"), tp / gold.count("pressure")


# Accuracy, pressure precision and pressure recall of `classify` as measured
# with the shipped model; the floors leave a little room for a retraining.
FLOORS = {
    "replies-holdout.jsonl": (0.96, 0.95, 0.95),  # measured 0.980, 0.973, 0.973
    "replies-fresh-c.jsonl": (0.94, 0.95, 0.91),  # measured 0.960, 0.981, 0.930
    "replies-fresh-e.jsonl": (0.94, 0.96, 0.93),  # measured 0.967, 0.990, 0.960
    "replies-fresh-g.jsonl": (0.91, 0.92, 0.91),  # measured 0.938, 0.950, 0.932
    "replies-fresh-h.jsonl": (0.93, 0.94, 0.94),  # measured 0.954, 0.970, 0.970
    "replies-fresh-i.jsonl": (0.93, 0.96, 0.94),  # measured 0.954, 0.990, 0.963
    "replies-fresh-j.jsonl": (0.87, 0.90, 0.86),  # measured 0.891, 0.923, 0.889
    "replies-fresh-k.jsonl": (0.92, 0.92, 0.91),  # measured 0.942, 0.944, 0.935 (once)
    # Outside sales: charity chats, negotiations, shop wording.
    "replies-outside-a.jsonl": (0.80, 0.84, 0.78),  # measured 0.828, 0.870, 0.806
    "replies-outside-b.jsonl": (0.85, 0.89, 0.78),  # measured 0.874, 0.917, 0.807
    "replies-outside-c.jsonl": (0.80, 0.83, 0.84),  # measured 0.824, 0.861, 0.869
}


@pytest.mark.parametrize("name", MEASURED_ON)
def test_accuracy_on_the_sets_it_never_saw(name: str) -> None:
    accuracy, precision, recall = measure(name)
    floor_accuracy, floor_precision, floor_recall = FLOORS[name]
    assert accuracy >= floor_accuracy
    assert precision >= floor_precision
    assert recall >= floor_recall


_MEASURING_REPLIES = frozenset(e["reply"].strip().lower() for m in MEASURED_ON for e in load(m))


@pytest.mark.parametrize("name", TRAINED_ON)
def test_every_training_set_is_well_formed(name: str) -> None:
    examples = load(name)
    assert len({e["id"] for e in examples}) == len(examples)
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
        assert e["reply"].strip().lower() not in _MEASURING_REPLIES, (
            f"{e['id']} copies a measuring turn"
        )
