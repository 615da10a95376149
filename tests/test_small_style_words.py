"""An article cut, or "on" put in or taken out before a day, is house style (low wording),
not a change of meaning (issue 16). Invented copy."""

from __future__ import annotations

from versioner.flags import flag_texts

HEAD = "Harbour board votes to close the old ferry pier\n"
LAST = "The pier opened in 1961 and was rebuilt twice.\n"


def _only(old: str, new: str) -> tuple[str, str]:
    flags = flag_texts(HEAD + old + "\n" + LAST, HEAD + new + "\n" + LAST)
    assert len(flags) == 1, flags
    return flags[0].type, flags[0].severity


def test_on_taken_out_before_a_day_is_style() -> None:
    assert _only("The board said on Wednesday that crews would be moved.",
                 "The board said Wednesday that crews would be moved.") == ("wording", "low")


def test_on_put_in_before_a_day_is_style() -> None:
    assert _only("The board said Wednesday that crews would be moved.",
                 "The board said on Wednesday that crews would be moved.") == ("wording", "low")


def test_an_article_cut_is_style() -> None:
    assert _only("Crews will be moved to the Ostra terminal by the end of May.",
                 "Crews will be moved to Ostra terminal by the end of May.") == ("wording", "low")


def test_on_before_other_words_still_changes_meaning() -> None:
    # "on" before a place or a thing is no date style: it stays a wording change
    assert _only("The ferry ran on the north route until May.",
                 "The ferry ran the north route until May.") == ("wording", "medium")
