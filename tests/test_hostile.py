"""Hostile article text through every output, checked on the raw bytes.

Guards: the escaping of ``render/safe.py`` (``visible`` for the terminal and
plain text, ``json_dumps``, ``html_text``, ``markdown_text``), rich Text that
is never parsed as markup, the CLI's one-line errors through ``visible``,
and the input checks of ``parse.decode`` (NUL, invalid UTF-8). Remove any
one escaping call and a raw ESC, C1 or bidi character, or a live ``<script``,
reaches stdout in one of these cases.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from terminal import pty_run  # tests/helpers, on the path through conftest
from typer.testing import CliRunner

from versioner.cli import app
from versioner.parse import normalise

BASE = (
    "(Corrects figure in paragraph 2)\n\n"
    "Harbour officials count the damage after storm\n\n"
    "PORT AVEN, March 3 (Wire) - Officials said 12 boats were sunk in the storm on Monday.\n\n"
    "\"We have never seen this,\" the harbour master said.\n\n"
    "Repairs will take 40 days, the council said.\n"
)

PAYLOADS: dict[str, str] = {
    "ansi": "\x1b[31mred\x1b[0m \x1b[2J\x1b[H\x1b[3A\x1b[10;10H\x1b[?25l\x1b[K cleared",
    "osc-title": "title \x1b]0;pwned\x07 and \x1b]2;pwned too\x1b\\ end",
    "osc8-link": "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\ now",
    "rich-markup": "[bold red]alarm[/bold red] [link=https://evil.example]x[/link] :skull: [/]",
    "bidi": "access \u202ebalance\u202c \u202aL\u202bR\u202dO\u2066i\u2067j\u2068k\u2069 granted",
    "zero-width": "ad\u200bmin us\u200cer ro\u200dot wo\u2060rd \ufeffbom",
    "c0-c1": "bell\x07 bs\x08 vt\x0b ff\x0c so\x0e esc\x1b del\x7f nel\x85 csi\x9b31m osc\x9d0;t\x9c st",
    "html": "<script>alert(1)</script> <a href=\"javascript:alert(2)\">link</a> "
            "<img src=x onerror=alert(3)> <SCRIPT SRC=//evil.example/x.js></SCRIPT>",
}
PAYLOADS["all-at-once"] = " ".join(PAYLOADS.values())
# allowed in a key (only C0/C1 controls and '@' are refused), so keys carry them too
KEY_SUFFIX = "-\u202ekey[bold]k[/bold]\u200b<script>"


def hostile_revision(payload: str) -> str:
    """The base story with the payload in the notice, headline, and two paragraphs."""
    return (
        f"(Corrects figure in paragraph 2 {payload})\n\n"
        f"Harbour officials count {payload} damage after storm\n\n"
        f"PORT AVEN, March 3 (Wire) - Officials said 14 boats {payload} were sunk in the storm on Monday.\n\n"
        f"\"We have never {payload} seen this,\" the harbour master said.\n\n"
        "Repairs will take 40 days, the council said.\n\n"
        f"{payload}\n"
    )


# -- what must never reach stdout or stderr -------------------------------------------

# C0 but LF (tab is allowed: rich expands it anyway), DEL, C1, bidi, zero-width,
# line/paragraph separators, BOM
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_SGR = re.compile(rb"\x1b\[[0-9;]*m")


def assert_safe(raw: bytes, what: str, terminal: bool = False) -> str:
    """Valid UTF-8; nothing that steers a terminal or reorders text. On a
    terminal rich's own colour codes (SGR) are allowed, and nothing else."""
    if terminal:
        raw = _SGR.sub(b"", raw).replace(b"\r\n", b"\n")
    text = raw.decode("utf-8")  # invalid UTF-8 would raise here
    bad = _FORBIDDEN.search(text)
    assert bad is None, f"{what}: raw {bad.group()!r} at {bad.start()}: {text[max(0, bad.start() - 40):bad.end() + 40]!r}"
    return text


