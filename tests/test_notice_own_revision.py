"""What a notice's claims reach: a claim tied to a change its own revision made tells
of that change, not of an earlier one; a notice that names the story and its headline
claims both parts.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines, replaced

from versioner.kinds import Section
from versioner.notices import parse_notice

STORY = [
    "Two hurt in shooting at Marlow apartment block",
    "Police in Marlow said two people were hurt on Sunday when a man opened fire in an apartment block.",
    "One victim was taken to the county hospital, officers said.",
    "A neighbour, Ivo Kastel, said he heard four shots shortly after midnight.",
    "The suspect, whose son Delmar is 9, was arrested at the scene.",
]


def test_a_claim_tied_to_its_own_revision_does_not_make_an_earlier_change_late() -> None:
    # the neighbour's name is respelt in silence; later the son's name is respelt with a
    # notice about one name: the notice tells of its own fix, the earlier one stays silent
    silent = replaced(STORY, "Ivo Kastel", "Ivo Kastell")
    fixed = replaced(silent, "Delmar", "Delmer") + [
        "Correction: An earlier version of this story misspelled the name of the suspect's son."]
    verdicts = audit_lines(STORY, silent, fixed)
    assert verdicts[2].verdict == "consistent"
    assert verdicts[1].verdict == "stealth"
    assert verdicts[1].disclosed_by is None


def test_a_claim_its_own_revision_bears_out_nothing_of_still_owns_an_earlier_change() -> None:
    silent = replaced(STORY, "four shots", "six shots")
    noticed = silent + ["Correction: An earlier version of this story misstated the number of shots. "
                        "There were six, not four."]
    verdicts = audit_lines(STORY, silent, noticed)
    assert verdicts[1].verdict == "late"


def test_a_notice_naming_the_story_and_its_headline_claims_the_headline_too() -> None:
    notice = parse_notice("This story and headline have been updated with additional details.", "bottom")
    assert notice is not None
    sections = {c.target.section for c in notice.claims}
    assert Section.HEADLINE in sections
    assert sections & {Section.ANY, Section.BODY}


def test_a_notice_naming_the_story_alone_claims_no_headline() -> None:
    notice = parse_notice("This story has been updated with additional details.", "bottom")
    assert notice is not None
    assert Section.HEADLINE not in {c.target.section for c in notice.claims}
