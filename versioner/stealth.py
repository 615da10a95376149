"""What a change made without a notice did to the published text.

``alters`` says whether it took a published fact back (``altered``): a hedge taken
out, a name put for another, a figure replaced, a claim cut; or only added material
or reworded (``added``, ``adds_material``). ``rearranged`` and ``respaced`` tell a
change that says nothing new and takes nothing out. The questions asked of a
change's structure (a quotation, a name, a verb of saying) are in ``silent.py``.
"""

from __future__ import annotations

import re
from enum import StrEnum

from versioner.evidence import _FILLER, _STRAIGHT, _norm, _numbers, _words
from versioner.figures import number_word_value
from versioner.flags import Flag
from versioner.model import FlagType, Section
from versioner.names import FUNCTION_WORDS
from versioner.parse import is_credits_line
from versioner.silent import (
    made_precise,
    not_a_name,
    only_speech_verb,
    quote_altered,
    sentence_opener,
    source_swapped,
    speaker_swapped,
)
from versioner.swaps import direction_swapped, title_swapped


class StealthKind(StrEnum):
    """What a change made without a notice did to the published text."""

    ALTERED = "altered"  # a published fact changed or taken out
    ADDED = "added"      # material added, or reworded without changing a fact


_FACTS = frozenset((FlagType.FIGURE, FlagType.NAME, FlagType.QUOTE, FlagType.NEGATION, FlagType.ATTRIBUTION))


def survives(old: str, new_text: str) -> bool:
    """Are the old words (nearly all) still in the new text: moved, split, or shifted
    into another part, not taken out."""
    words = _words(old)
    if not words:
        return True
    have_words = _words(new_text)
    have = set(have_words)
    if sum(w in have for w in words) < 0.8 * len(words):
        return False
    if len(words) < _MOVED_WORDS:
        return True
    # and half its word pairs: a new paragraph in common words is not found "elsewhere"
    pairs = set(zip(have_words, have_words[1:]))
    mine = list(zip(words, words[1:]))
    return sum(p in pairs for p in mine) >= 0.5 * len(mine)


# lines about the reporting itself, dropped once superseded: "X did not respond to a
# request for comment", "This is a developing story"
_PROCESS_LINE = re.compile(
    r"\b(?:requests?\s+for\s+comment|reached\s+out\s+to|did\s+not\s+(?:immediately\s+)?(?:respond|reply|return)|"
    r"(?:has|have)\s+not\s+(?:yet\s+)?(?:responded|replied)|could\s+not\s+(?:immediately\s+)?be\s+reached|"
    r"developing\s+story|(?:will\s+be|is\s+being)\s+updated)\b", re.I)


def alters(flag: Flag, new_text: str, one_paragraph: bool, headline_only: bool = False,
           old_text: str | None = None) -> bool:
    """Did this change take back a published fact: a figure, name, quote, negation or
    attribution replaced or removed, or a paragraph of fact taken out?

    ``one_paragraph``: the old body was a single paragraph (a summary or teaser);
    replacing it whole is a rewrite, judged by the facts in it, not as a paragraph
    taken out. ``headline_only``: both revisions are a single line (a headline list):
    the line is judged as a headline is. ``old_text``: the earlier revision, where a
    quotation's words are looked up (without it every quote change counts)."""
    if _words(flag.old) == _words(flag.new) or _letters(flag.old) == _letters(flag.new) or only_inserted(flag):
        return False  # the same words, spelt together or apart, or words put in among them
    if flag.section in _CREDIT_SECTIONS:
        return False  # who wrote or edited the story is a credit, not a fact it published
    if made_precise(flag):
        return False  # "dozens" -> "43": a published count made precise, none contradicted
    if headline_only and flag.type != FlagType.NEGATION:
        return (_headline_figure_dropped(flag, new_text, old_text) or _cut_from_headline(flag, old_text, new_text)
                or _headline_fact_replaced(flag, new_text))
    if _PROCESS_LINE.search(flag.old.translate(_STRAIGHT)):
        return False  # "did not respond to a request for comment" superseded by the reply
    if flag.type == FlagType.NEGATION or swapped_in_place(flag, old_text or "", new_text):
        return True  # "not" put in or taken out, a title's rank or a source swapped: however short
    if not _words(flag.old):
        return False  # only punctuation gave way: nothing that was said is gone
    if flag.type == FlagType.HEADLINE:  # its words stand in the body too: judged as a headline
        # a figure it headlined that the story no longer gives anywhere ("40 staff" -> "25
        # staff") is a claim changed; one the body still gives was only taken off the top
        return not _figure_words(flag.old) <= _figure_words(new_text) or _cut_from_headline(flag, still=new_text)
    # a long passage whose words all stand elsewhere was moved; a word or two replaced
    # in place ("31" -> "33", "will" -> "should") is changed even if found elsewhere
    if len(_words(flag.old)) >= _MOVED_WORDS and survives(flag.old, new_text):
        return False
    if flag.type == FlagType.NAME:
        return not _still_named(flag.old, new_text) or _name_put_for_another(flag, new_text, old_text)
    if flag.type == FlagType.QUOTE and old_text is not None:
        # a closing mark moved with the attribution changes no quotation; what went with
        # the words outside the quote (a speaker, a number) still counts
        return quote_altered(flag, old_text, new_text) or _fact_lost(flag, new_text, old_text)
    if flag.type == FlagType.ATTRIBUTION and only_speech_verb(flag):
        return _fact_lost(flag, new_text, old_text)  # "said" -> "told CNN": the speaker still named
    if flag.type == FlagType.FIGURE and _figure_words(flag.old):
        return not _figure_words(flag.old) <= _figure_words(flag.new)
    if flag.type in _FACTS - {FlagType.FIGURE}:
        return True
    if flag.type in (FlagType.WORDING, FlagType.FIGURE):
        # words without a figure in them: reworded unless a fact went with the old words
        return _fact_lost(flag, new_text, old_text)
    return flag.type == FlagType.PARAGRAPH_REMOVED and (not one_paragraph or _retopped(flag, new_text, old_text))


