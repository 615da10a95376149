"""Quote, headline, figure and whole-paragraph flags in the patterns real revision
histories show (issue 16). Every text here is invented, in the shape of the pattern."""

from __future__ import annotations

from versioner.flags import Flag, flag_texts

HEAD = "Harbour town counts cost of warehouse fire\nBRELL, May 3 (Meridian) – A fire destroyed a warehouse on Sunday.\n"


def _body(old_para: str, new_para: str) -> list[Flag]:
    return list(flag_texts(HEAD + old_para + "\n", HEAD + new_para + "\n"))


def _types(flags: list[Flag]) -> set[str]:
    return {f.type for f in flags}


def _substantive(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.severity in ("high", "medium")]


# -- quotes ---------------------------------------------------------------------


def test_a_closing_mark_that_moves_with_the_attribution_is_no_quote_change() -> None:
    flags = _body("The mayor called the fire “devastating,” and told reporters the town “will rebuild.”",
                  "The mayor called the fire “devastating.” The town “will rebuild,” the mayor told reporters.")
    assert "quote" not in _types(flags), flags


def test_a_quote_narrowed_with_its_other_words_left_standing_is_no_quote_change() -> None:
    flags = _body("Darrow said she would “hold talks with the owners as soon as possible.”",
                  "Darrow said she would hold talks with the owners “as soon as possible.”")
    assert _substantive(flags) == [] and "quote" not in _types(flags), flags


def test_words_brought_into_a_quote_are_still_a_quote_change() -> None:
    # the other way round: words now given as the speaker's own
    flags = _body("Darrow said she would hold talks with the owners “as soon as possible.”",
                  "Darrow said she would “hold talks with the owners as soon as possible.”")
    assert "quote" in _types(flags)


def test_quotation_marks_put_round_a_programme_title_are_style() -> None:
    flags = _body("Darrow told Morning Report on Sunday that the port would reopen.",
                  "Darrow told “Morning Report” on Sunday that the port would reopen.")
    assert flags and all((f.type, f.severity) == ("punctuation", "low") for f in flags), flags


def test_a_quotation_put_in_whole_is_a_quote_change() -> None:
    flags = _body("Darrow said the port would reopen.",
                  "Darrow said the port would reopen. “We owe it to the fishermen,” she said.")
    assert "quote" in _types(flags)


def test_a_headline_quote_fragment_moved_is_no_quote_change() -> None:
    flags = flag_texts("Ferry firm keeps chief executive: 'steady hand'",
                       "Ferry firm keeps 'steady hand' chief executive")
    assert "quote" not in _types(list(flags)) and all(f.severity != "high" for f in flags), flags


def test_a_headline_quote_fragment_taken_out_whole_is_no_quote_change() -> None:
    flags = flag_texts("Ferry firm keeps chief executive: 'A steady hand'", "Ferry firm keeps its chief executive")
    assert "quote" not in _types(list(flags)), flags


def test_a_headline_quote_reworded_is_a_quote_change() -> None:
    flags = flag_texts("Ferry firm keeps chief executive: 'A steady hand'",
                       "Ferry firm keeps chief executive: 'An unsteady hand'")
    assert "quote" in _types(list(flags))
