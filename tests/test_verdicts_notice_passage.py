"""A notice that names the words of a passage it rewrote (issue 15): the other changes
made in that passage are part of the same rewrite, while a notice that names one fix
in a paragraph still leaves another fact changed beside it outside.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

STORY = [
    "Ministers told of flood plan gaps, officials say",
    "HALDEN, Oct 2 (Courier) - Ministers were warned last month that flood defences on the river were not ready.",
    "Senior officials admitted to Environment Minister Ola Brandt in two closed briefings that they had no "
    "plan for a breach of the northern dyke, three people familiar with the meetings said.",
    "The environment ministry declined to comment.",
]


def test_a_clarification_naming_a_rewritten_passage_covers_the_whole_rewrite() -> None:
    rewritten = STORY[:2] + [
        "Environment Minister Ola Brandt pressed senior officials in a closed briefing about the lack of a "
        "plan for a breach of the northern dyke, people familiar with the meeting said.",
        STORY[3],
        "Clarification: This story has been updated to clarify that Ola Brandt pressed senior officials "
        "about the lack of a plan for a breach of the northern dyke.",
    ]
    v = audit_lines(STORY, rewritten)[1]
    assert v.verdict == "consistent"
    assert not v.undisclosed


def test_a_notice_naming_one_fix_leaves_another_change_in_its_paragraph_outside() -> None:
    fixed = STORY[:2] + [STORY[2].replace("two closed briefings", "three closed briefings")
                         .replace("northern dyke", "southern dyke"), STORY[3],
                         "Correction: An earlier version of this story misstated which dyke had no plan. "
                         "It is the southern dyke."]
    assert audit_lines(STORY, fixed)[1].verdict == "undisclosed"