# the parts that credit the story's makers (a byline, "Reporting by ..."): no fact of the story
_CREDIT_SECTIONS = frozenset((Section.BYLINE, Section.CREDITS))


def swapped_in_place(flag: Flag, old_text: str, new_text: str) -> bool:
    """A title's rank or the title itself, a direction, a cited source or a speaker
    replaced by another in place (``swaps.py``): a
    published fact put right, which no update notice tells of (it brings news, it does
    not re-attribute)."""
    return rank_swapped(flag) or speaker_swapped(flag) or title_swapped(flag) or direction_swapped(flag) \
        or bool(old_text) and source_swapped(flag, old_text, new_text)


def rank_swapped(flag: Flag) -> bool:
    """A rank in someone's title replaced by another in place ("a senior adviser" ->
    "chief adviser", "deputy" -> "acting"): the title published is changed, a fact
    put right, not news added."""
    old, new = _RANK.findall(flag.old), _RANK.findall(flag.new)
    return flag.type == FlagType.WORDING and bool(old) and bool(new) \
        and {w.lower() for w in old} != {w.lower() for w in new} \
        and len(flag.old.split()) <= _RANK_WORDS and len(flag.new.split()) <= _RANK_WORDS


_RANK = re.compile(r"\b(?:senior|chief|deputy|acting|interim|former|assistant|associate|vice|executive|principal|"
                   r"junior|managing)\b", re.I)
_RANK_WORDS = 3  # a rank swapped in place, not a clause rewritten around one


def _retopped(flag: Flag, new_text: str, old_text: str | None) -> bool:
    """A summary replaced whole under a new headline: the item re-topped with another
    story. The names and figures it published that the text no longer gives are facts
    taken off the page; a summary re-angled under the same headline tells the same story."""
    if old_text is None or _first_line(old_text) == _first_line(new_text):
        return False
    return _named_fact_lost(flag.old, new_text)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


# words that carry a fact of their own: a hedge or qualifier taken out changes the claim
_HEDGES = frozenset("not no never almost nearly about around roughly some allegedly reportedly suspected "
                    "possibly probably likely indefinitely only all every none throughout everywhere".split())
# (English, then the languages the notice vocabulary reads: German, French, Spanish, Dutch)
_NUMBER_WORDS = frozenset((
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds "
    "thousand thousands million millions billion billions dozen dozens half "
    "third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth "
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend millionen "
    "deux trois quatre cinq sept huit neuf dix onze douze vingt cent mille millions milliards "
    "dos tres cuatro cinco seis siete ocho nueve diez once doce veinte cien mil millones "
    "twee drie vier vijf zes zeven acht negen tien elf twaalf twintig honderd duizend miljoen miljard").split())
