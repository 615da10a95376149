"""Which notice claims own which flags: the rules behind the audit verdicts."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from versioner.audit import Verdict, covers
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


def _late_chain() -> list[Verdict]:
    """@2 changes the toll silently; @3's notice owns up to it (late) and misstates the cost."""
    from versioner.audit import audit_chain
    from versioner.model import Revision
    from versioner.parse import normalise

    head = "Fire at Kelland warehouse\n\nKELLAND, May 2 (Meridian) – A fire swept through a warehouse on Friday.\n\n"
    toll = "The fire killed {} people, the fire service said.\n\n"
    cost = "Rebuilding will cost {} pounds, the owner said.\n\n"
    note = ("(Corrects death toll in paragraph 2 to 14, not 12; "
            "corrects cost in paragraph 3 to 50 million, not 40 million)\n")
    texts = [head + toll.format(12) + cost.format("40 million"),
             head + toll.format(14) + cost.format("40 million"),
             head + toll.format(14) + cost.format("45 million") + note]
    revs = [Revision.from_text("k", n, f"2026-05-02T0{n}:00:00Z", normalise(t))
            for n, t in enumerate(texts, 1)]
    return audit_chain(revs)


def test_a_verdict_does_not_depend_on_the_wording_of_its_reasons(monkeypatch: pytest.MonkeyPatch) -> None:
    # @3 is re-judged once its toll claim is matched to @2: what keeps it a mismatch is the
    # misstated cost, which must be known as a fact, not found again in the reason's text
    from versioner import audit

    plain = _late_chain()
    assert [v.verdict for v in plain] == ["first", "late", "mismatch"]
    assert plain[2].wrong_values and plain[2].wrong_values[0] in plain[2].reasons
    check, claim_text = audit._check_values, audit._claim_text

    def reworded_check(claim: Claim, hits: Sequence[Flag]) -> str | None:
        problem = check(claim, hits)
        return None if problem is None else f"figures disagree: {problem}"

    monkeypatch.setattr(audit, "_check_values", reworded_check)
    monkeypatch.setattr(audit, "_claim_text", lambda claim: f"[{claim_text(claim)}]")
    reworded = _late_chain()
    assert [v.verdict for v in reworded] == [v.verdict for v in plain]
    assert reworded[2].reasons != plain[2].reasons  # the words did change
