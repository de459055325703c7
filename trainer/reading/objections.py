"""Which objection a buyer's line raises, if any: price, timing, authority,
need, trust, competitor, status quo or stall.

A real call has no scenario to say what the buyer's concerns are, so they are
read from the buyer's own words, sentence by sentence. Each category is a
family of ways people say it ("more than we budgeted", "not my call", "send me
something"), plus the money words of words.py for price, so "pricey", "fees"
and "afford" need no pattern of their own. Where a sentence fits several, the
one the seller has to answer first wins: another vendor's quote is a
competitor objection before it is a price one, "I'd need my boss to see it
next month" is about the boss before the month.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trainer.reading.phrasebook import PhraseBook
from trainer.reading.words import content_terms
from trainer.vocabulary import Category

__all__ = ["FoundObjection", "category_of", "find_objections"]


# When a sentence fits more than one category: the first here wins.
PRECEDENCE: tuple[Category, ...] = (
    Category.COMPETITOR,
    Category.AUTHORITY,
    Category.TRUST,
    Category.NEED,
    Category.STATUS_QUO,
    Category.PRICE,
    Category.TIMING,
    Category.STALL,
)

_WHO_DECIDES = (
    r"(?:board|committee|procurement|legal|finance|owners?|ceo|coo|cfo|cto|director|vp|head\s+office"
    r"|partners?|boss|manager|management|wife|husband|spouse|sister|brother|family|franchise\s+owner"
    r"|it\s+director|president|headquarters|hq)"
)
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_SEASONS = r"(?:spring|summer|autumn|fall|winter|new\s+year|holidays?|season)"
_CONTACT = (
    r"(?:send\s+(?:me|us|over|it)|e-?mail\s+(?:me|us|it|over)|drop\s+me\s+a\s+line|call\s+me\s+back"
    r"|get\s+back\s+to\s+you|be\s+in\s+touch|reach\s+out|let\s+you\s+know|circle\s+back)"
)
# Product and company names: a capitalised word inside a sentence, or one with
# capitals inside it (HubSpot, ServiceTitan), or a .com.
_BRAND = r"(?:\b[A-Z][a-z]+[A-Z]\w*|\b\w+\.com|(?<=[a-z,]\s)[A-Z][a-z]{2,})"

_PATTERNS: dict[Category, tuple[str, ...]] = {
    Category.COMPETITOR: (
        r"\b(?:another|other|different|a\s+local|the\s+big|offshore|a\s+cheaper)\s+"
        r"(?:\w+\s+)?(?:agent|agency|agencies|vendor|vendors|provider|providers|firm|firms|coach"
        r"|company|companies|team|consultant|option|tool|platform|broker)s?\b",
        r"\b(?:quoted|offered)\s+(?:us|me)\b",
        r"\bbeen\s+quoted\b",
        r"\byour\s+competitors?\b",
        r"\bcompar(?:e|ing)\s+(?:you|your|it)\b",
        r"\b(?:also|already)\s+(?:looking\s+at|talking\s+to|speaking\s+(?:to|with))\b",
        r"\bleaning\s+(?:toward|towards)\b",
        r"\bsafe\s+choice\b",
        r"\bnobody\s+gets\s+fired\b",
        _BRAND + r"\s+(?:does|do|already|gives|offers?|offered|is\s+cheaper|would\s+charge|charges"
        r"|looked|has\s+something|includes?|quoted|says)\b",
        r"\b(?:charges?|costs?|for)\s+(?:half|a\s+third|a\s+quarter)\b",
        r"\bhalf\s+as\s+much\b",
        r"\b(?:does|do|offers?|gives)\b.{0,30}\bfor\s+(?:less|a\s+fraction)\b",
        r"\bsomething\s+similar\b",
        r"\b(?:firm|agency|company|provider|vendor)\s+offered\b",
    ),
    Category.AUTHORITY: (
        r"\brun\s+(?:it|this|that)\s+(?:past|by)\b",
        r"\b(?:check|talk|speak|discuss\s+it)\s+(?:with|to)\s+(?:my|our|the)\s+(?:\w+\s+)?"
        + _WHO_DECIDES,
        r"\btake\s+(?:it|this)\s+to\s+(?:my|our|the)\s+" + _WHO_DECIDES,
        r"\b" + _WHO_DECIDES + r"(?:'s)?\s+(?:\w+\s+)?(?:approves?|has\s+to|have\s+to|needs?\s+to"
        r"|would\s+need|will\s+want|wants?\s+to|decides?|signs?\s+off|has\s+the\s+final|makes?\s+the"
        r"|picks?|handles?\s+the)",
        r"\bnot\s+(?:my|the)\s+(?:call|decision)\b",
        r"\bdecision\s+maker\b",
        r"\bfinal\s+(?:say|decision|call)\b",
        r"\b(?:can'?t|cannot)\s+approve\b",
        r"\b(?<!nobody\s)sign(?:s|ed)?[\s-]off\b",
        r"\bblessing\b",
        r"\bdecisions?\s+together\b",
        r"\bhas\s+to\s+agree\b",
        r"\bgoes\s+through\s+(?:our|the|my)\b",
        r"\b(?:he|she|they)'?d\s+need\s+to\s+see\b",
        r"\bneeds?\s+to\s+(?:be\s+involved|review)\b",
        r"\bhas\s+to\s+be\s+involved\b",
        r"\bbefore\s+(?:i|we)\s+sign\b",
    ),
    Category.TRUST: (
        r"\bburn(?:ed|t)\b",
        r"\b(?:skeptical|sceptical|wary|cautious|suspicious)\b",
        r"\bpromised\b",
        r"\bhow\s+(?:do|would|can)\s+(?:i|we)\s+(?:know|be\s+sure|trust)\b",
        r"\bnever\s+heard\s+of\b",
        r"\btoo\s+good\s+to\s+be\s+true\b",
        r"\bwhy\s+(?:would|should)\s+(?:you|i|we)\s+(?:be\s+different|believe|trust)\b",
        r"\bheard\s+(?:it|that)\s+before\b",
        r"\blet\s+(?:us|me)\s+down\b",
        r"\bdisappeared\b",
        r"\b(?:all|always)\s+say\b",
        r"\bevery\s+(?:\w+\s+)?(?:vendor|agent|agency|coach|consultant|provider)\s+says\b",
        r"\bbelieve\s+(?:\w+\s+){0,3}when\s+i\s+see\b",
        r"\bhand[\s-]?picked\b|\bcherry[\s-]?picked\b|\bpick\s+the\s+one\b",
        r"\breviews\b",
        r"\bgo(?:es)?\s+under\b",
        r"\bdon'?t\s+(?:really\s+)?(?:know|trust)\s+(?:you|your|a\s+company)\b",
        r"\bcompany\s+i\s+don'?t\s+know\b",
        r"\bwho\s+else\s+uses\b",
        r"\bare\s+(?:your|those|the)\s+numbers\s+real\b|\bnumbers\s+are\s+real\b",
        r"\bhand\s+us\s+off\b",
        r"\btook\s+(?:\w+\s+)?(?:days|weeks|months)\b",
        r"\blast\s+time\s+(?:someone|somebody|they|a\s+\w+)\s+(?:told|said|promised)\b",
        r"\bpoking\s+around\b",
    ),
    Category.NEED: (
        r"\b(?:don'?t|do\s+not|doesn'?t)\s+(?:really\s+|actually\s+)?need\b",
        r"\bnot\s+(?:convinced|sure)\s+(?:we|i)\s+need\b",
        r"\bdon'?t\s+see\s+(?:the\s+need|the\s+point|what\s+(?:this|it))\b",
        r"\bwhat'?s\s+the\s+point\b",
        r"\b(?:don'?t|do\s+not)\s+(?:really\s+)?have\s+(?:that|this|a|the)\s+problem\b",
        r"\bproblem\s+we\s+(?:actually\s+)?have\b",
        r"\bwhat\s+problem\b",
        r"\bnot\s+(?:a|the\s+right)\s+fit\b|\bis\s+a\s+fit\b",
        r"\b(?:too\s+small|not\s+big\s+enough|don'?t\s+have\s+the\s+volume)\b",
        r"\bwhat\s+would\s+we\s+(?:even\s+)?use\b",
        r"\bnobody\s+(?:here\s+)?asked\s+for\b",
        r"\bnot\s+looking\s+for\s+anything\b",
        r"\beverything\s+is\s+covered\b",
        r"\bfine\s+without\b",
        r"\balready\s+get\s+plenty\b",
        r"\blooking\s+for\s+a\s+problem\b",
        r"\bnot\s+what\s+(?:i|we)\s+(?:need|'?re\s+missing)\b|\bisn'?t\s+what\s+we'?re\s+missing\b",
        r"\bhardly\s+ever\b",
        r"\bnot\s+solving\b",
        r"\bwhat\s+this\s+would\s+do\s+for\s+us\b",
        r"\bwe\s+already\s+do\b",
        r"\bdon'?t\s+think\s+(?:we|i)(?:'re|\s+are|'m|\s+am)?\s+.{0,30}\bneed\b",
    ),
    Category.STATUS_QUO: (
        r"\b(?:works|working|worked)\s+(?:fine|well|for\s+us)\b",
        r"\bit\s+(?:mostly\s+)?works\b|\bbut\s+it\s+works\b",
        r"\balways\s+done\s+it\b",
        r"\bused\s+to\s+(?:the|our)\b",
        r"\b(?:current|existing)\s+(?:system|process|agency|provider|setup|way|tool|vendor)\b",
        r"\bswitching\b|\bmigrat(?:e|ing)\b|\bmoving\s+(?:all\s+)?(?:our|everything)\b",
        r"\bchanging\s+(?:\w+\s+)?(?:would|means|is)\b",
        r"\bhappy\s+(?:with|doing)\b",
        r"\brock\s+the\s+boat\b",
        r"\bstick\s+with\b",
        r"\bin[\s-]house\b",
        r"\b(?:do|doing|handled?)\s+(?:it|my\s+own\s+\w+)\s+(?:myself|ourselves)\b",
        r"\bmy\s+own\s+\w+\s+for\s+years\b",
        r"\b(?:been\s+(?:looking|doing|using|running|handling|with)|done|used|run|had)\b.{0,40}"
        r"\bfor\s+(?:\w+\s+)?years\b",
        r"\bbeen\s+with\s+the\s+same\b",
        r"\bcomfortable\s+(?:with|doing)\b",
        r"\bnot\s+going\s+to\s+change\b",
        r"\bdon'?t\s+want\s+to\s+(?:change|retrain|upset|switch)\b",
        r"\bwell\s+enough\b",
        r"\bpeople\s+know\s+it\b",
        r"\bdoes\s+what\s+we\s+need\b",
        r"\bthings\s+are\s+fine\b|\bis\s+fine\b",
        r"\bold\s+school\b",
        r"\bwhat\s+we\s+know\b",
        r"\bmore\s+trouble\s+than\b",
    ),
    Category.TIMING: (
        r"\bnot\s+(?:a\s+)?(?:good|great|the\s+right)\s+(?:time|moment)\b",
        r"\b(?:wrong|bad)\s+time\b",
        r"\btiming\b",
        r"\brevisit\b",
        r"\bhold\s+off\b",
        r"\bwait\s+(?:until|till|for)\b",
        r"\bnot\s+ready\b",
        r"\b(?:until|till|after)\s+(?:after\s+)?(?:the\s+)?(?:\w+\s+){0,2}"
        r"(?:" + _MONTHS + "|" + _SEASONS + r"|migration|merger|audit|launch|move|rebrand|books)\b",
        r"\b(?:rather|prefer|wait|better)\b.{0,30}\bin\s+the\s+(?:" + _SEASONS + r")\b",
        r"\b(?:next|this)\s+(?:quarter|year)\b",
        r"\bmaybe\s+next\b",
        r"\b(?:give\s+it|in|wait|another)\s+(?:six|three|a\s+few)\s+months\b",
        r"\bbusiest\b|\bslammed\b|\bbusy\s+season\b|\bharvest\b",
        r"\bright\s+now\b",
        r"\bin\s+the\s+middle\s+of\b",
        r"\bafter\s+that\b",
        r"\bbefore\s+(?:we|i)\s+change\b|\bsettled\b",
        r"\bon\s+leave\b",
        r"\bwhile\s+i'?m\b",
        r"\bclosing\s+the\s+books\b",
        r"\bmarket\s+picks\s+up\b",
    ),
    Category.PRICE: (
        r"\bmore\s+than\s+(?:we|i)\s+(?:\w+\s+)?(?:budgeted|planned|expected|pay|wanted)\b",
        r"\bmore\s+than\s+my\b",
        r"\b(?:a\s+lot\s+of|that\s+kind\s+of)\s+money\b",
        r"\bsteep\b|\bout\s+of\s+our\s+range\b|\ba\s+(?:real\s+|bit\s+of\s+a\s+)?stretch\b",
        r"\btoo\s+(?:much|high|expensive)\b",
        r"\bnumber\s+down\b",
        r"\b(?:is|seems|came\s+in)\s+(?:way\s+)?(?:high|higher)\b",
        r"\bcan'?t\s+(?:carry|justify)\b|\bjustify\s+the\b",
        r"\breturn\s+is\s+there\b",
        r"\b(?:hundred|thousand|\$[\d,.]+k?|\d+k)\s+(?:a|per)\s+(?:month|year)\b",
        r"\bper[\s-]seat\b|\bpaying\s+for\s+\w+\s+licen[cs]es\b",
        r"\bfrozen\b",
    ),
    Category.STALL: (
        _CONTACT,
        r"\bthink\s+(?:it\s+over|about\s+it|it\s+through)\b",
        r"\bsleep\s+on\s+it\b",
        r"\bmull\b",
        r"\bdigest\b",
        r"\bleave\s+it\s+with\s+me\b",
        r"\banother\s+time\b",
        r"\b(?:take|have)\s+a\s+(?:look|read)\b",
        r"\breview\s+(?:it|everything|the)\b|\blook\s+over\b",
        r"\bput\s+together\s+a\s+proposal\b",
        r"\bsome\s+time\s+to\b|\ba\s+few\s+days\b",
        r"\bcouple\s+of\s+weeks\b",
    ),
}

# Indexed by the words each pattern needs, so a sentence is tried only against
# the few patterns that could match it. A brand pattern keeps its case ("Gong",
# "Monday.com"): the index is case-blind, the pattern itself is not.
_BOOK: PhraseBook[Category] = PhraseBook(
    {
        category: tuple(f"(?-i:{p})" if p.startswith(_BRAND) else p for p in patterns)
        for category, patterns in _PATTERNS.items()
    }
)
# A full stop inside a word ("Monday.com", "1.2") does not end a sentence.
_SENTENCE = re.compile(r"(?:[^.!?]|[.!?](?=\S))+[.!?]*")


@dataclass(frozen=True)
class FoundObjection:
    category: Category
    text: str  # the sentence that raises it
    start: int  # where it stands in the line
    end: int


def _categories(sentence: str) -> list[Category]:
    matched = {
        category
        for category, pattern in (_BOOK.phrases[i] for i in _BOOK.candidates(sentence.casefold()))
        if pattern.search(sentence)
    }
    found = [c for c in PRECEDENCE if c in matched]
    if Category.PRICE not in found and "money" in content_terms(sentence):
        found.append(Category.PRICE)
    return sorted(found, key=PRECEDENCE.index)


def find_objections(line: str) -> list[FoundObjection]:
    """The objections a buyer's line raises, in the order it says them, one per
    category; each with the sentence that raises it."""
    found: list[FoundObjection] = []
    seen: set[Category] = set()
    for match in _SENTENCE.finditer(line.replace("\u2019", "'")):
        sentence = match.group().strip()
        if not sentence:
            continue
        categories = _categories(sentence)
        if not categories or categories[0] in seen:
            continue
        seen.add(categories[0])
        start = match.start() + match.group().index(sentence)
        found.append(FoundObjection(categories[0], sentence, start, start + len(sentence)))
    return found


def category_of(line: str) -> Category | None:
    """The one objection a line is about: the one the seller must answer first."""
    found = find_objections(line)
    if not found:
        return None
    return min((f.category for f in found), key=PRECEDENCE.index)
