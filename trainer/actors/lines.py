"""Lines every buyer can say, for the beats an author need not write.

A scenario author writes the persona's lines per move and each objection's
surface, reveal and resolved lines. What a buyer says when the trainee repeats
themselves, pastes a paragraph, makes small talk or offers something vague is
much the same for every buyer: those lines live here, short and plain, and the
voice uses them when the persona and the scenario have nothing fitting (or
nothing left unsaid). `{concern}` stands for the objection's short name.
"""

from __future__ import annotations

from trainer.actors.base import BeatKind
from trainer.vocabulary import Move

__all__ = ["COMMON", "MOVES"]

COMMON: dict[BeatKind, tuple[str, ...]] = {
    "hint": (
        "It's not only that, if I'm honest.",
        "There's a bit more to it than that.",
        "Let's say it isn't my first time looking at something like this.",
        "I have my reasons, and they aren't all on paper.",
    ),
    "consider": (
        "That could work.",
        "That's closer to what I need.",
        "I could live with that, I think.",
        "Now that's something I can look at.",
        "Okay, that's a real proposal.",
        "That I can at least take seriously.",
    ),
    "ask": (
        "What exactly would that look like?",
        "For how long, and what would it cost me?",
        "And what would I see at the end of it?",
        "Who on your side would actually do that?",
        "What happens if it doesn't work?",
        "How would I know it's working?",
    ),
    "refer": (
        "Like I said, it comes down to {concern}.",
        "My problem is still {concern}.",
        "That doesn't touch {concern}.",
        "I keep coming back to {concern}.",
        "What about {concern}?",
        "None of that fixes {concern}.",
    ),
    "premature": (
        "You're answering a question I haven't asked yet.",
        "Slow down. You don't know what my problem is yet.",
        "That's a solution looking for a problem.",
        "Hold on, you're a step ahead of me.",
    ),
    "nothing_offered": (
        "Cover what? You haven't offered anything yet.",
        "What exactly are you proposing?",
        "You haven't put anything on the table.",
        "Check what? I haven't heard an offer.",
    ),
    "await_confirm": (
        "Is that what you're proposing, then?",
        "So is that the offer?",
        "Go on. Is that it?",
        "And you think that settles it?",
    ),
    "next_prompt": (
        "So what would you suggest we do next?",
        "Where do we go from here?",
        "What's the next step, then?",
        "What would you want to happen now?",
        "So, what are you asking me for?",
    ),
    "repeat_notice": (
        "You asked me that already.",
        "You said that a minute ago.",
        "We've been over that.",
        "That's the same thing again.",
        "I heard you the first time.",
    ),
    "pasted_notice": (
        "That's a lot of words at once.",
        "That sounds like a checklist, not a conversation.",
        "Pick one thing you actually want to know.",
        "I lost you somewhere in there.",
        "That reads like a script.",
    ),
    "keywords_notice": (
        "I'm not sure that was a sentence.",
        "Those are words, not an answer.",
        "You've lost me. What are you actually saying?",
        "A list of words doesn't tell me anything.",
    ),
    "small_talk": (
        "Maybe another time.",
        "Let's stay on the point, please.",
        "I'd rather keep to business.",
        "Sure. Anyway.",
        "Let's not drift.",
    ),
    "generic": (
        "You could say that to anyone.",
        "That's a line, not an answer.",
        "That doesn't tell me anything about my situation.",
        "I've heard that from every vendor.",
        "And what does that mean for me?",
    ),
}


# For each persona move, when the persona's own lines have all been said.
MOVES: dict[Move, tuple[str, ...]] = {
    Move.OPEN: ("Thanks for making the time.", "Let's get into it."),
    Move.PUSH_BACK: (
        "That doesn't answer it.",
        "That's not what I asked.",
        "I'm still where I was.",
        "That doesn't change anything for me.",
        "You're not hearing me.",
    ),
    Move.SOFTEN: ("Okay.", "Fair enough.", "Alright, go on.", "I'm listening.", "Noted."),
    Move.HARDEN: (
        "Don't push me.",
        "That's pressure, and it won't work.",
        "I don't like being rushed.",
        "Now you're selling, not listening.",
        "Let's not do that.",
    ),
    Move.AGREE_NEXT_STEP: (
        "Fine. Put it on my calendar.",
        "Alright, send it over and we'll talk.",
        "Okay, let's set that up.",
    ),
    Move.AGREE: ("Okay. Let's go ahead.", "Send the paperwork.", "Alright, you have a deal."),
    Move.WALK_AWAY: ("I think we're done here.", "Let's leave it there.", "This isn't for us."),
}
