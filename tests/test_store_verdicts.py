"""Verdicts and notices kept in the store as derived data (issue 17, item 13): an
audit writes them, `verify` recomputes them, a later revision or other rules make
them stale; views name revisions as KEY@N, and Datasette reads the store with the
internal tables hidden by the repo's metadata file."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lifeline import die_with_parent

from versioner.store import NewRevision, Store

REPO = Path(__file__).resolve().parent.parent
METADATA = REPO / "datasette" / "metadata.json"


def _audited(run: Callable[..., Any], target: str | Path, seeds_dir: Path) -> dict[str, str]:
    """Import the seeds, audit them; the audit's verdict of each ref."""
    assert run("--store", target, "import", seeds_dir).exit_code == 0
    doc = json.loads(run("--store", target, "audit", "--format", "json").stdout)
    return {r["ref"]: r["verdict"] for a in doc["articles"] for r in a["revisions"]}


def _view(target: str | Path, sql: str) -> list[tuple[Any, ...]]:
    with Store.open(target) as st:
        return [tuple(row) for row in st.conn.execute(sql).fetchall()]


def test_an_audit_stores_each_verdict_and_the_notices_it_judged(
        run: Callable[..., Any], store_target: str | Path, seeds_dir: Path) -> None:
    verdicts = _audited(run, store_target, seeds_dir)
    assert dict(_view(store_target, "select ref, verdict from verdicts_readable")) == verdicts
    notices = _view(store_target, "select ref, kind, text, claims from notices_readable order by ref")
    assert ("altair-flight-diversion@2", "correction") in {n[:2] for n in notices}
    claims = json.loads(next(n[3] for n in notices if n[0] == "caldoria-rate-cut@2"))
    assert claims[0]["section"] == "body" and claims[0]["paragraph"] == 3
    labels = _view(store_target, "select ref, article, captured_at from revision_labels where number = 2"
                                 " and article = 'altair-flight-diversion'")
    assert labels == [("altair-flight-diversion@2", "altair-flight-diversion", "2026-05-03T09:12:00Z")]
    flags = _view(store_target, "select from_ref, to_ref, type, old, new from flags_readable"
                                " where article = 'altair-flight-diversion' and idx = 0")
    assert flags == [("altair-flight-diversion@1", "altair-flight-diversion@2", "figure",
                      "221 passengers", "212 passengers")]
    flag_rows = _view(store_target, "select from_ref, to_ref, article, idx from flag_rows"
                                    " where old = '221 passengers'")
    assert flag_rows == [("altair-flight-diversion@1", "altair-flight-diversion@2", "altair-flight-diversion", 0)]
    assert run("--store", store_target, "verify").exit_code == 0


def test_verify_recomputes_stored_verdicts_and_notices(
        run: Callable[..., Any], store_target: str | Path, seeds_dir: Path) -> None:
    _audited(run, store_target, seeds_dir)
    with Store.open(store_target) as st:
        st.conn.execute("update verdicts set verdict = 'consistent' where revision_id in (select r.id"
                        " from revisions r join articles a on a.id = r.article_id"
                        " where a.key = 'lestria-minister-resigns' and r.number = 2)")
        st.conn.execute("update notices set kind = 'update' where revision_id in (select r.id"
                        " from revisions r join articles a on a.id = r.article_id"
                        " where a.key = 'caldoria-rate-cut' and r.number = 2)")
        if st.dialect == "sqlite":
            st.conn.commit()
    result = run("--store", store_target, "verify", "--format", "json")
    assert result.exit_code == 1
    faults = {(f["where"], f["message"]) for f in json.loads(result.stdout)["faults"]}
    assert faults == {("lestria-minister-resigns@2", "stored verdicts differ from a fresh audit"),
                      ("caldoria-rate-cut@2", "stored notices differ from a fresh audit")}
    run("--store", store_target, "audit")  # the next audit writes them again
    assert run("--store", store_target, "verify").exit_code == 0


