"""Claims read from corrections-column and web notices (issue 15, second wave).

Every notice here is invented, modelled on patterns seen in real notices."""

from __future__ import annotations

from versioner.notices import Claim, parse_notice


def claims(text: str, position: str = "bottom") -> tuple[Claim, ...]:
    notice = parse_notice(text, position)
    assert notice is not None
    return notice.claims


def test_a_previous_photo_caption_names_the_caption() -> None:
    (c,) = claims("A previous photo caption incorrectly said the bridge opened in 1931. In fact, it opened in 1913.")
    assert c.target.section == "caption"
    (c,) = claims("An earlier version of the story and photo caption misstated the height of the tower.")
    assert c.target.section == "caption"


def test_misnamed_as_gives_the_right_and_the_wrong_name() -> None:
    (c,) = claims("Correction: The cellist Anna Brekke was misnamed as Anne Brekke in our review of the "
                  "festival (3 June, page 12).")
    assert (c.new_value, c.old_value) == ("Anna Brekke", "Anne Brekke")


def test_misspelled_one_name_as_another() -> None:
    (c,) = claims("A previous caption misspelled Lake Varn as Lake Vern.")
    assert (c.new_value, c.old_value) == ("Lake Varn", "Lake Vern")


def test_identified_one_place_as_another_but_a_person_as_a_role_gives_no_new_name() -> None:
    (c,) = claims("An earlier version of this story incorrectly identified the Harrow Canal as the Harlow Canal.")
    assert (c.new_value, c.old_value) == ("Harrow Canal", "the Harlow Canal")
    (c,) = claims("An earlier version of this story misidentified Ines Marlow as the mayor of Orlen.")
    assert c.new_value is None and c.old_value == "the mayor of Orlen"
    assert c.target.subject == "title"


def test_should_read_gives_both_values() -> None:
    (c,) = claims('Correction: In the table on ferry fares, "weekly pass" should read "monthly pass".')
    assert (c.new_value, c.old_value) == ("monthly pass", "weekly pass")


def test_it_has_been_corrected_is_not_a_value() -> None:
    (c,) = claims("The headline on an earlier version of this review incorrectly identified the Harrow Canal "
                  "as the Harlow Canal. It has been corrected here.")
    assert c.new_value == "Harrow Canal"


def test_updated_to_reflect_that_states_the_new_fact() -> None:
    (c,) = claims("Correction: This story has been updated to reflect that the pier was approved by the "
                  "regional council.")
    assert c.new_value is not None and "regional council" in c.new_value


def test_a_thing_misstated_then_the_right_fact_in_the_next_sentence() -> None:
    (c,) = claims("Correction: A previous version of this article misstated the type of boat used in the rescue. "
                  "Coast guard records describe the boat as a rigid inflatable.")
    assert c.old_value is None
    assert c.new_value is not None and "rigid inflatable" in c.new_value
    (c,) = claims("Correction: An earlier version of this story incorrectly stated the number of ferries the "
                  "company runs in Orlen. It runs three ferries there.")
    assert c.old_value is None


def test_the_minister_resigned_on_monday_is_still_a_statement() -> None:
    (c,) = claims("An earlier version of this article incorrectly said the minister resigned on Monday. "
                  "He resigned on Tuesday.")
    assert (c.new_value, c.old_value) == ("Tuesday", "Monday")
