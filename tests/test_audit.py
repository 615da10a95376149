"""Which notice claims own which flags: the rules behind the audit verdicts."""

from __future__ import annotations

from versioner.audit import covers
from versioner.flags import Flag
from versioner.notices import Claim, Target, parse_notice


def _flag(typ: str, old: str, new: str, paragraph: int = 4) -> Flag:
    return Flag(typ, "high", "body", paragraph, old, new, "")


def _claim(text: str) -> Claim:
    notice = parse_notice(text, "bottom")
    assert notice is not None
    return notice.claims[0]


def test_adding_material_does_not_own_a_changed_quote() -> None:
    claim = _claim("Editor's note: This article has been updated to include a response from the council.")
    assert covers(claim, _flag("paragraph-added", "", "A council spokeswoman said ..."))
    assert not covers(claim, _flag("quote", "will not", "should not"))


def test_a_claim_about_cost_does_not_own_a_changed_count() -> None:
    claim = _claim("This article was amended on 3 May 2024 to correct the cost of the barrier.")
    assert not covers(claim, _flag("figure", "4,200 homes", "4,800 homes"))
    assert covers(claim, _flag("figure", "£40m", "£45m"))


def test_numeric_details_are_whole_words() -> None:
    claim = Claim("change", Target("any", None, None, "Environment Agency will pay"))
    assert covers(claim, _flag("wording", "scheme", "construction cost"))


def test_a_bare_correction_owns_everything_only_when_nothing_more_specific_was_said() -> None:
    bare = Claim("change", Target("any"))
    figure = _flag("figure", "a third", "a quarter")
    assert covers(bare, figure, sole_correction=True)
    assert not covers(bare, figure)


def test_a_headline_typo_fixed_without_a_notice_is_minor() -> None:
    from versioner.audit import audit_chain
    from versioner.model import Revision
    from versioner.parse import normalise

    texts = ["Council approves flood barier\n\nKELLAND, May 2 (Meridian) – The council voted.\n",
             "Council approves flood barrier\n\nKELLAND, May 2 (Meridian) – The council voted.\n"]
    revs = [Revision.from_text("k", n, f"2026-05-02T0{n}:00:00Z", normalise(t))
            for n, t in enumerate(texts, 1)]
    second = audit_chain(revs)[1]
    assert second.verdict == "minor"
    assert [(f.type, f.severity, f.cosmetic) for f in second.flags] == [("headline", "medium", True)]
    assert second.reasons == ("no new notice; only headline typo fixes",)
