"""How a change made without a notice (or outside what one covers) is read, by the
structure of the change rather than by its wording.

``stealth.alters`` asks three questions here:

- did a quotation change, or did only its closing mark move with the attribution
  (``",” she said.`` restructured into one quoted sentence)? Only words that were
  inside quotation marks and are no longer quoted anywhere count as a quote altered;
- is a capitalised word a name at all ("His" opening a sentence is a pronoun the text
  uses in lower case elsewhere), and is an initialism ("CBP") still named, spelt out
  ("Customs and Border Protection")?
- did an attribution change, or only its verb ("said" -> "told reporters"), the
  speaker still named? A headline that takes the quotation marks off a claim it keeps
  word for word drops the attribution too.
"""

from __future__ import annotations

import re
from collections import Counter

from versioner.attribution import SOURCE_SWAPPED
from versioner.figures import extract_figures
from versioner.flags import Flag
from versioner.model import FlagType, Section
from versioner.names import is_ordinary

_STRAIGHT = str.maketrans("’‘\u00a0", "'' ")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_OPEN, _CLOSE = "“„«", "”»"
_DOUBLE = re.compile('[“”„«»"]')


def _words(text: str) -> list[str]:
    return _WORD.findall(text.translate(_STRAIGHT).lower())


def _stem(word: str) -> str:
    """A word without its plural or possessive ending: "bubble" and "bubbles" are the
    same quoted word."""
    word = re.sub(r"'s$", "", word)
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _quoted(text: str, inside: bool = False) -> tuple[list[str], bool]:
    """The words of ``text`` inside quotation marks (curly, angled or straight), starting
    inside a quotation or not, and whether the text ends inside one."""
    found: list[str] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN or ch in _CLOSE or ch == '"':
            if inside:
                found += _words(text[start:i])
            inside = ch in _OPEN or (ch == '"' and not inside)
            start = i + 1
    if inside:
        found += _words(text[start:])
    return found, inside


def quoted_words(text: str) -> Counter[str]:
    """How often each word stands inside quotation marks, paragraph by paragraph."""
    return Counter(_stem(w) for line in text.splitlines() for w in _quoted(line)[0])


def _quoted_in_place(fragment: str, text: str) -> list[str] | None:
    """The words of a flag's ``fragment`` (pieces joined by "…") that stood inside
    quotation marks where the fragment sits in ``text``; None when a piece is not found."""
    found: list[str] = []
    for piece in (p for p in fragment.split("…") if p.strip()):
        for needle in (piece, piece.strip()):
            lines = [line for line in text.splitlines() if needle in line]
            readings = {tuple(_quoted(needle, _quoted(line[:at])[1])[0])
                        for line in lines for at in _places(needle, line)}
            if readings:
                break
        if len(readings) != 1 or not all(_DOUBLE.search(line) for line in lines):
            # not found, found both inside and outside a quotation, or in a paragraph that
            # quotes in single marks (an apostrophe looks the same): not read here
            return None
        found += readings.pop()
    return [_stem(w) for w in found]


def _places(needle: str, line: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), line)]


def quote_altered(flag: Flag, old_text: str, new_text: str) -> bool:
    """Were words that stood inside quotation marks changed or taken out of quotes? A
    closing mark that moved with the attribution, or quoted words now quoted in
    another sentence, change no quotation. Unknown place: assume they were."""
    inside = _quoted_in_place(flag.old, old_text)
    if inside is None:
        return True
    # a word still quoted anywhere is not lost: a lede re-cut to another run of a statement
    # the story quotes whole further down takes none of its words back
    lost = set(quoted_words(old_text)) - set(quoted_words(new_text))
    return any(w in lost for w in inside)


def _common_word(name: str, text: str) -> bool:
    """A capitalised word the text also uses in lower case ("His" opening a sentence,
    "his" elsewhere) is not a name."""
    words = re.findall(r"[^\W\d_]+", name)
    return bool(words) and all(re.search(rf"(?<![\w'’]){re.escape(w.lower())}(?![\w'’])", text) for w in words)


def _spelt_out(name: str, text: str) -> bool:
    """An initialism ("CBP") whose words the text names: a run of capitalised words,
    small joining words skipped, with those initials ("Customs and Border Protection")."""
    if not re.fullmatch(r"[A-Z]{2,6}", name):
        return False
    for run in re.findall(r"[A-Z][\w'’-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’-]*)+", text.translate(_STRAIGHT)):
        initials = "".join(w[0] for w in run.split() if w[0].isupper())
        if name in initials:
            return True
    return False


