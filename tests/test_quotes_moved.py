"""A quotation moved with its attribution reordered (issue 16): "Lee said: “...”" ->
"“...,” Lee said" moves the speaker, not the words, and the quotation mark the moved
words carry is punctuation; words changed inside a moved quote are still a quote change.
Invented copy."""

from __future__ import annotations

import pytest

from versioner.flags import Flag, flag_texts

HEAD = "Port strike talks collapse\nTalks in Ostra ended on Monday without a deal, officials said.\n"
TAIL = "The union will meet again next week.\n"


def _quotes(old: str, new: str) -> list[Flag]:
    return [f for f in flag_texts(HEAD + old + "\n" + TAIL, HEAD + new + "\n" + TAIL) if f.type == "quote"]


@pytest.mark.parametrize(("old", "new"), [
    ('Lee said: "We will not back down."', '"We will not back down," Lee said.'),
    ("Lee said: “We will not back down.”", "“We will not back down,” Lee said."),
    ("“We will not back down,” Lee said.", "Lee said: “We will not back down.”"),
])
def test_a_speaker_moved_round_a_quote_changes_no_quote(old: str, new: str) -> None:
    assert not _quotes(old, new)


def test_words_changed_inside_a_quote_whose_speaker_moved_are_a_quote_change() -> None:
    assert _quotes("Lee said: “We will not back down.”", "“We will never back down,” Lee said.")
