"""Stored verdicts checked against a fresh audit (``versioner verify``): each article's
verdicts and notices recomputed from its chain and compared, after the pair cache's own
check. ``audit.py`` judges; this module only judges again and compares."""

from __future__ import annotations

from versioner import model
from versioner.audit import audit_chain, verdict_rows, verdict_rules
from versioner.pipeline import PairCache
from versioner.store import NoticeRow, Store, VerdictRow


def verify_store(store: Store) -> tuple[int, list[model.Fault]]:
    """``pipeline.verify_store``, then the stored verdicts made by the current rules
    recomputed and compared."""
    from versioner.pipeline import verify_store as verify_cached

    checked, faults = verify_cached(store)
    if not any(f.kind == "sqlite" for f in faults):
        faults += verify_verdicts(store)
    return checked, faults


def verify_verdicts(store: Store) -> list[model.Fault]:
    """Each article's stored verdicts and notices against a fresh audit of its chain
    (comparisons from the pair cache, which ``verify_pairs`` checks). Rows of other
    rules, or judged on fewer revisions than the article has now, are stale, not wrong."""
    import sqlite3

    from versioner.errors import VersionerError

    rules = verdict_rules()
    pairs = PairCache(store)  # never saved: verify writes nothing
    faults: list[model.Fault] = []
    try:
        for key, chain_length in store.verdict_articles(rules):
            try:
                chain = store.revisions(key)
            except VersionerError:
                continue  # a damaged revision: the store's own check names it
            if len(chain) != chain_length:
                continue
            fresh = verdict_rows(chain, audit_chain(chain, pairs), rules)
            faults += _verdict_faults(key, store.stored_verdicts(key), fresh)
    except sqlite3.DatabaseError as exc:
        faults.append(model.Fault("sqlite", str(store.path), f"cannot read the stored verdicts: {exc}"))
    return faults


def _verdict_faults(key: str, stored: tuple[list[VerdictRow], list[NoticeRow]],
                    fresh: tuple[list[VerdictRow], list[NoticeRow]]) -> list[model.Fault]:
    faults = []
    for what, old, new in (("verdicts", stored[0], fresh[0]), ("notices", stored[1], fresh[1])):
        if old == new:
            continue
        differ = sorted({f"{key}@{row[1]}" for row in set(old) ^ set(new)}, key=_ref_order)
        faults.append(model.Fault("verdict", differ[0] if differ else key,
                                  f"stored {what} differ from a fresh audit"
                                  + (f" (also {', '.join(differ[1:4])})" if len(differ) > 1 else "")))
    return faults


def _ref_order(ref: str) -> int:
    return int(ref.rsplit("@", 1)[1])
