"""Capture times: a time far in the future is refused (a mistyped year would block
the article for good), an older capture is back-filled in capture order, and
times at the edges of the calendar are one line and exit 2.

Back-fill rules pinned here: a revision goes after the last one captured at or
before it; the later ones are renumbered one up in the same transaction, so
``KEY@N`` is always the N-th capture; ``KEY@sha:PREFIX`` never moves. A text equal
to the revision it would follow is not stored (as for an append); a text equal to
the one after it is stored, because it is the earliest sighting of that text.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from datetime import datetime, timedelta, timezone
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from versioner.audit import audit_chain
from versioner.errors import BadInput, UnknownRef
from versioner.pipeline import PairCache, verify_pairs
from versioner.refs import resolve
from versioner.store import NewRevision, Store

V1 = "Ship sinks off coast\n\nA cargo ship sank on Monday, officials said.\n"
V2 = "Ship sinks off coast, crew rescued\n\nA cargo ship sank on Monday, officials said.\n"
V3 = "(Updates with rescue)\nShip sinks off coast, crew rescued\n\nAll 21 crew were rescued, officials said.\n"
V4 = "(Updates with rescue)\nShip sinks off coast, crew rescued\n\nAll 22 crew were rescued, officials said.\n"


def _later(**delta: float) -> str:
    """A time this far ahead of the clock, ISO 8601."""
    return (datetime.now(timezone.utc) + timedelta(**delta)).strftime("%Y-%m-%dT%H:%M:%SZ")



def add(store: Store, text: str, at: str, key: str = "ship") -> Any:
    return store.add(NewRevision(text, article=key, captured_at=at))


def chain(store: Store, key: str = "ship") -> list[tuple[int, str, str]]:
    return [(r.number, r.captured_at, r.text) for r in store.revisions(key)]


def refused(result: Any, *fragments: str) -> None:
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr.startswith("versioner: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


# -- item 6a: a capture time over a day ahead of the clock -------------------


def test_a_mistyped_year_is_refused_with_the_time_and_the_rule(
    run: Callable[..., Any], write: Callable[..., Path], store_path: Path,
) -> None:
    result = run("add", write("a.txt", V1), "--article", "story", "--at", "2206-02-01T09:00:00Z")
    refused(result, "2206-02-01T09:00:00Z", "more than a day ahead of the clock", "--allow-future")
    assert not store_path.exists()  # a new store that only this add would have made


def test_a_time_within_a_day_ahead_is_taken_and_two_days_is_not(
    run: Callable[..., Any], write: Callable[..., Path],
) -> None:
    f = write("a.txt", V1)
    assert run("add", f, "--article", "story", "--at", _later(hours=20)).exit_code == 0  # time zones, skew
    refused(run("add", write("b.txt", V2), "--article", "story", "--at", _later(days=2)), "ahead of the clock")


def test_allow_future_stores_it_and_later_adds_still_work(
    run: Callable[..., Any], write: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = run("add", write("a.txt", V1), "--article", "story", "--at", "2206-02-01T09:00:00Z", "--allow-future")
    assert (result.exit_code, result.stdout) == (0, "story@1\n")
    # the dead end: before back-fills, every later add to `story` failed
    later = run("add", write("b.txt", V2), "--article", "story", "--at", "2026-02-01T09:00:00Z")
    assert (later.exit_code, later.stdout) == (0, "story@1\n")
    monkeypatch.setenv("VERSIONER_ALLOW_FUTURE", "1")  # the setting, as for the other options
    assert run("add", write("c.txt", V3), "--article", "other", "--at", "2206-02-01T09:00:00Z").exit_code == 0


@pytest.mark.parametrize("kind", ["jsonl-captured_at", "jsonl-published", "file-name", "json-published"])
def test_future_times_from_every_source_are_refused_unless_allowed(
    kind: str, run: Callable[..., Any], write: Callable[..., Path], snapshot: Callable[..., Any],
) -> None:
    assert run("add", write("seed.txt", V1), "--article", "ship", "--at", "2026-03-03T08:00:00Z").exit_code == 0
    future = "2206-03-03T08:00:00Z"
    if kind == "jsonl-captured_at":
        args = ["import", write("in.jsonl", json.dumps({"article": "ship", "text": V2, "captured_at": future}) + "\n")]
    elif kind == "jsonl-published":
        args = ["import", write("in.jsonl", json.dumps({"article": "ship", "text": V2, "published": future}) + "\n")]
    elif kind == "file-name":
        write("in/ship/22060303T080000Z.txt", V2)
        args = ["import", "in"]
    else:
        args = ["add", write("in.json", json.dumps({"headline": "Ship", "body": "It sank.", "published": future})),
                "--article", "ship"]
    before = snapshot()
    refused(run(*args), "2206-03-03T08:00:00Z", "ahead of the clock")
    assert snapshot() == before
    assert run(*args, "--allow-future").exit_code == 0
    assert snapshot() != before


# -- item 6b: back-fills ------------------------------------------------------


def test_a_back_fill_in_the_middle_renumbers_the_later_ones_and_sha_refs_stay(store: Store) -> None:
    add(store, V1, "2026-03-03T08:00:00Z")
    add(store, V3, "2026-03-03T10:00:00Z")
    add(store, V4, "2026-03-03T11:00:00Z")
    before = {r.sha256: r.captured_at for r in store.revisions("ship")}
    res = add(store, V2, "2026-03-03T09:00:00Z")
    assert (res.stored, res.revision.ref, res.renumbered) == (True, "ship@2", 2)
    assert [t for _, _, t in chain(store)] == [V1, V2, V3, V4]
    assert [n for n, _, _ in chain(store)] == [1, 2, 3, 4]
    for sha, at in before.items():
        assert resolve(store, f"ship@sha:{sha[:6]}").captured_at == at
    assert store.verify() == (4, [])


def test_a_back_fill_at_the_start_becomes_number_one(store: Store) -> None:
    add(store, V2, "2026-03-03T09:00:00Z")
    add(store, V3, "2026-03-03T10:00:00Z")
    res = add(store, V1, "2026-03-01T00:00:00Z")
    assert (res.revision.ref, res.renumbered) == ("ship@1", 2)
    assert chain(store) == [(1, "2026-03-01T00:00:00Z", V1), (2, "2026-03-03T09:00:00Z", V2),
                            (3, "2026-03-03T10:00:00Z", V3)]
    assert store.latest("ship").text == V3


def test_add_says_a_back_fill_on_one_stderr_line_and_prints_its_ref(
    run: Callable[..., Any], write: Callable[..., Path],
) -> None:
    for name, text, at in (("a", V1, "08"), ("c", V3, "10"), ("d", V4, "11")):
        assert run("add", write(f"{name}.txt", text), "--article", "ship", "--at", f"2026-03-03T{at}:00:00Z").exit_code == 0
    result = run("add", write("b.txt", V2), "--article", "ship", "--at", "2026-03-03T09:00:00Z")
    assert (result.exit_code, result.stdout) == (0, "ship@2\n")
    assert result.stderr == ("versioner: back-filled before ship@3: 2 later revision(s) renumbered one up"
                             " (now @3 to @4); ship@sha:PREFIX refs do not change\n")
    assert json.loads(run("show", "ship@4", "-f", "json").stdout)["text"] == V4


def test_a_back_fill_equal_to_the_revision_before_it_is_not_stored(store: Store) -> None:
    add(store, V1, "2026-03-03T08:00:00Z")
    add(store, V3, "2026-03-03T10:00:00Z")
    res = add(store, V1, "2026-03-03T09:00:00Z")
    assert (res.stored, res.revision.ref, res.revision.captured_at) == (False, "ship@1", "2026-03-03T08:00:00Z")
    assert len(store.revisions("ship")) == 2


def test_a_back_fill_equal_to_the_revision_after_it_is_stored_as_the_earliest_sighting(store: Store) -> None:
    """The later revision cannot move (revisions are immutable), and dropping the
    back-fill would lose when the text was first seen; so both are kept, and the
    later one's verdict is `unchanged`. A capture between them then lands where
    it would have landed had everything come in order."""
    add(store, V2, "2026-03-03T10:00:00Z")
    res = add(store, V2, "2026-03-03T08:00:00Z")
    assert (res.stored, res.revision.ref) == (True, "ship@1")
    assert [v.verdict for v in audit_chain(store.revisions("ship"))] == ["first", "unchanged"]
    add(store, V1, "2026-03-03T09:00:00Z")
    assert [t for _, _, t in chain(store)] == [V2, V1, V2]


def test_the_same_capture_added_again_is_a_no_op_wherever_it_is(store: Store) -> None:
    for at, text in (("08", V1), ("09", V2), ("10", V3)):
        add(store, text, f"2026-03-03T{at}:00:00Z")
    before = chain(store)
    for at, text in (("08", V1), ("09", V2), ("10", V3)):
        res = add(store, text, f"2026-03-03T{at}:00:00Z")
        assert not res.stored and res.revision.text == text and res.revision.captured_at.startswith(f"2026-03-03T{at}")
    assert chain(store) == before


def test_a_capture_at_the_same_time_as_a_stored_one_goes_after_it(store: Store) -> None:
    # as for appends: of two captures at one time, the one stored first comes first
    add(store, V1, "2026-03-03T08:00:00Z")
    add(store, V3, "2026-03-03T10:00:00Z")
    assert add(store, V2, "2026-03-03T08:00:00Z").revision.ref == "ship@2"


def test_import_back_fills_and_importing_it_again_changes_nothing(
    run: Callable[..., Any], write: Callable[..., Path], snapshot: Callable[..., Any],
) -> None:
    assert run("add", write("d.txt", V4), "--article", "ship", "--at", "2026-03-03T11:00:00Z").exit_code == 0
    lines = [{"article": "ship", "text": t, "captured_at": f"2026-03-03T{h}:00:00Z"}
             for t, h in ((V3, "10"), (V1, "08"), (V2, "09"))]
    f = write("archive.jsonl", "".join(json.dumps(x) + "\n" for x in lines))
    result = run("import", f)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "imported 3 revision(s) (0 unchanged) into 1 article(s), 0 new\n"
    assert "3 revision(s) back-filled" in result.stderr and result.stderr.count("\n") == 1
    shown = [json.loads(run("show", f"ship@{n}", "-f", "json").stdout)["text"] for n in range(1, 5)]
    assert shown == [V1, V2, V3, V4]
    before = snapshot()
    again = run("import", f)
    assert (again.exit_code, again.stderr) == (0, "")
    assert again.stdout == "imported 0 revision(s) (3 unchanged) into 0 article(s), 0 new\n"
    assert snapshot() == before
    assert run("verify").exit_code == 0


def test_a_folder_import_back_fills_too(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    assert run("add", write("c.txt", V3), "--article", "ship", "--at", "2026-03-03T10:00:00Z").exit_code == 0
    write("in/ship/20260303T080000Z.txt", V1)
    write("in/ship/20260303T090000Z.txt", V2)
    assert run("import", "in").exit_code == 0
    log = json.loads(run("log", "ship", "-f", "json").stdout)
    assert [r["captured_at"] for r in log["revisions"]] == [
        "2026-03-03T08:00:00Z", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z"]


def _split_seeds(seeds_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The seeds in two folders: each article's last revision (and, for a longer
    chain, its second) first; the rest, back-filled at the start and in the middle,
    second."""
    first, second = tmp_path / "first", tmp_path / "second"
    for article in sorted(p for p in seeds_dir.iterdir() if p.is_dir()):
        files = sorted(article.iterdir())
        early = {files[-1]} | ({files[1]} if len(files) >= 4 else set())
        for f in files:
            dest = (first if f in early else second) / article.name / f.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, dest)
    return first, second


