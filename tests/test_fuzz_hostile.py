"""Properties over hostile text: the store gives back what it took, the diff
rebuilds both sides, the CLI never crashes and never lets a raw control out.

Guards: storage byte for byte (``Store.add``/``latest``, ``verify``), the word
diff and paragraph alignment (``diff.compare``), and the CLI's escaping on
arbitrary input. Text is any Unicode but lone surrogates, with controls,
CRLF, lone CR, bidi and zero-width characters and markup drawn often.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from versioner.cli import app
from versioner.diff import compare, new_text, old_text
from versioner.parse import normalise, parse
from versioner.store import NewRevision, Store

FRAGMENTS = st.sampled_from(
    ["\r\n", "\r", "\n", "\n\n", "\t", " ", "\x00", "\x1b[31m", "\x1b]0;pwned\x07", "\x9b", "\x85", "\x7f",
     "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\u0301", "e\u0301", "[bold]", "<script>", "“", "”",
     "145", "militants", "not", "Quetta", "(Corrects headline)", "By Jane Roe", "\U0001f600", "\U000e0041"])
TEXT = st.lists(st.one_of(st.text(st.characters(blacklist_categories=["Cs"]), max_size=20), FRAGMENTS),
                max_size=40).map("".join)
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


@pytest.mark.slow
@settings(derandomize=True, max_examples=200, deadline=None)
@given(TEXT)
def test_hostile_text_is_stored_and_read_back_byte_for_byte(raw: str) -> None:
    text = normalise(raw)
    assume(text.strip())
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "v.db"
        with Store.open(path, create=True) as s:
            s.add(NewRevision(text, article="k\u202e[b]", captured_at="2026-01-01T00:00:00Z"))
        with Store.open(path) as s:
            rev = s.latest("k\u202e[b]")
            assert s.verify() == (1, [])
    assert rev.text.encode("utf-8") == text.encode("utf-8")
    assert rev.sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert rev.parts().text() == text


@settings(derandomize=True, max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_any_two_hostile_revisions_compare_into_changes_that_rebuild_them(a: str, b: str) -> None:
    old, new = parse(normalise(a)), parse(normalise(b))
    result = compare(old, new)
    for c in result.changes:
        if c.ops:
            assert old_text(c.ops) == c.old and new_text(c.ops) == c.new
    kept = {p.new[0] for p in result.pairings if p.kind == "kept"}
    assert sorted(j for p in result.pairings for j in p.new) == list(range(len(new.paragraphs)))
    assert all(old.paragraphs[p.old[0]] == new.paragraphs[p.new[0]] for p in result.pairings
               if p.kind == "kept" and p.new[0] in kept)


@pytest.mark.slow
@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(TEXT, TEXT)
def test_the_cli_never_crashes_and_never_prints_a_raw_control(a: str, b: str) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as d:
        store = str(Path(d) / "v.db")
        codes, refs = [], []
        for i, t in enumerate((a, b)):
            r = runner.invoke(app, ["--store", store, "add", "-", "--article", "k", "--at", f"2026-01-0{i + 1}"],
                              input=t.encode("utf-8"), catch_exceptions=False)
            codes.append(r.exit_code)
            refs.append(r.stdout)
            assert r.exit_code in (0, 2)
            assert not _RAW.search(r.stdout_bytes.decode() + r.stderr_bytes.decode())
        if codes != [0, 0] or refs[1] != "k@2\n":
            event("refused, or the same text twice")
            return  # nothing to compare
        event("both stored, then diffed, shown and logged")
        for args in (["diff", "k@1", "k@2"], ["diff", "k@1", "k@2", "-f", "json"], ["show", "k"], ["log", "k"]):
            r = runner.invoke(app, ["--store", store, *args], catch_exceptions=False)
            assert r.exit_code in (0, 1), (args, r.stderr)
            out = r.stdout_bytes.decode("utf-8")
            assert not _RAW.search(out), (args, out)
            if "json" in args:
                json.loads(out)
