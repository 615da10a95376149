"""Paragraph alignment: each outcome of the NewsEdits taxonomy, pinned."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.align import Pairing, align_paragraphs, first_difference, similarity
from versioner.model import PairingKind
from versioner.seqdiff import ALPHABET_SIZE, DEFAULT_TIMEOUT, diff_runs

LEDE = (
    "Security forces killed 145 militants over 40 hours after coordinated attacks "
    "across Balochistan, the province's chief minister said on Sunday."
)
CONTEXT = (
    "The attacks underscore the persistence of insurgents in the resource-rich "
    "province bordering Iran and Afghanistan."
)
TOLL = "The military had said 92 militants were killed on Saturday."
VICTIMS = "He also said 17 law enforcement personnel and 31 civilians were killed in the attacks."
CLAIM = (
    "The banned Baloch Liberation Army claimed responsibility, saying it had "
    "launched a coordinated operation across the province."
)
DENIAL = (
    "India denied the assertion on Sunday, accusing Islamabad of deflecting attention from its own problems."
)
ARTICLE = [LEDE, CONTEXT, TOLL, VICTIMS, CLAIM]


def kinds(pairings: tuple[Pairing, ...]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(p.kind, p.old, p.new) for p in pairings]


def assert_partition(pairings: tuple[Pairing, ...], n_old: int, n_new: int) -> None:
    """Every paragraph of each side appears in exactly one pairing."""
    olds = sorted(i for p in pairings for i in p.old)
    news = sorted(j for p in pairings for j in p.new)
    assert olds == list(range(n_old))
    assert news == list(range(n_new))


# -- one outcome each --------------------------------------------------------


def test_identical_articles_keep_every_paragraph() -> None:
    pairings = align_paragraphs(ARTICLE, list(ARTICLE))
    assert kinds(pairings) == [("kept", (i,), (i,)) for i in range(5)]
    assert all(p.similarity == 1.0 and not p.edited for p in pairings)


def test_changed_figure_is_an_edited_paragraph_not_removed_and_added() -> None:
    new = [LEDE.replace("145", "150"), *ARTICLE[1:]]
    pairings = align_paragraphs(ARTICLE, new)
    assert kinds(pairings)[0] == ("edited", (0,), (0,))
    assert next(p for p in pairings if p.new == (0,)).edited and 0.5 <= pairings[0].similarity < 1.0
    assert [p.kind for p in pairings[1:]] == ["kept"] * 4


def test_reworded_paragraph_is_edited() -> None:
    reworded = "On Saturday, the army said security forces had killed 92 militants."
    new = [LEDE, CONTEXT, reworded, VICTIMS, CLAIM]
    assert kinds(align_paragraphs(ARTICLE, new))[2] == ("edited", (2,), (2,))


def test_paragraph_grown_by_a_sentence_is_edited() -> None:
    grown = CLAIM + " A spokesman said more attacks would follow in the coming days unless demands were met."
    new = [LEDE, CONTEXT, TOLL, VICTIMS, grown]
    assert kinds(align_paragraphs(ARTICLE, new))[4] == ("edited", (4,), (4,))


def test_unrelated_replacement_is_removed_and_added() -> None:
    new = [LEDE, CONTEXT, DENIAL, VICTIMS, CLAIM]
    assert kinds(align_paragraphs(ARTICLE, new)) == [
        ("kept", (0,), (0,)),
        ("kept", (1,), (1,)),
        ("removed", (2,), ()),
        ("added", (), (2,)),
        ("kept", (3,), (3,)),
        ("kept", (4,), (4,)),
    ]


def test_unrelated_replacement_stays_removed_and_added_when_rewrites_are_paired() -> None:
    new = [LEDE, CONTEXT, DENIAL, VICTIMS, CLAIM]
    assert kinds(align_paragraphs(ARTICLE, new, rewrites=True))[2:4] == [
        ("removed", (2,), ()), ("added", (), (2,))]


REWRITTEN_LEDE = ("Militants killed 17 soldiers in a coordinated assault on border posts in the province "
                  "early Sunday, officials said.")
NEW_LEDE = "A dawn raid by insurgents left soldiers dead at border posts across the province, according to officials."


def test_rewritten_lede_is_edited_not_removed_and_added() -> None:
    # too few words in common for an edit (word overlap under EDIT_THRESHOLD), but the same news
    assert similarity(REWRITTEN_LEDE, NEW_LEDE) < 0.5
    old, new = [REWRITTEN_LEDE, CONTEXT, TOLL], [NEW_LEDE, CONTEXT, TOLL]
    assert kinds(align_paragraphs(old, new))[:2] == [("removed", (0,), ()), ("added", (), (0,))]
    assert kinds(align_paragraphs(old, new, rewrites=True))[0] == ("edited", (0,), (0,))
    # among other changes too (the general path), where it stood
    old, new = [REWRITTEN_LEDE, CONTEXT, TOLL, CLAIM], [NEW_LEDE, CONTEXT, DENIAL, VICTIMS]
    assert kinds(align_paragraphs(old, new, rewrites=True))[0] == ("edited", (0,), (0,))


def test_a_one_paragraph_summary_rewritten_is_edited() -> None:
    # a teaser or feed summary: the body's one slot, rewritten around the same subject
    old = ["Harbour council delays the vote on the new ferry terminal."]
    new = ["Fishermen protest outside the council as the terminal plan stalls again."]
    assert kinds(align_paragraphs(old, new)) == [("removed", (0,), ()), ("added", (), (0,))]
    assert kinds(align_paragraphs(old, new, rewrites=True)) == [("edited", (0,), (0,))]
    # nothing in common: still a summary replaced
    other = ["Snow closes mountain passes overnight."]
    assert kinds(align_paragraphs(old, other, rewrites=True)) == [("removed", (0,), ()), ("added", (), (0,))]


def test_a_new_development_in_a_long_story_stays_added_and_removed() -> None:
    # one paragraph swapped for another among kept ones, sharing only a word or two of
    # the story's vocabulary: a real removal and a real addition
    gone = "The council will now meet to agree a list of candidates for the harbour board."
    came = "On Wednesday the council picked a retired judge, Ana Ruiz, to chair the board."
    old, new = [LEDE, CONTEXT, gone, VICTIMS], [LEDE, CONTEXT, came, VICTIMS]
    assert kinds(align_paragraphs(old, new, rewrites=True))[2:4] == [("removed", (2,), ()), ("added", (), (2,))]


def test_figure_gone_from_a_rewritten_lede_is_a_figure_removed() -> None:
    from versioner.flags import flag_texts

    flags = flag_texts("Head\n\n" + REWRITTEN_LEDE + "\n\n" + TOLL, "Head\n\n" + NEW_LEDE + "\n\n" + TOLL)
    assert not [f for f in flags if f.type in ("paragraph-added", "paragraph-removed")], flags
    figures = [(f.severity, f.old_value, f.new_value) for f in flags if f.type == "figure"]
    assert ("high", 17, None) in figures  # "killed 17" gone from the lede (and "Sunday" with it)


def test_inserted_paragraph_is_added_in_place() -> None:
    new = [LEDE, CONTEXT, DENIAL, TOLL, VICTIMS, CLAIM]
    pairings = align_paragraphs(ARTICLE, new)
    assert kinds(pairings) == [
        ("kept", (0,), (0,)),
        ("kept", (1,), (1,)),
        ("added", (), (2,)),
        ("kept", (2,), (3,)),
        ("kept", (3,), (4,)),
        ("kept", (4,), (5,)),
    ]
    assert pairings[2].similarity == 0.0


def test_deleted_paragraph_is_removed_where_it_stood() -> None:
    new = [LEDE, CONTEXT, VICTIMS, CLAIM]
    assert kinds(align_paragraphs(ARTICLE, new)) == [
        ("kept", (0,), (0,)),
        ("kept", (1,), (1,)),
        ("removed", (2,), ()),
        ("kept", (3,), (2,)),
        ("kept", (4,), (3,)),
    ]


def test_deleted_first_and_last_paragraphs_stay_at_the_ends() -> None:
    pairings = align_paragraphs(ARTICLE, ARTICLE[1:4])
    assert kinds(pairings)[0] == ("removed", (0,), ())
    assert kinds(pairings)[-1] == ("removed", (4,), ())


def test_paragraph_moved_down_is_moved_not_removed_and_added() -> None:
    new = [LEDE, TOLL, VICTIMS, CLAIM, CONTEXT]
    pairings = align_paragraphs(ARTICLE, new)
    assert kinds(pairings) == [
        ("kept", (0,), (0,)),
        ("kept", (2,), (1,)),
        ("kept", (3,), (2,)),
        ("kept", (4,), (3,)),
        ("moved", (1,), (4,)),
    ]
    assert pairings[-1].similarity == 1.0 and not pairings[-1].edited


def test_paragraph_moved_and_edited_is_moved_with_edited_flag() -> None:
    new = [VICTIMS.replace("31 civilians", "33 civilians"), LEDE, CONTEXT, TOLL, CLAIM]
    pairings = align_paragraphs(ARTICLE, new)
    assert kinds(pairings)[0] == ("moved", (3,), (0,))
    assert next(p for p in pairings if p.new == (0,)).edited and pairings[0].similarity < 1.0
    assert [p.kind for p in pairings[1:]] == ["kept"] * 4


def test_two_paragraphs_swapped_keep_one_and_move_the_other() -> None:
    new = [LEDE, TOLL, CONTEXT, VICTIMS, CLAIM]
    pairings = align_paragraphs(ARTICLE, new)
    assert sorted(p.kind for p in pairings) == ["kept"] * 4 + ["moved"]
    assert_partition(pairings, 5, 5)


def test_paragraph_split_in_two_is_split() -> None:
    first = "The banned Baloch Liberation Army claimed responsibility for the attacks."
    second = "It said it had launched a coordinated operation across the province."
    old = [LEDE, CLAIM, TOLL]
    pairings = align_paragraphs(old, [LEDE, first, second, TOLL])
    assert kinds(pairings) == [
        ("kept", (0,), (0,)),
        ("split", (1,), (1, 2)),
        ("kept", (2,), (3,)),
    ]
    assert pairings[1].edited


def test_two_paragraphs_merged_into_one_is_merged() -> None:
    merged = TOLL + " " + VICTIMS
    pairings = align_paragraphs(ARTICLE, [LEDE, CONTEXT, merged, CLAIM])
    assert kinds(pairings) == [
        ("kept", (0,), (0,)),
        ("kept", (1,), (1,)),
        ("merged", (2, 3), (2,)),
        ("kept", (4,), (3,)),
    ]
    assert pairings[2].edited and pairings[2].similarity == 1.0


def test_edit_followed_by_an_unrelated_new_paragraph_is_not_a_split() -> None:
    new = [LEDE, CONTEXT, TOLL.replace("92", "95"), DENIAL, VICTIMS, CLAIM]
    assert kinds(align_paragraphs(ARTICLE, new))[2:4] == [("edited", (2,), (2,)), ("added", (), (3,))]


# -- duplicates and edge cases -----------------------------------------------


def test_repeated_paragraphs_pair_in_order() -> None:
    rule = "Read more:"
    old = [LEDE, rule, CONTEXT, rule, TOLL]
    new = [LEDE, rule, CONTEXT, rule, TOLL, rule]
    pairings = align_paragraphs(old, new)
    assert kinds(pairings) == [("kept", (k,), (k,)) for k in range(5)] + [("added", (), (5,))]


def test_dropping_one_of_two_duplicates_removes_one() -> None:
    rule = "Read more:"
    pairings = align_paragraphs([rule, LEDE, rule], [LEDE, rule])
    assert sorted(p.kind for p in pairings) == ["kept", "kept", "removed"]
    assert_partition(pairings, 3, 2)


def test_duplicate_moved_past_the_backbone_is_moved() -> None:
    old = [TOLL, LEDE, CONTEXT, VICTIMS]
    new = [LEDE, CONTEXT, VICTIMS, TOLL, TOLL]
    pairings = align_paragraphs(old, new)
    assert kinds(pairings) == [
        ("kept", (1,), (0,)),
        ("kept", (2,), (1,)),
        ("kept", (3,), (2,)),
        ("moved", (0,), (3,)),
        ("added", (), (4,)),
    ]


def test_empty_old_side_is_all_added() -> None:
    assert kinds(align_paragraphs([], [LEDE, TOLL])) == [("added", (), (0,)), ("added", (), (1,))]


def test_empty_new_side_is_all_removed() -> None:
    assert kinds(align_paragraphs([LEDE, TOLL], [])) == [("removed", (0,), ()), ("removed", (1,), ())]


def test_both_sides_empty_give_nothing() -> None:
    assert align_paragraphs([], []) == ()


def test_paragraphs_without_words_are_removed_and_added_not_paired() -> None:
    assert kinds(align_paragraphs([LEDE, "***"], [LEDE, "---"])) == [
        ("kept", (0,), (0,)),
        ("removed", (1,), ()),
        ("added", (), (1,)),
    ]


def test_similarity_ignores_case_and_punctuation() -> None:
    assert similarity("Officials said, on Sunday.", "officials said on sunday") == 1.0
    assert similarity("", LEDE) == 0.0


@given(st.text(alphabet=st.sampled_from("ab ,.;“”–—…\n\t\xa0\u2003ÉßİΣ'’-"), max_size=40) | st.text(max_size=40))
def test_paragraph_words_are_split_at_every_run_of_punctuation(text: str) -> None:
    # _folded_word_set replaces marks one at a time for speed; the words must be those of the runs
    import re

    from versioner.alignsimilar import PUNCTUATION, _folded_word_set

    runs = re.compile(f"[{re.escape(PUNCTUATION)}]+")
    assert _folded_word_set(text) == frozenset(runs.sub(" ", text.casefold()).split())


# -- scale -------------------------------------------------------------------


def _paragraphs(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"w{k}" for k in range(5000)]
    return [" ".join(rng.choices(vocab, k=rng.randint(8, 30))) + f" p{seed}x{i}." for i in range(n)]


@pytest.fixture(scope="module")
def hundred_thousand() -> list[str]:
    return _paragraphs(100_000, 1)


def test_one_edit_among_100000_paragraphs_is_found(hundred_thousand: list[str]) -> None:
    new = list(hundred_thousand)
    new[54_321] = new[54_321].replace(" ", " extra ", 1)
    pairings = align_paragraphs(hundred_thousand, new)
    assert len(pairings) == 100_000
    changed = [p for p in pairings if p.kind != "kept"]
    assert [(p.kind, p.old, p.new) for p in changed] == [("edited", (54_321,), (54_321,))]


def test_100000_new_paragraphs_against_an_empty_old_side_are_all_added(hundred_thousand: list[str]) -> None:
    pairings = align_paragraphs([], hundred_thousand)
    assert len(pairings) == 100_000 and {p.kind for p in pairings} == {"added"}


@pytest.mark.slow
def test_100000_paragraphs_against_a_short_rewrite_finds_the_survivors(hundred_thousand: list[str]) -> None:
    new = [hundred_thousand[70_000] + " Updated.", "Entirely new paragraph.", hundred_thousand[10]]
    pairings = align_paragraphs(hundred_thousand, new)
    assert_partition(pairings, 100_000, 3)
    found = [(p.kind, p.old, p.new) for p in pairings if p.new]
    assert found == [("moved", (70_000,), (0,)), ("added", (), (1,)), ("kept", (10,), (2,))]
    assert next(p for p in pairings if p.new == (0,)).edited


def test_two_unrelated_long_documents_pair_nothing_by_accident() -> None:
    old, new = _paragraphs(5_000, 3), _paragraphs(5_000, 4)
    pairings = align_paragraphs(old, new)
    assert_partition(pairings, 5_000, 5_000)
    assert {p.kind for p in pairings} == {"added", "removed"}


def test_shuffled_long_document_pairs_every_paragraph() -> None:
    old = _paragraphs(5_000, 5)
    new = list(old)
    random.Random(6).shuffle(new)
    new[10] = new[10] + " more"
    pairings = align_paragraphs(old, new)
    assert_partition(pairings, 5_000, 5_000)
    assert {p.kind for p in pairings} <= {"kept", "moved", "edited"}
    assert sum(p.edited for p in pairings) == 1


def test_timed_out_backbone_still_pairs_every_paragraph() -> None:
    old = _paragraphs(3_000, 8)
    new = old[1500:] + old[:1500]
    pairings = align_paragraphs(old, new, timeout=1e-6)
    assert_partition(pairings, 3_000, 3_000)
    assert {p.kind for p in pairings} <= {"kept", "moved"}


# -- the sequence differ underneath ------------------------------------------


def test_diff_runs_count_items_not_characters() -> None:
    assert diff_runs(["a", "bb", "c"], ["a", "x", "c"]) == [
        ("equal", 1),
        ("delete", 1),
        ("insert", 1),
        ("equal", 1),
    ]


def test_diff_runs_refuse_more_distinct_items_than_the_alphabet() -> None:
    assert diff_runs(range(ALPHABET_SIZE), [-1]) is None
    assert diff_runs(range(ALPHABET_SIZE - 1), [-1]) is not None


@pytest.mark.parametrize("rewrites", [False, True])
@settings(derandomize=True, max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([LEDE, CONTEXT, TOLL, VICTIMS, CLAIM, DENIAL, "Read more:", "x"]), max_size=12),
    st.lists(st.sampled_from([LEDE, CONTEXT, TOLL, VICTIMS, CLAIM, DENIAL, "Read more:", "y"]), max_size=12),
)
def test_every_paragraph_lands_in_exactly_one_pairing(rewrites: bool, old: list[str], new: list[str]) -> None:
    pairings = align_paragraphs(old, new, rewrites=rewrites)
    assert_partition(pairings, len(old), len(new))
    for p in pairings:
        if p.kind == "kept":
            assert old[p.old[0]] == new[p.new[0]]
        assert (p.kind == "added") == (not p.old)
        assert (p.kind == "removed") == (not p.new)
    order = [p.new[0] for p in pairings if p.new]
    assert order == sorted(order)


@pytest.mark.parametrize("n", [10, 40])
def test_result_is_deterministic(n: int) -> None:
    old = _paragraphs(n, 7)
    new = old[::-1]
    assert align_paragraphs(old, new) == align_paragraphs(list(old), list(new))


@settings(derandomize=True, max_examples=500, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=140), st.lists(st.integers(0, 12), max_size=140))
def test_semantic_runs_are_the_same_from_either_engine(a: list[int], b: list[int]) -> None:
    # short diffs use the C++ build's own semantic cleanup, long ones the Python one in chunks
    assert diff_runs(a, b, semantic=True, fast=True) == diff_runs(a, b, semantic=True, fast=False)


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_kept_pairings_are_plain_pairings(i: int, j: int) -> None:
    made, plain = Pairing.kept(i, j), Pairing(PairingKind.KEPT, (i,), (j,), 1.0)
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert vars(made) == vars(plain)


@given(st.lists(st.text(alphabet="ab", max_size=2), max_size=8), st.lists(st.text(alphabet="ab", max_size=2),
                                                                           max_size=8))
def test_first_difference_is_the_plain_first_differing_index(a: list[str], b: list[str]) -> None:
    plain = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    assert first_difference(a, b) == plain == first_difference(tuple(a), tuple(b))


_FEW_WORDS = st.lists(st.sampled_from(["a b c", "a b d", "x y z", "a b c d e f", "p q", "", "a b c d e g"]),
                      max_size=6)


@given(_FEW_WORDS, st.integers(0, 3), st.integers(0, 3), _FEW_WORDS, _FEW_WORDS, st.booleans())
@settings(max_examples=400)
def test_one_paragraph_changed_each_side_pairs_as_the_general_path(
    ends: list[str], head: int, tail: int, mid_old: list[str], mid_new: list[str], rewrites: bool
) -> None:
    # the fast path for common ends around at most one paragraph each side must give
    # exactly what the full matching and assembly give
    from versioner import align

    old = ends[:head] + mid_old[:1] + ends[head:head + tail]
    new = ends[:head] + mid_new[:1] + ends[head:head + tail]
    assert align_paragraphs(old, new, rewrites=rewrites) == align._align(
        old, new, align.EDIT_THRESHOLD, DEFAULT_TIMEOUT, rewrites=rewrites)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60)), max_size=6))
def test_kept_runs_shared_or_not_are_the_pairings_they_stand_for(runs: list[tuple[int, int, int]]) -> None:
    # in any order of calls: the shared pairings grow as runs ask for more
    for i, j, n in runs + [(i, i, n) for i, _, n in runs]:
        assert Pairing.kept_run(i, j, n) == [Pairing.kept(i + k, j + k) for k in range(n)]
        assert Pairing.kept_run(i, j, n) == [Pairing(PairingKind.KEPT, (i + k,), (j + k,), 1.0) for k in range(n)]


@given(st.lists(st.tuples(st.integers(2, 60), st.integers(-2, 2), st.integers(0, 60)), max_size=6))
def test_kept_runs_a_few_paragraphs_apart_are_shared_and_the_pairings_they_stand_for(
    runs: list[tuple[int, int, int]]
) -> None:
    # after a paragraph added, removed or moved, the kept ones stand a paragraph or two apart
    from versioner import pairing

    for i, shift, n in runs:
        run = Pairing.kept_run(i, i + shift, n)
        assert run == [Pairing(PairingKind.KEPT, (i + k,), (i + shift + k,), 1.0) for k in range(n)]
        assert all(a is b for a, b in zip(run, Pairing.kept_run(i, i + shift, n)))
        assert [pairing.KEPT_SHIFTED[shift].one(min(i, i + shift) + k) for k in range(n)] == run
