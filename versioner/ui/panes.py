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
from versioner.model import worst_first
from versioner.render.pieces import short_time
from versioner.ui import cells
from versioner.ui.background import cancellable

if TYPE_CHECKING:
    from versioner.flags import Flag
    from versioner.render.diffview import DiffView, Row
    from versioner.store import Article
    from versioner.ui.model import Browser, RevisionView, TimelineRow

_VI_KEYS: list[BindingType] = [
    Binding("enter", "select_cursor", "open", key_display="⏎"),
    Binding("j", "cursor_down", "move", key_display="↑↓jk"),
    Binding("k", "cursor_up", "up", show=False),
]


def _fill(table: DataTable[Any], labels: Sequence[str], rows: Sequence[Sequence[Text]],
          wrap: Sequence[int] = (), max_lines: int = 0) -> None:
    """Replace columns and rows, each column as wide as its widest cell; the
    columns ``wrap`` (indices) share the width left over and wrap their text,
    the rows growing to fit (to ``max_lines`` if given), rather than running
    off the pane.

    Widths are given rather than left to DataTable, which settles automatic
    widths on idle and can paint (and snapshot) a table with stale ones."""
    table.clear(columns=True)
    widths = [max([len(label)] + [r[i].cell_len for r in rows]) for i, label in enumerate(labels)]
    if wrap:
        pad = 2 * table.cell_padding
        spare = table.scrollable_content_region.width - sum(w + pad for w in widths)
        spare += sum(widths[i] for i in wrap)
        # the narrower wrapping column first: what it does not need goes to the next
        for n, i in enumerate(sorted(wrap, key=lambda i: widths[i])):
            share = spare // (len(wrap) - n)
            widths[i] = max(min(widths[i], share), _MIN_WRAP, len(labels[i]))
            spare -= widths[i]
    for label, width in zip(labels, widths):
        table.add_column(label, key=label, width=width)
    if max_lines:
        rows = [[cells.clip_lines(c, widths[i], max_lines) if i in wrap else c for i, c in enumerate(r)]
                for r in rows]
    for row in rows:
        table.add_row(*row, height=None if wrap else 1)


_MIN_WRAP = 10  # a wrapping column narrower than this scrolls sideways instead


class FittedTable(DataTable[Any]):
    """A table that tells the app when its content grows or shrinks, so that
    the panes can be sized to what they hold."""

    class Refit(Message):
        """The table's content height changed."""

    _filled_width = -1

    def width_changed(self) -> bool:
        """Whether the width changed since the last call (a change of height
        alone, as the app fits the panes, wraps nothing anew)."""
        width = self.scrollable_content_region.width
        changed, self._filled_width = width != self._filled_width, width
        return changed

    def watch_virtual_size(self, old: Any, new: Any) -> None:
        if old.height != new.height:
            self.post_message(self.Refit())

    def wanted_height(self) -> int:
        """Rows this pane needs to show all its content: header, rows, border
        and any scroll bar."""
        chrome = self.outer_size.height - self.scrollable_content_region.height
        return self.virtual_size.height + chrome


class ArticleList(FittedTable):
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
        self._add_columns()

    def _add_columns(self) -> None:
        # the worst verdict as its symbol only, and the key in the width left
        # over, a long one cut with … (whole in the timeline's title): the list
        # must fit 80 columns, one row an article, with no sideways scrolling
        self.clear(columns=True)
        revs = max([4] + [len(str(a.revisions)) for a in self.matches])
        spare = self.scrollable_content_region.width - (1 + revs + 3 * 2 * self.cell_padding)
        self.add_column("!", key="verdict", width=1)
        self.add_column("revs", key="revs", width=revs)
        self.add_column("article", key="key", width=max(spare, _MIN_WRAP))

    def on_resize(self) -> None:
        if self.width_changed():
            # the same rows in the new width; the verdicts a worker is computing
            # for them still land (by key), so no worker is started (or cancelled)
            cursor = self.cursor_row
            self._add_columns()
            self.add_rows(self._rows(self.matches[: self.loaded]))
            self.move_cursor(row=cursor)

    def show(self, matches: list[Article]) -> None:
        """Replace the rows with the first page of ``matches``."""
        self.clear()
        self.matches = matches
        self.loaded = 0
        self.load_more()

    def _rows(self, articles: Sequence[Article]) -> list[tuple[Text, Text, Text]]:
        rows = []
        for a in articles:
            known, verdict = self.browser.cached_worst(a.key)
            symbol = cells.verdict_symbol(verdict) if known else cells.pending_cell()
            rows.append((cells.failed_cell() if a.key in self.failed else symbol,
                         Text(str(a.revisions), justify="right"), cells.one_line_cell(a.key)))
        return rows

    def load_more(self) -> None:
        page = self.matches[self.loaded: self.loaded + self.PAGE]
        self.add_rows(self._rows(page))
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
            try:
                # cancellable: an article's audit may wait for the lock behind a long diff
                verdict = cancellable(partial(self.browser.worst_verdict, key))
            except VersionerError as exc:
                if worker.is_cancelled:
                    return
                self.app.call_from_thread(self.set_failed, key)
                self.post_message(self.Failed(key, exc))
                continue
            if worker.is_cancelled:
                return
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


