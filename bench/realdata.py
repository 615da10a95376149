"""Score the installed ``versioner`` on real newsroom copy (issues 15 and 16).

    python bench/realdata.py                  # every figure for tune, report and all
    python bench/realdata.py --split report   # one split only
    python bench/realdata.py --json           # the figures as JSON
    python bench/realdata.py --failures 10    # and the ten most telling failures
    python bench/realdata.py --flag-failures 5  # and five pairs each target flag type gets wrong
    python bench/realdata.py --data DIR       # default: $VERSIONER_REALDATA, else ../shared/realdata

The data (``chains.jsonl``, ``notices.jsonl``; see their README) belong to
their publishers: they are read at run time only, written to a temporary
folder for ``versioner import`` and removed at the end. When the folder is
not there the script says so in one line and exits 0.

Everything goes through the CLI a user has: ``versioner import`` of a JSONL
built from the data, ``audit --format json``, ``show --format json`` of every
revision and ``diff A B --format json`` of every labelled pair, two
subprocesses at a time.

Split: an article (a chain) is ``tune`` when the first byte of the sha256 of
its id is even, else ``report``; a notice likewise by the sha256 of its text.
Tune on ``tune``; ``report`` is the held-out figure.

Notices. Each notice goes into a short synthetic article of our own (its
headline and body invented here) as revision 2 of 2, where its outlet puts
notices (``PLACEMENT``: CNN, NPR, Guardian, BBC, WSJ, FT, NYT, SZ... at the
bottom, the Washington Post and AP at the top of the body, a wire
parenthetical right after the headline). A notice that does not open with
notice language (the README's appendix regex, a parenthetical or a label
word) is a column-style item: the outlet's label for its kind is put before
it (``Correction: ``, ``Korrektur: `` for SZ, ``Corrections & Amplifications: ``
for the WSJ). Its own line breaks stay paragraphs.

- detected: ``show KEY@2`` labels a part ``notice`` holding the notice's
  words (at least 60% of them), or the audit of KEY@2 reads such a notice;
- kind right: the audit's ``kind`` is one the label's kind names
  (correction, clarification, update; an editor's note may read as any of
  clarification/update/note; a withdrawal as withdrawal/kill/correction);
  labels naming none of these (a wire policy advisory) are not scored;
- claims, for each labelled claim: part right when the label's part maps to
  headline, caption or body and one of the read claims/targets has that
  section (for body, also ``any``: a notice that names no part means the
  story); thing right when the label's thing maps to a family (figure,
  date, name, role, quote, attribution, negation) and the read subject,
  detail or action names it (cue words, ``THING_CUES``); values right when
  every stated old/new value (stated: the notice's own text holds it; labels
  sometimes paraphrase) is found in, or holds, a read old/new value on the
  same side (normalised: case, quotes, commas, currency signs). A claim counts
  as right when every aspect the label lets us score is right.
- false notices: every part of every chain revision that ``show`` labels
  ``notice`` and that is neither a notice line of that chain's labels (equal,
  or one containing the other, for glued footnotes) nor a line the README's
  regex reads as one.

Verdicts: the audit's verdict of each pair's new revision, against the
label's ``verdict`` (a ``stealth`` label with ``stealth_kind: added`` asks for
``update``: material only added or reworded, no fact taken back); a pair whose two texts are stored as one revision gets
``unchanged``. "altered called stealth" counts pairs with
``stealth_kind: altered`` whose verdict is ``stealth``, or the label's own
verdict where that is ``undisclosed``/``late`` (the silent change is
reported there); "minor/added called stealth" counts pairs labelled
``minor`` or ``stealth_kind: added`` that come out ``stealth``.

Flags, per pair (a pair is positive for a type when the label lists it
under ``substantive``; ``paragraph-moved`` under either list): figure, name,
quote, negation, attribution, wording, paragraph-added/-removed/-moved are
found when ``diff`` gives a flag of that type (any severity), figure, name,
quote and negation also when a headline flag lists the type in its ``facts``
(a headline is one flag, with the facts changed inside it typed there, as a
changed body paragraph's are typed flags of their own); headline as the
label scheme defines it: the label lists ``headline`` whenever the headline
line changed in a pair with any substantive change (a pair whose only headline
change is stylistic gets the cosmetic ``headline-reword``), so it is found
when ``diff`` flags the headline (any severity) in a pair it finds
substantive. (It once asked for a high or medium flag in the headline, which
held a restyled headline over a changed body to a severity the labels never
ask of it.)
Substantive: the label has any substantive token vs ``diff`` has any high or
medium flag. Figure values: each labelled [old, new] is matched one to one
with a figure flag of the same pair when each side agrees (the same number
in it, or the same words when it has none; a null side must be an empty
flag side). ``X -> X``: every flag whose old and new (text or value) are
the same (a moved paragraph's aside), or whose reason says ``A -> A``
(A after ``:``, ``;`` or ``,``, so ``name changed: Ann Lee -> Lee`` is not).
A flag inside an added or removed paragraph counts like any other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("tune", "report", "all")
VERDICTS = ("consistent", "mismatch", "undisclosed", "stealth", "update", "minor", "revert", "late")
FLAG_TARGET_TYPES = ("figure", "name", "quote", "negation", "headline")
FLAG_OTHER_TYPES = ("attribution", "wording", "paragraph-added", "paragraph-removed", "paragraph-moved")
SUBSTANTIVE = ("high", "medium")

# The README's appendix regex (how its labellers filled ``notice``), plus a
# parenthetical and label words of other languages: text opening like this
# already reads as a notice, anything else gets its outlet's label.
NOTICE_OPENING = re.compile(
    r"^\s*(?:\(|\[|correction|clarification|editor.?s note|update|korrektur|rectificatif|correcci|correctie|"
    r"corrections? (?:&|and) |this (?:story|article|report|post)(?: and (?:its )?headline)? (?:has|have) been "
    r"(?:updated|corrected|revised|modified|amended)|an earlier version|a previous version|"
    r"(?:this|the) (?:story )?headline has been|this story was (?:updated|corrected)|"
    r"this is a developing story and has been)", re.I)
README_NOTICE = re.compile(
    r"^\s*(?:correction|clarification|editor.?s note|update|this (?:story|article|report|post)"
    r"(?: and (?:its )?headline)? (?:has|have) been (?:updated|corrected|revised|modified|amended)|"
    r"an earlier version|a previous version|(?:this|the) (?:story )?headline has been|"
    r"this story was (?:updated|corrected)|this is a developing story and has been)", re.I)

# outlet prefix -> (where its notices sit, its label when an item carries none)
PLACEMENT: tuple[tuple[str, str, str | None], ...] = (
    ("The Washington Post", "top", None),
    ("Associated Press", "top", None),
    ("Reuters", "after-headline", None),
    ("The Wall Street Journal", "bottom", "Corrections & Amplifications: "),
    ("Süddeutsche", "bottom", "Korrektur: "),
)
KIND_LABELS = (("clarif", "Clarification: "), ("update", "Update: "), ("editor", "Editor's note: "))
KIND_ACCEPT = (
    ("correction", {"correction"}), ("clarification", {"clarification"}), ("update", {"update"}),
    ("editor", {"clarification", "update", "note", "editor's note"}),
    ("withdrawal", {"withdrawal", "kill", "correction"}),
)
PART_SECTIONS = (("headline", "headline"), ("caption", "caption"), ("photo", "caption"),
                 ("body", "body"), ("paragraph", "body"), ("lead", "body"), ("story", "body"))
THING_FAMILIES = (
    ("figure", ("figure", "age", "number", "rate", "share", "toll", "ratio", "inoculation")),
    ("date", ("date", "weekday", "year", "timing")),
    ("name", ("name", "spelling", "misidentif", "identification", "place", "location")),
    ("role", ("role", "title", "credential")),
    ("quote", ("quote", "translation")),
    ("attribution", ("attribution",)),
    ("negation", ("negation",)),
)
THING_CUES = {
    "figure": r"figure|number|toll|age|total|count|rate|percent|amount|price|sum|\d",
    "date": r"date|day|month|year|week|time|\d",
    "name": r"name|spell|identif|place|location|fix-spelling",
    "role": r"title|role|position|job|rank",
    "quote": r"quot",
    "attribution": r"attribut|source|said|credit",
    "negation": r"negat|\bnot\b",
}

# Invented copy for the notices' articles: nothing here comes from the data.
ARTICLES = (
    ("Council approves new ferry timetable for Halden",
     ["HALDEN - The town council voted on Tuesday to approve a new ferry timetable for the summer.",
      "The plan adds two crossings on weekdays and moves the last departure to 11 p.m.",
      "Residents had asked for later sailings at a public meeting in March, the mayor said.",
      "The new timetable takes effect on the first Monday of June."]),
    ("Rail operator orders thirty new carriages",
     ["VESSA - A regional rail operator said on Monday it had ordered thirty new carriages.",
      "The carriages will replace a fleet that entered service in the 1990s.",
      "Deliveries are expected to begin next spring, a spokesperson said.",
      "The operator did not disclose the price of the order."]),
    ("Museum reopens after two-year renovation",
     ["ORLEN - The city museum reopened to visitors on Saturday after a two-year renovation.",
      "The work added a new wing for temporary exhibitions and a rooftop cafe.",
      "About 4,000 people visited on the first day, according to the museum.",
      "Admission remains free for children under twelve."]),
)


# -- data ---------------------------------------------------------------------

def find_data(arg: str | None) -> Path | None:
    """--data, else $VERSIONER_REALDATA, else ../shared/realdata beside the repo."""
    raw = arg or os.environ.get("VERSIONER_REALDATA")
    path = Path(raw) if raw else ROOT.parent / "shared" / "realdata"
    ok = (path / "chains.jsonl").is_file() and (path / "notices.jsonl").is_file()
    return path if ok else None


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split_of(ident: str) -> str:
    return "tune" if hashlib.sha256(ident.encode()).digest()[0] % 2 == 0 else "report"


def article_key(article: str) -> str:
    return "rd-" + hashlib.sha256(article.encode()).hexdigest()[:16]


def outlet_of(chain: dict[str, Any]) -> str:
    src = chain.get("source") or {}
    return str(src.get("outlet") or src.get("repo") or "?")


# -- the notices' articles ----------------------------------------------------

def labelled_kind(kind: str) -> str:
    return next((label for word, label in KIND_LABELS if kind.lower().startswith(word)), "Correction: ")


def place_notice(notice: dict[str, Any], index: int) -> tuple[str, str]:
    """(old text, new text): a synthetic article without, then with, the notice."""
    headline, body = ARTICLES[index % len(ARTICLES)]
    outlet = str(notice.get("outlet", ""))
    where, label = next(((w, lab) for o, w, lab in PLACEMENT if outlet.startswith(o)), ("bottom", None))
    text = str(notice["text"]).strip()
    if not NOTICE_OPENING.match(text):
        text = (label or labelled_kind(str(notice.get("kind", "")))) + text
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if where == "after-headline" and not text.startswith("("):
        where = "top"
    new = {"after-headline": [headline, *lines, *body], "top": [headline, *lines, *body],
           "bottom": [headline, *body, *lines]}[where]
    return "\n".join([headline, *body]), "\n".join(new)


# -- running versioner --------------------------------------------------------

def find_versioner() -> str | None:
    beside = Path(sys.executable).parent / "versioner"
    return str(beside) if beside.is_file() else shutil.which("versioner")


@dataclass
class Runner:
    exe: str
    store: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        res = subprocess.run([self.exe, "--store", str(self.store), *args], capture_output=True,
                             text=True, timeout=600)
        if res.returncode not in (0, 1):
            raise RuntimeError(f"versioner {' '.join(args)}: {res.stderr.strip()}")
        return res

    def json(self, *args: str) -> Any:
        return json.loads(self.run(*args, "--format", "json").stdout)


def parallel(fn: Callable[[Any], Any], items: Sequence[Any], jobs: int) -> list[Any]:
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(fn, items))


def second(at: str) -> datetime:
    return datetime.fromisoformat(at.replace("Z", "+00:00")).replace(microsecond=0)


def refs_by_index(revisions: Sequence[dict[str, Any]], audited: Sequence[dict[str, Any]]) -> list[str | None]:
    """The stored revision holding each chain revision's text: the latest stored
    at or before its capture (a text equal to the one before it is not stored)."""
    stored = sorted(((second(r["captured_at"]), r["ref"]) for r in audited), key=lambda x: x[0])
    out: list[str | None] = []
    for rev in revisions:
        at = second(rev["captured_at"])
        out.append(next((ref for t, ref in reversed(stored) if t <= at), None))
    return out


# -- collecting results -------------------------------------------------------

@dataclass
class Pair:
    pair_id: str
    article: str
    outlet: str
    split: str
    label: dict[str, Any]
    ref: str
    got: str
    reasons: list[str] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class NoticeResult:
    index: int
    split: str
    outlet: str
    kind: str
    text: str
    claims: list[dict[str, Any]]
    in_show: bool
    read: dict[str, Any] | None


@dataclass
class Paragraphs:
    split: str
    ref: str
    notice_parts: list[str]
    known: list[str]


def build_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def run_chains(runner: Runner, chains: Sequence[dict[str, Any]], tmp: Path,
               jobs: int) -> tuple[list[Pair], list[Paragraphs]]:
    # each revision with the address it was read from, as a watcher has it (a live page is
    # known by it); the key stays the hashed one
    build_jsonl(tmp / "chains.jsonl", ({"article": article_key(c["article"]), "captured_at": r["captured_at"],
                                         "text": r["text"], "url": c["article"]}
                                        for c in chains for r in c["revisions"]))
    runner.run("import", str(tmp / "chains.jsonl"))
    audit = {a["article"]: a["revisions"] for a in runner.json("audit")["articles"]}
    pairs: list[Pair] = []
    paragraphs: list[Paragraphs] = []
    for chain in chains:
        key, split = article_key(chain["article"]), split_of(chain["article"])
        audited = audit.get(key, [])
        by_ref = {r["ref"]: r for r in audited}
        refs = refs_by_index(chain["revisions"], audited)
        known = [ln.strip() for lab in chain["labels"] for ln in (lab.get("notice") or "").splitlines() if ln.strip()]
        paragraphs += [Paragraphs(split, r["ref"], [], known) for r in audited]
        for lab in chain["labels"]:
            old, new = refs[lab["pair"][0]], refs[lab["pair"][1]]
            same = old == new or new is None
            got = "unchanged" if same else by_ref[new]["verdict"]
            pairs.append(Pair(lab["pair_id"], chain["article"], outlet_of(chain), split, lab,
                              f"{old}..{new}", got, [] if same else by_ref[new]["reasons"]))

    def diff(p: Pair) -> list[dict[str, Any]]:
        old, new = p.ref.split("..")
        return [] if p.got == "unchanged" else runner.json("diff", old, new)["flags"]

    def notice_parts(para: Paragraphs) -> list[str]:
        return [x["text"] for x in runner.json("show", para.ref)["parts"] if x["section"] == "notice"]

    for p, flags in zip(pairs, parallel(diff, pairs, jobs)):
        p.flags = flags
    for para, parts in zip(paragraphs, parallel(notice_parts, paragraphs, jobs)):
        para.notice_parts = parts
    return pairs, paragraphs


def run_notices(runner: Runner, notices: Sequence[dict[str, Any]], tmp: Path, jobs: int) -> list[NoticeResult]:
    rows = []
    for i, n in enumerate(notices):
        old, new = place_notice(n, i)
        rows += [{"article": f"notice-{i}", "captured_at": "2026-01-01T10:00:00Z", "text": old},
                 {"article": f"notice-{i}", "captured_at": "2026-01-01T12:00:00Z", "text": new}]
    build_jsonl(tmp / "notices.jsonl", rows)
    runner.run("import", str(tmp / "notices.jsonl"))
    read: dict[str, dict[str, Any] | None] = {}
    for a in runner.json("audit")["articles"]:
        last = a["revisions"][-1]
        read[a["article"]] = last.get("notice") if len(a["revisions"]) > 1 else None
        for extra in last.get("notices", []):  # several read: the one with the most words of ours wins later
            read[a["article"] + "#" + str(len(read))] = extra

    def parts(i: int) -> list[str]:
        return [x["text"] for x in runner.json("show", f"notice-{i}@2")["parts"] if x["section"] == "notice"]

    shown = parallel(parts, range(len(notices)), jobs)
    out = []
    for i, n in enumerate(notices):
        text = str(n["text"])
        cands = [v for k, v in read.items() if v and (k == f"notice-{i}" or k.startswith(f"notice-{i}#"))]
        best = max(cands, key=lambda v: overlap(text, v["text"]), default=None)
        best = best if best and overlap(text, best["text"]) >= 0.6 else None
        out.append(NoticeResult(i, split_of(text), str(n.get("outlet", "")), str(n.get("kind", "")), text,
                                list(n.get("claims") or []),
                                overlap(text, " ".join(shown[i])) >= 0.6, best))
    return out


# -- scoring ------------------------------------------------------------------

def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def overlap(text: str, found: str) -> float:
    """Share of the words of ``text`` that ``found`` holds."""
    want, have = words(text), set(words(found))
    return sum(w in have for w in want) / len(want) if want else 0.0


def norm(value: Any) -> str:
    s = str(value).casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    s = re.sub(r"(?<=\d),(?=\d{3})", "", s)
    s = re.sub(r"[\"'$€£.,;:!?()\[\]]", " ", s)
    return " ".join(s.split())


def numbers(value: Any) -> set[float]:
    return {float(x) for x in re.findall(r"\d+(?:\.\d+)?", re.sub(r"(?<=\d),(?=\d{3})", "", str(value)))}


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def in_split(items: Iterable[Any], split: str) -> list[Any]:
    return [x for x in items if split == "all" or x.split == split]


def expected_kinds(kind: str) -> set[str]:
    k = kind.lower()
    return set().union(*(acc for word, acc in KIND_ACCEPT if word in k))


def expected_section(part: str) -> str | None:
    p = (part or "").lower()
    return next((sec for word, sec in PART_SECTIONS if word in p), None)


def thing_families(thing: str) -> set[str]:
    t = (thing or "").lower()
    fams = {fam for fam, cues in THING_FAMILIES if any(c in t for c in cues)}
    return fams | ({"figure"} if "date" in fams else set())


def claim_aspects(claim: dict[str, Any], read: dict[str, Any] | None, text: str) -> dict[str, bool]:
    """Each aspect of one labelled claim that can be scored: right or not. Values
    count only when the notice's own ``text`` states them (labels may paraphrase)."""
    got_claims = (read or {}).get("claims", [])
    got_targets = (read or {}).get("targets", [])
    out: dict[str, bool] = {}
    if sec := expected_section(str(claim.get("part") or "")):
        sections = {c.get("section") for c in got_claims} | {t.get("section") for t in got_targets}
        out["part"] = sec in sections or (sec == "body" and "any" in sections)
    if fams := thing_families(str(claim.get("thing") or "")):
        said = " ".join(str(t.get(k, "")) for t in got_targets for k in ("subject", "detail"))
        said += " " + " ".join(str(c.get("action", "")) for c in got_claims)
        out["thing"] = bool(read) and any(re.search(THING_CUES[f], said.lower()) for f in fams)
    sides = [(s, claim.get(s)) for s in ("old", "new") if claim.get(s) and norm(claim[s]) in norm(text)]
    if sides:
        out["values"] = bool(read) and all(
            any(value_agrees(v, c.get(f"{s}_value")) for c in got_claims) for s, v in sides)
    return out


