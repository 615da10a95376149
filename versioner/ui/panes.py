"""The UI's panes: the article list (paged, verdicts filled lazily), the
timeline, the diff and the flags table. Widgets only: they render what the
app hands them and post what the user chose."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.widgets.data_table import CellDoesNotExist
from textual.worker import get_current_worker

from versioner.errors import VersionerError
from versioner.ui import cells

if TYPE_CHECKING:
    from versioner.flags import Flag
    from versioner.store import Article
    from versioner.ui.model import Browser, RevisionView, TimelineRow

_VI_KEYS: list[BindingType] = [
    Binding("enter", "select_cursor", "open", key_display="⏎"),
    Binding("j", "cursor_down", "move", key_display="↑↓jk"),
    Binding("k", "cursor_up", "up", show=False),
]


def _fill(table: DataTable[Any], labels: Sequence[str], rows: Sequence[Sequence[Text]]) -> None:
    """Replace columns and rows, each column as wide as its widest cell.

    Widths are given rather than left to DataTable, which settles automatic
    widths on idle and can paint (and snapshot) a table with stale ones."""
    table.clear(columns=True)
    for i, label in enumerate(labels):
        width = max([len(label)] + [r[i].cell_len for r in rows])
        table.add_column(label, key=label, width=width)
    table.add_rows(rows)


class ArticleList(DataTable[Any]):
    """Articles a page at a time; the worst verdict is computed in a worker,
    only for the rows on screen."""

    BINDINGS: ClassVar[list[BindingType]] = _VI_KEYS
    PAGE = 100

    class Failed(Message):
        """An article on screen could not be read (its verdict is marked ``?``)."""

        def __init__(self, key: str, error: VersionerError) -> None:
            super().__init__()
            self.key = key
            self.error = error

    def __init__(self, browser: Browser, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.browser = browser
        self.matches: list[Article] = []
        self.loaded = 0
        self.failed: set[str] = set()  # articles that cannot be read: never computed again

    def on_mount(self) -> None:
        # the worst verdict as its symbol only: the list must fit a third of 80 columns
        self.add_column("!", key="verdict")
        self.add_column("revs", key="revs")
        self.add_column("article", key="key")

    def show(self, matches: list[Article]) -> None:
        """Replace the rows with the first page of ``matches``."""
        self.clear()
        self.matches = matches
        self.loaded = 0
        self.load_more()

    def load_more(self) -> None:
        page = self.matches[self.loaded: self.loaded + self.PAGE]
        rows = []
        for a in page:
            known, verdict = self.browser.cached_worst(a.key)
            symbol = cells.verdict_symbol(verdict) if known else cells.pending_cell()
            rows.append((cells.failed_cell() if a.key in self.failed else symbol,
                         Text(str(a.revisions), justify="right"), cells.terminal(a.key)))
        self.add_rows(rows)
        self.loaded += len(page)
        self.call_after_refresh(self.fill_verdicts)

    def select(self, key: str) -> bool:
        """Move the cursor to article ``key``, loading pages as needed."""
        index = next((i for i, a in enumerate(self.matches) if a.key == key), None)
        if index is None:
            return False
        while self.loaded <= index:
            self.load_more()
        self.move_cursor(row=index)
        return True

    def key_at(self, row: int) -> str | None:
        return self.matches[row].key if 0 <= row < self.loaded else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= self.loaded - 10 and self.loaded < len(self.matches):
            self.load_more()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if new + self.size.height >= self.loaded - 5 and self.loaded < len(self.matches):
            self.load_more()
        self.fill_verdicts()

    def visible_keys(self) -> list[str]:
        first = int(self.scroll_y)
        last = min(self.loaded, first + max(self.size.height, 1))
        return [self.matches[i].key for i in range(first, last)]

    def fill_verdicts(self) -> None:
        """Compute, in a worker thread, the verdicts of the rows on screen not yet known."""
        todo = [k for k in self.visible_keys() if not self.browser.cached_worst(k)[0] and k not in self.failed]
        if todo:
            self.run_worker(partial(self._compute, todo), thread=True, exclusive=True, group="verdicts")

    def _compute(self, keys: Sequence[str]) -> None:
        worker = get_current_worker()
        for key in keys:
            if worker.is_cancelled:
                return
            try:
                verdict = self.browser.worst_verdict(key)
            except VersionerError as exc:
                self.app.call_from_thread(self.set_failed, key)
                self.post_message(self.Failed(key, exc))
                continue
            self.app.call_from_thread(self.set_verdict, key, verdict)

    def set_verdict(self, key: str, verdict: str | None) -> None:
        self._set_symbol(key, cells.verdict_symbol(verdict))

    def set_failed(self, key: str) -> None:
        self.failed.add(key)
        self._set_symbol(key, cells.failed_cell())

    def _set_symbol(self, key: str, symbol: Text) -> None:
        index = next((i for i in range(self.loaded) if self.matches[i].key == key), None)
        if index is None:
            return  # filtered away meanwhile
        try:
            self.update_cell_at(Coordinate(index, 0), symbol)
        except CellDoesNotExist:
            pass


class TimelineTable(DataTable[Any]):
    """The selected article's revisions: number, capture time, verdict, new notices."""

    BINDINGS: ClassVar[list[BindingType]] = _VI_KEYS

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.entries: list[TimelineRow] = []

    LABELS = ("rev", "captured", "verdict", "new notice")

    def on_mount(self) -> None:
        _fill(self, self.LABELS, [])

    def show(self, rows: list[TimelineRow]) -> None:
        self.entries = rows
        _fill(self, self.LABELS, [
            (Text(f"@{r.revision.number}"), Text(cells.short_time(r.revision.captured_at)[5:]),
             cells.verdict_cell(r.verdict.verdict), cells.notice_cell(r.entry.new_notices))
            for r in rows])