# a clause this long taken out of a sentence takes a statement with it
_CLAUSE_WORDS = 6


def respaced(flag: Flag) -> bool:
    """The same letters on both sides, only spaces or punctuation moved ("officer if" ->
    "officerif", "Rusland-correspondent" -> "Ruslandcorrespondent"): nothing changed."""
    return bool(flag.old.strip()) and _letters(flag.old) == _letters(flag.new)


def figure_words(text: str) -> set[str]:
    """The numbers in ``text``, in digits or in words (for the modules that judge with these)."""
    return _figure_words(text)


def _letters(text: str) -> str:
    """The letters and digits alone: "Rusland-correspondent" and "Ruslandcorrespondent" alike."""
    return "".join(_words(text))


def _figure_words(text: str) -> set[str]:
    """The numbers in ``text``, in digits or in words ("two", "1,850"), and a score or
    tally written as one ("0-0" and "1-0" are different scores, though both hold a 0)."""
    scores = {re.sub(r"\s", "", m).replace("–", "-") for m in _SCORE.findall(text)}
    return _numbers(text) | {_as_digits(w) for w in _words(text) if w in _NUMBER_WORDS} | scores


def _as_digits(word: str) -> str:
    """A number word as the digits it stands for ("two" is "2", as in "F2"); a word of
    scale or an ordinal stays a word."""
    value = number_word_value(word)
    return word if value is None else str(value)


# a score or vote tally: "2-1", "31 – 14"
_SCORE = re.compile(r"(?<![\w.,-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w.,-]?\d)")


def _fact_lost(flag: Flag, new_text: str, old_text: str | None = None) -> bool:
    """Did replacing or cutting these words take a fact with them: a number, a name no
    longer in the text, a hedge or negation, or a whole clause? Common words swapped
    ("ended" -> "ends", "big" -> "large", a projection become a result) restyle the
    sentence; they take back nothing that was published."""
    if _named_fact_lost(flag.old, new_text, old_text):
        return True
    if _hedges(flag.old) - _hedges(flag.new):
        return True
    if {w for w in _words(flag.old) if w.endswith("n't")} - set(_words(flag.new)):
        return True  # "hasn't addressed" taken out: a negation gone, however it was spelt
    return not flag.new.strip() and len(_words(flag.old)) >= _CLAUSE_WORDS


def _hedges(text: str) -> set[str]:
    """The hedges and quantifiers of ``text``, each hedge as the kind it is (so "about" ->
    "around" takes none out), and the hedging of a claim by a modal or by who holds it
    ("may have started", "is believed to have", "appears to"); one that only opens a
    compound ("all-time", "all-party") qualifies that word, not the claim (a negation
    still counts: "no-fly")."""
    norm = _norm(text)
    negated = {w for c in _COMPOUND.findall(norm) for w in c.split("-") if w in _NEGATIONS}
    words = {_HEDGE_KIN.get(w, w) for w in _words(_COMPOUND.sub(" ", norm)) if w in _HEDGES}
    hedged = {kind for kind, pattern in _HEDGING if pattern.search(text.translate(_STRAIGHT))}
    return words | negated | hedged


# hedges that say the same as another: one put for the other hedges as much ("may have"
# -> "probably", "about" -> "around"); only a claim left with no hedge of its kind lost one
_HEDGE_KIN = {w: kin for kin, ws in (("~about", "about around roughly approximately some"),
                                     ("~nearly", "almost nearly"),
                                     ("~doubt", "possibly probably likely suspected")) for w in ws.split()}
# a claim hedged without a hedge word: a modal (lower case: "May 3" is a date), someone's
# belief, expectation or appearance, an adverb of doubt. Taken out, the story states the
# claim as fact
_HEDGING = (
    ("~doubt", re.compile(r"\b(?:may|might|could)\b")),
    ("~doubt", re.compile(r"\b(?:believed|thought|understood|suspected|presumed|feared|reported|said|expected)"
                          r"\s+to\b|\b(?:appears?|appeared|seems?|seemed)\s+to\b|"
                          r"\b(?:apparently|seemingly|presumably|perhaps|potentially)\b", re.I)),
)


_COMPOUND = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
_NEGATIONS = frozenset(("not", "no", "never", "none"))


