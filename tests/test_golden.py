"""Golden output: every view of `diff`, `audit`, `log`, `list` and `show`, compared
byte for byte with a file under tests/golden/.

The store holds the chains of seeds/ (capture times from their dated names) and a
few crafted ones: hostile text (terminal escapes, bidi controls, HTML, rich markup
and Markdown in the article), a large-ish revision whose long paragraphs are elided
and whose unchanged paragraphs collapse into gaps. Text output is taken twice: from
the installed command into a pipe (the plain path) and in-process as a terminal of
100 columns with no colour (rich's path: TTY_COMPATIBLE=1, TERM=dumb, NO_COLOR=1).

A change that is meant to change output regenerates the files with

    make golden        (VERSIONER_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py)

and the diff of tests/golden/ is then read like any other diff.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from versioner.cli import app

GOLDEN = Path(__file__).resolve().parent / "golden"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
UPDATE = os.environ.get("VERSIONER_UPDATE_GOLDEN") == "1"
WIDTH = "100"
SEED_KEYS = sorted(p.name for p in SEEDS.iterdir() if p.is_dir())

# -- crafted chains ------------------------------------------------------------

_HOSTILE_OLD = """\
<script>alert("x")</script> Minister [bold red]resigns[/] over *leaked* memo | row
By Ana \x1b[31mRed\x1b[0m Petrov
LESTRIA, March 2 (Courier) — The minister of <b>transport</b> resigned on Monday, saying 3 aides & 12 officials knew of the memo.
Officials said the memo, dated \u202eFebruary 9\u202c, was sent to [link](javascript:alert(1)) 40 people.
Back`ticks` and _underscores_ and # hashes stay as they are.
"""

_HOSTILE_NEW = """\
(Corrects number of officials in paragraph 1)
<script>alert("x")</script> Minister [bold red]resigns[/] over *leaked* memo | row
By Ana \x1b[31mRed\x1b[0m Petrov
LESTRIA, March 2 (Courier) — The minister of <b>transport</b> resigned on Monday, saying 3 aides & 14 officials knew of the memo.
Officials said the memo, dated \u202eFebruary 9\u202c, was sent to [link](javascript:alert(2)) 40 people.
Back`ticks` and _underscores_ and # hashes stay as they are.
"""


def _large(edit: bool) -> str:
    """Sixty paragraphs, two of them over 2,000 characters (elided in the views);
    the edit changes a figure in each long one and one short paragraph."""
    lines = ["Harbour authority publishes its annual report on shipping", "By Staff"]
    for i in range(1, 61):
        if i in (12, 40):
            filler = " ".join(f"word{j}" for j in range(450))
            figure = (19 if edit else 17) if i == 12 else (250 if edit else 205)
            lines.append(f"Paragraph {i} opens with {figure} ships and goes on: {filler} and ends here.")
        elif i == 1:
            lines.append("PORT AVEN, May 4 (Meridian) — The harbour authority said on Thursday that traffic grew.")
        elif i == 25:
            lines.append(f"Paragraph {i} says {'31' if edit else '30'} cranes were working in the port.")
        else:
            lines.append(f"Paragraph {i} is an unchanged sentence about the harbour number {i}.")
    return "\n".join(lines) + "\n"


CRAFTED = {
    "hostile-memo": {"20260302T090000Z.txt": _HOSTILE_OLD, "20260302T110000Z.txt": _HOSTILE_NEW},
    "large-harbour": {"20260504T080000Z.txt": _large(False), "20260504T120000Z.txt": _large(True)},
}
KEYS = SEED_KEYS + sorted(CRAFTED)

# -- cases: (golden file name, arguments, how) ----------------------------------
# how: "pipe" (installed command, stdout a pipe), "tty" (in-process, a terminal),
# "out" (in-process: JSON, Markdown and HTML do not depend on the terminal)

Case = tuple[str, list[str], str]


def _cases() -> list[Case]:
    cases: list[Case] = [
        ("list.pipe.txt", ["list"], "pipe"),
        ("list.tty.txt", ["list"], "tty"),
        ("list.json", ["list", "-f", "json"], "out"),
    ]
    for fmt, ext in (("markdown", "md"), ("html", "html"), ("json", "json")):
        cases.append((f"audit.{ext}", ["audit", "-f", fmt], "out"))
        cases.append((f"audit-since-2030.{ext}", ["audit", "--since", "2030-01-01", "-f", fmt], "out"))
    cases += [
        ("audit.pipe.txt", ["audit"], "pipe"),
        ("audit.tty.txt", ["audit"], "tty"),
        ("audit-since-2030.tty.txt", ["audit", "--since", "2030-01-01"], "tty"),
        ("audit-hostile-memo.tty.txt", ["audit", "hostile-memo"], "tty"),
    ]
    for key in KEYS:
        cases += [
            (f"diff-{key}.pipe.txt", ["diff", key], "pipe"),
            (f"diff-{key}.tty.txt", ["diff", key], "tty"),
            (f"diff-{key}.md", ["diff", key, "-f", "markdown"], "out"),
            (f"diff-{key}.html", ["diff", key, "-f", "html"], "out"),
            (f"diff-{key}.json", ["diff", key, "-f", "json"], "out"),
            (f"log-{key}.tty.txt", ["log", key], "tty"),
            (f"log-{key}.json", ["log", key, "-f", "json"], "out"),
            (f"show-{key}.tty.txt", ["show", key], "tty"),
            (f"show-{key}.json", ["show", key, "-f", "json"], "out"),
        ]
    for how in ("pipe", "tty"):
        ext = f"{how}.txt"
        cases += [
            (f"diff-vessa-landslide-1-4-side.{ext}", ["diff", "vessa-landslide@1", "vessa-landslide@4", "-s"], how),
            (f"diff-large-harbour-C1-side.{ext}", ["diff", "large-harbour", "-C", "1", "-s"], how),
            (f"diff-large-harbour-C2.{ext}", ["diff", "large-harbour", "-C", "2"], how),
            (f"diff-hostile-memo-side.{ext}", ["diff", "hostile-memo", "-s"], how),
            (f"diff-port-aven-tram-flags-only.{ext}", ["diff", "port-aven-tram@1", "port-aven-tram@3",
                                                      "--flags-only", "--min-severity", "medium"], how),
            (f"diff-identical-files.{ext}", ["diff", "files/same.txt", "files/same.txt"], how),
            (f"log-vessa-landslide.{ext}", ["log", "vessa-landslide"], how),
            (f"show-hostile-memo-1.{ext}", ["show", "hostile-memo@1"], how),
        ]
    for how in ("pipe", "tty"):  # issue 17: git's habits, the stored text, a part a line into a pipe
        ext = f"{how}.txt"
        cases += [
            (f"diff-vessa-landslide-1-4-stat.{ext}", ["diff", "vessa-landslide@1", "vessa-landslide@4", "--stat"], how),
            (f"diff-large-harbour-stat.{ext}", ["diff", "large-harbour", "--stat"], how),
            (f"log-vessa-landslide-oneline.{ext}", ["log", "vessa-landslide", "--oneline"], how),
            (f"log-vessa-landslide-n2-until.{ext}", ["log", "vessa-landslide", "-n", "2",
                                                     "--until", "2026-04-07T15:00"], how),
            (f"show-hostile-memo-1-text.{ext}", ["show", "hostile-memo@1", "--text"], how),
            (f"show-balochistan-militants.{ext}", ["show", "balochistan-militants"], how),
        ]
    for fmt, ext in (("markdown", "md"), ("html", "html"), ("json", "json")):
        cases += [
            (f"diff-vessa-landslide-1-4-stat.{ext}", ["diff", "vessa-landslide@1", "vessa-landslide@4", "--stat",
                                                      "-f", fmt], "out"),
            (f"diff-port-aven-tram-flags-only.{ext}", ["diff", "port-aven-tram@1", "port-aven-tram@3",
                                                       "--flags-only", "--min-severity", "medium", "-f", fmt], "out"),
        ]
        if fmt == "json":  # log, list and show have text and JSON only
            cases.append((f"log-vessa-landslide-n2-until.{ext}", ["log", "vessa-landslide", "-n", "2",
                                                                  "--until", "2026-04-07T15:00", "-f", fmt], "out"))
        else:
            cases += [
                (f"diff-vessa-landslide-1-4-side.{ext}", ["diff", "vessa-landslide@1", "vessa-landslide@4", "-s",
                                                          "-f", fmt], "out"),
                (f"diff-hostile-memo-side.{ext}", ["diff", "hostile-memo", "-s", "-f", fmt], "out"),
            ]
    cases.append(("diff-large-harbour-C1.md", ["diff", "large-harbour", "-C", "1", "-f", "markdown"], "out"))
    cases.append(("diff-large-harbour-C1.html", ["diff", "large-harbour", "-C", "1", "-f", "html"], "out"))
    return cases


CASES = _cases()

# -- fixtures --------------------------------------------------------------------


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding store/golden.db (seeds and crafted chains) and files/."""
    root = tmp_path_factory.mktemp("golden")
    crafted = root / "crafted"
    for key, revisions in CRAFTED.items():
        for name, text in revisions.items():
            path = crafted / key / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    (root / "files").mkdir()
    same = root / "files" / "same.txt"
    same.write_text(_HOSTILE_NEW, encoding="utf-8")
    os.utime(same, (1_780_000_000, 1_780_000_000))  # a file's capture time is its mtime
    runner = CliRunner()
    for source in (SEEDS, crafted):
        result = runner.invoke(app, ["--store", str(root / "store" / "golden.db"), "import", str(source)],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.stderr
    return root


def _env(workdir: Path, **extra: str) -> dict[str, str]:
    return {"VERSIONER_STORE": str(workdir / "store" / "golden.db"), "COLUMNS": WIDTH, **extra}


def _pipe(workdir: Path, versioner_exe: str, args: list[str]) -> tuple[bytes, bytes, int]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "VERSIONER_STORE")}
    done = subprocess.run([versioner_exe, *args], capture_output=True, cwd=workdir, timeout=60,
                          env={**env, **_env(workdir, PYTHONIOENCODING="utf-8")})
    return done.stdout, done.stderr, done.returncode


def _in_process(workdir: Path, args: list[str], tty: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[bytes, bytes, int]:
    monkeypatch.chdir(workdir)
    # a terminal rich recognises, with no colour codes: styles are not pinned, layout is
    extra = {"TTY_COMPATIBLE": "1", "TERM": "dumb", "NO_COLOR": "1"} if tty else {}
    result = CliRunner().invoke(app, args, env=_env(workdir, **extra), catch_exceptions=False)
    return result.stdout_bytes, result.stderr_bytes, result.exit_code


@pytest.mark.parametrize(("name", "args", "how"), CASES, ids=[c[0] for c in CASES])
def test_golden(name: str, args: list[str], how: str, workdir: Path, versioner_exe: str,
                monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "pipe":
        out, err, code = _pipe(workdir, versioner_exe, args)
    else:
        out, err, code = _in_process(workdir, args, how == "tty", monkeypatch)
    assert code in (0, 1), err.decode(errors="replace")
    assert err == b""
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(out)
        return
    assert golden.is_file(), f"no {golden.name}: run `make golden`"
    assert out.decode() == golden.read_text(encoding="utf-8")


def test_no_stray_golden_files() -> None:
    """Every file in tests/golden/ belongs to a case (a renamed case leaves none behind)."""
    names = {c[0] for c in CASES}
    if UPDATE:
        for p in GOLDEN.iterdir():
            if p.name not in names:
                p.unlink()
    assert {p.name for p in GOLDEN.iterdir()} == names


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_an_audit_with_nothing_to_report_says_so_in_every_format(
        fmt: str, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTML page was empty: it asked whether the report (an iterator) was false."""
    out, _, code = _in_process(workdir, ["audit", "--since", "2030-01-01", "-f", fmt], False, monkeypatch)
    assert code == 0 and b"No revisions to report." in out
