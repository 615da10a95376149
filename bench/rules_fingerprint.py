"""The outputs of the rules, fingerprinted: what ``compare_pair`` finds (the pair's
changes and flags, in the JSON the pair cache stores) on the labelled set and a
fixed generated corpus, as one sha256, beside the rule versions that made it.

    python bench/rules_fingerprint.py          # print the fingerprint of this code
    python bench/rules_fingerprint.py --write  # regenerate tests/rules_fingerprint.json (`make fingerprint`)

tests/test_rules_version.py compares the code with the committed file: outputs
that changed while no RULES_VERSION did would serve stale cached pairs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from versioner.parse import Parts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FINGERPRINT = ROOT / "tests" / "rules_fingerprint.json"
sys.path.insert(0, str(HERE))

SEED = 20261207
SIZE = 3000  # bytes an article: a dozen paragraphs
PER_EDIT = 300  # pairs of each of the corpus's edit types


def labelled_pairs() -> Iterator[tuple[str, str, str]]:
    """(name, old text, new text): the pairs of flags.jsonl and consecutive revisions of audit.jsonl."""
    labelled = ROOT / "tests" / "labelled"
    for case in _jsonl(labelled / "flags.jsonl"):
        yield f"flags/{case['id']}", case["old"], case["new"]
    for case in _jsonl(labelled / "audit.jsonl"):
        texts = [rev["text"] for rev in case["revisions"]]
        for n, (old, new) in enumerate(zip(texts, texts[1:]), start=1):
            yield f"audit/{case['id']}/{n}", old, new


def corpus_pairs() -> Iterator[tuple[str, str, str]]:
    """(name, old text, new text): PER_EDIT generated pairs of each edit type, from a fixed seed."""
    from corpus import EDITS, pairs

    for edit in EDITS:
        for n, (old, new) in enumerate(pairs(SIZE, edit, PER_EDIT, seed=SEED)):
            yield f"corpus/{edit}/{n}", old, new


def _jsonl(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        yield from (json.loads(line) for line in fh if line.strip())


def fingerprint() -> dict[str, object]:
    """The rule versions of this code and the sha256 of its outputs on every pair."""
    from versioner.model import Revision
    from versioner.parse import normalise
    from versioner.pipeline import compare_pair, pair_to_json, rule_versions, rules_version

    def parts(text: str) -> Parts:
        # as a stored revision gives them: parsed to spans when stored, rebuilt when read
        return Revision.from_text("a", 1, "2026-01-01T00:00:00Z", normalise(text)).parts()

    digest, count = hashlib.sha256(), 0
    for source in (labelled_pairs(), corpus_pairs()):
        for name, old, new in source:
            changes, flags = pair_to_json(compare_pair(parts(old), parts(new)))
            digest.update(f"{name}\t{changes}\t{flags}\n".encode())
            count += 1
    return {"rules_version": rules_version(), "versions": rule_versions(), "pairs": count,
            "outputs_sha256": digest.hexdigest()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help=f"write {FINGERPRINT.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    text = json.dumps(fingerprint(), indent=2) + "\n"
    if args.write:
        FINGERPRINT.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