def value_agrees(want: Any, got: Any) -> bool:
    if not got:
        return False
    a, b = norm(want), norm(got)
    return bool(a and b) and (a in b or b in a)


def kind_right(r: NoticeResult) -> bool:
    return r.read is not None and r.read["kind"] in expected_kinds(r.kind)


def score_notices(results: Sequence[NoticeResult]) -> dict[str, Any]:
    n = len(results)
    detected = [r for r in results if r.in_show or r.read]
    kinded = [r for r in results if expected_kinds(r.kind)]
    aspects = [claim_aspects(c, r.read, r.text) for r in results for c in r.claims]
    aspects = [a for a in aspects if a]
    per = {k: [a[k] for a in aspects if k in a] for k in ("part", "thing", "values")}
    return {
        "n": n,
        "detected": ratio(len(detected), n),
        "labelled_by_show": ratio(sum(r.in_show for r in results), n),
        "read_by_audit": ratio(sum(r.read is not None for r in results), n),
        "kind_right": ratio(sum(kind_right(r) for r in kinded), len(kinded)),
        "kind_scored": len(kinded),
        "claims_right": ratio(sum(all(a.values()) for a in aspects), len(aspects)),
        "claims_scored": len(aspects),
        **{f"{k}_right": ratio(sum(v), len(v)) for k, v in per.items()},
    }


