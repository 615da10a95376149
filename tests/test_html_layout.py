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
