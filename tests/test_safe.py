"""render/safe.py: the one escaping function per output kind, for all input.

Guards: ``visible`` (terminal and plain text), ``html_text``,
``markdown_text`` and ``json_dumps``. The forbidden set here is written from
Unicode's own properties, not copied from the module's pattern, so a
character class the module forgets is found by the property.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from versioner.render.safe import html_text, json_dumps, markdown_text, visible

PROPERTY = settings(derandomize=True, max_examples=1000, deadline=None)

_BIDI_CONTROLS = {"LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u061c"}

# arbitrary text (no lone surrogates: they cannot be written out), with the
# dangerous characters drawn far more often than chance would
HOSTILE_CHARS = st.sampled_from(
    ["\x1b", "\x07", "\x00", "\x9b", "\x9d", "\x85", "\x7f", "\r", "\r\n", "\t", "\u202e", "\u2066",
     "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff", "\u2028", "\u2029", "\U000e0041", "\U000e007f",
     "[bold]", "[/]", "<script>", "&amp;", "\\x1b", "`", "*", "_", "|", "\u0301", "\U0001f600"])
ANY = st.text(st.characters(blacklist_categories=["Cs"]))
TEXT = st.lists(st.one_of(ANY, HOSTILE_CHARS), max_size=30).map("".join)


def dangerous(ch: str) -> bool:
    """Steers a terminal, reorders text, or hides itself."""
    if ch in "\n\t":
        return False
    cat = unicodedata.category(ch)
    return (cat in ("Cc", "Zl", "Zp") or unicodedata.bidirectional(ch) in _BIDI_CONTROLS
            or ch in _INVISIBLE or 0xE0000 <= ord(ch) <= 0xE007F)


def test_the_dangerous_set_is_what_the_brief_names() -> None:
    for ch in "\x1b\x07\x00\x9b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff":
        assert dangerous(ch), repr(ch)
    assert not any(dangerous(ch) for ch in "a é’—\U0001f600\n\t")


@PROPERTY
@given(TEXT)
def test_visible_output_never_holds_a_dangerous_character(text: str) -> None:
    out = visible(text)
    assert not any(dangerous(ch) for ch in out)
    # and nothing else is touched: safe text comes back as it was
    if not any(dangerous(ch) for ch in text):
        assert out == text


@PROPERTY
@given(TEXT)
def test_visible_shows_every_dangerous_character_as_an_escape(text: str) -> None:
    escapes = re.findall(r"\\x[0-9a-f]{2}|<U\+[0-9A-F]{4,6}>", visible(text))
    assert len(escapes) >= sum(dangerous(ch) for ch in text)


@PROPERTY
@given(TEXT)
def test_html_text_is_inert_and_reads_back_as_the_visible_text(text: str) -> None:
    out = html_text(text)
    assert not re.search(r"[<>\"']", out)
    assert not any(dangerous(ch) for ch in out)
    assert html.unescape(out) == visible(text)


@PROPERTY
@given(TEXT)
def test_markdown_text_has_no_live_markup(text: str) -> None:
    out = markdown_text(text)
    assert not any(dangerous(ch) for ch in out)
    # read as Markdown does: a backslash escape, a code span (an address), or one
    # character; every special character is escaped, every "&" is "&amp;"
    for m in re.finditer(r"\\.|`[^`]*`|&(?:amp;)?|.", out, re.DOTALL):
        token = m.group()
        if token.startswith("`"):
            assert not re.search(r"\s", token), (out, m.start())  # one address, no text around it
        else:
            assert token == "&amp;" or token[0] == "\\" or token not in "`*_~[]#|<>&", (out, m.start())


@settings(derandomize=True, max_examples=500, deadline=None)  # nested data: each example is larger
@given(st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=12), st.booleans())
def test_json_dumps_round_trips_and_holds_no_raw_dangerous_character(data: object, ascii_only: bool) -> None:
    out = json_dumps(data, ascii_only=ascii_only)
    assert not any(dangerous(ch) for ch in out.replace("\n", ""))
    assert json.loads(out) == data


# -- Markdown: character references and addresses ------------------------------

ENTITIES = "&rlm;&lrm;&ZeroWidthSpace;&zwj;&#8238;&#x202E;"


def test_markdown_shows_character_references_as_written() -> None:
    # a Markdown renderer would turn each into the bidi or zero-width character it names
    assert markdown_text(f"a {ENTITIES} b") == (
        "a &amp;rlm;&amp;lrm;&amp;ZeroWidthSpace;&amp;zwj;&amp;\\#8238;&amp;\\#x202E; b")
    assert markdown_text("AT&T") == "AT&amp;T"


@pytest.mark.parametrize(("text", "expected"), [
    ("see http://example.com/a_b?x=1&y=2. Then", "see `http://example.com/a_b?x=1&y=2`. Then"),
    ("or HTTPS://E.COM/x|y", "or `HTTPS://E.COM/x`\\|y"),
    ("at www.example.org, today", "at `www.example.org`, today"),
    ("mail press@example.com.", "mail `press@example.com`."),
    ("(ftp://files.example.net/x)", "(`ftp://files.example.net/x`)"),
])
def test_markdown_shows_addresses_as_code_not_links(text: str, expected: str) -> None:
    # GitHub-flavoured Markdown links a bare scheme://, www. or e-mail address by
    # itself, escapes or not; inside a code span nothing is a link
    assert markdown_text(text) == expected


def _entity_and_url_chain(run: Any, write: Any) -> None:
    notice = f"(Corrects figure in paragraph 2; see http://example.com/fix {ENTITIES})"
    old = "Storm hits coast\n\nLONDON (AP) — Officials said 12 homes were damaged.\n"
    new = (f"{notice}\n\nStorm hits coast\n\nLONDON (AP) — Officials said 15 homes were damaged "
           f"{ENTITIES}, www.example.org and press@example.com.\n")
    for i, text in enumerate((old, new)):
        result = run("add", write(f"r{i}.txt", text), "--article", "storm", "--at", f"2026-02-0{i + 1}T09:00:00Z")
        assert result.exit_code == 0, result.stderr


def _inert(markdown: str) -> None:
    assert "&rlm;" in markdown.replace("&amp;", "&")  # still there, to be read
    assert not re.search(r"&(?!amp;)", markdown)  # but no reference a renderer would resolve
    bare = re.sub(r"`[^`\s]*`", "", markdown)  # what is left outside code spans
    assert not re.search(r"://|www\.|@example", bare), bare


def test_diff_markdown_has_no_live_references_or_links(run: Any, write: Any) -> None:
    _entity_and_url_chain(run, write)
    out = run("diff", "storm", "--format", "markdown").stdout
    _inert(out)
    assert "`www.example.org`" in out and "`press@example.com`" in out


def test_audit_markdown_has_no_live_references_or_links(run: Any, write: Any) -> None:
    _entity_and_url_chain(run, write)
    out = run("audit", "storm", "--format", "markdown").stdout
    _inert(out)
    assert "`http://example.com/fix`" in out
