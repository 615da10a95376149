"""What an update notice ("This story has been updated with additional information")
covers (issue 15): new material and a rewrite around a development, superseded lines
taken out, a whole quoted statement among them; never words inside a quote changed.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

NOTICE = "This story has been updated with additional information."
STORY = [
    "Search goes on for crew of fishing boat missing off Vessa",
    "VESSA, Feb 9 (Courier) - Rescue teams searched through the night for the four crew of a fishing boat "
    "that went missing off the coast of Vessa on Sunday.",
    "The boat sent a distress call shortly after 6 p.m. “We are still searching the area and hope to find "
    "them alive,” the coast guard said in a statement. Winds of up to 60 km/h hampered the search.",
    "The crew are all from the town, the harbour master said.",
]


def test_an_update_notice_covers_a_quoted_statement_the_news_superseded() -> None:
    # the crew were found: the search statement is taken out of its paragraph
    found = [
        "Crew of fishing boat missing off Vessa found alive",
        "VESSA, Feb 9 (Courier) - All four crew of a fishing boat that went missing off the coast of Vessa "
        "on Sunday were found alive on Monday morning, the coast guard said.",
        "The boat sent a distress call shortly after 6 p.m. Winds of up to 60 km/h hampered the search.",
        "A helicopter spotted the crew in a life raft about 20 km north of the harbour.",
        "The crew are all from the town, the harbour master said.",
        NOTICE,
    ]
    v = audit_lines(STORY, found)[1]
    assert v.verdict == "consistent"
    assert not v.undisclosed


def test_an_update_notice_does_not_cover_words_changed_inside_a_quote() -> None:
    misquoted = [line.replace("hope to find them alive", "expect to find them alive") for line in STORY]
    v = audit_lines(STORY, misquoted + ["The search will resume at dawn, officials said.", NOTICE])[1]
    assert v.verdict == "undisclosed"


TOLL = [
    "Bus crash on mountain road kills at least 12",
    "ORLEN, Aug 2 (Courier) - At least 12 people were killed when a bus left a mountain road near Orlen "
    "on Saturday, police said.",
    "The bus was carrying 40 passengers to a festival in the valley.",
]


def test_an_update_notice_covers_a_running_toll_moving_on() -> None:
    later = [line.replace("At least 12", "At least 14") for line in TOLL] + [
        "Two of the injured died in hospital overnight, a hospital spokesperson said.", NOTICE]
    v = audit_lines(TOLL, later)[1]
    assert v.verdict == "consistent"


def test_a_carried_update_notice_covers_a_running_toll_moving_on() -> None:
    first = TOLL + [NOTICE]
    later = [line.replace("At least 12", "At least 14") for line in first]
    v = audit_lines(TOLL, first, later)[2]
    assert v.verdict == "consistent"


def test_an_update_notice_does_not_cover_a_count_that_is_no_running_tally() -> None:
    later = [line.replace("40 passengers", "45 passengers") for line in TOLL] + [
        "The driver was among the survivors, police said.", NOTICE]
    assert audit_lines(TOLL, later)[1].verdict == "undisclosed"


BLAST = [
    "Blast damages warehouse in Orlen port, police say",
    "ORLEN, Jan 5 (Courier) - An explosion damaged a warehouse in Orlen's port early on Sunday, police said.",
    "“The cause of the explosion is not yet known and no one was hurt,” the port police said in a statement.",
    "Firefighters put out a small fire that followed the blast.",
]


def test_an_update_notice_covers_a_statement_now_told_as_an_earlier_one() -> None:
    later = BLAST[:2] + [
        "An earlier police statement said the cause of the explosion was not yet known and no one was hurt.",
        "Police said on Sunday afternoon that a gas leak caused the blast and that two workers were treated "
        "for minor burns.", BLAST[3], NOTICE]
    v = audit_lines(BLAST, later)[1]
    assert v.verdict == "consistent"


def test_a_correction_naming_something_else_does_not_cover_a_statement_recast() -> None:
    later = BLAST[:2] + [
        "An earlier police statement said the cause of the explosion was not yet known and no one was hurt.",
        BLAST[3].replace("small fire", "small fire on the roof"),
        "Correction: An earlier version of this story misstated where the fire was. It was on the roof."]
    assert audit_lines(BLAST, later)[1].verdict == "undisclosed"
