"""Words as the reader compares them: folded, stemmed, and grouped by meaning.

"worries", "worried" and "worry" are one word here; "usage", "adoption" and
"logins" are one idea; "the", "really" and "honestly" are nothing. So a turn
is matched with what the buyer said, and with what a scenario says a concern
is about, by meaning and word form rather than by exact keywords.

Deterministic and cheap: a stem is computed once per distinct word.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

__all__ = [
    "GENERIC",
    "is_weak",
    "STOCK",
    "content_terms",
    "is_generic",
    "stem",
    "term",
    "words",
]

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?|\$\d[\d,.]*[km]?", re.IGNORECASE)
_CONTRACTION = re.compile(r"['\u2019](?:s|t|re|ve|ll|d|m)$")

# Function words and fillers: never what a turn is about.
STOP = frozenset(
    """a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can cannot could couldn did didn do does doesn
    doing don down during each either else even ever every few for from further get gets
    getting got gotten had hadn has hasn have haven having he her here hers herself him
    himself his how i if in into is isn it its itself just let lets me might mine more most
    much must mustn my myself no nor not now of off on once only or other others our ours
    ourselves out over own per quite rather re same shall she should shouldn so some such
    than that thats the their theirs them themselves then there these they this those
    through to too under until up upon us very was wasn we were weren what whats when where
    which while who whom whos why will with within without won would wouldn yet you your
    yours yourself yourselves ok okay yeah yes yep sure well oh um uh hmm hi hey hello
    really actually honestly totally completely definitely absolutely basically literally
    just maybe perhaps probably pretty kind sort bit lot lots thing things stuff something
    anything everything nothing someone anyone everyone way ways like also still already go
    goes going went gone make makes making made take takes took taken give gives gave say
    says said saying see seen look looks looking come comes came put puts ones that'd it'd
    i'd you'd we'd they'd i'm you're we're they're i've you've we've i'll you'll we'll
    it'll that'll there's here's let's can't won't don't isn't became become becomes ago
    another twice once issue issues fine sat sit sits ask asked asks keep keeps kept left
    new old big long high low whole part show shows showed set run runs turn turned hand
    side case fact place home world life end top able enough far less least many almost
    away back never often soon always usually sometimes anyway though although however
    instead whether alright wrong little nice plenty via etc""".split()
)

# Sales words that fit any buyer: saying them is not saying anything about this one.
GENERIC = frozenset(
    """concern concerns concerned worry worries worried worrying fear afraid nervous
    understand understood appreciate appreciated share sharing tell telling know knowing
    think thinking thought feel feeling felt help helps helpful hear heard sound sounds
    mean means matter matters important question questions ask asking answer point fair
    right good great sense idea happy glad thank thanks love want wants wanted need needs
    talk discuss discussion chat conversation next step steps move forward value benefit
    benefits solution solutions product service services offer offering option options
    approach opportunity partner partnership success successful goal goals priority
    priorities comfortable comfort yes process more details detail behind real really best
    better work working works hard easy true truth open honest exactly totally agree agreed
    sounds interesting reason reasons situation position perspective today time happen
    happened happens mind perfect certainly absolutely understandable valid specific
    specifically particular general overall whole part experience insight explore exploring
    clarify curious wonder wondering respect respectful grateful""".split()
)

# Offers every seller makes: pointing the right way, but not concrete on their own.
STOCK = frozenset(
    """pilot pilots trial trials test reference references referral case study studies option
    options phase phased phases demo demos discount discounts guarantee proposal package
    plan plans roi""".split()
)

# Words that mean the same thing in a sales conversation, grouped under one name.
_GROUPS: dict[str, list[str]] = {
    "money": (
        "price prices pricing cost costs costly expensive pricey cheap cheaper cheapest "
        "afford affordable budget budgets budgeted spend spending spent money fee fees "
        "charge charges dollar dollars invest investment funds funding outlay commission "
        "pay paying paid"
    ).split(),
    "use": (
        "use used using usage adopt adopted adoption login logins log logged shelfware "
        "unused uptake engagement engaged"
    ).split(),
    "history": (
        "before previous previously past prior history earlier last burned burnt "
        "happened experience experienced went"
    ).split(),
    "decide": (
        "decide decides decided decision decisions approve approves approved approval "
        "sign signs signed signoff sign-off signature authority"
    ).split(),
    "boss": "boss board committee ceo owner owners director directors management".split(),
    "family": (
        "family mom mother mum dad father brother sister wife husband son daughter "
        "nephew niece kids children"
    ).split(),
    "customer": "customer customers client clients".split(),
    "staff": (
        "staff employees crew techs technicians engineers agents dispatchers headcount"
    ).split(),
    "report": (
        "report reports reporting dashboard dashboards metrics numbers figures data "
        "tracking tracked track measure measured measurement visibility"
    ).split(),
    "proof": (
        "reference references proof prove evidence case testimonial testimonials verify "
        "verified check"
    ).split(),
    "start": "start starting begin beginning first initial kickoff small smaller".split(),
    "month": "month months monthly".split(),
    "week": "week weeks weekly".split(),
    "day": "day days daily".split(),
    "year": "year years annual annually yearly".split(),
    "switch": (
        "switch switching migrate migration migrating move moving transition cutover changeover"
    ).split(),
    "risk": "risk risks risky danger dangerous exposure".split(),
    "contract": "contract contracts agreement commitment commit committed lock locked".split(),
    "hours": "hours hour minutes".split(),
    "busy": "busy peak rush season seasonal crunch slammed".split(),
    "slow": "slow quiet dead lull drought".split(),
}


NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "fifteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "half",
        "dozen",
        "couple",
    ]
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = _CONTRACTION.sub("", word.lower().replace("\u2019", "'"))
    return str(_STEMMER.stemWord(word))


_GROUP_OF: dict[str, str] = {}
for _name, _members in _GROUPS.items():
    for _member in _members:
        _GROUP_OF.setdefault(stem(_member), _name)
_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC)
_STOCK_STEMS = frozenset(stem(w) for w in STOCK)
_STOP_STEMS = frozenset(stem(w) for w in STOP) | frozenset(STOP)


def words(text: str) -> list[str]:
    """The words of a text, lower case, curly apostrophes folded."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("\u2019", "'") for w in _WORD.findall(text))


