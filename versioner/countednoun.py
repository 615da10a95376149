"""The noun phrase a figure counts: read in the words after it ("33 civilians killed"
-> "civilians") or, when none follows, in the subject of a verb before it ("the death
toll rose to 33" -> "death toll"). Part of the figure reader (``figures.py``)."""

from __future__ import annotations

from versioner.figurepatterns import _word_set
from versioner.names import contracted
from versioner.reading import DATE_WORDS
from versioner.smallfixes import misspelling_fixed

# Bump when an edit here changes what the reader returns (see figures.RULES_VERSION).
# 1: split from figures.py, outputs unchanged
# 2: same_thing_counted: a noun's other form or a marked contraction names the same thing (t20k)
# 3: a noun misspelt or so fixed by a letter or two is the same thing counted (q3figures)
# 4: Dutch function words end a noun phrase too ("1.250 bezoekers naar de markt": bezoekers)
RULES_VERSION = 4


_STOP = _word_set("""
a an the and or but nor of in on at to for from by with without over under into onto upon
about above below after before during since until till within among amid amidst between
through throughout across against toward towards near per via including excluding like as
than then that which who whom whose where when while if because so also still yet already
just only even ever now ago each apiece respectively altogether total overall around
is are was were be been being has have had do does did will would shall should may might
must can could cannot said says say told tell according reported died die dies fled fell
rose went came left lost won got took made saw remain remains face faces struck began
broke fought gave held kept led met paid ran sent shot sold spent stood wrote it its their his
her they them we us our you your i he she this these those there here not no all some any
both either neither such what out up down off away back
de het een naar volgens bij uit voor aan tot en werd werden wordt worden zijn heeft hebben op
""") | DATE_WORDS  # a day or a month ends the noun phrase
_SKIP_ADJ = _word_set("more additional other extra further fewer another some odd")
_ED_ING_NOUNS = _word_set("""bed shed speed seed need breed creed hundred building meeting
morning evening wedding funding bombing shooting ceiling housing spring king thing ring
string wing training warning offering hearing ruling sibling feeling landing""")
_LY_NOUNS = _word_set("family ally rally assembly supply italy reply anomaly monopoly")
_HEAD_VERBS = _word_set("""rose risen rises climbed climbs jumped increased reached reaches
stood stands hit hits is was are were fell fallen dropped totalled totaled totals
numbered""")
_COPULA = _word_set("were are")


def _noun_from(following: str) -> str | None:
    """The head noun phrase in the words right after a figure: up to three words, leading
    adjectives such as 'more' skipped, stopping at function words and at verbs."""
    words = following.lower().split()
    if len(words) > 1 and words[0] in _COPULA:
        words = words[1:]  # "113 were members of the army": a number standing for the people it counts
    kept: list[str] = []
    for i, w in enumerate(words):
        if w in _STOP:
            break
        if not kept and w in _SKIP_ADJ:
            continue
        if w[-2:] == "ly" and w not in _LY_NOUNS:
            if kept:
                break
            continue  # "heavily armed men"
        # a participle only leads a noun phrase ("armed men"); after a noun it is a verb
        if ((w[-2:] == "ed" or w[-3:] == "ing") and w not in _ED_ING_NOUNS
                and (kept or i + 1 == len(words) or words[i + 1] in _STOP)):
            break
        kept.append(w)
        if len(kept) == 3:
            break
    return " ".join(kept) if kept else None


def _noun_before(text: str, start: int) -> str | None:
    """'the death toll rose to 33' -> 'death toll': the subject of a reporting verb just
    before a figure that no noun follows."""
    lo = max(0, start - 60)
    words = text[lo:start].split()
    if lo > 0 and words:
        del words[0]  # may be cut in half
    if not words or not text[start - 1].isspace():
        return None
    if words[-1] in ("to", "at", "by", "from"):
        words.pop()
        if len(words) > 1 and words[-1][:1].isdigit() and words[-2] == "from":
            del words[-2:]  # "rose from 31 to 33"
    if not words or words[-1] not in _HEAD_VERBS:
        return None
    words.pop()
    while words and words[-1] in ("now", "has", "had", "have"):
        words.pop()
    if not words or not words[-1].isalpha() or not words[-1].islower() or words[-1] in _STOP:
        return None
    head = words[-1]
    if len(words) > 1 and words[-2].isalpha() and words[-2].lower() not in _STOP:
        return f"{words[-2].lower()} {head}"
    return head


# Plurals English does not form with -s ("six feet", "two people")
_IRREGULAR = {"feet": "foot", "men": "man", "women": "woman", "people": "person", "children": "child",
              "teeth": "tooth", "mice": "mouse", "geese": "goose"}


def same_thing_counted(old: str, new: str) -> bool:
    """Do two nouns a figure counts name one thing, only written another way: one form
    of the same word ("persons" -> "person") or a word contracted with a mark and spelt
    out ("Govt." -> "Government")? A different word ("soldiers" -> "civilians") is
    another thing counted: this reader knows no synonyms, so "rounds" -> "cycles" stays one.
    A word misspelt by a letter or two, or so fixed ("homes" -> "hoems"), is a typo of the
    same word (smallfixes.misspelling_fixed)."""
    a, b = old.split(), new.split()
    return len(a) == len(b) and all(_one_word(x, y) for x, y in zip(a, b))


def _one_word(a: str, b: str) -> bool:
    return a == b or bool(_forms(a) & _forms(b)) or contracted(a, b) or contracted(b, a) \
        or misspelling_fixed([a], [b]) or misspelling_fixed([b], [a])


def _forms(word: str) -> set[str]:
    """The word and the singulars it may be the plural of ("houses" -> "house", "buses"
    -> "bus", "cities" -> "city", "feet" -> "foot")."""
    forms = {word, _IRREGULAR.get(word, word)}
    if word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        forms.add(word[:-2])
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    return forms
