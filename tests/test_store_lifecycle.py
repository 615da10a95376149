"""A store's life: how it appears, what may never remove it, which paths it
refuses, the stray files it cleans, and how it is read when it cannot be written.

Guards: ``Store._new`` and ``Store._publish`` (a new store is built in a file
of the creating process's own and linked into place by its first commit, so a
failed command has nothing visible to remove and never removes anything);
``_is_store_file`` (devices, FIFOs and folders are refused before SQLite opens
them); ``_clean_stale``; ``Store._open_reading`` (read commands never create,
migrate or need to write); ``Store._write`` and ``_failure`` (SQLite's errors
as one line, the transaction rolled back).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from versioner.store import LATEST_MIGRATION, Store

Run = Callable[..., Any]
SQL = Callable[..., list[tuple[Any, ...]]]
ARTICLE = "Ship sinks\n\nA ship sank off the coast with 40 people on board.\n"
CORRECTED = "(Corrects number of people)\nShip sinks\n\nA ship sank off the coast with 45 people on board.\n"


def _cli(exe: str, *args: object, store: Path, input: bytes | None = None,
         timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([exe, "--store", str(store), *map(str, args)], input=input,
                          capture_output=True, timeout=timeout)


def _one_line(result: subprocess.CompletedProcess[bytes], *fragments: str) -> str:
    err = result.stderr.decode()
    assert result.returncode == 2, (result.returncode, err)
    assert result.stdout == b""
    assert err.startswith("versioner: ") and err.count("\n") == 1, err
    for fragment in fragments:
        assert fragment in err, err
    return err


def _bad_tail_jsonl(path: Path, good: int) -> Path:
    """``good`` valid lines, then one that is not JSON: an import of it fails at the end."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(good):
            fh.write(json.dumps({
                "article": f"bulk-{i % 20}", "captured_at": f"2026-03-01T{i // 60 % 24:02d}:{i % 60:02d}:00Z",
                "text": f"Bulk story {i}\n\nParagraph {i} counts {i * 7} people.\n"}) + "\n")
        fh.write('{"article": "broken", "text": \n')
    return path


# -- item 1: a store another process may have used is never removed -----------------


