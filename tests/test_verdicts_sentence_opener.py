"""A capital that opens a sentence is the sentence's, not a name's (issue 15): a summary
that gave "Several towns" and now gives "14 towns", or whose framing sentence gave way
to specifics, took no name out, so it is an ``update``, not ``stealth``. An initialism
("US") or a surname that is also a word, named in full elsewhere, is still a name; and
"throughout" taken out narrows a claim as "all" does.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines, replaced

from versioner.silent import sentence_opener

STORM = ["Storms cut power across the north",
         "Several towns lost power after storms swept across the north on Sunday."]


def test_a_vague_count_made_precise_at_a_sentence_start_is_an_update() -> None:
    for precise in ("Fourteen towns", "14 towns"):
        v = audit_lines(STORM, replaced(STORM, "Several towns", precise))[1]
        assert v.verdict == "update", precise
        assert v.stealth_kind == "added"


def test_a_framing_summary_given_way_to_specifics_is_an_update() -> None:
    framed = ["Storms cut power across the north",
              "Regional radio has talked of little else, with several towns affected."]
    specific = replaced(framed, "Regional radio has talked of little else, with several towns affected.",
                        "Engineers are restoring lines and have opened shelters in 14 towns.")
    assert audit_lines(framed, specific)[1].verdict == "update"


def test_an_initialism_opening_a_sentence_is_still_a_name() -> None:
    told = ["Storms cut power across the north",
            "US forecasters warned of more storms after power was cut in several towns."]
    v = audit_lines(told, replaced(told, "US forecasters warned", "Forecasters in Vessa warned"))[1]
    assert v.verdict == "stealth"


def test_a_surname_that_is_a_word_named_in_full_elsewhere_is_still_a_name() -> None:
    text = ("Council backs new ferry rota\nThe plan was put forward by councillor Ann Hope.\n"
            "Hope said the vote would be close. Mr. Brown agreed. Several members did not.")
    assert sentence_opener("Several", text)
    assert not sentence_opener("Hope", text)   # "Ann Hope" mid-sentence: a name
    assert not sentence_opener("Brown", text)  # after "Mr.", not a sentence's end


def test_throughout_taken_out_narrows_the_claim() -> None:
    snow = ["Snow closes mountain roads",
            "Heavy snow fell throughout the Orlen mountains on Sunday, closing roads to the valley."]
    v = audit_lines(snow, replaced(snow, "fell throughout the", "fell in parts of the"))[1]
    assert v.verdict == "stealth"


def test_a_quantifier_that_only_opens_a_compound_is_no_hedge() -> None:
    # "all-time" qualifies "time", not the claim: the best restyled takes nothing back
    race = ["Halden rower takes a fifth title",
            "Ida Marsk's fifth title at the Vessa regatta is an all-time best for the rowing club."]
    v = audit_lines(race, replaced(race, "an all-time best", "the best ever"))[1]
    assert v.verdict != "stealth"
    # a negation opening one still counts: "a no-fly zone" made "a fly zone" turns the claim
    zone = ["Vessa sets up zone over port", "Officials set up a no-fly zone over the port on Monday."]
    assert audit_lines(zone, replaced(zone, "a no-fly zone", "a drone zone"))[1].verdict == "stealth"
