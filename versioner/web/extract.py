"""Article text from HTML: trafilatura for the text and metadata, then a pass of
our own that reads correction and update notices from the HTML where the
extractor dropped them (top boxes, italic footers, ``<aside>``s, "Editor's note"
blocks), placed where the page had them: before the headline (where the parser
reads top notices), after the last paragraph, or between the paragraphs around it.

The text is laid out as the rest of versioner expects: top notices, headline,
byline, body paragraphs one a line, bottom notices."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from versioner.errors import BadInput, MissingExtra
from versioner.parse import is_notice_line, normalise

# bumped whenever the notice pass changes what it finds: part of the extractor
# name kept beside each page, so `reextract` can tell what made a revision
NOTICE_PASS = "notices-1"
# a notice is a sentence or three; a longer element is a container of the article
_MAX_NOTICE = 700
_SNIFF = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head)\b",
                         re.I | re.S)
_SPACE = re.compile(r"\s+")
# where pages keep notices: class or id words, and tags that hold asides
_NOTICE_HINT = re.compile(r"correct|clarif|editor|update|notice|amend|note", re.I)
_SKIP_TAGS = {"script", "style", "noscript", "nav", "template", "svg", "form", "button", "select"}
_BLOCKS = {"p", "div", "aside", "section", "em", "i", "small", "span", "blockquote", "li", "footer",
           "strong", "b", "dd", "figcaption"}


@dataclass(frozen=True)
class Extracted:
    """One page's article, as text versioner stores, and what the page said about it."""

    text: str
    title: str | None
    author: str | None
    published: str | None
    modified: str | None
    canonical_url: str | None
    extractor: str
    # notices our pass found that the extractor had dropped, as placed ("top", ...)
    recovered: tuple[tuple[str, str], ...] = field(default=())


def looks_like_html(data: bytes) -> bool:
    """Does a file start like an HTML page (``<!doctype html``, ``<html``)?"""
    head = data[:_SNIFF].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


def decode_html(data: bytes, declared: str | None = None) -> str:
    """The page's text: by its byte-order mark, else the charset the server
    declared, else the page's ``<meta charset>``, else UTF-8, else cp1252. A
    declared Latin-1 on bytes that are valid UTF-8 (a common misconfiguration)
    is read as UTF-8; a declared charset that the bytes break is passed over."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    meta = _META_CHARSET.search(data[:4096])
    tries = [declared, meta.group(1).decode("ascii") if meta else None, "utf-8"]
    if (declared or "").lower().replace("_", "-") in ("iso-8859-1", "latin-1", "latin1", "cp1252",
                                                      "windows-1252", "us-ascii", "ascii"):
        tries.insert(0, "utf-8")
    for enc in tries:
        if not enc:
            continue
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", "replace")


def extractor_name() -> str:
    """The extractor and its version, stored beside each page."""
    return f"trafilatura {_trafilatura().__version__}+{NOTICE_PASS}"


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError:
        raise MissingExtra("reading HTML needs the web extra: pip install 'versioner[web]'") from None
    return trafilatura


def extract(html: str, url: str | None = None, name: str = "page") -> Extracted:
    """The article of one HTML page; BadInput when there is none."""
    import lxml.html

    trafilatura = _trafilatura()
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True, deduplicate=False)
    paragraphs = [_clean(p) for p in (doc.text or "").split("\n")] if doc is not None else []
    paragraphs = [p for p in paragraphs if p]
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None
    title = _clean(doc.title or "") if doc is not None else ""
    if tree is not None and not title:
        title = _clean(" ".join(tree.xpath("//title//text()")))
    if paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    recovered: list[tuple[str, str]] = []
    top: list[str] = []
    while paragraphs and is_notice_line(paragraphs[0]):
        top.append(paragraphs.pop(0))  # the parser reads top notices before the headline
    if tree is not None:
        paragraphs, recovered = _recover_notices(tree, paragraphs, top, title)
        top += [text for where, text in recovered if where == "top"]
    if not paragraphs:
        raise BadInput(f"{name}: no article text found in the HTML")
    author = _clean(doc.author or "") if doc is not None else ""
    byline = [f"By {author}"] if author and not any(p.startswith(("By ", "BY ")) for p in paragraphs[:2]) else []
    lines = top + ([title] if title else []) + byline + paragraphs
    meta = _meta_dates(tree)
    return Extracted(
        text=normalise("\n".join(lines)),
        title=title or None,
        author=author or None,
        published=meta[0] or (doc.date if doc is not None else None),
        modified=meta[1],
        canonical_url=_canonical_link(tree) or (doc.url if doc is not None else None) or url,
        extractor=extractor_name(),
        recovered=tuple(recovered),
    )


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _key(text: str) -> str:
    """Text compared without spaces, quotes' styles or case: extractors re-space."""
    return re.sub(r"[\W_]+", "", text).casefold()


