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
    # every special character is preceded by an odd run of backslashes
    for m in re.finditer(r"(\\*)([`*_~\[\]#|<>])", out):
        assert len(m.group(1)) % 2 == 1, (out, m.start())


@settings(derandomize=True, max_examples=500, deadline=None)  # nested data: each example is larger
@given(st.recursive(st.none() | st.booleans() | st.integers() | TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                    max_leaves=12), st.booleans())
def test_json_dumps_round_trips_and_holds_no_raw_dangerous_character(data: object, ascii_only: bool) -> None:
    out = json_dumps(data, ascii_only=ascii_only)
    assert not any(dangerous(ch) for ch in out.replace("\n", ""))
    assert json.loads(out) == data
