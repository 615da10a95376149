"""Shortcuts taken for speed in the rules after the word diff (issue 16) give what the
plain way gives: property tests against the plain computation each one replaces."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from versioner import attribution, headlinewords
from versioner.figureedges import HEDGE_PHRASES, same_hedge_wording
from versioner.hunk import Hunk
from versioner.reading import Reading

# every hedge (as written, in capitals, capitalised), words that end like one, numbers and signs
_PHRASES = [f(p) for f in (str.lower, str.upper, str.capitalize) for p in sorted(HEDGE_PHRASES)]
_HEDGED = st.lists(st.one_of(st.sampled_from(_PHRASES), st.sampled_from([
    " ", " ", "  ", "\n", "\xa0", "-", "'", "$", "€", "5", "18,000", "x", "nover", "then", "ſome", "Kelvin",
])), max_size=10).map("".join)


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(st.one_of(_HEDGED, st.text(max_size=40)))
def test_a_headline_no_hedge_screen_lets_through_holds_no_hedge_to_reword(text: str) -> None:
    if not headlinewords._may_hold_hedge(text):
        assert same_hedge_wording(text) == text


_WORDS = st.lists(st.sampled_from(["a", "b", "c", "d", "aa", "B", ""]), max_size=8).map(sorted)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(_WORDS, _WORDS)
def test_words_within_by_one_walk_as_by_counters(a: list[str], b: list[str]) -> None:
    assert headlinewords._within(a, b) == (not Counter(a) - Counter(b))


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(["Lee", "'s", "’s", "s", "'", "\n", "S", "x"]), max_size=5).map("".join),
                 st.text(max_size=12)))
def test_a_word_bared_of_its_possessive_by_its_ending_as_by_the_pattern(word: str) -> None:
    assert attribution._bare(word) == re.sub(r"['’]s$", "", word)


def _cited_plain(paragraph: str) -> Counter[tuple[str, ...]]:
    """cited() as it read every word in turn."""
    tokens = attribution._SOURCE_TOKEN.findall(paragraph)
    low = [t.lower() for t in tokens]
    found: Counter[tuple[str, ...]] = Counter()
    for i, t in enumerate(low):
        if t == "according" and low[i + 1:i + 2] == ["to"]:
            source = attribution._phrase(tokens, i + 2, 1)
        elif t in attribution._SPEAKING:
            inverted = (i == 0 or not tokens[i - 1][0].isalnum()) and t not in attribution._HEARD
            source = attribution._phrase(tokens, i + 1, 1) if inverted else attribution._phrase(tokens, i - 1, -1)
        else:
            continue
        if source:
            found[tuple(source)] += 1
    return found


def _source_swapped_plain(old_text: str, new_text: str, old_w: list[str], new_w: list[str]) -> str:
    """source_swapped() as it read both sides' sources first."""
    old_s, new_s = list(_cited_plain(old_text)), list(_cited_plain(new_text))
    edited_old = {attribution._bare(w).lower() for w in old_w}
    edited_new = {attribution._bare(w).lower() for w in new_w}
    gone = [s for s in old_s if edited_old & set(s) and not any(set(s) & set(t) for t in new_s)]
    came = [s for s in new_s if edited_new & set(s) and not any(set(s) & set(t) for t in old_s)]
    if not (gone and came):
        return ""
    return f"{attribution._as_written(gone, old_text)} -> {attribution._as_written(came, new_text)}"


_SOURCE_WORDS = ["According", "according", "to", "said", "Said", "told", "says", "the", "port", "police", "Ann",
                 "Lee's", "harbour", "master", "spokesperson", "a", "Acme", "reporters", "added"]
_SAYING = st.lists(st.sampled_from([*_SOURCE_WORDS, " ", " ", ", ", ". ", "“", "—"]), max_size=24).map(
    lambda ws: " ".join(ws))
_EDITED = st.lists(st.sampled_from(_SOURCE_WORDS), max_size=3)
# one source put in place of another in the same sentence, the edit's words those of each
_SOURCES = st.sampled_from(["the port police", "a spokesperson", "Ann Lee's office", "harbour master", "Acme", "police"])
_FRAMES = st.sampled_from(["{} said.", "According to {}, ferries stopped.", "Ferries stopped, said {}.",
                           "{} told reporters the port shut.", "The port shut, {} says"])


@st.composite
def _swaps(draw: st.DrawFn) -> tuple[str, str, list[str], list[str]]:
    frame, a, b = draw(_FRAMES), draw(_SOURCES), draw(_SOURCES)
    return frame.format(a), frame.format(b), a.split(), b.split()


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(st.tuples(_SAYING, _SAYING, _EDITED, _EDITED), _swaps()))
def test_sources_read_at_their_verbs_only_and_one_side_first_as_read_before(
        edit: tuple[str, str, list[str], list[str]]) -> None:
    old, new, old_w, new_w = edit
    assert attribution.cited(old) == _cited_plain(old)
    assert list(attribution.cited(old)) == list(_cited_plain(old))
    assert attribution.source_swapped(old, new, old_w, new_w) == _source_swapped_plain(old, new, old_w, new_w)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.tuples(_SAYING, _SAYING, _EDITED, _EDITED), _swaps()),
       st.lists(st.tuples(_EDITED, _EDITED), max_size=2))
