"""Views of a comparison: terminal (rich), plain word-diff, Markdown, HTML, JSON.

All five are built from the same rows, so they show the same thing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from versioner.model import worst_first
from versioner.render.mdmarks import markdown_segments
from versioner.render.pieces import gap_text, html_page, one_line, short_time, stamp, where
from versioner.render.safe import html_text, markdown_text, terminal, visible

if TYPE_CHECKING:
    from rich.console import OverflowMethod, RenderableType
    from rich.table import Table
    from rich.text import Text

    from versioner.diff import Change, Comparison
    from versioner.flags import Flag
    from versioner.pipeline import DiffResult
    from versioner.store import Revision

SEVERITY_MARK = {"high": "▲ high", "medium": "● medium", "low": "· low"}
SEVERITY_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}
DEL_STYLE = "red strike"
INS_STYLE = "green underline"


@dataclass(frozen=True)
class Row:
    """One line of the view: a change, an unchanged paragraph, or a gap."""

    kind: str  # "change" | "context" | "gap"
    label: str
    change: Change | None = None
    text: str = ""
    count: int = 0


def rows(comparison: Comparison, context: int = 0) -> list[Row]:
    """Changes in document order, with ``context`` unchanged paragraphs
    around each and the rest collapsed into gaps."""
    out: list[Row] = []
    body: list[Row] = []
    by_new: dict[tuple[str, int | None], Change] = {(c.kind, c.paragraph): c for c in comparison.changes if c.section == "body"}
    new_paras = comparison.new.paragraphs
    for c in comparison.changes:
        if c.section != "body":
            out.append(Row("change", c.section if c.paragraph is None else f"{c.section} {c.paragraph}", c))
    for p in comparison.pairings:
        if p.kind == "kept":
            i = p.new[0]
            body.append(Row("context", f"¶{i + 1}", text=new_paras[i]))
            continue
        found: Change | None
        if p.kind == "removed":
            found = by_new.get(("delete", p.old[0] + 1))
        else:
            found = next((by_new[(k, p.new[0] + 1)] for k in ("replace", "move", "insert")
                          if (k, p.new[0] + 1) in by_new), None)
        if found is not None and not found.whitespace_only:
            body.append(Row("change", _label(found), found))
    out.extend(_collapse(body, context))
    return out


def _label(c: Change) -> str:
    if c.kind == "delete":
        return f"¶{c.paragraph} (old) removed"
    if c.kind == "insert":
        return f"¶{c.paragraph} added"
    if c.kind == "move":
        return f"¶{c.paragraph} moved from ¶{c.old_paragraph}"
    if c.split_merge == "split":
        return f"¶{c.paragraph} split from ¶{c.old_paragraph}"
    if c.split_merge == "merged":
        return f"¶{c.paragraph} merged"
    return f"¶{c.paragraph}"


def _collapse(body: list[Row], context: int) -> list[Row]:
    keep = [r.kind == "change" for r in body]
    for i, r in enumerate(body):
        if r.kind == "change":
            for j in range(max(0, i - context), min(len(body), i + context + 1)):
                keep[j] = True
    out: list[Row] = []
    run = 0
    for r, k in zip(body, keep):
        if k:
            if run:
                out.append(Row("gap", "", count=run))
                run = 0
            out.append(r)
        else:
            run += 1
    if run:
        out.append(Row("gap", "", count=run))
    return out


# -- segments ---------------------------------------------------------------


def segments(change: Change) -> list[tuple[str, str]]:
    """(tag, text) runs: equal, delete, insert."""
    if change.ops:
        return [(o.tag, o.text) for o in change.ops]
    if change.kind == "insert":
        return [("insert", change.new)]
    if change.kind == "delete":
        return [("delete", change.old)]
    return [("equal", change.new)]


# An unchanged run inside a changed paragraph longer than LONG_EQUAL characters
# is shown by the EQUAL_ENDS characters next to each change: one edit in a
# 10 MB paragraph prints a few lines, not 10 MB (JSON keeps the whole text).
LONG_EQUAL = 2000
EQUAL_ENDS = 300


def _elided(n: int) -> str:
    return f" … {n:,} unchanged characters … "


def shown_segments(change: Change) -> list[tuple[str, str]]:
    """``segments`` for a reader: long unchanged runs cut to their ends, the
    cut marked by an ("elided", marker) segment."""
    segs = segments(change)
    out: list[tuple[str, str]] = []
    for i, (tag, s) in enumerate(segs):
        if tag != "equal" or len(s) <= LONG_EQUAL:
            out.append((tag, s))
            continue
        # keep the start next to the change before and the end next to the one after
        # (a paragraph that is one unchanged run, a move, keeps its start); cut at spaces
        first, last = i == 0, i == len(segs) - 1
        head = s[:EQUAL_ENDS].rsplit(" ", 1)[0] if not first or last else ""
        tail = s[-EQUAL_ENDS:].split(" ", 1)[-1] if not last else ""
        if head:
            out.append(("equal", head))
        out.append(("elided", _elided(len(s) - len(head) - len(tail))))
        if tail:
            out.append(("equal", tail))
    return out


def _highlight_figures(text: Text) -> None:
    from versioner.figures import extract_figures

    for f in extract_figures(text.plain):
        text.stylize("bold", f.start, f.end)


def change_text(change: Change, markers: bool) -> Text:
    from rich.text import Text

    out = Text()
    for tag, s in shown_segments(change):
        if tag == "equal":
            out.append_text(terminal(s))
        elif tag == "elided":
            out.append(s, "dim italic")
        elif markers:
            o, c = ("[-", "-]") if tag == "delete" else ("{+", "+}")
            out.append_text(terminal(o + s + c, DEL_STYLE if tag == "delete" else INS_STYLE))
        else:
            out.append_text(terminal(s, DEL_STYLE if tag == "delete" else INS_STYLE))
    _highlight_figures(out)
    return out


def side_texts(change: Change, markers: bool = False) -> tuple[Text, Text]:
    """Old and new of a change, deletions styled in the one and insertions in the
    other; with ``markers`` (no colour to show them) also inside [-…-] and {+…+}."""
    from rich.text import Text

    old, new = Text(), Text()
    for tag, s in shown_segments(change):
        if tag == "elided":
            old.append(s, "dim italic")
            new.append(s, "dim italic")
        elif tag == "equal":
            old.append_text(terminal(s))
            new.append_text(terminal(s))
        elif tag == "delete":
            old.append_text(terminal(f"[-{s}-]" if markers else s, DEL_STYLE))
        else:
            new.append_text(terminal(f"{{+{s}+}}" if markers else s, INS_STYLE))
    return old, new


def side_cells(row: Row, markers: bool = False) -> tuple[str, Text, Text] | None:
    """A row's label, old and new cells side by side (None: a change row without its change)."""
    from rich.text import Text

    if row.kind == "gap":
        return "", Text(gap_text(row.count), "dim"), Text(gap_text(row.count), "dim")
    if row.kind == "context":
        return row.label, terminal(row.text, "dim"), terminal(row.text, "dim")
    if row.change is None:
        return None
    return (row.label, *side_texts(row.change, markers))


