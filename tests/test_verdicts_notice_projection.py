"""A projection that became a result (issue 15): "will win, X projects" -> "has won" is
the story developing. The projection's source taken out with it takes back no
published fact, so the revision is an ``update``, not ``stealth``; the forecast turned
into what happened is news, not a restyling (``minor``).

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

HEAD = "Mara Venn wins race for Halden mayor"
STORY = [
    HEAD,
    "Mara Venn will win the race for mayor of Halden, the Courier's election desk projects, ending "
    "twelve years of Liberal control of the town hall.",
    "Venn, a former teacher, campaigned on cheaper ferry fares and more housing.",
]


def test_a_projection_become_a_result_is_an_update() -> None:
    result = [HEAD, "Mara Venn has won the race for mayor of Halden, ending twelve years of Liberal control "
                    "of the town hall.", STORY[2]]
    v = audit_lines(STORY, result)[1]
    assert (v.verdict, v.stealth_kind) == ("update", "added")


def test_a_source_taken_out_while_the_forecast_stands_is_still_stealth() -> None:
    unsourced = [HEAD, "Mara Venn will win the race for mayor of Halden, ending twelve years of Liberal "
                       "control of the town hall.", STORY[2]]
    assert audit_lines(STORY, unsourced)[1].verdict == "stealth"
