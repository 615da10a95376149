"""versioner verify: every hash, the numbering, cached parts and SQLite's own integrity."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SQL = Callable[..., list[tuple[Any, ...]]]

REV = ("(select r.id from revisions r join articles a on a.id = r.article_id"
       " where a.key = ? and r.number = ?)")


def test_verify_passes_on_a_store_imported_from_seeds(seeded: Path, run: Callable[..., Any]) -> None:
    result = run("verify")
    assert result.exit_code == 0
    assert result.stdout == ("ok: 17 revision(s) checked, hashes, numbering and parts sound;"
                             " no stored verdicts to check (audit stores them)\n")
    assert result.stderr == ""


def test_verify_json_on_a_sound_store(seeded: Path, run: Callable[..., Any]) -> None:
    result = run("verify", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"schema_version": 1, "ok": True, "revisions": 17, "verdicts": 0,
                                         "faults": []}


def test_verify_says_how_many_stored_verdicts_it_recomputed(seeded: Path, run: Callable[..., Any]) -> None:
    assert run("audit").exit_code == 0  # stores a verdict for each of the 17 revisions
    result = run("verify")
    assert result.exit_code == 0
    assert result.stdout.endswith("; 17 stored verdict(s) match a fresh audit\n")
    assert json.loads(run("verify", "-f", "json").stdout)["verdicts"] == 17


def test_verify_writes_nothing(seeded: Path, run: Callable[..., Any], snapshot: Callable[[], Any]) -> None:
    before = snapshot()
    assert run("verify").exit_code == 0
    assert snapshot() == before


def test_text_altered_behind_the_stores_back_is_a_hash_fault(seeded: Path, run: Callable[..., Any],
                                                             sql: SQL) -> None:
    sql(f"update revisions set text = replace(text, '25 basis points', '50 basis points') where id = {REV}",
        ("caldoria-rate-cut", 2))
    result = run("verify")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "hash: caldoria-rate-cut@2: text does not match its sha256\n"
        "1 fault(s) in 17 revision(s)\n"
    )


def test_altered_sha256_is_a_hash_fault(seeded: Path, run: Callable[..., Any], sql: SQL) -> None:
    sql(f"update revisions set sha256 = ? where id = {REV}", ("0" * 64, "vessa-landslide", 3))
    result = run("verify")
    assert result.exit_code == 1
    assert result.stderr == "hash: vessa-landslide@3: text does not match its sha256\n1 fault(s) in 17 revision(s)\n"


def test_text_replaced_by_a_blob_is_a_text_fault(seeded: Path, run: Callable[..., Any], sql: SQL) -> None:
    sql(f"update revisions set text = X'00FF' where id = {REV}", ("port-aven-tram", 1))
    result = run("verify", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["faults"] == [
        {"kind": "text", "where": "port-aven-tram@1", "message": "text is binary data, not text"}]


@pytest.mark.parametrize(("change", "message"), [
    ("set text = replace(text, 'tram', 'train')", "text does not match its sha256"),
    ("set text = replace(text, 'tram', 'tra')", "text does not match its sha256"),
    ("set sha256 = '" + "ab" * 32 + "'", "text does not match its sha256"),
    ("set sha256 = 'not a hash'", "stored sha256 is not 64 hex digits"),
    ("set sha256 = ''", "stored sha256 is not 64 hex digits"),
    ("set parts = '[]'", "cached parts differ from a fresh parse"),
])
def test_each_kind_of_tampering_has_its_own_message_in_json(change: str, message: str, seeded: Path,
                                                            run: Callable[..., Any], sql: SQL) -> None:
    sql(f"update revisions {change} where id = {REV}", ("port-aven-tram", 2))
    result = run("verify", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert [(f["where"], f["message"]) for f in data["faults"]] == [("port-aven-tram@2", message)]


def test_a_missing_first_revision_is_a_numbering_fault(seeded: Path, run: Callable[..., Any], sql: SQL) -> None:
    sql(f"delete from revisions where id = {REV}", ("vessa-landslide", 1))
    result = run("verify", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["faults"] == [
        {"kind": "numbering", "where": "vessa-landslide@2",
         "message": "expected vessa-landslide@1, found vessa-landslide@2"}]


def test_a_store_that_is_not_a_database_is_named_as_such_even_with_json(
        run: Callable[..., Any], write: Callable[..., Path]) -> None:
    for name, content in (("zeros.db", b"\x00" * 4096), ("page.db", b"<html>not a store</html>"),
                          ("fake.db", b"SQLite format 3\x00" + b"\xff" * 200)):
        path = write(name, content)
        result = run("--store", path, "verify", "--format", "json")
        assert result.exit_code == 2, name
        assert result.stdout == ""
        assert result.stderr.startswith("versioner: ") and result.stderr.count("\n") == 1
        assert f"{path}" in result.stderr and "not a" in result.stderr, result.stderr
        assert path.read_bytes() == content  # looked at, never written


def test_numbering_gap_is_a_numbering_fault(seeded: Path, run: Callable[..., Any], sql: SQL) -> None:
    sql("update revisions set number = 5 where number = 2 and article_id = "
        "(select id from articles where key = 'caldoria-rate-cut')")
    result = run("verify")
    assert result.exit_code == 1
    assert "numbering: caldoria-rate-cut@5: expected caldoria-rate-cut@2, found caldoria-rate-cut@5" in result.stderr
    assert result.stderr.endswith("1 fault(s) in 17 revision(s)\n")


def test_stale_cached_parts_are_a_parts_fault(seeded: Path, run: Callable[..., Any], sql: SQL) -> None:
    sql(f"update revisions set parts = '[]' where id = {REV}", ("altair-flight-diversion", 2))
    result = run("verify", "-f", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["revisions"] == 17
    assert data["faults"] == [{"kind": "parts", "where": "altair-flight-diversion@2",
                               "message": "cached parts differ from a fresh parse"}]


def test_every_fault_is_reported_not_just_the_first(seeded: Path, run: Callable[..., Any], sql: SQL) -> None:
    sql(f"update revisions set text = text || 'x' where id = {REV}", ("bravnik-marathon", 1))
    sql(f"update revisions set sha256 = 'bad' where id = {REV}", ("lestria-minister-resigns", 2))
    result = run("verify", "-f", "json")
    assert result.exit_code == 1
    assert [f["where"] for f in json.loads(result.stdout)["faults"]] == [
        "bravnik-marathon@1", "lestria-minister-resigns@2"]


def test_verify_from_the_console_script_exits_1_on_a_fault(seeded: Path, sql: SQL, versioner_exe: str,
                                                          sh: Callable[..., Any]) -> None:
    sql(f"update revisions set text = 'tampered' where id = {REV}", ("balochistan-militants", 1))
    result = sh("verify", exe=versioner_exe)
    assert result.returncode == 1
    assert b"hash: balochistan-militants@1" in result.stderr
    assert sh("verify", "--format", "json").returncode == 1


def test_verify_of_a_file_that_is_not_a_database_exits_2(run: Callable[..., Any], write: Callable[..., Path],
                                                         sh: Callable[..., Any]) -> None:
    notes = write("notes.txt", "Not a database at all.\n")
    result = run("--store", notes, "verify")
    assert result.exit_code == 2
    assert result.stderr == f"versioner: {notes} is not a versioner store (not a SQLite database)\n"
    real = sh("verify", "--format", "json", env={"VERSIONER_STORE": str(notes)})
    assert real.returncode == 2 and real.stdout == b""
    assert notes.read_text() == "Not a database at all.\n"


def test_verify_without_a_store_exits_2(run: Callable[..., Any], store_path: Path) -> None:
    result = run("verify")
    assert result.exit_code == 2
    assert result.stderr.startswith("versioner: no store at ")
    assert not store_path.exists()


def test_verify_of_a_corrupted_page_is_a_sqlite_fault_not_a_traceback(seeded: Path, run: Callable[..., Any],
                                                                   sql: SQL) -> None:
    (root,) = sql("select rootpage from sqlite_master where name = 'revisions'")[0]
    (page_size,) = sql("pragma page_size")[0]
    with seeded.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 16)
    try:
        result = run("verify")
    except sqlite3.DatabaseError as exc:
        pytest.fail(f"raw sqlite3 error reached the user: {exc}")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"sqlite: {seeded}: ")
    assert result.stderr.endswith("1 fault(s) in 0 revision(s)\n")
    assert "Traceback" not in result.stderr


def test_a_revision_cut_off_from_its_article_is_a_fault(seeded: Path, run: Callable[..., Any],
                                                       sql: SQL) -> None:
    sql("update revisions set article_id = 999 where number = 2 and article_id = "
        "(select id from articles where key = 'caldoria-rate-cut')")
    assert sql("select count(*) from revisions") == [(17,)]
    result = run("verify", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["revisions"] == 17


def test_verify_checks_every_column_the_commands_read_and_names_each_fault(
        seeded: Path, run: Callable[..., Any], sql: SQL) -> None:
    sql(f"update revisions set text = CAST(x'ff' AS TEXT) where id = {REV}", ("bravnik-marathon", 1))
    sql(f"update revisions set captured_at = 'garbage' where id = {REV}", ("vessa-landslide", 2))
    sql(f"update revisions set notices = 'x' where id = {REV}", ("port-aven-tram", 1))
    [(aid,)] = sql("select id from articles where key = 'lestria-minister-resigns'")
    sql("update articles set key = 'a@b' where key = 'lestria-minister-resigns'")
    result = run("verify")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"article: article #{aid}: article key 'a@b' contains '@', which REF syntax reserves",
        "text: bravnik-marathon@1: text is not valid UTF-8",
        "notices: port-aven-tram@1: notice count 'x' is not a whole number",
        "time: vessa-landslide@2: capture time 'garbage' is not an ISO 8601 UTC time",
        "4 fault(s) in 17 revision(s)",
    ]