def is_known_notice(part: str, known: Sequence[str]) -> bool:
    p = norm(part)
    return bool(README_NOTICE.match(part)) or any(k and (k in p or p in k) for k in map(norm, known))


def score_paragraphs(paras: Sequence[Paragraphs]) -> dict[str, Any]:
    false = [(p.ref, t) for p in paras for t in p.notice_parts if not is_known_notice(t, p.known)]
    return {"revisions": len(paras), "notice_parts": sum(len(p.notice_parts) for p in paras),
            "false_notices": len(false), "false_refs": [r for r, _ in false]}


def expected(p: Pair) -> str:
    """The verdict the label asks for: a ``stealth`` pair the labels' second read calls
    ``added`` (material only added or reworded) is the audit's ``update`` verdict."""
    lab = p.label["verdict"]
    return "update" if lab == "stealth" and p.label.get("stealth_kind") == "added" else lab


def altered_flagged(p: Pair) -> bool:
    own = p.label["verdict"] if p.label["verdict"] in ("undisclosed", "late") else "stealth"
    return p.got == own


def score_verdicts(pairs: Sequence[Pair]) -> dict[str, Any]:
    certain = [p for p in pairs if not p.label.get("uncertain")]
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pairs:
        confusion[expected(p)][p.got] += 1
    altered = [p for p in pairs if p.label.get("stealth_kind") == "altered"]
    quiet = [p for p in pairs if p.label["verdict"] == "minor" or p.label.get("stealth_kind") == "added"]
    outlets: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        outlets[p.outlet].append(p)
    return {
        "n": len(pairs),
        "accuracy": ratio(sum(p.got == expected(p) for p in pairs), len(pairs)),
        "accuracy_certain": ratio(sum(p.got == expected(p) for p in certain), len(certain)),
        "n_certain": len(certain),
        "recall": {v: ratio(confusion[v][v], sum(confusion[v].values())) for v in VERDICTS if confusion[v]},
        "consistent_judged_consistent": ratio(confusion["consistent"]["consistent"],
                                              sum(confusion["consistent"].values())),
        "altered_called_stealth": ratio(sum(map(altered_flagged, altered)), len(altered)),
        "n_altered": len(altered),
        "minor_or_added_called_stealth": ratio(sum(p.got == "stealth" for p in quiet), len(quiet)),
        "n_minor_or_added": len(quiet),
        "confusion": {k: dict(v) for k, v in sorted(confusion.items())},
        "outlets": {o: {"n": len(ps), "accuracy": ratio(sum(p.got == expected(p) for p in ps), len(ps))}
                    for o, ps in sorted(outlets.items())},
    }


