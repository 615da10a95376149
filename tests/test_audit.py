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
    assert [(f.type, f.severity, f.cosmetic) for f in second.flags] == [("headline", "low", True)]
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
    from versioner import audit, held

    plain = _late_chain()
    assert [v.verdict for v in plain] == ["first", "late", "mismatch"]
    assert plain[2].wrong_values and plain[2].wrong_values[0] in plain[2].reasons
    check, claim_text = held.check_values, held.claim_text

    def reworded_check(claim: Claim, hits: Sequence[Flag]) -> str | None:
        problem = check(claim, hits)
        return None if problem is None else f"figures disagree: {problem}"

    for module, prefix in ((held, ""), (audit, "_")):
        monkeypatch.setattr(module, f"{prefix}check_values", reworded_check)
    monkeypatch.setattr(held, "claim_text", lambda claim: f"[{claim_text(claim)}]")
    reworded = _late_chain()
    assert [v.verdict for v in reworded] == [v.verdict for v in plain]
    assert reworded[2].reasons != plain[2].reasons  # the words did change


# -- issue 15: claims held against changes by evidence; verdicts an editor would give ----

_HEAD = "Harbour council hires staff\n\nPORTLEY, May 2 (Meridian) - "
_TAIL = "\n\nThe council meets on Fridays in the old customs house.\n"


def _audit(*texts: str) -> list[Verdict]:
    from versioner.audit import audit_chain
    from versioner.model import Revision
    from versioner.parse import normalise

    revs = [Revision.from_text("k", n, f"2026-05-02T0{n}:00:00Z", normalise(t)) for n, t in enumerate(texts, 1)]
    return audit_chain(revs)


def _judged(old_body: str, new_body: str, notice: str = "") -> Verdict:
    return _audit(_HEAD + old_body + _TAIL, _HEAD + new_body + _TAIL + (f"\n{notice}\n" if notice else ""))[1]


def test_a_notice_naming_the_old_and_new_words_covers_the_spelling_fix() -> None:
    v = _judged("Council member Jane Dorr voted against the plan.", "Council member Jane Doerr voted against the plan.",
                "Correction: An earlier version misspelled the surname of a council member. She is Jane Doerr, not Dorr.")
    assert v.verdict == "consistent"
    assert any('notice names "Jane Doerr" and "Dorr"' in r for r in v.reasons)


def test_a_value_given_as_to_x_covers_the_figure_it_names() -> None:
    v = _judged("The council has 200 staff, the mayor said.", "The council has 300 staff, the mayor said.",
                "(Corrects number of staff to 300)")
    assert v.verdict == "consistent"
    assert any('notice names "300"' in r for r in v.reasons)


def test_curly_quoted_x_not_y_covers_the_change() -> None:
    v = _judged("The scheme is called Plan 6 by officials.", "The scheme is called Plan 7 by officials.",
                "Correction: An earlier version of this story misnamed the scheme. "
                "It is called \u201cPlan 7,\u201d not \u201cPlan 6.\u201d")
    assert v.verdict == "consistent"
    assert any('notice names "Plan 7" and "Plan 6"' in r for r in v.reasons)


def test_stated_values_not_in_the_change_are_a_mismatch_with_both_values() -> None:
    v = _judged("The toll rose to 1,850 on Sunday.", "The toll rose to 1,860 on Sunday.",
                "Correction: An earlier version of this story misstated the toll. It was 19, not 18.")
    assert v.verdict == "mismatch"
    (problem,) = v.wrong_values
    assert "19, not 18" in problem and "1,850" in problem and "1,860" in problem and "None" not in problem


def test_values_the_wrong_way_round_are_a_mismatch() -> None:
    v = _judged("The ferry carried 221 passengers.", "The ferry carried 212 passengers.",
                "Correction: An earlier version of this story misstated the number of passengers. "
                "It was 221, not 212.")
    assert v.verdict == "mismatch"


def test_the_date_of_a_label_is_not_a_claim() -> None:
    v = _judged("The council has 200 staff, the mayor said.", "The council has 300 staff, the mayor said.",
                "Correction: March 3, 2025\n\nAn earlier version of this story misstated the number of staff. "
                "It is 300.")
    assert v.verdict == "consistent"
    assert not v.unmatched and not any("no such change" in r for r in v.reasons)


