"""A later correction owns up to an earlier silent change (``late``) only when it names
that change: its values, the person the changed sentence is about, the kind of thing or
the place. A correction about something else leaves the earlier change ``stealth``.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from versioner.audit import Verdict, audit_chain
from versioner.model import Revision
from versioner.parse import normalise

STORY = [
    "Two hurt in shooting at Marlow apartment block",
    "Police in Marlow said two people were hurt on Sunday when a man opened fire in an apartment block.",
    "One victim, another woman, was taken to the county hospital, officers said.",
    "A neighbour, Ivo Kastel, said he heard four shots shortly after midnight.",
    "The suspect, whose son Delmar is 9, was arrested at the scene.",
]


def _chain(*texts: list[str]) -> list[Verdict]:
    revs = [Revision.from_text("k", n, f"2026-03-03T{n:02d}:00:00Z", normalise("\n".join(t) + "\n"))
            for n, t in enumerate(texts, 1)]
    return audit_chain(revs)


def _with(lines: list[str], old: str, new: str) -> list[str]:
    return [line.replace(old, new) for line in lines]


def test_a_later_correction_about_something_else_leaves_the_silent_change_stealth() -> None:
    # the victim is named and the son's name respelt in silence; a day later a correction
    # speaks of the neighbour's account, which never changed
    silent = _with(_with(STORY, "another woman", "Rana Velt, the mother of his two daughters"), "Delmar", "Del'mar")
    noticed = silent + ["Correction: An earlier version of this story misstated Ivo Kastel's relationship "
                        "to one of the victims. He is her cousin."]
    verdicts = _chain(STORY, silent, noticed)
    assert verdicts[1].verdict == "stealth"
    assert verdicts[1].disclosed_by is None


def test_a_later_correction_naming_the_change_makes_it_late() -> None:
    silent = _with(STORY, "four shots", "six shots")
    noticed = silent + ["Correction: An earlier version of this story misstated the number of shots. "
                        "There were six, not four."]
    verdicts = _chain(STORY, silent, noticed)
    assert verdicts[1].verdict == "late"
    assert verdicts[1].disclosed_by == verdicts[2].ref
