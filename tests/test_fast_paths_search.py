"""Shortcuts taken for speed in searches over whole texts (issue 16) give what the
plain way gives: property tests against the plain computation each one replaces."""

from __future__ import annotations

import contextlib
import re
from unittest import mock

from hypothesis import example, given, settings
from hypothesis import strategies as st

from versioner import articlenames, attribution, diff, flags
from versioner.align import align_paragraphs, aligned
from versioner.articlenames import ArticleNames
from versioner.diff import Change
from versioner.model import Section
from versioner.parse import Parts, normalise, parse

_TITLES = ["Mayor", "Chief", "Minister", "Ma", "M", "Mayor.", "Dr.", "É", "Ǆ", "mayor", "ǅ"]
_PIECES = st.sampled_from(_TITLES + ["Ann", "ann", "Lee", " ", "  ", "\n", ".", "-", "x", "_", "'", "Ǆ", "Mayor Ann",
                                     "Dr. Lee", "Ma L", " Ann"])
_TEXTS = st.one_of(st.lists(_PIECES, max_size=12).map("".join), st.text(alphabet="MayorAnx .\n_-ǄǅÉ", max_size=24),
                   st.text(max_size=16))


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(st.sampled_from(_TITLES), st.text(alphabet="Mayorx._ǄǅÉ", min_size=1, max_size=4)), _TEXTS)
@example("Mayor", "xMayor Ann, Mayor Lee")  # the first one glued to a word, a later one a title
@example("Mayor", "Mayor said Mayor Lee")
@example("Mayor", "Mayor Ann")  # the first one a title
def test_a_title_before_a_name_is_searched_from_its_first_stand_as_by_the_whole_pattern(title: str, text: str) -> None:
    plain = re.search(rf"\b{re.escape(title)}\s+[A-Z]", text) is not None
    assert attribution._titled_name(title, text) == plain


_NAME_PIECES = st.sampled_from(["Ann", "Lee", "Ann Lee", "Lee Ann", " ", " ", "  ", ",", ".", "B.", "x", "\n", "Ann-Lee",
                                "lee", "(", "’", "Ann B. Lee", "Mary", "ǅ", "_", "An", "nn Le"])
_STRETCH = st.lists(_NAME_PIECES, max_size=10).map("".join)
_WORDS_ASKED = st.sampled_from(["Ann", "Lee", "B.", "An", "nn", "e", "Lee Ann", "Ann,", "Mary", "ǅ", "x", ""])


@st.composite
def _revisions(draw: st.DrawFn) -> tuple[str, str]:
    """Two revisions that start and end alike, an edit between (either side may be empty)."""
    start, end = draw(_STRETCH), draw(_STRETCH)
    return start + draw(_STRETCH) + end, start + draw(_STRETCH) + end


def _long_from_zero() -> contextlib.AbstractContextManager[object]:
    """Every text read as a long one, so that the shortcuts are taken on short examples."""
    return mock.patch.object(articlenames, "LONG_TEXT", 0)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_revisions(), st.lists(st.tuples(st.integers(0, 1), _WORDS_ASKED), min_size=1, max_size=6))
@example(("Lee said. Ann Lee", "Lee said. Ann Leex"), [(1, "Lee"), (0, "Lee")])
@example(("Bnn", "Ann"), [(0, "Ann"), (1, "Ann")])  # one letter of the word edited, the rest shared
def test_a_word_looked_up_from_the_other_revisions_answer_is_where_find_puts_it(
        texts: tuple[str, str], asked: list[tuple[int, str]]) -> None:
    known = ArticleNames(*texts)
    with _long_from_zero():
        for side, word in asked:
            assert known.find(known.texts[side], word) == known.texts[side].find(word)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_revisions(), _WORDS_ASKED, _WORDS_ASKED)
@example(("Ann x Lee", "Ann Lee"), "Ann", "Lee")  # the run made by the edit
@example(("Lee, Ann B. Lee", "Lee, Ann B. Lee"), "Ann", "Lee")
@example(("xAnn Lee", " Ann Lee"), "Ann", "Lee")  # the run all shared but the character before it
def test_a_full_name_in_the_newer_revision_is_read_around_the_edit_as_in_the_whole_text(
        texts: tuple[str, str], a: str, b: str) -> None:
    plain = any(articlenames._one_full_name(a, b, t) for t in texts)
    known = ArticleNames(*texts)
    with _long_from_zero():
        assert articlenames._full_name_in(a, b, known.texts, known) == plain


_PROMO_PIECES = st.sampled_from(["Sign up", "sign  up", "SUBSCRIBE", "Follow us", "follow @x", "Download", "stream",
                                 "Watch", "LISTEN", "upgrade", "Click", "tap", "Read more", "get our", "Get the",
                                 "Don't miss", "don’t MISS", "join us", "Register", "newsletter", "app", "here", ". ",
                                 ": ", "! ", " ", "\n", "the", "story", "ſign up", "K", "ﬁ", "watcH"])
_PROMO_TEXTS = st.one_of(st.lists(_PROMO_PIECES, max_size=10).map("".join), st.text(max_size=20))


def _is_promo_plain(text: str) -> bool:
    """is_promo() as it read every paragraph with its pattern."""
    text = text.strip()
    if not text or len(text.split()) > flags._PROMO_WORDS:
        return False
    return bool(flags._CALL.search(text) or flags._LABEL.match(text)) and flags._OUTLET.search(text) is not None


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_PROMO_TEXTS)
@example("Watch here")
@example("ſign up for the app")  # a long s the case-blind pattern reads as "s"
def test_a_promotional_line_is_screened_by_its_stems_as_by_the_pattern(text: str) -> None:
    assert flags._may_call(text) or flags._CALL.search(text) is None
    assert flags.is_promo(text) == _is_promo_plain(text)


def _compare_plain(old: Parts, new: Parts) -> tuple[Change, ...]:
    """compare()'s changes as its loop read every section before the equal lines and empty
    notices were told in the loop itself."""
    changes: list[Change] = []
    for section in diff.SECTION_ORDER:
        if section is Section.NOTICE:
            olds, news = diff._texts(old.of(section)), diff._texts(new.of(section))
            if olds != news:
                changes += diff._list_changes(section, olds, news, align_paragraphs(olds, news), 0.5)
        elif section is Section.BODY:
            pairings, ends = aligned(old.paragraphs, new.paragraphs, timeout=0.5, rewrites=True)
            changes += diff._list_changes(section, old.paragraphs, new.paragraphs, pairings, 0.5, ends)
        else:
            changes += diff._single_change(section, old.of(section), new.of(section), 0.5)
    return tuple(changes)


_LINES = st.sampled_from(["Port Aven says 31 dead", "By Ann Lee", "BERLIN (Wire) -", "Ann Lee said 31 people died.",
                          "CORRECTION: An earlier version misstated the toll.", "(Reporting by Ann Lee)",
                          "# Port Aven says 33 dead", "By Ann Lee and Ida Marsh", "", "Editor's note: updated."])
_ARTICLES = st.lists(_LINES, max_size=7).map("\n\n".join)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(_ARTICLES, _ARTICLES)
def test_sections_told_alike_in_the_loop_give_the_changes_each_section_call_gives(a: str, b: str) -> None:
    old, new = parse(normalise(a)), parse(normalise(b))
    if old.text() != new.text():
        assert diff.compare(old, new).changes == _compare_plain(old, new)
