"""bench/realdata.py scores what it says it scores: its scoring functions give the
figures worked out by hand on made-up results, it runs end to end on a tiny
invented dataset in the realdata shape (tests/fixtures/realdata/), and with no
data it says so in one line and exits 0.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "bench" / "realdata.py"
FIXTURE = REPO / "tests" / "fixtures" / "realdata"


@pytest.fixture(scope="module")
def rd() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_realdata", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def pair(rd: ModuleType, verdict: str, got: str, *, uncertain: bool = False, outlet: str = "A",
         split: str = "tune", flags: list[dict[str, Any]] | None = None, **label: Any) -> Any:
    lab = {"verdict": verdict, "uncertain": uncertain, "substantive": [], "cosmetic": [], "figures": [], **label}
    return rd.Pair(f"P-{verdict}-{got}", "art", outlet, split, lab, "k@1..k@2", got, [], flags or [])


def flag(type_: str, severity: str = "high", section: str = "body", old: str = "a", new: str = "b",
         reason: str = "", **extra: Any) -> dict[str, Any]:
    return {"type": type_, "severity": severity, "section": section, "old": old, "new": new,
            "reason": reason, **extra}


def test_verdict_figures_by_hand(rd: ModuleType) -> None:
    pairs = [
        pair(rd, "consistent", "consistent"),
        pair(rd, "stealth", "stealth", stealth_kind="altered"),
        pair(rd, "minor", "stealth", uncertain=True, outlet="B"),
        pair(rd, "stealth", "minor", stealth_kind="added", outlet="B"),
        pair(rd, "undisclosed", "undisclosed", stealth_kind="altered", split="report"),
    ]
    v = rd.score_verdicts(pairs)
    assert v["n"] == 5 and v["accuracy"] == 3 / 5
    assert v["n_certain"] == 4 and v["accuracy_certain"] == 3 / 4
    assert v["consistent_judged_consistent"] == 1.0
    # altered: stealth -> stealth, and undisclosed keeps its own name
    assert v["n_altered"] == 2 and v["altered_called_stealth"] == 1.0
    # minor or added: the minor one came out stealth, the added one minor
    assert v["n_minor_or_added"] == 2 and v["minor_or_added_called_stealth"] == 0.5
    # a stealth label whose second read says "added" asks for the audit's update verdict
    assert v["confusion"]["stealth"] == {"stealth": 1} and v["confusion"]["update"] == {"minor": 1}
    assert v["recall"]["stealth"] == 1.0 and v["recall"]["update"] == 0.0 and v["recall"]["minor"] == 0.0
    assert v["outlets"] == {"A": {"n": 3, "accuracy": 1.0}, "B": {"n": 2, "accuracy": 0.0}}
    assert rd.score_verdicts(rd.in_split(pairs, "report"))["n"] == 1


def test_flag_figures_by_hand(rd: ModuleType) -> None:
    pairs = [
        # a figure labelled and flagged with its values; a name flagged but not labelled
        pair(rd, "consistent", "consistent", substantive=["figure"], figures=[["$10.2m", "$1.8m"]],
             flags=[flag("figure", old="$10.2m bail", new="$1.8m bail", old_value=10.2, new_value=1.8),
                    flag("name", severity="low", reason="spelling of a name: Ohio -> Ohio (two letters)")]),
        # a figure added (null old side) and a headline change of substance, both found
        pair(rd, "stealth", "stealth", substantive=["figure", "headline"], figures=[[None, "5"]],
             flags=[flag("figure", old="", new="5 people", old_value=None, new_value=5),
                    flag("wording", severity="medium", section="headline")]),
        # a name labelled, nothing flagged; a low headline change is not substantive
        pair(rd, "stealth", "minor", substantive=["name"],
             flags=[flag("typo", severity="low", section="headline")]),
    ]
    f = rd.score_flags(pairs)
    assert f["types"]["figure"] == {"precision": 1.0, "recall": 1.0, "labelled": 2, "flagged": 2}
    assert f["types"]["name"] == {"precision": 0.0, "recall": 0.0, "labelled": 1, "flagged": 1}
    assert f["types"]["headline"] == {"precision": 1.0, "recall": 1.0, "labelled": 1, "flagged": 1}
    assert f["substantive"] == {"precision": 1.0, "recall": 2 / 3, "labelled": 3, "flagged": 2}
    assert f["figure_values"] == {"precision": 1.0, "recall": 1.0, "labelled": 2, "flagged": 2}
    assert [x["reason"] for x in f["same_both_sides"]] == ["spelling of a name: Ohio -> Ohio (two letters)"]


def test_headline_found_as_the_labels_define_it(rd: ModuleType) -> None:
    """The label lists ``headline`` whenever the headline line changed in a pair with any
    substantive change: a restyled headline (a low flag) over a changed body is found, a
    headline flagged medium in a pair the label finds cosmetic is a false positive."""
    pairs = [
        pair(rd, "stealth", "stealth", substantive=["figure", "headline"],
             flags=[flag("headline", severity="low", section="headline"), flag("figure")]),
        pair(rd, "minor", "stealth", cosmetic=["headline-reword"],
             flags=[flag("headline", severity="medium", section="headline")]),
        pair(rd, "minor", "minor", cosmetic=["headline-reword"],
             flags=[flag("headline", severity="low", section="headline")]),
    ]
    assert rd.score_flags(pairs)["types"]["headline"] == {"precision": 0.5, "recall": 1.0, "labelled": 1,
                                                           "flagged": 2}


def test_a_headline_flags_facts_count_for_their_types(rd: ModuleType) -> None:
    """A headline change is one flag: a name changed in it is found as a name by the
    flag's typed ``facts``, never by its reason text."""
    pairs = [
        pair(rd, "stealth", "stealth", substantive=["name", "headline"],
             flags=[flag("headline", section="headline", reason="headline changed", facts=["name"])]),
        pair(rd, "stealth", "stealth", substantive=["headline", "wording"],
             flags=[flag("headline", section="headline", reason="headline changed: name changed: A -> B")]),
    ]
    types = rd.score_flags(pairs)["types"]
    assert types["name"] == {"precision": 1.0, "recall": 1.0, "labelled": 1, "flagged": 1}
    assert types["figure"]["flagged"] == 0