# -- terminal ---------------------------------------------------------------


def header(old: Revision, new: Revision, old_notices: Sequence[str], new_notices: Sequence[str]) -> Text:
    from rich.text import Text

    out = Text()
    for sign, rev, notices, style in (("---", old, old_notices, "red"), ("+++", new, new_notices, "green")):
        out.append_text(terminal(f"{sign} {stamp(rev)}", f"bold {style}"))
        out.append("\n")
        for n in notices:
            out.append_text(terminal(f"    notice: {n}", "italic"))
            out.append("\n")
    return out


TABLE_ROWS = 100  # rows of one side-by-side table
FLAGS_SHOWN = 200  # flags in the terminal's table; the rest are counted


def terminal_view(comparison: Comparison, rows_: Sequence[Row], markers: bool, side_by_side: bool,
                  old_ref: str, new_ref: str) -> Iterator[RenderableType]:
    """One renderable per row (side by side: one table per TABLE_ROWS rows), made as
    they are printed."""
    from rich.table import Table
    from rich.text import Text

    if side_by_side:
        # a table of TABLE_ROWS rows at a time: rich lays out a whole table before
        # printing any of it, which for 20,000 rows took minutes and gigabytes
        for start in range(0, max(len(rows_), 1), TABLE_ROWS):
            table = Table(show_header=start == 0, expand=True, show_lines=True)
            table.add_column("", no_wrap=True, style="cyan")
            table.add_column(visible(old_ref), ratio=1, overflow="fold")
            table.add_column(visible(new_ref), ratio=1, overflow="fold")
            for r in rows_[start:start + TABLE_ROWS]:
                if (cells := side_cells(r, markers)) is not None:
                    table.add_row(*cells)
            yield table
        return
    for r in rows_:
        if r.kind == "gap":
            yield Text(gap_text(r.count), "dim")
        elif r.kind == "context":
            yield Text.assemble((f"{r.label} ", "cyan"), terminal(r.text, "dim"))
        elif r.change is not None:
            yield Text.assemble((f"{r.label} ", "bold cyan"), change_text(r.change, markers))


