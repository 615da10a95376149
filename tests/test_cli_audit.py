"""`versioner audit` on the sample chains: each verdict an editor would give."""

from __future__ import annotations

import json


def _verdicts(run, key=None):
    args = ["audit", "--format", "json"] + ([key] if key else [])
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return {a["article"]: a["revisions"] for a in json.loads(result.stdout)["articles"]}


def test_seed_story_correction_is_consistent(run, seeded):
    revs = _verdicts(run, "balochistan-militants")["balochistan-militants"]
    assert [r["verdict"] for r in revs] == ["first", "consistent"]
    notice = revs[1]["notice"]
    assert notice["kind"] == "correction"
    assert notice["text"] == "(Corrects to add missing word in headline)"
    assert {"section": "headline"}.items() <= notice["targets"][0].items()


def test_every_sample_chain_gets_the_editors_verdicts(run, seeded):
    got = {k: [r["verdict"] for r in v] for k, v in _verdicts(run).items()}
    assert got["caldoria-rate-cut"] == ["first", "consistent"]
    assert got["altair-flight-diversion"] == ["first", "undisclosed"]
    # headline B says what the body already said: a rewrite, not a fact taken back
    assert got["port-aven-tram"] == ["first", "update", "revert"]
    assert got["lestria-minister-resigns"] == ["first", "mismatch"]
    assert got["bravnik-marathon"] == ["first", "minor"]
    assert got["vessa-landslide"] == ["first", "consistent", "late", "consistent"]


def test_undisclosed_names_the_change_outside_the_notice(run, seeded):
    rev = _verdicts(run, "altair-flight-diversion")["altair-flight-diversion"][1]
    assert [u["type"] for u in rev["undisclosed"]] == ["negation"]
    assert any(c["type"] == "figure" for c in rev["covered"])


def test_late_names_the_disclosing_revision_and_latency(run, seeded):
    rev = _verdicts(run, "vessa-landslide")["vessa-landslide"][2]
    assert rev["verdict"] == "late"
    assert rev["disclosed_by"] == "vessa-landslide@4"
    assert rev["latency_s"] == 19500
    assert any(u["type"] == "quote" for u in rev["undisclosed"])  # the quote was never owned up to


def test_strict_exits_one_on_undisclosed_changes(run, seeded):
    assert run("audit", "--strict").exit_code == 1
    assert run("audit", "balochistan-militants", "--strict").exit_code == 0
    assert run("audit").exit_code == 0


def test_audit_text_report_shows_verdict_words(run, seeded):
    out = run("audit").stdout
    for word in ("consistent", "undisclosed", "update", "revert", "mismatch", "minor", "late"):
        assert word in out


# -- issue 6: formats, --since, latency, log verdicts, --strict ----------------

HEAD = "Dockers vote on pay deal\n\nOSTRA, March 1 (Meridian) – Dockers in Ostra voted on Monday.\n"
# nothing in common with NEW_P: the hostile paragraph is added whole, not a rewrite of this one
OLD_P = "Talks broke down before dawn.\n"
# markup, a link and a script in the changed words: they reach the reasons and the notice
NEW_P = "Union members <b>rejected</b> the *deal* [x](http://evil.example) <script>alert(1)</script>.\n"


def _chain(run, write, key, texts_at):
    for n, (text, at) in enumerate(texts_at, 1):
        result = run("add", write(f"{key}-{n}.txt", text), "--article", key, "--at", at)
        assert result.exit_code == 0, result.stderr


def _late_only(run, write):
    """A stealth figure change owned up to by the next revision's notice: late, consistent."""
    base = "Ferry sinks off Marrow\n\nMARROW, Feb 1 (Meridian) – At least {n} people died when a ferry sank on Sunday.\n"
    _chain(run, write, "ferry", [
        (base.format(n=31), "2026-02-01T08:00:00Z"),
        (base.format(n=33), "2026-02-01T09:00:00Z"),
        ("(Corrects death toll in paragraph 1 to 33, not 31)\n" + base.format(n=33), "2026-02-01T11:30:00Z"),
    ])


