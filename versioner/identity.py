"""Which article a revision belongs to, when no key is given.

Same story = high overlap of word 3-shingles with an article's latest
revision. A bottom-k MinHash sketch (stored per article) finds candidates;
the exact Jaccard similarity of the full shingle sets decides.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from versioner.parse import Parts, parse

SKETCH_SIZE = 32
SHINGLE = 3
# Thresholds, tested on near-misses (two stories from one wire on one day
# sharing background paragraphs) in tests/test_identity.py.
SAME_STORY_JACCARD = 0.5
SAME_STORY_CONTAINMENT = 0.8
MIN_CONTAINMENT_JACCARD = 0.3

_WORD = re.compile(r"\w+")


def story_text(text: str, parts: Parts | None = None) -> str:
    """Headline and body: notices, bylines and credits say little about identity."""
    parts = parts or parse(text)
    keep = [p.text for p in parts.parts if p.section in ("headline", "body")]
    return " ".join(keep) or text


def shingles(text: str) -> set[int]:
    """Hashes of the story's word 3-shingles (casefolded), as signed 64-bit integers."""
    return story_shingles(story_text(text))


def story_shingles(story: str) -> set[int]:
    """``shingles`` of a text already reduced to its story (``story_text``)."""
    words = _WORD.findall(story.casefold())
    if len(words) < SHINGLE:
        words = words + [""] * (SHINGLE - len(words))
    # One CRC per distinct word, then CPython's tuple hash per shingle: both run in C,
    # and neither is salted per process (str hashes are; tuples of ints are not).
    # Hashing each shingle's text with blake2b was half the cost of a bulk import.
    ids = {w: zlib.crc32(w.encode()) for w in set(words)}
    seq = [ids[w] for w in words]
    return set(map(hash, zip(seq, seq[1:], seq[2:])))


def sketch(text: str) -> list[int]:
    """The SKETCH_SIZE smallest shingle hashes (bottom-k MinHash)."""
    return story_sketch(story_text(text))


def story_sketch(story: str) -> list[int]:
    """``sketch`` of a text already reduced to its story (``story_text``)."""
    return heapq.nsmallest(SKETCH_SIZE, story_shingles(story))


def similarity(a: set[int], b: set[int]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger)."""
    if not a or not b:
        return 0.0, 0.0
    inter = len(a & b)
    return inter / len(a | b), inter / min(len(a), len(b))


def is_same_story(jaccard: float, containment: float) -> bool:
    return jaccard >= SAME_STORY_JACCARD or (
        containment >= SAME_STORY_CONTAINMENT and jaccard >= MIN_CONTAINMENT_JACCARD
    )


def find_same_story(
    text: str, candidates: Iterable[str], latest_text: Callable[[str], str]
) -> tuple[str, float] | None:
    """The candidate article whose latest revision is clearly the same story,
    with its Jaccard score; None when no candidate is close enough."""
    mine = shingles(text)
    best: tuple[str, float] | None = None
    for key in candidates:
        jac, cont = similarity(mine, shingles(latest_text(key)))
        if is_same_story(jac, cont) and (best is None or jac > best[1]):
            best = (key, jac)
    return best


def slugify(text: str, max_words: int = 8) -> str:
    norm = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", norm)[:max_words]
    return "-".join(words)


def key_from_text(text: str, captured_at: str) -> str:
    """A readable key: slug of the headline (or first words) plus the capture date."""
    parts = parse(text)
    basis = parts.headline or (parts.paragraphs[0] if parts.paragraphs else text)
    slug = slugify(basis, max_words=7) or "article"
    return f"{slug}-{captured_at[:10]}"


def key_from_url(url: str) -> str:
    """A key from a URL: its last meaningful path segment, else its host."""
    split = urlsplit(url.strip())
    segments = [s for s in split.path.split("/") if s and not s.isdigit()]
    for seg in reversed(segments):
        seg = re.sub(r"\.(html?|php|aspx?)$", "", seg)
        slug = slugify(seg.replace("-", " ").replace("_", " "), max_words=10)
        if slug and not slug.isdigit() and seg not in ("index", "amp"):
            return slug
    return slugify(split.netloc or url) or "article"
