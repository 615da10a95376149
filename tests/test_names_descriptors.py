"""Words that describe people by race or ethnicity, capitalised by house style ("the
first Black mayor", "Korean American veterans"), are no names (issue 16): swapped for
one another, or put in, they change a description, not who or where. The same words as
part of a longer name ("the White House") or as a surname stay names. Invented copy."""

from __future__ import annotations

from versioner.flags import Flag, flag_texts
from versioner.names import descriptor_words

HEAD = "Harbour museum opens a new wing\n"


def _flags(old: str, new: str) -> list[Flag]:
    return list(flag_texts(old, new))


def _named(flags: list[Flag]) -> bool:
    return any(f.type == "name" or "name" in f.facts for f in flags)


def test_one_descriptor_for_another_inside_a_capitalised_phrase_is_no_name_change() -> None:
    old = HEAD + "The wing honours the service of African American RAF crews who flew from Ostra.\n"
    new = HEAD + "The wing honours the service of Black RAF crews who flew from Ostra.\n"
    flags = _flags(old, new)
    assert flags and not _named(flags), flags


def test_a_descriptor_put_in_before_a_common_noun_is_no_name_change() -> None:
    old = HEAD + "Dara Venn, the curator, could become the museum's first woman director, the board said.\n"
    new = HEAD + "Dara Venn, the curator, could become the museum's first Black woman director, the board said.\n"
    flags = _flags(old, new)
    assert flags and not _named(flags), flags


def test_the_same_words_inside_a_longer_name_or_as_a_surname_are_names() -> None:
    old = HEAD + "The plan was backed by the White House on Monday.\n"
    new = HEAD + "The plan was backed by the Kremlin on Monday.\n"
    assert _named(_flags(old, new))
    old = HEAD + "The wing was designed by Ann Lee, and Lee told the board it would open in May.\n"
    new = HEAD + "The wing was designed by Ann Brown, and Brown told the board it would open in May.\n"
    assert _named(_flags(old, new))


def test_descriptor_words_reads_only_a_modifier_after_a_lower_case_word() -> None:
    assert descriptor_words(["Black"], "the first ", " woman to lead") == 1
    assert descriptor_words(["Korean", "American", "NFL"], "of ", " players") == 2
    assert descriptor_words(["White", "House"], "by the ", " on Monday") == 0
    assert descriptor_words(["Brown"], "and ", " told the board") == 0
    assert descriptor_words(["Brown"], "said ", ".") == 0
    assert descriptor_words(["Black"], "", " voters went to the polls") == 0  # opens the text
