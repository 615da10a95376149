"""Rich renderables for the UI's panes, built from the library's plain data.

Every piece of article text goes through ``render.safe.terminal`` (a rich
``Text``, never parsed as markup, controls made visible); severity and
verdict carry a symbol and a word as well as a colour, as in the CLI views.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from versioner.render.auditview import VERDICT_MARK
from versioner.render.diffview import SEVERITY_MARK, SEVERITY_STYLE
from versioner.render.safe import terminal

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from versioner.audit import Verdict
    from versioner.flags import Flag
    from versioner.render.diffview import Row
    from versioner.store import Revision


def short_time(iso: str) -> str:
    """2026-02-01T08:15:00Z -> 2026-02-01 08:15."""
    return iso[:16].replace("T", " ")


def verdict_cell(verdict: str | None) -> Text:
    """A verdict as symbol and word (``✓ consistent``); a dash when there is none."""
    from rich.text import Text

    if verdict is None:
        return Text("-", "dim")
    mark, style = VERDICT_MARK[verdict]
    return Text(mark, style)


def verdict_symbol(verdict: str | None) -> Text:
    """A verdict as its symbol alone (``‼`` for stealth), where a word does not fit."""
    cell = verdict_cell(verdict)
    cell.truncate(1)
    return cell


def pending_cell() -> Text:
    """A cell whose value a worker is still computing."""
    from rich.text import Text

    return Text("…", "dim")


def failed_cell() -> Text:
    """A cell whose value could not be computed: the article cannot be read."""
    from rich.text import Text

    return Text("?", "bold red")


def severity_cell(severity: str) -> Text:
    from rich.text import Text

    return Text(SEVERITY_MARK[severity], SEVERITY_STYLE[severity])


def _one_line(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def where(flag: Flag) -> str:
    return flag.section if flag.paragraph is None else f"{flag.section} ¶{flag.paragraph}"


def flag_cells(flag: Flag) -> tuple[Text, Text, Text, Text, Text]:
    """severity, type, where, why, old → new: one row of the flags table (the
    reason before the texts, which may be long)."""
    from rich.text import Text

    change = Text.assemble(terminal(_one_line(flag.old), "red"), " → ", terminal(_one_line(flag.new), "green"))
    return severity_cell(flag.severity), Text(flag.type), Text(where(flag)), terminal(flag.reason), change


def notice_cell(notices: Sequence[str]) -> Text:
    return terminal(_one_line(" / ".join(notices), 200) if notices else "-")


REASONS_SHOWN = 10


def verdict_lines(verdict: Verdict) -> Text:
    """The verdict with its reasons, one a line, for the top of the diff pane."""
    from rich.text import Text

    out = Text.assemble("verdict ", verdict_cell(verdict.verdict))
    for reason in verdict.reasons[:REASONS_SHOWN]:
        out.append("\n  · ")
        out.append_text(terminal(reason))
    if len(verdict.reasons) > REASONS_SHOWN:
        # a stealth edit of 5,000 figures has 5,000 reasons: their layout took seconds
        more = len(verdict.reasons) - REASONS_SHOWN
        out.append(f"\n  … {more:,} more (each change is in the flags table)", "dim")
    if verdict.disclosed_by:
        out.append(f"\n  · disclosed by {verdict.disclosed_by} after {verdict.latency_s} s")
    return out


def diff_header(old: Revision, new: Revision, new_notices: Sequence[str], headline: str | None) -> Text:
    """Refs and capture times of both sides, the new notices and the new headline
    (given: parsing the revision again took 0.4 s of the screen's time at 4 MB)."""
    from rich.text import Text

    out = Text.assemble(terminal(f"--- {old.ref}  {short_time(old.captured_at)}", "bold red"), "\n",
                        terminal(f"+++ {new.ref}  {short_time(new.captured_at)}", "bold green"))
    for n in new_notices:
        out.append("\nnotice   ", "bold")
        out.append_text(terminal(n, "italic"))
    out.append("\nheadline ", "bold")
    out.append_text(terminal(headline or "-"))
    return out


def side_row(row: Row, label_width: int) -> RenderableType:
    """One diff row as old | new columns; ``label_width`` is the same for
    every row of a view, so the columns line up."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from versioner.render.diffview import side_texts

    table = Table(show_header=False, box=box.MINIMAL, show_edge=False, expand=True, padding=(0, 1))
    table.add_column(no_wrap=True, style="cyan", width=label_width)
    table.add_column(ratio=1, overflow="fold")
    table.add_column(ratio=1, overflow="fold")
    if row.kind == "gap":
        gap = Text(f"… {row.count} unchanged paragraph{'s' if row.count != 1 else ''} …", "dim")
        table.add_row("", gap, gap.copy())
    elif row.kind == "context":
        table.add_row(row.label, terminal(row.text, "dim"), terminal(row.text, "dim"))
    elif row.change is not None:
        old, new = side_texts(row.change)
        table.add_row(row.label, old, new)
    return table


def side_header(old_ref: str, new_ref: str, label_width: int) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(show_header=False, box=box.MINIMAL, show_edge=False, expand=True, padding=(0, 1))
    table.add_column(no_wrap=True, width=label_width)
    table.add_column(ratio=1)
    table.add_column(ratio=1)
    table.add_row("", terminal(f"--- {old_ref}", "bold red"), terminal(f"+++ {new_ref}", "bold green"))
    return table
