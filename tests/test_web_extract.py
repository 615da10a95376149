"""Extraction keeps every notice the page shows, wherever the layout puts it;
`reextract` re-reads the kept HTML; WARC captures become revisions."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("trafilatura")

PAGES = Path(__file__).parent / "web_pages"

# layout -> (each notice the page shows, where the stored text must have it)
NOTICES = {
    "top-box": [("Correction: An earlier version of this article misstated the height of the Orvel dam."
                 " It is 84 metres, not 48.", "top")],
    "italic-footer": [("This article was amended on 4 March 2026. An earlier version gave the tunnel's"
                       " length as 4.2 kilometres.", "bottom")],
    "aside-update": [("Update: The council approved the plan by 23 votes to 11 late on Thursday.", "middle")],
    "editors-note": [("Editor's note: This story has been updated to include a statement from the"
                      " education ministry.", "top")],
    "wire-parenthetical": [("(Corrects paragraph 2 to show the port reopened on Tuesday, not Monday)", "top")],
}
# what trafilatura itself drops, and so our own pass recovers (pinned: an extractor
# upgrade that changes this shows here, and in the README's table)
DROPPED_BY_TRAFILATURA = {"top-box", "aside-update", "editors-note"}


@pytest.mark.parametrize("layout", sorted(NOTICES))
def test_every_notice_the_page_shows_is_in_the_stored_text_where_the_page_had_it(layout: str) -> None:
    from versioner.parse import parse
    from versioner.web.extract import extract

    ex = extract((PAGES / f"{layout}.html").read_text(encoding="utf-8"), None)
    parts = parse(ex.text)
    lines = ex.text.splitlines()
    for notice, where in NOTICES[layout]:
        assert notice in lines, (layout, ex.text)
        if where == "middle":  # between the paragraphs around it on the page
            assert 2 < lines.index(notice) < len(lines) - 1
        else:  # read by the parser as a top or bottom notice
            assert any(p.section == "notice" and p.position == where and p.text == notice for p in parts.parts)
    assert "<" not in ex.text and "Copyright" not in ex.text and "Privacy" not in ex.text
    assert bool(ex.recovered) == (layout in DROPPED_BY_TRAFILATURA)


def test_the_headline_byline_and_dates_are_read() -> None:
    from versioner.parse import parse
    from versioner.web.extract import extract

    ex = extract((PAGES / "top-box.html").read_text(encoding="utf-8"), None)
    parts = parse(ex.text)
    assert parts.headline == "Orvel dam inspection finds cracks in spillway"
    assert ex.author == "Ines Marrow" and "By Ines Marrow" in ex.text
    assert (ex.published, ex.modified) == ("2026-03-02T07:00:00Z", "2026-03-02T15:20:00Z")


def test_a_page_with_no_article_is_one_line(run: Callable[..., Any], tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<!doctype html><html><head><title>x</title></head><body></body></html>")
    res = run("add", tmp_path / "empty.html")
    assert res.exit_code == 2 and "no article text found in the HTML" in res.stderr


def test_reextract_reads_the_kept_html_again_and_stores_only_what_differs(
        run: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor without the notice pass (as before a fix) stored the page;
    `reextract` with the fixed one adds the revision with the notice, once."""
    import versioner.web.extract as extract_module

    (tmp_path / "box.html").write_bytes((PAGES / "top-box.html").read_bytes())
    (tmp_path / "footer.html").write_bytes((PAGES / "italic-footer.html").read_bytes())
    with monkeypatch.context() as m:
        m.setattr(extract_module, "_recover_notices", lambda tree, paragraphs, top, title: (paragraphs, []))
        m.setattr(extract_module, "NOTICE_PASS", "notices-0")
        _store_page(tmp_path / "box.html", "2026-03-02T16:00:00Z")
        _store_page(tmp_path / "footer.html", "2026-03-03T16:00:00Z")
    key = "dailylantern-orvel-dam-inspection"
    assert "Correction:" not in run("show", f"{key}@1").stdout
    res = run("reextract")
    assert res.exit_code == 0
    assert res.stdout.splitlines() == [
        f"{key}@2: re-read from the HTML of {key}@1 (trafilatura {_version()}+notices-0 ->"
        f" trafilatura {_version()}+notices-1): the text differs"]
    assert "reextract: 2 page(s) read again, 1 new revision(s)" in res.stderr
    assert "Correction: An earlier version" in run("show", f"{key}@2").stdout
    again = run("reextract", key)
    assert again.stdout == "" and "0 new revision(s)" in again.stderr
    assert run("reextract", "no-such-article").exit_code == 2


