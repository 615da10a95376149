"""Every read of input is bounded while reading, and odd input gets one line, never a traceback.

``--max-bytes`` holds for what has no size beforehand (devices, FIFOs, stdin, one
long JSON line): reading stops one byte past the limit, so memory stays near the
limit. A FIFO that no process opens for writing is refused after a bounded wait.
UTF-16 text is decoded before the NUL check. Arguments and names that are not
UTF-8, deep or huge-number JSON, over-long REFs, a closed stdin and an absurd
limit each end in one line and exit 2.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from versioner.errors import BadInput
from versioner.ingest import PIPE_WAIT_S
from versioner.parse import decode
from versioner.render.safe import json_dumps, visible

ARTICLE = "Ship sinks off the coast\n\nA cargo ship sank on Tuesday, the coastguard said.\n"
MEMORY_CAP = 512 * 1024 * 1024  # address space of the child: a runaway read fails instead of filling the machine
RSS_BOUND_MB = 100  # a child's peak memory reading under a small limit (it needs ~25-30 MB)


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    peak_mb: float


# Runs a command and writes its peak memory to a file. The measured process is forked
# from this small interpreter, not from pytest: a child's ru_maxrss starts at its
# parent's size, and pytest grows to hundreds of MB during a full run.
_MEASURE = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def _child(args: Sequence[str | bytes | Path], stdin: Any = subprocess.DEVNULL,
           close_stdin: bool = False, timeout: float = 60) -> Outcome:
    """Run the CLI with its address space capped; its exit code, output and peak memory
    (``ru_maxrss``). Killed after ``timeout`` seconds (a hang fails the test)."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
        if close_stdin:
            os.close(0)

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile() as peak:
        # with stdin closed the measuring process could hand its own pipes on as fd 0
        measured = list(args) if close_stdin else [sys.executable, "-c", _MEASURE, peak.name, *args]
        proc = subprocess.Popen(measured, stdin=None if close_stdin else stdin, stdout=out, stderr=err,
                                preexec_fn=limit, start_new_session=True)
        try:
            code = proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            raise AssertionError(f"still running after {timeout} s: {args}") from None
        out.seek(0)
        err.seek(0)
        peak_kb = int(peak.read() or 0)
        return Outcome(code, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
                       peak_kb / 1024)


def assert_one_line(outcome: Outcome, *fragments: str) -> None:
    assert outcome.code == 2, outcome
    assert outcome.stdout == ""
    assert outcome.stderr.startswith("versioner: ") and outcome.stderr.count("\n") == 1, outcome.stderr
    for fragment in fragments:
        assert fragment in outcome.stderr, outcome.stderr


def assert_refused(result: Any, *fragments: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("versioner: ") and result.stderr.count("\n") == 1, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _writer(fifo: Path, script: str) -> subprocess.Popen[bytes]:
    """A process that opens ``fifo`` for writing as ``out`` and runs ``script``."""
    code = f"import sys, time\ntry:\n    out = open({str(fifo)!r}, 'wb')\n" + "".join(
        f"    {line}\n" for line in script.splitlines()) + "except BrokenPipeError:\n    pass\n"
    return subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.DEVNULL)


# -- devices, FIFOs, stdin ------------------------------------------------------------


@pytest.mark.parametrize("limit", [["--max-bytes", "1000"], []], ids=["max-bytes-1000", "default-limit"])
def test_dev_zero_is_refused_at_the_limit_with_bounded_memory(limit: list[str], versioner_exe: str) -> None:
    done = _child([versioner_exe, "add", "/dev/zero", "--article", "z", *limit])
    assert_one_line(done, "/dev/zero: over the limit of", "(--max-bytes)")
    assert done.peak_mb < RSS_BOUND_MB


def test_a_fifo_fed_by_an_endless_writer_is_refused_at_the_limit(fifo: Path, versioner_exe: str) -> None:
    writer = _writer(fifo, "while True:\n    out.write(b'y\\n' * 4096)")
    try:
        done = _child([versioner_exe, "add", fifo, "--article", "y", "--max-bytes", "1000"])
    finally:
        writer.kill()
        writer.wait()
    assert_one_line(done, "pipe.txt: over the limit of 1,000 bytes (--max-bytes)")
    assert done.peak_mb < RSS_BOUND_MB


