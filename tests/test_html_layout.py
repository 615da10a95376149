"""The HTML pages read on a phone as well as on a desktop. bench/screenshots.sh
takes their pictures (headless Chromium, 1200 and 390 pixels wide); these tests
pin the layout rules the pictures showed were needed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@pytest.mark.parametrize("args", [("diff", "altair-flight-diversion"), ("audit",)])
def test_pages_fit_a_phone_with_wide_tables_scrolling_on_their_own(
        run: Callable[..., Any], seeded: Path, args: tuple[str, ...]) -> None:
    page = run(*args, "-f", "html").stdout
    # without it a phone lays the page out 980 pixels wide and shrinks the text to fit
    assert VIEWPORT in page
    assert "@media (max-width:40em)" in page and "table{display:block;overflow-x:auto}" in page
    assert "h1,h2{overflow-wrap:anywhere}" in page  # a long URL key does not widen the page


def test_audit_tables_keep_times_and_verdicts_on_one_line(run: Callable[..., Any], seeded: Path) -> None:
    page = run("audit", "-f", "html").stdout
    # "2026-05-02T18:30:00Z" broke after "2026-05-" and "! undisclosed" after "!",
    # and each article's table had its own width
    assert "h2+table{width:100%}h2+table td:nth-child(-n+3){white-space:nowrap}" in page


def test_on_a_phone_audit_rows_and_flags_stack_rather_than_run_off_the_screen(
        run: Callable[..., Any], seeded: Path) -> None:
    # the 390-pixel pictures showed the audit's "why" and the flags' "why" off the screen
    # (a sideways scroll nobody finds): each row becomes a card, its first cells on one line
    audit = run("audit", "-f", "html").stdout
    assert "h2+table tr:first-child{display:none}" in audit
    assert "h2+table td:nth-child(-n+3){display:inline-block}" in audit
    diff = run("diff", "altair-flight-diversion", "-f", "html").stdout
    assert '<table class="flags"><tr><th>severity</th>' in diff
    assert ".flags tr:first-child{display:none}" in diff and '.flags td:nth-child(5)::before{content:"\\2192  "}' in diff


def test_the_side_by_side_label_column_leaves_the_width_to_the_text(run: Callable[..., Any], seeded: Path) -> None:
    # at 7em ("notice 1" needs about 5) the two text columns of a phone were 120 pixels each
    page = run("diff", "altair-flight-diversion", "--side-by-side", "-f", "html").stdout
    assert ".sides th:first-child{width:5.5em}" in page
    assert "@media (max-width:40em){.sides th:first-child{width:4.2em}" in page
