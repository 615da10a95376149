"""versioner add: one revision from a file or stdin; bad input is refused whole."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ARTICLE = (
    "Café owners protest as Port Aven raises rents by 40%\n"
    "By Lena Hartig\n"
    "PORT AVEN, March 10 (Courier) – Owners of cafés in Port Aven’s old town protested outside city hall "
    "on Tuesday after the council approved rent rises of up to 40% for premises it owns.\n"
    "“We cannot pay this,” said Hélène Roux, who has run a café on the harbour for 22 years.\n"
    "(Reporting by Lena Hartig; Editing by Jon Ellery)\n"
)

Snapshot = Callable[[], Any]


@pytest.fixture
def existing(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    """A store that already holds one article, so a failed add has something to leave alone."""
    result = run("add", write("first.txt", ARTICLE), "--article", "cafes", "--at", "2026-03-10T12:00:00Z")
    assert result.exit_code == 0, result.stderr


def assert_refused(result: Any, *fragments: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr that starts with 'versioner:'."""
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.startswith("versioner: ")
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


# -- what works --------------------------------------------------------------


def test_add_stores_a_revision_and_prints_its_ref(run: Callable[..., Any], write: Callable[..., Path],
                                                  store_path: Path, created: str) -> None:
    assert not store_path.exists()
    write("a.txt", ARTICLE)
    result = run("add", "a.txt", "--article", "cafes")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "cafes@1\n", created)
    assert store_path.is_file()  # the store is created on first use, and says so
    shown = json.loads(run("show", "cafes", "-f", "json").stdout)
    assert shown["text"] == ARTICLE
    assert shown["source"] == "a.txt"