class TimelineTable(FittedTable):
    """The selected article's revisions: number, capture time, verdict, new notices
    (wrapped to three lines, one while the diff is read: the diff pane shows
    them whole)."""

    BINDINGS: ClassVar[list[BindingType]] = _VI_KEYS

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.entries: list[TimelineRow] = []

    LABELS = ("rev", "captured", "verdict", "new notice")
    notice_lines = 3

    def on_mount(self) -> None:
        _fill(self, self.LABELS, [])

    def on_resize(self) -> None:
        # the notice column takes the width left over: a new width wraps it anew
        if self.width_changed():
            cursor = self.cursor_row
            self.show(self.entries)
            self.move_cursor(row=cursor)

    def show(self, rows: list[TimelineRow]) -> None:
        self.entries = rows
        _fill(self, self.LABELS, [
            (Text(f"@{r.revision.number}"), Text(short_time(r.revision.captured_at)[5:]),
             cells.verdict_cell(r.verdict.verdict), cells.notice_cell(r.entry.new_notices))
            for r in rows], wrap=(3,), max_lines=self.notice_lines)

    def set_notice_lines(self, lines: int) -> None:
        if lines != self.notice_lines:
            self.notice_lines = lines
            cursor = self.cursor_row
            self.show(self.entries)
            self.move_cursor(row=cursor)


class FlagsTable(FittedTable):
    """Flags of the open diff, most severe first; optionally only the high ones.
    The reason and the old and new texts wrap in the width the pane has."""

    BINDINGS: ClassVar[list[BindingType]] = _VI_KEYS

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.flags: list[Flag] = []
        self.total = 0  # flags chosen, of which the first LIMIT are shown

    LABELS = ("severity", "type", "where", "why", "old → new")

    def on_mount(self) -> None:
        _fill(self, self.LABELS, [])

    def on_resize(self) -> None:
        if self.width_changed():
            cursor = self.cursor_row
            self._fill()
            self.move_cursor(row=cursor)

    LIMIT = 500  # rows: a diff with thousands of flags fills the table in a blink

    def show(self, flags: Sequence[Flag], high_only: bool) -> None:
        chosen = worst_first(f for f in flags if f.severity == "high" or not high_only)
        self.total = len(chosen)
        self.flags = chosen[: self.LIMIT]
        self._fill()

    def _fill(self) -> None:
        _fill(self, self.LABELS, [cells.flag_cells(f) for f in self.flags], wrap=(3, 4))


