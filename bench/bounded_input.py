"""Peak memory and time of input the limit refuses while reading it.

    python bench/bounded_input.py

Runs the installed ``versioner`` on inputs without a size known beforehand
(/dev/zero, a FIFO fed without end, endless stdin, a 200 MB JSON line in a
sparse file) and on a small article for comparison; prints exit code, peak
resident memory (``ru_maxrss`` of the process) and wall time of each. Figures,
not assertions: tests/test_bounded_input.py holds the bounds. Linux only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE = "Ship sinks off the coast\n\nA cargo ship sank on Tuesday, the coastguard said.\n"
ENDLESS = "import sys\ntry:\n    while True: sys.stdout.buffer.write(b'y' * 65536)\nexcept BrokenPipeError: pass"


def _exe() -> str:
    exe = shutil.which("versioner") or str(Path(sys.executable).with_name("versioner"))
    if not Path(exe).is_file():
        sys.exit("bench/bounded_input.py: the versioner command is not installed (make setup)")
    return exe


def _measure(label: str, args: list[str], stdin: int | None = subprocess.DEVNULL) -> None:
    started = time.perf_counter()
    proc = subprocess.Popen(args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.stderr is not None
    message = proc.stderr.read().decode(errors="replace").strip()
    proc.stderr.close()
    print(f"{label:44} exit {proc.returncode}  peak {usage.ru_maxrss / 1024:6.1f} MB  {seconds:5.2f} s  {message}")


def main() -> None:
    exe = _exe()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["VERSIONER_STORE"] = str(Path(tmp) / "store.db")
        small = Path(tmp) / "a.txt"
        small.write_text(ARTICLE, encoding="utf-8")
        _measure("add a.txt (a small article, for comparison)", [exe, "add", str(small), "--article", "a"])
        _measure("add /dev/zero (default limit, 5 MB)", [exe, "add", "/dev/zero", "--article", "z"])
        _measure("add /dev/zero --max-bytes 1000", [exe, "add", "/dev/zero", "--article", "z", "--max-bytes", "1000"])
        fifo = Path(tmp) / "fifo.txt"
        os.mkfifo(fifo)
        writer = subprocess.Popen([sys.executable, "-c", f"import sys\nsys.stdout = open({str(fifo)!r}, 'wb')\n"
                                   + ENDLESS.replace("sys.stdout.buffer", "sys.stdout")], stderr=subprocess.DEVNULL)
        _measure("add FIFO fed without end (default limit)", [exe, "add", str(fifo), "--article", "f"])
        writer.kill()
        writer.wait()
        feeder = subprocess.Popen([sys.executable, "-c", ENDLESS], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert feeder.stdout is not None
        _measure("add - from endless stdin (default limit)", [exe, "add", "-", "--article", "s"],
                 stdin=feeder.stdout.fileno())
        feeder.kill()
        feeder.wait()
        feeder.stdout.close()
        big = Path(tmp) / "big.jsonl"
        with big.open("wb") as fh:
            fh.write(b'{"article": "a", "text": "')
            fh.truncate(200 * 1024 * 1024)  # sparse: one 200 MB line
        _measure("import a 200 MB single-line .jsonl", [exe, "import", str(big)])
        silent = Path(tmp) / "silent.txt"
        os.mkfifo(silent)
        _measure("add a FIFO nobody writes to", [exe, "add", str(silent), "--article", "n"])


if __name__ == "__main__":
    main()