def test_sources_read_once_a_paragraph_side_as_read_at_each_edit(
        edit: tuple[str, str, list[str], list[str]], more: list[tuple[list[str], list[str]]]) -> None:
    # the hunks of one paragraph share its two readings, each side's sources read once
    old, new, old_w, new_w = edit
    readings = Reading(old), Reading(new)
    for ow, nw in [(old_w, new_w), *more]:
        assert attribution.source_swapped(old, new, ow, nw, readings) == attribution.source_swapped(old, new, ow, nw)
        assert attribution.source_kept(old, new, ow, nw, readings) == attribution.source_kept(old, new, ow, nw)


_QUOTED = st.lists(st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", " ", ", ", ". ", "We", "will", "reopen", "the", "port", "Lee",
    "said", "don't", "soon", "\n", "É",
]), max_size=30).map(" ".join)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(_QUOTED, st.text(max_size=40)), st.integers(-50, 60), st.integers(0, 60))
def test_a_quotation_flattened_once_a_side_is_flattened_as_read_there(text: str, lo: int, width: int) -> None:
    from versioner import quotes

    side = Reading(text)
    for s, e in side.quotes:
        assert quotes._flat_quote(side, (s, e)) == quotes._flat(text[s:e])
    # a window around an edit that holds the whole paragraph has the paragraph's words
    hi = lo + width
    if lo <= 0 and hi >= len(text):
        assert quotes._paragraph_words(side) == set(quotes._flat(text[max(0, lo):hi]).split())


def _single_quote_mark_plain(h: Hunk, rd_old: Reading, rd_new: Reading) -> bool:
    """_single_quote_mark as it walked every character of both sides."""
    for seg, reading, start in ((h.old, rd_old, h.old_start), (h.new, rd_new, h.new_start)):
        for i, c in enumerate(seg):
            if c in "'‘’" and any(s == start + i or e == start + i + 1 for s, e in reading.quotes):
                return True
    return False


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(_QUOTED, _QUOTED, st.integers(0, 60), st.integers(0, 12), st.integers(0, 60), st.integers(0, 12))
def test_a_side_without_a_single_mark_is_passed_over_as_walked(old: str, new: str, a: int, n: int,
                                                               b: int, m: int) -> None:
    from versioner.hunkquotes import _single_quote_mark

    a, b = min(a, len(old)), min(b, len(new))
    h = Hunk(old[a:a + n], new[b:b + m], a, b, old, new)
    rd_old, rd_new = Reading(old), Reading(new)
    assert _single_quote_mark(h, rd_old, rd_new) == _single_quote_mark_plain(h, rd_old, rd_new)


def _tense_only_plain(a: str, b: str) -> str | None:
    """tense_only of one word for another, the word list asked first (as before)."""
    from versioner.names import is_ordinary

    if not (a.isalpha() and b.isalpha() and a.islower() and b.islower() and is_ordinary(a) and is_ordinary(b)):
        return None
    for past, present in ((a, b), (b, a)):
        stem = re.sub(r"e?d$", "", past)
        if len(stem) >= 3 and past != stem and present in (stem + "s", stem + "es") and not present.endswith("ss"):
            return f"tense only ({a} -> {b})"
    return None


_VERBS = st.sampled_from(["closed", "closes", "close", "ended", "ends", "end", "used", "uses", "passed", "passes",
                          "fixed", "fixes", "shows", "show", "police", "says", "say", "Ended", "zzd", "zzs", "need", "needs", "ed", "d", "s",
                          "officer", "officers", "boxes", "boxed", "agreed", "agrees", "card", "cars", "lend", "lens"])


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(_VERBS, st.text(max_size=8)), st.one_of(_VERBS, st.text(max_size=8)))
@example("card", "cars")  # a past in "d" without "e": the rule's odd corner, kept as it was
@example("says", "say")
def test_a_tense_read_at_its_past_ending_first_as_after_the_word_list(a: str, b: str) -> None:
    from versioner import smallfixes
    from versioner.names import is_ordinary
    from versioner.smallfixes import small_fix, tense_only

    assert tense_only([a], [b]) == _tense_only_plain(a, b)
    # small_fix's agreement test asks its letters before the word list: the same answer
    h = Hunk(a, b, 4, 4, f"Lee {a} x", f"Lee {b} x")
    agree = frozenset((a, b)) in smallfixes._AGREEMENT or (
        is_ordinary(a) and is_ordinary(b) and (a in (b + "s", b + "es") or b in (a + "s", a + "es")))
    fixed = small_fix(h, [a], [b], Reading(h.new_text))
    if a.isalpha() and b.isalpha() and a.islower() and b.islower() and not (not is_ordinary(a) and is_ordinary(b)):
        assert (fixed is not None) == agree
