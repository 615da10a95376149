"""Parse stage: raw input -> normalised text -> labelled parts.

The parts re-join to the normalised text exactly (``Parts.text()``), so
nothing an article says is ever lost by parsing it.
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from versioner.errors import BadInput
from versioner.notices import (
    has_own_label,
    is_closing_notice,
    is_label_heading,
    is_notice,
    is_topic_heading,
    notice_tail,
)
from versioner.notices import split_headline_slug as split_headline_slug  # the reader's; callers ask here

# Bump when an edit here changes what compare_pair returns for some pair (a change
# or a flag it finds); a refactor, a comment or a speed-up keeps it. The pair cache
# is keyed by these numbers (pipeline.rules_version): `make fingerprint` after a bump.
RULES_VERSION = 3  # 2: notices read by the notice reader, wherever they sit (issue 15); 3: a lone short line is a headline (issue 16)

SECTIONS = ("notice", "headline", "byline", "dateline", "body", "credits")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# A revision with more paragraphs than this is refused before anything is
# stored: alignment and rendering grow with it, and real articles stay far below.
DEFAULT_MAX_PARAGRAPHS = 20_000
Piece = tuple[str, str, str, str]  # section, gap, raw, position: the order of the stored spans


@dataclass(frozen=True)
class Part:
    """One labelled piece of an article, exactly as it stands in the text."""

    section: str
    raw: str
    gap: str = ""  # whitespace between the previous part and this one
    position: str = ""  # notices only: "top" or "bottom"

    @property
    def text(self) -> str:
        """The part's words: a Markdown heading loses its ``#`` marks."""
        if self.section == "headline":
            return self.raw.lstrip("#").strip()
        return self.raw

    @classmethod
    def fast(cls, section: str, raw: str, gap: str, position: str) -> Part:
        """``Part(section, raw, gap, position)``, equal to it in value, hash and repr, made
        without the frozen __init__'s four object.__setattr__ calls: every revision an
        audit reads is rebuilt from its spans (a property test holds the two equal)."""
        part = _new_object(cls)
        _set_attribute(part, "__dict__", {"section": section, "raw": raw, "gap": gap, "position": position})
        return part


@dataclass(frozen=True)
class Parts:
    """An article split into parts; ``text()`` gives back the normalised text."""

    parts: tuple[Part, ...]

    def text(self) -> str:
        return self._text

    # The accessors below are asked for many times per comparison and audit; a
    # frozen instance can still cache them (cached_property writes to __dict__).
    @cached_property
    def _text(self) -> str:
        if not self.parts:
            return ""
        return "".join(p.gap + p.raw for p in self.parts) + "\n"

    @cached_property
    def _by_section(self) -> dict[str, tuple[Part, ...]]:
        found: dict[str, list[Part]] = {}
        for p in self.parts:
            found.setdefault(p.section, []).append(p)
        return {section: tuple(ps) for section, ps in found.items()}

    def of(self, section: str) -> tuple[Part, ...]:
        return self._by_section.get(section, ())

    def first(self, section: str) -> Part | None:
        found = self._by_section.get(section)
        return found[0] if found else None

    @cached_property
    def headline(self) -> str | None:
        part = self.first("headline")
        return part.text if part else None

    @cached_property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p.raw for p in self.parts if p.section == "body")

    @cached_property
    def notices(self) -> tuple[Part, ...]:
        return self.of("notice")


def parts_to_spans(parts: Parts) -> list[list[str | int]]:
    """The parts as ``[section, gap length, raw length, position]``: with the text,
    all it takes to rebuild them without parsing again (the store's cached form)."""
    return pieces_to_spans((p.section, p.gap, p.raw, p.position) for p in parts.parts)


def pieces_to_spans(pieces: Iterable[Piece]) -> list[list[str | int]]:
    """``parts_to_spans`` of the parse that ``parse_pieces`` gave."""
    return [[section, len(gap), len(raw), position] for section, gap, raw, position in pieces]


def parts_from_spans(text: str, spans: list[list[Any]]) -> Parts:
    """Parts rebuilt from ``text`` and the spans ``parts_to_spans`` gave for it."""
    out: list[Part] = []
    at = 0
    fast = Part.fast
    for section, gap, raw, position in spans:
        out.append(fast(section, text[at + gap : at + gap + raw], text[at : at + gap], position))
        at += gap + raw
    return Parts(tuple(out))


