"""A headline's grammar words (light verbs, relating prepositions, demonstratives,
question and relative words) swapped: the same claim, a low flag; an opposite
preposition or another form of the same verb still changes it."""

from __future__ import annotations

import pytest

from versioner.flags import flag_texts

BODY = "\nVELLA, May 3 (Meridian) - The port authority met on Monday.\n"


def _headline(old: str, new: str) -> str:
    flags = [f for f in flag_texts(old + BODY, new + BODY) if f.type == "headline"]
    assert len(flags) == 1, flags
    return flags[0].severity


@pytest.mark.parametrize(("old", "new"), [
    # a preposition for a light verb, before a rank (no hedge bounds "first")
    ("Vella under first flood alert since 1971", "Vella sees first flood alert since 1971"),
    # one light verb for another, one relating preposition for another
    ("Council receives more than 400 letters over tram plan", "Council gets over 400 letters after tram plan"),
    # a question made a relative clause, a descriptive word cut
    ("Why this forgotten pianist left Ostra for Vella", "The pianist who left Ostra for Vella"),
])
def test_grammar_words_swapped_keep_the_claim(old: str, new: str) -> None:
    assert _headline(old, new) == "low"


@pytest.mark.parametrize(("old", "new"), [
    ("Ferries to run from Ostra again", "Ferries to run to Ostra again"),  # the opposite way
    ("Veerboot vaart weer naar Ostra", "Veerboot vaart weer uit Ostra"),  # the same, in Dutch
    ("Haven dicht voor storm Vella", "Haven dicht na storm Vella"),  # before, then after
    ("Mayor to get harbour medal", "Mayor gets harbour medal"),  # planned, now done
    ("Council gets over 400 letters on tram plan", "Council gets about 400 letters on tram plan"),  # a hedge
    ("Vella under flood alert", "Vella lifts flood alert"),  # a verb that carries the claim
])
def test_a_grammar_word_that_turns_the_claim_stays_a_change(old: str, new: str) -> None:
    assert _headline(old, new) in ("medium", "high")
