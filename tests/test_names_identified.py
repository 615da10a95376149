"""A person identified in new copy (issue 16): "police identified the woman as Mara
Tellen" put in a story that never named her is a name added, in a paragraph of its own
or a sentence put into one; a person the story already named, or a post given with
"named as", is not. Invented copy."""

from __future__ import annotations

from versioner.flags import Flag, flag_texts

HEAD = "Woman found dead in Ostra river\nThe body of a woman was found in the river near Ostra on Saturday, police said.\n"
TAIL = "Officers said the death was being treated as suspicious.\n"


def _names(old: str, new: str) -> list[Flag]:
    return [f for f in flag_texts(old, new) if f.type == "name"]


def test_a_paragraph_that_identifies_someone_unnamed_is_a_name_added() -> None:
    new = HEAD + "Police on Monday identified the woman as Mara Tellen, 34, a nurse from Vell.\n" + TAIL
    flags = _names(HEAD + TAIL, new)
    assert [f.reason for f in flags] == ["person identified: Mara Tellen"], flags


def test_a_sentence_put_in_that_identifies_someone_is_a_name_added() -> None:
    old = HEAD.rstrip("\n") + " Her family has been told.\n" + TAIL
    new = HEAD.rstrip("\n") + " Her family has been told. On Monday police identified her as Mara Tellen, who lived nearby.\n" + TAIL
    assert [f.reason for f in _names(old, new)] == ["person identified: Mara Tellen"]


def test_a_title_before_the_name_stays_with_it() -> None:
    new = HEAD + "The army identified the soldier as Staff Sgt. Ivo K. Marden of Vell.\n" + TAIL
    assert [f.reason for f in _names(HEAD + TAIL, new)] == ["person identified: Staff Sgt. Ivo K. Marden"]


def test_someone_the_story_already_named_or_a_post_is_not_identified_anew() -> None:
    named = HEAD + "Friends said Mara Tellen had been missing since Friday.\n"
    assert not _names(named + TAIL, named + "Police identified the woman as Mara Tellen.\n" + TAIL)
    for para in ("The club named her as its new captain on Monday.\n", "The woman was identified as a local resident.\n",
                 "Police identified the car as a Vell taxi.\n"):
        assert not _names(HEAD + TAIL, HEAD + para + TAIL), para