def flags_view(flags: Sequence[Flag], limit: int = FLAGS_SHOWN) -> Iterator[RenderableType]:
    """The flags table for a terminal, most severe first: ``limit`` rows, then a line
    counting the rest (a table of thousands is laid out whole before it prints)."""
    from rich.text import Text

    ordered = _ordered(flags)
    yield flags_table(ordered[:limit], total=len(flags))
    if len(ordered) > limit:
        more = len(ordered) - limit
        yield Text(f"… {more:,} more flag{'s' if more != 1 else ''} "
                   "(use --format json or --min-severity)", "dim")


def _ordered(flags: Sequence[Flag]) -> list[Flag]:
    return worst_first(flags)


def flags_table(flags: Sequence[Flag], total: int | None = None) -> RenderableType:
    from rich.table import Table
    from rich.text import Text

    ordered = _ordered(flags)
    table = Table(title=f"{len(flags) if total is None else total} flag(s)", title_justify="left", expand=False)
    table.add_column("severity", no_wrap=True)
    table.add_column("type", no_wrap=True)
    table.add_column("where", no_wrap=True)
    table.add_column("old → new", overflow="fold", ratio=2)
    table.add_column("why", overflow="fold", ratio=1)
    for f in ordered:
        table.add_row(Text(SEVERITY_MARK[f.severity], SEVERITY_STYLE[f.severity]), f.type, where(f),
                      Text.assemble(terminal(one_line(f.old, SHORT), "red"), " → ",
                                    terminal(one_line(f.new, SHORT), "green")),
                      terminal(f.reason))
    return table


SHORT = 120  # characters of a flag's old and new text in a table


# -- plain text (a pipe or a file) --------------------------------------------
#
# Lines written as they are made, no rich layout: `git diff --word-diff` style
# markers, each paragraph on one line, flags as tab-separated lines (cut, awk).

FLAG_COLUMNS = ("severity", "type", "where", "old", "new", "why")


def _plain_segments(change: Change, tags: tuple[str, ...] = ("equal", "delete", "insert")) -> str:
    out = []
    for tag, s in shown_segments(change):
        if tag == "elided":
            out.append(s)
        elif tag not in tags:
            continue
        elif tag == "equal":
            out.append(visible(s))
        else:
            out.append(f"[-{visible(s)}-]" if tag == "delete" else f"{{+{visible(s)}+}}")
    return "".join(out)


def _plain_row(r: Row, side_by_side: bool) -> str:
    if r.kind == "gap":
        return gap_text(r.count)
    if r.kind == "context":
        text = visible(r.text)
        return f"{r.label}\t{text}\t{text}" if side_by_side else f"{r.label} {text}"
    assert r.change is not None
    if side_by_side:
        return "\t".join((r.label, _plain_segments(r.change, ("equal", "delete")),
                          _plain_segments(r.change, ("equal", "insert"))))
    return f"{r.label} {_plain_segments(r.change)}"


def _cell(s: str) -> str:
    return visible(" ".join(s.split()))  # no tab or newline inside a column


def plain_lines(comparison: Comparison, rows_: Sequence[Row], flags: Sequence[Flag], old: Revision,
                new: Revision, *, side_by_side: bool = False, flags_only: bool = False) -> Iterator[str]:
    """The text view as plain lines (no line ends), made one at a time."""
    if not flags_only:
        for sign, rev, parts in (("---", old, comparison.old), ("+++", new, comparison.new)):
            yield visible(f"{sign} {stamp(rev)}")
            for n in parts.notices:
                yield visible(f"    notice: {n.text}")
        yield ""
        for r in rows_:
            yield _plain_row(r, side_by_side)
    if flags:
        yield f"{len(flags)} flag(s)"
        yield "\t".join(FLAG_COLUMNS)
        for f in _ordered(flags):
            yield "\t".join(_cell(c) for c in (f.severity, f.type, where(f), one_line(f.old, SHORT),
                                                one_line(f.new, SHORT), f.reason))
    elif comparison.identical:
        yield "identical texts"


# -- JSON, Markdown, HTML ----------------------------------------------------