def _hostile(run, write, notice=""):
    _chain(run, write, "port", [(HEAD + OLD_P, "2026-03-01T08:00:00Z"),
                                (notice + HEAD + NEW_P, "2026-03-01T09:00:00Z")])


def test_audit_markdown_escapes_article_text(run, write):
    _hostile(run, write)
    result = run("audit", "port", "--format", "markdown")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("### port\n")
    assert "| @2 | 2026-03-01T09:00:00Z | ‼ stealth |" in out
    assert "Notice latency:" in out and "- @2: no notice" in out
    assert "\\<b\\>rejected\\</b\\>" in out and "\\*deal\\*" in out and "\\[x\\]" in out
    assert "<b>" not in out and "<script>" not in out and "[x](" not in out


def test_audit_html_is_one_escaped_self_contained_page(run, write):
    _hostile(run, write, notice="(Corrects <i>spelling</i> of name in headline)\n")
    result = run("audit", "--format", "html")
    assert result.exit_code == 0
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<html") == 1 and "<style>" in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "<b>" not in page and "&lt;b&gt;rejected" in page
    assert "<i>" not in page and "&lt;i&gt;spelling&lt;/i&gt;" in page
    assert "src=" not in page and "<link" not in page and "href=" not in page  # nothing fetched, no live link
    assert "mismatch" in page and "Notice latency" in page


def test_since_reports_later_revisions_but_judges_the_whole_chain(run, seeded):
    data = json.loads(run("audit", "vessa-landslide", "--since", "2026-04-07T13:00:00Z", "-f", "json").stdout)
    (article,) = data["articles"]
    assert [(r["ref"], r["verdict"]) for r in article["revisions"]] == [
        ("vessa-landslide@3", "late"), ("vessa-landslide@4", "consistent")]
    assert article["revisions"][0]["disclosed_by"] == "vessa-landslide@4"


def test_since_a_date_alone_is_midnight_utc_and_drops_quiet_articles(run, seeded):
    data = json.loads(run("audit", "--since", "2026-04-19", "-f", "json").stdout)
    assert sorted(a["article"] for a in data["articles"]) == ["altair-flight-diversion", "bravnik-marathon"]


def test_since_a_bad_date_exits_2(run, seeded):
    result = run("audit", "--since", "last tuesday")
    assert result.exit_code == 2
    assert result.stderr.startswith("versioner: --since: not an ISO 8601 time")


def test_latency_in_json_keeps_the_required_keys(run, seeded):
    (article,) = json.loads(run("audit", "vessa-landslide", "-f", "json").stdout)["articles"]
    for rev in article["revisions"]:
        assert {"ref", "notice", "verdict", "reasons", "undisclosed", "disclosed_by", "latency_s"} <= set(rev)
    lat = article["latency"]
    assert (lat["changing_revisions"], lat["disclosed_at_once"], lat["disclosed_late"],
            lat["never_disclosed"], lat["worst_s"]) == (2, 1, 1, 0, 19500)
    assert [(r["ref"], r["disclosed_by"], r["latency_s"], r["never_disclosed"]) for r in lat["revisions"]] == [
        ("vessa-landslide@2", "vessa-landslide@2", 0, 0),
        ("vessa-landslide@3", "vessa-landslide@4", 19500, 1)]


def test_latency_says_when_no_notice_came(run, seeded):
    (article,) = json.loads(run("audit", "port-aven-tram", "-f", "json").stdout)["articles"]
    assert article["latency"]["never_disclosed"] == 1
    assert article["latency"]["revisions"][0]["disclosed_by"] is None
    out = run("audit", "port-aven-tram").stdout
    assert "notice latency: @2: no notice" in " ".join(out.split())


