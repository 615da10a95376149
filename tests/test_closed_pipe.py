"""A reader that stops reading (`versioner audit | head -c 100`) is not an error:
every command that writes exits 0 with nothing on stderr when its pipe closes
mid-output (rich's own handling exits 1, which under --strict means "found a
problem"). Driven through the installed command, with a pipe that this test
closes after 100 bytes; each output is several times a pipe's buffer, so the
close lands while the command is still writing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ARTICLES = 1000  # `list` of them: well over a pipe's 64 KiB


def _notice(n: int) -> str:
    return f"(Corrects the count of homes in paragraph 2, revision {n}; " + "earlier wording " * 30 + ")"


def _story(n: int, paragraphs: int, notice: bool) -> str:
    paras = [f"Officials said {p * 10 + n} homes were damaged and {p + n} roads closed near river {p}."
             for p in range(1, paragraphs + 1)]
    return "\n\n".join(([_notice(n)] if notice else []) + ["Storm hits the coast"] + paras) + "\n"


def _revisions() -> Iterator[tuple[str, int, str]]:
    """(article, capture hour, text): many small articles (audit, list), one with many
    revisions (log), one pair with thousands of changed paragraphs (diff)."""
    for a in range(ARTICLES):
        yield f"story-{a:04d}", 0, _story(a, 3, False)
        yield f"story-{a:04d}", 1, _story(a + 1, 3, True)
    for r in range(200):
        yield "long-story", r, _story(r, 3, r > 0)
    yield "big", 0, _story(0, 3000, False)
    yield "big", 1, _story(1, 3000, False)


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # built once for the module: the conftest fixture for the command is per test
    versioner_exe = shutil.which("versioner") or str(Path(sys.executable).with_name("versioner"))
    folder = tmp_path_factory.mktemp("pipe")
    jsonl = folder / "revisions.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for key, hour, text in _revisions():
            at = f"2026-02-{1 + hour // 24:02d}T{hour % 24:02d}:00:00Z"
            f.write(json.dumps({"article": key, "captured_at": at, "text": text}) + "\n")
    store = folder / "v.db"
    subprocess.run([versioner_exe, "--store", str(store), "import", str(jsonl)], check=True,
                   capture_output=True, timeout=300)
    return store


def _read_100_then_close(versioner_exe: str, store: Path, *args: str) -> tuple[int, bytes]:
    env = {**os.environ, "COLUMNS": "120"}
    proc = subprocess.Popen([versioner_exe, "--store", str(store), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    assert len(proc.stdout.read(100)) == 100
    proc.stdout.close()
    try:
        err = proc.stderr.read()
        return proc.wait(timeout=120), err
    finally:
        proc.kill()


@pytest.mark.parametrize("args", [
    ("audit",), ("audit", "--strict"), ("audit", "--format", "json"), ("audit", "--format", "markdown"),
    ("audit", "--format", "html"), ("list",),
    ("log", "long-story"), ("log", "long-story", "--format", "json"),
    ("diff", "big"), ("diff", "big", "--side-by-side"), ("diff", "big", "--flags-only"),
    ("diff", "big", "--format", "json"), ("diff", "big", "--format", "markdown"),
    ("diff", "big", "--format", "html"),
], ids=" ".join)
def test_a_closed_pipe_exits_0_with_nothing_on_stderr(versioner_exe: str, big_store: Path,
                                                      args: tuple[str, ...]) -> None:
    code, err = _read_100_then_close(versioner_exe, big_store, *args)
    assert (code, err) == (0, b"")
