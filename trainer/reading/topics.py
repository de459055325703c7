"""What each of a scenario's concerns is about, as sets of terms.

Built once per scenario from everything its author wrote about a concern:
the surface line and its variants, the hidden root cause, the buyer's reveal
lines and hints, what resolves it, the example lines, and the cue keywords
(which are examples of the words, not a password list). A turn is then about
a concern when it shares that concern's terms, in any word form or synonym
(see words.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

from trainer.content.models import Objection, Persona, Scenario
from trainer.reading.words import content_terms, is_generic
from trainer.vocabulary import Category

__all__ = ["ConcernTerms", "Topics", "topics_for"]

# The words any objection of a category is about, whatever the scenario.
CATEGORY_TERMS: dict[Category, str] = {
    Category.PRICE: "price budget value worth return payback roi margin number",
    Category.TIMING: "timing when wait later quarter month year season ready date schedule now",
    Category.AUTHORITY: "decide board committee boss approve partner wife husband ceo who else",
    Category.NEED: "need problem gap already solved necessary",
    Category.TRUST: "trust burned promise before last vendor agency results proof",
    Category.COMPETITOR: "competitor cheaper alternative compare comparison other vendor incumbent",
    Category.STATUS_QUO: "current today spreadsheet inbox process manual already works fine",
    Category.STALL: "think send information email materials review later numbers",
}


def _terms(texts: Iterable[str]) -> frozenset[str]:
    found: set[str] = set()
    for text in texts:
        found.update(t for t in content_terms(text) if not is_generic(t))
    return frozenset(found)


@dataclass(frozen=True)
class ConcernTerms:
    """The terms of one objection: its surface, its hidden root (terms of the
    root cause that the surface does not already have) and what answers it."""

    surface: frozenset[str]
    root: frozenset[str]
    answer: frozenset[str]

    @classmethod
    def of(cls, objection: Objection) -> ConcernTerms:
        surface = _terms(
            [objection.surface, *objection.variants, CATEGORY_TERMS[objection.category]]
        )
        examples = objection.examples
        root = _terms(
            [
                objection.root_cause,
                *objection.reveal,
                *objection.hints,
                *objection.uncover.keywords,
                objection.in_short or "",
                examples.explore if examples else "",
            ]
        )
        answer = _terms(
            [
                objection.resolves_with,
                *objection.resolve.keywords,
                *objection.resolved,
                examples.answer if examples else "",
            ]
        )
        return cls(surface=surface, root=root - surface, answer=answer)


@dataclass(frozen=True)
class Topics:
    """A scenario's concerns as terms, and every term particular to it."""

    concerns: dict[str, ConcernTerms]
    specific: frozenset[str]  # anything this scenario or buyer is about
    domain: frozenset[str] = frozenset()  # the buyer's line of business: not a concern


# Content models are not hashable; the cache keeps each scenario it saw alive,
# so an id is never reused for another scenario while its entry is here.
_CACHE: OrderedDict[tuple[int, int], tuple[Scenario, Persona | None, Topics]] = OrderedDict()
_CACHE_SIZE = 256


def topics_for(scenario: Scenario, persona: Persona | None = None) -> Topics:
    """The scenario's topics, built once per scenario (and persona)."""
    key = (id(scenario), id(persona))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is scenario and hit[1] is persona:
        _CACHE.move_to_end(key)
        return hit[2]
    topics = _build(scenario, persona)
    _CACHE[key] = (scenario, persona, topics)
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return topics


def _build(scenario: Scenario, persona: Persona | None) -> Topics:
    concerns = {o.id: ConcernTerms.of(o) for o in scenario.objections}
    texts = [
        scenario.situation,
        scenario.offer.product,
        scenario.offer.context,
        *(f.says for f in scenario.facts),
        *(a for f in scenario.facts for a in f.about),
    ]
    if persona is not None:
        texts += [persona.company, persona.role, *persona.knows]
        texts += [f.says for f in persona.facts] + [a for f in persona.facts for a in f.about]
    specific = _terms(texts).union(*(c.surface | c.root | c.answer for c in concerns.values()))
    return Topics(concerns=concerns, specific=specific)
