"""Views of audit verdicts: a terminal report and the JSON shape of DESIGN.md."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from versioner.render.safe import terminal

if TYPE_CHECKING:
    from rich.console import RenderableType

    from versioner.audit import Verdict
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


def audit_json(report: Sequence[tuple[str, Sequence[Verdict]]]) -> dict[str, Any]:
    return {"articles": [{"article": key, "revisions": [verdict_json(v) for v in verdicts]}
                         for key, verdicts in report]}


def audit_view(report: Sequence[tuple[str, Sequence[Verdict]]]) -> list[RenderableType]:
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = []
    for key, verdicts in report:
        table = Table(title=terminal(key, "bold"), title_justify="left", show_lines=False)
        table.add_column("rev", no_wrap=True)
        table.add_column("verdict", no_wrap=True)
        table.add_column("notice", overflow="fold", ratio=1)
        table.add_column("why", overflow="fold", ratio=2)
        for v in verdicts:
            mark, style = VERDICT_MARK[v.verdict]
            notice = "\n".join(n.text for n in v.notices) or "-"
            why = list(v.reasons)
            if v.disclosed_by:
                why.append(f"disclosed by {v.disclosed_by} after {v.latency_s} s")
            table.add_row(f"@{v.revision.number}", Text(mark, style), terminal(notice),
                          terminal("\n".join(why)))
        out.append(table)
    return out
