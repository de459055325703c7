"""What a turn means: what it offers, as the buyer's voice and the grade quote
it, and when it asks for a next step."""

from __future__ import annotations

import pytest

from trainer.reading.context import TurnContext
from trainer.reading.meaning import Mark, offered_phrases
from trainer.reading.turn import read_turn


@pytest.mark.parametrize(
    ("text", "offered"),
    [
        # The punctuation after a number is the sentence's, not the number's: the
        # buyer who echoes it says "$24,000", never "$24,000,".
        ("It isn't the $24,000, it's whether they use it.", ("$24,000",)),
        ("Try one depot for 60 days.", ("one depot", "60 days")),
        ("That's 2.5% and $1.2m.", ("2.5%", "$1.2m")),
        ("a six-month pilot with Priya", ("six-month pilot", "Priya")),
    ],
)
def test_numbers_and_names_are_quoted_without_trailing_punctuation(text, offered):
    assert offered_phrases(text) == offered


@pytest.mark.parametrize(
    "text, asks",
    [
        # A step put to the buyer with the no left open is asked for, not assumed.
        (
            "Check it against Jess's export, I'll send it. If it's right, sign. If it isn't, don't.",
            True,
        ),
        ("Would a call with your CFO on Tuesday help?", True),
        # Leaving the door open with no step in it asks for nothing.
        ("Honestly, staying put might be the right call for you.", False),
        ("Our rollout takes six weeks from signature.", False),
    ],
)
def test_a_next_step_is_asked_for_when_the_buyer_may_say_no(text: str, asks: bool) -> None:
    reading = read_turn(text, TurnContext(buyer_line="Seven-ish."))
    assert reading.has(Mark.NEXT_STEP) is asks
