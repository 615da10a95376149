"""Help as clig.dev has it (issue 17, item 11): `versioner` alone prints help
and exits 0, `-h` is `--help` everywhere, `--version`/`-V`, shell completion,
examples in the main commands' help, and a usage error is one line and exit 2."""

from __future__ import annotations

import os
import shutil
import subprocess
from importlib.metadata import version
from typing import Any, Callable

import pytest

from versioner.cli import app

COMMANDS = sorted(c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands)
WITH_EXAMPLES = ["add", "import", "log", "show", "diff", "audit", "fetch", "watch"]


def _exe(versioner_exe: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([versioner_exe, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})})


def test_versioner_alone_prints_help_and_exits_0(versioner_exe: str) -> None:
    result = _exe(versioner_exe)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Usage: versioner [OPTIONS] COMMAND [ARGS]...")
    assert "diff" in result.stdout and "audit" in result.stdout


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_dash_h_is_help_for_every_command(run: Callable[..., Any], command: str) -> None:
    args = [command] if command else []
    short, long = run(*args, "-h"), run(*args, "--help")
    assert (short.exit_code, long.exit_code) == (0, 0)
    assert short.stdout == long.stdout and short.stdout.startswith("Usage: ")
    assert "-h, --help" in short.stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(versioner_exe: str, flag: str) -> None:
    result = _exe(versioner_exe, flag)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"versioner {version('versioner')}\n", "")


@pytest.mark.parametrize("command", WITH_EXAMPLES)
def test_main_commands_show_examples_in_their_help(run: Callable[..., Any], command: str) -> None:
    help_text = run(command, "-h").stdout
    examples = help_text.split("Examples:\n", 1)[1].splitlines()
    # kept one a line as written (click would rewrap them into one paragraph)
    assert len(examples) >= 2 and all(line.lstrip().startswith(("versioner ", "curl ")) for line in examples)
    assert all(f"versioner {command} " in line for line in examples if line.lstrip().startswith("versioner"))


@pytest.mark.parametrize("args, message", [
    (["add"], "versioner: add: missing argument 'file'; see 'versioner add -h'"),
    (["diff", "-x", "a"], "versioner: diff: no such option: -x; see 'versioner diff -h'"),
    (["diff", "-f", "xml", "a"], "versioner: diff: invalid value for '--format' / '-f': 'xml' is not one of"
                                 " 'text', 'json', 'markdown', 'html'; see 'versioner diff -h'"),
    (["add", "story.txt", "--at"], "versioner: add: option '--at' requires an argument; see 'versioner add -h'"),
    (["--bogus"], "versioner: no such option: --bogus; see 'versioner -h'"),
    (["nosuchcommand"], "versioner: no such command 'nosuchcommand'; see 'versioner -h'"),
    (["audit", "--workers", "x"], "versioner: audit: invalid value for '--workers': 'x' is not a valid int;"
                                  " see 'versioner audit -h'"),
])
def test_a_usage_error_is_one_line_and_exit_2(versioner_exe: str, args: list[str], message: str) -> None:
    result = _exe(versioner_exe, *args)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message + "\n")


def test_a_usage_error_is_one_line_in_process_too(run: Callable[..., Any]) -> None:
    result = run("log")
    assert (result.exit_code, result.stderr) == (2, "versioner: log: missing argument 'key'; see 'versioner log -h'\n")


def test_shell_completion_is_on(versioner_exe: str) -> None:
    if shutil.which("bash") is None:
        pytest.skip("needs bash")
    # as a user in bash types it: typer finds the shell among the parent processes (a
    # second command keeps bash from replacing itself by the only one)
    script = subprocess.run(["bash", "-c", '"$0" --show-completion; exit $?', versioner_exe],
                            capture_output=True, text=True, timeout=60)
    assert script.returncode == 0 and "_versioner_completion" in script.stdout, script.stderr
    # what bash asks for when `versioner di<TAB>` and `versioner diff --fl<TAB>` are typed
    words = _exe(versioner_exe, env={"_VERSIONER_COMPLETE": "complete_bash", "COMP_WORDS": "versioner di",
                                     "COMP_CWORD": "1"})
    assert words.stdout.split() == ["diff"]
    options = _exe(versioner_exe, env={"_VERSIONER_COMPLETE": "complete_bash",
                                       "COMP_WORDS": "versioner diff --fl", "COMP_CWORD": "2"})
    assert options.stdout.split() == ["--flags-only"]


def test_options_name_what_they_take_not_a_python_type(versioner_exe: str) -> None:
    # `--store <str>`, `--max-bytes <int range>`: the README writes --article KEY, --at ISO-8601
    import re

    for command in COMMANDS:
        text = _exe(versioner_exe, command, "-h").stdout
        assert not re.search(r"<(str|int|float|int range|float range|path)>", text), command
    add = _exe(versioner_exe, "add", "-h").stdout
    for option in ("--article KEY", "--url URL", "--at TIME", "--max-bytes N", "--store PATH|URL"):
        assert option in add
