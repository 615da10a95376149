"""Speed-ups in comparing two revisions up to the word diff (issue 16) give what the
plain computation gives: property tests against the plain way each one replaces."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import align, alignsimilar, diff, pairing, seqdiff
from versioner.diff import DELETE, EQUAL, INSERT, Op
from versioner.model import PairingKind, Section
from versioner.pairing import Pairing

_PIECES = st.lists(st.sampled_from(["Ann", "Lee", " ", "  ", "\n", ", ", ".", "said", "17", "ß", "ss", "’", "\xa0",
                                    "x"]), max_size=12).map("".join)


def _plain_boundary_back_off(old: str, new: str, k: int) -> int:
    # the cut asked of both texts at every step, as before
    for cut in range(k, max(k - diff._BACKOFF_LIMIT, 0), -1):
        if diff._boundary(old, cut) and diff._boundary(new, cut):
            return cut
    return 0


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_PIECES, _PIECES, _PIECES, _PIECES)
def test_a_cut_backed_off_asking_both_texts_only_at_the_shared_length_is_the_plain_cut(
        shared: str, old: str, new: str, end: str) -> None:
    a, b = shared + old + end, shared + new + end
    p = align.shared_start(a, b)
    assert diff._back_off(a, b, p) == _plain_boundary_back_off(a, b, p)
    limit = min(len(a), len(b)) - p
    s = align.shared_end(a, b, limit)
    assert s == next((k for k in range(limit) if a[-1 - k] != b[-1 - k]), limit)
    assert diff._back_off(a[::-1], b[::-1], s) == _plain_boundary_back_off(a[::-1], b[::-1], s)
    assert diff._back_off_end(a, b, s) == _plain_boundary_back_off(a[::-1], b[::-1], s)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_PIECES, _PIECES, st.integers(0, 60))
def test_a_shared_end_backed_off_in_place_is_the_cut_of_the_texts_reversed(a: str, b: str, k: int) -> None:
    k = min(k, len(a), len(b))
    assert diff._back_off_end(a, b, k) == diff._back_off(a[::-1], b[::-1], k)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_PIECES, _PIECES)
def test_a_shared_start_halved_with_one_slice_a_step_is_the_plain_one(a: str, b: str) -> None:
    plain = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    assert align.shared_start(a, b) == plain
    assert align.shared_start(a + b, a + a) == len(a) + align.shared_start(b, a)


_PARAS = st.lists(st.sampled_from(["p", "q", "r", "s"]), max_size=7)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_PARAS, _PARAS)
def test_common_ends_read_from_the_end_in_place_are_those_of_reversed_copies(old: list[str], new: list[str]) -> None:
    head = align.first_difference(old, new)
    tail = align.first_difference(old[::-1], new[::-1])
    assert align._common_ends(old, new) == (head, min(tail, min(len(old), len(new)) - head))


_LONG_PARAS = st.lists(st.sampled_from(["pp", "qq", "rr"]), min_size=40, max_size=140)


def _fresh(items: list[str], which: list[bool]) -> list[str]:
    """The same strings, some of them new objects with the same text (a paragraph the
    parse's memo did not share)."""
    return [("%s" % "".join(list(t))) if fresh else t for t, fresh in zip(items, which * len(items))]


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_LONG_PARAS, _LONG_PARAS, st.lists(st.booleans(), min_size=1, max_size=5), st.integers(0, 200),
       st.sampled_from(["tuples", "lists", "mixed"]))
def test_common_ends_found_by_halving_are_those_found_item_by_item(
        old: list[str], tail: list[str], which: list[bool], cut: int, kinds: str) -> None:
    # long texts sharing a start and an end, most paragraph objects shared, some only equal
    cut %= len(old) + 1
    new = _fresh(old[:cut] + tail[:3] + old[cut + 2 :], which)
    a: list[str] | tuple[str, ...] = tuple(old) if kinds != "lists" else old
    b: list[str] | tuple[str, ...] = tuple(new) if kinds == "tuples" else new
    head = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    assert pairing.shared_head(a, b) == head
    for limit in {min(len(a), len(b)) - head, min(len(a), len(b)), 0, min(len(a), len(b), 50)}:
        end = next((k for k, (x, y) in enumerate(zip(a[::-1], b[::-1])) if x != y), min(len(a), len(b)))
        assert pairing.shared_tail(a, b, limit) == min(end, limit)
    shorter = min(len(a), len(b))
    assert align._common_ends(a, b) == (head, 0 if head == shorter else min(end, shorter - head))


