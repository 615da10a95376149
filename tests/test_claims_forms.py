"""What a notice claims, read by the general language of corrections (issue 15, claims.py).

Each value form and each thing a notice can name, in several outlets' styles
(wire parentheticals, web footnotes, corrections columns, on-air items) and in
German, French, Spanish and Dutch. Every notice here is invented, modelled on
patterns seen in real notices; none is copied."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from versioner.notices import POSITIONS, Claim, parse_notice


def claims(text: str, position: str = "bottom") -> tuple[Claim, ...]:
    notice = parse_notice(text, position)
    assert notice is not None
    return notice.claims


def one(text: str, position: str = "bottom") -> Claim:
    (c,) = claims(text, position)
    return c


def has(value: str | None, *words: str) -> bool:
    return value is not None and all(w.lower() in value.lower() for w in words)


# -- values -------------------------------------------------------------------

def test_x_not_y_with_units() -> None:
    c = one("Correction: The new quay is 400 metres long, not 300 metres.")
    assert has(c.new_value, "400") and not has(c.new_value, "300")
    assert has(c.old_value, "300")


def test_to_x_from_y_in_a_wire_parenthetical() -> None:
    c = one("(Corrects number of berths to 36 from 63 in paragraph 4)", "top")
    assert (c.new_value, c.old_value) == ("36", "63")
    assert (c.target.paragraph, c.target.subject) == (4, "figure")


def test_x_rather_than_y_in_curly_quotes() -> None:
    c = one("Correction: In a review of the festival we quoted the singer as calling her band “harbour rock”, rather than "
            "“harbor pop” as we had it.")
    assert c.new_value == "harbour rock" and c.old_value == "harbor pop"


def test_is_x_after_a_misspelling_names_both_spellings() -> None:
    c = one("Correction: An earlier version of this article misspelled the surname of a harbour master. "
            "He is Piet Vorst, not Voorst.")
    assert has(c.new_value, "Piet Vorst") and c.old_value == "Voorst"
    assert c.target.subject == "name"


def test_was_x_after_an_incorrect_statement() -> None:
    c = one("An earlier version of this story incorrectly said the regatta was held on Sunday. "
            "It was held on Saturday.")
    assert has(c.old_value, "Sunday") and has(c.new_value, "Saturday")
    assert c.target.subject == "date"


def test_should_have_said_x() -> None:
    c = one('Correction: A column on the tram network should have said "six lines" when it referred to the '
            "routes run by the city.")
    assert c.new_value == "six lines"


def test_incorrectly_said_then_in_fact() -> None:
    c = one("Clarification: An earlier version of this article incorrectly said that the pier was built in 1897. "
            "In fact, it was built in 1879.")
    assert has(c.old_value, "1897") and has(c.new_value, "1879") and not has(c.new_value, "1897")


def test_numbers_written_out() -> None:
    c = one("Correction: The harbour board has eleven members, not twelve.")
    assert has(c.new_value, "eleven") and c.old_value == "twelve"
    assert c.target.subject == "figure"


def test_money_and_a_magnitude_typo() -> None:
    c = one("Correction: The grant for the lock repairs was £2.5m, not £25m, as we reported on Tuesday.")
    assert has(c.new_value, "£2.5m") and c.old_value == "£25m"


def test_percentages_described_as_then_in_fact() -> None:
    c = one("An earlier version of this story gave the turnout in the ward as 61 percent. In fact, it was 16 percent.")
    assert has(c.old_value, "61 percent") and has(c.new_value, "16 percent")


def test_the_right_figure_is_cut_to_the_one_the_wrong_figure_stands_for() -> None:
    c = one("Correction: The survey questioned 300 skippers who had sailed for at least 12 years, not 3,000 as we "
            "said in an article (Salt and sails, 4 May, page 9).")
    assert has(c.new_value, "300") and not has(c.new_value, "12") and c.old_value == "3,000"


def test_a_right_fact_before_the_error_names_the_right_name() -> None:
    c = one("Correction: Vera Lind is chair of the rowing club. An earlier version of this story misidentified her as "
            "Vera Lund.")
    assert (c.new_value, c.old_value) == ("Vera Lind", "Vera Lund")


def test_a_fact_sentence_after_the_error_is_the_right_version() -> None:
    c = one("Correction: A story on the fish market incorrectly said a local band wrote a song about the 1990 flood. "
            "The song refers to the flood of 1909.")
    assert has(c.old_value, "1990") and has(c.new_value, "1909")


def test_two_corrections_in_one_notice() -> None:
    got = claims("Correction: The quay is 400 metres long, not 300 metres. The first ferry leaves at 7 a.m., "
                 "not 9 a.m.")
    values = {(c.new_value, c.old_value) for c in got}
    assert any(has(n, "400") and has(o, "300") for n, o in values)
    assert any(has(n, "7 a.m") and has(o, "9 a.m") for n, o in values)


def test_values_far_from_the_cue_word() -> None:
    c = one("Correction: An earlier version of this story, which was published after a council meeting that "
            "ran late into the night, misstated the length of the new tram line. The line is 14 kilometres long.")
    assert has(c.new_value, "14 kilometres")
    assert c.target.subject == "figure"


def test_attributed_to_the_wrong_person() -> None:
    c = one("An earlier version of this story incorrectly attributed a remark about parking fees to councillor "
            "Ada Brook. It was made by councillor Tom Hale.")
    assert has(c.old_value, "Ada Brook") and has(c.new_value, "Tom Hale")
    assert c.target.subject == "attribution"


def test_a_question_attributed_in_the_passive() -> None:
    c = one("In an earlier version of the transcript, a question asked by Mara Quist was incorrectly attributed "
            "to Olle Brand.")
    assert (c.new_value, c.old_value) == ("Mara Quist", "Olle Brand")


def test_quoted_words_removed_are_the_old_value() -> None:
    got = claims('(Removes words "and later resigned" from paragraph 5)', "top")
    assert any(c.old_value == "and later resigned" for c in got)


def test_a_denial_states_the_right_version() -> None:
    c = one("Correction: Contrary to a listing in Monday's edition, the harbour master Ivo Sand is not retired.")
    assert c.old_value == "retired" and c.new_value == "not retired"
    assert c.target.subject == "negation"


def test_the_clause_before_a_denial_is_the_right_version() -> None:
    c = one("Correction: The skipper Lene Holm sails for the Orlen club; she is not a member of the Vessa club as we "
            "suggested (Into the wind, 2 May, page 30).")
    assert has(c.new_value, "Orlen club") and c.old_value == "a member of the Vessa club"


def test_the_citation_of_the_piece_is_not_a_value_or_a_thing() -> None:
    c = one("Correction: In an article about the regatta (Sails at dawn, Saturday 12 May, page 8) we described the winning "
            "skipper as a retired teacher. She is a retired nurse.")
    assert c.old_value == "a retired teacher" and c.new_value == "a retired nurse"
    assert c.target.subject != "date"


def test_a_state_of_fact_without_an_error_sentence() -> None:
    c = one("Correction: Ben Ostrow is head of sales at Vessa Rail. The story was updated to reflect his role.")
    assert has(c.new_value, "head of sales")
    assert c.target.subject == "title"


# -- things -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "thing"), [
    ("Correction: An earlier version of this story misstated the name of the ferry operator.", "name"),
    ("(Corrects title of harbour master in paragraph 2)", "title"),
    ("An earlier version of this article misstated the date of the regatta.", "date"),
    ("Correction: An earlier version of this story misstated when the bridge was closed.", "date"),
    ("Correction: This story has been corrected to show the number of berths in the marina.", "figure"),
    ("(Corrects spelling of village in paragraph 3)", "spelling"),
    ("(Corrects spelling of mayor's name in paragraph 3)", "name"),
    ("An earlier version of this story gave the wrong age for the oldest rower.", "figure"),
    ("This story has been corrected to fix a quote from the harbour master.", "quote"),
    ("Correction: An earlier version of this story misstated the location of the new stadium.", "place"),
    ("Correction: An earlier version of this story incorrectly described where the ferry ran aground.", "place"),
    ("Correction: A previous version of this article wrongly gave the company that the skipper sails for.",
     "name"),
    ("Correction: An earlier version of this story misidentified Ola Berg as the mayor of Orlen.", "title"),
    ("Correction: An earlier version of this story incorrectly attributed a quote to the harbour master.",
     "attribution"),
    ("Correction: This story has been corrected to note that the skipper did win the race in 2019.", "date"),
    ("Correction: This story has been corrected to note that the ferry did sail that night.", "negation"),
    ("Correction: Fellow rowers elected Ivo Sand captain in 2012. The year was misstated in Friday's editorial.", "date"),
    # a year that only sets the right version in time is not the thing corrected
    ("Correction: Westvale is not a separate borough but a district of Oakfield, whose council has run it "
     "since 1998.", "place"),
    # the thing named by its head noun ("the firm that ..."), though the fact after it gives a role
    ("Correction: An earlier version of this story incorrectly stated the firm that harbour pilot Ann Voss "
     "works for. Voss is a manager at Baxley Marine.", "name"),
])
def test_the_thing_a_notice_names(text: str, thing: str) -> None:
    got = claims(text, "top" if text.startswith("(") else "bottom")
    assert got[0].target.subject == thing


def test_not_y_but_z_stops_the_wrong_value_at_but() -> None:
    c = one("Correction: Westvale is not a separate borough but a district of Oakfield.")
    assert c.old_value == "a separate borough" and has(c.new_value, "district of Oakfield")


def test_a_photo_accompanying_an_article_is_its_caption() -> None:
    c = one("Correction: A photograph accompanying an article on the harbour festival described the boat shown "
            "as a trawler. In fact, it was a ferry.")
    assert c.target.section == "caption" and c.old_value == "a trawler"


def test_the_headline_is_a_part_not_a_thing() -> None:
    c = one("Correction: The headline on an earlier version of this story misstated the number of berths.")
    assert (c.target.section, c.target.subject) == ("headline", "figure")


def test_a_piece_cited_by_its_day_is_not_a_date() -> None:
    c = one("Correction: In last Saturday's magazine we misspelled the skipper's surname as Holn. She is Lene Holm.")
    assert c.target.subject == "name"
    assert c.old_value == "Holn"


# -- other languages ----------------------------------------------------------

def test_german_als_bezeichnet_then_the_fact() -> None:
    c = one('Korrektur: In dem Artikel "Neue Fähre für Halden" vom 3. März wurde die Bürgermeisterin in einer '
            "Bildunterschrift als Vorsitzende des Segelvereins bezeichnet. Dies haben wir korrigiert: "
            "Die Bürgermeisterin ist Mitglied des Segelvereins.")
    assert c.old_value == "Vorsitzende des Segelvereins"
    assert has(c.new_value, "Mitglied des Segelvereins")
    assert c.target.subject == "title"


def test_german_tatsaechlich() -> None:
    c = one("Korrektur: Im Text über den Hafen hieß es, die Stadt betreibe die Fähre. Tatsächlich wird sie von "
            "einer Genossenschaft betrieben.")
    assert has(c.old_value, "die Stadt betreibe die Fähre")
    assert has(c.new_value, "Genossenschaft")


def test_german_the_day_of_a_date_ends_no_sentence() -> None:
    # the right fact first, with a date in it, then what the story said
    c = one("Korrektur: Die Fähre fährt seit dem 3. März ab Orlen. Im Artikel hieß es, sie fahre ab Vessa.")
    assert has(c.old_value, "ab Vessa") and has(c.new_value, "3. März ab Orlen")


@pytest.mark.parametrize("text", [
    "Korrektur: Die Brücke ist 40 Meter lang, nicht 400 Meter.",
    "Rectificatif : le pont mesure 40 mètres, et non 400 mètres.",
    "Corrección: El puente mide 40 metros y no 400 metros.",
    "Correctie: De brug is 40 meter lang en niet 400 meter.",
])
def test_x_not_y_in_other_languages(text: str) -> None:
    c = one(text)
    assert has(c.new_value, "40") and not has(c.new_value, "400")
    assert has(c.old_value, "400")
    assert c.target.subject == "figure"


# -- properties ----------------------------------------------------------------

_PIECES = st.sampled_from([
    "Correction: ", "Clarification: ", "(Corrects ", "An earlier version of this story ", "In fact, ",
    "incorrectly said ", "misspelled ", " as ", ", not ", " rather than ", " to ", " from ", " is ", " was ",
    "should have said ", "attributed ", "“", "”", '"', "'", ". ", "; ", ": ", " ", "Ann Lee", "the name of ",
    "the title of ", "the date of ", "12", "£3.5m", "40 percent", "March 3, 2025", "nicht ", " sondern ",
    " et non ", "Tatsächlich ", " als ", " bezeichnet", "(Title, 3 May, page 2)", ")", "\u00a0", "\n",
])


def _norm(text: str) -> str:
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split()).casefold()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=24).map("".join),
       st.sampled_from(POSITIONS))
# a citation inside a value was once cut out of its middle, joining words never side by side
@example("Correction: Correction: In fact, Correction: (Title, 3 May, page 2)Clarification: ", "top")
def test_reading_never_raises_and_values_come_from_the_notice(text: str, position: str) -> None:
    notice = parse_notice(text, position)
    if notice is None:
        return
    flat = _norm(text)
    for c in notice.claims:
        for value in (c.new_value, c.old_value):
            if value is not None:
                assert value.strip() and _norm(value) in flat, (value, text)


def test_values_are_pieces_of_the_notice_in_every_form_above() -> None:
    texts = [
        "Correction: Vera Lind is chair of the rowing club. An earlier version of this story misidentified her as Vera Lund.",
        "Correction: An earlier version misspelled Dr. Ann Lee's surname as Leigh.",
        "Correction: Contrary to a listing, the harbour master is not retired.",
    ]
    for text in texts:
        for c in claims(text):
            for value in (c.new_value, c.old_value):
                assert value is None or _norm(value) in _norm(text)
                assert value is None or not re.search(r"\(|page \d", value)


def test_a_paragraph_number_before_a_figure_is_not_a_range() -> None:
    c = one("(Corrects number of berths in paragraph 3 to 4,800, not 4,200)", "top")
    assert (c.new_value, c.old_value) == ("4,800", "4,200")
    c = one("Correction: The forecast range is 24 to 75%, not 31 to 67%.")
    assert (c.new_value, c.old_value) == ("24 to 75%", "31 to 67%")


def test_the_wrong_figure_is_the_one_shaped_like_the_right_one() -> None:
    # a range against a range, not the year after it
    c = one("An earlier version of this story incorrectly cited the survey's forecast of harbour silting as "
            "12 to 48% by the year 2090. In fact, it is 18 to 52%.")
    assert has(c.old_value, "12 to 48%") and not has(c.old_value, "2090")
    assert has(c.new_value, "18 to 52%")


def test_a_figure_both_versions_give_is_not_the_value() -> None:
    c = one("An earlier version of this story incorrectly said the regatta was scheduled for Sunday at 9 a.m. "
            "local time. It is scheduled for 9 a.m. local time Saturday.")
    assert has(c.old_value, "Sunday") and has(c.new_value, "Saturday")
    assert c.target.subject == "date"


def test_what_the_story_correctly_said_and_what_an_edit_made_it_say() -> None:
    c = one("Correction: The original version of this story correctly said that 41 skippers signed a letter to "
            "the harbour board over its $3 million dredging plan. At one point, the story was mistakenly changed "
            "to say the letter had 40 signatories. The original figure has been restored.")
    assert has(c.new_value, "41") and not has(c.new_value, "$3")
    assert has(c.old_value, "40 signatories")
    assert c.target.subject == "figure"


@pytest.mark.parametrize("text", [
    "Correction: The new pier is 120 metres long—a span 30 percent, not 30 times, longer than the old one.",
    "Correction: The new pier is 120 metres long – a span 30 percent – not 30 times – longer than the old one.",
])
def test_a_contrast_set_off_by_dashes(text: str) -> None:
    c = one(text)
    assert c.new_value == "30 percent" and c.old_value == "30 times"


def test_the_one_year_before_the_year_was_misstated_is_the_right_one() -> None:
    c = one("Correction: Fellow rowers elected Ivo Sand captain in 2012. The year was misstated in Friday's editorial.")
    assert c.new_value == "2012" and c.target.subject == "date"


def test_a_fact_after_misstated_the_contents_is_the_right_version() -> None:
    c = claims("Correction: This story has been updated to correct errors. The article misstated the contents of "
               "the harbour dredging permit. It did not allow dumping at sea.")[-1]
    assert has(c.new_value, "did not allow dumping at sea")


def test_as_originally_reported_then_failed_to_note_that() -> None:
    c = one("Correction: This story has been updated to correct errors. As originally reported, the harbour had "
            "only two tugboats before 2001, but the story failed to note that they were replaced a total of 7 times.")
    assert has(c.old_value, "two tugboats") and has(c.new_value, "7 times")
    assert c.target.subject == "figure"


@pytest.mark.parametrize(("text", "new", "old"), [
    ("Correction: A previous version of this story incorrectly said that a harbour strike — rather than proposed "
     "fee rises from the port board — would delay ferries to the islands.",
     "proposed fee rises from the port board", "a harbour strike"),
    ("Correction: An earlier version of this story incorrectly said the toll was 50, not 40.", "40", "50"),
])
def test_a_contrast_inside_what_the_story_wrongly_said(text: str, new: str, old: str) -> None:
    # the story said A where B was right
    c = one(text)
    assert (c.new_value, c.old_value) == (new, old)


def test_a_statement_with_its_own_verb_is_what_the_story_said() -> None:
    c = one("Correction: Harbour Watch suggested that the wedding of the two skippers had taken place in 1961. "
            "It was of course two years later.")
    assert has(c.old_value, "1961") and has(c.new_value, "two years later")


def test_a_fact_after_a_long_citation_is_the_right_version() -> None:
    c = one("Correction: An article said incorrectly that the Orlen ferry company had bought its boats from "
            "Vessa Yards in 2004. The boats were bought from Halden Marine (Why the ferries to the islands and the "
            "fjords up north are late again this summer, 3 May, page 12).")
    assert has(c.old_value, "Vessa Yards") and has(c.new_value, "Halden Marine")


def test_a_month_that_says_when_is_not_the_thing() -> None:
    c = one('Correction: A subheading on an article about the harbour said: "Ever more boats are leaving, but why?" '
            "In fact, apart from a dip after the March storms, the number of boats moored has been rising for years.")
    assert c.target.subject == "figure"


def test_what_the_corrected_version_says_is_the_right_version() -> None:
    c = one("Correction: An earlier version of this story indicated that the seals were driven off by fishing in "
            "the fjord. The corrected version reports only that they were driven off before they returned in 2019.")
    assert has(c.old_value, "driven off by fishing")
    assert has(c.new_value, "they were driven off before they returned")


def test_a_part_named_elsewhere_in_a_correction_is_the_claims_part() -> None:
    c = one("Correction: In a report on the regatta, the on-screen caption gave the skipper's home port as Vessa, "
            "Norway. Vessa is in Sweden.")
    assert c.target.section == "caption" and has(c.old_value, "Vessa, Norway")
    # an update of "this story and headline" is about the whole story, and its headline beside it
    u, h = claims("This story and headline have been updated with additional developments.")
    assert u.target.section == "any" and h.target.section == "headline"
