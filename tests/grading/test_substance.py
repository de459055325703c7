"""The grade measures substance, not phrases, and the scorecard agrees with itself."""

from __future__ import annotations

import re

import pytest

from trainer.content.library import load_library
from trainer.grading.grader import grade_transcript
from trainer.reading.tactics import classify
from trainer.transcript import Transcript, Turn

LIBRARY = load_library()
STOCK = (
    "That's a fair concern, and I appreciate you sharing it. Can you tell me more? "
    "Would a pilot help?"
)
TAILORED_CFO = [
    "That's a real number. What happened with the last software you signed off on?",
    "So the worry is another tool nobody uses. What if we start with one depot for 60 days "
    "and you see the login numbers every week before anything else?",
    "Would usage you can check yourself answer the worry about another tool nobody uses?",
    "Would it make sense to set up thirty minutes with your ops lead next week to pick the depot?",
]


def conversation(scenario: str, lines: list[str], buyer: str = "...") -> Transcript:
    turns = [Turn(role="buyer", text=LIBRARY.scenario(scenario).objections[0].surface)]
    for line in lines:
        turns += [Turn(role="trainee", text=line), Turn(role="buyer", text=buyer)]
    return Transcript(scenario=scenario, turns=turns)


def test_a_tailored_closer_passes_and_stock_phrases_do_not():
    tailored = grade_transcript(conversation("saas-cfo-price", TAILORED_CFO), LIBRARY)
    stock = grade_transcript(conversation("saas-cfo-price", [STOCK] * 4), LIBRARY)
    assert tailored.passed and tailored.outcome == "next_step"
    assert not stock.passed and stock.score < 40
    assert tailored.score > stock.score + 40


@pytest.mark.parametrize("scenario", sorted(LIBRARY.scenarios))
def test_one_stock_line_passes_no_objection(scenario):
    card = grade_transcript(conversation(scenario, [STOCK]), LIBRARY)
    assert not card.passed, (scenario, card.score)


def test_pilot_alone_is_not_a_strong_answer():
    card = grade_transcript(
        conversation("saas-cfo-price", [TAILORED_CFO[0], "Would a pilot help?"]), LIBRARY
    )
    answers = next(c for c in card.criteria if c.id == "answers")
    assert answers.level == "weak" and answers.score == 0


def test_the_buyer_lines_do_not_carry_the_grade():
    """With a known scenario the director is replayed over the trainee's turns:
    replacing every buyer line with 'blah' changes nothing, and stock phrases
    against 'blah' earn no pass."""
    real = conversation("saas-cfo-price", TAILORED_CFO)
    blah = Transcript(
        scenario="saas-cfo-price",
        turns=[t if t.role == "trainee" else Turn(role="buyer", text="blah") for t in real.turns],
    )
    assert grade_transcript(blah, LIBRARY).score == grade_transcript(real, LIBRARY).score
    assert not grade_transcript(
        conversation("saas-cfo-price", [STOCK] * 4, buyer="blah"), LIBRARY
    ).passed


def test_levels_checks_and_missed_opportunities_agree():
    for lines in ([STOCK] * 3, TAILORED_CFO[:1], TAILORED_CFO[:2], TAILORED_CFO):
        card = grade_transcript(conversation("saas-cfo-price", lines), LIBRARY)
        missed = " ".join(card.missed)
        for criterion in card.criteria:
            failed = [c for c in criterion.checks if not c.passed]
            if failed:
                assert criterion.level != "strong", (criterion.id, lines)
            for check in criterion.checks:
                if check.passed and check.turn is not None:
                    assert check.quote and check.quote in card_text(lines, check.turn)
        explored = next(c for c in card.criteria if c.id == "explores")
        if "never explored" in missed:
            assert explored.level != "strong"
        next_step = next(c for c in card.criteria if c.id == "next-step")
        if "next step was never asked" in missed or "did not take it" in missed:
            assert next_step.level != "strong"


def card_text(lines: list[str], turn: int) -> str:
    return conversation("saas-cfo-price", lines).turns[turn].text


def test_the_same_rewarded_words_count_once():
    """Boilerplate earns nothing: the same acknowledging words in every turn
    count for one turn."""
    same = ["That's a fair point. " + line for line in TAILORED_CFO]
    card = grade_transcript(conversation("saas-cfo-price", same), LIBRARY)
    listens = next(c for c in card.criteria if c.id == "listens")
    acknowledged = [e for e in listens.evidence if e.tactic == "acknowledge"]
    assert len(acknowledged) == 1


