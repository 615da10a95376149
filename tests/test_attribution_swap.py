"""A source swapped ("a spokesperson said" -> "the harbour master said") is attribution,
medium, its reason opening "source swapped:"; the same source attributed another way
("according to police" -> "police said") is style. Invented copy."""

from __future__ import annotations

import pytest

from versioner.attribution import SOURCE_SWAPPED, cited, source_swapped
from versioner.flags import flag_texts
from versioner.model import Flag

HEAD = "Ferry crossing to Ostra halted\nOSTRA, June 2 (Meridian) - The crossing closed on Monday.\n"
CLAIM = "The crossing will reopen on Friday"


def _flags(old: str, new: str) -> tuple[Flag, ...]:
    return flag_texts(HEAD + old + "\n", HEAD + new + "\n")


@pytest.mark.parametrize(("old", "new"), [
    (f"{CLAIM}, according to the port police.", f"{CLAIM}, the port police said."),
    (f"According to the port police, {CLAIM.lower()}.", f"The port police said {CLAIM.lower()}."),
    (f"{CLAIM}, according to a spokesperson.", f"{CLAIM}, a spokesperson said."),
    (f"{CLAIM}, the port police said.", f"{CLAIM}, according to the port police."),
])
def test_the_same_source_attributed_another_way_is_style(old: str, new: str) -> None:
    flags = _flags(old, new)
    assert flags and all(f.severity == "low" for f in flags), flags
    assert any(f.reason.startswith("attribution restyled, the source kept") for f in flags), flags


@pytest.mark.parametrize(("old", "new", "swap"), [
    (f"{CLAIM}, a spokesperson said.", f"{CLAIM}, the harbour master said.", "spokesperson -> harbour master"),
    (f"A spokesperson told reporters {CLAIM.lower()}.", f"The harbour master told reporters {CLAIM.lower()}.",
     "spokesperson -> harbour master"),
    (f"{CLAIM}, the Port Authority said.", f"{CLAIM}, the ferry operator said.", "Port Authority -> ferry operator"),
    (f"{CLAIM}, according to the port authority.", f"{CLAIM}, according to the ferry operator.",
     "port authority -> ferry operator"),
])
def test_another_source_is_a_source_swapped(old: str, new: str, swap: str) -> None:
    flags = [f for f in _flags(old, new) if f.type == "attribution"]
    assert [(f.severity, f.reason) for f in flags] == [("medium", f"{SOURCE_SWAPPED}: {swap}")], flags


def test_a_verb_restyled_round_another_speaker_is_a_source_swapped() -> None:
    # "said" -> "told reporters" alone is style; here the speaker changed with it
    flags = _flags(f"A spokesperson said {CLAIM.lower()}.", f"The harbour master told reporters {CLAIM.lower()}.")
    assert [f.reason for f in flags if f.type == "attribution"] == [f"{SOURCE_SWAPPED}: spokesperson -> harbour master"]


def test_the_same_source_named_more_fully_is_no_swap() -> None:
    flags = _flags(f"{CLAIM}, a spokesperson said.", f"{CLAIM}, a company spokesperson said.")
    assert not any(f.reason.startswith(SOURCE_SWAPPED) for f in flags), flags


def test_a_source_cited_twice_then_once_is_no_restyle() -> None:
    # one of two attributions to the same source taken out: a claim lost its source
    old = f"{CLAIM}, according to police. The pier is safe, police said."
    new = f"{CLAIM}. The pier is safe, police said."
    assert any(f.type == "attribution" and f.severity == "medium" for f in _flags(old, new))


def test_who_a_paragraph_cites() -> None:
    assert cited("It will reopen, according to the port police.") == cited("The port police said it will reopen.")
    assert list(cited("“It will reopen,” said Ann Lee, a spokesperson.")) == [("ann", "lee")]
    assert list(cited("She said it will reopen, the ministry said on Monday.")) == [("ministry",)]
    assert not cited("A spokesperson's sister told me.") or ("me",) not in cited("The mayor told me.")


def test_one_place_cited_for_another_is_no_swap() -> None:
    # a capital may stand for its state ("Valdoria said" -> "Brennholt said"): the flag
    # rules keep it attribution, but the reason is not a source swapped
    old, new = f"Valdoria said {CLAIM.lower()}.", f"Brennholt said {CLAIM.lower()}."
    assert source_swapped(old, new, ["Valdoria"], ["Brennholt"]) == ""
    # two words on a side, or a common noun, is another source
    assert source_swapped(old.replace("Valdoria", "The Valdorian navy"), new, ["The", "Valdorian", "navy"],
                          ["Brennholt"]) == "Valdorian navy -> Brennholt"


def test_a_quotation_rewritten_as_another_source_s_statement_is_no_swap() -> None:
    # the claim itself was rewritten: new material attributed anew, not the claim put to another source
    old = "“An inquiry into the crossing is under way to check the logs,” Capt. Ivo Marsh said."
    new = ("A spokesperson for the Ostra Ferry Company told reporters in a statement Friday that "
           "checks had found no fault and the crossing would reopen.")
    assert not any(f.reason.startswith(SOURCE_SWAPPED) for f in _flags(old, new))
    assert source_swapped(old, new, old.split(), new.split()) == ""


def test_a_claim_kept_under_another_named_source_is_a_swap() -> None:
    flags = _flags(f"{CLAIM}, the port authority said.", f"{CLAIM}, the Ostra Ferry Company said.")
    assert any(f.reason.startswith(f"{SOURCE_SWAPPED}: port authority -> ") for f in flags), flags
