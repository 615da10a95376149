"""A whole audit as the CLI reports it: the verdicts asked for (``--only``), a count
of every verdict at the end, and whether ``--strict`` fails; passed through as the
audit streams, so that memory stays flat."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from versioner import model
from versioner.audit import STRICT_FAILS, VERDICTS, ArticleAudit


def parse_verdicts(text: str, option: str) -> frozenset[model.Verdict]:
    """``first,late,...`` as verdicts; a name that is none (or no name) is BadInput."""
    from versioner.errors import BadInput

    chosen = frozenset(v.strip() for v in text.split(",") if v.strip())
    unknown = chosen - {str(v) for v in VERDICTS}
    if unknown or not chosen:
        raise BadInput(f"{option}: unknown verdict(s) {', '.join(sorted(unknown)) or '(none)'};"
                       f" choose from {', '.join(str(v) for v in VERDICTS)}")
    return frozenset(model.Verdict(v) for v in chosen)


@dataclass(frozen=True)
class AuditSummary:
    """What a whole audit came to: revisions per verdict over every revision reported
    (after ``--since``), however many ``--only`` showed."""

    articles: int
    revisions: int
    shown: int
    problems: int  # revisions with a verdict --strict fails on
    verdicts: dict[str, int]  # every verdict, in VERDICTS order, 0 when none
    only: tuple[str, ...] | None  # the verdicts shown, when filtered


class AuditRun:
    """An audit passed through as it streams: counting every verdict, keeping only
    the revisions whose verdict is in ``only`` (articles left with none are dropped),
    and remembering whether a revision kept fails ``--strict`` (one of STRICT_FAILS).
    ``tick`` is told of each article audited (a progress bar)."""

    def __init__(self, articles: Iterable[ArticleAudit], only: frozenset[model.Verdict] | None = None,
                 tick: Callable[[int], None] | None = None) -> None:
        self._articles = articles
        self._only = only
        self._tick = tick
        self.failing = False
        self._counts: Counter[str] = Counter()
        self._seen = self._shown = 0

    def __iter__(self) -> Iterator[ArticleAudit]:
        for a in self._articles:
            if self._tick:
                self._tick(1)
            self._seen += 1
            self._counts.update(str(v.verdict) for v in a.verdicts)
            if self._only is not None:
                a = _only(a, self._only)
                if not a.verdicts:
                    continue
            self._shown += len(a.verdicts)
            self.failing = self.failing or any(v.verdict in STRICT_FAILS for v in a.verdicts)
            yield a

    def summary(self) -> AuditSummary:
        """The counts so far (all of them once the run has been read to its end)."""
        counts = {str(v): self._counts[str(v)] for v in VERDICTS}
        return AuditSummary(self._seen, sum(counts.values()), self._shown,
                            sum(counts[str(v)] for v in STRICT_FAILS), counts,
                            None if self._only is None else tuple(str(v) for v in VERDICTS if v in self._only))


def _only(a: ArticleAudit, only: frozenset[model.Verdict]) -> ArticleAudit:
    verdicts = tuple(v for v in a.verdicts if v.verdict in only)
    kept = {v.ref for v in verdicts}
    return ArticleAudit(a.article, verdicts, tuple(x for x in a.latency if x.ref in kept))


def shown_verdicts(only: str | None, problems: bool) -> frozenset[model.Verdict] | None:
    """``--only`` and ``--problems`` as the verdicts to show (None: every verdict)."""
    from versioner.errors import BadInput

    if only is not None and problems:
        raise BadInput("--only and --problems both choose verdicts: give one")
    if problems:
        return STRICT_FAILS
    return parse_verdicts(only, "--only") if only is not None else None
