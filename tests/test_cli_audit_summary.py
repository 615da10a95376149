"""Issue 17 item 3: a whole-store audit ends with a count per verdict, takes --only and
--problems, keeps --strict meaningful under them, and shows progress on a terminal."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import threading
from pathlib import Path
from typing import Any, Callable

import pytest

Run = Callable[..., Any]
SEED_COUNTS = {"first": 7, "unchanged": 0, "minor": 1, "consistent": 4, "mismatch": 1, "undisclosed": 1,
               "stealth": 0, "update": 1, "late": 1, "revert": 1}


def _audit(run: Run, *args: str) -> dict[str, Any]:
    result = run("audit", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def _shown(doc: dict[str, Any]) -> list[str]:
    return [r["verdict"] for a in doc["articles"] for r in a["revisions"]]


def test_json_audit_ends_with_a_summary_and_keeps_its_keys(run: Run, seeded: Path) -> None:
    doc = _audit(run)
    assert len(doc["articles"]) == 7  # the existing key is unchanged
    assert doc["summary"] == {"articles": 7, "revisions": 17, "shown": 17, "problems": 3,
                              "verdicts": SEED_COUNTS, "only": None}


def test_text_audit_ends_with_a_count_of_each_verdict_found(run: Run, seeded: Path) -> None:
    out = run("audit").stdout
    tail = out[out.rindex("17 revision(s) audited"):]
    assert tail.splitlines()[0] == "17 revision(s) audited in 7 article(s); 3 that --strict fails on"
    rows = {line.split("│")[1].strip(): line.split("│")[2].strip() for line in tail.splitlines()
            if line.startswith("│")}
    assert rows == {"✗ mismatch": "1", "! undisclosed": "1", "◷ late": "1", "✓ consistent": "4",
                    "+ update": "1", "· minor": "1", "↺ revert": "1", "○ first": "7"}


@pytest.mark.parametrize("fmt,marker", [("markdown", "### Summary"), ("html", "<h2>Summary</h2>")])
def test_markdown_and_html_reports_end_with_the_summary(run: Run, seeded: Path, fmt: str, marker: str) -> None:
    out = run("audit", "--format", fmt).stdout
    assert marker in out and "17 revision(s) audited in 7 article(s)" in out


def test_only_shows_the_verdicts_named_and_counts_them_all(run: Run, seeded: Path) -> None:
    doc = _audit(run, "--only", "late, mismatch")
    assert sorted(_shown(doc)) == ["late", "mismatch"]
    assert [a["article"] for a in doc["articles"]] == ["lestria-minister-resigns", "vessa-landslide"]
    # the latency of the revisions not shown is left out with them
    assert [x["ref"] for x in doc["articles"][1]["latency"]["revisions"]] == ["vessa-landslide@3"]
    assert doc["summary"]["verdicts"] == SEED_COUNTS
    assert doc["summary"]["shown"] == 2 and doc["summary"]["only"] == ["mismatch", "late"]


def test_problems_shows_the_verdicts_strict_fails_on(run: Run, seeded: Path) -> None:
    assert sorted(_shown(_audit(run, "--problems"))) == ["late", "mismatch", "undisclosed"]


def test_nothing_shown_still_ends_with_the_summary(run: Run, seeded: Path) -> None:
    out = run("audit", "--only", "stealth").stdout
    assert out.startswith("No revisions to report.\n")
    assert "0 shown (--only stealth)" in " ".join(out.split())


@pytest.mark.parametrize("args,why", [
    (["--only", "stealth,bogus"], "--only: unknown verdict(s) bogus; choose from first,"),
    (["--only", ","], "--only: unknown verdict(s) (none)"),
    (["--only", "late", "--problems"], "--only and --problems both choose verdicts"),
])
def test_a_bad_verdict_filter_is_one_line_and_exit_2(
        run: Run, seeded: Path, args: list[str], why: str) -> None:
    result = run("audit", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("versioner: " + why) and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args,code", [
    ([], 1),
    (["--problems"], 1),
    (["--only", "late"], 1),
    (["--only", "minor,consistent,first"], 0),  # the failing revisions are not what was asked about
    (["balochistan-militants", "--problems"], 0),
    (["--since", "2030-01-01"], 0),
])
def test_strict_fails_on_the_revisions_shown(run: Run, seeded: Path, args: list[str], code: int) -> None:
    assert run("audit", "--strict", *args).exit_code == code


def _audit_on_a_pty(exe: str, *args: str) -> tuple[bytes, bytes, int]:
    """`versioner audit` with stderr on a terminal (a pty) and stdout into a pipe."""
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    proc = subprocess.Popen([exe, "audit", *args], stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    seen: list[bytes] = []

    def drain() -> None:  # read as it comes: a full pty would stall the child
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child's side is closed
                return
            if not chunk:
                return
            seen.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout = proc.stdout.read() if proc.stdout else b""
    code = proc.wait(timeout=60)
    reader.join(timeout=60)
    os.close(master)
    return stdout, b"".join(seen), code


def test_progress_shows_on_a_terminal_and_leaves_stdout_alone(versioner_exe: str, seeded: Path) -> None:
    stdout, stderr, code = _audit_on_a_pty(versioner_exe, "--format", "json")
    assert code == 0
    assert b"auditing" in stderr and b"articles" in stderr
    assert json.loads(stdout)["summary"]["revisions"] == 17  # not a byte of the bar in the JSON


def test_no_progress_into_a_pipe(versioner_exe: str, seeded: Path) -> None:
    result = subprocess.run([versioner_exe, "audit", "--format", "json"], capture_output=True, timeout=60)
    assert result.returncode == 0 and result.stderr == b""
