"""Limits on input, file permissions, and input that must stay text.

Guards: the per-revision limits (``--max-bytes``, ``--max-paragraphs``, and
their environment settings) checked before the store is opened; the store
created under the user's umask; keys, URLs and JSON fields passed to SQL as
parameters and never used as file paths.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Snapshot = Callable[[], Any]


def _paragraphs(n: int) -> str:
    return "Many paragraphs\n\n" + "\n\n".join(f"Paragraph {i} of the story." for i in range(n)) + "\n"


# -- limits --------------------------------------------------------------------


@pytest.fixture
def existing(run: Callable[..., Any]) -> None:
    assert run("add", "-", "--article", "ship", input="Ship sinks\n\nA ship sank.\n").exit_code == 0


def test_more_paragraphs_than_the_default_limit_is_refused_and_nothing_written(
        existing: None, run: Callable[..., Any], write: Callable[..., Path], snapshot: Snapshot) -> None:
    before = snapshot()
    write("long.txt", _paragraphs(20_000))
    result = run("add", "long.txt", "--article", "ship")
    assert result.exit_code == 2
    assert result.stdout == ""
    # 20,000 body paragraphs and a headline
    assert result.stderr == "versioner: long.txt: 20,001 paragraphs is over the limit of 20,000 (--max-paragraphs)\n"
    assert snapshot() == before


def test_a_revision_exactly_at_the_paragraph_limit_is_taken(existing: None, run: Callable[..., Any],
                                                            write: Callable[..., Path]) -> None:
    result = run("add", write("at.txt", _paragraphs(9)), "--article", "ship", "--max-paragraphs", "10")
    assert (result.exit_code, result.stdout) == (0, "ship@2\n")


def test_the_paragraph_limit_is_a_setting_from_the_option_or_the_environment(
        existing: None, run: Callable[..., Any], write: Callable[..., Path], snapshot: Snapshot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    f = write("eleven.txt", _paragraphs(10))
    before = snapshot()
    assert run("add", f, "--article", "ship", "--max-paragraphs", "10").exit_code == 2
    monkeypatch.setenv("VERSIONER_MAX_PARAGRAPHS", "10")
    assert "over the limit of 10 (--max-paragraphs)" in run("add", f, "--article", "ship").stderr
    assert snapshot() == before
    assert run("add", f, "--article", "ship", "--max-paragraphs", "11").exit_code == 0  # the option wins


def test_the_byte_limit_can_also_come_from_the_environment(existing: None, run: Callable[..., Any],
                                                           write: Callable[..., Path],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERSIONER_MAX_BYTES", "10")
    write("a.txt", "Ship sinks\n\nA big ship sank.\n")
    result = run("add", "a.txt", "--article", "ship")
    assert result.exit_code == 2
    assert result.stderr == "versioner: a.txt: 29 bytes is over the limit of 10 (--max-bytes)\n"


def test_a_limit_that_is_not_a_positive_number_is_a_usage_error(run: Callable[..., Any],
                                                                 write: Callable[..., Path]) -> None:
    result = run("add", write("a.txt", "Ship sinks\n\nA ship sank.\n"), "--max-paragraphs", "0")
    assert result.exit_code == 2


@pytest.mark.parametrize("kind", ["folder", "jsonl"])
def test_import_with_one_revision_over_the_paragraph_limit_writes_nothing(
        kind: str, existing: None, run: Callable[..., Any], write: Callable[..., Path],
        snapshot: Snapshot) -> None:
    texts = [_paragraphs(3), _paragraphs(50)]
    if kind == "folder":
        for i, t in enumerate(texts):
            write(f"in/story/2026-03-0{i + 1}T10:00:00Z.txt", t)
        src = Path("in")
    else:
        src = write("in.jsonl", "".join(json.dumps({"article": "story", "text": t,
                                                    "captured_at": f"2026-03-0{i + 1}T10:00:00Z"}) + "\n"
                                        for i, t in enumerate(texts)))
    before = snapshot()
    result = run("import", src, "--max-paragraphs", "20")
    assert result.exit_code == 2
    assert "51 paragraphs is over the limit of 20 (--max-paragraphs)" in result.stderr
    assert snapshot() == before


def test_every_limit_and_setting_is_documented() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name in ("--max-bytes", "--max-paragraphs", "VERSIONER_MAX_BYTES", "VERSIONER_MAX_PARAGRAPHS",
                 "VERSIONER_BUSY_TIMEOUT", "20,000"):
        assert name in readme, name


# -- permissions -----------------------------------------------------------------


@pytest.mark.parametrize(("umask", "file_mode", "dir_mode"), [(0o077, 0o600, 0o700), (0o022, 0o644, 0o755)])
def test_the_store_is_created_no_wider_than_the_umask_allows(umask: int, file_mode: int, dir_mode: int,
                                                             tmp_path: Path, versioner_exe: str) -> None:
    story = tmp_path / "a.txt"
    story.write_text("Ship sinks\n\nA ship sank.\n")
    path = tmp_path / "store" / "versioner.db"  # the one folder versioner makes: a store folder
    result = subprocess.run([versioner_exe, "--store", str(path), "add", str(story)], capture_output=True,
                            preexec_fn=lambda: os.umask(umask), timeout=60)
    assert result.returncode == 0, result.stderr
    made = [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]
    assert path in made
    for p in made:
        assert stat.S_IMODE(p.stat().st_mode) == file_mode, p
    assert stat.S_IMODE(path.parent.stat().st_mode) == dir_mode


# -- keys, URLs and fields stay text ------------------------------------------------

HOSTILE_KEYS = [
    "../../x",
    "../../../tmp/versioner-escape",
    "/etc/passwd",
    "..\\..\\x",
    "'; drop table articles; --",
    '" or 1=1; drop table revisions; --',
    "x'); delete from revisions; --",
    "%s %n {0} $(touch pwned) `touch pwned`",
    "~/.bashrc",
]


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select name, sql from sqlite_master order by name").fetchall()
    finally:
        conn.close()


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_hostile_keys_urls_and_fields_are_stored_and_shown_as_text_only(
        tmp_path: Path, run: Callable[..., Any], write: Callable[..., Path], store_path: Path) -> None:
    """Each key through `add --article`, `add --url`, and `import` of JSON Lines
    whose every field is hostile: stored verbatim, shown verbatim, no file
    anywhere but the store's, every table intact."""
    for i, key in enumerate(HOSTILE_KEYS):
        write(f"k{i}.txt", f"Story {i}\n\nThe story numbered {i} says something.\n")
    lines = [json.dumps({"article": f"jsonl {key}", "url": f"https://example.com/{key}", "source": key,
                         "captured_at": "2026-03-01T10:00:00Z", "headline": key, "body": f"Body {i}. {key}"})
             for i, key in enumerate(HOSTILE_KEYS)]
    write("in.jsonl", "\n".join(lines) + "\n")
    assert run("add", "-", "--article", "plain", input="Plain story\n\nNothing odd here.\n").exit_code == 0
    schema = _schema(store_path)
    before = _tree(tmp_path)
    for i, key in enumerate(HOSTILE_KEYS):
        assert run("add", f"k{i}.txt", "--article", key).stdout == f"{key}@1\n"
        # a URL makes a key of its own: still only text
        assert run("add", f"k{i}.txt", "--url", f"file:///{key}").exit_code == 0
    assert run("import", "in.jsonl").exit_code == 0
    after = _tree(tmp_path)
    assert {p for p in after - before if not p.startswith("store")} == set()
    assert {p for p in after if p.startswith("store")} <= {
        "store", "store/versioner.db", "store/versioner.db-wal", "store/versioner.db-shm"}
    assert not Path("/tmp/versioner-escape").exists()
    listed = {a["article"] for a in json.loads(run("list", "--format", "json").stdout)["articles"]}
    assert set(HOSTILE_KEYS) | {f"jsonl {k}" for k in HOSTILE_KEYS} <= listed
    for key in HOSTILE_KEYS:
        shown = json.loads(run("show", f"{key}@1", "--format", "json").stdout)
        assert (shown["article"], shown["number"]) == (key, 1)
        assert f"{key}@1" in run("show", f"{key}@1").stdout
        assert json.loads(run("log", f"jsonl {key}", "--format", "json").stdout)["article"] == f"jsonl {key}"
    assert _schema(store_path) == schema  # no table dropped, altered or added
    conn = sqlite3.connect(store_path)
    try:
        counts = conn.execute("select (select count(*) from articles), (select count(*) from revisions)").fetchone()
    finally:
        conn.close()
    assert counts == (3 * len(HOSTILE_KEYS) + 1, 3 * len(HOSTILE_KEYS) + 1)
    assert run("verify").exit_code == 0