def test_a_revision_added_since_makes_an_articles_verdicts_stale_until_the_next_audit(
        run: Callable[..., Any], store_target: str | Path, seeds_dir: Path) -> None:
    verdicts = _audited(run, store_target, seeds_dir)
    with Store.open(store_target) as st:
        latest = st.latest("port-aven-tram")
        st.add(NewRevision(latest.text + "\nA later paragraph.\n", article="port-aven-tram",
                           captured_at="2026-12-01T00:00:00Z"))
    shown = dict(_view(store_target, "select ref, verdict from verdicts_readable"))
    assert shown == {ref: v for ref, v in verdicts.items() if not ref.startswith("port-aven-tram@")}
    assert run("--store", store_target, "verify").exit_code == 0  # stale, not wrong
    again = _audited(run, store_target, seeds_dir)  # the seeds again: nothing new but the audit
    assert dict(_view(store_target, "select ref, verdict from verdicts_readable")) == again
    assert len(again) == len(verdicts) + 1


def test_verdicts_of_other_rules_are_stale_and_the_next_audit_replaces_them(
        run: Callable[..., Any], store_target: str | Path, seeds_dir: Path) -> None:
    from versioner.audit import verdict_rules

    _audited(run, store_target, seeds_dir)
    with Store.open(store_target) as st:
        st.conn.execute("update verdicts set rules = 'older rules', verdict = 'first'")
        if st.dialect == "sqlite":
            st.conn.commit()
    assert run("--store", store_target, "verify").exit_code == 0
    run("--store", store_target, "audit", "balochistan-militants")  # one article: all stale ones go
    rows = _view(store_target, "select rules, count(*) from verdicts group by rules")
    assert rows == [(verdict_rules(), 2)]


def test_a_read_only_audit_keeps_no_verdicts_and_still_reports(
        run: Callable[..., Any], store_path: Path, seeds_dir: Path) -> None:
    assert run("import", seeds_dir).exit_code == 0
    with Store.open(store_path) as st:
        st.conn.execute("BEGIN IMMEDIATE")  # another writer holds the store
        busy = run("--store", store_path, "audit", "--format", "json")
        st.conn.execute("ROLLBACK")
    assert busy.exit_code == 0 and json.loads(busy.stdout)["articles"]
    assert _view(store_path, "select count(*) from verdicts") == [(0,)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get_json(url: str) -> Any:
    for _ in range(300):  # until the server listens (a hang guard, not a timing test)
        try:
            with urllib.request.urlopen(url, timeout=10) as resp:
                return json.load(resp)
        except (ConnectionError, urllib.error.URLError):
            time.sleep(0.1)
    raise AssertionError(f"datasette never answered {url}")


def test_datasette_shows_the_readable_views_and_hides_the_internal_tables(
        run: Callable[..., Any], tmp_path: Path, seeds_dir: Path) -> None:
    pytest.importorskip("datasette", reason="the Datasette test needs datasette (pip install -e '.[test]')")
    demo = tmp_path / "store" / "demo.db"
    verdicts = _audited(run, demo, seeds_dir)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(demo), "-m", str(METADATA), "-h", "127.0.0.1",
         "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=die_with_parent)
    try:
        base = f"http://127.0.0.1:{port}/demo"
        rows = _get_json(f"{base}/verdicts_readable.json?_shape=array&_size=max")
        assert {r["ref"]: r["verdict"] for r in rows} == verdicts
        tables = {t["name"]: t["hidden"] for t in _get_json(f"{base}.json")["tables"]}
        assert {name for name, hidden in tables.items() if not hidden} == {
            "articles", "revisions", "alerts"}
        revision = _get_json(f"{base}/revisions.json?_shape=array&_labels=on&_size=1")[0]
        assert revision["article_id"]["label"] == "balochistan-militants"  # a key, not only an id
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_metadata_file_says_the_same_for_the_demo_store_and_the_default_one() -> None:
    databases = json.loads(METADATA.read_text(encoding="utf-8"))["databases"]
    assert databases["demo"] == databases["versioner"]
    from versioner.store.schema import READABLE_VIEWS

    described = set(databases["demo"]["tables"])
    assert {view.split()[2] for view in READABLE_VIEWS} <= described
