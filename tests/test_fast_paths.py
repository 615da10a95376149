"""Shortcuts taken for speed (issue 16) give what the plain way gives: property tests
against the plain computation each one replaces."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from spans import spans_from_gaps  # tests/helpers

from versioner import articlenames, figureflags, figurepatterns, figurespans, headlinewords, namechanges
from versioner import figures as figures_module
from versioner import flags as flags_module
from versioner import names as names_module
from versioner import reading as reading_module

# words and marks that start figures or stand around them, mixed with any text
_PIECES = st.lists(st.sampled_from([
    " ", "  ", "\n", "\t", "\xa0", ", ", ". ", "-", "–", "—", "“", "”", "'", "’", "(", ":", "%", "$", "£", "€",
    "5", "17", "1,200", "4.5", "a", "an", "A", "An", "hundred", "Mar", "March", "Twenty", "twenty",
    "US$", "U.S.", "Rs", "HK$", "between", "half", "Half", "third", "word", "Lee", "the", "zes", "Sept",
]), max_size=40).map("".join)
_TEXT = st.one_of(_PIECES, st.text(max_size=60))


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_TEXT, st.integers(0, 70), st.integers(0, 70))
def test_candidate_starts_between_are_those_of_the_whole_text(text: str, lo: int, width: int) -> None:
    end = lo + width
    whole = figures_module._candidate_starts(text)
    assert figurespans._candidate_starts_between(text, lo, end) == [s for s in whole if lo <= s < end]


# "a"/"an", runs of spaces of any kind and the longest scale words, each candidate's test
# reading past the end it is asked for
_REACH_PIECES = st.lists(st.sampled_from([
    "a", "an", "A", " ", "     ", "\n\n\n", "\u2003", "\xa0", "thousand", "Thousand", "trillion", "quarter",
    "hundred", "x", "(", "5",
]), max_size=24).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_REACH_PIECES, st.integers(0, 40), st.integers(0, 40))
def test_candidates_scanned_only_as_far_as_their_test_reads_are_those_of_the_whole_text(
        text: str, lo: int, width: int) -> None:
    end = lo + width
    whole = figures_module._candidate_starts(text)
    assert figurespans._candidate_starts_between(text, lo, end) == [s for s in whole if lo <= s < end]


_GLUED_PIECES = st.lists(st.sampled_from([
    " ", "\n", "x", "Z", "é", "5", "2024", "May", "March", "June", "Sept", "September", "singer", "on",
]), max_size=14).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(_GLUED_PIECES, st.text(max_size=40)), st.integers(0, 40), st.integers(0, 40))
def test_glued_dates_found_by_their_month_are_those_found_by_the_letter_before(text: str, lo: int,
                                                                              width: int) -> None:
    # the plain pattern: a small letter with a month, its day or year after it (as before the
    # month-first search); read from the letter before ``lo``, no further than the reach
    end = lo + width
    plain = re.compile(rf"[a-z](?=(?:{figurepatterns._MONTH_NAMES})\s[0-9])")
    stop = end + figures_module._GLUED_REACH
    want = [m.start() + 1 for m in plain.finditer(text, max(0, lo - 1), stop) if lo <= m.start() + 1 < end]
    assert figures_module._glued_starts(text, lo, end) == want


def _plain_reference(word: str) -> str:
    for end in ("'s", "’s", "'", "’"):
        if word.endswith(end) and len(word) > len(end):
            return word[: -len(end)]
    return word


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=6), st.sampled_from(["Lee's", "Lee’s", "Jones'", "s", "'s", "'", "’", ""])))
def test_plain_with_its_last_letter_shortcut_drops_what_it_did(word: str) -> None:
    assert names_module.plain(word) == _plain_reference(word)


# the capitalised-word pattern as it was written first: the look back before the capital
_CAP_TOKEN_PLAIN = re.compile(r"(?<![\w'’])(?:[A-Z][a-z]?\.(?:[A-Za-z][a-z]?\.)+|[A-Z]\w*(?:['’]\w+)*)")


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(["U.S.", "Ph.D.", "Ann", "Lee's", "O’Neill", "a", "A", "x_Y", "É", "'", "’", " ",
                                           "-", ".", "\n", "B.", "u.S", "7"]), max_size=20).map("".join),
                 st.text(max_size=40)), st.integers(0, 40))
def test_capital_words_found_with_the_capital_first_are_those_found_before(text: str, lo: int) -> None:
    assert ([m.span() for m in reading_module._CAP_TOKEN.finditer(text, lo)]
            == [m.span() for m in _CAP_TOKEN_PLAIN.finditer(text, lo)])


_ARTICLE = st.lists(st.sampled_from(["Lee", "Lee's", "lee", "Ann", "'", "’", " ", "\n", ". ", ", ", "x", "The", "(",
                                     "Leeds", "O'Lee", "said", "\u00a0", "—"]), max_size=25).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_ARTICLE, _ARTICLE, st.sampled_from(["Lee", "Ann", "The", "Leeds", "x", "O'Lee"]))
def test_article_names_read_under_the_first_line_in_place_as_from_a_copy(old: str, new: str, word: str) -> None:
    # what ArticleNames read when it cut each revision's first line off
    copied = any(articlenames._named_in(text.partition("\n")[2], word) for text in (old, new))
    assert (word in namechanges.ArticleNames(old, new)) == copied


_DIALS = st.lists(st.sampled_from(["555", "0134", "1", "12", "-", ".", " ", "(", ")", "٣٤٥", "٦٧٨٩", "²", "x", "\n"]),
                  max_size=20).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(_DIALS, _PIECES, st.text(max_size=40)))
def test_a_text_passed_over_for_telephone_numbers_holds_none(text: str) -> None:
    core = re.search(r"\d{3}[-.]\d{4}", text) is not None
    assert figureflags._may_hold_phone(text) == core
    if not core:
        assert figureflags._PHONE.search(text) is None


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(["Lee's", "LEE'S", "it’s", "'s", "s", "’S", "Ann", "x-ray's", " ", ", ", "\n",
                                           "İs"]), max_size=12).map("".join), st.text(max_size=30)))
def test_headline_words_read_without_a_regex_per_word_are_those_read_before(text: str) -> None:
    plain = [re.sub(r"['’]s$", "", w.lower()) for w in headlinewords._HEADLINE_WORD.findall(text)]
    assert headlinewords._headline_words(text) == plain


_SECTIONS = st.sampled_from(["headline", "body", "byline", "notice"])


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.lists(st.tuples(_SECTIONS, st.sampled_from(["", " ", "# ", "Ann Lee", "\xa0", "#"])), max_size=6),
       st.booleans())
def test_first_text_under_a_headline_found_stopping_at_a_second_part_as_by_counting(parts: list[tuple[str, str]],
                                                                                   new_has_text: bool) -> None:
    from types import SimpleNamespace

    from versioner.parse import Part, Parts

    old = Parts(tuple(Part(section, raw) for section, raw in parts))
    new = Parts((Part("body", "Text under it"),) if new_has_text else ())
    counted = old.headline is not None and sum(bool(p.text.strip()) for p in old.parts) == 1 and bool(new.paragraphs)
    assert flags_module._first_text_under_headline(SimpleNamespace(old=old, new=new)) == counted


# paragraphs from a few words, so that some repeat, some are edited and some split or merge
_PARAGRAPHS = st.lists(st.lists(st.sampled_from("ann lee said the port closed on monday after rain".split()),
                                max_size=7).map(" ".join), max_size=6)


@settings(derandomize=True, max_examples=600, deadline=None)
@given(_PARAGRAPHS, _PARAGRAPHS, _PARAGRAPHS, _PARAGRAPHS, st.booleans())
def test_alignment_walking_only_between_the_common_ends_is_the_walk_over_every_paragraph(
        head: list[str], old_middle: list[str], new_middle: list[str], tail: list[str], rewrites: bool) -> None:
    from unittest import mock

    from versioner import align

    old, new = head + old_middle + tail, head + new_middle + tail
    shortcut = align._align(old, new, align.EDIT_THRESHOLD, 0.5, None, rewrites)
    assemble = align._assemble
    with mock.patch.object(align, "_assemble", lambda n_old, n_new, backbone, groups, ends: assemble(
            n_old, n_new, backbone, groups)):
        walked = align._align(old, new, align.EDIT_THRESHOLD, 0.5, None, rewrites)
    assert shortcut == walked


def _one_full_name_plain(a: str, b: str, text: str) -> bool:
    if a == b or a not in text or b not in text:
        return False
    for first, last in ((a, b), (b, a)):
        at = text.find(first)
        while at >= 0:
            if (at == 0 or not namechanges._is_word_char(text[at - 1])) and \
                    re.compile(rf"(?:\s+[A-Z][\w.'’-]*){{0,2}}?\s+{re.escape(last)}\b").match(text, at + len(first)):
                return True
            at = text.find(first, at + 1)
    return False


_NAME_WORDS = st.sampled_from(["Ann", "Lee", "Leeds", "An", "", "nn"])


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_NAME_WORDS, _NAME_WORDS, st.lists(st.sampled_from(["Ann", "Lee", "Leeds", " ", "  ", "B.", "xAnn", "\n", ", ",
                                                          "Ann Lee", "Lee Ann", "Marie", "of"]), max_size=12).map("".join))
def test_one_full_name_resuming_at_each_first_is_the_plain_search(a: str, b: str, text: str) -> None:
    assert namechanges._one_full_name(a, b, text) == _one_full_name_plain(a, b, text)


def _content_words_plain(text: str) -> list[str]:
    words = headlinewords._HEADLINE_WORD.findall(text)

    def has_digit(w: str) -> bool:
        return any(c.isdigit() for c in w)

    def rank(w: str) -> bool:  # a stated ordinal ("10th"): no hedge before it
        return w.endswith("th") and all(c.isdigit() or c == "p" for c in w[:-2]) and has_digit(w[:-2])

    def carries(i: int, w: str) -> bool:
        small = len(w) <= headlinewords._SMALL_WORD or w.lower() in headlinewords._SMALL_WORDS \
            or w.lower() in headlinewords._GRAMMAR_WORDS
        return not small or headlinewords.is_negation(w) or has_digit(w) or (len(w) > 1 and w.isupper()) \
            or (i + 1 < len(words) and has_digit(words[i + 1]) and not rank(words[i + 1]))
    return sorted(re.sub(r"['’]s$", "", w.lower()) for i, w in enumerate(words) if carries(i, w))


_HEADLINE_PIECES = st.lists(st.sampled_from([
    " ", "-", "'s", "’s", "'S", "the", "The", "not", "no", "UK", "US", "to", "10", "²", "٣", "x2", "in", "Port",
    "port", "war", "via", "a", "I", "İ", "ß", "Lee's", "10%", "\n", "10th", "over", "Sees",
]), max_size=14).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(_HEADLINE_PIECES, st.text(max_size=40)))
def test_headline_content_words_read_once_per_word_are_those_read_before(text: str) -> None:
    assert headlinewords._content_words(text) == _content_words_plain(text)


_ARTICLE = st.lists(st.sampled_from(["Ann", "Lee", "Leeds", "Leesaid", " ", "  ", "B.", "xAnn", "\n", ", ", "said",
                                     "Ann Lee", "Lee Ann", "The", "House", "TheHouse", "US", "U.S.", "of"]),
                    max_size=14).map("".join)
_ASKED = st.sampled_from(["Ann", "Lee", "Leeds", "Leesaid", "TheHouse", "House", "US", "U.S.", "Sen. Lee", "Ann Lee",
                          "Lee's", "said", "", "nn"])


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(_ARTICLE, _ARTICLE, st.lists(st.tuples(_ASKED, _ASKED, st.integers(0, 1)), max_size=8))
def test_name_questions_asked_of_the_article_memory_are_those_asked_of_the_text(
        old: str, new: str, questions: list[tuple[str, str, int]]) -> None:
    known = namechanges.ArticleNames(old, new)
    for a, b, side in questions:  # asked again and again of one memory, in any order
        text = known.texts[side]
        assert known.find(text, a) == text.find(a)
        assert namechanges.mentions(text, a, known) == namechanges.mentions(text, a)
        assert namechanges._one_full_name(a, b, text, known) == namechanges._one_full_name(a, b, text)
        assert namechanges._glued(a or "x", text, known) == namechanges._glued(a or "x", text)
        assert namechanges.same_entity(a, b, known.texts, known) == namechanges.same_entity(a, b, known.texts)
        assert namechanges._still_named(a or "x", old, text, known) == namechanges._still_named(a or "x", old, text)
        assert namechanges._alias_stands(a or "x", text, known) == namechanges._alias_stands(a or "x", text)
        assert namechanges._initials_stand(a or "x", text, known) == namechanges._initials_stand(a or "x", text)


_RUN_PIECES = st.lists(st.sampled_from(["Ann", "Lee", " ", "  ", "\n", "\xa0", "B.", "O'Neil", "Lee-Ann", "x", "_", "É",
                                        ", ", "Lees", "Leé", "-", ".", "’", "3"]), max_size=10).map("".join)


@settings(derandomize=True, max_examples=2000, deadline=None)
@given(_RUN_PIECES, st.integers(0, 12), st.sampled_from(["Lee", "Ann", "", " Lee", "B.", "Lee-", "É", "3", "'"]))
def test_a_name_run_read_step_by_step_is_the_compiled_pattern(text: str, pos: int, last: str) -> None:
    pattern = re.compile(rf"(?:\s+[A-Z][\w.'’-]*){{0,2}}?\s+{re.escape(last)}\b")
    pos = min(pos, len(text))
    assert namechanges._name_runs_on_to(text, pos, last) == (pattern.match(text, pos) is not None)


def _demonyms_restyled_reference(old: str, new: str) -> bool:
    # the rule as written before its word-count shortcut: every changed word counted out
    from collections import Counter

    a, b = Counter(headlinewords._headline_words(old)), Counter(headlinewords._headline_words(new))
    gone, came = list((a - b).elements()), list((b - a).elements())
    return bool(gone) and len(gone) == len(came) \
        and all(any(namechanges.demonym_restyled(g, c) for c in came) for g in gone) \
        and all(any(namechanges.demonym_restyled(g, c) for g in gone) for c in came)


_HEADLINE_PIECES = st.lists(st.sampled_from([
    "Argentinian", "Argentine", "Filipino", "Philippine", "Ukrainian", "fans", "cheer", "Ostra", "win", "the",
]), max_size=6).map(" ".join)


@settings(derandomize=True, max_examples=800, deadline=None)
@given(_HEADLINE_PIECES, _HEADLINE_PIECES)
def test_a_demonym_restyle_needs_as_many_words_on_each_side(old: str, new: str) -> None:
    assert headlinewords.demonyms_restyled(old, new) == _demonyms_restyled_reference(old, new)


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 40), max_size=60), st.lists(st.integers(0, 40), max_size=60))
def test_items_encoded_with_the_first_planes_characters_made_once_are_encoded_as_before(a: list[int],
                                                                                         b: list[int]) -> None:
    from versioner import seqdiff

    # the plain encoding: each distinct item, in order of first appearance, the next character
    table: dict[int, str] = {}
    for item in a + b:
        table.setdefault(item, chr(0xE000 + len(table)))
    assert seqdiff._encode(a, b) == ("".join(table[x] for x in a), "".join(table[x] for x in b))


# tokens with marks and spaces that the two sides share, and words only one side holds
_TOKENS = st.lists(st.sampled_from(["Lee", "Lea", ",", ".", " ", "said", "17", "19", "the", "“", "\n"]), min_size=1,
                   max_size=9)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_TOKENS, _TOKENS, st.booleans())
def test_a_middle_replaced_between_shared_ends_is_what_the_engine_gives(a: list[str], b: list[str],
                                                                        fast: bool) -> None:
    from versioner import diff

    few = diff._replaced_between_ends(a, b)
    if few is not None:
        assert few == diff._diff_tokens(a, b, None, fast)


_FOLDED_PIECES = st.lists(st.sampled_from(["Ann", "lee", "LEE", " ", "  ", ", ", "said", "ß", "ss", "\n", "-", ".",
                                           "\xa0", "Σ", "ς", "17"]), max_size=14).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_FOLDED_PIECES, _FOLDED_PIECES, _FOLDED_PIECES, _FOLDED_PIECES)
def test_word_overlap_folding_the_shared_ends_once_is_that_of_the_two_word_sets(
        start: str, old: str, new: str, end: str) -> None:
    from versioner import alignsimilar

    a, b = alignsimilar._folded_word_set(start + old + end), alignsimilar._folded_word_set(start + new + end)
    assert alignsimilar._overlap(start + old + end, start + new + end) == (len(a & b), len(a), len(b))


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from("abcdefgh"), max_size=9), st.integers(0, 8), st.integers(0, 8), st.booleans())
def test_one_paragraph_moved_to_the_far_end_is_diffed_as_the_engine_diffs_it(
        a: list[str], take: int, put: int, fast: bool) -> None:
    from versioner import align
    from versioner.seqdiff import diff_runs

    b = list(a)
    if b:
        moved = b.pop(take % len(b))
        b.insert(put % (len(b) + 1), moved)
    runs = align._one_moved(a, b)
    if runs is not None:
        assert runs == diff_runs(a, b, timeout=0.5, fast=fast)

def _windows_cover(text: str, spans: list[tuple[int, int]]) -> int:
    """How much of ``text`` the sentence-start windows of _figures_around cover (the plain
    way: each edit's window, overlapping ones merged)."""
    ctx = figureflags._FIGURE_CONTEXT
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        lo = figureflags._sentence_start(text, max(0, start - ctx))
        hi = min(len(text), end + ctx)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return sum(hi - lo for lo, hi in windows)


@settings(derandomize=True, max_examples=800, deadline=None)
@given(st.text(alphabet="ab .?!\n", max_size=900), st.lists(st.tuples(st.integers(0, 300), st.integers(0, 30)),
                                                           max_size=6))
def test_the_reach_read_before_the_windows_never_covers_more_than_they_do(text: str,
                                                                         raw: list[tuple[int, int]]) -> None:
    # _figures_around reads the whole text when this reach covers half of it, without
    # looking for sentence starts: the windows would cover half too
    spans = spans_from_gaps(text, raw)
    assert figureflags._covered(text, spans) <= _windows_cover(text, spans)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.text(alphabet="abcde", max_size=9), st.text(alphabet="abcde", max_size=9), st.integers(1, 3))