def label_has(p: Pair, kind: str) -> bool:
    return kind in p.label.get("substantive", []) or (kind == "paragraph-moved" and kind in p.label.get("cosmetic", []))


def got_has(p: Pair, kind: str) -> bool:
    if kind == "headline":  # the headline line changed, in a pair found substantive
        return any(f["section"] == "headline" or f["type"] == "headline" for f in p.flags) \
            and any(f["severity"] in SUBSTANTIVE for f in p.flags)
    # a headline change is one flag: the facts changed inside it are its typed ``facts``
    return any(f["type"] == kind or kind in f.get("facts", ()) for f in p.flags)


def side_agrees(want: Any, value: Any, text: Any) -> bool:
    if want is None:
        return value is None and not text
    if value is None and not text:
        return False
    nums = numbers(want)
    if nums:
        return bool(nums & (numbers(value if value is not None else "") | numbers(text or "")))
    return value_agrees(want, text)


def figure_matches(p: Pair) -> tuple[int, int, int]:
    """(matched, labelled figures, figure flags) of one pair, matched one to one."""
    flags = [f for f in p.flags if f["type"] == "figure"]
    free = list(range(len(flags)))
    matched = 0
    for old, new in p.label.get("figures", []):
        hit = next((i for i in free if side_agrees(old, flags[i].get("old_value"), flags[i].get("old"))
                    and side_agrees(new, flags[i].get("new_value"), flags[i].get("new"))), None)
        if hit is not None:
            free.remove(hit)
            matched += 1
    return matched, len(p.label.get("figures", [])), len(flags)