class DiffPane(VerticalScroll):
    """The diff of the selected revision against the one before: a header
    (refs, notices, headline, verdict) then one block per changed paragraph,
    so a flag can scroll its paragraph into view. PAGE blocks at a time: a
    revision of 20,000 changed paragraphs mounts 200 widgets, not 20,000 (which
    took over a minute, with keys dead meanwhile); `m` or a flag further down
    loads more."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "move", key_display="↑↓jk"),
        Binding("k,up", "scroll_up", "up", show=False),
        Binding("m", "load_more", "more", show=False),
    ]
    can_focus = True
    PAGE = 200

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.blocks: list[tuple[Static, Any]] = []  # (widget, diffview.Row), in the order of rows
        self.rows: list[Row] = []  # every row of the diff; blocks show the first ones
        self.current: Static | None = None
        self._more: Static | None = None
        self._view: DiffView | None = None  # the diff shown
        self._side = (False, 0)  # side by side?, label width

    def _clear(self) -> None:
        self.remove_children()
        self.blocks = []
        self.rows = []
        self.current = None
        self._more = None

    def message(self, text: str) -> None:
        self._clear()
        self.mount(Static(Text(text, "dim")))

    def error(self, text: str) -> None:
        """An error in place of the diff (text from the store: shown escaped)."""
        self._clear()
        self.mount(Static(cells.terminal(text, "bold red")))

    def show(self, view: RevisionView, rows: list[Row], side_by_side: bool) -> None:
        """The revision's diff, whose ``diffview.rows`` are ``rows``."""
        from versioner.render import records
        from versioner.render.diffview import DiffView

        self._clear()
        row = view.row
        widgets: list[Static] = []
        if view.diff is None:
            widgets.append(Static(cells.verdict_lines(row.verdict), classes="head"))
            widgets.append(Static(records.revision_view(row.revision, limit=self.PAGE)))
            self.mount_all(widgets)
            self.scroll_home(animate=False)
            return
        diff = view.diff
        shown = DiffView(diff.old, diff.new, diff.comparison, rows, diff.flags)
        head = Text.assemble(shown.short_header(row.entry.new_notices, diff.comparison.new.headline), "\n",
                             cells.verdict_lines(row.verdict))
        widgets.append(Static(head, classes="head"))
        self.rows = rows
        width = max((len(r.label) for r in self.rows), default=0)
        self._view, self._side = shown, (side_by_side, width)
        if side_by_side:
            widgets.append(Static(shown.side_header(width)))
        if not self.rows:
            widgets.append(Static(Text("identical texts" if diff.identical else "whitespace only", "dim")))
        self.mount_all(widgets)
        self.load_more()
        self.scroll_home(animate=False)

    def load_more(self, upto: int = 0) -> None:
        """Mount the next PAGE blocks (more, to reach row ``upto``), and a line
        counting the rows not shown yet."""
        start = len(self.blocks)
        end = min(len(self.rows), max(start + self.PAGE, upto + 1))
        if start >= end:
            return
        page = self.rows[start:end]
        side_by_side, width = self._side
        assert self._view is not None  # rows are only set with a view
        if side_by_side:
            renderables = [self._view.side_block(r, width) for r in page]
        else:
            renderables = list(self._view.blocks(page))
        widgets = []
        for r, renderable in zip(page, renderables):
            block = Static(renderable, classes="block")
            self.blocks.append((block, r))
            widgets.append(block)
        if self._more is not None:
            self._more.remove()
            self._more = None
        left = len(self.rows) - end
        if left:
            self._more = Static(Text(f"… {left:,} more change(s): m shows {min(left, self.PAGE)} more", "dim"))
            widgets.append(self._more)
        self.mount_all(widgets)

    def action_load_more(self) -> None:
        self.load_more()

    def top_row(self) -> int | None:
        """The index of the row whose block is at the top of the pane; None
        while the pane is scrolled to its start."""
        y = self.scroll_y
        if y <= 0:
            return None
        return next((i for i, (block, _) in enumerate(self.blocks) if block.virtual_region.bottom > y), None)

    def keep(self, top: int | None, marked: int | None) -> None:
        """Having shown the diff anew (say side by side): scroll row ``top`` back
        to the top of the pane and mark row ``marked`` again."""
        if marked is not None and marked < len(self.blocks):
            self.current = self.blocks[marked][0]
            self.current.add_class("current")
        if top is not None:
            if top >= len(self.blocks):
                self.load_more(upto=top)
            # after the refresh: the blocks just mounted have no place on screen yet
            self.call_after_refresh(self.scroll_to_widget, self.blocks[top][0], animate=False, top=True)

    def marked_row(self) -> int | None:
        return next((i for i, (block, _) in enumerate(self.blocks) if block is self.current), None)

    def _row_for(self, flag: Flag) -> int | None:
        """The index of the row showing the change a flag is about."""
        for i, r in enumerate(self.rows):
            c = r.change
            if c is None or c.section != flag.section:
                continue
            if flag.paragraph is None or c.paragraph == flag.paragraph:
                return i
        return None

    def block_for(self, flag: Flag) -> Static | None:
        """The block showing the change a flag is about (mounted as needed)."""
        index = self._row_for(flag)
        if index is None:
            return None
        if index >= len(self.blocks):
            self.load_more(upto=index)
        return self.blocks[index][0]

    def mark(self, flag: Flag) -> Static | None:
        """Highlight the flag's block and scroll it into view."""
        if self.current is not None:
            self.current.remove_class("current")
        self.current = self.block_for(flag)
        if self.current is not None:
            self.current.add_class("current")
            # after the refresh: a block just mounted has no place on screen yet
            self.call_after_refresh(self.scroll_to_widget, self.current, animate=False, top=True)
        return self.current
