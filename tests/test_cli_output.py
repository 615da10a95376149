"""Issue 17, output: markers whenever colour is off (item 2), nothing wrapped into a
pipe and `show --text` (item 4), no option silently ignored (item 5), and git's
habits (item 12): a pager at a terminal, `--color`, `diff --stat`, `log -n/--since/
--until/--oneline`, `--`, and diff(1)'s exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import terminal  # tests/helpers, on the path through conftest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

OLD = "Council approves budget\n\nThe council did not approve the plan on Monday, officials said.\n"
NEW = "Council approves budget\n\nThe council did approve the plan on Monday, officials said.\n"
_SGR = re.compile(rb"\x1b\[[0-9;]*m")


@pytest.fixture
def pair(write: Callable[..., Path]) -> tuple[Path, Path]:
    return write("old.txt", OLD), write("new.txt", NEW)


def pty_run(exe: str, args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, bytes]:
    """Run with stdout and stderr on a pseudo-terminal; return the exit code and what it showed."""
    code, shown = terminal.pty_run(exe, args, env, cwd)
    return code, shown.replace(b"\r\n", b"\n")


def term_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "FORCE_COLOR")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "120", **extra}


# -- item 2: markers whenever colour is off --------------------------------------------


@pytest.mark.parametrize("how", ["TERM=dumb", "NO_COLOR", "--no-color", "--color=never"])
@pytest.mark.parametrize("layout", [[], ["--side-by-side"]], ids=["inline", "side-by-side"])
def test_a_terminal_without_colour_gets_the_markers(how: str, layout: list[str], pair: tuple[Path, Path],
                                                    versioner_exe: str, tmp_path: Path) -> None:
    """TERM=dumb (Emacs shells, some CI terminals) turned colour off and the markers too:
    a deleted "not" read as present."""
    env = term_env(TERM="dumb") if how == "TERM=dumb" else term_env(NO_COLOR="1") if how == "NO_COLOR" else term_env()
    flags = [how] if how.startswith("--") else []
    code, out = pty_run(versioner_exe, ["diff", *map(str, pair), *layout, *flags], env, tmp_path)
    assert code == 1, out
    assert not _SGR.search(out) or how != "TERM=dumb"
    assert b"[-not-]" in out or b"[-not -]" in out, out.decode()


def test_a_colour_terminal_shows_colour_not_markers(pair: tuple[Path, Path], versioner_exe: str,
                                                    tmp_path: Path) -> None:
    code, out = pty_run(versioner_exe, ["diff", *map(str, pair)], term_env(), tmp_path)
    assert code == 1 and _SGR.search(out) and b"[-" not in out


def test_color_always_colours_a_pipe_and_never_plain(pair: tuple[Path, Path], sh: Callable[..., Any],
                                                      versioner_exe: str) -> None:
    coloured = sh("diff", *pair, "--color=always", exe=versioner_exe)
    assert coloured.returncode == 1 and _SGR.search(coloured.stdout) and b"[-" not in coloured.stdout
    globally = sh("--color", "always", "diff", *pair, exe=versioner_exe)
    assert _SGR.search(globally.stdout)
    plain = sh("diff", *pair, "--color=never", exe=versioner_exe)
    assert not _SGR.search(plain.stdout) and b"[-not" in plain.stdout


# -- item 4: into a pipe nothing is wrapped; show --text -----------------------------------


LONG = "A long sentence about the harbour authority's annual report that goes on past eighty columns. " * 3


def test_show_list_and_log_into_a_pipe_keep_each_line_whole(run: Callable[..., Any], write: Callable[..., Path],
                                                            sh: Callable[..., Any], versioner_exe: str) -> None:
    key = "a-very-long-article-key-about-the-altair-flight-diversion-that-runs-past-eighty-columns"
    path = write("a.txt", f"Headline\n\n{LONG}\n")
    assert run("add", path, "--article", key).exit_code == 0
    show = sh("show", key, exe=versioner_exe, env={"COLUMNS": "80"}).stdout.decode()
    assert f"body 1\t{LONG.strip()}\n" in show
    listing = sh("list", exe=versioner_exe, env={"COLUMNS": "80"}).stdout.decode()
    assert any(key in line for line in listing.splitlines())
    log = sh("log", key, exe=versioner_exe, env={"COLUMNS": "40"}).stdout.decode()
    assert any("first revision" in line and "@1" in line for line in log.splitlines())


def test_show_text_writes_the_stored_bytes_into_a_pipe(run: Callable[..., Any], write: Callable[..., Path],
                                                       sh: Callable[..., Any], versioner_exe: str) -> None:
    text = "Héadline — \u202eevil\u202c\n\nBody with \x1b[31mred\x1b[0m and tabs\tand “quotes”.\n"
    assert run("add", write("h.txt", text), "--article", "h").exit_code == 0
    out = sh("show", "h", "--text", exe=versioner_exe)
    stored = json.loads(run("show", "h", "-f", "json").stdout)
    assert out.returncode == 0 and out.stderr == b""
    assert out.stdout == stored["text"].encode("utf-8")
    assert hashlib.sha256(out.stdout).hexdigest() == stored["sha256"]


def test_show_text_at_a_terminal_shows_escapes(run: Callable[..., Any], write: Callable[..., Path],
                                               versioner_exe: str, tmp_path: Path) -> None:
    assert run("add", write("h.txt", "Head\n\nBody \x1b[2J cleared\n"), "--article", "h").exit_code == 0
    code, out = pty_run(versioner_exe, ["show", "h", "--text"], term_env(), tmp_path)
    assert code == 0 and b"\x1b[2J" not in out and b"\\x1b[2J" in out


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300)


@settings(derandomize=True, max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_TEXT)
def test_show_text_gives_back_what_the_store_holds(run: Callable[..., Any], text: str) -> None:
    """For every text the store accepts, `show --text` is its stored text, byte for byte
    (the stored sha256 is that of the output)."""
    added = run("add", "-", "--article", "prop", input=text.encode("utf-8"))
    if added.exit_code != 0:  # refused (empty after normalising, ...): nothing to give back
        return
    ref = added.stdout.strip()
    stored = json.loads(run("show", ref, "-f", "json").stdout)
    out = run("show", ref, "--text").stdout_bytes
    assert out == stored["text"].encode("utf-8")
    assert hashlib.sha256(out).hexdigest() == stored["sha256"]


def test_show_text_with_json_is_an_error(run: Callable[..., Any], seeded: Path) -> None:
    result = run("show", "vessa-landslide", "--text", "-f", "json")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1 and result.stdout == ""


# -- item 5: no option silently ignored ------------------------------------------------------


def test_flags_only_gives_only_the_flags_in_every_format(run: Callable[..., Any], seeded: Path) -> None:
    args = ["diff", "vessa-landslide@1", "vessa-landslide@4", "--flags-only"]
    full = json.loads(run("diff", *args[1:3], "-f", "json").stdout)
    doc = json.loads(run(*args, "-f", "json").stdout)
    assert "changes" not in doc and doc["flags"] == full["flags"] and doc["from"] == full["from"]
    md = run(*args, "-f", "markdown").stdout
    assert "**¶2**" not in md and "| severity | type |" in md
    html = run(*args, "-f", "html").stdout
    assert '<span class="label">' not in html and "<th>severity</th>" in html


def test_side_by_side_html_and_markdown_are_two_columns(run: Callable[..., Any], seeded: Path) -> None:
    args = ["diff", "vessa-landslide@1", "vessa-landslide@4", "--side-by-side"]
    html = run(*args, "-f", "html").stdout
    row = next(line for line in html.splitlines() if '<td class="label">¶2</td>' in line)
    assert "<del>12</del>" in row and "<ins>17</ins>" in row and "<ins>" not in row.split("</td><td>")[1]
    md = run(*args, "-f", "markdown").stdout
    row = next(line for line in md.splitlines() if line.startswith("| **¶2** |"))
    old_cell, new_cell = row.split(" | ")[1:3]
    assert "~~12~~" in old_cell and "**17**" not in old_cell and "**17**" in new_cell


@pytest.mark.parametrize("args", [
    ["--side-by-side", "-f", "json"], ["--stat", "--flags-only"], ["--stat", "-s"], ["--stat", "-C", "1"],
    ["-C", "2", "-f", "json"], ["-C", "1", "--flags-only"],
])
def test_options_that_mean_nothing_together_are_one_line_exit_2(args: list[str], run: Callable[..., Any],
                                                                 seeded: Path) -> None:
    result = run("diff", "vessa-landslide", *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("versioner: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [
    ["audit", "--alert-on", "stealth"],
    ["diff", "vessa-landslide", "--stat", "--min-severity", "high"],
    ["import", "pages.warc", "--allow-future"],
    ["import", "pages.warc.gz", "--encoding", "latin-1"],
    ["import", "pages.warc", "--max-paragraphs", "5"],
])
def test_an_option_left_without_effect_is_an_error(args: list[str], run: Callable[..., Any], seeded: Path,
                                                   write: Callable[..., Path]) -> None:
    """`audit --alert-on` did nothing without --notify, nor `import X.warc --allow-future`."""
    write("pages.warc", b"")
    write("pages.warc.gz", b"")
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == ""
    option = [a for a in args if a.startswith("--")][-1]
    assert result.stderr.startswith(f"versioner: {option}: ") and result.stderr.count("\n") == 1


def test_a_setting_from_the_environment_is_not_refused(run: Callable[..., Any], write: Callable[..., Path],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """VERSIONER_ALLOW_FUTURE holds for every command; a WARC import does not fail on it."""
    monkeypatch.setenv("VERSIONER_ALLOW_FUTURE", "1")
    result = run("import", write("pages.warc", b""))
    assert "--allow-future" not in result.stderr


def test_oneline_with_json_is_an_error(run: Callable[..., Any], seeded: Path) -> None:
    result = run("log", "vessa-landslide", "--oneline", "-f", "json")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


# -- item 12: git's habits ---------------------------------------------------------------


def test_diff_stat_counts_words_per_part(run: Callable[..., Any], seeded: Path) -> None:
    result = run("diff", "vessa-landslide@1", "vessa-landslide@4", "--stat")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["¶2", "|", "2", "+-"]  # 12 -> 17: one word out, one in
    assert lines[-1] == " 5 parts changed, 82 words inserted(+), 9 words deleted(-)"
    doc = json.loads(run("diff", "vessa-landslide@1", "vessa-landslide@4", "--stat", "-f", "json").stdout)
    assert doc["stat"][1] == {"part": "¶2", "inserted": 1, "deleted": 1} and doc["inserted"] == 82


@pytest.mark.parametrize("args", [[], ["--stat"], ["--flags-only"], ["-f", "json"], ["-f", "markdown"]])
def test_diff_exits_as_diff1_does(args: list[str], run: Callable[..., Any], seeded: Path) -> None:
    assert run("diff", "vessa-landslide", *args).exit_code == 1
    assert run("diff", "vessa-landslide@2", "vessa-landslide@2", *args).exit_code == 0
    assert run("diff", "no-such-article", *args).exit_code == 2


def test_double_dash_ends_the_options(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    """`--` ends the options, as in git, so a file named like an option can be a REF."""
    write("-old.txt", OLD)
    write("-new.txt", NEW)
    result = run("diff", "--", "-old.txt", "-new.txt")
    assert result.exit_code == 1 and "[-not -]" in result.stdout or "[-not-]" in result.stdout


def test_log_takes_max_count_since_until_and_oneline(run: Callable[..., Any], seeded: Path) -> None:
    def refs(*args: str) -> list[str]:
        return [r["ref"] for r in json.loads(run("log", "vessa-landslide", "-f", "json", *args).stdout)["revisions"]]

    assert refs("-n", "2") == ["vessa-landslide@3", "vessa-landslide@4"]  # the newest, oldest first
    assert refs("--max-count", "1") == ["vessa-landslide@4"]
    assert refs("--since", "2026-04-07T09:00", "--until", "2026-04-07T14:00") == \
        ["vessa-landslide@2", "vessa-landslide@3"]
    assert refs("--since", "2026-04-07T09:00", "-n", "1") == ["vessa-landslide@4"]
    lines = run("log", "vessa-landslide", "--oneline").stdout.splitlines()
    assert len(lines) == 4 and lines[2].startswith("@3 5f2e4602 2026-04-07 13:40 ◷ late")
    bad = run("log", "vessa-landslide", "--until", "yesterday")
    assert bad.exit_code == 2 and bad.stderr.startswith("versioner: --until:")


@pytest.fixture
def paging(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """A pager that keeps what it is given in a file."""
    seen = tmp_path / "paged.txt"
    return term_env(VERSIONER_PAGER=f"cat > {seen}"), seen


@pytest.mark.parametrize("args", [["diff", "vessa-landslide"], ["log", "vessa-landslide"],
                                  ["show", "vessa-landslide"], ["list"], ["audit", "vessa-landslide"]])
def test_a_terminal_gets_a_pager(args: list[str], seeded: Path, versioner_exe: str, tmp_path: Path,
                                 paging: tuple[dict[str, str], Path]) -> None:
    env, seen = paging
    code, shown = pty_run(versioner_exe, args, env, tmp_path)
    assert code in (0, 1), shown
    assert seen.is_file() and "vessa-landslide" in seen.read_text()
    assert b"vessa-landslide" not in shown  # the pager had all of it
    assert _SGR.search(seen.read_bytes()) or args == ["show", "vessa-landslide"]  # laid out as for the terminal


def test_no_pager_and_pipes_are_never_paged(seeded: Path, versioner_exe: str, tmp_path: Path,
                                            paging: tuple[dict[str, str], Path]) -> None:
    env, seen = paging
    code, shown = pty_run(versioner_exe, ["--no-pager", "log", "vessa-landslide"], env, tmp_path)
    assert code == 0 and b"vessa-landslide" in shown and not seen.exists()
    piped = subprocess.run([versioner_exe, "log", "vessa-landslide"], capture_output=True, env=env, timeout=60)
    assert b"vessa-landslide" in piped.stdout and not seen.exists()
    code, shown = pty_run(versioner_exe, ["log", "vessa-landslide"], {**env, "VERSIONER_PAGER": "cat"}, tmp_path)
    assert b"vessa-landslide" in shown and not seen.exists()


def test_an_error_opens_no_pager(seeded: Path, versioner_exe: str, tmp_path: Path,
                                 paging: tuple[dict[str, str], Path]) -> None:
    env, seen = paging
    code, shown = pty_run(versioner_exe, ["log", "no-such-article"], env, tmp_path)
    assert code == 2 and shown.startswith(b"versioner: ") and not seen.exists()


def test_a_pager_quit_early_is_not_an_error(seeded: Path, versioner_exe: str, tmp_path: Path) -> None:
    env = term_env(VERSIONER_PAGER="head -c 10 >/dev/null")
    code, shown = pty_run(versioner_exe, ["diff", "vessa-landslide@1", "vessa-landslide@4", "-s"], env, tmp_path)
    assert code in (0, 1) and b"Traceback" not in shown and b"versioner:" not in shown