def _recover_notices(tree: Any, paragraphs: list[str], top: list[str],
                     title: str) -> tuple[list[str], list[tuple[str, str]]]:
    """``paragraphs`` with the notices the page shows and the extractor dropped put
    back where they stood, and those notices with their places."""
    kept = _key(" ".join(top + [title] + paragraphs))
    wanted = {_key(p) for p in paragraphs}
    order: dict[str, int] = {}  # each extracted paragraph's first element, in document order
    notices: list[tuple[int, str]] = []
    for index, element, text in _blocks(tree):
        k = _key(text)
        if k in wanted and k not in order:
            order[k] = index
        notice = _notice_of(element, text)
        if notice and _key(notice) not in kept and not any(k in _key(n) for _, n in notices) \
                and not any(w in k for w in wanted):  # a box around article paragraphs
            notices.append((index, notice))
    anchors = [order.get(_key(p)) for p in paragraphs]
    known = [i for i in anchors if i is not None]
    if not known:
        return paragraphs, []
    before: dict[int, list[str]] = {}  # notices to put before paragraph n (len: at the end)
    recovered: list[tuple[str, str]] = []
    for index, text in notices:
        if index < min(known):
            recovered.append(("top", text))
            continue
        n = next((n for n, i in enumerate(anchors) if i is not None and i > index), len(paragraphs))
        before.setdefault(n, []).append(text)
        recovered.append(("bottom" if n == len(paragraphs) else "middle", text))
    out: list[str] = []
    for n, paragraph in enumerate(paragraphs):
        out += before.get(n, []) + [paragraph]
    return out + before.get(len(paragraphs), []), recovered


def _blocks(tree: Any) -> Any:
    """(document position, element, its text) of each block-level element, outside
    navigation and scripts."""
    for index, element in enumerate(tree.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP_TAGS or any(a.tag in _SKIP_TAGS for a in element.iterancestors()):
            continue
        if tag in _BLOCKS or tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _clean(element.text_content())
            if text:
                yield index, element, text


def _notice_of(element: Any, text: str) -> str | None:
    """The notice an element shows, as stored: a line that reads as one, or an
    element marked as one (class, id or ``<aside>``) whose label ("Update",
    "Correction") and text read as one once joined by a colon."""
    if len(text) > _MAX_NOTICE:
        return None
    if is_notice_line(text):
        return text
    hints = f"{element.get('class', '')} {element.get('id', '')}"
    if element.tag != "aside" and not _NOTICE_HINT.search(hints):
        return None
    label = _label_of(element)
    if not label or len(label) >= len(text):
        return None
    joined = f"{label}: {text[len(label):].lstrip(' :')}"
    return joined if is_notice_line(joined) else None


def _label_of(element: Any) -> str:
    """The heading or bold label a box starts with, when it starts with one."""
    first = next((c for c in element.iterchildren() if isinstance(c.tag, str)), None)
    if first is None or (element.text or "").strip():
        return ""
    if first.tag in ("h2", "h3", "h4", "h5", "h6", "strong", "b", "header") or (
            first.tag in ("span", "div", "p") and len(_clean(first.text_content())) < 40):
        return _clean(first.text_content()).rstrip(":")
    return ""


def _meta_dates(tree: Any) -> tuple[str | None, str | None]:
    """Publication and modification times from the page's meta tags, when it has them."""
    if tree is None:
        return None, None

    def first(*xpaths: str) -> str | None:
        for xp in xpaths:
            found = tree.xpath(xp)
            if found and str(found[0]).strip():
                return str(found[0]).strip()
        return None

    published = first("//meta[@property='article:published_time']/@content",
                      "//meta[@itemprop='datePublished']/@content", "//time[@itemprop='datePublished']/@datetime")
    modified = first("//meta[@property='article:modified_time']/@content",
                     "//meta[@itemprop='dateModified']/@content", "//time[@itemprop='dateModified']/@datetime")
    return published, modified


def _canonical_link(tree: Any) -> str | None:
    if tree is None:
        return None
    for xp in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        found = tree.xpath(xp)
        if found and str(found[0]).strip().startswith(("http://", "https://")):
            return str(found[0]).strip()
    return None
