"""What a new user met (issue 17): stores that appeared silently (item 8),
meaningless keys (item 9) and loose references (item 10)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from versioner import identity

STORY = "Ship sinks off coast\n\nA cargo ship sank off the coast on Monday, officials said.\n"
CORRECTED = STORY.replace("Monday", "Tuesday")


def _exe(versioner_exe: str, *args: object, cwd: Path, store: str | None = None,
         stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "VERSIONER_STORE"}
    if store is not None:
        env["VERSIONER_STORE"] = store
    return subprocess.run([versioner_exe, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env=env, input=stdin, timeout=60)


# -- item 8: a store never appears silently --------------------------------------


def test_add_in_a_new_folder_says_it_created_the_default_store(versioner_exe: str, tmp_path: Path) -> None:
    # before: `add` made ./store/versioner.db without a word
    first = _exe(versioner_exe, "add", "-", "--article", "ship", cwd=tmp_path, stdin=STORY)
    assert (first.returncode, first.stdout) == (0, "ship@1\n")
    assert first.stderr == "versioner: created new store at store/versioner.db\n"
    assert (tmp_path / "store" / "versioner.db").is_file()  # ./store, the default's folder, is made
    second = _exe(versioner_exe, "add", "-", "--article", "ship", cwd=tmp_path, stdin=CORRECTED)
    assert (second.returncode, second.stdout, second.stderr) == (0, "ship@2\n", "")


def test_import_says_it_created_a_store(versioner_exe: str, tmp_path: Path, seeds_dir: Path) -> None:
    result = _exe(versioner_exe, "--store", "mine.db", "import", seeds_dir, cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("imported 17 revision(s)")
    assert result.stderr == "versioner: created new store at mine.db\n"
    again = _exe(versioner_exe, "--store", "mine.db", "import", seeds_dir, cwd=tmp_path)
    assert again.stderr == ""


@pytest.mark.parametrize("via", ["option", "environment"])
def test_a_store_in_a_folder_that_does_not_exist_is_an_error(versioner_exe: str, tmp_path: Path, via: str) -> None:
    # before: a mistyped --store nope/dir/x.db made the folders
    args: tuple[str, ...] = ("--store", "nope/dir/x.db") if via == "option" else ()
    result = _exe(versioner_exe, *args, "add", "-", "--article", "ship", cwd=tmp_path, stdin=STORY,
                  store="nope/dir/x.db" if via == "environment" else None)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == ("versioner: cannot create store nope/dir/x.db: no folder nope/dir"
                             " (make it first; only a folder named store is made when missing)\n")
    assert list(tmp_path.iterdir()) == []


def test_reading_commands_on_a_missing_store_say_so_and_create_nothing(
        versioner_exe: str, tmp_path: Path) -> None:
    for args in (["list"], ["log", "ship"], ["show", "ship"], ["diff", "ship"], ["audit"]):
        result = _exe(versioner_exe, *args, cwd=tmp_path)
        assert result.returncode == 2 and result.stderr.startswith("versioner: no store at store/versioner.db")
    assert list(tmp_path.iterdir()) == []


# -- item 9: readable keys ---------------------------------------------------------


@pytest.mark.parametrize("headline, key", [
    # before: 4-2-2026-03-03, article-2026-03-03, 5-2-2026-03-03
    ("Взрыв на заводе в Самаре: 4 погибших, 2 раненых", "vzryv-na-zavode-v-samare-4-pogibshikh-2026-03-03"),
    ("انفجار في ميناء بيروت", "nfjr-fy-myn-byrwt-2026-03-03"),
    ("Σεισμός 5,2 Ρίχτερ στην Κρήτη", "seismos-5-2-rikhter-sten-krete-2026-03-03"),
    ("Straßenbahn in Köln entgleist", "strassenbahn-in-koln-entgleist-2026-03-03"),
    ("Café owner’s “big” day: 40% off", "cafe-owners-big-day-40-off-2026-03-03"),  # as before
])
def test_a_headline_in_any_script_gives_a_readable_latin_key(headline: str, key: str) -> None:
    assert identity.key_from_text(f"{headline}\n\nBody text of the story.\n", "2026-03-03T08:00:00Z") == key


@pytest.mark.parametrize("url, key", [
    ("https://www.dailylantern.example/news/2026/mar/02/orvel-dam-inspection", "dailylantern-orvel-dam-inspection"),
    ("https://news.bbc.co.uk/news/world-europe-68123456", "bbc-world-europe-68123456"),
    ("https://edition.cnn.com/2026/03/03/politics/senate-vote-budget/index.html", "cnn-senate-vote-budget"),
    # before: news, politics, article, article-2
    ("https://example.org/news/123456", "example-123456"),
    ("https://example.org/politics/", "example"),
    ("https://example.org/news/article.html", "example"),
    ("https://example.org/amp/news/12345.amp.html", "example-12345"),
    ("https://www.example.org/2026/03/03/", "example"),
    ("https://reuters.com/reuters-world-news", "reuters-world-news"),  # the site's name once
    ("https://127.0.0.1:8399/orvel-dam.html", "127-0-0-1-orvel-dam"),
    ("https://example.org/мир/взрыв-на-заводе", "example-vzryv-na-zavode"),
])
def test_a_url_key_is_the_site_and_the_meaningful_end_of_the_path(url: str, key: str) -> None:
    assert identity.key_from_url(url) == key


def test_a_keyless_add_of_a_cyrillic_story_gets_a_readable_key(run: Callable[..., Any], write: Callable[..., Path]) -> None:
    path = write("s.txt", "Взрыв на заводе в Самаре\n\nНа заводе произошёл взрыв, сообщили власти.\n")
    result = run("add", path, "--at", "2026-03-03T08:00:00Z")
    assert result.exit_code == 0 and result.stdout == "vzryv-na-zavode-v-samare-2026-03-03@1\n"


def test_an_existing_articles_url_key_never_changes(run: Callable[..., Any], tmp_path: Path,
                                                    sql: Callable[..., list[tuple[Any, ...]]]) -> None:
    """A store made before: its web article keyed by host and path keeps its key
    (the store finds the article by its URL); only new articles get the new keys."""
    page = Path(__file__).parent / "web_pages" / "top-box.html"
    if not page.is_file():
        pytest.skip("the web test pages are not there")
    pytest.importorskip("trafilatura")
    old_key = "dailylantern.example/news/2026/mar/02/orvel-dam-inspection"
    url = "https://dailylantern.example/news/2026/mar/02/orvel-dam-inspection"
    first = run("add", "-", "--article", old_key, "--url", url, "--at", "2026-03-01T08:00:00Z", input=STORY)
    assert first.exit_code == 0
    shutil.copyfile(page, tmp_path / "saved.html")
    result = run("add", tmp_path / "saved.html")  # keyed by its canonical URL: the same article
    assert (result.exit_code, result.stdout) == (0, f"{old_key}@2\n"), result.stderr
    assert sql("select key from articles") == [(old_key,)]


# -- item 10: references ------------------------------------------------------------


@pytest.fixture
def ship(run: Callable[..., Any], write: Callable[..., Path]) -> Path:
    """A store with ship@1 and ship@2, and a file named `ship` in the current folder."""
    for text in (STORY, CORRECTED):
        assert run("add", "-", "--article", "ship", input=text).exit_code == 0
    return write("ship", "A file that is not the article\n\nIts own words.\n")


def test_an_article_wins_over_a_file_of_the_same_name_and_says_so(run: Callable[..., Any], ship: Path) -> None:
    # before: the file silently stood in for the article
    shown = run("show", "ship", "-f", "json")
    assert shown.exit_code == 0 and '"ship@2"' in shown.stdout and "Its own words" not in shown.stdout
    assert shown.stderr == ("versioner: ship names an article in the store and a file here: using the article"
                            " (./ship for the file)\n")
    diff = run("diff", "ship")  # previous vs latest, not "a single file has nothing to compare with"
    assert diff.exit_code == 1 and "ship@1" in diff.stdout and "ship@2" in diff.stdout


def test_a_path_written_with_a_slash_is_the_file(run: Callable[..., Any], ship: Path) -> None:
    shown = run("show", "./ship")
    assert shown.exit_code == 0 and "Its own words" in shown.stdout and shown.stderr == ""
    diff = run("diff", "ship@1", "./ship")
    assert diff.exit_code == 1 and "Its own words" in diff.stdout
    assert run("diff", "./ship").stderr == "versioner: ./ship: a single file has nothing to compare with\n"


def test_files_need_no_store(run: Callable[..., Any], write: Callable[..., Path], store_path: Path) -> None:
    write("old.txt", STORY)
    write("new.txt", CORRECTED)
    result = run("diff", "old.txt", "new.txt")
    assert result.exit_code == 1 and "{+Tuesday+}" in result.stdout and result.stderr == ""
    assert not store_path.exists()


@pytest.mark.parametrize("ref, message", [
    # before: "no article 'ship@x' in the store" ... (ship@x@1)
    ("ship@x", "ship@x: after '@' comes a revision number (ship@2, ship@-1) or sha: and a hash prefix"),
    ("ship@", "ship@: after '@' comes a revision number (ship@2, ship@-1) or sha: and a hash prefix"),
    ("shp", "no article 'shp' in the store; did you mean 'ship'?"),
    ("shipp@2", "no article 'shipp' in the store; did you mean 'ship'?"),
    ("zzzzzz", "no article 'zzzzzz' in the store"),
])
def test_a_bad_ref_says_what_is_wrong_and_what_was_meant(run: Callable[..., Any], ship: Path,
                                                          ref: str, message: str) -> None:
    result = run("show", ref)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"versioner: {message}\n")
    assert "@1)" not in result.stderr


def test_did_you_mean_lists_up_to_three_keys(run: Callable[..., Any]) -> None:
    for key in ("ship-sinks", "ship-sank", "ship-sunk", "rail-strike"):
        assert run("add", "-", "--article", key, input=STORY.replace("Ship", key)).exit_code == 0
    result = run("log", "ship-sink")
    assert result.exit_code == 2
    assert result.stderr == ("versioner: no article 'ship-sink' in the store;"
                             " did you mean 'ship-sinks', 'ship-sunk' or 'ship-sank'?\n")  # closest first