def test_a_distance_capped_sooner_is_the_full_distance_capped(a: str, b: str, limit: int) -> None:
    # typo_reason caps the distance just past what its test reads; that must not change
    # any distance under the cap (the early exit fires only when no path stays under it)
    from versioner.smallfixes import edit_distance

    assert edit_distance(a, b, limit) == min(edit_distance(a, b, 10), limit)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_TEXT, st.integers(0, 70))
def test_figures_ending_before_an_edit_are_those_the_whole_window_reads(text: str, pos: int) -> None:
    # the hunk rules read only the figures over the last characters before an edit, from
    # that sentence on, not every figure of the window around it
    from versioner import hunkrules
    from versioner.figures import extract_figures

    pos = min(pos, len(text))
    start = max(0, pos - reading_module.CONTEXT)
    plain = [f for f in extract_figures(text[start:pos + reading_module.CONTEXT // 4])
             if 0 <= pos - (start + f.end) <= hunkrules._OLD_FIGS_NEAR]
    assert hunkrules._figures_ending_before(text, pos) == plain


# words that set off the hunk rules' triggers (days, negations, contractions, articles,
# verbs of saying, "named ... as", quotation marks) mixed with words that set off none
_HUNK_WORD = st.sampled_from([
    "Monday", "today", "March", "not", "never", "didn't", "won’t", "Nor", "the", "A", "said", "Told", "according",
    "identified", "named", "as", "Ann", "Lee", "police", "17", "£5m", "moved", "it's", "'", "“", "”", "\"", ",",
    "quickly", "will", "would", "Leeds", "named as Ida Marsh", "identified as Bo Tan",
])
_HUNK_WORDS = st.lists(_HUNK_WORD, max_size=5).map(" ".join)


@st.composite
def _hunk_sides(draw: st.DrawFn) -> tuple[str, str]:
    """Two sides of a hunk: any two, or the one side with a word put in (an article, a
    negation: the edits whose words the rules look for on one side only)."""
    old = draw(_HUNK_WORDS)
    if draw(st.booleans()):
        return old, draw(_HUNK_WORDS)
    words = old.split()
    at = draw(st.integers(0, len(words)))
    added = draw(_HUNK_WORD)
    new = " ".join(words[:at] + [added] + words[at:])
    return (old, new) if draw(st.booleans()) else (new, old)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_HUNK_WORDS, _hunk_sides(), _HUNK_WORDS, st.booleans(), st.booleans())
def test_a_hunk_classified_past_the_rules_its_words_cannot_trigger_is_classified_as_by_every_rule(
        before: str, sides: tuple[str, str], after: str, headline: bool, article: bool) -> None:
    # the plain computation: every rule asked, whatever the hunk holds
    from versioner import hunk, hunkrules
    from versioner.diff import Op
    from versioner.model import Section

    old, new = sides
    ops = [Op("equal", before + " "), Op("delete", old), Op("insert", new), Op("equal", " " + after)]
    ops = [op for op in ops if op.text]
    section = Section.HEADLINE if headline else Section.BODY
    everything = hunkrules.Screen(*[True] * len(hunkrules.Screen._fields))
    for h in hunk.hunks(ops, headline):
        names = namechanges.ArticleNames(h.old_text, h.new_text) if article else None
        shortcut = hunkrules.classify(h, [], [], False, section, 1, names)
        real_screen = hunkrules._screen
        hunkrules._screen = lambda *_: everything  # type: ignore[assignment]
        try:
            plain = hunkrules.classify(h, [], [], False, section, 1, names)
        finally:
            hunkrules._screen = real_screen
        assert shortcut == plain
        rd_old, rd_new = hunkrules._readings(h, headline)
        if not (rd_old.quotes or rd_new.quotes):
            old_w, new_w = reading_module.words_as_written(h.old), reading_module.words_as_written(h.new)
            assert not hunkrules._single_quote_mark(h, rd_old, rd_new)
            assert not hunkrules._quoted_edit(h, rd_old, rd_new, old_w, new_w)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.sampled_from(["equal", "insert", "delete"]), st.text(max_size=20))
