"""The figure flags hold on wordings they were not tuned on: bench/figurevariants.py
makes revision pairs by figure-editing pattern (a count changed, a count without its
number made precise, a figure moved, a score, a word changed beside a figure that
stays, amounts and shares and measures, dates put in, ages, a rewritten lede, a
misspelt unit) in many wordings and four outlet styles (US, British, web, Dutch),
each with the figure flags an editor expects, set by the pattern and never read from
the flags. Every pattern must stay at or above its floor on a small draw."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "figurevariants.py"

# pairs right (exactly the expected figure flags), per pattern, on PER pairs of each of
# SEEDS: every pattern scores 1.00 on 24 pairs of seed 1 and 60 of seed 7; a floor
# below 1 leaves room for a wording the templates may draw that reads another way
FLOORS = {
    "count-changed": 0.95, "vague-changed": 0.95, "figure-moved": 0.95, "score-changed": 0.95,
    "unchanged-beside-edit": 0.95, "money-percent-units": 0.95, "date-added": 0.95, "age": 0.95,
    "date-in-rewrite": 0.9, "lede-rewritten": 0.9, "unit-typo": 0.9,
    # bench/figurevariants_more.py: other wordings and subjects (1.00 on seed 1 and seed 7
    # but family-count, whose Dutch "zijn" before a family is also the verb "are": 0.96/0.98)
    "restyled": 0.95, "family-count": 0.85, "toll-sentence-dropped": 0.95, "moved-across": 0.95,
    "rate-changed": 0.95, "tally-changed": 0.95, "date-changed": 0.95, "amount-changed": 0.95,
    "age-reworded": 0.95, "noun-dropped": 0.95, "schedule-lapsed": 0.95,
}
PER = 12
SEEDS = (21, 22)


@pytest.fixture(scope="module")
def variants() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_figurevariants", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_every_pattern_has_a_floor(variants: ModuleType) -> None:
    assert set(FLOORS) == set(variants.PATTERNS)


def test_each_style_is_drawn_for_each_pattern(variants: ModuleType) -> None:
    drawn = {(c.pattern, c.style) for c in variants.cases(4, 3)}
    for name in variants.PATTERNS:
        styles = {s for p, s in drawn if p == name}
        assert styles >= {"us", "uk", "web"}, name
        assert ("nl" in styles) != (name in variants.ENGLISH_ONLY), name


def test_the_expected_flags_come_from_the_pattern(variants: ModuleType) -> None:
    """A move, a word beside a figure and a typo expect no figure flag; a change one."""
    for c in variants.cases(3, 4):
        if c.pattern in ("figure-moved", "unchanged-beside-edit", "unit-typo", "restyled", "moved-across"):
            assert c.expected == [], c
        elif c.pattern not in ("lede-rewritten", "family-count", "noun-dropped", "schedule-lapsed"):
            assert len(c.expected) == 1, c


@pytest.mark.parametrize("seed", SEEDS)
def test_each_pattern_stays_above_its_floor(variants: ModuleType, seed: int) -> None:
    table = variants.per_pattern(variants.run(variants.cases(PER, seed)))
    low = {name: round(t["right"], 2) for name, t in table.items() if t["right"] < FLOORS[name]}
    assert not low, low