SAME_BOTH_SIDES = re.compile(r"(?:^|[:;,]\s*)(?P<a>[^:;,>]+?)\s*(?:->|→)\s*(?P=a)(?:\s*\(|\s*$|[;,.])")


def same_both_sides(f: dict[str, Any]) -> bool:
    """Old and new the same (a move's are, rightly), or a reason "A -> A"."""
    if f["type"] in ("paragraph-moved", "moved"):
        return False  # a move's old and new are the same words, rightly
    old, new = (f.get("old") or "").strip(), (f.get("new") or "").strip()
    values = f.get("old_value"), f.get("new_value")
    return bool(old and old == new) or (values[0] is not None and values[0] == values[1]) \
        or bool(SAME_BOTH_SIDES.search(f.get("reason") or ""))


def prf(pairs: Sequence[Pair], want: Callable[[Pair], bool], got: Callable[[Pair], bool]) -> dict[str, Any]:
    tp = sum(want(p) and got(p) for p in pairs)
    n_want, n_got = sum(map(want, pairs)), sum(map(got, pairs))
    return {"precision": ratio(tp, n_got), "recall": ratio(tp, n_want), "labelled": n_want, "flagged": n_got}


def score_flags(pairs: Sequence[Pair]) -> dict[str, Any]:
    types = {t: prf(pairs, partial(label_has, kind=t), partial(got_has, kind=t))
             for t in (*FLAG_TARGET_TYPES, *FLAG_OTHER_TYPES)}
    subst = prf(pairs, lambda p: bool(p.label.get("substantive")),
                lambda p: any(f["severity"] in SUBSTANTIVE for f in p.flags))
    fig = [figure_matches(p) for p in pairs]
    matched, labelled, flagged = (sum(x[i] for x in fig) for i in range(3))
    same = [{"pair": p.pair_id, "ref": p.ref, "type": f["type"], "reason": f.get("reason")}
            for p in pairs for f in p.flags if same_both_sides(f)]
    return {"types": types, "substantive": subst,
            "figure_values": {"precision": ratio(matched, flagged), "recall": ratio(matched, labelled),
                              "labelled": labelled, "flagged": flagged},
            "same_both_sides": same}