def assert_no_live_html(text: str, what: str, markdown: bool = False) -> None:
    """No tag or link from the article is live. Markdown passes raw HTML
    through, so there every ``<`` must be escaped as ``\\<``."""
    low = text.lower()
    if markdown:
        assert re.search(r"(?<!\\)<", text) is None, what
        assert "](javascript:" not in low, what
        return
    assert "<script" not in low, what
    assert "<img" not in low and "<a " not in low, what
    assert 'href="javascript:' not in low, what


# -- one store per payload, built once ---------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    key: str
    store: Path


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    runner = CliRunner()
    cases = {}
    for name, payload in PAYLOADS.items():
        d = tmp_path_factory.mktemp(name)
        store, key = d / "v.db", name + KEY_SUFFIX
        (d / "1.txt").write_text(BASE, encoding="utf-8")
        (d / "2.txt").write_text(hostile_revision(payload), encoding="utf-8")
        for i in (1, 2):
            r = runner.invoke(app, ["--store", str(store), "add", str(d / f"{i}.txt"), "--article", key,
                                    "--at", f"2026-03-03T0{i}:00:00Z"])
            assert r.exit_code == 0, r.stderr
        cases[name] = Case(name, key, store)
    return cases


OUTPUTS: dict[str, tuple[str, ...]] = {
    "diff": ("diff", "{key}"),
    "diff-context": ("diff", "{key}", "-C", "3"),
    "diff-side-by-side": ("diff", "{key}", "--side-by-side"),
    "diff-flags-only": ("diff", "{key}", "--flags-only"),
    "diff-json": ("diff", "{key}", "--format", "json"),
    "diff-markdown": ("diff", "{key}", "--format", "markdown"),
    "diff-html": ("diff", "{key}", "--format", "html"),
    "show": ("show", "{key}"),
    "show-json": ("show", "{key}@2", "--format", "json"),
    "log": ("log", "{key}"),
    "log-json": ("log", "{key}", "--format", "json"),
    "list": ("list",),
    "list-json": ("list", "--format", "json"),
    "audit": ("audit", "{key}"),
    "audit-json": ("audit", "{key}", "--format", "json"),
    "verify": ("verify",),
    "error-unknown-ref": ("show", "{key}@9"),
    "error-unknown-article": ("log", "{key}{key}"),
    "error-usage": ("diff", "{key}", "--format", "{key}"),
}


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_reaches_no_output_raw(payload: str, output: str, stores: dict[str, Case]) -> None:
    case = stores[payload]
    args = [a.format(key=case.key) for a in OUTPUTS[output]]
    started = time.monotonic()
    result = CliRunner().invoke(app, ["--store", str(case.store), *args], catch_exceptions=False)
    assert time.monotonic() - started < 10
    expected = 2 if output.startswith("error") else 1 if output.startswith("diff") else 0
    assert result.exit_code == expected, result.stderr
    out = assert_safe(result.stdout_bytes, f"{output} stdout")
    err = assert_safe(result.stderr_bytes, f"{output} stderr")
    if output.startswith("error"):
        assert out == ""
        # one line, a usage error too (its value shown through render.safe)
        assert err.count("\n") == 1, err
    else:
        assert err == ""
    if output in ("diff-html", "diff-markdown"):
        assert_no_live_html(out, output, markdown=output == "diff-markdown")
    if output.endswith("json"):
        json.loads(out)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_views_show_the_hostile_characters_as_visible_escapes(payload: str, stores: dict[str, Case]) -> None:
    """Escaped, not dropped: a reader sees that something was there (Trojan Source)."""
    case = stores[payload]
    out = CliRunner().invoke(app, ["--store", str(case.store), "show", case.key]).stdout
    if payload in ("bidi", "zero-width"):
        assert "<U+202E>" in out or "<U+200B>" in out
    elif payload == "rich-markup":
        assert "[bold red]alarm[/bold red]" in out and "[link=https://evil.example]x[/link]" in out
    elif payload == "html":
        assert "<script>alert(1)</script>" in out  # plain text on a terminal: shown as written
    else:
        assert "\\x1b" in out or "\\x07" in out
    assert "key[bold]k[/bold]<U+200B><script>" in out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_escapes_but_round_trips_the_exact_text(payload: str, stores: dict[str, Case]) -> None:
    case = stores[payload]
    result = CliRunner().invoke(app, ["--store", str(case.store), "show", f"{case.key}@2", "--format", "json"])
    data = json.loads(result.stdout)
    assert data["article"] == case.key
    assert data["text"] == normalise(hostile_revision(PAYLOADS[payload]))


