"""The phrase index may try a phrase that does not match, never skip one that does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from replies_support import labelled_lines

from trainer.reading import phrases as P
from trainer.reading.objections import _BOOK as OBJECTION_BOOK
from trainer.reading.phrasebook import PhraseBook

BOOKS = {"tactics": P.PHRASES, "objections": OBJECTION_BOOK}


def _missed(book: PhraseBook, text: str) -> list[str]:
    kept = set(book.candidates(text.casefold()))
    return [
        pattern.pattern
        for i, (_, pattern) in enumerate(book.phrases)
        if i not in kept and pattern.search(text)
    ]


def test_no_labelled_line_loses_a_phrase_that_matches_it():
    lines = labelled_lines()
    assert len(lines) > 1000
    for name, book in BOOKS.items():
        for text in lines:
            assert not _missed(book, text), (name, text)


def test_a_word_after_an_optional_one_is_indexed_as_a_word():
    """Cheaper (looked up once per word) and still exact."""
    book = PhraseBook(
        {"x": (r"\b(?:i\s+)?(?:really\s+)?don'?t", r"\b(?:so\s+)?(?:just\s+)?signs?")}
    )
    assert set(book._by_word) == {"don", "sign"} and not book._by_substring
    for text in ("I don't", "I really dont", "don't", "So just sign.", "signs"):
        assert book.candidates(text.casefold()), text
    assert not book.candidates("a design, in fairness")  # "sign" starts no word here


# Words the phrases are made of, with glue: texts likely to match many phrases.
_WORDS = sorted(
    {w for book in BOOKS.values() for w in book._by_word if len(w) > 1}
    | {"i", "you", "we", "it", "the", "a", "so", "just", "really", "don't", "can't", "'ll"}
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", ", ", ". ", "? ", "'", "-", ""])),
        min_size=1,
        max_size=25,
    )
)
def test_made_up_texts_lose_no_phrase(parts):
    text = "".join(w + sep for w, sep in parts)
    for book in BOOKS.values():
        assert not _missed(book, text)
        assert not _missed(book, text.upper())