def test_evidence_of_place_kind_and_entity() -> None:
    from versioner.evidence import Clue, evidence
    from versioner.model import Section

    flag = Flag("name", "high", "body", 2, "Dorr", "Doerr", "")
    place = evidence(Claim("change", Target(Section.BODY, 2)), flag)
    assert [e.clue for e in place] == [Clue.PLACE] and "body paragraph 2" in place[0].said
    assert evidence(Claim("change", Target(Section.BODY, 5)), flag) == []
    kind = evidence(Claim("fix-spelling", Target(Section.ANY, None, "name", "surname of a council member")), flag)
    assert [e.clue for e in kind] == [Clue.THING]
    role = Flag("wording", "medium", "body", 3, "deputy mayor", "mayor", "")
    entity = evidence(Claim("change", Target(Section.ANY, None, "title", "title of Mara Venn")), role,
                      "Mara Venn, the mayor, opened the meeting.")
    assert any('"Mara Venn"' in e.said for e in entity)
    assert evidence(Claim("change", Target(Section.HEADLINE)), flag) == []


def test_a_notice_carried_unchanged_claims_nothing_new() -> None:
    notice = "Correction: An earlier version of this story misstated the number of staff. It is 300."
    first = _HEAD + "The council has 200 staff." + _TAIL
    fixed = _HEAD + "The council has 300 staff." + _TAIL + f"\n{notice}\n"
    grown = _HEAD + "The council has 300 staff.\n\nIt hired 40 of them this year." + _TAIL + f"\n{notice}\n"
    verdicts = _audit(first, fixed, grown)
    assert [v.verdict for v in verdicts] == ["first", "consistent", "update"]
    assert verdicts[2].notices == () and not verdicts[2].unmatched


def test_silent_additions_are_an_update_and_silent_changes_stealth() -> None:
    from versioner.render.auditview import verdict_json
    from versioner.stealth import StealthKind

    added = _judged("The council has 200 staff.", "The council has 200 staff.\n\nIt hired 40 of them this year.")
    assert (added.verdict, added.stealth_kind) == ("update", StealthKind.ADDED)
    assert verdict_json(added)["stealth_kind"] == "added"
    altered = _judged("The council has 200 staff.", "The council has 180 staff.")
    assert (altered.verdict, altered.stealth_kind) == ("stealth", StealthKind.ALTERED)
    assert verdict_json(altered)["stealth_kind"] == "altered"
    dropped = _judged("The council has 200 staff.\n\nThe mayor promised to cut rates by a tenth next year.",
                      "The council has 200 staff.")
    assert (dropped.verdict, dropped.stealth_kind) == ("stealth", StealthKind.ALTERED)
    flipped = _judged("The mayor said the council would appeal.", "The mayor said the council would not appeal.")
    assert flipped.verdict == "stealth"
    assert "stealth_kind" not in verdict_json(_audit(_HEAD + "x" + _TAIL)[0])


def test_an_update_notice_covers_new_material_and_superseded_lines_not_silent_fixes() -> None:
    old = "The council has 200 staff.\n\nThe mayor did not immediately respond to a request for comment."
    new = "The council has 200 staff.\n\nThe mayor said the hiring would continue."
    covered = _judged(old, new, "This story has been updated with additional information.")
    assert covered.verdict == "consistent"
    fixed = _judged(old, new.replace("200", "180"), "This story has been updated with additional information.")
    assert (fixed.verdict, fixed.stealth_kind) == ("undisclosed", "altered")
    assert [f.type for f in fixed.undisclosed] == ["figure"]


def test_late_and_revert_still_work_beside_update() -> None:
    first = _HEAD + "The council has 200 staff." + _TAIL
    changed = _HEAD + "The council has 180 staff." + _TAIL
    owned = changed + "\n(Corrects number of staff to 180, not 200)\n"
    assert [v.verdict for v in _audit(first, changed, owned)] == ["first", "late", "consistent"]
    grown = _HEAD + "The council has 200 staff.\n\nIt hired 40 of them this year." + _TAIL
    assert [v.verdict for v in _audit(first, grown, first)] == ["first", "update", "revert"]
