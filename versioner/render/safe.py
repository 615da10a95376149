"""The one place untrusted article text is made safe, per output kind.

Article text may carry terminal escapes, rich markup, bidi overrides and
zero-width characters (Trojan Source). Terminal and plain output show them
as visible escapes; HTML escapes markup too; JSON escapes them as \\uXXXX.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.text import Text

# C0 controls but tab and newline, DEL and C1, zero-width and bidi controls,
# line/paragraph separators, BOM, interlinear annotation characters, and the
# invisible tag characters (U+E0000-E007F), which can smuggle hidden text; and
# lone surrogates (bytes of an argument that are not UTF-8), which no output can encode.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff]"
)


def _show(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Every control, bidi and invisible formatting character as a visible escape."""
    return _UNSAFE.sub(_show, text)


def terminal(text: str, style: str = "") -> Text:
    """A rich Text (never parsed as markup) with controls made visible."""
    from rich.text import Text

    return Text(visible(text), style=style)


def html_text(text: str) -> str:
    return html.escape(visible(text), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_~\[\]#|<>])")
# What GitHub-flavoured Markdown turns into a link by itself: a scheme and "://",
# "www.", an e-mail address. No escape stops an e-mail address (GFM finds it in the
# text after escapes are read), so each is shown as a code span, where nothing is a
# link and nothing is markup. The run stops at a backtick (it would end the span),
# at "|" (a table cell) and at "<" (a visible() escape).
_MD_AUTOLINK = re.compile(r"(?i)[a-z][a-z0-9+.-]*://[^\s`|<>]*|\bwww\.[^\s`|<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MD_TRAILING = ".,:;!?'\"*_~)"  # sentence punctuation after an address stays text


def _md_escape(text: str) -> str:
    # "&" first: "&rlm;" or "&#8203;" must show as written, not as the character it names
    return _MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def markdown_text(text: str) -> str:
    """Markdown-safe text: visible controls, no raw HTML, no character references,
    no live emphasis or links (addresses as code spans)."""
    shown = visible(text)
    out: list[str] = []
    done = 0
    for m in _MD_AUTOLINK.finditer(shown):
        address = m.group().rstrip(_MD_TRAILING)
        if not address:
            continue
        out += [_md_escape(shown[done:m.start()]), f"`{address}`"]
        done = m.start() + len(address)
    out.append(_md_escape(shown[done:]))
    return "".join(out)


def _json_escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code > 0xFFFF:
        # JSON's \\u takes four hex digits: a character beyond them is a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def json_dumps(data: Any, indent: int | None = 2, ascii_only: bool = False) -> str:
    """JSON with non-ASCII text kept readable (unless ``ascii_only``) but every
    unsafe character as \\uXXXX."""
    out = json.dumps(data, ensure_ascii=ascii_only, indent=indent)
    return _UNSAFE.sub(_json_escape, out)