def test_figure_values_match_one_to_one(rd: ModuleType) -> None:
    p = pair(rd, "stealth", "stealth", figures=[["29", "32"], ["29", "32"], ["January 30", "January 29"]],
             flags=[flag("figure", old="29 dead", new="32 dead", old_value=29, new_value=32),
                    flag("figure", old="January 30", new="January 31", old_value=30, new_value=31),
                    flag("figure", old="", new="7", old_value=None, new_value=7)])
    assert rd.figure_matches(p) == (1, 3, 3)


def test_same_both_sides(rd: ModuleType) -> None:
    same = rd.same_both_sides
    assert same(flag("name", reason="name changed: Acme Steel -> Acme Steel"))
    assert same(flag("name", old="Ohio", new="Ohio"))
    assert same(flag("figure", old_value=3, new_value=3))
    assert not same(flag("name", reason="name changed: Ann Lee -> Lee"))
    assert not same(flag("typo", old="ohio", new="Ohio", reason="capitalisation only"))
    assert not same(flag("paragraph-moved", old="x", new="x", reason="paragraph moved from 2 to 5"))


def notice_result(rd: ModuleType, kind: str, claims: list[dict[str, Any]], read: dict[str, Any] | None,
                  text: str, in_show: bool = True) -> Any:
    return rd.NoticeResult(0, "tune", "O", kind, text, claims, in_show, read)


def test_notice_figures_by_hand(rd: ModuleType) -> None:
    right = notice_result(
        rd, "correction", [{"part": "body", "thing": "figure (age)", "old": "48", "new": "52"}],
        {"kind": "correction", "targets": [{"section": "any", "subject": "figure", "detail": "age"}],
         "claims": [{"action": "change", "section": "any", "old_value": "48", "new_value": "52"}]},
        "Correction: the age was wrong. She is 52, not 48.")
    wrong_kind = notice_result(
        rd, "clarification", [{"part": "headline", "thing": "name (spelling)", "old": "Brask", "new": "Brusk"}],
        {"kind": "correction", "targets": [{"section": "body"}], "claims": [{"action": "change", "section": "body"}]},
        "Clarification: the headline spelled Brask wrongly.")  # "Brusk" is not in the text: not scored
    missed = notice_result(rd, "update", [], None, "Update: more.", in_show=False)
    advisory = notice_result(rd, "wire advisory (policy)", [{"part": "broadcast", "thing": "tone"}], None,
                             "A policy.", in_show=True)
    n = rd.score_notices([right, wrong_kind, missed, advisory])
    assert n["n"] == 4 and n["detected"] == 3 / 4 and n["labelled_by_show"] == 3 / 4
    assert n["read_by_audit"] == 2 / 4
    assert n["kind_scored"] == 3 and n["kind_right"] == 1 / 3
    # claims: the right one (part, thing, values), the headline one (part wrong, thing wrong, old value wrong)
    assert n["claims_scored"] == 2 and n["claims_right"] == 1 / 2
    assert n["part_right"] == 1 / 2 and n["thing_right"] == 1 / 2 and n["values_right"] == 1 / 2


def test_false_notices(rd: ModuleType) -> None:
    known = ["This story has been updated with additional information."]
    paras = [
        rd.Paragraphs("tune", "k@1", ["This story has been updated with additional information.Correction: x"],
                      known),  # glued footnotes
        rd.Paragraphs("tune", "k@2", ["Correction: a label the labels' regex reads"], []),
        rd.Paragraphs("report", "k@3", ["The company said it would correct the error."], known),
    ]
    p = rd.score_paragraphs(paras)
    assert p == {"revisions": 3, "notice_parts": 3, "false_notices": 1, "false_refs": ["k@3"]}


