"""The pipeline end to end for two revisions: parse, align, diff, flag; and the
cache that keeps what comparing two stored revisions found."""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, dataclass, fields
from functools import cache
from typing import TYPE_CHECKING, Any

from versioner.diff import Comparison, compare
from versioner.flags import SEVERITY_RANK, Flag, flag_comparison
from versioner.model import Fault, FlagType, Revision
from versioner.prepared import sha256_hex

if TYPE_CHECKING:
    from versioner.parse import Parts
    from versioner.store import NoticeRow, Store, VerdictRow


@dataclass(frozen=True)
class DiffResult:
    old: Revision
    new: Revision
    comparison: Comparison
    flags: tuple[Flag, ...]

    @property
    def identical(self) -> bool:
        return self.comparison.identical

    def flags_at_least(self, severity: str) -> tuple[Flag, ...]:
        floor = SEVERITY_RANK[severity]
        return tuple(f for f in self.flags if f.rank >= floor)


def diff_revisions(old: Revision, new: Revision) -> DiffResult:
    """Compare two revisions; identical texts short-circuit on their sha256."""
    old_parts = old.parts()
    new_parts = old_parts if old.sha256 == new.sha256 else new.parts()
    comparison = compare(old_parts, new_parts)
    return DiffResult(old, new, comparison, flag_comparison(comparison))


@dataclass(frozen=True)
class PairResult:
    """What the audit and the timeline need from comparing two revisions."""

    flags: tuple[Flag, ...]
    changes: tuple[tuple[str, str], ...]  # (section, kind) of each change, in order


def compare_pair(old: Parts, new: Parts) -> PairResult:
    """Align, diff and flag two parsed revisions, keeping the summary only."""
    comparison = compare(old, new)
    return PairResult(flag_comparison(comparison), tuple((c.section, c.kind) for c in comparison.changes))


# The modules whose code decides what compare_pair returns, each declaring
# RULES_VERSION; tests/test_rules_version.py holds this list to what compare_pair
# imports, so a rule moved into a new module cannot be left out.
RULE_MODULES = ("parse", "notices", "claims", "kinds", "prepared", "seqdiff", "align", "diff", "moves", "figures", "flags",
                "attribution", "headlinewords", "figuredates", "figurenouns", "figureedges",
                "hunkrules", "smallfixes", "namechanges", "reading", "names", "model", "quotes",
                "noticevocab", "noticeplaces", "noticeforms", "noticepieces", "claimvalues", "hunknames", "namelists",
                "nameidentified",
                "figurepatterns", "countednoun", "figurespans",  # split from figures
                "figureflags",  # split from flags
                "articlenames", "nameforms",  # split from namechanges
                "hunk", "hunkquotes", "hunkfigures", "hunknegation",  # split from hunkrules
                "aligncandidates", "pairing", "alignsimilar")  # split from align

# Bump when the JSON a cached pair is written in changes (PairResult, _flags_json).
CACHE_FORMAT = 2  # 2: a flag's facts (a list of flag types)


def rule_versions() -> dict[str, int]:
    """The cache format's version and each rule module's declared RULES_VERSION."""
    from importlib import import_module

    versions = {"cache": CACHE_FORMAT}
    versions |= {name: import_module(f"versioner.{name}").RULES_VERSION for name in RULE_MODULES}
    return versions


@cache
def rules_version() -> str:
    """The key of a cached pair, from rule_versions() and nothing else: a pair made
    by other rules is stale and computed again; an edit that keeps the versions (a
    comment, a refactor) keeps the cache."""
    text = " ".join(f"{name}={version}" for name, version in rule_versions().items())
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _flags_json(flags: tuple[Flag, ...]) -> str:
    # vars(), not dataclasses.asdict: a Flag's fields are plain values, and asdict's
    # deep copy was a tenth of a first audit
    return json.dumps([vars(f) for f in flags], ensure_ascii=False, separators=(",", ":"))


def pair_to_json(result: PairResult) -> tuple[str, str]:
    """A pair's (changes, flags) as the cache stores them (format CACHE_FORMAT)."""
    return json.dumps(result.changes, separators=(",", ":")), _flags_json(result.flags)


def pair_from_json(changes: object, flags: object) -> PairResult | None:
    """A cached pair as the pipeline wrote it; None for a row that is not (altered
    by hand or damaged on disk): a cache, so it is computed again, never trusted."""
    if not isinstance(changes, str) or not isinstance(flags, str):
        return None
    try:
        change_list, flag_list = json.loads(changes), json.loads(flags)
    except (ValueError, RecursionError):
        return None
    if not (isinstance(change_list, list) and isinstance(flag_list, list)
            and all(_is_change(c) for c in change_list) and all(_is_flag(f) for f in flag_list)):
        return None
    return PairResult(tuple(map(_flag_of, flag_list)), tuple((s, k) for s, k in change_list))


def _flag_of(item: dict[str, Any]) -> Flag:
    # JSON gives facts as a list: a frozen Flag keeps a tuple (it is hashed)
    if "facts" in item:
        item = item | {"facts": tuple(map(FlagType, item["facts"]))}
    return Flag(**item)


def _is_change(item: object) -> bool:
    return isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)


def _is_flag(item: object) -> bool:
    """Does ``item`` have a Flag's fields (the required ones at least), each of its type?"""
    return (type(item) is dict and _FLAG_REQUIRED <= item.keys()
            and all(type(value) in _FLAG_TYPES.get(name, ()) for name, value in item.items())
            and item["severity"] in SEVERITY_RANK
            and all(type(fact) is str and fact in _FACT_NAMES for fact in item.get("facts", ())))