def flag_json(f: Flag) -> dict[str, Any]:
    d: dict[str, Any] = {"type": f.type, "severity": f.severity, "section": f.section,
                         "paragraph": f.paragraph, "old": f.old, "new": f.new, "reason": f.reason}
    if f.type == "figure":
        d["old_value"], d["new_value"] = f.old_value, f.new_value
        if f.noun:
            d["noun"] = f.noun
    if f.facts:  # a headline change: the types of the facts changed inside it
        d["facts"] = [str(t) for t in f.facts]
    return d


def diff_json(comparison: Comparison, flags: Sequence[Flag], old: Revision, new: Revision,
              flags_only: bool = False) -> dict[str, Any]:
    """The document of DESIGN.md; ``flags_only`` leaves out ``changes`` (every other key stays)."""
    from versioner.schemas import SCHEMA_VERSION

    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "from": {"ref": old.ref, "sha256": old.sha256, "captured_at": old.captured_at},
        "to": {"ref": new.ref, "sha256": new.sha256, "captured_at": new.captured_at},
        "identical": comparison.identical,
        "changes": [] if flags_only else [
            {"section": c.section, "paragraph": c.paragraph, "kind": c.kind, "old": c.old, "new": c.new,
             **({"old_paragraph": c.old_paragraph} if c.kind == "move" else {}),
             **({"whitespace_only": True} if c.whitespace_only else {}),
             # the word-level pieces: equal and delete texts give old, equal and insert give new
             "ops": [{"op": tag, "text": text} for tag, text in segments(c) if text]}
            for c in comparison.changes
        ],
        "flags": [flag_json(f) for f in flags],
    }
    if flags_only:
        del doc["changes"]
    return doc