_new_object = object.__new__
_set_attribute = object.__setattr__


@dataclass(frozen=True)
class Source:
    """Text read from a file or stdin, with what the input said about itself."""

    text: str
    url: str | None = None
    published: str | None = None
    format: str = "text"


# -- normalisation -----------------------------------------------------------


def normalise(text: str) -> str:
    """LF line endings, no BOM, no trailing spaces, NFC, no blank lines at the
    ends and exactly one final newline (or the empty string)."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""


# -- line classifiers --------------------------------------------------------

_CREDITS = re.compile(
    r"^\((?:Reporting|Writing|Additional reporting|Editing|Compiled|Written|Research|"
    r"Graphics|Translation|Translated|Production|With reporting|Produced)\b[^\n]*\)$"
    r"|^(?:Reporting|Additional reporting|Editing) by\b[^\n]*$"
    # "Jane Roe contributed to this report.": the web's credits line, at the end only
    r"|^[^\n.]{2,200}\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\.?$"
)
_BYLINE = re.compile(r"^(?:By|BY|by)\s+[^\s.][^\n]{0,120}$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ \-][A-Z][A-Z'’.\-]*)*"
    r"(?:,\s+[A-Z][A-Za-z'’.]+(?:\s+[A-Z][A-Za-z'’.]+)*)?)"
    r"(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?P<dash>[–—]|-{1,2})[ \t]+"
)
_TERMINAL = tuple(".!?:;\"”’)]…")


def is_credits_line(line: str) -> bool:
    return bool(_CREDITS.match(line.strip()))


_NAME_JOINERS = {"and", "de", "del", "da", "van", "von", "der", "den", "la", "le", "of", "the", "al",
                 "bin", "ibn", "in", "y", "e", "du", "dos", "das", "ter"}


def is_byline(line: str) -> bool:
    """``By Jane Roe`` / ``By Jane Roe and John Doe, Agency``: names, not a sentence."""
    line = line.strip()
    if not _BYLINE.match(line) or len(line.split()) > 12 or line.endswith((":", ".")):
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", line.split(None, 1)[1] if " " in line else "")
    return bool(words) and all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words)


def match_dateline(paragraph: str) -> re.Match[str] | None:
    """The dateline at the start of a paragraph (``KARACHI, Feb 1 (Reuters) –``)."""
    m = _DATELINE.match(paragraph)
    if not m or m.end() >= len(paragraph):
        return None
    if not (m.group("agency") or m.group("date")) and m.group("dash") == "-":
        return None  # "ACME-made" style hyphens are not datelines
    place = m.group("place")
    if len(place.replace(" ", "")) < 2:
        return None
    return m


# A text of one short line with no full stop is a headline to an editor (a headline-only
# feed, a homepage slot); a longer lone line is more likely one paragraph of body copy.
_LONE_HEADLINE = 160


def _is_headline(unit: str, has_more: bool) -> bool:
    if unit.startswith("#"):
        return True
    if "\n" in unit or len(unit) > (200 if has_more else _LONE_HEADLINE):
        return False
    if unit.endswith(".") and not unit.endswith("..."):
        return False
    return not (is_byline(unit) or is_notice(unit) or is_credits_line(unit) or match_dateline(unit))


# -- splitting ---------------------------------------------------------------

# Paragraphs repeat from one revision of an article to the next (seven in ten of
# them in the import benchmark): what the notice readers make of a paragraph seen
# lately is kept rather than worked out again. Long paragraphs are not kept, so the
# memo holds a few megabytes at most.
_MEMO_SIZE = 4096
_MEMO_CHARS = 2000


def _is_notice(unit: str) -> bool:
    """``is_notice``, remembered for paragraphs seen lately."""
    return _is_notice_memo(unit) if len(unit) <= _MEMO_CHARS else is_notice(unit)


_is_notice_memo = lru_cache(maxsize=_MEMO_SIZE)(is_notice)


def _units(text: str) -> list[tuple[str, str]]:
    """(gap, unit) pairs: a unit is one paragraph, usually one line; a
    hard-wrapped paragraph's lines are joined back into one unit."""
    units: list[tuple[str, str]] = []
    gap = ""
    # only copy that separates paragraphs by blank lines can be hard-wrapped;
    # in one-paragraph-a-line wire copy every line stands alone
    wrapped = "\n\n" in text
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not wrapped and lines and lines[0]:  # no blank line anywhere: each line is a unit
        units = [("\n", line) for line in lines]
        units[0] = ("", lines[0])
        return units
    for line in lines:
        if not line:
            gap += "\n"
            continue
        if wrapped and units and gap == "\n" and _continues(units[-1][1], line):
            prev_gap, prev = units[-1]
            units[-1] = (prev_gap, prev + "\n" + line)
        else:
            units.append((gap, line))
        gap = "\n"
    return units


