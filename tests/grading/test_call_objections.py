"""Without a scenario, the buyer's objections come from their words, and each
is graded on its own stages: the stage-based grade applies to a real call."""

from __future__ import annotations

from trainer.content.library import load_library
from trainer.grading.grader import grade_transcript
from trainer.transcript import Transcript, Turn


def _transcript(*lines: tuple[str, str]) -> Transcript:
    return Transcript(turns=[Turn(role=r, text=t) for r, t in lines])  # type: ignore[arg-type]


BUTTONED_UP = _transcript(
    ("buyer", "Honestly, forty thousand a year is more than we budgeted for this."),
    ("trainee", "That's fair. What were you expecting to spend, and what is it compared against?"),
    (
        "buyer",
        "We set aside thirty. The last system we bought sat unused, so paying for licences "
        "nobody logs into worries the board.",
    ),
    (
        "trainee",
        "What if we started with the twelve dispatchers at your north depot for ninety days, "
        "priced for those seats only, and you expand only if weekly logins stay above eighty "
        "percent?",
    ),
    ("buyer", "That could work."),
    ("trainee", "Would that cover the worry about unused licences?"),
    ("buyer", "Yes, it would."),
)

PUSHED = _transcript(
    ("buyer", "Honestly, forty thousand a year is more than we budgeted for this."),
    ("trainee", "Everyone says that at first. If you sign by Friday I'll take ten percent off."),
    ("buyer", "I didn't say yes."),
    ("trainee", "So shall I send the contract over today?"),
)


def test_the_objection_is_found_with_its_turn_and_words() -> None:
    card = grade_transcript(BUTTONED_UP, load_library(), reread=True)
    assert [(o.turn, o.category) for o in card.objections] == [(0, "price")]
    assert card.objections[0].text.startswith("Honestly, forty thousand")
    (stage,) = card.stages
    assert stage.objection == "price" and stage.category == "price"
    assert stage.reached == {"explored": 1, "uncovered": 1, "answered": 3, "confirmed": 5}


def test_the_stages_decide_the_grade() -> None:
    library = load_library()
    good = grade_transcript(BUTTONED_UP, library, reread=True)
    bad = grade_transcript(PUSHED, library, reread=True)
    assert bad.stages[0].stage == "raised"
    assert good.score > bad.score + 30
    assert any("price objection was never explored" in m for m in bad.missed)


def test_the_reason_given_in_reply_to_a_question_is_not_a_new_objection() -> None:
    card = grade_transcript(BUTTONED_UP, load_library(), reread=True)
    # "...worries the board" answers the question about price; it is no authority objection.
    assert [o.category for o in card.objections] == ["price"]


def test_no_objection_in_the_buyers_words_keeps_one_concern() -> None:
    plain = _transcript(("buyer", "We have forty vans."), ("trainee", "How are they scheduled?"))
    card = grade_transcript(plain, load_library(), reread=True)
    assert card.objections == []
    assert [s.objection for s in card.stages] == ["concern"]
