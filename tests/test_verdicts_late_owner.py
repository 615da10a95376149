"""A later correction owns up to an earlier silent change (``late``) only when it names
that change: its values, the person the changed sentence is about, the kind of thing or
the place. A correction about something else leaves the earlier change ``stealth``.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines, replaced

STORY = [
    "Two hurt in shooting at Marlow apartment block",
    "Police in Marlow said two people were hurt on Sunday when a man opened fire in an apartment block.",
    "One victim, another woman, was taken to the county hospital, officers said.",
    "A neighbour, Ivo Kastel, said he heard four shots shortly after midnight.",
    "The suspect, whose son Delmar is 9, was arrested at the scene.",
]


def test_a_later_correction_about_something_else_leaves_the_silent_change_stealth() -> None:
    # the victim is named and the son's name respelt in silence; a day later a correction
    # speaks of the neighbour's account, which never changed
    silent = replaced(replaced(STORY, "another woman", "Rana Velt, the mother of his two daughters"), "Delmar", "Del'mar")
    noticed = silent + ["Correction: An earlier version of this story misstated Ivo Kastel's relationship "
                        "to one of the victims. He is her cousin."]
    verdicts = audit_lines(STORY, silent, noticed)
    assert verdicts[1].verdict == "stealth"
    assert verdicts[1].disclosed_by is None


def test_a_later_correction_naming_the_change_makes_it_late() -> None:
    silent = replaced(STORY, "four shots", "six shots")
    noticed = silent + ["Correction: An earlier version of this story misstated the number of shots. "
                        "There were six, not four."]
    verdicts = audit_lines(STORY, silent, noticed)
    assert verdicts[1].verdict == "late"
    assert verdicts[1].disclosed_by == verdicts[2].ref
