"""Verdicts on pages without a notice, read as a standards editor reads them (issue 15):
a live page known by its address or by its timestamped entries, a running score
replaced inside a live page's headline, an item re-topped with another story, and a
name shortened (a surname, initials) rather than taken out. Every text here is
invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

# a homepage item: the headline and its summary, no "live" anywhere in the words
ROLLING_OLD = ["Coastal towns brace for storm surge",
               "Harbour officials in Velmar said 4,000 homes had been told to leave before the high tide."]
ROLLING_NEW = ["Coastal towns brace for storm surge",
               "The first bands of rain reached the Velmar peninsula as ferries stayed in port."]


def test_a_page_filed_under_live_is_live_coverage_and_rolls_on_as_an_update() -> None:
    v = audit_lines(ROLLING_OLD, ROLLING_NEW, url="https://news.example/world/live/storm-velmar-20261")[1]
    assert v.verdict == "update", v.reasons
    # the same rewrite on an ordinary story takes a published figure out of its summary
    v = audit_lines(ROLLING_OLD, ROLLING_NEW, url="https://news.example/world/storm-velmar-20261")[1]
    assert v.verdict == "stealth", v.reasons


def test_a_story_whose_slug_opens_with_live_is_no_live_page() -> None:
    # "live-arena-..." is a story about something called Live Arena, not live coverage
    v = audit_lines(ROLLING_OLD, ROLLING_NEW, url="https://news.example/2026/06/03/live-arena-storm-closure")[1]
    assert v.verdict == "stealth", v.reasons


def test_a_page_of_timestamped_entries_is_live_coverage() -> None:
    entries = ["14:05 BST Ferries across the strait stay in port for a second day.",
               "13:40 BST Wind gusts of 90km/h are recorded on the Velmar lighthouse.",
               "13:10 BST Schools in three districts close early."]
    old = ["Storm Edda: rail lines shut as surge hits coast",
           "The coastguard says 4,000 homes were told to leave before the tide.", *entries]
    new = ["Storm Edda: rail lines shut as surge hits coast",
           "15:20 BST The first bands of rain reach the peninsula.", *entries]
    v = audit_lines(old, new)[1]
    assert v.verdict == "update", v.reasons


def test_a_score_replaced_in_a_live_pages_headline_stays_stealth() -> None:
    # a live page rolls on, but a running score it gave and replaced is taken back
    url = "https://sport.example/live/football/40012"
    old = ["Cup: Harbour City 0-0 Vale Rovers, Lisk captains the side for a 300th time"]
    new = ["Cup: Harbour City 1-0 Vale Rovers, Lisk heads in the opener on his big night"]
    v = audit_lines(old, new, url=url)[1]
    assert v.verdict == "stealth", v.reasons
    # and on a page whose headline calls it live: the headline is one flag, the score in it
    v = audit_lines(["Cup final: Harbour City 0-0 Vale Rovers – live"], ["Cup final: Harbour City 1-0 Vale Rovers – live"])[1]
    assert v.verdict == "stealth", v.reasons


def test_an_item_retopped_with_another_story_took_its_facts_off_the_page() -> None:
    # the same address, a new headline and a new summary: the names the first summary
    # published are nowhere now
    old = ["Bakers want flour prices on the cabinet agenda",
           "The Guild of Oven Trades wrote to Minister Ada Vorn on Friday asking for a meeting."]
    new = ["Treasury 'puts odds of grain pact at two in five'",
           "Treasury staff rate the chances of a grain pact before spring as fair, officials say."]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth", v.reasons
    assert v.stealth_kind == "altered"


def test_a_name_shortened_to_its_surname_or_initials_is_still_named() -> None:
    # "President Jane Roe" is "the president" under a headline naming Roe, and "Harbour
    # War Two" is "HW2" there: the summary restyled its references, no name is gone
    headline = "Palace sets Roe beside HW2 hero Marsh"
    old = [headline, "A Palace aide set President Jane Roe beside Admiral Tomas Marsh, the hero of Harbour War Two."]
    new = [headline, "An aide set the president beside the old admiral of the blockade years."]
    v = audit_lines(old, new)[1]
    assert v.verdict != "stealth", v.reasons
