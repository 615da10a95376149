"""versioner list, log and show: what the store holds, as text and as JSON."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Snapshot = Callable[[], Any]

HOSTILE = (
    "Hostile \x1b[31mRED\x1b]0;title\x07 headline for the terminal\n"
    "\n"
    "Body with [bold]x[/bold] markup and \u202eevil reversed text.\n"
    "\n"
    "Another paragraph with a zero\u200bwidth space and a \x9b31m C1 escape.\n"
)


def assert_refused(result: Any, message: str) -> None:
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"versioner: {message}\n"


# -- list --------------------------------------------------------------------


def test_list_shows_every_article_with_its_revision_count(seeded: Path, run: Callable[..., Any]) -> None:
    result = run("list")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("7 article(s)")
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.startswith("│")}
    assert set(rows) == {"altair-flight-diversion", "balochistan-militants", "bravnik-marathon",
                         "caldoria-rate-cut", "lestria-minister-resigns", "port-aven-tram", "vessa-landslide"}
    cells = [c.strip() for c in rows["vessa-landslide"].split("│")[1:-1]]
    # two notices: the update carried from @2 into @3 counts once, then the correction
    assert cells == ["vessa-landslide", "4", "2026-04-07 05:30", "2026-04-07 19:05", "2"]


def test_list_json_has_the_documented_fields_latest_change_first(seeded: Path,
                                                                 run: Callable[..., Any]) -> None:
    result = run("list", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    arts = data["articles"]
    assert [a["article"] for a in arts] == [
        "altair-flight-diversion", "bravnik-marathon", "vessa-landslide", "caldoria-rate-cut",
        "port-aven-tram", "lestria-minister-resigns", "balochistan-militants",
    ]
    tram = next(a for a in arts if a["article"] == "port-aven-tram")
    assert tram == {"article": "port-aven-tram", "url": None, "revisions": 3,
                    "first_captured": "2026-03-10T14:00:00Z", "last_captured": "2026-03-10T15:05:00Z",
                    "notices": 0}
    notices = {a["article"]: a["notices"] for a in arts}
    assert (notices["caldoria-rate-cut"], notices["vessa-landslide"], notices["altair-flight-diversion"]) == (1, 2, 1)


def test_list_without_a_store_is_an_error_and_creates_none(run: Callable[..., Any], store_path: Path) -> None:
    result = run("list")
    assert result.exit_code == 2
    assert result.stderr.startswith("versioner: no store at ")
    assert not store_path.exists()


def test_list_of_a_store_that_is_not_a_database_exits_2(run: Callable[..., Any],
                                                        write: Callable[..., Path]) -> None:
    notes = write("notes.txt", "milk, eggs\n")
    assert_refused(run("--store", notes, "list"), f"{notes} is not a versioner store (not a SQLite database)")
    assert notes.read_text() == "milk, eggs\n"


# -- show --------------------------------------------------------------------


def test_show_labels_every_part_and_numbers_the_body(seeded: Path, run: Callable[..., Any]) -> None:
    result = run("show", "caldoria-rate-cut")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("caldoria-rate-cut@2  captured 2026-03-18T10:47:00Z  sha256 ")
    # not a terminal: one line a part, label and text separated by a tab
    labels = [line.split("\t")[0] for line in lines[1:]]
    assert labels == ["notice", "headline", "byline", "dateline"] + [f"body {n}" for n in range(1, 12)] + ["credits"]
    assert "(Corrects paragraph 3 to show rate cut was 25 basis points, not 50)" in result.stdout


def test_show_json_has_parts_with_sections_and_paragraph_numbers(seeded: Path, run: Callable[..., Any],
                                                                  seeds_dir: Path) -> None:
    data = json.loads(run("show", "vessa-landslide@2", "--format", "json").stdout)
    text = (seeds_dir / "vessa-landslide" / "20260407T091500Z.txt").read_text()
    assert data["ref"] == "vessa-landslide@2" and data["article"] == "vessa-landslide" and data["number"] == 2
    assert data["captured_at"] == "2026-04-07T09:15:00Z"
    assert data["text"] == text
    assert data["source"] == "vessa-landslide/20260407T091500Z.txt"
    assert len(data["sha256"]) == 64
    sections = [p["section"] for p in data["parts"]]
    assert sections == ["notice", "headline", "byline", "dateline"] + ["body"] * 10 + ["credits"]
    assert data["parts"][0] == {"section": "notice", "text": "(Updates death toll, adds rescue details)",
                                "position": "top"}
    body = [p for p in data["parts"] if p["section"] == "body"]
    assert [p["paragraph"] for p in body] == list(range(1, 11))
    assert body[1]["text"].startswith("At least 19 people were killed")
    assert all("paragraph" not in p for p in data["parts"] if p["section"] != "body")


@pytest.mark.parametrize(
    "ref, number",
    [("vessa-landslide", 4), ("vessa-landslide@1", 1), ("vessa-landslide@3", 3),
     ("vessa-landslide@-1", 3), ("vessa-landslide@-3", 1)],
)
def test_refs_resolve_to_the_right_revision(ref: str, number: int, seeded: Path,
                                            run: Callable[..., Any]) -> None:
    data = json.loads(run("show", ref, "-f", "json").stdout)
    assert data["number"] == number
    assert data["ref"] == f"vessa-landslide@{number}"


def test_one_before_latest_is_the_previous_text(seeded: Path, run: Callable[..., Any]) -> None:
    latest = json.loads(run("show", "balochistan-militants", "-f", "json").stdout)
    before = json.loads(run("show", "balochistan-militants@-1", "-f", "json").stdout)
    assert "145 militants killed" in latest["parts"][1]["text"]
    assert before["parts"][0] == {"section": "headline",
                                  "text": "Pakistan says 145 killed in 40 hours of fighting in Balochistan"}


@pytest.mark.parametrize(
    "ref, message",
    [
        ("no-such-story", "no article 'no-such-story' in the store"),
        ("no-such-story@2", "no article 'no-such-story' in the store"),
        ("caldoria-rate-cut@3", "caldoria-rate-cut has 2 revision(s); there is no caldoria-rate-cut@3"),
        ("caldoria-rate-cut@0", "caldoria-rate-cut@0: revisions are numbered from 1 (caldoria-rate-cut@1)"),
        ("caldoria-rate-cut@-2", "caldoria-rate-cut has 2 revision(s); there is no caldoria-rate-cut@-2"),
    ],
)
def test_unknown_refs_exit_2_and_change_nothing(ref: str, message: str, seeded: Path,
                                                run: Callable[..., Any], snapshot: Snapshot) -> None:
    before = snapshot()
    assert_refused(run("show", ref), message)
    assert_refused(run("show", ref, "--format", "json"), message)
    assert snapshot() == before


def test_unknown_ref_from_the_console_script_exits_2(seeded: Path, versioner_exe: str,
                                                     sh: Callable[..., Any]) -> None:
    result = sh("show", "caldoria-rate-cut@9", exe=versioner_exe)
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr == b"versioner: caldoria-rate-cut has 2 revision(s); there is no caldoria-rate-cut@9\n"


def test_show_of_a_file_path_parses_it_without_storing(run: Callable[..., Any], write: Callable[..., Path],
                                                       store_path: Path) -> None:
    write("draft.txt", "Ship sinks off coast\n\nA cargo ship sank on Monday.\n")
    result = run("show", "draft.txt", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["parts"][0] == {"section": "headline", "text": "Ship sinks off coast"}
    assert not store_path.exists()


def test_a_revision_number_too_big_for_sqlite_is_an_unknown_ref(seeded: Path,
                                                                run: Callable[..., Any]) -> None:
    for ref in ("caldoria-rate-cut@99999999999999999999", "caldoria-rate-cut@-99999999999999999999"):
        result = run("show", ref)
        assert result.exit_code == 2
        assert result.stderr.startswith("versioner: caldoria-rate-cut has 2 revision(s)")


# -- log ---------------------------------------------------------------------


def test_log_of_a_single_revision(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    run("add", write("a.txt", "Ship sinks off coast\n\nA cargo ship sank on Monday.\n"),
        "--article", "ship", "--at", "2026-03-03T08:00:00Z")
    text = run("log", "ship")
    assert text.exit_code == 0
    assert text.stdout.startswith("ship: 1 revision(s)")
    assert "first revision" in text.stdout and "2026-03-03 08:00" in text.stdout
    data = json.loads(run("log", "ship", "--format", "json").stdout)
    assert data["article"] == "ship"
    (entry,) = data["revisions"]
    assert entry["ref"] == "ship@1" and entry["number"] == 1
    assert entry["captured_at"] == "2026-03-03T08:00:00Z"
    assert entry["words"] == 10
    assert (entry["notices"], entry["new_notices"], entry["changes"]) == ([], [], "first revision")
    assert len(entry["sha256"]) == 64


def test_log_of_a_seed_chain_shows_notices_and_changes(seeded: Path, run: Callable[..., Any]) -> None:
    data = json.loads(run("log", "vessa-landslide", "--format", "json").stdout)
    revs = data["revisions"]
    assert [r["ref"] for r in revs] == [f"vessa-landslide@{n}" for n in (1, 2, 3, 4)]
    assert [r["captured_at"][11:16] for r in revs] == ["05:30", "09:15", "13:40", "19:05"]
    assert revs[0]["notices"] == [] and revs[0]["changes"] == "first revision"
    assert revs[1]["new_notices"] == ["(Updates death toll, adds rescue details)"]
    assert revs[2]["notices"] == ["(Updates death toll, adds rescue details)"] and revs[2]["new_notices"] == []
    assert revs[3]["new_notices"] == ["(Corrects death toll in paragraph 2 to 17, not 19)"]
    assert "body" in revs[1]["changes"] and "body" in revs[2]["changes"]
    assert revs[1]["words"] > revs[0]["words"]  # two paragraphs were added


def test_log_names_a_headline_change_and_a_rollback(seeded: Path, run: Callable[..., Any]) -> None:
    result = run("log", "port-aven-tram")
    assert result.exit_code == 0
    rows = [line for line in result.stdout.splitlines() if line.startswith("│")]
    assert [row.split("│")[1].strip() for row in rows] == ["@1", "@2", "@3"]
    assert "headline" in rows[1]
    assert "same text as @1" in rows[2]
    data = json.loads(run("log", "port-aven-tram", "-f", "json").stdout)
    assert data["revisions"][2]["sha256"] == data["revisions"][0]["sha256"]
    assert "headline" in data["revisions"][1]["changes"]


def test_log_of_an_unknown_article_exits_2(seeded: Path, run: Callable[..., Any]) -> None:
    assert_refused(run("log", "no-such-story"), "no article 'no-such-story' in the store")


# -- untrusted text never reaches the terminal raw ---------------------------


def _no_raw_controls(out: str) -> None:
    for ch in ("\x1b", "\x07", "\u202e", "\u200b", "\x9b"):
        assert ch not in out, repr(ch)


def test_hostile_text_is_shown_escaped_and_markup_literally(run: Callable[..., Any],
                                                            write: Callable[..., Path]) -> None:
    key = "evil\u202e[bold]key[/bold]"
    assert run("add", write("h.txt", HOSTILE), "--article", key).exit_code == 0
    for args in (("show", key), ("list",), ("log", key)):
        out = run(*args).stdout
        _no_raw_controls(out)
        assert "[bold]key[/bold]" in out
    shown = run("show", key).stdout
    assert "[bold]x[/bold]" in shown
    assert "\\x1b[31mRED\\x1b]0;title\\x07" in shown
    assert "<U+202E>evil" in shown


def test_hostile_text_in_json_is_escaped_but_round_trips(run: Callable[..., Any],
                                                         write: Callable[..., Path]) -> None:
    assert run("add", write("h.txt", HOSTILE), "--article", "evil").exit_code == 0
    for args in (("show", "evil", "-f", "json"), ("list", "-f", "json"), ("log", "evil", "-f", "json")):
        _no_raw_controls(run(*args).stdout)
    data = json.loads(run("show", "evil", "-f", "json").stdout)
    assert data["text"] == HOSTILE
    assert data["parts"][1]["text"] == "Body with [bold]x[/bold] markup and \u202eevil reversed text."


def test_hostile_text_through_a_real_pipe(sh: Callable[..., Any], versioner_exe: str,
                                          write: Callable[..., Path]) -> None:
    assert sh("add", write("h.txt", HOSTILE), "--article", "evil", exe=versioner_exe).returncode == 0
    for args in (("show", "evil"), ("list",)):
        result = sh(*args, exe=versioner_exe)
        assert result.returncode == 0
        out = result.stdout.decode("utf-8")
        _no_raw_controls(out)
    assert "[bold]x[/bold]" in sh("show", "evil").stdout.decode("utf-8")


# -- pipes and encodings -----------------------------------------------------


def test_show_into_a_pipe_closed_early_exits_quietly(run: Callable[..., Any], write: Callable[..., Path],
                                                      versioner_exe: str) -> None:
    body = "\n".join(f"Paragraph {i} of a very long story that runs on for many lines." for i in range(3000))
    run("add", write("long.txt", f"Long story\n\n{body}\n"), "--article", "long")
    proc = subprocess.Popen([versioner_exe, "show", "long"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert first.startswith(b"long@1")
    assert b"Traceback" not in err


def test_non_ascii_text_survives_a_utf8_pipe(sh: Callable[..., Any], write: Callable[..., Path]) -> None:
    write("a.txt", "Café “quotes” – and — dashes\n\nHélène said: ‘ça va’.\n")
    sh("add", "a.txt", "--article", "cafe")
    out = sh("show", "cafe", env={"PYTHONIOENCODING": "utf-8", "LC_ALL": "C"}).stdout.decode("utf-8")
    assert "Café “quotes” – and — dashes" in out and "‘ça va’" in out


def test_show_on_a_narrow_stdout_encoding_escapes_what_it_cannot_encode(sh: Callable[..., Any],
                                                                        write: Callable[..., Path]) -> None:
    write("a.txt", "Café “quotes” – and — dashes\n\nHélène said: ‘ça va’.\n")
    assert sh("add", "a.txt", "--article", "cafe").returncode == 0
    result = sh("show", "cafe", env={"PYTHONIOENCODING": "ascii"})
    assert (result.returncode, result.stderr) == (0, b"")
    assert b"Caf\\xe9 \\u201cquotes\\u201d" in result.stdout


def test_json_on_a_narrow_stdout_encoding_is_still_valid_json(sh: Callable[..., Any],
                                                              write: Callable[..., Path]) -> None:
    text = "Café “quotes” – and — dashes\n\nHélène said: ‘ça va’.\n"
    write("a.txt", text)
    assert sh("add", "a.txt", "--article", "cafe").returncode == 0
    for args in (("show", "cafe", "-f", "json"), ("list", "-f", "json"), ("log", "cafe", "-f", "json")):
        result = sh(*args, env={"PYTHONIOENCODING": "ascii"})
        assert result.returncode == 0
        json.loads(result.stdout.decode("ascii"))
    shown = sh("show", "cafe", "-f", "json", env={"PYTHONIOENCODING": "ascii"})
    assert json.loads(shown.stdout.decode("ascii"))["text"] == text
