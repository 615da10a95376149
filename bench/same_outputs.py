"""Same outputs before and after a refactor: every JSON document (and the Markdown
and HTML views of diff and audit) of a fixed store, as sha256 digests.

    python bench/same_outputs.py --save before.json     # on the code before the change
    python bench/same_outputs.py --compare before.json  # after: exit 1 if any document differs
    python bench/same_outputs.py --quick --save q.json  # fewer generated articles (compare with --quick)

The store holds, imported in one call: revision chains from corpus.py (a fixed
seed; 2 to 5 revisions an article, the corpus's edit types, half of the
corrections with a notice), the `seeds/` folder, the chains of
`tests/labelled/audit.jsonl` and the pairs of `tests/labelled/flags.jsonl`.
Capture times are fixed and the files are read from a temporary folder under
fixed relative names, so two runs of the same code give the same documents.
The commands run in this process (typer's CliRunner): `diff --format
json|markdown|html` for every consecutive pair, `audit --format json|markdown|html`
per article, `audit --format json` over the whole store, `log --format json` per
article, `list --format json`, `show --format json` per revision.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

SEED = 20261207
PER_ARTICLE = (2, 3, 4, 5)
INPUT = "input chains.jsonl"


def _corpus(articles: int) -> Iterator[dict[str, str]]:
    """Generated chains: a quarter of the articles at each chain length."""
    from corpus import revision_chains

    for per in PER_ARTICLE:
        for rec in revision_chains(max(1, articles // len(PER_ARTICLE)), per, seed=SEED + per):
            yield {**rec, "article": f"c{per}-{rec['article']}"}


def _labelled() -> Iterator[dict[str, str]]:
    labelled = ROOT / "tests" / "labelled"
    with open(labelled / "audit.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                case = json.loads(line)
                for rev in case["revisions"]:
                    yield {"article": f"audit-{case['id']}", "captured_at": rev["captured_at"], "text": rev["text"]}
    with open(labelled / "flags.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                case = json.loads(line)
                key = f"flags-{case['id']}"
                yield {"article": key, "captured_at": "2026-02-01T08:00:00Z", "text": case["old"]}
                yield {"article": key, "captured_at": "2026-02-01T09:00:00Z", "text": case["new"]}


class Runner:
    """The CLI in this process, against one store; each document's digest kept by name."""

    def __init__(self, store: str) -> None:
        from typer.testing import CliRunner

        from versioner.cli import app

        self.app = app
        self.store = store
        self.runner = CliRunner(env={"VERSIONER_ALLOW_FUTURE": "1", "COLUMNS": "100", "NO_COLOR": None})
        self.digests: dict[str, str] = {}
        self.failed: list[str] = []

    def out(self, *args: str) -> bytes:
        res = self.runner.invoke(self.app, ["--store", self.store, *args])
        if res.exit_code not in (0, 1) or res.exception and not isinstance(res.exception, SystemExit):
            # a failure is a document too: it differs from a success
            self.failed.append(" ".join(args))
            return f"exit {res.exit_code}: {res.exception!r}\n".encode() + res.stdout_bytes
        return res.stdout_bytes

    def keep(self, name: str, *args: str) -> bytes:
        doc = self.out(*args)
        self.digests[name] = hashlib.sha256(doc).hexdigest()
        return doc


def _build(folder: Path, articles: int) -> Runner:
    with open(folder / "chains.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for rec in (*_corpus(articles), *_labelled()):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    run = Runner("store.db")
    # the input is a document too: runs compare only over the same input
    run.digests[INPUT] = hashlib.sha256((folder / "chains.jsonl").read_bytes()).hexdigest()
    for source in ("chains.jsonl", "seeds"):
        res = run.runner.invoke(run.app, ["--store", run.store, "import", source])
        if res.exit_code != 0:
            raise SystemExit(f"import {source} failed ({res.exit_code}): {res.output}{res.exception!r}")
    return run


def documents(articles: int) -> dict[str, str]:
    """Digest of every document, by a name that says which command made it."""
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="same-outputs-") as tmp:
        os.chdir(tmp)  # relative names: the sources stored do not depend on the folder
        try:
            run = _build(Path(tmp), articles)
            listing = json.loads(run.keep("list", "list", "--format", "json"))
            run.keep("audit", "audit", "--format", "json")
            keys = [a["article"] for a in listing["articles"]]
            for i, key in enumerate(keys):
                if i % 50 == 0:
                    print(f"  {i}/{len(keys)} articles", file=sys.stderr)
                _article(run, key)
        finally:
            os.chdir(cwd)
    if run.failed:
        print(f"{len(run.failed)} command(s) failed, e.g. {run.failed[0]}", file=sys.stderr)
    return run.digests


def _article(run: Runner, key: str) -> None:
    timeline = json.loads(run.keep(f"log {key}", "log", key, "--format", "json"))
    count = _revision_count(timeline)
    for fmt in ("json", "markdown", "html"):
        run.keep(f"audit {key} {fmt}", "audit", key, "--format", fmt)
    for n in range(1, count + 1):
        run.keep(f"show {key}@{n}", "show", f"{key}@{n}", "--format", "json")
        if n > 1:
            for fmt in ("json", "markdown", "html"):
                run.keep(f"diff {key}@{n} {fmt}", "diff", f"{key}@{n}", "--format", fmt)


def _revision_count(timeline: dict[str, object]) -> int:
    entries = timeline.get("revisions") or timeline.get("entries") or []
    assert isinstance(entries, list) and entries, f"no revisions in {timeline!r:.200}"
    return len(entries)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", metavar="FILE", help="write {name: sha256} here")
    ap.add_argument("--compare", metavar="FILE", help="compare with digests saved earlier; exit 1 if any differ")
    ap.add_argument("--articles", type=int, default=300, help="generated articles (default 300)")
    ap.add_argument("--quick", action="store_true", help="40 generated articles")
    args = ap.parse_args(argv)
    if not (args.save or args.compare):
        ap.error("give --save FILE or --compare FILE")
    t0 = time.perf_counter()
    digests = documents(40 if args.quick else args.articles)
    print(f"{len(digests)} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.save:
        Path(args.save).write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.compare:
        return _compare(json.loads(Path(args.compare).read_text(encoding="utf-8")), digests)
    return 0


def _compare(before: dict[str, str], after: dict[str, str]) -> int:
    if before.get(INPUT) != after.get(INPUT):
        print("not compared: the two runs imported different chains (--quick or --articles against"
              " a run without it, or corpus.py changed)")
        return 2
    names = sorted(before.keys() & after.keys())
    differ = [n for n in names if before[n] != after[n]]
    missing = before.keys() ^ after.keys()
    print(f"{len(names)} documents compared, {len(differ)} differ")
    for n in differ[:20]:
        print(f"  differs: {n}")
    if missing:
        print(f"  {len(missing)} document(s) in only one of the two runs, e.g. {min(missing)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
