"""The CLI's plumbing: which store a command reads, and what a REF names."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Run = Callable[..., Any]

ONE = "Tram line opens\n\nPORT AVEN, March 10 (Meridian) – The new tram line opened with 12 stops.\n"
TWO = "Tram line opens\n\nPORT AVEN, March 10 (Meridian) – The new tram line opened with 14 stops.\n"
FILE_TEXT = "A file, not stored\n\nHALDEN, May 1 (Meridian) – Nothing here is in the store.\n"

READS = (  # every command that reads a store, with its arguments
    ["list"], ["log", "tram"], ["show", "tram@1"], ["diff", "tram"], ["audit", "tram"], ["verify"],
)


def _store_with_tram(run: Run, write: Callable[..., Path], store: str) -> None:
    for at, text in (("2026-03-10T08:00:00Z", ONE), ("2026-03-10T09:00:00Z", TWO)):
        f = write(f"{at[11:13]}.txt", text)
        assert run("--store", store, "add", f, "--article", "tram", "--at", at).exit_code == 0


@pytest.mark.parametrize("args", READS, ids=lambda a: a[0])
def test_store_before_or_after_the_command_is_the_same_store(run: Run, write: Callable[..., Path],
                                                             args: list[str]) -> None:
    _store_with_tram(run, write, "a.db")
    before = run("--store", "a.db", *args, "--format", "json")
    after = run(*args, "--format", "json", "--store", "a.db")
    assert before.exit_code in (0, 1), before.stderr
    assert (after.exit_code, after.stdout) == (before.exit_code, before.stdout)


@pytest.mark.parametrize("args", READS, ids=lambda a: a[0])
def test_store_after_the_command_overrides_the_one_before(run: Run, write: Callable[..., Path],
                                                         args: list[str]) -> None:
    _store_with_tram(run, write, "a.db")
    # b.db does not exist: a command reading it refuses, a command reading a.db does not
    result = run("--store", "a.db", *args, "--store", "b.db")
    assert result.exit_code == 2 and "b.db" in result.stderr


def test_a_ref_naming_an_article_and_a_file_is_the_article_in_show_as_in_diff(
        run: Run, write: Callable[..., Path]) -> None:
    # one rule for both commands: a REF that names a stored article is the article,
    # even when a file here has its name (issue 17: the file silently won), and
    # ./NAME is the file
    _store_with_tram(run, write, "a.db")
    write("tram@2", FILE_TEXT)
    note = "versioner: tram@2 names an article in the store and a file here: using the article (./tram@2 for the file)\n"
    stored = run("--store", "a.db", "show", "tram@2", "--format", "json")
    assert (json.loads(stored.stdout)["text"], stored.stderr) == (TWO, note)
    shown = json.loads(run("--store", "a.db", "show", "./tram@2", "--format", "json").stdout)
    assert (shown["source"], shown["number"], shown["text"]) == ("./tram@2", 0, FILE_TEXT)
    compared = json.loads(run("--store", "a.db", "diff", "tram@1", "./tram@2", "--format", "json").stdout)
    assert compared["to"] == {"ref": "./tram@2", "sha256": shown["sha256"], "captured_at": shown["captured_at"]}


def test_a_stored_ref_with_no_such_file_comes_from_the_store(run: Run, write: Callable[..., Path]) -> None:
    _store_with_tram(run, write, "a.db")
    shown = json.loads(run("--store", "a.db", "show", "tram@2", "--format", "json").stdout)
    assert (shown["ref"], shown["text"]) == ("tram@2", TWO)
