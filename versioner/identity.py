"""Which article a revision belongs to, when no key is given.

Same story = high overlap of word 3-shingles with an article's latest
revision. A bottom-k MinHash sketch (stored per article) finds candidates;
the exact Jaccard similarity of the full shingle sets decides.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
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
    return set(_shingle_hashes(_word_ids(story)))


def _word_ids(story: str) -> list[int]:
    # One CRC per word, then CPython's tuple hash per shingle: both run in C,
    # and neither is salted per process (str hashes are; tuples of ints are not).
    # Hashing each shingle's text with blake2b was half the cost of a bulk import.
    words = _folded_word_bytes(story)
    if len(words) < SHINGLE:
        words = words + [b""] * (SHINGLE - len(words))
    return list(map(zlib.crc32, words))


def _shingle_hashes(ids: list[int]) -> Iterator[int]:
    return map(hash, zip(ids, ids[1:], ids[2:]))


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# every ASCII byte that is not a word character becomes a space
_WORD_BYTES = bytes(b if re.fullmatch(rb"\w", bytes([b])) else 32 for b in range(256))


def _folded_word_bytes(story: str) -> list[bytes]:
    """``_WORD.findall(story.casefold())``, UTF-8 encoded, at a third of the cost:
    ASCII text is split on its non-word bytes instead of matched word by word."""
    folded = story.casefold()
    if not folded.isascii():
        # curly quotes, dashes, currency signs: separators, as a space would be
        for char in set(_NON_ASCII.findall(folded)):
            if not _WORD.fullmatch(char):
                folded = folded.replace(char, " ")
    if folded.isascii():
        return folded.encode().translate(_WORD_BYTES).split()
    return [w.encode() for w in _WORD.findall(folded)]


def sketch(text: str) -> list[int]:
    """The SKETCH_SIZE smallest shingle hashes (bottom-k MinHash)."""
    return story_sketch(story_text(text))


def story_sketch(story: str) -> list[int]:
    """``sketch`` of a text already reduced to its story (``story_text``)."""
    ids = _word_ids(story)
    count = len(ids) - 2
    if count > 2 * SKETCH_SIZE:
        # Shingle hashes are spread evenly over 64 bits, so the smallest lie below
        # a bound that about twice SKETCH_SIZE of them pass: only those are kept
        # and sorted. When fewer than SKETCH_SIZE pass (rarely), all are sorted.
        bound = -(2**63) + (2 * SKETCH_SIZE << 64) // count
        below = functools.partial(operator.gt, bound)  # C all the way, unlike bound.__gt__
        low = sorted(set(filter(below, _shingle_hashes(ids))))
        if len(low) >= SKETCH_SIZE:
            return low[:SKETCH_SIZE]
    return sorted(set(_shingle_hashes(ids)))[:SKETCH_SIZE]


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
    """Lower-case ASCII words joined by hyphens. Other scripts are transliterated
    (text-unidecode: ``Взрыв`` -> ``vzryv``, ``Σεισμός`` -> ``seismos``), so a
    Cyrillic, Greek or Arabic headline gives a readable key, not only its digits."""
    if not text.isascii():
        from text_unidecode import unidecode  # type: ignore[import-untyped]

        text = unidecode(unicodedata.normalize("NFC", text))
    # an apostrophe joins its word (owner's -> owners), it does not split it
    words = re.findall(r"[a-z0-9]+", re.sub(r"['`]", "", text.lower()))[:max_words]
    return "-".join(words)


def key_from_text(text: str, captured_at: str) -> str:
    """A readable key: slug of the headline (or first words) plus the capture date."""
    parts = parse(text)
    basis = parts.headline or (parts.paragraphs[0] if parts.paragraphs else text)
    slug = slugify(basis, max_words=7) or "article"
    return f"{slug}-{captured_at[:10]}"


# Path segments that name a section, a page type or a date, not the story.
_GENERIC = frozenset(
    "news article articles story stories index amp default home post posts item items content "
    "politics world business economy sport sports opinion local national international latest live "
    "video videos blog blogs section category tag tags page html www "
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december".split()
)
# labels under a country's domain that are not the site's name (bbc.co.uk, abc.net.au)
_SECOND_LEVEL = frozenset("co com net org gov ac edu or ne go gob nic".split())
_EXTENSION = re.compile(r"(\.(s?html?|php|aspx?|jsp|amp))+$", re.I)
_PAGE_NUMBER = re.compile(r"\d{5,}")  # an id, not a day, month or year


def _site(host: str) -> str:
    """The site's name in a host: ``www.reuters.com`` -> ``reuters``, ``news.bbc.co.uk`` -> ``bbc``."""
    host = re.sub(r"^(www\d*|m|mobile|amp)\.", "", host.lower().rstrip("."))
    labels = host.split(".")
    if len(labels) < 2 or labels[-1].isdigit():  # localhost, an IP address
        return slugify(host)
    labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return slugify(labels[-1])


def _says_something(slug: str) -> bool:
    """A word that is not a number, a section, a month, or a language or country
    code (``en``, ``uk``: letters alone, two at most)."""
    return any(not w.isdigit() and w not in _GENERIC and not (w.isalpha() and len(w) <= 2)
               for w in slug.split("-") if w)


def key_from_url(url: str) -> str:
    """A key from a URL: the site's name and the last path segment that says
    something (sections, page types, dates and numeric ids skipped), as
    ``dailylantern-orvel-dam-inspection`` for
    ``https://www.dailylantern.example/news/2026/mar/02/orvel-dam-inspection``;
    with no such segment, the site and the page's number, else the site alone."""
    split = urlsplit(url.strip())
    site = _site(split.hostname or "") or "article"
    segments = [slugify(_EXTENSION.sub("", s).replace("_", " "), max_words=10) for s in split.path.split("/")]
    story = next((s for s in reversed(segments) if _says_something(s)), None)
    if story is None:
        story = next((s for s in reversed(segments) if _PAGE_NUMBER.fullmatch(s)), "")
    if not story or story == site or story.startswith(f"{site}-"):
        return story or site
    return f"{site}-{story}"
