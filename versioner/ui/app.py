"""``versioner ui``: a Textual app over the library's plain data.

Three panes, left to right in the order a user moves through them: articles,
the selected article's timeline, and the diff of the selected revision
against the one before it with its flags. Store reads, audits and diffs run
in worker threads so the screen never waits on them.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Input

from versioner.errors import VersionerError
from versioner.history import count_distinct
from versioner.render.safe import terminal
from versioner.ui.background import cancellable
from versioner.ui.panes import ArticleList, DiffPane, FlagsTable, TimelineTable

if TYPE_CHECKING:
    from versioner.flags import Flag
    from versioner.render.diffview import Row
    from versioner.ui.model import Browser, RevisionView, TimelineRow


def _diff_rows(browser: Browser, rows: list[TimelineRow], index: int) -> tuple[RevisionView, list[Row]]:
    from versioner.render.diffview import rows as diff_rows

    view = browser.open_revision(rows, index)
    return view, diff_rows(view.diff.comparison) if view.diff else []


class VersionerApp(App[None]):
    """Browse articles, revisions and flags. ``key`` opens one article at start."""

    TITLE = "versioner"
    # pane heights are set by fit_panes, to what each pane holds
    CSS = """
    Screen { layout: vertical; }
    #left { width: 2fr; }
    #articles, #timeline { height: 1fr; }
    #timeline { width: 3fr; }
    #articles, #timeline, #flags { scrollbar-gutter: stable; }
    #articles, #timeline, #diff, #flags { border: round $secondary; }
    #articles:focus, #timeline:focus, #diff:focus, #flags:focus { border: round $accent; }
    #filter { height: 1; border: none; padding: 0 1; display: none; }
    #diff { height: 1fr; min-height: 4; padding: 0 1; }
    DiffPane .head { margin-bottom: 1; }
    DiffPane .current { background: $boost; border-left: thick $warning; }
    DataTable { scrollbar-size-vertical: 1; }
    """
    # the share of the screen's rows the list and timeline, and the flags, may
    # take at most (the diff has the rest); less for the list and timeline
    # while the diff or the flags are read
    TOP_SHARE, TOP_SHARE_READING, FLAGS_SHARE = 0.4, 0.25, 0.35
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: handled before the keys typed after it are handed to the list
        Binding("slash", "filter", "filter", key_display="/", priority=True),
        Binding("n", "flag(1)", "flag", key_display="n/p"),
        Binding("p", "flag(-1)", "previous flag", show=False),
        Binding("s", "side_by_side", "side by side"),
        Binding("h", "high_only", "high only"),
        Binding("escape", "go_back", "back", show=False),
        Binding("q", "quit", "quit"),
    ]

    def __init__(self, browser: Browser, key: str | None = None) -> None:
        super().__init__()
        self.browser = browser
        self.start_key = key
        self.rows: list[TimelineRow] = []
        self.view: RevisionView | None = None
        self.view_rows: list[Row] = []  # its diff's rows, worked out with it in the worker
        self.side_by_side = False
        self.high_only = False
        self.flag_index = -1
        # the first error met (a damaged article): shown where it happened, the rest
        # stays browsable, and `versioner ui` ends with it (one line, exit 2)
        self.failure: VersionerError | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            with Vertical(id="left"):
                yield Input(placeholder="filter articles", id="filter")
                yield ArticleList(self.browser, id="articles")
            yield TimelineTable(id="timeline")
        yield DiffPane(id="diff")
        yield FlagsTable(id="flags")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        articles = self.query_one(ArticleList)
        articles.show(self.browser.articles())
        self._title_articles()
        self.query_one(TimelineTable).border_title = "timeline"
        self.query_one(DiffPane).border_title = "diff"
        self.query_one(FlagsTable).border_title = "flags"
        self.query_one(DiffPane).message("enter on an article, then on a revision")
        articles.focus()
        if self.start_key and articles.select(self.start_key):
            self.open_article(self.start_key)
            self.query_one(TimelineTable).focus()

    def on_descendant_focus(self) -> None:
        # reading a diff needs the rows: the list and timeline shrink meanwhile
        reading = isinstance(self.focused, (DiffPane, FlagsTable))
        if reading != self.screen.has_class("-reading"):
            self.screen.set_class(reading, "-reading")
            self.query_one(TimelineTable).set_notice_lines(1 if reading else 3)
            self.fit_panes()

    def on_fitted_table_refit(self) -> None:
        self.fit_panes()

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_panes)

    def fit_panes(self) -> None:
        """Size the panes to what they hold, within their share of the screen,
        and keep the selected revision in sight in the timeline."""
        height = self.screen.size.height
        share = self.TOP_SHARE_READING if self.screen.has_class("-reading") else self.TOP_SHARE
        timeline = self.query_one(TimelineTable)
        articles = self.query_one(ArticleList)
        box = self.query_one("#filter", Input)
        wanted = max(articles.wanted_height() + (1 if box.display else 0), timeline.wanted_height())
        # at least the border, the header and one row
        self.query_one("#top").styles.height = max(4, min(wanted, int(height * share)))
        flags = self.query_one(FlagsTable)
        flags.styles.height = max(4, min(flags.wanted_height(), int(height * self.FLAGS_SHARE)))
        self.call_after_refresh(self._cursors_in_sight)

    def _cursors_in_sight(self) -> None:
        for table in (self.query_one(TimelineTable), self.query_one(ArticleList), self.query_one(FlagsTable)):
            if table.row_count:
                table.move_cursor(row=table.cursor_row, scroll=True)

    # -- articles ------------------------------------------------------------

    def _title_articles(self) -> None:
        articles = self.query_one(ArticleList)
        total = len(self.browser.articles())
        shown = len(articles.matches)
        articles.border_title = f"articles {shown}" if shown == total else f"articles {shown}/{total}"

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        if box.has_focus:
            box.insert_text_at_cursor("/")  # a "/" typed in the filter is text
            return
        # shown and focused at once, not deferred as focus() is: keys typed
        # right after "/" must land in the box
        box.display = True
        self.screen.set_focus(box)
        self.fit_panes()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one(ArticleList).show(self.browser.matching(event.value))
        self._title_articles()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(ArticleList).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if isinstance(event.data_table, ArticleList):
            key = event.data_table.key_at(event.cursor_row)
            if key is not None:
                self.open_article(key)
                self.query_one(TimelineTable).focus()
        elif isinstance(event.data_table, TimelineTable):
            self.open_revision(event.cursor_row, focus=True)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # moving through the flags table follows the flag in the diff
        if isinstance(event.data_table, FlagsTable) and event.data_table.has_focus:
            self._mark_flag(event.cursor_row)

    # -- timeline ------------------------------------------------------------

    def open_article(self, key: str) -> None:
        """Load the article's timeline in a worker, then open its latest revision."""
        table = self.query_one(TimelineTable)
        table.border_title = Text.assemble("timeline ", terminal(key, "bold"), " …")
        table.border_subtitle = ""
        self.run_worker(partial(self._load_timeline, key), thread=True, exclusive=True, group="timeline")

    def _load_timeline(self, key: str) -> None:
        try:
            rows = cancellable(partial(self.browser.timeline, key))
        except VersionerError as exc:
            self.call_from_thread(self._show_failure, key, exc)
            return
        if rows is not None:
            self.call_from_thread(self._show_timeline, key, rows)

    def _show_failure(self, key: str, exc: VersionerError) -> None:
        """An article that cannot be read: said in its place, marked in the list."""
        self.failure = self.failure or exc
        self.rows = []
        self.view = None
        table = self.query_one(TimelineTable)
        table.show([])
        table.border_title = Text.assemble("timeline ", terminal(key, "bold"), " cannot be read")
        table.border_subtitle = ""
        self.query_one(ArticleList).set_failed(key)
        self.query_one(DiffPane).error(f"versioner: {exc}")
        self._render_flags()

    def _show_diff_failure(self, exc: VersionerError) -> None:
        self.failure = self.failure or exc
        self.view = None
        self.query_one(DiffPane).error(f"versioner: {exc}")
        self._render_flags()

    def on_article_list_failed(self, event: ArticleList.Failed) -> None:
        self.failure = self.failure or event.error

    def _show_timeline(self, key: str, rows: list[TimelineRow]) -> None:
        self.rows = rows
        table = self.query_one(TimelineTable)
        table.show(rows)
        table.border_title = Text.assemble("timeline ", terminal(key, "bold"), f" {len(rows)} rev(s)")
        # each notice once however many revisions carry it, as `list` counts them
        table.border_subtitle = f"{count_distinct(n for r in rows for n in r.entry.notices)} notice(s)"
        self.query_one(ArticleList).set_verdict(key, self.browser.cached_worst(key)[1])
        if rows:
            table.move_cursor(row=len(rows) - 1)
            self.open_revision(len(rows) - 1)

    # -- diff and flags ------------------------------------------------------

    def open_revision(self, index: int, focus: bool = False) -> None:
        """Compute the diff of revision ``index`` in a worker; the screen stays live."""
        if not 0 <= index < len(self.rows):
            return
        ref = self.rows[index].revision.ref
        self.query_one(DiffPane).message(f"computing the diff of {ref} …")
        self.run_worker(partial(self._load_diff, self.rows, index, focus), thread=True,
                        exclusive=True, group="diff")

    def _load_diff(self, rows: list[TimelineRow], index: int, focus: bool) -> None:
        try:
            loaded = cancellable(partial(_diff_rows, self.browser, rows, index))
        except VersionerError as exc:
            self.call_from_thread(self._show_diff_failure, exc)
            return
        if loaded is not None:
            self.call_from_thread(self._show_revision, *loaded, focus)

    def _show_revision(self, view: RevisionView, rows: list[Row], focus: bool) -> None:
        self.view, self.view_rows = view, rows
        self._render_view()
        if focus:
            self.query_one(DiffPane).focus()

    def _render_view(self) -> None:
        if self.view is None:
            return
        self._show_diff()
        self._render_flags()

    def _show_diff(self) -> None:
        assert self.view is not None
        pane = self.query_one(DiffPane)
        pane.show(self.view, self.view_rows, self.side_by_side)
        diff = self.view.diff
        title = (f"{diff.old.ref} → {diff.new.ref}" if diff else f"{self.view.row.revision.ref} (first)")
        mode = " side by side" if self.side_by_side else ""
        pane.border_title = Text.assemble("diff ", terminal(title), mode)

    def _render_flags(self) -> None:
        table = self.query_one(FlagsTable)
        flags = self.view.diff.flags if self.view and self.view.diff else ()
        table.show(flags, self.high_only)
        hidden = len(flags) - table.total
        table.border_title = (f"flags {len(table.flags)}"
                              + (f" of {table.total:,}" if table.total > len(table.flags) else "")
                              + (f" high only ({hidden} hidden)" if self.high_only else ""))
        self.flag_index = -1

    def _mark_flag(self, index: int) -> Flag | None:
        table = self.query_one(FlagsTable)
        if not 0 <= index < len(table.flags):
            return None
        self.flag_index = index
        flag = table.flags[index]
        self.query_one(DiffPane).mark(flag)
        return flag

    def action_flag(self, step: int) -> None:
        """Next (1) or previous (-1) flag: highlight it in the table and in the diff."""
        table = self.query_one(FlagsTable)
        if not table.flags:
            self.notify("no flags in this diff", timeout=2)
            return
        index = (self.flag_index + step) % len(table.flags) if self.flag_index >= 0 else (
            0 if step > 0 else len(table.flags) - 1)
        table.move_cursor(row=index)
        self._mark_flag(index)

    def action_side_by_side(self) -> None:
        """Inline or side by side, at the same place in the diff and with the same flag marked."""
        self.side_by_side = not self.side_by_side
        if self.view is None:
            return
        pane = self.query_one(DiffPane)
        top, marked = pane.top_row(), pane.marked_row()
        self._show_diff()
        pane.keep(top, marked)

    def action_high_only(self) -> None:
        self.high_only = not self.high_only
        self._render_flags()

    def action_go_back(self) -> None:
        """Escape: close the filter, or go back one pane."""
        box = self.query_one("#filter", Input)
        if box.has_focus:
            box.display = bool(box.value)  # an empty filter needs no row
            self.fit_panes()
            self.query_one(ArticleList).focus()
            return
        order: list[Any] = [self.query_one(ArticleList), self.query_one(TimelineTable),
                            self.query_one(DiffPane), self.query_one(FlagsTable)]
        focused = self.focused
        if focused in order[1:]:
            order[order.index(focused) - 1].focus()
