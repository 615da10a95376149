"""A notice carried over unchanged from an earlier revision (issue 15): it claims nothing
new, but readers still see it, and an update notice stays true as the story goes on.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

NOTICE = "This story has been updated with additional information."
STORY = [
    "Rail union calls off Friday strike after pay offer",
    "VESSA, May 12 (Courier) - The rail workers' union called off a strike planned for Friday "
    "after the operator made a new pay offer on Thursday.",
    "The offer raises wages by 6% this year and 4% next year, the union said.",
    "Members will vote on the offer over the next two weeks.",
    "The operator had not yet said whether Friday's trains would run to the normal timetable.",
    "Passenger groups welcomed the news but said the dispute had gone on too long.",
    NOTICE,
]


def test_a_carried_update_notice_covers_a_superseded_line_taken_out_with_the_news_that_replaced_it() -> None:
    # the operator now says the trains run: the line saying it had not yet said so goes
    later = (STORY[:4] + ["The operator said on Friday morning that all trains would run as normal.",
                          "A spokesperson said staff had been told to report for their usual shifts."]
             + STORY[5:])
    v = audit_lines(STORY[:-1], STORY, later)[2]
    assert v.verdict == "consistent"
    assert v.stealth_kind is None
    assert "carried" in v.reasons[0]


def test_a_carried_notice_with_only_a_credit_line_added_is_minor() -> None:
    # nothing published changed and nothing was added: the old notice has nothing to cover
    credit = ("Dana Holm reported from Vessa; Piet Lund reported and wrote from Orlen. "
              "Courier's Ana Berg contributed to this report.")
    credited = STORY[:-1] + [credit, credit, NOTICE]  # a footer some renderers print twice
    v = audit_lines(STORY[:-1], STORY, credited)[2]
    assert v.verdict == "minor"
    assert "carried" in v.reasons[0]


def test_a_carried_update_notice_still_does_not_cover_a_figure_replaced() -> None:
    fixed = [line.replace("6% this year", "5% this year") for line in STORY]
    v = audit_lines(STORY[:-1], STORY, fixed)[2]
    assert v.verdict == "stealth"
    assert v.stealth_kind == "altered"
