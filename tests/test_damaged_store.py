"""A damaged store: rows altered behind versioner's back, bytes flipped on disk.

`verify` names every fault on a line of its own; the read commands say in one
line that the store is damaged (which revision, and to run `verify`) and exit 2,
or, for the cache of comparisons, compute again what the cache got wrong.
Never a traceback.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from versioner.cli import app

SQL = Callable[..., list[tuple[Any, ...]]]

REV = ("(select r.id from revisions r join articles a on a.id = r.article_id"
       " where a.key = 'caldoria-rate-cut' and r.number = 2)")
KEY = "caldoria-rate-cut"
READS = (("list",), ("log", KEY), ("audit",), ("show", f"{KEY}@2"), ("diff", KEY), ("verify",))


def invoke(*args: object) -> Any:
    """Run a command in-process, catching whatever it raises (a traceback is a failure)."""
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=True)


def assert_no_traceback(result: Any, args: tuple[object, ...]) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{args}: {result.exception!r}")
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        assert result.stderr.startswith("versioner: ") and result.stderr.count("\n") == 1, (
            args, result.stderr)


def verify_faults() -> list[dict[str, str]]:
    result = invoke("verify", "--format", "json")
    assert result.exit_code == 1, result.stdout + result.stderr
    faults: list[dict[str, str]] = json.loads(result.stdout)["faults"]
    return faults


# -- a revision altered by hand -------------------------------------------------

DAMAGED_REVISIONS = [
    # (the change, fault kind, verify's message, what the read commands say)
    ("text = CAST(x'fffe41' AS TEXT)", "text", "text is not valid UTF-8", "text is not valid UTF-8"),
    ("captured_at = 'garbage'", "time", "capture time 'garbage' is not an ISO 8601 UTC time",
     "capture time 'garbage' is not an ISO 8601 UTC time"),
    ("captured_at = ''", "time", "capture time '' is not an ISO 8601 UTC time",
     "capture time '' is not an ISO 8601 UTC time"),
    ("captured_at = '2026-02-30T09:00:00Z'", "time",
     "capture time '2026-02-30T09:00:00Z' is not an ISO 8601 UTC time",
     "capture time '2026-02-30T09:00:00Z' is not an ISO 8601 UTC time"),
    ("captured_at = CAST(x'c328' AS TEXT)", "time", "capture time is not valid UTF-8",
     "capture time is not valid UTF-8"),
    ("captured_at = x'00'", "time", "capture time is binary data, not text",
     "capture time is binary data, not text"),
    ("source = CAST(x'ff' AS TEXT)", "column", "source is not valid UTF-8", "source is not valid UTF-8"),
    ("url = x'41'", "column", "url is binary data, not text", "url is binary data, not text"),
]


@pytest.mark.parametrize(("change", "kind", "fault", "said"), DAMAGED_REVISIONS)
def test_a_damaged_revision_is_a_verify_fault_and_one_line_for_each_read(
        change: str, kind: str, fault: str, said: str, seeded: Path, sql: SQL) -> None:
    sql(f"update revisions set {change} where id = {REV}")
    assert verify_faults() == [{"kind": kind, "where": f"{KEY}@2", "message": fault}]
    for args in (("log", KEY), ("audit",), ("show", f"{KEY}@2"), ("diff", KEY), ("audit", KEY)):
        result = invoke(*args)
        assert_no_traceback(result, args)
        assert result.exit_code == 2, args
        assert result.stderr == f"versioner: store {seeded} is damaged: {KEY}@2: {said}; run versioner verify\n"


def test_verify_reports_a_damaged_text_among_sound_ones_in_plain_text(seeded: Path, sql: SQL) -> None:
    sql(f"update revisions set text = CAST(x'fffe' AS TEXT) where id = {REV}")
    result = invoke("verify")
    assert result.exit_code == 1
    assert result.stderr == (f"text: {KEY}@2: text is not valid UTF-8\n"
                             "1 fault(s) in 17 revision(s)\n")


def test_a_notice_count_that_is_not_a_number_is_a_fault_and_list_says_so(seeded: Path, sql: SQL) -> None:
    sql(f"update revisions set notices = 'x' where id = {REV}")
    assert verify_faults() == [{"kind": "notices", "where": f"{KEY}@2",
                                "message": "notice count 'x' is not a whole number"}]
    result = invoke("list")
    assert result.exit_code == 2
    assert result.stderr == (f"versioner: store {seeded} is damaged: {KEY}: notice counts add up to 0.0,"
                             " not a whole number; run versioner verify\n")
    for args in (("log", KEY), ("audit",), ("diff", KEY)):  # they do not read the count
        assert_no_traceback(invoke(*args), args)


def test_a_notice_count_that_differs_from_the_parse_is_a_fault(seeded: Path, sql: SQL) -> None:
    sql(f"update revisions set notices = notices + 3 where id = {REV}")
    [fault] = verify_faults()
    assert fault["kind"] == "notices" and fault["where"] == f"{KEY}@2"
    assert fault["message"].startswith("notice count ") and "a fresh parse finds" in fault["message"]


def test_capture_times_out_of_numbering_order_are_a_fault(seeded: Path, sql: SQL) -> None:
    sql(f"update revisions set captured_at = '2001-01-01T00:00:00Z' where id = {REV}")
    [fault] = verify_faults()
    assert fault["kind"] == "time" and fault["where"] == f"{KEY}@2"
    assert fault["message"].startswith(f"captured at 2001-01-01T00:00:00Z, before {KEY}@1 (")


def test_unparsable_cached_parts_are_a_fault_and_reads_parse_again(seeded: Path, sql: SQL) -> None:
    before = invoke("show", f"{KEY}@2", "--format", "json").stdout
    sql(f"update revisions set parts = '[[' where id = {REV}")
    assert verify_faults() == [{"kind": "parts", "where": f"{KEY}@2",
                                "message": "cached parts are not valid JSON"}]
    assert invoke("show", f"{KEY}@2", "--format", "json").stdout == before


def test_a_revision_number_that_is_not_a_number_is_a_fault(seeded: Path, sql: SQL) -> None:
    sql(f"update revisions set number = 'two' where id = {REV}")
    faults = verify_faults()
    assert {"kind": "numbering", "where": f"{KEY}@two",
            "message": "revision number 'two' is not a whole number"} in faults
    for args in READS[:-1]:
        result = invoke(*args)
        assert_no_traceback(result, args)
    assert "revision number 'two' is not a whole number" in invoke("log", KEY).stderr


def test_every_damaged_row_is_reported_not_just_the_first(seeded: Path, sql: SQL) -> None:
    sql("update revisions set captured_at = 'garbage' where number = 1")
    sql(f"update revisions set text = CAST(x'ff' AS TEXT) where id = {REV}")
    faults = verify_faults()
    assert sum(f["kind"] == "time" for f in faults) == 7  # one per article
    assert {"kind": "text", "where": f"{KEY}@2", "message": "text is not valid UTF-8"} in faults


# -- other tables ----------------------------------------------------------------


@pytest.mark.parametrize(("change", "message"), [
    ("key = 'a@b'", "article key 'a@b' contains '@', which REF syntax reserves"),
    ("key = CAST(x'ff' AS TEXT)", "article key is not valid UTF-8"),
    ("key = x'41'", "article key is binary data, not text"),
])
def test_a_bad_article_key_is_a_fault(change: str, message: str, seeded: Path, sql: SQL) -> None:
    sql(f"update articles set {change} where key = '{KEY}'")
    faults = verify_faults()
    assert [f["message"] for f in faults if f["kind"] == "article"] == [message]
    for args in READS[:-1]:
        assert_no_traceback(invoke(*args), args)


def test_sketch_rows_of_no_article_or_not_numbers_are_faults(seeded: Path, sql: SQL) -> None:
    # (an import leaves its articles unsketched: the bad row is put in, not edited)
    sql(f"insert into sketches (article_id, h) select id, 'x' from articles where key = '{KEY}'")
    sql("insert into sketches (article_id, h) values (999, 1)")
    assert verify_faults() == [
        {"kind": "sketch", "where": KEY, "message": "1 sketch value(s) are not whole numbers"},
        {"kind": "sketch", "where": "article #999", "message": "sketch rows belong to no article"},
    ]


# -- the cache of comparisons: a bad row is computed again, never trusted --------

BAD_PAIR_ROWS = [
    "flags = '{'",
    "flags = '[{\"type\": 5}]'",
    "flags = '[1]'",
    "flags = '{\"a\": 1}'",
    "flags = CAST(x'ff' AS TEXT)",
    "flags = x'5b5d'",
    "changes = 'x'",
    "changes = '[[1, 2, 3]]'",
    "changes = 7",
]


@pytest.mark.parametrize("change", BAD_PAIR_ROWS)
def test_a_malformed_cached_pair_is_a_fault_and_is_computed_again(change: str, seeded: Path,
                                                                  sql: SQL) -> None:
    audited = invoke("audit", "--format", "json")
    log = invoke("log", KEY, "--format", "json")
    assert audited.exit_code == 0 and log.exit_code == 0
    assert sql("select count(*) from pairs") != [(0,)]
    sql(f"update pairs set {change}")
    faults = verify_faults()
    assert faults and {f["kind"] for f in faults} == {"cache"}
    assert faults[0]["message"] == "cached changes or flags are not what the pipeline writes"
    # the same answers as from a sound cache, which they leave sound again
    assert invoke("audit", "--format", "json").stdout == audited.stdout
    assert invoke("log", KEY, "--format", "json").stdout == log.stdout
    assert invoke("verify").exit_code == 0


def test_a_flag_of_another_severity_in_the_cache_is_computed_again(seeded: Path, sql: SQL) -> None:
    audited = invoke("audit", "--format", "json")
    sql("update pairs set flags = json_set(flags, '$[0].severity', 'dire') where json_array_length(flags) > 0")
    assert invoke("audit", "--format", "json").stdout == audited.stdout


def test_cached_pairs_of_no_revision_are_a_fault(seeded: Path, sql: SQL) -> None:
    assert invoke("audit").exit_code == 0
    sql("insert into pairs (from_revision_id, to_revision_id, rules, changes, flags)"
        " values (998, 999, 'x', '[]', '[]')")
    assert verify_faults() == [{"kind": "cache", "where": "pairs",
                                "message": "1 cached comparison(s) refer to no revision"}]


# -- bytes flipped on disk -------------------------------------------------------


def test_a_malformed_database_is_one_line_for_every_command(seeded: Path, sql: SQL) -> None:
    (root,) = sql("select rootpage from sqlite_master where name = 'revisions'")[0]
    (page_size,) = sql("pragma page_size")[0]
    with seeded.open("r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 16)
    assert_no_traceback(invoke("list"), ("list",))  # answered from an index, intact
    for args in READS[1:-1]:
        result = invoke(*args)
        assert_no_traceback(result, args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith(f"versioner: store {seeded} is damaged: "), result.stderr
        assert result.stderr.endswith("; run versioner verify\n")
    assert invoke("verify").exit_code == 1


def test_random_bytes_flipped_in_the_file_never_give_a_traceback(seeded: Path, tmp_path: Path) -> None:
    """30 rounds, a fixed seed: each read command exits 0, 1 or 2 with at most one line,
    and a store that `verify` passes is one every read command can read."""
    base = seeded.read_bytes()
    rng = random.Random(13)
    outcomes: dict[int, int] = {}
    for round_ in range(30):
        damaged = bytearray(base)
        for _ in range(rng.randint(1, 40)):
            # past the 100-byte header in most rounds, so that rows are damaged, not only the file
            damaged[rng.randrange(0 if round_ % 5 == 0 else 100, len(damaged))] = rng.randrange(256)
        # a new file each round, as each command in a process of its own would see it
        store = tmp_path / f"damaged-{round_}.db"
        store.write_bytes(bytes(damaged))
        codes = {}
        for args in READS:
            result = invoke("--store", store, *args)
            assert_no_traceback(result, args)
            codes[args[0]] = result.exit_code
            outcomes[result.exit_code] = outcomes.get(result.exit_code, 0) + 1
        if codes["verify"] == 0:
            assert 2 not in codes.values(), (round_, codes)
    assert outcomes.get(2, 0) > 0  # some damage is found, not only ignored


# -- the terminal UI -------------------------------------------------------------


def _ui_modules() -> Any:
    pytest.importorskip("textual")
    import versioner.ui.app
    import versioner.ui.panes

    return versioner.ui.app, versioner.ui.panes


async def _settle(pilot: Any) -> None:
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def _rows(table: Any) -> list[list[str]]:
    return [[getattr(c, "plain", str(c)) for c in table.get_row_at(i)] for i in range(table.row_count)]


def _pane_text(app: Any) -> str:
    from textual.widgets import Static

    from versioner.ui.panes import DiffPane

    return "".join(str(w.content) for w in app.query_one(DiffPane).query(Static))


def _headless(monkeypatch: pytest.MonkeyPatch, keys: tuple[str, ...] = ("q",)) -> None:
    """``versioner ui`` in-process: the app driven by its pilot instead of a terminal."""
    import asyncio

    ui_app, _ = _ui_modules()

    def run(self: Any, *args: Any, **kwargs: Any) -> None:
        async def drive() -> None:
            async with self.run_test(size=(100, 30)) as pilot:
                await _settle(pilot)
                await pilot.press(*keys)

        asyncio.run(drive())

    monkeypatch.setattr(ui_app.VersionerApp, "run", run)


def test_the_ui_shows_a_damaged_article_in_place_and_the_rest_stays_browsable(seeded: Path, sql: SQL) -> None:
    import asyncio

    _, panes = _ui_modules()
    from versioner.errors import StoreError
    from versioner.ui import make_app

    sql(f"update revisions set text = CAST(x'fffe' AS TEXT) where id = {REV}")
    said = f"versioner: store {seeded} is damaged: {KEY}@2: text is not valid UTF-8; run versioner verify"

    async def drive() -> Any:
        app = make_app(None)
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                await _settle(pilot)
                articles = app.query_one(panes.ArticleList)
                symbols = {row[2]: row[0] for row in _rows(articles)}
                assert symbols[KEY] == "?" and list(symbols.values()).count("?") == 1
                assert articles.select(KEY)
                await pilot.press("enter")
                await _settle(pilot)
                assert said in _pane_text(app)
                assert "cannot be read" in str(app.query_one(panes.TimelineTable).border_title)
                assert articles.select("vessa-landslide")
                articles.focus()
                await pilot.press("enter")
                await _settle(pilot)
                assert len(_rows(app.query_one(panes.TimelineTable))) == 4
                assert "vessa-landslide@3 → vessa-landslide@4" in str(app.query_one(panes.DiffPane).border_title)
            return app.failure
        finally:
            app.browser.close()

    failure = asyncio.run(drive())
    assert isinstance(failure, StoreError) and f"versioner: {failure}" == said


def test_versioner_ui_ends_with_one_line_and_exit_2_after_showing_a_damaged_article(
        seeded: Path, sql: SQL, monkeypatch: pytest.MonkeyPatch) -> None:
    _headless(monkeypatch)
    sql(f"update revisions set text = CAST(x'fffe' AS TEXT) where id = {REV}")
    result = invoke("ui", KEY)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 2
    assert result.stderr == (f"versioner: store {seeded} is damaged: {KEY}@2: text is not valid UTF-8;"
                             " run versioner verify\n")


@pytest.mark.parametrize("change", ["captured_at = 'garbage'", "captured_at = x'00'"])
def test_versioner_ui_on_a_store_whose_listing_is_damaged_exits_2_before_it_starts(
        change: str, seeded: Path, sql: SQL, monkeypatch: pytest.MonkeyPatch) -> None:
    _headless(monkeypatch)
    sql(f"update revisions set {change} where id = {REV}")
    result = invoke("ui")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"versioner: store {seeded} is damaged: {KEY}")
    assert result.stderr.count("\n") == 1


def test_the_ui_computes_a_malformed_cached_flag_row_again(seeded: Path, sql: SQL,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    _headless(monkeypatch)
    assert invoke("audit").exit_code == 0
    sql("update pairs set flags = '[{\"type\": 5}]'")
    result = invoke("ui", KEY)
    assert (result.exit_code, result.stderr) == (0, "")


def test_versioner_ui_does_not_exit_0_after_the_app_failed(seeded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ui_app, _ = _ui_modules()

    def crash(self: Any, *args: Any, **kwargs: Any) -> None:
        self._return_code = 1  # what Textual sets after an unhandled exception

    monkeypatch.setattr(ui_app.VersionerApp, "run", crash)
    assert invoke("ui").exit_code == 2


def test_the_cache_check_knows_the_type_of_every_flag_field() -> None:
    """A Flag field the check does not know would make every cached row look malformed:
    every pair of the labelled set, in the cache's JSON form, reads back as it was."""
    from versioner.parse import parse
    from versioner.pipeline import compare_pair, pair_from_json

    labelled = Path(__file__).parent / "labelled" / "flags.jsonl"
    cases = [json.loads(line) for line in labelled.read_text(encoding="utf-8").splitlines() if line.strip()]
    for case in cases:
        pair = compare_pair(parse(case["old"]), parse(case["new"]))
        changes = json.dumps([list(c) for c in pair.changes])
        flags = json.dumps([vars(f) for f in pair.flags], ensure_ascii=False)
        assert pair_from_json(changes, flags) == pair, case["id"]
