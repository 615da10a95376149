"""Pages into revisions: a download (network and extraction, safe in a worker
thread) and its storing (in the thread that holds the store), `reextract`, and
HTML given to `add`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from versioner.errors import BadInput
from versioner.model import AddResult, NewRevision
from versioner.parse import Source
from versioner.store import Store
from versioner.store.web import UrlState, add_pages, iter_pages, save_state
from versioner.times import utc_iso
from versioner.web.extract import Extracted, decode_html, extract, extractor_name
from versioner.web.fetch import FEED_TYPES, HTML_TYPES, Fetcher
from versioner.web.urls import canonical


@dataclass(frozen=True)
class Download:
    """What one check of a URL brought: a page read, a feed, or nothing new (304)."""

    state: UrlState
    at: str
    status: int = 200
    final_url: str | None = None
    html: bytes = b""  # the page as UTF-8, whatever charset it came in
    extracted: Extracted | None = None
    feed: bytes = b""
    etag: str | None = None
    last_modified: str | None = None


def download(fetcher: Fetcher, state: UrlState, feeds: bool = False) -> Download:
    """One conditional GET of ``state.url`` and, for a page, its extraction.
    FetchError or BadInput for what cannot be had or read."""
    at = utc_iso()
    accept = HTML_TYPES + FEED_TYPES if feeds else HTML_TYPES
    r = fetcher.get(state.url, state.etag, state.last_modified, accept=accept)
    etag, modified = r.etag or state.etag, r.last_modified or state.last_modified
    if r.status == 304:
        return Download(state, at, 304, state.url, etag=etag, last_modified=modified)
    if r.content_type in FEED_TYPES or (feeds and _looks_like_feed(r.body)):
        return Download(state, at, r.status, r.url, feed=r.body, etag=etag, last_modified=modified)
    html = decode_html(r.body, r.charset)
    extracted = extract(html, r.url, name=state.url)
    return Download(state, at, r.status, r.url, html.encode("utf-8"), extracted, etag=etag, last_modified=modified)


def _looks_like_feed(body: bytes) -> bool:
    head = body[:512].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf"))


def revision_of(d: Download, article: str | None = None) -> NewRevision:
    """The revision a downloaded page makes, at its canonical URL normalised: keyed
    by ``article`` or the URL's known article, else by the store (``Writer``)."""
    assert d.extracted is not None
    where = d.extracted.canonical_url or d.final_url or d.state.url
    try:
        url = canonical(where)
    except BadInput:
        url = canonical(d.final_url or d.state.url)  # a canonical link that is not http(s)
    # without one, the store keys it: the article already at this URL, else a new
    # key from the site's name and the page's slug (identity.key_from_url)
    key = article or d.state.article
    return NewRevision(d.extracted.text, key, url, d.at, d.state.url)


def store_download(st: Store, d: Download, state: UrlState, article: str | None = None) -> AddResult | None:
    """Store a downloaded page as a revision (nothing when its text is unchanged)
    with its HTML, and the URL's new state; None for a 304 (the state only)."""
    state = replace(state, etag=d.etag, last_modified=d.last_modified, checks=state.checks + 1,
                    failures=0, last_error=None)
    if d.extracted is None:
        save_state(st, state)
        return None
    new = revision_of(d, article)
    state = replace(state, article=new.article)
    (res,) = add_pages(st, [(new, d.html, d.extracted.extractor, d.final_url or d.state.url)], state)
    return res


@dataclass(frozen=True)
class Reextracted:
    ref: str  # the revision whose kept HTML was read
    extractor: str  # what had read it
    result: AddResult | None  # the new revision, when the text differs


def reextract(st: Store, key: str | None = None) -> Iterator[Reextracted]:
    """Read each kept page again with the current extractor; a new revision (at the
    page's capture time, after the one it came from) only where the text differs."""
    if key is not None:
        st.revisions(key)  # an unknown key: UnknownRef, as for the other commands
    name = extractor_name()
    for page in list(iter_pages(st, key)):
        ex = extract(decode_html(page.html, "utf-8"), page.url, name=page.revision.ref)
        if ex.text == page.revision.text:
            yield Reextracted(page.revision.ref, page.extractor, None)
            continue
        # a second after the capture it re-reads: the revision it comes from stays first
        at = _later(page.revision.captured_at)
        new = NewRevision(ex.text, page.revision.article, page.revision.url, at, f"reextract:{page.revision.ref}")
        (res,) = add_pages(st, [(new, page.html, name, page.url)])
        yield Reextracted(page.revision.ref, page.extractor, res)


def _later(iso: str) -> str:
    from datetime import datetime, timedelta

    return utc_iso(datetime.fromisoformat(iso.replace("Z", "+00:00")) + timedelta(seconds=1))


def html_source(data: bytes, name: str, encoding: str | None = None) -> Source:
    """An HTML file given to `add`: its article text and canonical URL, as `add`
    takes a Source (the capture time stays the user's or now: a saved page's dates
    are the publisher's, not the capture's)."""
    ex = extract(decode_html(data, encoding), None, name=name)
    try:
        url = canonical(ex.canonical_url) if ex.canonical_url else None
    except BadInput:
        url = None  # a canonical link that is not http(s)
    return Source(ex.text, url=url, format="html")

