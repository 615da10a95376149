"""`versioner diff`: refs, formats, exit codes, escaping of article text."""

from __future__ import annotations

import html.parser
import json

import pytest


def test_diff_key_alone_compares_previous_with_latest(run, seeded):
    result = run("diff", "balochistan-militants")
    assert result.exit_code == 1
    assert "balochistan-militants@1" in result.stdout and "balochistan-militants@2" in result.stdout
    assert "{+militants +}" in result.stdout  # piped output uses word-diff markers


def test_identical_revisions_exit_zero(run, seeded):
    result = run("diff", "port-aven-tram@1", "port-aven-tram@3")
    assert result.exit_code == 0
    assert "identical" in result.stdout


def test_diff_two_refs_and_minus_one(run, seeded):
    a = run("diff", "vessa-landslide@-1", "vessa-landslide", "--format", "json")
    b = run("diff", "vessa-landslide@3", "vessa-landslide@4", "--format", "json")
    assert a.exit_code == b.exit_code == 1
    assert json.loads(a.stdout) == json.loads(b.stdout)


def test_json_shape_matches_design(run, seeded):
    result = run("diff", "altair-flight-diversion", "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) >= {"from", "to", "changes", "flags"}
    assert data["from"]["ref"] == "altair-flight-diversion@1" and len(data["to"]["sha256"]) == 64
    for c in data["changes"]:
        assert set(c) >= {"section", "paragraph", "kind", "old", "new"}
        assert c["kind"] in {"insert", "delete", "replace", "move"}
    figure = next(f for f in data["flags"] if f["type"] == "figure")
    assert (figure["old_value"], figure["new_value"]) == (221, 212)
    assert figure["severity"] == "high" and figure["paragraph"] == 2
    assert "passengers" in figure["reason"]
    negation = next(f for f in data["flags"] if f["type"] == "negation")
    assert '"not" added' in negation["reason"]
    for f in data["flags"]:
        assert set(f) >= {"type", "severity", "section", "paragraph", "old", "new", "reason"}


def test_two_files_need_no_store(run, write, store_path):
    a = write("a.txt", "Headline here\n\nLONDON (AP) — The council approved 12 new homes.\n")
    b = write("b.txt", "Headline here\n\nLONDON (AP) — The council approved 15 new homes.\n")
    result = run("diff", a, b)
    assert result.exit_code == 1
    assert "[-12-]{+15+}" in result.stdout
    assert not store_path.exists()


def test_no_split_words_in_output(run, write):
    a = write("a.txt", "Fighting spread across Balochistan on Sunday.\n")
    b = write("b.txt", "Fighting spread across Baluchistan on Sunday.\n")
    out = run("diff", a, b).stdout
    assert "[-Balochistan-]{+Baluchistan+}" in out


def test_context_shows_unchanged_paragraphs(run, seeded):
    bare = run("diff", "caldoria-rate-cut").stdout
    more = run("diff", "caldoria-rate-cut", "--context", "1").stdout
    assert "unchanged paragraph" in bare
    assert "¶2 " in more and "¶2 " not in bare


def test_side_by_side_has_two_columns(run, seeded):
    out = run("diff", "caldoria-rate-cut", "--side-by-side").stdout
    assert "caldoria-rate-cut@1" in out and "caldoria-rate-cut@2" in out
    assert "50" in out and "25" in out


def test_flags_only_and_min_severity(run, seeded):
    only = run("diff", "bravnik-marathon", "--flags-only").stdout
    assert "typo" in only and "{+" not in only
    high = run("diff", "bravnik-marathon", "--flags-only", "--min-severity", "high", "--format", "json")
    assert json.loads(high.stdout)["flags"] == []


def test_unknown_ref_is_exit_two(run, seeded):
    result = run("diff", "no-such-story")
    assert result.exit_code == 2
    assert result.stderr.startswith("versioner: ")
    first = run("diff", "balochistan-militants@1")
    assert first.exit_code == 2 and "first revision" in first.stderr


HOSTILE = (
    "Headline [bold red]styled[/] \x1b[31mred\x1b[0m\n\n"
    "LONDON (AP) — Body with \x1b]0;pwned\x07 title, \u202eevil\u202c bidi, "
    "<script>alert(1)</script> and <a href=\"javascript:x()\">link</a>.\n"
)


@pytest.fixture
def hostile_pair(write):
    a = write("a.txt", HOSTILE)
    b = write("b.txt", HOSTILE.replace("Body", "Bodies").replace("styled", "restyled"))
    return a, b


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_hostile_text_never_reaches_output_raw(run, hostile_pair, fmt):
    out = run("diff", *hostile_pair, "--format", fmt).stdout
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    if fmt == "html":
        assert "<script>" not in out and 'href="javascript' not in out
        assert "&lt;script&gt;" in out
    if fmt == "text":
        assert "[bold red]" in out  # markup shown, not interpreted
        assert "\\x1b" in out and "<U+202E>" in out


def test_html_is_one_wellformed_page(run, seeded):
    out = run("diff", "altair-flight-diversion", "--format", "html").stdout
    assert out.startswith("<!DOCTYPE html>") and "<del>221</del>" in out and "<ins>212</ins>" in out

    class Counter(html.parser.HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    c = Counter()
    c.feed(out)
    assert "script" not in c.tags and c.tags.count("html") == 1


def test_markdown_marks_deletions_and_insertions(run, seeded):
    out = run("diff", "altair-flight-diversion", "--format", "markdown").stdout
    assert "~~221~~" in out and "**212**" in out
    assert "| severity | type |" in out


def test_subprocess_exit_codes_and_pipe(sh, versioner_exe, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The mayor said the bridge would reopen on Monday.\n")
    b.write_text("The mayor said the bridge would not reopen on Monday.\n")
    p = sh("diff", a, b, exe=versioner_exe)
    assert p.returncode == 1
    out = p.stdout.decode()
    assert "{+not +}" in out and "negation" in out
    assert sh("diff", a, a, exe=versioner_exe).returncode == 0
    bad = sh("diff", a, tmp_path / "missing.txt")
    assert bad.returncode == 2 and bad.stderr.decode().count("\n") == 1


def test_no_color_env_keeps_markers_on_a_terminal_free_run(sh, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("Rates rose 3.1% in May.\n")
    b.write_text("Rates rose 3.4% in May.\n")
    p = sh("diff", a, b, env={"NO_COLOR": "1"})
    assert "\x1b[" not in p.stdout.decode()
    assert "[-3.1-]{+3.4+}%" in p.stdout.decode()


def test_piped_diff_keeps_each_paragraph_on_one_line(run, seeded):
    # like `git diff --word-diff` into a pipe: greppable, never wrapped at 80 columns
    result = run("diff", "altair-flight-diversion")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("--- altair-flight-diversion@1") and lines[0].endswith("sha256 131946755ae5")
    (para,) = [line for line in lines if line.startswith("¶2 ")]
    assert "[-221-]{+212+} passengers" in para and para.endswith("according to the airline.")
