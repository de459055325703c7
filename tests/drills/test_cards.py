"""Cards rated from how each objection went, and the reasons shown for them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating

from trainer.drills.cards import rate, reason, schedule
from trainer.drills.history import DrillKey, Review

T0 = datetime(2030, 3, 1, 9, 0, tzinfo=UTC)


def _review(day: int, stage: str, *, pushed: bool = False, passed: bool = False) -> Review:
    return Review(
        session=f"s{day}",
        at=T0 + timedelta(days=day),
        category="price",
        stage=stage,
        checked=True,
        pushed=pushed,
        passed=passed,
    )


def test_ratings_follow_the_stages() -> None:
    assert rate(_review(0, "confirmed", pushed=True)) is Rating.Again
    assert rate(_review(0, "raised")) is Rating.Again
    assert rate(_review(0, "uncovered")) is Rating.Hard
    assert rate(_review(0, "confirmed")) is Rating.Good
    assert rate(_review(0, "confirmed", passed=True)) is Rating.Easy


def test_a_lapse_comes_back_sooner_than_a_success() -> None:
    key = DrillKey("ana", "saas-cfo-price", "price-too-high")
    failed = schedule(key, [_review(0, "confirmed"), _review(3, "raised", pushed=True)])
    handled = schedule(key, [_review(0, "confirmed"), _review(3, "confirmed", passed=True)])
    assert failed.due < handled.due
    assert failed.due - (T0 + timedelta(days=3)) <= timedelta(days=1)
    later = T0 + timedelta(days=5)
    assert failed.retrievability(later) < handled.retrievability(later)


def test_the_same_history_gives_the_same_card() -> None:
    key = DrillKey("ana", "saas-cfo-price", "price-too-high")
    history = [_review(0, "explored"), _review(2, "answered"), _review(4, "confirmed")]
    assert schedule(key, history).card.to_dict() == schedule(key, list(history)).card.to_dict()


def test_reasons_speak_of_the_last_three() -> None:
    history = [
        _review(0, "confirmed", pushed=True),
        _review(1, "confirmed", passed=True),
        _review(2, "raised", pushed=True),
        _review(3, "confirmed", pushed=True),
    ]
    assert reason("price", history) == "you pushed on price in 2 of your last 3"
    assert reason("status_quo", [_review(0, "raised")]) == (
        "you didn't ask about the status quo objection in your last session"
    )
    assert reason("price", [_review(0, "answered"), _review(1, "uncovered")]) == (
        "you found the real reason behind price but didn't answer it in 1 of your last 2"
    )
    assert "time to keep it fresh" in reason("price", [_review(0, "confirmed")])
