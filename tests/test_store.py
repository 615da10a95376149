"""store: immutable, numbered revisions in SQLite; writes are whole transactions."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from versioner.errors import BadInput, StoreError, UnknownRef
from versioner.keys import check_key
from versioner.model import NewRevision, Revision
from versioner.parse import parse, parse_pieces
from versioner.prepared import parts_json, sha256_hex
from versioner.store import Store
from versioner.times import utc_iso

V1 = "Ship sinks off coast\n\nA cargo ship sank on Monday, officials said.\n"
V2 = "Ship sinks off coast, crew rescued\n\nA cargo ship sank on Monday, officials said.\n"
V3 = "(Updates with rescue)\nShip sinks off coast, crew rescued\n\nAll 21 crew were rescued, officials said.\n"



def add(store: Store, text: str, key: str = "ship", at: str | None = None) -> Any:
    return store.add(NewRevision(text, article=key, captured_at=at))


# -- numbering and identity of texts -----------------------------------------


def test_revisions_are_numbered_from_one_in_order(store: Store) -> None:
    refs = [add(store, t, at=f"2026-03-03T0{i}:00:00Z").revision.ref for i, t in enumerate((V1, V2, V3), 1)]
    assert refs == ["ship@1", "ship@2", "ship@3"]
    assert [r.number for r in store.revisions("ship")] == [1, 2, 3]
    assert [r.text for r in store.revisions("ship")] == [V1, V2, V3]


def test_identical_text_is_not_a_new_revision(store: Store) -> None:
    first = add(store, V1, at="2026-03-03T08:00:00Z")
    again = add(store, V1, at="2026-03-03T09:00:00Z")
    assert first.stored and not again.stored
    assert again.revision.ref == "ship@1"
    assert len(store.revisions("ship")) == 1
    assert store.latest("ship").captured_at == "2026-03-03T08:00:00Z"


def test_return_to_an_older_text_is_a_new_revision(store: Store) -> None:
    for hour, text in ((8, V1), (9, V2), (10, V1)):
        assert add(store, text, at=f"2026-03-03T{hour:02}:00:00Z").stored
    revs = store.revisions("ship")
    assert [r.number for r in revs] == [1, 2, 3]
    assert revs[2].sha256 == revs[0].sha256 != revs[1].sha256


def test_revision_captured_before_the_latest_is_back_filled_before_it(store: Store) -> None:
    add(store, V1, at="2026-03-03T10:00:00Z")
    res = add(store, V2, at="2026-03-03T09:59:59Z")
    assert (res.stored, res.revision.ref, res.renumbered) == (True, "ship@1", 1)
    assert [r.text for r in store.revisions("ship")] == [V2, V1]


def test_readding_an_old_revision_with_its_capture_time_is_idempotent(store: Store) -> None:
    add(store, V1, at="2026-03-03T08:00:00Z")
    add(store, V2, at="2026-03-03T09:00:00Z")
    again = add(store, V1, at="2026-03-03T08:00:00Z")
    assert not again.stored
    assert len(store.revisions("ship")) == 2


def test_stored_revision_knows_its_hash_and_parts(store: Store) -> None:
    rev = add(store, V3, at="2026-03-03T08:00:00Z").revision
    assert rev.sha256 == hashlib.sha256(V3.encode("utf-8")).hexdigest() == sha256_hex(V3)
    assert rev.parts().notices[0].text == "(Updates with rescue)"
    assert store.articles()[0].notices == 1


def test_revision_numbers_count_back_from_the_latest(store: Store) -> None:
    for hour, text in ((8, V1), (9, V2), (10, V3)):
        add(store, text, at=f"2026-03-03T{hour:02}:00:00Z")
    assert store.revision("ship", -1).number == 2
    assert store.revision("ship", -2).number == 1
    assert store.latest("ship").number == 3
    with pytest.raises(UnknownRef, match="ship has 3 revision"):
        store.revision("ship", 4)
    with pytest.raises(UnknownRef, match="ship has 3 revision"):
        store.revision("ship", -3)
    with pytest.raises(UnknownRef, match="no article 'boat'"):
        store.revisions("boat")


def test_articles_are_listed_latest_change_first(store: Store) -> None:
    add(store, V1, key="older", at="2026-03-01T08:00:00Z")
    add(store, V1, key="newer", at="2026-03-02T08:00:00Z")
    add(store, V2, key="older", at="2026-03-01T09:00:00Z")
    arts = store.articles()
    assert [a.key for a in arts] == ["newer", "older"]
    assert (arts[1].revisions, arts[1].first_captured, arts[1].last_captured) == (
        2, "2026-03-01T08:00:00Z", "2026-03-01T09:00:00Z")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2026-02-01T13:15:00+05:00", "2026-02-01T08:15:00Z"),
        ("2026-02-01T08:15:00", "2026-02-01T08:15:00Z"),
        ("2026-02-01 08:15:00.250000Z", "2026-02-01T08:15:00.250000Z"),
        ("20260201T081500Z", "2026-02-01T08:15:00Z"),
    ],
)
def test_capture_times_are_stored_as_utc(value: str, expected: str) -> None:
    assert utc_iso(value) == expected


def test_capture_time_that_is_not_iso_is_bad_input() -> None:
    with pytest.raises(BadInput, match="not an ISO 8601 time"):
        utc_iso("yesterday at noon")


@pytest.mark.parametrize("key", ["", "   ", "a@b", "x" * 201, "tab\there", "esc\x1b[31m", "c1\x85"])
def test_unusable_article_keys_are_refused(key: str) -> None:
    with pytest.raises(BadInput):
        check_key(key)


@pytest.mark.sqlite_only  # the file's journal mode
def test_store_is_in_wal_mode(store: Store, store_path: Path) -> None:
    add(store, V1)
    conn = sqlite3.connect(store_path)
    try:
        assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_opening_a_missing_store_without_create_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "nowhere" / "v.db")
    assert not (tmp_path / "nowhere").exists()


def test_a_store_that_is_a_directory_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(StoreError, match="is a directory"):
        Store.open(tmp_path / "dir.db")


# -- through the CLI ---------------------------------------------------------


def test_add_prints_the_ref_and_the_second_identical_add_says_unchanged(run: Callable[..., Any],
                                                                       write: Callable[..., Path]) -> None:
    f = write("ship.txt", V1)
    first = run("add", f, "--article", "ship")
    assert (first.exit_code, first.stdout) == (0, "ship@1\n")
    # the same words with CRLF and trailing spaces are the same normalised text
    g = write("ship-crlf.txt", V1.replace("\n", "  \r\n").encode())
    second = run("add", g, "--article", "ship")
    assert (second.exit_code, second.stdout) == (0, "ship@1\n")
    assert second.stderr == "versioner: unchanged: same text as ship@1; nothing stored\n"


def test_rollback_through_the_cli_is_a_third_revision(run: Callable[..., Any], write: Callable[..., Path],
                                                      listing: Callable[..., Any]) -> None:
    a, b = write("a.txt", V1), write("b.txt", V2)
    outs = [run("add", f, "--article", "ship", "--at", at).stdout
            for f, at in ((a, "2026-03-03T08:00Z"), (b, "2026-03-03T08:20Z"), (a, "2026-03-03T09:05Z"))]
    assert outs == ["ship@1\n", "ship@2\n", "ship@3\n"]
    assert listing()["ship"]["revisions"] == 3


def test_an_earlier_at_is_back_filled_and_the_renumbering_said_on_stderr(
    run: Callable[..., Any], write: Callable[..., Path],
) -> None:
    assert run("add", write("a.txt", V1), "--article", "ship", "--at", "2026-03-03T10:00:00Z").exit_code == 0
    result = run("add", write("b.txt", V2), "--article", "ship", "--at", "2026-03-03T09:00:00Z")
    assert (result.exit_code, result.stdout) == (0, "ship@1\n")
    assert result.stderr.startswith("versioner: back-filled before ship@2: 1 later revision(s) renumbered")
    assert result.stderr.count("\n") == 1


def test_at_defaults_to_the_published_time_of_json_input(run: Callable[..., Any], write: Callable[..., Path],
                                                          listing: Callable[..., Any]) -> None:
    f = write("a.json", json.dumps({"headline": "Ship sinks", "body": "A ship sank.",
                                    "published": "2026-03-03T13:00:00+05:00"}))
    assert run("add", f, "--article", "ship").exit_code == 0
    assert listing()["ship"]["first_captured"] == "2026-03-03T08:00:00Z"


# -- import_many (the library call behind `versioner import`) ---------------


def test_import_many_orders_each_articles_revisions_by_capture_time(store: Store) -> None:
    items = [
        NewRevision(V3, "ship", captured_at="2026-03-03T10:00:00Z"),
        NewRevision(V1, "boat", captured_at="2026-03-03T09:30:00Z"),
        NewRevision(V1, "ship", captured_at="2026-03-03T08:00:00Z"),
        NewRevision(V2, "ship", captured_at="2026-03-03T09:00:00Z"),
    ]
    res = store.import_many(iter(items))
    assert (res.stored, res.unchanged, res.articles, res.new_articles) == (4, 0, 2, 2)
    assert [r.text for r in store.revisions("ship")] == [V1, V2, V3]


def test_import_many_twice_stores_nothing_the_second_time(store: Store) -> None:
    times = ("2026-03-03T01:00:00Z", "2026-03-03T02:00:00Z", "2026-03-03T03:00:00Z")
    items = [NewRevision(t, "ship", captured_at=at) for t, at in zip((V1, V2, V1), times)]
    store.import_many(iter(items))
    again = store.import_many(iter(items))
    assert (again.stored, again.unchanged) == (0, 3)
    assert [r.number for r in store.revisions("ship")] == [1, 2, 3]


def test_import_many_is_rolled_back_whole_when_an_item_fails(store: Store) -> None:
    add(store, V1, key="kept", at="2026-03-01T08:00:00Z")

    def items() -> Iterator[NewRevision]:
        yield NewRevision(V1, "ship", captured_at="2026-03-03T08:00:00Z")
        yield NewRevision(V2, "ship", captured_at="2026-03-03T09:00:00Z")
        raise BadInput("the third file cannot be read")

    with pytest.raises(BadInput, match="third file"):
        store.import_many(items())
    assert [a.key for a in store.articles()] == ["kept"]
    assert not store.has_article("ship")
    # the store is still usable afterwards
    assert add(store, V2, key="ship", at="2026-03-03T09:00:00Z").revision.ref == "ship@1"


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"select * from {t} order by rowid").fetchall()
                for t in ("articles", "revisions", "sketches")}


_STORIES = (V1, V2, V3, "Rates cut again\n\nThe central bank cut its rate by half a point.\n",
            "Rates cut again\n\nThe central bank cut its rate by half a point on Tuesday.\n")


@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_STORIES), st.sampled_from(("ship", "rates", None, "url")),
                          st.integers(0, 5)), max_size=12), st.booleans())
def test_import_in_capture_order_writes_what_the_staged_import_writes(
    tmp_path: Path, rows: list[tuple[str, str | None, int]], in_order: bool
) -> None:
    """A collection in capture order is written as it is read; an iterator is
    staged and sorted. The stores must come out the same, row for row."""
    if in_order:
        rows = sorted(rows, key=lambda r: r[2])
    items = [NewRevision(text, None if key == "url" else key, "https://x.example/a" if key == "url" else None,
                         f"2026-03-03T0{hour}:00:00Z") for text, key, hour in rows]
    outcomes = []
    for name, given_items in (("direct", items), ("staged", iter(items))):
        path = tmp_path / f"{name}-{len(rows)}-{in_order}.db"
        with Store.open(path, create=True) as st_:
            st_.add(NewRevision(V1, "ship", captured_at="2026-03-03T02:30:00Z"))
            res = st_.import_many(given_items)  # captures before ship@1 are back-filled
        outcomes.append((res, _tables(path)))
    assert outcomes[0] == outcomes[1]


def test_import_reports_an_unreadable_line_before_an_out_of_order_capture(store: Store) -> None:
    """Input errors come first, as when every item is read before any is written."""
    add(store, V1, at="2026-03-03T08:00:00Z")

    class Items:
        def __iter__(self) -> Iterator[NewRevision]:
            yield NewRevision(V2, "ship", captured_at="2026-03-03T07:00:00Z")  # before ship@1
            yield NewRevision(V3, "ship", captured_at="2026-03-03T09:00:00Z")
            raise BadInput("line 3 cannot be read")

    with pytest.raises(BadInput, match="line 3"):
        store.import_many(Items())
    assert len(store.revisions("ship")) == 1


def test_import_out_of_capture_order_reads_a_collection_again_and_sorts_it(store: Store) -> None:
    items = [
        NewRevision(V1, "ship", captured_at="2026-03-03T08:00:00Z"),
        NewRevision(V3, "ship", captured_at="2026-03-03T10:00:00Z"),
        NewRevision(V2, "ship", captured_at="2026-03-03T09:00:00Z"),
    ]
    res = store.import_many(items)
    assert (res.stored, res.unchanged, res.articles) == (3, 0, 1)
    assert [r.text for r in store.revisions("ship")] == [V1, V2, V3]


def test_concurrent_writers_get_consecutive_numbers(tmp_path: Path, versioner_exe: str) -> None:
    """Six processes add to one article at once, on a store none of them has created yet."""
    files = []
    for i in range(6):
        f = tmp_path / f"w{i}.txt"
        f.write_text(f"Ship sinks off coast\n\nA cargo ship sank on Monday, writer {i} reports.\n")
        files.append(f)
    procs = [subprocess.Popen([versioner_exe, "add", f, "--article", "ship"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in files]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 6, [err for _, err in outs]
    assert sorted(out for out, _ in outs) == [f"ship@{n}\n".encode() for n in range(1, 7)]
    with Store.open(tmp_path / "store" / "versioner.db") as s:
        assert [r.number for r in s.revisions("ship")] == [1, 2, 3, 4, 5, 6]
        assert s.verify() == (6, [])


def test_a_capture_half_a_second_later_is_not_out_of_order(store: Store) -> None:
    add(store, V1, at="2026-03-03T08:00:00Z")
    assert add(store, V2, at="2026-03-03T08:00:00.500Z").revision.ref == "ship@2"


def test_import_many_orders_mixed_precision_times_by_time(store: Store) -> None:
    store.import_many(iter([
        NewRevision(V2, "ship", captured_at="2026-03-03T08:00:00.250Z"),
        NewRevision(V1, "ship", captured_at="2026-03-03T08:00:00Z"),
    ]))
    assert [r.text for r in store.revisions("ship")] == [V1, V2]


# -- cached parts: the cheap check that spans give the text back ----------------

_span = st.tuples(st.sampled_from(["body", "headline", "notice"]), st.integers(-3, 12),
                  st.integers(-3, 12), st.sampled_from(["", "top", "bottom"]))


@settings(max_examples=400, derandomize=True)
@given(text=st.text(alphabet="ab \n", max_size=30), spans=st.lists(_span, max_size=5))
def test_spans_check_agrees_with_rejoining_the_parts(text: str, spans: list[tuple[Any, ...]]) -> None:
    # Revision.parts() trusts cached spans only when they rebuild the text; the
    # check adds up lengths instead of joining, and must give the join's answer
    from versioner.parse import parts_from_spans
    from versioner.prepared import spans_cover

    rows = [list(s) for s in spans]
    assert spans_cover(rows, text) == (parts_from_spans(text, rows).text() == text
                                        and all(n >= 0 for _, g, r, _ in rows for n in (g, r)))


def test_parts_from_a_corrupt_span_cache_fall_back_to_a_parse() -> None:
    text = "Headline\nBody one.\n"
    good = Revision("k", 1, "2026-01-01T00:00:00Z", sha256_hex(text), text, spans='[["headline",0,8,""],["body",1,9,""]]')
    assert good.parts().headline == "Headline"
    for spans in ('[["headline",0,8,""],["body",1,12,""]]', '[["headline",0,9,""],["body",-1,9,""]]',
                  '{"a": 1}', "not json", '[["body", "0", 9, ""]]'):
        bad = Revision("k", 1, "2026-01-01T00:00:00Z", sha256_hex(text), text, spans=spans)
        assert bad.parts().text() == text
        assert bad.parts().headline == "Headline"


def _no_parse(text: str) -> Any:
    raise AssertionError("Revision.parts() parsed a text whose cached parse it has")


def test_parts_read_the_cached_spans_and_never_parse(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    add(store, V1)
    add(store, V3)
    made = Revision.from_text("a.txt", 0, "2026-01-01T00:00:00Z", V2, source="a.txt")
    monkeypatch.setattr("versioner.parse.parse", _no_parse)
    for rev in (*store.revisions("ship"), store.latest("ship"), made,
                add(store, V3).revision):  # the same text again: the stored revision, not a new one
        assert rev.parts().text() == rev.text


def test_a_revision_made_without_its_cached_parse_says_how_to_make_one() -> None:
    rev = Revision("k", 1, "2026-01-01T00:00:00Z", sha256_hex(V1), V1)
    with pytest.raises(ValueError, match="Revision.from_text"):
        rev.parts()
    made = Revision.from_text("k", 1, "2026-01-01T00:00:00Z", V1)
    assert made == rev and made.parts() == parse(V1)


@given(text=st.text(alphabet="ab #\n(By", max_size=60))
def test_pieces_are_in_the_order_of_the_stored_spans(text: str) -> None:
    """``Piece`` and the stored spans both read (section, gap, raw, position)."""
    pieces = parse_pieces(text)
    spans = json.loads(parts_json(parse(text)))
    assert [[section, len(gap), len(raw), position] for section, gap, raw, position in pieces] == spans
    assert [(p.section, p.gap, p.raw, p.position) for p in parse(text).parts] == pieces