def test_an_op_made_without_the_frozen_init_is_the_op_the_init_makes(tag: str, text: str) -> None:
    from dataclasses import asdict, replace

    from versioner.diff import Op, _op

    fast, plain = _op(tag, text), Op(tag, text)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert asdict(fast) == asdict(plain) and replace(fast, text="x") == replace(plain, text="x")


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(max_size=8), st.text(max_size=8), st.integers(0, 9), st.integers(0, 9), st.text(max_size=20),
       st.booleans())
def test_a_hunk_made_without_the_frozen_init_is_the_hunk_the_init_makes(old: str, new: str, i: int, j: int,
                                                                        text: str, headline: bool) -> None:
    from dataclasses import fields

    from versioner.hunk import Hunk

    new_text = text + new
    rd_old, rd_new = reading_module.Reading(text, headline), reading_module.Reading(new_text, headline)
    fast = Hunk.fast(old, new, i, j, text, new_text, rd_old, rd_new)
    plain = Hunk(old, new, i, j, text, new_text, rd_old, rd_new)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert all(getattr(fast, f.name) is getattr(plain, f.name) for f in fields(Hunk))
    assert fast.new_end == plain.new_end


_CITING = st.lists(st.sampled_from(["according", "According", "ACCORDING", "to", "the", "port", "office",
                                    "Acme", "said", ",", " ", "accord", "three", "sources"]), max_size=14)


