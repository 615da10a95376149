"""The notice reader: one vocabulary decides what a notice is, wherever the outlet
puts it, in any capitalisation and in five languages; prose about corrections is
not a notice; and the parser never drops a character of the article.

Every fixture here is invented, written in the patterns of real newsroom copy.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.model import NoticeKind
from versioner.notices import (
    VOCABULARY,
    is_notice,
    is_notice_slug,
    parse_notice,
    slug_notice,
    split_headline_slug,
)
from versioner.parse import Parts, normalise, parse

BODY = ["HALDEN - The town council voted on Tuesday to approve a new ferry timetable.",
        "The plan adds two crossings on weekdays, the mayor said.",
        "The timetable takes effect in June."]


def parsed(text: str) -> Parts:
    norm = normalise(text)
    parts = parse(norm)
    assert parts.text() == norm  # lossless, always
    return parts


def notice_texts(parts: Parts) -> list[str]:
    return [p.raw for p in parts.notices]


def body(parts: Parts) -> list[str]:
    return list(parts.paragraphs)


# -- positions and styles -----------------------------------------------------------


def test_lower_case_wire_parenthetical_first_is_a_notice_not_the_headline() -> None:
    parts = parsed("(corrects title of finance minister in paragraph 3)\nMinister unveils budget\n"
                   "By Ana Ruiz\n" + "\n".join(BODY))
    assert notice_texts(parts) == ["(corrects title of finance minister in paragraph 3)"]
    assert parts.headline == "Minister unveils budget"
    assert parts.first("byline") is not None and parts.first("byline").raw == "By Ana Ruiz"  # type: ignore[union-attr]
    assert parts.notices[0].position == "top"


@pytest.mark.parametrize("line", [
    "Update: The council later said the plan would be reviewed in July.",
    "UPDATE, Jan 5, 9:10 a.m.: The ferry operator confirmed the new times.",
    "Editor's note: This story has been updated with comment from the operator.",
    "Updated 3:40 p.m.: Adds comment from the mayor.",
])
def test_a_notice_paragraph_at_the_top_of_the_body(line: str) -> None:
    parts = parsed("\n".join(["Council approves ferry timetable", line, *BODY]))
    assert parts.headline == "Council approves ferry timetable"
    assert notice_texts(parts) == [line]
    assert parts.notices[0].position == "top"
    assert body(parts)[-1] == BODY[-1]


def test_a_notice_after_the_byline() -> None:
    parts = parsed("\n".join(["Council approves ferry timetable", "By Ana Ruiz",
                              "(Adds comment from operator in paragraph 4)", *BODY]))
    assert notice_texts(parts) == ["(Adds comment from operator in paragraph 4)"]
    assert parts.first("byline") is not None


def test_a_notice_before_the_headline() -> None:
    parts = parsed("\n".join(["Clarification: An earlier version misstated the day of the vote.",
                              "Council approves ferry timetable", *BODY]))
    assert parts.headline == "Council approves ferry timetable"
    assert parts.notices[0].position == "top"


def test_a_dated_label_and_its_text_are_one_notice_and_the_date_is_no_claim() -> None:
    parts = parsed("\n".join(["Council approves ferry timetable", *BODY, "Correction: March 3, 2025",
                              "An earlier version of this story misstated the number of crossings. "
                              "It is two, not three."]))
    assert len(parts.notices) == 1
    assert parts.notices[0].raw.startswith("Correction: March 3, 2025\nAn earlier")
    notice = parse_notice(parts.notices[0].text, "bottom")
    assert notice is not None and notice.kind == NoticeKind.CORRECTION
    values = {v for c in notice.claims for v in (c.old_value, c.new_value) if v}
    assert not any("March" in v or "2025" in v for v in values)
    assert body(parts) == BODY


def test_a_dated_label_at_the_top_takes_the_paragraph_after_it() -> None:
    parts = parsed("\n".join(["Council approves ferry timetable", "Update, June 2:",
                              "The operator has since added a third crossing.", *BODY]))
    assert len(parts.notices) == 1 and parts.notices[0].position == "top"
    assert body(parts) == BODY


def test_a_corrections_column_heading_takes_its_text() -> None:
    parts = parsed("\n".join(["Council approves ferry timetable", *BODY, "Correction: Ferry timetable",
                              "A report on the council vote gave the wrong month for the new timetable.",
                              "It takes effect in June."]))
    assert len(parts.notices) == 1
    assert body(parts) == BODY


@pytest.mark.parametrize("order", ["notice-first", "credits-first"])
def test_bottom_notices_before_or_after_the_credits(order: str) -> None:
    notice = "This story has been corrected to show the vote was on Tuesday, not Monday."
    credits = "Jan Berg contributed to this report."
    tail = [notice, credits] if order == "notice-first" else [credits, notice]
    parts = parsed("\n".join(["Council approves ferry timetable", *BODY, *tail]))
    assert notice_texts(parts) == [notice]
    assert [p.raw for p in parts.of("credits")] == [credits]
    assert body(parts) == BODY


def test_a_parenthetical_closing_a_paragraph_is_split_off_without_losing_text() -> None:
    para = "Flooding cut off the village of Orlen on Sunday. (corrects spelling of village in paragraph two)"
    parts = parsed("\n".join(["Floods cut off village", BODY[0], para, BODY[2]]))
    assert notice_texts(parts) == ["(corrects spelling of village in paragraph two)"]
    assert "Flooding cut off the village of Orlen on Sunday." in body(parts)


def test_a_labelled_notice_ending_in_a_parenthetical_is_one_notice() -> None:
    # the parenthesis says why the labelled line corrects: one notice, read as a whole
    line = ("CORRECTION: Ferry delayed at a pier near the harbour master's home in Vessa. "
            "(Corrects earlier post that said the ferry was stuck at the harbour master's home.)")
    parts = parsed("\n".join(["Ferry delayed in Vessa", line, *BODY]))
    assert notice_texts(parts) == [line]
    (c,) = parse_notice(line, "top").claims  # type: ignore[union-attr]
    assert c.new_value is not None and c.new_value.startswith("Ferry delayed")
    assert c.old_value == "the ferry was stuck at the harbour master's home"


def test_a_footnote_glued_to_the_line_before_is_split_and_read() -> None:
    glued = ("This story has been updated with additional information.Correction: A previous version of "
             "this story misstated the number of crossings.")
    parts = parsed("\n".join(["Council approves ferry timetable", *BODY, glued]))
    assert notice_texts(parts) == ["This story has been updated with additional information.",
                                   "Correction: A previous version of this story misstated the number of crossings."]
    assert [p.gap for p in parts.notices] == ["\n", ""]


@pytest.mark.parametrize("line", [
    "This headline and story have been updated with additional developments.",
    "The story has been updated with additional developments.",
])
def test_an_update_footnote_naming_the_story_or_headline_is_a_notice(line: str) -> None:
    # a footnote line of its own, at the foot of the story: a notice, though "the story" opens it
    parts = parsed("\n".join(["Council approves ferry timetable", *BODY, line]))
    assert notice_texts(parts) == [line]
    notice = parse_notice(line, "bottom")
    assert notice is not None and notice.kind == NoticeKind.UPDATE


def test_a_footnote_printed_twice_is_read_once() -> None:
    from versioner.audit import new_notices

    line = "Correction: A previous version of this story misstated the number of crossings."
    parts = parsed("\n".join(["Council approves ferry timetable", *BODY, line, line]))
    assert len(parts.notices) == 2
    assert len(new_notices(None, parts)) == 1


def test_a_closing_correction_line_is_a_notice_only_at_the_end() -> None:
    line = "Carmaker corrects first-quarter revenue."
    end = parsed("\n".join(["Carmaker reports results", *BODY, line]))
    assert notice_texts(end) == [line]
    middle = parsed("\n".join(["Carmaker reports results", BODY[0], line, BODY[1]]))
    assert notice_texts(middle) == []
    notice = parse_notice(line, "bottom")
    assert notice is not None and notice.kind == NoticeKind.CORRECTION


@pytest.mark.parametrize(("headline", "slug", "rest"), [
    ("CORRECTED - FERRY OPERATOR ADDS TWO CROSSINGS", "CORRECTED", "FERRY OPERATOR ADDS TWO CROSSINGS"),
    ("Corrected-Ferry operator adds two crossings", "CORRECTED", "Ferry operator adds two crossings"),
    ("UPDATE 2-Ferry operator adds two crossings", "UPDATE 2", "Ferry operator adds two crossings"),
    ("update 2 - Ferry operator adds two crossings", "UPDATE 2", "Ferry operator adds two crossings"),
    ("Refile-Ferry operator adds two crossings", None, "Refile-Ferry operator adds two crossings"),
])
def test_notice_slugs_in_any_case_and_spacing(headline: str, slug: str | None, rest: str) -> None:
    assert split_headline_slug(headline) == (slug, rest)


@pytest.mark.parametrize("headline", ["Breaking: Ferry operator adds two crossings",
                                      "LIVE: Ferry operator adds two crossings",
                                      "WATCH: Ferry operator adds two crossings",
                                      "EXCLUSIVE: Ferry operator adds two crossings",
                                      "EXCLUSIVE-Ferry operator adds two crossings"])
def test_headline_prefixes_are_slugs_but_not_notices(headline: str) -> None:
    slug, rest = split_headline_slug(headline)
    assert slug is not None and rest == "Ferry operator adds two crossings"
    assert not is_notice_slug(slug)
    assert parse_notice(headline, "slug") is None
    with pytest.raises(ValueError):
        slug_notice(slug)
    parts = parsed("\n".join([headline, *BODY]))
    assert parts.headline == headline and not parts.notices


def test_a_prefix_added_to_a_headline_is_a_low_slug_change() -> None:
    from versioner.flags import flag_texts
    from versioner.model import FlagType, Severity

    old = "\n".join(["Ferry operator adds two crossings", *BODY]) + "\n"
    new = "\n".join(["BREAKING: Ferry operator adds two crossings", *BODY]) + "\n"
    flags = [f for f in flag_texts(old, new) if f.type == FlagType.HEADLINE]
    assert [f.severity for f in flags] == [Severity.LOW]


@pytest.mark.parametrize("text", ["Updated 3:40 p.m.: Adds comment from the mayor.",
                                  "UPDATE, Jan 5, 9:10 a.m.: Adds comment from the mayor.",
                                  "Update (June 2, 10:15 a.m. ET): Adds comment from the mayor."])
def test_the_time_in_a_label_is_not_read_as_the_notice(text: str) -> None:
    notice = parse_notice(text, "top")
    assert notice is not None and notice.kind == NoticeKind.UPDATE
    assert [c.action for c in notice.claims] == ["add"]
    assert all(c.target.detail == "comment from the mayor" for c in notice.claims)


# -- kinds ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("Correction: The vote was on Tuesday, not Monday.", "correction"),
    ("CLARIFICATION: The plan was proposed by the operator, not the council.", "clarification"),
    ("This story has been updated with additional information.", "update"),
    ("This developing story has since been updated.", "update"),
    ("This story and headline have been updated with new details.", "update"),
    ("The story headline has been updated.", "update"),
    ("An earlier version of this radio segment wrongly gave the year of the vote.", "correction"),
    ("(Refiles to fix typo in headline)", "refile"),
    ("(Repeats story first published on Monday)", "repeat"),
    ("Editor's note: This story contains descriptions of violence.", "editor's note"),
    ("EDITOR'S NOTE: This story was originally published by a partner newsroom.", "editor's note"),
    ("Editor's note: This story was originally published with a photo of a different person.", "clarification"),
    ("Corrections & Amplifications: The ferry carries 300 passengers, not 200.", "correction"),
])
def test_kind(text: str, kind: str) -> None:
    notice = parse_notice(text, "bottom")
    assert notice is not None and notice.kind == kind


# -- more than English ----------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind"), [
    ("Korrektur: In einer früheren Version hieß es, die Fähre fahre ab Mai. Richtig ist Juni.", "correction"),
    ("Korrekturhinweis: Wir haben den Vornamen des Bürgermeisters korrigiert.", "correction"),
    ("Aktualisierung: Die Reederei hat die neuen Zeiten bestätigt.", "update"),
    ("In einer früheren Version dieses Artikels stand ein falsches Datum.", "correction"),
    ("Rectificatif : une version précédente indiquait que le vote avait eu lieu lundi.", "correction"),
    ("Mise à jour : le maire a confirmé les nouveaux horaires.", "update"),
    ("Cet article a été mis à jour avec la réaction de l'opérateur.", "update"),
    ("Corrección: una versión anterior decía que la votación fue el lunes.", "correction"),
    ("Actualización: el alcalde confirmó los nuevos horarios.", "update"),
    ("Aclaración: el plan fue propuesto por el operador.", "clarification"),
    ("Correctie: in een eerdere versie stond dat de stemming op maandag was.", "correction"),
    ("Rectificatie: de burgemeester heet De Vries, niet De Wit.", "correction"),
    ("Update: de burgemeester heeft de nieuwe tijden bevestigd.", "update"),
    ("In een eerdere versie van dit artikel stond een verkeerde datum.", "correction"),
])
def test_each_language(text: str, kind: str) -> None:
    notice = parse_notice(text, "bottom")
    assert notice is not None and notice.kind == kind
    parts = parsed("\n".join(["Fähre fährt länger", *BODY, text]))
    assert notice_texts(parts) == [text]


@pytest.mark.parametrize(("headline", "slug"), [("KORRIGIERT-Fähre fährt länger", "KORRIGIERT"),
                                                ("RECTIFICATIF - Le ferry part plus tard", "RECTIFICATIF"),
                                                ("CORREGIDO-El ferry sale más tarde", "CORREGIDO"),
                                                ("GECORRIGEERD - Veerboot vaart later", "GECORRIGEERD")])
def test_each_language_slug_is_a_correction(headline: str, slug: str) -> None:
    assert split_headline_slug(headline)[0] == slug
    assert slug_notice(slug).kind == NoticeKind.CORRECTION


def test_every_language_has_labels_for_corrections_and_updates() -> None:
    for code in ("en", "de", "fr", "es", "nl"):
        labels = VOCABULARY["languages"][code]["labels"]
        assert labels["correction"] and labels["update"], code


def test_the_vocabulary_is_package_data() -> None:
    # a wheel carries only the data files pyproject names (checked by hand with
    # `pip wheel . -w /tmp/w`: versioner/vocab/notices.toml is in it)
    import tomllib

    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "vocab/*.toml" in config["tool"]["setuptools"]["package-data"]["versioner"]
    assert (root / "versioner" / "vocab" / "notices.toml").is_file()


# -- prose about corrections is not a notice ------------------------------------------

NEGATIVES = [
    "The company said it would correct the error in its next filing.",
    "\"We will update the public as soon as we know more,\" the fire chief said.",
    "The ministry updated its guidance on Tuesday to include children under five.",
    "An earlier version of the plan was rejected by the council in March.",
    "The report was revised in March after complaints from residents.",
    "Officials corrected the figure later that day, according to the minutes.",
    "Update your software regularly, the agency advised.",
    "The newspaper published a correction the following week.",
    "Correction officers at the prison went on strike on Monday.",
    "Corrections to the voter roll will be accepted until Friday.",
    "The map was updated in 2019 to show the new border crossing.",
    "Clarification of the rules is expected from the league next month.",
    "Editors at the paper said the story was accurate.",
    "(The figures could not be independently verified.)",
    "(Reporting by Jan Berg; Editing by Ana Ruiz)",
    "(Edited by Ana Ruiz)",
    "She said the board amended the bylaws in 2021 to allow remote votes.",
    "\"This story has been a nightmare for the family,\" the lawyer said.",
    "The updated figures show 300 people were displaced.",
    "Updates to the app are released every month.",
    "The council corrects its budget forecast every quarter.",
    "Mise à jour des horaires prévue en juin, a précisé le maire.",
    "Die Korrektur der Prognose kam am Dienstag.",
    "La corrección del presupuesto se votará el lunes.",
    "De correctie van de begroting volgt later.",
    "Live music returns to the harbour this summer.",
    "Breaking news coverage continued through the night, the station said.",
    "The clarification came after reporters asked about the timing.",
    "He updated reporters on the search at a briefing on Sunday.",
    "This story has everything: a ferry, a mayor and a storm.",
    "This is a developing story and will be updated.",
    "This is a breaking news story. More to come.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_prose_about_corrections_is_not_a_notice(text: str) -> None:
    assert not is_notice(text)
    assert parse_notice(text, "bottom") is None


@pytest.mark.parametrize("text", NEGATIVES)
def test_prose_about_corrections_is_body_wherever_it_stands(text: str) -> None:
    for lines in ([BODY[0], text, *BODY[1:]], [*BODY, text], [text, *BODY]):
        parts = parsed("\n".join(["Council approves ferry timetable", *lines]))
        assert not parts.notices, lines


# -- never a character lost -----------------------------------------------------------

NOTICE_PIECES = ["(corrects spelling of village in paragraph two)", "Correction: March 3, 2025",
                 "Update: The operator confirmed the times.", "This story has been updated.",
                 "Correction: A previous version misstated the day.", "Korrektur: Das Datum war falsch.",
                 "UPDATE, Jan 5, 9:10 a.m.:", "Carmaker corrects first-quarter revenue.",
                 "Jan Berg contributed to this report.", "By Ana Ruiz", "CORRECTED - FERRY RUNS LATER"]
words = st.text(st.characters(min_codepoint=32, max_codepoint=0x24F, blacklist_categories=("Cs",)), min_size=0, max_size=40)
line = st.one_of(words, st.sampled_from(NOTICE_PIECES + BODY),
                 st.builds(lambda a, b, sep: a + sep + b, st.sampled_from(BODY), st.sampled_from(NOTICE_PIECES),
                           st.sampled_from(["", " ", "  "])))


@settings(derandomize=True, max_examples=400, deadline=None)
@given(st.lists(line, min_size=1, max_size=9), st.sampled_from(["\n", "\n\n"]))
def test_no_text_outside_a_notice_is_ever_dropped(lines: list[str], sep: str) -> None:
    norm = normalise(sep.join(lines))
    parts = parse(norm)
    assert parts.text() == norm  # every character is in some part, in order
    for p in parts.notices:  # and a notice part holds a notice the reader reads, nothing else
        assert parse_notice(p.text, p.position or "top") is not None, p.raw


# -- a parenthetical sentence, a quoted label: prose, not notices -----------------------

# The lead word of a wire parenthetical read as an adjective or a plural noun, with a
# finite verb of its own: every combination is a sentence.
PROSE_LEADS = ["Updated", "Corrected", "Revised", "Amended", "Updates", "Corrections", "Changes"]
PROSE_REST = ["figures were not available", "numbers are expected on Friday",
              "totals will be published after the count", "estimates have not been released",
              "with the final count are due at midnight"]
# The same leads as a fragment with no subject of its own: notices.
WIRE_FORMS = ["(Corrects date the vote was held in paragraph 4)", "(Updates with police saying the driver was held)",
              "(Corrects paragraph 3 to show tolls are rising)", "(Adds comment from mayor, who said the pier was unsafe)",
              "(Updates throughout after results are announced)", "(Corrected to show the vote was 7-2, not 8-1)",
              "(Updated with comment from the harbour office)", "(Corrects spelling of name of man who was hurt)",
              "(Corrects date to the 14th, not the 15th as was reported)", "(Updates with details, adds quote)"]
# A participle phrase, then a main clause with a subject of its own; a label with an aside
# that is not a date: sentences.
PROSE_OTHER = ["(Restored in 1998, the pier was a listed building.)",
               "(Removed from the list last year, the pier was put back in March.)",
               "(Replaced by a bus in winter, the ferry runs only in summer.)",
               "(Added to that, the harbour office said the ferry would run late.)",
               "Updates, he said, would be posted hourly."]


@pytest.mark.parametrize("lead", PROSE_LEADS)
@pytest.mark.parametrize("rest", PROSE_REST)
def test_a_parenthetical_sentence_is_not_a_notice(lead: str, rest: str) -> None:
    text = f"({lead} {rest}.)"
    assert not is_notice(text)
    parts = parsed("\n".join(["Council approves ferry timetable", BODY[0], BODY[1] + " " + text, *BODY[2:]]))
    assert not parts.notices


@pytest.mark.parametrize("text", PROSE_OTHER)
def test_a_participle_phrase_or_a_label_with_an_aside_is_prose(text: str) -> None:
    assert not is_notice(text)
    for lines in ([BODY[0], BODY[1] + " " + text, *BODY[2:]], [*BODY, text]):
        assert not parsed("\n".join(["Council approves ferry timetable", *lines])).notices


@pytest.mark.parametrize("text", WIRE_FORMS)
def test_a_wire_parenthetical_with_a_verb_inside_is_still_a_notice(text: str) -> None:
    assert is_notice(text)
    assert parse_notice(text, "top") is not None
    parts = parsed("\n".join(["Council approves ferry timetable", BODY[0], BODY[1] + " " + text, *BODY[2:]]))
    assert [p.text for p in parts.notices] == [text]


@pytest.mark.parametrize("quoted", ['"Correction: the ferry will run on Sundays," the operator wrote online.',
                                    '“Update: all sailings are cancelled,” the operator posted at noon.',
                                    '"This story has been updated," read a banner the council later removed.'])
def test_a_label_inside_a_quotation_is_not_a_glued_notice(quoted: str) -> None:
    parts = parsed("\n".join(["Council approves ferry timetable", BODY[0], BODY[1] + " " + quoted, *BODY[2:]]))
    assert not parts.notices
    assert quoted in parts.text()


# -- the outlet by name in place of "we" -------------------------------------------------

@pytest.mark.parametrize("text", ["Northwire has updated this story with comment from the harbour office.",
                                  "The Halden Gazette has corrected this article to show the pier opened in 1931.",
                                  "KPRW has clarified this report to say the vote was advisory."])
def test_an_outlet_by_name_opens_a_notice(text: str) -> None:
    assert is_notice(text)
    notice = parse_notice(text, "bottom")
    assert notice is not None and notice.claims
    assert [p.text for p in parsed("\n".join(["Council approves ferry timetable", *BODY, text])).notices] == [text]


@pytest.mark.parametrize("text", ["The ministry has updated its advice for travellers.",
                                  "The council has corrected the report it sent to residents.",
                                  "the gazette has corrected this article to show the date."])
def test_an_outlet_sentence_about_another_piece_is_prose(text: str) -> None:
    assert not is_notice(text)


def test_a_quoted_value_is_read_without_the_article_before_it() -> None:
    notice = parse_notice('This story has been updated to show the mayor called the plan "bold," '
                          'rather than a "gamble" as previously published.', "bottom")
    assert notice is not None
    assert [(c.old_value, c.new_value) for c in notice.claims] == [("gamble", "bold")]
