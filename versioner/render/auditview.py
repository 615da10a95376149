"""Views of audit verdicts: a terminal report, the JSON shape of DESIGN.md, Markdown
(for a ticket) and one self-contained HTML page. All four show the same verdicts,
reasons and notice latency."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from versioner.render.safe import html_text, markdown_text, terminal

if TYPE_CHECKING:
    from rich.console import RenderableType

    from versioner.audit import ArticleAudit, Latency, Verdict
    from versioner.notices import Notice

VERDICT_MARK = {
    "first": ("○ first", "dim"), "unchanged": ("= unchanged", "dim"), "minor": ("· minor", "dim"),
    "consistent": ("✓ consistent", "green"), "revert": ("↺ revert", "cyan"),
    "late": ("◷ late", "yellow"), "undisclosed": ("! undisclosed", "bold red"),
    "mismatch": ("✗ mismatch", "bold red"), "stealth": ("‼ stealth", "bold red"),
}


def _notice_json(n: Notice) -> dict[str, Any]:
    targets = []
    for t in n.targets:
        d: dict[str, Any] = {"section": t.section}
        if t.paragraph is not None:
            d["paragraph"] = t.paragraph
        if t.subject:
            d["subject"] = t.subject
        if t.detail:
            d["detail"] = t.detail
        targets.append(d)
    claims = [{"action": c.action, "section": c.target.section,
               **({"new_value": c.new_value} if c.new_value else {}),
               **({"old_value": c.old_value} if c.old_value else {})} for c in n.claims]
    return {"text": n.text, "kind": n.kind, "position": n.position, "targets": targets, "claims": claims}


def verdict_json(v: Verdict) -> dict[str, Any]:
    d: dict[str, Any] = {
        "ref": v.ref,
        "captured_at": v.revision.captured_at,
        "notice": _notice_json(v.notices[0]) if v.notices else None,
        "verdict": v.verdict,
        "reasons": list(v.reasons),
        "undisclosed": [{"type": f.type, "severity": f.severity, "section": f.section,
                         "paragraph": f.paragraph, "old": f.old, "new": f.new} for f in v.undisclosed],
        "covered": [{"type": f.type, "section": f.section, "paragraph": f.paragraph,
                     "old": f.old, "new": f.new} for f in v.covered],
        "disclosed_by": v.disclosed_by,
        "latency_s": v.latency_s,
    }
    if len(v.notices) > 1:
        d["notices"] = [_notice_json(n) for n in v.notices]
    return d


def duration(seconds: int) -> str:
    """19500 -> '5h 25m'; 0 -> 'at once'; a person reads hours, not seconds."""
    if seconds <= 0:
        return "at once"
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{minutes}m" if minutes else ""]
    text = " ".join(p for p in parts if p)
    return text or f"{secs}s"


def latency_line(x: Latency) -> str:
    """One line per changing revision: when its notice came, or that none did."""
    rev = "@" + x.ref.rsplit("@", 1)[-1]
    if x.disclosed_by is None:
        said = "no notice"
    elif x.latency_s == 0:
        said = "notice in the same revision"
    else:
        by = "@" + x.disclosed_by.rsplit("@", 1)[-1]
        said = f"notice {duration(x.latency_s or 0)} later, in {by}"
    if x.never_disclosed and x.disclosed_by is not None:
        said += f"; {x.never_disclosed} change(s) never disclosed"
    return f"{rev}: {said}"


def latency_json(latency: Sequence[Latency]) -> dict[str, Any]:
    """The per-article ``latency`` key (an extra key; DESIGN.md allows them)."""
    late = [x.latency_s for x in latency if x.latency_s]
    return {
        "changing_revisions": len(latency),
        "disclosed_at_once": sum(x.latency_s == 0 for x in latency),
        "disclosed_late": len(late),
        "never_disclosed": sum(x.disclosed_by is None for x in latency),
        "worst_s": max(late, default=None),
        "revisions": [{"ref": x.ref, "captured_at": x.captured_at, "disclosed_by": x.disclosed_by,
                       "latency_s": x.latency_s, "never_disclosed": x.never_disclosed} for x in latency],
    }


def article_json(a: ArticleAudit) -> dict[str, Any]:
    return {"article": a.article, "revisions": [verdict_json(v) for v in a.verdicts],
            "latency": latency_json(a.latency)}


def audit_json(report: Iterable[ArticleAudit]) -> dict[str, Any]:
    return {"articles": [article_json(a) for a in report]}


def audit_json_stream(report: Iterable[ArticleAudit], dumps: Callable[[Any], str]) -> Iterator[str]:
    """``audit_json`` as pieces of text, an article at a time, so that a whole-store
    audit is never held in memory at once."""
    yield '{"articles": ['
    for i, a in enumerate(report):
        yield ("," if i else "") + dumps(article_json(a))
    yield "]}\n"


def _why(v: Verdict) -> list[str]:
    # a late verdict's reasons already name the disclosing revision and the delay
    return list(v.reasons)


def audit_view(report: Iterable[ArticleAudit]) -> Iterator[RenderableType]:
    """Renderables for the terminal, an article at a time."""
    from rich.table import Table
    from rich.text import Text

    shown = False
    for a in report:
        shown = True
        table = Table(title=terminal(a.article, "bold"), title_justify="left", show_lines=False)
        table.add_column("rev", no_wrap=True)
        table.add_column("verdict", no_wrap=True)
        table.add_column("notice", overflow="fold", ratio=1)
        table.add_column("why", overflow="fold", ratio=2)
        for v in a.verdicts:
            mark, style = VERDICT_MARK[v.verdict]
            notice = "\n".join(n.text for n in v.notices) or "-"
            table.add_row(f"@{v.revision.number}", Text(mark, style), terminal(notice),
                          terminal("\n".join(_why(v))))
        yield table
        lines = [latency_line(x) for x in a.latency] or ["no substantive changes"]
        yield terminal("notice latency: " + "; ".join(lines))
    if not shown:
        yield terminal("No revisions to report.")


def audit_markdown(report: Iterable[ArticleAudit]) -> str:
    """A Markdown report: one table per article, every piece of text escaped."""
    lines: list[str] = []
    for a in report:
        lines += [f"### {markdown_text(a.article)}", "",
                  "| rev | captured | verdict | notice | why |", "|---|---|---|---|---|"]
        for v in a.verdicts:
            cells = [f"@{v.revision.number}", v.revision.captured_at, VERDICT_MARK[v.verdict][0],
                     " / ".join(n.text for n in v.notices) or "-", "; ".join(_why(v))]
            lines.append("| " + " | ".join(markdown_text(c).replace("\n", " ") for c in cells) + " |")
        lines += ["", "Notice latency:", ""]
        lines += [f"- {markdown_text(latency_line(x))}" for x in a.latency] or ["- no substantive changes"]
        lines.append("")
    return "\n".join(lines) + "\n" if lines else "No revisions to report.\n"


_CSS = """body{font:16px/1.5 Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:14px;margin-bottom:1em}td,th{border:1px solid #ccc;padding:3px 6px;
text-align:left;vertical-align:top}.bad{color:#b00;font-weight:bold}.warn{color:#a60}.ok{color:#060}
.dim{color:#777}ul.latency{font-size:14px}"""
_CLASS = {"bold red": "bad", "yellow": "warn", "green": "ok", "cyan": "ok", "dim": "dim"}


def audit_html(report: Iterable[ArticleAudit]) -> str:
    """One self-contained HTML page (inline CSS, no scripts, nothing fetched)."""
    body = ["<h1>versioner audit</h1>"]
    for a in report:
        body.append(f"<h2>{html_text(a.article)}</h2>")
        body.append("<table><tr><th>rev</th><th>captured</th><th>verdict</th><th>notice</th><th>why</th></tr>")
        for v in a.verdicts:
            mark, style = VERDICT_MARK[v.verdict]
            notice = "<br>".join(html_text(n.text) for n in v.notices) or "-"
            why = "<br>".join(html_text(r) for r in _why(v))
            body.append(f"<tr><td>@{v.revision.number}</td><td>{html_text(v.revision.captured_at)}</td>"
                        f'<td class="{_CLASS[style]}">{html_text(mark)}</td><td>{notice}</td><td>{why}</td></tr>')
        body.append("</table>")
        items = [f"<li>{html_text(latency_line(x))}</li>" for x in a.latency] or ["<li>no substantive changes</li>"]
        body.append('<p>Notice latency:</p><ul class="latency">' + "".join(items) + "</ul>")
    if not report:
        body.append("<p>No revisions to report.</p>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>versioner audit</title><style>{_CSS}</style></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")