def test_log_and_audit_after_back_fills_are_those_of_the_captures_in_order(
    store_path: Path, run: Callable[..., Any], seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Verdicts (late, revert included) work on consecutive pairs: after a back-fill
    the cached pair of two revisions that are no longer neighbours must not be used."""
    first, second = _split_seeds(seeds_dir, tmp_path)
    assert run("import", first).exit_code == 0
    assert run("audit").exit_code == 0  # fills the pair cache for the chains before the back-fill
    assert run("import", second).exit_code == 0
    back_filled = {cmd: run(*cmd).stdout for cmd in (("audit", "-f", "json"), ("log", "vessa-landslide", "-f", "json"),
                                                     ("log", "port-aven-tram", "-f", "json"))}
    assert run("verify").exit_code == 0
    monkeypatch.setenv("VERSIONER_STORE", str(tmp_path / "in-order.db"))
    assert run("import", seeds_dir).exit_code == 0
    in_order = {cmd: run(*cmd).stdout for cmd in back_filled}
    assert back_filled == in_order
    verdicts = {r["verdict"] for a in json.loads(in_order[("audit", "-f", "json")])["articles"] for r in a["revisions"]}
    assert {"late", "revert", "stealth"} <= verdicts
    # the cached pair a back-fill split (vessa-landslide @2..@4) is gone: the two
    # stores cache the same consecutive pairs
    assert _pairs(store_path) == _pairs(tmp_path / "in-order.db")


def _pairs(path: Path) -> list[tuple[str, int, int]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "select a.key, o.number, n.number from pairs p join revisions o on o.id = p.from_revision_id"
            " join revisions n on n.id = p.to_revision_id join articles a on a.id = n.article_id"
            " order by 1, 2, 3").fetchall()


def test_pairs_computed_before_a_back_fill_and_saved_after_it_are_not_misfiled(store_path: Path) -> None:
    """An audit reads a chain, another process back-fills, then the audit saves its
    pairs by number: the numbers now name other revisions, so those rows are left out."""
    with Store.open(store_path, create=True) as st_:
        for at, text in (("08", V1), ("10", V3), ("11", V4)):
            add(st_, text, f"2026-03-03T{at}:00:00Z")
        pairs = PairCache(st_)
        audit_chain(st_.revisions("ship"), pairs)
        with Store.open(store_path) as other:
            add(other, V2, "2026-03-03T09:00:00Z")
        pairs.save()
        assert verify_pairs(st_) == []
        fresh = [(v.verdict, v.flags) for v in audit_chain(st_.revisions("ship"))]
        assert [(v.verdict, v.flags) for v in audit_chain(st_.revisions("ship"), PairCache(st_))] == fresh


# -- concurrency: back-fills and appends at once stay gapless ------------------

_WRITER = """
import sys
from versioner.store import NewRevision, Store
path, writer, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
while not __import__("os").path.exists(ready):
    pass
for i in range(6):
    # writer w captures minute w + 4 * (5 - i): each add is earlier than its last, so
    # most are back-fills into a chain the other writers append to
    minute = writer + 4 * (5 - i) if writer % 2 else writer + 4 * i
    text = f"Story\\n\\nWriter {writer}, capture {i}.\\n"
    with Store.open(path, create=True) as st:
        res = st.add(NewRevision(text, article="race", captured_at=f"2026-03-03T08:{minute:02}:00Z"))
    print(res.revision.sha256, res.revision.captured_at, flush=True)
"""


def test_concurrent_back_fills_and_appends_keep_numbering_gapless_and_in_capture_order(tmp_path: Path) -> None:
    path, ready = tmp_path / "race.db", tmp_path / "go"
    with Store.open(path, create=True) as st_:
        add(st_, "Story\n\nFirst.\n", "2026-03-03T07:00:00Z", key="race")
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(path), str(w), str(ready)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for w in range(4)]
    ready.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err.decode() for _, err in outs]
    told = sorted(tuple(line.split()) for out, _ in outs for line in out.decode().splitlines())
    with Store.open(path) as st_:
        revs = st_.revisions("race")
        assert [r.number for r in revs] == list(range(1, 26))
        assert [r.captured_at for r in revs] == sorted(r.captured_at for r in revs)
        assert sorted((r.sha256, r.captured_at) for r in revs[1:]) == told  # each as its writer was told
        assert st_.verify() == (25, [])


# -- item 6c: KEY@sha:PREFIX ---------------------------------------------------


def _colliding_texts() -> tuple[str, str]:
    """Two texts whose sha256 share their first four hex digits."""
    seen: dict[str, str] = {}
    for i in count():
        text = f"Ship sinks\n\nBody number {i}.\n"
        head = hashlib.sha256(text.encode()).hexdigest()[:4]
        if head in seen:
            return seen[head], text
        seen[head] = text
    raise AssertionError  # pragma: no cover


def test_sha_refs_work_in_show_and_diff(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    for name, text, at in (("a", V1, "08"), ("b", V2, "09")):
        assert run("add", write(f"{name}.txt", text), "--article", "ship", "--at", f"2026-03-03T{at}:00:00Z").exit_code == 0
    sha1, sha2 = (hashlib.sha256(t.encode()).hexdigest() for t in (V1, V2))
    shown = json.loads(run("show", f"ship@sha:{sha2[:6].upper()}", "-f", "json").stdout)
    assert (shown["ref"], shown["text"]) == ("ship@2", V2)
    assert run("diff", f"ship@sha:{sha1[:8]}", f"ship@sha:{sha2}", "-f", "json").stdout == \
        run("diff", "ship@1", "ship@2", "-f", "json").stdout
    assert run("diff", f"ship@sha:{sha2[:8]}", "-f", "json").stdout == run("diff", "ship", "-f", "json").stdout


@pytest.mark.parametrize("ref, fragments", [
    ("ship@sha:12", ["4 to 64 hex digits"]),
    ("ship@sha:xyz1", ["4 to 64 hex digits"]),
    ("ship@sha:", ["4 to 64 hex digits"]),
    ("ship@sha:0000000000", ["no revision of ship has a sha256 starting 0000000000"]),
])
def test_bad_sha_refs_are_one_line(ref: str, fragments: list[str], run: Callable[..., Any],
                                   write: Callable[..., Path]) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship").exit_code == 0
    refused(run("show", ref), *fragments)


def test_an_ambiguous_sha_prefix_says_how_many_match(store: Store) -> None:
    a, b = _colliding_texts()
    add(store, a, "2026-03-03T08:00:00Z")
    add(store, b, "2026-03-03T09:00:00Z")
    prefix = hashlib.sha256(a.encode()).hexdigest()[:4]
    with pytest.raises(UnknownRef, match=rf"ship@sha:{prefix} is ambiguous: 2 revisions match \(ship@1, ship@2\)"):
        store.revision("ship", prefix)
    longer = hashlib.sha256(b.encode()).hexdigest()[:12]
    assert store.revision("ship", longer).number == 2


def test_a_text_that_came_back_is_named_by_number(store: Store) -> None:
    for at, text in (("08", V1), ("09", V2), ("10", V1)):
        add(store, text, f"2026-03-03T{at}:00:00Z")
    prefix = hashlib.sha256(V1.encode()).hexdigest()[:10]
    with pytest.raises(UnknownRef, match=r"2 revisions have that text \(ship@1, ship@3"):
        store.revision("ship", prefix)


# -- verify: numbers follow capture times --------------------------------------


def test_verify_reports_numbers_out_of_capture_order(run: Callable[..., Any], write: Callable[..., Path],
                                                     sql: Callable[..., Any]) -> None:
    for name, text, at in (("a", V1, "08"), ("b", V2, "09")):
        assert run("add", write(f"{name}.txt", text), "--article", "ship", "--at", f"2026-03-03T{at}:00:00Z").exit_code == 0
    sql("update revisions set captured_at = '2026-03-03T07:00:00Z' where number = 2")
    result = run("verify")
    assert result.exit_code == 1
    assert "ship@2: captured at 2026-03-03T07:00:00Z, before ship@1 (2026-03-03T08:00:00Z)" in result.stderr


# -- item 7: times at the edges of the calendar ---------------------------------

EDGES = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"]


@pytest.mark.parametrize("at", EDGES)
def test_edge_of_calendar_at_is_one_line(at: str, run: Callable[..., Any], write: Callable[..., Path]) -> None:
    refused(run("add", write("a.txt", V1), "--article", "ship", "--at", at),
            at, "outside the years 1 to 9999")


@pytest.mark.parametrize("at", EDGES)
def test_edge_of_calendar_in_json_lines_is_one_line_naming_the_line(
    at: str, run: Callable[..., Any], write: Callable[..., Path],
) -> None:
    f = write("in.jsonl", json.dumps({"article": "ship", "text": V1, "captured_at": at}) + "\n")
    refused(run("import", f), f"{f}:1: ", "outside the years 1 to 9999")


@pytest.mark.parametrize("name", ["0001-01-01T00:00:00+01:00", "99991231T235959-0100"])
def test_edge_of_calendar_in_a_file_name_is_one_line_naming_the_file(
    name: str, run: Callable[..., Any], write: Callable[..., Path],
) -> None:
    f = write(f"in/ship/{name}.txt", V1)
    refused(run("import", "in"), str(f.relative_to(f.parents[2])), "outside the years 1 to 9999")


def test_the_first_and_last_days_of_the_calendar_in_utc_are_times(store: Store) -> None:
    add(store, V1, "0001-01-01T00:00:00Z")
    store.add(NewRevision(V2, article="ship", captured_at="9999-12-31T23:59:59.5Z"), allow_future=True)
    assert [at for _, at, _ in chain(store)] == ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.500000Z"]
    assert store.verify() == (2, [])


def test_audit_since_the_first_day_of_the_calendar(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship", "--at", "2026-03-03T08:00:00Z").exit_code == 0
    result = run("audit", "--since", "0001-01-01", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [a["article"] for a in json.loads(result.stdout)["articles"]] == ["ship"]
    refused(run("audit", "--since", "9999-12-31T23:59:59-01:00"), "--since", "outside the years 1 to 9999")


def test_a_year_before_1000_is_written_with_four_digits(store: Store) -> None:
    # strftime's %Y writes year 5 as "5": such a time neither parses back nor sorts
    assert add(store, V1, "0005-06-07T08:09:10+00:00").revision.captured_at == "0005-06-07T08:09:10Z"


# -- property: the order captures arrive in does not matter ----------------------

_TEXTS = [f"Story\n\nVersion {i} of the body.\n" for i in range(8)]


@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations(range(8)), st.integers(2, 8), st.integers(0, 8))
def test_any_arrival_order_gives_the_chain_in_capture_order(tmp_path: Path, order: list[int], size: int,
                                                            one_by_one: int) -> None:
    """With distinct texts, adding a set of captures in any order stores the same
    chain: numbers by capture time, the same texts; and every sha ref handed out
    on the way still names its capture. The first few come one `add` at a time,
    the rest in one import, in the order given (so an import back-fills several
    times into one article, among and after the revisions it moves). (With repeated
    texts the rule "not stored when equal to the revision it would follow" depends
    on what is already there: A@1, A@3, then B@2 keeps A@3 out, which in time order
    would be stored.)"""
    captures = [(f"2026-03-03T08:{i:02}:00Z", _TEXTS[i]) for i in order if i < size]
    path = tmp_path / f"p-{'-'.join(map(str, order))}-{size}-{one_by_one}.db"
    with Store.open(path, create=True) as st_:
        handed = []
        for at, text in captures[:one_by_one]:
            res = add(st_, text, at)
            assert res.stored
            handed.append((res.revision.sha256[:6], at))
        rest = captures[one_by_one:]
        assert st_.import_many([NewRevision(t, "ship", captured_at=at) for at, t in rest]).stored == len(rest)
        assert chain(st_) == [(n, at, text) for n, (at, text) in enumerate(sorted(captures), 1)]
        assert all(st_.revision("ship", sha).captured_at == at for sha, at in handed)
        assert st_.verify() == (len(captures), [])
    path.unlink()


@settings(derandomize=True, max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_TEXTS[:3]), min_size=1, max_size=8), st.randoms(use_true_random=False),
       st.integers(0, 8))
def test_an_import_after_any_history_of_adds_is_idempotent(tmp_path: Path, texts: list[str], rnd: Any,
                                                           added: int) -> None:
    """Texts may repeat here. Some captures are added one by one in any order, then all
    are imported: the chain is in capture order, 1..n, verify is clean, and importing
    them all again stores nothing (each import decides in capture order, and what it
    decides for a capture no later one of its own can undo)."""
    captures = [NewRevision(t, "ship", captured_at=f"2026-03-03T08:{i:02}:00Z") for i, t in enumerate(texts)]
    early = rnd.sample(captures, min(added, len(captures)))
    path = tmp_path / f"i-{rnd.random()}.db"
    with Store.open(path, create=True) as st_:
        for item in early:
            st_.add(item)
        st_.import_many(captures)
        revs = st_.revisions("ship")
        assert [r.number for r in revs] == list(range(1, len(revs) + 1))
        assert [r.captured_at for r in revs] == sorted(r.captured_at for r in revs)
        again = st_.import_many(list(reversed(captures)))
        assert (again.stored, again.unchanged) == (0, len(captures))
        assert st_.revisions("ship") == revs
        assert st_.verify() == (len(revs), [])
    path.unlink()


def test_bad_input_class_is_what_the_library_raises_for_times(store: Store) -> None:
    with pytest.raises(BadInput, match="outside the years 1 to 9999"):
        add(store, V1, "9999-12-31T23:59:59-01:00")
    with pytest.raises(BadInput, match="ahead of the clock"):
        add(store, V1, _later(days=3))


def test_the_installed_command_refuses_a_future_time_in_one_line(versioner_exe: str, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(V1)
    env = {**os.environ, "VERSIONER_STORE": str(tmp_path / "v.db")}
    env.pop("VERSIONER_ALLOW_FUTURE", None)
    out = subprocess.run([versioner_exe, "add", str(f), "--article", "s", "--at", "2206-02-01T09:00:00Z"],
                         env=env, capture_output=True, timeout=60)
    assert out.returncode == 2 and out.stdout == b""
    assert out.stderr.count(b"\n") == 1 and b"ahead of the clock" in out.stderr