# -- targets and the report ---------------------------------------------------

# (label, path into the figures, ">=" or "<=" or "==", target, issue)
TARGETS: tuple[tuple[str, tuple[str, ...], str, float, str], ...] = (
    ("notices detected", ("notices", "detected"), ">=", 0.98, "15"),
    ("notice kind right", ("notices", "kind_right"), ">=", 0.95, "15"),
    ("notice claims right (part, thing, values)", ("notices", "claims_right"), ">=", 0.85, "15"),
    ("false notices on ordinary paragraphs", ("paragraphs", "false_notices"), "==", 0, "15"),
    ("verdicts right, certain labels", ("verdicts", "accuracy_certain"), ">=", 0.90, "15"),
    ("verdicts right, all labels", ("verdicts", "accuracy"), ">=", 0.85, "15"),
    ("consistent judged consistent", ("verdicts", "consistent_judged_consistent"), ">=", 0.90, "15"),
    ("altered called stealth", ("verdicts", "altered_called_stealth"), ">=", 0.90, "15"),
    ("minor/added called stealth", ("verdicts", "minor_or_added_called_stealth"), "<", 0.05, "15"),
    *((f"{t} flags {m}", ("flags", "types", t, m), ">=", 0.9 if m == "precision" else 0.85, "16")
      for t in FLAG_TARGET_TYPES for m in ("precision", "recall")),
    ("substantive precision", ("flags", "substantive", "precision"), ">=", 0.85, "16"),
    ("substantive recall", ("flags", "substantive", "recall"), ">=", 0.85, "16"),
    ("X -> X reasons", ("flags", "n_same_both_sides"), "==", 0, "16"),
)


def lookup(figures: dict[str, Any], path: Sequence[str]) -> Any:
    for k in path:
        figures = figures.get(k) if isinstance(figures, dict) else None  # type: ignore[assignment]
    return figures


