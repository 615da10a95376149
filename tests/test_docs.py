"""Docs that cannot drift: every command is in the README's command table, the
tour runs as written, and every link in the README resolves in a clone."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from versioner.cli import app

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"


def test_every_command_appears_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert "ui" in names and "audit" in names
    missing = [n for n in names if f"| `versioner {n.rstrip('_')}" not in text]
    assert not missing, f"commands missing from README's table: {missing}"


def test_every_audit_option_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for option in ("--strict", "--since DATE", "--format markdown", "--format html"):
        assert option in text, option


def test_the_readme_screenshot_of_the_ui_is_there() -> None:
    text = README.read_text(encoding="utf-8")
    assert "](docs/ui.svg)" in text
    assert (README.parent / "docs" / "ui.svg").read_text(encoding="utf-8").startswith("<svg")


# -- the tour works as written (issue 17, item 1) ------------------------------

TOUR_HEADING = "## A short tour\n"


def _tour() -> list[tuple[str, list[str]]]:
    """Each command of the README's tour (``$ ...``, its comment dropped) with
    the output lines shown under it, from every console block of the section."""
    text = README.read_text(encoding="utf-8")
    section = text.split(TOUR_HEADING, 1)[1].split("\n### Commands\n", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", section, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            elif line:
                steps[-1][1].append(line)
    return steps


def _command(step: str) -> str:
    """The command without its ``# comment`` (none of the tour's commands holds a #)."""
    return step.split(" #", 1)[0].strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store `make demo` builds, built by `make demo` (its environment taken
    as it is, not made again), into a folder of the test's own."""
    if sys.prefix == sys.base_prefix or shutil.which("make") is None:
        pytest.skip("needs make, and the tests run from a virtual environment as make setup makes")
    store = tmp_path_factory.mktemp("demo") / "demo.db"
    venv = Path(sys.prefix)
    made = subprocess.run(
        ["make", "-C", str(REPO), "-o", str(venv / "bin" / "versioner"), "demo", f"VENV={venv}",
         f"DEMO_STORE={store}", f"DEMO_PORT={_free_port()}"],
        capture_output=True, text=True, timeout=600,
        env={k: v for k, v in os.environ.items() if k != "VERSIONER_STORE"})
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
    return store


@pytest.mark.slow
def test_the_readme_tour_works_as_written_after_make_demo(demo_store: Path, tmp_path: Path) -> None:
    steps = _tour()
    commands = [_command(step) for step, _ in steps]
    assert commands[:2] == [". .venv/bin/activate", "export VERSIONER_STORE=store/demo.db"]
    # a clone after make demo, and a clean shell: no environment but the basics
    clone = tmp_path / "clone"
    (clone / "store").mkdir(parents=True)
    (clone / ".venv").symlink_to(sys.prefix)
    (clone / "seeds").symlink_to(REPO / "seeds")
    shutil.copyfile(demo_store, clone / "store" / "demo.db")
    script = [f"cd {shlex.quote(str(clone))}"]
    for i, command in enumerate(commands):
        script.append(f"{command} >out.{i} 2>err.{i}; echo $? >rc.{i}")
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    shell = subprocess.run(["bash", "--noprofile", "--norc", "-c", "\n".join(script)], env=env,
                           capture_output=True, text=True, timeout=300)
    assert shell.returncode == 0, shell.stderr
    for i, (step, shown) in enumerate(steps):
        rc = int((clone / f"rc.{i}").read_text())
        out = (clone / f"out.{i}").read_text(encoding="utf-8")
        err = (clone / f"err.{i}").read_text(encoding="utf-8")
        if commands[i].endswith("| jq '.flags[].reason'") and shutil.which("jq", path=env["PATH"]) is None:
            continue  # jq is not versioner's; the README only shows it off
        # exit 1 only where the tour says so; stderr only what it shows
        assert rc in ((0, 1) if "exit 1" in step else (0,)), (step, rc, err)
        assert [line for line in err.splitlines() if line not in shown] == [], (step, err)
        lines = out.splitlines() + err.splitlines()
        missing = [line for line in shown if line not in lines]
        assert not missing, (step, missing, out[:2000])


def _anchors(text: str) -> set[str]:
    """GitHub's anchors for the headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = re.findall(r"^#{1,6} (.+)$", re.sub(r"```.*?```", "", text, flags=re.DOTALL), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-") for h in headings}


def test_every_relative_link_in_the_readme_resolves() -> None:
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    assert "docs/architecture.md" in links and "#input" in links
    anchors = _anchors(text)
    dead = []
    for link in links:
        if re.match(r"[a-z]+:", link):  # http:, https:, mailto: are not the clone's
            continue
        path, _, anchor = link.partition("#")
        target = (README.parent / path).resolve() if path else README
        inside = target == README.parent or README.parent in target.parents
        if not (target.exists() and inside) or (anchor and path in ("", "README.md") and anchor not in anchors):
            dead.append(link)
    assert not dead, dead
