"""A quotation mark edited alone (issue 16): the mark of a quotation whose words were
rewritten away is no quote change of its own (the rewrite is judged by its words);
marks put round words that stand, or taken off them, still change what is quoted.
Invented copy."""

from __future__ import annotations

from versioner.flags import Flag, flag_texts

HEAD = "Ferry chief under pressure\n"
SAID = ("“Now we learn the hulls at Ostra were never checked, and the ferry chief should resign,” said "
        "Dara Venn, who leads the harbour council. ")


def _quotes(old: str, new: str) -> list[Flag]:
    return [f for f in flag_texts(old, new) if f.type == "quote"]


def test_the_mark_of_a_quote_rewritten_away_is_no_quote_change() -> None:
    old = HEAD + SAID + "“He misled the council for a year and he must resign.”\n"
    new = HEAD + SAID + "A spokesperson for the ferry company said the chief had no plans to resign.\n"
    flags = list(flag_texts(old, new))
    assert not _quotes(old, new), flags
    assert any(f.type == "wording" and f.severity == "medium" for f in flags), flags  # the rewrite still shows


def test_marks_taken_off_words_that_stand_are_still_a_quote_change() -> None:
    old = HEAD + "The council called the inspection “a disgrace” on Monday.\n"
    new = HEAD + "The council called the inspection a disgrace on Monday.\n"
    assert _quotes(old, new)


OWNER = "Ferry owner charged over harbour collision\n"
LAWYER = "Tomas Vell, the owner's lawyer, said: “The evidence will show our client did nothing wrong"
ELSEWHERE = "The lawyers said they would “fight every charge in court,” adding that the owner had helped police.\n"
BAIL = "The owner, 52, was released on bail on Tuesday.\n"


def test_words_the_older_revision_already_quoted_joined_to_a_quote_are_no_quote_change() -> None:
    old = OWNER + LAWYER + ".”\n" + BAIL + ELSEWHERE
    new = OWNER + LAWYER + ". We will fight every charge in court.”\n" + BAIL
    flags = list(flag_texts(old, new))
    assert not _quotes(old, new), flags
    assert any(f.type == "wording" and "fight" in f.new for f in flags), flags  # the sentence still shows


def test_words_never_quoted_before_joined_to_a_quote_are_a_quote_change() -> None:
    old = OWNER + LAWYER + ".”\n" + BAIL + ELSEWHERE
    new = OWNER + LAWYER + ". The ferry was sound and well run.”\n" + BAIL
    assert _quotes(old, new)
