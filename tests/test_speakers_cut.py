"""Named speakers taken out with the verb of saying they were the subject of ("Ann Lee
and Ida Marsh said in a statement" cut) change who said it: attribution, not a name
change (issue 16). Invented copy."""

from __future__ import annotations

from versioner.flags import flag_texts

HEAD = "Ferry owner charged over harbour collision\n"
QUOTE = "“The evidence will show our client did nothing wrong,” "
BAIL = "The owner, 52, was released on bail on Tuesday.\n"


def test_named_speakers_cut_with_their_verb_of_saying_are_attribution() -> None:
    old = HEAD + QUOTE + "lawyers Tomas Vell and Ida Marsh said in a statement.\n" + BAIL
    new = HEAD + QUOTE + "the firm's statement read.\n" + BAIL
    flags = list(flag_texts(old, new))
    assert [f.type for f in flags] == ["attribution"], flags


def test_one_speaker_named_for_another_is_still_a_name_change() -> None:
    old = HEAD + QUOTE + "lawyer Tomas Vell said in a statement.\n" + BAIL
    new = HEAD + QUOTE + "lawyer Ida Marsh said in a statement.\n" + BAIL
    assert any(f.type == "name" for f in flag_texts(old, new))