def sentence_opener(word: str, text: str) -> bool:
    """Is ``word`` an ordinary English word that ``text`` capitalises only where it opens
    a sentence or a paragraph ("Several towns lost power", "Regional radio said")? Then its
    capital is the sentence's, not a name's. A surname that is also a word ("Brown") is
    written with its first name, mid-sentence, at least once."""
    if not word.isalpha() or not word[1:].islower() or not is_ordinary(word):
        return False  # "US", "WHO": an initialism however ordinary its letters
    spots = [m.start() for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)]
    return bool(spots) and all(_opens_sentence(text, at) for at in spots)


def _opens_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip(" \t\u00a0\"“‘'(")
    if before[-1:] == ".":
        # "Mr. Brown", "J. Brown", "Gen. Brown": a full stop of an abbreviation opens nothing
        last = re.findall(r"[^\W\d_]+$", before[:-1])
        return not last or not (last[0][:1].isupper() and len(last[0]) <= _ABBREVIATION)
    return not before or before[-1] in "\n!?:"


_ABBREVIATION = 4  # "Mr", "Dr", "Gen", "Sgt", "Capt", an initial


def not_a_name(name: str, new_text: str) -> bool:
    """Is this capitalised run no name that a change could take out: a common word
    capitalised, or an initialism the text spells out?"""
    return _common_word(name, new_text) or _spelt_out(name, new_text)


# the verb of an attribution and the words that join it to the sentence: "said" ->
# "told CNN" restyles who said it only if the speaker is still named (checked apart)
_SPEECH = frozenset("said says say told tells added adds wrote writes noted notes stated states explained "
                    "according to who whose which that and but as in a the of".split())


def only_speech_verb(flag: Flag) -> bool:
    """Did an attribution change only its verb and joining words, no speaker taken out?"""
    old = _words(flag.old)
    return bool(old) and all(w in _SPEECH for w in old)


# a quotation mark: double marks, and single ones not inside a word (an apostrophe is)
_QUOTE_MARK = re.compile(r"[“”„«»\"]|(?<![^\W_])['‘’]|['‘’](?![^\W_])")


def headline_unquoted(flag: Flag) -> bool:
    """Did the headline take the quotation marks off words it kept ("kills 'up to 10'"
    -> "kills up to 10")? Marks in a headline attribute a claim to someone; without
    them the outlet states it as its own fact: the attribution was taken out."""
    if flag.section != Section.HEADLINE or _words(flag.old) != _words(flag.new):
        return False
    return len(_QUOTE_MARK.findall(flag.old)) > len(_QUOTE_MARK.findall(flag.new))


# a source cited by name: "according to" and the words up to the clause's end
_ACCORDING = re.compile(r"\baccording\s+to\s+([^,.;:!?()“”\"]+)", re.I)
_SOURCE_WORDS = 6  # a source is a noun phrase: "the agency's annual report", "a staff list seen by ..."
_NOT_SOURCE = frozenset("the a an its his her their our this that these those some one of by to in on at "
                        "and or from with for".split())


def _sources(paragraph: str) -> list[set[str]]:
    """The sources a paragraph cites, each as its content words: after "according to",
    and the speaker a speech verb closes on ("..., hospital officials said", "The fire
    service said at least ...")."""
    text = paragraph.translate(_STRAIGHT)
    found = []
    for m in _ACCORDING.finditer(text):
        words = {_stem(w) for w in _words(m.group(1))[:_SOURCE_WORDS] if w not in _NOT_SOURCE}
        if words:
            found.append(words)
    for m in _SAID.finditer(text):
        clause = _WORD.findall(_CLAUSE_BREAK.split(text[:m.start()])[-1])
        # a speaker, not the rest of a sentence, described in common words (a body, an office:
        # "the fire service", "local officials"); one named is judged as names are ("Iran said"
        # and "Tehran said" may be one source)
        if 0 < len(clause) <= _SPEAKER_WORDS and any(w[:1].islower() for w in clause[1:] or clause):
            words = {_stem(w.lower()) for w in clause if w[:1].islower() or is_ordinary(w)} - _NOT_SOURCE - _PRONOUNS
            if words:
                found.append(words)
    return found


# a speech verb and the clause before it, whose words are who spoke
_SAID = re.compile(r"\b(?:said|says|told|reported|confirmed|estimated)\b")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]“”\"–—]|\s-\s")
_SPEAKER_WORDS = 4
_PRONOUNS = frozenset("he she they it we i you who which one".split())