@settings(derandomize=True, max_examples=400, deadline=None)
@given(_CITING, _CITING, st.integers(0, 60), st.integers(0, 60))
def test_a_source_cited_is_found_as_by_reading_every_word_before_it(a: list[str], b: list[str], i: int,
                                                                    j: int) -> None:
    from versioner import attribution
    from versioner.reading import CONTEXT, words_as_written

    def plain(text: str, span: tuple[int, int]) -> bool:  # without the test for the word "according"
        before = [w.lower() for w in words_as_written(text[max(0, span[0] - CONTEXT):span[0]])]
        after = words_as_written(text[span[1]:span[1] + CONTEXT])[:1]
        ends = not after or after[0].lower() in attribution.FUNCTION_WORDS \
            or not text[span[1]:].lstrip()[:1].isalnum()
        return "according" in before[-attribution._CITE_REACH:] and ends

    old, new = " ".join(a), " ".join(b)
    old_span, new_span = (min(i, len(old)),) * 2, (min(j, len(new)),) * 2
    old_span = (old_span[0], min(len(old), old_span[0] + 5))
    assert attribution._cites_from(old, old_span) == plain(old, old_span)
    assert attribution._cites_from(new, new_span) == plain(new, new_span)


def _touching_span_by_span(text: str, spans: list[tuple[int, int]]) -> list[figures_module.Figure]:
    """figures_touching as it searched each span's candidates on their own."""
    out: list[figures_module.Figure] = []
    scanned = pos = 0
    for start, end in spans:
        end = max(end, start + 1)
        if end <= scanned:
            continue
        lo = scanned
        last = figurespans._LAST_BARRIER_RE.match(text, scanned, start)
        if last:
            lo = pos = last.end()
        starts = [0] if lo == 0 and re.match(figures_module._SCAN_SPACE, " " + text[:16]) else []
        starts += figurespans._candidate_starts_between(text, lo, end)
        found, pos = figures_module._scan(text, starts, pos)
        out += found
        scanned = end
    return out


_SPANNED = st.lists(st.sampled_from([
    " ", " ", ", ", ". ", "“", "(", "-", "5", "17", "1,200", "4.5%", "$3", "a", "A", "hundred", "March", "May 4",
    "Twenty", "between", "and", "half", "third", "killed", "Nov. ", "U.S. Dollars", "Rs. ", "singerMay 5",
]), max_size=40).map("".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.one_of(_SPANNED, _TEXT), st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=5))
def test_figures_touching_spans_read_from_one_search_as_each_on_its_own(
        text: str, raw: list[tuple[int, int]]) -> None:
    # the candidates of several spans are read in one pass over the text they cover
    spans = spans_from_gaps(text, raw)
    assert figurespans.figures_touching(text, spans) == _touching_span_by_span(text, spans)
