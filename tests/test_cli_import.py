"""versioner import: a folder of KEY/TIME.txt files or a .jsonl file, in one transaction."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

V1 = "Ship sinks off coast\n\nA cargo ship sank on Monday, officials said.\n"
V2 = "Ship sinks off coast, crew rescued\n\nA cargo ship sank on Monday, officials said.\n"
V3 = "(Updates with rescue)\nShip sinks off coast, crew rescued\n\nAll 21 crew were rescued, officials said.\n"

def _seed_copy(seeds_dir: Path, dest: Path) -> Path:
    shutil.copytree(seeds_dir, dest, ignore=shutil.ignore_patterns("README.md"))
    return dest


def test_import_of_seeds_stores_every_chain_in_order(run: Callable[..., Any], seeds_dir: Path,
                                                     listing: Callable[..., Any]) -> None:
    result = run("import", seeds_dir)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "imported 17 revision(s) (0 unchanged) into 7 article(s), 7 new\n"
    arts = listing()
    assert {k: a["revisions"] for k, a in arts.items()} == {
        "altair-flight-diversion": 2, "balochistan-militants": 2, "bravnik-marathon": 2,
        "caldoria-rate-cut": 2, "lestria-minister-resigns": 2, "port-aven-tram": 3, "vessa-landslide": 4,
    }
    assert arts["vessa-landslide"]["first_captured"] == "2026-04-07T05:30:00Z"
    assert arts["vessa-landslide"]["last_captured"] == "2026-04-07T19:05:00Z"


def test_reimporting_the_same_folder_is_idempotent(run: Callable[..., Any], seeds_dir: Path,
                                                   snapshot: Callable[..., Any]) -> None:
    assert run("import", seeds_dir).exit_code == 0
    before = snapshot()
    again = run("import", seeds_dir)
    assert again.exit_code == 0
    assert again.stdout == "imported 0 revision(s) (17 unchanged) into 0 article(s), 0 new\n"
    assert snapshot() == before  # not a byte of the store changes
    assert run("verify").exit_code == 0


def test_import_orders_revisions_by_capture_time_not_by_file_name(run: Callable[..., Any],
                                                                  write: Callable[..., Path]) -> None:
    # "2026-…" sorts before "2026020…" by name, but it was captured later
    write("in/ship/2026-03-03T11:00:00+00:00.txt", V2)
    write("in/ship/20260303T080000Z.txt", V1)
    # names say nothing; the JSON's own "published" time orders them
    write("in/boat/a.json", json.dumps({"headline": "Boat", "body": "Second text.", "published": "2026-03-04T12:00:00Z"}))
    write("in/boat/b.json", json.dumps({"headline": "Boat", "body": "First text.", "published": "2026-03-04T07:00:00Z"}))
    assert run("import", "in").exit_code == 0
    assert run("show", "ship@1", "--format", "json").stdout.count("A cargo ship sank") == 2  # text + parts
    assert json.loads(run("show", "ship@1", "-f", "json").stdout)["text"] == V1
    assert json.loads(run("show", "ship@2", "-f", "json").stdout)["text"] == V2
    assert json.loads(run("show", "boat@1", "-f", "json").stdout)["captured_at"] == "2026-03-04T07:00:00Z"
    assert "First text." in json.loads(run("show", "boat@1", "-f", "json").stdout)["text"]


def test_import_jsonl_sorts_each_articles_lines_by_capture_time(run: Callable[..., Any],
                                                                write: Callable[..., Path],
                                                                listing: Callable[..., Any]) -> None:
    lines = [
        {"article": "ship", "text": V3, "captured_at": "2026-03-03T10:00:00Z"},
        {"article": "boat", "headline": "Boat", "body": "Later.", "captured_at": "2026-03-03T09:30:00Z"},
        {"article": "ship", "text": V1, "captured_at": "2026-03-03T08:00:00Z"},
        {"article": "boat", "headline": "Boat", "body": "Earlier.", "captured_at": "2026-03-03T07:00:00Z"},
        {"article": "ship", "text": V2, "captured_at": "2026-03-03T09:00:00+00:00"},
    ]
    f = write("feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    result = run("import", f)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "imported 5 revision(s) (0 unchanged) into 2 article(s), 2 new\n"
    texts = [json.loads(run("show", f"ship@{n}", "-f", "json").stdout)["text"] for n in (1, 2, 3)]
    assert texts == [V1, V2, V3]
    assert json.loads(run("show", "boat@1", "-f", "json").stdout)["parts"][1]["text"] == "Earlier."
    assert listing()["ship"]["last_captured"] == "2026-03-03T10:00:00Z"


def test_import_is_one_transaction_a_bad_file_late_in_the_folder_writes_nothing(
    run: Callable[..., Any], write: Callable[..., Path], seeds_dir: Path, tmp_path: Path,
    snapshot: Callable[..., Any],
) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship").exit_code == 0
    folder = _seed_copy(seeds_dir, tmp_path / "in")
    write("in/zz-last/20260505T000000Z.txt", b"Binary\n\x00\x01\x02 data\n")
    before = snapshot()
    result = run("import", folder)
    assert result.exit_code == 2
    assert result.stderr.startswith("versioner: ") and "zz-last" in result.stderr
    assert "NUL" in result.stderr and result.stderr.count("\n") == 1
    assert snapshot() == before


def test_import_with_a_bad_jsonl_line_names_it_and_writes_nothing(
    run: Callable[..., Any], write: Callable[..., Path], snapshot: Callable[..., Any],
) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship").exit_code == 0
    good = json.dumps({"article": "boat", "text": "Boat\n\nIt floats.", "captured_at": "2026-03-03T07:00:00Z"})
    f = write("feed.jsonl", "\n".join([good] * 3 + ['{"article": "boat", "text": ']) + "\n")
    before = snapshot()
    result = run("import", f)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"versioner: {f}:4: not valid JSON")
    assert snapshot() == before


def test_import_with_a_capture_time_far_in_the_future_writes_nothing(
    run: Callable[..., Any], write: Callable[..., Path], snapshot: Callable[..., Any],
) -> None:
    assert run("add", write("a.txt", V2), "--article", "ship", "--at", "2026-03-03T12:00:00Z").exit_code == 0
    write("in/boat/20260303T070000Z.txt", "Boat\n\nIt floats.\n")
    write("in/ship/22060303T080000Z.txt", V1)
    before = snapshot()
    result = run("import", "in")
    assert result.exit_code == 2
    assert "ahead of the clock" in result.stderr
    assert snapshot() == before  # boat, imported before the failure, is rolled back too


def test_import_of_a_file_that_is_neither_folder_nor_jsonl_is_bad_input(
    run: Callable[..., Any], write: Callable[..., Path], snapshot: Callable[..., Any],
) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship").exit_code == 0
    before = snapshot()
    result = run("import", "a.txt")
    assert (result.exit_code, result.stderr) == (2, "versioner: a.txt: import takes a folder or a .jsonl file\n")
    assert snapshot() == before


def test_failed_import_into_a_fresh_location_creates_no_store(run: Callable[..., Any],
                                                              store_path: Path) -> None:
    result = run("import", "no-such-folder")
    assert result.exit_code == 2
    assert result.stderr == "versioner: no-such-folder: no such file or directory\n"
    assert not store_path.exists()


def test_import_into_a_fresh_store_from_jsonl_without_keys_groups_by_story(
    run: Callable[..., Any], write: Callable[..., Path], seeds_dir: Path, listing: Callable[..., Any],
) -> None:
    rows = []
    for path in sorted((seeds_dir / "vessa-landslide").glob("*.txt")):
        rows.append({"text": path.read_text(), "captured_at": path.stem})
    f = write("feed.jsonl", "\n".join(json.dumps(r) for r in reversed(rows)) + "\n")
    assert run("import", f).exit_code == 0
    arts = listing()
    assert len(arts) == 1
    (only,) = arts.values()
    assert only["revisions"] == 4
    assert only["article"].startswith("landslide-buries-homes-in-morvanian-mountain-village")


def test_import_from_the_console_script_is_quiet_on_a_pipe(seeds_dir: Path, versioner_exe: str,
                                                           sh: Callable[..., Any], created: str) -> None:
    result = sh("import", seeds_dir, exe=versioner_exe)
    assert result.returncode == 0
    assert result.stdout == b"imported 17 revision(s) (0 unchanged) into 7 article(s), 7 new\n"
    assert result.stderr == created.encode()  # no progress bar when stderr is not a terminal


def test_failed_import_from_the_console_script_exits_2_with_one_line(
    run: Callable[..., Any], write: Callable[..., Path], versioner_exe: str, sh: Callable[..., Any],
    snapshot: Callable[..., Any],
) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship").exit_code == 0
    write("in/boat/20260303T070000Z.txt", "Boat\n\nIt floats.\n")
    write("in/boat/20260303T080000Z.txt", "Boat sinks\n\nIt sank.\n".encode("cp1252") + b"\x93oops\x94\n")
    before = snapshot()
    result = sh("import", "in", exe=versioner_exe)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.startswith(b"versioner: in/boat/20260303T080000Z.txt: not valid UTF-8")
    assert result.stderr.count(b"\n") == 1
    assert snapshot() == before


def test_import_with_encoding_reads_cp1252_files(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    write("in/boat/20260303T080000Z.txt", "Boat sinks\n\n\u201cIt sank,\u201d she said.\n".encode("cp1252"))
    assert run("import", "in", "--encoding", "cp1252").exit_code == 0
    assert json.loads(run("show", "boat", "-f", "json").stdout)["text"] == "Boat sinks\n\n\u201cIt sank,\u201d she said.\n"


def test_import_skips_readmes_and_other_suffixes(run: Callable[..., Any], write: Callable[..., Path],
                                                 listing: Callable[..., Any]) -> None:
    write("in/README.md", "# Notes about this folder\n\nNot an article.\n")
    write("in/boat/notes.csv", "a,b\n")
    write("in/boat/20260303T080000Z.md", "# Boat sinks\n\nIt sank.\n")
    result = run("import", "in")
    assert result.stdout == "imported 1 revision(s) (0 unchanged) into 1 article(s), 1 new\n"
    assert list(listing()) == ["boat"]


def test_import_of_an_empty_folder_is_bad_input(run: Callable[..., Any], write: Callable[..., Path],
                                                tmp_path: Path, snapshot: Callable[..., Any]) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship").exit_code == 0
    (tmp_path / "empty").mkdir()
    before = snapshot()
    result = run("import", "empty")
    assert (result.exit_code, result.stderr) == (2, "versioner: empty: no .txt, .md or .json files to import\n")
    assert snapshot() == before


def _chains(n: int) -> list[dict[str, str]]:
    return [{"article": f"story-{i % 7}", "captured_at": f"2026-03-03T{i // 60:02}:{i % 60:02}:00Z",
             "text": f"Story {i % 7}\n\nRevision {i}: a cargo ship sank on Monday.\n(Corrects the day)\n"}
            for i in range(n)]


@pytest.mark.parametrize("shuffled", [False, True])
def test_a_big_file_read_in_a_second_process_gives_the_same_store(
    run: Callable[..., Any], write: Callable[..., Path], tmp_path: Path, monkeypatch: Any, shuffled: bool
) -> None:
    """In capture order the lines are written as read; shuffled, they are staged
    and sorted, with what the second process prepared staged beside them."""
    from versioner import ingest
    from versioner.prepared import prepare
    from versioner.store import Store

    lines = _chains(600)
    if shuffled:
        random.Random(1).shuffle(lines)
    path = write("many.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    dumps = []
    for threshold in (10**12, 0):  # read here, then read ahead in another process
        monkeypatch.setattr(ingest, "READ_AHEAD_BYTES", threshold)
        assert [*ingest.PathRevisions(path)] == [*ingest.iter_path(path)]
        assert all(r.prepared in (None, prepare(r.text)) for r in ingest.PathRevisions(path))
        store = tmp_path / f"s{threshold}.db"
        result = run("--store", store, "import", path)
        assert result.exit_code == 0, result.stderr
        with Store.open(store) as st:
            dumps.append([st.conn.execute(f"select * from {t} order by rowid").fetchall()
                          for t in ("articles", "revisions", "sketches")])
            assert st.verify() == (600, [])
    assert dumps[0] == dumps[1]


def test_a_bad_line_read_in_a_second_process_is_the_same_error(
    run: Callable[..., Any], write: Callable[..., Path], monkeypatch: Any
) -> None:
    from versioner import ingest

    monkeypatch.setattr(ingest, "READ_AHEAD_BYTES", 0)
    text = "".join(json.dumps(r) + "\n" for r in _chains(450)) + "{not json\n"
    result = run("import", write("bad.jsonl", text))
    assert result.exit_code == 2
    assert "bad.jsonl:451: not valid JSON" in result.stderr


@pytest.mark.parametrize("bad_at", [3, 5, 8])
def test_batches_dealt_to_two_readers_come_back_in_order_with_the_first_error(
    write: Callable[..., Path], monkeypatch: Any, bad_at: int
) -> None:
    # batches of two lines, dealt to the reading processes in turn: the items come
    # back in file order, and a line too long (which every reader sees) or not JSON
    # (which only its own reader reads) is the error, whichever reader it was dealt to
    from versioner import ingest
    from versioner.errors import BadInput

    monkeypatch.setattr(ingest, "READ_AHEAD_BYTES", 0)
    monkeypatch.setattr(ingest, "_BATCH", 2)
    lines = [json.dumps(r) for r in _chains(9)]
    path = write("dealt.jsonl", "\n\n".join(lines) + "\n")  # blank lines are no one's
    assert [r.source for r in ingest.PathRevisions(path)] == [r.source for r in ingest.iter_path(path)]
    for bad in ("{not json", "[" + " " * 2000 + "]"):
        broken = write("broken.jsonl", "\n".join(lines[:bad_at - 1] + [bad] + lines[bad_at - 1:]) + "\n")
        revisions = ingest.PathRevisions(broken, max_bytes=1000)
        with pytest.raises(BadInput) as dealt:
            list(revisions)
        with pytest.raises(BadInput) as plain:
            list(revisions.read())
        assert str(dealt.value) == str(plain.value)
        assert f"broken.jsonl:{bad_at}:" in str(dealt.value)