def test_endless_stdin_is_refused_at_the_limit(versioner_exe: str) -> None:
    feeder = subprocess.Popen([sys.executable, "-c", "import sys\ntry:\n while True: sys.stdout.buffer.write(b'y' * 65536)"
                               "\nexcept BrokenPipeError: pass"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        done = _child([versioner_exe, "add", "-", "--article", "y", "--max-bytes", "1000"], stdin=feeder.stdout)
    finally:
        feeder.kill()
        feeder.wait()
        assert feeder.stdout is not None
        feeder.stdout.close()
    assert_one_line(done, "stdin: over the limit of 1,000 bytes (--max-bytes)")
    assert done.peak_mb < RSS_BOUND_MB


@pytest.mark.slow
def test_a_fifo_no_process_writes_to_is_refused_after_a_bounded_wait(fifo: Path, versioner_exe: str,
                                                                      store_path: Path) -> None:
    done = _child([versioner_exe, "add", fifo, "--article", "f"])
    assert_one_line(done, f"pipe.txt: no process wrote to this pipe within {PIPE_WAIT_S:g} s")
    assert not store_path.exists()


def test_a_fifo_whose_writer_comes_a_little_later_is_read(fifo: Path, versioner_exe: str, created: str) -> None:
    writer = subprocess.Popen([sys.executable, "-c", f"import time; time.sleep(1); "
                               f"open({str(fifo)!r}, 'w').write({ARTICLE!r})"])
    try:
        done = _child([versioner_exe, "add", fifo, "--article", "late"])
    finally:
        writer.wait(timeout=60)
    assert (done.code, done.stdout, done.stderr) == (0, "late@1\n", created)


@pytest.mark.slow
def test_a_writer_that_opened_the_fifo_may_take_longer_than_the_wait(fifo: Path, versioner_exe: str,
                                                                       created: str) -> None:
    """Connected but silent (a slow download into ``<(curl ...)``) is not "no writer"."""
    writer = _writer(fifo, f"time.sleep({PIPE_WAIT_S + 1})\nout.write({ARTICLE.encode()!r})\nout.close()")
    try:
        done = _child([versioner_exe, "add", fifo, "--article", "slow"])
    finally:
        writer.wait(timeout=60)
    assert (done.code, done.stdout, done.stderr) == (0, "slow@1\n", created)


def test_process_substitution_still_works(versioner_exe: str, tmp_path: Path, created: str) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash for <(...)")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = _child([bash, "-c", '"$0" add <(cat a.txt) --article procsub', versioner_exe])
    assert (done.code, done.stdout, done.stderr) == (0, "procsub@1\n", created)


def test_an_empty_process_substitution_is_empty_input_not_a_silent_pipe(versioner_exe: str) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("needs bash for <(...)")
    # the writer has exited before versioner opens the pipe: nothing to wait for
    done = _child([bash, "-c", '"$0" add <(true) --article empty', versioner_exe])
    assert_one_line(done, "no text (empty or whitespace only)")


def test_closed_stdin_is_one_line(versioner_exe: str, store_path: Path) -> None:
    done = _child([versioner_exe, "add", "-", "--article", "x"], close_stdin=True)
    assert_one_line(done, "stdin: standard input is closed")
    assert not store_path.exists()


# -- JSON Lines: a line is refused once it passes the limit -------------------------


def test_a_jsonl_link_to_dev_zero_is_refused(tmp_path: Path, versioner_exe: str) -> None:
    (tmp_path / "z.jsonl").symlink_to("/dev/zero")
    done = _child([versioner_exe, "import", tmp_path / "z.jsonl", "--max-bytes", "1000"])
    assert_one_line(done, "z.jsonl:1: a line over the limit of 1,000 bytes (--max-bytes)")
    assert done.peak_mb < RSS_BOUND_MB


def test_json_lines_from_a_fifo_are_imported(tmp_path: Path, versioner_exe: str, created: str) -> None:
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    lines = b"".join(json.dumps({"article": "feed", "text": ARTICLE.replace("Tuesday", day),
                                 "captured_at": f"2026-03-1{i}T12:00:00Z"}).encode() + b"\n"
                     for i, day in enumerate(["Monday", "Tuesday", "Wednesday"]))
    writer = _writer(fifo, f"out.write({lines!r})\nout.close()")
    try:
        done = _child([versioner_exe, "import", fifo])
    finally:
        writer.wait(timeout=60)
    assert (done.code, done.stderr) == (0, created), done
    assert done.stdout.startswith("imported 3 revision(s)")


def test_a_200_mb_json_line_is_refused_without_reading_it_whole(tmp_path: Path, versioner_exe: str) -> None:
    big = tmp_path / "big.jsonl"
    with big.open("wb") as fh:
        fh.write(b'{"article": "a", "text": "')
        fh.truncate(200 * 1024 * 1024)  # sparse: one 200 MB line that takes no disk
    done = _child([versioner_exe, "import", big])
    assert_one_line(done, "big.jsonl:1: a line over the limit of 5,242,880 bytes (--max-bytes)")
    assert done.peak_mb < RSS_BOUND_MB


def test_a_jsonl_line_at_the_limit_is_taken_one_over_is_refused(run: Callable[..., Any], tmp_path: Path) -> None:
    line = json.dumps({"article": "a", "text": ARTICLE}).encode()
    (tmp_path / "crlf.jsonl").write_bytes(line + b"\r\n")
    assert run("import", "crlf.jsonl", "--max-bytes", len(line)).exit_code == 0
    (tmp_path / "last.jsonl").write_bytes(line)  # no final newline
    assert_refused(run("import", "last.jsonl", "--max-bytes", len(line) - 1), "last.jsonl:1: a line over the limit")


# -- UTF-16 -------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "option"), [
    ("utf-16", ["--encoding", "utf-16"]),
    ("utf-16-le", ["--encoding", "utf-16-le"]),
    ("utf-16", []),  # found by its byte-order mark
    ("utf-16-be", ["--encoding", "utf-16-be"]),
    ("utf-32", []),
])
def test_utf16_input_is_stored(encoding: str, option: list[str], run: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(ARTICLE.encode(encoding))
    result = run("add", "wide.txt", "--article", "wide", *option)
    assert result.exit_code == 0, result.stderr
    assert json.loads(run("show", "wide", "-f", "json").stdout)["text"] == ARTICLE


def test_utf16_without_a_byte_order_mark_or_option_is_still_binary(run: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    assert_refused(run("add", "wide.txt", "--article", "wide"), "binary data (NUL bytes)")


@pytest.mark.parametrize("data", [ARTICLE.replace("cargo", "car\x00go").encode("utf-16"),
                                  b"Head\n\nBody\x00\xff\xfe binary\n"])
def test_a_nul_in_the_decoded_text_is_binary(data: bytes) -> None:
    with pytest.raises(BadInput, match="binary data"):
        decode(data)


# -- one line, not a traceback -------------------------------------------------------


@pytest.mark.parametrize(("content", "message"), [
    ('{"text": ' + "1" * 5000 + "}", "not valid JSON (a number too long to read)"),
    ('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}", "not valid JSON (nested too deeply)"),
], ids=["5000-digit-integer", "100000-deep"])
@pytest.mark.parametrize("command", ["import", "add"])
def test_json_that_python_cannot_read_is_one_line(content: str, message: str, command: str,
                                                 run: Callable[..., Any], tmp_path: Path) -> None:
    name = "in.jsonl" if command == "import" else "in.json"
    (tmp_path / name).write_text(content + "\n", encoding="utf-8")
    assert_refused(run(command, name), message)


def test_a_ref_longer_than_a_file_name_can_be_is_a_key(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    assert run("add", write("a.txt", ARTICLE), "--article", "ship").exit_code == 0
    long_ref = "k" * 300
    assert_refused(run("show", long_ref), "no article")
    assert_refused(run("diff", long_ref, "ship"), "no article")
    assert_refused(run("add", long_ref), "cannot read (File name too long)")
    assert_refused(run("import", long_ref + ".jsonl"), "cannot read (File name too long)")


@pytest.mark.parametrize("args", [["add", "-"], ["add", "a.txt"], ["import", "in.jsonl"]])
def test_an_absurd_max_bytes_is_a_usage_error(args: list[str], run: Callable[..., Any], write: Callable[..., Path],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    write("a.txt", ARTICLE)
    write("in.jsonl", json.dumps({"article": "a", "text": ARTICLE}) + "\n")
    result = run(*args, "--max-bytes", "99999999999999999999", input=ARTICLE.encode())
    assert result.exit_code == 2
    assert "--max-bytes" in result.stderr and "1<=x<=1073741824" in result.stderr
    monkeypatch.setenv("VERSIONER_MAX_BYTES", "99999999999999999999")
    assert run(*args, input=ARTICLE.encode()).exit_code == 2


# -- bytes that are not UTF-8 ----------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    ([b"--article", b"caf\xe9"], "article key is not valid UTF-8"),
    ([b"--article", b"cafe", b"--url", b"https://example.com/caf\xe9"], "--url is not valid UTF-8"),
    ([b"--encoding", b"utf\xff"], "unknown encoding"),
])
def test_argument_bytes_that_are_not_utf8_are_refused(args: list[bytes], message: str, versioner_exe: str,
                                                      write: Callable[..., Path], store_path: Path) -> None:
    done = _child([versioner_exe, "add", write("a.txt", ARTICLE), *args])
    assert_one_line(done, message)
    assert not store_path.exists()


@pytest.mark.parametrize("command", [[b"show"], [b"log"], [b"diff"], [b"audit"], [b"show", b"-f", b"json"]])
def test_a_ref_with_bytes_that_are_not_utf8_names_no_article(command: list[bytes], versioner_exe: str,
                                                             write: Callable[..., Path]) -> None:
    assert _child([versioner_exe, "add", write("a.txt", ARTICLE), "--article", "cafe"]).code == 0
    assert_one_line(_child([versioner_exe, *command, b"caf\xe9"]), "no article 'caf\\udce9'")


def test_a_file_name_that_is_not_utf8_is_taken_and_shown_escaped(versioner_exe: str, tmp_path: Path,
                                                                  created: str) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text(ARTICLE, encoding="utf-8")
    done = _child([versioner_exe, "add", b"caf\xe9.txt", "--article", "cafe"])
    assert (done.code, done.stdout, done.stderr) == (0, "cafe@1\n", created)
    shown = json.loads(_child([versioner_exe, "show", "cafe", "-f", "json"]).stdout)
    assert shown["source"] == "caf\\xe9.txt"
    diffed = _child([versioner_exe, "diff", b"caf\xe9.txt", "cafe"])
    assert (diffed.code, diffed.stderr) == (0, "")
    assert "caf\\xe9.txt" in diffed.stdout


def test_folder_and_file_names_that_are_not_utf8_are_imported_escaped(run: Callable[..., Any],
                                                                       tmp_path: Path) -> None:
    folder = tmp_path / "in" / os.fsdecode(b"caf\xe9s")
    folder.mkdir(parents=True)
    (folder / os.fsdecode(b"2026-03-10T12:00:00Z-\xff.txt")).write_text(ARTICLE, encoding="utf-8")
    result = run("import", "in")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(run("show", "caf\\xe9s", "-f", "json").stdout)
    assert shown["source"] == "caf\\xe9s/2026-03-10T12:00:00Z-\\xff.txt"


@pytest.mark.parametrize(("field", "message"), [("article", "article key is not valid UTF-8"),
                                                ("url", "in.jsonl:1: 'url' is not valid UTF-8")])
def test_json_escapes_of_lone_surrogates_are_refused(field: str, message: str, run: Callable[..., Any],
                                                     tmp_path: Path) -> None:
    record = {"article": "cafe", "text": ARTICLE, field: "caf\udce9"}
    (tmp_path / "in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert_refused(run("import", "in.jsonl"), message)


def test_lone_surrogates_are_shown_as_visible_escapes() -> None:
    assert visible("caf\udce9") == "caf<U+DCE9>"
    assert json.loads(json_dumps({"k": "caf\udce9"})) == {"k": "caf\udce9"}
    visible("caf\udce9").encode("utf-8")  # any output can take it