def _continues(prev: str, line: str) -> bool:
    last = prev.rsplit("\n", 1)[-1]
    if last.endswith(_TERMINAL) or last.startswith("#") or line.startswith(("#", "(", "By ")):
        return False
    if _is_notice(line) or is_credits_line(line) or match_dateline(line):
        return False
    return line[:1].islower() or len(last) >= 60


def parse(text: str) -> Parts:
    """Split normalised text into labelled parts. Every part is optional."""
    return Parts(tuple(Part(section, raw, gap, position)
                       for section, gap, raw, position in parse_pieces(text)))


def parse_pieces(text: str) -> list[Piece]:
    """``parse``, each part as a ``Piece`` tuple (the stored spans' order): for a caller that only
    stores the parse (bulk import), without the cost of a Part object for each."""
    units, notice = _read_units(_units(text))
    n = len(units)
    labels = ["body"] * n
    positions = [""] * n
    lo, hi = 0, n
    lo = _mark_notices(units, notice, labels, positions, lo, hi)
    hi = _mark_bottom(units, notice, labels, positions, lo, hi)
    if lo < hi and not is_byline(units[lo][1]) and _is_headline(units[lo][1], lo + 1 < hi):
        labels[lo] = "headline"
        lo = _mark_notices(units, notice, labels, positions, lo + 1, hi)
    if lo < hi and is_byline(units[lo][1]) and lo + 1 < hi:
        labels[lo] = "byline"
        lo = _mark_notices(units, notice, labels, positions, lo + 1, hi)
    for i in range(lo, hi):  # a notice paragraph inside the body ("Update:" in a running story)
        if notice[i] and labels[i] == "body":
            labels[i], positions[i] = "notice", "top" if i - lo < hi - i else "bottom"
    if "notice" not in labels:  # most revisions: nothing to merge, unit i is piece i
        return _pieces_unmerged(units, labels, positions, lo, hi)
    return _pieces(_merge_headings(units, labels, positions), lo, hi)


def _pieces(merged: list[tuple[str, str, str, str, int]], lo: int, hi: int) -> list[Piece]:
    pieces: list[Piece] = []
    for label, gap, unit, position, i in merged:
        if i == lo and lo < hi and label == "body" and (m := match_dateline(unit)):
            pieces.extend(_dateline_pieces(gap, unit, m))
            continue
        pieces.append((label, gap, unit, position))
    return pieces


def _pieces_unmerged(units: list[tuple[str, str]], labels: list[str], positions: list[str],
                     lo: int, hi: int) -> list[Piece]:
    """``_pieces(_merge_headings(...))`` where no unit is a notice (nothing merges)."""
    pieces: list[Piece] = [(label, gap, unit, position)
                           for label, (gap, unit), position in zip(labels, units, positions)]
    if lo < hi and labels[lo] == "body" and (m := match_dateline(units[lo][1])):
        pieces[lo : lo + 1] = _dateline_pieces(units[lo][0], units[lo][1], m)
    return pieces


def _dateline_pieces(gap: str, unit: str, m: re.Match[str]) -> tuple[Piece, Piece]:
    head = unit[: m.end()].rstrip()
    return ("dateline", gap, head, ""), ("body", unit[len(head) : m.end()], unit[m.end() :], "")


# How near the ends a footnote glued to the paragraph before it is looked for.
_GLUED_REACH = 4


