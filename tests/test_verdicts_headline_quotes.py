"""Quotation marks in a headline attribute its claim to someone: taking them off words
the headline keeps states the claim as the outlet's own fact, an attribution dropped
(``stealth`` without a notice), though the flag itself is a low punctuation change.

Every text here is invented, modelled on patterns seen in real newsroom copy."""

from __future__ import annotations

from versioner.audit import Verdict, audit_chain
from versioner.model import Revision
from versioner.parse import normalise

SUMMARY = "Officials in Tarvel describe several injuries after a boiler blew up at a school on the coast."


def _chain(*texts: list[str]) -> list[Verdict]:
    revs = [Revision.from_text("k", n, f"2026-06-01T{n:02d}:00:00Z", normalise("\n".join(t) + "\n"))
            for n, t in enumerate(texts, 1)]
    return audit_chain(revs)


def test_quotation_marks_taken_off_a_headline_claim_drop_its_attribution() -> None:
    old = ["Blast at Tarvel school injures 'at least 12'", SUMMARY]
    new = ["Blast at Tarvel school injures at least 12", SUMMARY]
    v = _chain(old, new)[1]
    assert v.verdict == "stealth", v.reasons
    assert v.stealth_kind == "altered"


def test_quotation_marks_put_on_a_headline_claim_are_no_fact_taken_back() -> None:
    old = ["Blast at Tarvel school injures at least 12", SUMMARY]
    new = ["Blast at Tarvel school injures 'at least 12'", SUMMARY]
    assert _chain(old, new)[1].verdict == "minor"


def test_an_apostrophe_is_no_quotation_mark() -> None:
    old = ["Blast at Tarvel's school injures 12", SUMMARY]
    new = ["Blast at Tarvels school injures 12", SUMMARY]
    assert _chain(old, new)[1].verdict != "stealth"
