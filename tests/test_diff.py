"""Word diffs, and the comparison of two parsed revisions."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.diff import (
    Change,
    Comparison,
    Op,
    compare,
    is_whitespace_only,
    new_text,
    old_text,
    tokenize,
    word_diff,
)
from versioner.parse import normalise, parse
from versioner.seqdiff import ALPHABET_SIZE

SEED = (
    Path(__file__).resolve().parents[2] / "shared" / "seeds" / "reuters-balochistan-2026-02-01.corrected.txt"
)
PROPERTY = settings(derandomize=True, max_examples=300, deadline=None)


def changed(ops: tuple[Op, ...]) -> list[tuple[str, str]]:
    return [(op.tag, op.text) for op in ops if op.tag != "equal"]


def assert_well_formed(ops: tuple[Op, ...], old: str, new: str) -> None:
    """The promises of word_diff, for any input."""
    assert old_text(ops) == old
    assert new_text(ops) == new
    assert all(op.text for op in ops)
    pairs = list(pairwise(ops))
    assert all(a.tag != b.tag for a, b in pairs)
    assert all(not (a.tag == "insert" and b.tag == "delete") for a, b in pairs)


def cuts_inside_words(ops: tuple[Op, ...], text: str, side: str) -> list[int]:
    """Op boundaries on one side that fall strictly inside a non-space token."""
    cuts, at = set(), 0
    for op in ops:
        if op.tag != ("insert" if side == "old" else "delete"):
            at += len(op.text)
            cuts.add(at)
    bad, start = [], 0
    for token in tokenize(text):
        end = start + len(token)
        if not token.isspace():
            bad += [k for k in range(start + 1, end) if k in cuts]
        start = end
    return bad


# -- tokens ------------------------------------------------------------------


def test_tokens_split_words_spaces_and_punctuation() -> None:
    tokens = tokenize("Pakistan’s forces, in Balochistan.")
    assert tokens == ["Pakistan’s", " ", "forces", ",", " ", "in", " ", "Balochistan", "."]


def test_numbers_keep_their_separators() -> None:
    assert tokenize("1,200 troops, $1.2 bn") == ["1,200", " ", "troops", ",", " ", "$", "1.2", " ", "bn"]


def test_hyphens_stand_apart_so_an_age_changes_alone() -> None:
    assert tokenize("18-year-old") == ["18", "-", "year", "-", "old"]
    assert changed(word_diff("an 18-year-old man", "a 19-year-old man")) == [
        ("delete", "an 18"),
        ("insert", "a 19"),
    ]


@PROPERTY
@given(st.text(st.characters(blacklist_categories=["Cs"])))
def test_tokens_join_back_to_the_text(text: str) -> None:
    assert "".join(tokenize(text)) == text
    assert all(tokenize(text))


# -- word diff: what a change looks like -------------------------------------


def test_respelt_name_replaces_the_whole_word() -> None:
    ops = word_diff("across Balochistan, the chief minister", "across Baluchistan, the chief minister")
    assert changed(ops) == [("delete", "Balochistan"), ("insert", "Baluchistan")]


def test_changed_figure_replaces_the_whole_number() -> None:
    ops = word_diff("forces killed 145 militants", "forces killed 150 militants")
    assert ops == (
        Op("equal", "forces killed "),
        Op("delete", "145"),
        Op("insert", "150"),
        Op("equal", " militants"),
    )


def test_changed_number_with_separators_is_one_change() -> None:
    assert changed(word_diff("a $1,200 fine", "a $1,500 fine")) == [("delete", "1,200"), ("insert", "1,500")]


def test_added_comma_is_its_own_small_insert() -> None:
    ops = word_diff(
        "the chief minister of Balochistan Sarfaraz Bugti said",
        "the chief minister of Balochistan, Sarfaraz Bugti, said",
    )
    assert changed(ops) == [("insert", ","), ("insert", ",")]


def test_removed_full_stop_is_its_own_small_delete() -> None:
    assert changed(word_diff("He said. They left.", "He said They left.")) == [("delete", ".")]


def test_neighbouring_word_changes_merge_into_one_readable_change() -> None:
    ops = word_diff("killed 145 militants over 40 hours", "killed 150 fighters over 40 hours")
    assert changed(ops) == [("delete", "145 militants"), ("insert", "150 fighters")]


def test_identical_texts_are_one_equal_op() -> None:
    assert word_diff("Same text.", "Same text.") == (Op("equal", "Same text."),)
    assert word_diff("", "") == ()


def test_empty_side_is_one_insert_or_delete() -> None:
    assert word_diff("", "New text.") == (Op("insert", "New text."),)
    assert word_diff("Old text.", "") == (Op("delete", "Old text."),)


def test_whitespace_only_change_is_detected() -> None:
    ops = word_diff("killed  145 militants", "killed 145 militants")
    assert changed(ops) == [("delete", "  "), ("insert", " ")]
    assert is_whitespace_only(ops)
    assert is_whitespace_only(word_diff("killed  145 militants", "killed 145\nmilitants"))


def test_joining_two_words_is_not_whitespace_only() -> None:
    assert not is_whitespace_only(word_diff("clearance operations", "clearanceoperations"))


def test_no_change_is_not_whitespace_only() -> None:
    assert not is_whitespace_only(word_diff("same", "same"))
    assert not is_whitespace_only(())


def test_word_change_is_not_whitespace_only() -> None:
    assert not is_whitespace_only(word_diff("killed 145", "killed 150"))


# -- word diff: limits -------------------------------------------------------


def _random_words(rng: random.Random, n: int, vocab: int) -> str:
    return " ".join(f"w{rng.randrange(vocab)}" for _ in range(n))


def test_tiny_timeout_still_gives_a_correct_diff() -> None:
    rng = random.Random(1)
    old, new = _random_words(rng, 20_000, 50), _random_words(rng, 20_000, 50)
    for fast in (False, True):
        ops = word_diff(old, new, timeout=1e-6, fast=fast)
        assert_well_formed(ops, old, new)


def test_timed_out_multi_line_diff_is_still_correct() -> None:
    rng = random.Random(2)
    old = "\n".join(_random_words(rng, 10, 30) for _ in range(3_000))
    new = "\n".join(_random_words(rng, 10, 30) for _ in range(3_000))
    assert_well_formed(word_diff(old, new, timeout=0.01), old, new)


def test_more_than_60000_distinct_tokens_are_diffed_word_by_word() -> None:
    words = [f"w{k}" for k in range(65_000)]
    old = " ".join(words)
    new = " ".join([*words[:30_000], "changed", *words[30_001:]])
    ops = word_diff(old, new)
    assert_well_formed(ops, old, new)
    assert changed(ops) == [("delete", "w30000"), ("insert", "changed")]


def test_vocabulary_past_the_alphabet_falls_back_to_a_coarser_correct_diff() -> None:
    n = ALPHABET_SIZE // 2 + 1_000  # per side: together, more distinct tokens than characters
    old_line = " ".join(f"a{k}" for k in range(n))
    new_line = " ".join(f"b{k}" for k in range(n))
    old = f"Intro line.\n{old_line}\nSame ending.\n"
    new = f"Intro line.\n{new_line}\nSame ending.\n"
    ops = word_diff(old, new)
    assert_well_formed(ops, old, new)
    assert ops == (
        Op("equal", "Intro line.\n"),
        Op("delete", old_line),
        Op("insert", new_line),
        Op("equal", "\nSame ending.\n"),
    )


def test_long_multi_line_texts_are_diffed_line_by_line_then_word_by_word() -> None:
    lines = [f"Paragraph {k} says something about the province." for k in range(100)]
    old = "\n".join(lines)
    lines[10] = lines[10].replace("something", "little")
    lines[90] = lines[90].replace("province", "provinces")
    new = "\n".join(lines)
    assert changed(word_diff(old, new)) == [
        ("delete", "something"),
        ("insert", "little"),
        ("delete", "province"),
        ("insert", "provinces"),
    ]


@PROPERTY
@given(
    st.lists(
        st.sampled_from(["the", "army", "said", "145", "150", ",", ".", " ", "\n", "’s", "Quetta"]),
        max_size=60,
    ),
    st.data(),
)
def test_fast_engine_gives_the_same_ops(tokens: list[str], data: st.DataObject) -> None:
    old = "".join(tokens)
    new = "".join(data.draw(st.permutations(tokens)))[: data.draw(st.integers(0, len(old)))] + data.draw(
        st.sampled_from(["", " killed 150", "Quetta, ", "."])
    )
    assert word_diff(old, new, fast=True) == word_diff(old, new, fast=False)


# -- word diff: properties ---------------------------------------------------

ANY_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=300)
NEWSY_TEXT = st.lists(
    st.sampled_from(
        [
            "Quetta",
            "killed",
            "145",
            "1,200",
            "militants",
            "’",
            "\u00e9",
            "\U0001f600",
            "\x00",
            ",",
            " ",
            "  ",
            "\n",
            "-",
        ]
    ),
    max_size=80,
).map("".join)


@PROPERTY
@given(ANY_TEXT, ANY_TEXT)
def test_any_two_texts_are_reconstructed_exactly(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert_well_formed(ops, old, new)
    assert not cuts_inside_words(ops, old, "old")
    assert not cuts_inside_words(ops, new, "new")


@PROPERTY
@given(NEWSY_TEXT, st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 12), NEWSY_TEXT), max_size=6))
def test_random_edits_of_one_text_are_reconstructed_exactly(
    text: str, edits: list[tuple[int, int, str]]
) -> None:
    new = text
    for at, cut, insert in edits:
        at = at % (len(new) + 1)
        new = new[:at] + insert + new[at + cut :]
    ops = word_diff(text, new)
    assert_well_formed(ops, text, new)
    assert not cuts_inside_words(ops, text, "old")
    assert not cuts_inside_words(ops, new, "new")


def test_huge_random_vocabulary_is_reconstructed_exactly() -> None:
    rng = random.Random(3)
    alphabet = [chr(c) for c in range(0x20, 0x2FFFF) if not 0xD800 <= c < 0xE000]
    old = " ".join("".join(rng.choices(alphabet, k=rng.randint(1, 6))) for _ in range(70_000))
    words = old.split(" ")
    for k in rng.sample(range(len(words)), 500):
        words[k] = "".join(rng.choices(alphabet, k=3))
    new = " ".join(words)
    assert len(set(tokenize(old)) | set(tokenize(new))) > 60_000
    assert_well_formed(word_diff(old, new), old, new)


# -- comparing revisions -----------------------------------------------------

ARTICLE = """\
# Pakistan says forces killed 145 militants in Balochistan

