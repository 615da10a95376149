"""Thousands grouped by points (Dutch) or spaces, and decimals left alone in English
(issue 16). Every text here is invented."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from versioner.figures import extract_figures


def _values(text: str) -> list[float | int]:
    return [f.value for f in extract_figures(text)]


def test_a_dutch_sentence_groups_thousands_with_a_point() -> None:
    assert _values("Volgens de brandweer zijn 12.000 bewoners geëvacueerd.") == [12000]
    assert _values("De schade bedraagt €12.500 volgens de verzekeraar.") == [12500]


def test_two_point_groups_are_thousands_in_any_language() -> None:
    assert _values("Some 1.250.000 people voted.") == [1250000]


def test_an_english_sentence_keeps_its_decimals() -> None:
    assert _values("The euro fell to 1.125 dollars.") == [1.125]
    assert _values("Some 12.000 people fled.") == [12]  # not Dutch: read as written


def test_thousands_grouped_by_a_space_are_one_number() -> None:
    assert _values("About 12 000 people fled.") == [12000]
    assert _values("About 12\u202f000 people fled.") == [12000]
    assert _values("In 2019 200 people died.") == [2019, 200]


@given(st.integers(1, 999), st.integers(1, 99), st.sampled_from(["rose", "fell", "stood"]))
def test_english_decimals_stay_decimals(whole: int, part: int, verb: str) -> None:
    text = f"The rate {verb} to {whole}.{part} percent on Monday, officials said."
    assert _values(text) == [float(f"{whole}.{part}")]


@given(st.integers(1, 999), st.integers(0, 999))
def test_dutch_thousands_read_whole(thousands: int, rest: int) -> None:
    text = f"Volgens de politie zijn er {thousands}.{rest:03d} bezoekers naar de markt gekomen."
    assert _values(text) == [thousands * 1000 + rest]


def test_a_decimal_comma_before_procent_or_a_dutch_scale_is_one_number() -> None:
    assert _values("De werkloosheid steeg naar 4,2 procent.") == [4.2]
    assert _values("Het kabinet trekt €1,5 miljard uit.") == [1_500_000_000]
    assert _values("Rooms 4,5 and 6 were damaged.") == [4, 5, 6]  # a list, not a decimal


def test_a_dutch_noun_phrase_ends_at_its_function_words() -> None:
    assert [f.noun for f in extract_figures("Er kwamen 1.250 bezoekers naar de markt.")] == ["bezoekers"]


def test_a_dutch_sentence_is_known_by_its_common_words() -> None:
    assert _values("De gemeente betaalt de getroffen bewoners €33.500 schadevergoeding.") == [33500]
