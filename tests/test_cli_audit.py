"""`versioner audit` on the sample chains: each verdict an editor would give."""

from __future__ import annotations

import json


def _verdicts(run, key=None):
    args = ["audit", "--format", "json"] + ([key] if key else [])
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return {a["article"]: a["revisions"] for a in json.loads(result.stdout)["articles"]}


def test_seed_story_correction_is_consistent(run, seeded):
    revs = _verdicts(run, "balochistan-militants")["balochistan-militants"]
    assert [r["verdict"] for r in revs] == ["first", "consistent"]
    notice = revs[1]["notice"]
    assert notice["kind"] == "correction"
    assert notice["text"] == "(Corrects to add missing word in headline)"
    assert {"section": "headline"}.items() <= notice["targets"][0].items()


def test_every_sample_chain_gets_the_editors_verdicts(run, seeded):
    got = {k: [r["verdict"] for r in v] for k, v in _verdicts(run).items()}
    assert got["caldoria-rate-cut"] == ["first", "consistent"]
    assert got["altair-flight-diversion"] == ["first", "undisclosed"]
    assert got["port-aven-tram"] == ["first", "stealth", "revert"]
    assert got["lestria-minister-resigns"] == ["first", "mismatch"]
    assert got["bravnik-marathon"] == ["first", "minor"]
    assert got["vessa-landslide"] == ["first", "consistent", "late", "consistent"]


def test_undisclosed_names_the_change_outside_the_notice(run, seeded):
    rev = _verdicts(run, "altair-flight-diversion")["altair-flight-diversion"][1]
    assert [u["type"] for u in rev["undisclosed"]] == ["negation"]
    assert any(c["type"] == "figure" for c in rev["covered"])


def test_late_names_the_disclosing_revision_and_latency(run, seeded):
    rev = _verdicts(run, "vessa-landslide")["vessa-landslide"][2]
    assert rev["verdict"] == "late"
    assert rev["disclosed_by"] == "vessa-landslide@4"
    assert rev["latency_s"] == 19500
    assert any(u["type"] == "quote" for u in rev["undisclosed"])  # the quote was never owned up to


def test_strict_exits_one_on_undisclosed_changes(run, seeded):
    assert run("audit", "--strict").exit_code == 1
    assert run("audit", "balochistan-militants", "--strict").exit_code == 0
    assert run("audit").exit_code == 0


def test_audit_text_report_shows_verdict_words(run, seeded):
    out = run("audit").stdout
    for word in ("consistent", "undisclosed", "stealth", "revert", "mismatch", "minor", "late"):
        assert word in out