@lru_cache(maxsize=65536)
def term(word: str) -> str | None:
    """What a word means for matching: its group's name, or its stem; None for
    function words and fillers."""
    lowered = word.lower()
    if lowered in STOP or len(lowered) < 2:
        return None
    if lowered[0] == "$" or lowered[0].isdigit() or lowered in NUMBER_WORDS:
        return "#num"
    stemmed = stem(lowered)
    if stemmed in _STOP_STEMS:
        return None
    return _GROUP_OF.get(stemmed, stemmed)


# "last night", "last week": when, not what happened before.
_LAST_WHEN = re.compile(
    r"\blast\s+(?=(?:night|week|weekend|month|year|quarter|summer|winter|spring|fall|autumn"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|season|game|match)\b)",
    re.IGNORECASE,
)


def content_terms(text: str) -> list[str]:
    """The text's terms in order (repeats kept), function words left out."""
    return list(_content_terms(text))


@lru_cache(maxsize=8192)
def _content_terms(text: str) -> tuple[str, ...]:
    # Lines are read again and again in a conversation (every earlier line is
    # compared with the new one): each is read once.
    found = []
    for word in _words(_LAST_WHEN.sub("", text)):
        t = term(word)
        if t is not None:
            found.append(t)
    return tuple(found)


# Terms that say little on their own: a concern is not matched by these alone.
_WEAK = frozenset(
    "month week day year hours #num time differ clear full number lead team guy peopl folk "
    "start report money".split()
)


def is_weak(t: str) -> bool:
    return t in _WEAK


def is_generic(t: str) -> bool:
    """A term any seller would say to any buyer."""
    return t in _GENERIC_STEMS or t == "#num"


def is_stock(t: str) -> bool:
    return t in _STOCK_STEMS
