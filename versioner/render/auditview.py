"""Views of audit verdicts: a terminal report, the JSON shape of DESIGN.md, Markdown
(for a ticket) and one self-contained HTML page. All four show the same verdicts,
reasons and notice latency."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from versioner.render.pieces import html_page
from versioner.render.safe import html_text, markdown_text, terminal
from versioner.schemas import SCHEMA_VERSION
from versioner.times import duration

if TYPE_CHECKING:
    from rich.console import RenderableType

    from versioner.audit import ArticleAudit, Latency, Verdict
    from versioner.auditrun import AuditSummary
    from versioner.notices import Notice

VERDICT_MARK = {
    "first": ("○ first", "dim"), "unchanged": ("= unchanged", "dim"), "minor": ("· minor", "dim"),
    "update": ("+ update", "cyan"),
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
    if v.stealth_kind is not None:
        d["stealth_kind"] = v.stealth_kind
    if v.developing:
        d["developing"] = True
    if len(v.notices) > 1:
        d["notices"] = [_notice_json(n) for n in v.notices]
    return d


def latency_line(x: Latency) -> str:
    """One line per changing revision: when its notice came, or that none did."""
    rev = "@" + x.ref.rsplit("@", 1)[-1]
    if x.disclosed_by is None:
        said = "its notice covers none of the changes" if x.has_notice else "no notice"
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
                       "latency_s": x.latency_s, "never_disclosed": x.never_disclosed,
                       "has_notice": x.has_notice} for x in latency],
    }


def article_json(a: ArticleAudit) -> dict[str, Any]:
    return {"article": a.article, "revisions": [verdict_json(v) for v in a.verdicts],
            "latency": latency_json(a.latency)}


def audit_json(report: Iterable[ArticleAudit]) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "articles": [article_json(a) for a in report]}


def summary_json(s: AuditSummary) -> dict[str, Any]:
    """The ``summary`` key: revisions per verdict over the whole audit."""
    return {"articles": s.articles, "revisions": s.revisions, "shown": s.shown, "problems": s.problems,
            "verdicts": dict(s.verdicts), "only": list(s.only) if s.only is not None else None}


def audit_json_stream(report: Iterable[ArticleAudit], dumps: Callable[[Any], str],
                      summary: Callable[[], AuditSummary] | None = None) -> Iterator[str]:
    """``audit_json`` as pieces of text, an article at a time, so that a whole-store
    audit is never held in memory at once; then ``summary()``, read at the end."""
    yield f'{{"schema_version": {SCHEMA_VERSION}, "articles": ['
    for i, a in enumerate(report):
        yield ("," if i else "") + dumps(article_json(a))
    yield "]" + (f', "summary": {dumps(summary_json(summary()))}' if summary else "") + "}\n"


NOTHING = "No revisions to report."


@dataclass(frozen=True)
class VerdictRow:
    """One revision's line of the report, as every view shows it."""

    rev: str  # "@3"
    captured_at: str
    verdict: str
    notices: tuple[str, ...]
    reasons: tuple[str, ...]  # a late verdict's reasons already name the disclosing revision and the delay

    @property
    def mark(self) -> str:
        return VERDICT_MARK[self.verdict][0]

    @property
    def style(self) -> str:
        return VERDICT_MARK[self.verdict][1]


@dataclass(frozen=True)
class ArticleReport:
    """One article's part of the report: a row a revision, then its notice latency."""

    article: str
    rows: tuple[VerdictRow, ...]
    latency: tuple[str, ...]  # one line a changing revision, or that there were none


def article_reports(report: Iterable[ArticleAudit]) -> Iterator[ArticleReport]:
    """The report as the terminal, Markdown and HTML views show it, an article at a time."""
    for a in report:
        rows = tuple(VerdictRow(f"@{v.revision.number}", v.revision.captured_at, v.verdict,
                                tuple(n.text for n in v.notices), tuple(v.reasons)) for v in a.verdicts)
        latency = tuple(latency_line(x) for x in a.latency) or ("no substantive changes",)
        yield ArticleReport(a.article, rows, latency)


def _cut(text: str, room: int | None) -> str:
    """``text`` (already made visible) cut to ``room`` characters with an ellipsis."""
    return text if room is None or len(text) <= room else text[:room - 1] + "…"


def summary_rows(s: AuditSummary) -> list[tuple[str, str, int]]:
    """(mark, style, revisions) for each verdict found, worst first."""
    from versioner import model
    from versioner.audit import VERDICT_RANK

    found = sorted((v for v, n in s.verdicts.items() if n), key=lambda v: -VERDICT_RANK[model.Verdict(v)])
    return [(VERDICT_MARK[v][0], VERDICT_MARK[v][1], s.verdicts[v]) for v in found]


def summary_title(s: AuditSummary) -> str:
    title = f"{s.revisions} revision(s) audited in {s.articles} article(s)"
    if s.only is not None:
        title += f"; {s.shown} shown (--only {','.join(s.only)})"
    return title + f"; {s.problems} that --strict fails on"