# each Flag field and the types JSON gives it (exact types: a bool is not a paragraph)
_FLAG_TYPES: dict[str, tuple[type, ...]] = {
    **dict.fromkeys(("type", "severity", "section", "old", "new", "reason"), (str,)),
    "paragraph": (int, type(None)), "old_value": (int, float, type(None)),
    "new_value": (int, float, type(None)), "noun": (str, type(None)), "cosmetic": (bool,), "facts": (list,),
}
_FACT_NAMES = frozenset(FlagType)
_FLAG_REQUIRED = frozenset(f.name for f in fields(Flag) if f.default is MISSING)


_SAVE_EVERY = 2000  # computed pairs kept in memory before they are written


class PairCache:
    """Results of comparing consecutive stored revisions, computed once and kept in
    the store. ``get`` computes what is missing; ``save`` writes it back (best
    effort: a read-only or busy store just keeps recomputing)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.rules = rules_version()
        # by the two texts' sha256, not numbers, which a back-fill elsewhere may shift
        self._known: dict[str, dict[tuple[str, str], tuple[str, str, str]]] = {}
        self._new: list[tuple[str, int, int, str, str, str, str, str]] = []
        self._made: dict[tuple[str, int, int], PairResult] = {}  # computed for this article
        self._article: str | None = None
        self.hits = self.misses = 0
        # an audit's verdicts, kept with the pairs
        self._verdicts: list[VerdictRow] = []
        self._notices: list[NoticeRow] = []
        self._rules: str | None = None  # the verdicts' rules: rows of others are dropped once
        self._purged = False

    def get(self, old: Revision, new: Revision, old_parts: Parts, new_parts: Parts) -> PairResult:
        """The comparison of ``old`` with ``new``: from the store when it is there."""
        if new.article != self._article:
            # one article at a time: memory stays flat over a whole-store audit
            self._article = new.article
            self._known.clear()
            self._made.clear()
            if len(self._new) >= _SAVE_EVERY:
                self.save()
        made = self._made.get((new.article, old.number, new.number))
        if made is not None and old.number and new.number:
            return made
        known = self._known.get(new.article)
        if known is None and old.number and new.number:
            known = self._known[new.article] = self.store.cached_pairs(new.article)
        row = known.get((old.sha256, new.sha256)) if known else None
        cached = pair_from_json(row[1], row[2]) if row is not None and row[0] == self.rules else None
        if cached is not None:
            self.hits += 1
            return cached
        self.misses += 1
        result = compare_pair(old_parts, new_parts)
        if old.number and new.number and old.article == new.article:
            self._made[(new.article, old.number, new.number)] = result
            changes, flags = pair_to_json(result)
            self._new.append((new.article, old.number, new.number, self.rules, changes,
                              flags, old.sha256, new.sha256))
        return result

    def keep_verdicts(self, verdicts: list[VerdictRow], notices: list[NoticeRow], rules: str) -> None:
        """An article's verdicts, written with the next save (replacing its stored ones)."""
        self._rules = rules
        self._verdicts.extend(verdicts)
        self._notices.extend(notices)
        if len(self._verdicts) >= _SAVE_EVERY:
            self.save()

    def save(self) -> int:
        """Write the pairs computed and the verdicts kept since the last save; how
        many pairs were written."""
        if self._verdicts:
            verdicts, notices, self._verdicts, self._notices = self._verdicts, self._notices, [], []
            self.store.save_verdicts(verdicts, notices, None if self._purged else self._rules)
            self._purged = True
        rows, self._new = self._new, []
        if not rows:
            return 0
        return self.store.save_pairs(rows)


def verify_store(store: Store) -> tuple[int, list[Fault]]:
    """The store's own checks (SQLite, every row's cells, hashes, numbering, parts),
    then its cached comparisons: (revisions checked, faults)."""
    checked, faults = store.verify()
    if not any(f.kind == "sqlite" for f in faults):
        faults += verify_pairs(store)
    return checked, faults


def verify_pairs(store: Store) -> list[Fault]:
    """Every cached pair read as the pipeline reads it, and those made by the
    current rules recomputed and compared."""
    import sqlite3

    faults: list[Fault] = []
    rules = rules_version()
    try:
        for old, new, row_rules, changes, flags in store.iter_cached_pairs():
            fault = _pair_fault(old, new, row_rules, changes, flags, rules)
            if fault:
                faults.append(Fault("cache", f"{old.ref}..{new.ref}", fault))
    except sqlite3.DatabaseError as exc:
        faults.append(Fault("sqlite", str(store.path), f"cannot read the cached comparisons: {exc}"))
    return faults


def _pair_fault(old: Revision, new: Revision, row_rules: object, changes: object, flags: object,
                rules: str) -> str | None:
    if not isinstance(row_rules, str):
        return "cached rules version is not text"
    cached = pair_from_json(changes, flags)
    if cached is None:
        return "cached changes or flags are not what the pipeline writes"
    if row_rules != rules:
        return None  # made by other rules: stale, not wrong; recomputed when next read
    if not all(isinstance(r.text, str) and sha256_hex(r.text) == r.sha256 for r in (old, new)):
        return None  # a text or hash fault, which the store's own check reports
    if cached != compare_pair(old.parts(), new.parts()):
        return "cached flags differ from a fresh diff"
    return None