def _read_units(units: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[bool]]:
    """The units with every notice glued to a paragraph, or closing it in parentheses,
    made a unit of its own (the text before it, and the space between, kept as they
    were), and whether each unit is a notice."""
    out: list[tuple[str, str]] = []
    notice: list[bool] = []
    last = len(units) - _GLUED_REACH
    for i, (gap, unit) in enumerate(units):
        glued = i < _GLUED_REACH or i >= last
        read = _read_unit_memo(unit, glued) if len(unit) <= _MEMO_CHARS else _read_unit(unit, glued)
        out.append((gap, read[0][1]))
        notice.append(read[0][2])
        for piece_gap, piece, is_note in read[1:]:
            out.append((piece_gap, piece))
            notice.append(is_note)
    return out, notice


def _read_unit(unit: str, glued: bool) -> tuple[tuple[str, str, bool], ...]:
    """One unit as (gap, text, is a notice) pieces; the first piece's gap is the unit's own."""
    pieces: list[tuple[str, str, bool]] = []
    gap = ""
    while (at := notice_tail(unit, glued)) is not None:
        head = unit[:at].rstrip()
        pieces.append((gap, head, is_notice(head)))
        gap, unit = unit[len(head):at], unit[at:]
    pieces.append((gap, unit, is_notice(unit)))
    return tuple(pieces)


_read_unit_memo = lru_cache(maxsize=_MEMO_SIZE)(_read_unit)


def _mark_notices(units: list[tuple[str, str]], notice: list[bool], labels: list[str],
                  positions: list[str], lo: int, hi: int) -> int:
    """Mark the run of notices from ``lo`` as top notices; a label heading
    ("Correction: March 3, 2025") takes the paragraph after it. The new ``lo``."""
    while lo < hi and notice[lo]:
        labels[lo], positions[lo] = "notice", "top"
        if is_label_heading(units[lo][1]) and lo + 1 < hi and not notice[lo + 1]:
            lo += 1
            labels[lo], positions[lo] = "notice", "top"
        lo += 1
    return lo


# How far from the end a corrections heading may stand and still take the paragraphs after it.
_BOTTOM_HEADING_REACH = 4


def _mark_bottom(units: list[tuple[str, str]], notice: list[bool], labels: list[str],
                 positions: list[str], lo: int, hi: int) -> int:
    """Mark notices and credits at the end, in any order; a heading near the end
    ("Correction", "Correction: Chart on bond yields") takes every paragraph after it.
    The new ``hi``."""
    start = hi
    while start > lo:
        last = units[start - 1][1]
        if notice[start - 1] or (start == hi and is_closing_notice(last)):
            labels[start - 1], positions[start - 1] = "notice", "bottom"
        elif is_credits_line(last):
            labels[start - 1] = "credits"
        else:
            break
        start -= 1
    for i in range(max(lo + 1, start - _BOTTOM_HEADING_REACH), start):
        if notice[i] and (is_label_heading(units[i][1]) or is_topic_heading(units[i][1])):
            j = i + 1  # its text: the paragraphs up to the next notice with a label of its own
            while j < start and not has_own_label(units[j][1]):
                j += 1
            if all(notice[k] for k in range(j, start)):
                for k in range(i, j):
                    labels[k], positions[k] = "notice", "bottom"
                return i
    return start


def _merge_headings(units: list[tuple[str, str]], labels: list[str],
                    positions: list[str]) -> list[tuple[str, str, str, str, int]]:
    """(label, gap, unit, position, first index): a label heading and the notice
    paragraphs after it that are not notices by themselves become one notice part,
    read as one notice (the heading's date is not a claim)."""
    out: list[tuple[str, str, str, str, int]] = []
    for i, (gap, unit) in enumerate(units):
        prev = out[-1] if out else None
        if (prev and labels[i] == "notice" and prev[0] == "notice" and not has_own_label(unit)
                and (is_label_heading(prev[2].split("\n", 1)[0]) or is_topic_heading(prev[2].split("\n", 1)[0]))):
            out[-1] = (prev[0], prev[1], prev[2] + gap + unit, prev[3], prev[4])
            continue
        out.append((labels[i], gap, unit, positions[i], i))
    return out


# -- reading input -----------------------------------------------------------


