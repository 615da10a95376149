"""The pipeline end to end for two revisions: parse, align, diff, flag."""

from __future__ import annotations

from dataclasses import dataclass

from versioner.diff import Comparison, compare
from versioner.flags import SEVERITY_RANK, Flag, flag_comparison
from versioner.store import Revision


@dataclass(frozen=True)
class DiffResult:
    old: Revision
    new: Revision
    comparison: Comparison
    flags: tuple[Flag, ...]

    @property
    def identical(self) -> bool:
        return self.old.sha256 == self.new.sha256

    def flags_at_least(self, severity: str) -> tuple[Flag, ...]:
        floor = SEVERITY_RANK[severity]
        return tuple(f for f in self.flags if f.rank >= floor)


def diff_revisions(old: Revision, new: Revision) -> DiffResult:
    """Compare two revisions; identical texts short-circuit on their sha256."""
    old_parts = old.parts()
    new_parts = old_parts if old.sha256 == new.sha256 else new.parts()
    comparison = compare(old_parts, new_parts)
    return DiffResult(old, new, comparison, flag_comparison(comparison))
