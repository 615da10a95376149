"""Accuracy of the change flags and the audit verdicts on the labelled set.

    python bench/accuracy.py            # tables and every miss
    python bench/accuracy.py --json     # the same figures as JSON
    python bench/accuracy.py --case fig-  # only cases whose id starts with "fig-"

Reads tests/labelled/flags.jsonl and tests/labelled/audit.jsonl (see
tests/labelled/README.md). Flags: an expected flag is found when a produced
flag has the same type and its old/new text contain the expected substrings;
each produced flag can match one expected flag (maximum matching, preferring
pairs whose severities agree). Audit: one verdict per revision, compared
position by position.

A case that raises is counted as a miss (every expected flag or verdict of it
missed) and its exception is reported; the script itself does not stop.
Standard library only, besides versioner. Exit 0 once figures are printed,
2 when a labelled file cannot be read.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LABELLED = ROOT / "tests" / "labelled"
FLAG_TYPES = (
    "figure", "quote", "name", "negation", "attribution", "headline", "wording", "typo",
    "punctuation", "paragraph-added", "paragraph-removed", "paragraph-moved",
)
SEVERITIES = ("high", "medium", "low")
SUBSTANTIVE = frozenset({"high", "medium"})
VERDICTS = (
    "first", "unchanged", "minor", "update", "consistent", "mismatch", "undisclosed", "stealth", "late", "revert",
)
ERROR = "ERROR"


# -- input -------------------------------------------------------------------

class LabelError(Exception):
    """A labelled file that cannot be read."""


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object a line; blank lines and lines starting with # are skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise LabelError(f"{path}: {e.strerror or e}") from e
    out: list[dict[str, Any]] = []
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise LabelError(f"{path}:{no}: not JSON: {e.msg}") from e
        if not isinstance(obj, dict) or "id" not in obj:
            raise LabelError(f"{path}:{no}: expected an object with an id")
        out.append(obj)
    return out


# -- running one case safely -------------------------------------------------

class CaseTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise CaseTimeout after ``seconds`` (Unix main thread only; else no limit)."""
    usable = seconds > 0 and hasattr(signal, "setitimer")
    if usable:
        def _alarm(signum: int, frame: Any) -> None:
            raise CaseTimeout(f"took longer than {seconds:g}s")
        try:
            old = signal.signal(signal.SIGALRM, _alarm)
        except ValueError:  # not the main thread
            usable = False
    if not usable:
        yield
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def describe(exc: BaseException) -> str:
    """``Type: message`` and the innermost frame, on one line."""
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
    msg = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {msg}{where}" if msg else f"{type(exc).__name__}{where}"


# -- counting ----------------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None if p is None or r is None else 0.0
        return 2 * p * r / (p + r)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


# -- flags -------------------------------------------------------------------

@dataclass(frozen=True)
class Got:
    """A produced flag, reduced to what the labels judge (plus the reason, for reports)."""

    type: str
    severity: str
    old: str
    new: str
    reason: str = ""

    def show(self) -> str:
        return f"{self.type}/{self.severity} {_clip(self.old)!r} -> {_clip(self.new)!r}" + (
            f"  [{_clip(self.reason, 70)}]" if self.reason else "")


def _clip(s: str, n: int = 50) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def show_expected(e: dict[str, Any]) -> str:
    return f"{e['type']}/{e['severity']} {e.get('old', '')!r} -> {e.get('new', '')!r}"


def fits(expected: dict[str, Any], got: Got) -> bool:
    return (got.type == expected["type"]
            and expected.get("old", "") in got.old
            and expected.get("new", "") in got.new)


