"""What a notice's claims reach: a claim tied to a change its own revision made tells
of that change, not of an earlier one; a notice that names the story and its headline
claims both parts.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from versioner.audit import Verdict, audit_chain
from versioner.kinds import Section
from versioner.model import Revision
from versioner.notices import parse_notice
from versioner.parse import normalise

STORY = [
    "Two hurt in shooting at Marlow apartment block",
    "Police in Marlow said two people were hurt on Sunday when a man opened fire in an apartment block.",
    "One victim was taken to the county hospital, officers said.",
    "A neighbour, Ivo Kastel, said he heard four shots shortly after midnight.",
    "The suspect, whose son Delmar is 9, was arrested at the scene.",
]


def _chain(*texts: list[str]) -> list[Verdict]:
    revs = [Revision.from_text("k", n, f"2026-03-03T{n:02d}:00:00Z", normalise("\n".join(t) + "\n"))
            for n, t in enumerate(texts, 1)]
    return audit_chain(revs)


def _with(lines: list[str], old: str, new: str) -> list[str]:
    return [line.replace(old, new) for line in lines]


def test_a_claim_tied_to_its_own_revision_does_not_make_an_earlier_change_late() -> None:
    # the neighbour's name is respelt in silence; later the son's name is respelt with a
    # notice about one name: the notice tells of its own fix, the earlier one stays silent
    silent = _with(STORY, "Ivo Kastel", "Ivo Kastell")
    fixed = _with(silent, "Delmar", "Delmer") + [
        "Correction: An earlier version of this story misspelled the name of the suspect's son."]
    verdicts = _chain(STORY, silent, fixed)
    assert verdicts[2].verdict == "consistent"
    assert verdicts[1].verdict == "stealth"
    assert verdicts[1].disclosed_by is None


def test_a_claim_its_own_revision_bears_out_nothing_of_still_owns_an_earlier_change() -> None:
    silent = _with(STORY, "four shots", "six shots")
    noticed = silent + ["Correction: An earlier version of this story misstated the number of shots. "
                        "There were six, not four."]
    verdicts = _chain(STORY, silent, noticed)
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
