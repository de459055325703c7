"""The offline tactic detector: the hard cases the product names, the contract
its callers rely on (quotes are exact slices, results are deterministic, odd
input never raises), and its accuracy on the shipped benchmark sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from replies_support import DATA, check_findings, context_of, load

from trainer.reading import phrases as patterns
from trainer.reading.tactics import MAX_SCAN_CHARS, TurnContext, classify
from trainer.vocabulary import Category, Label, Tactic

DEV = DATA / "replies-dev.jsonl"
HOLDOUT = DATA / "replies-holdout.jsonl"
# Written blind (before the detector's tables were read), by many kinds of seller.
FRESH_A = DATA / "replies-fresh-a.jsonl"  # its misses were used to widen the phrase families
FRESH_B = DATA / "replies-fresh-b.jsonl"  # never tuned against
ALL_SETS = [DEV, HOLDOUT, FRESH_A, FRESH_B]
ALL_IDS = ["dev", "holdout", "fresh-a", "fresh-b"]

# The autouse home-folder fixture is function scoped; it does nothing these
# properties depend on. No deadline: tests never depend on timing.
PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# --- the hard cases ---------------------------------------------------------


def test_empathy_then_choice_of_two_close_is_pressure() -> None:
    result = classify("I totally understand, so annual or monthly?")
    assert result.label is Label.PRESSURE
    assert Tactic.ASSUMPTIVE_CLOSE in result.tactics
    assert "annual or monthly" in result.evidence
    assert "understand" not in result.evidence, "the empathy words did not decide the label"


def test_honest_timing_fact_then_open_question_is_consultative() -> None:
    text = (
        "Pricing does go up in January, that's just our annual change "
        "— what does your timeline look like?"
    )
    result = classify(text)
    assert result.label is Label.CONSULTATIVE
    assert Tactic.OPEN_QUESTION in result.tactics
    assert Tactic.FALSE_URGENCY not in result.tactics


def test_the_same_timing_fact_with_nothing_after_it_rushes_the_buyer() -> None:
    result = classify("Pricing does go up in January, that's just our annual change.")
    assert result.label is Label.PRESSURE
    assert Tactic.FALSE_URGENCY in result.tactics


def test_feel_felt_found_ending_in_a_close_is_pressure() -> None:
    text = (
        "I understand how you feel. A lot of our clients felt the same way, and what they "
        "found was that it paid for itself in a quarter, so let's sign today."
    )
    result = classify(text)
    assert result.label is Label.PRESSURE
    assert Tactic.ASSUMPTIVE_CLOSE in result.tactics


def test_feel_felt_found_ending_in_a_question_is_consultative() -> None:
    text = (
        "I understand how you feel. A lot of our clients felt the same way, and what they "
        "found was that a short pilot settled it. Would it be worth trying one?"
    )
    assert classify(text).label is Label.CONSULTATIVE


@pytest.mark.parametrize("text", ["yes or no?", "So, is it a yes or a no? I need to know today."])
def test_the_phrases_read_a_yes_or_no_ultimatum_as_pressure(text: str) -> None:
    assert classify(text, fallback=False).label is Label.PRESSURE


def test_a_longer_yes_or_no_ultimatum_is_pressure() -> None:
    assert classify("So, is it a yes or a no? I need to know today.").label is Label.PRESSURE


@pytest.mark.xfail(
    strict=True,
    reason="known miss: three words are too few for the model, which reads them neutral "
    "(0.91) and overrules the phrases",
)
def test_a_bare_yes_or_no_is_pressure() -> None:
    assert classify("yes or no?").label is Label.PRESSURE


def test_is_it_x_or_y_about_the_concern_is_consultative() -> None:
    result = classify("Is it the total that worries you, or the timing of the spend?")
    assert result.label is Label.CONSULTATIVE
    assert Tactic.CLARIFY_ROOT_CAUSE in result.tactics


@pytest.mark.parametrize(
    "text", ["what would make it a ten?", "On a scale of 1 to 10, how sure are you about this?"]
)
def test_scaling_questions_are_consultative(text: str) -> None:
    result = classify(text)
    assert result.label is Label.CONSULTATIVE
    assert Tactic.OPEN_QUESTION in result.tactics


@pytest.mark.parametrize(
    "text",
    [
        "can I just talk to your CEO directly?",
        "you could sign it yourself and tell them later",
    ],
)
def test_going_around_the_decision_maker_is_pressure(text: str) -> None:
    result = classify(text)
    assert result.label is Label.PRESSURE
    assert Tactic.BYPASS_AUTHORITY in result.tactics


def test_offering_to_join_the_partner_call_is_consultative() -> None:
    result = classify("Would it help if I joined the call with your partner?")
    assert result.label is Label.CONSULTATIVE
    assert Tactic.PERMISSION_NEXT_STEP in result.tactics
    assert Tactic.BYPASS_AUTHORITY not in result.tactics


def test_verifiable_proof_is_consultative_and_guarantees_are_overpromise() -> None:
    proof = classify("We could run a 30-day pilot with one team, and you can call two customers.")
    assert proof.label is Label.CONSULTATIVE
    assert Tactic.HONEST_PROOF in proof.tactics

    promise = classify("Guaranteed results, zero risk.")
    assert promise.label is Label.PRESSURE
    assert Tactic.OVERPROMISE in promise.tactics


def test_a_guarantee_denied_is_not_a_guarantee() -> None:
    result = classify("Nobody can honestly guarantee rankings. What I can show you is our median.")
    assert Tactic.OVERPROMISE not in result.tactics
    assert result.label is Label.CONSULTATIVE


@pytest.mark.parametrize(
    "text",
    [
        "This rate is only today.",
        "Heads up, this price disappears tomorrow.",
        "Spots are filling up fast.",
    ],
)
def test_invented_deadlines_and_scarcity_are_false_urgency(text: str) -> None:
    result = classify(text)
    assert result.label is Label.PRESSURE
    assert Tactic.FALSE_URGENCY in result.tactics


def test_polite_discount_before_exploring_is_pressure() -> None:
    text = "No worries, I'd be happy to help. I could probably get you 20% off, would that help?"
    result = classify(text)
    assert result.label is Label.PRESSURE
    assert Tactic.PREMATURE_DISCOUNT in result.tactics


def test_deferring_the_discount_talk_to_ask_first_is_consultative() -> None:
    text = "Before we talk about discounts, what are you hoping the program will change for you?"
    result = classify(text)
    assert result.label is Label.CONSULTATIVE
    assert Tactic.PREMATURE_DISCOUNT not in result.tactics


def test_paperwork_is_a_close_while_the_objection_is_open_and_service_once_agreed() -> None:
    text = "I'll send the paperwork over this afternoon."
    open_ = classify(text, TurnContext(buyer_line="It's too expensive.", objection_open=True))
    assert open_.label is Label.PRESSURE
    assert Tactic.ASSUMPTIVE_CLOSE in open_.tactics

    agreed = TurnContext(buyer_line="Okay, the pilot works for us.", objection_open=False)
    assert classify(text, agreed).label is Label.NEUTRAL


def test_pushing_after_a_no_needs_the_buyers_no() -> None:
    text = "I hear you, but what if I could get you twenty percent more leads?"
    after_no = classify(text, TurnContext(buyer_line="No thanks, we're not interested."))
    assert after_no.label is Label.PRESSURE
    assert Tactic.PUSH_AFTER_NO in after_no.tactics

    no_no = classify(text, TurnContext(buyer_line="What else does it do?"))
    assert Tactic.PUSH_AFTER_NO not in no_no.tactics


@pytest.mark.parametrize(
    "reply",
    [
        "Understood, thanks for being straight with me. Can I ask what made it a no?",
        "That's completely fine. If anything changes, feel free to reach out.",
    ],
)
def test_accepting_or_asking_after_a_no_is_consultative(reply: str) -> None:
    result = classify(reply, TurnContext(buyer_line="We've decided not to go ahead."))
    assert result.label is Label.CONSULTATIVE
    assert Tactic.PUSH_AFTER_NO not in result.tactics


PITCH = (
    "Our platform is the most complete solution on the market. It handles scheduling, "
    "routing, invoicing, reporting and customer messaging in one place, and it integrates "
    "with every major accounting package. Customers love the mobile app, the dashboards give "
    "managers a live view of every job, and our support team is available around the clock. "
    "We include onboarding, training and a dedicated success manager for the first year, and "
    "new features ship every month, from automated reminders to smarter capacity planning, "
    "so the product keeps getting better the longer you use it, and your team will wonder how "
    "they ever managed without it."
)


def test_long_pitch_that_asks_nothing_is_a_monologue() -> None:
    assert len(PITCH.split()) > patterns.MONOLOGUE_MIN_WORDS
    result = classify(PITCH)
    assert result.label is Label.PRESSURE
    assert Tactic.MONOLOGUE in result.tactics


def test_a_long_answer_that_ends_in_a_question_is_not_a_monologue() -> None:
    text = PITCH + " Which of those matters most for your team?"
    assert Tactic.MONOLOGUE not in classify(text).tactics
    # The rules make it consultative; the model, reading the whole pitch ("the
    # most complete solution on the market"), may not: the rule is what is tested.
    assert classify(text, fallback=False).label is Label.CONSULTATIVE


@pytest.mark.parametrize(
    "text",
    [
        "ok",
        "let me check",
        "Sure, take your time.",
        "We support Windows and macOS.",
        "Morning! How was your weekend?",
    ],
)
def test_small_talk_and_plain_facts_are_neutral(text: str) -> None:
    result = classify(text)
    assert result.label is Label.NEUTRAL
    assert result.findings == ()
    assert result.evidence == ""


def test_evidence_quotes_the_words_that_decided_the_label() -> None:
    text = "That's a fair concern. What happened with the last vendor?"
    result = classify(text)
    assert result.label is Label.CONSULTATIVE
    for quote in result.evidence.split(" … "):
        assert quote in text


def test_curly_apostrophes_read_like_straight_ones() -> None:
    text = "I\u2019ll send the contract today, let\u2019s get you started."
    result = classify(text)
    assert result.label is Label.PRESSURE
    check_findings(text, result)


# --- families of wording beyond the first phrase tables ------------------------


@pytest.mark.parametrize(
    ("text", "tactic"),
    [
        # scarcity and competing demand
        ("I can't promise this slot will still be open next week.", Tactic.FALSE_URGENCY),
        (
            "There's a couple who toured it and they're ready to make an offer.",
            Tactic.FALSE_URGENCY,
        ),
        ("This rate is only for the first five clients who join.", Tactic.FALSE_URGENCY),
        # acting on a yes nobody gave
        ("I've already booked your kickoff, all you need to do is sign.", Tactic.ASSUMPTIVE_CLOSE),
        (
            "I drafted the plan, so you show it to them and we're good to go.",
            Tactic.ASSUMPTIVE_CLOSE,
        ),
        # brushing the concern off
        ("Timing will never be perfect, that's just how it is.", Tactic.DISMISS_OBJECTION),
        ("Honestly, you don't know what you're missing.", Tactic.DISMISS_OBJECTION),
        ("It's just a bit of cold feet.", Tactic.DISMISS_OBJECTION),
        ("Budget is never really the problem here.", Tactic.DISMISS_OBJECTION),
        ("You will.", Tactic.DISMISS_OBJECTION),
        # guilt
        ("Are you going to be the one who explains the outage to the board?", Tactic.GUILT_SHAME),
        ("I've put weeks of work into this proposal for you.", Tactic.GUILT_SHAME),
        ("Don't be that owner who waits another year.", Tactic.GUILT_SHAME),
        ("I really need this one to hit my quota.", Tactic.GUILT_SHAME),
        # fear
        ("You're one outage away from losing your biggest client.", Tactic.FEAR_FUD),
        ("Agencies that don't adapt end up closing their doors.", Tactic.FEAR_FUD),
        ("Frankly, they're being bought out and support will vanish.", Tactic.FEAR_FUD),
        # around the decision maker
        ("I'll cc your manager's boss, that usually speeds things up.", Tactic.BYPASS_AUTHORITY),
        ("Let's keep your CFO out of the loop for now.", Tactic.BYPASS_AUTHORITY),
        ("Honestly, they don't need to know until it's live.", Tactic.BYPASS_AUTHORITY),
    ],
)
def test_wider_pressure_families_are_pressure(text: str, tactic: Tactic) -> None:
    result = classify(text)
    assert result.label is Label.PRESSURE
    assert tactic in result.tactics


@pytest.mark.parametrize(
    ("text", "tactic"),
    [
        (
            "If I'm hearing you right, it's the contract length, not the price?",
            Tactic.SUMMARIZE_CHECK,
        ),
        ("To recap: budget is fine and timing is the issue. Fair read?", Tactic.SUMMARIZE_CHECK),
        (
            "Would it be alright if I followed up after your board meeting?",
            Tactic.PERMISSION_NEXT_STEP,
        ),
        ("Mind if I ask what the budget was based on?", Tactic.PERMISSION_NEXT_STEP),
        ("Honestly, staying put might be the right call for you.", Tactic.WALK_AWAY_OK),
        ("You might not need us at all, and that's fine.", Tactic.WALK_AWAY_OK),
        ("You don't have to decide today.", Tactic.WALK_AWAY_OK),
        ("I don't blame you. What would make it easier?", Tactic.EMPATHIZE),
    ],
)
def test_wider_consultative_families_are_consultative(text: str, tactic: Tactic) -> None:
    result = classify(text)
    assert result.label is Label.CONSULTATIVE
    assert tactic in result.tactics


@pytest.mark.parametrize(
    "text",
    [
        "It's pretty simple to set up. Would a short walkthrough help?",
        "We can do better than that on scope. What matters most to you?",
        "Who's the one who decides on vendors at your company?",
        "I know everyone's busy this time of year. When would suit you?",
        "I've seen it go both ways, which is why I'd suggest a pilot. Would that help?",
        "I'm not the right person to answer that. Can I bring in our engineer?",
        "If you had to decide right now, which way would you lean, and why?",
    ],
)
def test_near_misses_of_the_pressure_families_stay_consultative(text: str) -> None:
    assert classify(text).label is Label.CONSULTATIVE


def test_a_token_acknowledgement_does_not_excuse_a_monologue() -> None:
    result = classify("Great question, and I appreciate you asking. " + PITCH)
    assert result.label is Label.PRESSURE
    assert Tactic.MONOLOGUE in result.tactics
    assert "Great question" not in next(
        f.quote for f in result.findings if f.tactic is Tactic.MONOLOGUE
    )


def test_sticking_with_the_other_quote_is_a_no_to_push_against() -> None:
    context = TurnContext(buyer_line="I think we'll stick with the other quote.")
    pushed = classify("I get it, but give me ten more minutes before you sign.", context)
    assert pushed.label is Label.PRESSURE
    assert Tactic.PUSH_AFTER_NO in pushed.tactics
    accepted = classify("Understood. If anything changes, feel free to reach out.", context)
    assert accepted.label is Label.CONSULTATIVE


# --- the contract -----------------------------------------------------------


@pytest.mark.parametrize("path", ALL_SETS, ids=ALL_IDS)
def test_every_quote_is_the_exact_slice_of_the_turn(path: Path) -> None:
    for example in load(path):
        check_findings(example["reply"], classify(example["reply"], context_of(example)))


def test_same_turn_same_reading() -> None:
    examples = load(DEV)
    first = [classify(e["reply"], context_of(e)) for e in examples]
    second = [classify(e["reply"], context_of(e)) for e in examples]
    assert first == second


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00\x01\x02\x1b[31m",
        "?!?.;,",
        "\ud800 lone surrogate",
        "🙂🙃 ¿Qué tal? مرحبا İstanbul ǅ ß ﬁ",
        "yes or no? " * 2_000,
        "x" * (MAX_SCAN_CHARS * 20),
    ],
    ids=["empty", "space", "control", "punctuation", "surrogate", "unicode", "long", "huge"],
)
def test_odd_input_never_raises(text: str) -> None:
    result = classify(text, TurnContext(buyer_line=text))
    assert result.label in Label
    check_findings(text, result)


@PROPERTY
@given(st.text(), st.text(), st.booleans())
def test_any_text_in_any_context_is_read_without_error(
    text: str, buyer_line: str, objection_open: bool
) -> None:
    result = classify(text, TurnContext(buyer_line=buyer_line, objection_open=objection_open))
    check_findings(text, result)
    assert result == classify(
        text, TurnContext(buyer_line=buyer_line, objection_open=objection_open)
    )


@PROPERTY
@given(st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz '%$.,?!-")), max_size=80))
def test_the_phrase_index_never_skips_a_phrase_that_matches(text: str) -> None:
    # The index is only an optimisation: it must never hide a match.
    candidates = set(patterns.PHRASES.candidates(text.casefold()))
    for index, (_, pattern) in enumerate(patterns.PHRASES.phrases):
        if pattern.search(text):
            assert index in candidates, pattern.pattern


def test_the_phrase_index_never_skips_a_phrase_on_the_benchmark_turns() -> None:
    for path in ALL_SETS:
        for example in load(path):
            text = example["reply"]
            candidates = set(patterns.PHRASES.candidates(text.casefold()))
            for index, (_, pattern) in enumerate(patterns.PHRASES.phrases):
                if pattern.search(text):
                    assert index in candidates, (pattern.pattern, text)


# --- accuracy (a regression here fails the build) ----------------------------


def label_accuracy(path: Path) -> float:
    examples = load(path)
    correct = sum(classify(e["reply"], context_of(e)).label.value == e["label"] for e in examples)
    return correct / len(examples)


def test_label_accuracy_on_the_dev_set() -> None:
    assert label_accuracy(DEV) >= 0.93


def test_label_accuracy_on_the_holdout_set() -> None:
    # Written before the detector and never tuned against.
    assert label_accuracy(HOLDOUT) >= 0.85


def test_label_accuracy_on_the_first_fresh_set() -> None:
    # Written blind; its misses guided which families of wording were widened
    # (measured 0.994).
    assert label_accuracy(FRESH_A) >= 0.96


def test_label_accuracy_on_the_second_fresh_set() -> None:
    # Written blind with fresh-a and never tuned against: the honest estimate
    # for wording nobody on the team has seen (measured 0.845 by the phrases
    # alone, 0.936 with the model fallback; its floors: test_detector_model.py).
    assert label_accuracy(FRESH_B) >= 0.81


def test_label_accuracy_on_the_blind_set() -> None:
    # fresh-c was written by someone who never saw the detector or the other
    # sets, and is used for nothing but this measurement: measured 0.813 with
    # the phrases alone, 0.867 with the model fallback.
    path = DATA / "replies-fresh-c.jsonl"
    assert label_accuracy(path) >= 0.84


@pytest.mark.parametrize("path", ALL_SETS, ids=ALL_IDS)
def test_benchmark_sets_are_well_formed(path: Path) -> None:
    examples = load(path)
    assert len({e["id"] for e in examples}) == len(examples)
    for e in examples:
        Category(e["category"])
        label = Label(e["label"])
        tactics = [Tactic(t) for t in e["tactics"]]
        expected = (
            Label.PRESSURE
            if any(t.is_pressure for t in tactics)
            else Label.CONSULTATIVE
            if tactics
            else Label.NEUTRAL
        )
        assert label is expected, e["id"]


def test_an_option_put_as_a_question_offers_options() -> None:
    text = "That makes sense. What if we plan now and build later, with a start date you choose?"
    result = classify(text, TurnContext(buyer_line="Not before October."))
    assert result.label is Label.CONSULTATIVE
    assert Tactic.OFFER_OPTIONS in result.tactics
    closing = classify("What if we just sign today and sort the details out later?", TurnContext())
    assert closing.label is Label.PRESSURE
