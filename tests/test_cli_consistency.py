"""Issue 17 item 7: commands agree on counts and wording (list, log, audit)."""

from __future__ import annotations

import io
import json
from typing import Any, Callable

Run = Callable[..., Any]


def _json(run: Run, *args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_list_counts_a_notice_carried_into_later_revisions_once(run: Run, seeded: Any) -> None:
    # vessa-landslide: the update notice of @2 is carried into @3, then @4 corrects
    arts = {a["article"]: a for a in _json(run, "list")["articles"]}
    assert arts["vessa-landslide"]["notices"] == 2
    assert arts["lestria-minister-resigns"]["notices"] == 2  # two different notices stay two


def test_log_and_audit_show_the_same_notices_on_every_revision(run: Run, seeded: Any) -> None:
    audited = _json(run, "audit")["articles"]
    assert audited
    for article in audited:
        log = {r["ref"]: r["new_notices"] for r in _json(run, "log", article["article"])["revisions"]}
        for r in article["revisions"]:
            shown = [n["text"] for n in r.get("notices") or ([r["notice"]] if r["notice"] else [])]
            assert log[r["ref"]] == shown, r["ref"]
    # the carried update on vessa-landslide@3 is new to neither view
    text = run("log", "vessa-landslide").stdout
    row3 = next(line for line in text.splitlines() if line.startswith("│ @3"))
    assert "Updates" not in row3


def test_a_mismatch_with_a_notice_is_not_said_to_have_no_notice(run: Run, seeded: Any) -> None:
    out = " ".join(run("audit", "lestria-minister-resigns").stdout.split())
    assert "notice latency: @2: its notice covers none of the changes" in out
    (entry,) = _json(run, "audit", "lestria-minister-resigns")["articles"][0]["latency"]["revisions"]
    assert entry["disclosed_by"] is None and entry["has_notice"] is True


def test_one_way_of_writing_a_delay_in_reasons_and_latency(run: Run, seeded: Any) -> None:
    out = " ".join(run("audit", "vessa-landslide").stdout.split())
    assert "19500 s" not in out
    assert "disclosed only by vessa-landslide@4, 5h 25m later" in out
    assert "notice 5h 25m later, in @4" in out


LONG_QUOTE = "slope gave way at once, while people were still asleep in their beds"


def test_reasons_are_whole_in_json_markdown_and_html(run: Run, seeded: Any) -> None:
    reasons = _json(run, "audit", "vessa-landslide")["articles"][0]["revisions"][2]["reasons"]
    assert any(LONG_QUOTE in r for r in reasons)
    assert not any(r.endswith("...") for r in reasons)
    for fmt in ("markdown", "html"):
        out = run("audit", "vessa-landslide", "--format", fmt).stdout
        assert LONG_QUOTE in out and "..." not in out and "…" not in out, fmt


def test_reasons_are_cut_only_for_a_terminal_short_of_room(run: Run, seeded: Any) -> None:
    from versioner.audit import iter_audit
    from versioner.render.auditview import audit_view
    from versioner.store import Store

    def why(room: int | None) -> str:
        from rich.console import Console

        console = Console(width=100, record=True, file=io.StringIO())
        with Store.open(seeded) as st:
            for r in audit_view(iter_audit(st, "vessa-landslide"), room):
                console.print(r)
        return " ".join(console.export_text().replace("│", " ").split())

    assert LONG_QUOTE in why(None)  # a pipe keeps every reason whole
    assert LONG_QUOTE not in why(60) and "…" in why(60)