def _named_fact_lost(old: str, new_text: str, old_text: str | None = None) -> bool:
    """Is a number or a name of these words gone from the text ("Colonial" that is now
    "colonial" is still there, and "Ireland's" is "Ireland" in another construction)?
    An ordinary word the earlier revision capitalises only where it opens a sentence
    ("Several towns", "Regional radio said") names no one."""
    if not _figure_words(old) <= _figure_words(new_text):
        return True
    have = {_bare(w) for w in _words(new_text)} | _shortened(old, new_text)
    gone = (name for name in _PROPER.findall(old.translate(_STRAIGHT))
            if any(_bare(w) not in have for w in _words(name)))
    return any(not not_a_name(name, new_text) and not (old_text and sentence_opener(name, old_text))
               for name in gone)


def _shortened(old: str, new_text: str) -> set[str]:
    """The words of names in ``old`` that ``new_text`` still names, shortened: by the
    last word ("President Jane Roe" as "Roe") or by the initials ("Formula Two" as
    "F2", "European Union" as "EU")."""
    have = {_bare(w) for w in _words(new_text)}
    shorts = set(_INITIALISM.findall(new_text))
    return {w for run in _NAME_RUN.findall(old.translate(_STRAIGHT)) if len(run.split()) > 1
            and (_bare(_words(run)[-1]) in have or _initials(run) in shorts) for w in _words(run)}


def _initials(run: str) -> str:
    return "".join(str(number_word_value(w)) if number_word_value(w) else w[0].upper() for w in run.split())


_INITIALISM = re.compile(r"\b[A-Z][A-Z0-9]+\b")


def _bare(word: str) -> str:
    """A word without its possessive: "Manchester's" is "Manchester" moved."""
    return re.sub(r"'s$", "", word)


def adds_material(flag: Flag) -> bool:
    """Does this change bring new material, not just other words for the same thing: a
    paragraph added (credits and a byline aside), or a name, a number or several words
    the words it replaced did not have (a headline rewritten around a new angle; not the
    same words in another order)?"""
    if flag.section in _CREDIT_SECTIONS or credit_line(flag.new) or _letters(flag.old) == _letters(flag.new):
        return False  # "X contributed to this report", a byline: a credit, not news
    if flag.type == FlagType.PARAGRAPH_ADDED:
        return True
    if _figure_words(flag.new) - _figure_words(flag.old):
        return True  # a figure the old words did not have ("18,000" written "18k" is the same one)
    had = {_bare(w) for w in _words(flag.old)}
    new = [w for w in map(_bare, _words(flag.new)) if w not in had]
    gone = [w for w in had - {_bare(w) for w in _words(flag.new)} if len(w) >= _STEM]
    names = {_bare(w) for name in _PROPER.findall(flag.new.translate(_STRAIGHT)) for w in _words(name)
             if w not in _FILLER}
    if any(w in names and not _respelt(w, gone) for w in new):
        return True
    if flag.type == FlagType.HEADLINE and _clause_appended(flag.old, flag.new):
        return True
    # function words ("after", "when", "their") join the words that carry the material
    return sum(len(w) > 3 and w not in FUNCTION_WORDS for w in new) >= _NEW_WORDS


# what joins a clause on to a headline: a comma, a colon, a dash, "and" (in the
# languages the notice vocabulary reads)
_JOINED = re.compile(r"^\s*(?:[,;:–—]|-\s|(?:and|en|und|et|y)\b)", re.I)


def _clause_appended(old: str, new: str) -> bool:
    """Was a clause of two or more words joined on to an otherwise unchanged headline
    ("Storm shuts port" -> "Storm shuts port, schools closed")? It tells a new
    development beside the claim kept; a phrase of context run on without a join
    ("... jailed for fraud") adds none."""
    old, new = old.strip(), new.strip()
    if not old or not new.startswith(old) or not _JOINED.match(new[len(old):]):
        return False
    return sum(len(w) > 3 and w not in FUNCTION_WORDS for w in _words(new[len(old):])) >= 2


# this many words the earlier revision never used say something new
_NEW_WORDS = 3
# a name sharing this many first letters with one it replaced is the same name respelt
# ("Argentinian" -> "Argentine")
_STEM = 6


def _respelt(word: str, gone: list[str]) -> bool:
    return len(word) >= _STEM and any(g[:_STEM] == word[:_STEM] for g in gone)


# "CNN's Jane Roe contributed to this report", maybe with a photo credit glued on
_CONTRIBUTED = re.compile(r"\bcontributed\s+(?:reporting\s+)?to\s+this\s+(?:report|story|article)\b", re.I)
_CREDIT_CHARS = 300