def markdown_view(rows_: Sequence[Row], flags: Sequence[Flag], old: Revision, new: Revision, *,
                  side_by_side: bool = False, flags_only: bool = False) -> str:
    lines = [f"### {markdown_text(old.ref)} → {markdown_text(new.ref)}", "",
             f"- from: `{old.captured_at}` sha256 `{old.sha256[:12]}`",
             f"- to: `{new.captured_at}` sha256 `{new.sha256[:12]}`", ""]
    if flags_only:
        pass
    elif side_by_side:
        lines += _markdown_sides(rows_, old, new)
    else:
        for r in rows_:
            if r.kind == "gap":
                lines.append(f"*{gap_text(r.count)}*")
            elif r.kind == "context":
                lines.append(f"{r.label} {markdown_text(r.text)}")
            elif r.change is not None:
                lines.append(f"**{r.label}** {markdown_segments(segments(r.change))}")
            lines.append("")
    if flags:
        lines += ["| severity | type | where | old | new | why |", "|---|---|---|---|---|---|"]
        for f in worst_first(flags):
            cells = [SEVERITY_MARK[f.severity], f.type, where(f), one_line(f.old, 80), one_line(f.new, 80), f.reason]
            lines.append("| " + " | ".join(markdown_text(c).replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _markdown_sides(rows_: Sequence[Row], old: Revision, new: Revision) -> list[str]:
    """Rows as a table of three columns: label, old (deletions struck) and new (insertions bold)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|")  # an escaped pipe is still a cell's end in GFM tables

    lines = [f"| | {cell(markdown_text(old.ref))} | {cell(markdown_text(new.ref))} |", "|---|---|---|"]
    for r in rows_:
        if r.kind == "gap":
            both = f"*{gap_text(r.count)}*"
            lines.append(f"| | {both} | {both} |")
        elif r.kind == "context":
            text = cell(markdown_text(r.text))
            lines.append(f"| {r.label} | {text} | {text} |")
        elif r.change is not None:
            segs = segments(r.change)
            was = markdown_segments([x for x in segs if x[0] != "insert"])
            now = markdown_segments([x for x in segs if x[0] != "delete"])
            lines.append(f"| **{r.label}** | {cell(was)} | {cell(now)} |")
    return lines + [""]


_CSS = """body{font:16px/1.5 Georgia,serif;max-width:50em;margin:2em auto;padding:0 1em;color:#222}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none}
.label{font:bold 13px monospace;color:#357}.gap{color:#888;font-style:italic}
table{border-collapse:collapse;font-size:14px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}
.high{color:#b00;font-weight:bold}.medium{color:#a60}.low{color:#777}
@media (max-width:40em){table.flags,.flags tbody,.flags tr,.flags td{display:block}
.flags tr:first-child{display:none}.flags tr{border:1px solid #ccc;margin-bottom:.5em}.flags td{border:0}
.flags td:nth-child(-n+5){display:inline-block}.flags td:nth-child(5)::before{content:"\\2192  "}}"""


_SIDES_CSS = """
table.sides{width:100%;table-layout:fixed;margin-bottom:1em}.sides td{vertical-align:top}
.sides th:first-child{width:5.5em}
@media (max-width:40em){.sides th:first-child{width:4.2em}.sides td{padding:3px 4px}}"""


def _html_segments(segs: Sequence[tuple[str, str]]) -> str:
    return "".join(html_text(s) if tag == "equal" else
                   (f"<del>{html_text(s)}</del>" if tag == "delete" else f"<ins>{html_text(s)}</ins>")
                   for tag, s in segs)


def _html_sides(rows_: Sequence[Row], old: Revision, new: Revision) -> list[str]:
    """Rows as a table: label, old (deletions marked) and new (insertions marked)."""
    body = [f'<table class="sides"><tr><th></th><th>{html_text(old.ref)}</th><th>{html_text(new.ref)}</th></tr>']
    for r in rows_:
        if r.kind == "gap":
            both = f'<td class="gap">{html_text(gap_text(r.count))}</td>'
            body.append(f"<tr><td></td>{both}{both}</tr>")
        elif r.kind == "context":
            text = html_text(r.text)
            body.append(f'<tr><td class="label">{html_text(r.label)}</td><td>{text}</td><td>{text}</td></tr>')
        elif r.change is not None:
            segs = segments(r.change)
            body.append(f'<tr><td class="label">{html_text(r.label)}</td>'
                        f'<td>{_html_segments([x for x in segs if x[0] != "insert"])}</td>'
                        f'<td>{_html_segments([x for x in segs if x[0] != "delete"])}</td></tr>')
    return body + ["</table>"]


def html_view(rows_: Sequence[Row], flags: Sequence[Flag], old: Revision, new: Revision, *,
              side_by_side: bool = False, flags_only: bool = False) -> str:
    title = f"{html_text(old.ref)} → {html_text(new.ref)}"
    body = [f"<h1>{title}</h1>",
            f"<p>from {html_text(old.captured_at)} · to {html_text(new.captured_at)}</p>"]
    if flags_only:
        pass
    elif side_by_side:
        body += _html_sides(rows_, old, new)
    else:
        for r in rows_:
            if r.kind == "gap":
                body.append(f'<p class="gap">{html_text(gap_text(r.count))}</p>')
            elif r.kind == "context":
                body.append(f'<p><span class="label">{html_text(r.label)}</span> {html_text(r.text)}</p>')
            elif r.change is not None:
                body.append(f'<p><span class="label">{html_text(r.label)}</span> '
                            f'{_html_segments(segments(r.change))}</p>')
    if flags:
        body.append('<table class="flags"><tr><th>severity</th><th>type</th><th>where</th><th>old</th><th>new</th><th>why</th></tr>')
        for f in worst_first(flags):
            body.append(
                f'<tr><td class="{f.severity}">{html_text(SEVERITY_MARK[f.severity])}</td><td>{html_text(f.type)}</td>'
                f"<td>{html_text(where(f))}</td><td>{html_text(one_line(f.old, SHORT))}</td>"
                f"<td>{html_text(one_line(f.new, SHORT))}</td>"
                f"<td>{html_text(f.reason)}</td></tr>")
        body.append("</table>")
    return html_page(title, _CSS + _SIDES_CSS if side_by_side and not flags_only else _CSS, body)


def check_options(fmt: str, *, side_by_side: bool, flags_only: bool, stat: bool, context: int) -> None:
    """Options that would be ignored together are an error, never silently dropped."""
    from versioner.errors import BadInput

    if stat and (side_by_side or flags_only or context):
        raise BadInput("--stat counts words per part; it takes no --side-by-side, --flags-only or --context")
    if fmt == "json" and side_by_side:
        raise BadInput("--side-by-side lays out text; JSON has both sides of each change in its ops")
    if context and (flags_only or fmt == "json"):
        raise BadInput("--context shows unchanged paragraphs, which "
                       + ("--flags-only leaves out" if flags_only else "JSON does not list (changes only)"))


# -- the view, assembled once --------------------------------------------------


@dataclass(frozen=True)
class DiffView:
    """A comparison as a reader sees it, put together here once: the CLI writes it
    whole (rich renderables at a terminal, plain lines into a pipe, a page), the UI
    mounts its blocks a page at a time."""

    old: Revision
    new: Revision
    comparison: Comparison
    rows: Sequence[Row]
    flags: Sequence[Flag] = ()

    @classmethod
    def of(cls, result: DiffResult, context: int = 0, flags: Sequence[Flag] | None = None) -> DiffView:
        """The view of ``result`` with ``context`` unchanged paragraphs around each
        change, and ``flags`` (default: all of them)."""
        flags = result.flags if flags is None else flags
        return cls(result.old, result.new, result.comparison, rows(result.comparison, context), flags)

    @property
    def identical(self) -> bool:
        return self.old.sha256 == self.new.sha256

    def header(self) -> Text:
        """Both sides' refs, capture times and hashes, with all their notices."""
        return header(self.old, self.new, [p.text for p in self.comparison.old.notices],
                      [p.text for p in self.comparison.new.notices])

    def blocks(self, rows_: Sequence[Row] | None = None, markers: bool = True,
               side_by_side: bool = False) -> Iterator[RenderableType]:
        """``rows_`` (default: every row) as the terminal shows them, made as they are printed."""
        return terminal_view(self.comparison, self.rows if rows_ is None else rows_, markers, side_by_side,
                             self.old.ref, self.new.ref)

    def renderables(self, markers: bool, side_by_side: bool = False,
                    flags_only: bool = False) -> Iterator[RenderableType]:
        """The whole view for a terminal, one renderable at a time (a large diff is
        printed as it is made, never laid out whole)."""
        if not flags_only:
            yield self.header()
            yield from self.blocks(markers=markers, side_by_side=side_by_side)
        if self.flags:
            yield from flags_view(self.flags)
        elif self.identical:
            yield "identical texts"

    def lines(self, side_by_side: bool = False, flags_only: bool = False) -> Iterator[str]:
        """The whole view as plain lines, for a pipe or a file."""
        return plain_lines(self.comparison, self.rows, self.flags, self.old, self.new,
                           side_by_side=side_by_side, flags_only=flags_only)

    def markdown(self, side_by_side: bool = False, flags_only: bool = False) -> str:
        return markdown_view(self.rows, self.flags, self.old, self.new,
                             side_by_side=side_by_side, flags_only=flags_only)

    def html(self, side_by_side: bool = False, flags_only: bool = False) -> str:
        return html_view(self.rows, self.flags, self.old, self.new,
                         side_by_side=side_by_side, flags_only=flags_only)

    def json(self, flags_only: bool = False) -> dict[str, Any]:
        return diff_json(self.comparison, self.flags, self.old, self.new, flags_only)

    # the UI's narrower layout: a short header, and side by side one table a row

    def short_header(self, new_notices: Sequence[str], headline: str | None) -> Text:
        """Refs and capture times of both sides, the new notices and the new headline
        (given: parsing the revision again took 0.4 s of the screen's time at 4 MB)."""
        from rich.text import Text

        out = Text.assemble(terminal(f"--- {self.old.ref}  {short_time(self.old.captured_at)}", "bold red"), "\n",
                            terminal(f"+++ {self.new.ref}  {short_time(self.new.captured_at)}", "bold green"))
        for n in new_notices:
            out.append("\nnotice   ", "bold")
            out.append_text(terminal(n, "italic"))
        out.append("\nheadline ", "bold")
        out.append_text(terminal(headline or "-"))
        return out

    def side_header(self, label_width: int) -> RenderableType:
        table = _side_table(label_width)
        table.add_row("", terminal(f"--- {self.old.ref}", "bold red"), terminal(f"+++ {self.new.ref}", "bold green"))
        return table

    @staticmethod
    def side_block(row: Row, label_width: int) -> RenderableType:
        """One row as old | new columns; ``label_width`` is the same for every row of
        a view, so the columns line up."""
        table = _side_table(label_width, style="cyan", overflow="fold")
        if (cells := side_cells(row)) is not None:
            table.add_row(*cells)
        return table


def _side_table(label_width: int, style: str | None = None, overflow: OverflowMethod = "ellipsis") -> Table:
    """Three columns without borders: label, old, new (the UI's side by side)."""
    from rich import box
    from rich.table import Table

    table = Table(show_header=False, box=box.MINIMAL, show_edge=False, expand=True, padding=(0, 1))
    table.add_column(no_wrap=True, style=style, width=label_width)
    table.add_column(ratio=1, overflow=overflow)
    table.add_column(ratio=1, overflow=overflow)
    return table