def _version() -> str:
    import trafilatura

    return str(trafilatura.__version__)


def _store_page(path: Path, at: str) -> None:
    """Store a page as `fetch` does (HTML kept), without a server."""
    from versioner.model import NewRevision
    from versioner.store import Store
    from versioner.store.web import add_pages
    from versioner.web.extract import decode_html, extract
    from versioner.web.urls import canonical

    data = path.read_bytes()
    ex = extract(decode_html(data), None)
    url = canonical(ex.canonical_url or "https://example.org/x")
    with Store.open(None, create=True) as st:
        add_pages(st, [(NewRevision(ex.text, None, url, at, str(path)), data, ex.extractor, url)])


def _warc(path: Path, records: list[tuple[str, str, bytes, str, str]]) -> None:
    """(url, WARC-Date, body, content type, status) records in a gzipped WARC."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, date, body, ctype, status in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                            warc_headers_dict={"WARC-Date": date})
            writer.write_record(rec)


def test_warc_captures_become_revisions_at_their_dates_and_reimporting_stores_nothing(
        run: Callable[..., Any], tmp_path: Path, store_path: Path) -> None:
    pytest.importorskip("warcio")
    v1 = (PAGES / "italic-footer.html").read_bytes()
    v2 = v1.replace(b"2.4 kilometres", b"2.6 kilometres")
    url = "https://www.morningledger.example/world/2026/mar/03/harbour-tunnel-delay"
    warc = tmp_path / "captures.warc.gz"
    _warc(warc, [
        (url, "2026-03-04T10:00:00Z", v2, "text/html; charset=utf-8", "200 OK"),  # out of order
        (url + "?utm_source=rss", "2026-03-03T10:00:00Z", v1, "text/html", "200 OK"),
        ("https://www.morningledger.example/logo.png", "2026-03-03T10:00:01Z", b"\x89PNG", "image/png", "200 OK"),
        ("https://www.morningledger.example/gone", "2026-03-03T10:00:02Z", b"<html>gone</html>", "text/html",
         "404 Not Found"),
    ])
    res = run("import", warc)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.strip() == "imported 2 revision(s) (0 unchanged, 0 skipped) from 2 HTML record(s) into 1 article(s)"
    key = "morningledger-harbour-tunnel-delay"
    log = run("log", key, "--format", "json").stdout
    assert "2026-03-03T10:00:00Z" in log and "2026-03-04T10:00:00Z" in log
    assert "2.6 kilometres" in run("show", f"{key}@2").stdout
    again = run("import", warc)
    assert again.stdout.startswith("imported 0 revision(s) (2 unchanged")
    conn = sqlite3.connect(store_path)
    assert conn.execute("select count(*) from pages").fetchone() == (2,)
    conn.close()


def test_a_file_that_is_not_a_warc_is_one_line(run: Callable[..., Any], tmp_path: Path) -> None:
    pytest.importorskip("warcio")
    (tmp_path / "x.warc.gz").write_bytes(b"not a warc at all\n")
    res = run("import", tmp_path / "x.warc.gz")
    assert res.exit_code == 2 and "x.warc.gz" in res.stderr and res.stderr.count("\n") == 1
