"""Views of stored records: article list, timeline, one revision, verify report."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from versioner.render.pieces import short_time, stamp
from versioner.render.safe import terminal, visible
from versioner.schemas import SCHEMA_VERSION

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from versioner.history import TimelineEntry
    from versioner.parse import Part
    from versioner.store import Article, Fault, Revision


def articles_table(articles: Sequence[Article]) -> RenderableType:
    from rich.table import Table

    table = Table(title=f"{len(articles)} article(s)", title_justify="left")
    table.add_column("article", overflow="fold")
    table.add_column("revs", justify="right")
    table.add_column("first captured", no_wrap=True)
    table.add_column("last captured", no_wrap=True)
    table.add_column("notices", justify="right")
    for a in articles:
        table.add_row(terminal(a.key), str(a.revisions), short_time(a.first_captured),
                      short_time(a.last_captured), str(a.notices))
    return table


def articles_json(articles: Sequence[Article]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [
            {"article": a.key, "url": a.url, "revisions": a.revisions,
             "first_captured": a.first_captured, "last_captured": a.last_captured,
             "notices": a.notices}
            for a in articles
        ]
    }


def timeline_table(key: str, entries: Sequence[TimelineEntry]) -> RenderableType:
    from rich.table import Table

    table = Table(title=terminal(f"{key}: {len(entries)} revision(s)"), title_justify="left")
    for col in ("rev", "captured", "sha256", "words", "new notices", "changes", "verdict"):
        table.add_column(col)
    for e in entries:
        # the notices the revision brings, as audit shows them; one carried over is not new
        notices = terminal("\n".join(e.new_notices) or "-")
        table.add_row(f"@{e.revision.number}", short_time(e.revision.captured_at),
                      e.revision.sha256[:8], str(e.words), notices, terminal(e.summary),
                      _verdict_mark(e.verdict))
    return table


def timeline_oneline(entries: Sequence[TimelineEntry]) -> Iterator[Text]:
    """One line a revision, as ``git log --oneline``: @N, short hash, capture time,
    verdict, what changed."""
    from rich.text import Text

    for e in entries:
        verdict = _verdict_mark(e.verdict)
        yield Text.assemble((f"@{e.revision.number}", "bold"), " ", (e.revision.sha256[:8], "yellow"), " ",
                            short_time(e.revision.captured_at), " ",
                            verdict if isinstance(verdict, Text) else "-", " ", terminal(e.summary))


def _verdict_mark(verdict: str | None) -> RenderableType:
    from rich.text import Text

    from versioner.render.auditview import VERDICT_MARK

    if verdict is None:
        return "-"
    mark, style = VERDICT_MARK[verdict]
    return Text(mark, style)


def timeline_json(key: str, entries: Sequence[TimelineEntry]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "article": key,
        "revisions": [
            {"ref": e.revision.ref, "number": e.revision.number,
             "captured_at": e.revision.captured_at, "sha256": e.revision.sha256,
             "words": e.words, "notices": list(e.notices), "new_notices": list(e.new_notices),
             "changes": e.summary, "flags": dict(e.flag_counts),
             "verdict": e.verdict, "verdict_reasons": list(e.verdict_reasons)}
            for e in entries
        ],
    }


def revision_view(rev: Revision, limit: int | None = None) -> RenderableType:
    """The revision's parts in a table; the first ``limit`` of them, then a count."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    head = terminal(stamp(rev), "bold")
    table = Table(show_header=True, box=None, padding=(0, 1))
    table.add_column("part", style="cyan", no_wrap=True)
    table.add_column("text", overflow="fold")
    parts = rev.parts().parts
    for label, text in _labelled(parts[:limit]):
        table.add_row(label, terminal(text))
    if limit is not None and len(parts) > limit:
        table.add_row("", Text(f"… {len(parts) - limit:,} more parts (versioner show)", "dim"))
    return Group(head, table)


def revision_lines(rev: Revision) -> Iterator[str]:
    """The revision for a pipe or a file: its stamp, then each part on one line,
    label and text separated by a tab (grep, cut -f2)."""
    yield visible(stamp(rev))
    for label, text in _labelled(rev.parts().parts):
        yield f"{label}\t{visible(' '.join(text.split()))}"


def _labelled(parts: Sequence[Part]) -> Iterator[tuple[str, str]]:
    """Each part's label and text: its section, a body paragraph's with its number ("body 3")."""
    para = 0
    for p in parts:
        if p.section == "body":
            para += 1
            yield f"body {para}", p.text
        else:
            yield p.section, p.text


def revision_json(rev: Revision) -> dict[str, Any]:
    parts = []
    para = 0
    for p in rev.parts().parts:
        item: dict[str, Any] = {"section": p.section, "text": p.text}
        if p.section == "body":
            para += 1
            item["paragraph"] = para
        if p.position:
            item["position"] = p.position
        parts.append(item)
    return {"schema_version": SCHEMA_VERSION, "ref": rev.ref, "article": rev.article, "number": rev.number,
            "captured_at": rev.captured_at, "sha256": rev.sha256, "url": rev.url,
            "source": rev.source, "text": rev.text, "parts": parts}


def verify_lines(checked: int, verdicts: int, faults: Sequence[Fault]) -> list[str]:
    """``checked`` revisions and ``verdicts`` stored verdicts (those of the current rules)."""
    if not faults:
        stored = (f"{verdicts} stored verdict(s) match a fresh audit" if verdicts
                  else "no stored verdicts to check (audit stores them)")
        return [f"ok: {checked} revision(s) checked, hashes, numbering and parts sound; {stored}"]
    lines = [f"{f.kind}: {visible(f.where)}: {visible(f.message)}" for f in faults]
    return lines + [f"{len(faults)} fault(s) in {checked} revision(s)"]


def verify_json(checked: int, verdicts: int, faults: Sequence[Fault]) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "ok": not faults, "revisions": checked, "verdicts": verdicts,
            "faults": [{"kind": f.kind, "where": f.where, "message": f.message} for f in faults]}