def test_latency_in_text_reads_in_hours(run, seeded):
    out = " ".join(run("audit", "vessa-landslide").stdout.split())
    assert "@3: notice 5h 25m later, in @4; 1 change(s) never disclosed" in out


def test_log_shows_each_revisions_verdict(run, seeded):
    data = json.loads(run("log", "vessa-landslide", "-f", "json").stdout)
    assert [r["verdict"] for r in data["revisions"]] == ["first", "consistent", "late", "consistent"]
    assert data["revisions"][2]["flags"].get("figure") == 1
    assert any("disclosed only by vessa-landslide@4" in r for r in data["revisions"][2]["verdict_reasons"])
    rows = [line for line in run("log", "port-aven-tram").stdout.splitlines() if line.startswith("│")]
    assert [row.split("│")[-2].strip() for row in rows] == ["○ first", "+ update", "↺ revert"]


def test_strict_fails_on_a_late_disclosure(run, write):
    _late_only(run, write)
    data = json.loads(run("audit", "ferry", "-f", "json").stdout)
    assert [r["verdict"] for r in data["articles"][0]["revisions"]] == ["first", "late", "consistent"]
    assert run("audit", "ferry", "--strict").exit_code == 1
    # outside the --since window the late revision is not reported, so nothing fails
    assert run("audit", "ferry", "--strict", "--since", "2026-02-01T10:00:00Z").exit_code == 0


def test_strict_passes_on_minor_consistent_and_update(run, seeded):
    # port-aven-tram @2 is an update (a headline rewritten, nothing taken back): not a failure
    for key in ("bravnik-marathon", "caldoria-rate-cut", "balochistan-militants", "port-aven-tram"):
        assert run("audit", key, "--strict").exit_code == 0, key
    for key in ("altair-flight-diversion", "lestria-minister-resigns"):
        assert run("audit", key, "--strict").exit_code == 1, key


def test_installed_versioner_audits_to_html_and_exits_1_when_strict(sh, versioner_exe, seeds_dir):
    assert sh("import", seeds_dir, exe=versioner_exe).returncode == 0
    page = sh("audit", "--format", "html", "--since", "2026-04-01", exe=versioner_exe)
    assert page.returncode == 0, page.stderr
    html = page.stdout.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "vessa-landslide" in html and "caldoria" not in html
    strict = sh("audit", "--strict", "--format", "markdown", exe=versioner_exe)
    assert strict.returncode == 1 and b"### vessa-landslide" in strict.stdout
    log = sh("log", "vessa-landslide", "--format", "json", exe=versioner_exe)
    assert [r["verdict"] for r in json.loads(log.stdout)["revisions"]][-1] == "consistent"


def test_since_after_every_capture_reports_nothing_and_passes_strict(run, seeded):
    for fmt in ("text", "markdown"):
        result = run("audit", "--since", "2030-01-01", "--strict", "-f", fmt)
        assert result.exit_code == 0 and result.stdout.startswith("No revisions to report.\n")
        assert "0 revision(s) audited in 0 article(s)" in result.stdout  # the summary still ends it
    doc = json.loads(run("audit", "--since", "2030-01-01", "-f", "json").stdout)
    assert doc["articles"] == [] and doc["summary"]["revisions"] == 0


def test_json_audit_of_an_unknown_article_writes_nothing_to_stdout(run, seeded) -> None:
    # the audit streams, but a bad key is found before the first byte is written
    result = run("audit", "no-such-article", "--format", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no-such-article" in result.stderr


def test_json_audit_streamed_is_one_valid_document(run, seeded) -> None:
    import json

    result = run("audit", "--format", "json")
    doc = json.loads(result.stdout)
    assert [a["article"] for a in doc["articles"]] == sorted(a["article"] for a in doc["articles"])
    assert len(doc["articles"]) == 7
    assert sum(len(a["revisions"]) for a in doc["articles"]) == 17
