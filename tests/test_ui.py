"""`versioner ui`: the Textual app driven headlessly by its pilot.

Screens are compared with SVG snapshots in tests/snapshots/ui/; after a
deliberate change to the UI, regenerate them with
``UPDATE_UI_SNAPSHOTS=1 pytest tests/test_ui.py`` and review the diff.
"""

from __future__ import annotations

import asyncio
import functools
import io
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual")

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from versioner.store import NewRevision, Store
from versioner.ui import cells, make_app
from versioner.ui.app import VersionerApp
from versioner.ui.model import Browser
from versioner.ui.panes import ArticleList, DiffPane, FlagsTable, TimelineTable

SNAPSHOTS = Path(__file__).parent / "snapshots" / "ui"
SIZE = (80, 24)


# -- helpers -----------------------------------------------------------------


def run_async(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run an async test on a fresh event loop (no asyncio plugin needed)."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return asyncio.run(fn(*args, **kwargs))

    return wrapper


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for every worker and the screen updates they post."""
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def plain(renderable: Any) -> str:
    console = Console(width=100, record=True, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def diff_text(app: VersionerApp) -> str:
    return "".join(plain(w.content) for w in app.query_one(DiffPane).query(Static))


def table_rows(table: DataTable[Any]) -> list[list[str]]:
    return [[getattr(c, "plain", str(c)) for c in table.get_row_at(i)] for i in range(table.row_count)]


def title(widget: Any) -> str:
    return str(widget.border_title)


async def compare_snapshot(pilot: Pilot[Any], name: str) -> None:
    """The screen as SVG equals tests/snapshots/ui/NAME.svg (ids normalised).

    Tables settle their column widths on idle, so the screen is taken once
    two screenshots in a row agree."""
    app = pilot.app
    svg = ""
    for _ in range(20):
        await pilot.pause()
        shot = re.sub(r"terminal-\d+-", "terminal-", app.export_screenshot(title="versioner ui"))
        if shot == svg:
            break
        svg = shot
    path = SNAPSHOTS / f"{name}.svg"
    if os.environ.get("UPDATE_UI_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path}; run with UPDATE_UI_SNAPSHOTS=1 and review it"
    assert svg == path.read_text(encoding="utf-8"), f"screen differs from {path.name}"


async def open_revision(pilot: Pilot[Any], number: int) -> None:
    """From an open article's timeline: move to revision NUMBER and press enter."""
    app = pilot.app
    timeline = app.query_one(TimelineTable)
    timeline.focus()
    await pilot.pause()
    steps = timeline.cursor_row - (number - 1)
    for _ in range(abs(steps)):
        await pilot.press("k" if steps > 0 else "j")
    await pilot.press("enter")
    await settle(pilot)


@pytest.fixture
def app_factory(seeded: Path) -> Callable[..., VersionerApp]:
    apps: list[VersionerApp] = []

    def _make(key: str | None = None) -> VersionerApp:
        app = make_app(None, key)
        apps.append(app)
        return app

    yield _make
    for app in apps:
        app.browser.close()


# -- the tour ----------------------------------------------------------------


@run_async
async def test_stepping_to_the_correction_shows_its_flags_and_verdict(app_factory: Any) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        keys = [row[2] for row in table_rows(articles)]
        assert len(keys) == 7 and "balochistan-militants" in keys
        # every row on screen has its worst verdict, as a symbol (not colour alone)
        assert {row[0] for row in table_rows(articles)} <= {"○", "=", "·", "+", "✓", "↺", "◷", "!", "✗", "‼"}
        for _ in range(keys.index("balochistan-militants")):
            await pilot.press("j")
        await pilot.press("enter")
        await settle(pilot)
        timeline = app.query_one(TimelineTable)
        assert "balochistan-militants" in title(timeline)
        rows = table_rows(timeline)
        assert [(r[0], r[2]) for r in rows] == [("@1", "○ first"), ("@2", "✓ consistent")]
        # at 80 columns the timeline keeps three lines of it; the diff pane shows it whole
        assert " ".join(rows[1][3].split()) == "(Corrects to add missing…"

        await open_revision(pilot, 1)
        assert "balochistan-militants@1 (first)" in title(app.query_one(DiffPane))
        assert app.query_one(FlagsTable).row_count == 0

        await open_revision(pilot, 2)
        assert app.focused is app.query_one(DiffPane)
        text = diff_text(app)
        assert "--- balochistan-militants@1  2026-02-01 08:15" in text
        assert "notice   (Corrects to add missing word in headline)" in text
        assert "{+militants +}" in text
        assert "verdict ✓ consistent" in text
        flags = table_rows(app.query_one(FlagsTable))
        assert [f[:3] for f in flags] == [["● medium", "headline", "headline"]]
        await compare_snapshot(pilot, "correction")


@run_async
async def test_slash_filters_the_article_list(app_factory: Any) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert app.focused is app.query_one("#filter", Input)
        await pilot.press(*"tram")
        await settle(pilot)
        articles = app.query_one(ArticleList)
        assert [r[2] for r in table_rows(articles)] == ["port-aven-tram"]
        assert title(articles) == "articles 1/7"
        await compare_snapshot(pilot, "filtered")
        await pilot.press("escape")  # leaves the filter for the list, keeping it
        assert app.focused is articles
        assert [r[2] for r in table_rows(articles)] == ["port-aven-tram"]
        await pilot.press("enter")
        await settle(pilot)
        assert "port-aven-tram" in title(app.query_one(TimelineTable))


@run_async
async def test_n_and_p_walk_the_flags_and_h_keeps_the_high_ones(app_factory: Any) -> None:
    app = app_factory("vessa-landslide")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_revision(pilot, 2)
        flags = app.query_one(FlagsTable)
        pane = app.query_one(DiffPane)
        assert [r[0] for r in table_rows(flags)] == ["▲ high", "● medium", "● medium"]
        await pilot.press("n")
        assert (flags.cursor_row, app.flag_index) == (0, 0)
        assert pane.current is not None and "¶2" in plain(pane.current.content)
        await pilot.press("n")
        assert "¶5 added" in plain(pane.current.content)
        await pilot.press("p")
        assert "¶2" in plain(pane.current.content)
        await pilot.press("p")  # wraps round to the last flag
        assert flags.cursor_row == 2 and "¶6 added" in plain(pane.current.content)

        await pilot.press("h")
        assert [r[0] for r in table_rows(flags)] == ["▲ high"]
        assert "high only (2 hidden)" in title(flags)
        await pilot.press("n")
        assert "¶2" in plain(pane.current.content)
        await compare_snapshot(pilot, "high-only")
        await pilot.press("h")
        assert flags.row_count == 3


@run_async
async def test_s_shows_old_and_new_side_by_side(app_factory: Any) -> None:
    app = app_factory("altair-flight-diversion")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "{+212+}" in diff_text(app)  # inline: markers, not colour alone
        await pilot.press("enter")  # the latest revision again, now with the diff focused
        await settle(pilot)
        await pilot.press("s", "n")
        await pilot.pause()
        text = diff_text(app)
        assert "side by side" in title(app.query_one(DiffPane))
        assert "--- altair-flight-diversion@1" in text and "+++ altair-flight-diversion@2" in text
        line = next(ln for ln in text.splitlines() if "Flight AL318" in ln)
        assert line.count("Flight AL318") == 2 and "221" in line and "212" in line
        assert "{+" not in text
        await compare_snapshot(pilot, "side-by-side")
        await pilot.press("s")
        assert "{+212+}" in diff_text(app)


@run_async
async def test_light_theme_keeps_words_and_markers(app_factory: Any) -> None:
    app = app_factory("altair-flight-diversion")
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "textual-light"
        await settle(pilot)
        assert app.current_theme.dark is False
        await pilot.press("enter")
        await settle(pilot)
        assert "{+212+}" in diff_text(app)
        assert [r[0] for r in table_rows(app.query_one(FlagsTable))] == ["▲ high", "▲ high"]
        await compare_snapshot(pilot, "light")


@run_async
async def test_q_quits(app_factory: Any) -> None:
    app = app_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@run_async
async def test_opening_at_a_key_selects_it_and_shows_its_latest_diff(app_factory: Any) -> None:
    app = app_factory("caldoria-rate-cut")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        assert articles.key_at(articles.cursor_row) == "caldoria-rate-cut"
        assert "caldoria-rate-cut@1 → caldoria-rate-cut@2" in title(app.query_one(DiffPane))
        assert [r[1] for r in table_rows(app.query_one(FlagsTable))] == ["figure"]
        await compare_snapshot(pilot, "open-at-key")


@run_async
async def test_the_timeline_counts_a_carried_notice_once_as_list_does(app_factory: Any,
                                                                    run: Callable[..., Any]) -> None:
    # vessa-landslide: the update of @2 is carried into @3, then @4 corrects: two notices
    listed = {a["article"]: a["notices"] for a in json.loads(run("list", "-f", "json").stdout)["articles"]}
    assert listed["vessa-landslide"] == 2
    app = app_factory("vessa-landslide")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert str(app.query_one(TimelineTable).border_subtitle) == "2 notice(s)"


# -- layout ------------------------------------------------------------------


def in_sight(table: DataTable[Any], row: int) -> bool:
    """Whether all of ``row`` shows in the table's window (under its header)."""
    heights = [r.height for r in table.ordered_rows]
    top = table.header_height + sum(heights[:row])
    window_top = table.scroll_y + table.header_height
    return window_top <= top and top + heights[row] <= table.scroll_y + table.scrollable_content_region.height


def unwrapped(cell: str) -> str:
    return " ".join(cell.split())


@run_async
async def test_reading_the_diff_at_80x24_keeps_the_selected_revision_in_the_timeline(app_factory: Any) -> None:
    app = app_factory("vessa-landslide")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.query_one(TimelineTable)
        assert timeline.cursor_row == 3 and in_sight(timeline, 3)
        await pilot.press("enter")  # the latest revision, the diff focused: the top shrinks
        await settle(pilot)
        assert app.focused is app.query_one(DiffPane) and app.screen.has_class("-reading")
        assert timeline.cursor_row == 3 and in_sight(timeline, 3)
        assert timeline.scrollable_content_region.height >= 3  # the header and two revisions at least
        await open_revision(pilot, 2)
        assert timeline.cursor_row == 1 and in_sight(timeline, 1)


@run_async
async def test_notices_and_old_and_new_wrap_in_the_pane_rather_than_run_off_it(app_factory: Any) -> None:
    app = app_factory("vessa-landslide")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_revision(pilot, 2)
        flags = app.query_one(FlagsTable)
        timeline = app.query_one(TimelineTable)
        for table in (flags, timeline):
            assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing off to the right
        for row, flag in zip(table_rows(flags), flags.flags):
            assert unwrapped(row[3]) == unwrapped(flag.reason)
            assert unwrapped(row[4]) == unwrapped(cells.flag_cells(flag)[4].plain)
        assert max(r.height for r in flags.ordered_rows) > 1
    async with app_factory("vessa-landslide").run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app = pilot.app
        app.query_one(TimelineTable).focus()
        await settle(pilot)
        notice = unwrapped(table_rows(app.query_one(TimelineTable))[1][3])
        assert notice == "(Updates death toll, adds rescue details)"


@run_async
async def test_at_120x40_a_short_article_list_takes_only_the_rows_it_needs(store_path: Path) -> None:
    with Store.open(store_path, create=True) as st:
        st.add(NewRevision("Lone story\n\nBody of the story.\n", "lone", captured_at="2026-03-01T08:00:00Z"))
    app = make_app(store_path)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            articles = app.query_one(ArticleList)
            # the border, the header and the one article: not half the screen
            assert articles.outer_size.height == 2 + 1 + 1
            assert app.query_one(DiffPane).outer_size.height > 25
    finally:
        app.browser.close()


@run_async
async def test_at_120x40_the_flags_pane_grows_with_its_flags(app_factory: Any) -> None:
    app = app_factory("vessa-landslide")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        flags = app.query_one(FlagsTable)
        assert flags.row_count == 0 and flags.outer_size.height == 4  # border, header, an empty row
        await open_revision(pilot, 2)
        assert flags.row_count == 3
        assert flags.outer_size.height == flags.wanted_height() >= 2 + 1 + 3  # every flag in sight


def top_row(pane: DiffPane) -> int:
    """The index of the diff block at the top of the pane."""
    return next(i for i, (block, _) in enumerate(pane.blocks) if block.virtual_region.bottom > pane.scroll_y)


def _long_diff(store_path: Path, paragraphs: int) -> None:
    old = "".join(f"Paragraph {i} says the count was {i} people.\n\n" for i in range(paragraphs))
    new = old.replace(" people.", " residents.")
    with Store.open(store_path, create=True) as st:
        st.add(NewRevision("Long story\n\n" + old, "long", captured_at="2026-03-01T08:00:00Z"))
        st.add(NewRevision("Long story\n\n" + new, "long", captured_at="2026-03-01T09:00:00Z"))


@run_async
async def test_s_keeps_the_place_in_the_diff(store_path: Path) -> None:
    _long_diff(store_path, 40)
    app = make_app(store_path, "long")
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("enter")  # the diff focused
            await settle(pilot)
            pane = app.query_one(DiffPane)
            pane.scroll_to_widget(pane.blocks[20][0], animate=False, top=True)
            await pilot.pause()
            assert top_row(pane) == 20
            await pilot.press("s")
            await settle(pilot)
            assert "side by side" in title(pane)
            assert top_row(pane) == 20 and pane.scroll_y > 0
            await pilot.press("s")
            await settle(pilot)
            assert top_row(pane) == 20
    finally:
        app.browser.close()


# -- untrusted text ------------------------------------------------------------


HOSTILE = ("[bold red]x[/] \x1b[2J\x1b[31mred \u202eevil\n\n"
           "KARACHI, Feb 1 (Meridian) – Body with [link=http://x]a link[/link] and [reverse]more[/].\n")


@run_async
async def test_markup_and_escapes_in_article_text_show_literally(store_path: Path) -> None:
    with Store.open(store_path, create=True) as st:
        st.add(NewRevision(HOSTILE, "[b]key[/b]", captured_at="2026-02-01T08:00:00Z"))
        st.add(NewRevision(HOSTILE.replace("Body", "Text"), "[b]key[/b]", captured_at="2026-02-01T09:00:00Z"))
    app = make_app(store_path, "[b]key[/b]")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert [r[2] for r in table_rows(app.query_one(ArticleList))] == ["[b]key[/b]"]
            assert "[b]key[/b]" in title(app.query_one(TimelineTable)).replace("\\[", "[")
            text = diff_text(app)
            assert "headline [bold red]x[/] \\x1b[2J\\x1b[31mred <U+202E>evil" in text
            assert "[link=http://x]a link[/link] and [reverse]more[/]" in text
            assert "\x1b" not in text and "\u202e" not in text
            await compare_snapshot(pilot, "hostile")
    finally:
        app.browser.close()


# -- staying fast and responsive -------------------------------------------------


def _many(store_path: Path, n: int) -> None:
    with Store.open(store_path, create=True) as st:
        st.import_many(NewRevision(f"Story {i}\n\nBody of story {i}.\n", f"story-{i:04d}",
                                   captured_at=f"2026-03-01T{i // 60 % 24:02d}:{i % 60:02d}:00Z")
                       for i in range(n))


@run_async
async def test_only_a_page_is_listed_and_only_rows_on_screen_are_audited(store_path: Path) -> None:
    _many(store_path, 250)
    app = make_app(store_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            articles = app.query_one(ArticleList)
            assert articles.row_count == ArticleList.PAGE < 250
            audited = [k for k in (a.key for a in app.browser.articles()) if app.browser.cached_worst(k)[0]]
            assert 0 < len(audited) <= articles.size.height
            assert title(articles) == "articles 250"
            articles.move_cursor(row=ArticleList.PAGE - 2)
            await pilot.press("j")  # the cursor reaches the last loaded row
            await settle(pilot)
            assert articles.row_count == 2 * ArticleList.PAGE  # the next page, on demand
    finally:
        app.browser.close()


@run_async
async def test_the_screen_stays_live_while_a_diff_is_computed(app_factory: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    real = Browser.open_revision

    def slow(self: Browser, rows: Any, index: int) -> Any:
        release.wait(10)
        return real(self, rows, index)

    monkeypatch.setattr(Browser, "open_revision", slow)
    app = app_factory("altair-flight-diversion")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "computing the diff" in diff_text(app)
        await pilot.press("slash", *"vessa")  # the UI thread is free meanwhile
        await pilot.pause()
        assert [r[2] for r in table_rows(app.query_one(ArticleList))] == ["vessa-landslide"]
        release.set()
        await settle(pilot)
        assert "{+212+}" in diff_text(app)


# -- the command ---------------------------------------------------------------


def test_ui_without_textual_says_to_install_the_extra(run: Callable[..., Any], seeded: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "textual", None)  # import textual now raises ImportError
    result = run("ui")
    assert (result.exit_code, result.stderr) == (
        2, "versioner: the terminal UI needs Textual: pip install 'versioner[ui]'\n")


def test_ui_with_an_unknown_key_is_an_error(run: Callable[..., Any], seeded: Path) -> None:
    result = run("ui", "no-such-story")
    assert (result.exit_code, result.stderr) == (2, "versioner: no article 'no-such-story' in the store\n")


def test_other_commands_do_not_import_textual() -> None:
    code = "import sys, versioner.cli; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