def decode(data: bytes, encoding: str | None = None, name: str = "input") -> str:
    """Bytes -> str, refusing binary data; UTF-8 (with or without BOM) by default,
    UTF-16 or UTF-32 when the bytes start with their byte-order mark."""
    enc = encoding or _sniff_encoding(data)
    try:
        # decoded first: UTF-16 and UTF-32 text has NUL bytes in every character
        text = data.decode(enc)
    except (LookupError, UnicodeEncodeError):  # an unknown name, or one that is not even text
        raise BadInput(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        if b"\x00" in data:
            raise BadInput(f"{name}: binary data (NUL bytes), not article text") from None
        hint = "" if encoding else " (try --encoding latin-1 or cp1252)"
        raise BadInput(
            f"{name}: not valid {enc.removesuffix('-sig').upper()} at byte {exc.start}{hint}"
        ) from None
    if "\x00" in text:
        raise BadInput(f"{name}: binary data (NUL bytes), not article text")
    return text


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: FF FE 00 00
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _sniff_encoding(data: bytes) -> str:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    return "utf-8-sig"


def read_source(
    data: bytes,
    name: str = "input",
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS,
) -> Source:
    """Decode and normalise one revision given as plain text, Markdown or a
    JSON object (``headline``, ``body`` or ``text``, optional ``url``, ``published``)."""
    if len(data) > max_bytes:
        raise BadInput(f"{name}: {len(data):,} bytes is over the limit of {max_bytes:,} (--max-bytes)")
    raw = decode(data, encoding, name)
    stripped = raw.lstrip("\ufeff \t\r\n")
    if name.endswith(".json") or stripped.startswith("{"):
        return source_from_json(raw, name, max_paragraphs)
    text = _checked(normalise(raw), name, max_paragraphs)
    return Source(text, format="markdown" if name.endswith(".md") else "text")


def _checked(text: str, name: str, max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS) -> str:
    if not text.strip():
        raise BadInput(f"{name}: no text (empty or whitespace only)")
    # a cheap upper bound first (every paragraph has a line), the exact count only near the limit
    if text.count("\n") > max_paragraphs and (n := len(_units(text))) > max_paragraphs:
        raise BadInput(f"{name}: {n:,} paragraphs is over the limit of {max_paragraphs:,} (--max-paragraphs)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput(f"{name}: invalid Unicode (a lone surrogate)") from None
    return text


def load_json(raw: str | bytes, name: str = "input") -> object:
    """``json.loads`` with a one-line error for everything it raises on bad input."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    except UnicodeDecodeError as exc:
        raise BadInput(f"{name}: not valid JSON (not UTF-8 at byte {exc.start})") from None
    except ValueError:  # an integer beyond sys.get_int_max_str_digits() (4,300 digits)
        raise BadInput(f"{name}: not valid JSON (a number too long to read)") from None
    except RecursionError:
        raise BadInput(f"{name}: not valid JSON (nested too deeply)") from None


def is_utf8(value: str) -> bool:
    """False for a string with a lone surrogate: what Python makes of bytes that are
    not UTF-8 in arguments and file names (and JSON of a ``\\udXXX`` escape);
    SQLite cannot store it, nor UTF-8 output show it."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def require_utf8(value: str, what: str) -> str:
    if not is_utf8(value):
        raise BadInput(f"{what} is not valid UTF-8")
    return value


def source_from_json(
    raw: str | dict[str, object], name: str = "input", max_paragraphs: int = DEFAULT_MAX_PARAGRAPHS
) -> Source:
    """A JSON article object -> Source; its text is the headline, a blank line, the body."""
    obj = load_json(raw, name) if isinstance(raw, str) else raw
    if not isinstance(obj, dict):
        raise BadInput(f"{name}: JSON input must be an object with 'body' or 'text'")
    body = obj.get("body", obj.get("text"))
    headline = obj.get("headline", obj.get("title"))
    if not isinstance(body, str) or (headline is not None and not isinstance(headline, str)):
        raise BadInput(f"{name}: JSON object needs a string 'body' or 'text'")
    if "\x00" in body or (headline and "\x00" in headline):
        raise BadInput(f"{name}: binary data (NUL characters), not article text")
    joined = f"{headline}\n\n{body}" if headline else body
    text = _checked(normalise(joined), name, max_paragraphs)
    url = obj.get("url")
    published = obj.get("published")
    return Source(
        text,
        url=require_utf8(url, f"{name}: 'url'") if isinstance(url, str) else None,
        published=published if isinstance(published, str) else None,
        format="json",
    )
