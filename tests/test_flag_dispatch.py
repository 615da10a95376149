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