def test_placement_and_labels(rd: ModuleType) -> None:
    def new_lines(notice: dict[str, Any]) -> list[str]:
        old, new = rd.place_notice(notice, 0)
        assert old.splitlines() == [x for x in new.splitlines() if x in old.splitlines()]
        return new.splitlines()

    bottom = new_lines({"text": "Correction: It was 5.", "outlet": "CNN", "kind": "correction"})
    assert bottom[-1] == "Correction: It was 5."
    column = new_lines({"text": "The mayor is Ann Berg, not Ann Borg.", "outlet": "The Guardian",
                        "kind": "correction"})
    assert column[-1] == "Correction: The mayor is Ann Berg, not Ann Borg."
    german = new_lines({"text": "Im Text hieß es 5.", "outlet": "Süddeutsche Zeitung (German)", "kind": "correction"})
    assert german[-1] == "Korrektur: Im Text hieß es 5."
    top = new_lines({"text": "An earlier version misstated 5.", "outlet": "The Washington Post",
                     "kind": "correction"})
    assert top[1] == "An earlier version misstated 5."
    wire = new_lines({"text": "(Corrects 5 to 6)", "outlet": "Reuters", "kind": "correction"})
    assert wire[1] == "(Corrects 5 to 6)"
    two = new_lines({"text": "Correction: March 3, 2025\nAn earlier version said 5.", "outlet": "NYT",
                     "kind": "correction"})
    assert two[-2:] == ["Correction: March 3, 2025", "An earlier version said 5."]
    assert new_lines({"text": "More was added.", "outlet": "X", "kind": "update"})[-1] == "Update: More was added."


def test_split_and_refs(rd: ModuleType) -> None:
    ids = [f"https://example.test/{i}" for i in range(200)]
    splits = [rd.split_of(i) for i in ids]
    assert splits == [rd.split_of(i) for i in ids] and 70 < splits.count("tune") < 130
    revisions = [{"captured_at": "2026-01-01T10:00:00.5+00:00"}, {"captured_at": "2026-01-01T11:00:00+00:00"},
                 {"captured_at": "2026-01-01T12:00:00+00:00"}]
    # the second text was the same as the first, so only two were stored
    audited = [{"ref": "k@1", "captured_at": "2026-01-01T10:00:00Z"}, {"ref": "k@2", "captured_at": "2026-01-01T12:00:00Z"}]
    assert rd.refs_by_index(revisions, audited) == ["k@1", "k@1", "k@2"]


def test_no_data_one_line_exit_0(rd: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERSIONER_REALDATA", str(tmp_path / "nothing"))
    assert rd.main([]) == 0
    assert rd.main(["--data", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert len(out.out.splitlines()) == 2 and "nothing scored" in out.out and not out.err


def test_runs_on_the_invented_dataset(tmp_path: Path) -> None:
    # the installed versioner, as `make realdata` runs it; about 5 s
    res = subprocess.run([sys.executable, str(SCRIPT), "--data", str(FIXTURE), "--json", "--failures", "3"],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    every = doc["figures"]["all"]
    assert every["verdicts"]["n"] == 3 and every["notices"]["n"] == 4
    assert every["paragraphs"]["revisions"] == 5
    assert doc["figures"]["tune"]["verdicts"]["n"] + doc["figures"]["report"]["verdicts"]["n"] == 3
    assert every["flags"]["types"]["figure"]["labelled"] == 1
    assert len(doc["failures"]) <= 3 and doc["seconds"] > 0
    text = subprocess.run([sys.executable, str(SCRIPT), "--data", str(FIXTURE), "--split", "report"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert text.returncode == 0 and "| figure | target | report | issue |" in text.stdout
    assert "run time" in text.stdout


def test_flag_failures_list_the_raised_and_the_missed_per_type(rd: ModuleType) -> None:
    raised = pair(rd, "minor", "stealth", flags=[flag("name", reason="name added: Strong"),
                                                  flag("wording", "low", reason="big -> large")])
    missed = pair(rd, "stealth", "minor", substantive=["figure"], flags=[flag("wording", "low", reason="x -> y")])
    right = pair(rd, "stealth", "stealth", substantive=["name"], flags=[flag("name", reason="name changed")])
    got = rd.flag_failures([raised, missed, right], 5)
    by_what = {(f["what"], f["pair"]): f for f in got}
    assert set(by_what) == {("name flag raised", raised.pair_id), ("figure flag missed", missed.pair_id)}
    # a raised flag lists the reasons of its own type only; a missed one, all the pair got
    assert by_what["name flag raised", raised.pair_id]["reasons"] == ["name high: name added: Strong"]
    assert by_what["figure flag missed", missed.pair_id]["reasons"] == ["wording low: x -> y"]
    # at most n a type
    many = [pair(rd, "minor", f"g{i}", flags=[flag("name")]) for i in range(4)]
    assert len(rd.flag_failures(many, 2)) == 2