class FlagsTable(DataTable[Any]):
    """Flags of the open diff, most severe first; optionally only the high ones."""

    BINDINGS: ClassVar[list[BindingType]] = _VI_KEYS

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.flags: list[Flag] = []

    LABELS = ("severity", "type", "where", "why", "old → new")

    def on_mount(self) -> None:
        _fill(self, self.LABELS, [])

    def show(self, flags: Sequence[Flag], high_only: bool) -> None:
        self.flags = sorted((f for f in flags if f.severity == "high" or not high_only),
                            key=lambda f: -f.rank)
        _fill(self, self.LABELS, [cells.flag_cells(f) for f in self.flags])


class DiffPane(VerticalScroll):
    """The diff of the selected revision against the one before: a header
    (refs, notices, headline, verdict) then one block per changed paragraph,
    so a flag can scroll its paragraph into view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "move", key_display="↑↓jk"),
        Binding("k,up", "scroll_up", "up", show=False),
    ]
    can_focus = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.blocks: list[tuple[Static, Any]] = []  # (widget, diffview.Row)
        self.current: Static | None = None

    def message(self, text: str) -> None:
        self.remove_children()
        self.blocks = []
        self.current = None
        self.mount(Static(Text(text, "dim")))

    def error(self, text: str) -> None:
        """An error in place of the diff (text from the store: shown escaped)."""
        self.remove_children()
        self.blocks = []
        self.current = None
        self.mount(Static(cells.terminal(text, "bold red")))

    def show(self, view: RevisionView, side_by_side: bool) -> None:
        from versioner.render import diffview, records

        self.remove_children()
        self.blocks = []
        self.current = None
        row = view.row
        widgets: list[Static] = []
        if view.diff is None:
            widgets.append(Static(cells.verdict_lines(row.verdict), classes="head"))
            widgets.append(Static(records.revision_view(row.revision)))
            self.mount_all(widgets)
            self.scroll_home(animate=False)
            return
        diff = view.diff
        head = Text.assemble(cells.diff_header(diff.old, diff.new, row.entry.new_notices), "\n",
                             cells.verdict_lines(row.verdict))
        widgets.append(Static(head, classes="head"))
        rows = diffview.rows(diff.comparison)
        if side_by_side:
            width = max((len(r.label) for r in rows), default=0)
            widgets.append(Static(cells.side_header(diff.old.ref, diff.new.ref, width)))
            renderables = [cells.side_row(r, width) for r in rows]
        else:
            renderables = diffview.terminal_view(diff.comparison, rows, True, False, diff.old.ref, diff.new.ref)
        for r, renderable in zip(rows, renderables):
            block = Static(renderable, classes="block")
            self.blocks.append((block, r))
            widgets.append(block)
        if not rows:
            widgets.append(Static(Text("identical texts" if diff.identical else "whitespace only", "dim")))
        self.mount_all(widgets)
        self.scroll_home(animate=False)

    def block_for(self, flag: Flag) -> Static | None:
        """The block showing the change a flag is about."""
        for widget, r in self.blocks:
            c = r.change
            if c is None or c.section != flag.section:
                continue
            if flag.paragraph is None or c.paragraph == flag.paragraph:
                return widget
        return None

    def mark(self, flag: Flag) -> Static | None:
        """Highlight the flag's block and scroll it into view."""
        if self.current is not None:
            self.current.remove_class("current")
        self.current = self.block_for(flag)
        if self.current is not None:
            self.current.add_class("current")
            self.scroll_to_widget(self.current, animate=False, top=True)
        return self.current
