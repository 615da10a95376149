"""The domain vocabulary (versioner/model.py): every value the stages emit is a member
of its enum, and the enums serialise as the plain strings the JSON always had."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from versioner import model
from versioner.model import (
    CHANGE_OF_PAIRING,
    PARAGRAPH_FLAG,
    ChangeKind,
    FlagType,
    NoticeKind,
    PairingKind,
    Section,
    Severity,
    Verdict,
    worst_first,
)

LABELLED = Path(__file__).parent / "labelled"


def _lines(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (LABELLED / name).read_text(encoding="utf-8").splitlines() if line]


def test_every_value_the_stages_emit_on_the_labelled_set_is_a_member() -> None:
    from versioner.audit import audit_chain
    from versioner.diff import compare
    from versioner.flags import flag_comparison
    from versioner.model import Revision
    from versioner.parse import normalise, parse

    seen: dict[type, set[str]] = {e: set() for e in (Section, ChangeKind, PairingKind, FlagType, Severity)}
    for case in _lines("flags.jsonl"):
        comparison = compare(parse(normalise(str(case["old"]))), parse(normalise(str(case["new"]))))
        for p in comparison.pairings:
            assert type(p.kind) is PairingKind
            seen[PairingKind].add(p.kind)
        for c in comparison.changes:
            assert type(c.section) is Section and type(c.kind) is ChangeKind
            seen[Section].add(c.section)
            seen[ChangeKind].add(c.kind)
        for f in flag_comparison(comparison):
            assert (type(f.type), type(f.severity), type(f.section)) == (FlagType, Severity, Section)
            seen[FlagType].add(f.type)
            seen[Severity].add(f.severity)
    verdicts: set[str] = set()
    kinds: set[str] = set()
    for chain in _lines("audit.jsonl"):
        texts = [normalise(str(r["text"])) for r in chain["revisions"]]  # type: ignore[attr-defined]
        stamps = [str(r["captured_at"]) for r in chain["revisions"]]  # type: ignore[attr-defined]
        revs = [Revision.from_text(str(chain["id"]), n, at, t)
                for n, (t, at) in enumerate(zip(texts, stamps, strict=True), 1)]
        for v in audit_chain(revs):
            assert type(v.verdict) is Verdict
            verdicts.add(v.verdict)
            for n in v.notices:
                assert type(n.kind) is NoticeKind and all(type(c.target.section) is Section for c in n.claims)
                kinds.add(n.kind)
    # the labelled set exercises (nearly) the whole vocabulary, so the checks above bite
    assert seen[FlagType] == set(FlagType)
    assert seen[Severity] == set(Severity)
    assert seen[ChangeKind] == set(ChangeKind)
    assert verdicts == set(Verdict)
    assert {"correction", "update", "clarification"} <= kinds


def test_the_labels_use_the_vocabulary() -> None:
    for case in _lines("flags.jsonl"):
        for e in case["expect"]:  # type: ignore[attr-defined]
            assert e["type"] in set(FlagType) and e.get("severity", "high") in set(Severity)
    for chain in _lines("audit.jsonl"):
        assert set(chain["expect"]) <= set(Verdict)  # type: ignore[arg-type]


def test_the_values_are_the_strings_they_always_were() -> None:
    # JSON, the pair cache and the README's tables read these: a rename must be deliberate
    assert [str(s) for s in Section] == ["notice", "headline", "byline", "dateline", "body", "credits",
                                         "caption", "any"]
    assert [str(k) for k in PairingKind] == ["kept", "edited", "added", "removed", "moved", "split", "merged"]
    assert [str(k) for k in ChangeKind] == ["insert", "delete", "replace", "move"]
    assert [str(t) for t in FlagType] == [
        "figure", "quote", "name", "negation", "attribution", "headline", "wording", "typo",
        "punctuation", "paragraph-added", "paragraph-removed", "paragraph-moved", "moved"]
    assert [str(s) for s in Severity] == ["high", "medium", "low"]
    assert [str(v) for v in Verdict] == ["first", "unchanged", "minor", "consistent", "mismatch",
                                         "undisclosed", "stealth", "update", "late", "revert"]
    assert [str(k) for k in NoticeKind] == ["correction", "update", "refile", "clarification", "repeat",
                                            "editor's note"]


def test_members_serialise_and_compare_as_plain_strings() -> None:
    doc = {"type": FlagType.PARAGRAPH_ADDED, "severity": Severity.HIGH, "verdict": Verdict.LATE}
    assert json.dumps(doc) == '{"type": "paragraph-added", "severity": "high", "verdict": "late"}'
    assert f"{FlagType.FIGURE} in {Section.BODY}" == "figure in body"
    assert Verdict.LATE == "late" and {"late": 1}[Verdict.LATE] == 1


def test_a_flag_from_the_cache_equals_the_one_computed() -> None:
    # cached flags come back from JSON as plain strings; they must still be the same flags
    from versioner.flags import flag_texts
    from versioner.pipeline import _flags_json, pair_from_json

    flags = flag_texts("Fire kills 12 people.\n", "Fire kills 14 people.\n")
    cached = pair_from_json("[]", _flags_json(flags))
    assert cached is not None and cached.flags == flags


def test_one_added_paragraph_has_one_word_per_stage() -> None:
    from versioner.diff import compare
    from versioner.flags import flag_comparison
    from versioner.parse import normalise, parse

    old = "Headline\n\nFirst paragraph of the story.\n"
    new = "Headline\n\nFirst paragraph of the story.\n\nA wholly new paragraph arrives here.\n"
    comparison = compare(parse(normalise(old)), parse(normalise(new)))
    added = [p for p in comparison.pairings if not p.old]
    assert [p.kind for p in added] == [PairingKind.ADDED]
    change = comparison.changes[-1]
    assert change.kind == CHANGE_OF_PAIRING[PairingKind.ADDED] == ChangeKind.INSERT
    assert [f.type for f in flag_comparison(comparison)] == [PARAGRAPH_FLAG[change.kind]]
    assert PARAGRAPH_FLAG[ChangeKind.INSERT] == "paragraph-added"


def test_worst_first_sorts_by_severity_and_keeps_ties_in_order() -> None:
    from versioner.flags import Flag

    def flag(severity: str, reason: str) -> Flag:
        return Flag(FlagType.WORDING, Severity(severity), Section.BODY, 1, "", "", reason)

    flags = [flag("low", "a"), flag("high", "b"), flag("medium", "c"), flag("high", "d")]
    assert [f.reason for f in worst_first(flags)] == ["b", "d", "c", "a"]
    assert [s.rank for s in Severity] == [3, 2, 1]


def test_the_model_imports_no_stage_and_no_store() -> None:
    code = ("import sys, versioner.model; "
            "print(sorted(m for m in sys.modules if m.startswith('versioner.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    # kinds.py holds Section and NoticeKind, imports nothing (no cycle through the notice reader)
    assert out.stdout.strip() == "['versioner.kinds', 'versioner.model']"
    assert model.__doc__
