"""Pieces every view shows, each written once: a capture time in a table, a text cut
to one line, the gap between the paragraphs shown, where a flag points, the HTML
page around a report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from versioner.flags import Flag
    from versioner.store import Revision


def short_time(iso: str) -> str:
    """2026-02-01T08:15:00Z -> 2026-02-01 08:15 (tables only; JSON keeps full times)."""
    return iso[:16].replace("T", " ")


def stamp(rev: Revision) -> str:
    """A revision's ref, capture time and short hash, the line above its text."""
    return f"{rev.ref}  captured {rev.captured_at}  sha256 {rev.sha256[:12]}"


def one_line(s: str, n: int) -> str:
    """``s`` with its white space folded, cut to ``n`` characters (the cut marked …)."""
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def gap_text(n: int) -> str:
    """The ``n`` unchanged paragraphs a diff does not show."""
    return f"… {n} unchanged paragraph{'s' if n != 1 else ''} …"


def where(flag: Flag) -> str:
    """The part a flag is about: ``headline``, ``body ¶3``."""
    return flag.section if flag.paragraph is None else f"{flag.section} ¶{flag.paragraph}"


# every page on a phone: keys and URLs in headings break anywhere rather than
# widen the page, and a table too wide scrolls sideways on its own
_NARROW_CSS = ("\nh1,h2{overflow-wrap:anywhere}"
               "@media (max-width:40em){body{margin:1em auto}h1{font-size:1.5em}table{display:block;overflow-x:auto}}")


def html_page(title: str, css: str, body: Sequence[str]) -> str:
    """One self-contained page (inline CSS, no scripts, nothing fetched), laid out
    for a phone's width too; ``title`` and ``body`` are HTML already escaped."""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{title}</title><style>{css}{_NARROW_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