def meets(value: Any, op: str, target: float) -> bool | None:
    if value is None:
        return None
    return {">=": value >= target, "<": value < target, "==": value == target}[op]


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def score(pairs: Sequence[Pair], paras: Sequence[Paragraphs], notices: Sequence[NoticeResult],
          split: str) -> dict[str, Any]:
    flags = score_flags(in_split(pairs, split))
    flags["n_same_both_sides"] = len(flags["same_both_sides"])
    return {"notices": score_notices(in_split(notices, split)),
            "paragraphs": score_paragraphs(in_split(paras, split)),
            "verdicts": score_verdicts(in_split(pairs, split)), "flags": flags}


def table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    return [f"| {' | '.join(head)} |", "|" + "---|" * len(head), *(f"| {' | '.join(r)} |" for r in rows)]


def report_text(figs: dict[str, dict[str, Any]]) -> str:
    """Markdown: the targets, then the detail, one column per split."""
    splits = list(figs)
    out = ["## Targets (issues 15 and 16)", "",
           "`tune` is the part to tune on, `report` the held-out part; `all` is both.", ""]
    rows = []
    for label, path, op, target, issue in TARGETS:
        cells = []
        for s in splits:
            v = lookup(figs[s], path)
            ok = meets(v, op, target)
            cells.append(f"{fmt(v)} {'met' if ok else 'missed' if ok is False else ''}".strip())
        rows.append([label, f"{op} {fmt(target)}", *cells, issue])
    out += table(["figure", "target", *splits, "issue"], rows)
    out += ["", "## Notices", ""]
    keys = ("n", "detected", "labelled_by_show", "read_by_audit", "kind_right", "kind_scored", "claims_right",
            "claims_scored", "part_right", "thing_right", "values_right")
    out += table(["", *splits], ([k, *(fmt(figs[s]["notices"][k]) for s in splits)] for k in keys))
    out += table(["", *splits], ([k, *(fmt(figs[s]["paragraphs"][k]) for s in splits)]
                                 for k in ("revisions", "notice_parts", "false_notices")))[2:]
    out += ["", "## Verdicts", ""]
    vk = ("n", "accuracy", "n_certain", "accuracy_certain", "consistent_judged_consistent",
          "n_altered", "altered_called_stealth", "n_minor_or_added", "minor_or_added_called_stealth")
    out += table(["", *splits], ([k, *(fmt(figs[s]["verdicts"][k]) for s in splits)] for k in vk))
    out += table(["", *splits], ([f"recall {v}", *(fmt(figs[s]["verdicts"]["recall"].get(v)) for s in splits)]
                                 for v in VERDICTS))[2:]
    for s in splits:
        conf = figs[s]["verdicts"]["confusion"]
        got = sorted({g for row in conf.values() for g in row})
        out += ["", f"Confusion ({s}): label (rows) x got (columns)", ""]
        out += table(["label", *got], ([lab, *(str(conf[lab].get(g, 0)) for g in got)] for lab in conf))
    outlets = sorted({o for s in splits for o in figs[s]["verdicts"]["outlets"]})
    out += ["", "Verdict accuracy per outlet (pairs)", ""]
    out += table(["outlet", *splits], ([o, *(_outlet_cell(figs[s], o) for s in splits)] for o in outlets))
    out += ["", "## Flags (pairs with the type labelled / flagged: precision, recall)", ""]
    ftypes = (*FLAG_TARGET_TYPES, *FLAG_OTHER_TYPES)
    out += table(["type", *splits], ([t, *(_prf_cell(figs[s]["flags"]["types"][t]) for s in splits)]
                                     for t in ftypes))
    out += table(["", *splits], [["substantive", *(_prf_cell(figs[s]["flags"]["substantive"]) for s in splits)],
                                 ["figure values", *(_prf_cell(figs[s]["flags"]["figure_values"])
                                                     for s in splits)]])[2:]
    same = figs[splits[-1]]["flags"]["same_both_sides"]
    out += ["", f"## Flags naming the same thing on both sides ({splits[-1]}): {len(same)}", ""]
    out += [f"- {x['pair']} {x['ref']} {x['type']}: {x['reason']}" for x in same]
    return "\n".join(out) + "\n"


def _outlet_cell(fig: dict[str, Any], outlet: str) -> str:
    o = fig["verdicts"]["outlets"].get(outlet)
    return f"{fmt(o['accuracy'])} ({o['n']})" if o else "-"


def _prf_cell(d: dict[str, Any]) -> str:
    return f"P {fmt(d['precision'])} R {fmt(d['recall'])} ({d['labelled']}/{d['flagged']})"


# -- failures -----------------------------------------------------------------

def telling(p: Pair) -> int:
    """How telling a wrong verdict is: certain labels first, then the worst confusions."""
    lab = expected(p)
    weight = 0 if p.label.get("uncertain") else 4
    if p.label.get("stealth_kind") == "altered" and p.got in ("minor", "consistent", "unchanged"):
        weight += 3
    if lab in ("consistent", "minor") and p.got in ("stealth", "mismatch", "undisclosed"):
        weight += 2
    return weight + (lab == "consistent")