By Ariba Shahid

KARACHI, Feb 1 (Reuters) – Security forces killed 145 militants over 40 hours, the chief minister said.

The attacks underscore the persistence of insurgents in the resource-rich province.

The military had said 92 militants were killed on Saturday.

He also said 17 law enforcement personnel and 31 civilians were killed in the attacks.

(Reporting by Ariba Shahid; Editing by William Mallard)
"""


def revise(text: str, *edits: tuple[str, str]) -> str:
    for before, after in edits:
        assert before in text
        text = text.replace(before, after)
    return text


def run(old: str, new: str) -> Comparison:
    return compare(parse(normalise(old)), parse(normalise(new)))


def test_identical_revisions_have_no_changes() -> None:
    result = run(ARTICLE, ARTICLE)
    assert result.identical and result.changes == ()
    assert [p.kind for p in result.pairings] == ["kept"] * 4


def test_changed_figure_in_body_is_a_replace_with_word_ops() -> None:
    result = run(ARTICLE, revise(ARTICLE, ("killed 145 militants over", "killed 150 militants over")))
    assert not result.identical
    (change,) = result.changes
    assert (change.section, change.kind, change.paragraph, change.old_paragraph) == ("body", "replace", 1, 1)
    assert changed(change.ops) == [("delete", "145"), ("insert", "150")]
    assert not change.whitespace_only


def test_headline_change_is_its_own_section_without_markdown() -> None:
    result = run(ARTICLE, revise(ARTICLE, ("killed 145 militants in", "killed 145 militants across")))
    (change,) = result.changes
    assert (change.section, change.kind, change.paragraph) == ("headline", "replace", None)
    assert change.old == "Pakistan says forces killed 145 militants in Balochistan"
    assert changed(change.ops) == [("delete", "in"), ("insert", "across")]


def test_new_notice_is_an_insert_and_a_carried_notice_is_no_change() -> None:
    notice = "(Corrects to add missing word in headline)\n"
    first = run(ARTICLE, notice + ARTICLE)
    assert [(c.section, c.kind, c.new, c.paragraph) for c in first.changes] == [
        ("notice", "insert", notice.strip(), 1),
    ]
    carried = run(notice + ARTICLE, notice + revise(ARTICLE, ("92", "95")))
    assert [c.section for c in carried.changes] == ["body"]


def test_notice_moved_from_top_to_bottom_is_no_change() -> None:
    notice = "(Corrects to add missing word in headline)"
    result = run(notice + "\n" + ARTICLE, ARTICLE + "\n" + notice + "\n")
    assert not result.identical
    assert result.changes == ()


def test_byline_and_credits_appear_and_disappear_as_inserts_and_deletes() -> None:
    no_byline = revise(ARTICLE, ("By Ariba Shahid\n\n", ""))
    assert [(c.section, c.kind, c.old) for c in run(ARTICLE, no_byline).changes] == [
        ("byline", "delete", "By Ariba Shahid"),
    ]
    no_credits = revise(ARTICLE, ("\n(Reporting by Ariba Shahid; Editing by William Mallard)\n", ""))
    assert [(c.section, c.kind) for c in run(no_credits, ARTICLE).changes] == [("credits", "insert")]


def test_dateline_change_is_a_replace() -> None:
    result = run(ARTICLE, revise(ARTICLE, ("KARACHI, Feb 1", "QUETTA, Feb 1")))
    assert [(c.section, c.kind, c.old, c.new) for c in result.changes] == [
        ("dateline", "replace", "KARACHI, Feb 1 (Reuters) –", "QUETTA, Feb 1 (Reuters) –"),
    ]


def test_added_and_removed_paragraphs_carry_their_own_numbering() -> None:
    new = revise(
        ARTICLE,
        ("The military had said 92 militants were killed on Saturday.\n\n", ""),
        ("in the attacks.\n", "in the attacks.\n\nIndia denied the assertion on Sunday.\n"),
    )
    result = run(ARTICLE, new)
    assert [(c.kind, c.paragraph, c.old_paragraph, c.old or c.new) for c in result.changes] == [
        ("delete", 3, 3, "The military had said 92 militants were killed on Saturday."),
        ("insert", 4, None, "India denied the assertion on Sunday."),
    ]


def test_moved_paragraph_is_a_move_with_ops_when_edited() -> None:
    moved = revise(
        ARTICLE,
        ("The military had said 92 militants were killed on Saturday.\n\n", ""),
        (
            "in the attacks.\n",
            "in the attacks.\n\nThe military had said 95 militants were killed on Saturday.\n",
        ),
    )
    (change,) = run(ARTICLE, moved).changes
    assert (change.kind, change.paragraph, change.old_paragraph) == ("move", 4, 3)
    assert changed(change.ops) == [("delete", "92"), ("insert", "95")]


def test_merged_paragraphs_are_one_replace_marked_merged() -> None:
    merged = revise(ARTICLE, ("on Saturday.\n\nHe also", "on Saturday. He also"))
    (change,) = run(ARTICLE, merged).changes
    assert (change.kind, change.split_merge, change.paragraph, change.old_paragraph) == (
        "replace",
        "merged",
        3,
        3,
    )
    assert change.old.count("\n") == 1
    assert changed(change.ops) == [("delete", "\n"), ("insert", " ")]


def test_split_paragraph_is_one_replace_marked_split() -> None:
    split = revise(ARTICLE, ("insurgents in the", "insurgents.\n\nThey are in the"))
    (change,) = run(ARTICLE, split).changes
    assert (change.kind, change.split_merge, change.paragraph, change.old_paragraph) == (
        "replace",
        "split",
        2,
        2,
    )
    assert change.new.count("\n") == 1
    assert new_text(change.ops) == change.new and old_text(change.ops) == change.old


def test_whitespace_only_body_change_is_marked() -> None:
    (change,) = run(ARTICLE, revise(ARTICLE, ("92 militants", "92  militants"))).changes
    assert change.whitespace_only


def test_changes_come_in_section_order() -> None:
    new = revise(
        "(Corrects figure in paragraph 2)\n" + ARTICLE,
        ("paragraph 2", "paragraph 1"),
        ("in Balochistan\n", "across Balochistan\n"),
        ("Security forces killed 145", "Security forces killed 150"),
        ("Editing by William Mallard", "Editing by Jane Doe"),
    )
    sections = [c.section for c in run("(Corrects figure in paragraph 2)\n" + ARTICLE, new).changes]
    assert sections == ["headline", "notice", "body", "credits"]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not in this checkout")
def test_real_correction_shows_notice_and_figure() -> None:
    corrected = SEED.read_text(encoding="utf-8")
    earlier = corrected.split("\n", 1)[1].replace("145 militants", "140 militants", 1)
    result = run(earlier, corrected)
    kinds = [(c.section, c.kind) for c in result.changes]
    assert kinds == [("notice", "insert"), ("body", "replace")]
    assert changed(result.changes[1].ops) == [("delete", "140"), ("insert", "145")]


# -- comparing revisions: property -------------------------------------------

SENTENCES = [
    "Security forces killed 145 militants over 40 hours.",
    "The chief minister said on Sunday that operations continue.",
    "Hospitals were placed on emergency footing in some areas.",
    "India denied the assertion, accusing Islamabad of deflecting attention.",
    "The military said 92 militants were killed on Saturday.",
    "Bugti told a press conference in Quetta.",
    "Seventeen personnel and 31 civilians died.",
]
PARAGRAPH = st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3).map(" ".join)


@st.composite
def revision_pairs(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    old = draw(st.lists(PARAGRAPH, max_size=8))
    new = list(old)
    for _ in range(draw(st.integers(0, 5))):
        action = draw(st.sampled_from(["edit", "add", "drop", "move", "split", "merge"]))
        at = draw(st.integers(0, max(len(new) - 1, 0)))
        if action == "add" or not new:
            new.insert(at, draw(PARAGRAPH))
        elif action == "edit":
            new[at] = new[at].replace(draw(st.sampled_from(["145", "Sunday", "said", "."])), "150", 1)
        elif action == "drop":
            del new[at]
        elif action == "move":
            new.insert(draw(st.integers(0, len(new) - 1)), new.pop(at))
        elif action == "split" and ". " in new[at]:
            head, tail = new[at].split(". ", 1)
            new[at : at + 1] = [head + ".", tail]
        elif action == "merge" and at + 1 < len(new):
            new[at : at + 2] = [new[at] + " " + new[at + 1]]
    return old, new


def as_article(paragraphs: list[str]) -> str:
    return "Pakistan says forces killed militants\n\n" + "".join(p + "\n\n" for p in paragraphs)


@PROPERTY
@given(revision_pairs())
def test_every_new_paragraph_is_kept_or_given_by_a_change(pair: tuple[list[str], list[str]]) -> None:
    old_parts, new_parts = parse(normalise(as_article(pair[0]))), parse(normalise(as_article(pair[1])))
    result = compare(old_parts, new_parts)
    olds, news = old_parts.paragraphs, new_parts.paragraphs
    body = {c.paragraph: c for c in result.changes if c.section == "body" and c.kind != "delete"}
    for p in result.pairings:
        if not p.new:
            continue
        if p.kind == "kept":
            assert olds[p.old[0]] == news[p.new[0]]
            assert p.new[0] + 1 not in body
            continue
        change: Change = body[p.new[0] + 1]
        assert change.new == "\n".join(news[j] for j in p.new)
        assert change.old == "\n".join(olds[i] for i in p.old)
        if change.ops:
            assert new_text(change.ops) == change.new and old_text(change.ops) == change.old
    covered = sorted(j for p in result.pairings for j in p.new)
    assert covered == list(range(len(news)))
    deletes = [c for c in result.changes if c.section == "body" and c.kind == "delete"]
    assert sorted(c.paragraph or 0 for c in deletes) == sorted(
        p.old[0] + 1 for p in result.pairings if not p.new
    )


@settings(max_examples=500)
@given(st.text(alphabet="ab1 \n,", max_size=20), st.text(alphabet="ab1 \n,", max_size=20))
def test_whitespace_only_is_the_plain_definition(a: str, b: str) -> None:
    # is_whitespace_only rules diffs out early by counting and sorting changed letters;
    # it must still say exactly: something changed, and the words are the same
    ops = word_diff(a, b)
    assert is_whitespace_only(ops) == (a != b and a.split() == b.split())
