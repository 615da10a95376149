"""``diff --stat``: words inserted and deleted in each changed part, as git's diffstat
counts lines in each file, in every output format."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from versioner.render.pieces import html_page
from versioner.render.safe import html_text, markdown_text, visible

if TYPE_CHECKING:
    from rich.text import Text

    from versioner.render.diffview import DiffView

BAR = 40  # the longest bar of + and -; longer counts are scaled down to it, as git does


@dataclass(frozen=True)
class StatRow:
    """One changed part: its label as the diff shows it, and its words in and out."""

    label: str
    inserted: int
    deleted: int


def stat_rows(view: DiffView) -> list[StatRow]:
    """Each changed part of ``view`` in document order (whitespace-only changes are not shown)."""
    from versioner.render.diffview import segments

    out = []
    for r in view.rows:
        if r.kind == "change" and r.change is not None:
            segs = segments(r.change)
            out.append(StatRow(r.label, sum(len(s.split()) for tag, s in segs if tag == "insert"),
                               sum(len(s.split()) for tag, s in segs if tag == "delete")))
    return out


def _bars(rows: Sequence[StatRow]) -> list[tuple[int, int]]:
    """(pluses, minuses) of each row, scaled so that the longest fits in BAR."""
    most = max((r.inserted + r.deleted for r in rows), default=0)
    scale = min(1.0, BAR / most) if most else 1.0
    out = []
    for r in rows:
        plus, minus = round(r.inserted * scale), round(r.deleted * scale)
        # a change keeps at least one mark of each kind it has
        out.append((max(plus, 1 if r.inserted else 0), max(minus, 1 if r.deleted else 0)))
    return out


def summary(rows: Sequence[StatRow]) -> str:
    """``3 parts changed, 12 words inserted(+), 2 words deleted(-)``."""
    ins, dels = sum(r.inserted for r in rows), sum(r.deleted for r in rows)
    if not rows:
        return "no changes"
    return (f"{len(rows)} part{'s' if len(rows) != 1 else ''} changed, "
            f"{ins} word{'s' if ins != 1 else ''} inserted(+), {dels} word{'s' if dels != 1 else ''} deleted(-)")


def stat_lines(view: DiffView) -> Iterator[str]:
    """Plain lines: `` label | N +++--`` per part, then the summary."""
    rows = stat_rows(view)
    width = max((len(visible(r.label)) for r in rows), default=0)
    digits = len(str(max((r.inserted + r.deleted for r in rows), default=0)))
    for r, (plus, minus) in zip(rows, _bars(rows)):
        yield f" {visible(r.label):<{width}} | {r.inserted + r.deleted:>{digits}} {'+' * plus}{'-' * minus}".rstrip()
    yield " " + summary(rows)


def stat_text(view: DiffView) -> Iterator[Text]:
    """``stat_lines`` for a terminal: pluses green, minuses red."""
    from rich.text import Text

    for line in stat_lines(view):
        head, sep, bar = line.rpartition(" ")
        if sep and bar and set(bar) <= {"+", "-"}:
            plus = bar.count("+")
            yield Text.assemble(head + " ", (bar[:plus], "green"), (bar[plus:], "red"))
        else:
            yield Text(line)


def stat_json(view: DiffView) -> dict[str, Any]:
    from versioner.schemas import SCHEMA_VERSION

    rows = stat_rows(view)
    return {"schema_version": SCHEMA_VERSION,
            "from": {"ref": view.old.ref, "sha256": view.old.sha256},
            "to": {"ref": view.new.ref, "sha256": view.new.sha256},
            "identical": view.identical,
            "stat": [{"part": r.label, "inserted": r.inserted, "deleted": r.deleted} for r in rows],
            "parts_changed": len(rows), "inserted": sum(r.inserted for r in rows),
            "deleted": sum(r.deleted for r in rows)}


def stat_markdown(view: DiffView) -> str:
    rows = stat_rows(view)
    lines = [f"### {markdown_text(view.old.ref)} → {markdown_text(view.new.ref)}", "",
             "| part | inserted | deleted |", "|---|--:|--:|"]
    lines += [f"| {markdown_text(r.label)} | {r.inserted} | {r.deleted} |" for r in rows]
    return "\n".join([*lines, "", summary(rows), ""])


def stat_html(view: DiffView) -> str:
    rows = stat_rows(view)
    title = f"{html_text(view.old.ref)} → {html_text(view.new.ref)}"
    body = [f"<h1>{title}</h1>", "<table><tr><th>part</th><th>inserted</th><th>deleted</th></tr>"]
    body += [f'<tr><td>{html_text(r.label)}</td><td class="n">{r.inserted}</td><td class="n">{r.deleted}</td></tr>'
             for r in rows]
    body += ["</table>", f"<p>{html_text(summary(rows))}</p>"]
    css = ("body{font:16px/1.5 Georgia,serif;max-width:50em;margin:2em auto;padding:0 1em;color:#222}"
           "table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ccc;padding:3px 6px;"
           "text-align:left}td.n{text-align:right}")
    return html_page(title, css, body)
