"""The name, quote and attribution flags hold on wordings they were not tuned on:
bench/flagvariants.py makes article pairs by editing pattern (a name respelt, replaced,
added or moved; a capital opening a sentence; initials restyled or put right; a title
spelt out; a quote's words changed, cut short, newly marked, restyled, moved; a speaker
changed, a source swapped, a verb of saying restyled...) in many wordings and four
outlet styles (one of them Dutch), each with the flag types an editor expects, set by
the pattern and never read from the flags. Every pattern must stay above its floor on a
small draw."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "flagvariants.py"

# pairs right (every expected flag type found, no forbidden one), per pattern, on PER pairs
# of each from SEEDS. Most patterns score 1.00 on 30 pairs of seeds 1 and 2; the floor
# leaves room for one unlucky draw in a small sample, not for a pattern read wrong
FLOOR = 0.75
# a pattern with a known gap, held where it stands so that it does not slip further
# (none now: Dutch verbs of saying, "meldt de politie", are read as attribution)
FLOORS: dict[str, float] = {}
PER = 6
SEEDS = (11, 12)


@pytest.fixture(scope="module")
def flagvariants() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_flagvariants", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_each_pattern_draws_pairs_that_differ_with_a_fixed_expectation(flagvariants: ModuleType) -> None:
    cases = flagvariants.cases(2, 5)
    assert {c.pattern for c in cases} == set(flagvariants.PATTERNS)
    assert all(c.old != c.new for c in cases)
    for c in cases:
        assert set(c.expect) == set(flagvariants.TYPES) and set(c.expect.values()) <= {"+", "-", "?"}
    assert {c.style for c in cases} == set(flagvariants.STYLES[:2])
    assert [c.new for c in flagvariants.cases(2, 3)] == [c.new for c in flagvariants.cases(2, 3)]
    assert [c.new for c in flagvariants.cases(2, 3)] != [c.new for c in flagvariants.cases(2, 4)]


def test_every_pattern_is_flagged_as_an_editor_would(flagvariants: ModuleType) -> None:
    results = [r for seed in SEEDS for r in flagvariants.run(flagvariants.cases(PER, seed))]
    rows = flagvariants.per_pattern(results)
    low = {p: row["right"] for p, row in rows.items() if row["right"] < FLOORS.get(p, FLOOR)}
    assert not low, flagvariants.report(results, failures=12)
    # a type an editor expects is found in most pairs, and raised in few where forbidden
    for typ, d in flagvariants.per_type(results).items():
        assert d["precision"] >= 0.85 and d["recall"] >= 0.85, (typ, d)