def test_a_session_writes_nothing_outside_the_store_and_the_output_path(
        tmp_path: Path, versioner_exe: str, seeds_dir: Path) -> None:
    """The whole command set, run from a working folder with HOME pointed at a
    watched folder: only the store's folder and the named output file change."""
    home, work, out = tmp_path / "home", tmp_path / "work", tmp_path / "out"
    for d in (home, work, out):
        d.mkdir()
    path = tmp_path / "data" / "versioner.db"
    path.parent.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"),
           "VERSIONER_STORE": str(path)}
    before = _tree(tmp_path)

    def v(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([versioner_exe, *args], cwd=work, env=env, capture_output=True, timeout=60)

    assert v("import", str(seeds_dir)).returncode == 0
    for args in (("list",), ("log", "vessa-landslide"), ("show", "vessa-landslide@2"),
                 ("diff", "vessa-landslide", "--side-by-side"), ("audit",), ("verify",)):
        assert v(*args).returncode in (0, 1), args
    page = v("diff", "balochistan-militants", "--format", "html").stdout
    (out / "page.html").write_bytes(page)  # the explicit output path: the shell's redirection
    assert v("add", str(work / "missing.txt")).returncode == 2
    changed = _tree(tmp_path) - before
    assert {p for p in changed if not p.startswith("data")} == {"out/page.html"}
