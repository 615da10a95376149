"""pipeline: comparing stored revisions, and the cache that keeps what it found."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from versioner.audit import audit_store
from versioner.pipeline import PairCache, compare_pair, rules_version, verify_store
from versioner.store import Store

SQL = Callable[..., list[tuple[Any, ...]]]


def _verdicts(report: list[tuple[str, list[Any]]]) -> list[tuple[str, str, tuple[Any, ...]]]:
    return [(v.ref, v.verdict, v.flags) for a in report for v in a.verdicts]


def test_audit_keeps_each_comparison_and_the_next_audit_reads_it_back(seeded: Path, sql: SQL) -> None:
    with Store.open(seeded) as st:
        first = audit_store(st)
    # 17 revisions in 7 articles: 10 pairs of consecutive revisions
    (cached,) = sql("select count(*) from pairs")[0]
    assert cached == 10
    with Store.open(seeded) as st:
        pairs = PairCache(st)
        for key in ("vessa-landslide", "altair-flight-diversion"):
            revs = st.revisions(key)
            for old, new in zip(revs, revs[1:]):
                pairs.get(old, new, old.parts(), new.parts())
        assert (pairs.hits, pairs.misses) == (4, 0)
        again = audit_store(st)
    assert _verdicts(again) == _verdicts(first)


def test_cached_flags_are_the_flags_a_fresh_diff_gives(seeded: Path) -> None:
    with Store.open(seeded) as st:
        audit_store(st)
        revs = st.revisions("altair-flight-diversion")
        cached = PairCache(st).get(revs[0], revs[1], revs[0].parts(), revs[1].parts())
    fresh = compare_pair(revs[0].parts(), revs[1].parts())
    assert cached == fresh
    figure = next(f for f in cached.flags if f.type == "figure")
    assert (figure.old_value, figure.new_value) == (221, 212)


def test_a_pair_cached_by_other_rules_is_computed_again(seeded: Path, sql: SQL) -> None:
    with Store.open(seeded) as st:
        audit_store(st)
    sql("update pairs set rules = 'older-rules', flags = '[]'")
    with Store.open(seeded) as st:
        report = audit_store(st)
    verdicts = {v.ref: v.verdict for a in report for v in a.verdicts}
    assert verdicts["altair-flight-diversion@2"] == "undisclosed"  # not fooled by the emptied flags
    assert {r for (r,) in sql("select distinct rules from pairs")} == {rules_version()}


def test_verify_finds_cached_flags_that_a_fresh_diff_does_not_give(
    seeded: Path, sql: SQL, run: Callable[..., Any]
) -> None:
    with Store.open(seeded) as st:
        audit_store(st)
        assert verify_store(st) == (17, [])
    (flags,) = sql(
        "select p.flags from pairs p join revisions r on r.id = p.to_revision_id"
        " join articles a on a.id = r.article_id where a.key = 'caldoria-rate-cut'"
    )[0]
    tampered = [dict(f, new_value=50) if f["type"] == "figure" else f for f in json.loads(flags)]
    sql("update pairs set flags = ? where flags = ?", (json.dumps(tampered), flags))
    result = run("verify")
    assert result.exit_code == 1
    assert "cache: caldoria-rate-cut@1..caldoria-rate-cut@2: cached flags differ from a fresh diff" in (
        result.stderr
    )


def test_flag_rows_view_shows_each_cached_flag(seeded: Path, sql: SQL) -> None:
    with Store.open(seeded) as st:
        audit_store(st)
    rows = sql("select type, severity, old, new from flag_rows where type = 'figure' and old like '221%'")
    assert rows == [("figure", "high", "221 passengers", "212 passengers")]


def test_flag_rows_names_the_pair_by_key_at_n(seeded: Path, sql: SQL) -> None:
    # Datasette and sqlite-utils users read refs, not internal revision ids (issue 17)
    with Store.open(seeded) as st:
        audit_store(st)
    rows = sql("select from_ref, to_ref, article, type from flag_rows where old like '221%'")
    assert rows == [("altair-flight-diversion@1", "altair-flight-diversion@2", "altair-flight-diversion",
                     "figure")]
    ids = sql("select r.id from revisions r join articles a on a.id = r.article_id"
              " where a.key = 'altair-flight-diversion' order by r.number")
    assert sql("select from_revision_id, to_revision_id from flag_rows where old like '221%'") == [
        (ids[0][0], ids[1][0])]  # the ids stay, for queries written against them


def test_log_keeps_its_comparisons_for_the_audit(seeded: Path, sql: SQL, run: Callable[..., Any]) -> None:
    assert sql("select count(*) from pairs") == [(0,)]
    assert run("log", "vessa-landslide").exit_code == 0
    assert sql("select count(*) from pairs") == [(3,)]
    with Store.open(seeded) as st:
        pairs = PairCache(st)
        revs = st.revisions("vessa-landslide")
        for old, new in zip(revs, revs[1:]):
            pairs.get(old, new, old.parts(), new.parts())
    assert (pairs.hits, pairs.misses) == (3, 0)


def test_a_whole_store_audit_writes_its_cache_as_it_goes(
    seeded: Path, sql: SQL, monkeypatch: Any
) -> None:
    # saved every few articles while the revisions are still being read, so memory
    # stays flat over a large store; every pair still lands
    import versioner.pipeline

    monkeypatch.setattr(versioner.pipeline, "_SAVE_EVERY", 2)
    saved: list[int] = []
    real_save = Store.save_pairs

    def counting_save(self: Store, rows: list[Any]) -> int:
        saved.append(len(rows))
        return real_save(self, rows)

    monkeypatch.setattr(Store, "save_pairs", counting_save)
    with Store.open(seeded) as st:
        assert len(audit_store(st)) == 7
    assert len(saved) > 1 and sum(saved) == 10
    assert sql("select count(*) from pairs") == [(10,)]