def test_add_without_store_setting_uses_store_versioner_db_here(
    run: Callable[..., Any], write: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VERSIONER_STORE")
    assert run("add", write("a.txt", ARTICLE), "--article", "cafes").exit_code == 0
    assert (tmp_path / "store" / "versioner.db").is_file()


def test_store_option_wins_over_the_environment(run: Callable[..., Any], write: Callable[..., Path],
                                                tmp_path: Path, store_path: Path) -> None:
    f = write("a.txt", ARTICLE)
    assert run("--store", "elsewhere.db", "add", f, "--article", "cafes").exit_code == 0
    assert run("add", f, "--article", "cafes2", "--store", "third.db").exit_code == 0
    assert (tmp_path / "elsewhere.db").is_file() and (tmp_path / "third.db").is_file()
    assert not store_path.exists()
    assert "cafes2" in run("--store", "third.db", "list").stdout


def test_add_reads_stdin_given_as_dash(run: Callable[..., Any]) -> None:
    result = run("add", "-", "--article", "cafes", input=ARTICLE.encode())
    assert result.stdout == "cafes@1\n"
    assert json.loads(run("show", "cafes", "-f", "json").stdout)["source"] == "stdin"


def test_latin1_file_with_encoding_option_keeps_its_accents(run: Callable[..., Any],
                                                            write: Callable[..., Path]) -> None:
    f = write("latin1.txt", "Café prices rise\n\nThe café raised its prices.\n".encode("latin-1"))
    result = run("add", f, "--encoding", "latin-1", "--article", "cafe")
    assert result.exit_code == 0
    shown = json.loads(run("show", "cafe", "-f", "json").stdout)
    assert shown["text"] == "Café prices rise\n\nThe café raised its prices.\n"
    assert "é" in run("show", "cafe").stdout


def test_json_file_gives_text_url_and_capture_time(run: Callable[..., Any],
                                                    write: Callable[..., Path]) -> None:
    f = write("a.json", json.dumps({"headline": "Café owners protest", "body": "They protested.",
                                    "url": "https://courier.example/port-aven/cafe-owners-protest",
                                    "published": "2026-03-10T12:00:00Z"}))
    assert run("add", f).stdout == "courier-cafe-owners-protest@1\n"
    shown = json.loads(run("show", "courier-cafe-owners-protest", "-f", "json").stdout)
    assert shown["url"] == "https://courier.example/port-aven/cafe-owners-protest"
    assert shown["captured_at"] == "2026-03-10T12:00:00Z"
    assert shown["text"] == "Café owners protest\n\nThey protested.\n"


def test_input_exactly_at_max_bytes_is_taken(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    f = write("a.txt", ARTICLE)
    size = len(ARTICLE.encode())
    assert run("add", f, "--article", "cafes", "--max-bytes", size).exit_code == 0


# -- bad input: exit 2, one line, the store untouched ------------------------

BAD_FILES: list[Any] = [
    pytest.param("empty.txt", b"", [], ["no text"], id="empty-file"),
    pytest.param("blank.txt", b"  \n\t \r\n\n", [], ["no text"], id="whitespace-only"),
    pytest.param("bom-only.txt", b"\xef\xbb\xbf\n", [], ["no text"], id="bom-only"),
    pytest.param("binary.txt", b"Headline\n\nBody\x00\x01\x02 more\n", [], ["NUL"], id="nul-bytes"),
    pytest.param("latin1.txt", "Café prices rise\n\nThe café raised them.\n".encode("latin-1"), [],
                 ["UTF-8", "--encoding"], id="latin1-without-encoding"),
    pytest.param("big.txt", ARTICLE.encode(), ["--max-bytes", "100"], ["over the limit of 100"], id="over-max-bytes"),
    pytest.param("nobody.json", b'{"headline": "Cafe owners protest"}', [], ["'body' or 'text'"], id="json-without-body"),
    pytest.param("broken.json", b'{"headline": "Cafe", "body": ', [], ["not valid JSON"], id="broken-json"),
    pytest.param("list.json", b'["Cafe", "owners"]', [], ["must be an object"], id="json-not-an-object"),
    pytest.param("a.txt", ARTICLE.encode(), ["--encoding", "klingon-8"], ["unknown encoding"], id="unknown-encoding"),
    pytest.param("a.txt", ARTICLE.encode(), ["--at", "next tuesday"], ["not an ISO 8601 time"], id="bad-at"),
    pytest.param("a.txt", ARTICLE.encode(), ["--article", "bad@key"], ["reserves"], id="key-with-at"),
    pytest.param("a.txt", ARTICLE.encode(), ["--article", "  "], ["empty"], id="blank-key"),
    pytest.param("a.txt", ARTICLE.encode(), ["--article", "x" * 201], ["over 200"], id="long-key"),
    pytest.param("a.txt", ARTICLE.replace("40%", "45%").encode(), ["--article", "cafes", "--at", "2206-03-10T11:59:00Z"],
                 ["2206-03-10T11:59:00Z", "ahead of the clock", "--allow-future"], id="future-at"),
]


@pytest.mark.parametrize("name, content, options, fragments", BAD_FILES)
def test_bad_input_is_refused_and_nothing_is_written(
    name: str, content: bytes, options: list[str], fragments: list[str], existing: None,
    run: Callable[..., Any], write: Callable[..., Path], snapshot: Snapshot,
) -> None:
    f = write(name, content)
    before = snapshot()
    assert_refused(run("add", f, *options), *fragments)
    assert snapshot() == before


def test_missing_file_is_refused(existing: None, run: Callable[..., Any], snapshot: Snapshot) -> None:
    before = snapshot()
    result = run("add", "no-such-file.txt")
    assert_refused(result)
    assert result.stderr == "versioner: no-such-file.txt: no such file\n"
    assert snapshot() == before


def test_directory_given_to_add_is_refused(existing: None, run: Callable[..., Any], tmp_path: Path,
                                           snapshot: Snapshot) -> None:
    (tmp_path / "folder").mkdir()
    before = snapshot()
    assert_refused(run("add", "folder"), "is a directory", "versioner import")
    assert snapshot() == before


def test_stdin_over_max_bytes_is_refused(existing: None, run: Callable[..., Any], snapshot: Snapshot) -> None:
    before = snapshot()
    assert_refused(run("add", "-", "--max-bytes", "50", input=ARTICLE.encode()),
                   "stdin", "over the limit of 50")
    assert snapshot() == before


def test_bad_input_on_a_fresh_location_creates_no_store(run: Callable[..., Any], write: Callable[..., Path],
                                                        store_path: Path) -> None:
    assert_refused(run("add", write("empty.txt", b"")), "no text")
    assert_refused(run("add", "missing.txt"), "no such file")
    assert not store_path.parent.exists()


def test_store_that_is_a_text_file_is_refused_and_left_alone(
    run: Callable[..., Any], write: Callable[..., Path], tmp_path: Path,
) -> None:
    notes = write("notes.txt", "my shopping list\n")
    f = write("a.txt", ARTICLE)
    for args in (["--store", notes, "add", f], ["add", f, "--store", notes]):
        assert_refused(run(*args), "not a versioner store", "notes.txt")
    assert notes.read_text() == "my shopping list\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "notes.txt"]


def test_store_whose_folder_is_a_file_is_refused(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    write("blocker", "not a folder\n")
    result = run("--store", "blocker/v.db", "add", write("a.txt", ARTICLE))
    assert_refused(result, "cannot create store blocker/v.db: no folder blocker")
    assert Path("blocker").read_text() == "not a folder\n"


def test_store_folder_that_cannot_be_written_is_refused(run: Callable[..., Any], write: Callable[..., Path],
                                                        tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user (root) for whom a 0o500 folder is still writable")
        assert_refused(run("--store", locked / "v.db", "add", write("a.txt", ARTICLE)),
                       "cannot write to store directory")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


# -- the installed program ---------------------------------------------------


def test_console_script_adds_and_reports_unchanged(versioner_exe: str, sh: Callable[..., Any],
                                                   write: Callable[..., Path], created: str) -> None:
    f = write("a.txt", ARTICLE)
    first = sh("add", f, "--article", "cafes", exe=versioner_exe)
    assert (first.returncode, first.stdout, first.stderr) == (0, b"cafes@1\n", created.encode())
    again = sh("add", f, "--article", "cafes", exe=versioner_exe)
    assert again.returncode == 0 and again.stdout == b"cafes@1\n"
    assert again.stderr == b"versioner: unchanged: same text as cafes@1; nothing stored\n"


def test_console_script_refuses_latin1_with_one_line_and_exit_2(versioner_exe: str, sh: Callable[..., Any],
                                                                 write: Callable[..., Path]) -> None:
    f = write("latin1.txt", "Café prices rise\n\nThe café raised them.\n".encode("latin-1"))
    result = sh("add", f, exe=versioner_exe)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr == (f"versioner: {f}: not valid UTF-8 at byte 3 "
                             "(try --encoding latin-1 or cp1252)\n").encode()


def test_piped_stdin_is_stored_byte_for_byte_after_normalising(sh: Callable[..., Any]) -> None:
    raw = "\ufeff" + ARTICLE.replace("\n", "\r\n")
    result = sh("add", "-", "--article", "piped", input=raw.encode("utf-8"))
    assert (result.returncode, result.stdout) == (0, b"piped@1\n")
    shown = sh("show", "piped", "--format", "json")
    assert json.loads(shown.stdout.decode("utf-8"))["text"] == ARTICLE


def test_binary_stdin_is_refused_without_a_traceback(sh: Callable[..., Any], store_path: Path) -> None:
    result = sh("add", "-", input=bytes(range(256)))
    assert result.returncode == 2
    assert result.stderr == b"versioner: stdin: binary data (NUL bytes), not article text\n"
    assert not store_path.exists()


def test_store_that_is_not_a_database_exits_2_from_the_console_script(
    versioner_exe: str, sh: Callable[..., Any], write: Callable[..., Path],
) -> None:
    notes = write("notes.txt", "my shopping list\n")
    result = sh("add", write("a.txt", ARTICLE), exe=versioner_exe, env={"VERSIONER_STORE": str(notes)})
    assert result.returncode == 2
    assert result.stderr == f"versioner: {notes} is not a versioner store (not a SQLite database)\n".encode()
    assert notes.read_bytes() == b"my shopping list\n"


def test_help_lists_every_command(versioner_exe: str) -> None:
    out = subprocess.run([versioner_exe, "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    for command in ("add", "import", "list", "log", "show", "verify"):
        assert f" {command} " in out.stdout


def test_error_messages_show_control_characters_as_escapes(existing: None, run: Callable[..., Any]) -> None:
    result = run("add", "evil\x1b[2J\u202e.txt")
    assert_refused(result, "evil\\x1b[2J<U+202E>.txt: no such file")
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
