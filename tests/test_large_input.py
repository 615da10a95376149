"""The largest inputs: a 10 MB single line and 100,000 paragraphs, through
`add` and `diff`, in bounded time and bounded output.

Guards: the linear flagging of a long paragraph with edits (``flags``: quote
spans once per text, no prefix copies), the elision of long unchanged runs in
terminal views (``diffview.shown_segments``), and the limits that let such
input in only when raised (``--max-bytes``, ``--max-paragraphs``).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from versioner.diff import Change, Op
from versioner.render.diffview import EQUAL_ENDS, LONG_EQUAL, segments, shown_segments

# "forty" is a figure: a paragraph dense with figures is the slow case for flags
WORDS = ["the", "a", "militants", "killed", "forty", "hours", "fighting", "province", "said", "officials",
         "government", "army", "police"]


def _one_line(rng: random.Random, size: int) -> list[str]:
    words: list[str] = []
    n = 0
    while n < size:
        words.append(rng.choice(WORDS))
        n += len(words[-1]) + 1
    return words


@pytest.mark.slow
def test_a_10_mb_single_line_is_added_and_diffed_in_bounded_time(run: Callable[..., Any],
                                                                 write: Callable[..., Path]) -> None:
    rng = random.Random(10)
    words = _one_line(rng, 10_000_000)
    write("v1.txt", "Headline of a huge story\n\n" + " ".join(words) + "\n")
    # the edits carry terminal escapes and a bidi override too
    words[len(words) // 3], words[2 * len(words) // 3] = "150\x1b]0;pwned\x07", "not\u202e"
    write("v2.txt", "Headline of a huge story\n\n" + " ".join(words) + "\n")
    started = time.monotonic()
    assert run("add", "v1.txt", "--article", "huge").exit_code == 2  # over the default --max-bytes
    for name in ("v1.txt", "v2.txt"):
        result = run("add", name, "--article", "huge", "--max-bytes", 11_000_000)
        assert result.exit_code == 0, result.stderr
    added = time.monotonic() - started
    started = time.monotonic()
    result = run("diff", "huge")
    diffed = time.monotonic() - started
    print(f"\n10 MB single line: add x2 {added:.1f} s, diff {diffed:.1f} s, {len(result.stdout):,} chars out")
    assert result.exit_code == 1
    # both edits shown, each with its neighbourhood, the 10 MB around them elided
    assert "{+150\\x1b]0;pwned\\x07+}" in result.stdout and "{+not<U+202E>+}" in result.stdout
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert result.stdout.count("unchanged characters") == 3
    assert len(result.stdout) < 20_000
    assert added + diffed < 120


@pytest.mark.slow
def test_100000_paragraphs_are_added_and_diffed_in_bounded_time(run: Callable[..., Any],
                                                                write: Callable[..., Path]) -> None:
    paras = [f"Paragraph {i} says the officials counted {i * 7} boats." for i in range(100_000)]
    write("v1.txt", "A story of many paragraphs\n\n" + "\n\n".join(paras) + "\n")
    paras[50_000] = "Paragraph 50000 says the officials did not count 350001 boats."
    del paras[70_000]
    write("v2.txt", "A story of many paragraphs\n\n" + "\n\n".join(paras) + "\n")
    refused = run("add", "v1.txt", "--article", "many", "--max-bytes", 8_000_000)
    assert "100,001 paragraphs is over the limit of 20,000" in refused.stderr  # refused by default
    started = time.monotonic()
    for name in ("v1.txt", "v2.txt"):
        result = run("add", name, "--article", "many", "--max-paragraphs", 100_001, "--max-bytes", 8_000_000)
        assert result.exit_code == 0, result.stderr
    added = time.monotonic() - started
    started = time.monotonic()
    result = run("diff", "many", "--format", "json")
    diffed = time.monotonic() - started
    print(f"\n100,000 paragraphs: add x2 {added:.1f} s, diff {diffed:.1f} s")
    assert result.exit_code == 1
    changes = json.loads(result.stdout)["changes"]
    assert [(c["kind"], c["paragraph"]) for c in changes] == [("replace", 50_001), ("delete", 70_001)]
    assert {f["type"] for f in json.loads(result.stdout)["flags"]} >= {"figure", "negation", "paragraph-removed"}
    assert added + diffed < 120


def test_a_long_paragraph_with_many_edits_is_flagged_in_linear_time() -> None:
    """600 KB of quoted and named prose with 1,500 scattered edits: each edit
    once scanned the whole paragraph for quotes, names and figures (77 s);
    now a window around it (about 2.5 s of CPU: each edit's quotations are
    flattened once, not once per quotation of the paragraph)."""
    from versioner.diff import compare
    from versioner.flags import flag_comparison
    from versioner.parse import normalise, parse

    rng = random.Random(7)
    vocab = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(3, 9))) for _ in range(3000)]
    sentences = []
    for i in range(6000):
        s = " ".join(rng.choice(vocab) for _ in range(12))
        sentences.append(f"“{s},” said Officer {rng.choice(vocab).capitalize()} about {i} cases."
                         if i % 3 == 0 else s.capitalize() + ".")
    old = " ".join(sentences)
    words = old.split(" ")
    for k in rng.sample(range(len(words)), 1500):
        words[k] = rng.choice(["Reinholt", "not", "150", words[k] + "s"])
    comparison = compare(parse(normalise("Head\n\n" + old)), parse(normalise("Head\n\n" + " ".join(words))))
    started = time.monotonic()
    flags = flag_comparison(comparison)
    # a bound against the old quadratic scan (77 s on an idle machine), loose
    # enough for a busy one: the speed itself is measured in bench/, not here
    assert time.monotonic() - started < 60
    assert len(flags) > 1000 and {f.type for f in flags} >= {"name", "negation", "figure", "quote"}


# -- elision in the terminal views ------------------------------------------------------


def _change(ops: list[tuple[str, str]]) -> Change:
    o = [Op(tag, text) for tag, text in ops]
    old = "".join(t for tag, t in ops if tag != "insert")
    new = "".join(t for tag, t in ops if tag != "delete")
    return Change("body", "replace", old, new, 1, 1, tuple(o))


def test_long_unchanged_runs_are_shown_by_the_ends_next_to_each_change() -> None:
    long = " ".join(f"w{i}" for i in range(2000))
    change = _change([("equal", long), ("delete", "145"), ("insert", "150"), ("equal", long),
                      ("insert", " not"), ("equal", long)])
    shown = shown_segments(change)
    assert [t for t, _ in shown] == ["elided", "equal", "delete", "insert", "equal", "elided", "equal",
                                     "insert", "equal", "elided"]
    assert shown[1][1].endswith("w1999") and len(shown[1][1]) <= EQUAL_ENDS  # the end before the first edit
    assert shown[4][1].startswith("w0 ") and shown[6][1].endswith("w1999")  # both ends between edits
    assert shown[8][1].startswith("w0 ")  # the start after the last edit
    assert sum(len(s) for t, s in shown if t == "equal") < 4 * EQUAL_ENDS


def test_short_unchanged_runs_are_shown_whole() -> None:
    text = "x" * LONG_EQUAL
    change = _change([("equal", text), ("delete", "a"), ("insert", "b"), ("equal", text)])
    assert shown_segments(change) == segments(change)
