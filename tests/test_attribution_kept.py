"""Attribution flags an editor would agree with (issue 16): a verb of saying moved around
a speaker who stands is style; the source named in a "Source:" line changed, or cited after
"according to", is attribution. Invented copy."""

from __future__ import annotations

from versioner.flags import flag_texts
from versioner.model import Flag

HEAD = "Harbour board votes to close the old ferry pier\n"
LAST = "The pier opened in 1961 and was rebuilt twice.\n"


def _attribution(flags: tuple[Flag, ...]) -> list[Flag]:
    return [f for f in flags if f.type == "attribution"]


def test_a_verb_of_saying_moved_round_its_speaker_is_no_attribution_change() -> None:
    old = HEAD + ("“We cannot keep patching it,” said Mara Quell, whose crew repaired the deck "
                  "last spring.\n") + LAST
    new = HEAD + ("“We cannot keep patching it,” Mara Quell told reporters before the vote. "
                  "Quell’s crew repaired the deck last spring.\n") + LAST
    flags = flag_texts(old, new)
    assert not _attribution(flags), flags
    moved = [f for f in flags if f.reason.startswith("verb of saying moved")]
    assert moved and all(f.severity == "low" for f in moved), flags


def test_a_verb_of_saying_moved_while_its_speaker_is_cut_stays_attribution() -> None:
    # the verb moved, but a named speaker went with the edit that took it out
    old = HEAD + "“We cannot keep patching it,” said Mara Quell, whose crew repaired the deck.\n" + LAST
    new = HEAD + "“We cannot keep patching it,” an engineer told reporters. The crew repaired the deck.\n" + LAST
    assert any(f.type in ("attribution", "name") and f.severity != "low" for f in flag_texts(old, new))


def test_a_source_put_in_still_is_attribution() -> None:
    old = HEAD + "The pier will close in May.\n" + LAST
    new = HEAD + "The pier will close in May, the board said.\n" + LAST
    assert _attribution(flag_texts(old, new))


def test_a_claim_that_was_announced_still_has_its_source() -> None:
    old = HEAD + "The closure, the board announced, is final.\n" + LAST
    new = HEAD + "The closure is final.\n" + LAST
    assert _attribution(flag_texts(old, new))


def test_another_source_in_a_source_line_is_attribution() -> None:
    old = HEAD + "Source: Norland Wire\nThe pier will close in May.\n" + LAST
    new = HEAD + "Source: Coastal Herald\nThe pier will close in May.\n" + LAST
    flags = flag_texts(old, new)
    assert [f.type for f in flags] == ["attribution"], flags
    assert "Norland Wire -> Coastal Herald" in flags[0].reason


def test_a_name_changed_outside_a_source_line_is_not_a_source_changed() -> None:
    old = HEAD + "Sources of funding: Norland Trust\n" + LAST
    new = HEAD + "Sources of funding: Coastal Trust\n" + LAST
    assert not _attribution(flag_texts(old, new))


def test_a_speaker_described_by_the_title_the_story_gives_them_is_the_same_speaker() -> None:
    old = HEAD + ("Mayor Ines Varro called the vote “overdue” and told reporters the pier "
                  "“has served its time.”\n") + LAST
    new = HEAD + ("Varro called the vote “overdue.” The pier “has served its time,” "
                  "the mayor told reporters.\n") + LAST
    assert not _attribution(flag_texts(old, new))


def test_a_described_speaker_in_place_of_a_named_one_stays_attribution() -> None:
    old = HEAD + "The pier will close in May, harbour chief Ines Varro told reporters.\n" + LAST
    new = HEAD + "The pier will close in May, the mayor told reporters.\n" + LAST
    assert any(f.type in ("attribution", "name") and f.severity != "low" for f in flag_texts(old, new))


def _according(old_source: str, new_source: str) -> tuple[Flag, ...]:
    claim = "Six council members will tour the pier this week, according to "
    rest = ", including harbour chief Ines Varro.\n"
    return flag_texts(HEAD + claim + old_source + rest + LAST, HEAD + claim + new_source + rest + LAST)


def test_another_source_after_according_to_is_attribution_named_or_not() -> None:
    flags = _according("the press office", "the council agenda")
    assert [f.type for f in flags] == ["attribution"], flags
    assert "press office -> council agenda" in flags[0].reason


def test_a_count_of_sources_changed_is_no_other_source() -> None:
    claim = "The pier will close in May, according to "
    old = HEAD + claim + "three people familiar with the plan.\n" + LAST
    new = HEAD + claim + "several people familiar with the plan.\n" + LAST
    assert not _attribution(flag_texts(old, new))


def test_the_same_source_described_otherwise_is_no_other_source() -> None:
    assert not _attribution(_according("the ferry tracking siteWaveWatch", "WaveWatch"))


def test_a_described_speaker_cut_with_the_verb_that_moved_stays_attribution() -> None:
    # "said" moved into the recast sentence, but "the harbour police" went with it
    old = HEAD + ("“The cause of the pier fire is not yet known and no one was hurt,” the harbour "
                  "police said in a statement.\n") + LAST
    new = HEAD + "An earlier statement said the cause of the pier fire was not yet known and no one was hurt.\n" + LAST
    cut = [f for f in flag_texts(old, new) if "harbour police" in f.old]
    assert cut and all(f.type == "attribution" and f.severity == "medium" for f in cut), cut
