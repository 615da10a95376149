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


def has_unsafe(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def terminal(text: str, style: str = "") -> Text:
    """A rich Text (never parsed as markup) with controls made visible."""
    from rich.text import Text

    return Text(visible(text), style=style)


def html_text(text: str) -> str:
    return html.escape(visible(text), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_~\[\]#|<>])")


def markdown_text(text: str) -> str:
    """Markdown-safe text: visible controls, no raw HTML, no live emphasis or links."""
    return _MD_SPECIAL.sub(r"\\\1", visible(text))


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
