"""Audit a chain of invented revisions written as lists of lines: the one helper the
verdict tests share (each used to carry its own copy)."""

from __future__ import annotations

from versioner.audit import Verdict, audit_chain
from versioner.model import Revision
from versioner.parse import normalise


def audit_lines(*texts: list[str], url: str | None = None) -> list[Verdict]:
    """The verdicts of article "k" whose revisions are ``texts``, captured an hour apart."""
    revs = [Revision.from_text("k", n, f"2026-03-03T{n:02d}:00:00Z", normalise("\n".join(t) + "\n"), url=url)
            for n, t in enumerate(texts, 1)]
    return audit_chain(revs)


def replaced(lines: list[str], old: str, new: str) -> list[str]:
    """``lines`` with ``old`` replaced by ``new`` wherever it stands."""
    return [line.replace(old, new) for line in lines]