def _plain_normalise(ops: list[Op]) -> tuple[Op, ...]:
    # the merge as it was written over ops
    out: list[Op] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        if deleted:
            out.append(Op(DELETE, "".join(deleted)))
        if inserted:
            out.append(Op(INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op in ops:
        if not op.text:
            continue
        if op.tag == EQUAL:
            flush()
            if out and out[-1].tag == EQUAL:
                out[-1] = Op(EQUAL, out[-1].text + op.text)
            else:
                out.append(op)
        else:
            (deleted if op.tag == DELETE else inserted).append(op.text)
    flush()
    return tuple(out)


_STEPS = st.lists(st.tuples(st.sampled_from([EQUAL, INSERT, DELETE]), st.sampled_from(["", "a", "b ", ","])),
                  max_size=10)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_STEPS)
def test_steps_merged_before_any_op_is_made_give_the_ops_merged_one_by_one(steps: list[tuple[str, str]]) -> None:
    assert diff._normalise(steps) == _plain_normalise([Op(tag, text) for tag, text in steps])


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("=-+"), st.integers(0, 3)), max_size=8))
def test_the_engines_counts_read_straight_into_runs_are_the_runs_read_through_its_ops(
        counts: list[tuple[str, int]]) -> None:
    assert seqdiff._runs_of_counts(counts) == seqdiff._runs((seqdiff._FAST_OPS[op], n) for op, n in counts)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from("abcdefghij"), max_size=12), st.integers(0, 11), st.integers(0, 11))
def test_one_paragraph_moved_taken_in_slices_of_kept_pairings_is_what_the_full_alignment_gives(
        paras: list[str], take: int, put: int) -> None:
    old = list(paras)
    new = list(paras)
    if new:
        new.insert(min(put, len(new) - 1), new.pop(min(take, len(new) - 1)))
    head, tail = align._common_ends(old, new)
    moved = align._moved_only(old, new, head, tail)
    if moved is not None:
        assert moved == align._align(old, new, align.EDIT_THRESHOLD, 0.0, (head, tail))
    assert align.align_paragraphs(old, new) == align._align(old, new, align.EDIT_THRESHOLD, 0.0)


_PARAGRAPH = st.sampled_from(["Ann met Bo.", "Ann met Bo today.", "Cy left.", "Cy left town.", "Di won 5.",
                              "Di won 6.", "Ed said no.", "Fay ran home quickly.", ""])


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.lists(_PARAGRAPH, max_size=10), st.lists(_PARAGRAPH, max_size=10), st.booleans())
def test_changes_listed_past_the_shared_ends_are_those_of_every_pairing(
        old: list[str], new: list[str], rewrites: bool) -> None:
    pairings, ends = align.aligned(old, new, timeout=0.0, rewrites=rewrites)
    assert pairings == align.align_paragraphs(old, new, timeout=0.0, rewrites=rewrites)
    head, tail = ends
    assert pairings[:head] == tuple(Pairing(PairingKind.KEPT, (k,), (k,), 1.0) for k in range(head))
    end_old, end_new = len(old) - tail, len(new) - tail
    assert pairings[len(pairings) - tail:] == tuple(
        Pairing(PairingKind.KEPT, (end_old + k,), (end_new + k,), 1.0) for k in range(tail))
    body = Section.BODY
    assert (diff._list_changes(body, old, new, pairings, 0.0, ends)
            == diff._list_changes(body, old, new, pairings, 0.0))


def _match_similar_counting_each_time(old: list[str], new: list[str], threshold: float) -> list[object]:
    """``alignsimilar._match_similar`` over every pair as it read before: each split or merge
    counting the words its neighbour shares with the whole again."""
    wo = {i: alignsimilar._folded_word_set(t) for i, t in enumerate(old)}.__getitem__
    wn = {j: alignsimilar._folded_word_set(t) for j, t in enumerate(new)}.__getitem__
    open_old, open_new = set(range(len(old))), set(range(len(new)))
    found: dict[object, tuple[str, float]] = {}
    for i in range(len(old)):
        for j in range(len(new)):
            whole, part = wo(i), wn(j)
            common = len(whole & part)
            if not common:
                continue
            score = alignsimilar._score(common, len(whole), len(part))
            if score >= threshold:
                found[(i,), (j,)] = ("similar", score)
            if common >= alignsimilar.PART_CONTAINMENT * len(part):
                for j2 in (j - 1, j + 1):
                    key = ((i,), (min(j, j2), max(j, j2)))
                    if j2 in open_new and key not in found and (
                            joint := alignsimilar._split_score(whole, part, wn(j2), score, threshold)):
                        found[key] = ("split", joint)
            if common >= alignsimilar.PART_CONTAINMENT * len(whole):
                for i2 in (i - 1, i + 1):
                    key = ((min(i, i2), max(i, i2)), (j,))
                    if i2 in open_old and key not in found and (
                            joint := alignsimilar._split_score(part, whole, wo(i2), score, threshold)):
                        found[key] = ("merged", joint)
    ranked = sorted(found.items(), key=lambda kv: (-kv[1][1], len(kv[0][0]) + len(kv[0][1]), kv[0]))  # type: ignore[index]
    groups = []
    for (olds, news), (kind, score) in ranked:  # type: ignore[misc]
        if all(i in open_old for i in olds) and all(j in open_new for j in news):
            open_old.difference_update(olds)
            open_new.difference_update(news)
            groups.append(alignsimilar._Group(kind, olds, news, score))  # type: ignore[arg-type]
    return groups


