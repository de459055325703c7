"""What a turn offers, as the buyer's voice and the grade quote it."""

from __future__ import annotations

import pytest

from trainer.reading.meaning import offered_phrases


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