def failures(pairs: Sequence[Pair], notices: Sequence[NoticeResult], n: int) -> list[dict[str, Any]]:
    wrong = sorted((p for p in pairs if p.got != expected(p)), key=telling, reverse=True)
    out: list[dict[str, Any]] = [
        {"what": "notice not detected", "split": r.split, "notice": r.index, "outlet": r.outlet, "kind": r.kind}
        for r in notices if not (r.in_show or r.read)]
    out += [{"what": "notice kind", "split": r.split, "notice": r.index, "outlet": r.outlet, "label": r.kind,
             "got": r.read["kind"]} for r in notices
            if r.read and expected_kinds(r.kind) and r.read["kind"] not in expected_kinds(r.kind)]
    mixed = [{"what": "verdict", "split": p.split, "pair": p.pair_id, "ref": p.ref, "outlet": p.outlet,
              "label": expected(p), "uncertain": bool(p.label.get("uncertain")),
              "stealth_kind": p.label.get("stealth_kind"), "got": p.got, "reasons": p.reasons} for p in wrong]
    # interleave: verdicts are the larger and weightier list
    picked = mixed[: n - min(len(out), n // 3)]
    return (picked + out[: n - len(picked)])[:n]


def flag_failures(pairs: Sequence[Pair], n: int) -> list[dict[str, Any]]:
    """Up to ``n`` pairs a target flag type gets wrong, per type: a flag the label does not
    have (``flag raised``, with the reasons of that type) or a labelled type with no flag
    (``flag missed``, with every reason the pair got). Certain labels first."""
    out: list[dict[str, Any]] = []
    for kind in FLAG_TARGET_TYPES:
        wrong = [p for p in pairs if label_has(p, kind) != got_has(p, kind)]
        wrong.sort(key=lambda p: (bool(p.label.get("uncertain")), p.pair_id))
        for p in wrong[:n]:
            raised = got_has(p, kind)
            mine = [f for f in p.flags if f["type"] == kind or kind in f.get("facts", ())
                    or (kind == "headline" and f["section"] == "headline")] if raised else p.flags
            out.append({"what": f"{kind} flag {'raised' if raised else 'missed'}", "split": p.split,
                        "pair": p.pair_id, "ref": p.ref, "outlet": p.outlet,
                        "uncertain": bool(p.label.get("uncertain")),
                        "reasons": [f"{f['type']} {f['severity']}: {f.get('reason') or ''}" for f in mine]})
    return out


# -- main ---------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="folder with chains.jsonl and notices.jsonl")
    ap.add_argument("--split", choices=SPLITS, help="only this split (default: all three)")
    ap.add_argument("--json", action="store_true", help="JSON on stdout")
    ap.add_argument("--failures", type=int, default=0, metavar="N", help="list the N most telling failures")
    ap.add_argument("--flag-failures", type=int, default=0, metavar="N",
                    help="list up to N pairs each target flag type gets wrong (raised or missed)")
    ap.add_argument("--jobs", type=int, default=2, help="versioner processes at a time (default 2)")
    args = ap.parse_args(argv)
    data = find_data(args.data)
    if data is None:
        print("realdata: no chains.jsonl/notices.jsonl found (--data, VERSIONER_REALDATA or ../shared/realdata);"
              " nothing scored")
        return 0
    exe = find_versioner()
    if exe is None:
        print("realdata: versioner is not installed (make setup)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    chains, notices = load_jsonl(data / "chains.jsonl"), load_jsonl(data / "notices.jsonl")
    with tempfile.TemporaryDirectory(prefix="realdata-") as tmp:
        t = Path(tmp)
        pairs, paras = run_chains(Runner(exe, t / "chains.db"), chains, t, args.jobs)
        read = run_notices(Runner(exe, t / "notices.db"), notices, t, args.jobs)
    splits = [args.split] if args.split else list(SPLITS)
    figs = {s: score(pairs, paras, read, s) for s in splits}
    elapsed = time.perf_counter() - start
    fails = failures(in_split(pairs, splits[0] if args.split else "all"),
                     in_split(read, splits[0] if args.split else "all"), args.failures)
    fails += flag_failures(in_split(pairs, splits[0] if args.split else "all"), args.flag_failures)
    if args.json:
        print(json.dumps({"data": str(data), "versioner": exe, "seconds": round(elapsed, 1),
                          "figures": figs, "failures": fails}, indent=1, ensure_ascii=False))
        return 0
    sys.stdout.write(f"# versioner on real copy ({data}; {exe})\n\n" + report_text(figs))
    if fails:
        print(f"\n## The {len(fails)} most telling failures (verdicts and notices, then flags)\n")
        for f in fails:
            print("- " + "; ".join(f"{k}: {v}" for k, v in f.items() if k != "reasons")
                  + ("".join(f"\n    - {r}" for r in f.get("reasons", []))))
    print(f"\nrun time {elapsed:.1f} s ({args.jobs} versioner processes at a time)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