def match(expected: Sequence[dict[str, Any]], got: Sequence[Got]) -> dict[int, int]:
    """Maximum matching expected index -> produced index (Kuhn's augmenting paths).

    Candidates whose severity agrees with the label are tried first, so among
    equally large matchings the one with more severity agreement is usually found.
    """
    cands: list[list[int]] = []
    for e in expected:
        fitting = [j for j, g in enumerate(got) if fits(e, g)]
        fitting.sort(key=lambda j: got[j].severity != e["severity"])
        cands.append(fitting)
    owner: dict[int, int] = {}  # produced -> expected

    def augment(i: int, seen: set[int]) -> bool:
        for j in cands[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class FlagResult:
    id: str
    expected: list[dict[str, Any]]
    got: list[Got] = field(default_factory=list)
    pairs: dict[int, int] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0

    @property
    def missed(self) -> list[dict[str, Any]]:
        return [e for i, e in enumerate(self.expected) if i not in self.pairs]

    @property
    def extra(self) -> list[Got]:
        used = set(self.pairs.values())
        return [g for j, g in enumerate(self.got) if j not in used]

    @property
    def severity_disagreements(self) -> list[tuple[dict[str, Any], Got]]:
        return [(self.expected[i], self.got[j]) for i, j in sorted(self.pairs.items())
                if self.expected[i]["severity"] != self.got[j].severity]

    @property
    def exact(self) -> bool:
        return self.error is None and not self.missed and not self.extra


def run_flag_case(case: dict[str, Any], flag_texts: Callable[[str, str], Sequence[Any]] | None,
                  import_error: str | None, timeout: float) -> FlagResult:
    res = FlagResult(id=case["id"], expected=list(case.get("expect", [])))
    if flag_texts is None:
        res.error = import_error or "versioner.flags.flag_texts is not available"
        return res
    start = time.perf_counter()
    try:
        with time_limit(timeout):
            produced = list(flag_texts(case["old"], case["new"]))
        res.got = [Got(str(f.type), str(f.severity), str(f.old or ""), str(f.new or ""),
                       str(getattr(f, "reason", "") or "")) for f in produced]
    except Exception as exc:  # noqa: BLE001 -- a failing case is a miss, not a crash
        res.error = describe(exc)
        res.got = []
    res.seconds = time.perf_counter() - start
    res.pairs = match(res.expected, res.got)
    return res


def flag_figures(results: Sequence[FlagResult]) -> dict[str, Any]:
    per_type = {t: Counts() for t in FLAG_TYPES}
    by_class = {"substantive": Counts(), "minor": Counts()}
    per_severity = {s: Counts() for s in SEVERITIES}
    overall = Counts()
    matched = agree = 0

    def bucket(table: dict[str, Counts], key: str) -> Counts:
        return table.setdefault(key, Counts())

    for r in results:
        for i, e in enumerate(r.expected):
            if i in r.pairs:
                g = r.got[r.pairs[i]]
                bucket(per_type, e["type"]).tp += 1
                overall.tp += 1
                matched += 1
                agree += g.severity == e["severity"]
                ec = "substantive" if e["severity"] in SUBSTANTIVE else "minor"
                gc = "substantive" if g.severity in SUBSTANTIVE else "minor"
                if ec == gc:
                    by_class[ec].tp += 1
                else:
                    by_class[ec].fn += 1
                    by_class[gc].fp += 1
                if g.severity == e["severity"]:
                    bucket(per_severity, e["severity"]).tp += 1
                else:
                    bucket(per_severity, e["severity"]).fn += 1
                    bucket(per_severity, g.severity).fp += 1
            else:
                bucket(per_type, e["type"]).fn += 1
                overall.fn += 1
                by_class["substantive" if e["severity"] in SUBSTANTIVE else "minor"].fn += 1
                bucket(per_severity, e["severity"]).fn += 1
        for g in r.extra:
            bucket(per_type, g.type).fp += 1
            overall.fp += 1
            by_class["substantive" if g.severity in SUBSTANTIVE else "minor"].fp += 1
            bucket(per_severity, g.severity).fp += 1
    return {
        "cases": len(results),
        "cases_exact": sum(r.exact for r in results),
        "cases_with_error": sum(r.error is not None for r in results),
        "expected": sum(len(r.expected) for r in results),
        "produced": sum(len(r.got) for r in results),
        "per_type": {t: c.to_dict() for t, c in per_type.items()},
        "overall_micro": overall.to_dict(),
        "by_class": {k: c.to_dict() for k, c in by_class.items()},
        "per_severity": {k: c.to_dict() for k, c in per_severity.items()},
        "severity_agreement": {"matched": matched, "same_severity": agree,
                               "rate": _round(agree / matched if matched else None)},
        "seconds": round(sum(r.seconds for r in results), 3),
    }


def flag_misses(results: Sequence[FlagResult]) -> list[dict[str, Any]]:
    out = []
    for r in results:
        sev = r.severity_disagreements
        if r.exact and not sev:
            continue
        out.append({
            "id": r.id,
            "error": r.error,
            "missed": [show_expected(e) for e in r.missed],
            "unexpected": [g.show() for g in r.extra],
            "severity": [f"{e['type']}: expected {e['severity']}, got {g.severity} ({g.show()})"
                         for e, g in sev],
            "got": [g.show() for g in r.got],
        })
    return out


# -- audit -------------------------------------------------------------------

@dataclass
class AuditResult:
    id: str
    expected: list[str]
    got: list[str] = field(default_factory=list)
    reasons: list[list[str]] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0


def build_revisions(case: dict[str, Any]) -> list[Any]:
    from versioner.model import Revision
    from versioner.parse import normalise

    revs = []
    for n, r in enumerate(case["revisions"], 1):
        text = normalise(r["text"])
        revs.append(Revision.from_text(case["id"], n, r["captured_at"], text))
    return revs


def run_audit_case(case: dict[str, Any], audit_chain: Callable[[Sequence[Any]], Sequence[Any]] | None,
                   import_error: str | None, timeout: float) -> AuditResult:
    expected = list(case.get("expect", []))
    res = AuditResult(id=case["id"], expected=expected)
    if audit_chain is None:
        res.error = import_error or "versioner.audit.audit_chain is not available"
    else:
        start = time.perf_counter()
        try:
            with time_limit(timeout):
                verdicts = list(audit_chain(build_revisions(case)))
            if len(verdicts) != len(expected):
                raise ValueError(f"{len(verdicts)} verdict(s) for {len(expected)} revision(s)")
            res.got = [str(v.verdict) for v in verdicts]
            res.reasons = [[str(x) for x in (getattr(v, "reasons", ()) or ())] for v in verdicts]
        except Exception as exc:  # noqa: BLE001 -- a failing case is a miss, not a crash
            res.error = describe(exc)
        res.seconds = time.perf_counter() - start
    if res.error is not None:
        res.got = [ERROR] * len(expected)
        res.reasons = [[] for _ in expected]
    return res


def audit_figures(results: Sequence[AuditResult]) -> dict[str, Any]:
    per = {v: Counts() for v in VERDICTS}
    confusion: dict[str, dict[str, int]] = {}
    total = correct = total_later = correct_later = chains_exact = 0
    for r in results:
        chains_exact += r.expected == r.got
        for n, (e, g) in enumerate(zip(r.expected, r.got, strict=True), 1):
            total += 1
            correct += e == g
            if n > 1:
                total_later += 1
                correct_later += e == g
            confusion.setdefault(e, {}).setdefault(g, 0)
            confusion[e][g] += 1
            if e == g:
                per.setdefault(e, Counts()).tp += 1
            else:
                per.setdefault(e, Counts()).fn += 1
                if g != ERROR:
                    per.setdefault(g, Counts()).fp += 1
    return {
        "cases": len(results),
        "cases_exact": chains_exact,
        "cases_with_error": sum(r.error is not None for r in results),
        "revisions": total,
        "accuracy": _round(correct / total if total else None),
        "correct": correct,
        "accuracy_after_first": _round(correct_later / total_later if total_later else None),
        "per_verdict": {v: {k: c.to_dict()[k] for k in ("tp", "fp", "fn", "precision", "recall")}
                        for v, c in per.items()},
        "confusion": confusion,
        "seconds": round(sum(r.seconds for r in results), 3),
    }


def audit_misses(results: Sequence[AuditResult]) -> list[dict[str, Any]]:
    out = []
    for r in results:
        if r.error is not None:
            out.append({"id": r.id, "revision": None, "expected": r.expected, "got": r.got, "error": r.error,
                        "reasons": []})
            continue
        for n, (e, g) in enumerate(zip(r.expected, r.got, strict=True), 1):
            if e != g:
                out.append({"id": r.id, "revision": n, "expected": e, "got": g, "error": None,
                            "reasons": r.reasons[n - 1] if n - 1 < len(r.reasons) else []})
    return out


# -- report ------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def _row(name: str, c: dict[str, Any], width: int = 18) -> str:
    return (f"  {name:<{width}} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4}   "
            f"{_pct(c['precision'])}  {_pct(c['recall'])}  {_pct(c.get('f1'))}")


def render_text(report: dict[str, Any]) -> str:
    lines: list[str] = []
    add = lines.append
    if "flags" in report:
        f = report["flags"]
        add(f"FLAGS  {f['cases']} cases, {f['expected']} expected flags, {f['produced']} produced; "
            f"{f['cases_exact']} cases exactly right, {f['cases_with_error']} raised ({f['seconds']:.2f}s)")
        head = f"  {'type':<18} {'tp':>4} {'fp':>4} {'fn':>4}   precision recall      F1"
        add(head)
        for t, c in f["per_type"].items():
            add(_row(t, c))
        add(_row("overall (micro)", f["overall_micro"]))
        add("")
        add("  by severity class (a matched flag whose class differs counts as fn in one, fp in the other)")
        add(head.replace("type", "class"))
        for k, c in f["by_class"].items():
            add(_row("substantive (h/m)" if k == "substantive" else "minor (low)", c))
        for k, c in f["per_severity"].items():
            add(_row(f"severity {k}", c))
        sa = f["severity_agreement"]
        add(f"  severity agreement on matched flags: {sa['same_severity']}/{sa['matched']} "
            f"({_pct(sa['rate']).strip()})")
        add("")
    if "audit" in report:
        a = report["audit"]
        add(f"AUDIT  {a['cases']} chains, {a['revisions']} revisions; "
            f"accuracy {_pct(a['accuracy']).strip()} ({a['correct']}/{a['revisions']}), "
            f"after the first revision {_pct(a['accuracy_after_first']).strip()}; "
            f"{a['cases_exact']} chains exactly right, {a['cases_with_error']} raised ({a['seconds']:.2f}s)")
        add(f"  {'verdict':<18} {'tp':>4} {'fp':>4} {'fn':>4}   precision recall")
        for v, c in a["per_verdict"].items():
            add(f"  {v:<18} {c['tp']:>4} {c['fp']:>4} {c['fn']:>4}   "
                f"{_pct(c['precision'])}  {_pct(c['recall'])}")
        add("")
    if "flags" in report:
        misses = report["flag_misses"]
        add(f"FLAG MISSES ({len(misses)} cases)")
        for m in misses:
            add(f"- {m['id']}" + (f"  RAISED {m['error']}" if m["error"] else ""))
            for x in m["missed"]:
                add(f"    missed     {x}")
            for x in m["unexpected"]:
                add(f"    unexpected {x}")
            for x in m["severity"]:
                add(f"    severity   {x}")
        add("")
    if "audit" in report:
        misses = report["audit_misses"]
        add(f"AUDIT MISSES ({len(misses)} revisions)")
        for m in misses:
            if m["error"]:
                add(f"- {m['id']}: RAISED {m['error']}  (expected {m['expected']})")
                continue
            reason = f"  [{_clip('; '.join(m['reasons']), 110)}]" if m["reasons"] else ""
            add(f"- {m['id']}@{m['revision']}: expected {m['expected']}, got {m['got']}{reason}")
    return "\n".join(lines).rstrip() + "\n"


def _import(module: str, name: str) -> tuple[Any, str | None]:
    try:
        mod = __import__(module, fromlist=[name])
        return getattr(mod, name), None
    except Exception as exc:  # noqa: BLE001 -- an unimportable library is reported per case
        return None, f"cannot import {module}.{name}: {describe(exc)}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Precision and recall of versioner's flags and audit verdicts.")
    ap.add_argument("--json", action="store_true", help="print the figures (and misses) as JSON")
    ap.add_argument("--flags", type=Path, default=LABELLED / "flags.jsonl", help="labelled flag cases")
    ap.add_argument("--audit", type=Path, default=LABELLED / "audit.jsonl", help="labelled audit chains")
    ap.add_argument("--only", choices=("flags", "audit"), help="measure only one of the two")
    ap.add_argument("--case", default="", metavar="PREFIX", help="only cases whose id starts with PREFIX")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds allowed per case (0: no limit)")
    args = ap.parse_args(argv)

    report: dict[str, Any] = {}
    try:
        flag_cases = load_jsonl(args.flags) if args.only != "audit" else []
        audit_cases = load_jsonl(args.audit) if args.only != "flags" else []
    except LabelError as e:
        print(f"accuracy: {e}", file=sys.stderr)
        return 2
    flag_cases = [c for c in flag_cases if str(c["id"]).startswith(args.case)]
    audit_cases = [c for c in audit_cases if str(c["id"]).startswith(args.case)]

    if args.only != "audit":
        flag_texts, err = _import("versioner.flags", "flag_texts")
        fres = [run_flag_case(c, flag_texts, err, args.timeout) for c in flag_cases]
        report["flags"] = flag_figures(fres)
        report["flag_misses"] = flag_misses(fres)
    if args.only != "flags":
        audit_chain, err = _import("versioner.audit", "audit_chain")
        ares = [run_audit_case(c, audit_chain, err, args.timeout) for c in audit_cases]
        report["audit"] = audit_figures(ares)
        report["audit_misses"] = audit_misses(ares)

    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(render_text(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
