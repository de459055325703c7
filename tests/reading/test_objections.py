"""Objection categories read from a buyer's words. (The measured accuracy is in
benchmarks/objection_accuracy.py; these are the rules that must hold.)"""

from __future__ import annotations

import pytest

from trainer.reading.objections import category_of, find_objections
from trainer.vocabulary import Category


@pytest.mark.parametrize(
    ("line", "category"),
    [
        ("Eighteen thousand is well beyond what we budgeted for.", Category.PRICE),
        ("We can't look at this until after the summer.", Category.TIMING),
        ("Our managing partner has the final say on that.", Category.AUTHORITY),
        ("We don't really need a second CRM.", Category.NEED),
        ("We got burned by the last integrator.", Category.TRUST),
        ("Pipedrive does most of this for less.", Category.COMPETITOR),
        ("Our current process works fine for now.", Category.STATUS_QUO),
        ("Just email me the brochure.", Category.STALL),
        ("We have eight vans and two offices.", None),
        ("Thursday at ten works for me.", None),
    ],
)
def test_each_category(line: str, category: Category | None) -> None:
    assert category_of(line) is category


def test_another_vendors_quote_is_a_competitor_objection_before_a_price_one() -> None:
    assert category_of("Another firm quoted us two hundred a month less.") is Category.COMPETITOR


def test_a_line_with_two_objections_gives_each_sentence() -> None:
    line = "It's too expensive for us. And I'd have to check with my boss anyway."
    found = find_objections(line)
    assert [f.category for f in found] == [Category.PRICE, Category.AUTHORITY]
    assert found[1].text == "And I'd have to check with my boss anyway."
    assert line[found[1].start : found[1].end] == found[1].text


def test_a_dot_inside_a_name_does_not_split_the_sentence() -> None:
    assert category_of("Monday.com is cheaper and we know it.") is Category.COMPETITOR