def summary_view(s: AuditSummary) -> RenderableType:
    """The count of each verdict found, at the end of the terminal report."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=summary_title(s), title_justify="left")
    table.add_column("verdict", no_wrap=True)
    table.add_column("revisions", justify="right")
    for mark, style, n in summary_rows(s):
        table.add_row(Text(mark, style), str(n))
    return table


def audit_view(report: Iterable[ArticleAudit], room: int | None = None,
               summary: Callable[[], AuditSummary] | None = None) -> Iterator[RenderableType]:
    """Renderables for the terminal, an article at a time, then ``summary()``. ``room``:
    the most characters of a reason shown (a person's terminal); None keeps each whole
    (a pipe, grep)."""
    from rich.table import Table
    from rich.text import Text

    from versioner.render.safe import visible

    shown = False
    for a in article_reports(report):
        shown = True
        table = Table(title=terminal(a.article, "bold"), title_justify="left", show_lines=False)
        table.add_column("rev", no_wrap=True)
        table.add_column("verdict", no_wrap=True)
        table.add_column("notice", overflow="fold", ratio=1)
        table.add_column("why", overflow="fold", ratio=2)
        for r in a.rows:
            why = Text("\n".join(_cut(visible(reason), room) for reason in r.reasons))
            table.add_row(r.rev, Text(r.mark, r.style), terminal("\n".join(r.notices) or "-"), why)
        yield table
        yield terminal("notice latency: " + "; ".join(a.latency))
    if not shown:
        yield terminal(NOTHING)
    if summary:
        yield summary_view(summary())


def audit_markdown(report: Iterable[ArticleAudit], summary: Callable[[], AuditSummary] | None = None) -> str:
    """A Markdown report: one table per article, every piece of text escaped."""
    lines: list[str] = []
    for a in article_reports(report):
        lines += [f"### {markdown_text(a.article)}", "",
                  "| rev | captured | verdict | notice | why |", "|---|---|---|---|---|"]
        for r in a.rows:
            cells = [r.rev, r.captured_at, r.mark, " / ".join(r.notices) or "-", "; ".join(r.reasons)]
            lines.append("| " + " | ".join(markdown_text(c).replace("\n", " ") for c in cells) + " |")
        lines += ["", "Notice latency:", ""]
        lines += [f"- {markdown_text(line)}" for line in a.latency]
        lines.append("")
    if not lines:
        lines += [NOTHING, ""]
    if summary:
        s = summary()
        lines += ["### Summary", "", markdown_text(summary_title(s)), "", "| verdict | revisions |", "|---|---|"]
        lines += [f"| {mark} | {n} |" for mark, _, n in summary_rows(s)] + [""]
    return "\n".join(lines) + "\n"


_CSS = """body{font:16px/1.5 Georgia,serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;font-size:14px;margin-bottom:1em}td,th{border:1px solid #ccc;padding:3px 6px;
text-align:left;vertical-align:top}.bad{color:#b00;font-weight:bold}.warn{color:#a60}.ok{color:#060}
.dim{color:#777}ul.latency{font-size:14px}
h2+table{width:100%}h2+table td:nth-child(-n+3){white-space:nowrap}
@media (max-width:40em){h2+table,h2+table tbody,h2+table tr,h2+table td{display:block}
h2+table tr:first-child{display:none}h2+table tr{border:1px solid #ccc;margin-bottom:.5em}
h2+table td{border:0}h2+table td:nth-child(-n+3){display:inline-block}}"""
_CLASS = {"bold red": "bad", "yellow": "warn", "green": "ok", "cyan": "ok", "dim": "dim"}


def audit_html(report: Iterable[ArticleAudit], summary: Callable[[], AuditSummary] | None = None) -> str:
    """One self-contained HTML page (inline CSS, no scripts, nothing fetched)."""
    body = ["<h1>versioner audit</h1>"]
    for a in article_reports(report):
        body.append(f"<h2>{html_text(a.article)}</h2>")
        body.append("<table><tr><th>rev</th><th>captured</th><th>verdict</th><th>notice</th><th>why</th></tr>")
        for r in a.rows:
            notice = "<br>".join(html_text(n) for n in r.notices) or "-"
            why = "<br>".join(html_text(reason) for reason in r.reasons)
            body.append(f"<tr><td>{r.rev}</td><td>{html_text(r.captured_at)}</td>"
                        f'<td class="{_CLASS[r.style]}">{html_text(r.mark)}</td><td>{notice}</td><td>{why}</td></tr>')
        body.append("</table>")
        items = "".join(f"<li>{html_text(line)}</li>" for line in a.latency)
        body.append(f'<p>Notice latency:</p><ul class="latency">{items}</ul>')
    if len(body) == 1:
        # no article was added: ``report`` is an iterator, and an iterator is always true
        body.append(f"<p>{NOTHING}</p>")
    if summary:
        s = summary()
        rows = "".join(f'<tr><td class="{_CLASS[style]}">{html_text(mark)}</td><td>{n}</td></tr>'
                       for mark, style, n in summary_rows(s))
        body.append(f"<h2>Summary</h2><p>{html_text(summary_title(s))}</p>"
                    f"<table><tr><th>verdict</th><th>revisions</th></tr>{rows}</table>")
    return html_page("versioner audit", _CSS, body)
