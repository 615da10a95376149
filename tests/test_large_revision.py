"""The largest revisions stay responsive: `diff` into a pipe writes plain lines
(no rich layout), a terminal shows a bounded flags table, the UI mounts a page of
the diff at a time and its workers are dropped when the user moves on or quits.

The speed itself is measured by bench/large_revision.py (the 4 MB, 19,990
paragraph pair); these tests pin the behaviour that bounds it, on small inputs.
"""

from __future__ import annotations

import asyncio
import io
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from versioner.flags import Flag
from versioner.render import diffview
from versioner.store import NewRevision, Store

OLD = "Flood toll rises\n\nLONDON (AP) — Officials said 12 homes were damaged.\n\nThe river fell on Monday.\n"
NEW = ("(Corrects number of homes)\n\nFlood toll rises\n\n"
       "LONDON (AP) — Officials said 15 homes were damaged.\n\nThe river fell on Monday.\n")


# -- diff as text into a pipe -------------------------------------------------------


def test_diff_into_a_pipe_is_plain_lines(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    a, b = write("a.txt", OLD), write("b.txt", NEW)
    result = run("diff", a, b)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"--- {a}  captured ") and lines[1].startswith(f"+++ {b}  captured ")
    assert lines[2:] == [
        "    notice: (Corrects number of homes)",
        "",
        "notice 1 {+(Corrects number of homes)+}",
        "¶1 Officials said [-12-]{+15+} homes were damaged.",
        "… 1 unchanged paragraph …",
        "1 flag(s)",
        "severity\ttype\twhere\told\tnew\twhy",
        "high\tfigure\tbody ¶1\t12 homes\t15 homes\tnumber 12 -> 15, counting homes",
    ]