def test_a_better_line_is_written_for_that_turn_and_never_what_was_said():
    lines = ["Look, this price is only good until Friday.", TAILORED_CFO[0], STOCK, STOCK]
    card = grade_transcript(conversation("saas-cfo-price", lines), LIBRARY)
    objection = LIBRARY.scenario("saas-cfo-price").objections[0]
    assert card.alternatives, "pressure and empty turns get a better line"
    by_turn = {a.turn: a for a in card.alternatives}
    assert by_turn[1].instead == objection.examples.explore  # before exploring: explore
    later = [a for a in card.alternatives if a.turn > 3]
    assert later and all(a.instead != by_turn[1].instead for a in later)  # the moment moved on
    texts = {i: t.text for i, t in enumerate(conversation("saas-cfo-price", lines).turns)}
    for alternative in card.alternatives:
        assert alternative.instead.strip().lower() != texts[alternative.turn].strip().lower()


def test_a_scorecard_never_gives_the_same_better_line_twice():
    lines = [STOCK, STOCK + " Really.", "Sure. " + STOCK, "Okay. " + STOCK]
    card = grade_transcript(conversation("saas-cfo-price", lines), LIBRARY)
    instead = [a.instead for a in card.alternatives]
    assert len(instead) >= 2 and len(set(instead)) == len(instead)


def test_the_coach_says_the_buyers_concern_from_across_the_table():
    from trainer.grading.advice import _their_words

    assert _their_words("not knowing what I paid for") == "not knowing what you paid for"
    assert _their_words("the referrals we're losing") == "the referrals you're losing"
    assert _their_words("Mom's things") == "Mom's things"


def test_a_long_answer_that_answers_is_not_a_monologue():
    net_sheet = (
        "Here's what I'd put in writing for you. Three houses on Alder and Birch sold in the "
        "last four months with an agent: 412, 428 and 431 thousand, all within three weeks. Two "
        "flat-fee listings on the same streets sat for nine weeks and sold at 389 and 395. On a "
        "420 sale our fee is 21,000, and the net sheet shows what you'd walk away with after it, "
        "next to FlatList's 3,500 at the lower prices. And we do every showing, so you never have "
        "to stand in your mom's kitchen while strangers open the cupboards; I handle the buyers "
        "and the haggling, start to finish."
    )
    card = grade_transcript(
        conversation(
            "realestate-seller-flat-fee", ["What matters most to you in this sale?", net_sheet]
        ),
        LIBRARY,
    )
    assert card.turns[-1].label == "consultative"
    assert "monologue" not in card.turns[-1].tactics


@pytest.mark.parametrize(
    "text",
    [
        "You'd be foolish to let this slip away.",
        "I hear you. You'd be foolish to let this slip away.",
        "Most CFOs in your position just sign before quarter end.",
        "What if I go to your ops team and have them make the case to you?",
        "I'd hate for you to be the one explaining to the board why the fleet is still on spreadsheets.",
        "You do want your dispatchers to stop wasting time, don't you?",
        "I totally understand, so annual or monthly?",
        "Monthly or annual? Either is fine.",  # two ways of saying yes stay a close
        "Want to start Monday or Wednesday?",
    ],
)
def test_pressure_in_polite_words_is_pressure(text):
    assert classify(text).label.value == "pressure"


@pytest.mark.parametrize(
    "text",
    [
        "No pressure from me to decide anything today. What would you need to see first?",
        "The price does go up in March, that's real, but what timeline actually works for you?",
        "What if we start with one depot for 60 days and you see the usage numbers first?",
        # A choice that includes not buying yet, and refusing to promise what nobody knows.
        "Want to start, or call the references first? Either's fine by me.",
        "I won't promise you a number of jobs. I don't know your market well enough yet and "
        "anyone who promises that is guessing.",
    ],
)
def test_respectful_lines_are_not_pressure(text):
    assert classify(text).label.value == "consultative"


def test_going_around_the_decision_maker_is_not_an_open_question():
    result = classify("Could I just get 10 minutes with your CEO? These move faster from the top.")
    assert result.label.value == "pressure" and "bypass_authority" in [
        t.value for t in result.tactics
    ]


def test_scorecards_are_byte_identical_for_the_same_input():
    transcript = conversation("saas-cfo-price", TAILORED_CFO)
    first = grade_transcript(transcript, LIBRARY).to_json_line()
    assert all(grade_transcript(transcript, LIBRARY).to_json_line() == first for _ in range(3))


def test_evidence_quotes_are_exact_slices_of_the_turn():
    transcript = conversation("saas-cfo-price", TAILORED_CFO)
    card = grade_transcript(transcript, LIBRARY)
    for criterion in card.criteria:
        for ev in criterion.evidence:
            assert ev.quote in transcript.turns[ev.turn].text
    for grade in card.turns:
        text = transcript.turns[grade.turn].text
        for finding in grade.findings:
            assert text[finding.start : finding.end] == finding.quote
    assert re.fullmatch(r"\d+", str(card.score))