# -- refused input: NUL and invalid UTF-8 ----------------------------------------------------


@pytest.mark.parametrize(("name", "data", "message"), [
    ("nul.txt", b"Head\n\nA body with a NUL \x00 byte and \x1b]0;pwned\x07.\n", "binary data (NUL bytes)"),
    ("nul.json", b'{"headline": "H \\u001b]0;pwned\\u0007", "body": "NUL \\u0000 here"}', "binary data (NUL"),
    ("bad-utf8.txt", b"Head \x1b[31m\n\nBody \xff\xfe \xc3\x28 \x9b31m end\n", "not valid UTF-8 at byte"),
    ("\x1b]0;pwned\x07\u202e.txt", b"", "no text"),
])
def test_refused_input_gives_one_safe_line(name: str, data: bytes, message: str, tmp_path: Path,
                                          store_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["add", str(path), "--article", "k"])
    assert result.exit_code == 2
    err = assert_safe(result.stderr_bytes, "stderr")
    assert message in err and err.count("\n") == 1
    assert result.stdout_bytes == b""
    assert not store_path.exists()


def test_invalid_utf8_read_as_latin1_keeps_its_c1_bytes_visible(tmp_path: Path) -> None:
    """--encoding latin-1 turns bytes 0x80-0x9f into C1 controls (0x9b is a CSI)."""
    path = tmp_path / "l1.txt"
    path.write_bytes(b"Head\n\nBody \x9b2J \x9d0;pwned\x9c caf\xe9 end\n")
    runner = CliRunner()
    assert runner.invoke(app, ["add", str(path), "--article", "l1", "--encoding", "latin-1"]).exit_code == 0
    result = runner.invoke(app, ["show", "l1"])
    text = assert_safe(result.stdout_bytes, "show")
    assert "\\x9b2J \\x9d0;pwned\\x9c café" in text


# -- through a real terminal and a real pipe ---------------------------------------------




@pytest.fixture
def terminal_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}
    yield {**env, "TERM": "xterm-256color", "COLUMNS": "120"}


@pytest.mark.parametrize("args", [
    ("diff", "{key}"), ("diff", "{key}", "--side-by-side"), ("show", "{key}"), ("log", "{key}"),
    ("list",), ("audit", "{key}"), ("show", "{key}@7"),
], ids=["diff", "side-by-side", "show", "log", "list", "audit", "error"])
def test_on_a_real_terminal_only_rich_colour_codes_reach_it(args: tuple[str, ...], stores: dict[str, Case],
                                                           versioner_exe: str,
                                                           terminal_env: dict[str, str]) -> None:
    case = stores["all-at-once"]
    code, raw = pty_run(versioner_exe, ["--store", str(case.store), *(a.format(key=case.key) for a in args)],
                         terminal_env)
    assert code in (0, 1, 2)
    assert code == 2 or b"\x1b[" in raw  # rich did colour it: this is a terminal
    text = assert_safe(raw, str(args), terminal=True)
    assert "pwned" not in text or "\\x1b]0;pwned" in text


@pytest.mark.parametrize("fmt", ["text", "html", "markdown", "json"])
def test_through_a_real_pipe_every_diff_format_is_safe(fmt: str, stores: dict[str, Case], versioner_exe: str) -> None:
    case = stores["all-at-once"]
    result = subprocess.run([versioner_exe, "--store", str(case.store), "diff", case.key, "--format", fmt],
                            capture_output=True, timeout=60)
    assert result.returncode == 1, result.stderr
    out = assert_safe(result.stdout, fmt)
    assert result.stderr == b""
    if fmt in ("html", "markdown"):
        assert_no_live_html(out, fmt, markdown=fmt == "markdown")