def test_no_rich_table_on_a_pipe(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    a, b = write("a.txt", OLD), write("b.txt", NEW)
    for args in ((), ("--side-by-side",), ("--flags-only",), ("--context", "1")):
        out = run("diff", a, b, *args).stdout
        assert not set(out) & set("┏┃━│─╇┡└┘┌┐"), (args, out)  # no box drawing: no table
    side = run("diff", a, b, "--side-by-side").stdout.splitlines()
    assert "¶1\tOfficials said [-12-] homes were damaged.\tOfficials said {+15+} homes were damaged." in side
    assert run("diff", a, b, "--flags-only").stdout.splitlines()[0] == "1 flag(s)"


def _flag(i: int) -> Flag:
    return Flag("figure", "high" if i % 2 else "medium", "body", i, f"{i} homes", f"{i + 1} homes",
                f"number {i} -> {i + 1}, counting homes", i, i + 1, "homes")


def test_a_long_flag_list_is_cut_at_a_terminal_with_a_count_of_the_rest() -> None:
    console = Console(width=120, file=io.StringIO(), color_system=None, record=True)
    for r in diffview.flags_view([_flag(i) for i in range(1, 251)]):
        console.print(r)
    out = console.export_text()
    assert out.startswith("250 flag(s)")
    assert out.count("counting homes") == diffview.FLAGS_SHOWN == 200
    assert out.rstrip().endswith("… 50 more flags (use --format json or --min-severity)")
    short = Console(width=120, file=io.StringIO(), color_system=None, record=True)
    for r in diffview.flags_view([_flag(i) for i in range(1, 4)]):
        short.print(r)
    assert "more flag" not in short.export_text()


def test_side_by_side_at_a_terminal_is_printed_a_table_at_a_time() -> None:
    rows = [diffview.Row("gap", "", count=i) for i in range(1, 251)]
    tables = list(diffview.terminal_view(None, rows, True, True, "a@1", "a@2"))  # type: ignore[arg-type]
    assert [t.row_count for t in tables] == [100, 100, 50]  # type: ignore[attr-defined]


# -- the UI -------------------------------------------------------------------------


def _big_pair(store_path: Path, paragraphs: int) -> None:
    old = "\n\n".join(f"Officials said {i} homes were damaged in district {i}." for i in range(paragraphs))
    new = old.replace("homes were", "houses were")
    with Store.open(store_path, create=True) as st:
        st.add(NewRevision("Floods\n\n" + old + "\n", "big", captured_at="2026-02-01T08:00:00Z"))
        st.add(NewRevision("Floods\n\n" + new + "\n", "big", captured_at="2026-02-01T09:00:00Z"))


def test_the_diff_pane_shows_a_page_of_a_large_revision(store_path: Path) -> None:
    pytest.importorskip("textual")
    from versioner.ui import make_app
    from versioner.ui.panes import DiffPane, FlagsTable

    _big_pair(store_path, 700)

    async def scenario() -> None:
        app = make_app(store_path, "big")
        try:
            async with app.run_test(size=(100, 30)) as pilot:
                for _ in range(4):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                pane = app.query_one(DiffPane)
                assert len(pane.rows) == 700
                assert len(pane.blocks) == DiffPane.PAGE == 200
                assert "… 500 more change(s): m shows 200 more" in _texts(pane)
                pane.focus()
                await pilot.press("m")
                await pilot.pause()
                assert len(pane.blocks) == 400
                flags = app.query_one(FlagsTable)
                assert len(flags.flags) == min(flags.total, FlagsTable.LIMIT)
                # a flag further down than the pages shown mounts the blocks up to it
                last = max(flags.flags, key=lambda f: f.paragraph or 0)
                block = pane.mark(last)
                await pilot.pause()
                assert block is not None and len(pane.blocks) >= (last.paragraph or 0)
                assert f"¶{last.paragraph}" in str(block.content)
                # the verdict's reasons (one a change) are cut too
                head = str(pane.query(".head").first().content)
                assert head.count("\n  · ") == 10 and "more (each change is in the flags table)" in head
                app.open_revision(0)  # the first revision: its text, a page of parts
                for _ in range(4):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                assert "(first)" in str(pane.border_title)
                assert f"… {701 - DiffPane.PAGE:,} more parts (versioner show)" in plain(pane)
        finally:
            app.browser.close()

    asyncio.run(scenario())


def plain(pane: Any) -> str:
    from textual.widgets import Static

    out = []
    for w in pane.query(Static):
        console = Console(width=100, file=io.StringIO(), record=True, color_system=None)
        console.print(w.content)
        out.append(console.export_text())
    return "".join(out)


def _texts(pane: Any) -> str:
    from textual.widgets import Static

    return "\n".join(str(w.content) for w in pane.query(Static))


def test_leaving_a_revision_cancels_its_diff_and_drops_its_result(seeded: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("textual")
    from textual.worker import WorkerState

    from versioner.ui import make_app
    from versioner.ui.model import Browser
    from versioner.ui.panes import DiffPane

    release = threading.Event()
    real = Browser.open_revision

    def slow(self: Browser, rows: Any, index: int) -> Any:
        if index == 1:  # the latest revision, opened first
            release.wait(30)
        return real(self, rows, index)

    monkeypatch.setattr(Browser, "open_revision", slow)

    async def scenario() -> None:
        app = make_app(None, "balochistan-militants")
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                while not [w for w in app.workers if w.group == "diff"]:
                    await pilot.pause(0.01)
                (first,) = [w for w in app.workers if w.group == "diff"]
                app.open_revision(0)  # the user moves to @1 before @2's diff is done
                for _ in range(100):
                    if first.state is WorkerState.CANCELLED:
                        break
                    await pilot.pause(0.05)
                assert first.state is WorkerState.CANCELLED
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert "balochistan-militants@1 (first)" in str(app.query_one(DiffPane).border_title)
                release.set()
                await pilot.pause(0.2)
                assert "(first)" in str(app.query_one(DiffPane).border_title)  # @2's result dropped
        finally:
            release.set()
            app.browser.close()

    asyncio.run(scenario())


# The UI in a child process whose diff never finishes: q must end the process (before,
# Textual's worker threads were joined at exit, so q waited for the whole diff).
_QUIT_CHILD = textwrap.dedent("""
    import asyncio, sys, threading
    from versioner.ui import make_app
    from versioner.ui.model import Browser

    Browser.open_revision = lambda self, rows, index: threading.Event().wait()  # forever

    async def main():
        app = make_app(None, "balochistan-militants")
        try:
            async with app.run_test(size=(80, 24)) as pilot:
                while not [w for w in app.workers if w.group == "diff"]:
                    await pilot.pause(0.01)
                await pilot.press("q")
        finally:
            app.browser.close()
        print("quit")

    asyncio.run(main())
""")


def test_q_during_a_diff_quits_without_waiting_for_it(seeded: Path) -> None:
    pytest.importorskip("textual")
    done = subprocess.run([sys.executable, "-c", _QUIT_CHILD], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout.strip()) == (0, "quit"), done.stderr