def credit_line(text: str) -> bool:
    """Is this paragraph a credit (reporters, editors, a photo) or a promotion (watch,
    stream, subscribe), not news?"""
    text = text.strip()
    return is_credits_line(text) or len(text) <= _CREDIT_CHARS and (
        _CONTRIBUTED.search(text) is not None or _PROMO.search(text) is not None)


# a call to the reader to watch, stream, listen or subscribe: the outlet's own promotion
_PROMO = re.compile(
    r"(?:^(?:watch|stream(?:ing)?|listen|subscribe|sign\s+up|download|read\s+more|upgrade)(?:\s+now)?\s*:|"
    r"\b(?:stream|watch|listen\s+to)\s+(?:the\s+|this\s+|it\s+|our\s+)?(?:\w+\s+)?now\s+on\b|"
    r"\bupgrade\s+to\s+(?:watch|read|listen)\b|\bsign\s+up\s+for\s+(?:our|the)\b.{0,40}\bnewsletter\b)", re.I)


def _cut_from_headline(flag: Flag, old_line: str | None = None, new_line: str | None = None,
                       still: str | None = None) -> bool:
    """A headline rewritten to a new angle or new information stops headlining the old
    claim without taking it back; words cut from an otherwise unchanged headline (an
    age, "indefinitely") narrow what it claimed. ``old_line``, ``new_line``: the whole
    headlines, when the flag is one piece of one (a rewrite may put words in elsewhere).
    ``still``: the whole new article, when the headline stands over a story: a name or a
    number it still gives was only taken off the top ("NSB" cut while the body names
    the NSB), as a figure is; a hedge cut still narrows the headline's own claim."""
    old, new = set(_words(flag.old)), set(_words(flag.new))
    whole_old, whole_new = (set(_words(old_line)), set(_words(new_line))) if old_line and new_line else (old, new)
    added = {w for w in whole_new - whole_old if w not in _FILLER}
    cut = old - new
    if added or not cut:
        return False
    names = {w for name in _PROPER.findall(flag.old.translate(_STRAIGHT))[1:] for w in _words(name)}
    if still is not None:
        given = set(_words(still))
        if not cut & _HEDGES:
            cut -= given  # named or counted in the story still: nothing it published is gone
    # "next" or "virus" dropped is a trim; an age, a name or "indefinitely" narrows the claim
    return bool(cut & (_HEDGES | _NUMBER_WORDS | names)) or any(c.isdigit() for w in cut for c in w)


def _headline_figure_dropped(flag: Flag, new_text: str, old_text: str | None) -> bool:
    """Does the headline no longer give a figure it gave? One put in its place ("40 staff"
    -> "25 staff"), or none with no one new named ("kills 12" -> "kills several", "cuts
    40 jobs" -> "cuts jobs quietly"), takes the figure back; a headline rewritten around
    someone it now names, with no figure in its place, has a new angle and only stops
    headlining the figure ("wins with seven goals" -> "wins, Ann Lee and Tom Roe score"),
    as a name dropped for a new angle does (``_headline_fact_replaced``)."""
    old, new = _figure_words(flag.old), _figure_words(flag.new)
    if old <= new:
        return False
    return bool(new - old) or not _names_anew(old_text or flag.old, new_text)


def _names_anew(old: str, new: str) -> bool:
    """Does the new line name someone or something the old one did not? A capital that
    only opens the line names no one; an initialism there does ("NFI")."""
    names = _PROPER.findall(new.translate(_STRAIGHT))
    if names and new.lstrip().startswith(names[0]) and not names[0].isupper():
        names = names[1:]
    had = set(_words(old))
    return any(w not in had for name in names for w in _words(name))


def _headline_fact_replaced(flag: Flag, new_text: str) -> bool:
    """A headline that puts other words inside its quotation marks misquotes what it
    quoted; one that stops naming the people it named, and names no one instead, has
    generalised its claim (a new angle names whom it is now about)."""
    if flag.type == FlagType.QUOTE:  # the same quoted words moved about are not a misquote
        return bool(_words(flag.new)) and not set(_words(flag.old)) <= set(_words(flag.new))
    have = set(_words(new_text))
    if flag.type == FlagType.NAME and _one_name(flag.old) and _one_name(flag.new) \
            and not set(_words(flag.old)) & have:
        return True  # one place or name put for another, the rest of the line kept: put right
    gone = [name for name in _PERSON.findall(flag.old.translate(_STRAIGHT))
            if not any(w in have for w in _words(name)[1:])]
    if flag.type != FlagType.NAME or not gone:
        return False
    named = [w for name in _PROPER.findall(flag.new.translate(_STRAIGHT)) for w in _words(name)]
    before = new_text[:max(new_text.find(flag.new), 0)].rstrip()
    if not before or before[-1] in ":.!?":
        named = named[1:] if named[:1] == _words(flag.new)[:1] else named  # a capital opening a sentence
    return not named


