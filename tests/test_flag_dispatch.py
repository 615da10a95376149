"""The flag stage's dispatch shortcuts: each rule a cheap screen skips is one that would
have found nothing, held on random texts and hunks to the plain computation (every rule
asked)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import flags
from versioner.nameidentified import identified

PROPERTY = settings(derandomize=True, max_examples=400, deadline=None)

# pieces of a sentence that names someone, or nearly does
_WORDS = st.sampled_from(["the victim", "him", "her", "police", "said", ",", "17", "as", "Ann", "Lee", "B.", "de",
                          "Vries"])
_VERBS = st.sampled_from(["identified", "named", "Identified", "Named", "renamed", "identifie", "nam ed",
                          "ident ified", "called"])


@st.composite
def _identifying(draw: st.DrawFn) -> str:
    """A text that may give someone a name: words, a verb, a few words, "as", a name."""
    def words(n: int) -> list[str]:
        return draw(st.lists(_WORDS, max_size=n))
    return " ".join([*words(3), draw(_VERBS), *words(3), *draw(st.sampled_from([["as"], []])),
                     *draw(st.sampled_from([["Ann", "Lee"], ["Ann", "B.", "Lee"], ["Ann"], ["ann", "lee"]])),
                     *words(3)])


@PROPERTY
@given(_identifying())
def test_a_paragraph_the_identify_screen_passes_over_identifies_no_one(text: str) -> None:
    if not flags._may_identify(text):
        assert identified(text) == []


# words before numbers: hedges and their last words, in any case, signs, spaces of all kinds
_BEFORE_NUMBERS = st.lists(st.sampled_from([
    "over", "Over", "than", "THAN", "more than", "about", "n", "to", "x", "nover", "ſome", "über", "_", "a_b",
    " ", "  ", "\n", "\xa0", "\u2003", "$", "€", "-", "5", "18,000", "٣", "²", "a5", ".",
]), max_size=8).map("".join)


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.one_of(_BEFORE_NUMBERS, st.text(max_size=30)))
def test_the_words_before_numbers_read_backwards_are_those_the_pattern_reads(text: str) -> None:
    from versioner import headlinewords

    assert headlinewords._may_hold_hedge(text) == headlinewords._may_hold_hedge_plain(text)