_SPLIT_WORDS = st.lists(st.sampled_from("ann bo cy di ed fay gus hal ivy jo".split()), max_size=9).map(" ".join)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(st.lists(_SPLIT_WORDS, max_size=5), st.lists(_SPLIT_WORDS, max_size=5), st.sampled_from([0.3, 0.5, 0.7]))
def test_similar_splits_and_merges_reading_the_shared_words_counted_once_are_those_counted_each_time(
        old: list[str], new: list[str], threshold: float) -> None:
    got = alignsimilar._match_similar(old, new, list(range(len(old))), list(range(len(new))), [], [], threshold)
    assert got == _match_similar_counting_each_time(old, new, threshold)


@settings(derandomize=True, max_examples=1500, deadline=None)
@given(_PIECES, _PIECES, _PIECES, _PIECES)
def test_two_word_sets_read_from_the_text_both_share_once_are_each_read_whole(
        start: str, old: str, new: str, end: str) -> None:
    a, b = start + old + end, start + new + end
    assert alignsimilar._word_sets(a, b) == (alignsimilar._folded_word_set(a), alignsimilar._folded_word_set(b))
    assert alignsimilar._word_sets(old, new) == (alignsimilar._folded_word_set(old),
                                                 alignsimilar._folded_word_set(new))


@settings(derandomize=True, max_examples=500, deadline=None)
@given(_PIECES, _PIECES, _PIECES)
def test_the_cut_remembered_for_a_pair_is_the_cut_found_again(start: str, old: str, new: str) -> None:
    a, b = start + old, start + new
    for _ in range(2):  # found, then remembered
        p = alignsimilar.shared_start(a, b)
        assert alignsimilar.common_cut(a, b) == (p, alignsimilar.shared_end(a, b, min(len(a), len(b)) - p))


_REWORDED = st.lists(st.sampled_from(["Ann met Bo at home.", "Ann saw Bo at home.", "Cy left town early.",
                                      "Cy quit town early.", "Di won 5 of 6.", "Di won 6 of 6.", "Ed said no."]),
                     min_size=1, max_size=6)


@settings(derandomize=True, max_examples=1000, deadline=None)
@given(_REWORDED, _REWORDED, st.sampled_from([0.3, 0.5, 0.7]))
def test_as_many_old_as_new_paragraphs_read_in_pairs_match_as_read_one_by_one(
        old: list[str], new: list[str], threshold: float) -> None:
    n = min(len(old), len(new))
    old, new = old[:n], new[:n]  # as many a side: their words read two at a time
    got = alignsimilar._match_similar(old, new, list(range(n)), list(range(n)), [], [], threshold)
    assert got == _match_similar_counting_each_time(old, new, threshold)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.sampled_from(list(Section)), st.sampled_from(list(diff.ChangeKind)), st.text(max_size=8),
       st.text(max_size=8), st.none() | st.integers(1, 9), st.none() | st.integers(1, 9), st.booleans(),
       st.none() | st.sampled_from([PairingKind.SPLIT, PairingKind.MERGED]))
def test_a_change_made_without_the_frozen_init_is_the_change_the_init_makes(
        section: Section, kind: diff.ChangeKind, old: str, new: str, where: int | None, was: int | None,
        whitespace_only: bool, split_merge: PairingKind | None) -> None:
    from dataclasses import asdict, fields, replace

    ops = (Op(EQUAL, old),) if old else ()
    fast = diff._change(section, kind, old, new, where, was, ops, whitespace_only, split_merge)
    plain = diff.Change(section, kind, old, new, where, was, ops, whitespace_only, split_merge)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert asdict(fast) == asdict(plain) and replace(fast, new="x") == replace(plain, new="x")
    assert [getattr(fast, f.name) for f in fields(fast)] == [getattr(plain, f.name) for f in fields(plain)]
    assert diff._change(section, kind, old, new, where, was) == diff.Change(section, kind, old, new, where, was)