def _one_name(text: str) -> bool:
    """Is ``text`` one name and nothing else ("Brisk", "Kestrel Bay")?"""
    return _NAME_RUN.fullmatch(text.strip().translate(_STRAIGHT)) is not None


# a person's name: a capitalised word and a surname or an initial ("Jane Roe", "Ali K.")
_PERSON = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.|[A-Z][\w'’-]+))+")


def only_inserted(flag: Flag) -> bool:
    """Are all the old words still there, in order, on the new side: words put in, none
    replaced ("Yoon declared" -> "Yoon, 65, declared")? Copy that lost its spaces
    ("Yoondeclared") counts its glued words as the same words."""
    old, new = _words(flag.old), _words(flag.new)
    if not old or not new:
        return False
    glued = "".join(w for w in new if not w.isdigit())
    at, pos = 0, 0
    for w in old:
        try:
            at = new.index(w, at) + 1
            continue
        except ValueError:
            pass
        # only a long word is taken as glued copy: "Smith" inside "Smithson" is a new name
        found = glued.find(w, pos) if len(w) >= _GLUED_WORD else -1
        if found < 0:
            return False
        pos = found + len(w)
    return _figure_words(flag.old) <= _figure_words(flag.new)


_GLUED_WORD = 8


_PROPER = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z]")


def _still_named(old: str, new_text: str) -> bool:
    """Does the new text still name everyone the old words named ("Trump" -> "the
    president" while Trump is named elsewhere; "Jane Roe" -> "the minister" while
    "Roe" is; "the city" -> "Philadelphia")? Then the reference was restyled, not a
    name changed. A name of several words is still there when one of them is."""
    have = set(_PROPER.findall(new_text.translate(_STRAIGHT)))
    names = [n for n in _NAME_RUN.findall(old.translate(_STRAIGHT)) if not not_a_name(n, new_text)]
    return all(any(w in have for w in _PROPER.findall(name)) for name in names)


def _name_put_for_another(flag: Flag, new_text: str, old_text: str | None) -> bool:
    """Was a name replaced in place by one the story never had ("Mayor Jana Holm" ->
    "Mayor Petra Holm"), while the old one still stands elsewhere (a byline, a credit,
    someone else of that name)? It is named fewer times than before: whom the sentence
    is about was changed, not a reference restyled."""
    if not old_text or not flag.new.strip():
        return False
    had = set(_PROPER.findall(old_text.translate(_STRAIGHT)))
    if not any(w not in had for w in _PROPER.findall(flag.new.translate(_STRAIGHT))):
        return False  # no one new named: "Jane Roe" -> "Roe", "the city" -> a name it gave before
    names = [n for n in _PROPER.findall(flag.old.translate(_STRAIGHT)) if not not_a_name(n, new_text)]
    return any(_times_named(n, new_text) < _times_named(n, old_text) for n in names)


def _times_named(name: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text.translate(_STRAIGHT)))


_NAME_RUN = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z](?:\s+[A-Z][\w'’-]*[A-Za-z])*")


def rearranged(flag: Flag, old_text: str, new_text: str) -> bool:
    """Are the flag's words on both sides found in the other revision: a paragraph split,
    moved or shifted into another part (a summary shown as the headline), nothing said anew
    and nothing taken out."""
    if flag.type == FlagType.NEGATION or max(len(_words(flag.old)), len(_words(flag.new))) < _MOVED_WORDS:
        return False  # a word or two found elsewhere ("not", a name) was not moved there
    if flag.old.strip() and flag.new.strip() and flag.type != FlagType.PARAGRAPH_MOVED:
        # edited in place: only a reordering of the same words says nothing new
        return set(_words(flag.old)) == set(_words(flag.new))
    return survives(flag.old, new_text) and survives(flag.new, old_text)


_MOVED_WORDS = 4
