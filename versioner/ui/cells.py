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
from versioner.render.pieces import one_line, where
from versioner.render.safe import terminal

if TYPE_CHECKING:
    from rich.text import Text

    from versioner.audit import Verdict
    from versioner.flags import Flag


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


SHORT = 60  # characters of a flag's old and new text in the flags table


def flag_cells(flag: Flag) -> tuple[Text, Text, Text, Text, Text]:
    """severity, type, where, why, old → new: one row of the flags table (the
    reason before the texts, which may be long)."""
    from rich.text import Text

    change = Text.assemble(terminal(one_line(flag.old, SHORT), "red"), " → ",
                           terminal(one_line(flag.new, SHORT), "green"))
    return severity_cell(flag.severity), Text(flag.type), Text(where(flag)), terminal(flag.reason), change


def one_line_cell(text: str) -> Text:
    """``text`` on one line, cut with … where its column ends."""
    cell = terminal(text)
    cell.no_wrap, cell.overflow = True, "ellipsis"
    return cell


def notice_cell(notices: Sequence[str]) -> Text:
    return terminal(one_line(" / ".join(notices), 1000) if notices else "-")


def clip_lines(text: Text, width: int, lines: int) -> Text:
    """``text`` as it wraps at ``width``, kept to ``lines`` lines (the cut marked …)."""
    from rich.console import Console
    from rich.text import Text

    wrapped = text.wrap(Console(width=width), width)
    if len(wrapped) <= lines:
        return text
    kept = list(wrapped)[:lines]
    last = kept[-1]
    last.rstrip()
    last.truncate(width - 1)
    last.append("…")
    return Text("\n").join(kept)


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
