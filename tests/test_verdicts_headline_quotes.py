"""Quotation marks in a headline attribute its claim to someone: taking them off words
the headline keeps states the claim as the outlet's own fact, an attribution dropped
(``stealth`` without a notice), though the flag itself is a low punctuation change.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from verdict_chain import audit_lines

SUMMARY = "Officials in Tarvel describe several injuries after a boiler blew up at a school on the coast."


def test_quotation_marks_taken_off_a_headline_claim_drop_its_attribution() -> None:
    old = ["Blast at Tarvel school injures 'at least 12'", SUMMARY]
    new = ["Blast at Tarvel school injures at least 12", SUMMARY]
    v = audit_lines(old, new)[1]
    assert v.verdict == "stealth", v.reasons
    assert v.stealth_kind == "altered"


def test_quotation_marks_put_on_a_headline_claim_are_no_fact_taken_back() -> None:
    old = ["Blast at Tarvel school injures at least 12", SUMMARY]
    new = ["Blast at Tarvel school injures 'at least 12'", SUMMARY]
    assert audit_lines(old, new)[1].verdict == "minor"


def test_an_apostrophe_is_no_quotation_mark() -> None:
    old = ["Blast at Tarvel's school injures 12", SUMMARY]
    new = ["Blast at Tarvels school injures 12", SUMMARY]
    assert audit_lines(old, new)[1].verdict != "stealth"
