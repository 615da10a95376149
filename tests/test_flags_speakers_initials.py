"""Name, quote and attribution flags on patterns bench/flagvariants.py draws in many
wordings (issue 16): a quote cut short, initials opening a sentence, a title-case
headline's first word, a quote given to another speaker the story names, a speaker
described or retitled, a title spelt out. Every text here is invented."""

from __future__ import annotations

from versioner.flags import Flag, flag_texts

HEAD = "Warehouse fire in Brell kills three\nBRELL, May 3 (Meridian) – A fire destroyed a warehouse on Sunday.\n"
PEOPLE = "Harbour Master Ines Dalgaard and Fire Chief Tomas Rekke were at the scene.\n"


def _body(old_para: str, new_para: str, before: str = "") -> list[Flag]:
    return list(flag_texts(HEAD + before + old_para + "\n", HEAD + before + new_para + "\n"))


def _types(flags: list[Flag]) -> set[str]:
    return {f.type for f in flags} | {t for f in flags for t in f.facts}


# -- quotes ---------------------------------------------------------------------


def test_a_quote_cut_short_that_still_opens_its_sentence_is_a_quote_change() -> None:
    # the words cut are the speaker's, and told nowhere else: no reported speech
    flags = _body("“Our crews will keep working until everyone is found,” Rekke said.",
                  "“Our crews will keep working until everyone,” Rekke said.")
    assert "quote" in _types(flags), flags


def test_a_second_sentence_dropped_from_a_quote_is_a_quote_change() -> None:
    flags = _body("“We will rebuild every home. It is heartbreaking,” said Rekke.",
                  "“We will rebuild every home,” said Rekke.")
    assert "quote" in _types(flags) and "attribution" not in _types(flags), flags


# -- initials and capitals --------------------------------------------------------


def test_initials_opening_a_sentence_put_right_are_a_name_change() -> None:
    # "US" opening a sentence is no "us"; "US" -> "UK" is no one-letter typo
    for old, new in (("US", "UK"), ("EU", "UN")):
        flags = _body(f"{old} officials were sent to Brell on Monday.", f"{new} officials were sent to Brell on Monday.")
        assert "name" in _types(flags), (old, new, flags)
        assert not any("typo" == f.type or "spelling" in f.reason for f in flags), flags


def test_the_first_word_of_a_title_case_headline_replaced_names_no_one() -> None:
    body = "BRELL, May 3 (Meridian) – A fire destroyed a warehouse on Sunday.\n"
    flags = list(flag_texts("Explosion Hits Brell Chemical Plant\n" + body, "Blast Hits Brell Chemical Plant\n" + body))
    assert flags and "name" not in _types(flags), flags


# -- speakers -----------------------------------------------------------------------


def test_a_quote_given_to_another_speaker_the_story_names_is_attribution() -> None:
    # both named before: their names stand, but the words are now someone else's
    flags = _body("“We will rebuild every home,” Dalgaard said.", "“We will rebuild every home,” Rekke said.", PEOPLE)
    assert "attribution" in _types(flags), flags


def test_a_country_and_its_capital_speaking_are_one_speaker() -> None:
    # names judged as names are: the same government, one speaker
    flags = _body("The jet was hit by a missile, and Iran said it had used a drone too.",
                  "The jet was hit by a missile, and Tehran said it had used a drone too.")
    assert "attribution" not in _types(flags), flags


def test_a_speaker_described_in_an_aside_is_the_same_speaker() -> None:
    for aside in (", who leads the rescue effort,", ", speaking at a news conference,"):
        flags = _body("Rekke said more help was on the way.", f"Rekke{aside} said more help was on the way.", PEOPLE)
        assert "attribution" not in _types(flags), (aside, flags)


def test_a_title_reordered_round_the_speaker_is_the_same_speaker() -> None:
    flags = _body("Fire Chief Tomas Rekke said the cause was not yet known.",
                  "Tomas Rekke, the fire chief, said the cause was not yet known.")
    assert "attribution" not in _types(flags) and "name" not in _types(flags), flags


def test_a_title_spelt_out_is_no_name_change() -> None:
    for old, new in (("Lt.", "Lieutenant"), ("Sergeant", "Sgt."), ("Doctor", "Dr.")):
        flags = _body(f"{old} Ines Dalgaard said the cause was not yet known.",
                      f"{new} Ines Dalgaard said the cause was not yet known.")
        assert "name" not in _types(flags), (old, new, flags)


def test_initials_for_other_initials_are_no_typo_where_both_are_named() -> None:
    # both named elsewhere, so no name flag need come: still no one-letter fix of "us"
    before = "Aid came from the US and the UK.\n"
    flags = _body("The team met US officials in Brell.", "The team met UK officials in Brell.", before)
    assert flags and not any(f.type == "typo" for f in flags), flags


def test_a_month_cut_short_is_a_date_word_to_moves() -> None:
    # moves reads the weekdays and months as reading and claims write them
    from versioner.moves import _dates

    assert _dates("met on Sept. 5 and again on Oct. 2") == ("sept", "oct")
    assert _dates("on Tuesday, March 3") == ("tuesday", "march")


def test_a_claim_put_before_its_source_keeps_the_source() -> None:
    # "Local authorities said more than ..." -> "More than ..., local authorities said": the
    # capital of "More" opens the sentence, no name put where the moved words stood
    flags = _body("The board will open an inquiry. Local authorities said more than 40 crews were there.",
                  "The board will open an inquiry. More than 40 crews were there, local authorities said.")
    assert "attribution" not in _types(flags), flags


def test_dutch_initials_spelt_out_are_the_same_body() -> None:
    # "Ook de EU" opens a Dutch sentence: its capital "Ook" is the sentence's, and "EU" is
    # no ordinary word that would make "Ook de EU" one name
    head = "Brand in loods Brell\nBij een brand in een loods in Brell zijn zondag drie mensen omgekomen, meldt de politie.\n"
    flags = list(flag_texts(head + "Ook de EU stuurt hulp naar Brell.\n", head + "Ook de Europese Unie stuurt hulp naar Brell.\n"))
    assert "name" not in _types(flags), flags


def test_a_sentence_put_in_that_opens_with_a_new_persons_name_names_them() -> None:
    # as a sentence whose name stands later in it does ("A neighbour, Ann Lee, ...")
    for line in ("Karin Osei, a teacher from Brell, drove the injured to hospital.",
                 "A neighbour, Karin Osei, drove the injured to hospital."):
        flags = _body("Roads were closed.", f"Roads were closed. {line}")
        assert "name" in _types(flags), (line, flags)
    # a place put in beside words that all stand is still a detail
    flags = _body("Roads were closed.", "Roads in Dunmore were closed.")
    assert "name" not in _types(flags), flags


def test_a_place_put_for_another_the_story_names_too_is_a_name_change() -> None:
    # both places stand elsewhere (a dateline, a body's name), but where it happened changed
    before = "Dunmore Energy runs the site.\n"
    flags = _body("A second fire broke out in Brell on Monday.", "A second fire broke out in Dunmore on Monday.", before)
    assert "name" in _types(flags), flags
