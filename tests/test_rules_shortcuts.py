"""The flag stage's shortcuts give what the slow path gives: a Flag made by its own
__init__ is the dataclass's; a hunk no figure touches gets no figure flags without
reading them; sides of two lengths never differ only in their quotation marks' style."""

from __future__ import annotations

import dataclasses
import inspect

from hypothesis import given, settings
from hypothesis import strategies as st

from versioner import hunkrules
from versioner.diff import word_diff
from versioner.figureedges import edited_figures
from versioner.figureflags import _bracketed_ages, _figure_flags
from versioner.hunk import hunks
from versioner.model import Flag, FlagType, Section, Severity
from versioner.smallfixes import edit_distance

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None)

# the dataclass Flag would be without its own __init__
_Generated = dataclasses.make_dataclass(
    "_Generated", [(f.name, f.type, f) for f in dataclasses.fields(Flag)], frozen=True)

_values = st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=False))


@PROPERTY
@given(st.sampled_from(list(FlagType)), st.sampled_from(list(Severity)), st.sampled_from(list(Section)),
       st.one_of(st.none(), st.integers(1, 9)), st.text(max_size=5), st.text(max_size=5), st.text(max_size=5),
       st.fixed_dictionaries({}, optional={"old_value": _values, "new_value": _values,
                                           "noun": st.one_of(st.none(), st.text(max_size=3)),
                                           "cosmetic": st.booleans(),
                                           "facts": st.lists(st.sampled_from(list(FlagType)), max_size=2).map(tuple)}))
def test_flag_init_sets_the_fields_the_dataclass_would(typ, sev, section, paragraph, old, new, reason, extra):
    mine = Flag(typ, sev, section, paragraph, old, new, reason, **extra)
    theirs = _Generated(typ, sev, section, paragraph, old, new, reason, **extra)
    assert vars(mine) == vars(theirs)
    assert dataclasses.replace(mine) == mine and hash(dataclasses.replace(mine)) == hash(mine)
    assert repr(mine) == repr(theirs).replace("_Generated", "Flag", 1)


def test_flag_init_takes_the_fields_in_order():
    params = list(inspect.signature(Flag.__init__).parameters.values())[1:]
    assert [(p.name, p.default) for p in params] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(Flag)]


_WORDS = ["the", "mayor", "said", "17", "ships", "(45)", "Ann", "Lee", "three", "million", "about", "May", "4",
          "over", "$5", "per cent", "half", "no"]
_text = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=10).map(" ".join)


@PROPERTY
@given(_text, _text)
def test_a_hunk_no_figure_touches_has_no_figure_flags(old, new):
    for h in hunks(word_diff(old, new)):
        ofs, nfs = edited_figures(h, [], [])
        ages = _bracketed_ages(h.old_text, []) | _bracketed_ages(h.new_text, [])
        assert _figure_flags(ofs, nfs, Section.BODY, 1, [], [], (h.old, h.new), ages, (h.old_text, h.new_text)) == []


@PROPERTY
@given(st.text(st.sampled_from("ab \"'“”„«»‘’"), max_size=8), st.text(st.sampled_from("ab \"'“”„«»‘’"), max_size=8))
def test_quote_styles_of_two_lengths_never_read_the_same(a, b):
    if len(a) != len(b):
        assert hunkrules._plain_quotes(a) != hunkrules._plain_quotes(b)


def test_each_quote_mark_is_restyled_as_one_character():
    # what the length test in classify relies on: translating keeps a text's length
    assert all(isinstance(v, int) or len(v) == 1 for v in hunkrules._QUOTE_STYLE.values())


def _distance_by_table(a: str, b: str, limit: int) -> int:  # edit_distance as written before its bound
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[-1], limit)


@PROPERTY
@given(st.text(st.sampled_from("abcde"), max_size=7), st.text(st.sampled_from("abcde"), max_size=7), st.integers(1, 4))
def test_edit_distance_is_the_tables(a, b, limit):
    assert edit_distance(a, b, limit) == _distance_by_table(a, b, limit)


_CITING = st.lists(st.sampled_from(["according", "to", "Σ", "ACCORDING", "the", "İ", "accord", "ing", "ΣΑ",
                                    "Accordingly"]), min_size=1, max_size=6).map(" ".join)
_SOURCE = st.lists(st.sampled_from(["press", "office", "police", "the", "event", "schedule", "three"]),
                   min_size=0, max_size=3).map(" ".join)


@PROPERTY
@given(_CITING, _SOURCE, _SOURCE, st.sampled_from(["", ".", " on Monday.", " said"]))
def test_no_source_replaced_where_a_side_holds_no_according(before, old_source, new_source, after):
    from versioner.attribution import source_replaced
    from versioner.reading import read

    old, new = f"{before} {old_source}{after}", f"{before} {new_source}{after}"
    at = len(before) + 1
    if not (hunkrules._may_cite(read(old)) and hunkrules._may_cite(read(new))):
        assert not source_replaced(old, new, (at, at + len(old_source)), (at, at + len(new_source)))