def _cited_in(fragment: str, text: str, touched: set[str]) -> list[set[str]]:
    """The sources cited in the paragraph of ``text`` that holds the longest piece of a
    flag's side and cites words the flag touches: a short side ("press release") may
    stand in an earlier paragraph too, which is not the one edited."""
    piece = max((p.strip() for p in fragment.split("…")), key=len, default="")
    for line in text.splitlines():
        if piece and piece in line:
            sources = _sources(line)
            if any(s & touched for s in sources):
                return sources
    return []


def source_swapped(flag: Flag, old_text: str, new_text: str) -> bool:
    """Was the source a sentence cites replaced by another ("according to the ministry"
    -> "according to a leaked memo"): the edit takes words out of a source the old
    paragraph cited and puts in words of a source the new one cites, and none of the
    old source's words is cited there now? Who the story says its fact came from was
    changed, a published attribution put right; "according to police" restyled as
    "police said", or "local police" as "police in Orlen", keeps its source."""
    if not flag.old.strip() or not flag.new.strip():
        return False
    old_touched, new_touched = set(map(_stem, _words(flag.old))), set(map(_stem, _words(flag.new)))
    before = [s for s in _cited_in(flag.old, old_text, old_touched) if s & old_touched]
    after = _cited_in(flag.new, new_text, new_touched)
    if not before or not after:
        return False
    cited = set().union(*after)
    # a name put in ("the Vessa port authority") says where the same source is, not another
    named = {_stem(w.lower()) for w in re.findall(r"\b[A-Z][\w'’-]*", flag.new) if not is_ordinary(w)}
    return any(not s & cited or _modifier_swapped(s, after, old_touched, new_touched - named) for s in before)


def _modifier_swapped(source: set[str], after: list[set[str]], old_touched: set[str],
                      new_touched: set[str]) -> bool:
    """Was only the word that says which body a source is replaced ("hospital officials"
    -> "local officials", "the interior ministry" -> "the health ministry")? Another body
    now vouches for the fact. A word only added ("officials" -> "senior officials") or
    only dropped narrows or widens the same source."""
    return any(source & now and (source - now) & old_touched and (now - source) & new_touched
               for now in after)


# an attribution flag's reason when one source was put for another: "source swapped: A -> B"
# (attribution.SOURCE_SWAPPED), or "source changed: A -> B" after "according to" (the flag
# rules tell a swap from a restyle; a speaker kept under another verb, or named by the title
# the story gives, is flagged otherwise)
_SWAP_REASON = re.compile(rf"^(?:source changed|{re.escape(SOURCE_SWAPPED)}): (?P<old>.+?) -> (?P<new>.+)$")


def speaker_swapped(flag: Flag) -> bool:
    """Does an attribution flag say that one source or speaker was put for another
    ("a spokesperson" -> "the harbour master")? Both sides must name one: a source put in
    where there was none, or taken out, is not a swap. Who the story says a fact came
    from was changed: a published attribution put right, which an update does not tell of."""
    m = _SWAP_REASON.match(flag.reason) if flag.type == FlagType.ATTRIBUTION else None
    return m is not None and "-" not in (m.group("old").strip(), m.group("new").strip())


def made_precise(flag: Flag) -> bool:
    """Was a count given without its number replaced by one within its range ("dozens
    of homes" -> "43 homes", "several" -> "seven")? A vague count names an order of
    magnitude, from its word's least (two dozen, three) up to the next power of ten;
    a number inside it makes the published count precise, contradicting nothing. One
    outside it ("dozens" -> "12"), or of another thing ("several metres" -> "8 ft"),
    puts the count right."""
    old, new = extract_figures(flag.old), extract_figures(flag.new)
    if len(old) != 1 or len(new) != 1 or old[0].kind != "vague" or new[0].kind != "number":
        return False
    vague, count = old[0], new[0]
    if vague.noun != count.noun or not vague.value <= count.value < 10 ** (len(str(int(vague.value)))):
        return False
    # nothing else taken out with it ("dozens of homes damaged" -> "43 homes destroyed")
    rest = set(_words(flag.old.replace(vague.text, " "))) - _COUNT_JOINERS
    return rest <= set(_words(flag.new))


# words that join a vague count to what it counts: "dozens of", "scores more"
_COUNT_JOINERS = frozenset(("of", "more"))