@pytest.mark.slow
def test_a_failing_first_import_never_takes_away_an_add_that_was_reported(tmp_path: Path,
                                                                          versioner_exe: str) -> None:
    """The import creates the store and fails at its last line while other
    processes add; before the fix its clean-up unlinked the store, and with it
    every add reported meanwhile (``important@1``, exit 0: lost every time).
    Also in each round: adds with a bad key, which once created the store too."""
    feed = _bad_tail_jsonl(tmp_path / "bad-tail.jsonl", 1500)
    rng = random.Random(1313)
    rounds, reported = 8, 0
    for r in range(rounds):
        store = tmp_path / f"round{r}" / "v.db"
        store.parent.mkdir()  # only a folder named store is made for a new store
        importer = subprocess.Popen([versioner_exe, "--store", str(store), "import", str(feed)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # the adds start once the import has made its store (visible or still private)
        deadline = time.monotonic() + 30
        while importer.poll() is None and time.monotonic() < deadline and not (
                store.exists() or (store.parent.is_dir() and any(store.parent.glob(".v.db.*.new")))):
            time.sleep(0.002)
        adders = []
        for j in range(4):
            time.sleep(rng.uniform(0, 0.03))
            key = f"important-{j}" if j != 2 else "bad@key"
            text = f"Important {r}.{j}\n\nSomething that must not be lost, number {r * 10 + j}.\n"
            proc = subprocess.Popen([versioner_exe, "--store", str(store), "add", "-", "--article", key],
                                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            adders.append((key, text, proc, proc.communicate(text.encode(), timeout=120)))
        _, import_err = importer.communicate(timeout=120)
        assert importer.returncode == 2 and b"bad-tail.jsonl:1501: not valid JSON" in import_err, import_err
        told = {}
        for key, text, proc, (out, err) in adders:
            if key == "bad@key":
                assert proc.returncode == 2 and b"contains '@'" in err
                continue
            assert proc.returncode == 0, err
            told[out.decode().strip()] = text
        with Store.open(store) as st:
            for ref, text in told.items():
                key, number = ref.split("@")
                assert st.revision(key, int(number)).text == text, ref
            assert {a.key for a in st.articles()} == {ref.split("@")[0] for ref in told}  # no bulk-*
        assert [p.name for p in store.parent.iterdir() if ".new" in p.name] == []
        reported += len(told)
    assert reported == rounds * 3


def test_a_failed_import_into_a_new_location_leaves_no_store(tmp_path: Path, versioner_exe: str) -> None:
    store = tmp_path / "fresh" / "store" / "v.db"
    store.parent.parent.mkdir()
    result = _cli(versioner_exe, "import", _bad_tail_jsonl(tmp_path / "in.jsonl", 50), store=store)
    _one_line(result, "in.jsonl:51: not valid JSON")
    assert not store.parent.exists()  # not the store, its private file, or its folder
    _one_line(_cli(versioner_exe, "list", store=store), "no store at")


def test_an_add_with_a_bad_key_creates_nothing(tmp_path: Path, versioner_exe: str) -> None:
    store = tmp_path / "fresh" / "v.db"
    result = _cli(versioner_exe, "add", "-", "--article", "a@b", store=store, input=ARTICLE.encode())
    _one_line(result, "contains '@'")
    assert not store.parent.exists()


def test_two_first_writers_each_get_their_revision_into_the_one_store(tmp_path: Path) -> None:
    """Two opens of the same new path: the second to commit finds the first's
    store linked in place, drops its own, and writes again into that one."""
    from versioner.model import NewRevision

    path = tmp_path / "v.db"
    first, second = Store.open(path, create=True), Store.open(path, create=True)
    with first, second:
        a = first.add(NewRevision(ARTICLE, article="ship"))
        b = second.add(NewRevision(CORRECTED, article="ship"))
        assert (a.revision.ref, b.revision.ref) == ("ship@1", "ship@2")
    with Store.open(path) as st:
        assert [r.text for r in st.revisions("ship")] == [ARTICLE, CORRECTED]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.db"]


# -- item 10: paths that are not a store, and stray files -------------------------


def test_a_device_as_store_is_refused_and_nothing_is_made_beside_it(versioner_exe: str) -> None:
    made = Path("/dev/null-journal")
    existed = made.exists()
    try:
        for args in (["list"], ["add", "-", "--article", "k"]):
            result = subprocess.run([versioner_exe, "--store", "/dev/null", *args], input=ARTICLE.encode(),
                                    capture_output=True, timeout=60)
            _one_line(result, "store /dev/null is not a regular file")
        assert existed or not made.exists()
    finally:
        if not existed:
            made.unlink(missing_ok=True)


def test_a_fifo_as_store_is_refused_at_once(tmp_path: Path, versioner_exe: str) -> None:
    fifo = tmp_path / "v.db"
    os.mkfifo(fifo)
    for args in (["list"], ["add", "-", "--article", "k"], ["verify"]):
        # before the fix, SQLite's open of the FIFO waited for a writer for ever
        result = _cli(versioner_exe, *args, store=fifo, input=ARTICLE.encode(), timeout=20)
        _one_line(result, "is not a regular file")


def test_a_symbolic_link_to_nothing_is_not_followed(tmp_path: Path, versioner_exe: str) -> None:
    link = tmp_path / "v.db"
    link.symlink_to(tmp_path / "elsewhere.db")
    _one_line(_cli(versioner_exe, "add", "-", "--article", "k", store=link, input=ARTICLE.encode()),
              "symbolic link to nothing")
    assert not (tmp_path / "elsewhere.db").exists()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_private_files_left_by_a_killed_first_add_are_removed_on_the_next_open(
        tmp_path: Path, versioner_exe: str) -> None:
    """A SIGKILL while the first add builds its store leaves ``.v.db.PID.N.new``
    (and -wal, -shm); the next write open removes those of processes that are
    gone (or untouched for a day), and leaves a live process's alone."""
    store = tmp_path / "v.db"
    dead, live = _dead_pid(), os.getpid()
    stray = [f".v.db.{dead}.1.new", f".v.db.{dead}.1.new-wal", f".v.db.{dead}.1.new-shm",
             f".v.db.{dead}.new", f".v.db.{dead}.new-journal"]  # the second: as versions before named it
    kept = [f".v.db.{live}.7.new", f".v.db.{live}.7.new-wal", ".other.db.1.1.new", f".v.db.{dead}.x.new"]
    for name in stray + kept:
        (tmp_path / name).write_bytes(b"left over")
    result = _cli(versioner_exe, "add", "-", "--article", "ship", store=store, input=ARTICLE.encode())
    assert (result.returncode, result.stdout) == (0, b"ship@1\n"), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept + ["v.db"])
    # on an existing store too, and for a live process's files once they are a day old
    day_ago = time.time() - 25 * 3600
    for name in kept[:2]:
        os.utime(tmp_path / name, (day_ago, day_ago))
    (tmp_path / f".v.db.{dead}.2.new").write_bytes(b"left over")
    result = _cli(versioner_exe, "add", "-", "--article", "ship", store=store, input=CORRECTED.encode())
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(kept[2:] + ["v.db"])


def test_a_read_command_removes_nothing(tmp_path: Path, versioner_exe: str) -> None:
    store = tmp_path / "v.db"
    assert _cli(versioner_exe, "add", "-", "--article", "ship", store=store, input=ARTICLE.encode()).returncode == 0
    stray = tmp_path / f".v.db.{_dead_pid()}.1.new"
    stray.write_bytes(b"left over")
    assert _cli(versioner_exe, "list", store=store).returncode == 0
    assert stray.exists()


# -- item 11 and the store's part of item 7: read-only, full, damaged ----------------


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """Mount a tmpfs of a given size (root only); each is unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("needs root: a read-only folder or a full disk is made with a tmpfs mount")
    mounts: list[Path] = []

    def _mount(size: str) -> Path:
        point = tmp_path / f"mnt{len(mounts)}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                              capture_output=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounts.append(point)
        return point

    try:
        yield _mount
    finally:
        for point in reversed(mounts):
            subprocess.run(["umount", "-l", str(point)], capture_output=True)


def _remount(point: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(point)], check=True, capture_output=True)


def _two_revisions(exe: str, store: Path) -> None:
    for text in (ARTICLE, CORRECTED):
        assert _cli(exe, "add", "-", "--article", "ship", store=store, input=text.encode()).returncode == 0


READS = [(["list"], 0), (["log", "ship"], 0), (["show", "ship@1"], 0), (["diff", "ship"], 1),
         (["audit", "--strict"], 0), (["verify"], 0), (["list", "--format", "json"], 0)]


def _reads_work(exe: str, store: Path) -> None:
    for args, code in READS:
        result = _cli(exe, *args, store=store)
        assert (result.returncode, result.stderr) == (code, b""), args
    shown = json.loads(_cli(exe, "show", "ship", "--format", "json", store=store).stdout)
    assert shown["text"] == CORRECTED


def test_every_read_command_works_in_a_read_only_folder(tmpfs: Callable[[str], Path],
                                                        versioner_exe: str) -> None:
    """No -wal or -shm can be made there; before the fix even `list` failed
    ("attempt to write a readonly database")."""
    point = tmpfs("4m")
    store = point / "v.db"
    _two_revisions(versioner_exe, store)
    _remount(point, "ro")
    _reads_work(versioner_exe, store)
    assert sorted(p.name for p in point.iterdir()) == ["v.db"]
    for args in (["add", "-", "--article", "ship"], ["import", str(point)]):
        _one_line(_cli(versioner_exe, *args, store=store, input=b"New\n\nText.\n"), f"store {store} is read-only")


def test_a_read_only_store_file_is_read_and_refuses_writes_in_one_line(
        tmpfs: Callable[[str], Path], tmp_path: Path, versioner_exe: str, write: Callable[..., Path]) -> None:
    tmpfs("1m")  # only to skip where mounts are not possible
    store = tmp_path / "rofile" / "v.db"
    store.parent.mkdir()
    _two_revisions(versioner_exe, store)
    before = store.read_bytes()
    subprocess.run(["mount", "--bind", str(store), str(store)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(store)], check=True)
        _reads_work(versioner_exe, store)
        _one_line(_cli(versioner_exe, "add", "-", "--article", "ship", store=store, input=b"New\n\nText.\n"),
                  "is read-only", "nothing written")
        feed = write("feed.jsonl", json.dumps({"article": "boat", "text": "Boat\n\nIt floats."}) + "\n")
        _one_line(_cli(versioner_exe, "import", feed, store=store), "is read-only", "nothing written")
    finally:
        subprocess.run(["umount", "-l", str(store)])
    assert store.read_bytes() == before


def _store_at_migration(exe: str, store: Path, last: str) -> None:
    """A store whose schema stops at migration ``last`` (as an older versioner left it)."""
    _two_revisions(exe, store)
    conn = sqlite3.connect(store)
    conn.execute("drop view flag_rows")  # m007 labelled it: m002's, by ids only
    conn.execute("create view flag_rows as select p.from_revision_id, p.to_revision_id, f.key as idx,"
                 " json_extract(f.value, '$.type') as type, json_extract(f.value, '$.severity') as severity,"
                 " json_extract(f.value, '$.section') as section,"
                 " json_extract(f.value, '$.paragraph') as paragraph, json_extract(f.value, '$.old') as old,"
                 " json_extract(f.value, '$.new') as new, json_extract(f.value, '$.reason') as reason"
                 " from pairs p, json_each(p.flags) f")
    conn.execute("delete from _sqlite_migrations where name = 'm007_flag_rows_labelled'")
    for view in ("revision_labels", "flags_readable", "verdicts_readable", "notices_readable"):  # m006's
        conn.execute(f"drop view {view}")
    for table in ("notices", "verdicts"):
        conn.execute(f"drop table {table}")
    conn.execute("delete from _sqlite_migrations where name = 'm006_verdicts_notices_readable_views'")
    for table in ("pages", "fetch_state", "alerts"):  # m005's
        conn.execute(f"drop table {table}")
    conn.execute("delete from _sqlite_migrations where name = 'm005_web_pages_fetch_state_alerts'")
    # before m004: the notices table m001 made
    conn.execute("create table notices (revision_id integer not null references revisions(id),"
                 " idx integer not null, position text not null, text text not null, kind text,"
                 " claims text, primary key (revision_id, idx))")
    conn.execute("delete from _sqlite_migrations where name = 'm004_drop_unwritten_notices'")
    if last != "m003_revision_summary_index":
        conn.execute("drop index revisions_summary")
        conn.execute("delete from _sqlite_migrations where name = 'm003_revision_summary_index'")
    if last == "m001_articles_and_revisions":  # no pair cache, parts cached as copies of the text
        conn.execute("drop view flag_rows")
        conn.execute("drop table pairs")
        conn.execute("create table flags (from_revision_id integer, to_revision_id integer, idx integer,"
                     " type text, severity text, section text, paragraph integer, old text, new text,"
                     " reason text)")
        conn.execute("delete from _sqlite_migrations where name != 'm001_articles_and_revisions'")
    conn.commit()
    conn.close()


def _has_table(store: Path, name: str) -> bool:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return conn.execute("select 1 from sqlite_master where name = ?", (name,)).fetchone() is not None
    finally:
        conn.close()


def _has_m001_notices(store: Path) -> bool:
    """Is the notices table m001 made (never written; m004 drops it) there? (m006
    makes another, which audit writes: its ``kind`` is not null.)"""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        columns = {row[1]: row[3] for row in conn.execute("pragma table_info('notices')")}
    finally:
        conn.close()
    return bool(columns) and columns["kind"] == 0


def _migrations(store: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return [n for (n,) in conn.execute("select name from _sqlite_migrations order by id")]
    finally:
        conn.close()


def test_an_older_schema_is_read_without_migrating_it(tmp_path: Path, versioner_exe: str) -> None:
    store = tmp_path / "v.db"
    _store_at_migration(versioner_exe, store, "m002_pair_cache_and_span_parts")
    for args, code in READS:
        assert _cli(versioner_exe, *args, store=store).returncode == code, args
    assert _migrations(store)[-1] == "m002_pair_cache_and_span_parts"  # reads never migrate
    assert _cli(versioner_exe, "add", "-", "--article", "boat", store=store,
                input=b"Boat\n\nIt floats.\n").returncode == 0
    assert _migrations(store)[-1] == LATEST_MIGRATION  # a write does, first
    assert not _has_m001_notices(store)


def test_the_unwritten_notices_table_goes_with_the_first_write_and_reads_leave_it(
        tmp_path: Path, versioner_exe: str) -> None:
    store = tmp_path / "v.db"
    _store_at_migration(versioner_exe, store, "m003_revision_summary_index")
    for args, code in READS:
        assert _cli(versioner_exe, *args, store=store).returncode == code, args
    assert _has_table(store, "notices") and _migrations(store)[-1] == "m003_revision_summary_index"
    assert _cli(versioner_exe, "add", "-", "--article", "boat", store=store,
                input=b"Boat\n\nIt floats.\n").returncode == 0
    assert not _has_m001_notices(store) and _migrations(store)[-1] == LATEST_MIGRATION
    verified = _cli(versioner_exe, "verify", store=store)
    assert verified.returncode == 0, verified.stderr


def test_an_older_schema_in_a_read_only_folder_is_read_or_named_in_one_line(
        tmpfs: Callable[[str], Path], versioner_exe: str) -> None:
    readable, too_old = tmpfs("2m"), tmpfs("2m")
    _store_at_migration(versioner_exe, readable / "v.db", "m002_pair_cache_and_span_parts")
    _store_at_migration(versioner_exe, too_old / "v.db", "m001_articles_and_revisions")
    _remount(readable, "ro")
    _remount(too_old, "ro")
    _reads_work(versioner_exe, readable / "v.db")
    # before the fix, every command migrated first and failed with a traceback here
    _one_line(_cli(versioner_exe, "list", store=too_old / "v.db"), "is read-only", "schema is older")
    _one_line(_cli(versioner_exe, "add", "-", "--article", "k", store=too_old / "v.db", input=b"A\n\nB.\n"),
              "is read-only")


def test_an_older_schema_that_cannot_be_read_as_it_is_is_migrated_where_it_can_be(
        tmp_path: Path, versioner_exe: str) -> None:
    store = tmp_path / "v.db"
    _store_at_migration(versioner_exe, store, "m001_articles_and_revisions")
    _reads_work(versioner_exe, store)
    assert _migrations(store)[-1] == LATEST_MIGRATION


def test_a_full_disk_during_import_and_add_is_one_line_and_nothing_written(
        tmpfs: Callable[[str], Path], tmp_path: Path, versioner_exe: str) -> None:
    """Before the fix: `database or disk is full`, then a `cannot rollback`
    traceback."""
    point = tmpfs("512k")
    store = point / "v.db"
    _two_revisions(versioner_exe, store)
    feed = tmp_path / "big.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for i in range(300):
            fh.write(json.dumps({"article": f"big-{i % 5}", "captured_at": f"2026-03-01T{i // 60:02d}:{i % 60:02d}:00Z",
                                 "text": f"Big {i}\n\n" + f"word{i} " * 400}) + "\n")
    _one_line(_cli(versioner_exe, "import", feed, store=store), "the disk is full", "nothing written")
    big = ("A paragraph of many words. " * 200 + "\n\n") * 25
    filler = point / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # what the failed import freed in the store is not enough
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass  # the disk is full
    finally:
        os.close(fd)
    for path in (store, point / "new.db"):  # the second: not even its private file stays
        _one_line(_cli(versioner_exe, "add", "-", "--article", "big", store=path, input=big.encode()),
                  "the disk is full")
    filler.unlink()
    assert {p.name for p in point.iterdir()} <= {"v.db", "v.db-wal", "v.db-shm"}
    _reads_work(versioner_exe, store)
    listing = json.loads(_cli(versioner_exe, "list", "--format", "json", store=store).stdout)
    assert [(a["article"], a["revisions"]) for a in listing["articles"]] == [("ship", 2)]


@pytest.mark.slow
def test_writes_into_a_randomly_damaged_store_succeed_for_real_or_say_so_in_one_line(
        tmp_path: Path, versioner_exe: str) -> None:
    """Bytes overwritten at random in the store's pages. SQLite notices some
    damage and not other: an add either stores its revision (it reads back) or
    gives one line and exit 2, never a traceback."""
    base = tmp_path / "base.db"
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for i in range(60):
            fh.write(json.dumps({"article": f"s{i % 6}", "captured_at": f"2026-03-01T00:{i:02d}:00Z",
                                 "text": f"Story {i}\n\nIt has {i} words and a second paragraph.\n\nAnd a third."})
                     + "\n")
    # the store as the general path lays it out, indexes kept up row by row: into a store
    # without revisions, the bulk path builds revisions_sha at the file's end, and the
    # damage below (this seed) then falls mostly on pages an add does not read
    first = b"Story 0\n\nA first revision.\n"
    assert _cli(versioner_exe, "add", "-", "--article", "s0", "--at", "2026-02-28T00:00:00Z", store=base,
                input=first).returncode == 0
    assert _cli(versioner_exe, "import", feed, store=base).returncode == 0
    size = base.stat().st_size
    rng = random.Random(77)
    outcomes = {"stored": 0, "refused": 0}
    for i in range(12):
        store = tmp_path / f"damaged{i}.db"
        shutil.copy(base, store)
        with store.open("r+b") as fh:
            for page in rng.sample(range(1, size // 4096), 3):  # page 0 holds the schema
                fh.seek(page * 4096 + rng.randrange(0, 3584))
                fh.write(rng.randbytes(512))
        text = f"Late story {i}\n\nAdded to a damaged store.\n"
        key = rng.choice(["late", "s1"])
        result = _cli(versioner_exe, "add", "-", "--article", key, store=store, input=text.encode())
        imported = _cli(versioner_exe, "import", feed, store=store)
        assert b"Traceback" not in result.stderr + imported.stderr
        if result.returncode == 0:
            ref = result.stdout.decode().strip()
            shown = _cli(versioner_exe, "show", ref, "--format", "json", store=store)
            assert shown.returncode == 2 or json.loads(shown.stdout)["text"] == text, ref
            outcomes["stored"] += 1
        else:
            _one_line(result)
            outcomes["refused"] += 1
        if imported.returncode != 0:  # else: the same input again, nothing new to store
            _one_line(imported)
    print(f"\nadds into 12 randomly damaged stores: {outcomes}")
    assert outcomes["refused"] >= 3


def test_an_empty_file_given_as_the_store_is_made_one_by_a_write_and_refused_by_a_read(
        tmp_path: Path, versioner_exe: str) -> None:
    store = tmp_path / "v.db"
    store.touch()  # as `mktemp` leaves it
    _one_line(_cli(versioner_exe, "list", store=store), "not a versioner store (an empty database)")
    assert store.read_bytes() == b""
    assert _cli(versioner_exe, "add", "-", "--article", "ship", store=store, input=ARTICLE.encode()).returncode == 0
    assert _cli(versioner_exe, "list", store=store).returncode == 0


def test_read_commands_know_which_migrations_they_can_read_without(run: Run, sql: SQL) -> None:
    """Read commands read a store at ``OLDEST_READABLE`` or later as it is. A new
    migration that adds something they read must raise ``OLDEST_READABLE`` to
    itself; one that only speeds reads up (an index), or drops what they never
    read (the notices table), is added to this list."""
    from versioner.store.schema import OLDEST_READABLE

    assert run("add", "-", "--article", "ship", input=ARTICLE).exit_code == 0
    names = [name for (name,) in sql("select name from _sqlite_migrations order by id")]
    assert names[names.index(OLDEST_READABLE) + 1:] == ["m003_revision_summary_index",
                                                         "m004_drop_unwritten_notices",
                                                         "m005_web_pages_fetch_state_alerts",
                                                         "m006_verdicts_notices_readable_views",
                                                         "m007_flag_rows_labelled"]
